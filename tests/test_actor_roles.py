"""Syntactic repairs of event actors and recipients (claimbase/extract/actor_roles.py)."""

from __future__ import annotations

import pytest

from tests.geo_helpers import mention_id as _id
from tests.geo_helpers import typed_event as _event


def test_owner_behind_a_compound_of_a_compound(run):
    doc, events = run("Turkish drones struck ISIS supply routes near the border on Friday.")
    ev = _event(doc, events, "ASSAULT", "struck")
    assert _id(ev.recipient) == "ISIS"


def test_owner_of_a_later_conjunct(run):
    doc, events = run("The raid targeted three trucks and a depot of the Hamza Division.")
    ev = _event(doc, events, "ASSAULT", "targeted")
    assert _id(ev.recipient) == "HAMZA_DIV"


def test_holder_of_a_hyphenated_holding_participle(run):
    doc, events = run("The Syrian army announced a push to recapture the ISIS-held villages.")
    ev = _event(doc, events, "ASSAULT", "recapture")
    assert _id(ev.recipient) == "ISIS"


def test_named_examples_of_a_description(run):
    doc, events = run("Moscow vowed to destroy groups such as ISIS and al-Qaeda in the region.")
    ev = _event(doc, events, "ASSAULT", "destroy")
    assert _id(ev.recipient) == "ISIS"
    assert [m.id for m in ev.co_recipients] == ["AL_QAEDA"]


def test_restrained_doer_is_the_object(run):
    doc, events = run("Washington tried to stop the Syrian army from recapturing the southern "
                      "provinces.")
    ev = _event(doc, events, "ASSAULT", "recapturing")
    assert _id(ev.actor) == "SYR_MIL"


def test_gerund_under_a_noun_phrase_takes_the_clause_subject(run):
    doc, events = run("Hezbollah is on the brink of defeating the rebels in the valley.")
    ev = _event(doc, events, "ASSAULT", "defeating")
    assert _id(ev.actor) == "HEZBOLLAH"


def test_participle_small_clause_subject_undergoes(run):
    doc, events = run("Israel supports ISIS and does not want to see it defeated near the "
                      "Golan.")
    ev = _event(doc, events, "ASSAULT", "defeated")
    assert ev.actor is None
    assert _id(ev.recipient) == "ISIS"  # not Israel, the subject of "want"


def test_parties_named_by_between(run):
    doc, events = run("The truce was agreed between Vladimir Putin and Recep Tayyip Erdogan.")
    ev = _event(doc, events, "AGREE", "agreed")
    assert _id(ev.actor) == "VLADIMIR_PUTIN"
    assert ev.recipient is not None and "Erdogan" in ev.recipient.text
    assert all("Erdogan" not in m.text for m in ev.co_actors)


def test_three_parties_named_by_between_act_jointly(run):
    doc, events = run("The plan was negotiated between Russia, Turkey and Iran in Astana.")
    ev = _event(doc, events, "CONSULT", "negotiated")
    assert _id(ev.actor) == "RUS"
    assert [m.id for m in ev.co_actors] == ["TUR", "IRN"]
    assert ev.recipient is None


def test_hyphenated_chain_of_state_modifiers(run):
    doc, events = run("The US-French-British special forces were deployed near Manbij.")
    ev = _event(doc, events, "MOBILIZE", "deployed")
    assert _id(ev.actor) == "USA_MIL"
    assert [m.id for m in ev.co_actors] == ["FRA_MIL", "GBR_MIL"]


def test_hyphenated_agent_noun(run):
    doc, events = run("The Iranian militia-sponsor denied any role in the raid.")
    ev = _event(doc, events, "AID", "sponsor")
    assert _id(ev.actor) == "IRN"
    assert ev.recipient is not None and ev.recipient.text == "militia"


def test_capital_addressed_by_a_verbal_act(run):
    doc, events = run("Ankara warned Baghdad against any move on the disputed district.")
    ev = _event(doc, events, "THREATEN", "warned")
    assert _id(ev.recipient) == "IRQ_GOV"


def test_capital_as_a_place_stays_a_place(run):
    doc, events = run("Rebels shelled Damascus overnight, killing two people.")
    ev = _event(doc, events, "ASSAULT", "shelled")
    assert _id(ev.recipient) is None


