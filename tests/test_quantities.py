"""Casualty and size figures (GUIDELINES §10): number parsing and syntactic kinds."""

from __future__ import annotations

import pytest

from claimbase.extract.quantities import find_quantities, number_value, parse_amount


@pytest.mark.parametrize(("words", "expected"), [
    (["at", "least", "20"], (20, 20, None)),
    (["more", "than", "3,000"], (3000, 3000, None)),
    (["17"], (17, 17, 17)),
    (["hundreds"], (200, None, None)),
    (["thousands"], (2000, None, None)),
    (["dozens"], (24, None, None)),
    (["a", "dozen"], (12, 12, 12)),
    (["scores"], (40, None, None)),
    (["two"], (2, 2, 2)),
    (["twenty-five"], (25, 25, 25)),
    (["between", "10", "and", "15"], (10, None, 15)),
    (["up", "to", "30"], (None, None, 30)),
    (["about", "40"], (None, 40, None)),
])
def test_parse_amount(words, expected):
    assert parse_amount(words) == expected


def test_number_words_and_scales():
    assert number_value(["two", "hundred"]) == 200
    assert number_value(["1,250"]) == 1250
    assert number_value(["three", "thousand", "five", "hundred"]) == 3500
    assert number_value(["many"]) is None
    assert parse_amount(["several"]) is None


def _figures(nlp, text):
    doc = nlp(text)
    return [f.quantity for f in find_quantities(doc[:], text)]


def test_kinds_from_syntax(resources):
    nlp = resources.nlp
    (q,) = _figures(nlp, "Gunmen ambushed the patrol, killing at least 12 policemen.")
    assert (q.kind, q.low, q.best, q.high, q.of) == ("killed", 12, 12, None, "policemen")
    assert q.text == "at least 12 policemen"
    (q,) = _figures(nlp, "Nine villagers were wounded in the shelling.")
    assert (q.kind, q.low, q.best, q.high) == ("injured", 9, 9, 9)
    (q,) = _figures(nlp, "Hundreds of rebels surrendered to the army.")
    assert (q.kind, q.low, q.best, q.high, q.of) == ("surrendered", 200, None, None, "rebels")
    (q,) = _figures(nlp, "Police arrested 40 protesters in the capital.")
    assert (q.kind, q.best) == ("arrested", 40)


def test_group_size_and_casualties_in_one_sentence(resources):
    text = "A group of 8 fighters attacked the post and the guards killed 5 attackers."
    kinds = {(q.kind, q.best, q.of) for q in _figures(resources.nlp, text)}
    assert kinds == {("participants", 8, "fighters"), ("killed", 5, "attackers")}


def test_no_figure_without_a_kind(resources):
    # strength estimates, materiel and positions are not recorded
    assert _figures(resources.nlp, "The group has more than 1,000 militants in the area.") == []
    assert _figures(resources.nlp, "The army captured 4 roads and 19 positions.") == []


def test_figures_after_blanked_markup_are_still_read(pipeline):
    from claimbase.record import Document

    text = ("# A headline\n\n*Share this:* [Facebook](#)\n\n---\n\n"
            "Twenty-seven soldiers were killed in an ambush east of Palmyra on Tuesday, "
            "local sources said. The army sent reinforcements to the area.\n")
    doc = pipeline.process(Document(text=text, ref="markup.md"))
    figures = [q for ev in doc.events for q in ev.quantities]
    assert [(q.kind, q.best) for q in figures] == [("killed", 27)]
