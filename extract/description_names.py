"""What a name and the words around it say an entity is, for the descriptions that may
point back at it: the head words of its names ('the court' of 'the Supreme Court'), and the
class nouns the text gives it ('Zeta, a drink maker', 'the rapper Zeta', 'Zeta is a city')."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extract.candidate import CLAUSE_SUBJECT_DEPS
from extract.lexicon import (
    COMMONWEALTH_CLASSES,
    COMMONWEALTH_STATE_NAMES,
    COUNTRY_CLASSES,
    COUNTRY_NAMES,
    DESCRIPTION_CLASSES,
    DESCRIPTOR_TYPES,
    EVENT_NAME_WORDS,
    INSTITUTION_NOUNS,
    NAME_CLASS_NOUNS,
    NAMED_CLASS_HEADS,
    NAMED_VENUE_HEADS,
    NAMING_NOUNS,
    PLACE_CLASS_NOUNS,
    STATE_CLASSES,
    US_STATE_NAMES,
    VENUE_NOUNS,
)
from extract.posts import post_before

# Verbs whose object names the noun they describe: 'a drink called the Zeta'.
NAMING_VERBS = frozenset("call name dub title know label".split())
# Where a document keeps what `repeated_classes` found in it (doc.user_data).
REPEATED_CLASSES = "kg.repeated_classes"


# The tags the tagger gives a name of each type a class noun describes.
TYPE_LABELS = {
    "person": frozenset({"PERSON"}),
    "organization": frozenset({"ORG", "NORP"}),
    "place": frozenset({"GPE", "LOC", "FAC"}),
    "product": frozenset({"PRODUCT"}),
    "event": frozenset({"EVENT"}),
    "work": frozenset({"WORK_OF_ART"}),
    "law": frozenset({"LAW"}),
}


def label_fits(lemma: str, token: Token) -> bool | None:
    """Whether the tag of a name's word is one of the type the class noun describes ('the
    city' of a word tagged GPE), None for a word not tagged: the entity's types gather every
    tag its mentions had, one wrong tag among them ('Zeta' tagged a person once) is seldom
    what its last mention has."""
    described = class_of(lemma)
    if not token.ent_type_ or described is None:
        return None
    return token.ent_type_ in TYPE_LABELS.get(described, frozenset())


def class_of(lemma: str) -> str | None:
    """The entity type a class noun describes, if it is one."""
    if lemma in VENUE_NOUNS:
        return "place"
    return DESCRIPTOR_TYPES.get(lemma) or DESCRIPTION_CLASSES.get(lemma)


def name_heads(span: Span) -> set[str]:
    """The words of a name a description may repeat: its last word ('the court' of 'the
    Supreme Court'), or the word before its 'of' ('the county' of 'the County of Rowe', not
    'the mayor' of 'the Office of the Mayor'), and a class noun it opens with ('the cyclone'
    of 'Cyclone Zeta'). A one-word name counts only
    after 'the' ('the Court'): 'Attention' or 'Government' alone is a capitalized common
    noun more often than a name."""
    words = [t for t in span if t.is_alpha]
    if not words:
        return set()
    if len(words) == 1 and len(span) > 1 and span[-1].like_num:
        return {words[0].lower_}  # 'Factor 1 ... that factor', 'Phase 2 ... the phase'
    if len(words) == 1:
        before = span.doc[span.start - 1] if span.start else None
        institution = words[0].lower_ in INSTITUTION_NOUNS  # 'the Government': the country's
        if before is None or before.lower_ != "the" or institution:
            return set()
        return {words[0].lower_}
    before_of = {t.lower_ for t in words if t.i + 1 < span.end and span.doc[t.i + 1].lower_ == "of"}
    # 'Office of the Mayor' is an office: the last word of a name with 'of' is not its head.
    heads = before_of or {words[-1].lower_} | organization_singular(span, words[-1].lower_)
    # 'Cyclone Zeta', not 'Application School': a class noun opening a name that names no
    # other class is what the name is.
    if class_of(words[0].lower_) is not None and not any(name_class(t.lower_) for t in words[1:]):
        heads.add(words[0].lower_)
    return heads


def organization_singular(span: Span, word: str) -> set[str]:
    """The singular of a plural last word of an organization's name, when it is a class noun
    of organizations: 'the gallery' of 'Pace Galleries', 'the airline' of 'Zeta Airlines'.
    Not of a place ('the state' is not the United States, nor 'the nation' the United
    Nations), nor of a name the tagger does not take for an organization's ('the mutation
    operator' is one of the Mutation Operators)."""
    if not word.endswith("s") or word.endswith("ss") or span[-1].ent_type_ != "ORG":
        return set()
    singular = word[:-3] + "y" if word.endswith("ies") else word[:-1]
    return {singular} if class_of(singular) == "organization" else set()


