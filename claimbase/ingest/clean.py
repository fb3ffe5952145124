"""The `clean` stage: mark boilerplate and markup spans, never rewrite the text.

`mark_boilerplate` fills `doc.markup` (Markdown/HTML syntax: `#`, `*`, `[`, `](url)`, `<u>`,
backslash escapes, table pipes, rules) and `doc.boilerplate` (page header, navigation,
appeals, notes to readers, author bios, re-post and copyright lines, disclaimers, forms,
comment prompts, credits). Both are blanked in `Document.analysis_text`, so the NLP reads
only the article's prose while every offset still indexes the raw text.

It combines the cue lexicon in `claimbase/data/boilerplate.yaml` with structure:
the header block at the top, a trailing block opened by an end marker (a note to readers,
a copyright or re-post line, "Comments are closed"…) in the last part of the text, a backward
sweep over short, link-only or cue lines at the very end, body headings, and sign-offs.
"""

from __future__ import annotations

import re
from typing import Any

from claimbase.ingest.cues import (
    SENT_END,
    Lexicon,
    Line,
    blank_spans,
    find_markup,
    iter_lines,
    lexicon,
    sentence_bounds,
)
from claimbase.ingest.header import bare_end, header_extent, parse_byline
from claimbase.record import Boilerplate, Document

END_BLOCK_FROM = 0.4  # an end marker opens the trailing block only after this share of text
BIO_FROM = 0.6  # author bios are looked for in the last part of the text
FOOTER_MAX_WORDS = 6
HEADING_MAX_WORDS = 14
_LINK_ONLY = re.compile(r"^(?:[\s,|•·–-]*\[[^\]\n]*\]\([^)\n]*\))+[\s,|•·–-]*$")
_MENU_SEP = re.compile(r"\s+[|·•›»]\s+")
_MD_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]")
_CAP_WORD = re.compile(r"^[A-Z0-9\"'“‘(]")
_NOT_HEADING = re.compile(
    r"^[\"'“‘«]|^[A-Z][\w .'’-]{0,30}:\s|[.!?…][\"'”’]*\s+[\"'“‘]?[A-Z]|,\s*[\"'“‘«]"
)


def mark_boilerplate(doc: Document, res: Any = None) -> None:
    """Fill `doc.markup` and `doc.boilerplate` (replacing earlier values).

    Readers mark a document already (to count its prose); the stage then has nothing to
    redo unless the text or the title/author it depends on changed since.
    """
    text = doc.text
    key = (hash(text), doc.meta.title, doc.meta.author)
    if doc.cleaned_for == key:
        return
    markup = find_markup(text)
    lines = iter_lines(blank_spans(text, markup), text)
    kinds = classify_lines(text, lines, doc.meta.title, doc.meta.author)
    spans = _line_spans(lines, kinds) + _phrase_spans(lines, kinds)
    doc.markup = markup
    doc.boilerplate = _merge(spans)
    doc.cleaned_for = key
    doc.invalidate()


def classify_lines(
    raw: str, lines: list[Line], title: str | None = None, author: str | None = None
) -> list[str | None]:
    """The boilerplate kind of each line (None = article prose)."""
    lex = lexicon()
    kinds: list[str | None] = [None] * len(lines)
    n_header = header_extent(raw, lines, title)
    for i in range(n_header):
        kinds[i] = "header"
    for i in range(n_header, len(lines)):
        kinds[i] = line_kind(raw, lines[i], lex)
    _trailing_block(raw, lines, kinds, lex, n_header)
    _bios(raw, lines, kinds, lex, author or _byline_author(lines[:n_header]))
    _backward_sweep(raw, lines, kinds, lex, n_header)
    _headings(raw, lines, kinds)
    return kinds


def line_kind(raw: str, line: Line, lex: Lexicon) -> str | None:
    """The kind of a line by its own cues (line-start patterns, sign-offs, link-only)."""
    for kind in lex.kinds:
        if kind.line is not None and kind.line.match(line.text):
            return kind.name
    if line.words <= 10 and lex.signoff.match(line.text):
        return "signoff"
    if _LINK_ONLY.match(raw[line.raw_start:line.raw_end]) or _is_menu(line.text):
        return "navigation"
    return None


def _is_menu(text: str) -> bool:
    """A row of short items between separators: "Home | World | Sport | Podcasts"."""
    items = [i.strip() for i in _MENU_SEP.split(text)]
    return len(items) >= 3 and all(0 < len(i.split()) <= 3 and not SENT_END.search(i)
                                   for i in items)


