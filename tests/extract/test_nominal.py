"""Relations carried by noun phrases and arguments that keep their complement (issue 14): a
table of made-up sentences read with the real model (the rules on hand-built parses are in
test_nominal_rules.py)."""

from __future__ import annotations

import pytest

from tests.conftest import plain, read

# sentence -> triples that must be read (subject, predicate, object).
EXPECTED = [
    # titles whose organization is in the phrase, or a possessor
    (
        "Zentek spokesman Omar Haddad said the deal was done.",
        {("Omar Haddad", "spokesman of", "Zentek")},
    ),
    ("Acme Vice President Jane Roe spoke.", {("Jane Roe", "Vice President of", "Acme")}),
    (
        "Former Google boss Eric Schmidt joined the board.",
        {("Eric Schmidt", "former boss of", "Google")},
    ),
    (
        "Italian finance minister Paolo Greco criticized Zentek.",
        {("Paolo Greco", "finance minister of", "Italy")},
    ),
    (
        "Zentek said its chief financial officer Marta Lind would resign.",
        {("Marta Lind", "chief financial officer of", "Zentek")},
    ),
    ("Carl Weber, the head of Zentek, resigned.", {("Carl Weber", "head of", "Zentek")}),
    (
        "Zentek makes chips. Zentek sells them in Asia. Shares of Zentek rose. "
        "Chief executive Marta Lind said sales grew.",
        {("Marta Lind", "chief executive of", "Zentek")},
    ),
    (
        "Zentek makes chips. Zentek sells them in Asia. Shares of Zentek rose. "
        "Marta Lind was appointed as chief executive in 2019.",
        {("Marta Lind", "chief executive of", "Zentek")},
    ),
    (
        "Jane Roe, director of the Energy Institute at Stanford University, spoke.",
        {("Jane Roe", "director of Energy Institute at", "Stanford University")},
    ),
    # relational nouns with a possessor
    ("Anna Berg, Zentek's founder, spoke.", {("Anna Berg", "founder of", "Zentek")}),
    (
        "Tom Erikson and his wife Anna Erikson live in Oslo.",
        {("Anna Erikson", "wife of", "Tom Erikson")},
    ),
    (
        "Zentek is among Brantel's main competitors.",
        {("Zentek", "be among main competitors of", "Brantel")},
    ),
    ("The Crown prosecutor, Mark Tedeschi, spoke.", {("Mark Tedeschi", "prosecutor of", "Crown")}),
    (
        '"It is good," said the general secretary of the union Unite, Tony Woodley.',
        {("Tony Woodley", "general secretary of", "Unite")},
    ),
    ("Unite, the British union, welcomed the decision.", {("Unite", "based in", "United Kingdom")}),
    (
        "Carl Weber and his wife Anna Weber, 36, from Madrid, testified.",
        {("Anna Weber", "be from", "Madrid"), ("Anna Weber", "wife of", "Carl Weber")},
    ),
    (
        "The development of Zentek's Pluto browser is almost complete.",
        {("Zentek", "develop", "Pluto")},
    ),
    ("Kalmo is Zentek's largest customer.", {("Kalmo", "be largest customer of", "Zentek")}),
    (
        "Jane Roe said in a statement to the New York Times that sales rose.",
        {("Jane Roe", "say in statement to", "New York Times")},
    ),
    # nominalizations and participles
    (
        "Regulators criticized Zentek's cancellation of the Brantel deal.",
        {("Zentek", "cancel", "Brantel deal")},
    ),
    ("Critics welcomed the SEC investigation into Zentek.", {("SEC", "investigate", "Zentek")}),
    ("The Google-backed startup Kalmo raised $5m.", {("Google", "back", "Kalmo")}),
    (
        "Paris was held aboard the Scientology-owned cruise ship Freewinds.",
        {("Scientology", "own", "Freewinds")},
    ),
    # descriptors before a name
    (
        "French drug maker Sanofex bought Kalmo.",
        {("Sanofex", "be", "french drug maker"), ("Sanofex", "based in", "France")},
    ),
    ("The Boeing 787 jet landed in Paris.", {("Boeing 787", "be", "jet")}),
    # locations in noun phrases
    (
        "Shares of Zentek, the Oslo-based maker of solar panels, rose 5% on Monday.",
        {("Zentek", "be based in", "Oslo"), ("Zentek", "shares rise", "5%")},
    ),
    (
        "Zentek makes chips. The Paris-based company employs 3,000 people in France.",
        {("Zentek", "be based in", "Paris")},
    ),
    (
        "The suit was filed in Oregon, Zentek's home state.",
        {("Zentek", "based in", "Oregon"), ("Oregon", "home state of", "Zentek")},
    ),
    (
        "The conference was held at the Moscone Center in San Francisco.",
        {("Moscone Center", "be in", "San Francisco")},
    ),
    ("She moved to Portland, Oregon, last year.", {("Portland", "be in", "Oregon")}),
    ("Toulouse-based Airbus sued the firm.", {("Airbus", "be based in", "Toulouse")}),
    ("Maria Lopez of Zentek said the results were good.", {("Maria Lopez", "of", "Zentek")}),
    ("Maria Lopez from Madrid testified on Friday.", {("Maria Lopez", "be from", "Madrid")}),
    ("Soldiers entered the German state of Bavaria.", {("Bavaria", "state of", "Germany")}),
    # arguments keep the entity in their complement
    ("Zentek holds 12% of Brantel.", {("Zentek", "hold 12% of", "Brantel")}),
    (
        "Zentek employs 3,000 people in France and Germany.",
        {
            ("Zentek", "employ 3,000 people in", "France"),
            ("Zentek", "employ 3,000 people in", "Germany"),
        },
    ),
    ("Zentek bought a 20% stake in Brantel.", {("Zentek", "buy 20% stake in", "Brantel")}),
    ("Annual sales at Zentek rose 12% to $3.4bn.", {("Zentek", "annual sales rise to", "$3.4bn")}),
    ("Zentek paid $450m for the unit.", {("Zentek", "pay", "$450m")}),
    # facts about an entity's numbers
    (
        "The Zentek composite index fell 3.2 percent on Tuesday.",
        {("Zentek", "fall", "3.2 percent")},
    ),
    ("Shares in Brantel closed down 4 percent.", {("Brantel", "shares close", "4 percent")}),
    (
        "The Dow Jones Industrial Average fell 344.65 at the close.",
        {("Dow Jones Industrial Average", "fall", "344.65")},
    ),
    (
        "Zentek will cut 500 jobs at its Swedish unit, Kalmo.",
        {("Zentek", "cut 500 jobs at", "Kalmo"), ("Kalmo", "unit of", "Zentek")},
    ),
    (
        "Brantel, the largest steel maker in Norway, grew.",
        {("Brantel", "be largest steel maker in", "Norway")},
    ),
    (
        "Zentek competes with rivals like Brantel.",
        {("Zentek", "compete with rivals like", "Brantel")},
    ),
    (
        "Zentek makes chips. Zentek sells them in Asia. Shares of Zentek rose. "
        "Marta Lind will step down in May.",
        {("Marta Lind", "leave", "Zentek")},
    ),
    (
        "Tom Lind, 42, and his wife Mary Lind, 36, from Dayton, Ohio, "
        "are undergoing trial for fraud.",
        {("Tom Lind", "be from", "Dayton"), ("Mary Lind", "be from", "Dayton")},
    ),
    (
        "The United States Maritime Safety Board fined Zentek.",
        {("United States Maritime Safety Board", "based in", "United States")},
    ),
    (
        "The video featured Methodist John Wesley Smith in a sermon.",
        {("John Wesley Smith", "be", "methodist")},
    ),
    (
        "Zentek has become the subject of an SEC investigation.",
        {("SEC", "investigate", "Zentek")},
    ),
    (
        "Politicians in Norway expressed anger at Zentek.",
        {("Norway", "politicians express anger at", "Zentek")},
    ),
    (
        "A lawsuit was filed in Ohio, Zentek's home state, last year.",
        {("Zentek", "based in", "Ohio")},
    ),
    (
        "She studied at Brantel College in Dayton, Ohio, and then moved.",
        {("Dayton", "be in", "Ohio")},
    ),
]

