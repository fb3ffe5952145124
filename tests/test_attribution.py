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


@pytest.mark.parametrize("text,source,kind,cue,content", [
    # an inverted trailing cue; its plural generic source is anonymous
    ("Gunmen ambushed a patrol near the river, local sources said.", "local sources",
     "anonymous", "said", "Gunmen ambushed a patrol near the river"),
    # "Y, X say." where the parser hangs Y on the cue without a clause link
    ("Border town quiet after the shelling, residents say.", "residents", None, "say",
     "Border town quiet after the shelling"),
    # two subjects before a trailing cue: the nearer one speaks
    ("The talks stalled over the prisoner list, diplomats said on Monday.", "diplomats", None,
     None, "The talks stalled over the prisoner list"),
])
def test_trailing_cues(text, source, kind, cue, content):
    doc = attributed(text)
    att = _one(doc)
    assert att.source_text == source
    if kind is not None:
        assert att.source_kind == kind
    if cue is not None:
        assert att.cue == cue
    assert span_text(doc, att.content_start, att.content_end) == content


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


def test_mid_sentence_parenthetical_cue_covers_both_sides():
    doc = attributed("The bridge was intact, the governor said, until the floods came in March. "
                     "The convoy, a spokesman said, would reach the border by nightfall.")
    by_text = {span_text(doc, a.content_start, a.content_end): a for a in doc.attributions}
    assert "The bridge was intact" in by_text
    assert "until the floods came in March" in by_text
    assert by_text["until the floods came in March"].source_text == "the governor"
    assert "would reach the border by nightfall" in by_text
    assert by_text["would reach the border by nightfall"].source_text == "a spokesman"


def test_every_record_has_a_cue_class():
    doc = attributed("The ministry said that the talks had failed. Analysts believe that "
                     "the ceasefire will not hold.")
    classes = {a.cue: a.cue_class for a in doc.attributions}
    assert classes == {"said": "report", "believe": "belief"}


def test_demand_without_quotes_reports_a_will_that_events_do_not_inherit():
    doc = attributed("The rebels demanded that the army withdraw from the valley.")
    att = _one(doc)
    assert att.cue_class == "intention"
    assert att.source_text == "The rebels"
    start = doc.text.index("withdraw")
    assert attribution_at(doc, start, start + 8) is None


def test_belief_inside_a_quotation_is_part_of_the_quote():
    doc = attributed("“I think the convoy will arrive tomorrow,” the mayor said.")
    att = _one(doc)
    assert att.source_text == "the mayor"


