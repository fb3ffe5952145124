"""Shared text cues for the ingest stages: markup spans, lines, header dates, the lexicon.

Everything here works on offsets into the raw text. `blank_markup` returns a copy of the text
of the same length with markup syntax turned into spaces, so patterns can run on readable
text while every match offset is still an offset into the raw text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from claimbase.config import DATA_DIR

LEXICON_PATH = DATA_DIR / "boilerplate.yaml"

# --- markup ------------------------------------------------------------------------------

_M = re.MULTILINE
# (pattern, characters one of which the text must contain for the pattern to be tried)
_MARKUP_WHOLE = [  # spans blanked entirely
    (re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"), "!"),  # images
    (re.compile(r"<(?:https?|ftp|mailto):[^>\s]+>"), "<"),  # autolinks
    (re.compile(r"<[^@\s<>]+@[^@\s<>]+\.[a-z]{2,}>", re.I), "<"),  # <e-mail>
    (re.compile(r"<!--.*?-->", re.S), "<"),  # HTML comments
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>"), "<"),  # HTML tags
    (re.compile(r"^[ \t]*\[[^\]\n]+\]:[ \t]*\S+.*$", _M), "["),  # reference-link definitions
    (re.compile(r"^[ \t]*\\?(?:[*\-_=~#+][ \t]*\\?)+$", _M), "*-_=~#+"),  # rules, lone "*"
    (re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", _M),
     "|"),  # table rules
]
_LINK = re.compile(r"\[([^\[\]\n]*)\](\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)|\[[^\]\n]*\])")
_GROUP1 = [  # only group 1 is blanked
    (re.compile(r"^[ \t]{0,3}(#{1,6})(?=[ \t])", _M), "#"),  # ATX heading marks
    (re.compile(r"^[ \t]*((?:>[ \t]?)+)", _M), ">"),  # block quotes
    (re.compile(r"^[ \t]*([-*+•])[ \t]+(?=\S)", _M), "-*+•"),  # bullets
    (re.compile(r"(\\)[\\`*_{}\[\]()#+\-.!|>~<]"), "\\"),  # backslash escapes
    (re.compile(r"(?<![\w*\\])(\*{1,3}|_{1,3}|~~)(?=[^\s*_~])"), "*_~"),  # opening emphasis
    (re.compile(r"(?<=[^\s*_~\\])(\*{1,3}|_{1,3}|~~)(?![\w*])"), "*_~"),  # closing emphasis
    (re.compile(r"(`+)"), "`"),  # code spans
]
_TABLE_ROW = re.compile(r"^[ \t]*\|[^\n]*$", _M)  # a Markdown table row starts with a pipe


def _has_any(text: str, chars: str) -> bool:
    return any(c in text for c in chars)


def find_markup(text: str) -> list[tuple[int, int]]:
    """Spans of pure markup syntax (Markdown/HTML), merged and sorted (invisible format
    characters are blanked by `Document.analysis_text`)."""
    spans: list[tuple[int, int]] = []
    for rx, chars in _MARKUP_WHOLE:
        if _has_any(text, chars):
            spans.extend(m.span() for m in rx.finditer(text))
    if "](" in text or "][" in text:
        for m in _LINK.finditer(text):
            spans.append((m.start(), m.start() + 1))  # "["
            spans.append((m.end(1), m.end()))  # "](url)"
    for rx, chars in _GROUP1:
        if _has_any(text, chars):
            spans.extend(m.span(1) for m in rx.finditer(text))
    if "|" in text:
        for row in _TABLE_ROW.finditer(text):
            spans.extend((row.start() + k, row.start() + k + 1)
                         for k, c in enumerate(row.group()) if c == "|")
    return merge_spans(spans)


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with every span turned into spaces (newlines kept): same length."""
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for start, end in spans:
        parts.append(text[pos:start])
        parts.append(re.sub(r"[^\n]", " ", text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


# --- lines -------------------------------------------------------------------------------


@dataclass(slots=True)
class Line:
    """One non-blank line: raw offsets of its visible content and the blanked text."""

    start: int  # offset of the first non-space character of the blanked line
    end: int  # offset after its last non-space character
    text: str  # the blanked line, stripped: text[0] is at offset `start`
    raw_start: int  # the same extent in the raw text (markup included)
    raw_end: int
    _words: int = -1

    @property
    def words(self) -> int:
        """Number of words (computed once)."""
        if self._words < 0:
            self._words = len(WORD.findall(self.text))
        return self._words


WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")


def iter_lines(blanked: str, raw: str | None = None) -> list[Line]:
    """Every line of the blanked text that has visible content."""
    raw = blanked if raw is None else raw
    lines = []
    pos = 0
    for seg in blanked.split("\n"):
        body = seg.strip()
        if body:
            rseg = raw[pos:pos + len(seg)]
            lead, rlead = len(seg) - len(seg.lstrip()), len(rseg) - len(rseg.lstrip())
            lines.append(Line(pos + lead, pos + lead + len(body), body,
                              pos + rlead, pos + len(rseg.rstrip())))
        pos += len(seg) + 1
    return lines


SENT_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_SENT_SPLIT = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def sentence_bounds(line: Line, pos: int) -> tuple[int, int]:
    """Raw offsets of the sentence of `line` that contains offset `pos`."""
    start = line.start
    for m in _SENT_SPLIT.finditer(line.text):
        end_here = line.start + m.start() + len(m.group().rstrip())
        following = line.start + m.end()
        if following > pos:
            return start, end_here
        start = following
    return start, line.end


# --- dates -------------------------------------------------------------------------------

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MON = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE = re.compile(
    rf"(?i:(?P<m1>{_MON})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MON})\.?,?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{1,2}})-(?P<d3>\d{{1,2}})"
    rf"|(?P<d4>\d{{1,2}})\.(?P<m4>\d{{1,2}})\.(?P<y4>\d{{4}}))(?![\d])"
)


def iso_date(m: re.Match[str]) -> str | None:
    """The ISO date of a `DATE` match, or None when it is not a real day."""
    if m.group("y1"):
        y, mo, d = int(m.group("y1")), MONTHS[m.group("m1").lower()], int(m.group("d1"))
    elif m.group("y2"):
        y, mo, d = int(m.group("y2")), MONTHS[m.group("m2").lower()], int(m.group("d2"))
    elif m.group("y3"):
        y, mo, d = int(m.group("y3")), int(m.group("m3")), int(m.group("d3"))
    else:
        y, mo, d = int(m.group("y4")), int(m.group("m4")), int(m.group("d4"))
    from datetime import date

    try:
        return date(y, mo, d).isoformat() if 1800 < y < 2200 else None
    except ValueError:
        return None


# Outlet name: capitalised words (single spaces) with a few lower-case connectors.
OUTLET_NAME = (
    r"(?:[A-Z0-9&][\w&'’.!-]*)(?: (?:[A-Z0-9&][\w&'’.!-]*|of|the|de|du|des|al|el|la|le|and|"
    r"for|on|in|y|e)){0,6}"
)
OUTLET_DATE = re.compile(
    rf"(?P<outlet>{OUTLET_NAME})[ \t]*,?[ \t]+(?:(?i:on|published|updated|posted)[ \t]+)?"
    rf"(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?[ \t]+)?(?={DATE.pattern})"
)
# "5 August 2019 — Outlet": the date first (checked with DATE.match at the start).
DATE_OUTLET = re.compile(rf"(?<!\w)(?=\d|[A-Za-z]{{3}})(?:{DATE.pattern})[ \t]*[—–|-][ \t]*"
                         rf"(?P<after>{OUTLET_NAME})[ \t]*$")


# --- lexicon -----------------------------------------------------------------------------


@dataclass
class Kind:
    name: str
    line: re.Pattern[str] | None
    phrases: list[re.Pattern[str]]  # lower-case patterns, run on lower-cased text
    end_marker: bool

    def phrase_starts(self, text: str, lowered: str) -> list[int]:
        """Offsets in `text` where a phrase cue of this kind starts (at a word start)."""
        if len(lowered) != len(text):  # casefolding changed the length: match the original
            return [m.start() for rx in self.phrases
                    for m in re.finditer(rx.pattern, text, re.I) if _word_start(text, m.start())]
        return [m.start() for rx in self.phrases for m in rx.finditer(lowered)
                if _word_start(lowered, m.start())]


def _word_start(text: str, pos: int) -> bool:
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] == "_")


