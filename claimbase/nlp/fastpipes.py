"""Faster drop-in versions of two stock spaCy components, with exactly the same annotations.

spaCy's `attribute_ruler` runs a token Matcher with every pattern (179 in the English models,
mostly "this TAG gets this POS and MORPH") at every token, and its rule `lemmatizer` calls
Python code for every token (its cache skips the base-form tokens). Together they cost about
a fifth of the parse, for results that depend only on a few attributes of each token:

- a one-token attribute-ruler pattern is a test of the token's own TAG / LOWER / DEP /
  IS_SPACE values, so its effect is computed once per distinct tuple of those values; the
  few multi-token patterns (or any pattern this module does not read) still go through a
  spaCy Matcher, and the matches are applied in the stock order (pattern number, then
  start), so later patterns win as before;
- a rule (or lookup) lemma is a function of the token's ORTH, POS and MORPH (the key of
  spaCy's own cache), so each lemma is computed once per such triple.

`speed_up(nlp)` switches the stock components of a loaded pipeline to these subclasses (same
names, config, patterns and tables); components of any other class are left alone.
"""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.attrs import DEP, IDS, LEMMA, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

# Attributes a fast pattern may set: token fields only (no lexeme field, no extension).
_SETTABLE = frozenset({POS, TAG, MORPH, LEMMA, DEP})
# What a pattern token may test, and how: exact value, IN / NOT_IN a list, REGEX (strings).
_TESTABLE = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE", "ORTH", "NORM"})
_FLAGS = frozenset({"IS_SPACE"})

Test = tuple[int, str, Any]  # (feature column, op, value)
# What one token tuple gets: mask and values of the columns its one-token patterns set, the
# (pattern, position) of longer patterns it may anchor, (pattern number, column, value) sets.
Entry = tuple[tuple[bool, ...], tuple[int, ...], tuple[tuple[int, int], ...],
              tuple[tuple[int, int, int], ...]]
MEMO_LIMIT = 500_000  # distinct token tuples remembered (then forgotten and relearned)


