"""A deterministic Dutch WhatsApp (Android) chat of N messages for scripts/bench/store: fictional
pupils, 06-12345xxx numbers, the words TimelineBench searches for ('niemand', 'coördinator', the
phrase 'ga weg uit deze groep' in every 97th message, 'zeldzaamwoord' in every 50,000th)."""
import random
import sys

n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(16)
authors = ["Daan Jansen", "Sanne de Vries", "Lotte Visser", "Tim Bos", "Noor El Amrani", "+31 6 12345001"]
words = ("weg groep morgen school stom lachen veldje niemand iedereen gym pauze huiswerk coördinator foto echt normaal "
         "dik stop nou ga je de het een niet wel").split()
with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        day, minute = 1 + (i // 1440) % 28, i % 1440
        body = " ".join(rng.choice(words) for _ in range(rng.randint(4, 13)))
        if i % 97 == 0:
            body += " ga weg uit deze groep"
        if i % 50_000 == 0:
            body += " zeldzaamwoord"
        f.write(f"{day:02d}-03-2026 {minute // 60:02d}:{minute % 60:02d} - {rng.choice(authors)}: {body}\n")
