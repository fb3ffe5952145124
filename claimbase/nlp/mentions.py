"""Actor mentions in a parsed document: the work behind the `actors` stage.

Sources, most trusted first (overlaps are resolved in that order, then by length):

1. entities resolved in the actor dictionary (ruler `ent_id_`, else an alias lookup), grown
   over the noun they modify: "Syrian troops" -> SYR_MIL, "ISIS fighters" -> ISIS,
   "Iraqi civilians" -> civilians of IRQ; capitals as subjects/possessors -> the state;
2. persons and organisations the dictionary does not know (sector from titles / name words);
3. generic descriptions with a sector ("gunmen", "protesters", "government forces").

Every mention is a `claimbase.record.ActorMention` with offsets into `doc.text`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, POS
from spacy.parts_of_speech import NOUN, PROPN

from claimbase.nlp.actors import Actor, ActorDictionary
from claimbase.nlp.lexicon import Lexicon, lexicon, norm
from claimbase.nlp.syntax import entities
from claimbase.record import ActorMention

ACTOR_LABELS = frozenset({"ORG", "NORP", "PERSON", "GPE", "FAC", "LOC"})
LOCATIVE = frozenset({
    "in", "at", "near", "inside", "across", "throughout", "within", "into", "around", "toward",
    "towards", "outside", "through", "along", "beyond", "over", "off",
    "via", "amid", "underneath", "under", "onto", "on",
})
RELATIONAL_PREPS = frozenset({"by", "with", "between", "against", "among", "versus", "vs"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "poss"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
NP_LEFT_DEPS = frozenset({"det", "amod", "compound", "nummod", "quantmod", "poss", "nmod",
                          "npadvmod", "punct", "advmod"})
BACKING = ("backed", "led", "sponsored", "supported", "funded", "armed", "allied", "aligned")
PRIO_DICT, PRIO_NAME, PRIO_GENERIC = 3, 2, 1
TOPONYM_PREFIXES = frozenset({
    "al", "el", "as", "ar", "ad", "an", "ash", "at", "az", "tal", "tell", "tel", "deir", "dayr",
    "jabal", "jebel", "ras", "ain", "ayn", "bab", "kafr", "kfar", "khan", "wadi", "jisr",
    "maarat", "qasr", "beit", "bayt", "hay", "tall", "umm", "bir", "mount", "camp",
})


@dataclass(slots=True)
class Candidate:
    prio: int
    start: int  # token index
    end: int  # token index, exclusive
    id: str | None
    name: str | None
    sector: str | None
    country: str | None
    kind: str


_OPPOSED = re.compile(r"\b(?:anti|counter)[-‐‑]([\w’'-]+)", re.IGNORECASE)


def _opposed(text: str, actor_id: str, book: ActorDictionary) -> bool:
    """Does the mention name the actor only after "anti-"/"counter-" ("an anti-ISIS
    militia")? An alias that contains the prefix ("the anti-ISIS coalition") is kept."""
    for m in _OPPOSED.finditer(text):
        found = book.lookup(m.group(1), fuzzy=False)
        if found is not None and found.id == actor_id:
            return True
    return False


def find_mentions(doc: Any, book: ActorDictionary,
                  is_place: Callable[[str], bool] | None = None) -> list[ActorMention]:
    """Every actor mention of `doc` (sorted by start, non-overlapping, never in boilerplate).

    `is_place(name)` (e.g. the gazetteer's `has_name`) vetoes unknown names that the NER
    took for persons or organisations but are places ("Tal Afar").
    """
    sdoc = doc.spacy_doc
    if sdoc is None:
        return []
    lex = lexicon()
    frame = _doc_frame(sdoc, book, lex)
    focus = frame.counts.most_common(1)[0][0] if frame.counts else None
    cands: list[Candidate] = []
    cands += entity_candidates(sdoc, book, lex, is_place)
    cands += generic_candidates(sdoc, book, lex, focus, frame)
    chosen = _select(cands, len(sdoc))
    out = []
    for c in chosen:
        start = sdoc[c.start].idx
        last = sdoc[c.end - 1]
        end = last.idx + len(last.text)
        if doc.in_boilerplate(start, end):
            continue
        if c.id is not None and _opposed(doc.text[max(0, start - 9):end], c.id, book):
            # "an anti-Isis force", "counter-ISIS operations": against the actor, not it
            out.append(ActorMention(text=doc.text[start:end], start=start, end=end,
                                    kind="generic"))
            continue
        out.append(ActorMention(text=doc.text[start:end], start=start, end=end, id=c.id,
                                name=c.name, sector=c.sector, country=c.country, kind=c.kind))
    _propagate_persons(out)
    return out


# ---------------------------------------------------------------------- country focus
def country_focus(sdoc: Any, book: ActorDictionary, lex: Lexicon | None = None) -> str | None:
    """The ISO3 country the document is mostly about (weighted state/demonym mentions)."""
    counts = _doc_frame(sdoc, book, lex or lexicon()).counts
    if not counts:
        return None
    return counts.most_common(1)[0][0]


@dataclass(frozen=True)
class DocFrame:
    """Document-wide evidence for generic phrases: weighted country mentions and the ids of
    the actors the NER named."""

    counts: Counter[str]
    ids: frozenset[str]


def _doc_frame(sdoc: Any, book: ActorDictionary, lex: Lexicon) -> DocFrame:
    counts: Counter[str] = Counter()
    ids: set[str] = set()
    for ent in entities(sdoc):
        if ent.label_ not in ("GPE", "NORP", "LOC", "ORG"):
            continue
        actor = book.get(ent.ent_id_) or book.lookup(ent.text)
        if actor is None:
            continue
        ids.add(actor.id)
        if not actor.country:
            continue
        weight = 1.0 if actor.is_state else 0.5
        counts[actor.country] += weight * float(lex.focus_weight.get(actor.country, 1.0))
    return DocFrame(counts, frozenset(ids))


def _frame_choice(options: dict[str, str], frame: DocFrame | None) -> str | None:
    """The id among a phrase's country options ("coalition": SYR/IRQ -> US-led, YEM ->
    Saudi-led) that the whole document supports: the one actor it names, else the option
    country it mentions most (a lone option must be at least half as prominent as the focus
    country); None when the document does not decide."""
    if frame is None:
        return None
    named = {i for i in options.values() if i in frame.ids}
    if len(named) == 1:
        return named.pop()
    if named:
        return None
    scores: dict[str, float] = {}
    for country, actor_id in options.items():
        scores[actor_id] = max(scores.get(actor_id, 0.0), frame.counts.get(country, 0.0))
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] <= 0 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    if len(ranked) == 1 and ranked[0][1] < max(frame.counts.values()) / 2:
        return None  # one option ("Iranian-backed militias" -> PMU in Iraq): needs prominence
    return ranked[0][0]


