"""Light anaphora resolution: pronouns and definite descriptions -> an earlier actor mention.

`antecedent(doc, start, end)` returns the last compatible mention in `doc.actors` before
`start`, in the same or the previous paragraph: "he/she" want a person, "it/its" a singular
non-person, "they/them/their" a group or a plural description; descriptions ("the group",
"the terror group", "the army") constrain the sector through sectors.yaml (`coref`,
`coref_modifiers`). Identified mentions (with an id) are preferred over generic ones; an
armed-group label ("the militants", `data/armed_group_labels.txt`) first reads the group the
document itself called so ("Isis militants"), and a possessive prefers the subject of its own
clause.
First person ("we", "our forces") is the speaker: the organization quoted (or the one an
unlisted speaker speaks for: "a spokesman for the Houthis"), or, in the author's own voice, the organization that issues the document (its outlet or author, when the actor
dictionary knows it and it is not a news outlet or a person).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from claimbase.config import word_list
from claimbase.nlp.lexicon import lexicon
from claimbase.nlp.syntax import sentence_start, small_clause_undergoer, span_at
from claimbase.record import ActorMention

PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
SINGULAR_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
FIRST_PERSON = frozenset({"we", "us", "our", "ours", "ourselves"})
SPEAKER_KINDS = frozenset({"media", "person"})  # whose "we" names no organization
DETERMINERS = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her",
                         "said", "such"})
GROUP_KINDS = frozenset({"actor", "organization", "media", "generic"})
JIHADIST_WORDS = ("terror", "jihad", "extremis", "takfir", "islamist")
WINDOW = 1500  # characters searched back when the text has no paragraph breaks
_WORD = re.compile(r"[\w’'-]+")


@dataclass(frozen=True, slots=True)
class Constraint:
    """What an anaphor allows as antecedent."""

    person: bool | None = None
    plural: bool | None = None
    sectors: frozenset[str] | None = None
    tag: str | None = None  # preferred actor tag ("jihadist" for "the terrorists")
    possessive: bool = False  # "its", "their": may refer to the clause subject


def antecedent(doc: Any, start: int, end: int, depth: int = 0) -> ActorMention | None:
    """The actor a pronoun / definite description at [start, end) refers to, or None.

    The result is a mention of `doc.actors` (or a copy of a generic one carrying the id its
    own antecedent gave it)."""
    anaphor = _anaphor_text(doc, start, end)
    first = _WORD.match(anaphor.strip().lower())
    if first is not None and first.group(0) in FIRST_PERSON:
        return speaker(doc, start, end)
    constraint = constraint_for(anaphor)
    if constraint is None:
        return None
    lo = _search_start(doc.text, start)
    window = [m for m in doc.actors if lo < m.end and m.end <= start]
    if constraint.possessive:
        # "The SDF announced its victory": a possessive prefers its own clause's subject.
        own = list(filter(_clause_subject_test(doc, start, end, any_role=True), window))
        found = _last_compatible(doc, own, constraint, depth)
        if found is not None and found.id is not None:
            return found
    else:
        subject = _clause_subject_test(doc, start, end)
        window = [m for m in window if not subject(m)]
    found = _labelled(doc, anaphor, start, constraint, depth)
    if found is not None:
        return found  # "Houthi rebels … the rebels": the group the article calls so
    if constraint.tag is not None:
        before = [m for m in doc.actors if m.end <= start]
        tagged = [m for m in before if constraint.tag in _tags(m.id)]
        found = _last_compatible(doc, tagged, constraint, depth)
        if found is not None:
            return found
    if _is_subject(doc, start, end):
        # Centering: a subject anaphor prefers the last subject before it.
        subjects = [m for m in window if _is_subject(doc, m.start, m.end)]
        found = _last_compatible(doc, subjects, constraint, depth)
        if found is not None and found.id is not None:
            return found
    return _last_compatible(doc, window, constraint, depth)


ARMED_SECTORS = frozenset({"REB", "UAF"})


def _labelled(doc: Any, anaphor: str, start: int, constraint: Constraint,
              depth: int) -> ActorMention | None:
    """The group the document itself names with an armed-group label before it ("Houthi
    rebels" for a later "the rebels", "ISIS militants" for "the militants";
    `data/armed_group_labels.txt`): the article's own use of the label, not a fixed reading
    of it."""
    words = _WORD.findall(anaphor.lower())
    if not words or _stem(words[-1]) not in word_list("armed_group_labels.txt") or \
            constraint.sectors is None or constraint.sectors - ARMED_SECTORS:
        return None
    head = _stem(words[-1])
    named = [m for m in doc.actors if m.end <= start and m.id is not None and
             len(m.text.split()) > 1 and _stem(m.text.split()[-1].lower()) == head]
    return _last_compatible(doc, named, constraint, depth)


def _stem(word: str) -> str:
    """A noun without its plural ending ("militants" -> "militant")."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def speaker(doc: Any, start: int, end: int) -> ActorMention | None:
    """The organization a first-person span at [start, end) speaks for, or None."""
    from claimbase.extract.attribution import attribution_at

    att = attribution_at(doc, start, end) if getattr(doc, "attributions", None) else None
    if att is not None:
        if att.source_start is None:
            return None
        side = source_side(doc, att.source_start, att.source_end) if att.source_id is None \
            else None
        if att.source_id is None and side is None:
            return None  # a quoted person's "we": their side is not known
        actor = _book().get(att.source_id) if side is None else _book().get(side.id)
        text = doc.text[att.source_start:att.source_end] if side is None else side.text
    else:
        meta = getattr(doc, "meta", None)
        names = [n for n in (getattr(meta, "outlet", None), getattr(meta, "author", None)) if n]
        actor = next((a for a in map(_book().lookup, names) if a is not None), None)
        text = actor.name if actor is not None else ""
    if actor is None or actor.kind in SPEAKER_KINDS:
        return None
    return ActorMention(text=text, start=start, end=end, id=actor.id, name=actor.name,
                        sector=actor.sector, country=actor.country, kind="organization")


