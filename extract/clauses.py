"""Who does what in a clause: the subject of a predicate, found in the clause itself or, for a
clause without one (coordinated, infinitive, gerund, participle, a noun's infinitive), in the
clause or noun that governs it."""

from __future__ import annotations

from spacy.tokens import Token

from extract.candidate import children, dependents, has_lemma, is_word_piece
from extract.lexicon import (
    COMMUNICATION_NOUNS,
    CONTROL_NOUNS,
    OBJECT_CONTROL_VERBS,
    OF_NAME_NOUNS,
    PERSON_ROLES,
)
from extract.names import is_camel_word
from extract.posts import post_holders

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
# NER labels of things with names of their own (not dates, amounts or numbers).
NAMED_LABELS = frozenset(
    {"ORG", "PERSON", "PRODUCT", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "LAW"}
)
# Labels of proper nouns that name no thing: 'Wednesday', 'May'.
UNNAMED_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
# Prepositions whose gerund shares the subject of the clause it modifies: 'By licensing X to
# others, Meta could...', 'after acquiring X, Apple...'.
GERUND_PREPOSITIONS = frozenset(
    "by after before while when through without despite since upon in on from".split()
)


def subjects_of(verb: Token) -> list[Token]:
    """The subject of a predicate, inherited from the governing verb where the clause has none:
    coordinated verbs ('released and promoted'), control ('plans to bring'), participles and
    gerunds ('By licensing X, Meta...'), and a noun's infinitive ('Meta's plan to buy X')."""
    if is_existential_noun(verb) or is_name_word(verb):
        return []
    # 'Co-founder of Acme, Jo Roe, met...': the tokenizer's pieces of a hyphenated word are
    # no subjects, though the parser may make them so.
    direct = [c for c, dep in dependents(verb) if dep in SUBJECT_DEPS and not is_word_piece(c)]
    if len(direct) > 1 and all(d.pos_ == "PROPN" for d in direct):
        return direct  # 'The Dow, the S&P 500 and ... fell': a list the parser split
    if direct:
        subject = direct[0]
        if is_expletive(subject, verb):
            return []
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return [verb.head]
        return [subject]
    if is_headline_verb(verb):
        return [verb.doc[verb.i - 1]]
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and coordinated(verb):
        return subjects_of(verb.head)
    if verb.dep_ == "xcomp":
        if verb.head.dep_ == "acomp" and verb.head.pos_ == "ADJ":
            return subjects_of(verb.head.head)  # 'they will be willing to contribute'
        controller = (
            children(verb.head, "dobj") if has_lemma(verb.head, OBJECT_CONTROL_VERBS) else []
        )
        return controller[:1] or subjects_of(verb.head)
    if verb.dep_ == "advcl" and (verb.tag_ == "VBG" or is_infinitive(verb)):
        return source_before(verb) or subjects_of(verb.head)
    if verb.dep_ == "advcl" and is_participle_adjunct(verb):
        return subjects_of(verb.head)  # 'Acme's deposits are safe, insured by the state'
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and is_gerund_adjunct(verb.head):
        governor = verb.head.head
        # 'stopped Meta from buying X': the object does it; 'by buying X', the subject.
        controller = children(governor, "dobj") if verb.head.lower_ == "from" else []
        return controller[:1] or subjects_of(governor)
    if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBG") and verb.head.pos_ in ("NOUN", "PROPN"):
        # 'the model released by Meta', 'a company making chips': the noun is the subject.
        return [verb.head]
    if verb.dep_ == "acl" and is_infinitive(verb):
        return noun_controllers(verb.head)
    return []


def is_existential_noun(verb: Token) -> bool:
    """'there are also Zeta Polaroid exhibits at the museum': what 'there is' says exists is a
    noun, whatever the tagger made of it ('exhibits' as a verb with 'Polaroid' its subject)."""
    head = verb.head
    return (
        verb.dep_ == "attr" and head.lemma_ == "be" and any(c.dep_ == "expl" for c in head.children)
    )


def is_name_word(verb: Token) -> bool:
    """'Isabel Ruiz of Heaven Sent Gaming': a capitalized word inside a name, with words of
    the name on both sides, is no verb of the sentence."""
    doc = verb.doc
    return (
        verb.is_title
        and verb.ent_iob_ == "I"
        and verb.i + 1 < len(doc)
        and doc[verb.i + 1].ent_iob_ == "I"
    )


def source_before(gerund: Token) -> list[Token]:
    """'According to Yonhap, quoting KCNA, ...': a gerund right after an 'according to' phrase
    is the source's act (quoting, citing), not the main clause subject's."""
    before = [c for c in gerund.head.children if c.i < gerund.i and c.dep_ == "prep"]
    if not before or before[-1].lower_ != "according" or before[-1].right_edge.i + 2 != gerund.i:
        return []
    return [o for to in children(before[-1], "prep") for o in children(to, "pobj")][:1]


def is_expletive(subject: Token, verb: Token) -> bool:
    """'It is asserted by X that...', 'it is important that...': an 'it' that stands for the
    clause after the verb, not for anything named before."""
    if subject.lower_ != "it":
        return False
    if subject.dep_ != "nsubjpass" and verb.lemma_ != "be":
        return False
    return any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)


def noun_controllers(noun: Token) -> list[Token]:
    """Who carries out the infinitive of a noun of intention: the possessor ('Meta's plan to',
    'its decision to': a pronoun is resolved later) or the subject of the verb that has the noun
    ('Meta has no plans to', 'Meta announced a deal to')."""
    if not has_lemma(noun, CONTROL_NOUNS):
        return []
    owners = children(noun, "poss")
    if owners:
        return owners[:1]
    if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
        return subjects_of(noun.head)
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX"):
        return subjects_of(noun.head.head)  # 'Meta is focusing on X in an attempt to compete'
    return []