# sentence -> triples that must not be read: tempting but wrong.
NOT_EXPECTED = [
    # a political title without its organization is not the article's company's
    (
        "Zentek makes chips. Zentek sells them in Asia. Shares of Zentek rose. "
        "President Barack Obama praised the firm.",
        {("Barack Obama", "President of", "Zentek")},
    ),
    ("The Obama administration sued Zentek.", {("Obama", "be", "administration")}),
    # a predicate noun says what someone is; it refers to no one
    (
        "Zentek hired Jane Roe in May. Roe will be the first woman to lead a firm in the industry.",
        {("Roe", "be", "Zentek"), ("Jane Roe", "be", "Zentek")},
    ),
    ("The state-run broadcaster aired it.", {("state", "run", "broadcaster")}),
    # an adjunct is no object
    ("Zentek said in a statement that sales rose.", {("Zentek", "say in", "statement")}),
    # no organization stands out: a post left unnamed is nobody's
    (
        "Zentek and Brantel merged. Marta Lind will step down in May.",
        {("Marta Lind", "leave", "Zentek"), ("Marta Lind", "leave", "Brantel")},
    ),
    # no organization stands out: a title without one is left unowned
    (
        "Zentek and Brantel merged. Marta Lind was appointed as chief executive.",
        {
            ("Marta Lind", "chief executive of", "Zentek"),
            ("Marta Lind", "chief executive of", "Brantel"),
        },
    ),
    (
        "Zentek and Brantel merged. Chief executive Marta Lind said so.",
        {
            ("Marta Lind", "chief executive of", "Zentek"),
            ("Marta Lind", "chief executive of", "Brantel"),
        },
    ),
    ("Sales of the iPhone in China rose sharply.", {("iPhone", "be in", "China")}),
    ("John Smith of London spoke to reporters.", {("John Smith", "of", "London")}),
    (
        "Paris, London and Berlin are large cities.",
        {("Paris", "be in", "London"), ("London", "be in", "Berlin")},
    ),
    (
        "Zentek recovered after the appointment of Jane Roe.",
        {("Zentek", "recover after appointment of", "Jane Roe")},
    ),
    ("Shares in Brantel fell 8% on Monday.", {("Brantel", "shares fall on", "Monday")}),
    ("Microsoft released Windows in 2008.", {("Windows", "be in", "2008")}),
    # each owner has its own thing
    (
        "Zeta competes with Google's Android and Microsoft's Windows Phone.",
        {("Microsoft", "have", "Android"), ("Google", "have", "Windows Phone")},
    ),
    # each has a place of its own
    ("Jo Roe of Leeds and Ann Lee from Oslo spoke.", {("Jo Roe", "be from", "Oslo")}),
    # people in a place act for it only towards another entity
    ("Investors in Norway bought more shares.", {("Norway", "investors buy", "more shares")}),
    # a nationality adjective in a name may be the wrong country's
    (
        "The Korean Central News Agency criticised Zentek.",
        {("Korean Central News Agency", "based in", "South Korea")},
    ),
    # a person's name before a product's is no maker's
    ("Anna Berg Z9 phones sold well.", {("Anna Berg", "make", "Z9")}),
]


@pytest.mark.parametrize("sentence,expected", EXPECTED)
def test_nominal_sentence_table(nlp, sentence, expected):
    found = plain(read(sentence, nlp=nlp))
    assert expected <= found, f"missing {expected - found} in {found}"


@pytest.mark.parametrize("sentence,unwanted", NOT_EXPECTED)
def test_nominal_not_read(nlp, sentence, unwanted):
    found = plain(read(sentence, nlp=nlp))
    assert not unwanted & found, f"read {unwanted & found}"


def test_nominal_concept_keeps_its_complement(nlp):
    found = plain(
        read("Regulators cautioned about the risk of fraud.", nlp=nlp, require_named=False)
    )
    assert ("regulators", "caution about", "risk of fraud") in found


def test_nominal_empty_head_is_no_argument(nlp):
    found = plain(read("Zentek announced details.", nlp=nlp, require_named=False))
    assert not any(obj == "details" for _, _, obj in found)
