"""Plain-text structure shared by the stages: paragraphs as offsets into the text."""

from __future__ import annotations

import bisect
import html
import re
from functools import lru_cache
from typing import Any

PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")  # a blank line ends a paragraph
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_entities(text: str) -> str:
    """The text with its well-formed HTML character references decoded ("Dar&#8217;a" ->
    "Dar’a", "&amp;" -> "&"), for plain text and JSON fields scraped from web pages.

    Only complete references ending in ";" are touched (a bare "AT&T" or "&copy" stays), and
    a name HTML does not define is kept as written. Decode before the `Document` is built, so
    that every offset indexes the decoded text."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text)


@lru_cache(maxsize=16)
def paragraph_spans(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the paragraphs of a text (computed once per text)."""
    starts, ends = [0], []
    for m in PARA_BREAK.finditer(text):
        ends.append(m.start())
        starts.append(m.end())
    ends.append(len(text))
    return starts, ends


def paragraph_at(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the paragraph holding offset `pos`."""
    starts, ends = paragraph_spans(text)
    i = max(0, bisect.bisect_right(starts, pos) - 1)
    return starts[i], ends[i]


def line_start(text: str, pos: int) -> int:
    """The start of the line holding offset `pos` (a line is a paragraph in one-line-per-
    paragraph text)."""
    i = text.rfind("\n", 0, pos)
    return 0 if i < 0 else i + 1


def anchor_offset(anchor: Any) -> int:
    """The character offset of an anchor: an offset, a (start, end) span, or a token or span
    of the parse."""
    if isinstance(anchor, int):
        return anchor
    if isinstance(anchor, tuple):
        return int(anchor[0])
    return int(getattr(anchor, "idx", getattr(anchor, "start_char", 0)))
