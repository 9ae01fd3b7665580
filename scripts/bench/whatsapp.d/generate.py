#!/usr/bin/env python3
"""Writes a deterministic Dutch Android WhatsApp export (fictional pupils) for the benchmark.

usage: generate.py OUT.txt [MESSAGES]   (default 200000; same arguments, same bytes)
Mix: ~15% system lines without author, ~10% multi-line messages, ~8% media lines,
deleted messages, missed calls, emoji. Minutes advance so dates stay plausible.
"""
import random
import sys

NAMES = ["Sanne de Vries", "Daan Jansen", "Lotte Visser", "Tim Bos", "Noah Bakker", "Emma Smit",
         "Finn de Boer", "Julia Mulder", "+31 6 12345001", "+31 6 12345002"]
WORDS = ("ik jij hij we ze morgen vandaag school les huiswerk toets stom echt niet wel haha "
         "kom je ook naar het veldje gym wiskunde mentor klas pauze fiets bus laat vroeg "
         "waarom doe normaal stop nou 😂 🔥 👍 oke ja nee misschien zeker").split()
SYSTEM = [
    "{a} heeft {b} toegevoegd",
    "{a} heeft {b} verwijderd",
    "{b} heeft de groep verlaten",
    "{b} is deelnemer geworden via de uitnodigingslink van deze groep",
    "{a} heeft het onderwerp gewijzigd van \"Klas 2B\" naar \"Klas 2B 🔥\"",
    "{a} heeft de groepsafbeelding gewijzigd",
    "Je beveiligingscode met {b} is gewijzigd. Tik voor meer informatie.",
    "Berichten en oproepen zijn end-to-end versleuteld. Niemand buiten deze chat, zelfs WhatsApp niet, kan ze lezen of beluisteren. Tik voor meer informatie.",
]


def sentence(rng, lo=2, hi=14):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi)))


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
    rng = random.Random(20231114)
    minute = 0
    day0 = 738000  # an ordinal day in 2021
    import datetime
    lines = []
    for i in range(count):
        minute += rng.choice((0, 0, 1, 1, 2, 5, 17))
        d = datetime.date.fromordinal(day0 + minute // 1440)
        hh, mm = divmod(minute % 1440, 60)
        head = f"{d.day:02d}-{d.month:02d}-{d.year} {hh:02d}:{mm:02d} - "
        roll = rng.random()
        a, b = rng.sample(NAMES, 2)
        if roll < 0.15:
            lines.append(head + rng.choice(SYSTEM).format(a=a, b=b))
        elif roll < 0.19:
            lines.append(f"{head}{a}: <Media weggelaten>")
        elif roll < 0.23:
            lines.append(f"{head}{a}: \u200eIMG-{d.year}{d.month:02d}{d.day:02d}-WA{i % 10000:04d}.jpg (bestand bijgevoegd)")
        elif roll < 0.25:
            lines.append(f"{head}{a}: Dit bericht is verwijderd")
        elif roll < 0.26:
            lines.append(f"{head}{a}: Gemiste spraakoproep")
        elif roll < 0.36:
            body = "\n".join(sentence(rng) for _ in range(rng.randint(2, 4)))
            lines.append(f"{head}{a}: {body}")
        else:
            lines.append(f"{head}{a}: {sentence(rng)}")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines))
        f.write("\n")


if __name__ == "__main__":
    main()
