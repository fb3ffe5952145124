"""Shared fixtures. Data from ../shared is found through CLAIMBASE_SHARED (default ../shared)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CLAIMBASE_SHARED", ROOT.parent / "shared")).resolve()
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds"
DATA = SHARED / "data"
CORPUS = ROOT / "examples" / "corpus"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path} (set CLAIMBASE_SHARED)")
    return path


@pytest.fixture(scope="session")
def resources():
    """One set of loaded resources (spaCy model, actors, gazetteer) for the whole run."""
    from claimbase.pipeline import Resources

    return Resources()


@pytest.fixture(scope="session")
def gaz(resources):
    """The run's gazetteer."""
    return resources.gazetteer


@pytest.fixture(scope="session")
def pipeline(resources):
    from claimbase.pipeline import Pipeline

    return Pipeline(resources)


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    path = shared_path("seeds")
    return sorted(path.glob("*.txt"))


@pytest.fixture(scope="session")
def run(pipeline):
    """`run(text)` -> (document, its events) through the full pipeline."""
    from claimbase.record import Document

    def _run(text: str):
        doc = pipeline.process(Document(text=text, ref="<test>"))
        return doc, doc.events

    return _run


@pytest.fixture(autouse=True)
def _fresh_outlet_memory(resources):
    """Each test starts with an empty outlet memory (claimbase.geo.outlet_memory), so what
    one test's documents taught the geoparser about their outlets never steers another's."""
    import claimbase.pipeline as pipeline_module

    for res in (resources, getattr(pipeline_module._DEFAULT, "resources", None)):
        if res is not None:
            res.forget_outlets()
    yield
