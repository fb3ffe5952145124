"""The offline gazetteer: one SQLite index of places and their aliases.

`Gazetteer.open()` finds (or builds, on first use) the index in the user cache directory:
`$CLAIMBASE_GAZETTEER`, else `$CLAIMBASE_HOME/gazetteer.sqlite`, else
`~/.cache/claimbase/gazetteer.sqlite`. Lookups go exact alias -> transliteration-folded key ->
fuzzy match on a blocked subset; `resolve` ranks candidates by prior (population, kind of
feature) and the document context (country focus, admin hints, nearby places, cue words).
A country, state or big capital outranks a far smaller namesake unless the document is
about the namesake's own state; a town found only by an alternate name unlike its own
ranks lower; loose spellings in countries the document does not point at are dropped.
"""

from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

from rapidfuzz import fuzz, process

from claimbase.geo import build as builder
from claimbase.geo import exact_names
from claimbase.geo.namesakes import (
    COUNTRY_WEIGHT,
    NAMED_COUNTRY_SHARE,
    alias_penalty,
    size_among_named_countries,
)
from claimbase.geo.near_namesakes import far_namesake
from claimbase.geo.town_use import countries_below_towns
from claimbase.geo.translit import ARTICLES, fold, norm, strip_accents
from claimbase.record import Place

ADMIN_FEATURES = frozenset({"admin1", "admin2", "admin3", "admin"})
AREA_FEATURES = frozenset({"country", "continent", "admin1", "region", "desert", "mountains",
                           "water", "river"})
CITY_FEATURES = frozenset({"city", "capital", "village", "town", "locality"})
VARIANT_FEATURES = CITY_FEATURES | {"admin2", "admin3"}
SITE_FEATURES = frozenset({"oil field", "gas field", "mine", "military base", "airport", "camp",
                           "dam", "border crossing", "refinery", "site"})

_COLUMNS = ("id, gid, name, lat, lon, country, admin1, admin2, feature, population, importance,"
            " precision")
# the Candidate fields in order: place columns, then the bound match and similarity, then the
# place's own name keys; then (not Candidate fields) the alias's folded key and the alias key
_FIELDS = (f"SELECT {', '.join('p.' + c.strip() for c in _COLUMNS.split(','))}, ?, ?, "
           "p.name_norm, p.name_fold, a.fold")
_FROM = " FROM aliases a JOIN places p ON p.id = a.place"
_SELECT = f"{_FIELDS}, a.norm{_FROM}"


def default_path() -> Path:
    """Where the gazetteer lives unless a path is given."""
    if env := os.environ.get("CLAIMBASE_GAZETTEER"):
        return Path(env)
    if home := os.environ.get("CLAIMBASE_HOME"):
        return Path(home) / "gazetteer.sqlite"
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "claimbase" / "gazetteer.sqlite"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


class Candidate(NamedTuple):
    """One gazetteer entry a name may refer to, with how it matched.

    An immutable named tuple made straight from an index row (many times faster to create
    than a frozen dataclass); equality, hashing and repr cover the first 14 fields, as the
    dataclass it replaces did.
    """

    id: int
    gid: str | None
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    admin2: str | None
    feature: str
    population: int
    importance: float
    precision: int | None
    match: str  # exact | fold | fuzzy
    similarity: float  # 0..1 between the query and the matched alias
    # norm() and fold() of `name`, read from the index (None: computed when needed)
    name_norm: str | None = None
    name_fold: str | None = None

    def to_place(self, text: str = "", start: int = 0, end: int = 0,
                 score: float | None = None, precision: int | None = None) -> Place:
        return Place(text=text or self.name, start=start, end=end, name=self.name,
                     gazetteer_id=self.gid, lat=self.lat, lon=self.lon, country=self.country,
                     admin1=self.admin1, admin2=self.admin2, feature=self.feature,
                     precision=precision or self.precision, score=score)

    def __repr__(self) -> str:
        fields = ", ".join(f"{f}={v!r}" for f, v in zip(self._fields[:_IDENTITY],
                                                         self[:_IDENTITY], strict=True))
        return f"Candidate({fields})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not Candidate:
            return NotImplemented
        return self[:_IDENTITY] == other[:_IDENTITY]

    def __ne__(self, other: object) -> bool:
        if type(other) is not Candidate:
            return NotImplemented
        return self[:_IDENTITY] != other[:_IDENTITY]

    def __hash__(self) -> int:
        return hash(self[:_IDENTITY])


_IDENTITY = 14  # Candidate fields that make its identity (the name keys follow from `name`)
_new_candidate = tuple.__new__  # _new_candidate(Candidate, row): a Candidate from 16 values
_candidate = partial(_new_candidate, Candidate)  # _candidate(row): the same


@dataclass
class Context:
    """What the document tells about where a name is.

    countries: resolved countries in the document so far (focus); admin1: a state/province
    named right after the mention ("Springfield, Ill."); country: a country named right after
    it; points: coordinates of places already resolved; cue: a word next to the mention
    ("province", "city", "village", "mine"…); province_word: a province word stands by the
    mention, also in a list or with a compass word ("Aleppo and Hama provinces", "northern
    Hama": `province_words.province_word`), so a province keeps its name from its seat city.
    """

    countries: Counter = field(default_factory=Counter)
    admin1: str | None = None
    country: str | None = None
    points: list[tuple[float, float]] = field(default_factory=list)
    cue: str | None = None
    admins: Counter = field(default_factory=Counter)
    actors: Counter = field(default_factory=Counter)  # countries of the document's actors
    counties: frozenset = frozenset()  # (admin1, admin-2 name key) named in the document
    province_word: bool = False
    # the name read is the town inside a feature's name ("Kishwaukee" of "Kishwaukee
    # River"): a feature lies by the story's places, so only a namesake near them is it
    feature_of: bool = False
    # the name is used as only a town's can be ("a Lebanon teenager", "the Malta Fire
    # Department": `town_use.town_use`), so no country reading outranks its towns
    town_use: bool = False
    # the text sets something beside the name ("three miles north of Brandon"): a town
    # far from the story's places is no reading of it (`near_namesakes.far_beside`)
    beside: bool = False

    def nearest_km(self, lat: float, lon: float) -> float:
        """Distance to the nearest of the last 8 points the story's places gave (infinite
        with none)."""
        points = self.points[-8:]
        if not points:
            return math.inf
        # `haversine_km` to each point, the same operations with the candidate's own terms
        # worked out once
        radians, sin = math.radians, math.sin
        p1 = radians(lat)
        cos1 = math.cos(p1)
        best = math.inf
        for a, b in points:
            p2 = radians(a)
            h = sin((p2 - p1) / 2) ** 2 + cos1 * math.cos(p2) * sin(radians(b - lon) / 2) ** 2
            d = 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
            if d < best:
                best = d
        return best

    def key(self) -> tuple:
        top = _top3(self.countries) + _top3(self.admins) + _top3(self.actors)
        pts = tuple((round(a, 1), round(b, 1)) for a, b in self.points[-8:]) \
            if self.points else ()
        return (top, self.admin1, self.country, pts, self.cue, self.counties,
                self.province_word, self.feature_of, self.town_use, self.beside)


