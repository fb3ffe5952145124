"""Event triggers: lexicon lookups over one spaCy sentence.

The lexicon (`claimbase/data/event_lexicon.yaml`) is compiled once into dicts keyed by lemma,
so finding the triggers of a sentence is one pass over its tokens with dict lookups and a few
checks on the token's dependents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from claimbase.config import DATA_DIR, word_list
from claimbase.nlp.syntax import span_at

LEXICON_PATH = DATA_DIR / "event_lexicon.yaml"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

RECIPIENT_PREPS = ("against", "on", "at", "upon", "targeting", "into")
PLACE_NOUNS = frozenset({
    "area", "territory", "town", "city", "village", "region", "province", "field", "oilfield",
    "base", "position", "border", "road", "highway", "crossing", "pocket", "stronghold",
    "desert", "valley", "country", "land", "district", "camp", "checkpoint", "mine", "airport",
    "zone", "neighborhood", "neighbourhood", "countryside", "outskirt", "point", "spot",
    "building", "headquarters", "post", "hill", "bank", "east", "west", "north", "south",
    "capital", "suburb", "part", "swath", "route", "line", "site", "enclave",
})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
ACTOR_ENTS = frozenset({"ORG", "NORP", "GPE", "PERSON"})
PARTITIVE_PRONOUNS = frozenset({"others", "those", "many", "some", "several", "most", "few"})
PRONOUNS = frozenset({"they", "them", "he", "him", "she", "her", "we", "us", "it", "i", "you",
                      "who", "which", "that"})


@dataclass(slots=True, frozen=True)
class Sense:
    """One reading of a trigger lemma with the constraints that select it."""

    type: str
    mode: str | None = None
    acled: str | None = None
    prt: tuple[str, ...] = ()
    obj: tuple[str, ...] = ()
    not_obj: tuple[str, ...] = ()
    obj_kind: str | None = None
    obj_comp: tuple[str, ...] = ()
    subj: str | None = None
    subj_lemma: tuple[str, ...] = ()
    recipient: tuple[str, ...] | None = None
    of: str = "none"
    light: bool = False
    need_role: bool = False
    need_armed: bool = False
    need_modifier: tuple[str, ...] = ()
    need_context: bool = False
    need_frame: bool = False
    not_compound: bool = False
    plural_only: bool = False
    not_head: tuple[str, ...] = ()
    need_head: tuple[str, ...] = ()  # nouns: the object of one of these verbs ("lodge a protest")
    not_of: tuple[str, ...] = ()
    not_against: tuple[str, ...] = ()
    hyphen_only: bool = False
    as_complement: bool = False
    passive_only: bool = False
    active_only: bool = False
    no_obj: bool = False
    skip: bool = False
    need_of: tuple[str, ...] = ()
    head_prep: tuple[str, ...] = ()
    not_head_prep: tuple[str, ...] = ()
    need_actor: bool = False
    absorb: tuple[str, ...] = ()
    yield_to_purpose: bool = False
    need_prep: tuple[str, ...] = ()
    not_prep: tuple[str, ...] = ()  # verbs: no prepositional child among these ("based on")
    not_modifier: tuple[str, ...] = ()
    ccomp_aux: tuple[str, ...] = ()
    need_ccomp: bool = False  # the verb reports a clause ("…, the group protested")


@dataclass(slots=True)
class Lexicon:
    verbs: dict[str, list[Sense]]
    nouns: dict[str, list[Sense]]
    hyphen: dict[str, Sense]
    light_verbs: frozenset[str]
    undergoer_verbs: frozenset[str]
    addressee_verbs: frozenset[str]
    actor_nouns: frozenset[str]
    armed_nouns: frozenset[str]
    military_context: frozenset[str]
    military_verbs: frozenset[str]
    fighter_context_nouns: frozenset[str] = frozenset()
    fighter_modifiers: frozenset[str] = frozenset()
    fighter_context: frozenset[str] = frozenset()
    route_nouns: frozenset[str] = frozenset()
    area_nouns: dict[str, int] = field(default_factory=dict)
    relational_nouns: frozenset[str] = frozenset()
    theme_compound_nouns: frozenset[str] = frozenset()
    manner_preps: frozenset[str] = frozenset()
    verbal_types: frozenset[str] = frozenset()
    locating_verbs: frozenset[str] = frozenset()
    disposition_adjectives: frozenset[str] = frozenset()


@dataclass(slots=True)
class Trigger:
    """A trigger found in a sentence: its head token, the tokens it spans and its sense."""

    head: Any  # spaCy Token
    sense: Sense
    kind: str  # verb | noun | hyphen
    tokens: list[Any] = field(default_factory=list)
    light: Any = None  # the light verb of "launch an offensive"
    absorbed: list[Trigger] = field(default_factory=list)

    @property
    def start(self) -> int:
        return min(t.idx for t in self.tokens)

    @property
    def end(self) -> int:
        last = max(self.tokens, key=lambda t: t.idx + len(t.text))
        return last.idx + len(last.text)

    @property
    def type(self) -> str:
        return self.sense.type


def _word(value: Any) -> str:
    """A lexicon word; YAML 1.1 reads bare on/off as booleans."""
    if value is True:
        return "on"
    if value is False:
        return "off"
    return str(value)


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, bool)):
        return (_word(value),)
    return tuple(_word(v) for v in value)


def _sense(raw: dict[str, Any], where: str) -> Sense:
    if "type" not in raw:
        raise ValueError(f"{LEXICON_PATH}: sense without type under {where!r}")
    kwargs: dict[str, Any] = {}
    for key, value in raw.items():
        if key in ("prt", "obj", "not_obj", "obj_comp", "subj_lemma", "need_modifier",
                   "not_head", "need_head", "not_of", "not_against", "need_of", "head_prep",
                   "not_head_prep", "absorb", "recipient", "need_prep", "not_prep",
                   "not_modifier", "ccomp_aux"):
            kwargs[key] = _tuple(value)
        else:
            kwargs[key] = value
    try:
        return Sense(**kwargs)
    except TypeError as exc:
        raise ValueError(f"{LEXICON_PATH}: bad sense under {where!r}: {exc}") from None


def _senses(table: dict[str, Any]) -> dict[str, list[Sense]]:
    out: dict[str, list[Sense]] = {}
    for lemma, senses in (table or {}).items():
        out[str(lemma).lower()] = [_sense(s, str(lemma)) for s in (senses or [])]
    return out


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Compile the trigger lexicon into dicts keyed by lemma (cached per path)."""
    try:
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: cannot read the event lexicon: {exc}") from None
    return Lexicon(
        verbs=_senses(data.get("verbs", {})),
        nouns=_senses(data.get("nouns", {})),
        hyphen={k.lower(): _sense(v, k) for k, v in (data.get("hyphen_participles") or {}).items()},
        light_verbs=frozenset(data.get("light_verbs", [])),
        undergoer_verbs=frozenset(data.get("undergoer_verbs", [])),
        addressee_verbs=frozenset(data.get("addressee_verbs", [])),
        actor_nouns=frozenset(data.get("actor_nouns", [])),
        armed_nouns=frozenset(data.get("armed_nouns", [])),
        military_context=frozenset(data.get("military_context", [])),
        military_verbs=frozenset(data.get("military_verbs", [])),
        fighter_context_nouns=frozenset(data.get("fighter_context_nouns", [])),
        fighter_modifiers=frozenset(data.get("fighter_modifiers", [])),
        fighter_context=frozenset(data.get("fighter_context", [])),
        route_nouns=frozenset(data.get("route_nouns", [])),
        area_nouns={str(k).lower(): int(v) for k, v in (data.get("area_nouns") or {}).items()},
        relational_nouns=frozenset(data.get("relational_nouns", [])),
        theme_compound_nouns=frozenset(data.get("theme_compound_nouns", [])),
        manner_preps=frozenset(data.get("manner_preps", [])),
        verbal_types=frozenset(data.get("verbal_types", [])),
        locating_verbs=frozenset(data.get("locating_verbs", [])),
        disposition_adjectives=frozenset(data.get("disposition_adjectives", [])),
    )


