"""The `metadata` stage: fill the still-empty `doc.meta` fields from the text itself.

Caller- or reader-given metadata always wins; this stage only fills fields that are None:
title (the header's heading or first short line), author(s) (bylines), outlet and published
date (datelines such as "Outlet, March 24, 2019", "Outlet 24 March 2019", ISO dates), an
outlet named by the site's own footer or form as a fallback ("<Site> will use the
information you provide…", "© 2019 Site"), the original outlet of a re-post, and the language.
"""

from __future__ import annotations

import re
from typing import Any

from claimbase.ingest.cues import (
    WORD,
    Line,
    any_keyword,
    blank_spans,
    find_markup,
    iter_lines,
    lexicon,
)
from claimbase.ingest.header import header_extent, plain, read_header
from claimbase.ingest.language import guess_language
from claimbase.record import Document

FOOTER_FROM = 0.5  # footer outlet cues are read in the last half of the text
_MAX_OUTLET_WORDS = 7


def read_metadata(doc: Document, res: Any = None) -> None:
    """Fill the None fields of `doc.meta` from the header, footer and text."""
    text = doc.text
    lines = iter_lines(blank_spans(text, doc.markup or find_markup(text)), text)
    header = lines[:_header_count(doc, lines)]
    info = read_header(text, header)
    meta = doc.meta
    if meta.title is None:
        meta.title = info.title
    if meta.author is None and info.authors:
        meta.author = " and ".join(info.authors) if len(info.authors) < 3 else \
            ", ".join(info.authors)
    if not meta.authors:
        meta.authors = list(info.authors) if info.authors else \
            ([meta.author] if meta.author else [])
    if meta.published is None:
        meta.published = info.published
    if meta.outlet is None:
        body = lines[len(header):len(header) + 3]
        meta.outlet = (info.outlet or wire_outlet(body) or footer_outlet(text, lines)
                       or copyright_outlet(text, lines))
    if meta.original_outlet is None:
        meta.original_outlet = original_outlet(lines, meta.outlet)
    if meta.language is None:
        meta.language = guess_language(doc.analysis_text if doc.boilerplate else text)


def _header_count(doc: Document, lines: list[Line]) -> int:
    """Header lines: those the clean stage marked "header", else found afresh."""
    spans = [b for b in doc.boilerplate if b.kind == "header"]
    if spans:
        first = spans[0]
        return sum(1 for ln in lines if first.start <= ln.start < first.end)
    if doc.boilerplate:  # cleaned, and no header was found
        return 0
    return header_extent(doc.text, lines, doc.meta.title)


def footer_outlet(text: str, lines: list[Line]) -> str | None:
    """The site named by its own form or copyright line, in the last part of the text."""
    floor = FOOTER_FROM * len(text)
    lex = lexicon()
    tail = [ln for ln in lines
            if ln.start >= floor and any_keyword(ln.text, lex.site_footer_keywords)]
    for rx in lex.site_footer:
        for line in tail:
            m = rx.search(line.text)
            name = _clean_outlet(m.group("site")) if m else ""
            if name and _outlet_ok(name):
                return name
    return None


def wire_outlet(lines: list[Line]) -> str | None:
    """The outlet of a wire dateline opening the body: "BEIRUT (Levant Wire) - …"."""
    rx = lexicon().wire_dateline
    for line in lines:
        m = rx.match(line.text)
        if m and _outlet_ok(plain(m.group("outlet"))):
            return plain(m.group("outlet"))
    return None


_YEARS = re.compile(r"\b\d{4}(?:\s*[-–]\s*\d{4})?\b")
_RESERVED = re.compile(r"(?i)\ball\s+rights\s+reserved\b")


def copyright_outlet(text: str, lines: list[Line]) -> str | None:
    """The owner a copyright notice names in the last part of the text ("© 2019 Site")."""
    rx = lexicon().copyright_marker
    floor = FOOTER_FROM * len(text)
    for line in reversed(lines):
        if line.start < floor:
            break
        m = rx.search(line.text)
        if not m:
            continue
        rest = re.split(r"[.;]\s|[.;]$", line.text[m.end():])[0]
        rest = _RESERVED.sub(",", _YEARS.sub(",", rest))
        parts = [_clean_outlet(p) for p in rest.split(",")]
        names = [p for p in parts if p and _outlet_ok(p)]
        if names:
            return names[-1]
    return None


def original_outlet(lines: list[Line], outlet: str | None) -> str | None:
    """The outlet a re-post names as its original source (only when not the outlet itself)."""
    own = _norm(outlet)
    lex = lexicon()
    for line in lines:
        if not any_keyword(line.text, lex.repost_keywords):
            continue
        for rx in lex.repost:
            for m in rx.finditer(line.text):
                name = _clean_outlet(m.group("outlet"))
                if name and _outlet_ok(name) and _norm(name) != own:
                    return name
    return None


def _clean_outlet(name: str) -> str:
    name = re.split(r"\.\s", plain(name))[0]
    name = re.sub(r"^(?i:the\s+(?:online\s+)?(?:magazine|website|site|newspaper|journal)\s+)", "",
                  name)
    name = re.sub(r"^the\s+(?=[A-Z])", "", name)  # "in the Valden Review"
    name = re.sub(r"\s+(?:on|in|at)\s+[^,;]*\d[^,;]*$", "", name)  # "… on 3 May 2019"
    return name.strip(" .,;:\"'“”‘’")


def _outlet_ok(name: str) -> bool:
    words = WORD.findall(name)
    return 0 < len(words) <= _MAX_OUTLET_WORDS and name[:1].isupper()


def _norm(name: str | None) -> str:
    return re.sub(r"[\W_]+", "", name or "").casefold()
