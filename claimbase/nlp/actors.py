"""The actor dictionary and the `actors` stage.

`ActorDictionary.load()` reads the bundled data (`data/states.tsv`, `data/actors.yaml`) plus
user files (`--actors FILE`, YAML list or JSON Lines, same fields); later files add entries
or override entries with the same id. `lookup(text)` matches an alias insensitively to case,
leading articles, possessive 's, quotes, diacritics, hyphens/spaces and common
transliteration variants. `find_actors(doc, res)` fills `doc.actors` (see `mentions.py`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from claimbase.config import DATA_DIR
from claimbase.nlp.lexicon import norm, skeleton

ACTORS_FILE = DATA_DIR / "actors.yaml"
STATES_FILE = DATA_DIR / "states.tsv"

KINDS = frozenset({
    "state", "government", "military", "agency", "armed_group", "party", "igo", "ngo",
    "media", "person", "generic",
})
SECTORS = frozenset({
    "GOV", "MIL", "REB", "UAF", "SPY", "LEG", "JUD", "COP", "OPP", "PTY", "CVL", "JRN", "IGO",
    "NGO", "BUS", "REL", "MED", "EDU", "REF", "LAB", "ELI", "HLH", "CRM", "UNK",
})
_ID = re.compile(r"^[A-Z][A-Z0-9_]*$")
_SHORT = 3  # aliases this short (after normalising) only match with their exact case


@dataclass(slots=True)
class Actor:
    """One dictionary actor."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    sector: str = "UNK"
    country: str | None = None  # ISO3
    wikidata: str | None = None
    kind: str = "generic"
    exact: list[str] = field(default_factory=list)  # aliases matched case-sensitively
    demonyms: list[str] = field(default_factory=list)
    capital: str | None = None
    source: str = "bundled"
    is_state: bool = False  # a row of states.tsv (possibly refined by actors.yaml)
    tags: list[str] = field(default_factory=list)  # e.g. "jihadist" (used by coref)


def cased_key(text: str) -> str:
    """Exact-case key: dots, quotes and surrounding space dropped, case kept ("U.S." -> "US")."""
    t = re.sub(r"[.'’‘ʼ`]", "", re.sub(r"['’ʼ]s$", "", text.strip()))
    return re.sub(r"[\s\-‐‑–—]+", " ", t)