def _script(name: str):
    """A script of scripts/ imported as a module."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_learned_cue_table_is_built_from_annotated_text(tmp_path):
    import json

    from claimbase.extract.attribution_cues import load_learned

    learn = _script("learn_cues")
    rows = []
    for text in ("The mayor argued that the bridge was safe.",
                 "The governor argued that the road was closed."):
        k = text.index("argued")
        rows.append({"text": text, "attributions": [{"cue_spans": [[k, k + 6]]}]})
    train = tmp_path / "train.jsonl"
    train.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    seen, cue = learn.count(train, None)
    out = tmp_path / "learned.tsv"
    assert learn.write(out, seen, cue, min_count=1, min_rate=0.5, source="train.jsonl") >= 1
    table = load_learned(out)
    assert table[("argue", "VERB", "ccomp")] > 0.5
    assert ("bridge", "NOUN", "none") not in table
    bad = tmp_path / "bad.tsv"
    bad.write_text("argue\tVERB\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.tsv:1"):
        load_learned(bad)


def test_learned_frames_find_wills_and_positions_without_events_inheriting():
    doc = attributed("The senator vowed to cut the defence budget. Critics are wary of the plan.")
    by_cue = {a.cue: a for a in doc.attributions}
    assert by_cue["vowed"].cue_class == "intention"
    assert by_cue["vowed"].source_text == "The senator"
    assert span_text(doc, by_cue["vowed"].content_start, by_cue["vowed"].content_end) == (
        "to cut the defence budget")
    assert span_text(doc, by_cue["are wary of"].content_start,
                     by_cue["are wary of"].content_end) == "the plan"
    assert by_cue["are wary of"].source_text == "Critics"
    start = doc.text.index("cut")
    assert attribution_at(doc, start, start + 3) is None


def test_learned_frames_skip_physical_acts():
    doc = attributed("Rebels attacked the convoy near the border.")
    assert doc.attributions == []


def test_opening_document_phrase_is_the_source():
    doc = attributed("In the latest poll, the governor leads his rival by six points.")
    att = _one(doc)
    assert (att.source_text, att.cue) == ("the latest poll", "In")
    assert span_text(doc, att.content_start, att.content_end) == (
        "the governor leads his rival by six points")


def test_records_are_statements_unless_broad_attributions_are_asked_for():
    from types import SimpleNamespace

    from claimbase.extract.attribution import keep_statements

    text = ("The rebels demanded that the spokesman say that the army had withdrawn. "
            "Their commander said that the valley was calm.")
    for broad, expected in ((True, {"demanded", "say", "said"}), (False, {"say", "said"})):
        doc = attributed(text)
        keep_statements(doc, SimpleNamespace(settings=SimpleNamespace(broad_attributions=broad)))
        assert {a.cue for a in doc.attributions} == expected
        assert all(a.parent in doc.attributions for a in doc.attributions if a.parent)


def test_model_cues_find_negated_and_act_cues_in_broad_mode_only():
    text = ("The mayor did not say whether the council would approve the budget. "
            "The governor attacked the proposal as reckless.")
    narrow = attributed(text)
    assert not any(a.cue and "say" in a.cue for a in narrow.attributions)  # §11: no statement
    assert not any(a.cue == "attacked" for a in narrow.attributions)
    broad = attributed(text, broad=True)
    by_cue = {a.cue: a for a in broad.attributions}
    say, attacked = by_cue["say"], by_cue["attacked"]
    assert say.source_text == "The mayor"
    assert span_text(broad, say.content_start, say.content_end).startswith("whether the council")
    assert attacked.source_text == "The governor"
    assert span_text(broad, attacked.content_start, attacked.content_end).startswith(
        "the proposal")
    broad_classes = load_cues().set("uninherited_cue_classes")
    assert say.cue_class in broad_classes and attacked.cue_class in broad_classes
    start = broad.text.index("approve")
    assert attribution_at(broad, start, start + 7) is None  # events keep the author's voice


def test_relative_pronoun_source_is_the_antecedent_unless_broad():
    text = "The senator, who opposed the measure, warned colleagues against a rushed vote."
    narrow = {a.cue: a for a in attributed(text, broad=False).attributions}
    assert "opposed" not in narrow or narrow["opposed"].source_text == "The senator"
    broad = {a.cue: a for a in attributed(text, broad=True).attributions}
    assert broad["opposed"].source_text == "who"  # PolNeAR marks the relative pronoun
    assert broad["opposed"].source_kind == "person"  # classified by its antecedent


def test_cue_features_describe_the_candidate():
    from claimbase.extract.attribution_cues import cue_features, in_quote
    from tests.attribution_helpers import nlp, token

    doc = attributed("Officials did not deny that the talks had failed.")
    tok = token(doc, "deny")
    feats = cue_features(tok, "free", in_quote(doc.text, tok.idx))
    assert {"neg", "l=deny|VERB", "lf=deny|VERB|ccomp", "st=agent", "c=ccomp|VERB"} <= set(feats)
    assert "q" not in feats
    text = '“We will deny everything,” he said.'
    sdoc = nlp()(text)
    inner = next(t for t in sdoc if t.text == "deny")
    assert "q" in cue_features(inner, "in", in_quote(text, inner.idx))


def test_cue_model_file_is_read_and_checked(tmp_path):
    from claimbase.extract.attribution_cues import cue_model, load_model

    model = cue_model()
    assert model.lemmas and model.weights and "say|VERB" in model.lemmas
    good = tmp_path / "model.tsv"
    good.write_text("# c\n@threshold\t0.5\n@lemma\targue|VERB\nb\t-1.0\nneg\t2.0\n",
                    encoding="utf-8")
    m = load_model(good)
    assert m.threshold == 0.5 and m.lemmas == {"argue|VERB"}
    assert m.score(["b", "neg", "unknown"]) == 1.0
    bad = tmp_path / "bad.tsv"
    bad.write_text("b\t1.0\textra\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.tsv:1"):
        load_model(bad)
    with pytest.raises(FileNotFoundError, match="missing.tsv"):
        load_model(tmp_path / "missing.tsv")


def test_cue_model_is_trained_from_annotated_text(tmp_path):
    import json

    from claimbase.extract.attribution_cues import load_model

    learn = _script("learn_cue_model")
    rows = []
    for who in ("The mayor", "The governor", "The minister", "The judge"):
        text = f"{who} snubbed the envoy. {who} visited the bridge."
        k = text.index("snubbed")
        rows.append({"text": text, "attributions": [{"cue_spans": [[k, k + 6]]}]})
    train = tmp_path / "train.jsonl"
    train.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    out = tmp_path / "model.tsv"
    assert learn.main([str(train), "--out", str(out), "--min-feat", "1", "--min-yield", "0.1",
                       "--iters", "200"]) == 0
    model = load_model(out)
    assert "snub|VERB" in model.lemmas and "visit|VERB" not in model.lemmas
    assert model.weights["l=snub|VERB"] > 0
    assert learn.main([str(tmp_path / "nope.jsonl"), "--out", str(out)]) == 2


def test_broad_mode_is_univocal_like_polnear():
    """Broad mode: a cue inside a quotation is the speaker's words, not a record; a statement
    standing before its parent's cue becomes a relation of its own. Narrow mode keeps both."""
    text = ('The mayor said on Monday that “the council has claimed for years that the bridge '
            'is safe,” and the engineers warned that repairs were overdue.\n\n'
            'Residents complained about the noise, the newspaper reported.')
    narrow = {a.cue: a for a in attributed(text, broad=False).attributions}
    assert narrow["has claimed"].parent is not None
    assert narrow["complained about"].parent is narrow["reported"]
    broad = {a.cue: a for a in attributed(text, broad=True).attributions}
    assert "has claimed" not in broad and broad["said"].source_text == "The mayor"
    assert broad["complained about"].parent is None
    assert broad["complained about"].source_text == "Residents"


