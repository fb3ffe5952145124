"""Where an outlet's earlier stories were: a soft state vote for its next ones.

A local paper's story often names its home town and nothing else that tells which of the
town's namesakes it is ("the Athens City Council", "Norfolk High School"), while other
stories of the same paper name the state outright ("Columbus, Neb.", "the Nebraska
Legislature"). The geoparser keeps, per outlet (the host of `doc.meta.url`, else the outlet
name), a tally of the state each of its stories clearly points at by its own words, and
reads a later story of that outlet with one soft vote for the outlet's usual state, like a
state named once in the story (`OutletMemory.votes`):

- a story's state (`story_state`) comes from the story's own names only (the geoparser's
  first-pass votes, before any outlet evidence is added), and only when one state clearly
  leads them, so a story read with the memory's help never feeds the memory by that help;
- the memory votes once it has MIN_STORIES such story (the outlet's stories so far) and
  one state holds at least DOMINANT_SHARE of them;
- a town name a story reads by its own clear evidence (as `outlet.home_readings` judges
  it: "Columbia" in a story naming Maury County) is remembered per outlet; a later story
  of that outlet that names the town with no clear evidence of its own reads it so
  (`outlet.remembered_readings`), unless its usual reading is a country or a state;
- documents without a url or outlet neither read nor feed it.

The memory lives in the run's `Resources` (one per process), so it grows as a stream of
documents is processed, and a story's reading can depend on the outlet's stories before it;
`Settings.outlet_memory = False` (CLAIMBASE_OUTLET_MEMORY=0) turns it off.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimbase.geo.outlet import host_of

if TYPE_CHECKING:
    from claimbase.record import DocMeta

MEMORY_KEY = "\0memory"  # the focus votes of the outlet's earlier stories
MEMORY_WEIGHT = 1.0  # the outlet's usual state counts like a state named once
MIN_STORIES = 1  # how many earlier stories must point at a state
DOMINANT_SHARE = 0.6  # ... and which share of the outlet's stories its state must hold
STORY_MIN_VOTES = 1.2  # a story points at a state when its names give it this many votes
STORY_LEAD = 1.5  # ... and this many times the next state's


@dataclass
class OutletMemory:
    """Per outlet: how many of its stories pointed at each state (admin-1 name)."""

    stories: dict[str, Counter] = field(default_factory=dict)
    # outlet -> name key -> gazetteer id -> how many stories read the name so by evidence
    readings: dict[str, dict[str, Counter]] = field(default_factory=dict)
    places: dict[str, Any] = field(default_factory=dict)  # gazetteer id -> Candidate

    def votes(self, outlet: str | None) -> Counter:
        """The state vote the outlet's earlier stories give a new one (empty: none)."""
        tally = self.stories.get(outlet) if outlet else None
        if not tally:
            return Counter()
        state, n = tally.most_common(1)[0]
        if n < MIN_STORIES or n < DOMINANT_SHARE * sum(tally.values()):
            return Counter()
        return Counter({state: MEMORY_WEIGHT})

    def reading(self, outlet: str | None, key: str) -> Any:
        """The Candidate most of the outlet's earlier stories read the name as by their own
        evidence, when it holds DOMINANT_SHARE of them; else None."""
        tally = self.readings.get(outlet, {}).get(key) if outlet else None
        if not tally:
            return None
        gid, n = tally.most_common(1)[0]
        if n < DOMINANT_SHARE * sum(tally.values()):
            return None
        return self.places.get(gid)

    def names(self, outlet: str | None) -> frozenset[str]:
        """The name keys the outlet's earlier stories read by their own evidence."""
        return frozenset(self.readings.get(outlet, {})) if outlet else frozenset()

    def learn(self, outlet: str | None, readings: dict[str, Any]) -> None:
        """Count the readings (name key -> Candidate) a story chose by its own evidence."""
        if not outlet:
            return
        known = self.readings.setdefault(outlet, {})
        for key, cand in readings.items():
            if cand is not None and cand.gid:
                known.setdefault(key, Counter())[cand.gid] += 1
                self.places[cand.gid] = cand

    def record(self, outlet: str | None, state: str | None) -> None:
        """Count one story of the outlet that pointed at `state` (an admin-1 name)."""
        if outlet and state:
            self.stories.setdefault(outlet, Counter())[state] += 1


def outlet_key(meta: DocMeta | None) -> str | None:
    """The outlet a document comes from: its url's host without "www.", else its outlet
    name (a domain or a plain name) in lower case; None when neither is given."""
    if meta is None:
        return None
    host = host_of(meta.url) or host_of(meta.outlet)
    if host:
        return re.sub(r"^www\d*\.", "", host)
    name = re.sub(r"\s+", " ", (meta.outlet or "").strip().lower())
    return name or None


def story_state(admins: Counter) -> str | None:
    """The state (admin-1) a story's own names clearly point at: the one with at least
    STORY_MIN_VOTES of the summed first-pass votes and STORY_LEAD times the next one's;
    None when no state clearly leads."""
    ranked = [(s, v) for s, v in admins.most_common(2)]
    if not ranked:
        return None
    state, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if top < STORY_MIN_VOTES or top < STORY_LEAD * second:
        return None
    return state


def memory_of(res: Any) -> OutletMemory | None:
    """The run's outlet memory (`Resources.outlet_memory`, made on first use), or None when
    the settings turn it off or there are no shared resources."""
    return getattr(res, "outlet_memory", None) if res is not None else None


def forget(res: Any) -> None:
    """Empty the run's outlet memory (an evaluation starts afresh, so that a benchmark run
    twice in one process never reads its stories with what it learned from them)."""
    if res is not None and hasattr(res, "forget_outlets"):
        res.forget_outlets()


__all__ = ["MEMORY_KEY", "OutletMemory", "forget", "memory_of", "outlet_key", "story_state"]