def said_classes(span: Span) -> set[str]:
    """Class nouns the text gives a name: 'chipmaker Zeta', 'the rapper Zeta', 'President
    Zeta', 'Zeta, the chip designer', 'a company, Zeta', 'Zeta is a company', 'a drink called
    Zeta', 'the Zeta organization'; not 'the Zeta property', which is Zeta's, nor 'the name
    Zeta'."""
    root = span.root
    # 'the rapper Zeta': the small model often tags such a noun an adjective.
    nouns = {
        t
        for t in root.lefts
        if t.i < span.start
        and (t.pos_ == "NOUN" or (t.pos_ == "ADJ" and class_of(t.lower_) is not None))
        and t.dep_ != "poss"  # 'the camp's Jo Roe' belongs to the camp and is none
    }
    nouns |= {t for t in root.children if t.dep_ == "appos" and t.pos_ == "NOUN" and set_off(t)}
    before = span.doc[span.start - 1] if span.start else None
    if before is not None and before.pos_ in ("NOUN", "ADJ") and class_of(before.lower_):
        nouns.add(before)  # whatever the parse made of it
    head = root.head
    if root.dep_ == "compound" and head.tag_ == "NN" and named_class_head(root, head):
        nouns.add(head)  # 'the Zeta organization', 'the Zeta bar'
    # 'Image: Zeta' (a caption) names who made it, '... per episode (Zeta 2013)' cites it.
    cited = before is not None and before.text == "("
    # 'an episode, Bo Lind and Tor Berg wrote it': names in a list are not what the noun is.
    listed = any(c.dep_ == "conj" for c in root.children)
    if root.dep_ == "appos" and head.pos_ == "NOUN" and head.dep_ != "ROOT" and not cited:
        if not listed:
            nouns.add(head)
    if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_ == "be":
        nouns |= {c for c in head.children if c.dep_ == "attr" and c.pos_ == "NOUN"}
    if root.dep_ == "attr" and head.lemma_ == "be":
        nouns |= {c for c in head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"}
    if root.dep_ == "oprd" and head.lemma_ in NAMING_VERBS:
        # 'the first part is called Zeta'
        nouns |= {c for c in head.children if c.dep_ == "nsubjpass" and c.pos_ == "NOUN"}
    verb = head.head if root.dep_ == "pobj" and head.lower_ == "as" else head
    if (
        root.dep_ in ("oprd", "xcomp", "dobj", "attr", "pobj")
        and verb.lemma_ in NAMING_VERBS
        and verb.dep_ in ("acl", "relcl")
        and verb.head.pos_ == "NOUN"
    ):
        nouns.add(verb.head)
    if (described := described_before_comma(span)) is not None:
        nouns.add(described)
    if (bearer := name_bearer(root)) is not None:
        nouns.add(bearer)
    # A plural is a class the name is one of ('local papers, Zeta, ...'), not what it is.
    said = {t.lemma_.lower() for t in nouns if t.tag_ not in ("NNS", "NNPS")} - NAMING_NOUNS
    said |= {word for noun in nouns for word in same_class_compounds(noun)}
    said |= set(post_before(span)[-1:])  # 'President Jo Roe', 'Prime Minister Jo Roe'
    said |= repeated_classes(span.doc).get(name_key(span), set())
    said |= STATE_CLASSES if name_key(span) in US_STATE_NAMES else set()
    said |= COMMONWEALTH_CLASSES if name_key(span) in COMMONWEALTH_STATE_NAMES else set()
    return said | (COUNTRY_CLASSES if is_country(span) else set())


def name_bearer(root: Token) -> Token | None:
    """'a cosplayer going by the name Zeta', 'a man by the name of Zeta', 'a woman known by the
    name Zeta': the noun that bears the name, which the name is."""
    naming = root.head
    if root.dep_ == "pobj" and naming.lower_ == "of":
        naming = naming.head
    elif root.dep_ != "appos":
        return None
    by = naming.head
    if naming.lemma_.lower() not in NAMING_NOUNS or naming.dep_ != "pobj" or by.lower_ != "by":
        return None
    bearer = by.head.head if by.head.dep_ == "acl" else by.head
    return bearer if bearer.pos_ == "NOUN" and bearer.i < by.i else None


def set_off(appositive: Token) -> bool:
    """Whether punctuation opens an apposition ('Zeta, the chip designer'), and it is not the
    subject its clause lacks: the small model takes the subject after an opening phrase for
    an apposition of the phrase's last name ('As of 15:11 GMT the site was accessible
    again', 'As of 18:00 UTC, the primary UK index, the FTSE 100, was one of the few')."""
    start = appositive.left_edge.i
    return start > 0 and appositive.doc[start - 1].is_punct and not lacked_subject(appositive)


def lacked_subject(appositive: Token) -> bool:
    """Whether the clause an apposition's name hangs from has no subject, and its verb comes
    after the apposition."""
    verb = appositive.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i < appositive.i:
        return False
    return not any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in verb.children)