def _phrase(pattern: str) -> re.Pattern[str]:
    """A phrase cue compiled for lower-cased text; a leading \\b is checked in code instead
    (it would keep the regex engine from skipping ahead to the first literal)."""
    return re.compile(pattern.removeprefix("\\b"))


def _union(patterns: list[str], anchored: bool, flags: int = re.I) -> re.Pattern[str] | None:
    if not patterns:
        return None
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"^(?:{body})" if anchored else body, flags)


def any_keyword(text: str, keywords: tuple[str, ...]) -> bool:
    """Whether the lower-cased text contains one of the keywords (a cheap pre-filter)."""
    low = text.lower()
    return any(k in low for k in keywords)


@dataclass
class Lexicon:
    header_line: re.Pattern[str]
    kinds: list[Kind]
    bio: re.Pattern[str]
    signoff: re.Pattern[str]
    site_footer: list[re.Pattern[str]]
    repost: list[re.Pattern[str]]
    site_footer_keywords: tuple[str, ...]
    repost_keywords: tuple[str, ...]
    copyright_marker: re.Pattern[str]
    wire_dateline: re.Pattern[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The compiled cue lexicon from `claimbase/data/boilerplate.yaml` (loaded once)."""
    data: dict[str, Any] = yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8"))
    kinds = [
        Kind(name, _union(spec.get("line") or [], True),
             [_phrase(p) for p in spec.get("phrase") or []], bool(spec.get("end_marker")))
        for name, spec in data["kinds"].items()
    ]
    professions = "|".join(data["bio_professions"])
    bio = re.compile(
        r"^(?!(?:The|This|That|These|Those|It|He|She|They|We|A|An|Our|His|Her|Their)\b)"
        r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|al|bin|de|van|von|el|la|le|di|da|abu)){0,4}"
        r"\s+(?:is|was|has\s+been|writes)\s+"
        rf"(?:(?:an?|the)\s+)?(?:[\w'’,-]+\s+){{0,8}}?(?:{professions})s?\b"
    )
    return Lexicon(
        header_line=_union(data["header"]["line"], True),
        kinds=kinds,
        bio=bio,
        signoff=re.compile(data["signoff"]),
        site_footer=[re.compile(p) for p in data["site_footer"]],
        repost=[re.compile(p) for p in data["repost"]],
        site_footer_keywords=tuple(data["site_footer_keywords"]),
        repost_keywords=tuple(data["repost_keywords"]),
        copyright_marker=re.compile(data["copyright_marker"]),
        wire_dateline=re.compile(data["wire_dateline"]),
    )
