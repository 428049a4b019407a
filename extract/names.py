"""Names as strings: the words that identify a name, its key, its initials.

Pure functions over plain strings, so that the clustering rules of `extract.entities` can be
tested (and called) without a parse.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from extract.lexicon import COUNTRY_KEYS, NAME_FUNCTION_WORDS, PERSON_TITLES

COMPANY_DESIGNATORS = frozenset(
    {
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "ltd",
        "limited",
        "llc",
        "plc",
        "ag",
        "sa",
        "gmbh",
        "nv",
        "holdings",
        "group",
        "platforms",
        "technologies",
    }
)
# "A330s", "F-16s", "Boeing 747s": the plural of a model name is the model.
MODEL_PLURAL = re.compile(r"^[\w-]*\ds$")
# Elided French articles in names ("Bureau d'Enquêtes et d'Analyses" -> BEA).
ELISION = re.compile(r"^[dl]['’]", re.IGNORECASE)


def name_words(name: str) -> list[str]:
    """The words of a name that identify it, without possessive, article, courtesy title or
    company designators.

    >>> name_words("The Meta Platforms, Inc.'s")
    ['Meta']
    >>> name_words("Mr. John Smith")
    ['John', 'Smith']
    """
    return list(identifying_words(name))


# Cached: a document's clustering asks for the words of each of its names several times, and
# twice over when the votes retype a name.
@lru_cache(maxsize=65536)
def identifying_words(name: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKC", name).strip()
    for ending in ("'s", "’s", "'", "’"):
        text = text.removesuffix(ending)
    words = [w.strip(".,;:()[]\"'“”‘’") for w in text.split()]
    words = [w for w in words if w]
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    if len(words) > 1 and has_title(words[0]):
        words = words[1:]
    while len(words) > 1 and words[-1].casefold().rstrip(".") in COMPANY_DESIGNATORS:
        words = words[:-1]
    return tuple(words)


def has_title(word: str) -> bool:
    """Whether a word is a courtesy or academic title ('Mr', 'Dr.', 'Sir').

    >>> has_title("Mrs."), has_title("Mister")
    (True, False)
    """
    return word.casefold().rstrip(".") in PERSON_TITLES


def titled(name: str) -> bool:
    """Whether a name starts with a courtesy title before other words: 'Ms Doe' is a person.

    >>> titled("Dr. Jane Doe"), titled("Sir")
    (True, False)
    """
    words = name.split()
    return len(words) > 1 and has_title(words[0])


@lru_cache(maxsize=65536)
def entity_key(name: str) -> str:
    """The identity of a name across mentions and documents.

    >>> entity_key("Open AI") == entity_key("OpenAI") == "openai"
    True
    >>> entity_key("Meta Platforms (META)") == entity_key("Meta")
    False
    >>> entity_key("A330s") == entity_key("A330"), entity_key("U.K.") == entity_key("Britain")
    (True, True)
    """
    key = spelling_key(name)
    words = name_words(name)
    return COUNTRY_KEYS.get(key, key) if words and words[0][:1].isupper() else key


@lru_cache(maxsize=65536)
def spelling_key(name: str) -> str:
    """The key of a name by its spelling alone, before other names of a country are joined
    ('US' is the United States, but 'us' a pronoun).

    >>> spelling_key("U.K."), spelling_key("Boeing 747s")
    ('uk', 'boeing747')
    """
    words = name_words(name)
    if words and MODEL_PLURAL.match(words[-1]) and any(c.isalpha() for c in "".join(words)[:-1]):
        words = [*words[:-1], words[-1][:-1]]
    key = "".join(ch for ch in "".join(words).casefold() if ch.isalnum())
    if key:
        return key
    # Names without letters or digits (emoji, symbols) still need a stable identity.
    return "x" + hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@lru_cache(maxsize=65536)
def initials(name: str) -> frozenset[str]:
    """The acronyms a multi-word name can have, lower case: the first letters of its words,
    with or without the joining words, a number counting whole, and a designator kept or not.

    >>> sorted(initials("Securities and Exchange Commission"))
    ['saec', 'sec']
    >>> sorted(initials("Internet Explorer 9"))
    ['ie9']
    """
    words = [ELISION.sub("", w) for w in re.split(r"[\s\-–/]+", name) if w]
    words = [w.strip(".,;:()[]\"'“”‘’") for w in words]
    words = [w for w in words if w and w not in {"&"}]
    if words and words[0].casefold() == "the":
        words = words[1:]
    found = set()
    for kept in (words, name_words(" ".join(words))):
        content = [w for w in kept if w.casefold() not in NAME_FUNCTION_WORDS]
        for chosen in (kept, content):
            if len(chosen) > 1:
                found.add("".join(w if w.isdigit() else w[0] for w in chosen).casefold())
    return frozenset(found)


@lru_cache(maxsize=65536)
def acronym_letters(name: str) -> str | None:
    """The letters of a name written as an acronym ('U.S.', 'KCNA', 'IE9', 'DoJ'), lower case;
    None for a name of several words, or of fewer than two capitals.

    >>> acronym_letters("U.S."), acronym_letters("DoJ"), acronym_letters("Apple")
    ('us', 'doj', None)
    """
    text = name.strip().replace(".", "").replace("&", "")
    if not text or " " in text or not text.isalnum():
        return None
    capitals = sum(ch.isupper() for ch in text)
    if capitals < 2 or capitals < sum(ch.islower() for ch in text):
        return None
    return text.casefold()


def is_acronym(short: str, full: str) -> bool:
    """Whether `short` is written as the initials of `full`: 'FCA' of 'Financial Conduct
    Authority', 'IE' of 'Internet Explorer', 'BEA' of "Bureau d'Enquêtes et d'Analyses".

    >>> is_acronym("FCA", "Financial Conduct Authority"), is_acronym("FCA", "Federal Reserve")
    (True, False)
    """
    letters = acronym_letters(short)
    return letters is not None and letters in initials(full)


def is_camel_word(text: str) -> bool:
    """'wikiHow', 'iTunes', 'eBay': a few small letters, then a capitalized word (not
    'mRNA' or 'pH'): a brand's name, whatever a tagger made of it.

    >>> is_camel_word("iPhone"), is_camel_word("mRNA")
    (True, False)
    """
    head = len(text) - len(text.lstrip("abcdefghijklmnopqrstuvwxyz"))
    rest = text[head:]
    return (
        text.isalpha()
        and 1 <= head <= 4
        and rest[:1].isupper()
        and len(rest) >= 3
        and rest[1:].islower()
    )
