"""The gazetteer's speed structures give the same look-ups as the plain tables.

No timings here: `claimbase gazetteer bench` measures speed. These tests check that the
structures made for speed (the exact-name table) answer what the aliases and places tables
answer.
"""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from claimbase.geo import build as builder
from claimbase.geo import exact_names
from claimbase.geo.gazetteer import _by_prior
from claimbase.geo.translit import fold, norm


def _plain_exact(gaz, key: str):
    """The exact look-up read from the aliases and places tables."""
    return _by_prior(gaz._query("a.norm = ?", (key,), "exact", 1.0))


@pytest.mark.parametrize("name", ["Aleppo", "Hama", "Springfield", "Georgia", "Paris",
                                  "Deir ez-Zor", "Mount Pleasant", "Washington"])
def test_exact_table_gives_the_plain_look_up(gaz, name):
    key = norm(name)
    found, fkey = gaz._exact(key)
    assert found and found == _plain_exact(gaz, key)
    assert [tuple(c) for c in found] == [tuple(c) for c in _plain_exact(gaz, key)]
    assert fkey == fold(name)


def test_exact_table_holds_every_alias_key_once(gaz):
    """Every alias key has one row, and a sample of them reads as the plain tables do."""
    con = gaz.con
    keys = con.execute("SELECT count(DISTINCT norm) FROM aliases").fetchone()[0]
    assert con.execute("SELECT count(*) FROM exact").fetchone()[0] == keys
    sample = [r[0] for r in con.execute(
        "SELECT DISTINCT norm FROM aliases WHERE rowid % 5000 = 0")]
    assert len(sample) > 50
    for key in sample:
        assert [tuple(c) for c in gaz._exact(key)[0]] == \
            [tuple(c) for c in _plain_exact(gaz, key)], key


def test_an_unknown_key_has_no_exact_row(gaz):
    assert gaz._exact("zzqx no such place qqz") == ((), None)


def test_candidate_rows_one_per_place_best_prior_first():
    # (id, ..., importance at index 10): place 2 twice, 3 and 1 with equal importance
    rows = [(i, None, "n", 0.0, 0.0, None, None, None, "city", 0, imp, None, "exact", 1.0,
             "n", "n") for i, imp in [(1, 2.0), (2, 5.0), (2, 5.0), (3, 2.0)]]
    assert [r[0] for r in exact_names.candidate_rows(rows)] == [2, 1, 3]
    many = [(i, *rows[0][1:]) for i in range(exact_names.ROW_LIMIT + 10)]
    assert len(exact_names.candidate_rows(many)) == exact_names.ROW_LIMIT


def test_fill_keeps_any_text_and_missing_fields():
    """Place text is stored as it is, separator marks and missing fields included."""
    con = sqlite3.connect(":memory:")
    con.executescript(builder.SCHEMA)
    con.executemany("INSERT INTO places (id, gid, name, lat, lon, country, admin1, feature, "
                    "population, importance, name_norm, name_fold) VALUES "
                    "(?,?,?,?,?,?,?,?,?,?,?,?)",
                    [(1, "x:1", "Tall", 36.1, 38.2, "SY", None, "city", 0, 0.0, "tall", "tl"),
                     (2, None, "Tall\x1fAbyad\x1e", None, None, None, "Raqqa", "city", 900,
                      2.95, "tall abyad", "tlbd")])
    con.executemany("INSERT INTO aliases VALUES (?,?,?,?,?)",
                    [("tall", "tl", 1, "name", "Tall"), ("tall", "tl", 2, "alt", "Tall"),
                     ("tall abyad", "tlbd", 2, "name", "Tall Abyad")])
    con.executescript(builder.INDEXES)
    assert exact_names.fill(con) == 2
    fold_key, blob = con.execute(exact_names.QUERY, ("tall",)).fetchone()
    assert fold_key == "tl"
    assert exact_names.decode(blob) == (
        (2, None, "Tall\x1fAbyad\x1e", None, None, None, "Raqqa", None, "city", 900, 2.95,
         None, "exact", 1.0, "tall abyad", "tlbd"),
        (1, "x:1", "Tall", 36.1, 38.2, "SY", None, None, "city", 0, 0.0, None, "exact", 1.0,
         "tall", "tl"))
    # filling again replaces the rows
    con.execute("DELETE FROM aliases WHERE place = 2")
    assert exact_names.fill(con) == 1
    assert len(exact_names.decode(con.execute(exact_names.QUERY, ("tall",)).fetchone()[1])) == 1


def test_an_import_refreshes_the_exact_rows_it_touches(resources, tmp_path):
    """Importing a dump (new places, a new name of a known place) and importing it again
    leaves the exact table as the plain tables read."""
    from claimbase.geo.gazetteer import Gazetteer

    index = tmp_path / "gazetteer.sqlite"
    shutil.copy(resources.gazetteer.path, index)
    aleppo = resources.gazetteer.resolve("Aleppo").gazetteer_id.split(":")[1]
    rows = [["-911", "Tallat Tajriba", "Tallat Tajriba", "Tajribat", "35.2", "39.3", "P",
             "PPL", "SY", "", "07", "", "", "", "800", "", "", "Asia/Damascus", "2024-01-01"],
            [aleppo, "Aleppo", "Aleppo", "Halab Tajribi", "36.2", "37.16", "P", "PPLA", "SY",
             "", "09", "", "", "", "0", "", "", "Asia/Damascus", "2024-01-01"]]
    dump = tmp_path / "made_up.txt"
    dump.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    for _ in range(2):
        assert builder.import_dump(index, dump) == {"new": 1, "merged": 1}
        gaz = Gazetteer.open(index)
        for name in ("Tallat Tajriba", "Tajribat", "Halab Tajribi", "Aleppo"):
            found = gaz._exact(norm(name))[0]
            assert found and [tuple(c) for c in found] == \
                [tuple(c) for c in _plain_exact(gaz, norm(name))], name


def test_curated_names_read_from_the_exact_table(gaz):
    """The curated ids of a key (town_aliases.tsv names) are those of its curated alias rows."""
    keys = [r[0] for r in gaz.con.execute(
        "SELECT DISTINCT norm FROM aliases WHERE kind = ? LIMIT 40", (builder.CURATED_ALIAS,))]
    keys += [norm("Aleppo"), norm("Springfield"), "zzqx no such place qqz"]
    assert len(keys) > 20
    for key in keys:
        plain = frozenset(r[0] for r in gaz.con.execute(
            "SELECT p.gid FROM aliases a JOIN places p ON p.id = a.place WHERE a.norm = ? "
            "AND a.kind = ?", (key, builder.CURATED_ALIAS)))
        assert gaz._curated_uncached(key) == plain, key
    assert any(gaz._curated_uncached(key) for key in keys)