def _top3(counts: Counter) -> tuple:
    """The three most common (key, count) pairs, sorted: `sorted(counts.most_common(3))`."""
    if not counts:
        return ()
    if len(counts) <= 3:
        return tuple(sorted(counts.items()))
    # what `most_common(3)` picks (its heap is slower on a few dozen keys; ties alike)
    return tuple(sorted(sorted(counts.items(), key=itemgetter(1), reverse=True)[:3]))


CUE_FEATURES = {
    "province": ADMIN_FEATURES, "governorate": ADMIN_FEATURES, "state": ADMIN_FEATURES,
    "county": ADMIN_FEATURES, "parish": ADMIN_FEATURES, "region": ADMIN_FEATURES | AREA_FEATURES,
    "countryside": ADMIN_FEATURES | CITY_FEATURES, "district": ADMIN_FEATURES,
    "city": CITY_FEATURES, "town": CITY_FEATURES, "village": CITY_FEATURES,
    "hamlet": CITY_FEATURES,
    "route": CITY_FEATURES,  # "the road to X": a town, though a country or state stays one
    "mine": SITE_FEATURES, "field": SITE_FEATURES, "base": SITE_FEATURES,
    "airport": SITE_FEATURES, "camp": SITE_FEATURES, "dam": SITE_FEATURES,
    "crossing": SITE_FEATURES, "desert": AREA_FEATURES,
    "water": frozenset({"water", "river"}), "mountains": frozenset({"mountains", "region"}),
}

# a feature word in the name itself ("Red Sea", "Gulf of Aden", "Zagros Mountains") is the
# name's own cue: the sea, not the governorate named after it
_NAME_CUE_WORDS = {
    "sea": "water", "ocean": "water", "gulf": "water", "bay": "water", "lake": "water",
    "strait": "water", "straits": "water", "channel": "water", "river": "water",
    "mountains": "mountains", "mountain": "mountains", "mount": "mountains", "range": "mountains",
    "desert": "desert",
}
_NAME_WORDS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=65_536)
def name_cue(name: str) -> str | None:
    """The cue the name's own first or last word gives ("Red Sea" -> "water"), if any."""
    if name.isalpha():
        return None  # one word (every letter is a word character)
    words = _NAME_WORDS.findall(name)
    if len(words) < 2:
        return None
    return _NAME_CUE_WORDS.get(words[-1].lower()) or _NAME_CUE_WORDS.get(words[0].lower())


# a name whose skeleton has two letters only matches loosely when it has this many letters,
# the entry's name one more or fewer at most, and its spelling is this close to the entry's
_SHORT_FOLD_MIN_LEN = 7
_SHORT_FOLD_SIM = 0.8

