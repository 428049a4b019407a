"""Posts written as names: which person a post alone stands for."""

from __future__ import annotations

from spacy.tokens import Span

from extract.posts import held_posts, post_before, post_words
from tests.conftest import hand_parse


def secretary_parse(nlp):
    """'Education Secretary Jo Cardona spoke . The Secretary agreed .'"""
    words = ["Education", "Secretary", "Jo", "Cardona", "spoke", "."]
    words += ["The", "Secretary", "agreed", "."]
    heads = [1, 3, 3, 4, 4, 4, 7, 8, 8, 8]
    deps = ["compound", "compound", "compound", "nsubj", "ROOT", "punct"]
    deps += ["det", "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT", "DET", "PROPN", "VERB", "PUNCT"]
    return hand_parse(nlp, words, heads, deps, pos)


def test_posts_the_post_before_a_name_without_its_field(nlp):
    doc = secretary_parse(nlp)
    assert post_before(doc[2:4]) == ("secretary",)  # 'Education' is its field, no post word
    assert post_before(doc[7:8]) == ()
    assert post_words(doc[6:8]) == ("secretary",)
    assert post_words(doc[2:4]) == ()


def test_posts_a_post_alone_is_held_by_the_person_named_with_it(nlp):
    doc = secretary_parse(nlp)
    spans = [Span(doc, 2, 4), Span(doc, 7, 8)]
    assert held_posts(spans, ["person", "thing"]) == [(1, 0)]
    assert held_posts(spans, ["organization", "thing"]) == []  # only a person holds a post
    assert held_posts(spans[::-1], ["thing", "person"]) == []  # named after the post alone


def test_posts_a_longer_post_holds_its_last_words(nlp):
    # 'Prime Minister Jo Roe left . The Minister stayed .'
    words = ["Prime", "Minister", "Jo", "Roe", "left", ".", "The", "Minister", "stayed", "."]
    heads = [1, 3, 3, 4, 4, 4, 7, 8, 8, 8]
    deps = ["compound", "compound", "compound", "nsubj", "ROOT", "punct"]
    deps += ["det", "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT", "DET", "PROPN", "VERB", "PUNCT"]
    doc = hand_parse(nlp, words, heads, deps, pos)
    assert held_posts([Span(doc, 2, 4), Span(doc, 7, 8)], ["person", "thing"]) == [(1, 0)]
    assert held_posts([Span(doc, 2, 4), Span(doc, 6, 8)], ["person", "thing"]) == [(1, 0)]
