"""The outlet's home as a weak prior for place resolution.

A local newspaper is named after its home town ("norfolkdailynews.com", "The Paris News") and a
country-code top-level domain names a country (".co.uk", ".ca", ".com.tw"). `outlet_home`
reads both from a document's url (else its outlet name): the country of the top-level domain
(`data/outlet_tlds.tsv` lists the exceptions: ".uk" is GB, ".tv" or ".io" name none), and the
home-town names left when the newspaper words of `data/outlet_name_words.txt` are cut from the
domain's name labels ("thelancasterandmorecambecitizen" -> "lancaster", "morecambe"); a name
counts only when the gazetteer knows it, as written without spaces ("lasvegassun" -> "Las
Vegas"), as a town or an admin area. A US or Canadian postal code leading the label
("wvgazette") is kept as a state.

The geoparser uses them as weak evidence (`outlet_prior`, `home_readings`):
- the domain's country is one soft country vote, like a country named once;
- a state code only reinforces a state the story's own names already point at;
- a mention of a home name is read as the namesake the document's own evidence (its states,
  counties, nearby places and the domain's country, not the namesakes' sizes) clearly
  favours over the reading size alone would give: "Norfolk" in a Nebraska story of a Norfolk
  paper is Norfolk, Nebraska, not Norfolk, Virginia; with no such evidence the usual reading
  stays, and a name qualified in the text ("Paris, France") keeps its own reading;
- a home reading so chosen then anchors the other names like a place the story names.
Documents without a url or outlet are unchanged.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from claimbase.config import DATA_DIR, word_list
from claimbase.geo.codes import iso2_of_iso3, postal_codes
from claimbase.geo.gazetteer import (
    CITY_FEATURES,
    Context,
    Gazetteer,
    context_score,
    context_votes,
)
from claimbase.geo.translit import fold, norm

if TYPE_CHECKING:
    from claimbase.record import DocMeta

OUTLET_KEY = "\0outlet"  # the focus votes of the outlet's domain
TLD_WEIGHT = 2.0  # a country-code domain counts like a country named twice
STATE_WEIGHT = 1.0  # a state code, when the story's names already point at the state
STATE_SHARE = 0.25  # ... with at least this share of the leading state's votes
HOME_MARGIN = 0.5  # how much more evidence a home namesake needs than the usual reading
HOME_MIN_EVIDENCE = 1.0  # and how much evidence at all
HOME_LEAD = 0.25  # and how far ahead of the next namesake
MIN_NAME_LEN = 4  # shorter pieces of a domain are no town names ("pal", "ld")

# second-level labels under a country code: "co.uk", "com.tw", "org.eg", "net.au"
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "ltd", "plc",
                           "nic", "or", "ne", "go", "gob", "gv", "info", "news"})
_HOST_PREFIXES = frozenset({"www", "m", "mobile", "amp", "edition", "beta"})
_HOME_FEATURES = CITY_FEATURES - {"locality"} | {"admin2", "admin3", "admin"}
_DOMAIN = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}")


@dataclass(frozen=True)
class OutletHome:
    """What an outlet's domain or name tells about where its stories are."""

    country: str | None = None  # ISO2 of a country-code top-level domain
    names: tuple[str, ...] = ()  # norm() keys of home-town names ("las vegas")
    states: tuple[tuple[str, str], ...] = ()  # (ISO2, admin-1) of a leading postal code

    def __bool__(self) -> bool:
        return bool(self.country or self.names or self.states)


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    """The newspaper words of outlet_name_words.txt."""
    return frozenset(w.lower() for w in word_list("outlet_name_words.txt"))


@lru_cache(maxsize=1)
def _tld_exceptions() -> dict[str, str | None]:
    with (DATA_DIR / "outlet_tlds.tsv").open(encoding="utf-8", newline="") as fh:
        rows = csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return {r[0]: (None if r[1] == "-" else r[1]) for r in rows if len(r) >= 2}


def host_of(value: str | None) -> str | None:
    """The host name of a url or a bare domain ("www.cbc.ca"), lower-case; None otherwise."""
    if not value:
        return None
    v = value.strip().lower()
    if "://" in v:
        host = urlsplit(v).hostname or ""
    elif _DOMAIN.fullmatch(v.split("/", 1)[0]):
        host = v.split("/", 1)[0]
    else:
        return None
    return host.rstrip(".") or None


def tld_country(host: str) -> str | None:
    """ISO2 of the host's country-code top-level domain ("co.uk" -> GB), else None."""
    tld = host.rsplit(".", 1)[-1]
    exceptions = _tld_exceptions()
    if tld in exceptions:
        return exceptions[tld]
    return tld.upper() if len(tld) == 2 and tld.upper() in iso2_of_iso3().values() else None