class Gazetteer:
    """Read access to the gazetteer index, with cached lookups."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._candidates = lru_cache(maxsize=200_000)(self._lookup)
        self._resolve = lru_cache(maxsize=200_000)(self._resolve_uncached)
        self._has_name = lru_cache(maxsize=200_000)(self._has_name_uncached)
        self._curated = lru_cache(maxsize=50_000)(self._curated_uncached)
        self._rank_plain = lru_cache(maxsize=100_000)(self._rank_plain_uncached)
        self._block = lru_cache(maxsize=64)(self._block_uncached)
        self._contexts: dict[tuple, Context] = {}

    def clear_caches(self) -> None:
        """Forget every cached look-up (the next ones are cold again)."""
        for cached in (self._candidates, self._resolve, self._has_name, self._rank_plain,
                       self._block, self._curated):
            cached.cache_clear()
        self._contexts.clear()
        name_cue.cache_clear()

    # ------------------------------------------------------------ opening and building

    @classmethod
    def open(cls, path: Path | str | None = None, build: bool = True) -> Gazetteer:
        """Open the index at `path` (or the default path), building it first if needed."""
        target = Path(path) if path else default_path()
        if not cls._usable(target):
            if not build:
                raise FileNotFoundError(f"{target}: no gazetteer index (run "
                                        "`claimbase gazetteer build`)")
            imports = cls._previous_imports(target)
            builder.build(target, imports=imports)
        return cls(target)

    @staticmethod
    def _usable(path: Path) -> bool:
        if not path.exists():
            return False
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            row = con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            con.close()
        except sqlite3.DatabaseError:
            return False
        return bool(row) and row[0] == builder.SCHEMA_VERSION

    @staticmethod
    def _previous_imports(path: Path) -> list[Path]:
        if not path.exists():
            return []
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            row = con.execute("SELECT value FROM meta WHERE key='imports'").fetchone()
            con.close()
        except sqlite3.DatabaseError:
            return []
        return [Path(p) for p in json.loads(row[0])] if row else []

    @property
    def con(self) -> sqlite3.Connection:
        """This thread's read-only connection.

        Opened `immutable`: the index is only ever replaced whole (build and import write a
        new file and rename it over the old one, so an open connection keeps reading the file
        it opened), which spares every query SQLite's file locking and change check. It is
        not memory-mapped: mapped pages would count in each worker's resident memory (about
        130 MB more after a long run) for no measurable speed.
        """
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{quote(str(self.path))}?mode=ro&immutable=1", uri=True,
                                  check_same_thread=False)
            self._local.con = con
        return con

    def meta(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT key, value FROM meta").fetchall())

    def stats(self) -> dict[str, Any]:
        rows = self.con.execute("SELECT source, COUNT(*) FROM places GROUP BY source")
        by_source: Counter = Counter()
        for source, n in rows:
            by_source[source.split(":")[0]] += n
        return {"path": str(self.path), "by_source": dict(by_source), **self.meta()}

    # ------------------------------------------------------------ lookup

    def candidates(self, name: str) -> list[Candidate]:
        """Every entry the name may refer to, best prior first (cached)."""
        return list(self._candidates(name)[0])

    def _lookup(self, name: str) -> tuple[tuple[Candidate, ...], str | None]:
        """The candidates, and fold(name) when an exact alias row gave it (else None)."""
        key = norm(name)
        if not key:
            return (), None
        found, fkey = self._exact(key)
        if (alt := abbreviation_variant(key)) is not None:
            # "Mt. Pleasant" is also every town "Mount Pleasant" the index has under its full
            # name (towns only: "St. Thomas" is no name of the island district Saint Thomas)
            more = [c for c in self._exact(alt)[0] if c.feature in VARIANT_FEATURES]
            if more:
                found = _by_prior([*found, *more])
        for variant in (() if found else site_kind_variants(key)):
            found = self._exact(variant)[0]
            if found:
                alt = variant  # the fold of the name is not the variant's
                break
        if found:
            # fold() depends on norm() alone: the alias's fold is the name's, unless the
            # candidates came from another key (_main_names_first then folds the name)
            return found, (fkey if alt is None else None)
        found = []
        bare = " ".join(t for t in key.split() if t not in ARTICLES)
        if bare and bare != key:
            found = self._query("a.norm = ?", (bare,), "exact", 0.97)
        if not found:
            found = self._fold_matches(name, key)
        if not found:
            found = self._fuzzy(key)
        return _by_prior(found), None

    def _exact(self, key: str) -> tuple[tuple[Candidate, ...], str | None]:
        """The candidates whose alias key is `key`, best prior first, and the alias's folded
        key (None when no alias has that key), read from the exact table."""
        row = self.con.execute(exact_names.QUERY, (key,)).fetchone()
        if row is None:
            return (), None
        return tuple(map(_candidate, exact_names.decode(row[1]))), row[0]

    def _query(self, where: str, args: tuple, match: str, sim: float,
               alias_sims: dict[str, float] | None = None) -> list[Candidate]:
        sql = f"{_SELECT} WHERE {where} LIMIT 400"
        rows = self.con.execute(sql, (match, sim, *args)).fetchall()
        if not alias_sims:
            return [_new_candidate(Candidate, row[:-2]) for row in rows]
        return [_new_candidate(Candidate, (*row[:12], match, alias_sims.get(row[-1], sim),
                                           *row[14:16])) for row in rows]

    def _fold_matches(self, name: str, key: str) -> list[Candidate]:
        """Entries whose transliteration skeleton is the name's and whose spelling is close
        to it."""
        fkey = fold(name)
        bare = _bare(key)
        short = len(fkey) == 2 and len(bare.replace(" ", "")) >= _SHORT_FOLD_MIN_LEN
        if len(fkey) < 3 and not short:
            return []
        # a two-letter skeleton ("Suwaidaa", "Shaddadi": w and y count as vowels) is shared
        # by many names: only a long name that stays close to one of them in full matches
        rows = self.con.execute("SELECT DISTINCT norm FROM aliases WHERE fold = ? LIMIT ?",
                                (fkey, 1000 if short else 200)).fetchall()
        sims = {r[0]: fuzz.ratio(bare, _bare(r[0])) / 100 for r in rows
                if not short or abs(len(_bare(r[0])) - len(bare)) <= 1}
        good = {k: s for k, s in sims.items() if s >= (_SHORT_FOLD_SIM if short else 0.7)}
        if not good:
            return []
        return self._query(_keys_in(len(good)), tuple(good), "fold", 0.9,
                           {k: 0.9 * s for k, s in good.items()})

    def _block_uncached(self, prefix: str) -> tuple[str, ...]:
        """Alias keys whose folded key starts with `prefix` (at most 5,000)."""
        return tuple(r[0] for r in self.con.execute(
            "SELECT DISTINCT norm FROM aliases WHERE fold >= ? AND fold < ? LIMIT 5000",
            (prefix, prefix + "\uffff")))

    def _fuzzy(self, key: str) -> list[Candidate]:
        """Fuzzy match on aliases whose folded key shares the first three letters."""
        fkey = fold(key)
        if len(key) < 5 or len(fkey) < 3:
            return []
        hits = process.extract(key, self._block(fkey[:3]), scorer=fuzz.ratio, score_cutoff=88,
                               limit=5)
        if not hits:
            return []
        sims = {h[0]: 0.8 * h[1] / 100 for h in hits}
        return self._query(_keys_in(len(sims)), tuple(sims), "fuzzy", 0.7, sims)

    def get(self, gid: str) -> Candidate | None:
        """The entry with this gazetteer id (e.g. "geonames:172344"), read from the places
        table alone (joined with the aliases SQLite would scan all of them)."""
        cols = ", ".join("p." + c.strip() for c in _COLUMNS.split(","))
        row = self.con.execute(f"SELECT {cols}, 'exact', 1.0, p.name_norm, p.name_fold "
                               "FROM places p WHERE p.gid = ? LIMIT 1", (gid,)).fetchone()
        return _new_candidate(Candidate, row) if row else None

    def has_name(self, name: str) -> bool:
        """True when the name is an exact alias of some entry (cached)."""
        return self._has_name(name)

    def _has_name_uncached(self, name: str) -> bool:
        return self.con.execute("SELECT 1 FROM aliases WHERE norm = ? LIMIT 1",
                                (norm(name),)).fetchone() is not None

    def curated_name(self, name: str, gid: str | None) -> bool:
        """True when `name` is one of the names claimbase/data/town_aliases.tsv gives the
        place `gid`: a name the project vouches for, as good as the place's own (cached)."""
        return gid is not None and gid in self._curated(norm(name))

    def _curated_uncached(self, key: str) -> frozenset[str]:
        """The gazetteer ids of the places `key` is a curated name of."""
        row = self.con.execute(exact_names.CURATED_QUERY, (key,)).fetchone()
        return exact_names.curated_ids(row[0]) if row else frozenset()

    # ------------------------------------------------------------ resolution

    def resolve(self, name: str, context: Context | None = None) -> Place | None:
        """The most likely place for a name in a context, or None."""
        ctx = context or Context()
        ckey = ctx.key()
        self._contexts.setdefault(ckey, ctx)
        if len(self._contexts) > 50_000:
            self._contexts.clear()
            self._contexts[ckey] = ctx
        hit = self._resolve(name, ckey)
        if hit is None:
            return None
        cand, score = hit
        return cand.to_place(text=name, score=round(score, 3))

    def rank(self, name: str, context: Context | None = None, *,
             seats: bool = True) -> list[tuple[Candidate, float]]:
        """Candidates with their scores, best first. `seats=False` leaves a province ahead of
        the seat city named after it (`_seat_over_province`), as the focus votes need."""
        ctx = context or Context()
        found, fkey = self._candidates(name)
        if ctx.cue is None and (own_cue := name_cue(name)) is not None:
            ctx = replace(ctx, cue=own_cue)  # "Red Sea": the sea, not the governorate
        votes = context_votes(ctx)
        scored = [(c, prior_score(c) + context_score(c, ctx, votes)) for c in found]  # `score`
        if ctx.points:
            _not_another_names_place(name, scored, ctx, fkey)
        _main_names_first(name, scored, fkey, lambda: self._curated(norm(name)))
        _other_names_last(name, scored, fkey)
        size_among_named_countries(scored, ctx)
        if ctx.cue not in ADMIN_CUES:
            _capital_over_state(scored)
        if not (ctx.admin1 or ctx.country or ctx.cue in TOWN_CUES):
            _big_area_first(scored, ctx)
        if ctx.town_use:
            own = fkey if fkey is not None else name_fold(name)
            countries_below_towns(scored, lambda c: _own_name_fold(c) == own)
        if seats and ctx.cue not in ADMIN_CUES and not ctx.province_word:
            _seat_over_province(name, scored)
        if seats and ctx.cue in SEAT_CUES and scored:
            _seat_for_city_cue(scored, lambda n: self._candidates(n)[0])
        if len(scored) > 1:
            scored.sort(key=itemgetter(1), reverse=True)  # stable: ties keep their order
        return scored

    def rank_plain(self, name: str, cue: str | None = None, admin1: str | None = None,
                   country: str | None = None,
                   town_use: bool = False) -> tuple[tuple[Candidate, float], ...]:
        """`rank` with no document focus, only a cue word and a "City, State" hint (cached),
        for the document's focus votes: a province keeps its rank over its seat city there
        (the pair votes once, like the town: `seat_votes`); which of the two a mention
        means is the reading's decision (`resolve`). `town_use`: `Context.town_use`."""
        return self._rank_plain(name, cue, admin1, country, town_use)

    def _rank_plain_uncached(self, name: str, cue: str | None, admin1: str | None,
                             country: str | None,
                             town_use: bool = False) -> tuple[tuple[Candidate, float], ...]:
        return tuple(self.rank(name, Context(cue=cue, admin1=admin1, country=country,
                                             town_use=town_use), seats=False))

    def _resolve_uncached(self, name: str, ckey: tuple) -> tuple[Candidate, float] | None:
        ctx = self._contexts.get(ckey) or Context()
        arabic = "-" in name and bool(_HYPHEN_ARTICLE.search(name))
        arabic_spelling = arabic or (not _APOSTROPHES.isdisjoint(name)
                                     and bool(_INNER_APOSTROPHE.search(name)))
        key = norm(name)
        # the reading and its confidence need the first READINGS_NEEDED candidates kept, in
        # rank order; the settlement rule reads them all
        needed = None if ctx.cue in SETTLEMENT_CUES else READINGS_NEEDED
        found = self._candidates(name)[0]
        if len(found) == 1 and ctx.cue not in SEAT_CUES:
            # a lone candidate's score decides nothing (`_confidence` reads the margin between
            # two; `rank` only rescores one, unless a city cue adds the seat city)
            readings: Iterable[tuple[Candidate, float]] = ((found[0], 0.0),)
        else:
            readings = self.rank(name, ctx)
        # which rules can drop a reading in this context, worked out once for its candidates
        # (each rule is False for every candidate when its context test fails)
        hinted = bool(ctx.admin1 or ctx.country)
        actors = sum(ctx.actors.values())
        focus_rule = not hinted and actors >= 1.0 \
            and sum(ctx.countries.values()) - actors >= 1.0  # `_off_focus`
        feature_rule = ctx.feature_of and not hinted and bool(ctx.points)
        far_rule = not hinted and bool(ctx.points)  # `far_namesake` needs a point to drop one
        ranked = []
        far = False  # a far small town of the story's country was dropped
        for cs in readings:
            c = cs[0]
            if (focus_rule and _off_focus(c, ctx)) \
                    or (not hinted and (_loose_elsewhere(c, ctx) or _loose_abroad(key, c, ctx))) \
                    or (feature_rule and _feature_namesake_far(c, ctx)) \
                    or (arabic and _outside_article_region(c)) \
                    or (arabic_spelling and _loose_non_arabic(key, c)):
                continue
            if far_rule and far_namesake(c, ctx, RULER_COUNTRIES, far):
                far = True
                continue
            ranked.append(cs)
            if len(ranked) == needed:
                break
        if ctx.cue in SETTLEMENT_CUES:
            ranked = _settlement_readings(ranked, ctx)
        if not ranked:
            return None
        return ranked[0][0], _confidence(ranked)

    # ------------------------------------------------------------ entity ruler

    def ruler_patterns(self, max_patterns: int = 25_000) -> list[dict[str, Any]]:
        """Entity-ruler patterns (label GPE for political units, LOC for areas, FAC for sites).

        Kept small and safe for a case-insensitive ruler that overrides the NER: the curated
        sites with all their aliases, the curated names of towns (town_aliases.tsv),
        countries, and the admin-1 areas and towns (population >= 5,000, or any imported town
        with a population) of the conflict region, where the statistical NER misses
        transliterated names. Names that are common words or first
        names elsewhere ("Hit", "Jordan") are left to the NER.
        """
        region = ",".join(f"'{c}'" for c in sorted(RULER_COUNTRIES))
        rows = self.con.execute(
            "SELECT p.name, p.feature, a.norm, a.kind, p.source, a.alias, p.population "
            "FROM places p JOIN aliases a ON a.place = p.id WHERE "
            "p.source LIKE 'curated%' OR a.kind = 'curated' OR "
            "p.feature IN ('country', 'continent') OR "
            f"(p.country IN ({region}) AND (p.feature = 'admin1' OR "
            " (p.feature IN ('city', 'capital') AND p.population >= 5000) OR "
            " (p.source LIKE 'import%' AND p.population > 0 AND p.feature IN ('city', 'capital')))"
            ") ORDER BY (p.source LIKE 'curated%' OR a.kind = 'curated') DESC, "
            "p.feature = 'country' DESC, "
            "p.importance DESC"
        ).fetchall()
        patterns: list[dict[str, Any]] = []
        seen: set[str] = set()
        for name, feature, key, kind, source, alias, pop in rows:
            curated = source.startswith("curated") or kind == "curated"
            if kind == "alt" and not curated and feature not in ("country", "admin1") \
                    and pop < 20_000:
                continue  # alternate spellings of small towns stay with the lookup
            if len(key) < 3 or key in _RULER_STOP or key.isdigit():
                continue
            for variant in _ruler_variants(alias or key):
                if variant.lower() in seen:
                    continue
                seen.add(variant.lower())
                patterns.append({"label": _label(feature), "id": name, "pattern": variant})
            if len(patterns) >= max_patterns:
                break
        return patterns


    def matcher_patterns(self) -> list[str]:
        """Phrases for the geoparser's own case-sensitive gazetteer matcher: the ruler
        patterns plus every country, admin-1 area and town of 50,000 or more, by name."""
        phrases = [p["pattern"] for p in self.ruler_patterns()]
        rows = self.con.execute(
            "SELECT a.alias, a.norm FROM places p JOIN aliases a ON a.place = p.id WHERE "
            "(p.feature IN ('country', 'admin1') AND a.kind IN ('name', 'alias', 'abbr', "
            "'english')) OR (p.feature IN ('city', 'capital') AND p.population >= 10000 "
            "AND a.kind = 'name')").fetchall()
        seen = {p.lower() for p in phrases}
        for alias, key in rows:
            if not alias or (key in _RULER_STOP and key not in _MATCHER_OK) \
                    or (len(key) < 3 and not (alias.isupper() and key in _MATCHER_OK)) \
                    or alias.lower() in seen:
                continue
            seen.add(alias.lower())
            phrases.append(alias)
        return phrases