def described_before_comma(span: Span) -> Token | None:
    """'adapted in the penultimate episode of the season, "The Zeta"': the noun phrase a name
    is set after, told by the words alone where the parse hung the name elsewhere: a comma
    (and a quotation mark) before the name, punctuation after it, the phrase before the comma
    ending there; not a subject ('in the city, Zeta said'), nor a list ('the mayor, Roe and
    Lind')."""
    doc, start = span.doc, span.start
    while start > 0 and (doc[start - 1].is_quote or doc[start - 1].lower_ == "the"):
        start -= 1
    root = span.root
    if start < 2 or doc[start - 1].text != "," or span.end >= len(doc):
        return None
    if root.dep_ in ("nsubj", "nsubjpass") or not doc[span.end].is_punct:
        return None
    if any(c.dep_ == "conj" for c in root.children):
        return None  # a list: 'the mayor, Roe and Lind'
    last, token, noun = start - 2, doc[start - 2], None
    # Up through the nouns and prepositions whose phrase ends right before the comma.
    while token.pos_ in ("NOUN", "ADP") and token.right_edge.i == last:
        if token.pos_ == "NOUN":
            noun = token
        if token.head.i == token.i:
            break
        token = token.head
    if noun is None or not any(c.dep_ == "det" for c in noun.children):
        return None
    return noun


def same_class_compounds(noun: Token) -> set[str]:
    """'a cocktail drink called Zeta' says Zeta is a cocktail too: a class noun before the
    said one and of its type; not 'the chip designer Zeta', whose chip is its product."""
    described = class_of(noun.lemma_.lower())
    return {
        c.lemma_.lower()
        for c in noun.lefts
        if c.dep_ == "compound" and described and class_of(c.lemma_.lower()) == described
    }


def name_key(span: Span) -> str:
    return " ".join(t.lower_ for t in span if not t.is_punct and t.lower_ != "the")


def repeated_classes(doc: Doc) -> dict[str, set[str]]:
    """The classes said of a name where the tagger did not take it for one: 'the Zeta
    organization' may leave 'Zeta' untagged there while it is tagged elsewhere, and what it
    says holds for every mention of the name. Worked out once per document."""
    cached = doc.user_data.get(REPEATED_CLASSES)
    if cached is not None:
        return cached
    found: dict[str, set[str]] = {}
    for token in doc:
        head = token.head
        if head.tag_ != "NN" or not (
            (token.dep_ == "compound" and token.pos_ == "PROPN") or untagged_place_name(token)
        ):
            continue
        if named_class_head(token, head) and head.i == token.i + 1:
            words = [t for t in doc[token.left_edge.i : token.i] if t.pos_ == "PROPN"] + [token]
            key = " ".join(t.lower_ for t in words)
            found.setdefault(key, set()).add(head.lemma_.lower())
    doc.user_data[REPEATED_CLASSES] = found
    return found


def untagged_place_name(token: Token) -> bool:
    """'the Lombardy region': the small model takes a capitalized word it does not know before
    a place noun for an adjective; a name all the same, unless tagged a nationality ('the
    Italian region')."""
    return (
        token.dep_ == "amod"
        and token.pos_ == "ADJ"
        and token.is_title
        and not token.ent_type_
        and token.head.lemma_ in PLACE_CLASS_NOUNS
    )


def named_class_head(name: Token, noun: Token) -> bool:
    """Whether the noun a name modifies says what the name is: 'the Zeta organization', and
    of a place of business ('the Zeta bar') unless the name is a person's, its owner's; and
    a kind of place said of a place's name ('the Zeta region', 'Zeta province'), not of an
    organization's ('an EU country') nor before the place it names ('the Zeta city of Kilo')."""
    if noun.lemma_ in NAMED_CLASS_HEADS:
        return True
    if noun.lemma_ in PLACE_CLASS_NOUNS:
        named_after = any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
        return name.ent_type_ in ("", "GPE", "LOC") and not named_after
    return noun.lemma_ in NAMED_VENUE_HEADS and name.ent_type_ != "PERSON"


