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
STATE_OF_AFFAIRS_NOUNS = frozenset(
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
    "acknowledge admit explain reveal confirm indicate theorize theorise speculate suspect "
    "assume accuse".split()
)

# Verbs whose clausal complement is a claim their subject denies: "denied that it hacked X".
DENYING_VERBS = frozenset({"deny", "dispute", "refute"})

# Reporting verbs whose claim is a relation between the speaker and whom it is about:
# "Paris claimed that the Church imprisoned her" -> (Paris, claim about, Church).
CLAIM_VERBS = frozenset("claim allege accuse charge contend deny dispute refute".split())

# Verbs whose infinitive complement is an intention, not an event: "plans to bring".
INTENT_VERBS = frozenset(
    "plan intend aim want hope seek decide expect agree promise try attempt prepare propose "
    "threaten offer vow pledge consider".split()
)

# Modal auxiliaries that make a statement possible rather than asserted.
HEDGE_MODALS = frozenset({"may", "might", "could", "would", "should"})

# Adverbs that hedge or report a statement: "allegedly bribed", "will probably buy".
HEDGE_ADVERBS = {
    **dict.fromkeys("possibly probably perhaps maybe likely potentially".split(), "possible"),
    **dict.fromkeys(
        "allegedly reportedly supposedly purportedly apparently seemingly".split(), "claimed"
    ),
}

# Verbs in a "verb + to + verb" construction that deny the complement: "declined to comment",
# "denied hacking X", "stopped supplying X" (no longer a fact).
NEGATING_VERBS = frozenset(
    {"decline", "refuse", "fail", "deny", "neglect", "refrain", "avoid", "cease", "stop", "quit"}
)

# Verbs (with their particle) that undo the event a noun object names: "abandoned its
# acquisition of X", "called off the deal", "the merger was blocked".
CANCELLING_VERBS = frozenset(
    {
        "abandon", "cancel", "call off", "scrap", "drop", "block", "reject", "terminate",
        "abort", "halt", "veto", "kill", "withdraw", "scuttle", "torpedo", "prevent",
        "prohibit", "forbid", "ban", "suspend", "shelve", "thwart", "deny", "rule out",
        "give up", "break off", "end", "quash", "overturn", "rescind", "revoke",
    }
)  # fmt: skip

# Verbs whose subject, a noun of an event, did not come about: "the deal collapsed".
COLLAPSING_VERBS = frozenset({"collapse", "fail", "fall through", "fall apart", "founder"})

# Verbs whose "from" + gerund did not happen: "barred Meta from buying X".
PREVENTING_VERBS = frozenset(
    "prevent bar ban stop block prohibit refrain keep discourage deter forbid restrain "
    "exclude preclude".split()
)

# Nouns whose infinitive is an intention of their owner, not an event: "Meta's plan to buy X",
# "has no plans to", "the deal to sell X".
INTENT_NOUNS = frozenset(
    "plan intention intent bid offer proposal attempt effort decision agreement deal promise "
    "pledge threat commitment move aim goal push campaign desire hope wish ambition plot "
    "scheme strategy request demand order contract call bid talks negotiation".split()
)
# Nouns whose infinitive is only possible: "Meta's ability to compete with X".
ABILITY_NOUNS = frozenset("ability right chance opportunity permission power option".split())
# Nouns whose infinitive did not happen: "its failure to pay X".
NEGATING_NOUNS = frozenset("failure refusal reluctance inability".split())
# Nouns whose infinitive is carried out by their owner.
CONTROL_NOUNS = INTENT_NOUNS | ABILITY_NOUNS | NEGATING_NOUNS

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

# Verbs whose object noun carries the relation: "signed a deal with X" -> "sign deal with",
# "filed a lawsuit against X", "placed an order with X".
LIGHT_VERBS = frozenset(
    "sign file take hold make reach strike have give bring lodge place enter form forge seal "
    "conclude win award open launch announce start begin conduct pursue undergo face stand "
    "express voice raise".split()
)

# Nouns of what someone does or says: acting on one is acting on its owner ("welcomed the
# firm's decision" -> welcomed the firm; "complied with the Church's requests").
EVENT_NOUNS = frozenset(
    "decision move plan announcement statement remark comment behaviour behavior action "
    "conduct policy proposal offer bid cancellation approach stance claim allegation request "
    "attempt demand response criticism call order ruling verdict strategy effort".split()
)