class Context:
    """Per-document lookups the trigger and role finders share (actor and place tokens)."""

    def __init__(self, doc: Any, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.res: Any = None
        self._participant: dict[tuple[int, int], bool] = {}
        self.memo: dict[str, Any] = {}  # other per-document answers the role finders share
        sdoc = doc.spacy_doc
        self.actor_at: dict[int, Any] = {}
        for m in doc.actors:
            span = span_at(sdoc, m.start, m.end)
            if span is None:
                continue
            for tok in span:
                self.actor_at.setdefault(tok.i, m)
        self.place_tok: set[int] = set()
        for p in doc.places:
            span = span_at(sdoc, p.start, p.end)
            if span is not None:
                self.place_tok.update(t.i for t in span)

    def is_participant(self, start: int, end: int) -> bool:
        """Does a span name an actor (a state or a force) rather than a place?"""
        key = (start, end)
        if key not in self._participant:
            self._participant[key] = self._names_participant(start, end)
        return self._participant[key]

    def _names_participant(self, start: int, end: int) -> bool:
        span = span_at(self.doc.spacy_doc, start, end)
        if span is None:
            return False
        root = span.root
        if root.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "agent", "dative") or (
                root.dep_ in ("compound", "amod") and root.head.pos_ in ("NOUN", "PROPN")
                and root.head.lemma_.lower() in self.lex.actor_nouns):
            return True
        if root.dep_ == "pobj" and root.head.lower_ in ("by", "with", "between", "against"):
            # "the road between A and B" names route ends, not the sides of a clash
            return not (root.head.lower_ == "between"
                        and root.head.head.lemma_.lower() in self.lex.route_nouns)
        doc = root.doc  # "US-backed", "US-occupied"
        return root.i + 1 < len(doc) and doc[root.i + 1].text == "-" and \
            not root.whitespace_

    # -- token classes -------------------------------------------------------------------
    def is_place(self, tok: Any) -> bool:
        if tok.i in self.place_tok:
            return True
        if tok.ent_type_ in PLACE_ENTS and tok.i not in self.actor_at:
            return True
        inner = partitive(tok)
        if inner is not tok:
            return self.is_place(inner)
        return tok.lemma_.lower() in PLACE_NOUNS

    def is_actor(self, tok: Any) -> bool:
        if tok.i in self.actor_at:
            return True
        if tok.ent_type_ in ACTOR_ENTS:
            return True
        low = tok.lower_
        if low in PARTITIVE_PRONOUNS and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            return True  # "others fled", "many may flee", "those who fled"
        if low == "more" and tok.dep_ in ("nsubj", "nsubjpass") and any(
                c.lower_ in PARTITIVE_PRONOUNS or c.like_num for c in tok.children):
            return True  # "many more could flee", "40 more surrendered"
        if tok.pos_ == "PRON":
            if low in ("it", "its"):  # referential "it", not "it is clear that …"
                return tok.dep_ in ("nsubj", "poss", "dobj", "pobj", "nsubjpass") and (
                    tok.head.lemma_ not in ("be", "seem", "appear", "take", "make")
                    or self._disposed(tok.head))
            return low in PRONOUNS and low not in ("that", "which")
        lemma = tok.lemma_.lower()
        if lemma in self.lex.actor_nouns or low in self.lex.actor_nouns:
            return True
        if tok.pos_ == "NOUN" and tok.dep_ not in ("compound", "amod", "nmod") and \
                lemma in word_list("person_nouns.txt"):
            return True  # "elders demanded", "killed two teachers"; not "nerve agent attack"
        # "members of the SDF", "the remnants of ISIS", "batches of ISIS terrorists"
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (
                            pobj.i in self.actor_at or pobj.ent_type_ in ("ORG", "NORP")
                            or pobj.lemma_.lower() in self.lex.armed_nouns):
                        return True
        return False

    def _disposed(self, copula: Any) -> bool:
        """Does a copula predicate a disposition of its subject ("it is willing to …")?"""
        return any(c.dep_ == "acomp" and c.lemma_.lower() in self.lex.disposition_adjectives
                   and any(g.dep_ == "xcomp" for g in c.children) for c in copula.children)

    def is_armed(self, tok: Any) -> bool:
        m = self.actor_at.get(tok.i)
        if m is not None and m.sector in ("MIL", "REB", "UAF", "SPY"):
            return True
        if tok.ent_type_ == "ORG":
            return True
        lemma = tok.lemma_.lower()
        if lemma in self.lex.armed_nouns or tok.lower_ in self.lex.armed_nouns:
            return True
        if lemma in self.lex.fighter_context_nouns and self._fighting(tok):
            return True
        return any(c.dep_ == "compound" and c.lemma_.lower() in self.lex.armed_nouns
                   for c in tok.children)

    def _fighting(self, tok: Any) -> bool:
        """Is a context-dependent fighter noun ("volunteers") said of fighters: "foreign
        volunteers", a fighting word in its sentence, or volunteers who joined an armed group?"""
        if any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in self.lex.fighter_modifiers
               for c in tok.children):
            return True
        for t in tok.sent:
            if t.lemma_.lower() in self.lex.fighter_context:
                return True
            if t.lemma_.lower() == "join" and any(
                    c.dep_ == "dobj" and c.i != tok.i and self.is_armed(c) for c in t.children):
                return True
        return False

    def is_person(self, tok: Any) -> bool:
        return tok.ent_type_ in ("PERSON", "NORP") or (
            tok.lemma_.lower() in self.lex.actor_nouns and not self.is_place(tok))


