"""Modality of event triggers: precedence, governors, questions, innermost source."""

from __future__ import annotations

import pytest

from claimbase.extract.modality import PRECEDENCE, modality_of, resolve
from tests.attribution_helpers import attributed, token

CASES = [
    ("Rebels attacked the checkpoint at dawn.", "attacked", "asserted"),
    ("Rebels may attack the checkpoint at dawn.", "attack", "hedged"),
    ("Rebels reportedly attacked the checkpoint.", "attacked", "hedged"),
    ("The militants apparently fled the city.", "fled", "hedged"),
    ("Rebels will attack the checkpoint at dawn.", "attack", "future"),
    ("The army plans to withdraw from the valley.", "withdraw", "future"),
    ("The army is on the verge of capturing the town.", "capturing", "future"),
    ("The troops were sent to secure the crossing.", "secure", "future"),
    ("Rebels did not attack the checkpoint.", "attack", "negated"),
    ("The commander refused to withdraw his men.", "withdraw", "negated"),
    ("The convoy crossed without the permission of the governor.", "permission", "negated"),
    ("If the army attacks the town, thousands will flee.", "attacks", "hypothetical"),
    ("Should the talks fail, the rebels will resume the offensive.", "fail", "hypothetical"),
    ("Do not allow them to use the school as a base.", "use", "hypothetical"),
    ("Did the army shell the village?", "shell", "question"),
    ("They raised the possibility of another strike in the near future.", "strike", "hedged"),
    ("The state apparently does not want to disarm the militia.", "disarm", "negated"),
    ("Could the militia recover the lost territory?", "recover", "question"),
    ("The council rejected appeals to release the detainees.", "appeals", "asserted"),
    ("The council rejected appeals to release the detainees.", "release", "negated"),
    ("The governor refused requests to free the prisoners.", "free", "negated"),
    ("The militia planned to storm the base, but this did not happen.", "storm", "negated"),
    ("Militants attempted to seize the airport, but that did not happen.", "seize", "negated"),
    ("The army tried to reach the road, but this did not happen.", "tried", "asserted"),
    ("The unions called off the general strike.", "strike", "negated"),
    ("The government ruled out an offensive on the city.", "offensive", "negated"),
    # Open questions: a negated or plain uncertainty governor hedges, it does not negate.
    ("It is not known whether the gunmen were killed or captured.", "killed", "hedged"),
    ("It is not known whether the gunmen were killed or captured.", "captured", "hedged"),
    ("It is unclear if the militia shelled the market.", "shelled", "hedged"),
    ("Officials could not confirm that drones struck the depot.", "struck", "hedged"),
    ("It was not immediately clear who carried out the attack.", "carried", "asserted"),
    ("Police asked if anyone would attack the rally.", "attack", "hypothetical"),
    # A relative clause of place or time keeps its own (past) modality under a future frame.
    ("He vowed to return to the town from where he fled in 2015.", "fled", "asserted"),
    ("He vowed to return to the town from where he fled in 2015.", "return", "future"),
    ("They hope to rebuild the market where the bomb exploded.", "exploded", "asserted"),
    ("The army will decide where to attack next.", "attack", "future"),
    # Readiness, intention and vows mark the embedded act as planned.
    ("The group said it was willing to withdraw its fighters.", "withdraw", "future"),
    ("The rebels are ready to negotiate with the government.", "negotiate", "future"),
    ("The army is prepared to storm the city.", "storm", "future"),
    ("The government intends to deploy more troops.", "deploy", "future"),
    ("The commander vowed to retake the town.", "retake", "future"),
    ("The army is ready to launch an offensive on the city.", "offensive", "future"),
    ("The group is willing to accept a ceasefire.", "ceasefire", "future"),
    ("The army began to launch an offensive on the city.", "offensive", "asserted"),
    # "end" negates only in its ending sense, not as a place or point in time.
    ("The base is at the sharp end of the French naval presence in the region.", "presence",
     "asserted"),
    ("The villagers fled at the end of the siege.", "siege", "asserted"),
    ("The envoy called for an end to the shelling of the city.", "shelling", "negated"),
    # A modal relative clause on a denied noun is a mere possibility.
    ("There is no force in the region that could stop the offensive.", "stop", "hypothetical"),
    ("The rebels have no allies who would defend the town.", "defend", "hypothetical"),
    ("The rebels have allies who would defend the town.", "defend", "future"),
    # Negated clarity: what follows is left open, not denied.
    ("The ministry has not made it clear whether the army shelled the market.", "shelled",
     "hedged"),
    ("The army has not made it clear what will happen to the prisoners, or others fleeing "
     "from the camp.", "fleeing", "asserted"),
    ("The army did not say what happened, or attack the camp.", "attack", "negated"),
    # A bare conjunct of a purpose clause shares its purpose.
    ("The rebels were sent to seize the bridge and hold the crossing.", "hold", "future"),
    # "able to", "enabled … to" assert their complement; a modal on "be able" still counts.
    ("The militants have been able to regroup and launch raids.", "launch", "asserted"),
    ("Air support has enabled the army to retake the town.", "retake", "asserted"),
    ("The militants will be able to retake the town.", "retake", "future"),
    ("The assault could be worse than the siege of the old city.", "siege", "asserted"),
    ("Donors sent money to enable the militia to rebuild the bridge.", "rebuild", "future"),
    ("The rebels used captured trucks to resupply the town.", "resupply", "asserted"),
    ("The guerrillas were able to repel the assault.", "repel", "asserted"),
    ("The rebels may be able to transfer the prisoners.", "transfer", "hedged"),
    ("The villagers used to farm the valley.", "farm", "asserted"),
    # Loose talk hedges; a to-clause on a denied noun is negated; "rather than" is no purpose.
    ("There is talk of the militia being able to reach the coast.", "reach", "hedged"),
    ("There is no way to evacuate or resupply the garrison.", "resupply", "negated"),
    ("The police did nothing to stop the looting.", "stop", "negated"),
    ("The army didn't do anything to protect or feed the refugees.", "feed", "negated"),
    ("They had no choice but to surrender the town.", "surrender", "future"),
    ("The shelling forces residents to leave slowly rather than flee at once.", "flee",
     "negated"),
    # A goal noun with a progressive complement: the goal's content is planned.
    ("The aim of the operation is seizing the bridge and driving the militants out.",
     "driving", "future"),
]