# Past participles that do not end in -ed, for "be sold to" from "will sell X to Y".
IRREGULAR_PARTICIPLES = {
    "sell": "sold", "send": "sent", "bring": "brought", "buy": "bought", "give": "given",
    "take": "taken", "make": "made", "lead": "led", "hand": "handed", "lend": "lent",
    "leave": "left", "put": "put", "bear": "borne", "drive": "driven", "fly": "flown",
    "throw": "thrown", "sink": "sunk", "draw": "drawn", "win": "won", "lose": "lost",
}  # fmt: skip

# Nouns of a position held in an organization, beyond TITLE_WORDS and the person descriptors:
# "the Crown prosecutor", "GM's vice president".
ROLE_NOUNS = frozenset(
    "prosecutor lawyer attorney counsel judge economist strategist correspondent reporter "
    "columnist commentator premier mayor chancellor ambassador envoy adviser advisor "
    "consultant member employee staffer treasurer trustee commander general admiral "
    "representative delegate secretary vice-president".split()
)

# Words that, before a name, make it the clause subject's competitor: "from rival Microsoft".
RIVAL_WORDS = frozenset({"rival", "competitor", "arch-rival", "archrival", "arch-rivals"})

# Adjectives whose infinitive is not an event: "willing to contribute", "likely to buy".
ADJECTIVE_MODALITY = {
    **dict.fromkeys("willing ready eager prepared keen determined poised set".split(), "intended"),
    **dict.fromkeys("likely able expected due bound certain".split(), "possible"),
}
# ... or did not happen: "unable to pay", "reluctant to sell".
NEGATING_ADJECTIVES = frozenset("unable unwilling reluctant unlikely loath hesitant".split())

# Class nouns whose "of" names the thing itself: "the town of Yeoncheon", "the state of Ohio".
OF_NAME_NOUNS = frozenset(
    "city town village state province region island county country district port "
    "municipality republic kingdom".split()
)

# Every noun of a position someone holds: titles, person descriptors and other roles.
PERSON_ROLES = (
    TITLE_WORDS | ROLE_NOUNS | {word for word, kind in DESCRIPTOR_TYPES.items() if kind == "person"}
)

# Nouns of a message someone gives: "said in a statement to X".
COMMUNICATION_NOUNS = frozenset(
    "statement interview letter message speech remark comment email memo briefing post "
    "release announcement conversation call".split()
)

# Nouns whose "that" clause is a claim, not a fact: "claims that it had paid X".
CLAIM_NOUNS = frozenset(
    "claim allegation accusation charge report rumor rumour speculation suggestion suspicion "
    "fear belief idea notion view assertion theory concern hope expectation worry prediction "
    "assumption impression argument".split()
)

# Verbs whose object does what their infinitive says: "persuaded users to stop", "expect the
# model to compete". Other verbs' subjects do it: "left the company to join X".
OBJECT_CONTROL_VERBS = frozenset(
    "ask tell persuade force allow permit enable urge order require want expect encourage "
    "invite help cause lead get convince advise pressure push prompt compel oblige remind let "
    "authorize authorise forbid ban bar instruct direct choose elect appoint name hire "
    "select need like prefer".split()
)
# Verbs whose object's infinitive is only permitted: "allows Meta to sell X".
PERMIT_VERBS = frozenset("allow permit enable let authorize authorise empower entitle".split())
# Verbs whose object's infinitive is only asked for: "urged Meta to sell X".
DIRECTIVE_VERBS = frozenset(
    "ask tell urge order require encourage invite advise pressure push call instruct direct "
    "persuade convince request demand".split()
)

# Verbs whose object takes the role of their "as": "named X as chief executive". After other
# verbs the subject takes it: "X will replace Y as chief executive", "X joined as CEO".
APPOINTING_VERBS = frozenset(
    "appoint name announce elect hire select choose nominate designate install confirm list "
    "recruit promote tap unveil introduce".split()
)
# Titles that, without an organization in the phrase, are the article's company's: 'Chief
# executive Jo Roe said' (but 'President Jo Roe' or 'Senator Jo Roe' is no company's).
CORPORATE_TITLES = frozenset(
    "ceo cfo cto coo cio executive chairman chairwoman founder co-founder cofounder director "
    "spokesperson spokesman spokeswoman officer boss vp".split()
)

