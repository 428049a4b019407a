"""Text bound for a terminal: characters a terminal would obey or hide are shown as escapes.

Any string read from a document can reach the screen (an entity's name, a sentence, a file
name), and an escape sequence in it could recolour, retitle or rewrite the terminal, a
right-to-left override could reverse what follows. `visible` shows such characters as `\\uXXXX`;
`json_text` writes JSON whose strings hold the same text with those characters escaped, so the
data stays exact and the screen stays safe.
"""

from __future__ import annotations

import json
import unicodedata

# Controls (ESC, BEL, CR...), formatting characters (right-to-left override, zero-width space),
# line and paragraph separators, and lone surrogates (which cannot even be encoded).
HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def count(number: int, noun: str, plural: str | None = None) -> str:
    """A number and its noun, singular for one.

    >>> count(1, "document"), count(2, "entity", "entities"), count(0, "file")
    ('1 document', '2 entities', '0 files')
    """
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"


def visible(text: str) -> str:
    """Make control and invisible formatting characters visible rather than let a terminal obey
    them.

    >>> visible("a\\tb\\u202ec\\x1b[31m")
    'a\\\\tb\\\\u202ec\\\\u001b[31m'
    """
    return "".join(
        NAMED.get(ch) or escape(ch) if unicodedata.category(ch) in HIDDEN else ch for ch in text
    )


def escape(ch: str) -> str:
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def json_text(value: object, **options) -> str:
    """`json.dumps(value, ensure_ascii=False)` with hidden characters escaped: the same data.

    >>> json_text({"name": "Ali\\u202eBaba 🚀"})
    '{"name": "Ali\\\\u202eBaba 🚀"}'
    >>> json.loads(json_text(["\\U000e0041"])) == ["\\U000e0041"]
    True
    """
    text = json.dumps(value, ensure_ascii=False, **options)
    # json.dumps escapes C0 controls within strings (a raw newline is indentation); the other
    # hidden characters can only stand inside strings.
    return "".join(
        json.dumps(ch)[1:-1] if ch >= " " and unicodedata.category(ch) in HIDDEN else ch
        for ch in text
    )
