"""A generated news corpus for benchmarks: varied prose from a template grammar.

No redistributable corpus of a few thousand English news articles is at hand offline, so this
writes articles in the register of business news: companies, people with titles, products and
places drawn from large generated pools (so the graph grows with the corpus, as real news does),
with relations (acquisitions, partnerships, releases, hires, lawsuits), pronouns and
descriptions, negations, reported speech, dates and figures, and sentences that carry no
relation at all. Articles run 300-900 words. The same seed gives the same corpus.

    python benchmarks/corpus.py OUT_FOLDER [--documents 5000] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

SYLLABLES = (
    "ar bel cor dex en fal gan hel ix jor kal lum mer nov or pax quin ros sol tek ul ven wex xor "
    "yal zen"
).split()
SUFFIXES = [
    "Systems",
    "Labs",
    "Group",
    "Technologies",
    "Energy",
    "Capital",
    "Motors",
    "Health",
    "Networks",
    "Foods",
    "Pharma",
    "Robotics",
    "Media",
    "Bank",
    "Logistics",
    "",
]
FIRST = (
    "Anna Ben Carla David Elena Farid Grace Hiro Ines Jamal Kira Liam Maya Noah Olga Pablo "
    "Quinn Rosa Sami Tara Umar Vera Wen Xavier Yara Zoe Aaron Bianca Chen Dmitri"
).split()
LAST = (
    "Adams Brooks Costa Diaz Evans Fischer Garcia Haddad Ivanova Jensen Kumar Larsen Moreau "
    "Nakamura Okafor Patel Quist Rossi Schmidt Tanaka Ueda Varga Weber Xu Yilmaz Zhang "
    "Novak Silva Berg Kowalski"
).split()
TITLES = [
    "chief executive",
    "chief financial officer",
    "chief technology officer",
    "president",
    "head of research",
    "founder",
    "chairman",
]
PRODUCT_WORDS = (
    "Atlas Beacon Cobalt Delta Echo Falcon Gemini Horizon Ion Juno Kite Lumen Nova Orbit Pulse"
).split()
CITIES = [
    "Berlin",
    "Toronto",
    "Singapore",
    "Austin",
    "Lagos",
    "Madrid",
    "Seoul",
    "Boston",
    "Dublin",
    "Nairobi",
    "Oslo",
    "Lyon",
    "Osaka",
    "Denver",
    "Chennai",
]
MONTHS = (
    "January February March April May June July August September October November December".split()
)
FILLER = [
    "Shares of the company were little changed in early trading.",
    "The market for such products has grown quickly over the past two years.",
    "Details of the arrangement were not made public.",
    "The announcement came after months of speculation.",
    "Industry observers had expected a move of this kind for some time.",
    "The figures were in line with estimates.",
    "Competition in the sector remains intense.",
    "Regulators are expected to review the plans in the coming months.",
]


def company(rng: random.Random) -> str:
    stem = "".join(rng.sample(SYLLABLES, rng.choice([2, 2, 3]))).capitalize()
    suffix = rng.choice(SUFFIXES)
    return f"{stem} {suffix}".strip()


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def product(rng: random.Random) -> str:
    return f"{rng.choice(PRODUCT_WORDS)} {rng.randint(2, 9)}"


def pools(rng: random.Random, documents: int) -> dict[str, list[str]]:
    """Entity pools that grow with the corpus, so that the graph does too."""
    size = max(50, documents // 2)
    return {
        "company": list(dict.fromkeys(company(rng) for _ in range(size))),
        "person": list(dict.fromkeys(person(rng) for _ in range(size))),
        "product": list(dict.fromkeys(product(rng) for _ in range(size // 3))),
    }


def date(rng: random.Random) -> str:
    return f"{rng.choice(MONTHS)} {rng.randint(2015, 2026)}"


def paragraph(rng: random.Random, pool: dict[str, list[str]], subject: str) -> list[str]:
    """A few sentences about one company, with references back to it."""
    other, third = rng.sample(pool["company"], 2)
    who, thing, city = rng.choice(pool["person"]), rng.choice(pool["product"]), rng.choice(CITIES)
    title = rng.choice(TITLES)
    templates = [
        f"{subject} agreed to acquire {other} for ${rng.randint(1, 90)} billion in {date(rng)}.",
        f"{subject} partners with {other} on the development of {thing}.",
        f"{thing} was released by {subject} in {city}.",
        f"{who}, the {title} of {subject}, said that the company would expand in {city}.",
        f"{subject} hired {who} as {title}.",
        f"{other} sued {subject} over the design of {thing}.",
        f"The company did not disclose the terms of its agreement with {third}.",
        f"{subject} is available on the platforms of {other} and {third}.",
        f"Analysts believe that {subject} could overtake {other} next year.",
        f"{subject} plans to open an office in {city}.",
        f"{who} joined {subject} from {other} in {date(rng)}.",
        f"It invested ${rng.randint(10, 900)} million in {other}.",
        f"{other} never confirmed the talks with {subject}.",
        f"{subject}'s partnership with {third} ended in {date(rng)}.",
    ]
    sentences = rng.sample(templates, rng.randint(3, 6))
    sentences += rng.sample(FILLER, rng.randint(1, 3))
    rng.shuffle(sentences)
    return sentences


def article(rng: random.Random, pool: dict[str, list[str]]) -> str:
    lead = rng.choice(pool["company"])
    paragraphs = []
    target = rng.randint(300, 900)
    words = 0
    while words < target:
        subject = lead if rng.random() < 0.6 else rng.choice(pool["company"])
        text = " ".join(paragraph(rng, pool, subject))
        paragraphs.append(text)
        words += len(text.split())
    headline = f"{lead} in the news"
    return "\n\n".join([headline, *paragraphs]) + "\n"


def write_corpus(folder: Path, *, documents: int, seed: int = 7) -> list[Path]:
    """Write `documents` articles into `folder` and return their paths."""
    rng = random.Random(seed)
    pool = pools(rng, documents)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(documents):
        path = folder / f"article-{n:05}.txt"
        path.write_text(article(rng, pool), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = write_corpus(args.out, documents=args.documents, seed=args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"wrote {len(paths)} articles, {words} words, into {args.out}")


if __name__ == "__main__":
    main()