# ---------------------------------------------------------------------- entities
def entity_candidates(sdoc: Any, book: ActorDictionary, lex: Lexicon,
                      is_place: Callable[[str], bool] | None = None) -> list[Candidate]:
    out = []
    for ent in entities(sdoc):
        if ent.label_ not in ACTOR_LABELS:
            continue
        split = _split_backer(ent)
        if split is not None:
            out += _backed_candidates(ent, split, book)
            continue
        cand = _entity_candidate(ent, book, lex)
        if cand is not None and is_place is not None and (
                cand.id is None and _looks_like_place(ent, cand, is_place)
                or cand.id is not None and not ent.ent_id_
                and _fuzzy_place(ent, cand, book, is_place)):
            continue
        if cand is not None:
            out.append(cand)
    return out


def _fuzzy_place(ent: Any, cand: Candidate, book: ActorDictionary,
                 is_place: Callable[[str], bool]) -> bool:
    """A name that only loosely matches an actor but exactly names a place ("Al-Mayadin")."""
    loose = book.lookup(ent.text)
    if loose is None or loose.id != cand.id or book.lookup(ent.text, fuzzy=False) is not None:
        return False
    try:
        return bool(is_place(ent.text))
    except Exception:  # noqa: BLE001 - the gazetteer is optional here
        return False


