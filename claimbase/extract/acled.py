"""PLOVER event -> ACLED event type / sub-event type, from `claimbase/data/acled_map.yaml`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from claimbase.config import DATA_DIR

MAP_PATH = DATA_DIR / "acled_map.yaml"


@dataclass(slots=True)
class AcledMap:
    hints: dict[str, tuple[str, str] | None]
    by_type: dict[str, str]
    state_sectors: frozenset[str]
    civilian_sectors: frozenset[str]
    civilian_words: frozenset[str]
    state_words: tuple[str, ...]
    weapon_words: dict[str, frozenset[str]]


@lru_cache(maxsize=2)
def load_map(path: Path = MAP_PATH) -> AcledMap:
    """Read the ACLED mapping once."""
    try:
        data = yaml.load(Path(path).read_text(encoding="utf-8"),
                         Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: cannot read the ACLED map: {exc}") from None
    hints = {k: (tuple(v) if v else None) for k, v in data["hints"].items()}
    for name in data["by_type"].values():
        if name not in hints:
            raise ValueError(f"{path}: by_type names unknown hint {name!r}")
    return AcledMap(
        hints=hints,  # type: ignore[arg-type]
        by_type=dict(data["by_type"]),
        state_sectors=frozenset(data.get("state_sectors", [])),
        civilian_sectors=frozenset(data.get("civilian_sectors", [])),
        civilian_words=frozenset(data.get("civilian_words", [])),
        state_words=tuple(data.get("state_words", [])),
        weapon_words={k: frozenset(v) for k, v in (data.get("weapon_words") or {}).items()},
    )


def _default_hint(amap: AcledMap, event_type: str, mode: str | None) -> str:
    return amap.by_type.get(f"{event_type}/{mode}") or amap.by_type.get(event_type, "none")


def _is_state(amap: AcledMap, actor: Any) -> bool:
    if actor is None:
        return False
    if actor.sector:
        return actor.sector in amap.state_sectors
    low = actor.text.lower()
    return any(w in low for w in amap.state_words)


def _is_civilian(amap: AcledMap, recipient: Any) -> bool:
    if recipient is None:
        return False
    if recipient.sector:
        return recipient.sector in amap.civilian_sectors
    return any(w in amap.civilian_words for w in recipient.text.lower().split())


def _weapon_hint(amap: AcledMap, anchor: Any) -> str | None:
    """air/shelling/explosive/suicide from the words around an ASSAULT trigger."""
    if anchor is None:
        return None
    words = {anchor.lower_}
    for c in anchor.children:
        if c.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss") or c.dep_ in ("prep", "agent") and c.lower_ in ("with", "by", "using") or c.dep_ in ("nsubj",):
            words.update(t.lower_ for t in c.subtree)
    for hint in ("suicide", "air", "shelling", "explosive"):
        if words & amap.weapon_words.get(hint, frozenset()):
            return hint
    return None


def _territory(amap: AcledMap, ev: Any, default_state: bool) -> str:
    """Government regains (state side) or non-state actor overtakes territory."""
    actor = ev.actor
    if actor is not None and (
            actor.sector or any(w in actor.text.lower() for w in amap.state_words)):
        return "territory_state" if _is_state(amap, actor) else "territory_nonstate"
    rec = ev.recipient
    if rec is not None and rec.sector:  # taken from a state force: a non-state gain
        return "territory_nonstate" if rec.sector in amap.state_sectors else "territory_state"
    return "territory_state" if default_state else "territory_nonstate"


def classify(ev: Any, sense: Any, anchor: Any = None) -> tuple[str | None, str | None]:
    """(acled_event_type, acled_sub_event_type) for an event, or (None, None)."""
    amap = load_map()
    hint = sense.acled if sense is not None and sense.type == ev.event_type else None
    if hint is None:
        hint = _default_hint(amap, ev.event_type, ev.event_mode)
    if ev.event_type == "ASSAULT" and hint == "clash":
        hint = _weapon_hint(amap, anchor) or hint
        if hint == "clash" and _is_civilian(amap, ev.recipient):
            hint = "civilians"
    if hint in ("territory", "regain"):
        hint = _territory(amap, ev, default_state=hint == "regain")
    pair = amap.hints.get(hint)
    if not pair:
        return None, None
    return pair[0], pair[1]