class ActorDictionary:
    """Actors by id, and an alias index for lookups and entity-ruler patterns."""

    def __init__(self) -> None:
        self._by_id: dict[str, Actor] = {}
        self._alias: dict[str, str] = {}
        self._exact: dict[str, str] = {}
        self._skeleton: dict[str, str | None] = {}
        self._state_names: set[str] = set()
        self._capitals: dict[str, str] = {}
        self._states: dict[str, str] = {}  # ISO3 -> state actor id
        self.ambiguous: dict[str, set[str]] = {}

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, extra: Iterable[Path | str] = ()) -> ActorDictionary:
        """Bundled states and actors, then each user file in order (later entries win)."""
        book = cls()
        for actor in read_states(STATES_FILE):
            book.add(actor)
        for actor in read_actor_file(ACTORS_FILE):
            book.add(actor)
        for path in extra or ():
            for actor in read_actor_file(Path(path), source="user"):
                book.add(actor, override=True)
        book._reindex()
        return book

    def add(self, actor: Actor, override: bool = False) -> None:
        """Add an actor; an existing id is merged (aliases united, given fields replaced)."""
        old = self._by_id.get(actor.id)
        if old is None:
            self._by_id[actor.id] = actor
            return
        # the replaced entry's name stays an alias: states.tsv names the state ("Syria"),
        # actors.yaml may refine the same id with its government's name
        names = [old.name] if old.name != actor.name else []
        aliases = list(dict.fromkeys(old.aliases + names + actor.aliases))
        self._by_id[actor.id] = replace(
            actor, aliases=aliases, exact=list(dict.fromkeys(old.exact + actor.exact)),
            demonyms=actor.demonyms or old.demonyms, capital=actor.capital or old.capital,
            wikidata=actor.wikidata or old.wikidata, is_state=old.is_state or actor.is_state,
            tags=list(dict.fromkeys(old.tags + actor.tags)),
            source=actor.source if override else old.source,
        )

    def _reindex(self) -> None:
        self._alias.clear()
        self._exact.clear()
        self._skeleton.clear()
        self.ambiguous.clear()
        owner: dict[str, str] = {}
        for actor in self._by_id.values():
            if actor.is_state:
                self._states.setdefault(actor.country or actor.id, actor.id)
                if actor.capital:
                    self._capitals[norm(actor.capital)] = actor.id
            for alias, demonym in self._alias_forms(actor):
                self._index(actor, alias, demonym, owner)

    @staticmethod
    def _alias_forms(actor: Actor) -> Iterator[tuple[str, bool]]:
        yield actor.name, False
        for alias in actor.aliases:
            yield alias, False
        for dem in actor.demonyms:
            yield dem, True

    def _index(self, actor: Actor, alias: str, demonym: bool, owner: dict[str, str]) -> None:
        key = norm(alias)
        if not key:
            return
        if actor.is_state and actor.source == "bundled":
            self._state_names.add(key)
        if (alias in actor.exact or len(key.replace(" ", "")) <= _SHORT
                or any(norm(e) == key for e in actor.exact)):
            table, key = self._exact, cased_key(alias)
        else:
            table = self._alias
        prev = table.get(key)
        if prev is not None and prev != actor.id:
            user = actor.source == "user"
            if not user and not demonym and not self._is_demonym_of(prev, alias):
                self.ambiguous.setdefault(key, {prev}).add(actor.id)
            if not user:
                return  # first bundled owner keeps the alias; user files override
        table[key] = actor.id
        if table is self._alias and len(key) >= 6:
            skel = skeleton(key)
            if skel in self._skeleton and self._skeleton[skel] != actor.id:
                self._skeleton[skel] = None
            else:
                self._skeleton[skel] = actor.id
        owner[key] = actor.id

    def _is_demonym_of(self, actor_id: str, alias: str) -> bool:
        actor = self._by_id.get(actor_id)
        return bool(actor and alias in actor.demonyms)

    # ------------------------------------------------------------------ queries
    def __iter__(self) -> Iterator[Actor]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._by_id

    def get(self, actor_id: str | None) -> Actor | None:
        return self._by_id.get(actor_id) if actor_id else None

    def lookup(self, text: str, fuzzy: bool = True) -> Actor | None:
        """The actor an alias names, or None (capitals are not aliases: see `capital`).

        `fuzzy=False` skips the transliteration skeleton and the "<actor> <noun>" fallback.
        """
        if not text or not text.strip():
            return None
        cased = cased_key(text)
        for variant in (cased, re.sub(r"^(?:the|The)\s+", "", cased)):
            hit = self._exact.get(variant)
            if hit:
                return self._by_id[hit]
        key = norm(text)
        hit = self._alias.get(key)
        if hit is None and not fuzzy:
            return None
        if hit is None and len(key) >= 6 and any(c.isupper() for c in text):
            # transliteration variants are names: "the monitor" is not Al-Monitor
            hit = self._skeleton.get(skeleton(key))
        if hit is None:
            return self._lookup_headed(text)
        return self._by_id.get(hit)

    def _lookup_headed(self, text: str) -> Actor | None:
        """"SDF fighters" -> SDF, "Iraqi troops" -> IRQ_MIL, "Turkish officials" -> TUR."""
        from claimbase.nlp.lexicon import lexicon

        words = text.split()
        if len(words) < 2:
            return None
        lex = lexicon()
        head = words[-1].lower()
        kind = ("MIL" if head in lex.military_nouns else "GOV" if head in lex.government_nouns
                else "MEMBER" if head in lex.member_nouns else None)
        if kind is None:
            return None
        base = self.lookup(" ".join(words[:-1]))
        if base is None:
            return None
        if not base.is_state:
            return base if kind in ("MEMBER", "MIL") or base.kind != "person" else None
        if kind == "MIL":
            return self.military_of(base.country)
        return self.government_of(base.country) if kind == "GOV" else None

    def capital(self, text: str) -> Actor | None:
        """The state whose capital `text` names (for metonymy), or None."""
        hit = self._capitals.get(norm(text))
        return self._by_id.get(hit) if hit else None

    def state(self, iso3: str | None) -> Actor | None:
        return self._by_id.get(self._states.get(iso3 or "", ""))

    def military_of(self, iso3: str | None) -> Actor | None:
        """The armed forces of a state: its `<ISO3>_MIL` entry, or a derived one."""
        if not iso3:
            return None
        found = self._by_id.get(f"{iso3}_MIL")
        if found:
            return found
        state = self.state(iso3)
        if state is None:
            return None
        derived = Actor(id=f"{iso3}_MIL", name=f"{state.name} armed forces", sector="MIL",
                        country=iso3, kind="military", source="derived")
        self._by_id[derived.id] = derived
        return derived

    def government_of(self, iso3: str | None) -> Actor | None:
        """The government of a state: `<ISO3>_GOV` when listed, else the state itself."""
        if not iso3:
            return None
        return self._by_id.get(f"{iso3}_GOV") or self.state(iso3)

    def is_state_name(self, text: str) -> bool:
        return norm(text) in self._state_names

    def patterns(self) -> list[dict[str, Any]]:
        """Entity-ruler patterns for every non-state alias (states are left to NER/gazetteer).

        Short and `exact` aliases become case-sensitive token patterns; the others are phrase
        patterns matched on LOWER, with hyphen/space and apostrophe variants.
        """
        out: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()
        for actor in self._by_id.values():
            if actor.kind == "generic":
                continue  # "civilians" is a common noun, not an entity
            label = "PERSON" if actor.kind == "person" else "ORG"
            for alias in dict.fromkeys([actor.name, *actor.aliases]):
                key = norm(alias)
                if not key or key in self._state_names or "(" in alias:
                    continue
                exact = (alias in actor.exact or len(key.replace(" ", "")) <= _SHORT
                         or any(norm(e) == key for e in actor.exact))
                for variant in _variants(alias):
                    # "Qaeda" of "al-Qaeda" is a name only when capitalised ("Monitor" of
                    # "Al-Monitor" is also a common word)
                    cased = exact or (" " not in variant and norm(variant) != key)
                    mark = (variant if cased else variant.lower(), actor.id)
                    if mark in seen:
                        continue
                    seen.add(mark)
                    pattern: Any = _token_pattern(variant) if cased else variant
                    out.append({"label": label, "pattern": pattern, "id": actor.id})
        return out


