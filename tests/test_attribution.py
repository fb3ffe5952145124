"""Attribution detection: sources, cues, contents, kinds, scope, nesting."""

from __future__ import annotations

import pytest

from claimbase.extract.attribution import attribution_at
from claimbase.extract.attribution_cues import load_cues
from tests.attribution_helpers import attributed, span_text


def _one(doc):
    assert len(doc.attributions) == 1, [(a.source_text, a.cue) for a in doc.attributions]
    return doc.attributions[0]


def test_said_that_clause():
    doc = attributed("The defence ministry said that rebels shelled the market on Friday.")
    att = _one(doc)
    assert att.source_text == "The defence ministry"
    assert att.source_kind == "organization"
    assert att.cue == "said"
    assert span_text(doc, att.content_start, att.content_end) == (
        "rebels shelled the market on Friday")
    assert att.scope == "explicit"


def test_inverted_trailing_cue_is_anonymous():
    doc = attributed("Gunmen ambushed a patrol near the river, local sources said.")
    att = _one(doc)
    assert att.source_text == "local sources"
    assert att.source_kind == "anonymous"
    assert span_text(doc, att.content_start, att.content_end) == (
        "Gunmen ambushed a patrol near the river")


def test_auxiliaries_belong_to_the_cue():
    doc = attributed("The coalition has announced the end of its air campaign.")
    att = _one(doc)
    assert att.cue == "has announced"
    assert span_text(doc, att.content_start, att.content_end) == "the end of its air campaign"


def test_according_to_source_and_plan():
    doc = attributed("According to some sources, the militia withdrew from the hills.")
    att = _one(doc)
    assert att.cue == "According to"
    assert att.source_text == "some sources"
    assert att.source_kind == "anonymous"
    assert span_text(doc, att.content_start, att.content_end) == (
        "the militia withdrew from the hills")
    plan = attributed("According to the plan, the brigade will cross the river at dawn.")
    assert plan.attributions == []


def test_rumor_without_any_source():
    doc = attributed("Residents fled after the rumors that the dam had been mined.")
    att = _one(doc)
    assert att.source_kind == "rumor"
    assert att.cue == "rumors"
    assert span_text(doc, att.content_start, att.content_end) == "the dam had been mined"


def test_colon_block_one_record_per_sentence_and_stops_at_paragraph():
    text = ("The newspaper also reports:\n\n"
            "The army moved two brigades to the north. Heavy fighting continued overnight.\n\n"
            "None of this surprised the observers we spoke with.")
    doc = attributed(text)
    blocks = [a for a in doc.attributions if a.scope == "block"]
    assert [span_text(doc, a.content_start, a.content_end) for a in blocks] == [
        "The army moved two brigades to the north", "Heavy fighting continued overnight"]
    assert all(a.source_kind == "media" and a.cue == "also reports" for a in blocks)
    last = text.index("None of this")
    assert attribution_at(doc, last, last + 4) is None


def test_transcript_turn_is_a_person_with_colon_cue():
    text = ("Samir Haddad, a farmer from the valley: The militia burned our fields. "
            "Nobody came to help us.")
    doc = attributed(text)
    turns = [a for a in doc.attributions if a.cue == ":"]
    assert len(turns) == 2
    assert all(a.source_text == "Samir Haddad" and a.source_kind == "person" for a in turns)
    assert [a.scope for a in turns] == ["explicit", "block"]


def test_carried_within_paragraph_never_across():
    text = ("The army announced that it had captured the village of Tel Qasr. "
            "The operation lasted two days and ended at noon.\n\n"
            "The village was almost empty when reporters arrived.")
    doc = attributed(text)
    scopes = [(a.scope, span_text(doc, a.content_start, a.content_end))
              for a in doc.attributions]
    assert ("carried", "The operation lasted two days and ended at noon") in scopes
    later = text.index("The village was")
    assert attribution_at(doc, later, later + 11) is None


def test_statement_about_the_statement_is_not_carried():
    text = ("The group announced that its fighters had repelled an attack. "
            "The announcement came a day after heavy losses.")
    doc = attributed(text)
    assert [a.scope for a in doc.attributions] == ["explicit"]


