"""The grammatical gender a person's name makes likely, for agreement with "he" and "she".

A resolver that knows "Cynthia" is "she" and "Kevin" is "he" avoids a whole class of wrong
links (Lee et al. 2013 use gender lists the same way; Bergsma and Lin 2006 learned them from
text). The lists hold common given names that are seldom the other gender's, and the
courtesy titles that say it; a name in neither says nothing.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

MASCULINE_NAMES = frozenset(
    "aaron abraham adam adrian ahmed alan albert alexander alfred ali andrew andy anthony "
    "antonio arnold arthur barack barry ben benjamin bernard bill billy bob bobby brad bradley "
    "brandon brian bruce bryan carl carlos charles charlie chris christopher clarence craig "
    "dan daniel danny darren dave david dennis derek diego dominic don donald douglas "
    "duncan dylan earl eddie edgar edward elijah elon eric ernest ethan eugene evan felix "
    "francis francisco frank fred frederick gabriel gary george gerald gordon graham greg "
    "gregory harold harry harvey henry howard hugh ian isaac ivan jack jacob jake james jason "
    "jeff jeffrey jeremy jerry jesse jim jimmy joe joel john johnny jonathan jose joseph joshua "
    "juan julian justin keith ken kenneth kevin kyle larry lawrence leo leonard lewis louis "
    "luis luke marcus mario mark martin matt matthew michael miguel mike mitchell mohamed "
    "mohammed muhammad nathan neil nicholas nick oliver oscar patrick paul pedro peter philip "
    "phillip ralph randy raymond richard rick rob robert roger ronald ross roy russell ryan "
    "sam samuel scott sean sergey seth simon stanley stephen steve steven stuart ted terry "
    "thomas tim timothy todd tom tony travis victor vincent vladimir walt walter wayne william "
    "willie xavier zachary".split()
)
FEMININE_NAMES = frozenset(
    "abigail ada alice alicia alison amanda amber amelia amy andrea angela angelina ann anna "
    "anne annie barbara betty beverly brenda brittany carol caroline carolyn catherine "
    "charlotte cheryl christina christine cindy claire clara cynthia dana deborah debra denise "
    "diana diane donna doris dorothy elaine eleanor elena elizabeth ella ellen emily emma "
    "erica evelyn fatima fiona frances gloria grace hannah heather helen hilary hillary irene "
    "isabel isabella jacqueline jane janet janice jennifer jessica jill joan joanna joyce "
    "judith judy julia julie karen kate katherine kathleen kathryn kathy katie kelly kimberly "
    "laura lauren linda lisa lois lori louise lucy lydia margaret maria marie marilyn martha "
    "mary megan melanie melissa michelle monica nancy natalie nicole olivia pamela patricia "
    "paula rachel rebecca rita rose ruth sally samantha sandra sara sarah sharon sheila "
    "sheryl shirley sophia sophie stephanie susan sylvia teresa theresa tina tracy valerie "
    "vanessa victoria wendy yvonne".split()
)
MASCULINE_TITLES = frozenset("mr mr. sir lord king prince".split())
FEMININE_TITLES = frozenset("mrs mrs. ms ms. miss dame lady queen princess".split())


def name_gender(span: Span) -> str | None:
    """The gender a person's name says ("male", "female" or None), from a title before it or
    the first of its two or more words.

    >>> import spacy
    >>> name_gender(spacy.blank("en")("Cynthia Roe")[0:2])
    'female'
    """
    before = span.doc[span.start - 1].lower_ if span.start else ""
    if before in MASCULINE_TITLES:
        return "male"
    if before in FEMININE_TITLES:
        return "female"
    if len(span) < 2:
        return None  # 'Lewis' alone may be anyone's surname
    return first_name_gender(span[0])


def given_name_gender(span: Span) -> str | None:
    """The gender of a short name that a common given name begins ('Isabel', 'Kevin Roe'),
    whatever its tag says: the evidence that a name spaCy took for a work or left untyped is
    a person's. None for longer names ('Victoria Park Road') and places.

    >>> import spacy
    >>> given_name_gender(spacy.blank("en")("Isabel")[0:1])
    'female'
    """
    if len(span) > 2 or span.root.ent_type_ in ("GPE", "LOC", "FAC"):
        return None
    return first_name_gender(span[0])


def first_name_gender(word: Token) -> str | None:
    """The gender of a common given name, None for any other word."""
    if word.lower_ in MASCULINE_NAMES:
        return "male"
    if word.lower_ in FEMININE_NAMES:
        return "female"
    return None
