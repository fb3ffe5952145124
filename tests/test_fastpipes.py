"""The fast attribute ruler and lemmatizer give exactly spaCy's stock annotations."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler

from claimbase.nlp.fastpipes import FastAttributeRuler, speed_up
from claimbase.nlp.model import DEFAULT_MODEL
from tests.conftest import shared_path

ATTRS = [POS, TAG, MORPH, LEMMA, DEP]

# Own wording, chosen to hit the model's multi-token rules ("gonna", "ain't", "y'all",
# "let's", "there is"), whitespace tokens and the base-form lemma cases.
SENTENCES = [
    "Y'all gonna see it, ain't ya? Let's go. C'mon, there is a convoy and there were two.",
    "The rebels were shelling the villages; fighters had fled towards the river.\n\n  Later",
    "She is better than the best of them, though he'd gotta leave.",
    "",
    "   \n\n ",
]


@pytest.fixture(scope="module")
def models():
    stock = spacy.load(DEFAULT_MODEL)
    fast = spacy.load(DEFAULT_MODEL)
    assert speed_up(fast) == ["attribute_ruler", "lemmatizer"]
    return stock, fast


def _annotations(doc):
    return doc.to_array(ATTRS).tolist(), [(t.lemma_, str(t.morph), t.pos_) for t in doc]


def _assert_same(models, texts: list[str]) -> None:
    stock, fast = models
    for a, b in zip(stock.pipe(texts), fast.pipe(texts), strict=True):
        assert _annotations(a) == _annotations(b), a.text[:80]


def test_same_annotations_on_own_sentences(models):
    _assert_same(models, SENTENCES)
    _, fast = models
    doc = fast("They are gonna see.")  # a two-token rule: "gon" -> "go", "na" -> "to"
    assert [(t.text, t.lemma_) for t in doc][2:4] == [("gon", "go"), ("na", "to")]


def test_same_annotations_on_a_corpus(models):
    path = shared_path("data", "corpora", "guardian_sdf.jsonl")
    with path.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line, _ in zip(lines, range(12), strict=False)]
    _assert_same(models, texts)


def test_patterns_added_later_are_applied(models):
    _, fast = models
    assert type(fast.get_pipe("ner")).__name__ == "EntityRecognizer"  # others untouched
    patterns = fast.get_pipe("attribute_ruler").patterns
    stock_ruler, fast_ruler = AttributeRuler(fast.vocab), FastAttributeRuler(fast.vocab)
    new = {"patterns": [[{"LOWER": "convoy"}, {"LOWER": "and"}]], "attrs": {"POS": "X"}}

    def parsed():
        with fast.select_pipes(enable=["tok2vec", "tagger", "parser"]):
            return fast("A convoy and a tank crossed.")

    for ruler in (stock_ruler, fast_ruler):
        ruler.add_patterns(patterns)
    assert _annotations(stock_ruler(parsed())) == _annotations(fast_ruler(parsed()))
    for ruler in (stock_ruler, fast_ruler):
        ruler.add_patterns([new])
    a, b = stock_ruler(parsed()), fast_ruler(parsed())
    assert _annotations(a) == _annotations(b)
    assert b[1].pos_ == "X"
