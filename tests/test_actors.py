"""The actor dictionary (data + lookups) and the `actors` stage."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from claimbase.nlp.actors import (
    ACTORS_FILE,
    KINDS,
    SECTORS,
    ActorDictionary,
    find_actors,
    read_actor_file,
)
from claimbase.record import Boilerplate, Document
from tests.conftest import ROOT, shared_path

FLOORS = ROOT / "tests" / "floors" / "nlp.json"


@pytest.fixture(scope="module")
def book() -> ActorDictionary:
    return ActorDictionary.load()


def run(resources, text: str, boilerplate: list[Boilerplate] | None = None) -> Document:
    doc = Document(text=text, ref="t", boilerplate=boilerplate or [])
    doc.spacy_doc = resources.nlp(doc.analysis_text)
    find_actors(doc, resources)
    return doc


def ids(doc: Document) -> dict[str, str | None]:
    return {m.text: m.id for m in doc.actors}


# ---------------------------------------------------------------------- the data
def test_dictionary_size_ids_and_fields(book):
    assert len(book) >= 220
    raw = read_actor_file(ACTORS_FILE)
    dup = [i for i, n in Counter(a.id for a in raw).items() if n > 1]
    assert dup == [], f"duplicate ids in actors.yaml: {dup}"
    for actor in book:
        assert actor.sector in SECTORS, actor.id
        assert actor.kind in KINDS, actor.id
        assert actor.country is None or len(actor.country) == 3, actor.id
    assert {"ISIS", "SDF", "SYR_MIL", "SYR_GOV", "USA", "USA_MIL", "US_COALITION", "PMU",
            "IRQ_MIL", "IRQ_GOV", "RUS", "RUS_MIL", "HEZBOLLAH", "HTS", "AL_QAEDA", "ALF",
            "SNA", "AMN", "CNN", "AL_MAYADEEN"} <= {a.id for a in book}


def test_aliases_are_unambiguous(book):
    assert book.ambiguous == {}, f"aliases claimed by several actors: {book.ambiguous}"


def test_every_kind_of_actor_is_covered(book):
    kinds = Counter(a.kind for a in book)
    assert kinds["state"] >= 190
    for kind in ("military", "armed_group", "igo", "ngo", "media", "person"):
        assert kinds[kind] >= 8, kind
    assert sum(a.kind == "media" and a.sector == "JRN" for a in book) >= 40


@pytest.mark.parametrize(("text", "expected"), [
    ("the United States", "USA"), ("The U.S.'s", "USA"), ("US", "USA"), ("America", "USA"),
    ("Daesh", "ISIS"), ("Da’esh", "ISIS"), ("Daish", "ISIS"), ("DAESH", "ISIS"),
    ("ISIS's", "ISIS"), ("IS", "ISIS"), ("Islamic State of Iraq and the Levant", "ISIS"),
    ("Hashd al-Shaabi", "PMU"), ("Hashd Al-Sha'abi", "PMU"), ("al-Hashd al-Shaabi", "PMU"),
    ("Jabhat an-Nusra", "HTS"), ("Jabhat al Nusra", "HTS"), ("Hay’at Tahrir ash-Sham", "HTS"),
    ("hayat tahrir al-sham", "HTS"), ("Hizbollah", "HEZBOLLAH"), ("al Qaida", "AL_QAEDA"),
    ("Erdoğan", "RECEP_TAYYIP_ERDOGAN"), ("Erdogan", "RECEP_TAYYIP_ERDOGAN"),
    ("Qassem Suleimani", "QASEM_SOLEIMANI"), ("the Syrian Arab Army", "SYR_MIL"),
    ("Syrian", "SYR_GOV"), ("Turkish", "TUR"), ("CENTCOM", "USA_MIL"),
    ("Kurdistan Workers’ Party", "PKK"), ("Medecins Sans Frontieres", "MSF"),
])
def test_lookup_variants(book, text, expected):
    found = book.lookup(text)
    assert found is not None and found.id == expected, (text, found)


@pytest.mark.parametrize("text", ["us", "is", "it", "", "   ", "the", "Damascus", "economist"])
def test_lookup_rejects_words_and_capitals(book, text):
    assert book.lookup(text) is None


def test_state_helpers(book):
    assert book.capital("Damascus").id == "SYR_GOV"
    assert book.capital("Ankara").id == "TUR"
    assert book.military_of("IRQ").id == "IRQ_MIL"
    derived = book.military_of("NOR")
    assert derived.id == "NOR_MIL" and derived.sector == "MIL" and derived.country == "NOR"
    assert book.government_of("IRQ").id == "IRQ_GOV"
    assert book.government_of("FRA").id == "FRA"


def test_states_refined_by_the_yaml_keep_their_country_name(book):
    """SYR_GOV / IRQ_GOV are states.tsv rows merged with their actors.yaml government entry:
    the country's own name still finds them, and is still a state name."""
    for name, ident in (("Syria", "SYR_GOV"), ("Iraq", "IRQ_GOV"), ("the Syrian government",
                                                                   "SYR_GOV")):
        found = book.lookup(name)
        assert found is not None and found.id == ident and found.is_state
    assert book.is_state_name("Syria") and book.is_state_name("Iraq")