def name_labels(host: str) -> list[str]:
    """The host's labels that name the site ("chronicle.augusta.com" -> chronicle, augusta):
    without its public suffix and a leading "www"."""
    labels = host.split(".")
    n = 1
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        n = 2
    return [x for x in labels[:-n] if x and x not in _HOST_PREFIXES]


def outlet_home(meta: DocMeta | None, gaz: Gazetteer) -> OutletHome | None:
    """The outlet's home from the document's url, else its outlet name (a domain or a name
    such as "The Paris News"); None when neither tells anything."""
    if meta is None:
        return None
    host = host_of(meta.url) or host_of(meta.outlet)
    if host:
        home = _home_of_host(gaz, host)
    elif meta.outlet:
        names, states = _segment(gaz, re.sub(r"[^a-z]", "", meta.outlet.lower()))
        home = OutletHome(names=names, states=states)
    else:
        return None
    return home or None


def _home_of_host(gaz: Gazetteer, host: str) -> OutletHome:
    names: list[str] = []
    states: list[tuple[str, str]] = []
    for label in name_labels(host):
        for part in label.split("-"):
            found, codes = _segment(gaz, re.sub(r"[^a-z]", "", part))
            names += [x for x in found if x not in names]
            states += [s for s in codes if s not in states]
    return OutletHome(country=tld_country(host), names=tuple(names), states=tuple(states))