def apposed_name(noun: Token) -> Token | None:
    """The name a definite description is in apposition with ('Zeta, the first lunar
    mission'): the word it describes, whatever modifier defines it ('the first mission' alone
    introduces one). Not a phrase with a name or an 'of' inside ('Roe, the former Zeta
    chairman', 'Roe, the head of Zeta'), which says whose it is; nor a copula's predicate
    ('Roe was the first author to...'), on GUM another mention 3 times of 4."""
    if any(t.pos_ == "PROPN" for t in noun.subtree) or any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children
    ):
        return None
    head = noun.head
    if noun.dep_ == "appos" and head.pos_ == "PROPN" and head.i < noun.i and closed(noun):
        return head
    return comma_apposed(noun) or adjacent_apposed(noun)


def adjacent_apposed(noun: Token) -> Token | None:
    """'Santorum the person has been in the news': a name right before the description, the
    parse giving both the same role of the same word (two subjects of one verb), is the
    name the description is in apposition with."""
    start = noun.left_edge.i
    if start < 1 or noun.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return None
    name = noun.doc[start - 1]
    if name.pos_ == "PROPN" and name.head == noun.head and name.dep_ == noun.dep_:
        return name
    return None


def following_name(noun: Token) -> Span | None:
    """The name set after a description, between commas ('for the appellant, Zeta Lotteries,
    Inc.', 'the firm, Arm,'): the words of the name the description is said of, which says
    which entity it is; not a name in a list ('the court, Roe and Lind')."""
    doc = noun.doc
    for child in noun.children:
        if child.dep_ != "appos" or child.pos_ != "PROPN" or child.i < noun.i:
            continue
        start = child.left_edge.i
        if (
            start > 0
            and doc[start - 1].text == ","
            and not any(c.dep_ == "conj" for c in child.children)
        ):
            return doc[start : child.i + 1]
    return None


def names_match(name: Span, words: set[str]) -> bool:
    """Whether a name's words are all words of an entity's names."""
    return {t.lower_ for t in name if not t.is_punct} <= words


def comma_apposed(noun: Token) -> Token | None:
    """'lifted off on Zeta-1, the first crewed mission.': an apposition the small parse
    attached elsewhere, told by its words alone: a name, a comma, the description and the end
    of the clause; not a subject ('Zeta, the company said')."""
    doc, start = noun.doc, noun.left_edge.i
    if start < 2 or noun.dep_ in ("nsubj", "nsubjpass") or not closed(noun):
        return None
    name = doc[start - 2]
    return name if doc[start - 1].text == "," and name.pos_ == "PROPN" else None


def closed(noun: Token) -> bool:
    """Whether punctuation ends the noun's phrase: 'Oslo, the company that bought it moved
    in' runs on into the clause and is its subject, not Oslo's apposition."""
    end = noun.right_edge.i + 1
    return end < len(noun.doc) and noun.doc[end].text in (",", ".", ";", ")", "!", "?")


def is_country(span: Span) -> bool:
    """Whether a name is a country's: its name says it is one ('the country' of 'Chile')."""
    words = [t.lower_ for t in span if not t.is_punct]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words) in COUNTRY_NAMES


def name_class(word: str) -> str | None:
    """The type a word of a name says the named thing has ('museum' of 'the Zeta Museum',
    'games' of 'the Zeta Games')."""
    if word in EVENT_NAME_WORDS:
        return "event"
    return class_of(word) or NAME_CLASS_NOUNS.get(word)


def names_here(token: Token) -> bool:
    """'this guy named Kilo', 'the river known as the Zeta', 'the publishing giant Zeta': a
    noun phrase that gives its name right there introduces an entity, or is said of the
    name beside it, rather than pointing back at one."""
    if token.head.pos_ == "PROPN" and token.dep_ in ("compound", "nmod", "amod"):
        return True
    if any(untagged_place_name(c) for c in token.lefts):
        return True  # 'the Lombardy region' is the name said again
    # A participle names ('known as'); a clause does not ('the first guy I know').
    return any(
        c.dep_ in ("acl", "relcl") and c.lemma_ in NAMING_VERBS and c.tag_ == "VBN"
        for c in token.children
    )


def defined_by_participle(token: Token) -> bool:
    """'the organization founded by Zeta', 'the firm owned by its staff': a participle with
    its agent, and no comma before it, says which one the noun is, as a restrictive relative
    clause does; it is a new mention, not one pointing back."""
    doc = token.doc
    return any(
        c.dep_ == "acl"
        and c.tag_ == "VBN"
        and c.i > token.i
        and doc[c.i - 1].text != ","
        and any(a.dep_ == "agent" for a in c.children)
        for c in token.children
    )