def test_patterns_for_the_ruler(book):
    patterns = book.patterns()
    by_id = Counter(p["id"] for p in patterns)
    assert by_id["HTS"] >= 10 and by_id["ISIS"] >= 10
    assert not any(p["id"] == "SYR_GOV" and p["pattern"] == "Syria" for p in patterns)
    short = [p for p in patterns if p["id"] == "USA_MIL" and p["pattern"] == [{"ORTH": "DoD"}]]
    assert short, "short aliases must be case-sensitive token patterns"
    assert all(p["label"] in ("ORG", "PERSON") for p in patterns)


# ---------------------------------------------------------------------- user files
def test_user_files_add_and_override(tmp_path: Path):
    yml = tmp_path / "mine.yaml"
    yml.write_text(
        "- {id: LOCAL_BRIGADE, name: Local Brigade, kind: armed_group, sector: REB,\n"
        "   country: SYR, aliases: [Liwa al-Mahalli, the Local Brigade]}\n"
        "- {id: SDF, name: SDF (renamed), kind: armed_group, sector: UAF, country: SYR,\n"
        "   aliases: [Qasad]}\n", encoding="utf-8")
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text(json.dumps({"id": "NEW_OUTLET", "name": "Desert Wire", "kind": "media",
                                 "sector": "JRN", "aliases": ["DesertWire"]}) + "\n",
                     encoding="utf-8")
    book = ActorDictionary.load(extra=[yml, jsonl])
    assert book.lookup("Liwa al Mahalli").id == "LOCAL_BRIGADE"
    assert book.lookup("Desert Wire").id == "NEW_OUTLET"
    sdf = book.get("SDF")
    assert sdf.sector == "UAF" and sdf.name == "SDF (renamed)"
    assert book.lookup("Qasad").id == "SDF"
    assert book.lookup("Syrian Democratic Forces").id == "SDF"  # bundled aliases kept
    assert ActorDictionary.load().get("SDF").sector == "REB"  # the bundled data untouched


def test_user_file_alias_wins_over_bundled(tmp_path: Path):
    yml = tmp_path / "x.yaml"
    yml.write_text("- {id: MY_ISIS, name: Mine, kind: armed_group, sector: REB,\n"
                   "   aliases: [Daesh]}\n", encoding="utf-8")
    assert ActorDictionary.load(extra=[yml]).lookup("Daesh").id == "MY_ISIS"


@pytest.mark.parametrize(("content", "suffix", "message"), [
    ("- {id: lower_case, name: x, sector: REB}\n", ".yaml", "UPPER_SNAKE_CASE"),
    ("- {id: OK_ID, name: x, sector: XYZ}\n", ".yaml", "unknown sector"),
    ("- {id: OK_ID, name: x, kind: rebel}\n", ".yaml", "unknown kind"),
    ("- {id: OK_ID, name: x, country: Syria}\n", ".yaml", "is not ISO3"),
    ("{not json\n", ".jsonl", "invalid JSON"),
    ("id: X\n", ".yaml", "expected a list"),
])
def test_bad_user_files_give_one_line_errors(tmp_path: Path, content, suffix, message):
    path = tmp_path / f"bad{suffix}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError) as err:
        ActorDictionary.load(extra=[path])
    text = str(err.value)
    assert message in text and str(path) in text and "\n" not in text


def test_missing_user_file(tmp_path: Path):
    with pytest.raises(ValueError, match="cannot read actor file"):
        ActorDictionary.load(extra=[tmp_path / "nope.yaml"])