@pytest.mark.parametrize(("text", "word", "expected"), CASES)
def test_modality(text, word, expected):
    doc = attributed(text)
    assert modality_of(doc, token(doc, word)) == expected


def test_precedence_order():
    assert PRECEDENCE[0] == "negated" and PRECEDENCE[-1] == "asserted"
    assert resolve({"future", "hedged"}) == "hedged"
    assert resolve({"question", "negated"}) == "negated"
    assert resolve(set()) == "asserted"


def test_belief_cue_hedges_the_reported_event():
    doc = attributed("The sources believe that the fighters moved to the desert.")
    assert modality_of(doc, token(doc, "moved")) == "hedged"


def test_author_hedge_stops_at_the_innermost_source():
    doc = attributed("The ministry reportedly said that the rebels captured the dam.")
    assert modality_of(doc, token(doc, "captured")) == "asserted"


def test_scare_quotes_hedge_only_in_author_voice():
    own = attributed('The fighters were "fleeing" the town.')
    assert modality_of(own, token(own, "fleeing")) == "hedged"
    quoted = attributed('The ministry announced that the rebels were "fleeing" the town.')
    assert modality_of(quoted, token(quoted, "fleeing")) == "asserted"


def test_none_token_is_asserted():
    doc = attributed("Nothing happened.")
    assert modality_of(doc, None) == "asserted"