def _looks_like_place(ent: Any, cand: Candidate, is_place: Callable[[str], bool]) -> bool:
    """An unknown ORG, or a PERSON shaped like a toponym ("Tal Afar"), that the gazetteer has."""
    if cand.kind == "person" and (cand.start < ent.start or
                                  ent[0].lower_ not in TOPONYM_PREFIXES):
        return False
    try:
        return bool(is_place(ent.text))
    except Exception:  # noqa: BLE001 - the gazetteer is optional here
        return False


def _split_backer(ent: Any) -> tuple[Any, Any] | None:
    """"US-backed Syrian Democratic Forces" -> ("US", "Syrian Democratic Forces")."""
    doc = ent.doc
    for tok in ent:
        if tok.i > ent.start and tok.i + 1 < ent.end and tok.lower_ in BACKING:
            cut = tok.i - 1 if doc[tok.i - 1].text in ("-", "‐", "‑", "–") else tok.i
            if cut > ent.start:
                return doc[ent.start:cut], doc[tok.i + 1:ent.end]
    return None


def _backed_candidates(ent: Any, split: tuple[Any, Any], book: ActorDictionary) -> list[Candidate]:
    """The backer and the backed group of an "X-backed Y" entity, as two mentions."""
    backer, backed = split
    out = []
    giver = book.lookup(backer.text)
    if giver is not None:
        out.append(_from_actor(giver, PRIO_DICT, backer.start, backer.end))
    group = book.lookup(backed.text) or book.get(ent.ent_id_)
    if group is not None:
        out.append(_from_actor(group, PRIO_DICT, backed.start, backed.end))
    return out


def _entity_candidate(ent: Any, book: ActorDictionary, lex: Lexicon) -> Candidate | None:
    actor = book.get(ent.ent_id_) or _lookup_entity(ent, book, lex)
    start, end = _with_titles(ent, lex) if ent.label_ == "PERSON" else (ent.start, ent.end)
    if actor is None:
        return _unknown_entity(ent, book, lex, start, end)
    if actor.is_state and (ent.label_ in ("GPE", "LOC", "FAC") and _is_locative(ent.root)
                           or described_place(ent.root)):
        return None  # "in Syria"; "northern Syria-" even when the NER calls it a person
    grown = _grow(ent, actor, book, lex)
    if grown is not None:
        return grown
    if ent.label_ != "PERSON":
        start = _with_the(ent)
    return _from_actor(actor, PRIO_DICT, start, end)


def _with_the(ent: Any) -> int:
    """Include a determiner "the" right before a named actor ("the SDF")."""
    if ent.start > 0:
        prev = ent.doc[ent.start - 1]
        if prev.lower_ == "the" and prev.head.i >= ent.start and prev.head.i < ent.end:
            return prev.i
    return ent.start


def _lookup_entity(ent: Any, book: ActorDictionary, lex: Lexicon) -> Actor | None:
    # Places (NER or gazetteer) only match actors exactly: "Al-Mayadin" is not Al Mayadeen.
    fuzzy = ent.label_ not in ("GPE", "LOC", "FAC")
    actor = book.lookup(ent.text, fuzzy=fuzzy)
    if actor is not None:
        return actor
    tokens = [t for t in ent if t.dep_ != "case" and t.text not in ("'s", "’s")]
    while tokens and (tokens[0].lower_ in lex.titles or tokens[0].pos_ == "DET"
                      or _title_word(tokens[0].lower_, lex)):
        tokens = tokens[1:]
    if tokens and len(tokens) < len(ent):
        return book.lookup(" ".join(t.text for t in tokens), fuzzy=fuzzy)
    return None