def is_infinitive(verb: Token) -> bool:
    """'to buy', and the passive 'to be replaced'."""
    return verb.tag_ in ("VB", "VBN") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.lefts
    )


def is_gerund_adjunct(prep: Token) -> bool:
    """'by licensing', 'after acquiring': a preposition of the verb introducing a gerund."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ in GERUND_PREPOSITIONS
        and prep.head.pos_ in ("VERB", "AUX")
    )


def is_headline_verb(token: Token) -> bool:
    """'Meta partners with Microsoft': the small model reads 'partners' as a plural noun.

    A verbless sentence whose root is a plural noun modified by a name and followed by a
    preposition is read as name + verb.
    """
    if token.dep_ != "ROOT" or token.tag_ != "NNS" or token.i == token.sent.start:
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in token.sent):
        return False
    before = token.doc[token.i - 1]
    return (
        before.head == token
        and (before.pos_ == "PROPN" or before.ent_type_ != "")
        and any(c.dep_ == "prep" for c in token.children)
    )


def resolve_relative(token: Token, verb: Token) -> Token:
    """'the model that Meta released': the object 'that' stands for 'the model'."""
    if token.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return token


def is_passive(verb: Token) -> bool:
    """'was released', and the participle of 'the model released by Meta'."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return True
    if verb.dep_ == "advcl" and is_participle_adjunct(verb):
        return True
    if any(dep in ("nsubjpass", "auxpass") for _, dep in dependents(verb)):
        return True
    return is_shared_passive(verb)


def is_shared_passive(verb: Token) -> bool:
    """'was arrested and charged', 'was kept there and then transferred': a participle
    coordinated with a passive or a 'be', with no subject or auxiliary of its own, shares the
    passive voice ('has bought and sold' stays active: its head is no passive)."""
    if verb.dep_ != "conj" or verb.tag_ != "VBN":
        return False
    if children(verb, "nsubj", "nsubjpass", "aux", "auxpass"):
        return False
    return verb.head.lemma_ == "be" or is_passive(verb.head)


def is_participle_adjunct(verb: Token) -> bool:
    """'..., insured by the state', 'Backed by Zeta, Acme grew': a past participle with its
    agent and no subject or auxiliary of its own, said of the main clause's subject."""
    if verb.tag_ != "VBN" or children(verb, "nsubj", "nsubjpass", "aux", "auxpass", "mark"):
        return False
    return bool(children(verb, "agent"))


def is_named(token: Token) -> bool:
    """A name: typed by NER as a named thing, a proper noun NER left untyped, or a brand's
    name in camel case whatever its tag ('wikiHow')."""
    return (
        token.ent_type_ in NAMED_LABELS
        or (token.pos_ == "PROPN" and token.ent_type_ not in UNNAMED_LABELS)
        or is_camel_word(token.text)
    )


def names_for(noun: Token) -> list[Token]:
    """The names a description stands for: 'its European division, Opel' -> [Opel]; 'rivals
    like X and Y', 'sites such as X' -> [X, Y]; 'a statement from X' -> [X]; nothing for a
    name itself; 'Zorbia's Prime Minister, Jo Roe' -> [Jo Roe] (a post tagged as a name)."""
    holders = post_holders(noun)
    if holders or noun.pos_ != "NOUN" or is_named(noun):
        return holders
    found = [a for a in children(noun, "appos") if is_named(a)]
    bare_capital = noun.is_title and not children(noun, "det", "poss")
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be" and not bare_capital:
        # not 'Currently Roe is a Professor at...': a bare capitalized subject is a name;
        # 'The one company that posted a gain was Wal-Mart': the subject is the name after
        found += [a for a in children(noun.head, "attr") if is_named(a)]
    for prep in children(noun, "prep"):
        if prep.lower_ in ("of", "at"):
            # 'the chief executive of Acme, John Smith,': the parser hangs him on Acme
            found += [
                person
                for owner in children(prep, "pobj")
                for person in children(owner, "appos")
                if person.ent_type_ == "PERSON" and noun.lemma_.lower() in PERSON_ROLES
            ]
        if prep.lower_ == "of" and noun.lemma_.lower() in OF_NAME_NOUNS:
            found += [o for o in children(prep, "pobj") if is_named(o)]  # 'the town of X'
            continue
        if prep.lower_ in ("from", "by") and noun.lemma_.lower() in COMMUNICATION_NOUNS:
            # 'A statement from Acme said that...': the source says it
            found += [o for o in children(prep, "pobj") if is_named(o)]
        if prep.lower_ == "like" or (prep.lower_ == "as" and children(prep, "amod")):
            # the parser hangs 'RIM's BlackBerry and Microsoft's Windows Mobile' oddly: take
            # every name in the phrase that is not a possessor
            found += [t for t in prep.subtree if is_example(t, prep)]
    return found


def is_example(token: Token, prep: Token) -> bool:
    return (
        token.i > prep.i
        and is_named(token)
        and token.dep_ not in ("compound", "poss", "case")
        and not children(token, "case")  # "Microsoft's" owns the example
        and (token.head == prep or token.dep_ == "conj" or token.head.head == prep)
    )


def coordinated(conjunct: Token) -> bool:
    """Whether a conjunct verb is joined by a coordinator ('and', 'but', 'or') to its head or
    to the list it ends: without one, the parser has more often joined two clauses that share
    no subject ('The main draw, Acme observed, was the booth') than listed verbs."""
    head = conjunct.head
    siblings = [head, *(c for c in head.children if c.dep_ == "conj")]
    # A semicolon joins a headline's verbs the way 'and' does: 'NASA marks X; announces Y'.
    return any(c.dep_ in ("cc", "preconj") or c.text == ";" for s in siblings for c in s.children)
