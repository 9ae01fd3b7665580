#!/usr/bin/env python3
"""Runs one Python peer parser on a chat export and prints how many records it returned.

usage: peers.py chat-miner|whatstk FILE
"""
import sys

peer, path = sys.argv[1], sys.argv[2]
if peer == "chat-miner":
    from chatminer.chatparsers import WhatsAppParser
    parser = WhatsAppParser(path)
    parser.parse_file()
    df = parser.parsed_messages.get_df()
    print(len(df))
elif peer == "whatstk":
    from whatstk import WhatsAppChat
    chat = WhatsAppChat.from_source(filepath=path)
    print(len(chat.df))
else:
    sys.exit(f"unknown peer {peer}")