def _trailing_block(
    raw: str, lines: list[Line], kinds: list[str | None], lex: Lexicon, n_header: int
) -> None:
    """From the first end-marker line in the last part of the text, everything is footer."""
    markers = {k.name for k in lex.kinds if k.end_marker}
    floor = END_BLOCK_FROM * len(raw)
    for i in range(n_header, len(lines)):
        if kinds[i] in markers and lines[i].start >= floor:
            for j in range(i + 1, len(lines)):
                if kinds[j] is None:
                    kinds[j] = "bio" if lex.bio.match(lines[j].text) else "footer"
            return


def _bios(
    raw: str, lines: list[Line], kinds: list[str | None], lex: Lexicon, author: str | None
) -> None:
    """A line in the last part that presents the byline author ("X is a journalist…")."""
    if not author:
        return
    rx = re.compile(rf"^{re.escape(author)}\s+(?:is|was|has|writes|covers|reports)\b")
    floor = BIO_FROM * len(raw)
    for i, line in enumerate(lines):
        if kinds[i] is None and line.start >= floor and rx.match(line.text):
            kinds[i] = "bio"


def _byline_author(header: list[Line]) -> str | None:
    for line in header:
        by = parse_byline(line.text)
        if by:
            return by[0][0]
    return None


def _footerish(raw: str, line: Line, kind: str | None, lex: Lexicon) -> bool:
    if kind is not None:
        return True
    if line.words <= FOOTER_MAX_WORDS and not SENT_END.search(line.text):
        return True
    return bool(lex.bio.match(line.text))


def _backward_sweep(
    raw: str, lines: list[Line], kinds: list[str | None], lex: Lexicon, n_header: int
) -> None:
    """Absorb the run of footer-looking lines at the very end of the text."""
    i = len(lines) - 1
    while i > n_header and _footerish(raw, lines[i], kinds[i], lex):
        if kinds[i] is None:
            kinds[i] = "bio" if lex.bio.match(lines[i].text) else "footer"
        i -= 1


def _headings(raw: str, lines: list[Line], kinds: list[str | None]) -> None:
    """Section headings inside the body: Markdown headings, or short title-case lines."""
    for i in range(1, len(lines) - 1):
        if kinds[i] is None and _is_heading(raw, lines[i]):
            kinds[i] = "heading"


def _is_heading(raw: str, line: Line) -> bool:
    line_start = raw.rfind("\n", 0, line.start) + 1
    if _MD_HEADING.match(raw, line_start):
        return True
    if line.words > HEADING_MAX_WORDS or bare_end(line.text).endswith((".", ",", ";", ":", "…")):
        return False
    if _NOT_HEADING.search(line.text):  # quotes, speaker labels, several sentences
        return False
    if not (raw[max(0, line_start - 2):line_start] == "\n\n" and raw[line.end:line.end + 2] in
            ("\n\n", "\n", "")):
        return False
    long_words = [w for w in line.text.split() if len(w) > 3]
    caps = sum(bool(_CAP_WORD.match(w)) for w in long_words)
    return bool(long_words) and caps >= 0.6 * len(long_words)


def _line_spans(lines: list[Line], kinds: list[str | None]) -> list[Boilerplate]:
    """One span per run of consecutive lines of the same kind."""
    out: list[Boilerplate] = []
    for i, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        if kind is None:
            continue
        if out and i > 0 and kinds[i - 1] == kind and out[-1].end == lines[i - 1].raw_end:
            out[-1].end = line.raw_end
        else:
            out.append(Boilerplate(line.raw_start, line.raw_end, kind))
    return out


def _phrase_spans(lines: list[Line], kinds: list[str | None]) -> list[Boilerplate]:
    """Sentences of prose lines that carry a phrase cue (an appeal inside a paragraph)."""
    lex = lexicon()
    out: list[Boilerplate] = []
    for line, kind in zip(lines, kinds, strict=True):
        if kind is not None:
            continue
        lowered = line.text.lower()
        for k in lex.kinds:
            for pos in k.phrase_starts(line.text, lowered):
                start, end = sentence_bounds(line, line.start + pos)
                out.append(Boilerplate(start, end, k.name))
    return out


def _merge(spans: list[Boilerplate]) -> list[Boilerplate]:
    out: list[Boilerplate] = []
    for b in sorted(spans, key=lambda b: (b.start, -b.end)):
        if out and b.start < out[-1].end:
            out[-1].end = max(out[-1].end, b.end)
        else:
            out.append(Boilerplate(b.start, b.end, b.kind))
    return out