# ---------------------------------------------------------------------- the stage
def test_mentions_are_sorted_disjoint_and_anchored(resources):
    text = ("Syrian troops and Russian warplanes attacked positions held by Hayat Tahrir "
            "al-Sham, while US-backed forces advanced. Gunmen killed two civilians.")
    doc = run(resources, text)
    spans = [(m.start, m.end) for m in doc.actors]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(text[m.start:m.end] == m.text for m in doc.actors)
    got = ids(doc)
    assert got["Syrian troops"] == "SYR_MIL"
    assert got["Russian warplanes"] == "RUS_MIL"
    assert got["Hayat Tahrir al-Sham"] == "HTS"
    assert got["US"] == "USA"
    gunmen = next(m for m in doc.actors if m.text == "Gunmen")
    assert gunmen.id is None and gunmen.sector == "UNK" and gunmen.kind == "generic"
    assert got["two civilians"] == "CIV"


def test_state_militaries_from_demonyms(resources):
    doc = run(resources, "The Turkish army shelled the villages. Iraqi forces responded, and "
                         "French soldiers were seen nearby.")
    got = ids(doc)
    assert got["The Turkish army"] == "TUR_MIL"
    assert got["Iraqi forces"] == "IRQ_MIL"
    assert got["French soldiers"] == "FRA_MIL"


def test_capital_metonymy_only_for_agents(resources):
    doc = run(resources, "Damascus rejected the plan. Talks were held in Moscow, and "
                         "Ankara's response came later. The aid was sent by Washington.")
    got = ids(doc)
    assert got.get("Damascus") == "SYR_GOV"
    assert "Moscow" not in got
    assert got.get("Ankara") == "TUR"
    assert got.get("Washington") == "USA"


def test_countries_as_places_are_not_actors(resources):
    doc = run(resources, "Fighting continued in Syria. Turkey threatened to intervene.")
    got = ids(doc)
    assert "Syria" not in got
    assert got["Turkey"] == "TUR"
    doc = run(resources, "The convoy withdrew from Iraq after clashes in the north of Syria, "
                         "and Iraq protested.")
    got = ids(doc)
    assert "Syria" not in got
    assert [m.id for m in doc.actors if m.text == "Iraq"] == ["IRQ_GOV"]


def test_generic_descriptions_use_the_country_focus(resources):
    syria = run(resources, "In Syria, government forces shelled Idlib. Syrian officials in "
                           "Damascus said Syria would continue. Protesters gathered.")
    assert ids(syria)["government forces"] == "SYR_MIL"
    protesters = next(m for m in syria.actors if m.text == "Protesters")
    assert protesters.sector == "CVL"
    other = run(resources, "In Mali, government forces clashed with militants near Gao. "
                           "Malian officials said Mali would respond.")
    gov = next(m for m in other.actors if m.text == "government forces")
    assert gov.id == "MLI_MIL" and gov.sector == "MIL"
    militants = next(m for m in other.actors if m.text == "militants")
    assert militants.id is None and militants.sector == "REB"


def test_side_label_in_an_armed_groups_own_statement(resources):
    doc = run(resources, "On February 9, the YPG-linked Afrin Liberation Forces (ALF) announced "
                         "that Kurdish forces had carried out attacks in Afrin, Syria.")
    assert ids(doc)["Kurdish forces"] == "ALF"
    other = run(resources, "In Syria, Kurdish forces attacked the town. The army said Kurdish "
                           "forces had withdrawn.")
    assert {m.id for m in other.actors if m.text == "Kurdish forces"} == {"SDF"}


def test_unknown_persons_and_outlets(resources):
    doc = run(resources, "Commander Jamil Haddad told Reuters that the convoy was hit. "
                         "Spokesman Karim Nassar denied it, Al Mayadeen reported.")
    by_text = {m.text: m for m in doc.actors}
    haddad = next(m for t, m in by_text.items() if "Haddad" in t)
    assert haddad.kind == "person" and haddad.id is None and haddad.sector == "MIL"
    assert by_text["Reuters"].kind == "media" and by_text["Reuters"].sector == "JRN"
    assert by_text["Al Mayadeen"].id == "AL_MAYADEEN"


def test_known_person_with_title_and_later_surname(resources):
    doc = run(resources, "Russian President Vladimir Putin met envoys. Later, Putin said "
                         "the talks went well.")
    putin = [m for m in doc.actors if "Putin" in m.text]
    assert len(putin) == 2 and all(m.id == "VLADIMIR_PUTIN" for m in putin)