RULER_COUNTRIES = frozenset({"SY", "IQ", "TR", "JO", "LB", "IL", "PS", "IR", "SA", "YE",
                             "EG", "KW", "QA", "BH", "AE", "OM", "AF", "LY"})


_ARTICLE_RE = re.compile(r"\b(al|el|ad|as|ar|at|ash|az|an|ed|es|et|ez|ul)[-\s]+(?=\w)",
                         re.IGNORECASE)


def _ruler_variants(alias: str) -> list[str]:
    """The alias as written, plus its hyphenated / spaced article forms ("al-Mayadin",
    "al Mayadin"), as phrase patterns for a case-insensitive ruler."""
    variants = {alias, strip_accents(alias)}
    alias = strip_accents(alias)
    if re.search(r"['’‘`ʿʾ]", alias):  # "Dar'a", "Dar’a", "Dara"
        variants.update({re.sub(r"['’‘`ʿʾ]", "'", alias), re.sub(r"['’‘`ʿʾ]", "’", alias),
                         re.sub(r"['’‘`ʿʾ]", "", alias)})
    if _ARTICLE_RE.search(alias):
        variants.add(_ARTICLE_RE.sub(lambda m: m.group(1) + "-", alias))
        variants.add(_ARTICLE_RE.sub(lambda m: m.group(1) + " ", alias))
    return sorted(variants)