def test_nested_chain_and_innermost_lookup():
    text = "The newspaper reported that officials said the bridge was destroyed."
    doc = attributed(text)
    inner = next(a for a in doc.attributions if a.source_text == "officials")
    outer = next(a for a in doc.attributions if a.source_text == "The newspaper")
    assert inner.parent is outer
    assert outer.source_kind == "media"
    chain = [link["source_kind"] for link in inner.chain(doc)]
    assert chain == ["author", "media", "anonymous"]
    pos = text.index("destroyed")
    assert attribution_at(doc, pos, pos + 9) is inner


def test_author_voice_has_no_attribution():
    doc = attributed("Rebels shelled the market on Friday, killing three people.")
    assert doc.attributions == []
    assert attribution_at(doc, 0, 6) is None


def test_inanimate_subject_is_not_a_source():
    doc = attributed("The new deployment indicates that the offensive is near.")
    assert doc.attributions == []


def test_cited_article_title_is_media():
    text = ('The Daily Courier in its article titled "Troops retreat from the border town" '
            "claims that the retreat was ordered.")
    doc = attributed(text)
    cited = next(a for a in doc.attributions if a.cue.startswith("in its article"))
    assert span_text(doc, cited.content_start, cited.content_end) == (
        "Troops retreat from the border town")
    assert cited.source_kind == "media"


def test_record_modality_and_stance_are_filled():
    doc = attributed("Informed sources claimed that the convoy may have been hit by a drone.")
    att = _one(doc)
    assert att.modality == "hedged"
    assert att.author_stance in ("endorses", "neutral", "disputes")


def test_missing_cue_file_is_a_clear_error(tmp_path):
    missing = tmp_path / "nope.yaml"
    with pytest.raises(FileNotFoundError, match="nope.yaml"):
        load_cues(missing)
    bad = tmp_path / "bad.yaml"
    bad.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.yaml"):
        load_cues(bad)


def test_mixed_quote_uses_the_quoted_predicate_as_cue():
    doc = attributed("General Omar Khalil was “worried about the raids on the northern border”.")
    att = _one(doc)
    assert att.source_text == "General Omar Khalil"
    assert att.cue == "worried about"
    assert span_text(doc, att.content_start, att.content_end) == (
        "the raids on the northern border")


def test_experiencer_of_it_is_clear():
    doc = attributed("To the council it is clear that the ceasefire has collapsed.")
    att = _one(doc)
    assert att.source_text == "the council"
    assert att.cue == "it is clear"
    assert span_text(doc, att.content_start, att.content_end) == "the ceasefire has collapsed"
    assert attributed("It is clear that the ceasefire has collapsed.").attributions == []


def test_issued_statement_about():
    doc = attributed("Police issued a statement about the arrests in the capital.")
    att = _one(doc)
    assert att.source_text == "Police"
    assert att.cue == "issued a statement about"
    assert span_text(doc, att.content_start, att.content_end) == "the arrests in the capital"


def test_pull_quote_with_dash_names_the_speaker():
    text = "“We have not seen a single aid truck in a month.” ― Layla Mansour\n"
    doc = attributed(text)
    att = _one(doc)
    assert att.source_text == "Layla Mansour"
    assert att.source_kind == "person"
    assert span_text(doc, att.content_start, att.content_end) == (
        "“We have not seen a single aid truck in a month.”")


def test_negated_report_is_no_statement():
    doc = attributed("The statement did not mention the hostages or accuse the guards of abuse.")
    assert doc.attributions == []


def test_coordinated_sentence_final_sources():
    doc = attributed("Air strikes hit a market in Saraqib on Tuesday, killing 11 "
                               "civilians, rescue workers and local sources said.")
    att = _one(doc)
    assert span_text(doc, att.source_start, att.source_end) == "rescue workers and local sources"
    assert att.cue == "said"
    assert span_text(doc, att.content_start, att.content_end).startswith("Air strikes hit")