# Nouns of those who speak for someone: what 'his lawyer' says of 'he' is said of his client.
REPRESENTATIVE_NOUNS = frozenset(
    "lawyer attorney counsel solicitor barrister spokesman spokeswoman spokesperson "
    "representative agent publicist aide".split()
)

# Words that join title words in capitals without naming an organization: 'Vice President'.
TITLE_MODIFIERS = frozenset(
    "vice senior deputy general managing acting interim assistant associate executive "
    "former financial operating technology marketing prime co".split()
)
# Every word of a post: 'Prime Minister', 'former chief executive'.
POST_WORDS = TITLE_WORDS | TITLE_MODIFIERS

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

# Class nouns said of a name that type it but that coreference does not take as descriptions
# ('the annual Hajj pilgrimage', 'the Zeta instant messenger', 'the cruise ship Zeta').
NAME_CLASS_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        "pilgrimage festival summit conference election referendum championship tournament "
        "flight voyage expedition ceremony olympics war battle".split(),
        "event",
    ),
    **dict.fromkeys(
        "messenger newsgroup forum ship vessel yacht satellite rocket spacecraft".split(),
        "product",
    ),
}
# Last words of company names that are also a class of products: 'Acme Computer', 'Zeta
# Software', 'Orbis Networks' name makers, unlike 'Zeta Browser'.
MAKER_NAME_ENDINGS = frozenset(
    "computer computers software electronics devices networks systems motors pharmaceuticals "
    "airlines airways semiconductor semiconductors instruments".split()
)
# Last words of names of buildings and sites, which are places ('the Zahra Hotel'); not those
# that also name an institution ('university', 'hospital', 'court').
PLACE_NAME_ENDINGS = frozenset(
    "hotel airport station stadium arena bridge tower mosque cathedral temple palace mall "
    "square park plains valley mountains mountain river lake island islands".split()
)
# Nouns of what only a company issues or has: 'shares in X', 'X stock', 'a stake in X'.
SHARE_NOUNS = frozenset("share shares stock stocks stake stakes shareholder shareholders".split())

# --- Facts between named entities in noun phrases (issue 14, news entity coverage) ---
# Words before a class noun that say it is one of several, not what each one is: 'other
# firms such as Acme' -> Acme is a firm.
LISTING_WORDS = frozenset("other such many several various numerous certain some".split())
# Nouns of a state's bodies: 'the UK government' is an organization, not the UK.
STATE_BODY_NOUNS = frozenset("government administration cabinet parliament military".split())
# Two-word class nouns whose type is not their head's: a 'player' is a person, a 'music
# player' a device.
CLASS_PHRASE_TYPES = dict.fromkeys(
    [
        f"{kind} {device}"
        for kind in "music media video audio mp3 dvd cd".split()
        for device in ("player", "recorder")
    ],
    "product",
)
# Class nouns of works, which type the names said to be one: 'journals including The Lund
# Review', 'the novel Zeta'.
WORK_CLASS_NOUNS = frozenset("journal newspaper magazine novel book film documentary album".split())
# Verbs that publish a finding: what it says of a common noun is news ('reported that late
# payments rose'), unlike what someone merely says.
FINDING_VERBS = frozenset("report reveal find show confirm estimate learn discover".split())
# Verbs of competing: competing with a company's product is competing with the company.
COMPETING_VERBS = frozenset("compete rival challenge battle".split())
# Verbs of founding an organization: its founders are each other's co-founders.
FOUNDING_VERBS = frozenset("found co-found cofound start establish create".split())