_RULER_STOP = frozenset({
    "us", "un", "eu", "as", "of", "the", "and", "man", "la", "ca", "mission", "university",
    "media", "independence", "liberty", "victoria", "jordan", "chad", "georgia", "hit",
    "north", "south", "east", "west", "central", "center", "centre", "mobile", "nice", "male",
    "bar", "sale", "reading", "split", "acre", "ur", "kut", "tar", "mina", "ana", "bahrain",
    "salt", "mutah", "abu", "said", "sham", "aid", "nur", "deal", "army", "the gulf", "gulf",
    "turkey", "sunni", "shia", "arab", "most", "also", "time", "amman", "asia", "africa",
    "europe", "america", "oceania",
})


# names too ambiguous for the NER-overriding ruler that the case-sensitive matcher may take
_MATCHER_OK = frozenset({"georgia", "turkey", "bahrain", "amman", "us", "uk"})


def _label(feature: str) -> str:
    if feature in SITE_FEATURES:
        return "FAC"
    if feature in ("region", "desert", "mountains", "water", "river", "continent"):
        return "LOC"
    return "GPE"


def _keys_in(n: int) -> str:
    """WHERE clause for alias rows with one of `n` keys, in key and then alias-row order (what
    matters when the 400-row limit cuts them)."""
    return f"a.norm IN ({','.join('?' * n)}) ORDER BY a.norm, a.rowid"


def _own_fold(c: Candidate) -> str:
    """fold() of the candidate's own name."""
    return c.name_fold if c.name_fold is not None else fold(c.name)


# the short and long forms of a name's first word ("Mt." / "Mount", "St." / "Saint")
_ABBREVIATIONS = {"mt": "mount", "mount": "mt", "st": "saint", "saint": "st", "ft": "fort",
                  "fort": "ft"}
_LONG_FORMS = {"mt": "mount", "st": "saint", "ft": "fort"}


def abbreviation_variant(key: str) -> str | None:
    """The norm() key with its first word's other form ("mt pleasant" -> "mount pleasant"),
    or None when the first word has none."""
    first, _sep, rest = key.partition(" ")
    other = _ABBREVIATIONS.get(first)
    return f"{other} {rest}" if other and rest else None


# the kind word of an air base in its usual spellings: "X Military Airbase" is the site the
# index knows as "X airbase" or "X military airport"
_SITE_TAILS = ("military airbase", "military air base", "military airport", "military airfield",
               "airbase", "air base", "airport", "airfield")
_SITE_TAIL_FORMS = ("airbase", "military airport", "air base", "airport")


def site_kind_variants(key: str) -> list[str]:
    """The norm() key of an air base with its kind word in the other usual spellings
    ("abu al duhur military airbase" -> "abu al duhur airbase", …), or [] for other names."""
    for tail in _SITE_TAILS:
        if key.endswith(" " + tail) and len(key) > len(tail) + 3:
            stem = key[: -len(tail) - 1]
            return [f"{stem} {form}" for form in _SITE_TAIL_FORMS if form != tail]
    return []


def name_fold(name: str) -> str:
    """fold() of a name with a short first word in its long form ("Mt. Pleasant" and
    "Mount Pleasant" are one name)."""
    key = norm(name)
    first, _sep, rest = key.partition(" ")
    if rest and first in _LONG_FORMS:
        return fold(f"{_LONG_FORMS[first]} {rest}")
    return fold(key)


def _own_name_fold(c: Candidate) -> str:
    """name_fold() of the candidate's own name (its stored fold unless it starts short)."""
    first = (c.name_norm or norm(c.name)).partition(" ")[0]
    return name_fold(c.name) if first in _LONG_FORMS else _own_fold(c)


def _by_prior(found: list[Candidate]) -> tuple[Candidate, ...]:
    """One candidate per place (its best-matching alias), best prior first."""
    best: dict[int, Candidate] = {}
    for cand in found:
        if cand.id not in best or cand.similarity > best[cand.id].similarity:
            best[cand.id] = cand
    return tuple(sorted(best.values(), key=lambda c: (-c.importance, c.id)))


def _bare(key: str) -> str:
    return "".join(t for t in key.split() if t not in ARTICLES)


# with no context at all (a one-line headline), a small prior for the conflict regions
REGION_PRIOR = 0.8
ADMIN_WEIGHT = 1.5  # how much the document's states and provinces count
POINT_WEIGHT = 1.2  # how much nearness to the places already resolved counts
POINT_SCALE_KM = 150.0  # the distance at which that nearness has fallen to 1/e


# GeoNames lists a town below 500 people only as the seat of an admin division, and it lacks
# the population of most seats in the conflict region (six in ten Syrian towns of the index
# have none): such a seat is a town of a few thousand, not a hamlet of none. The build gives
# the package towns without a population that importance everywhere
# (`build.SEAT_POPULATION`); here a conflict-region town of an imported dump, which may be
# any village, is counted so too.
UNKNOWN_SEAT_IMPORTANCE = 3.3


def prior_importance(c: Candidate) -> float:
    """The candidate's importance, a conflict-region town with no population counted as a
    seat of a few thousand people (UNKNOWN_SEAT_IMPORTANCE)."""
    if c.population or c.feature != "city" or c.importance or c.country not in RULER_COUNTRIES:
        return c.importance
    return UNKNOWN_SEAT_IMPORTANCE


def score(c: Candidate, ctx: Context, votes: tuple[float, float, float] | None = None) -> float:
    """Prior plus context evidence for one candidate (`votes`: `context_votes(ctx)`)."""
    return prior_score(c) + context_score(c, ctx, votes)


def prior_score(c: Candidate) -> float:
    """What a candidate scores before any context: its size and kind, less its spelling
    distance from the name read."""
    # ~0.3 for a village, ~2.3 for a 1M city, ~3 for countries
    return prior_importance(c) / 3.0 + 2.0 * (c.similarity - 1.0)


def context_votes(ctx: Context) -> tuple[float, float, float]:
    """The context's vote totals `context_score` reads: (countries, states, actors), summed
    once for all the candidates of a name."""
    return sum(ctx.countries.values()), sum(ctx.admins.values()), sum(ctx.actors.values())


def context_score(c: Candidate, ctx: Context,
                  votes: tuple[float, float, float] | None = None) -> float:
    """What the document's context adds to a candidate's score (its size left out);
    `votes`: `context_votes(ctx)` when already summed."""
    s = 0.0
    total, admins, actors = votes if votes is not None else context_votes(ctx)
    if total and c.country:
        share = ctx.countries.get(c.country, 0) / total
        s += COUNTRY_WEIGHT * share
        if c.match != "exact" and share < NAMED_COUNTRY_SHARE:
            s -= 1.0  # a loose spelling match outside the document's countries
    if admins and c.admin1:
        # relative to the leading state: one named state outweighs many soft spreads
        s += ADMIN_WEIGHT * ctx.admins.get(c.admin1, 0) / max(ctx.admins.values())
    if ctx.counties and c.admin2 and (c.admin1, norm(c.admin2)) in ctx.counties:
        s += 1.5  # "Athens" in a story that also names Clarke County (Georgia)
    if ctx.admin1:
        if c.admin1 and norm(c.admin1) == norm(ctx.admin1):
            s += 3.0
        elif c.feature not in ("country", "admin1"):
            s -= 1.0
    if ctx.country:
        s += 2.0 if c.country == ctx.country else -1.0
    if ctx.points and c.lat is not None:
        d = ctx.nearest_km(c.lat, c.lon)
        s += POINT_WEIGHT * math.exp(-d / POINT_SCALE_KM)
    if ctx.cue and (feats := CUE_FEATURES.get(ctx.cue)):
        s += 1.0 if c.feature in feats else -0.3
    if (REGION_PRIOR and total - actors < 1e-9 and not admins
            and not ctx.points and not ctx.admin1 and not ctx.country
            and c.country in RULER_COUNTRIES):
        s += REGION_PRIOR  # no place context (actors at most): the conflict regions covered
    return s


