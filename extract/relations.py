"""Dependency rules that read candidate relations from a parsed sentence: verbs, copulas and
appositions here, relations carried by nouns in `extract.nominal`.

Each rule is one small function over a predicate token. A rule yields `Candidate`s that still
point at tokens; `extract.extractor` turns their argument tokens into entities. The
confidences are the rules' priors: how often a rule's output is right, so that sorting by
confidence puts the surest triples first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.symbols import AUX, VERB
from spacy.tokens import Span, Token

from extract.attachments import (
    according_to,
    co_founders,
    death_of,
    distant_preposition,
    placement,
    reported_finding,
    rival_owners,
    unnamed_post,
)
from extract.candidate import (
    Candidate,
    children,
    dependents,
    expand,
    has_lemma,
    listed_names,
)
from extract.clauses import (
    is_headline_verb,
    is_passive,
    names_for,
    resolve_relative,
    subjects_of,
)
from extract.columns import Columns, isin
from extract.complements import (
    RuleOutput,
    adjective_complement,
    object_preposition,
    relation_span,
    reported_subject,
    rival_objects,
    stand_ins,
    statement_recipients,
    verb_preposition,
)
from extract.descriptors import apposed_to, described_before
from extract.lexicon import HOLDER_TITLE_WORDS, INTENT_VERBS, NOMINALIZATIONS
from extract.nominal import nominal_candidates, nominal_mask
from extract.polarity import REPORT_MODALITIES, frame_of, noun_frame, verb_phrase
from extract.posts import is_post, post_owners
from extract.roles import as_role, is_name_attribute, role_holder, role_objects, role_words
from extract.verb_words import placing_phrase

__all__ = ["Candidate", "document_candidates", "sentence_candidates", "subjects_of"]
COPULAS = frozenset({"be", "remain", "become"})
COMPLEMENT_DEPS = frozenset({"dobj", "prep", "xcomp", "ccomp", "attr", "acomp", "oprd", "dative"})


def document_candidates(cols: Columns) -> Iterator[Candidate]:
    """Every candidate relation of a parsed document, in token order."""
    mask = (cols.pos == VERB) | (cols.pos == AUX) | isin(cols.dep, cols.ids("appos"))
    mask |= isin(cols.dep, cols.ids("ROOT")) & isin(cols.tag, cols.ids("NNS"))
    mask |= isin(cols.lemma, cols.ids(*NOMINALIZATIONS)) | isin(cols.dep, cols.ids("poss"))
    titles = isin(cols.lower, cols.ids(*HOLDER_TITLE_WORDS))
    mask |= titles & isin(cols.dep, cols.ids("compound", "amod"))
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
    for candidate in nominal_candidates(token):
        if candidate.rule == "nominalization":
            # 'abandoned its acquisition of Arm': the noun's event takes the verb's polarity.
            candidate = replace(candidate, **noun_frame(candidate.relation_tokens[0]))
        yield candidate
    if is_predicate(token):
        yield from predicate_candidates(token)


def is_predicate(token: Token) -> bool:
    """A verb, a copula with a complement, or a headline noun that is really a verb."""
    if token.pos_ == "VERB":
        return True
    if token.pos_ == "AUX":
        return token.dep_ not in ("aux", "auxpass") and any(
            dep in ("attr", "acomp") for _, dep in dependents(token)
        )
    return is_headline_verb(token)


def predicate_candidates(verb: Token) -> Iterator[Candidate]:
    """Apply the verb rules to one predicate and expand coordinated arguments."""
    # 'The security firm Secunia, ...': a description with an apposed name is that name.
    subjects = [n for s in expand(subjects_of(verb)) for n in names_for(s) or [s]]
    if not subjects:
        return
    frame = None  # the clause's polarity, read once a rule finds a relation: most find none
    rules = (
        svo,
        passive,
        copula,
        adjective_preposition,
        adjective_complement,
        verb_preposition,
        as_role,
        reported_subject,
        object_preposition,
        rival_objects,
        statement_recipients,
        distant_preposition,
        unnamed_post,
        placement,
        death_of,
        according_to,
        reported_finding,
        rival_owners,
        co_founders,
    )
    for rule in rules:
        for role, obj, predicate, relation_tokens, name in rule(verb):
            if name != "report" and in_later_quotation(verb, obj):
                continue
            objects = [resolve_relative(o, verb) for o in expand([obj])]
            if role == "subject":
                pairs = [(s, o) for s in subjects for o in objects]
            elif role == "object":
                pairs = [(o, s) for s in subjects for o in objects]
            else:
                pairs = [(s, o) for s in expand([role]) for o in objects]
            if frame is None:
                frame = frame_of(verb)
            # 'is considering a sale of X': the noun's relation is only intended
            own = {**frame, "modality": "intended"} if intends(verb, name, frame) else frame
            for subject, object_ in pairs:
                yield Candidate(subject, object_, predicate, relation_tokens, name, **own)


def in_later_quotation(verb: Token, obj: Token) -> bool:
    """'Jo said, "I think his work is good, his pictures of Zeta."': a word inside a
    quotation that opens after the verb, behind a clause of its own, is the quotation's, not
    an argument of the verb (the small model hangs such words on 'said'); a quoted title
    right after the verb ('sang "Rain on Zeta"') is its object. The report rules read whom
    the quotation is about on purpose, and are not asked."""
    if obj.i <= verb.i + 1:
        return False
    between = verb.doc[verb.i + 1 : obj.i]
    quotes = [t.i for t in between if t.is_quote]
    if len(quotes) % 2 == 0:
        return False
    inside = verb.doc[quotes[-1] + 1 : obj.i]
    return any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass") for t in inside)


def intends(verb: Token, rule: str, frame: dict) -> bool:
    plain = frame["modality"] is None or frame["modality"] in REPORT_MODALITIES
    return rule == "light_verb" and plain and has_lemma(verb, INTENT_VERBS)


def svo(verb: Token) -> RuleOutput:
    """'Meta released Llama 2' -> (Meta, release, Llama 2); 'Meta built and released Llama 2'
    -> also (Meta, build, Llama 2)."""
    # 'put Sweden in the lead' -> (.., put in lead, Sweden)
    predicate = " ".join(filter(None, (verb_phrase(verb), placing_phrase(verb))))
    for obj in children(verb, "dobj") or shared_objects(verb) or named_predicates(verb):
        for argument in (obj, *stand_ins(obj)):
            yield "subject", argument, predicate, relation_span(verb), "svo"


def named_predicates(verb: Token) -> list[Token]:
    """'Acme today named Jo Roe as its chief': the small model makes the name an object
    predicate ('oprd'); with no object of its own, an active verb's name there is its object."""
    if is_passive(verb):
        return []
    return [
        o for o in children(verb, "oprd") if o.pos_ == "PROPN" and o.ent_type_ in ("PERSON", "ORG")
    ]