def _variants(alias: str) -> list[str]:
    forms = {alias, alias.replace("’", "'"), alias.replace("'", "’")}
    if "-" in alias:
        forms.add(alias.replace("-", " "))
    for form in list(forms):
        if "'" in form or "’" in form:
            forms.add(form.replace("'", "").replace("’", ""))
    if alias.startswith("al-") or alias.startswith("Al-"):
        forms.add(alias[3:])
    return sorted(f for f in forms if f.strip())


def _token_pattern(alias: str) -> list[dict[str, str]]:
    tokens = re.findall(r"\w+(?:\.\w+)*\.?|[^\w\s]", alias)
    return [{"ORTH": tok} for tok in tokens]


# ---------------------------------------------------------------------- file readers
def read_states(path: Path) -> list[Actor]:
    """states.tsv: iso3, id, name, aliases (|), demonyms (|), capital, wikidata."""
    actors = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 7:
            raise ValueError(f"{path}:{n}: expected 7 tab-separated columns, got {len(cols)}")
        iso3, ident, name, aliases, demonyms, capital, qid = cols
        actors.append(Actor(
            id=ident, name=name, aliases=[a for a in aliases.split("|") if a],
            sector="GOV", country=iso3, wikidata=qid or None, kind="state",
            demonyms=[d for d in demonyms.split("|") if d], capital=capital or None,
            is_state=True,
        ))
    return actors


