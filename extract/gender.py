"""The grammatical gender a person's name makes likely, for agreement with "he" and "she".

A resolver that knows "Cynthia" is "she" and "Kevin" is "he" avoids a whole class of wrong
links (Lee et al. 2013 use gender lists the same way; Bergsma and Lin 2006 learned them from
text). The lists hold common given names that are seldom the other gender's, and the
courtesy titles that say it; a name in neither says nothing. Besides the names picked by hand
('elon', 'sergey'), they hold every given name of the 1990 US census's frequency lists (public
domain) borne by at least 0.05% of one sex and ten times as often by it as by the other,
leaving out those that are also common words or places ('june', 'ruby', 'virginia', 'guy'):
'Debbie' tagged an organization is still the 'she' of a court hearing. A name already
tagged a person's says its gender by the census's full lists too (`census_gender`).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

MASCULINE_NAMES = frozenset(
    "aaron abraham adam adrian ahmed alan albert alberto alex alexander alfred alfredo ali "
    "allan allen alvin andre andrew andy anthony antonio armando arnold arthur barack barry ben "
    "benjamin bernard bill billy bob bobby brad bradley brandon brent brett brian bruce bryan "
    "byron calvin carl carlos cecil charles charlie chester chris christopher clarence claude "
    "clayton clifford clifton clinton clyde cody corey cory craig curtis dan daniel danny "
    "darrell darren darryl daryl dave david dennis derek derrick diego dominic don donald "
    "douglas duane duncan dustin dwayne dwight dylan earl eddie edgar edward edwin elijah elmer "
    "elon eric erik ernest ethan eugene evan everett felix fernando floyd francis francisco "
    "frank franklin fred frederick gabriel gary george gerald gilbert glenn gordon graham greg "
    "gregory harold harry harvey hector henry herbert herman howard hugh ian isaac ivan jack "
    "jacob jake james jared jason javier jeff jeffery jeffrey jeremy jerome jerry jesse jesus "
    "jim jimmy joe joel john johnny jon jonathan jorge jose joseph joshua juan julian julio "
    "justin karl keith ken kenneth kevin kurt kyle larry lawrence leo leon leonard leroy lester "
    "lewis lloyd lonnie louis luis luke manuel marc marcus mario mark martin marvin mathew matt "
    "matthew maurice melvin michael micheal miguel mike milton mitchell mohamed mohammed morris "
    "muhammad nathan nathaniel neil nelson nicholas nick norman oliver oscar patrick paul pedro "
    "peter philip phillip rafael ralph ramon randall randy raul raymond reginald ricardo "
    "richard rick ricky rob robert roberto rodney roger roland ron ronald ronnie ross roy ruben "
    "russell ryan sam samuel scott sean sergey seth shane sidney simon stanley stephen steve "
    "steven stuart ted terry theodore thomas tim timothy todd tom tommy tony travis tyler "
    "tyrone vernon victor vincent vladimir wallace walt walter warren wayne wesley willard "
    "william willie xavier zachary".split()
)
FEMININE_NAMES = frozenset(
    "abigail ada agnes alice alicia alison allison alma amanda amber amelia amy ana andrea "
    "angela angelina angie anita ann anna anne annette annie arlene ashley audrey barbara "
    "beatrice becky belinda bernice bertha bessie beth betty beverly blanche bonnie brandi "
    "brandy brenda brittany candace carla carmen carol carole caroline carolyn carrie cassandra "
    "catherine cathy cecilia charlene charlotte cheryl christina christine christy cindy claire "
    "clara claudia colleen connie constance cora cynthia dana danielle darlene deanna debbie "
    "deborah debra delores denise diana diane dianne dolores donna dora doris dorothy edith "
    "edna eileen elaine eleanor elena elizabeth ella ellen elsie emily emma erica erika erin "
    "esther ethel eunice eva evelyn fannie fatima faye felicia fiona frances gail genevieve "
    "geraldine gertrude gina gladys glenda gloria grace gwendolyn hannah harriet hattie heather "
    "heidi helen hilary hilda hillary ida inez irene irma isabel isabella jacqueline jane janet "
    "janice janie jeanette jeanne jennie jennifer jenny jessica jill joan joann joanna joanne "
    "jodi josephine joyce juanita judith judy julia julie karen kate katherine kathleen kathryn "
    "kathy katie katrina kay kayla kelly kimberly kristen kristi kristin kristina kristine "
    "laura lauren laurie leah lena leona lillian lillie linda lindsay lisa lois loretta lori "
    "lorraine louise lucille lucy lydia lynda mabel madeline mae maggie marcia margaret "
    "margarita margie marguerite maria marian marie marilyn marjorie marlene marsha martha mary "
    "maryann mattie maureen maxine megan melanie melinda melissa michele michelle mildred "
    "minnie miriam molly monica monique myrtle nancy naomi natalie natasha nellie nicole nina "
    "nora norma olga olivia pamela patricia patsy paula pauline peggy phyllis priscilla rachel "
    "ramona rebecca renee rhonda rita roberta rosa rose rosemary rosie ruth sabrina sally "
    "samantha sandra sara sarah sharon sheila shelly sherri sherry sheryl shirley sonia sonya "
    "sophia sophie stella stephanie susan suzanne sylvia tamara tammy tanya tara teresa terri "
    "thelma theresa tiffany tina toni tonya tracy valerie vanessa velma vera veronica vicki "
    "vickie victoria viola vivian wanda wendy wilma yolanda yvette yvonne".split()
)
# A census name says a person's gender when one sex bears it this many times as often.
CENSUS_RATIO = 5.0
MASCULINE_TITLES = frozenset("mr mr. sir lord king prince".split())
FEMININE_TITLES = frozenset("mrs mrs. ms ms. miss dame lady queen princess".split())


def name_gender(span: Span) -> str | None:
    """The gender a person's name says ("male", "female" or None), from a title before it or
    the first of its two or more words.

    >>> import spacy
    >>> name_gender(spacy.blank("en")("Cynthia Roe")[0:2])
    'female'
    """
    before = span.doc[span.start - 1].lower_ if span.start else ""
    if before in MASCULINE_TITLES:
        return "male"
    if before in FEMININE_TITLES:
        return "female"
    if len(span) < 2:
        return None  # 'Lewis' alone may be anyone's surname
    return first_name_gender(span[0]) or census_gender(span[0].lower_)


def given_name_gender(span: Span) -> str | None:
    """The gender of a short name that a common given name begins ('Isabel', 'Kevin Roe'),
    whatever its tag says: the evidence that a name spaCy took for a work or left untyped is
    a person's. None for longer names ('Victoria Park Road') and places.

    >>> import spacy
    >>> given_name_gender(spacy.blank("en")("Isabel")[0:1])
    'female'
    """
    if len(span) > 2 or span.root.ent_type_ in ("GPE", "LOC", "FAC"):
        return None
    return first_name_gender(span[0])


def first_name_gender(word: Token) -> str | None:
    """The gender of a common given name, None for any other word."""
    if word.lower_ in MASCULINE_NAMES:
        return "male"
    if word.lower_ in FEMININE_NAMES:
        return "female"
    return None


def census_gender(given: str) -> str | None:
    """The gender of a given name of a person in the 1990 US census's full frequency lists
    ('Devin Thurlow' a man, borne 7 times as often by men), None where neither sex bears it
    CENSUS_RATIO times as often as the other. Only for names already known to be a person's:
    among rarer names are brands and words ('Mercedes', 'Chase')."""
    male, female = census_shares()
    he, she = male.get(given, 0.0), female.get(given, 0.0)
    if he and he >= CENSUS_RATIO * she:
        return "male"
    if she and she >= CENSUS_RATIO * he:
        return "female"
    return None


@lru_cache(maxsize=1)
def census_shares() -> tuple[dict[str, float], dict[str, float]]:
    """Each census given name's share of men and of women, in percent, read from the lists
    the `names` package ships."""
    return census_file("dist.male.first"), census_file("dist.female.first")


def census_file(name: str) -> dict[str, float]:
    """'JAMES  3.318  3.318  1' (name, percent, cumulative percent, rank) -> {'james': 3.318}."""
    text = resources.files("names").joinpath(name).read_text(encoding="ascii")
    rows = (line.split() for line in text.splitlines() if line.strip())
    return {given.lower(): float(share) for given, share, *_ in rows}
