"""The events stage: triggers, roles, merging, figures, PLOVER rules and ACLED types."""

from __future__ import annotations

import pytest

from claimbase.extract.triggers import load_lexicon
from claimbase.record import PLOVER_TYPES, Document


def _span(doc, ev):
    return doc.text[ev.trigger_start:ev.trigger_end]


def _by_type(events, event_type):
    return [e for e in events if e.event_type == event_type]


def test_lexicon_types_are_plover():
    lex = load_lexicon()
    senses = [s for table in (lex.verbs, lex.nouns) for ss in table.values() for s in ss]
    senses += list(lex.hyphen.values())
    assert len(senses) > 150
    assert {s.type for s in senses} <= set(PLOVER_TYPES)


def test_verbal_assault_with_agent_and_target(run):
    doc, events = run("Rebel fighters attacked an army checkpoint near the town on Monday.")
    (ev,) = _by_type(events, "ASSAULT")
    assert _span(doc, ev) == "attacked"
    assert "fighters" in ev.actor.text
    assert "army" in ev.recipient.text  # the force holding the checkpoint
    assert ev.acled_event_type == "Battles"


def test_passive_voice_agent_from_by_phrase(run):
    doc, events = run("The convoy was ambushed by militants outside the city.")
    (ev,) = _by_type(events, "ASSAULT")
    assert "militants" in ev.actor.text
    assert "convoy" in ev.recipient.text


def test_light_verb_and_embedded_request(run):
    doc, events = run("The minister demanded that the rebels launch an offensive against the "
                      "government forces.")
    (req,) = _by_type(events, "REQUEST")
    (att,) = _by_type(events, "ASSAULT")
    assert "rebels" in req.recipient.text
    assert _span(doc, att) == "launch an offensive"
    assert "rebels" in att.actor.text
    assert "forces" in att.recipient.text
    assert att.modality == "future"


def test_coordinated_predicates_merge(run):
    doc, events = run("The insurgents set up ambushes and carried out raids against the troops.")
    assault = _by_type(events, "ASSAULT")
    assert len(assault) == 1
    assert _span(doc, assault[0]).startswith("set up ambushes")
    assert _span(doc, assault[0]).endswith("raids")


def test_hyphenated_backing_is_aid(run):
    doc, events = run("The Iranian-backed militia deployed fighters to the border.")
    (aid,) = _by_type(events, "AID")
    assert aid.actor.text == "Iranian"
    assert "militia" in aid.recipient.text
    assert _by_type(events, "MOBILIZE")


def test_backer_is_not_the_target_of_an_attack_on_the_backed_group(run):
    doc, events = run("Warplanes targeted positions of Iranian-backed militias near the river.")
    assault = next(e for e in events if e.event_type == "ASSAULT")
    assert "militias" in assault.recipient.text
    assert assault.recipient.id != "IRN"
    (aid,) = _by_type(events, "AID")
    assert aid.actor.id == "IRN"


def test_hyphenated_participle_after_an_adverb_takes_the_by_agent(run):
    doc, events = run("Militants were moved into territory illegally-occupied by the US.")
    (coerce,) = _by_type(events, "COERCE")
    assert coerce.actor.text == "the US" and coerce.actor.id == "USA"


def test_casualties_attach_to_the_attack(run):
    doc, events = run("Gunmen stormed the village, killing at least 14 civilians.")
    (ev,) = _by_type(events, "ASSAULT")
    (q,) = ev.quantities
    assert (q.kind, q.low, q.best, q.high) == ("killed", 14, 14, None)
    assert ev.acled_event_type == "Violence against civilians"


def test_future_rules(run):
    doc, events = run("The troops will withdraw from the province next month.")
    assert [e.event_type for e in events] == ["CONCEDE"]
    doc, events = run("The two governments will cooperate with each other on border security.")
    assert "AGREE" in [e.event_type for e in events]


def test_negation_and_nominal_triggers(run):
    doc, events = run("The army did not shell the town. Protests against the occupation "
                      "continued in the capital.")
    (shell,) = _by_type(events, "ASSAULT")
    assert shell.modality == "negated"
    assert shell.acled_sub_event_type == "Shelling/artillery/missile attack"
    (protest,) = _by_type(events, "PROTEST")
    assert protest.acled_event_type == "Protests"


def test_back_references_are_not_events(run):
    doc, events = run("The captured soldiers were shown on television. It poses a threat to "
                      "the region.")
    assert events == []