AFFILIATION_PREPS = frozenset({"for", "of", "from"})
AFFILIATION_DEPS = frozenset({"compound", "amod", "poss", "nmod"})


def source_side(doc: Any, start: int, end: int) -> ActorMention | None:
    """The organization an unlisted speaker at [start, end) speaks for, named on the head of
    the source phrase: "a spokesman for the Houthis", "an SDF commander", "Houthi military
    spokesman Yahya Saree"; None for a person, an outlet or an unnamed side."""
    from claimbase.nlp.actors import mention_at

    sdoc = getattr(doc, "spacy_doc", None)
    span = span_at(sdoc, start, end) if sdoc is not None else None
    if span is None:
        return None
    heads = [span.root, *(c for c in span.root.children if c.dep_ == "compound")]
    for head in heads:
        for c in head.children:
            tok = c if c.dep_ in AFFILIATION_DEPS and c.i < head.i else next(
                (g for g in c.children if g.dep_ == "pobj"), None) \
                if c.dep_ == "prep" and c.lower_ in AFFILIATION_PREPS else None
            if tok is None or not start <= tok.idx < end:
                continue
            m = mention_at(doc, tok.idx, tok.idx + len(tok.text))
            actor = _book().get(m.id) if m is not None else None
            if actor is not None and actor.kind not in SPEAKER_KINDS and \
                    actor.sector != "JRN":
                return m
    return None


def _anaphor_text(doc: Any, start: int, end: int) -> str:
    """The span's text, with its determiner when only the head noun was given ("group")."""
    text = doc.text[start:end]
    sdoc = getattr(doc, "spacy_doc", None)
    if sdoc is None or " " in text.strip():
        return text
    span = span_at(sdoc, start, end)
    if span is None or len(span) != 1:
        return text
    dets = [c for c in span.root.lefts if c.dep_ in ("det", "poss")]
    if dets:
        return doc.text[dets[0].idx:end]
    return text


