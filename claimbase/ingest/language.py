"""A small language guess: script ranges, then function-word counts (data/languages.yaml)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import yaml

from claimbase.config import DATA_DIR

SAMPLE_CHARS = 4000
MIN_SHARE = 0.08  # share of tokens that must be function words of the winning language
_TOKEN = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _data() -> dict:
    return yaml.safe_load((DATA_DIR / "languages.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _vocabularies() -> dict[str, set[str]]:
    return {lang: set(words.split()) for lang, words in _data()["function_words"].items()}


@lru_cache(maxsize=1)
def _scripts() -> list[tuple[str, re.Pattern[str]]]:
    return [(lang, re.compile(f"[{ranges}]")) for lang, ranges in _data()["scripts"].items()]


def guess_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when unsure."""
    sample = text[:SAMPLE_CHARS]
    tokens = [t.casefold() for t in _TOKEN.findall(sample)]
    if not tokens:
        return None
    letters = sum(len(t) for t in tokens)
    beyond_latin1 = len(sample) - len(sample.encode("latin-1", "ignore"))
    if beyond_latin1 > 0.3 * letters:  # mostly another script: which one
        for lang, rx in _scripts():
            if len(rx.findall(sample)) > 0.3 * letters:
                return lang
    counts = Counter(tokens)
    best, best_n = None, 0
    for lang, vocab in _vocabularies().items():
        n = sum(counts[w] for w in vocab)
        if n > best_n:
            best, best_n = lang, n
    return best if best_n >= MIN_SHARE * len(tokens) else None
