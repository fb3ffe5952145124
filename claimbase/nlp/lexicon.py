"""Text normalisation for alias matching, and the generic-description lexicon (sectors.yaml)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from claimbase.config import DATA_DIR

SECTORS_FILE = DATA_DIR / "sectors.yaml"

_APOS = "'’‘ʼʿʾ`´′"
_POSSESSIVE = re.compile(rf"[{_APOS}]s$|(?<=s)[{_APOS}]$")
_AR_ARTICLE = re.compile(r"\b(?:al|el|an|ar|as|ash|at|ad|adh|ath|az|ud|ul)[-‐‑–—](?=\w)")
_PUNCT = re.compile(r"[\s\-‐‑–—_/,;:()\[\]{}\"“”«»!?]+")
_LEADING = re.compile(r"^(?:the|a|an)\s+")


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=262_144)
def norm(text: str) -> str:
    """Alias key: case, diacritics, quotes, articles, possessive, hyphens and dots ignored.

    "The U.S.'s", "Hay’at Tahrir ash-Sham", "Da'esh" -> "us", "hayat tahrir al sham", "daesh".
    """
    t = _strip_marks(text.strip()).lower()
    t = _POSSESSIVE.sub("", t)
    for ch in _APOS:
        t = t.replace(ch, "")
    t = t.replace(".", "")
    t = _AR_ARTICLE.sub("al ", t)
    t = _PUNCT.sub(" ", t).strip()
    t = _LEADING.sub("", t)
    return t


_VOWEL_MAP = str.maketrans({"e": "i", "o": "u", "q": "k", "y": "i"})


def skeleton(key: str) -> str:
    """A looser key for transliteration variants: "al" dropped, e/i, o/u, q/k merged, doubles
    collapsed ("hashd al shaabi" ~ "al hashd al shabi", "khaled" ~ "khalid")."""
    words = [w for w in key.split() if w != "al"]
    t = " ".join(words).translate(_VOWEL_MAP)
    t = re.sub(r"(\w)\1+", r"\1", t)
    t = re.sub(r"(?<=[aiu])h(?=\b)", "", t)
    return t.replace(" ", "")


@dataclass
class Lexicon:
    """The contents of sectors.yaml, with lookups by lemma / normalised phrase."""

    generic: dict[str, dict[str, Any]] = field(default_factory=dict)
    phrases: dict[str, dict[str, Any]] = field(default_factory=dict)
    military_nouns: frozenset[str] = frozenset()
    government_nouns: frozenset[str] = frozenset()
    member_nouns: frozenset[str] = frozenset()
    civilian_nouns: frozenset[str] = frozenset()
    place_part_nouns: frozenset[str] = frozenset()
    departure_verbs: frozenset[str] = frozenset()
    place_part_adjectives: frozenset[str] = frozenset()
    place_left_verbs: frozenset[str] = frozenset()
    not_actor_names: frozenset[str] = frozenset()
    coref_neutral: frozenset[str] = frozenset()
    titles: dict[str, str] = field(default_factory=dict)
    metonymy: dict[str, str] = field(default_factory=dict)
    focus_weight: dict[str, float] = field(default_factory=dict)
    org_words: list[tuple[frozenset[str], str, str]] = field(default_factory=list)
    group_nouns: frozenset[str] = frozenset()
    coref: dict[str, dict[str, Any]] = field(default_factory=dict)
    coref_modifiers: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path = SECTORS_FILE) -> Lexicon:
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_loader())
        except (OSError, yaml.YAMLError) as exc:
            raise ValueError(f"{path}: cannot read the sector lexicon ({exc})") from exc
        return cls(
            generic={k.lower(): v for k, v in (data.get("generic") or {}).items()},
            phrases={norm(k): v for k, v in (data.get("phrases") or {}).items()},
            military_nouns=frozenset(w.lower() for w in data.get("military_nouns") or []),
            government_nouns=frozenset(w.lower() for w in data.get("government_nouns") or []),
            member_nouns=frozenset(w.lower() for w in data.get("member_nouns") or []),
            civilian_nouns=frozenset(w.lower() for w in data.get("civilian_nouns") or []),
            place_part_nouns=frozenset(w.lower() for w in data.get("place_part_nouns") or []),
            departure_verbs=frozenset(w.lower() for w in data.get("departure_verbs") or []),
            place_part_adjectives=frozenset(
                w.lower() for w in data.get("place_part_adjectives") or []),
            place_left_verbs=frozenset(w.lower() for w in data.get("place_left_verbs") or []),
            not_actor_names=frozenset(w.lower() for w in data.get("not_actor_names") or []),
            coref_neutral=frozenset(w.lower() for w in data.get("coref_neutral") or []),
            titles={k.lower(): v for k, v in (data.get("titles") or {}).items()},
            metonymy={norm(k): v for k, v in (data.get("metonymy") or {}).items()},
            focus_weight=dict(data.get("focus_weight") or {}),
            org_words=[(frozenset(w.lower() for w in row["words"]), row["kind"], row["sector"])
                       for row in data.get("org_words") or []],
            group_nouns=frozenset(w.lower() for w in data.get("group_nouns") or []),
            coref={k.lower(): v for k, v in (data.get("coref") or {}).items()},
            coref_modifiers={k.lower(): v for k, v in (data.get("coref_modifiers") or {}).items()},
        )


    @property
    def phrase_heads(self) -> frozenset[str]:
        """Last words of the multi-word phrases (cheap pre-filter)."""
        return self._cached("_phrase_heads", lambda: frozenset(
            k.split()[-1] for k in self.phrases if k))

    @property
    def title_words(self) -> frozenset[str]:
        """Every word of every title ("major", "general", "defence", "minister" …)."""
        return self._cached("_title_words", lambda: frozenset(
            w for k in self.titles for w in k.split()))

    def _cached(self, name: str, make: Any) -> Any:
        value = self.__dict__.get(name)
        if value is None:
            value = make()
            self.__dict__[name] = value
        return value


def _loader() -> type:
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The bundled lexicon, loaded once."""
    return Lexicon.load()
