"""Text from bytes: UTF-8 or UTF-16/32 by their byte-order mark, else the legacy encoding that
fits, and binary data refused."""

from __future__ import annotations

import codecs
import logging

import charset_normalizer

from extract.errors import InputError

log = logging.getLogger("kg")


def decode(data: bytes, *, name: str) -> str:
    """Decode text: UTF-8 (or UTF-16 with its byte-order mark), else the legacy encoding that
    charset-normalizer detects, with a warning naming it; binary data is refused.

    >>> decode("café".encode(), name="x")
    'café'
    >>> decode("Café crème".encode("latin-1"), name="x")
    'Café crème'
    """
    for boms, encoding in (
        ((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE), "utf-32"),  # before UTF-16: FF FE 00 00
        ((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE), "utf-16"),
    ):
        if data.startswith(boms):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as e:
                label = encoding.upper()
                raise InputError(
                    f"{name}: starts as {label} text but is not valid {label} (byte {e.start}); "
                    f"convert it, e.g. iconv -f {label} -t UTF-8"
                ) from e
    if b"\x00" in data[:8192]:
        raise InputError(
            f"{name}: binary file (NUL bytes), expected text; remove it from the input"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        utf8_error = e
    encoding = legacy_encoding(data)
    if encoding is None:
        raise InputError(
            f"{name}: not UTF-8 (byte {utf8_error.start}) and no other encoding fits; "
            "convert it, e.g. iconv -f ENCODING -t UTF-8"
        ) from utf8_error
    log.warning("%s: not UTF-8, read as %s", name, encoding)
    return data.decode(encoding)


def legacy_encoding(data: bytes) -> str | None:
    """The encoding of non-UTF-8 text, or None when nothing fits.

    kg reads English: text that reads as Windows-1252 with only a sprinkling of accented
    letters ('Café crème') is taken as such, because detection is unreliable on short Western
    text (it may guess Central European or even Urdu code pages); other text (Cyrillic, CJK)
    gets the encoding charset-normalizer detects.
    """
    if reads_as_western(data):
        return "cp1252"
    best = charset_normalizer.from_bytes(data).best()
    return None if best is None else codecs.lookup(best.encoding).name


def reads_as_western(data: bytes) -> bool:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    letters = [ch for ch in text if ch.isalpha()]
    accented = [ch for ch in text if ord(ch) > 127]
    if not all(ch.isalpha() or ch in WESTERN_PUNCTUATION for ch in accented):
        return False
    # Cyrillic or Greek bytes read as cp1252 are letters too, but nearly all of them accented.
    return len(accented) <= 0.3 * max(1, len(letters))


WESTERN_PUNCTUATION = frozenset("‘’“”–—…•€£¥©®°±·«»¿¡§¶×÷")
