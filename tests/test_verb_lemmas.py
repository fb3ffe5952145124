"""Verb lemmas of the consonant-doubling rule (claimbase/nlp/verb_lemmas.py)."""

from __future__ import annotations

from claimbase.nlp.verb_lemmas import doubling_lemma
from tests.geo_helpers import typed_event as _event

VERBS = frozenset({"stag", "stage", "wag", "wage", "hop", "hope", "rout", "route", "plan", "plane"})


def test_single_consonant_before_the_ending_means_the_e_stem():
    assert doubling_lemma("staged", "stag", VERBS) == "stage"
    assert doubling_lemma("waging", "wag", VERBS) == "wage"
    assert doubling_lemma("hoped", "hop", VERBS) == "hope"


def test_other_forms_keep_the_lemmatizer_reading():
    assert doubling_lemma("planned", "plan", VERBS) == "plan"  # doubled: the short stem
    assert doubling_lemma("routed", "rout", VERBS) == "rout"  # two vowels: never doubled
    assert doubling_lemma("visited", "visit", VERBS) == "visit"  # no "visite" verb


def test_pipeline_lemmas(resources):
    doc = resources.nlp("Activists staged rallies while the army waged war.")
    assert {t.text: t.lemma_ for t in doc}["staged"] == "stage"
    assert {t.text: t.lemma_ for t in doc}["waged"] == "wage"


def test_staged_protest_takes_its_light_verb_subject(run):
    doc, events = run(
        "Angry activists from the Fatah Party have staged rallies in Gaza "
        "against the party's leader Mahmoud Abbas."
    )
    ev = _event(doc, events, "PROTEST", "rallies")
    assert doc.text[ev.trigger_start : ev.trigger_end] == "staged rallies"
    assert ev.actor is not None and ev.actor.text == "Angry activists"
    assert ev.recipient is not None  # the light verb's "against" phrase