def _unknown_entity(ent: Any, book: ActorDictionary, lex: Lexicon,
                    start: int, end: int) -> Candidate | None:
    label = ent.label_
    if label in ("GPE", "LOC", "FAC"):
        capital = _metonymy(ent, book, lex)
        if capital is not None:
            grown = _grow(ent, capital, book, lex)  # "Ankara's troops" -> TUR_MIL
            return grown or _from_actor(capital, PRIO_DICT, ent.start, ent.end)
        return None
    if _is_locative(ent.root) and start == ent.start:
        return None  # "in Daraa": an unknown name used as a place
    if ent.text.lower().rstrip("s") in lex.not_actor_names or \
            ent.text.lower() in lex.not_actor_names:
        return None  # "VBIED", "MANPADS": weapons the NER takes for names
    if label == "PERSON":
        sector = _person_sector(ent, lex, start)
        return Candidate(PRIO_NAME, start, end, None, None, sector, None, "person")
    if label == "ORG":
        if all(_common_word(t, lex) for t in ent):
            return None  # "Army", "the Government": a description, not a name
        kind, sector = _org_sector(ent, lex)
        mention_kind = "media" if kind == "media" else "organization"
        return Candidate(PRIO_NAME, ent.start, ent.end, None, None, sector, None, mention_kind)
    if label == "NORP" and ent.text.endswith("s"):
        people = book.lookup(ent.text[:-1])  # "Syrians", "Iraqis": the people of a state
        if people is not None and people.is_state:
            return Candidate(PRIO_NAME, _with_the(ent), ent.end, None, None, "CVL",
                             people.country, "generic")
    return None  # NORP without a state ("Kurdish", "Sunni"): left to the generic rules


def _common_word(tok: Any, lex: Lexicon) -> bool:
    low = tok.lower_
    return (tok.is_stop or tok.is_punct or low in lex.military_nouns
            or low in lex.government_nouns or tok.lemma_.lower() in lex.generic)


def _from_actor(actor: Actor, prio: int, start: int, end: int, kind: str | None = None) -> Candidate:
    if kind is None:
        kind = {"person": "person", "media": "media"}.get(actor.kind, "actor")
    return Candidate(prio, start, end, actor.id, actor.name, actor.sector, actor.country, kind)


def described_place(tok: Any) -> bool:
    """A name described as a place whatever its role: with a part-of-place adjective
    ("northern Syria"), a relative clause of where something happens ("Syria, where …"), or
    as the place left ("escape Syria")."""
    lex = lexicon()
    words = lex.place_part_adjectives
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in lex.place_left_verbs:
        return True
    return any(c.dep_ == "amod" and c.lower_ in words for c in tok.children) or any(
        c.dep_ == "relcl" and any(w.lower_ == "where" and w.dep_ == "advmod" for w in c.children)
        for c in tok.children)


def _is_locative(tok: Any) -> bool:
    """A place use: the object of "in/at/near/…", of "of" after a part of a place ("the
    south of Syria", "all of Iraq") or of "from" after a departure ("withdraw from Syria");
    a name with a part-of-place adjective ("northern Syria") or told as where something
    happens ("Syria, where the group rose")."""
    if described_place(tok):
        return True
    lex = lexicon()
    while tok.dep_ in ("conj", "appos") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ in LOCATIVE:
        return True
    if prep.lower_ == "of":
        return prep.head.lower_ in lex.place_part_nouns
    return prep.lower_ == "from" and prep.head.pos_ == "VERB" and \
        prep.head.lemma_.lower() in lex.departure_verbs


def _metonymy(ent: Any, book: ActorDictionary, lex: Lexicon) -> Actor | None:
    """Damascus -> SYR_GOV etc., only as subject, agent, possessor or state modifier."""
    key = norm(ent.text)
    actor = book.get(lex.metonymy.get(key)) if key in lex.metonymy else book.capital(ent.text)
    if actor is None:
        return None
    if _agentive(ent.root):
        return actor
    return None


def _agentive(tok: Any) -> bool:
    seen = 0
    while tok.dep_ == "conj" and seen < 5:
        tok, seen = tok.head, seen + 1
    if tok.dep_ in SUBJECT_DEPS or tok.dep_ == "case":
        return True
    if tok.dep_ == "pobj" and (tok.head.dep_ == "agent" or tok.head.lower_ in RELATIONAL_PREPS):
        return True
    if tok.dep_ == "nmod" and tok.head.pos_ in ("NOUN", "VERB"):
        return True
    return tok.dep_ in ("compound", "amod") and tok.head.lower_ in lexicon().government_nouns