def test_surrender_and_arrest_ids_and_acled(run):
    doc, events = run("Two hundred fighters surrendered to the army. Police arrested 30 "
                      "protesters.")
    (ret,) = _by_type(events, "RETREAT")
    assert ret.acled_sub_event_type == "Agreement"
    assert ret.quantities[0].kind == "surrendered"
    (arr,) = _by_type(events, "COERCE")
    assert arr.acled_sub_event_type == "Arrests"
    assert arr.quantities[0].best == 30


def test_several_events_and_reciprocal(run):
    doc, events = run("Both the government and the rebels accused each other of violating "
                      "the truce.")
    accuse = _by_type(events, "ACCUSE")
    assert len(accuse) == 2
    pairs = {(e.actor.text, e.recipient.text) for e in accuse}
    assert len(pairs) == 2


def test_boilerplate_is_skipped(pipeline):
    from claimbase.extract.events import find_events
    from claimbase.record import Boilerplate

    text = "Soldiers shelled the village.\n\nCopyright 2024. Soldiers shelled the town."
    doc = Document(text=text, ref="<bp>")
    doc.boilerplate = [Boilerplate(start=text.index("Copyright"), end=len(text),
                                   kind="copyright")]
    doc.spacy_doc = pipeline.resources.nlp(doc.analysis_text)
    find_events(doc, pipeline.resources)
    assert [doc.text[e.trigger_start:e.trigger_end] for e in doc.events] == ["shelled"]


def test_missing_parse_is_a_clear_error():
    from claimbase.extract.events import find_events

    with pytest.raises(ValueError, match="no spaCy parse"):
        find_events(Document(text="x", ref="doc.txt"), None)


def test_different_subtypes_stay_apart(run):
    doc, events = run("The militants plan to launch an offensive against the army and establish "
                      "control over the oil fields.")
    assault = _by_type(events, "ASSAULT")
    assert len(assault) == 2
    subtypes = {e.acled_sub_event_type for e in assault}
    assert subtypes == {"Armed clash", "Non-state actor overtakes territory"}


def test_protest_demands_are_not_requests(run):
    doc, events = run("Protesters burned flags and demanded the end of the occupation.")
    assert [e.event_type for e in events] == ["PROTEST"]
    assert events[0].event_mode == "vandalize"


def test_descriptions_and_partitives_take_the_antecedent_id(run):
    doc, events = run("ISIS fighters attacked an army checkpoint near the river on Monday. "
                      "Later the group shelled the village. Some were killed and others fled "
                      "across the border.")
    shelled = next(e for e in events if _span(doc, e).startswith("shelled"))
    assert shelled.actor is not None and shelled.actor.id == "ISIS"
    assert shelled.actor.text.lower().endswith("group")  # the span stays the anaphor's
    fled = next(e for e in events if _span(doc, e).startswith("fled"))
    assert fled.actor is not None and fled.actor.id == "ISIS"


def test_skeptical_descriptions_stay_unresolved(run):
    doc, events = run("ISIS fighters attacked an army checkpoint. Later the army arrested "
                      "twelve supposed terrorists in the town.")
    arrest = next(e for e in events if _span(doc, e).startswith("arrested"))
    assert arrest.recipient is not None and arrest.recipient.id is None


def test_vandalism_and_hacking_are_coercion(run):
    doc, events = run("Protesters defaced the embassy walls. Hackers hacked into the "
                      "ministry's servers.")
    spans = {_span(doc, e) for e in _by_type(events, "COERCE")}
    assert "defaced" in spans and "hacked into" in spans


def test_preposed_pronoun_refers_to_the_main_subject(run):
    doc, events = run("The army shelled the town. After it lost the town, the Islamic State "
                      "moved its fighters to the desert.")
    lost = next(e for e in events if _span(doc, e).startswith("lost"))
    assert lost.actor is not None and lost.actor.id == "ISIS"


def test_named_appositive_is_the_participant(run):
    doc, events = run("Months after the killing of its leader Abu Bakr al-Baghdadi, the "
                      "group is regrouping in the desert.")
    killing = next(e for e in events if _span(doc, e).startswith("killing"))
    assert killing.recipient is not None
    assert killing.recipient.id == "ABU_BAKR_AL_BAGHDADI"


def test_rejected_request_is_addressed_to_the_rejecter(run):
    doc, events = run("The SDF command rejected appeals to release the detainees.")
    (req,) = _by_type(events, "REQUEST")
    assert req.recipient is not None and req.recipient.id == "SDF"
    assert req.modality == "asserted"


