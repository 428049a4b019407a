"""Dependency rules that read candidate relations from a parsed sentence: verbs, copulas and
appositions here, relations carried by nouns in `extract.nominal`.

Each rule is one small function over a predicate token. A rule yields `Candidate`s that still
point at tokens; `extract.extractor` turns their argument tokens into entities. The
confidences are the rules' priors: how often a rule's output is right, so that sorting by
confidence puts the surest triples first.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.symbols import AUX, VERB
from spacy.tokens import Span, Token

from extract.candidate import Candidate, children, expand
from extract.columns import Columns, isin
from extract.lexicon import (
    HEDGE_MODALS,
    INTENT_VERBS,
    NEGATING_VERBS,
    NOMINALIZATIONS,
    REPORTING_VERBS,
    TITLE_WORDS,
)
from extract.nominal import nominal_candidates, nominal_mask

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# NER labels of things with names of their own (not dates, amounts or numbers).
NAMED_LABELS = frozenset(
    {"ORG", "PERSON", "PRODUCT", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "LAW"}
)
COPULAS = frozenset({"be", "remain", "become"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})


def document_candidates(cols: Columns) -> Iterator[Candidate]:
    """Every candidate relation of a parsed document, in token order."""
    mask = (cols.pos == VERB) | (cols.pos == AUX) | isin(cols.dep, cols.ids("appos"))
    mask |= isin(cols.dep, cols.ids("ROOT")) & isin(cols.tag, cols.ids("NNS"))
    mask |= isin(cols.lemma, cols.ids(*NOMINALIZATIONS)) | isin(cols.dep, cols.ids("poss"))
    mask |= isin(cols.lower, cols.ids(*TITLE_WORDS)) & isin(cols.dep, cols.ids("compound", "amod"))
    mask |= nominal_mask(cols)
    for token in cols.tokens(mask):
        yield from token_candidates(token)


def sentence_candidates(sent: Span) -> Iterator[Candidate]:
    """Every candidate relation of one sentence, in token order."""
    for token in sent:
        yield from token_candidates(token)


def token_candidates(token: Token) -> Iterator[Candidate]:
    if token.dep_ == "appos":
        yield from apposition_candidates(token)
    yield from nominal_candidates(token)
    if is_predicate(token):
        yield from predicate_candidates(token)


def is_predicate(token: Token) -> bool:
    """A verb, a copula with a complement, or a headline noun that is really a verb."""
    if token.pos_ == "VERB":
        return True
    if token.pos_ == "AUX":
        return token.dep_ not in ("aux", "auxpass") and any(
            c.dep_ in ("attr", "acomp") for c in token.children
        )
    return is_headline_verb(token)


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


def predicate_candidates(verb: Token) -> Iterator[Candidate]:
    """Apply the verb rules to one predicate and expand coordinated arguments."""
    subjects = expand(subjects_of(verb))
    if not subjects:
        return
    frame = {
        "negated": is_negated(verb),
        "modality": modality_of(verb),
        "speaker": speaker_of(verb),
    }
    for rule in (svo, passive, copula, adjective_preposition, verb_preposition):
        for subject_role, obj, predicate, relation_tokens, name in rule(verb):
            pairs = (
                [(s, o) for s in subjects for o in expand([obj])]
                if subject_role == "subject"
                else [(o, s) for s in subjects for o in expand([obj])]
            )
            for subject, object_ in pairs:
                yield Candidate(
                    subject,
                    resolve_relative(object_, verb),
                    predicate,
                    relation_tokens,
                    name,
                    **frame,
                )


# A verb rule yields (who is the subject, object token, predicate, relation tokens, rule name):
# "subject" when the sentence subject is the triple's subject, "object" when the passive
# makes it the triple's object.
RuleOutput = Iterator[tuple[str, Token, str, tuple[Token, ...], str]]


def svo(verb: Token) -> RuleOutput:
    """'Meta released Llama 2' -> (Meta, release, Llama 2)."""
    for obj in children(verb, "dobj"):
        yield "subject", obj, verb_phrase(verb), relation_span(verb), "svo"


def passive(verb: Token) -> RuleOutput:
    """'Llama 2 was released by Meta' -> (Meta, release, Llama 2)."""
    if not is_passive(verb):
        return
    for agent in children(verb, "agent"):
        for actor in children(agent, "pobj"):
            yield "object", actor, verb_phrase(verb), (verb, agent), "passive"


def copula(verb: Token) -> RuleOutput:
    """'Llama 2 is a large language model' -> (Llama 2, be, large language model), and
    'Yann LeCun is the chief scientist at Meta' -> (Yann LeCun, chief scientist at, Meta)."""
    if verb.lemma_ not in COPULAS:
        return
    for attr in children(verb, "attr"):
        roles = list(role_objects(attr))
        yield from (("subject", obj, predicate, (attr,), "role") for obj, predicate in roles)
        if not roles:
            yield "subject", attr, verb.lemma_, (verb,), "copula"


def adjective_preposition(verb: Token) -> RuleOutput:
    """'Llama 2 is available on AWS' -> (Llama 2, be available on, AWS)."""
    for adjective in children(verb, "acomp"):
        for prep in children(adjective, "prep"):
            for obj in children(prep, "pobj"):
                predicate = f"{verb.lemma_} {adjective.lemma_.lower()} {prep.lower_}"
                yield "subject", obj, predicate, (verb, adjective, prep), "adjective_preposition"


def verb_preposition(verb: Token) -> RuleOutput:
    """'Meta partners with Microsoft' -> (Meta, partner with, Microsoft). A verb with a direct
    object keeps only prepositions that name someone: 'licenses its designs to Apple'."""
    has_object = any(c.dep_ in ("dobj", "attr", "acomp") for c in verb.children)
    is_pass = is_passive(verb)
    for prep in children(verb, "prep", "dative"):
        for obj in children(prep, "pobj"):
            if has_object and obj.ent_type_ not in NAMED_LABELS:
                continue
            if is_pass:
                predicate = f"be {verb.lower_} {prep.lower_}"
                yield "subject", obj, predicate, (verb, prep), "passive_preposition"
            else:
                yield (
                    "subject",
                    obj,
                    f"{verb_phrase(verb)} {prep.lower_}",
                    (*relation_span(verb), prep),
                    "verb_preposition",
                )


def apposition_candidates(appos: Token) -> Iterator[Candidate]:
    """'Satya Nadella, the chief executive of Microsoft' -> (Satya Nadella, chief executive of,
    Microsoft); 'Llama 2, a language model' -> (Llama 2, be, language model)."""
    name, description = appos.head, appos
    if description.pos_ == "PROPN" and name.pos_ == "NOUN":
        name, description = description, name
    if name.pos_ != "PROPN" or description.pos_ != "NOUN":
        return
    roles = list(role_objects(description))
    for obj, predicate in roles:
        yield Candidate(name, obj, predicate, (description,), "role")
    if not roles:
        yield Candidate(name, description, "be", (description,), "apposition")


def role_objects(noun: Token) -> Iterator[tuple[Token, str]]:
    """'chief executive of Microsoft' -> (Microsoft, 'chief executive of'): a role noun whose
    preposition names an organization."""
    for prep in children(noun, "prep"):
        if prep.lower_ not in ("of", "at", "for", "with"):
            continue
        for obj in children(prep, "pobj"):
            if obj.ent_type_ in ("ORG", "GPE", "PERSON", "NORP") or obj.pos_ == "PROPN":
                modifiers = [t for t in noun.lefts if t.dep_ in ("amod", "compound")]
                words = [t.lower_ if t.pos_ != "PROPN" else t.text for t in (*modifiers, noun)]
                yield obj, " ".join([*words, prep.lower_])


def subjects_of(verb: Token) -> list[Token]:
    """The subject of a predicate, inherited from the governing verb where the clause has none:
    coordinated verbs ('released and promoted'), control ('plans to bring') and participles."""
    direct = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if direct:
        subject = direct[0]
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return [verb.head]
        return [subject]
    if is_headline_verb(verb):
        return [verb.doc[verb.i - 1]]
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return subjects_of(verb.head)
    if verb.dep_ == "xcomp":
        controller = children(verb.head, "dobj")
        return controller[:1] or subjects_of(verb.head)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        return subjects_of(verb.head)
    if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBG") and verb.head.pos_ in ("NOUN", "PROPN"):
        # 'the model released by Meta', 'a company making chips': the noun is the subject.
        return [verb.head]
    return []


def resolve_relative(token: Token, verb: Token) -> Token:
    """'the model that Meta released': the object 'that' stands for 'the model'."""
    if token.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return token


def is_negated(verb: Token) -> bool:
    """'did not release', 'never released', 'declined to comment'; negation on a governing
    verb carries over to its infinitive or coordinated complement."""
    if any(c.dep_ == "neg" or c.lower_ in ("never", "neither", "nor") for c in verb.children):
        return True
    if verb.dep_ == "xcomp":
        return verb.head.lemma_ in NEGATING_VERBS or is_negated(verb.head)
    return False


def modality_of(verb: Token) -> str | None:
    """'could release' -> possible; 'plans to release' -> intended; 'if Meta released' ->
    hypothetical; 'Did Meta release?' -> question."""
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children):
        return "hypothetical"
    if is_question(verb):
        return "question"
    if any(c.dep_ == "aux" and c.lower_ in HEDGE_MODALS for c in verb.children):
        return "possible"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in INTENT_VERBS:
        return "intended"
    return None


def speaker_of(verb: Token) -> Token | None:
    """The subject of the reporting verb whose claim this clause is: 'OpenAI believes that X'."""
    clause = verb
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    if clause.dep_ == "ccomp" and clause.head.lemma_ in REPORTING_VERBS:
        speakers = subjects_of(clause.head)
        return speakers[0] if speakers else None
    return None


def is_question(token: Token) -> bool:
    """Whether the sentence ends with a question mark, which attaches to the sentence root
    (found by walking up: cheaper than building the sentence span)."""
    root = token
    while root.head.i != root.i:
        root = root.head
    return any(c.text == "?" for c in root.rights)


def is_passive(verb: Token) -> bool:
    """'was released', and the participle of 'the model released by Meta'."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return True
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def verb_phrase(verb: Token) -> str:
    """The lemma of a verb with its particle: 'gave up' -> 'give up'."""
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join([verb.lemma_.lower(), *particles])


def relation_span(verb: Token) -> tuple[Token, ...]:
    return (verb, *(c for c in verb.children if c.dep_ == "prt"))