ADMIN_CUES = frozenset({"province", "governorate", "state", "county", "parish", "region",
                        "countryside", "district"})


SAME_PLACE_KM = 1.0  # a point this close to a candidate is the candidate itself


def _not_another_names_place(name: str, scored: list[tuple[Candidate, float]], ctx: Context,
                             fkey: str | None) -> None:
    """A town found by another of its names ("Youngstown", once a name of Mount Gilead) that
    the document already names by its own name is another town: a story naming Mount Gilead
    and Youngstown names two. Such a candidate gets no nearness from its own point and ranks
    as a town found by an unlike other name. Not in the conflict region, where one town's
    names are used side by side ("Kobani", "Ayn al-Arab")."""
    key = fkey if fkey is not None else name_fold(name)
    for i, (c, _sc) in enumerate(scored):
        if c.lat is None or c.country in RULER_COUNTRIES or _own_name_fold(c) == key:
            continue
        rest = [(a, b) for a, b in ctx.points[-8:]
                if haversine_km(c.lat, c.lon, a, b) > SAME_PLACE_KM]
        if len(rest) < len(ctx.points[-8:]):
            scored[i] = (c, score(c, replace(ctx, points=rest)) - OTHER_NAME_PENALTY)


# the word after a town's short name in its full name ("Frankfurt am Main", "Newcastle upon
# Tyne", "Southend-on-Sea"): the short name is the town's own
_NAME_QUALIFIERS = frozenset({"upon", "on", "am", "an", "im", "sur", "en", "near"})


def _main_names_first(name: str, scored: list[tuple[Candidate, float]],
                      fkey: str | None = None,
                      curated: Callable[[], frozenset[str]] | None = None) -> None:
    """Places called so by their own name come before places that merely have it among
    their alternate (often former) names: "Maryville" is the Tennessee town, not Beeville.
    `fkey` is fold(name) when known; `curated()` gives the ids of the places the name is a
    curated name of (town_aliases.tsv), which counts as their own."""
    if len(scored) < 2:
        return
    if fkey is not None:
        own = [_own_fold(c) == fkey for c, _s in scored]
    else:
        key = name_fold(name)
        own = [_own_name_fold(c) == key for c, _s in scored]
    prefix = norm(name) + " "
    for i, (c, _s) in enumerate(scored):
        if not own[i]:  # "Frankfurt" of Frankfurt am Main, "Newcastle" of Newcastle upon Tyne
            own_norm = c.name_norm or norm(c.name)
            own[i] = own_norm.startswith(prefix) and \
                own_norm[len(prefix):].split(" ", 1)[0] in _NAME_QUALIFIERS
    if any(own) and not all(own) and curated is not None and (gids := curated()):
        own = [o or c.gid in gids for o, (c, _s) in zip(own, scored, strict=True)]
    if any(own) and not all(own):
        key, fold_key = norm(name), fkey if fkey is not None else name_fold(name)
        for i, (c, sc) in enumerate(scored):
            if not own[i] and c.feature not in ("country", "admin1", "continent"):
                scored[i] = (c, sc - alias_penalty(
                    key, fold_key, c, c.name_norm or norm(c.name), _own_name_fold(c),
                    c.country in RULER_COUNTRIES))


TOWN_CUES = frozenset({"city", "town", "village", "hamlet"})
# a country or state outweighs a namesake town with a thousand times fewer people
AREA_PRIOR_GAP = 3.0


# a world region of the curated data ("the Middle East") outweighs a town named after it
WIDE_REGIONS = frozenset({"region", "continent"})
WIDE_REGION_IMPORTANCE = 5.0
WIDE_REGION_GAP = 0.5  # its curated importance is no population: any town below it yields


def _big_area_first(scored: list[tuple[Candidate, float]], ctx: Context) -> None:
    """A country, state or world region's name is that area, not a far smaller town abroad or in
    another state ("Russia" is not Russia, Ohio; "Ontario" not Ontario, California), unless
    "City, State", a country after a comma, a cue word ("the city of Turkey") or the
    document's own state or county ("Palestine" in a story about Anderson County, Texas)
    says so."""
    if len(scored) < 2:
        return  # a rule between namesakes
    areas = [(c, sc) for c, sc in scored if c.match == "exact" and (
        c.feature in ("country", "admin1") or (c.feature == "capital" and c.population >= 1e6)
        or (c.feature in WIDE_REGIONS and c.importance >= WIDE_REGION_IMPORTANCE))]
    if not areas:
        return
    admins = sum(ctx.admins.values())
    cities = {(c.country, c.admin1) for c, _sc in scored if c.feature in CITY_FEATURES}
    # a province named after its city ("Alexandria"): the city's name first
    areas = [(c, sc) for c, sc in areas
             if c.feature != "admin1" or (c.country, c.admin1) not in cities]
    if not areas:
        return
    area, area_score = max(areas, key=lambda cs: cs[0].importance)
    # a big capital of a country the document itself points at (named, or its people and
    # actors): "Paris" beside "France" in a Kentucky story is the French capital
    capital_home = area.feature == "capital" and ctx.countries.get(area.country, 0) >= 1.0
    for i, (c, sc) in enumerate(scored):
        gap = AREA_PRIOR_GAP + (1.5 if area.feature == "capital" else 0.0)
        if area.feature in WIDE_REGIONS:
            gap = WIDE_REGION_GAP
        abroad = capital_home and c.country != area.country and c.population < 100_000
        if c.feature in ("country", "admin1", "continent", "capital") or sc < area_score \
                or (c.importance > area.importance - gap and not abroad):
            continue
        if c.country == area.country and (area.feature == "country" or c.admin1 == area.admin1):
            continue  # a town inside the area itself ("Idlib" city in Idlib province)
        share = ctx.admins.get(c.admin1, 0) / admins if admins else 0.0
        if c.population < 20_000:
            share /= 2  # a small town named like a country needs a story about its own state
        if c.country == area.country and area.feature == "admin1":
            share = 0.0  # a state's name in another state's story is still the state
        if (share >= 0.25 and not abroad) or (
                c.admin2 and (c.admin1, norm(c.admin2)) in ctx.counties):
            continue  # the document is about the town's own state or county
        scored[i] = (c, area_score - 0.1)


OTHER_NAME_PENALTY = 1.0


