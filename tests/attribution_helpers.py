"""Helpers for the attribution/modality/stance tests: parse our own short texts once."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from claimbase.record import Document


@lru_cache(maxsize=1)
def nlp() -> Any:
    """The project's spaCy model (plain spaCy when the project wrapper is not usable)."""
    from claimbase.config import Settings

    try:
        from claimbase.nlp.model import load_nlp

        return load_nlp(Settings().spacy_model)
    except Exception:  # noqa: BLE001 - the wrapper belongs to another module
        import spacy

        return spacy.load(Settings().spacy_model)


def attributed(text: str, title: str | None = None, broad: bool = False) -> Document:
    """A document with its parse and attributions (no other stage); broad: as with
    settings.broad_attributions (wills, positions and model cues too)."""
    from types import SimpleNamespace

    from claimbase.config import Settings
    from claimbase.extract.attribution import find_attributions

    doc = Document(text=text, ref="<test>")
    doc.meta.title = title
    doc.spacy_doc = nlp()(doc.analysis_text)
    res = SimpleNamespace(settings=Settings(broad_attributions=True)) if broad else None
    find_attributions(doc, res)
    return doc


def token(doc: Document, word: str, nth: int = 0) -> Any:
    """The nth token of the parse whose text is `word`."""
    hits = [t for t in doc.spacy_doc if t.text == word]
    assert len(hits) > nth, f"{word!r} not in {doc.text!r}"
    return hits[nth]


def span_text(doc: Document, start: int | None, end: int | None) -> str | None:
    return None if start is None else doc.text[start:end]