def _value_id(vocab: Any, value: Any) -> int | None:
    """The id a Matcher compares a token attribute with (None: not a plain value)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return vocab.strings.add(value)
    if isinstance(value, int):
        return value
    return None


def _token_test(vocab: Any, spec: Any) -> list[tuple[str, str, Any]] | None:
    """One Matcher pattern token as (attribute, op, value) tests; None if not supported
    (operators such as "OP", other attributes or predicates)."""
    if not isinstance(spec, dict):
        return None
    tests: list[tuple[str, str, Any]] = []
    for key, value in spec.items():
        if key not in _TESTABLE:
            return None
        if isinstance(value, dict):
            if len(value) != 1:
                return None
            (op, items), = value.items()
            if op == "REGEX" and isinstance(items, str) and key not in _FLAGS:
                tests.append((key, op, re.compile(items)))
                continue
            if op not in ("IN", "NOT_IN") or not isinstance(items, list):
                return None
            ids = {_value_id(vocab, v) for v in items}
            if None in ids or any(isinstance(v, bool) for v in items):
                return None
            tests.append((key, op, frozenset(ids)))
        else:
            vid = _value_id(vocab, value)
            if vid is None:
                return None
            tests.append((key, "==", vid))
    return tests


def _passes(tests: list[Test], key: tuple[int, ...], strings: Any) -> bool:
    for i, op, value in tests:
        if op == "==":
            if key[i] != value:
                return False
        elif op == "REGEX":
            if not value.search(strings[key[i]]):
                return False
        elif (key[i] in value) != (op == "IN"):
            return False
    return True


class _Plan:
    """The compiled patterns of one AttributeRuler state.

    Fixed-length patterns whose tokens only test supported attributes are evaluated here on
    tuples of feature values; any other pattern goes to a spaCy Matcher (`rest`). Each
    pattern is indexed under one exact-value test (feature, value), so a new token tuple is
    checked only against the patterns that can match it.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        vocab = ruler.vocab
        self.strings = vocab.strings
        self.signature = (id(ruler.matcher), len(ruler.attrs))
        self.supported = all(set(attrs) <= _SETTABLE for attrs in ruler.attrs)
        self.out = sorted({attr for attrs in ruler.attrs for attr in attrs})
        self.col = {attr: i for i, attr in enumerate(self.out)}
        self.rest = Matcher(vocab, validate=False)
        self.has_rest = False
        features: list[str] = []
        # (pattern number, tests per token, attrs as (column, value), index of the target)
        self.patterns: list[tuple[int, list[list[Test]], list[tuple[int, int]], int]] = []
        for gid, attrs in enumerate(ruler.attrs):
            _, patterns = ruler.matcher.get(str(gid))
            index = ruler.indices[gid]
            sets = [(self.col[a], v) for a, v in attrs.items()] if self.supported else []
            rest = []
            for pattern in patterns:
                tokens = [_token_test(vocab, spec) for spec in pattern]
                if not tokens or None in tokens or not -len(tokens) <= index < len(tokens):
                    rest.append(pattern)
                    continue
                for tests in tokens:
                    features.extend(k for k, _, _ in tests if k not in features)
                self.patterns.append((gid, [[(features.index(k), op, v) for k, op, v in tests]
                                            for tests in tokens], sets, index % len(tokens)))
            if rest:
                self.rest.add(vocab.strings.add(str(gid)), rest)
                self.has_rest = True
        self.features = [IDS[name] for name in features] or [ORTH]
        self.anywhere: list[tuple[int, int]] = []  # (pattern, token position)
        self.by_value: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for n, (_, tokens, _, _) in enumerate(self.patterns):
            anchor = next(((pos, (i, v)) for pos, tests in enumerate(tokens)
                           for i, op, v in tests if op == "=="), None)
            if anchor is None:
                self.anywhere.append((n, 0))
            else:
                self.by_value.setdefault(anchor[1], []).append((n, anchor[0]))
        # token tuple -> (mask, values) of its one-token patterns, longer patterns it may be
        # the anchor token of
        self.memo: dict[tuple[int, ...], Entry] = {}
        self.shared: dict[Entry, Entry] = {}  # one object per distinct entry (most share)

    def entry(self, key: tuple[int, ...]) -> Entry:
        """For a token with these feature values: the columns its one-token patterns set
        (mask, values), the (pattern, position) of longer patterns it may anchor, and the
        (pattern number, column, value) assignments of its one-token patterns in order."""
        found = self.memo.get(key)
        if found is not None:
            return found
        mask, values = [False] * len(self.out), [0] * len(self.out)
        anchors, sets = [], []
        todo = list(self.anywhere)
        for i, value in enumerate(key):
            todo.extend(self.by_value.get((i, value), ()))
        for n, pos in sorted(todo):  # the patterns' order: pattern number first
            gid, tokens, attrs, _ = self.patterns[n]
            if len(tokens) > 1:
                anchors.append((n, pos))
            elif _passes(tokens[0], key, self.strings):
                for col, value in attrs:
                    mask[col], values[col] = True, value
                    sets.append((gid, col, value))
        if len(self.memo) >= MEMO_LIMIT:
            self.memo.clear()
        entry = (tuple(mask), tuple(values), tuple(anchors), tuple(sets))
        found = self.memo[key] = self.shared.setdefault(entry, entry)
        return found

    def longer_matches(self, n: int, pos: int, t: int,
                       keys: list[tuple[int, ...]]) -> tuple[int, int] | None:
        """The span of pattern `n` if it matches with token `t` at position `pos`."""
        tokens = self.patterns[n][1]
        start = t - pos
        if start < 0 or start + len(tokens) > len(keys):
            return None
        if all(_passes(tests, keys[start + j], self.strings) for j, tests in enumerate(tokens)):
            return start, start + len(tokens)
        return None