# ---------------------------------------------------------------------- growing over nouns
def _grow(ent: Any, actor: Actor, book: ActorDictionary, lex: Lexicon) -> Candidate | None:
    """An actor modifying a noun: "Syrian troops", "Iranian-backed"? no; "ISIS fighters"."""
    root = ent.root
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    chain = _noun_chain(first, ent.end)
    if not chain:
        return None
    words = [t.lower_ for t in chain]
    kind = _chain_kind(words, lex)
    if kind is None:
        return None
    target = _target(actor, kind, book)
    if target is None:
        return None
    head = chain[-1]
    # Coordinated modifiers ("Syrian, Russian and Iranian forces") keep their own span.
    doc = ent.doc
    between = doc[ent.end:head.i]
    if first is not root or any(c.dep_ == "conj" for c in root.children) or any(
            t.ent_type_ in ("NORP", "GPE", "ORG") for t in between):
        return _from_actor(target, PRIO_DICT, ent.start, ent.end)
    start = min(ent.start, _det_start(head, ent.start))
    return _from_actor(target, PRIO_DICT, start, head.i + 1)


def _noun_chain(tok: Any, after: int) -> list[Any]:
    """The nouns a modifier token heads into, left to right ("Syrian army convoys")."""
    chain = []
    cur = tok
    while cur.dep_ in MODIFIER_DEPS and cur.head.i > cur.i and cur.head.pos_ in ("NOUN", "PROPN"):
        cur = cur.head
        if cur.i >= after:
            if cur.ent_type_ in ("PERSON", "ORG", "GPE"):
                return []  # "Russian President Vladimir Putin": a modifier of a name
            chain.append(cur)
        if len(chain) > 4:
            break
    return chain


def _chain_kind(words: list[str], lex: Lexicon) -> str | None:
    text = " ".join(words)
    if any(w in lex.military_nouns for w in words) or any(
            m in text for m in lex.military_nouns if " " in m):
        return "MIL"
    if any(w in lex.government_nouns for w in words):
        return "GOV"
    if words[-1] in lex.civilian_nouns:
        return "CVL"
    if words[-1] in lex.member_nouns or text in lex.member_nouns:
        return "MEMBER"
    return None


def _target(actor: Actor, kind: str, book: ActorDictionary) -> Actor | None:
    if kind == "MEMBER":
        return None if actor.is_state else actor  # "Australian family members" is no state
    if actor.is_state or actor.kind in ("government",):
        iso3 = actor.country
        if kind == "MIL":
            return book.military_of(iso3)
        if kind == "GOV":
            return book.government_of(iso3)
        if kind == "CVL":
            return Actor(id="", name="", sector="CVL", country=iso3, kind="generic")
    if kind in ("MIL", "GOV") and actor.kind in ("military", "armed_group", "agency", "igo"):
        return actor  # "SDF forces", "Hezbollah troops", "UN officials"
    if kind == "MIL" and actor.kind == "person" and actor.sector == "GOV" and actor.country:
        return book.military_of(actor.country)  # "Assad forces", "Putin's troops"
    return None


def _det_start(head: Any, limit: int) -> int:
    for child in head.lefts:
        if child.dep_ in ("det", "predet") and child.i < limit:
            return child.i
    return limit


# ---------------------------------------------------------------------- persons / orgs
def _title_word(word: str, lex: Lexicon) -> bool:
    return word in lex.title_words


