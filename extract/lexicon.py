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
        "bank lender insurer airline agency organization organisation publisher manufacturer "
        "supplier vendor operator broadcaster outlet university institute regulator "
        "government ministry party union club team group partner investor".split(),
        "organization",
    ),
    **dict.fromkeys(
        "model software product system tool app application device chip processor phone "
        "smartphone platform program programme assistant chatbot engine framework library "
        "vehicle car drug vaccine game browser service index".split(),
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
    "cancellation": "cancel",
    "criticism": "criticize",
    "sale": "sell",
    "bailout": "bail out",
    "rescue": "rescue",
    "investigation": "investigate",
    "probe": "probe",
    "appointment": "appoint",
    "replacement": "replace",
    "lawsuit": "sue",
    "suit": "sue",
    "endorsement": "endorse",
    "deployment": "deploy",
}

# The preposition of a nominalization's theme where it is not 'of' or the predicate's own
# ('partnership with'): 'Acme's lawsuit against Bolt', 'an investigation into Bolt'.
NOMINAL_PREPOSITIONS: dict[str, str] = {
    "lawsuit": "against",
    "suit": "against",
    "investigation": "into",
    "probe": "into",
    "criticism": "of",
}

# Words of job titles that stand before a name: "CEO Mark Zuckerberg".
TITLE_WORDS = frozenset(
    "ceo cfo cto coo cio vp chief executive president chairman chairwoman chair founder "
    "co-founder cofounder director head scientist researcher spokesperson spokesman spokeswoman "
    "officer minister secretary senator governor editor analyst engineer boss prosecutor "
    "ambassador mayor commissioner chancellor treasurer economist premier".split()
)

# Titles that, without an organization in the phrase, are the article's company's: 'Chief
# executive Jo Roe said' (but 'President Jo Roe' or 'Senator Jo Roe' is no company's).
CORPORATE_TITLES = frozenset(
    "ceo cfo cto coo cio executive chairman chairwoman founder co-founder cofounder director "
    "spokesperson spokesman spokeswoman officer boss vp".split()
)

# Words that join title words in capitals without naming an organization: 'Vice President'.
TITLE_MODIFIERS = frozenset(
    "vice senior deputy general managing acting interim assistant associate executive "
    "former financial operating technology marketing".split()
)

# Adjectives of nationality and the names a text may use for the country, the first the
# fullest: 'German economy minister X' -> (X, economy minister of, Germany).
NATIONALITIES: dict[str, tuple[str, ...]] = {
    "american": ("United States", "US", "U.S.", "USA", "America"),
    "us": ("United States", "US", "U.S.", "USA", "America"),
    "u.s.": ("United States", "US", "U.S.", "USA", "America"),
    "british": ("United Kingdom", "UK", "U.K.", "Britain"),
    "uk": ("United Kingdom", "UK", "U.K.", "Britain"),
    "english": ("England",),
    "scottish": ("Scotland",),
    "irish": ("Ireland",),
    "french": ("France",),
    "german": ("Germany",),
    "italian": ("Italy",),
    "spanish": ("Spain",),
    "portuguese": ("Portugal",),
    "dutch": ("Netherlands", "the Netherlands", "Holland"),
    "belgian": ("Belgium",),
    "swiss": ("Switzerland",),
    "austrian": ("Austria",),
    "swedish": ("Sweden",),
    "norwegian": ("Norway",),
    "danish": ("Denmark",),
    "finnish": ("Finland",),
    "polish": ("Poland",),
    "russian": ("Russia",),
    "ukrainian": ("Ukraine",),
    "greek": ("Greece",),
    "turkish": ("Turkey",),
    "israeli": ("Israel",),
    "iranian": ("Iran",),
    "iraqi": ("Iraq",),
    "saudi": ("Saudi Arabia",),
    "egyptian": ("Egypt",),
    "indian": ("India",),
    "pakistani": ("Pakistan",),
    "chinese": ("China",),
    "japanese": ("Japan",),
    "korean": ("Korea", "South Korea"),
    "south korean": ("South Korea",),
    "north korean": ("North Korea",),
    "taiwanese": ("Taiwan",),
    "vietnamese": ("Vietnam",),
    "thai": ("Thailand",),
    "indonesian": ("Indonesia",),
    "australian": ("Australia",),
    "canadian": ("Canada",),
    "mexican": ("Mexico",),
    "brazilian": ("Brazil",),
    "argentine": ("Argentina",),
    "argentinian": ("Argentina",),
    "chilean": ("Chile",),
    "nigerian": ("Nigeria",),
    "south african": ("South Africa",),
    "kenyan": ("Kenya",),
    "european": ("Europe",),
}

# Nouns that name a relation to their possessor: 'its European division, Opel' -> (Opel,
# European division of, its owner). Kinship and business ties alike.
RELATIONAL_NOUNS = frozenset(
    "rival competitor customer client supplier partner subsidiary unit division arm parent "
    "owner founder co-founder cofounder investor shareholder backer affiliate spinoff spin-off "
    "offshoot brand member ally agency wife husband spouse widow son daughter child father "
    "mother brother sister sibling cousin uncle aunt nephew niece grandson granddaughter "
    "grandfather grandmother friend colleague lawyer attorney adviser advisor successor "
    "predecessor deputy assistant".split()
)

# Nouns whose 'of'/'in' complement is the entity an argument is about: 'holds 12% of Meta',
# 'a stake in Meta', 'shares in Meta fell'. The relation absorbs the head and preposition.
PARTITIVE_HEADS = frozenset(
    "% percent per cent stake share shares stock stocks interest part half majority "
    "minority rest remainder bulk last most control ownership sales revenue revenues profit "
    "profits earnings income price prices value valuation cost costs".split()
)

# Heads too empty to stand alone as a concept argument: 'one of the models', 'details of'.
EMPTY_HEADS = frozenset(
    "one ones move details detail range kind kinds type types sort lot lots number "
    "variety series set group couple part".split()
)

# Place nouns that stand before 'of' + the place's name: 'the German state of Hesse'.
PLACE_CLASS_NOUNS = frozenset(
    "city town village state province region county district island capital country "
    "municipality prefecture territory".split()
)

# Last words of facility names that NER often leaves untyped: 'the Al-Noor Hotel near X'.
FACILITY_WORDS = frozenset(
    "hotel center centre airport station stadium arena hall bridge tower mosque church "
    "cathedral temple museum university college school hospital prison base park square "
    "palace court building plant factory mall theatre theater library port harbour "
    "harbor".split()
)

# Nouns that, after a verb's preposition, hold the act rather than take part in it: 'said in
# a statement', 'bought it in a deal', 'spoke in an interview'.
ADJUNCT_NOUNS = frozenset(
    "statement interview deal move attempt effort bid report letter message speech "
    "announcement filing response way manner time period conference call email post "
    "press release".split()
)

# Nouns that name where their possessor is: 'California, Acme's home state'.
HOME_NOUNS = frozenset("home headquarters base hometown birthplace seat".split())