# -- syntax helpers -------------------------------------------------------------------------
PARTITIVES = frozenset({"all", "part", "most", "much", "rest", "some", "half", "parts",
                        "swath", "swaths", "remainder", "bulk", "dozens", "hundreds",
                        "thousands", "scores", "number", "lot", "lots", "tons", "tonnes",
                        # measures: "700 kg of medicine", "a shipment of weapons"
                        "ton", "tonne", "kg", "kilograms", "kilogram", "kilos", "pounds",
                        "litres", "liters", "barrels", "truckloads", "truckload", "boxes",
                        "crates", "shipment", "shipments", "consignment", "consignments",
                        "batch", "batches", "load", "loads", "packages", "sacks", "bags",
                        "cartons", "pallets"})
ADVERB_PARTICLES = frozenset({"back", "out", "up", "off", "over", "in", "down", "away", "on"})


def partitive(tok: Any) -> Any:
    """X of "all of X", "part of X"; else the token itself."""
    if tok.lower_ in PARTITIVES:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return tok


def forms(tok: Any) -> set[str]:
    """Lemma, lower form and hyphen-joined forms of a token ("flare-up", "hide-outs")."""
    out = {tok.lemma_.lower(), tok.lower_}
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ \
            and not doc[tok.i - 2].whitespace_:
        prev = doc[tok.i - 2].lower_
        out |= {f"{prev}-{tok.lemma_.lower()}", f"{prev}-{tok.lower_}"}
    return out


