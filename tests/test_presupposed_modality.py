"""Modality of events presupposed inside a plan, condition or denial (GUIDELINES §12): an
event noun told as going on ("the ongoing occupation"), the object of a verb that takes it as
existing ("to cover its deals"), the topic of a plan noun ("a campaign about …"), the object
of an attitude verb that is negated ("does not care about …") or of a factive omission ("CNN
omits that …") keeps its own modality."""

from __future__ import annotations

import pytest

from claimbase.extract.modality import modality_of
from tests.attribution_helpers import attributed, token

CASES = [
    ("He committed to ongoing airstrikes against Isis.", "airstrikes", "asserted"),
    (
        "The group set the pretext for the now ongoing US occupation of Syria.",
        "occupation",
        "asserted",
    ),
    (
        "The SDF has a long history of faking battles in order to cover its deals with ISIS.",
        "deals",
        "asserted",
    ),
    (
        "A media campaign about the increasing Iranian presence in Syria can be observed.",
        "presence",
        "asserted",
    ),
    (
        "A media campaign about allegedly growing tensions between Tehran and Moscow began.",
        "tensions",
        "hedged",
    ),
    (
        "The US does not care about the continued presence of the group on the border.",
        "presence",
        "asserted",
    ),
    ("Global Affairs Canada did not comment on the deal.", "deal", "asserted"),
    (
        "CNN omits that it was the Russian intervention that cut the supply lines.",
        "intervention",
        "asserted",
    ),
    (
        "The coalition has been working for years to oust the group from its towns.",
        "oust",
        "asserted",
    ),
    # what the change must leave alone
    ("The army plans to withdraw from the valley.", "withdraw", "future"),
    ("The coalition plans to launch an offensive against the town.", "launch", "future"),
    ("Rebels did not attack the checkpoint.", "attack", "negated"),
    ("Fighters apparently evaded capture by the army.", "capture", "hedged"),
    ("He is not known to have had any military training.", "had", "hedged"),
]


@pytest.mark.parametrize("text,word,expected", CASES)
def test_presupposed_event_keeps_its_own_modality(text, word, expected):
    doc = attributed(text)
    assert modality_of(doc, token(doc, word)) == expected
