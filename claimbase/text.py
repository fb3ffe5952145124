"""Plain-text structure shared by the stages: paragraphs as offsets into the text."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")  # a blank line ends a paragraph


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