def particles(verb: Any) -> list[Any]:
    """Particles and bare prepositions right after a verb ("set up", "move in on")."""
    out = [c for c in verb.children if c.dep_ == "prt"]
    out += [c for c in verb.children if c.dep_ in ("prep", "agent") and c.i > verb.i]
    out += [c for c in verb.children if c.dep_ == "advmod" and c.i > verb.i
            and c.lower_ in ADVERB_PARTICLES]
    return out


def direct_object(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "attr") and child.dep_ != "attr":
            return child
    # "set up ambushes" parsed with a particle whose object hangs on it
    for child in verb.children:
        if child.dep_ == "prt":
            for g in child.children:
                if g.dep_ in ("pobj", "dobj"):
                    return g
    return None


def is_passive(verb: Any) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "advcl")
    )


def _obj_kind_ok(ctx: Context, kind: str | None, obj: Any | None, verb: Any) -> bool:
    if kind is None:
        return True
    target = obj
    if target is None and is_passive(verb):
        target = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if target is None and verb.dep_ in ("acl", "amod"):
            target = verb.head
    if target is None:
        return kind in ("not_actor", "not_person")
    if kind == "actor":
        return ctx.is_actor(target)
    if kind == "armed":
        return ctx.is_armed(target)
    if kind == "place":
        return ctx.is_place(target)
    if kind == "person":
        return ctx.is_person(target)
    if kind == "actor_or_place":
        return ctx.is_actor(target) or ctx.is_place(target)
    if kind == "not_actor":
        return not ctx.is_actor(target) or ctx.is_place(target)
    if kind == "not_person":
        return ctx.is_place(target) or not ctx.is_person(target)
    return True