# Definite descriptions: class nouns beyond DESCRIPTOR_TYPES that a later "the NOUN" may use
# of a named entity, and the type each describes ('the singer' a person, 'the island' a place,
# 'the festival' an event). General English classes; the head must still fit the entity.
DESCRIPTION_CLASSES: dict[str, str] = {
    **dict.fromkeys(
        "rapper musician guitarist drummer pianist composer songwriter artist painter "
        "sculptor photographer poet writer novelist playwright filmmaker actress comedian "
        "dancer athlete footballer striker goalkeeper boxer wrestler swimmer sprinter cyclist "
        "golfer pilot astronaut soldier sergeant captain priest pastor bishop pope rabbi imam "
        "monk nun king queen prince princess emperor monarch dictator politician lawmaker "
        "legislator congressman congresswoman candidate nominee incumbent judge justice "
        "lawyer attorney prosecutor defendant plaintiff appellant respondent petitioner "
        "claimant witness suspect victim convict prisoner inmate student pupil teacher "
        "lecturer scholar historian economist analyst doctor physician surgeon nurse patient "
        "inventor architect chef boy girl kid child teenager youngster lady gentleman guy "
        "person individual citizen resident immigrant refugee survivor celebrity veteran "
        "husband wife father mother son daughter brother sister host presenter reporter "
        "correspondent editor blogger activist campaigner protester critic diplomat "
        "ambassador envoy mayor commissioner chancellor".split(),
        "person",
    ),
    **dict.fromkeys(
        "college school academy foundation charity association society federation league "
        "band orchestra choir ensemble church museum gallery hospital clinic studio "
        "restaurant newspaper magazine label coalition alliance movement institution bureau "
        "board panel tribunal parliament congress senate assembly legislature cabinet "
        "administration regime embassy squad enterprise cooperative nonprofit".split(),
        "organization",
    ),
    **dict.fromkeys(
        "county village island river lake mountain peninsula continent district "
        "neighbourhood neighborhood suburb borough municipality territory republic kingdom "
        "prefecture archipelago coast valley desert sea ocean bay street avenue venue "
        "stadium arena airport harbour harbor bridge building tower castle palace campus station "
        "memorial monument hall square park mosque cathedral temple shrine synagogue chapel "
        "basilica hotel prison".split(),
        "place",
    ),
    **dict.fromkeys(
        "event festival ceremony election referendum race tournament championship contest "
        "competition concert performance exhibition exhibit expo fair conference summit "
        "convention rally protest demonstration war battle attack bombing shooting crash "
        "accident disaster earthquake storm hurricane cyclone typhoon tornado flood wildfire "
        "eruption tsunami outbreak epidemic pandemic scandal trial mission launch flight "
        "voyage expedition pilgrimage olympics".split(),
        "event",
    ),
    **dict.fromkeys(
        "book novel memoir biography film movie documentary series show episode album song "
        "painting portrait sculpture photograph poem opera musical article essay paper "
        "study report survey journal video blog project initiative".split(),
        "work",
    ),
    **dict.fromkeys(
        "law act bill treaty accord amendment constitution statute regulation directive".split(),
        "law",
    ),
    **dict.fromkeys(
        "drink beverage cocktail beer wine dish medicine ship vessel boat yacht satellite "
        "rocket spacecraft probe telescope microscope camera robot weapon missile machine "
        "instrument train locomotive bus bicycle motorcycle helicopter drone submarine "
        "shuttle rover".split(),
        "product",
    ),
}
# Two words that open a name and say its class ('Space Shuttle Zeta', 'Tropical Storm Zeta'),
# where the first alone says none.
LEADING_CLASS_PHRASES = {
    "space shuttle": "product",
    "tropical storm": "event",
    "tropical cyclone": "event",
    "super typhoon": "event",
}
# Nouns that introduce a name as a word ('the name Zeta', 'the term Zeta'): not what it names.
NAMING_NOUNS = frozenset("name word term phrase title label expression nickname".split())
# 'the government', 'the police': most often a country's own institution, not a named one in
# reach (6 of 6 wrong on GUM): a description by class alone does not resolve them.
INSTITUTION_NOUNS = frozenset("government state ministry police army military court".split())

