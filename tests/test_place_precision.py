"""Place precision on real conflict reporting (claimbase.geo.precision) and HTML character
references decoded at ingest. The sentences are written for these tests; the real-article
checks read the Guardian sample from ../shared at run time."""

from __future__ import annotations

import json
import re

import pytest

from claimbase.geo.geoparse import usable_places
from claimbase.ingest.readers import document_from_dict
from claimbase.pipeline import PRE_PARSE, Pipeline
from claimbase.text import decode_entities
from tests.conftest import shared_path
from tests.geo_helpers import GEO_STAGES, geo_pipeline


@pytest.fixture(scope="session")
def run(resources):
    return geo_pipeline(resources)


def _by_text(doc) -> dict[str, object]:
    return {p.text: p for p in doc.places}


# ------------------------------------------------------------------ entities at ingest


def test_character_references_are_decoded_and_offsets_index_the_decoded_text():
    assert decode_entities("Shells fell on Dar&#8217;a &amp; Busra") == "Shells fell on Dar’a & Busra"
    assert decode_entities("&#x41;&#65;") == "AA"
    # only complete references: a bare ampersand, a name without ";" and unknown names stay
    assert decode_entities("AT&T and R&D, &copy 2019, &nosuchname;") == \
        "AT&T and R&D, &copy 2019, &nosuchname;"
    doc = document_from_dict({"id": "a", "title": "Raids on Dar&#8217;a",
                              "text": "Jets struck Dar&#8217;a &amp; nearby villages."})
    assert "&" not in doc.meta.title and doc.text == "Jets struck Dar’a & nearby villages."


def test_a_decoded_name_is_found_at_its_decoded_offsets(run, resources):
    doc = document_from_dict({"id": "b", "text": "Regime shelling hit Dar&#8217;a city on "
                                                 "Tuesday &amp; killed four civilians."})
    doc = Pipeline(resources, pre=PRE_PARSE, post=GEO_STAGES).process(doc)
    place = next(p for p in doc.places if p.text.startswith("Dar"))
    assert doc.text[place.start:place.end] == place.text == "Dar’a"
    assert place.country == "SY"


# ------------------------------------------------------------------ names that are not places


def test_a_given_name_before_a_surname_is_not_a_town(run):
    doc = run("The security minister, Ben Wallace, told reporters that government shelling "
              "had hit Idlib and Saraqib overnight.")
    names = _by_text(doc)
    assert "Ben" not in names
    assert names["Idlib"].country == "SY"


def test_a_foreign_given_name_beside_a_surname_in_a_syrian_story(run):
    doc = run("Airstrikes hit Douma and Harasta in eastern Ghouta on Monday, said Sam Heller, "
              "an analyst who follows the Syrian war.")
    assert "Sam" not in _by_text(doc)
    assert _by_text(doc)["Douma"].country == "SY"


def test_a_street_word_after_a_name_is_a_street(run):
    doc = run("Downing Street said on Monday that British jets had struck targets near Raqqa.")
    assert "Street" not in _by_text(doc)
    assert _by_text(doc)["Raqqa"].country == "SY"


def test_an_operation_name_is_not_a_place_wherever_it_recurs(run):
    doc = run("Turkey launched Operation Olive Branch against Kurdish fighters in Afrin. "
              "Olive Branch has displaced thousands, and the Olive Branch offensive goes on.")
    assert not any("Olive" in p.text for p in doc.places)
    assert _by_text(doc)["Afrin"].country == "SY"


def test_unknown_acronyms_and_organisations_are_not_places(run):
    doc = run("The NGO said its convoy reached Idlib, while the DfID promised more funding "
              "for camps near Atmeh.")
    names = _by_text(doc)
    assert "NGO" not in names and "DfID" not in names
    assert names["Idlib"].country == "SY"


# ------------------------------------------------------------------ readings


def test_a_famous_city_beats_a_small_namesake_far_from_the_story(run):
    doc = run("After a pilgrimage to Mecca the man crossed from Turkey into Syria, where "
              "Kurdish forces detained him near Raqqa and later moved him to Qamishli.")
    mecca = _by_text(doc)["Mecca"]
    assert mecca.country == "SA"


def test_a_small_foreign_namesake_nothing_supports_is_left_unresolved(run):
    doc = run("Western and Gulf governments met in Ankara to discuss the Kurdish-held "
              "towns of Manbij and Kobani.")
    gulf = _by_text(doc).get("Gulf")
    assert gulf is None or gulf.country != "PG"


def test_a_village_cue_rules_out_a_large_town_elsewhere(run):
    doc = run("Six weeks ago the family fled the village of Susa, near the front line at "
              "Hajin and Baghuz in Deir ez-Zor province.")
    susa = _by_text(doc).get("Susa")
    assert susa is not None and susa.country != "TN"


def test_a_bare_city_name_is_the_city_and_a_province_word_keeps_the_province(run):
    city = _by_text(run("Coalition jets bombed Raqqa again on Friday, residents said."))["Raqqa"]
    assert city.feature == "city" and city.lat is not None
    province = _by_text(run("Coalition jets bombed Raqqa province again on Friday."))
    reading = province.get("Raqqa") or province.get("Raqqa province")
    assert reading is not None and reading.feature == "admin1"
    # the city's point, but no finer a precision than the province reading had
    assert city.precision == reading.precision


def test_a_place_inside_an_institution_name_is_no_event_place(run):
    doc = run("A former research fellow at Oxford University said the strikes on Idlib "
              "were the heaviest in months.")
    oxford = _by_text(doc)["Oxford"]
    assert oxford.country == "GB"  # the famous city, not a small American namesake
    assert oxford not in usable_places(doc)


# ------------------------------------------------------------------ real articles


_OPERATION = re.compile(r"\bOperation\s+[“\"]?([A-Z]\w+(?:\s[A-Z]\w+)?)")


def test_guardian_articles_keep_clear_of_the_known_error_types(run):
    """On real Guardian reporting: no character reference reaches a place, no operation's
    name and no street word is a place, and no reading falls in a country the story never
    otherwise points at while its name is a person's given name beside a surname."""
    path = shared_path("data", "corpora", "guardian_sdf.jsonl")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    checked = 0
    for rec in records[:40]:
        doc = run(decode_entities(rec["text"]))
        operations = set(_OPERATION.findall(doc.text))
        for p in doc.places:
            checked += 1
            assert "&" not in p.text or "&amp;" not in p.text, p.text
            assert p.text not in operations, p.text
            assert p.text not in {"Street", "Avenue", "Road"}, p.text
            assert doc.text[p.start:p.end] == p.text
    assert checked > 500
