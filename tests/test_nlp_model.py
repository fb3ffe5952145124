"""The spaCy pipeline with the claimbase entity ruler: placement, patterns, errors."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from claimbase.nlp.actors import ActorDictionary
from claimbase.nlp.model import (
    DEFAULT_MODEL,
    PARAGRAPHS_NAME,
    RULER_NAME,
    ModelNotFound,
    add_paragraph_breaks,
    add_ruler,
    load_nlp,
    place_patterns,
)


class PlaceBook:
    """A tiny real gazetteer stand-in exposing `ruler_patterns()` as the geo module does."""

    def ruler_patterns(self) -> list[dict[str, Any]]:
        return [
            {"label": "GPE", "pattern": [{"LOWER": "al"}, {"LOWER": "tanf"}], "id": "At Tanf"},
            {"label": "GPE", "pattern": [{"LOWER": "hezbollah"}], "id": "Hezbollah village"},
            {"label": "FAC", "pattern": "omar oil field", "id": "Al-Omar"},
        ]


class Res:
    def __init__(self) -> None:
        self.actors = ActorDictionary.load()
        self.gazetteer = PlaceBook()


def test_ruler_sits_before_ner_and_keeps_the_parser(resources):
    nlp = resources.nlp
    names = nlp.pipe_names
    assert RULER_NAME in names
    assert names.index(RULER_NAME) < names.index("ner")
    for needed in ("tagger", "parser", "lemmatizer", "ner"):
        assert needed in names and needed not in nlp.disabled, needed


def test_dictionary_names_override_the_statistical_ner(resources):
    doc = resources.nlp("Fighters of Hayat Tahrir al-Sham and Daesh clashed while the "
                        "Syrian Arab Army (SAA) advanced; Hashd al-Sha'abi units waited.")
    ents = {e.text: (e.label_, e.ent_id_) for e in doc.ents}
    assert ents["Hayat Tahrir al-Sham"] == ("ORG", "HTS")
    assert ents["Daesh"] == ("ORG", "ISIS")
    assert ents["Syrian Arab Army"] == ("ORG", "SYR_MIL")
    assert ents["SAA"] == ("ORG", "SYR_MIL")
    assert ents["Hashd al-Sha'abi"] == ("ORG", "PMU")


def test_short_aliases_are_case_sensitive(resources):
    doc = resources.nlp("It is what it is, and IS knows it.")
    assert [(e.text, e.ent_id_) for e in doc.ents if e.ent_id_] == [("IS", "ISIS")]


def test_gazetteer_patterns_make_places(tmp_path):
    res = Res()
    kept = place_patterns(res, spacy.blank("en"))
    assert {p["id"] for p in kept} == {"At Tanf", "Al-Omar"}  # "Hezbollah" stays an actor
    assert all(isinstance(p["pattern"], str) for p in kept)  # fast phrase patterns
    nlp = load_nlp(DEFAULT_MODEL, res)
    doc = nlp("US troops at Al Tanf trained fighters; Hezbollah denied it near the Omar oil field.")
    ents = {e.text: (e.label_, e.ent_id_) for e in doc.ents}
    assert ents["Al Tanf"] == ("GPE", "At Tanf")
    assert ents["Hezbollah"] == ("ORG", "HEZBOLLAH")
    assert ents["Omar oil field"][0] == "FAC"


def test_missing_model_is_a_one_line_error():
    with pytest.raises(ModelNotFound) as err:
        load_nlp("xx_claimbase_missing_model", None)
    message = str(err.value)
    assert "xx_claimbase_missing_model" in message and "pip install" in message
    assert "\n" not in message


def test_config_factory():
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("claimbase_actors", before="ner")
    doc = nlp("Jabhat an-Nusra attacked; CENTCOM responded.")
    assert {(e.text, e.ent_id_) for e in doc.ents} >= {("Jabhat an-Nusra", "HTS"),
                                                       ("CENTCOM", "USA_MIL")}


def test_add_ruler_is_idempotent(resources):
    nlp = spacy.load(DEFAULT_MODEL)
    add_ruler(nlp, None)
    add_ruler(nlp, None)
    assert nlp.pipe_names.count(RULER_NAME) == 1
    assert nlp("The SDF advanced.").ents[0].ent_id_ == "SDF"


def test_exact_case_acronyms_match_like_a_stock_ruler():
    """ORTH patterns go to a PhraseMatcher: same entities as spaCy's EntityRuler, case kept."""
    patterns = [
        {"label": "ORG", "pattern": [{"ORTH": "SAA"}], "id": "SYR_MIL"},
        {"label": "ORG", "pattern": [{"ORTH": "IS"}], "id": "ISIS"},
        {"label": "ORG", "pattern": [{"ORTH": "YPG"}, {"ORTH": "/"}, {"ORTH": "YPJ"}],
         "id": "YPG"},
        {"label": "GPE", "pattern": "deir ez-zor", "id": "Deir ez-Zor"},
    ]
    texts = ["The SAA and IS fought near Deir ez-Zor; YPG / YPJ units held.",
             "It is what the saa said, and is it true?"]
    ours = spacy.load(DEFAULT_MODEL)
    ours.add_pipe("claimbase_entity_ruler", before="ner").add_patterns(patterns)
    stock = spacy.load(DEFAULT_MODEL)
    stock.add_pipe("entity_ruler", before="ner",
                   config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True}
                   ).add_patterns(patterns)
    for text in texts:
        got = [(e.text, e.label_, e.ent_id_) for e in ours(text).ents]
        assert got == [(e.text, e.label_, e.ent_id_) for e in stock(text).ents]
    first = {(e.text, e.ent_id_) for e in ours(texts[0]).ents}
    assert {("SAA", "SYR_MIL"), ("IS", "ISIS"), ("YPG / YPJ", "YPG")} <= first
    assert not any(e.ent_id_ in ("SYR_MIL", "ISIS") for e in ours(texts[1]).ents)
    assert len(ours.get_pipe("claimbase_entity_ruler")) == len(patterns)


def test_a_blank_line_starts_a_sentence(resources):
    nlp = resources.nlp
    assert nlp.pipe_names[0] == PARAGRAPHS_NAME
    text = ("Militia Shells Market Town Near River Crossing\n\n"
            "Gunmen fired mortars at the market of a river town on Sunday, residents said.")
    doc = nlp(text)
    starts = [sent.start_char for sent in doc.sents]
    assert text.index("Gunmen") in starts
    assert [t.text for t in doc if t.dep_ == "ROOT" and t.idx > text.index("Gunmen")] == ["said"]


def test_a_stray_blank_line_inside_a_sentence_is_no_break(resources):
    text = "The convoy was stopped by the\n\nborder guards at dawn."
    doc = resources.nlp(text)
    assert len(list(doc.sents)) == 1
    assert add_paragraph_breaks(resources.nlp) is None  # idempotent: still one component
    assert resources.nlp.pipe_names.count(PARAGRAPHS_NAME) == 1