# Prepositions, ranges and posts that relate no two names (the facts of news articles):
# 'unlike Zeta' sets its object apart; 'ranging from X to Y' bounds a range, not a source
# and a goal; a post owned by a place ('Zorbia's Attorney General, Jo Roe') is held by a person.
CONTRAST_PREPOSITIONS = frozenset("unlike despite besides except notwithstanding".split())
RANGE_WORDS = frozenset("range ranging vary varying span spanning".split())
# Words of public posts beyond those of TITLE_WORDS: 'Attorney General', 'Foreign Secretary',
# 'NASA Administrator Jo Roe'; HOLDER_TITLE_WORDS are the titles a person's name may follow.
OFFICE_WORDS = frozenset("administrator superintendent inspector provost dean rector".split())
PUBLIC_POST_WORDS = OFFICE_WORDS | frozenset(
    "attorney general foreign home interior defence defense".split()
)
HOLDER_TITLE_WORDS = TITLE_WORDS | OFFICE_WORDS
# Fields named in a post, not its owner: 'Secretary of State', 'Minister of Finance'.
POST_FIELDS = frozenset(
    "state defense defence finance justice health education energy labor labour commerce "
    "agriculture transport transportation treasury culture trade industry".split()
)
# Nouns of a person's tie to an organization, before the person's name: 'Acme creator Jo Roe',
# 'Green Party nominee Jo Roe', 'Zorbia Times reporter Jo Roe' -> (Jo Roe, creator of, Acme).
AFFILIATION_NOUNS = frozenset(
    "creator nominee candidate reporter correspondent columnist editor student professor "
    "curator coach captain player producer publisher developer designer inventor".split()
)

# --- Definite descriptions of countries and of named events (issue 13) ---
# The world's countries by their usual English names, lower case: 'the country' and 'the
# nation' may describe one ('Freedonia ... the country's capital').
COUNTRY_NAMES = frozenset(
    name.strip()
    for name in (
        "afghanistan, albania, algeria, andorra, angola, argentina, armenia, australia, "
        "austria, azerbaijan, bahamas, bahrain, bangladesh, barbados, belarus, belgium, belize, "
        "benin, bhutan, bolivia, bosnia and herzegovina, botswana, brazil, brunei, bulgaria, "
        "burkina faso, burundi, cambodia, cameroon, canada, chad, chile, china, colombia, "
        "comoros, congo, costa rica, croatia, cuba, cyprus, czech republic, czechia, denmark, "
        "djibouti, dominica, dominican republic, ecuador, egypt, el salvador, eritrea, "
        "estonia, eswatini, ethiopia, fiji, finland, france, gabon, gambia, georgia, germany, "
        "ghana, greece, grenada, guatemala, guinea, guyana, haiti, honduras, hungary, iceland, "
        "india, indonesia, iran, iraq, ireland, israel, italy, ivory coast, jamaica, japan, "
        "jordan, kazakhstan, kenya, kiribati, kosovo, kuwait, kyrgyzstan, laos, latvia, "
        "lebanon, lesotho, liberia, libya, liechtenstein, lithuania, luxembourg, madagascar, "
        "malawi, malaysia, maldives, mali, malta, mauritania, mauritius, mexico, moldova, "
        "monaco, mongolia, montenegro, morocco, mozambique, myanmar, burma, namibia, nauru, "
        "nepal, netherlands, the netherlands, new zealand, nicaragua, niger, nigeria, "
        "north korea, north macedonia, norway, oman, pakistan, palau, panama, "
        "papua new guinea, paraguay, peru, philippines, the philippines, poland, portugal, "
        "qatar, romania, russia, rwanda, samoa, san marino, saudi arabia, senegal, serbia, "
        "seychelles, sierra leone, singapore, slovakia, slovenia, somalia, south africa, "
        "south korea, south sudan, spain, sri lanka, sudan, suriname, sweden, switzerland, "
        "syria, taiwan, tajikistan, tanzania, thailand, togo, tonga, trinidad and tobago, "
        "tunisia, turkey, turkmenistan, tuvalu, uganda, ukraine, united arab emirates, "
        "united kingdom, uk, u.k., britain, great britain, united states, "
        "united states of america, us, u.s., usa, america, uruguay, uzbekistan, vanuatu, "
        "venezuela, vietnam, yemen, zambia, zimbabwe, england, scotland, wales"
    ).split(",")
)
# What a country's name says it is.
COUNTRY_CLASSES = frozenset({"country", "nation"})
# Words of names that say the named thing is an event, beyond the class nouns of
# descriptions: 'the Paralympic Games', 'the Olympics'.
EVENT_NAME_WORDS = frozenset("games olympics paralympics expo cup".split())
# Class nouns that say the same of what they describe ('the beverage' of 'a drink called
# Zeta', 'the storm' of 'Cyclone Zeta'), and nouns of events that 'the event' may describe.
CLASS_SYNONYMS = (
    frozenset("company firm business corporation".split()),
    frozenset("country nation".split()),
    frozenset("city town municipality".split()),
    frozenset("film movie".split()),
    frozenset("drink beverage cocktail".split()),
    frozenset("storm cyclone hurricane typhoon".split()),
    frozenset("report study survey".split()),
    frozenset("series show".split()),
    frozenset("automaker carmaker".split()),
    frozenset("plane aircraft airliner".split()),
    frozenset("phone smartphone handset".split()),
    frozenset("boy kid child".split()),
    frozenset("lawyer attorney".split()),
    frozenset("doctor physician".split()),
)
EVENT_KINDS = frozenset(
    "festival expo championship tournament games olympics paralympics cup fair conference "
    "summit convention exhibition concert ceremony election".split()
)
# Modifiers of a description that tell no entity of its class from another: 'the former
# president' is the president named before.
UNDISTINGUISHING_MODIFIERS = frozenset(
    "former late current present same whole entire famous renowned popular beloved "
    "legendary embattled beleaguered troubled ailing pivotal".split()
)