def _last_compatible(doc: Any, window: list[ActorMention], constraint: Constraint,
                     depth: int) -> ActorMention | None:
    c = constraint
    fallback = None
    for mention in reversed(window):
        if not compatible(mention, constraint):
            continue
        if mention.id is not None:
            return mention
        if c.person is True and mention.kind == "person" and mention.text[:1].isupper() \
                and mention.text.split()[0].lower() not in DETERMINERS:
            return mention  # "he" after an unlisted "Nasr al-Hariri": that person, no id
        if depth == 0 and mention.kind == "generic":
            inner = antecedent(doc, mention.start, mention.end, depth=1)
            if inner is not None and inner.id is not None:
                return replace(mention, id=inner.id, name=inner.name, sector=inner.sector,
                               country=inner.country)
        if fallback is None and mention.sector not in (None, "UNK"):
            fallback = mention
    return fallback


def _is_subject(doc: Any, start: int, end: int) -> bool:
    sdoc = getattr(doc, "spacy_doc", None)
    span = span_at(sdoc, start, end) if sdoc is not None else None
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass") and \
        small_clause_undergoer(span.root.head) is None  # not "it" of "see it defeated"


def _tags(actor_id: str | None) -> list[str]:
    actor = _book().get(actor_id) if actor_id else None
    return actor.tags if actor is not None else []


@lru_cache(maxsize=1)
def _book() -> Any:
    from claimbase.nlp.actors import ActorDictionary

    return ActorDictionary.load()


def _clause_subject(doc: Any, mention: ActorMention, start: int, end: int,
                    any_role: bool = False) -> bool:
    """Is `mention` the subject of the clause the (non-subject) anaphor sits in?

    "The SDF announced the defeat of the terror group": the group is not the SDF.
    `any_role` also accepts an anaphor that is itself (inside) a subject.
    """
    return _clause_subject_test(doc, start, end, any_role)(mention)


_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def _clause_subject_test(doc: Any, start: int, end: int,
                         any_role: bool = False) -> Callable[[ActorMention], bool]:
    """`_clause_subject` for one anaphor and many mentions: the anaphor's sentence, role
    and ancestors are looked up once, at the first mention that needs them."""
    sdoc = getattr(doc, "spacy_doc", None)
    ana = span_at(sdoc, start, end) if sdoc is not None else None
    known: list[Any] = []  # [sentence start, anaphor is a barred subject, its ancestors]

    def test(mention: ActorMention) -> bool:
        if ana is None:
            return False
        cand = span_at(sdoc, mention.start, mention.end)
        if cand is None:
            return False
        if not known:
            known.append(sentence_start(sdoc, ana.start))
        if known[0] != sentence_start(sdoc, cand.start):
            return False
        if len(known) == 1:
            root = ana.root
            # the subject of "see it defeated" is the object of "see", not a subject
            known.append(root.dep_ in _SUBJECT_DEPS and not any_role and
                         small_clause_undergoer(root.head) is None)
            ups = list(root.ancestors)
            if any_role:
                ups = _own_clause(ana.root, ups)
            known.append(ups)
        if known[1]:
            return False
        root = cand.root
        return root.dep_ in _SUBJECT_DEPS and root.head in known[2]

    return test


def _own_clause(tok: Any, ups: list[Any]) -> list[Any]:
    """The ancestors of a possessive up to the first verb with a subject of its own: "the
    fact that its supply lines led …" is not about the sentence subject, while "X has a
    history of faking battles to cover its deals" (no subject of "cover") and "X hunts Y,
    but its presence gives …" (a coordinated clause whose subject holds the possessive) are."""
    for i, t in enumerate(ups):
        if t.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in t.children if c.dep_ in _SUBJECT_DEPS), None)
        if subj is None:
            continue
        inside = subj.left_edge.i <= tok.i <= subj.right_edge.i
        if not (inside and t.dep_ == "conj"):
            return ups[:i + 1]
    return ups


