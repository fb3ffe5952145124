"""The attribution/modality/stance lexicons of `claimbase/data/cues.yaml`, compiled once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from claimbase.config import DATA_DIR

CUES_PATH = DATA_DIR / "cues.yaml"


@dataclass(frozen=True, slots=True)
class Cues:
    """Every list of cues.yaml as a frozenset (phrases as tuples of lower-case words)."""

    raw: dict[str, Any]
    reporting_verbs: dict[str, str]
    phrasal_cues: dict[str, frozenset[str]]
    stance_prior: dict[str, str]

    def set(self, name: str) -> frozenset[str]:
        return _as_set(self.raw, name)

    def phrases(self, name: str) -> tuple[tuple[str, ...], ...]:
        return _as_phrases(self.raw, name)


_SETS: dict[tuple[int, str], frozenset[str]] = {}
_PHRASES: dict[tuple[int, str], tuple[tuple[str, ...], ...]] = {}


def _as_set(raw: dict[str, Any], name: str) -> frozenset[str]:
    key = (id(raw), name)
    if key not in _SETS:
        values = raw.get(name)
        if values is None:
            raise KeyError(f"cues.yaml: missing list {name!r}")
        bad = [v for v in values if not isinstance(v, str | int | float) or isinstance(v, bool)]
        if bad:  # YAML reads bare on/off/yes/no as booleans: quote them in the file
            raise ValueError(f"cues.yaml: list {name!r} has non-word values {bad!r}")
        _SETS[key] = frozenset(str(v).lower() for v in values)
    return _SETS[key]


def _as_phrases(raw: dict[str, Any], name: str) -> tuple[tuple[str, ...], ...]:
    key = (id(raw), name)
    if key not in _PHRASES:
        words = sorted((tuple(str(v).lower().split()) for v in raw.get(name, [])),
                       key=len, reverse=True)
        _PHRASES[key] = tuple(words)
    return _PHRASES[key]


def load_cues(path: Path | str = CUES_PATH) -> Cues:
    """Read a cues file; a clear error names the file when it is missing or malformed."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: cue lexicon not found") from None
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(raw, dict) or "reporting_verbs" not in raw:
        raise ValueError(f"{path}: expected a mapping with 'reporting_verbs'")
    verbs = {str(k).lower(): str(v) for k, v in raw["reporting_verbs"].items()}
    phrasal = {str(k).lower(): frozenset(str(p).lower() for p in v)
               for k, v in (raw.get("phrasal_cues") or {}).items()}
    if any(isinstance(p, bool) for v in (raw.get("phrasal_cues") or {}).values() for p in v):
        raise ValueError(f"{path}: phrasal_cues holds a boolean (quote on/off/yes/no)")
    prior = {str(k): str(v) for k, v in (raw.get("stance_prior") or {}).items()}
    return Cues(raw=raw, reporting_verbs=verbs, phrasal_cues=phrasal, stance_prior=prior)


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The packaged lexicons, loaded on first use."""
    return load_cues()


# --------------------------------------------------------------------------------------
# Learned cue frames (claimbase/data/learned_cues.tsv, written by scripts/learn_cues.py)

LEARNED_PATH = DATA_DIR / "learned_cues.tsv"
FRAMES = ("poss", "ccomp", "xcomp", "dobj", "prep", "none")


def frame_of(tok: Any) -> str:
    """The syntactic frame of a cue candidate: its strongest complement ("poss" for a noun
    with a possessor: "X's plan to …", "his view of …")."""
    deps = {c.dep_ for c in tok.children}
    if tok.pos_ == "NOUN" and "poss" in deps:
        return "poss"
    if "ccomp" in deps:
        return "ccomp"
    if "xcomp" in deps:
        return "xcomp"
    if "dobj" in deps:
        return "dobj"
    if "prep" in deps:
        return "prep"
    return "none"


def load_learned(path: Path | str = LEARNED_PATH) -> dict[tuple[str, str, str], float]:
    """(lemma, coarse POS, frame) -> how often such a word heads an attribution cue."""
    path = Path(path)
    out: dict[tuple[str, str, str], float] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: learned cue table not found") from None
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#") or line.startswith("lemma\t"):
            continue
        parts = line.split("\t")
        if len(parts) < 6:
            raise ValueError(f"{path}:{n}: expected 6 tab-separated columns")
        out[(parts[0], parts[1], parts[2])] = float(parts[5])
    return out


@lru_cache(maxsize=1)
def learned() -> dict[tuple[str, str, str], float]:
    """The packaged learned cue table, loaded on first use."""
    return load_learned()


# PLOVER types of physical acts: a verb that codes one of these is an event, never a cue.
MATERIAL_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "AID", "RETREAT", "SANCTION",
                            "COOPERATE", "CONCEDE"})


@lru_cache(maxsize=1)
def material_event_verbs() -> frozenset[str]:
    """Verbs of claimbase/data/event_lexicon.yaml whose every sense is a physical act
    ("attack", "withdraw", "deploy"): learned cue frames never apply to them."""
    path = DATA_DIR / "event_lexicon.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        return frozenset()
    out = set()
    for lemma, senses in (raw.get("verbs") or {}).items():
        types = {s.get("type") for s in senses or [] if isinstance(s, dict)}
        if types and types <= MATERIAL_TYPES:
            out.add(str(lemma).lower())
    return frozenset(out)