class FastAttributeRuler(AttributeRuler):
    """`AttributeRuler` with the same output, patterns evaluated once per distinct token
    (see the module docstring)."""

    _plan: _Plan | None = None

    def _compiled(self) -> _Plan:
        plan = self._plan
        if plan is None or plan.signature != (id(self.matcher), len(self.attrs)):
            plan = self._plan = _Plan(self)
        return plan

    def __call__(self, doc: Doc) -> Doc:
        plan = self._compiled()
        if not plan.supported or not plan.out or not len(doc):
            return super().__call__(doc)
        error_handler = self.get_error_handler()
        try:
            self._annotate(doc, plan)
            return doc
        except Exception as exc:  # noqa: BLE001 - handed to spaCy's handler, like the stock one
            return error_handler(self.name, self, [doc], exc)

    def _annotate(self, doc: Doc, plan: _Plan) -> None:
        current = doc.to_array(plan.out)
        unique, inverse = numpy.unique(doc.to_array(plan.features), axis=0,
                                       return_inverse=True)
        inverse = inverse.reshape(-1)
        keys = list(map(tuple, unique.tolist()))
        entries = [plan.entry(key) for key in keys]
        mask = numpy.array([e[0] for e in entries], dtype=bool)[inverse]
        values = numpy.where(mask, numpy.array([e[1] for e in entries], dtype="uint64")[inverse],
                             current)
        # Longer patterns (and the Matcher's): (pattern number, start, end, column, value)
        late: dict[int, list[tuple[int, int, int, int, int]]] = {}
        anchored = [u for u, e in enumerate(entries) if e[2]]
        if anchored:
            token_keys = [keys[u] for u in inverse.tolist()]
            for t in numpy.flatnonzero(numpy.isin(inverse, anchored)).tolist():
                for n, pos in entries[inverse[t]][2]:
                    span = plan.longer_matches(n, pos, t, token_keys)
                    if span is not None:
                        gid, tokens, attrs, index = plan.patterns[n]
                        late.setdefault(span[0] + index, []).extend(
                            (gid, *span, col, value) for col, value in attrs)
        if plan.has_rest:
            for match_id, start, end in plan.rest(doc, allow_missing=True):
                gid = int(self.vocab.strings[match_id])
                index = self.indices[gid]
                target = start + index if index >= 0 else end + index
                if not start <= target < end:
                    raise ValueError(Errors.E1001.format(
                        patterns=self.matcher.get(str(gid)),
                        span=[t.text for t in doc[start:end]], index=index))
                late.setdefault(target, []).extend(
                    (gid, start, end, plan.col[a], v) for a, v in self.attrs[gid].items())
        for t, extra in late.items():  # stock order: pattern number, then start, end
            row = current[t].tolist()
            moves = [(gid, t, t + 1, col, v) for gid, col, v in entries[inverse[t]][3]]
            for _, _, _, col, value in sorted(set(moves + extra), key=lambda m: m[:3]):
                row[col] = value
            values[t] = row
        doc.from_array(plan.out, values)


class _MemoLemmas:
    """Lemmatizer mixin: one `lemmatize` call per distinct (ORTH, POS, MORPH)."""

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            memo = self.__dict__.setdefault("_claimbase_memo", {})
            strings = self.vocab.strings
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
            lemmas = [row[3] for row in rows]
            for t, (orth, pos, morph, lemma) in enumerate(rows):
                if self.overwrite or lemma == 0:
                    key = (orth, pos, morph)
                    found = memo.get(key)
                    if found is None:
                        if len(memo) >= MEMO_LIMIT:
                            memo.clear()
                        found = memo[key] = strings.add(self.lemmatize(doc[t])[0])
                    lemmas[t] = found
            doc.from_array([LEMMA], numpy.asarray(lemmas, dtype="uint64"))
            return doc
        except Exception as exc:  # noqa: BLE001 - handed to spaCy's handler, like the stock one
            error_handler(self.name, self, [doc], exc)


class FastLemmatizer(_MemoLemmas, Lemmatizer):
    """spaCy's `Lemmatizer`, memoised."""


class FastEnglishLemmatizer(_MemoLemmas, EnglishLemmatizer):
    """spaCy's `EnglishLemmatizer`, memoised."""


_SWAPS: dict[type, type] = {
    AttributeRuler: FastAttributeRuler,
    Lemmatizer: FastLemmatizer,
    EnglishLemmatizer: FastEnglishLemmatizer,
}


def speed_up(nlp: Language) -> list[str]:
    """Switch the stock attribute ruler and rule/lookup lemmatizers of `nlp` to their fast
    subclasses (in place, same objects); the names of the components switched."""
    switched = []
    for name, proc in nlp.pipeline:
        fast = _SWAPS.get(type(proc))
        if fast is None:
            continue
        if isinstance(proc, Lemmatizer) and proc.mode not in ("rule", "lookup"):
            continue
        proc.__class__ = fast
        switched.append(name)
    return switched
