"""Small questions about the dependency parse that several stages ask."""

from __future__ import annotations

from typing import Any


def head_chain_reaches(sdoc: Any, start: int, end: int, anchor_pos: int, hops: int) -> bool:
    """True when the syntactic head chain of the text span [start, end) reaches the token at
    character `anchor_pos` within `hops` steps (the span depends on the anchor's clause)."""
    if sdoc is None or start is None:
        return False
    span = sdoc.char_span(start, end, alignment_mode="expand")
    anchor = sdoc.char_span(anchor_pos, anchor_pos + 1, alignment_mode="expand")
    if span is None or anchor is None:
        return False
    head, target = span.root, anchor.root
    for _ in range(hops):
        if head == target:
            return True
        if head.head == head:
            break
        head = head.head
    return False
