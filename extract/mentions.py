"""Named mentions in a parsed document, grouped into entities, with pronouns and definite
descriptions resolved to them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import partial

from spacy.tokens import Span, Token

from extract.columns import Columns
from extract.coref import Antecedent, Resolution, resolve_references
from extract.coref_groups import (
    GROUP_TYPE,
    Group,
    coordinated_groups,
    group_name,
    without_families,
)
from extract.coref_model import CorefModel
from extract.entities import (
    NAMED_TYPES,
    POST_RULE,
    Clustering,
    cluster_names,
    name_words,
)
from extract.name_checks import called_class
from extract.names import is_acronym
from extract.posts import held_posts
from extract.sentences import ends_sentence
from extract.spans import clean_name, name_spans
from extract.triple import Entity
from extract.votes import (
    NOUN_VOTE,
    full_person_clusters,
    majority,
    mention_votes,
    possible_types,
    reference_type,
)

# A mention merged by these rules is a person's name, whatever its tag ('Paris' of 'Jo Paris').
PERSON_RULES = ("last name of", "first name of")
CLEAR_MARGIN = 2.0


@dataclass(frozen=True)
class Reference:
    """A pronoun or description, the tokens `start:end` that say it, and the entities it may
    refer to, best first (none when unresolved), with why."""

    start: int
    end: int
    kind: str  # "pronoun" or "description"
    candidates: tuple[Entity, ...]
    reason: str
    # The entities of the best candidate when it is a group ('Meta and Microsoft ... they'):
    # the group is no entity of the graph, and a triple takes none of it for the word.
    members: tuple[Entity, ...] = ()


@dataclass(frozen=True)
class DocumentEntities:
    """The entities of one document and how to find them from a token."""

    spans: list[Span]
    span_entity: list[Entity]
    span_reason: list[str]  # why each mention was merged into its entity ("" when named as is)
    token_span: dict[int, int]
    references: dict[int, Reference]  # by the index of the word that heads it

    def is_resolved(self, index: int) -> bool:
        """Whether the token at `index` is a pronoun or description resolved to an entity."""
        reference = self.references.get(index)
        return reference is not None and bool(reference.candidates) and not reference.members

    def member_readings(self, *tokens: Token) -> Iterator[DocumentEntities]:
        """The entities as a fact read with `tokens` sees them: as they are, or, where a token
        refers to a group ('Meta and Microsoft said they would invest'), once as each member,
        so that each takes the fact (a reader's reading) and no 'Meta and Microsoft' does."""
        grouped = [t.i for t in tokens if (r := self.references.get(t.i)) and r.members]
        if not grouped:
            yield self
            return
        index = grouped[0]  # two groups in one fact are rare: the first is read out
        reference = self.references[index]
        others = [self.mention_of(t) for t in tokens if t.i != index]
        if any(found and found[0] in reference.members for found in others):
            return  # 'Meta and Microsoft said they would': a member says it of itself
        for member in reference.members:
            alone = replace(reference, candidates=(member,), members=())
            yield replace(self, references={**self.references, index: alone})

    def mention_of(
        self, token: Token, *, avoid: Entity | None = None
    ) -> tuple[Entity, Span] | None:
        """The entity a token names or refers to, and the words that do so; a reference takes
        its next candidate when the best is `avoid`."""
        if token.i in self.token_span:
            index = self.token_span[token.i]
            return self.span_entity[index], self.spans[index]
        reference = self.references.get(token.i)
        if reference is not None and reference.members:
            return None  # a group: each member's fact, not one of 'Meta and Microsoft'
        candidates = [e for e in reference.candidates if e != avoid] if reference else []
        if candidates:
            return candidates[0], token.doc[token.i : token.i + 1]
        return None


@dataclass(frozen=True)
class NamedMentions:
    """A document's named mentions grouped into clusters, with the type votes of each cluster
    and the types a reference to it may have."""

    spans: list[Span]
    names: list[str]
    clustering: Clustering
    votes: list[Counter[str]]
    possible: list[frozenset[str]]
    antecedents: list[Antecedent]  # the mentions a pronoun or description may point back to


def find_entities(cols: Columns, *, model: CorefModel | None = None) -> DocumentEntities:
    """Find, group and type the named mentions of a document, and resolve references to them
    (with `model`, or the shipped coreference model)."""
    named = named_mentions(cols)
    resolutions = resolve_references(cols, named.antecedents, model=model)
    votes = named.votes
    coordinated = coordinated_groups(named.antecedents)
    grouped = {group.cluster for group in coordinated}
    for resolution in resolutions:
        if resolution.ranked and resolution.ranked[0][0] not in grouped:
            best = resolution.ranked[0][0]
            voted = reference_type(resolution.anaphor.token, named.possible[best])
            if voted != "thing":  # 'it' says only that the entity is no person
                votes[best][voted] += NOUN_VOTE
    clusters = named.clustering.index
    labels = cluster_labels(named.names, clusters, named.clustering.reason)
    entities = [Entity(name=labels[c], type=majority(votes[c])) for c in range(len(votes))]
    groups = group_entities(coordinated, entities)
    return DocumentEntities(
        spans=named.spans,
        span_entity=[entities[c] for c in clusters],
        span_reason=named.clustering.reason,
        token_span={t.i: n for n, span in enumerate(named.spans) for t in span},
        references={r.anaphor.token.i: reference(r, entities, groups) for r in resolutions},
    )


def group_entities(
    groups: list[Group], entities: list[Entity]
) -> dict[int, tuple[Entity, tuple[Entity, ...]]]:
    """Each group's cluster -> the group as an entity ('Carrano and Biewener', a group), and
    its members."""
    out = {}
    for group in groups:
        members = tuple(entities[c] for c in group.members)
        name = group_name([m.name for m in members])
        out[group.cluster] = (Entity(name=name, type=GROUP_TYPE), members)
    return out


def named_mentions(cols: Columns) -> NamedMentions:
    """The named mentions of a document, clustered, with their type votes."""
    spans, types = without_families(*name_spans(cols))
    names = [clean_name(s.text) for s in spans]
    tickers, acronyms = parenthesized_owners(spans)
    headlines = headline_mentions(cols, spans)
    apart = coordinated_mentions(spans)
    cluster = partial(
        cluster_names,
        tickers=tickers,
        acronyms=acronyms,
        headlines=headlines,
        apart=apart,
        posts=held_posts(spans, types),
    )
    clustering = cluster(list(zip(names, types)))
    # Again with the types the evidence gave: 'Jo Paris, a woman' is a person whose last name
    # 'Paris' is, and 'Ford' no beginning of the car 'Ford Taurus', whatever the tags say.
    first_index, first_types = clustering.index, types
    first_votes = mention_votes(cols, spans, types, clustering.index)
    voted = retyped(types, clustering.index, first_votes)
    if voted != types:
        second = cluster(list(zip(names, voted)))
        # The second pass only adds merges: 'Dow' stays with its index, voted a product since.
        clustering = joined(clustering, second)
    clustering, types = called_apart(spans, types, clustering)
    clusters = clustering.index
    types = [
        "person" if reason.startswith(PERSON_RULES) else type_
        for type_, reason in zip(types, clustering.reason)
    ]
    # The votes depend only on the spans, types and clusters: often unchanged by the passes.
    unchanged = types == first_types and clusters == first_index
    votes = first_votes if unchanged else mention_votes(cols, spans, types, clusters)
    full_person = full_person_clusters(spans, types, clusters)
    possible = [possible_types(v, lone=c not in full_person) for c, v in enumerate(votes)]
    antecedents = [
        Antecedent(span, cluster, possible[cluster])
        for span, cluster, type_ in zip(spans, clusters, types)
        if type_ in NAMED_TYPES
    ]
    return NamedMentions(spans, names, clustering, votes, possible, antecedents)


def called_apart(
    spans: list[Span], types: list[str], clustering: Clustering
) -> tuple[Clustering, list[str]]:
    """'a drink called Zeta' where the text names a Jo Zeta: a name given to a thing is that
    thing's own entity, of the type its noun says, not the person's last (or first) name."""
    index, reason, types = list(clustering.index), list(clustering.reason), list(types)
    for n, span in enumerate(spans):
        if reason[n].startswith(PERSON_RULES) and (type_ := called_class(span)):
            index[n], reason[n], types[n] = max(index) + 1, "", type_
    return Clustering(index, reason), types


def joined(first: Clustering, second: Clustering) -> Clustering:
    """The clusters of either clustering joined, with the second's reasons where it gives
    one."""
    parent = list(range(len(first.index)))

    def find(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for clustering in (first, second):
        leader: dict[int, int] = {}
        for n, cluster in enumerate(clustering.index):
            parent[find(n)] = find(leader.setdefault(cluster, n))
    order: dict[int, int] = {}
    index = [order.setdefault(find(n), len(order)) for n in range(len(parent))]
    reason = [b or a for a, b in zip(first.reason, second.reason)]
    return Clustering(index, reason)


def retyped(types: list[str], clusters: list[int], votes: list[Counter[str]]) -> list[str]:
    """Each mention's type as its cluster's votes decide it, where they decide a named type
    clearly: by twice the votes of any other type ('Dow' and its index, tagged an
    organization and voted a product, stay as tagged)."""
    decided = [clear_majority(v) for v in votes]
    return [decided[c] or type_ for type_, c in zip(types, clusters)]


def clear_majority(votes: Counter[str]) -> str | None:
    """The type with twice the votes of any other, if it is a named type."""
    ranked = sorted(votes.values(), reverse=True)
    best = majority(votes)
    if best not in NAMED_TYPES or (len(ranked) > 1 and ranked[0] < CLEAR_MARGIN * ranked[1]):
        return None
    return best


def reference(
    resolution: Resolution,
    entities: list[Entity],
    groups: dict[int, tuple[Entity, tuple[Entity, ...]]] | None = None,
) -> Reference:
    """A resolution as the record triples and mentions use, its reason naming the entity
    (`groups`: a group's cluster -> the group and its members, see `group_entities`)."""
    anaphor = resolution.anaphor
    groups = groups or {}
    candidates = tuple(
        groups[cluster][0] if cluster in groups else entities[cluster]
        for cluster, _ in resolution.ranked
    )
    best = resolution.ranked[0][0] if resolution.ranked else None
    members = groups[best][1] if best in groups else ()
    reason = resolution.reason
    if candidates and resolution.ranked[0][1] < 1.0:
        alternatives = len(candidates) - 1
        reason = f"antecedent {candidates[0].name}, score {resolution.ranked[0][1]:.2f}" + (
            f" ({alternatives} other candidate{'s' if alternatives > 1 else ''} above threshold)"
            if alternatives
            else ""
        )
    return Reference(anaphor.start, anaphor.end, anaphor.kind, candidates, reason, members)


def parenthesized_owners(spans: list[Span]) -> tuple[dict[int, int], dict[int, int]]:
    """'Meta Platforms (META 3.43%)', 'Internet Explorer (IE)', 'the Department of Justice
    (DoJ)': a short name in parentheses right after a name is that name's stock ticker (upper
    case) or its acronym (its initials). Returns mention index -> owner index, for each."""
    tickers, acronyms = {}, {}
    for n in range(1, len(spans)):
        span, before = spans[n], spans[n - 1]
        opening = span.doc[span.start - 1] if span.start else None
        if opening is None or opening.text != "(" or before.end != span.start - 1:
            continue
        if len(span) == 1 and span.text.isupper() and len(span.text) <= 6:
            tickers[n] = n - 1
        elif is_acronym(span.text, before.text):
            acronyms[n] = n - 1
    return tickers, acronyms


def coordinated_mentions(spans: list[Span]) -> list[tuple[int, int]]:
    """Pairs of mentions joined by 'and' or 'or' ('Apple and Apple Corps'): two entities,
    by the parse or, where it takes the first for a modifier, by the words between."""
    at = {span.root.i: n for n, span in enumerate(spans)}
    pairs = [
        (at[span.root.head.i], n)
        for n, span in enumerate(spans)
        if span.root.dep_ == "conj" and span.root.head.i in at
    ]
    for n in range(1, len(spans)):
        between = spans[n].doc[spans[n - 1].end : spans[n].start]
        if [t.lower_ for t in between if t.text != ","] in (["and"], ["or"], ["&"]):
            pairs.append((n - 1, n))
    return pairs


def headline_mentions(cols: Columns, spans: list[Span]) -> set[int]:
    """The mentions in sentences without final punctuation: headlines, datelines, captions."""
    verdicts: dict[int, bool] = {}
    headlines = set()
    for n, span in enumerate(spans):
        index = int(cols.sentence[span.start])
        if index not in verdicts:
            verdicts[index] = not ends_sentence(cols.sentence_span(index))
        if verdicts[index]:
            headlines.add(n)
    return headlines


def cluster_labels(names: list[str], clusters: list[int], reasons: list[str]) -> list[str]:
    """For each cluster, the fullest name among its mentions: most words, then most frequent,
    then first seen. A post that joined its holder ('the Secretary' of 'Secretary Cardona')
    names the cluster only when no other mention does."""
    members: dict[int, list[str]] = defaultdict(list)
    posts: dict[int, list[str]] = defaultdict(list)
    for name, cluster, reason in zip(names, clusters, reasons):
        (posts if reason.startswith(POST_RULE) else members)[cluster].append(name)
    labels = []
    for cluster in range(len(set(clusters))):
        own = members.get(cluster) or posts[cluster]
        counts = Counter(own)
        first = {name: -n for n, name in reversed(list(enumerate(own)))}
        labels.append(max(counts, key=lambda n: (len(name_words(n)), counts[n], first[n])))
    return labels
