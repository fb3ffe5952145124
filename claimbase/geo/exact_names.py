"""The exact-name table of the gazetteer index: each alias key with its look-up result made.

An exact look-up (the name's `norm` key is an alias of some place) is the most common one.
Read from the aliases and places tables it is an index range scan plus one places row per
candidate, each on its own page; the `exact` table answers it with one read of a WITHOUT
ROWID table keyed by the name: the alias's folded key and the candidates' rows, already one
per place and in prior order (`_by_prior` of claimbase.geo.gazetteer), marshalled, and the
gazetteer ids of the places it is a curated name of (`Gazetteer.curated_name`).

Rows are the 16 values of a `Candidate` (its place columns, then match "exact" and
similarity 1.0, then the place's own name keys), marshalled in format version 4 (read by
every Python from 3.4 on). `fill` (re)writes the table from the aliases and places tables:
run it after the last change to either (a build, whole; an import, for the keys it
touches), once the aliases_norm index exists.
"""

from __future__ import annotations

import marshal
import sqlite3
from collections.abc import Iterable, Iterator

MARSHAL_VERSION = 4
# as the old exact look-up: at most this many alias rows of one key, in index order
ROW_LIMIT = 400

TABLE = """
CREATE TABLE IF NOT EXISTS exact (
    norm TEXT PRIMARY KEY, fold TEXT NOT NULL, candidates BLOB NOT NULL, curated BLOB
) WITHOUT ROWID;
"""
QUERY = "SELECT fold, candidates FROM exact WHERE norm = ?"
CURATED_QUERY = "SELECT curated FROM exact WHERE norm = ?"
CURATED = "curated"  # aliases.kind of a curated name of a town (town_aliases.tsv)

# the place columns of a Candidate, in its field order
PLACE_COLUMNS = ("id", "gid", "name", "lat", "lon", "country", "admin1", "admin2", "feature",
                 "population", "importance", "precision")


def _alias_rows(con: sqlite3.Connection, key: str | None = None) -> Iterator[tuple]:
    """(norm, fold, kind, Candidate values) of every alias row (or those of the alias key
    `key`), in aliases_norm order."""
    cols = ", ".join(f"p.{c}" for c in PLACE_COLUMNS)
    sql = (f"SELECT a.norm, a.fold, a.kind, {cols}, 'exact', 1.0, p.name_norm, p.name_fold "
           "FROM aliases a JOIN places p ON p.id = a.place")
    if key is None:
        yield from con.execute(f"{sql} ORDER BY a.norm, a.fold, a.place")
    else:
        yield from con.execute(f"{sql} WHERE a.norm = ? ORDER BY a.fold, a.place", (key,))


def candidate_rows(rows: list[tuple]) -> tuple[tuple, ...]:
    """One key's Candidate rows from its alias rows (in index order): the first ROW_LIMIT
    alias rows, one per place, best prior first (importance down, then id)."""
    best: dict[int, tuple] = {}
    for row in rows[:ROW_LIMIT]:
        best.setdefault(row[0], row)
    return tuple(sorted(best.values(), key=lambda r: (-r[10], r[0])))


def encode(rows: tuple[tuple, ...]) -> bytes:
    return marshal.dumps(rows, MARSHAL_VERSION)


def decode(blob: bytes) -> tuple[tuple, ...]:
    return marshal.loads(blob)


def fill(con: sqlite3.Connection, keys: Iterable[str] | None = None,
         batch: int = 50_000) -> int:
    """(Re)write the exact table from the aliases and places tables, whole or (`keys`) the
    rows of these alias keys only; returns the number of rows written."""
    con.executescript(TABLE)
    if keys is None:
        con.execute("DELETE FROM exact")
        rows = _alias_rows(con)
    else:
        keys = sorted(set(keys))
        con.executemany("DELETE FROM exact WHERE norm = ?", [(k,) for k in keys])
        rows = (row for k in keys for row in _alias_rows(con, k))
    out: list[tuple[str, str, bytes, bytes | None]] = []
    count = 0
    key = fold = None
    group: list[tuple] = []
    curated: set[str | None] = set()
    for row in rows:
        if row[0] != key:
            if group:
                out.append(_row(key, fold, group, curated))
            key, fold, group, curated = row[0], row[1], [], set()
            if len(out) >= batch:
                con.executemany("INSERT INTO exact VALUES (?,?,?,?)", out)
                count += len(out)
                out.clear()
        group.append(row[3:])
        if row[2] == CURATED:
            curated.add(row[4])
    if group:
        out.append(_row(key, fold, group, curated))
    con.executemany("INSERT INTO exact VALUES (?,?,?,?)", out)
    return count + len(out)


def _row(key: str, fold: str, group: list[tuple],
         curated: set[str | None]) -> tuple[str, str, bytes, bytes | None]:
    """The exact table's row of one alias key."""
    return (key, fold, encode(candidate_rows(group)),
            marshal.dumps(frozenset(curated), MARSHAL_VERSION) if curated else None)


def curated_ids(blob: bytes | None) -> frozenset[str | None]:
    """The gazetteer ids of the places the key is a curated name of (the curated column)."""
    return marshal.loads(blob) if blob else frozenset()
