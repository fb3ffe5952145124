"""Cold resolution's short cuts: a lone candidate is read without ranking, and the rules that
drop readings are tested against the context once per name; neither carries a context over
to the next name."""

from __future__ import annotations

from collections import Counter

import pytest

from claimbase.geo.bench import sample_names
from claimbase.geo.gazetteer import Context, Gazetteer, _confidence

# a Syria story, one whose actors point elsewhere, one with places already read, a hint
CONTEXTS = [
    Context(countries=Counter({"SY": 2, "IQ": 1})),
    Context(countries=Counter({"US": 3, "RU": 1}), actors=Counter({"RU": 1})),
    Context(
        countries=Counter({"US": 2}),
        points=[(40.0, -76.3), (40.44, -80.0)],
        feature_of=True,
        beside=True,
    ),
    Context(admin1="Illinois", country="US"),
    Context(cue="city"),
]


@pytest.fixture(scope="module")
def gaz(resources) -> Gazetteer:
    return Gazetteer(resources.gazetteer.path)  # its own caches, cleared here at will


def test_lone_candidate_reads_as_ranked(gaz):
    names = [n for n in sample_names(gaz, 1500) if len(gaz.candidates(n)) == 1][:400]
    assert len(names) > 200
    # (not the city cue: it may add the seat city a district is named after, "Salvador
    # Bahia", so such names are ranked)
    for ctx in CONTEXTS[:-1]:
        for name in names:
            place = gaz.resolve(name, ctx)
            ranked = gaz.rank(name, ctx)
            assert len(ranked) == 1
            if place is not None:
                assert place.gazetteer_id == ranked[0][0].gid
                assert place.score == round(_confidence(ranked), 3)


def test_same_name_reads_by_each_context(gaz):
    """One name under contexts in turn reads as each context alone reads it, cold or
    cached: nothing of one context's rules is kept for the next."""
    names = [
        "Springfield",
        "Palmyra",
        "Dublin",
        "Harrisburgg",
        "Rakka",
        "Tripoli",
        "Paris",
        "Aleppo",
        "Georgia",
        "Lebanon",
    ]
    alone = {}
    for i, ctx in enumerate(CONTEXTS):
        for name in names:
            gaz.clear_caches()
            alone[i, name] = gaz.resolve(name, ctx)
    gaz.clear_caches()
    for _ in range(2):  # cold, then from the caches
        for name in names:
            for i, ctx in enumerate(CONTEXTS):
                assert gaz.resolve(name, ctx) == alone[i, name], (name, i)
    assert alone[3, "Springfield"].admin1 == "Illinois"
    assert alone[0, "Palmyra"].country == "SY"
