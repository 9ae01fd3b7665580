#!/usr/bin/env python3
"""Writes a deterministic Messenger-style HTML thread page (2023 layout) of about SIZE_MB megabytes.

Usage: generate.py OUT SIZE_MB [newest-first|oldest-first]
As Meta writes its pages, the newest message comes first (the default); times are real calendar
times from 1 January 2023 on, zero to seven minutes apart, between 07:00 and 23:00 (a class chat:
no message in the hour the clocks change, whose times Meta's HTML shows without a zone; a page
with messages in October's repeated hour is read the slower, staging way, see notes/issue-16).
`oldest-first` writes the same messages the other way round (not what Meta writes: Bewaar then
stages the records and sorts them).
Fictional pupils only; the same arguments always give the same bytes.
"""
import datetime
import random
import sys

out, size_mb = sys.argv[1], float(sys.argv[2])
order = sys.argv[3] if len(sys.argv) > 3 else "newest-first"
if order not in ("newest-first", "oldest-first"):
    sys.exit("generate.py: the order is newest-first or oldest-first")
rng = random.Random(20240304)
names = ["Sanne de Vries", "Daan Jansen", "Lotte Visser", "Tim Bakker", "Zoë Smit", "Noah de Jong"]
words = ("jij bent zo stom niemand wil naast je zitten haha echt waarom doe je dit laat me met rust "
         "morgen in de kantine zie je wel kijk dan die foto 😂 ❤ wie is dit lol stop hiermee zoë").split()
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
head = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Klas 2B</title><style>body{font:12px}</style></head>'
        '<body class="_a6-g"><div class="_a705"><div class="_a706" role="main">\n'
        '<div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder"><div class="_a6-p">Deelnemers: ' + ", ".join(names) + '</div></div>\n')
tail = "</div></div></body></html>\n"
target = int(size_mb * 1_000_000) - len(head.encode()) - len(tail.encode())
start = datetime.datetime(2023, 1, 1, 7, 0)
blocks = []
written = 0
minute = 0
while written < target:
    minute += rng.randint(0, 7)
    if minute % 1440 >= 16 * 60:
        minute += 1440 - minute % 1440  # 23:00: the next message comes the next morning at 07:00
    when = start + datetime.timedelta(minutes=minute)
    h12 = when.hour % 12 or 12
    t = f"{months[when.month - 1]} {when.day:02d}, {when.year} {h12}:{when.minute:02d} {'pm' if when.hour >= 12 else 'am'}"
    text = " ".join(rng.choice(words) for _ in range(rng.randint(3, 30)))
    extra = ""
    r = rng.random()
    if r < 0.1:
        extra = '<div><a href="https://www.example.org/p/%d/">https://www.example.org/p/%d/</a></div>' % (minute, minute)
    elif r < 0.15:
        extra = '<div><img src="messages/inbox/klas2b_123/photos/%d.jpg"></div>' % minute
    react = '<div><ul class="_a6-q"><li><span>❤%s</span></li></ul></div>' % rng.choice(names) if rng.random() < 0.2 else ""
    block = ('<div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder"><h2 class="_3-95 _2pim _a6-h _a6-i">%s</h2>'
             '<div class="_3-95 _a6-p"><div><div></div><div>%s</div>%s%s</div></div>'
             '<div class="_3-94 _a6-o">%s</div></div>\n') % (rng.choice(names), text, extra, react, t)
    blocks.append(block)
    written += len(block.encode())
if order == "newest-first":
    blocks.reverse()
with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write(head)
    f.writelines(blocks)
    f.write(tail)