def test_nothing_inside_boilerplate(resources):
    text = "Subscribe to Reuters and CNN today!\nThe SDF captured the town."
    cut = text.index("\n")
    doc = run(resources, text, [Boilerplate(0, cut, "appeal")])
    assert all(m.start >= cut for m in doc.actors)
    assert ids(doc)["The SDF"] == "SDF"


# ---------------------------------------------------------------------- gold floors
def test_actor_resolution_floor_on_gold(resources):
    from claimbase.nlp.bench import actor_accuracy

    seeds = shared_path("seeds")
    gold = shared_path("gold", "seeds")
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    scores = actor_accuracy(resources.nlp, resources.actors, seeds, gold)
    for key in ("lookup", "find_actors", "with_coref"):
        assert scores[key] >= floors[f"actor_{key}"], (key, scores)


def test_sector_lexicon_refers_to_real_actors_and_sectors(book):
    from claimbase.nlp.lexicon import lexicon

    lex = lexicon()
    for word, entry in {**lex.generic, **lex.phrases}.items():
        assert entry.get("sector", "UNK") in SECTORS, word
        if entry.get("id"):
            assert book.get(entry["id"]) is not None, (word, entry["id"])
        for actor_id in (entry.get("focus_id") or {}).values():
            assert book.get(actor_id) is not None, (word, actor_id)
    for name, actor_id in lex.metonymy.items():
        assert book.get(actor_id) is not None, (name, actor_id)
    assert set(lex.titles.values()) <= SECTORS
    for _words, kind, sector in lex.org_words:
        assert kind in KINDS | {"organization"} and sector in SECTORS
    for entry in lex.coref.values():
        assert set(entry.get("sectors") or []) <= SECTORS


def test_loose_matches_yield_to_exact_place_names(resources):
    from claimbase.nlp.mentions import find_mentions

    book = resources.actors
    assert book.lookup("Al-Mayadin").id == "AL_MAYADEEN"  # transliteration skeleton
    assert book.lookup("Al-Mayadin", fuzzy=False) is None
    doc = Document(text="Al-Mayadin said the town was calm. Damascus denied it.", ref="t")
    doc.spacy_doc = resources.nlp(doc.analysis_text)
    places = {"al-mayadin", "damascus"}
    mentions = find_mentions(doc, book, is_place=lambda name: name.lower() in places)
    got = {m.text: m.id for m in mentions}
    assert got.get("Al-Mayadin") is None
    assert got.get("Damascus") == "SYR_GOV"  # metonymy is not a loose match


def test_common_words_and_opposed_names_are_not_actors(resources, book):
    doc = run(resources, "Coalition jets hit a VBIED near the dam, the monitor reported, and "
                         "an anti-ISIS militia moved in.")
    found = ids(doc)
    assert "VBIED" not in found
    assert "AL_MONITOR" not in found.values()
    assert "ISIS" not in found.values()
    assert book.lookup("the monitor") is None
    doc = run(resources, "Qaeda fighters raided the village, Al-Monitor reported.")
    assert {"AL_QAEDA", "AL_MONITOR"} <= set(ids(doc).values())


def test_forces_of_a_head_of_state_are_the_state_military(resources):
    doc = run(resources, "Assad forces shelled the suburbs while Assad's troops advanced.")
    assert set(ids(doc).values()) == {"SYR_MIL"}


def test_coalition_follows_the_document_when_the_sentence_is_silent(resources):
    # The focus is Britain; the only conflict state the article names is Iraq.
    iraq = run(resources, "The British volunteer returned to London from Manchester. "
                          "Britain said Britain would try him. He once lived with an Iraqi "
                          "family. "
                          "He said coalition jets bombed his street every night.")
    assert ids(iraq)["coalition jets"] == "US_COALITION"
    yemen = run(resources, "The British volunteer returned to London from Manchester. "
                           "Britain said Britain would try him. He once lived with a Yemeni "
                           "family. "
                           "He said coalition jets bombed his street every night.")
    assert ids(yemen)["coalition jets"] == "SAU_COALITION"
    unknown = run(resources, "The British volunteer returned to London from Manchester. "
                             "He said coalition jets bombed his street every night.")
    assert ids(unknown)["coalition jets"] is None
