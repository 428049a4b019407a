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
        "vehicle car drug vaccine game browser service index average kit console plane "
        "aircraft jet airliner handset tablet computer laptop sedan truck store".split(),
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

# Courtesy and academic titles before a person's name: "Mr Smith" is Smith, and a person.
PERSON_TITLES = frozenset(
    "mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend".split()
)

# Words that only join the content words of a name: left out of its initials ("Securities
# and Exchange Commission" -> SEC) and never the last word of a beginning ("Siemens and").
NAME_FUNCTION_WORDS = frozenset(
    "of the and for & on in at to de du des la le et der und von van y".split()
)

# Words that join two names into one span: "Siemens and Bosch" is two names.
NAME_COORDINATORS = frozenset({"and", "&", "or", "und", "et", "plus"})

# Other names of the same country, written as entity keys (see extract.names.entity_key).
# Only unambiguous ones: "America" may be the continent, so it is not here.
COUNTRY_KEYS: dict[str, str] = {
    **dict.fromkeys(
        "uk unitedkingdom britain greatbritain "
        "unitedkingdomofgreatbritainandnorthernireland".split(),
        "unitedkingdom",
    ),
    **dict.fromkeys("us usa unitedstates unitedstatesofamerica".split(), "unitedstates"),
}

# Dates in a dateline ('Friday, May 8, 2009'), lower case, with the usual abbreviations.
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri "
    "sat sun".split()
)

# Words a hard-wrapped line may stop on in the middle of a sentence (a headline does not).
JOINING_WORDS = frozenset(
    "the a an of and or but to in on at for with by from as that which who than "
    "its their his her our".split()
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
