"""Place anaphora: a definite or demonstrative description whose head noun names a kind of
place ("the village", "this desert region", "the nation", "the last stronghold") refers back
to the most recent compatible place named before it in the document.

The head nouns and the feature classes they may refer back to are data
(`data/place_reference_heads.tsv`). An antecedent must be resolved (a gazetteer entry, or a
described region or border with its country), named at most `MAX_SENTENCES` sentences
before the description, and told in the same story: not in another quotation than the
description's own (`same_quotation`), nor in another speaker's statement (`same_story`). The events stage
(`extract/events.py:_area_reference`) gives the event the antecedent's resolution under the
description's own span, marked `inferred="reference"`.
"""

from __future__ import annotations

import csv
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from claimbase.config import DATA_DIR
from claimbase.geo.gazetteer import ADMIN_FEATURES, CITY_FEATURES, SITE_FEATURES
from claimbase.nlp.syntax import sentence_starts
from claimbase.record import Document, Place

_SUBREGION = "region in a country"
_REGIONS = frozenset({"region", "desert", "mountains"})
_DESCRIBED = frozenset({"region", "border"})  # places described, not named: no gazetteer entry
# how far back (in sentences, the description's own included) an antecedent may be named
MAX_SENTENCES = 4

CLASSES: dict[str, frozenset[str]] = {
    "populated": CITY_FEATURES | {"neighbourhood"},
    "country": frozenset({"country"}),
    "province": ADMIN_FEATURES,
    "region": frozenset({"region", "mountains"}),
    "desert": frozenset({"desert"}),
    "site": SITE_FEATURES,
    "camp": frozenset({"camp"}),
    # a region inside one country ("the Idlib de-escalation zone", "eastern Syria"), not a
    # wide one ("the Middle East")
    "subregion": frozenset({_SUBREGION}),
    "border": frozenset({"border"}),
}
_ANY = frozenset().union(*CLASSES.values())
# heads that name one town, camp or country: a sentence naming several of them before the
# description leaves it ambiguous ("aid to Jordan, Lebanon and Turkey … the country")
_SINGLE = CLASSES["populated"] | CLASSES["country"] | CLASSES["camp"]


@dataclass(frozen=True, slots=True)
class Head:
    """What a head noun may refer back to: feature names, and the reference's precision."""

    features: frozenset[str]
    precision: int
    around: bool = False  # with nothing to refer back to, the area around the episode's town


@lru_cache(maxsize=1)
def reference_heads() -> dict[str, Head]:
    """Head noun (lower case) -> `Head`, from `data/place_reference_heads.tsv`."""
    out: dict[str, Head] = {}
    with (DATA_DIR / "place_reference_heads.tsv").open(encoding="utf-8", newline="") as fh:
        rows = (line for line in fh if line.strip() and not line.startswith("#"))
        for noun, classes, precision in csv.reader(rows, delimiter="\t"):
            names = classes.split()
            feats = frozenset().union(*(_ANY if c == "any" else CLASSES[c]
                                        for c in names if c not in ("none", "around")))
            out[noun.strip().lower()] = Head(feats, int(precision), "around" in names)
    return out


def compatible(place: Place, head: Head) -> bool:
    """Can a description with this head refer to the place? A resolved place whose feature
    the head allows (a region inside a country for `subregion`); a described region or
    border ("eastern Syria", "the Iraqi-Syrian border") only when it has its country."""
    if place.feature not in head.features and not (
            _SUBREGION in head.features and place.feature in _REGIONS and place.country):
        return False
    return place.gazetteer_id is not None or (place.feature in _DESCRIBED and
                                              place.country is not None)


def _sentence_starts(doc: Document) -> list[int]:
    sdoc = doc.spacy_doc
    return sentence_starts(sdoc) if sdoc is not None else [0]


def quotation_at(text: str, pos: int) -> int | None:
    """Where the quotation around `pos` opens (within its paragraph), or None."""
    para = max(text.rfind("\n\n", 0, pos), -1) + 1
    seg = text[para:pos]
    curly = seg.rfind("“")
    if curly > seg.rfind("”"):
        return para + curly
    if seg.count('"') % 2 == 1:
        return para + seg.rfind('"')
    return None


def same_quotation(text: str, ant: Place, pos: int) -> bool:
    """An antecedent inside one quotation does not count for a description inside another
    (two speakers' stories); the narrator may refer back to a place a quotation named."""
    opened = quotation_at(text, ant.start)
    here = quotation_at(text, pos)
    return opened is None or here is None or here == opened


def refer_back(doc: Document, start: int, head: Head, places: list[Place],
               same_story: Callable[[Place], bool] | None = None,
               max_sentences: int = MAX_SENTENCES) -> Place | None:
    """The place a description starting at `start` refers back to: the last of `places`
    (the document's usable places) before it that `head` allows (in one sentence a named
    place before a described one), within `max_sentences` sentences, in the same quotation
    and (`same_story`) the same speaker's account."""
    starts = _sentence_starts(doc)
    here = bisect_right(starts, start) - 1
    lo = starts[max(here - max_sentences + 1, 0)]
    for p in sorted((p for p in places if lo <= p.start and p.end <= start),
                    key=lambda p: rank(doc, p, head), reverse=True):
        if not compatible(p, head):
            continue
        if not same_quotation(doc.text, p, start):
            return None  # the nearest fitting name is another speaker's: no guess beyond it
        if same_story is not None and not same_story(p):
            return None
        if head.features <= _SINGLE and _ambiguous(doc, p, start, head, places, starts):
            return None
        return p
    return None


def rank(doc: Document, place: Place, head: Head) -> tuple[int, bool, bool, int]:
    """How good an antecedent a place is (larger: better): the last sentence first; in one
    sentence a named place before a described one ("Kobane on the Syrian-Turkish border …
    the area" is Kobane's), then one no wider than the description ("Ramadi, in Anbar
    province … the area" is Ramadi's), then the later."""
    starts = _sentence_starts(doc)
    return (bisect_right(starts, place.start), place.gazetteer_id is not None,
            (place.precision or 3) <= head.precision, place.start)


def _ambiguous(doc: Document, ant: Place, pos: int, head: Head, places: list[Place],
               starts: list[int]) -> bool:
    """Does the antecedent's sentence (up to the description) name another place the head
    allows, or, for a country head, places of another country?"""
    lo = starts[bisect_right(starts, ant.start) - 1]
    own = ant.gazetteer_id or ant.name
    for p in places:
        if p is ant or not lo <= p.start < pos:
            continue
        if "country" in head.features:
            if p.country and p.country != ant.country:
                return True
        elif compatible(p, head) and (p.gazetteer_id or p.name) != own:
            return True
    return False


def as_reference(antecedent: Place, text: str, start: int, end: int,
                 precision: int | None = None) -> Place:
    """The antecedent's resolution under the description's span, never more precise than
    either, marked as inferred by reference."""
    levels = [x for x in (antecedent.precision, precision) if x is not None]
    return replace(antecedent, text=text, start=start, end=end,
                   precision=max(levels) if levels else None, inferred="reference")


__all__ = ["Head", "reference_heads", "compatible", "refer_back", "rank", "as_reference",
           "same_quotation", "quotation_at",
           "MAX_SENTENCES"]
