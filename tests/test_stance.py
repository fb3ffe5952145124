"""Author stance toward attributed claims."""

from __future__ import annotations

from claimbase.extract.stance import stance_of
from tests.attribution_helpers import attributed, token


def _att(doc, source):
    return next(a for a in doc.attributions if a.source_text == source)


def test_author_voice_is_always_neutral():
    doc = attributed("The so-called offensive killed dozens of civilians.")
    assert stance_of(doc, None, token(doc, "killed")) == "neutral"


def test_distancing_cue_disputes():
    doc = attributed("The channel uncritically claims that the rebels have surrendered.")
    assert _att(doc, "The channel").author_stance == "disputes"


def test_in_reality_after_the_claim_disputes():
    doc = attributed("The group was claiming that its fighters stormed the base, "
                     "while in reality they were withdrawing.")
    att = _att(doc, "The group")
    assert att.author_stance == "disputes"
    assert "in reality" not in doc.text[att.content_start:att.content_end]


def test_supposed_in_the_next_sentence_disputes():
    doc = attributed("The ministry announced that it arrested 40 terrorists. "
                     "It did not name a single crime of these supposed terrorists.")
    assert _att(doc, "The ministry").author_stance == "disputes"


def test_supposed_to_states_a_plan_not_a_doubt():
    doc = attributed("The ministry announced that it arrested 40 suspects. "
                     "A court was supposed to hear their case on Monday.")
    assert _att(doc, "The ministry").author_stance == "neutral"


def test_official_statement_is_neutral_and_unnamed_sources_endorsed():
    doc = attributed("The ministry announced that the border crossing reopened.")
    assert _att(doc, "The ministry").author_stance == "neutral"
    doc2 = attributed("Informed sources reported that the border crossing reopened.")
    assert _att(doc2, "Informed sources").author_stance == "endorses"


def test_support_phrase_endorses():
    doc = attributed("The army announced that the rebels had been paid by a foreign state. "
                     "These claims are supported by leaked documents.")
    assert _att(doc, "The army").author_stance == "endorses"


def test_distancing_adjective_on_the_trigger_disputes_per_event():
    doc = attributed("The ministry announced that the supposed offensive had ended.")
    att = _att(doc, "The ministry")
    assert stance_of(doc, att, token(doc, "offensive")) == "disputes"
    quoted = attributed('The ministry announced that the army "liberated" the town.')
    q_att = _att(quoted, "The ministry")
    assert stance_of(quoted, q_att, token(quoted, "liberated")) == "neutral"