@pytest.mark.parametrize(("text", "span", "event_type"), [
    ("Moscow severed diplomatic ties with Kyiv.", "severed diplomatic ties", "SANCTION"),
    ("The ministry summoned the Turkish ambassador.", "summoned the Turkish ambassador",
     "ACCUSE"),
    ("The authorities relaxed the curfew in the capital.", "relaxed the curfew", "CONCEDE"),
    ("The unions called off the general strike.", "called off the general strike",
     "CONCEDE"),
    ("Parliament ratified the peace treaty.", "ratified the peace treaty", "AGREE"),
])
def test_diplomatic_and_conciliatory_verbs(run, text, span, event_type):
    doc, events = run(text)
    assert span in {_span(doc, e) for e in _by_type(events, event_type)}


def test_future_support_is_agree_and_called_off_is_not_a_report(run):
    doc, events = run("The council will support the resolution. The unions called off the "
                      "strike.")
    assert [e.event_type for e in events if _span(doc, e).startswith("support")] == ["AGREE"]
    assert not [a for a in doc.attributions if a.cue == "called off"]


def test_measure_phrase_object_is_the_measured_goods(run):
    doc, events = run("Swiss doctors handed over 700 kg of medicine to the hospital.")
    assert "handed over" in {_span(doc, e) for e in _by_type(events, "AID")}


def test_crowds_blocking_roads_protest_and_formal_protest_is_accusation(run):
    doc, events = run("Hundreds of thousands of people blocked streets in the capital. The "
                      "ministry protested that the raid violated its sovereignty.")
    assert "blocked" in {_span(doc, e) for e in _by_type(events, "PROTEST")}
    assert "protested" in {_span(doc, e) for e in _by_type(events, "ACCUSE")}
    assert "protested" not in {_span(doc, e) for e in _by_type(events, "PROTEST")}


@pytest.mark.parametrize("text", [
    "ISIS fighters were killed in the strike. Many fled to the desert.",
    "The army captured 40 ISIS fighters and pursued those who fled.",
    "ISIS fighters were killed in the strike. Many more could flee soon.",
])
def test_partitive_subjects_take_the_contrasted_group(run, text):
    doc, events = run(text)
    (fled,) = [e for e in events if _span(doc, e).startswith(("fled", "flee"))]
    assert fled.actor is not None and fled.actor.id == "ISIS"


def test_owner_of_the_only_option_is_the_actor(run):
    doc, events = run("The only solution left for the Syrian government is to mobilize the "
                      "reserves.")
    (mob,) = _by_type(events, "MOBILIZE")
    assert mob.actor is not None and mob.actor.id == "SYR_GOV"
    assert mob.modality == "future"


def test_participle_of_a_movement_takes_the_noun_it_modifies(run):
    doc, events = run("Roughly 2,000 American troops stationed in the north were told to stay.")
    (ev,) = [e for e in _by_type(events, "MOBILIZE") if _span(doc, e) == "stationed"]
    assert ev.actor is not None and "troops" in ev.actor.text


def test_manner_phrase_takes_the_clause_subject_and_support_goes_to_it(run):
    doc, events = run("The army advanced on the town in coordination with Moscow.")
    (ev,) = [e for e in events if _span(doc, e) == "coordination"]
    assert ev.actor is not None and "army" in ev.actor.text
    assert ev.recipient is not None and ev.recipient.id == "RUS"
    doc, events = run("The rebels retook the hill with the support of Turkey.")
    (aid,) = _by_type(events, "AID")
    assert aid.actor.id == "TUR"
    assert aid.recipient is not None and "rebels" in aid.recipient.text


def test_relational_noun_is_not_its_possessor(run):
    doc, events = run("Ankara insisted that Turkey would never attack its allies.")
    (ev,) = _by_type(events, "ASSAULT")
    assert ev.actor.id == "TUR"
    assert ev.recipient is None or ev.recipient.id != "TUR"


def test_kind_adjective_and_opposed_name_are_not_actors(run):
    doc, events = run("A military offensive began in the valley on Sunday.")
    (ev,) = _by_type(events, "ASSAULT")
    assert ev.actor is None
    doc, events = run("Gunmen attacked an anti-ISIS militia near the town.")
    (ev,) = _by_type(events, "ASSAULT")
    assert ev.recipient is not None and ev.recipient.id != "ISIS"


