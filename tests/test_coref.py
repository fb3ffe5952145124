"""Pronoun and definite-description resolution over the actor mentions."""

from __future__ import annotations

import pytest

from claimbase.nlp.actors import find_actors
from claimbase.nlp.coref import antecedent, constraint_for, resolve
from claimbase.record import Document


def run(resources, text: str) -> Document:
    doc = Document(text=text, ref="t")
    doc.spacy_doc = resources.nlp(doc.analysis_text)
    find_actors(doc, resources)
    return doc


def ante(doc: Document, phrase: str, nth: int = 0) -> str | None:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(phrase, start + 1)
    found = antecedent(doc, start, start + len(phrase))
    return found.id if found is not None else None


def test_person_pronouns_want_persons(resources):
    doc = run(resources, "Sergei Lavrov met officials of the SDF in Moscow. He said talks "
                         "would continue.")
    assert ante(doc, "He") == "SERGEI_LAVROV"


def test_it_wants_a_singular_organisation(resources):
    doc = run(resources, "Hundreds of civilians fled as Hezbollah advanced. It said "
                         "the town was secured.")
    assert ante(doc, "It") == "HEZBOLLAH"


def test_they_skips_persons_and_state_names(resources):
    doc = run(resources, "The SDF said on Monday that Donald Trump and the US had been "
                         "informed. They captured the town anyway.")
    assert ante(doc, "They") == "SDF"


def test_terror_descriptions_prefer_jihadist_groups(resources):
    doc = run(resources, "ISIS lost its last village. After weeks of fighting, the Syrian "
                         "Democratic Forces declared the defeat of the terror group.")
    assert ante(doc, "the terror group") == "ISIS"


def test_the_army_wants_a_military(resources):
    doc = run(resources, "Iran sent advisers while Syrian troops massed near Deraa. "
                         "The army then shelled the villages.")
    assert ante(doc, "The army") == "SYR_MIL"


def test_object_description_is_not_the_clause_subject(resources):
    doc = run(resources, "Hurras al-Din fighters crossed the river. Then the SDF attacked "
                         "the group near the bridge.")
    assert ante(doc, "the group") == "HURRAS_DIN"


def test_search_stops_two_paragraphs_back(resources):
    doc = run(resources, "Hezbollah said it would respond.\n\nNothing happened for days.\n\n"
                         "Then it struck.")
    assert ante(doc, "it", nth=1) is None
    assert ante(doc, "it", nth=0) == "HEZBOLLAH"


def test_resolve_fills_generic_mentions(resources):
    doc = run(resources, "Hayat Tahrir al-Sham shelled the town. Hours later, militants "
                         "attacked a checkpoint.")
    militants = next(m for m in doc.actors if m.text == "militants")
    assert militants.id is None and militants.sector == "REB"
    resolved = resolve(doc, militants)
    assert resolved.id == "HTS" and (resolved.start, resolved.end) == (militants.start,
                                                                       militants.end)


@pytest.mark.parametrize(("text", "anaphoric"), [
    ("he", True), ("their", True), ("the group", True), ("the terror group", True),
    ("its fighters", True), ("the town", False), ("Damascus", False), ("a group", False),
])
def test_what_counts_as_anaphoric(text, anaphoric):
    assert (constraint_for(text) is not None) is anaphoric


def test_a_bare_head_noun_takes_its_determiner(resources):
    doc = run(resources, "Hurras al-Din fighters crossed the river. Later the group "
                         "withdrew.")
    start = doc.text.index("group")
    found = antecedent(doc, start, start + len("group"))
    assert found is not None and found.id == "HURRAS_DIN"


def test_unlisted_named_person_blocks_an_earlier_listed_one(resources):
    doc = run(resources, "The talks left Bashar al-Assad in office. Yusuf al-Karimi, a "
                         "delegate of the council, said he accepted the outcome.")
    start = doc.text.index(" he ") + 1
    found = antecedent(doc, start, start + 2)
    assert found is not None and found.text == "Yusuf al-Karimi" and found.id is None


def test_qualified_bare_descriptions_are_not_anaphors(resources):
    assert constraint_for("Shia fighters") is None
    assert constraint_for("local militants") is None
    assert constraint_for("hundreds of militants") is not None
    assert constraint_for("foreign fighters") is not None


@pytest.mark.parametrize("outlet, expected", [
    ("Syrian Democratic Forces", "SDF"),  # a press release: "our forces" are the issuer's
    ("Reuters", None),  # a news outlet's "we" names no armed party
    (None, None),
])
def test_first_person_is_the_issuing_organization(pipeline, outlet, expected):
    from claimbase.record import DocMeta

    text = ("Our forces repelled an attack by militants on a checkpoint near the river on "
            "Monday night, killing four of the attackers.")
    doc = pipeline.process(Document(text=text, ref="<test>", meta=DocMeta(outlet=outlet)))
    repelled = next(ev for ev in doc.events
                    if text[ev.trigger_start:ev.trigger_end].startswith("repelled"))
    assert (repelled.actor.id if repelled.actor else None) == expected


def test_first_person_in_a_quotation_is_the_quoted_organization(pipeline):
    from claimbase.record import DocMeta

    text = ('The Turkish Defence Ministry said on Sunday: "Our units destroyed two positions of '
            'the militants near the border." Omar Khalil, a shopkeeper, said: "We heard the blasts all '
            'night."')
    doc = pipeline.process(Document(text=text, ref="<test>", meta=DocMeta(outlet="Reuters")))
    units = text.index("Our units")
    ministry = antecedent(doc, units, units + len("Our units"))
    assert ministry is not None and ministry.country == "TUR"
    we = text.index("We heard")
    assert antecedent(doc, we, we + 2) is None  # a named person's "we": their side is unknown


@pytest.mark.parametrize("source", [
    "A spokesman for the Houthis",  # the side on a "for" phrase of the speaker noun
    "Houthi military spokesman Yahya Saree",  # the side as a modifier of the speaker
])
def test_first_person_of_an_unlisted_speaker_is_the_side_they_speak_for(pipeline, source):
    text = f"{source} said on Tuesday: “Our air defences shot down a Saudi drone over Saada.”"
    doc = pipeline.process(Document(text=text, ref="<test>"))
    ours = text.index("Our air defences")
    side = antecedent(doc, ours, ours + len("Our air defences"))
    assert side is not None and side.id == "HOUTHIS"


@pytest.mark.parametrize("text, anaphor, expected", [
    # an armed-group label is the group the article itself calls so, not the last one named
    ("Houthi rebels seized two districts of Marib on Monday. Islamic State also claimed a "
     "bombing in the province. On Tuesday the rebels shelled the city centre.", "the rebels",
     "HOUTHIS"),
    # a possessive in an embedded clause with its own subject skips the main subject
    ("The SDF ignored the role of Hezbollah and the fact that its supply routes ran through "
     "Syria.", "its", "HEZBOLLAH"),
    # … in its own clause it is that clause's subject, not the last group named
    ("After Isis lost Baghuz, the SDF announced its victory in Deir ez-Zor.", "its", "SDF"),
    # … a subjectless purpose clause belongs to the clause above
    ("Hezbollah has a long record of staging raids on Israel in order to hide its deals with "
     "Tehran.", "its", "HEZBOLLAH"),
    # … the subject of a coordinated clause looks up to the first clause
    ("Russia is bombing Islamic State fighters, but its presence also protects the regime.",
     "its", "RUS"),
])
def test_labels_and_possessives_in_their_clauses(resources, text, anaphor, expected):
    assert ante(run(resources, text), anaphor) == expected