def read_actor_file(path: Path, source: str = "bundled") -> list[Actor]:
    """A YAML list or JSON Lines file of actor entries."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"{path}: cannot read actor file ({exc.strerror})") from exc
    rows: list[Any]
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        rows = []
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{n}: invalid JSON ({exc.msg})") from exc
    else:
        try:
            loaded = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError as exc:
            raise ValueError(f"{path}: invalid YAML ({exc})") from exc
        rows = loaded if isinstance(loaded, list) else [] if loaded is None else None
        if rows is None:
            raise ValueError(f"{path}: expected a list of actor entries")
    return [actor_from_dict(row, f"{path}#{i}", source) for i, row in enumerate(rows, 1)]


def actor_from_dict(row: Any, where: str, source: str = "bundled") -> Actor:
    """Validate one entry: id UPPER_SNAKE, known sector and kind, ISO3 country."""
    if not isinstance(row, dict):
        raise ValueError(f"{where}: actor entry must be a mapping")
    ident = str(row.get("id") or "")
    if not _ID.match(ident):
        raise ValueError(f"{where}: actor id {ident!r} must be UPPER_SNAKE_CASE")
    sector = str(row.get("sector") or "UNK").upper()
    if sector not in SECTORS:
        raise ValueError(f"{where}: actor {ident}: unknown sector {sector!r}")
    kind = str(row.get("kind") or "generic")
    if kind not in KINDS:
        raise ValueError(f"{where}: actor {ident}: unknown kind {kind!r}")
    country = row.get("country")
    if country is not None and not re.fullmatch(r"[A-Z]{3}", str(country)):
        raise ValueError(f"{where}: actor {ident}: country {country!r} is not ISO3")
    aliases = row.get("aliases") or []
    exact = [str(a) for a in row.get("exact") or []]
    if not isinstance(aliases, list):
        raise ValueError(f"{where}: actor {ident}: aliases must be a list")
    aliases = list(dict.fromkeys([str(a) for a in aliases] + exact))
    return Actor(
        id=ident, name=str(row.get("name") or ident), aliases=aliases,
        sector=sector, country=country, wikidata=row.get("wikidata"), kind=kind,
        exact=exact, source=source, tags=[str(t) for t in row.get("tags") or []],
    )


def find_actors(doc: Any, res: Any) -> None:
    """Stage `actors`: fill `doc.actors` (see `claimbase.nlp.mentions`)."""
    from claimbase.nlp.mentions import find_mentions

    doc.actors = find_mentions(doc, res.actors, _place_check(res))


_PLACE_CHECKS: dict[int, Any] = {}


def _place_check(res: Any) -> Any:
    """The gazetteer's exact-name test, when a gazetteer is loadable (tried once per res)."""
    key = id(res)
    if key not in _PLACE_CHECKS:
        try:
            _PLACE_CHECKS[key] = getattr(res.gazetteer, "has_name", None)
        except Exception:  # noqa: BLE001 - without a gazetteer, no veto
            _PLACE_CHECKS[key] = None
    return _PLACE_CHECKS[key]


def mention_at(doc: Any, start: int, end: int) -> Any:
    """The actor mention of `doc.actors` overlapping [start, end) the most, or None."""
    best, best_len = None, 0
    for m in doc.actors:
        if m.start >= end:
            break
        overlap = min(end, m.end) - max(start, m.start)
        if overlap > best_len:
            best, best_len = m, overlap
    return best
