"""Name keys for gazetteer lookup: a normalised form and a transliteration-folded skeleton.

`norm` lowercases, strips diacritics, apostrophes and ayn/hamza marks, and turns every run of
punctuation into one space: "Dayr az-Zawr" -> "dayr az zawr".

`fold` is a loose key for names transliterated from Arabic, Persian, Kurdish or Turkish in many
ways: it drops leading and inner articles (al-, el-, ad-, as-, ar-, at-, ash-, az-, …), maps
consonant spellings onto one letter (q/k, kh/k, gh/g, dh/d, th/t, sh/ch/s, ph/f, dj/j), keeps
the first letter and then only consonants, and collapses doubled letters:
"Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr" -> "drzr"; "al-Mayadin", "Mayadeen" -> "mdn".
A leading vowel, whose spelling varies most of all ("Ein", "Ayn", "Ain"; "Um", "Oum";
"Idlib", "Edlib"), keys as "a": "Ein Laroz", "Ayn Laruz" -> "anlrz".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPECIAL = str.maketrans({
    "ı": "i", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l", "þ": "th",
    "ð": "d", "ħ": "h", "ŧ": "t", "ŀ": "l",
})
_MARKS = re.compile(r"[\u02bb\u02bc\u02bf\u02be\u02b9\u02c8'’‘`´ʿʾ]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
ARTICLES = frozenset({
    "al", "el", "ad", "as", "ar", "at", "ash", "az", "an", "ath", "adh", "ed", "es", "er",
    "et", "ez", "en", "ul", "il", "ag", "ak", "aj", "ay",
})
# regex parts for names in text: an Arabic article joined by a hyphen (hyphenated only, not
# English "an" or "at"), and one capitalised name word that may begin with it or hold it
# after a hyphen ("al-Bab", "Deir-ez-Zor", "Abu-al-Duhur")
HYPHEN_ARTICLE = r"(?:al|el|ad|as|ar|ash|az|an|at)-"
NAME_WORD = rf"(?:{HYPHEN_ARTICLE})?[A-Z][\w’'‘]*(?:-(?:{HYPHEN_ARTICLE})?[\w’'‘]+)*"
_DIGRAPHS = (
    ("sch", "s"), ("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("sh", "s"),
    ("ch", "s"), ("ph", "f"), ("dj", "j"), ("zh", "j"), ("ck", "k"), ("q", "k"), ("c", "k"),
    ("x", "ks"),
)
_NO_VOWELS = str.maketrans("", "", "aeiouyw")
_VOWELS = frozenset("aeiou")  # a leading one keys as "a": the initial vowel of a
# transliteration (ayn, alif, hamza) is spelled every way
_DOUBLE = re.compile(r"(.)\1+")


def strip_accents(text: str) -> str:
    """Remove combining marks after NFKD decomposition ("Ḩamāh" -> "Hamah")."""
    if text.isascii():
        return text  # ASCII is its own NFKD form and has no combining marks
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=262_144)
def norm(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name."""
    text = name.casefold()
    if not text.isascii():  # every key of _SPECIAL is non-ASCII
        text = strip_accents(text).translate(_SPECIAL)
    elif text.isalnum():
        return text  # only ASCII letters (lower case now) and digits: nothing to remove
    text = _MARKS.sub("", text)
    return _NON_ALNUM.sub(" ", text).strip()


@lru_cache(maxsize=65_536)
def _fold_token(token: str) -> str:
    if len(token) > 3 and token.endswith("h") and token[-2] in "aeiou":
        token = token[:-1]  # Raqqah -> Raqqa, Sukhnah -> Sukhna
    for src, dst in _DIGRAPHS:
        token = token.replace(src, dst)
    return token


@lru_cache(maxsize=262_144)
def fold(name: str) -> str:
    """The loose transliteration key (consonant skeleton) of a name; "" for empty names."""
    tokens = norm(name).split()
    content = [t for t in tokens if t not in ARTICLES]
    if not content:
        content = tokens
    joined = "".join(_fold_token(t) for t in content)
    if not joined:
        return ""
    head = "a" if joined[0] in _VOWELS else joined[0]
    skeleton = head + joined[1:].translate(_NO_VOWELS)
    if _DOUBLE.search(skeleton) is None:
        return skeleton
    return _DOUBLE.sub(_first_group, skeleton)


def _first_group(match: re.Match) -> str:
    return match.group(1)


def is_latin(name: str) -> bool:
    """True when every letter of the name is Latin (after removing accents)."""
    for ch in strip_accents(name).translate(_SPECIAL):
        if ch.isalpha() and not ("a" <= ch.lower() <= "z"):
            return False
    return any(ch.isalpha() for ch in name)