@pytest.mark.parametrize("text, expected", [
    ("The rebel leaders said they would free the hostages next week.", "AGREE"),
    ("The farmers' union said it would boycott the talks with the ministry.", "THREATEN"),
    ("Kenya announced that it will withdraw its troops from the mission unless the rebels "
     "accept a truce.", "THREATEN"),
])
def test_announced_future_acts_follow_plover(run, text, expected):
    doc, events = run(text)
    assert expected in {e.event_type for e in events}


def test_call_on_someone_to_act_makes_them_the_actor(run):
    doc, events = run("The governor called on residents to expel the gang from the market.")
    (ev,) = _by_type(events, "COERCE")
    assert ev.actor is not None and "residents" in ev.actor.text


def test_territory_taken_from_an_actor_makes_it_the_recipient(run):
    doc, events = run("The rebels said they had captured three roads and two positions from "
                      "ISIS near the river.")
    (ev,) = [e for e in _by_type(events, "ASSAULT") if _span(doc, e) == "captured"]
    assert ev.recipient is not None and ev.recipient.id == "ISIS"


def test_possessor_description_gives_its_group(run):
    doc, events = run("ISIS lost its last village in the valley. The deal would allow the "
                      "terror group's commanders to withdraw to the desert.")
    (ev,) = [e for e in events if _span(doc, e) == "withdraw"]
    assert ev.actor is not None and ev.actor.id == "ISIS"


def test_mediation_between_parties_and_readiness_to_contribute(run):
    doc, events = run("The regional envoy launched a mediation effort between the two states.")
    (ev,) = _by_type(events, "CONSULT")
    assert ev.actor is not None and "envoy" in ev.actor.text
    assert ev.recipient is not None and "states" in ev.recipient.text
    doc, events = run("Norway is ready to contribute 500 soldiers to the mission.")
    (ev,) = _by_type(events, "AGREE")
    assert ev.actor is not None and ev.actor.id == "NOR"


def test_civilians_moving_or_rallying_followers_are_not_events(run):
    doc, events = run("Men and women moved freely around the market square.")
    assert not _by_type(events, "MOBILIZE")
    doc, events = run("The preacher rallied followers to join the movement.")
    assert not _by_type(events, "PROTEST")
    doc, events = run("The army moved to the south of the province.")
    assert _by_type(events, "MOBILIZE")


def test_announcement_rule_needs_the_source_as_subject_of_the_reported_clause(run):
    doc, events = run("A witness said the commander then went to the village, from where he "
                      "fled to the desert in January.")
    assert "AGREE" not in {e.event_type for e in events}
    assert "THREATEN" not in {e.event_type for e in events}


def test_named_modifier_of_a_group_noun_and_based_civilians(run):
    doc, events = run("The Pentagon formed a force to fight the Islamic State (Isis) terror "
                      "group in the east.")
    (ev,) = [e for e in _by_type(events, "ASSAULT") if _span(doc, e) == "fight"]
    assert ev.recipient is not None and ev.recipient.id == "ISIS"
    doc, events = run("A western diplomat based in the region said the talks had failed.")
    assert not _by_type(events, "MOBILIZE")


def test_definite_event_noun_continues_the_previous_episode(run):
    doc, events = run("On Friday, ten ISIS fighters stormed a US base near the oilfield. The "
                      "attack was heralded by a blast on a bridge.")
    (ev,) = [e for e in events if _span(doc, e) == "attack"]
    assert ev.actor is not None and ev.actor.id == "ISIS"
    doc, events = run("Rebels shelled the town in May. In Geneva, diplomats said the attack "
                      "on the hospital was a crime.")
    (ev,) = [e for e in events if _span(doc, e) == "attack"]
    assert ev.actor is None  # "the attack on the hospital" has roles of its own


@pytest.mark.parametrize("text, expected", [
    ("The deputy minister has declined to resign despite the protests.", "REJECT"),
    ("The governor announced that he will extend the curfew in the capital.", "THREATEN"),
])
def test_refusals_and_announced_restrictions(run, text, expected):
    doc, events = run(text)
    assert expected in {e.event_type for e in events}


def test_declining_to_comment_is_no_refusal(run):
    doc, events = run("The spokesman declined to comment on the report.")
    assert not _by_type(events, "REJECT")


def test_the_government_forces_are_the_focus_state_not_the_last_army_named(run):
    doc, events = run("Syrian officials in Damascus said Syria would not stop. Russian jets bombed "
                      "Idlib. The government forces attacked the rebels near the river.")
    attack = next(e for e in events if _span(doc, e).startswith("attacked"))
    assert attack.actor.id == "SYR_MIL"
