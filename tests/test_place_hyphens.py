"""A place name before a hyphen left hanging ("northern Iraq- without …"), which the
tokenizer keeps on the word."""

from __future__ import annotations

from claimbase.geo.hyphen_pairs import hanging_hyphen_spans
from tests.test_event_location import _place


def test_a_name_before_a_hanging_hyphen_is_found(gaz):
    text = "Militias were stationed in western Iraq- despite the objections of Baghdad."
    spans = hanging_hyphen_spans(text, gaz)
    assert [text[a:b] for a, b, _p in spans] == ["Iraq"]


def test_a_suspended_compound_is_no_hanging_place(gaz):
    text = "The Iraq- and Jordan-based groups met in Amman."
    assert hanging_hyphen_spans(text, gaz) == []


def test_an_event_is_placed_in_the_region_before_a_hanging_hyphen(run):
    doc, events = run("Turkish commandos were deployed in northern Iraq- without the consent "
                      "of the federal government.")
    deployed = [e for e in events if doc.text[e.trigger_start:].startswith("deployed")]
    assert deployed and _place(deployed[0]) == "northern Iraq"


def test_a_capitalised_word_opening_a_sentence_is_no_hanging_place(gaz):
    text = "The fair opens on Friday. Garden- and flower-lovers are expected in large numbers."
    assert hanging_hyphen_spans(text, gaz) == []
    text = "The fair opens on Friday. Garden- lovers are expected in large numbers."
    assert hanging_hyphen_spans(text, gaz) == []
