#!/usr/bin/env python3
"""Extracts the same fields as Bewaar (sender, text, time text, reactions, links, media) from a
Messenger-style HTML page with lxml.html or BeautifulSoup(html.parser), and writes them as JSON.

Usage: peers.py lxml|bs4 FILE > out.json
"""
import json
import sys

which, path = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
records = []


def text_of(parts):
    return " ".join(" ".join(parts).split())


if which == "lxml":
    import lxml.html
    doc = lxml.html.fromstring(data)
    for block in doc.xpath('//div[contains(concat(" ", normalize-space(@class), " "), " _a6-g ")]'):
        kids = [k for k in block if isinstance(k.tag, str)]
        if len(kids) < 2:
            continue
        body = kids[1:-1]
        reactions = [" ".join(li.text_content().split()) for b in body for li in b.iter("li")]
        for b in body:
            for ul in list(b.iter("ul")):
                ul.getparent().remove(ul)
        records.append({
            "author": " ".join(kids[0].text_content().split()),
            "text": text_of([b.text_content() for b in body]),
            "time": " ".join(kids[-1].text_content().split()),
            "reactions": reactions,
            "links": [a.get("href") for b in body for a in b.iter("a")],
            "media": [i.get("src") for b in body for i in b.iter("img")],
        })
else:
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(data, "html.parser")
    for block in soup.find_all("div", class_="_a6-g"):
        kids = block.find_all(recursive=False)
        if len(kids) < 2:
            continue
        body = kids[1:-1]
        reactions = [" ".join(li.get_text().split()) for b in body for li in b.find_all("li")]
        for b in body:
            for ul in b.find_all("ul"):
                ul.decompose()
        records.append({
            "author": " ".join(kids[0].get_text().split()),
            "text": text_of([b.get_text(" ") for b in body]),
            "time": " ".join(kids[-1].get_text().split()),
            "reactions": reactions,
            "links": [a.get("href") for b in body for a in b.find_all("a")],
            "media": [i.get("src") for b in body for i in b.find_all("img")],
        })
json.dump({"messages": records}, sys.stdout, ensure_ascii=False)
print(len(records), file=sys.stderr)