# --- Kinds of organization a description tells apart (coreference) ---
# 'The Zeta Commission, a regulator, fined Acme. The company said...': both are organizations,
# but a public body is no company and a company no public body.
ORGANIZATION_KINDS = (
    frozenset(
        "company firm business corporation startup chipmaker automaker carmaker drugmaker "
        "retailer airline bank lender insurer manufacturer conglomerate".split()
    ),
    frozenset(
        "regulator agency authority watchdog commission ministry department government "
        "council court parliament police".split()
    ),
)

# --- Kinds of place and self-referring works that descriptions tell apart (coreference) ---
# 'Taiwan ... the city', 'the Zeta Memorial ... the city': a country is no city nor region,
# a city no country, a building no city, a street no station, a river no town.
PLACE_KINDS = (
    frozenset("country nation kingdom republic".split()),
    frozenset("city town village municipality capital borough suburb".split()),
    frozenset("region province county district territory prefecture".split()),
    frozenset(
        "building tower castle palace memorial monument hall station airport stadium arena "
        "bridge campus centre center mosque cathedral temple shrine synagogue chapel basilica "
        "hotel prison".split()
    ),
    frozenset("street avenue road boulevard highway".split()),
    frozenset("river lake mountain island sea ocean bay coast valley desert peninsula".split()),
)
# 'this study', 'this paper': in an academic text, most often the text itself.
SELF_REFERRING_WORKS = frozenset("study paper article essay thesis chapter".split())
# 'the Metro Convention Centre ... the facility': the buildings and grounds 'the facility'
# and 'the venue' may describe, by the last word of their names.
VENUE_WORDS = frozenset(
    "centre center hall arena stadium complex pavilion auditorium theatre theater "
    "coliseum colosseum showground fairground".split()
)
VENUE_NOUNS = frozenset({"facility", "venue"})
# Class nouns a name before them says the named thing is: 'the Zeta organization', 'the
# Labour party' (not 'the Zeta chip' nor 'the Zeta team', which are Zeta's).
NAMED_CLASS_HEADS = frozenset("organization organisation movement party church".split())

# --- News facts: credits after captions and the fields of posts ---
# Labels of a credit after a caption: 'Image: Jo Roe', 'Photo: Zeta Press', 'Audio: Jo Roe'.
CREDIT_LABELS = frozenset("image photo photograph picture credit audio video".split())
# Fields of a post beyond the public ones: 'Director of Media and Communications of the Zeta
# Open' is no director of an organization called Media.
FIELD_WORDS = POST_FIELDS | frozenset("media communications marketing sales operations".split())