def _with_titles(ent: Any, lex: Lexicon) -> tuple[int, int]:
    """Grow a person span left over capitalised titles ("Secretary of State X")."""
    doc = ent.doc
    start = ent.start
    while start > 0:
        prev = doc[start - 1]
        if prev.is_title and _title_word(prev.lower_, lex) and prev.ent_type_ in ("", "PERSON"):
            start -= 1
        elif (prev.lower_ == "of" and start > 1 and doc[start - 2].is_title
              and _title_word(doc[start - 2].lower_, lex)):
            start -= 2
        else:
            break
    # The grown part must begin with a title ("State" alone is not one).
    while start < ent.start and not _starts_title(doc[start:ent.start], lex):
        start += 1
    return start, ent.end


def _starts_title(span: Any, lex: Lexicon) -> bool:
    words = [t.lower_ for t in span]
    return any(words[:len(key.split())] == key.split() for key in lex.titles)


def _person_sector(ent: Any, lex: Lexicon, start: int) -> str:
    doc = ent.doc
    words = [t.lower_ for t in doc[max(0, start - 3):ent.start]]
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos":
            words += [t.lower_ for t in child.subtree][:6]
    if root.dep_ == "appos":
        words += [t.lower_ for t in root.head.subtree if t.i < ent.start][-6:]
    text = " ".join(words)
    best = None
    for title, sector in lex.titles.items():
        if f" {title} " in f" {text} " and (best is None or len(title) > len(best[0])):
            best = (title, sector)
    return best[1] if best else "UNK"


def _org_sector(ent: Any, lex: Lexicon) -> tuple[str, str]:
    words = {t.lower_ for t in ent}
    for vocab, kind, sector in lex.org_words:
        if words & vocab:
            return kind, sector
    return "organization", "UNK"


def _propagate_persons(mentions: list[ActorMention]) -> None:
    """A later bare surname takes the id of the earlier full name ("Halevy")."""
    known: dict[str, ActorMention] = {}
    for m in mentions:
        if m.kind != "person":
            continue
        last = norm(m.text).split()[-1] if norm(m.text) else ""
        if m.id is None and last in known:
            src = known[last]
            m.id, m.name, m.sector, m.country = src.id, src.name, src.sector, src.country
        elif last:
            known.setdefault(last, m)


# ---------------------------------------------------------------------- generic descriptions
_NOUN_POS = frozenset({NOUN, PROPN})


def generic_candidates(sdoc: Any, book: ActorDictionary, lex: Lexicon,
                       focus: str | None, frame: DocFrame | None = None) -> list[Candidate]:
    out = []
    if not len(sdoc):
        return out
    # the nouns that head their phrase, read from the parse's arrays (a Token object is made
    # only for them)
    strings = sdoc.vocab.strings
    modifiers = {strings["compound"], strings["amod"]}
    for i, (pos, dep) in enumerate(sdoc.to_array([POS, DEP]).tolist()):
        if pos not in _NOUN_POS or dep in modifiers:
            continue
        cand = _generic(sdoc[i], book, lex, focus, frame)
        if cand is not None:
            out.append(cand)
    return out


def _generic(tok: Any, book: ActorDictionary, lex: Lexicon, focus: str | None,
             frame: DocFrame | None = None) -> Candidate | None:
    lemma = tok.lemma_.lower()
    if lemma not in lex.generic and tok.lower_ not in lex.generic and not _may_phrase(tok, lex):
        return None
    left = _np_left(tok)
    tokens = list(tok.doc[left:tok.i + 1])
    for k in range(len(tokens)):
        entry = lex.phrases.get(norm(" ".join(t.text for t in tokens[k:])))
        if entry is not None:
            if any(t.ent_type_ in ("NORP", "GPE", "ORG") for t in tokens[:k]):
                focus = None  # "the Kurdish authorities" are not the focus country's
            return _phrase_candidate(entry, tokens, book, focus, frame)
    entry = lex.generic.get(lemma) or lex.generic.get(tok.lower_)
    if entry is None:
        return None
    start = _after_backer(tokens)
    actor = book.get(entry.get("id"))
    if actor is not None:
        return _from_actor(actor, PRIO_GENERIC, start, tok.i + 1, kind="generic")
    return Candidate(PRIO_GENERIC, start, tok.i + 1, None, None, entry.get("sector", "UNK"),
                     None, entry.get("kind", "generic"))