def _other_names_last(name: str, scored: list[tuple[Candidate, float]],
                      fkey: str | None = None) -> None:
    """A town found by an alternate name unlike its own (a former name or nickname:
    "Passover", "Lake" of Uniontown) ranks below its spelling variants: such matches are
    usually another place the gazetteer lacks. Not in the Arabic-, Persian-, Kurdish- and
    Turkish-speaking conflict region, where a town's other names ("Kobani" for Ayn al
    Arab) are in everyday use. `fkey` is fold(name) when known."""
    key = norm(name)
    for i, (c, sc) in enumerate(scored):
        if c.feature in ("country", "admin1", "continent") or c.match != "exact" \
                or c.country in RULER_COUNTRIES:
            continue
        own = c.name_norm if c.name_norm is not None else norm(c.name)
        if own == key:
            continue  # found by its own name
        fkey = fkey if fkey is not None else fold(name)
        if fuzz.ratio(key, own) < 60 and fuzz.ratio(fkey, _own_fold(c)) < 60 \
                and fuzz.partial_ratio(key, own) < 60:  # all three unlike
            scored[i] = (c, sc - OTHER_NAME_PENALTY)


def _capital_over_state(scored: list[tuple[Candidate, float]]) -> None:
    """A national capital named like an admin-1 area of its own country is the capital unless
    a cue says otherwise ("Washington" is the city; "Washington state" the state)."""
    if len(scored) < 2:
        return  # a rule between namesakes
    capitals = {c.country: sc for c, sc in scored if c.feature == "capital" and c.match == "exact"}
    if not capitals:
        return
    for i, (c, sc) in enumerate(scored):
        if c.feature == "admin1" and c.country in capitals and sc >= capitals[c.country]:
            scored[i] = (c, capitals[c.country] - 0.1)


SETTLEMENT_CUES = frozenset({"village", "hamlet"})
VILLAGE_MAX = 50_000  # a "village of X" is never a town larger than this
VILLAGE_NEAR_KM = 300.0  # ... but a village of the name this close to the story's places
_NOT_SETTLEMENTS = frozenset({"country", "continent", "water", "region", "desert", "river",
                              "mountains"})


def _settlement_readings(ranked: list[tuple[Candidate, float]],
                         ctx: Context) -> list[tuple[Candidate, float]]:
    """"the village of Susa", "Susa village": when the best reading is a town larger than
    VILLAGE_MAX, the readings left are the villages of the name near the story's places
    (within VILLAGE_NEAR_KM of one of `ctx.points`); none (unresolved) rather than a large
    town elsewhere. A best reading that is small already, or an area, stands."""
    if not ranked or ranked[0][0].population <= VILLAGE_MAX \
            or ranked[0][0].feature in _NOT_SETTLEMENTS:
        return ranked
    points = ctx.points[-8:]
    return [(c, sc) for c, sc in ranked if c.population <= VILLAGE_MAX and c.lat is not None
            and any(haversine_km(c.lat, c.lon, a, b) <= VILLAGE_NEAR_KM for a, b in points)]


PROVINCE_SEAT_KM = 80.0  # the seat city of a province's name lies this close to its centroid


def _seat_over_province(name: str, scored: list[tuple[Candidate, float]]) -> None:
    """A bare name shared by a province (or district) and the city it is named after, in
    that province and near its centre, is the city: "fighting in Raqqa", "a blast in
    Istanbul" (the province-level analogue of `_capital_over_state`; a province word by the
    name, `Context.province_word` or an admin cue, keeps the province). The city takes the
    province's score and the province the city's, so the margin to the rest is unchanged;
    the city keeps the province's precision, as the name may mean either."""
    if len(scored) < 2:
        return  # a rule between namesakes
    key = None  # name_fold(name), once a province or district is among the candidates
    for i, (area, area_score) in enumerate(scored):
        if area.feature not in ("admin1", "admin2") or area.lat is None:
            continue
        if key is None:
            key = name_fold(name)
        for j, (c, sc) in enumerate(scored):
            # (`is_seat` reads cities only: the test first spares it every other candidate)
            if sc < area_score and c.feature in SEAT_FEATURES and is_seat(c, area, key):
                scored[j] = (c._replace(precision=area.precision or c.precision), area_score)
                scored[i] = (area, sc)
                break


SEAT_CUES = frozenset({"city", "town"})


def _seat_for_city_cue(scored: list[tuple[Candidate, float]],
                       lookup: Callable[[str], list[Candidate]]) -> None:
    """"Deir Ezzor city", "the city of Deir Ezzor": a city word by a name that reads best as
    a province (or district) is the seat city the area is named after, though the name is
    one of the area's spellings only. The seat, looked up by the area's own name, takes the
    area's score and the area drops just below it."""
    i, (area, area_score) = max(enumerate(scored), key=lambda ics: ics[1][1])
    if area.feature not in ("admin1", "admin2") or area.lat is None:
        return
    key = name_fold(area.name)
    if any(is_seat(c, area, key) for c, _sc in scored):
        return  # the seat is a reading already: the cue's score decides
    seat = next((c for c in lookup(area.name) if is_seat(c, area, key)), None)
    if seat is not None:
        scored[i] = (area, area_score - SEAT_CUE_MARGIN)
        scored.append((seat._replace(match=area.match), area_score))


SEAT_CUE_MARGIN = 0.5
SEAT_FEATURES = frozenset({"city", "capital"})  # what a province's seat may be


def is_seat(city: Candidate, area: Candidate, key: str) -> bool:
    """The city is the seat the province or district `area` is named after, as the name
    (its `name_fold`, `key`) names both: a city of the area's country and province, called
    by the area's name or the one asked, near the area's centre."""
    return area.feature in ("admin1", "admin2") and area.lat is not None \
        and city.feature in SEAT_FEATURES and city.lat is not None \
        and city.country == area.country \
        and _own_name_fold(city) in (name_fold(area.name), key) \
        and (city.admin1 == area.admin1
             or (area.feature == "admin1" and city.admin1 == area.name)) \
        and haversine_km(city.lat, city.lon, area.lat, area.lon) <= PROVINCE_SEAT_KM


def _off_focus(c: Candidate, ctx: Context) -> bool:
    """A small place in a country the document never points at, when the document's actors
    and its other places clearly point elsewhere: better unresolved than a namesake abroad.
    Actors alone do not rule a place out: foreign forces act abroad ("Russian raids on
    Palmyra" is about Syria), nor do country names alone rule out a town of the conflict
    region ("US citizen killed in Manbij"); nor does a country of the conflict region rule
    out a town of another ("Turkey's operation in Afrin").

    This is the ranking-time namesake rule: it drops one candidate on the first pass's soft
    focus votes, so the next candidate (or none) is read. The readings made are judged
    again, on the places finally read and the actors' votes, by `strays.namesakes_abroad`
    (a home namesake, or a regional stray left unresolved) and on the story's geography by
    `precision._unsupported_namesake`."""
    total = sum(ctx.countries.values())
    actors = sum(ctx.actors.values())
    if total - actors < 1.0 or actors < 1.0 or ctx.country or ctx.admin1:
        return False
    if c.feature in ("country", "continent", "admin1") or c.country is None:
        return False  # a sea, a river or a region across borders is no namesake abroad
    if c.country in RULER_COUNTRIES and (not ctx.points or any(
            k in RULER_COUNTRIES and v >= 0.3 * total for k, v in ctx.countries.items())):
        return False  # forces of the conflict region fight across its borders, and foreign
        # forces in it: a country named beside its town ("US fighter killed in Manbij",
        # "Israel strikes in Quneitra") is no other place pointing elsewhere
    return ctx.countries.get(c.country, 0) / total < 0.05 and c.population < 100_000 \
        and c.importance < 5.0


# a loose match to a town this far from every place the document names is another town
LOOSE_FAR_KM = 300.0
LOOSE_FEATURES = CITY_FEATURES | {"admin2", "admin3"}


def _loose_elsewhere(c: Candidate, ctx: Context) -> bool:
    """A loose (transliteration or fuzzy) match in a country the document does not point at,
    when it clearly points somewhere: "Institute" is not Institut, Azerbaijan; or a loose
    match to a town far from all the places the document names ("Harwinton" in a
    Connecticut story is not Harrington, Delaware): better unresolved than a wrong town.
    Actors alone do not point a conflict-region town away: "the Israeli aggression ... west
    of Jisr al-Shughur" is in Syria (as in `_off_focus`); nor do the names of countries
    outside the region alone, which give no point: their forces act in it ("U.S led
    coalition airstrikes kill 6 civilians in Menbej")."""
    if c.match == "exact" or ctx.admin1 or ctx.country:
        return False
    total = sum(ctx.countries.values())
    if total >= 2.0 and ctx.countries.get(c.country, 0) / total < 0.05 \
            and not (c.country in RULER_COUNTRIES and _foreign_powers_only(ctx)):
        return True
    if c.feature not in LOOSE_FEATURES or c.country in RULER_COUNTRIES or len(ctx.points) < 2 \
            or c.lat is None:
        return False  # transliterations vary in the conflict region: a loose match is normal
    return ctx.nearest_km(c.lat, c.lon) > LOOSE_FAR_KM


def _foreign_powers_only(ctx: Context) -> bool:
    """What points away from a conflict-region town is its actors, with under two names'
    worth of places, or the names of countries outside the region and no place with a
    point (towns, areas)."""
    placed = ctx.countries - ctx.actors
    return sum(placed.values()) < 2.0 or (
        not ctx.points and not any(k in RULER_COUNTRIES for k in placed))


def _feature_namesake_far(c: Candidate, ctx: Context) -> bool:
    """A town that names a feature ("Griffith" of "Griffith Park", "Kiser" of "Kiser Lake")
    far (LOOSE_FAR_KM) from every place the story names: a park or a lake in a Los Angeles
    story is not beside an Indiana town of its name. Better unresolved, so the feature is
    placed by the story's own towns (`nearby.place_near_towns`). A story naming no other
    place keeps the namesake's reading, as does a state or country said next to it."""
    if not ctx.feature_of or ctx.admin1 or ctx.country or not ctx.points:
        return False
    return c.lat is None or ctx.nearest_km(c.lat, c.lon) > LOOSE_FAR_KM


# a town this small found by another of its names (a transliteration from another language
# among GeoNames' alternate names: "Khelsa" for Helsa) is read as loosely as a spelling match
OTHER_NAME_MAX_POPULATION = 50_000
# a loose match this close ("Harrisburgg") stands alone in a story that names nothing else
CLOSE_LOOSE_SIMILARITY = 0.8


def small_other_name(key: str, c: Candidate) -> bool:
    """A town under OTHER_NAME_MAX_POPULATION found exactly, but by another of its names
    than its own (`key` is the looked-up name's `norm`): a weak reading, like a loose one."""
    return c.match == "exact" and c.population < OTHER_NAME_MAX_POPULATION \
        and (c.name_norm or norm(c.name)) != key


def _loose_abroad(key: str, c: Candidate, ctx: Context) -> bool:
    """A town matched loosely (a close spelling, or another of its names when it is small) in
    a country that nothing in the document votes for, neither a place nor an actor, nor
    near any place it names ("Tivur" in a story of ISIS with no word of Russia is not
    Tver); in a story that names nothing else, only a close spelling ("Harrisburgg") keeps
    its reading. A town of the conflict region the geoparser covers keeps its reading
    (`REGION_PRIOR`'s default). Better unresolved than a stray namesake abroad that becomes
    a headline's only place."""
    if ctx.admin1 or ctx.country or c.feature not in LOOSE_FEATURES or c.country is None \
            or c.country in RULER_COUNTRIES:
        return False  # transliterations vary in the conflict region, whose forces fight
        # across its borders ("Turkish warplanes ... Jendires")
    if c.match == "exact" and not small_other_name(key, c):
        return False
    if not (ctx.countries or ctx.actors or ctx.points):
        # a story naming nothing else: only a distant spelling or small town's other name
        return c.match == "exact" or c.similarity < CLOSE_LOOSE_SIMILARITY
    if ctx.countries.get(c.country, 0) > 0 or ctx.actors.get(c.country, 0) > 0:
        return False
    return c.lat is None or ctx.nearest_km(c.lat, c.lon) > LOOSE_FAR_KM


# "al-Arima", "Khan al-Shekh": a name written with a hyphenated Arabic article
_HYPHEN_ARTICLE = re.compile(r"(?:^|[\s-])(?:al|el|ad|as|ar|ash|az|an|at)-\w", re.IGNORECASE)
# where place names carry the Arabic article: the conflict region and North Africa
ARTICLE_COUNTRIES = RULER_COUNTRIES | {"DZ", "MA", "TN", "SD", "MR", "SO", "DJ", "KM", "EH"}


def _outside_article_region(c: Candidate) -> bool:
    """A town or area outside the lands whose place names carry the Arabic article: a name
    written with one ("al-Arima") is not Arima in Trinidad nor "Khan al-Shekh" Kansk."""
    return c.country is not None and c.country not in ARTICLE_COUNTRIES \
        and c.feature not in ("country", "continent")


# "Ter Ma’la", "Ma'arrat": an ayn or hamza written as an apostrophe inside a word
_APOSTROPHES = frozenset("’'‘ʿʾ")
_INNER_APOSTROPHE = re.compile(r"\w[’'‘ʿʾ]\w")
# conflict-region countries whose place names are not Arabic (Turkish, Persian, Pashto)
NON_ARABIC_NAME_COUNTRIES = frozenset({"TR", "IR", "AF"})


def _loose_non_arabic(key: str, c: Candidate) -> bool:
    """A town of Turkey, Iran or Afghanistan matched only loosely (a spelling, or a small
    town's other name) by a name written the Arabic way, with an article or an apostrophe
    for ayn or hamza: "al-Kharita" is no Karatay, "Ter Ma’la" no Termal; such a name is an
    Arab town the index lacks. An exact spelling keeps its reading ("al-Mashhad" may be
    written for Mashhad)."""
    if c.country not in NON_ARABIC_NAME_COUNTRIES or c.feature in ("country", "continent"):
        return False
    return c.match != "exact" or small_other_name(key, c)


READINGS_NEEDED = 2  # what _confidence reads: the best candidate and the runner-up


def _confidence(ranked: list[tuple[Candidate, float]]) -> float:
    """A 0..1 score from the margin between the best two candidates and the match quality."""
    best = ranked[0][1]
    second = ranked[1][1] if len(ranked) > 1 else best - 2.0
    margin = 1 / (1 + math.exp(-(best - second) * 2))
    return max(0.0, min(1.0, margin * ranked[0][0].similarity))