def resolve(doc: Any, mention: ActorMention) -> ActorMention:
    """`mention` with the id/name/sector/country of its antecedent when it has no id."""
    if mention.id is not None:
        return mention
    found = antecedent(doc, mention.start, mention.end)
    if found is None or found.id is None:
        return mention
    return replace(mention, id=found.id, name=found.name, sector=found.sector,
                   country=found.country)


def constraint_for(text: str) -> Constraint | None:
    """The constraint of an anaphoric span, or None when it is not anaphoric."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    if not words:
        return None
    first = words[0]
    if len(words) == 1 and first not in lexicon().coref:
        return _pronoun(first)
    if first not in DETERMINERS:
        # A bare armed-group description ("militants", "1,000 terrorists") refers to the
        # salient armed group; other bare nouns are not anaphoric.
        entry = lexicon().coref.get(words[-1])
        if entry is None or set(entry.get("sectors") or ()) - {"REB", "UAF"}:
            return None
        lex = lexicon()
        if any(not (w[:1].isdigit() or w in lex.coref_neutral or w in lex.coref_modifiers)
               for w in words[:-1]):
            return None  # "Shia fighters", "local militants": a group of their own
        return _description(["the", *words])
    if first in ("its", "their") and words[-1] not in lexicon().coref:
        return _pronoun(first)  # "its fighters": the possessor's group
    return _description(words)


def _pronoun(word: str) -> Constraint | None:
    poss = word in ("its", "their", "his", "her", "theirs", "hers")
    if word in PERSON_PRONOUNS:
        return Constraint(person=True, plural=False, possessive=poss)
    if word in SINGULAR_PRONOUNS:
        return Constraint(person=False, plural=False, possessive=poss)
    if word in PLURAL_PRONOUNS:
        return Constraint(person=False, plural=True, possessive=poss)
    return None


def _description(words: list[str]) -> Constraint | None:
    lex = lexicon()
    head = words[-1]
    if head.endswith("'s"):
        head = head[:-2]
    entry = lex.coref.get(head)
    if entry is None:
        return None
    sectors = set(entry.get("sectors") or []) or None
    for word in words[1:-1]:
        narrowed = lex.coref_modifiers.get(word)
        if narrowed:
            sectors = set(narrowed) if sectors is None else (sectors & set(narrowed)) or sectors
    if words[0] in ("its", "their"):
        return Constraint(person=False, plural=None, sectors=None, possessive=True)
    plural = head.endswith("s") and not head.endswith("ss")
    tag = "jihadist" if any(w.startswith(JIHADIST_WORDS) for w in words[1:]) else None
    return Constraint(person=entry.get("person"), plural=plural,
                      sectors=frozenset(sectors) if sectors else None, tag=tag)


def compatible(mention: ActorMention, c: Constraint) -> bool:
    """Does the mention satisfy the anaphor's person / number / sector constraint?"""
    is_person = mention.kind == "person"
    if c.person is True and not is_person:
        return False
    if c.person is False and is_person:
        return False
    if c.sectors is not None and mention.sector not in c.sectors:
        return False
    if c.plural is False and not is_person and _plural_generic(mention):
        return False
    if c.plural is True and c.sectors is None:
        # "they": a group or a plural description, not a person or a state's name
        return mention.kind in GROUP_KINDS and not (mention.kind == "actor" and
                                                    mention.sector == "GOV")
    return True


def _plural_generic(mention: ActorMention) -> bool:
    """A generic plural description ("militants") is not an "it"."""
    if mention.kind != "generic":
        return False
    last = mention.text.split()[-1].lower() if mention.text.split() else ""
    return last.endswith("s") and not last.endswith("ss")


def _search_start(text: str, start: int) -> int:
    """Start of the previous paragraph (paragraphs split on newlines), else a window."""
    cut = text.rfind("\n", 0, start)
    if cut < 0:
        return max(0, start - WINDOW)
    # Skip blank lines, then find the start of the previous non-empty paragraph.
    i = cut
    while i > 0 and text[i - 1] in "\n \t\r":
        i -= 1
    prev = text.rfind("\n", 0, i)
    return max(prev + 1, start - 4 * WINDOW)
