#!/usr/bin/env python3
"""Writes N distinct phone-size screenshots (1170 x 2532) for the screenshot benchmark.

The committed 3x fixtures (Tests/Fixtures/screenshots/*-3x.png and the 3x JPEG) are taken in
turn; each copy gets its own small text chunk (PNG tEXt) or comment (JPEG COM) holding its
number, so every file has its own SHA-256 (an ingest keeps identical bytes once) while its
pixels, and so the OCR work, stay those of a real rendered chat.
    usage: make-set.py FIXTURES OUT N
"""
import os
import struct
import sys
import zlib


def png_with_text(data, text):
    chunk_type = b"tEXt"
    body = b"Comment\x00" + text.encode()
    chunk = struct.pack(">I", len(body)) + chunk_type + body + struct.pack(">I", zlib.crc32(chunk_type + body) & 0xFFFFFFFF)
    # Right after IHDR (8-byte signature + 25-byte IHDR chunk).
    return data[:33] + chunk + data[33:]


def jpeg_with_comment(data, text):
    body = text.encode()
    return data[:2] + b"\xff\xfe" + struct.pack(">H", len(body) + 2) + body + data[2:]


def main():
    fixtures, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    sources = sorted(f for f in os.listdir(fixtures) if "-3x" in f and f.endswith((".png", ".jpg")))
    if not sources:
        sys.exit("no 3x fixtures in " + fixtures)
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        name = sources[i % len(sources)]
        with open(os.path.join(fixtures, name), "rb") as f:
            data = f.read()
        label = "bench %04d" % i
        data = png_with_text(data, label) if name.endswith(".png") else jpeg_with_comment(data, label)
        stem, ext = os.path.splitext(name)
        with open(os.path.join(out, "%04d-%s%s" % (i, stem, ext)), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