# --- Definite descriptions: venues named before their class noun (issue 13) ---
# Places of drink that a name before them says the named thing is: 'the Zeta bar', as 'the
# Zeta organization' (a person's name there is an owner's or a namesake's). Not a hotel,
# restaurant or gallery: 'the Zeta hotel' is as often the chain Zeta's, 'the Zeta gallery'
# the college Zeta's.
NAMED_VENUE_HEADS = frozenset("bar pub cafe tavern nightclub".split())
DESCRIPTION_CLASSES.update(
    {noun: "organization" for noun in NAMED_VENUE_HEADS if noun not in DESCRIPTION_CLASSES}
)

# --- Words the small model takes for names in spoken text ---
# Interjections and answers that open a spoken sentence: 'Nah, we never did', 'Yep, ...'.
INTERJECTIONS = frozenset(
    "yeah yep yup nah nope okay ok oh ah um uh er hmm hey wow yes no well sure alright".split()
)

# --- Held-out news readings (issue 14): verbs of placing and of writing, fields of study ---
# Verbs of placing, which say nothing of their object without the place it is put in: 'put
# Sweden in the lead' (not 'put Sweden').
PLACING_VERBS = frozenset("put place set".split())
# Verbs of writing, whose object is a work: 'wrote The Adventures of Tom Sawyer'.
WRITING_VERBS = frozenset("write pen author compose publish direct".split())
# Fields of study, which a text capitalizes as if they were names: 'in Linguistics and
# Philosophy'.
STUDY_FIELDS = frozenset(
    "linguistics philosophy mathematics physics chemistry biology economics history "
    "literature engineering science sciences technology medicine psychology sociology "
    "anthropology archaeology astronomy geology geography politics law music art arts "
    "theology humanities statistics computing".split()
)

# --- Definite descriptions: what a name says its entity is (issue 13) ---
# Names of the states of the United States, which say the named one is a state ('Virginia
# ... the state's drug laws'), as a country's name says it is a country. Not 'Georgia' nor
# 'Washington', as often a country or a city.
US_STATE_NAMES = frozenset(
    name.strip()
    for name in (
        "alabama, alaska, arizona, arkansas, california, colorado, connecticut, delaware, "
        "florida, hawaii, idaho, illinois, indiana, iowa, kansas, kentucky, louisiana, maine, "
        "maryland, massachusetts, michigan, minnesota, mississippi, missouri, montana, "
        "nebraska, nevada, new hampshire, new jersey, new mexico, north carolina, "
        "north dakota, ohio, oklahoma, oregon, pennsylvania, rhode island, south carolina, "
        "south dakota, tennessee, texas, utah, vermont, virginia, west virginia, wisconsin, "
        "wyoming"
    ).split(",")
)
STATE_CLASSES = frozenset({"state"})
# Class nouns of organizations that say the same of a body of people: 'Volunteer
# organization Comic Corps ... the group'.
GROUP_SYNONYMS = frozenset("organization organisation group".split())

# --- Held-out news readings: nouns for a part of a place before its name ---
# 'downtown Taipei', 'mainland Australia': where in the place, not what the place is.
PLACE_PART_NOUNS = frozenset("downtown uptown midtown mainland hinterland outskirts".split())

# --- Descriptions: heads that say only the kind of organization ---
# 'the company' may be the carmaker the text named; 'the chipmaker' is not a company for
# being called one.
GENERIC_KIND_HEADS = frozenset("company firm business corporation agency authority".split())

# --- Coreference: person pronouns ---
# Verbs that introduce a quotation without reporting a claim of their own: 'Stan remarked to
# the paper, "We'll keep it until he's irrelevant"' is said by Stan as surely as with 'said'.
QUOTING_VERBS = REPORTING_VERBS | frozenset(
    "remark comment reply respond answer ask recall observe continue quip joke exclaim "
    "tweet post conclude concede recount".split()
)

# --- Definite descriptions: what a state's name says it is ---
# The states of the United States that call themselves commonwealths ('Virginia ... the
# growing diversity of the commonwealth'), as every state's name says it is a state.
COMMONWEALTH_STATE_NAMES = frozenset("kentucky massachusetts pennsylvania virginia".split())
COMMONWEALTH_CLASSES = frozenset({"commonwealth"})
DESCRIPTION_CLASSES.setdefault("commonwealth", "place")
