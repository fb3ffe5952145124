"""Verb lemmas the rule lemmatizer gets wrong by the consonant-doubling rule of English.

spaCy's rule lemmatizer strips "-ed"/"-ing" and keeps the first candidate found in its verb
index, so when both X and Xe are verbs it picks X: "staged" -> "stag", "waged" -> "wag",
"hoping" -> "hop". English doubles the final consonant of a short consonant-vowel-consonant
stem before "-ed"/"-ing" ("stagged", "wagged", "hopped"), so a single consonant before the
ending means the stem is Xe ("stage", "wage", "hope"). The "claimbase_verb_lemmas"
component, run after the lemmatizer, applies that rule to verbs.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "claimbase_verb_lemmas"
VOWELS = frozenset("aeiou")
UNDOUBLED = frozenset("aeiouwxy")  # final letters never doubled
ENDINGS = ("ed", "ing")
VERB_TAGS = frozenset({"VBD", "VBN", "VBG"})


def doubling_lemma(word: str, lemma: str, verbs: frozenset[str] | set[str]) -> str:
    """The lemma of the -ed/-ing form `word` given the lemmatizer's `lemma`: Xe instead of
    a consonant-vowel-consonant X when Xe is a verb and the consonant is not doubled."""
    if not any(word == lemma + end for end in ENDINGS) or len(lemma) < 3:
        return lemma
    last, vowel, before = lemma[-1], lemma[-2], lemma[-3]
    if last in UNDOUBLED or vowel not in VOWELS or before in VOWELS:
        return lemma
    return lemma + "e" if lemma + "e" in verbs else lemma


@Language.factory(NAME)
def make_verb_lemmas(nlp: Language, name: str) -> VerbLemmas:
    return VerbLemmas(nlp)


class VerbLemmas:
    """Pipeline component: `doubling_lemma` on the past and present participles and past
    tenses of a parsed document."""

    def __init__(self, nlp: Language) -> None:
        self.verbs: frozenset[str] = frozenset()
        if "lemmatizer" in nlp.pipe_names:
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None and lookups.has_table("lemma_index"):
                self.verbs = frozenset(lookups.get_table("lemma_index").get("verb", ()))

    def __call__(self, doc: Doc) -> Doc:
        if not self.verbs:
            return doc
        for tok in doc:
            if tok.tag_ in VERB_TAGS:
                lemma = tok.lemma_
                fixed = doubling_lemma(tok.lower_, lemma, self.verbs)
                if fixed != lemma:
                    tok.lemma_ = fixed
        return doc


def add_verb_lemmas(nlp: Language) -> None:
    """Put `VerbLemmas` right after the lemmatizer (once; not without a lemmatizer)."""
    if NAME not in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(NAME, after="lemmatizer")