def verb_subject(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child
    return None


def _subj_ok(ctx: Context, sense: Sense, verb: Any, subject_of: Any) -> bool:
    if sense.subj is None and not sense.subj_lemma:
        return True
    if is_passive(verb):
        if sense.subj_lemma:
            subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            return subj is not None and subj.lemma_.lower() in sense.subj_lemma
        agent = next((g for c in verb.children if c.dep_ == "agent"
                      for g in c.children if g.dep_ == "pobj"), None)
        if agent is None:
            return True
        subj = agent
    else:
        subj = subject_of(verb)
    if subj is None:
        return False
    if sense.subj_lemma:
        # "hundreds of people blocked …", "supporters of X blocked …": the head noun counts
        own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        cands = [subj, partitive(subj)] + ([own, partitive(own)] if own is not None else [])
        # a title before a name: "Iraqi President Saddam Hussein"
        cands += [c for c in subj.children if c.dep_ == "compound" and c.i < subj.i]
        return any(c.lemma_.lower() in sense.subj_lemma for c in cands)
    if sense.subj == "actor":
        return ctx.is_actor(subj)
    if sense.subj == "armed":  # "ISIS terrorists", "batches of ISIS terrorists"
        return ctx.is_armed(subj) or ctx.is_armed(partitive(subj))
    if sense.subj == "person":
        return ctx.is_person(subj)
    return True


def match_verb(ctx: Context, verb: Any, subject_of: Any) -> Sense | None:
    """The first sense of a verb lemma whose constraints hold, or None."""
    senses = ctx.lex.verbs.get(verb.lemma_.lower())
    if not senses:
        return None
    prts = particles(verb)
    prt_words = {p.lower_ for p in prts}
    obj = direct_object(verb)
    if obj is None and verb.dep_ == "relcl" and not is_passive(verb):
        obj = verb.head  # "the protection it offers them", "the deal they reached"
    if obj is not None:
        obj = partitive(obj)
    obj_forms = forms(obj) if obj is not None else set()
    if verb.dep_ == "relcl" and not is_passive(verb):
        obj_forms |= forms(verb.head)
    obj_lemma = obj.lemma_.lower() if obj is not None else None
    passive = is_passive(verb)
    for sense in senses:
        if sense.skip:
            continue
        if sense.prt and not (prt_words & set(sense.prt)):
            continue
        if sense.obj and not (obj_forms & set(sense.obj)) and not _prt_obj_in(prts, sense.obj):
            continue
        if sense.not_obj and obj_lemma in sense.not_obj:
            continue
        if sense.obj_comp and not any(
                c.lemma_.lower() in sense.obj_comp for c in verb.subtree):
            continue
        if sense.absorb and not any(c.dep_ in ("xcomp", "ccomp") and
                                    c.lemma_.lower() in sense.absorb for c in verb.children):
            continue
        if sense.ccomp_aux and not any(
                c.dep_ == "ccomp" and any(g.dep_ == "aux" and g.lower_ in sense.ccomp_aux
                                          for g in c.children) for c in verb.children):
            continue
        if sense.need_ccomp and not any(c.dep_ == "ccomp" for c in verb.children):
            continue
        if sense.passive_only and not passive:
            continue
        if sense.not_prep and any(c.dep_ in ("prep", "prt") and c.lower_ in sense.not_prep
                                  for c in verb.children):
            continue
        if sense.active_only and passive:
            continue
        if sense.no_obj and (obj is not None or any(c.dep_ == "ccomp" for c in verb.children)):
            continue  # "rallied followers to join", "demonstrated that …": not a protest
        if not _obj_kind_ok(ctx, sense.obj_kind, obj, verb):
            continue
        if not _subj_ok(ctx, sense, verb, subject_of):
            continue
        return sense
    return None


def _prt_obj_in(prts: list[Any], lemmas: tuple[str, ...]) -> bool:
    for p in prts:
        for g in p.children:
            if g.dep_ == "pobj" and g.lemma_.lower() in lemmas:
                return True
    return False


def _modifier_words(noun: Any) -> set[str]:
    words = set()
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod") and c.i < noun.i:
            words.add(c.lower_)
            words.add(c.lemma_.lower())
            words.add("".join(t.text_with_ws for t in c.subtree).strip().lower())
            for g in c.children:
                if g.dep_ in ("compound", "amod"):
                    words.add(g.lower_)
    return words


def match_noun(ctx: Context, noun: Any) -> Sense | None:
    """The first sense of a noun lemma whose constraints hold, or None."""
    nouns = ctx.lex.nouns
    if noun.lemma_.lower() not in nouns and noun.lower_ not in nouns and (
            noun.i < 2 or noun.doc[noun.i - 1].text != "-"):
        return None
    if noun.dep_ in ("compound", "amod") and noun.head.i > noun.i:
        return None  # "training camps", "battle tank", "Liberation Forces"
    senses = None
    for form in sorted(forms(noun), key=len, reverse=True):
        senses = ctx.lex.nouns.get(form)
        if senses:
            break
    if not senses:
        return None
    mods = _modifier_words(noun)
    head_prep = noun.head.lower_ if noun.dep_ == "pobj" else None
    for sense in senses:
        if sense.head_prep and head_prep not in sense.head_prep:
            continue
        if sense.not_head_prep and head_prep in sense.not_head_prep:
            continue
        if sense.need_of and _pobj_lemma(noun, "of") not in sense.need_of:
            continue
        if sense.need_prep and not any(c.dep_ == "prep" and c.lower_ in sense.need_prep
                                       for c in noun.children):
            continue
        if sense.hyphen_only:
            continue
        if sense.plural_only and noun.tag_ not in ("NNS", "NNPS"):
            continue
        if sense.not_compound and noun.dep_ == "compound":
            continue
        if sense.need_modifier and not (mods & set(sense.need_modifier)):
            continue
        if sense.not_modifier and mods & set(sense.not_modifier):
            continue
        if sense.not_head and noun.dep_ in ("dobj", "attr") and \
                noun.head.lemma_.lower() in sense.not_head:
            continue
        if sense.need_head and not (noun.dep_ == "dobj" and
                                    noun.head.lemma_.lower() in sense.need_head):
            continue
        if sense.not_of and _pobj_lemma(noun, "of") in sense.not_of:
            continue
        if sense.not_against and _pobj_lemma(noun, "against") in sense.not_against:
            continue
        if sense.need_context and not _military(ctx, noun, mods):
            continue
        if sense.need_frame and not _control_frame(noun):
            continue
        if sense.as_complement and not _hostage_frame(noun):
            continue
        return sense
    return None


def _pobj_lemma(noun: Any, prep: str) -> str | None:
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == prep:
            for g in c.children:
                if g.dep_ == "pobj":
                    return g.lemma_.lower()
    return None


def _military(ctx: Context, noun: Any, mods: set[str]) -> bool:
    if mods & ctx.lex.military_context:
        return True
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in ctx.lex.military_verbs:
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("against", "in") and any(
        g.dep_ == "pobj" and (ctx.is_armed(g)) for g in c.children) for c in noun.children)


def _control_frame(noun: Any) -> bool:
    """ "under the control of X", "in control of", "seize control" (handled by the verb)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("under", "in"):
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    return False


def _hostage_frame(noun: Any) -> bool:
    """ "holding X hostage", "took X hostage"."""
    head = noun.head
    return noun.dep_ in ("oprd", "xcomp", "ccomp", "dobj", "npadvmod", "advmod", "attr") and \
        head.lemma_.lower() in ("hold", "take", "keep")
