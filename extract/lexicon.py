"""Word lists behind the rules: which nouns describe which kind of entity, which verbs report
speech or intention. Kept apart so that a reader can audit and extend them in one place.
"""

from __future__ import annotations

# Head nouns of definite descriptions ("the company", "the model") and the entity type they
# can refer to.
DESCRIPTOR_TYPES: dict[str, str] = {
    **dict.fromkeys(
        "company firm giant startup start-up maker chipmaker automaker carmaker drugmaker "
        "conglomerate corporation business rival competitor provider lab laboratory retailer "
        "subsidiary unit division brand network site website carrier exchange court council "
        "committee commission authority department agency army military police "
        "bank lender insurer airline agency organization organisation publisher manufacturer "
        "supplier vendor operator broadcaster outlet university institute regulator "
        "government ministry party union club team group partner investor".split(),
        "organization",
    ),
    **dict.fromkeys(
        "model software product system tool app application device chip processor phone "
        "smartphone platform program programme assistant chatbot engine framework library "
        "vehicle car drug vaccine game browser service".split(),
        "product",
    ),
    **dict.fromkeys(
        "executive chief founder co-founder cofounder ceo president chairman chairwoman chair "
        "scientist researcher spokesperson spokesman spokeswoman director officer minister "
        "official manager engineer leader billionaire entrepreneur author journalist professor "
        "senator governor actor singer player coach man woman".split(),
        "person",
    ),
    **dict.fromkeys("city country state region town capital nation province".split(), "place"),
}
# Heads that name a maker, seller or backer: a company ("the chip designer") as often as a
# person ("the fashion designer").
EITHER_DESCRIPTORS = frozenset("designer developer producer owner buyer seller distributor".split())
DESCRIPTOR_TYPES.update(dict.fromkeys(EITHER_DESCRIPTORS, "organization"))

# Nouns that, said of "it", make it an event or a state of affairs rather than an entity:
# "it was a bold step", "it is a matter of time".
EVENT_NOUNS = frozenset(
    "step move decision mistake error success failure blow milestone sign surprise shame pity "
    "time question matter case idea pleasure honor honour privilege challenge problem relief "
    "disappointment shock setback victory defeat first".split()
)

# Verbs whose clausal complement is a claim of their subject, not a fact of the text.
REPORTING_VERBS = frozenset(
    "say tell claim believe think argue write report state add note suggest allege insist "
    "warn predict expect estimate assert announce reckon fear hope doubt contend maintain "
    "acknowledge admit explain reveal confirm indicate".split()
)

# Verbs whose infinitive complement is an intention, not an event: "plans to bring".
INTENT_VERBS = frozenset(
    "plan intend aim want hope seek decide expect agree promise try attempt prepare propose "
    "threaten offer vow pledge consider".split()
)

# Modal auxiliaries that make a statement possible rather than asserted.
HEDGE_MODALS = frozenset({"may", "might", "could", "would"})

# Verbs in a "verb + to + verb" construction that deny the complement: "declined to comment".
NEGATING_VERBS = frozenset({"decline", "refuse", "fail"})

# Nouns that name an event or relation of a verb, and that verb's predicate: "Meta's partnership
# with Microsoft" -> (Meta, partner with, Microsoft).
NOMINALIZATIONS: dict[str, str] = {
    "partnership": "partner with",
    "collaboration": "collaborate with",
    "alliance": "ally with",
    "merger": "merge with",
    "acquisition": "acquire",
    "purchase": "purchase",
    "takeover": "take over",
    "launch": "launch",
    "release": "release",
    "investment": "invest in",
    "development": "develop",
    "funding": "fund",
    "sponsorship": "sponsor",
}

# Words of job titles that stand before a name: "CEO Mark Zuckerberg".
TITLE_WORDS = frozenset(
    "ceo cfo cto coo cio vp chief executive president chairman chairwoman chair founder "
    "co-founder cofounder director head scientist researcher spokesperson spokesman spokeswoman "
    "officer minister secretary senator governor editor analyst engineer".split()
)