def _may_phrase(tok: Any, lex: Lexicon) -> bool:
    return tok.lower_ in lex.phrase_heads


def _np_left(tok: Any) -> int:
    """First token of the noun phrase headed by `tok` (contiguous left modifiers only)."""
    left = tok.i
    for child in reversed(list(tok.lefts)):
        if child.dep_ in NP_LEFT_DEPS and child.right_edge.i == left - 1:
            left = child.left_edge.i
        else:
            break
    while left < tok.i and (tok.doc[left].is_punct or tok.doc[left].dep_ == "cc"):
        left += 1
    return left


def _after_backer(tokens: list[Any]) -> int:
    """Start of a noun phrase after an "X-backed" modifier (the backer is its own actor)."""
    start = tokens[0].i
    for t in tokens[:-1]:
        if any(t.lower_.endswith(b) for b in BACKING) and t.dep_ in ("amod", "compound"):
            start = t.i + 1
    return start


def _phrase_candidate(entry: dict[str, Any], tokens: list[Any], book: ActorDictionary,
                      focus: str | None, frame: DocFrame | None = None) -> Candidate:
    sector = entry.get("sector", "UNK")
    actor = None
    if entry.get("id"):
        actor = book.get(entry["id"])
    elif entry.get("focus_id"):
        actor = _announcing_side(tokens[-1], book, entry.get("side"))
        where = _sentence_countries(tokens[-1], book) | {focus}
        hit = next((c for c in entry["focus_id"] if c in where), None)
        actor_id = entry["focus_id"][hit] if hit else _frame_choice(entry["focus_id"], frame)
        actor = actor or book.get(actor_id)
    elif entry.get("focus") == "MIL":
        actor = book.military_of(focus)
    elif entry.get("focus") == "GOV":
        actor = book.government_of(focus)
    start = _after_backer(tokens)
    end = tokens[-1].i + 1
    if any(t.dep_ == "poss" and t.pos_ == "PRON" for t in tokens) and not entry.get("id"):
        actor = None  # "its security forces": the possessor decides (see coref)
    if actor is not None:
        return _from_actor(actor, PRIO_GENERIC, start, end, kind="generic")
    return Candidate(PRIO_GENERIC, start, end, None, None, sector, None, "generic")


SIDE_KINDS = frozenset({"armed_group", "military"})


def _announcing_side(tok: Any, book: ActorDictionary, side: str | None) -> Actor | None:
    """The armed group whose statement a side label is in: "the ALF announced that Kurdish
    forces had attacked" (the ALF's own forces, not the label's usual group). The label's
    `side` is a dictionary tag ("kurdish"); the announcer is the subject of a verb the
    label's clause is the complement of, an armed group with that tag."""
    if not side:
        return None
    node = tok
    for _ in range(8):
        if node.head.i == node.i:
            return None
        clause, node = node, node.head
        if clause.dep_ != "ccomp" or node.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
        actor = book.get(subj.ent_id_) if subj is not None and subj.ent_id_ else None
        if actor is not None and side in actor.tags and actor.kind in SIDE_KINDS:
            return actor
        return None
    return None


def _sentence_countries(tok: Any, book: ActorDictionary) -> set[str | None]:
    """Countries of the states / places named in the token's sentence (by the NER)."""
    out: set[str | None] = set()
    for ent in tok.sent.ents:
        if ent.label_ in ("GPE", "NORP", "LOC"):
            actor = book.lookup(ent.text)
            if actor is not None and actor.is_state:
                out.add(actor.country)
    return out


# ---------------------------------------------------------------------- selection
def _select(cands: list[Candidate], n_tokens: int) -> list[Candidate]:
    taken = [False] * n_tokens
    chosen = []
    for c in sorted(cands, key=lambda c: (-c.prio, -(c.end - c.start), c.start)):
        if c.start >= c.end or any(taken[c.start:c.end]):
            continue
        for i in range(c.start, c.end):
            taken[i] = True
        if c.id == "":
            c.id, c.name = None, None
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen
