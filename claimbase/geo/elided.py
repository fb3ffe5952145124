"""Names whose shared part is written once: "North and South Korea" is North Korea and South
Korea, "Eastern and Southern Europe" Eastern Europe and Southern Europe.

A capitalised qualifier (compass word, "Upper", "Lower", …) joined by "and"/"or" to a
second qualifier and a name is read as the qualifier plus that name, when the gazetteer
knows both whole names exactly. The NER gives such pairs odd spans ("North and" GPE,
"North and South Carolina" GPE), so these spans replace any span they overlap.
"""

from __future__ import annotations

import re
from typing import Any

from claimbase.first_chars import with_first_chars

_QUALIFIER = (r"North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower"
              r"|North-?[Ee]ast|North-?[Ww]est|South-?[Ee]ast|South-?[Ww]est"
              r"|Northeast|Northwest|Southeast|Southwest")
_ELIDED = re.compile(
    rf"(?<![\w-])(?P<first>{_QUALIFIER})[ \t]+(?:and|or|&)[ \t]+(?P<second>{_QUALIFIER})"
    r"[ \t]+(?P<name>[A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*)?)")


def _exact(gaz: Any, name: str) -> bool:
    return gaz.has_name(name) and any(c.match == "exact" for c in gaz.candidates(name)[:5])


def elided_names(text: str, gaz: Any) -> dict[tuple[int, int], str]:
    """(start, end) of each part -> the whole name it stands for: the first qualifier ->
    "North Korea", the second qualifier and the name -> "South Korea"."""
    out: dict[tuple[int, int], str] = {}
    if " and " not in text and " or " not in text and " & " not in text:
        return out
    for m in with_first_chars(_ELIDED).finditer(text):
        words = list(re.finditer(r"\S+", m.group("name")))
        for n in range(len(words), 0, -1):  # "Korea", not "Korea Tuesday"
            end = m.start("name") + words[n - 1].end()
            name = text[m.start("name"):end]
            first, second = f"{m.group('first')} {name}", f"{m.group('second')} {name}"
            if _exact(gaz, first) and _exact(gaz, second):
                out[(m.start("first"), m.end("first"))] = first
                out[(m.start("second"), end)] = second
                break
    return out