def test_headline_name_the_article_knows_as_a_person_is_a_speaker_turn():
    """'Surname: …' in a title: the tagger rarely knows a bare surname, the article does."""
    text = ("Okafor: The port deal will collapse by spring.\n\n"
            "Lagos governor Amaka Okafor told reporters on Friday that the port deal was doomed.")
    turn = {a.cue: a for a in attributed(text).attributions}[":"]
    assert turn.source_text == "Okafor"
    assert span_text(attributed(text), turn.content_start, turn.content_end).startswith(
        "The port deal")


def test_pull_quote_opened_with_a_mistyped_closing_mark():
    doc = attributed("”We will rebuild the school before winter.” ― Farid Haddad\n")
    att = _one(doc)
    assert att.source_text == "Farid Haddad" and att.cue == "―"
    assert span_text(doc, att.content_start, att.content_end).startswith("”We will rebuild")


def test_broad_raising_verb_and_bare_participle_have_no_source():
    """PolNeAR: 'X seems to …' is the author's judgement; 'Asked about …, Y said' — Y was
    asked, the asker is unnamed."""
    seems = {a.cue: a for a in attributed(
        "The minister seems to have abandoned the reform plan.", broad=True).attributions}
    assert seems["seems"].source_start is None
    asked = {a.cue: a for a in attributed(
        "Asked about the ceasefire, the general said the truce would hold.",
        broad=True).attributions}
    assert asked["Asked about"].source_start is None
    assert asked["said"].source_text == "the general"


def test_broad_in_a_statement_names_the_speaker_not_the_statement():
    doc = attributed("In an interview on Sunday, the mayor was blunt about the flood damage.",
                     broad=True)
    att = _one(doc)
    assert att.source_text == "the mayor" and att.cue == "interview"
    assert span_text(doc, att.content_start, att.content_end).startswith("was blunt")


def test_broad_no_reply_to_a_request_is_reported_narrow_mode_keeps_the_negation_rule():
    text = "The army did not immediately respond to requests for comment."
    att = _one(attributed(text, broad=True))
    assert att.source_text == "The army" and att.cue == "did not immediately respond"
    assert attributed(text).attributions == []


def test_mixed_quote_styles_close_the_quotation_before_the_cue():
    """'“…," X said' (a curly opening, a straight closing mark): the quotation ends there."""
    doc = attributed('“We are going to rebuild the bridge," the mayor said. "It will take '
                     'two years.”')
    said = next(a for a in doc.attributions if a.scope == "explicit")
    assert said.source_text == "the mayor"
    assert span_text(doc, said.content_start, said.content_end) == (
        '“We are going to rebuild the bridge,"')


def test_quotation_closed_right_before_a_no_break_space_and_the_speaker():
    doc = attributed("“Like the old port. Or the mines,”\u00a0Mayor Lee said.")
    said = next(a for a in doc.attributions if a.cue == "said")
    assert said.source_text == "Mayor Lee"
    assert span_text(doc, said.content_start, said.content_end).startswith("Or the mines")


def test_mistyped_opening_mark_after_a_word_closes_the_quotation():
    doc = attributed("“Probably never,“ she said. “The river keeps rising.”", broad=True)
    said = next(a for a in doc.attributions if a.scope == "explicit")
    assert said.source_text == "she"
    assert span_text(doc, said.content_start, said.content_end) == "“Probably never,“"


def test_quote_verbs_report_only_a_quotation():
    """'“…,” the letter reads' reports the letter; 'The students read the report' does not."""
    doc = attributed("“Our support for the new clinic is not abstract,” the letter reads.")
    assert _one(doc).source_text == "the letter" and _one(doc).cue == "reads"
    assert attributed("The students read the report on Monday.").attributions == []


def test_broad_possessive_pronoun_owns_a_noun_cue():
    text = "Contrary to his claim that the dam was safe, engineers found cracks."
    assert attributed(text).attributions == []
    att = _one(attributed(text, broad=True))
    assert att.source_text == "his" and att.cue == "claim"



def test_according_to_a_source_the_parser_read_as_a_verb_phrase():
    doc = attributed("He repeatedly insulted the staff, according to show insiders.")
    att = next(a for a in doc.attributions if a.cue == "according to")
    assert att.source_text == "show insiders"
    assert span_text(doc, att.content_start, att.content_end) == "He repeatedly insulted the staff"