def test_response_is_directed_at_the_proposal_author(run):
    doc, events = run("The Kurdish council rejected a Russian proposal for a local truce.")
    ev = _event(doc, events, "REJECT", "rejected")
    assert _id(ev.recipient) == "RUS"


def test_proposal_noun_author_from_phrase(run):
    doc, events = run("The militants rejected an offer from the Iraqi government to "
                      "surrender.")
    rej = _event(doc, events, "REJECT", "rejected")
    assert _id(rej.recipient) == "IRQ_GOV"
    offer = _event(doc, events, "AGREE", "offer")
    assert _id(offer.actor) == "IRQ_GOV"


def test_gerund_after_a_stage_noun_takes_the_clause_subject(run):
    doc, events = run("The cell was in the final stage of preparing attacks on churches.")
    ev = _event(doc, events, "ASSAULT", "attacks")
    assert ev.actor is not None and "cell" in ev.actor.text


def test_gerund_after_a_charge_noun_is_not_the_arresters_deed(run):
    doc, events = run("Police detained two men on suspicion of helping to plan the bombing.")
    ev = _event(doc, events, "ASSAULT", "bombing")
    assert ev.actor is None or "Police" not in ev.actor.text


def test_fighters_in_custody_are_held(run):
    doc, events = run("The ISIS fighters in SDF custody were moved to a prison near Hasakah.")
    ev = _event(doc, events, "COERCE", "custody")
    assert _id(ev.actor) == "SDF"
    assert _id(ev.recipient) == "ISIS"


def test_protected_party_is_the_target(run):
    doc, events = run("Moscow says the SDF is shielded against attacks by the Syrian army.")
    ev = _event(doc, events, "ASSAULT", "attacks")
    assert _id(ev.actor) == "SYR_MIL"
    assert _id(ev.recipient) == "SDF"


def test_target_hung_inside_the_by_phrase(run):
    doc, events = run("The statement followed an attack by a group of ISIS members on SDF "
                      "positions near Hajin.")
    ev = _event(doc, events, "ASSAULT", "attack")
    assert _id(ev.actor) == "ISIS"
    assert _id(ev.recipient) == "SDF"


def test_owner_of_the_licensing_object(run):
    doc, events = run("Iraqi troops uncovered an ISIS tunnel near the border.")
    ev = _event(doc, events, "COERCE", "uncovered")
    assert _id(ev.recipient) == "ISIS"


def test_no_owner_from_a_common_noun_compound(run):
    doc, events = run("The plan was criticised by child welfare advocates in London.")
    ev = _event(doc, events, "ACCUSE", "criticised")
    assert ev.actor is None or ev.actor.text != "child"


def test_a_finite_clause_after_find_out_keeps_its_subject(run):
    doc, events = run("The police want to find out how the ISIS recruits fled.")
    ev = _event(doc, events, "RETREAT", "fled")
    assert _id(ev.actor) == "ISIS"


def test_lifting_an_embargo_is_not_directed_at_its_owner(run):
    doc, events = run("The allies could lift the NATO embargo on the Kurdish forces.")
    ev = _event(doc, events, "CONCEDE", "lift")
    assert _id(ev.recipient) != "NATO"


def test_a_coordinated_named_actor_is_no_owner(run):
    doc, events = run("She had watched beheading videos and those praising ISIS fighters.")
    ev = _event(doc, events, "ASSAULT", "beheading")
    assert _id(ev.recipient) != "ISIS"


@pytest.mark.parametrize("text, event_type, word, role, expected", [
    # a later noun conjunct shares the first one's named possessor
    ("The Iraqi army's raids and close coordination with the Kurdish Peshmerga pushed the "
     "militants into the desert.", "COOPERATE", "coordination", "actor", "IRQ_MIL"),
    # the object gap of a relative clause is its head noun
    ("Hezbollah released the Syrian soldiers whom it had captured near Arsal in 2014.",
     "ASSAULT", "captured", "recipient", "the Syrian soldiers"),
    # no object gap after a wh-adverb: the verb's own object
    ("Residents returned to the village where the militia had attacked Turkish troops last "
     "spring.", "ASSAULT", "attacked", "recipient", "TUR_MIL"),
    # the party exposed or subjected to an attack is its target
    ("The pullout exposed Kurdish fighters to Turkish air strikes.", "ASSAULT", "strikes",
     "recipient", "Kurdish fighters"),
    ("Detainees held by the militia were subjected to torture, the monitor said.", "ASSAULT",
     "torture", "recipient", "Detainees"),
])
def test_role_repairs_of_clauses_and_conjuncts(run, text, event_type, word, role, expected):
    doc, events = run(text)
    found = getattr(_event(doc, events, event_type, word), role)
    assert found is not None and expected in (found.id, found.text)


