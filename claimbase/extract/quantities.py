"""Casualty and size figures: "at least 20 soldiers were killed" -> killed, low=best=20.

`parse_amount` reads a number phrase into (low, best, high) following GUIDELINES §10;
`find_quantities` walks one spaCy sentence and returns every figure about people whose kind
(killed, injured, captured, surrendered, arrested, displaced, participants) the syntax gives,
together with the token that governs it, so the event stage can attach each figure to the one
event whose clause carries it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from claimbase.record import Quantity

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Vague plurals: the smallest value the word implies (low only).
VAGUE = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2_000_000,
    "tens": 20,
}
LOWER_BOUND = {"least", "more", "over", "above", "exceeding", "upwards"}
UPPER_BOUND = {"most", "less", "fewer", "under", "below", "nearly", "almost", "maximum"}
APPROX = {"about", "around", "approximately", "roughly", "some", "nearly", "almost", "estimated"}

# Person nouns a figure may count (lemmas); anything else (roads, positions, tanks) is not
# recorded.
PERSON_NOUNS = {
    "person", "people", "civilian", "soldier", "troop", "fighter", "militant", "terrorist",
    "member", "rebel", "insurgent", "jihadist", "child", "woman", "man", "resident",
    "villager", "protester", "demonstrator", "policeman", "officer", "guard", "worker",
    "student", "journalist", "family", "refugee", "prisoner", "detainee", "hostage", "force",
    "personnel", "militiaman", "gunman", "suspect", "citizen", "casualty", "victim",
    "extremist", "mercenary", "contractor", "commander", "leader", "official", "marine",
    "servicemen", "serviceman", "recruit", "combatant", "infant", "boy", "girl", "adult",
    "dead", "body", "inhabitant", "pilgrim", "migrant", "activist", "staff", "employee",
    "sniper", "others", "other", "operative", "trooper", "policemen", "emir", "attacker",
    "assailant", "bomber", "kidnapper", "raider", "pilot", "crew", "passenger", "tourist",
    "priest", "doctor", "nurse", "teacher", "farmer", "shepherd", "fisherman", "militia",
    "jihadi", "peacekeeper", "volunteer", "inmate", "patient", "minor",
}
# Verb lemmas -> kind, when the figure is their object (active) or subject (passive/intr.).
VERB_KIND = {
    "kill": "killed", "slay": "killed", "execute": "killed", "massacre": "killed",
    "murder": "killed", "behead": "killed", "die": "killed", "assassinate": "killed",
    "injure": "injured", "wound": "injured", "hurt": "injured",
    "capture": "captured", "abduct": "captured", "kidnap": "captured", "seize": "captured",
    "surrender": "surrendered",
    "arrest": "arrested", "detain": "arrested", "jail": "arrested", "imprison": "arrested",
    "displace": "displaced", "flee": "displaced", "evacuate": "displaced",
    "protest": "participants", "demonstrate": "participants", "rally": "participants",
    "march": "participants",
}
# Nouns -> kind for "the killing of N", "N deaths".
NOUN_KIND = {
    "killing": "killed", "massacre": "killed", "death": "killed", "execution": "killed",
    "murder": "killed", "injury": "injured", "arrest": "arrested", "detention": "arrested",
    "surrender": "surrendered", "capture": "captured", "displacement": "displaced",
}
# Adjectives/participles right after the noun: "20 people dead", "10 soldiers wounded".
ADJ_KIND = {"dead": "killed", "killed": "killed", "wounded": "injured", "injured": "injured",
            "missing": "captured", "displaced": "displaced", "arrested": "arrested"}
GROUP_NOUNS = {"group", "unit", "band", "team", "squad", "column", "crowd", "force"}
PROTEST_NOUNS = {"protester", "demonstrator", "marcher"}

_NUM_RE = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")


@dataclass(slots=True)
class Figure:
    """A figure found in a sentence: the quantity and the token whose event carries it."""

    quantity: Quantity
    governor: Any  # spaCy Token (the verb or noun giving the kind), or the noun head
    head: Any  # the counted noun


def number_value(words: list[str]) -> int | None:
    """The integer a number expression denotes: "3,000", "twenty-five", "two hundred"."""
    total, current, seen = 0, 0, False
    for raw in words:
        w = raw.lower().replace("\u2013", "-")
        if _NUM_RE.match(w):
            current += int(float(w.replace(",", "")))
            seen = True
            continue
        parts = w.split("-")
        if all(p in UNITS for p in parts):
            current += sum(UNITS[p] for p in parts)
            seen = True
        elif w in SCALES:
            current = max(current, 1) * SCALES[w]
            if SCALES[w] >= 1000:
                total, current = total + current, 0
            seen = True
        elif w in ("and", "a", "an"):
            continue
        else:
            return None
    return total + current if seen else None


def parse_amount(words: list[str]) -> tuple[int | None, int | None, int | None] | None:
    """(low, best, high) for a number phrase, or None when it holds no number.

    "at least 20" -> (20, 20, None); "20" -> (20, 20, 20); "hundreds" -> (200, None, None);
    "between 10 and 15" -> (10, None, 15); "a dozen" -> (12, 12, 12); "up to 30" ->
    (None, None, 30); "about 40" -> (None, 40, None).
    """
    low_words = [w.lower() for w in words]
    if not low_words:
        return None
    if "between" in low_words and "and" in low_words:
        i, j = low_words.index("between"), low_words.index("and")
        a, b = number_value(words[i + 1:j]), number_value(words[j + 1:])
        if a is not None and b is not None:
            return (a, None, b)
    nums = [w for w in low_words if w not in LOWER_BOUND | UPPER_BOUND | APPROX
            and w not in ("at", "than", "up", "to", "of", "a", "an", "as", "many", "much")]
    if len(nums) == 1 and nums[0] in VAGUE:
        return (VAGUE[nums[0]], None, None)
    if nums and nums[-1] in VAGUE and nums[0] in ("tens", "hundreds"):
        return (VAGUE[nums[0]] * VAGUE[nums[-1]] // 2, None, None)
    if nums == ["dozen"]:
        value: int | None = 12
    else:
        value = number_value([w for w in words if w.lower() in nums])
    if value is None:
        return None
    if any(w in LOWER_BOUND for w in low_words):
        return (value, value, None)
    if "up" in low_words or any(w in ("most", "less", "fewer", "under", "below", "maximum")
                                for w in low_words):
        return (None, None, value)
    if any(w in APPROX for w in low_words):
        return (None, value, None)
    return (value, value, value)


def _number_tokens(head: Any) -> list[Any]:
    """The tokens of the number phrase modifying `head` ("at least 20", "more than 3,000")."""
    toks = []
    for child in head.children:
        if child.dep_ == "nummod" or (child.like_num and child.i < head.i) or child.dep_ in ("quantmod",) or (
            child.dep_ == "advmod" and child.lower_ in LOWER_BOUND | APPROX
        ):
            toks.extend(child.subtree)
        elif child.dep_ == "det" and child.lower_ in ("a", "an") and head.lower_ == "dozen":
            toks.append(child)
    # whitespace tokens (blanked markup, line breaks) hang in a subtree but are no words
    return sorted({t.i: t for t in toks if not t.is_space}.values(), key=lambda t: t.i)


def _counted(head: Any) -> tuple[Any, list[Any], Any] | None:
    """(counted noun, number tokens, phrase head) for a quantity phrase headed at `head`.

    Handles "20 soldiers", "hundreds of terrorists", "a group of 12 ISIS members",
    "thousands of ISIS troops".
    """
    lemma = head.lemma_.lower()
    text = head.lower_
    if text in VAGUE or lemma in ("dozen", "score") or (head.like_num and head.dep_ != "nummod"):
        pobj = next((c for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                     for c in p.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.lemma_.lower() in PERSON_NOUNS | {"isis"}:
            nums = [t for t in head.subtree if not t.is_space and (
                t.i <= head.i and t.dep_ != "det" or t.i <= head.i and text == "dozen")]
            return pobj, nums, head
        if pobj is not None:
            return None
    if lemma in PERSON_NOUNS or head.lower_ in PERSON_NOUNS:
        nums = _number_tokens(head)
        if nums:
            return head, nums, head
    return None


def _kind_of(phrase_head: Any) -> tuple[str, Any] | None:
    """The kind of a figure from its syntactic frame, and the governing token."""
    tok = phrase_head
    dep = tok.dep_
    gov = tok.head
    # "20 people dead", "10 soldiers wounded"
    for child in tok.children:
        if child.dep_ in ("amod", "acl") and child.lower_ in ADJ_KIND and child.i > tok.i:
            return ADJ_KIND[child.lower_], child
    if dep == "appos" or dep == "conj":
        return _kind_of(gov)
    if dep == "pobj" and gov.dep_ == "prep":
        prep, owner = gov, gov.head
        if prep.lower_ == "of" and owner.lemma_.lower() in NOUN_KIND:
            return NOUN_KIND[owner.lemma_.lower()], owner
        if prep.lower_ == "of" and owner.lemma_.lower() in GROUP_NOUNS:
            return _participants(owner)
        if prep.lower_ == "of" and owner.lower_ in VAGUE:
            return _kind_of(owner)
        if prep.lower_ == "by" and owner.pos_ == "VERB":
            return None
        return None
    if gov.pos_ in ("VERB", "AUX") or gov.tag_.startswith("VB"):
        lemma = gov.lemma_.lower()
        kind = VERB_KIND.get(lemma)
        if kind is None:
            return None
        if dep in ("dobj", "nsubjpass", "obj") or (dep == "nsubj" and lemma in (
                "die", "surrender", "flee", "protest", "demonstrate", "rally", "march")):
            return kind, gov
        return None
    return None


def _participants(group: Any) -> tuple[str, Any] | None:
    if group.dep_ in ("nsubj", "pobj", "nsubjpass", "dobj"):
        return "participants", group
    return None


def _quantity(kind: str, counted: Any, nums: list[Any], phrase_head: Any,
              text: str) -> Quantity | None:
    amount = parse_amount([t.text for t in nums if not t.is_punct])
    if amount is None:
        return None
    start_tok = min([phrase_head.left_edge, *nums], key=lambda t: t.i)
    end_tok = counted
    start = start_tok.idx
    end = end_tok.idx + len(end_tok.text)
    if end < len(text) and text[end] in "”\"'’" and "“" in text[start:end] + '"':
        end += 1
    low, best, high = amount
    return Quantity(kind=kind, text=text[start:end], low=low, best=best, high=high,
                    of=_head_phrase(counted), start=start, end=end)


def _head_phrase(noun: Any) -> str:
    """The head noun as written, with its compound and adjectival modifiers."""
    first = noun.i
    doc = noun.doc
    while first > 0:
        prev = doc[first - 1]
        if prev.like_num or prev.is_punct or prev.lower_ in LOWER_BOUND | APPROX | UPPER_BOUND:
            break
        if prev.dep_ not in ("compound", "amod", "nmod") or prev.head.i < noun.i - 4:
            break
        first -= 1
    return doc[first:noun.i + 1].text.strip("“”\"'")


def find_quantities(sent: Any, text: str) -> list[Figure]:
    """Every figure about people in one spaCy sentence whose kind the syntax gives."""
    figures: list[Figure] = []
    seen: set[int] = set()
    for tok in sent:
        if tok.i in seen or not (tok.pos_ in ("NOUN", "PROPN", "NUM", "PRON")
                                 or tok.like_num):
            continue
        found = _counted(tok)
        if found is None:
            continue
        counted, nums, phrase_head = found
        frame = _kind_of(phrase_head)
        group = _group_of(phrase_head)
        if frame is None and group is not None:
            frame = _participants(group)
            if frame is not None:
                phrase_head = group
        if frame is None:
            if counted.lemma_.lower() in PROTEST_NOUNS:
                frame = ("participants", phrase_head.head)
            else:
                continue
        kind, governor = frame
        q = _quantity(kind, counted, nums, phrase_head, text)
        if q is None:
            continue
        if kind == "participants" and group is not None:
            q.text = text[group.left_edge.idx:counted.idx + len(counted.text)]
            q.start = group.left_edge.idx
        seen.update(t.i for t in nums)
        seen.add(counted.i)
        figures.append(Figure(quantity=q, governor=governor, head=counted))
    return figures


def _group_of(phrase_head: Any) -> Any | None:
    """The "group" noun of "a group of 12 members", or None."""
    if phrase_head.dep_ == "pobj" and phrase_head.head.lower_ == "of":
        owner = phrase_head.head.head
        if owner.lemma_.lower() in GROUP_NOUNS:
            return owner
    return None