@lru_cache(maxsize=4096)
def _segment(gaz: Gazetteer, label: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """(place names, postal states) of a label written without spaces, when it splits
    wholly into newspaper words and gazetteer names; the split with the most letters in
    newspaper words (the shortest names), then the fewest pieces."""
    n = len(label)
    if not n or n > 60:
        return (), ()
    words = name_words()
    postal = postal_codes()
    # best[i]: (-letters in words, pieces, names, states) of the best split of label[:i]
    best: list[tuple | None] = [None] * (n + 1)
    best[0] = (0, 0, (), ())
    for i in range(n):
        if best[i] is None:
            continue
        wl, pieces, names, states = best[i]
        for j in range(i + 1, n + 1):
            sub = label[i:j]
            if sub in words:
                cand = (wl - len(sub), pieces + 1, names, states)
            elif i == 0 and j == 2 and j < n and sub.upper() in postal:
                cand = (wl, pieces + 1, names, (*states, postal[sub.upper()]))
            elif len(sub) >= MIN_NAME_LEN and (name := _glued_name(gaz, sub)):
                cand = (wl, pieces + 1, (*names, name), states)
            else:
                continue
            if best[j] is None or cand[:2] < best[j][:2]:
                best[j] = cand
    if best[n] is None:
        return (), ()
    _wl, _pieces, names, states = best[n]
    if states and names:
        states = ()  # "nytimes" is a state; "paristx..." no such outlet names: keep towns
    return names, states


def _glued_name(gaz: Gazetteer, glued: str) -> str | None:
    """The norm() key of a town or admin area the gazetteer names so when written without
    spaces ("lasvegas" -> "las vegas"), else None."""
    rows = gaz.con.execute("SELECT DISTINCT norm FROM aliases WHERE fold = ? LIMIT 200",
                           (fold(glued),)).fetchall()
    for (key,) in rows:
        if key.replace(" ", "") != glued:
            continue
        if any(c.match == "exact" and c.feature in _HOME_FEATURES
               for c in gaz.candidates(key)[:20]):
            return key
    return None


# ------------------------------------------------------------------ resolution


def outlet_prior(home: OutletHome | None, focus: Any) -> None:
    """Add the domain's country vote, and a state code's vote when the story's own names
    already point at that state, to the geoparser's focus (`geoparse.Focus`)."""
    if not home:
        return
    countries: Counter = Counter()
    admins: Counter = Counter()
    if home.country:
        countries[home.country] += TLD_WEIGHT
    if home.states:
        own: Counter = Counter()
        for votes in focus.admins.values():
            own.update(votes)
        top = max(own.values(), default=0.0)
        for cc, admin1 in home.states:
            if top and own.get(admin1, 0.0) >= STATE_SHARE * top:
                admins[admin1] += STATE_WEIGHT
                countries[cc] += STATE_WEIGHT
    if countries or admins:
        focus.vote(OUTLET_KEY, countries or None, admins or None)


def home_readings(gaz: Gazetteer, home: OutletHome | None, mentions: list[Any], focus: Any,
                  actor_votes: Counter, hinted: set[str]) -> dict[str, Any]:
    """norm key -> Candidate: the reading of each home name the document mentions (not in
    `hinted`, the names qualified in the text), chosen by the document's evidence rather than
    size, when that evidence is clear; each such reading then votes for its state and country
    and anchors nearness like a place the story names (it updates `focus`)."""
    if not home or not home.names:
        return {}
    out: dict[str, Any] = {}
    for m in mentions:
        key = norm(m.text)
        if key in out or key in hinted or key not in home.names or getattr(m, "modifier", False):
            continue
        cand = _home_reading(gaz, m.lookup or m.text, _context(focus, key, actor_votes),
                             home.country)
        if cand is None:
            continue
        out[key] = cand
        _anchor(focus, key, cand)
    return out


def _anchor(focus: Any, key: str, cand: Any) -> None:
    """The name's reading votes for its country and state and anchors nearness."""
    focus.vote(key, Counter({cand.country: 1.0}) if cand.country else Counter(),
               Counter({cand.admin1: 1.0}) if cand.admin1 else Counter(),
               (cand.lat, cand.lon) if cand.lat is not None else None)


def _home_reading(gaz: Gazetteer, name: str, ctx: Context, country: str | None) -> Any:
    """The home name's namesake the evidence clearly favours (see `home_readings`), or None
    to leave the name to the usual ranking."""
    key = norm(name)
    if not _home_towns(gaz.candidates(name), key, country):
        return None  # ranking keeps the name's entries, so none of them would be one either
    ranked = gaz.rank(name, ctx)
    if not ranked:
        return None
    usual = ranked[0][0]
    towns = _home_towns([c for c, _s in ranked], key, country)
    if not towns:
        return None
    votes = context_votes(ctx)
    scored = sorted(((context_score(c, ctx, votes), c) for c in towns),
                    key=lambda ec: (-ec[0], -ec[1].importance))
    ev, best = scored[0]
    if ev < HOME_MIN_EVIDENCE or not math.isfinite(ev):
        return None
    if len(scored) > 1 and ev - scored[1][0] < HOME_LEAD:
        return None  # namesakes the evidence does not tell apart: left to the usual ranking
    if best == usual or ev - context_score(usual, ctx, votes) >= HOME_MARGIN:
        return best
    return None


def _home_towns(cands: list[Any], key: str, country: str | None) -> list[Any]:
    """The towns among `cands` called by the name itself (norm key `key`), exactly, in
    `country` when one is given."""
    return [c for c in cands if c.match == "exact" and c.feature in _HOME_FEATURES
            and (c.name_norm or norm(c.name)) == key  # its own name: not Ashley for Oxford
            and (country is None or c.country == country)]


# ------------------------------------------------------------------ the outlet's memory


def _context(focus: Any, key: str, actor_votes: Counter) -> Context:
    """The document's evidence for one name (its own votes and point left out)."""
    countries, admins = focus.without(key)
    points = [pt for k, pt in focus.points.items() if k != key][-8:]
    return Context(countries=countries, admins=admins, points=points, actors=actor_votes,
                   counties=focus.counties_without(key))


def clear_readings(gaz: Gazetteer, mentions: list[Any], focus: Any,
                   actor_votes: Counter) -> dict[str, Any]:
    """norm key -> Candidate: the town readings the story's own evidence clearly chooses
    among a name's namesakes (as `home_readings` judges it), for the outlet's memory."""
    out: dict[str, Any] = {}
    for m in mentions:
        key = norm(m.text)
        if key in out or getattr(m, "modifier", False):
            continue
        name, ctx = m.lookup or m.text, _context(focus, key, actor_votes)
        cand = _home_reading(gaz, name, ctx, None)
        ranked = gaz.rank(name, ctx) if cand is not None else []
        out[key] = cand if ranked and ranked[0][0] == cand else None  # the story's own reading
    return {k: c for k, c in out.items() if c is not None}


def remembered_readings(gaz: Gazetteer, memory: Any, outlet: str | None, mentions: list[Any],
                        focus: Any, actor_votes: Counter, skip: set[str]) -> dict[str, Any]:
    """norm key -> Candidate: for each name the outlet's earlier stories read by their own
    evidence (`OutletMemory.reading`) and this story gives no clear evidence of its own, that
    earlier reading; it then anchors the other names like a home reading (updates `focus`)."""
    known = memory.names(outlet)
    if not known:
        return {}
    out: dict[str, Any] = {}
    for m in mentions:
        key = norm(m.text)
        if key in out or key in skip or key not in known or getattr(m, "modifier", False):
            continue
        cand = memory.reading(outlet, key)
        name, ctx = m.lookup or m.text, _context(focus, key, actor_votes)
        if cand is None or _home_reading(gaz, name, ctx, None) is not None:
            continue
        ranked = gaz.rank(name, ctx)
        if not ranked or ranked[0][0].feature not in _HOME_FEATURES:
            continue  # a country's or a state's name stays the country or the state
        out[key] = cand
        _anchor(focus, key, cand)
    return out
