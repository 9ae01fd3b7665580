#!/usr/bin/env python3
"""Deterministic originals for the bundle/verify bench: SIZE_MB of files in OUT, 5% chat-like
text (compresses well, deflated in the zip), 65% JPEG-like random bytes of 1-3 MB, 30% in three
"videos" (both stored). usage: generate.py OUT SIZE_MB"""
import os, sys, random

out, size_mb = sys.argv[1], float(sys.argv[2])
os.makedirs(out, exist_ok=True)
rnd = random.Random(7)
total = int(size_mb * 1024 * 1024)
words = "Sanne Daan Lotte je bent zo dom niemand vindt je leuk morgen weer hou op klas 2B groepsapp haha".split()
text_budget, jpeg_budget = total * 5 // 100, total * 65 // 100
video_each = (total - text_budget - jpeg_budget) // 3
def noise(n):
    return rnd.randbytes(n)
n = 0
while text_budget > 0:
    lines, size = [], 0
    while size < 200_000:
        l = f"{rnd.randint(1,28):02d}-03-2026 {rnd.randint(0,23):02d}:{rnd.randint(0,59):02d} - {rnd.choice(words[:3])}: " \
            + " ".join(rnd.choice(words) for _ in range(rnd.randint(3, 14))) + "\n"
        lines.append(l); size += len(l)
    data = "".join(lines).encode()
    open(f"{out}/WhatsApp-chat-{n:04d}.txt", "wb").write(data); n += 1
    text_budget -= len(data)
i = 0
while jpeg_budget > 0:
    size = min(jpeg_budget, rnd.randint(1_000_000, 3_000_000))
    open(f"{out}/IMG-{i:05d}.jpg", "wb").write(b"\xff\xd8\xff\xe0" + noise(max(size - 4, 0))); i += 1
    jpeg_budget -= size
for v in range(3):
    open(f"{out}/VID-{v}.mp4", "wb").write(b"\x00\x00\x00\x18ftypmp42" + noise(max(video_each - 12, 0)))