def test_people_nouns_are_parties_without_an_id(run):
    doc, events = run("Ibo traditional elders have demanded that control of the ministry be "
                      "taken away.")
    ev = _event(doc, events, "REQUEST", "demanded")
    assert ev.actor is not None and ev.actor.text == "Ibo traditional elders"
    doc, events = run("Gunmen killed two teachers in the village.")
    ev = _event(doc, events, "ASSAULT", "killed")
    assert ev.recipient is not None and ev.recipient.text == "two teachers"


@pytest.mark.parametrize(("text", "word"), [
    ("Investigators said the nerve agent attack in Salisbury was planned.", "attack"),
    ("The boys were arrested, interrogated and tortured.", "tortured"),  # passive conjunct
])
def test_no_actor_from_a_modifier_or_a_passive_subject(run, text, word):
    ev = _event(*run(text), "ASSAULT", word)
    assert ev.actor is None


@pytest.mark.parametrize(("text", "word", "event_type", "doer"), [
    ("The government blamed Iran for arming the rebels.", "arming", "AID", "IRN"),
    ("Local doctors accused the army of shelling the hospital.", "shelling", "ASSAULT",
     "the army"),
    ("The president warned Kurdish activists against staging protests.", "protests",
     "PROTEST", "Kurdish activists"),
    ("Trump backed Crown Prince Mohammed bin Salman, whom Turkey accuses of ordering the "
     "murder of Jamal Khashoggi.", "murder", "ASSAULT", "MOHAMMED_BIN_SALMAN"),
])
def test_object_of_accuse_or_warn_does_the_gerund(run, text, word, event_type, doer):
    doc, events = run(text)
    ev = _event(doc, events, event_type, word)
    assert ev.actor is not None and doer in (ev.actor.id, ev.actor.text)


@pytest.mark.parametrize(("text", "target"), [
    ("Islamic fundamentalists continued their hunger strike to demand the resignation of "
     "Algerian President Ahmed Ben Bella.", "President"),  # not "Algerian"
    ("A group of Chechen refugees are continuing a hunger strike in protest of the Russian "
     "government's refusal to accept the independence of Chechnya.", "Russian government"),
    ("Hundreds of thousands of people blocked streets in Hong Kong in defiance of Chinese "
     "authorities to demand democratic reforms.", "Chinese authorities"),
])
def test_protest_is_aimed_at_the_party_of_its_purpose(run, text, target):
    doc, events = run(text)
    ev = next(e for e in events if e.event_type == "PROTEST")
    assert ev.recipient is not None and target in ev.recipient.text


def test_fronted_attacks_take_the_armed_subject(run):
    doc, events = run("Sporadic ambushes in Badia Al-Sukhna in the eastern countryside of Homs, "
                      "and shooting at military convoys in the eastern countryside of Deir "
                      "ez-Zor, and targeting of members of the Syrian Democratic Forces SDF in "
                      "its western countryside, ISIS announces the return of its activity at a "
                      "low rate.")
    assert _id(_event(doc, events, "ASSAULT", "ambushes").actor) == "ISIS"
    assert _id(_event(doc, events, "ASSAULT", "shooting").actor) == "ISIS"


def test_mutual_fighting_in_a_preposed_phrase_takes_the_armed_subject(run):
    doc, events = run("After over a month of fierce clashes in the last stronghold of Islamic "
                      "State in Baghuz village, Syrian Democratic Forces (SDF) have announced "
                      "victory.")
    assert _id(_event(doc, events, "ASSAULT", "clashes").actor) == "SDF"
    doc, events = run("After the attack on the market, the police sealed off the area.")
    assert _event(doc, events, "ASSAULT", "attack").actor is None  # not mutual fighting