def shared_objects(verb: Token) -> list[Token]:
    """The object of 'released' in 'built and released Llama 2': a verb with no complement of
    its own, directly followed by 'and'/'or' and a verb that has one and no subject."""
    if any(dep in COMPLEMENT_DEPS for _, dep in dependents(verb)):
        return []
    doc = verb.doc
    for partner in children(verb, "conj"):
        between = doc[verb.i + 1 : partner.i]
        if (
            partner.pos_ == "VERB"
            and [t.dep_ for t in between] in (["cc"], ["punct", "cc"])
            and not children(partner, "nsubj", "nsubjpass")
        ):
            return children(partner, "dobj")
    return []


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
    whose = list(whose_role(verb))
    if whose:
        yield from whose
        return
    for attr in map(one_of, children(verb, "attr")):
        # 'the candidates were Jo Roe of the Acme Party': a name is no role ('Jo Roe of');
        # the affiliation rule reads the party.
        roles = [] if is_name_attribute(attr) else list(role_objects(attr))
        yield from (("subject", obj, predicate, (attr,), "role") for obj, predicate in roles)
        if not roles or not children(attr, "prep"):
            yield "subject", attr, verb.lemma_, (verb,), "copula"


def whose_role(verb: Token) -> RuleOutput:
    """'Acme, whose chief executive is John Smith,' -> (John Smith, chief executive of, Acme)."""
    if verb.dep_ != "relcl":
        return
    for noun in children(verb, "nsubj"):
        if noun.pos_ == "NOUN" and any(c.lower_ == "whose" for c in children(noun, "poss")):
            for attr in children(verb, "attr"):
                yield attr, verb.head, role_words(noun), (noun,), "role"


def one_of(attr: Token) -> Token:
    """'one of the largest suppliers to X' -> 'suppliers': what the subject is one of."""
    if attr.lower_ == "one":
        for prep in children(attr, "prep"):
            nouns = [o for o in children(prep, "pobj") if o.pos_ == "NOUN"]
            if prep.lower_ == "of" and nouns:
                return nouns[0]  # not 'one of them': that is not what it is
    return attr


def adjective_preposition(verb: Token) -> RuleOutput:
    """'Llama 2 is available on AWS' -> (Llama 2, be available on, AWS)."""
    for adjective in children(verb, "acomp"):
        for prep in children(adjective, "prep"):
            for obj in children(prep, "pobj"):
                predicate = f"{verb.lemma_} {adjective.lemma_.lower()} {prep.lower_}"
                yield "subject", obj, predicate, (verb, adjective, prep), "adjective_preposition"


def apposition_candidates(appos: Token) -> Iterator[Candidate]:
    """'Satya Nadella, the chief executive of Microsoft' -> (Satya Nadella, chief executive of,
    Microsoft); 'Llama 2, a language model' -> (Llama 2, be, language model)."""
    if listed_names(appos) or described_before(appos):
        return  # 'the FTSE, Paris' CAC and Frankfurt's DAX indices': a list, no description
    if appos.left_edge.i > 0 and appos.doc[appos.left_edge.i - 1].text == "(":
        return  # 'the head of ZBV (Zorbian Bank Union)': another name of the name before
    name, description = apposed_to(appos), appos
    holder = role_holder(appos)
    if holder is not None:
        role, prep = holder
        yield Candidate(appos, name, f"{role_words(role)[:-3]} {prep.lower_}", (role,), "role")
        return
    if description.pos_ == "PROPN" and name.pos_ == "NOUN":
        name, description = description, name
    post, person = (name, description) if is_post(name) else (description, name)
    if is_post(post) and person.ent_type_ == "PERSON":
        # 'Zorbia's Attorney General, Jo Roe': the post, tagged as a name, is what Jo Roe holds
        for obj, predicate in post_owners(post):
            yield Candidate(person, obj, predicate, (post,), "role")
        return
    if name.pos_ != "PROPN" or description.pos_ != "NOUN":
        return
    roles = list(role_objects(description))
    for obj, predicate in roles:
        yield Candidate(name, obj, predicate, (description,), "role")
    if not roles or not children(description, "prep"):
        # 'GM, America's largest carmaker' is also a carmaker; 'Satya Nadella, the chief
        # executive of Microsoft' says only the role.
        yield Candidate(name, description, "be", (description,), "apposition")
