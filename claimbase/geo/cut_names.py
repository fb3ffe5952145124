"""Names cut at a hyphenated Arabic article.

A transliterated name such as "Khan al-Sobol" or "Tell Al-Sultan" is sometimes found only up
to its article ("Khan al", "Tell Al"): the NER splits at the hyphen, and an extender then
adds the bare article. Such a fragment is no name, and looking it up reads a wrong town
("Tell Al" is At Tall); or up to its hyphen ("Ghanim Al-"), the rest ("Ali") then read as a
town of its own. `whole_articled_names` gives each such mention the whole name
("Khan al-Sobol"), looked up as a whole, which the gazetteer then knows or does not (no
repair splits it again into "Tell" and "Sultan").
"""

from __future__ import annotations

import re
from typing import Any

# a span ending with a bare article word, right before the hyphen that joins it to the rest
_CUT = re.compile(r"(?:^|\s)(?:al|el|Al|El|AL|EL|as|ash|ad|ar|az|an|at)-?\Z")
_REST = re.compile(r"-[^\W\d_][\w’'‘]*(?:-[^\W\d_][\w’'‘]*)*")


def whole_articled_names(text: str, mentions: list[Any]) -> None:
    """Extend, in place, every mention cut right after a hyphenated article to the end of
    the hyphenated word ("Tal al" of "Tal al-Toqan" -> "Tal al-Toqan"; "Ghanim Al-" of
    "Ghanim Al-Ali"), unless another mention starts inside the rest; a mention that is the
    rest itself ("Ali", right after "Ghanim Al-") is dropped: it is no name of its own."""
    starts = {m.start for m in mentions}
    absorbed: set[int] = set()
    for m in mentions:
        if m.lookup or not _CUT.search(m.text):
            continue
        rest = _REST.match(text, m.end - 1 if m.text.endswith("-") else m.end)
        if rest is None or any(m.end < s < rest.end() for s in starts):
            continue
        absorbed |= {id(o) for o in mentions
                     if o is not m and o.start == m.end and o.end <= rest.end()}
        m.end = rest.end()
        m.text = m.lookup = text[m.start:m.end]  # looked up whole: not split again
    if absorbed:
        mentions[:] = [m for m in mentions if id(m) not in absorbed]
