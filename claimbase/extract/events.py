"""The events stage: PLOVER events with roles, place, date, figures and attribution.

`find_events(doc, res)` reads the spaCy parse sentence by sentence (sentences overlapping
boilerplate are skipped), finds triggers with the lexicon (`triggers.py`), reads the roles off
the dependency tree (subject/agent -> actor, object/target preposition -> recipient, passive
and coordination handled, pronouns resolved with `claimbase.nlp.coref.antecedent`), merges
coordinated predicates of one event, attaches figures (`quantities.py`), place, date,
attribution, modality and stance, applies PLOVER's future rules and maps to ACLED.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_right
from collections.abc import Callable
from functools import cache
from typing import Any

from claimbase.config import word_list
from claimbase.extract import acled
from claimbase.extract.actor_roles import (
    agent_noun_roles,
    between_parties,
    capital_addressee,
    conjunct_possessor,
    counterpart_token,
    enclosing_clause_verb,
    example_token,
    fronted_subject,
    held_noun,
    hyphen_chain_mentions,
    nearest_subject,
    noun_counterpart,
    owner_token,
    proposal_author,
    protest_target,
    relative_gap_head,
    restrained_doer,
    shielded_party,
    target_in_agent,
)
from claimbase.extract.episode import predicated_relation, same_voice, told_deed
from claimbase.extract.episode_roles import DETERMINERS, agentless_passive, back_reference
from claimbase.extract.quantities import find_quantities
from claimbase.extract.triggers import (
    RECIPIENT_PREPS,
    Context,
    Sense,
    Trigger,
    direct_object,
    forms,
    is_passive,
    load_lexicon,
    match_noun,
    match_verb,
    particles,
)
from claimbase.geo.event_place import main_country
from claimbase.geo.place_reference import (
    as_reference,
    quotation_at,
    refer_back,
    reference_heads,
    same_quotation,
)
from claimbase.geo.place_reference import compatible as place_fits
from claimbase.geo.place_reference import rank as reference_rank
from claimbase.nlp.mentions import BACKING as BACKING_WORDS
from claimbase.nlp.mentions import described_place
from claimbase.nlp.syntax import (
    first_conjunct,
    sentence_start,
    sentence_starts,
    small_clause_undergoer,
    span_at,
)
from claimbase.record import ActorMention, Document, Event, Place

CLIMB_DEPS = ("xcomp", "conj", "advcl", "pcomp", "ccomp", "acl", "relcl", "dep", "prep")
RELATIVE = frozenset({"who", "which", "that", "whom"})
DEFINITE_DETS = frozenset({"the", "this", "these", "those", "its", "their", "that", "our"})
BARE_PRONOUNS = frozenset({"others", "other", "those", "many", "some", "several", "most"})
AGENT_MODS = ("poss", "compound", "amod", "nmod", "npadvmod")
FUTURE_RULE = {"AID": "AGREE", "COOPERATE": "AGREE", "CONSULT": "AGREE", "SUPPORT": "AGREE",
               "RETREAT": "CONCEDE"}


# -- optional helpers of other stages -----------------------------------------------------
@cache
def _helper(module: str, name: str) -> Callable[..., Any] | None:
    """A helper function of another stage, or None while that module does not exist."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            return None
        raise
    return getattr(mod, name, None)


# -- the stage ------------------------------------------------------------------------------
def find_events(doc: Document, res: Any = None) -> None:
    """Fill `doc.events` from the parse (the `events` stage)."""
    sdoc = doc.spacy_doc
    if sdoc is None:
        raise ValueError(f"{doc.ref}: no spaCy parse; run the parse stage before events")
    ctx = Context(doc, load_lexicon())
    ctx.res = res
    events: list[Event] = []
    text, analysis = doc.text, doc.analysis_text
    for sent in sdoc.sents:
        segments = [seg for seg in _segments(sent, text, analysis)
                    if not doc.in_boilerplate(*seg)]
        if segments:
            events.extend(sentence_events(doc, ctx, sent, segments))
    _continue_episodes(doc, events)
    doc.events = events


EPISODE_WINDOW = 400  # characters from the earlier event's sentence to the back-reference
EPISODE_TYPES = ("ASSAULT",)  # "the attack", "the clashes"; "the agreement" has other sides
EPISODE_DETS = DETERMINERS
TOLD_MODALITIES = ("asserted", "hedged")


def _continue_episodes(doc: Document, events: list[Event]) -> None:
    """ "… ISIS fighters stormed the base. The attack was repelled": a trigger without an
    actor that refers back to an event (`episode_roles.back_reference`) continues the episode
    of the nearest earlier event of its type in the previous sentences of its paragraph, and
    takes that event's actor (and, when definite, its recipient when it has none); an
    agentless passive ("Seven fighters were injured") takes the named actor of such an event
    in the sentence just before, unless it undergoes its own act (the attackers were hit)."""
    sdoc = doc.spacy_doc
    last: dict[str, Event] = {}
    for ev in events:
        prev = last.get(ev.event_type) if ev.event_type in EPISODE_TYPES else None
        if ev.actor is None and prev is not None and prev.sentence_end <= ev.sentence_start \
                and ev.sentence_start - prev.sentence_start <= EPISODE_WINDOW \
                and "\n\n" not in doc.text[prev.sentence_end:ev.sentence_start]:
            tok = _trigger_root(sdoc, ev)
            between = doc.text[prev.sentence_end:ev.sentence_start]
            refers = back_reference(tok) if tok is not None else None
            if refers == "definite" or refers == "bare" and not between.strip():
                ev.actor, ev.co_actors = prev.actor, list(prev.co_actors)
                if refers == "definite" and ev.recipient is None and \
                        prev.recipient is not None and \
                        _mid(prev.recipient) != _mid(prev.actor):
                    ev.recipient, ev.co_recipients = prev.recipient, list(prev.co_recipients)
            elif tok is not None and agentless_passive(tok) and not between.strip() and \
                    ev.modality in TOLD_MODALITIES and prev.actor.id is not None and (
                        ev.recipient is None or _mid(ev.recipient) != _mid(prev.actor)):
                ev.actor, ev.co_actors = prev.actor, list(prev.co_actors)
        if ev.actor is not None:
            last[ev.event_type] = ev


def _trigger_root(sdoc: Any, ev: Event) -> Any | None:
    """The syntactic head of the trigger span ("The attacks targeted" -> "targeted")."""
    span = sdoc.char_span(ev.trigger_start, ev.trigger_end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _segments(sent: Any, text: str, analysis: str) -> list[tuple[int, int]]:
    """Character bounds of the parts of a spaCy sentence between line breaks.

    The parser sometimes runs a sentence across a paragraph break or a blanked boilerplate
    line; a line break always ends a sentence of the record. `analysis` is the text the
    parser read (boilerplate blanked), `text` the document's; parts without a letter in
    `text` are dropped.
    """
    out: list[tuple[int, int]] = []
    base = sent.start_char
    pos = 0
    for line in analysis[base:sent.end_char].split("\n"):
        body = line.strip()
        if body:
            start = base + pos + len(line) - len(line.lstrip())
            end = start + len(body)
            if any(c.isalpha() for c in text[start:end]):
                out.append((start, end))
        pos += len(line) + 1
    return out


def sentence_events(doc: Document, ctx: Context, sent: Any,
                    segments: list[tuple[int, int]]) -> list[Event]:
    """The events of one sentence (split into line segments)."""
    triggers = []
    for trig in find_triggers(ctx, sent):
        seg = next((g for g in segments if g[0] <= trig.head.idx < g[1]), None)
        if seg is not None:
            triggers.append((trig, seg))
    if not triggers:
        return []
    built = [(trig, ev) for trig, seg in triggers
             if (ev := _build_event(doc, ctx, trig, *seg)) is not None]
    built = _merge_coordinated(built)
    _attach_quantities(doc, sent, built)
    out = []
    for trig, ev in built:
        _finish(doc, ctx, trig, ev, ev.sentence_start, ev.sentence_end)
        out.append(ev)
    out.extend(_reciprocal(doc, ctx, built))
    return out


# -- triggers -------------------------------------------------------------------------------
def find_triggers(ctx: Context, sent: Any) -> list[Trigger]:
    """Verbal, nominal and hyphenated triggers of one sentence, light verbs folded in."""
    found: list[Trigger] = []
    lex = ctx.lex
    for tok in sent:
        pos = tok.pos_
        if _in_name(tok):
            continue
        if pos in ("VERB", "AUX") or (pos == "ADJ" and tok.tag_ == "VBN"):
            trig = _verb_trigger(ctx, tok)
        elif pos in ("NOUN", "PROPN") or tok.tag_ in ("NN", "NNS"):
            trig = _noun_trigger(ctx, tok)
        else:
            trig = None
        if trig is None and tok.lower_ in lex.hyphen and _is_hyphenated(tok):
            trig = _hyphen_trigger(ctx, tok)
        if trig is not None:
            found.append(trig)
    return _fold(found)


# named entities whose capitalised words are a name, not an event told ("the Organisation for
# Economic Cooperation", "Committee to Protect Journalists", "The New Threat" as a title)
NAME_ENTS = frozenset({"ORG", "WORK_OF_ART", "LAW", "FAC", "PRODUCT"})


def _in_name(tok: Any) -> bool:
    """Is the token a capitalised word inside a name (`NAME_ENTS`), after its first word
    (which may head a named event: "the Battle of Baguz")?"""
    if tok.ent_type_ not in NAME_ENTS or tok.ent_iob_ != "I" or not tok.text[:1].isupper():
        return False
    first = tok.i - 1
    while first > 0 and tok.doc[first].ent_iob_ == "I":
        first -= 1
    return any(t.pos_ != "DET" for t in tok.doc[first:tok.i])


def _verb_trigger(ctx: Context, tok: Any) -> Trigger | None:
    if tok.lemma_.lower() not in ctx.lex.verbs:
        return None
    if tok.dep_ == "amod" and _modifier_actor(ctx, tok) is None:
        return None  # "the captured ISIS members": a back-reference, not a new event
    if _is_hyphenated(tok):
        return None
    sense = match_verb(ctx, tok, lambda v: subject_token(ctx, v))
    if sense is None:
        return None
    tokens = [tok] + [p for p in particles(tok) if p.dep_ == "prt"]
    if sense.light or sense.obj:
        obj = direct_object(tok)
        if obj is not None and sense.obj and obj.lemma_.lower() in sense.obj:
            tokens.append(obj)
    if sense.prt:
        tokens += [p for p in particles(tok) if p.lower_ in sense.prt]
    return Trigger(head=tok, sense=sense, kind="verb", tokens=_uniq(tokens))


def _noun_trigger(ctx: Context, tok: Any) -> Trigger | None:
    sense = match_noun(ctx, tok)
    if sense is not None and tok.lower_ not in ctx.lex.nouns and \
            tok.lemma_.lower() not in ctx.lex.nouns and _is_hyphenated(tok) and \
            not any("-" in f for f in forms(tok) if f in ctx.lex.nouns):
        return None
    if sense is None:
        return None
    tokens = [tok]
    for c in tok.children:  # "air strikes", "ceasefire regime violations"
        if c.dep_ == "compound" and c.i == tok.i - 1 and not ctx.is_actor(c):
            tokens.append(c)
    return Trigger(head=tok, sense=sense, kind="noun", tokens=_uniq(tokens))


def _is_hyphenated(tok: Any) -> bool:
    """Is the token the second half of "US-backed" (no spaces around the hyphen)?"""
    if tok.i < 2:
        return False
    prev = tok.doc[tok.i - 1]
    return prev.text == "-" and not prev.whitespace_ and not tok.doc[tok.i - 2].whitespace_


def _modifier_actor(ctx: Context, tok: Any) -> Any | None:
    """The actor of a pre-nominal participle: "al-Qaeda controlled areas"."""
    for c in tok.children:
        if c.dep_ in ("npadvmod", "nsubj", "compound", "nmod") and c.i < tok.i and \
                ctx.is_actor(c):
            return c
    return None


def _is_backer(tok: Any) -> bool:
    """The "Iranian" of "Iranian-backed militias": an actor modifying a backing participle."""
    head = tok.head
    return head.i > tok.i and _is_hyphenated(head) and head.dep_ in ("amod", "compound") \
        and head.lower_.endswith(BACKING_WORDS)


def _hyphen_actor(tok: Any) -> Any | None:
    """The token before the hyphen of "US-backed"."""
    if _is_hyphenated(tok):
        return tok.doc[tok.i - 2]
    return None


def _hyphen_trigger(ctx: Context, tok: Any) -> Trigger | None:
    sense = ctx.lex.hyphen.get(tok.lower_)
    if sense is None or sense.skip:
        return None
    first = tok.doc[tok.i - 2]
    return Trigger(head=tok, sense=sense, kind="hyphen", tokens=[first, tok.doc[tok.i - 1], tok])


def _uniq(tokens: list[Any]) -> list[Any]:
    return sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)


def _fold(found: list[Trigger]) -> list[Trigger]:
    """Fold triggers that make one event with another into it.

    "launch an offensive" (light verb), "repelled the attack" (same type), "the attacks
    targeted" (subject of a same-type verb), "a pitched battle to retake" (purpose clause
    restating the goal), "intervene to liberate" (the purpose is the event), "forcing the
    troops to abandon" (the sense absorbs its complement).
    """
    by_head = {t.head.i: t for t in found}
    drop: set[int] = set()

    def absorb(into: Trigger, trig: Trigger) -> None:
        into.tokens = _uniq(into.tokens + trig.tokens)
        into.absorbed.append(trig)
        drop.add(trig.head.i)

    for trig in found:
        head = trig.head
        if trig.kind == "noun":
            gov = _governing_verb(head)
            other = by_head.get(gov.i) if gov is not None else None
            if other is not None and other is not trig and (
                    other.type == trig.type or other.sense.light):
                absorb(other, trig)
                continue
            other = by_head.get(head.head.i)
            if other is not None and other is not trig and head.dep_ == "nsubj" and \
                    other.type == trig.type and other.kind == "verb":
                absorb(other, trig)
                continue
            if other is not None and other.kind == "noun" and head.dep_ == "conj" and \
                    not _has_own_role(head):
                absorb(other, trig)
                continue
        if trig.kind == "verb":
            other = by_head.get(head.head.i) or _of_trigger(head.head, by_head)
            if other is None or other is trig or other.head.i in drop:
                continue
            if head.dep_ == "relcl" and other.kind == "noun" and (
                    trig.sense.light or other.type == trig.type):
                absorb(other, trig)  # "the protection it offers them"
                continue
            purpose = head.dep_ in ("acl", "advcl", "xcomp", "relcl") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
            if purpose and other.type == trig.type or head.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in other.sense.absorb:
                absorb(other, trig)
            elif purpose and other.sense.yield_to_purpose:
                trig.tokens = _uniq(trig.tokens + other.tokens)
                drop.add(other.head.i)
            elif head.dep_ == "conj" and trig.type == "REQUEST" and other.type == "PROTEST":
                drop.add(head.i)  # the demands of a protest are not a separate REQUEST
    for trig in found:
        if trig.type == "REQUEST" and trig.kind == "verb" and _protesters(trig.head):
            drop.add(trig.head.i)  # protesters demanding X: the protest topic, not events
            drop.update(t.i for c in trig.head.children if c.dep_ in ("dobj", "ccomp")
                        for t in c.subtree)
        elif trig.kind == "noun" and _restated_goal(trig.head):
            drop.add(trig.head.i)
    found = [t for t in found if t.head.i not in drop]
    lex_light = load_lexicon().light_verbs
    for trig in found:
        if trig.kind != "noun":
            continue
        gov = _governing_verb(trig.head)
        if gov is None or gov.i in by_head:
            continue
        if gov.lemma_.lower() in lex_light and trig.head.dep_ in ("dobj", "pobj", "nsubjpass"):
            trig.light = gov
            trig.tokens = _uniq(trig.tokens + [gov] + [p for p in gov.children
                                                        if p.dep_ == "prt"])
    return found


PROTESTER_LEMMAS = frozenset({"protester", "demonstrator", "marcher", "rioter", "striker"})
GOAL_NOUNS = frozenset({"goal", "aim", "purpose", "objective", "target", "result"})


def _protesters(verb: Any) -> bool:
    """Is the subject of this verb (or of the verb it is coordinated with) protesters?"""
    node = verb
    for _ in range(3):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj.lemma_.lower() in PROTESTER_LEMMAS
        if node.dep_ not in ("conj", "xcomp", "advcl") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _restated_goal(noun: Any) -> bool:
    """ "Another goal of the offensive is …": a back-reference to a coded event."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ == "of" and \
        head.head.lemma_.lower() in GOAL_NOUNS and \
        any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def _of_trigger(noun: Any, by_head: dict[int, Trigger]) -> Trigger | None:
    """The trigger of "the start of its final push", "an attempt at a new offensive"."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "at"):
            for g in c.children:
                if g.dep_ == "pobj" and g.i in by_head:
                    return by_head[g.i]
    return None


def _has_own_role(noun: Any) -> bool:
    return any(c.dep_ in ("poss", "prep") or (c.dep_ == "compound" and c.ent_type_)
               for c in noun.children)


def _governing_verb(noun: Any) -> Any | None:
    """The verb whose object the noun is (directly or through a particle/preposition)."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass", "obj", "attr") and head.pos_ in ("VERB", "AUX"):
        return head
    if noun.dep_ == "pobj" and head.dep_ in ("prt", "prep") and head.head.pos_ == "VERB" \
            and (head.dep_ == "prt" or head.lower_ in ("of", "out", "up")):
        return head.head
    return None


# -- roles ----------------------------------------------------------------------------------
def subject_token(ctx: Context, verb: Any, depth: int = 0) -> Any | None:
    """The token of the agent of a verb: subject, by-agent, or inherited from its head."""
    if small_clause_undergoer(verb) is not None:
        return None  # "want to see it defeated": it undergoes the act
    nearest = nearest_subject(ctx, verb)
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj") and (nearest is None or child.i == nearest.i):
            if child.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head
            if verb.dep_ == "relcl" and any(c.dep_ == "poss" and c.lower_ == "whose"
                                            for c in child.children):
                return verb.head  # "the militia, whose members helped …"
            return child
        if child.dep_ == "agent":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    if verb.dep_ == "amod":
        found = _modifier_actor(ctx, verb)
        if found is None and verb.tag_ == "VBG" and verb.head.i > verb.i and \
                ctx.is_actor(verb.head):
            return verb.head  # "the retreating militants", "the attacking forces"
        return found
    if is_passive(verb):
        return None
    if depth >= 4:
        return None
    dep, head = verb.dep_, verb.head
    if head.i == verb.i:
        return None
    if dep in ("xcomp", "attr", "ccomp") and head.lemma_ == "be":
        owner = _goal_owner(ctx, head)
        if owner is not None:
            return owner  # "the only option left for the army is to withdraw"
    if dep == "relcl":
        return head
    if dep == "acomp" and head.pos_ in ("VERB", "AUX"):
        return subject_token(ctx, head, depth + 1)  # "X is ready to contribute"
    if dep == "acl" and verb.tag_ == "VBG":
        return head
    if dep == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "offered the terrorists an opportunity to redeploy", "efforts to create"
        gov = head.head
        dative = next((c for c in gov.children if c.dep_ == "dative"), None)
        if dative is not None and head.dep_ == "dobj":
            return dative
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        if poss is not None:
            return poss
        if head.dep_ in ("dobj", "attr") and gov.pos_ in ("VERB", "AUX"):
            return subject_token(ctx, gov, depth + 1)
        return None
    if dep == "xcomp":
        # object control: "force the troops to abandon", "allow X to enter"
        obj = direct_object(head)
        if obj is None and head.lemma_.lower() in ("call", "prevail", "appeal"):
            obj = _prep_object(head, ("on", "upon", "to"))  # "calling on citizens to expel"
        if obj is not None and head.lemma_.lower() in (
                "force", "allow", "permit", "order", "urge", "ask", "help", "enable", "push",
                "compel", "encourage", "want", "expect", "invite", "call", "tell", "prevail",
                "appeal"):
            return obj
        return _inherited_subject(ctx, head, depth + 1)
    if dep in ("conj", "advcl", "ccomp") and head.pos_ in ("VERB", "AUX"):
        if dep == "ccomp" and verb.tag_ not in ("VBG", "VB"):
            return None
        if dep == "conj" and _passive_conjunct(verb, head):
            return None  # "were arrested, interrogated, tortured": the subject undergoes
        return _inherited_subject(ctx, head, depth + 1)
    if dep == "pcomp" and depth == 0:  # the trigger's own clause, not an inherited one
        doer = restrained_doer(verb)  # "prevent the army from retaking"
        if doer is not None:
            return doer
        clause = enclosing_clause_verb(verb)  # "is on the verge of defeating"
        if clause is not None:
            return subject_token(ctx, clause, depth + 1)
    if dep == "pcomp" and head.dep_ in ("prep",) and head.head.pos_ in ("VERB", "AUX"):
        return _inherited_subject(ctx, head.head, depth + 1)
    if dep == "pcomp" and head.dep_ == "prep" and head.head.pos_ == "NOUN":
        owner = head.head
        if owner.dep_ in ("dobj", "pobj") and owner.head.pos_ == "VERB":
            return subject_token(ctx, owner.head, depth + 1)
    return None


OPTION_NOUNS = frozenset({"solution", "option", "choice", "alternative", "way", "goal", "aim",
                          "objective", "plan", "task", "priority", "intention", "mission"})


def _goal_owner(ctx: Context, copula: Any) -> Any | None:
    """Whose goal/option the subject of "X is to …" is: "the army's goal", "the only
    solution for the government", "the option that remains for Damascus"."""
    subj = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in OPTION_NOUNS:
        return None
    for c in subj.children:
        if c.dep_ == "poss" and ctx.is_actor(c):
            return c
    for t in subj.subtree:
        if t.dep_ == "pobj" and t.head.lower_ in ("for", "of") and ctx.is_actor(t):
            return t
    return None


def _inherited_subject(ctx: Context, head: Any, depth: int) -> Any | None:
    """The subject a non-finite clause takes from its head: "ISIS managed to overcome",
    "terrorists were suspected of sneaking" (the passive subject of the head)."""
    if _explicit_passive(head):
        return next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    return subject_token(ctx, head, depth)


def object_token(ctx: Context, verb: Any, sense: Sense) -> Any | None:
    """The token of the recipient of a verb trigger."""
    allowed = sense.recipient
    undergoer = small_clause_undergoer(verb)
    if undergoer is not None and (allowed is None or "dobj" in allowed):
        return undergoer
    if is_passive(verb):
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subj is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            subj = subject_token(ctx, verb.head)  # "arrived … and were positioned"
        if subj is not None and (allowed is None or "dobj" in allowed or not allowed):
            if subj.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return subj
        if verb.dep_ in ("acl", "amod") and (allowed is None or allowed):
            return verb.head
        if verb.dep_ == "relcl":
            return verb.head
    if allowed is not None and not allowed:
        return None
    preps = RECIPIENT_PREPS if allowed is None else tuple(
        p for p in allowed if p not in ("dobj", "dative", "ccomp_subj"))
    licensing = direct_object(verb)
    author = proposal_author(ctx, licensing) if licensing is not None and \
        sense.type in RESPONSE_TYPES else None
    if author is not None:
        return author  # "rejected an Indian proposal": the response is directed at India
    if licensing is not None and sense.obj and licensing.lemma_.lower() in sense.obj and \
            sense.type not in MOVER_TYPES:  # not "lifted its embargo", "sent its troops"
        owner = _owner_of(ctx, licensing) or owner_token(ctx, licensing, _owner_of) or next(
            (c for c in licensing.children if c.dep_ == "amod" and c.i < licensing.i and
             getattr(ctx.actor_at.get(c.i), "id", None) is not None), None)
        if owner is not None and owner.pos_ != "PRON":  # "expelled two Russian diplomats"
            return owner  # "uncovered an ISIS base": the base's owner
    if allowed is None or "dobj" in allowed:
        obj = direct_object(verb)
        if obj is not None and (sense.obj == () or obj.lemma_.lower() not in sense.obj):
            return relative_gap_head(ctx, verb, RELATIVE, preps) or obj if \
                obj.lower_ in RELATIVE else obj  # "the journalists whom it accused"
    if allowed is not None and "dative" in allowed:
        for c in verb.children:
            if c.dep_ == "dative":  # "gave them aid"; "provided aid to X" (to as dative)
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                return pobj if c.pos_ == "ADP" and pobj is not None else c
    if allowed is not None and "ccomp_subj" in allowed:
        for c in verb.children:
            if c.dep_ == "ccomp":
                subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
                if subj is not None:
                    return subj
    found = _prep_object(verb, preps)
    if found is not None:
        return found
    obj = direct_object(verb)
    if obj is not None:  # "launch an offensive against X", "seize control of X"
        found = _prep_object(obj, preps)
        if found is not None:
            return found
    if verb.dep_ in ("conj",) and allowed is None:
        head_obj = direct_object(verb.head)
        if head_obj is not None:
            return head_obj
    own = direct_object(verb) is not None or any(
        c.dep_ in ("xcomp", "ccomp") for c in verb.children)  # "refused to go and urged X"
    for c in verb.children:  # share the object of a later conjunct: "harbored and funded X"
        if c.dep_ == "conj" and c.pos_ == "VERB" and not own:
            o = direct_object(c)
            if o is not None and allowed is None:
                return o
    if allowed is None or "dobj" in allowed:
        return relative_gap_head(ctx, verb, RELATIVE, preps)  # "the rebels it had armed"
    return None


def _prep_object(tok: Any, preps: tuple[str, ...]) -> Any | None:
    for c in tok.children:
        if c.dep_ in ("prep", "prt") and c.lower_ in preps:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        if c.dep_ == "acl" and c.lower_ == "targeting":
            o = direct_object(c)
            if o is not None:
                return o
    return None


def noun_roles(ctx: Context, trig: Trigger) -> tuple[Any | None, Any | None]:
    """(actor token, recipient token) of a nominal trigger."""
    noun, sense = trig.head, trig.sense
    actor = recipient = None
    for c in noun.children:
        if c.i in {t.i for t in trig.tokens}:
            continue
        possessive = c.dep_ in AGENT_MODS or (  # "the army’s move" parsed as nsubj + case
            c.dep_ == "nsubj" and any(g.dep_ == "case" for g in c.children))
        if possessive and c.i < noun.i and actor is None and ctx.is_actor(c) \
                and not (c.i in ctx.place_tok and c.i not in ctx.actor_at):
            if c.dep_ in ("amod", "compound") and c.i not in ctx.actor_at and \
                    c.lower_ in ctx.lex.military_context:
                continue  # "military operations": a kind of operation, not its actor
            if c.dep_ == "compound" and noun.lemma_.lower() in ctx.lex.theme_compound_nouns \
                    and c.i in ctx.actor_at:
                recipient = recipient or c  # "the Isis war": a war against Isis
                continue
            actor = c  # "ISIS attacks", "Iranian presence" (not "the Idlib offensive")
        elif c.dep_ == "prep":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is None:
                continue
            word = c.lower_
            if word == "by" and actor is None:
                actor = pobj
            elif word == "of":
                if sense.of == "actor" and actor is None:
                    actor = pobj
                elif sense.of == "recipient" and recipient is None:
                    recipient = pobj
            elif word == "from" and sense.type == "AID" and actor is None:
                actor = pobj
            elif word == "between" and sense.recipient and "between" in sense.recipient:
                recipient = recipient or pobj  # "a mediation effort between A and B"
            elif word == "between" and actor is None:
                actor = pobj
                conj = next((g for g in pobj.children if g.dep_ == "conj"), None)
                if conj is not None:
                    recipient = conj
            elif word in ("with",) and sense.type in ("COOPERATE", "CONSULT", "AGREE") or word in ("to", "for") and sense.type in ("AID", "REQUEST", "THREATEN"):
                recipient = recipient or pobj
            elif word in RECIPIENT_PREPS and recipient is None:
                recipient = pobj
        elif c.dep_ == "acl" and c.lower_ == "targeting":
            o = direct_object(c)
            if o is not None and recipient is None:
                recipient = o
    if actor is None and noun.dep_ == "conj":
        actor = conjunct_possessor(ctx, noun)  # "the army's raids and shelling"
    for sub in trig.absorbed:  # "the protection it offers them"
        if sub.kind == "verb" and sub.head.dep_ == "relcl":
            actor = actor or subject_token(ctx, sub.head)
            recipient = recipient or next((c for c in sub.head.children
                                           if c.dep_ in ("dative", "dobj")), None)
        elif sub.kind == "verb" and sub.head.dep_ == "acl" and recipient is None:
            found = _actor_token(ctx, object_token(ctx, sub.head, sub.sense))
            if found is not None and not ctx.is_place(found):  # not "to recapture Mosul"
                recipient = found  # "a push to eliminate the ISIS-held pocket": ISIS
    if actor is None:
        actor = proposal_author(ctx, noun)  # "an appeal from the president"
    gov = trig.light or _governing_verb(noun)
    if recipient is None:  # "a suspension of links with X", "opened investigations against X"
        light = gov if gov is not None and (trig.light is not None or
                                            gov.lemma_.lower() in ctx.lex.light_verbs) else None
        recipient = noun_counterpart(ctx, noun, light, sense.type,
                                     lambda t: _party(ctx, t, actor))
        if recipient is None and sense.recipient:  # "lodged a protest with X"
            recipient = _prep_object(noun, sense.recipient) or (
                _prep_object(light, sense.recipient) if light is not None else None)
    if gov is not None:
        lex = ctx.lex
        subj = subject_token(ctx, gov)
        lemma = gov.lemma_.lower()
        if sense.type == "REQUEST" and noun.dep_ == "dobj" and lemma in lex.addressee_verbs:
            if recipient is None and subj is not None:
                recipient = subj  # "the command rejected appeals": appeals to the command
        elif lemma in lex.undergoer_verbs:
            if recipient is None and subj is not None:
                recipient = subj
        elif actor is None and subj is not None and (trig.light is not None or
                                                     lemma in lex.light_verbs):
            actor = subj
    if actor is None and noun.dep_ == "pobj" and noun.head.lower_ in ("under", "in") and \
            sense.type == "COERCE":
        of = _prep_object(noun, ("of",))
        actor = of
    prep = noun.head
    clause = prep.head if noun.dep_ == "pobj" and prep.dep_ == "prep" else None
    if clause is not None and clause.pos_ in ("VERB", "AUX"):
        if sense.type == "COERCE" and sense.mode == "arrest":
            if recipient is None and prep.lower_ in ctx.lex.manner_preps:
                recipient = subject_token(ctx, clause)  # "the suspect is in custody"
        elif actor is None and prep.lower_ in ctx.lex.manner_preps and \
                sense.type != "ASSAULT":
            actor = subject_token(ctx, clause)  # "advanced in coordination with Moscow"
        elif prep.lower_ == "with" and sense.type == "AID" and actor is not None \
                and recipient is None:
            recipient = subject_token(ctx, clause)  # "X overcame Y with the support of Z"
    if recipient is None and sense.type == "COERCE" and sense.mode == "arrest":
        recipient = held_noun(ctx, noun, ctx.lex.manner_preps)  # "fighters in SDF custody"
    if recipient is None and sense.type == "ASSAULT":
        recipient = shielded_party(noun)  # "X is protected against attacks"
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        agent = next((g for g in by.children if g.dep_ == "pobj"), None) if by else None
        if recipient is None and agent is not None and actor is not None and agent.i == actor.i:
            recipient = target_in_agent(agent, ("on", "against"))  # "attack by X on Y"
    return actor, recipient


def hyphen_roles(ctx: Context, trig: Trigger) -> tuple[Any | None, Any | None]:
    """Actor: the word before the hyphen ("US-backed"), or the by-agent when that word is an
    adverb ("illegally-occupied by the US"); recipient: the noun the compound modifies."""
    tok = trig.head
    roles = agent_noun_roles(ctx, tok)  # "the Turkish jihadist-sponsor"
    if roles is not None:
        return roles
    actor = tok.doc[tok.i - 2]
    agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children
                  if g.dep_ == "pobj"), None)
    if agent is not None and actor.pos_ == "ADV":
        actor = agent
    recipient = tok.head
    hops = 0
    while recipient.pos_ not in ("NOUN", "PROPN") and recipient.head.i != recipient.i \
            and hops < 3:
        recipient = recipient.head
        hops += 1
    if recipient.pos_ not in ("NOUN", "PROPN") or recipient.i == tok.i:
        recipient = None
    if trig.sense.type == "COERCE":
        return actor, None
    return actor, recipient


# -- mentions -------------------------------------------------------------------------------
def mention_for(doc: Document, ctx: Context, tok: Any | None,
                hyphen: bool = False) -> ActorMention | None:
    """The actor mention a role token refers to (dictionary mention, antecedent, NP)."""
    if tok is None:
        return None
    m = ctx.actor_at.get(tok.i)
    span_start, span_end = _np_bounds(tok)
    if hyphen:
        span_start, span_end = tok.idx, tok.idx + len(tok.text)
        if m is not None and (m.start < span_start or m.end > span_end):
            m = _lookup(ctx, doc.text[span_start:span_end], span_start, span_end)
    if m is not None and not _needs_antecedent(tok):
        return m
    named = _appositive_mention(ctx, tok)
    if named is not None:
        return named  # "its leader Abu Bakr al-Baghdadi": the named appositive
    if m is None:
        inner = _of_mention(ctx, tok)
        if inner is not None:
            return ActorMention(text=doc.text[span_start:span_end], start=span_start,
                                end=span_end, id=inner.id, name=inner.name,
                                sector=inner.sector, country=inner.country,
                                kind=inner.kind)
    if _needs_antecedent(tok):
        forward = _cataphor(doc, ctx, tok)
        if forward is not None:
            return ActorMention(text=doc.text[span_start:span_end], start=span_start,
                                end=span_end, id=forward.id, name=forward.name,
                                sector=forward.sector, country=forward.country, kind="pronoun")
        antecedent = _helper("claimbase.nlp.coref", "antecedent")
        if antecedent is not None:
            ant = antecedent(doc, span_start, span_end)
            if ant is not None:
                return ActorMention(text=doc.text[span_start:span_end], start=span_start,
                                    end=span_end, id=ant.id, name=ant.name,
                                    sector=ant.sector, country=ant.country, kind="pronoun")
        if m is not None:
            return m
    if tok.ent_type_ and tok.ent_iob_ in ("B", "I") and not doc.actors:
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            return ActorMention(text=ent.text, start=ent.start_char, end=ent.end_char,
                                kind="generic")
    if tok.pos_ in ("ADP", "PUNCT", "CCONJ", "SCONJ"):
        return None
    return ActorMention(text=doc.text[span_start:span_end], start=span_start, end=span_end,
                        kind="pronoun" if tok.pos_ == "PRON" else "generic")


def _appositive_mention(ctx: Context, tok: Any) -> ActorMention | None:
    """The identified actor named in apposition to a role noun ("its leader, X")."""
    if tok.pos_ != "NOUN":
        return None
    for c in tok.children:
        if c.dep_ == "appos" and c.i in ctx.actor_at:
            m = ctx.actor_at[c.i]
            if m.id is not None:
                return m
    return None


PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
GROUP_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})
PREPOSED = ("prep", "advcl", "npadvmod")


def _cataphor(doc: Document, ctx: Context, tok: Any) -> ActorMention | None:
    """A pronoun in a preposed adverbial refers forward to the main clause subject:
    "Months after losing the territory it held, ISIS fighters …" (it = ISIS)."""
    pron = tok if tok.pos_ == "PRON" else next(
        (c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    if pron is None or pron.lower_ not in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return None
    top, hops = pron, 0
    while top.head.i != top.i and top.dep_ != "ROOT" and hops < 12:
        top, hops = top.head, hops + 1
    if top.i == pron.i:
        return None
    path = pron
    while path.head.i != top.i and path.i != top.i:
        path = path.head
    subj = next((c for c in top.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or path.dep_ not in PREPOSED or not path.i < subj.i or \
            subj.pos_ == "PRON":
        return None
    m = ctx.actor_at.get(subj.i) or _of_mention(ctx, subj)
    if m is None or m.id is None:
        return None
    if (m.kind == "person") != (pron.lower_ in PERSON_PRONOUNS):
        return None
    return m


def _lookup(ctx: Context, text: str, start: int, end: int) -> ActorMention | None:
    """A dictionary lookup for a bare name ("US" of "US-backed")."""
    res = getattr(ctx, "res", None)
    if res is None:
        return None
    try:
        actor = res.actors.lookup(text)
    except (ModuleNotFoundError, AttributeError):
        return None
    if actor is None:
        return None
    return ActorMention(text=text, start=start, end=end, id=actor.id, name=actor.name,
                        sector=actor.sector, country=actor.country, kind="actor")


def _of_mention(ctx: Context, tok: Any) -> ActorMention | None:
    """The dictionary mention of "members of the SDF", "remnants of ISIS"."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.i in ctx.actor_at:
                return ctx.actor_at[pobj.i]
            for t in c.subtree:
                if t.i in ctx.actor_at and not _is_backer(t):
                    return ctx.actor_at[t.i]
    if _relational(tok):
        return None
    for c in tok.children:  # "ISIS fighters", "the group's leaders" (not "Iraq's Brigades")
        if c.i in ctx.actor_at and (c.dep_ in ("compound", "nmod") or
                                    c.dep_ == "poss" and tok.pos_ == "NOUN"):
            return ctx.actor_at[c.i]
    return None


def _relational(tok: Any) -> bool:
    """ "its allies", "Turkey's proxies": a relation to the possessor, not the possessor."""
    return tok.lemma_.lower() in load_lexicon().relational_nouns and any(
        c.dep_ == "poss" for c in tok.children)


_STATE_MODIFIERS = frozenset({"government", "regime", "pro-government", "state"})


def _needs_antecedent(tok: Any) -> bool:
    if _relational(tok):
        return False
    if tok.pos_ == "PRON" or (tok.lower_ in BARE_PRONOUNS and not any(
            c.dep_ in ("compound", "amod") for c in tok.children)):
        return True
    dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
    if not dets or tok.ent_type_:
        return False
    if any(c.dep_ in ("compound", "amod") and c.lower_ in _STATE_MODIFIERS for c in tok.children):
        return False  # "the government forces" are the focus state's, not the last army named
    return dets[0].lower_ in DEFINITE_DETS and not any(
        c.dep_ in ("compound", "amod") and (c.ent_type_ or c.pos_ == "PROPN")
        for c in tok.children)


def _np_bounds(tok: Any) -> tuple[int, int]:
    """Character bounds of the noun phrase headed at tok, without trailing modifiers."""
    left = tok.left_edge
    doc = tok.doc
    i = left.i
    for j in range(tok.i - 1, left.i - 1, -1):  # never across a line break
        if "\n" in doc[j].text or "\n" in doc[j].whitespace_:
            i = j + 1
            break
    while i < tok.i and (doc[i].is_punct and doc[i].text not in "“\""):
        i += 1
    right = tok
    # keep an "of"-phrase of group nouns ("members of the SDF", "remnants of ISIS")
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1:
            right = c.right_edge
        elif c.dep_ == "appos" and c.i <= tok.i + 3 and c.text.isupper():
            right = max(right, c.right_edge, key=lambda t: t.i)
        elif c.dep_ == "conj" or c.dep_ == "cc":
            continue
    while right.i > tok.i and doc[right.i].is_punct and doc[right.i].text not in ")”\"":
        right = doc[right.i - 1]
    return doc[i].idx, right.idx + len(right.text)


def _joint_modifiers(doc: Document, ctx: Context, tok: Any | None) -> list[ActorMention]:
    """ "Syrian, Russian, Iranian, and Hezbollah forces": one mention per modifier + head."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return []
    first = next((c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")
                  and c.i < tok.i and any(g.dep_ == "conj" for g in c.children)), None)
    if first is None or getattr(ctx, "res", None) is None:
        return []
    out = []
    for mod in [first, *first.conjuncts]:
        if mod.i > tok.i:
            continue
        found = _lookup(ctx, f"{mod.text} {tok.text}", mod.idx, mod.idx + len(mod.text)) \
            or _lookup(ctx, mod.text, mod.idx, mod.idx + len(mod.text))
        if found is None:
            return []
        out.append(found)
    out.sort(key=lambda m: m.start)
    return out if len(out) > 1 else []


def _co_mentions(doc: Document, ctx: Context, tok: Any | None) -> list[ActorMention]:
    """Conjoined actors of a role token: "the Iraqi Army and the PMU"."""
    out: list[ActorMention] = []
    if tok is None:
        return out
    for c in tok.conjuncts:
        if c.i > tok.i and (ctx.is_actor(c) or c.ent_type_):
            m = mention_for(doc, ctx, c)
            if m is not None:
                out.append(m)
    return out


# -- building events ------------------------------------------------------------------------
def _build_event(doc: Document, ctx: Context, trig: Trigger, s_start: int,
                 s_end: int) -> Event | None:
    if trig.kind == "verb":
        actor_tok = subject_token(ctx, trig.head)
        recip_tok = object_token(ctx, trig.head, trig.sense)
        if trig.type in MOVER_TYPES and is_passive(trig.head) and actor_tok is None:
            actor_tok, recip_tok = recip_tok, None  # "the fighters were transferred"
            head = trig.head
            if actor_tok is None and head.dep_ in ("acl", "amod") and head.tag_ == "VBN" \
                    and head.head.pos_ in ("NOUN", "PROPN"):
                actor_tok = head.head  # "US troops stationed there", "forces deployed in"
    elif trig.kind == "hyphen":
        actor_tok, recip_tok = hyphen_roles(ctx, trig)
    else:
        actor_tok, recip_tok = noun_roles(ctx, trig)
    actor_tok = _actor_token(ctx, actor_tok) or (  # "Swiss doctors", "by Russian bombs"
        _demonym_owner(ctx, actor_tok) if actor_tok is not None else None)
    if actor_tok is None and trig.type == "ASSAULT":
        actor_tok = fronted_subject(ctx, trig.head)  # "Ambushes in X, ISIS announces …"
    raw_recipient = recip_tok
    recip_tok = _actor_token(ctx, recip_tok)
    if recip_tok is None and raw_recipient is not None and trig.kind != "hyphen" and \
            trig.type not in MOVER_TYPES and trig.head in raw_recipient.ancestors:
        recip_tok = _demonym_owner(ctx, raw_recipient)  # not "overfly the Russian zone"
    between = None
    if trig.kind == "verb" and actor_tok is None:
        actor_tok, recip_tok, between = _between_roles(ctx, trig, recip_tok)
    if recip_tok is not None and actor_tok is not None and recip_tok.i == actor_tok.i:
        recip_tok = None
    territorial = trig.type in MOVER_TYPES + ("COERCE",) or trig.sense.acled == "territory"
    if recip_tok is not None and ctx.is_place(recip_tok) and (
            territorial or not ctx.is_actor(recip_tok)):
        recip_tok = None
    sense = trig.sense
    if recip_tok is None and trig.kind == "verb":
        recip_tok = counterpart_token(ctx, trig.head, trig.type, lambda t: _party(
            ctx, t, actor_tok))  # "halted aid to Serbia", "threatened to cut off X"
    if recip_tok is None and trig.kind == "verb" and sense.recipient and \
            "from" in sense.recipient:
        recip_tok = _actor_token(ctx, _taken_from(trig.head))  # "took X from ISIS"
        if recip_tok is not None and actor_tok is not None and recip_tok.i == actor_tok.i:
            recip_tok = None
    if recip_tok is None and trig.type == "PROTEST":
        recip_tok = protest_target(ctx, [t for t in (trig.head, trig.light) if t is not None])
        if recip_tok is not None and actor_tok is not None and recip_tok.i == actor_tok.i:
            recip_tok = None
    if sense.need_role and actor_tok is None and recip_tok is None:
        return None
    if sense.need_actor and actor_tok is None:
        return None
    if sense.need_armed and (actor_tok is None or not ctx.is_armed(actor_tok)):
        return None
    ev = Event(sentence_start=s_start, sentence_end=s_end, trigger_start=trig.start,
               trigger_end=trig.end, event_type=trig.type, event_mode=trig.sense.mode)
    ev.actor = mention_for(doc, ctx, actor_tok, hyphen=trig.kind == "hyphen"
                           and actor_tok is not None and actor_tok.i == trig.head.i - 2)
    ev.recipient = mention_for(doc, ctx, recip_tok)
    ev.co_actors = _co_mentions(doc, ctx, actor_tok)
    ev.co_recipients = _co_mentions(doc, ctx, recip_tok)
    joint = _joint_modifiers(doc, ctx, actor_tok) or _hyphen_chain(ctx, actor_tok)
    if joint:
        ev.actor, ev.co_actors = joint[0], joint[1:] + ev.co_actors
    joint = _joint_modifiers(doc, ctx, recip_tok) or _hyphen_chain(ctx, recip_tok)
    if joint:
        ev.recipient, ev.co_recipients = joint[0], joint[1:] + ev.co_recipients
    ev.recipient = _capital_recipient(ctx, recip_tok, ev.recipient, trig.type)
    if between is not None:  # "agreed between A and B": B is the recipient, not a co-actor
        ev.co_actors = [m for m in ev.co_actors if ev.recipient is None
                        or (m.start, m.end) != (ev.recipient.start, ev.recipient.end)]
    elif ev.recipient is None and ev.co_actors and trig.type in SYMMETRIC_TYPES:
        ev.recipient = ev.co_actors.pop(0)  # "X and Y held negotiations"
    _resolve_roles(doc, ev)
    return ev


def _party(ctx: Context, tok: Any, actor_tok: Any | None) -> Any | None:
    """The actor token a counterpart candidate stands for: not the actor itself, and not a
    place that names no actor ("to Geneva" is a destination)."""
    found = _actor_token(ctx, tok) or _demonym_owner(ctx, tok)
    if found is None or actor_tok is not None and found.i == actor_tok.i:
        return None
    if ctx.is_place(found) and found.i not in ctx.actor_at and not _country(ctx, found):
        return None  # "an offensive on Mosul", "refused to leave the town"
    return found


def _country(ctx: Context, tok: Any) -> bool:
    """Is the token part of a place the geoparser read as a country?"""
    return any(p.feature == "country" and p.start <= tok.idx < p.end for p in ctx.doc.places)


def _between_roles(ctx: Context, trig: Trigger,
                   recip_tok: Any | None) -> tuple[Any | None, Any | None, Any | None]:
    """(actor, recipient, first party) of a verb trigger without a subject whose parties
    are named by "between" ("the zone negotiated between A, B and C")."""
    first, second = between_parties(trig.head, trig.type)
    if first is None or not ctx.is_actor(first):
        return None, recip_tok, None
    return first, recip_tok if recip_tok is not None else second, first


def _hyphen_chain(ctx: Context, tok: Any | None) -> list[ActorMention]:
    """Joint actors of "the US-French-British special forces" (`hyphen_chain_mentions`)."""
    if tok is None or getattr(ctx, "res", None) is None:
        return []
    return hyphen_chain_mentions(tok, lambda text, start, end: _lookup(ctx, text, start, end))


def _capital_recipient(ctx: Context, tok: Any | None, m: ActorMention | None,
                       event_type: str) -> ActorMention | None:
    """A capital addressed by a verbal act stands for its government ("warned Damascus")."""
    if m is None or m.id is not None:
        return m
    actor = capital_addressee(ctx, tok, m.text, event_type)
    if actor is None:
        return m
    return ActorMention(text=m.text, start=m.start, end=m.end, id=actor.id, name=actor.name,
                        sector=actor.sector, country=actor.country, kind="actor")


def _taken_from(verb: Any) -> Any | None:
    """The "from" phrase of a territorial verb, on the verb or on its (coordinated) object:
    "captured 4 roads and 19 positions from ISIS", "the areas liberated from ISIS"."""
    found = _prep_object(verb, ("from",))
    if found is not None:
        return found
    obj = direct_object(verb)
    for tok in ([obj, *obj.conjuncts] if obj is not None else []):
        found = _prep_object(tok, ("from",))
        if found is not None:
            return found
    return None


def _resolve_roles(doc: Document, ev: Event) -> None:
    """Give role mentions without an id ("the group", "its fighters") their antecedent's id.

    A recipient never takes the actor's own id (nobody attacks itself), and skeptical or
    abstract descriptions (" 'terrorists' ", "so-called rebels", "terrorism") stay open."""
    resolve = _helper("claimbase.nlp.coref", "resolve")
    if resolve is None:
        return

    def fill(m: ActorMention | None, taken: set[str]) -> ActorMention | None:
        if m is None or m.id is not None or not _resolvable(doc, m):
            return m
        found = resolve(doc, m)
        if found.id is None:
            found = _partitive_antecedent(doc, m)
        if found.id is None:
            found = _possessor_antecedent(doc, m, resolve)
        return m if found.id in taken else found

    ev.actor = fill(ev.actor, set())
    ev.co_actors = [fill(m, set()) or m for m in ev.co_actors]
    own = {m.id for m in (ev.actor, *ev.co_actors) if m is not None and m.id is not None}
    ev.recipient = fill(ev.recipient, own)
    ev.co_recipients = [fill(m, own) or m for m in ev.co_recipients]
    r = ev.recipient
    if r is not None and r.id is not None and r.id in own and ev.actor is not None and \
            (r.start, r.end) != (ev.actor.start, ev.actor.end) and r.kind == "pronoun":
        # "Turkey would not attack its allies": nobody acts on itself through an anaphor
        ev.recipient = ActorMention(text=r.text, start=r.start, end=r.end, kind="generic")


def _possessor_antecedent(doc: Document, m: ActorMention, resolve: Any) -> ActorMention:
    """ "the terrorist group's leaders": the group the possessor description refers to."""
    text = m.text.replace("’", "'")
    cut = text.find("'s ")
    if cut <= 0:
        return m
    owner = next((a for a in doc.actors if a.start == m.start and a.end <= m.start + cut), None)
    if owner is None:
        antecedent = _helper("claimbase.nlp.coref", "antecedent")
        found = antecedent(doc, m.start, m.start + cut) if antecedent is not None else None
    else:
        found = resolve(doc, owner) if owner.id is None else owner
    if found is None or found.id is None or found.kind == "person":
        return m
    return ActorMention(text=m.text, start=m.start, end=m.end, id=found.id, name=found.name,
                        sector=found.sector, country=found.country, kind=m.kind)


PARTITIVE_ANAPHORS = BARE_PRONOUNS | {"more", "rest", "remainder", "few", "dozens", "hundreds"}
PARTITIVE_WINDOW = 700  # characters searched back for the set "others" contrasts with
ARMED_SECTORS = ("REB", "UAF")


def _partitive_antecedent(doc: Document, m: ActorMention) -> ActorMention:
    """ "others fled", "2 others withdrew", "many more may flee": the group of the set they
    contrast with, the nearest earlier group mention (armed non-state groups first)."""
    words = m.text.lower().split()
    if not words or words[-1] not in PARTITIVE_ANAPHORS:
        return m
    constraint_for = _helper("claimbase.nlp.coref", "constraint_for")
    compatible = _helper("claimbase.nlp.coref", "compatible")
    if constraint_for is None or compatible is None:
        return m
    group = constraint_for("they")
    near = [a for a in doc.actors if a.id is not None and a.end <= m.start
            and a.end > m.start - PARTITIVE_WINDOW and compatible(a, group)]
    armed = [a for a in near if a.sector in ARMED_SECTORS]
    found = (armed or near or [None])[-1]
    if found is None:
        return m
    return ActorMention(text=m.text, start=m.start, end=m.end, id=found.id, name=found.name,
                        sector=found.sector, country=found.country, kind=m.kind)


SKEPTICAL_MODIFIERS = frozenset({"supposed", "so-called", "alleged", "purported", "self-styled"})
QUOTES = "\"“”‘’'"


def _resolvable(doc: Document, m: ActorMention) -> bool:
    """Is the description referential (not scare-quoted, hedged or an abstract "-ism")?"""
    words = m.text.lower().replace("’", "'").split()
    if not words or words[-1].strip(QUOTES).endswith("ism"):
        return False
    if (words[0] in ("its", "their", "his", "her") or words[0].endswith("'s")) and \
            _singular(words[-1]) in load_lexicon().relational_nouns:
        return False  # "its allies" are not "it"
    if SKEPTICAL_MODIFIERS & set(words):
        return False
    before = doc.text[max(0, m.start - 1):m.start]
    return not any(q in m.text or q == before for q in "\"“”")


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


MOVER_TYPES = ("MOBILIZE", "RETREAT", "CONCEDE")
SYMMETRIC_TYPES = ("CONSULT", "COOPERATE", "AGREE")
RESPONSE_TYPES = ("REJECT", "AGREE", "CONCEDE", "SUPPORT")


def _actor_token(ctx: Context, tok: Any | None) -> Any | None:
    """The role token if it refers to an actor: itself, the possessor of "its actions", or
    an owner further in ("ISIS supply lines", "groups such as ISIS": `owner_token`)."""
    if tok is None:
        return None
    example = example_token(ctx, tok)  # "organisations such as ISIS"
    if example is not None:
        return example
    if ctx.is_actor(tok) or _relational(tok):
        return tok
    found = _owner_of(ctx, tok)
    return found if found is not None else owner_token(ctx, tok, _owner_of)


def _owner_of(ctx: Context, tok: Any) -> Any | None:
    """The possessor, compound or "of" owner of a role noun that is no actor itself."""
    for c in tok.children:  # "its actions", "SDF positions", "positions of the SDF"
        if (c.dep_ in ("poss", "compound") or c.dep_ == "nmod" and c.i in ctx.actor_at) \
                and c.i < tok.i and ctx.is_actor(c):
            return c
    for c in tok.children:
        if c.dep_ == "prep" and (c.lower_ == "of" or c.lower_ == "by" and tok.pos_ == "NOUN"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and ctx.is_actor(pobj) and not ctx.is_place(pobj):
                return pobj  # "positions of the SDF", "crimes by the militia"
    return None


def _demonym(ctx: Context, tok: Any | None) -> Any | None:
    """The name adjective of a common noun that names no actor itself ("Palestinian
    homes", "a British engineer"; not a place: "the Syrian province")."""
    if tok is None or tok.pos_ != "NOUN" or ctx.is_actor(tok) or ctx.is_place(tok) or \
            tok.lower_ in reference_heads():
        return None
    for c in tok.children:
        m = ctx.actor_at.get(c.i)
        if c.dep_ == "amod" and c.i < tok.i and m is not None and m.id is not None:
            return c
    return None


def _demonym_owner(ctx: Context, tok: Any) -> Any | None:
    """The state or group a thing acted on belongs to by its name adjective: "demolished
    Palestinian homes", "sanctions on Iranian oil exports". Before a noun for people the
    adjective tells where they are from ("a British engineer was killed", "the detention of a
    British national"): the noun phrase itself is the party; a subject is no thing owned."""
    found = _demonym(ctx, tok)
    if found is None:
        return None
    if _person_noun(tok):
        return tok
    return None if tok.dep_ in ("nsubj", "nsubjpass") else found


def _person_noun(tok: Any | None) -> bool:
    """Does the noun name people (`data/person_nouns.txt`: "engineer", "national")?"""
    return tok is not None and tok.lemma_.lower() in word_list("person_nouns.txt")


def _merge_coordinated(built: list[tuple[Trigger, Event]]) -> list[tuple[Trigger, Event]]:
    """Merge coordinated predicates of the same type, actor and recipient into one record."""
    out: list[tuple[Trigger, Event]] = []
    for trig, ev in built:
        target = None
        for prev_trig, prev_ev in out:
            link = _link(prev_trig, trig)
            if link is None:
                continue
            if link == "conj" and not (_same_type(prev_ev, ev) and
                                       _same_subtype(prev_trig, trig)):
                continue
            if link == "participle" and prev_ev.event_type != ev.event_type:
                continue
            if _mid(prev_ev.actor) != _mid(ev.actor) and ev.actor is not None \
                    and prev_ev.actor is not None:
                continue
            if link == "conj" and _mid(prev_ev.recipient) != _mid(ev.recipient) and \
                    ev.recipient is not None and prev_ev.recipient is not None:
                continue
            target = (prev_trig, prev_ev)
            break
        if target is None:
            out.append((trig, ev))
            continue
        prev_trig, prev_ev = target
        prev_trig.tokens = _uniq(prev_trig.tokens + trig.tokens)
        prev_trig.absorbed.append(trig)
        prev_ev.trigger_start = min(prev_ev.trigger_start, ev.trigger_start)
        prev_ev.trigger_end = max(prev_ev.trigger_end, ev.trigger_end)
        prev_ev.actor = prev_ev.actor or ev.actor
        prev_ev.recipient = prev_ev.recipient or ev.recipient
    return out


def _same_type(a: Event, b: Event) -> bool:
    if a.event_type == b.event_type:
        return True
    # "attacked and cut the supply lines": the restriction is part of the attack
    return a.event_type == "ASSAULT" and b.event_type == "COERCE" and b.event_mode == "restrict"


TERRITORY_HINTS = frozenset({"territory", "regain"})
MERGE_GAP = 5  # coordinated predicates of one event sit close together


def _same_subtype(a: Trigger, b: Trigger) -> bool:
    """An offensive and a territorial gain stay apart ("launch an offensive … and establish
    control over …"); two territorial verbs merge ("liberate and seize control")."""
    return (a.sense.acled in TERRITORY_HINTS) == (b.sense.acled in TERRITORY_HINTS)


def _anchor(trig: Trigger) -> Any:
    return trig.light if trig.light is not None else trig.head


def _link(first: Trigger, second: Trigger) -> str | None:
    """How two triggers are joined: "conj" (coordinated predicates), "participle"
    ("…, killing 10"), or None."""
    a, b = _anchor(first), _anchor(second)
    ids = {t.i for t in first.tokens} | {a.i}
    near = b.i - max(ids) <= MERGE_GAP
    if b.dep_ == "conj" and near and (
            b.head.i in ids or b.head.dep_ == "conj" and b.head.head.i in ids):
        if a.pos_ != b.pos_ and "VERB" not in (a.pos_, b.pos_):
            return None
        if a.lemma_ == b.lemma_ and direct_object(a) is not None and \
                direct_object(b) is not None:
            return None  # "liberate the south and liberate the crossings": two events
        if _explicit_passive(a) != _explicit_passive(b) and a.pos_ == b.pos_ == "VERB":
            return None  # "arrived … and were positioned": two steps
        return "conj"
    if a.head.i == b.head.i and a.dep_ in ("relcl", "acl") and b.dep_ in ("relcl", "acl") \
            and all(t.is_punct or t.dep_ == "cc" for t in a.doc[a.i + 1:b.i]):
        return "conj"  # "assets it had harbored, protected, …" parsed as two clauses
    if b.dep_ in ("advcl", "xcomp", "acl") and b.head.i in ids and b.tag_ == "VBG":
        return "participle"
    return None


def _explicit_passive(verb: Any) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _passive_conjunct(verb: Any, head: Any) -> bool:
    """Is the verb a bare participle sharing a passive head's auxiliary ("were arrested and
    tortured")?"""
    return verb.tag_ == "VBN" and _explicit_passive(head) and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)


def _mid(m: ActorMention | None) -> Any:
    if m is None:
        return None
    return m.id or (m.start, m.end)


def _attach_quantities(doc: Document, sent: Any, built: list[tuple[Trigger, Event]]) -> None:
    """Attach each figure of the sentence to the one event whose clause carries it."""
    if not built:
        return
    owner: dict[int, Event] = {}
    for trig, ev in built:
        for t in trig.tokens:
            owner[t.i] = ev
        for sub in trig.absorbed:
            for t in sub.tokens:
                owner[t.i] = ev
    for fig in find_quantities(sent, doc.text):
        ev = _owning_event(fig.governor, owner)
        if ev is None:
            ev = _owning_event(fig.head, owner)
        if ev is None:
            continue
        ev.quantities.append(fig.quantity)


def _owning_event(tok: Any, owner: dict[int, Event]) -> Event | None:
    hops = 0
    while tok is not None and hops < 6:
        if tok.i in owner:
            return owner[tok.i]
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        hops += 1
    return None


def _finish(doc: Document, ctx: Context, trig: Trigger, ev: Event, s_start: int,
            s_end: int) -> None:
    """Location, date, attribution, modality, stance, PLOVER rules and ACLED type."""
    anchor = trig.head
    clause = _anchor(trig)
    ctx.memo["deed"] = ev.event_type in SCENE_TYPES  # may continue a long episode
    ev.location = _location(doc, ctx, s_start, s_end, clause,
                            [_anchor(sub) for sub in trig.absorbed])
    ev.date = _date(doc, s_start, s_end, clause)
    attribution_at = _helper("claimbase.extract.attribution", "attribution_at")
    ev.attribution = attribution_at(doc, ev.trigger_start, ev.trigger_end) \
        if attribution_at else None
    quoted = _helper("claimbase.timex.dates", "as_of_quoted_piece")
    if quoted is not None and ev.date is not None:
        ev.date = quoted(ev.date, ev.attribution)
    modality_of = _helper("claimbase.extract.modality", "modality_of")
    ev.modality = modality_of(doc, clause, ev.attribution) if modality_of \
        else fallback_modality(clause)
    stance_of = _helper("claimbase.extract.stance", "stance_of")
    if ev.attribution is None:
        ev.author_stance = "neutral"
    elif stance_of is not None:
        ev.author_stance = stance_of(doc, ev.attribution, anchor)
    announced = _announced_type(ev, clause)
    if announced is not None:
        ev.event_type, ev.event_mode = announced, None
    elif ev.modality == "future" and ev.event_type in FUTURE_RULE:
        ev.event_type = FUTURE_RULE[ev.event_type]
        ev.event_mode = None
    if ev.event_type in ("AID", "COOPERATE", "AGREE", "SUPPORT", "CONCEDE"):
        ev.event_mode = None
    if _carried_scene(ev, s_start, s_end) and (
            ev.modality in _UNTOLD_MODALITIES or
            ev.event_type not in SCENE_TYPES and predicated_relation(anchor)):
        ev.location = None
    if _addressee_place(ev) and ev.event_type in ctx.lex.verbal_types:
        ev.location = None
    merged = [_anchor(sub) for sub in trig.absorbed]
    if _unreal(ev, clause) and _borrowed_place(doc, ev.location, s_start, s_end,
                                               [clause, *merged]):
        # "… to force militants to flee the area": the area the event's own phrase names
        own = _area_reference(doc, ctx, s_start, s_end, clause, None, merged)
        ev.location = None if own is None or own.start is None or _borrowed_place(
            doc, own, s_start, s_end, [clause, *merged]) else own
    _remember_scene(doc, ctx, ev)
    ev.acled_event_type, ev.acled_sub_event_type = acled.classify(ev, trig.sense, anchor)


# what did not happen or only would under a condition is not part of the episode told
# before it; planned and asked-about events are (the episode's next steps and open questions
# keep its place, which also links reports of one episode)
_UNTOLD_MODALITIES = frozenset({"negated", "hypothetical"})


def _unreal(ev: Event, anchor: Any) -> bool:
    """Is the event one that only would happen under a condition, or a planned one told by a
    verb ("to block ISIS from fleeing")? Such an event has a place only when its own phrase
    names one ("plans to attack Raqqa"); the place of the clause it hangs from is where the
    real event happened ("deployed to the border to block …"). A planned event told by a noun
    ("ahead of the expected withdrawal") is a topic of the scene it is told in, and a denied
    one often keeps the scene of its clause ("the fighting has not ended in Syria")."""
    if ev.modality == "hypothetical":
        return True
    return ev.modality == "future" and getattr(anchor, "pos_", "") in ("VERB", "AUX")


def _borrowed_place(doc: Document, loc: Place | None, s_start: int, s_end: int,
                    anchors: list[Any]) -> bool:
    """Is the event's place named in its sentence outside the phrase of each of its anchors
    (a place of another clause: "threw leaflets over Daraa calling on them to expel …")?
    The phrase of an anchor reaches the place its clause describes ("this desert town, which
    will be retaken"; "the attack in Damascus, which reportedly killed 50") and, for a purpose
    clause with no place of its own, that of the clause it serves ("set to arrive in Damascus
    to start an investigation")."""
    sdoc = doc.spacy_doc
    if loc is None or loc.start is None or sdoc is None or not s_start <= loc.start < s_end:
        return False
    span = span_at(sdoc, loc.start, loc.end)
    if span is None or not len(span):
        return False
    return not any(_phrase_reaches(doc, a, span) for a in anchors if hasattr(a, "left_edge"))


def _phrase_reaches(doc: Document, anchor: Any, span: Any) -> bool:
    """Does the anchor's phrase (see `_borrowed_place`) hold or describe the place span?"""
    root = span.root
    scope = anchor
    if _purpose_clause(anchor) and not any(
            anchor.left_edge.idx <= p.start and p.end <= anchor.right_edge.idx +
            len(anchor.right_edge) and not _topic_place(doc, p, anchor) for p in doc.places):
        # with no scene of its own, the clause the purpose serves ("met in Moscow to discuss
        # Syria", "launched a campaign in Afrin in an effort to drive out …")
        scope = next((t for t in anchor.ancestors if t.pos_ in ("VERB", "AUX")), anchor.head)
    else:
        # the noun a clause describes, with its own place phrase ("the attack in Damascus,
        # which reportedly killed 50", "Sochi, where they are expected to discuss …")
        clause = anchor
        while clause.dep_ in ("xcomp", "ccomp", "conj") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ in ("relcl", "acl") and clause.pos_ in ("VERB", "AUX"):
            scope = clause.head
    if scope.left_edge.i <= root.i <= scope.right_edge.i:
        return True
    return any(t.i == root.i for t in anchor.ancestors)  # "Afrin, a pocket with no presence"


def _topic_place(doc: Document, place: Place, verb: Any) -> bool:
    """Is the place the direct object of the verb ("to discuss Syria") or a possessor ("to
    obtain Russia's agreement"): what the clause is about, not where it happens?"""
    span = span_at(doc.spacy_doc, place.start, place.end)
    if span is None or not len(span):
        return False
    return span.root.dep_ == "poss" or span.root.dep_ == "dobj" and span.root.head.i == verb.i


def _purpose_clause(tok: Any) -> bool:
    """A "to"-infinitive serving the clause it hangs from ("arrived to start", "in order to")."""
    if tok.dep_ not in ("advcl", "xcomp", "acl") or tok.tag_ != "VB":
        return False
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


# an event without a place of its own continues the episode of an event told at most this many
# sentences before it (GUIDELINES §8: "clearly continues an episode placed earlier")
EPISODE_SENTENCES = 2
# … and a deed continues a single-scene episode up to this many sentences on (`_sole_scene`)
LONG_EPISODE_SENTENCES = 5
# a description ("the town") refers back this far (its own sentence included) to the town
# of the last deed told, farther than `place_reference.MAX_SENTENCES` for any town
SCENE_REFERENCE_SENTENCES = 8
# the events whose place sets the scene of an episode: deeds, not words or meetings
SCENE_TYPES = frozenset({"ASSAULT", "COERCE", "RETREAT", "MOBILIZE", "CONCEDE", "PROTEST"})
_EXAMPLE_BEFORE = re.compile(r"\b(?:such as|like|including)\s+(?:the\s+)?\Z", re.IGNORECASE)


def _remember_scene(doc: Document, ctx: Context, ev: Event) -> None:
    """Keep the place an event was given as its scene (named in its sentence or carried to
    it) for the events told after it: only that of a deed (`SCENE_TYPES`: a visit, a pledge
    or a statement somewhere sets no scene for the fighting told next), not an example
    ("cities such as X", "areas including X and Y"), nor one of a list of places ("the
    battles for X and Y", "shelled X, Y and Z"), which leaves the next sentence's scene
    open."""
    loc = ev.location
    if ev.event_type not in SCENE_TYPES or doc.spacy_doc is None or loc is None or \
            loc.start is None or loc.inferred not in (None, "reference"):
        return
    several = _example_place(doc, loc.start, loc.end) or _listed_place(doc, loc.start, loc.end)
    # the town of the episode (`_sole_scene`) is that of a deed told by a verb ("stormed X"),
    # not of one named in passing ("the X attack", "after the X atrocity"); a country, a list
    # or an example leaves it open
    if not _named_deed(doc, ev):
        ctx.memo.setdefault("scene_keys", []).append(
            None if several or loc.feature in _WIDE_FEATURES else loc.gazetteer_id)
    if loc.inferred is None and not several:
        ctx.memo.setdefault("scenes", []).append((loc.start, loc.end))


def _named_deed(doc: Document, ev: Event) -> bool:
    """Is the event's trigger a noun ("the offensive", "the attack in X")?"""
    span = doc.spacy_doc.char_span(ev.trigger_start, ev.trigger_end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.pos_ in ("NOUN", "PROPN")


def _listed_place(doc: Document, start: int, end: int) -> bool:
    """Is the place one of several names joined in a list ("Mosul and Raqqa")?"""
    span = doc.spacy_doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    partners = [c for c in root.children if c.dep_ == "conj"] + \
        ([root.head] if root.dep_ == "conj" else [])
    return any(t.pos_ == "PROPN" for t in partners)


def _example_place(doc: Document, start: int, end: int) -> bool:
    """Is the place (or the list it is in) told as an example ("cities such as Mosul", "areas
    including Aleppo and Ghouta")?"""
    span = doc.spacy_doc.char_span(start, end, alignment_mode="expand")
    if span is not None and len(span):
        first = span.root
        first = first_conjunct(first)
        start = min(start, first.left_edge.idx)
    return bool(_EXAMPLE_BEFORE.search(doc.text, max(0, start - 20), start))


def _episode_scene(doc: Document, ctx: Context, start: int, end: int, s_start: int,
                   s_end: int, anchor: Any) -> bool:
    """May an event of the sentence [s_start, s_end) without a place of its own take this
    place named before it (GUIDELINES §8: the sentence "clearly continues an episode placed
    earlier")? Only a place named at most `EPISODE_SENTENCES` sentences before that is the
    scene of an event told there, or that places a thing the sentence refers back to by a
    definite noun ("uncovered a base near X. The base contained …"), or that "there" points
    back to. A place named as an origin, a residence, a speaker's institution or a comparison
    ("driven out of Kabul in 2001", "at King's College London") sets no scene for the
    sentences after it."""
    sdoc = doc.spacy_doc
    if sdoc is None:
        return True
    starts = sentence_starts(sdoc)
    here = bisect_right(starts, s_start)
    if here - bisect_right(starts, start) > EPISODE_SENTENCES:
        return _sole_scene(doc, ctx, start, end, s_start, anchor)
    if any(a <= start and end <= b for a, b in ctx.memo.get("scenes", ())):
        return True
    sent = sdoc.char_span(s_start, s_end, alignment_mode="expand")
    place = sdoc.char_span(start, end, alignment_mode="expand")
    if sent is None or place is None:
        return False
    if hasattr(anchor, "i") and any(t.lower_ == "there" and t.dep_ == "advmod" and (
            t.head.i == anchor.i or t.head in anchor.ancestors) for t in sent):
        return True  # "There, amid the rubble …, they are believed to be alive"
    if _quoted_from_scene(doc, place, anchor):
        return True
    told = {t.lemma_.lower() for t in sent if t.pos_ == "NOUN" and t.i not in ctx.actor_at
            and any(c.dep_ == "det" and c.lower_ in EPISODE_DETS for c in t.children)}
    return bool(told) and any(_told_again(t, told) and _places_thing(place.root, t)
                              for t in place.sent)


def _sole_scene(doc: Document, ctx: Context, start: int, end: int, s_start: int,
                anchor: Any) -> bool:
    """Does a deed told in the past continue a long single-scene episode beyond
    `EPISODE_SENTENCES` ("stormed Hajin … Four sentences on, the fighters killed six guards")?
    Only within `LONG_EPISODE_SENTENCES`, when the place is the scene of the last deed told
    (`_remember_scene`), no other town, site or foreign country is named from it up to the
    event, and both are told by the same voice (the narrator, one quotation, or consecutive
    quotations of one speaker); the deed is told as done or going on (`episode.told_deed`)."""
    keys = ctx.memo.get("scene_keys")
    starts = sentence_starts(doc.spacy_doc)
    if not ctx.memo.get("deed") or not keys or keys[-1] is None or not told_deed(anchor) or \
            _describes_participant(anchor) or \
            bisect_right(starts, s_start) - bisect_right(starts, start) > LONG_EPISODE_SENTENCES \
            or _place_key(doc, start, end) != keys[-1] or \
            not same_voice(doc, start, anchor.idx):
        return False
    country = next((p.country for p in doc.places if p.start == start and p.end == end), None)
    # the scene town's own country ("… in Syria") does not leave the episode
    return all(p.feature in _NO_SCENE_FEATURES or p.gazetteer_id == keys[-1] or
               p.feature == "country" and country is not None and p.country == country
               for p in doc.places if end <= p.start and p.end <= anchor.sent.end_char)


# the scene of a deed that leaves the episode's town open: a country, a continent, a river
_WIDE_FEATURES = frozenset({"country", "continent", "river", "water", "sea"})


def _describes_participant(verb: Any) -> bool:
    """Is the trigger a relative clause that says who a participant is ("forces who have
    fought with the US", "hostages who were captured over the years"), not where the episode
    goes on ("the place where they fought")?"""
    return verb.dep_ in ("relcl", "acl") and not any(c.lower_ == "where" for c in verb.children)


def _place_key(doc: Document, start: int, end: int) -> str | None:
    """The gazetteer id of the place named at exactly [start, end), else None."""
    for p in doc.places:
        if p.start == start and p.end == end:
            return p.gazetteer_id
    return None


def _told_again(tok: Any, told: set[str]) -> bool:
    """Is the token a noun the later sentence names again with a definite determiner ("a
    base … the base"), or the verb of an event it names again ("shelled the town … the
    shelling", "attacked a convoy … the attack")?"""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN":
        return lemma in told
    return tok.pos_ == "VERB" and (lemma in told or lemma + "ing" in told)


def _places_thing(place: Any, noun: Any) -> bool:
    """Does the place phrase say where the noun's thing is: the place itself ("the Hajin
    pocket"), inside the noun's phrase ("a base near X"), or a scene of the verb that takes
    the noun as its object ("found a base in X")?"""
    if noun.left_edge.i <= place.i <= noun.right_edge.i:
        return True
    if noun.dep_ not in ("dobj", "nsubjpass"):
        return False
    prep = place
    while prep.dep_ in ("pobj", "compound", "appos", "conj") or prep.pos_ == "ADP" and \
            prep.head.pos_ in ("NOUN", "PROPN") and prep.dep_ == "prep":
        if prep.head == prep:
            return False
        prep = prep.head
    return prep.dep_ == "prep" and prep.lower_ in _SCENE_PREPS and prep.head.i == noun.head.i


def _carried_scene(ev: Event, s_start: int, s_end: int) -> bool:
    """Was the event's place carried over from an earlier sentence (GUIDELINES §8)? Such a
    scene is not given to a denied or conditional event ("the statement did not accuse
    them", "do not let them use you as shields")."""
    loc = ev.location
    return loc is not None and loc.start is not None and not s_start <= loc.start < s_end


def _addressee_place(ev: Event) -> bool:
    """Is the event's place the very span of its recipient ("warning Damascus")?"""
    loc, rec = ev.location, ev.recipient
    return loc is not None and rec is not None and loc.start is not None and \
        rec.start <= loc.start and loc.end <= rec.end


# PLOVER codes an actor's own announcement of a future act by the act's polarity: a
# concession it says it will make is an AGREE ("the rebels said they will release the
# hostages"), a coercive act it says it will take, or a concession made conditional, a
# THREATEN ("said they would boycott", "will withdraw unless …").
ANNOUNCED_AGREE = ("CONCEDE", "RETREAT")
ANNOUNCED_THREAT = ("SANCTION", "COERCE")
PROMISE_CUES = ("vow", "swear", "swore", "sworn", "pledg", "promis", "threat", "warn")
SUBJECT_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})


def _announced_type(ev: Event, clause: Any) -> str | None:
    """The PLOVER type of a future act its own actor announces, or None."""
    if ev.modality not in ("future", "hypothetical") or not _self_announced(ev, clause):
        return None
    conditional = any(c.dep_ == "advcl" and any(
        g.dep_ == "mark" and g.lower_ in ("unless", "if") for g in c.children)
        for c in clause.children)
    cue = (ev.attribution.cue or "").lower() if ev.attribution else ""
    if ev.event_type in ANNOUNCED_AGREE:
        if conditional:
            return "THREATEN"
        return "AGREE" if ev.modality == "future" else None
    if ev.event_type in ANNOUNCED_THREAT or \
            ev.event_type == "ASSAULT" and cue.startswith(PROMISE_CUES):
        return "THREATEN"
    return None


def _self_announced(ev: Event, clause: Any) -> bool:
    """Is the event's source its own actor ("Turkey said it would …")?"""
    a, actor = ev.attribution, ev.actor
    if a is None or actor is None or a.source_kind in ("author", "rumor", "anonymous"):
        return False
    if a.cue_class not in (None, "report", "commissive"):
        return False  # a demand, belief or question is not an announcement
    if actor.id is not None and a.source_id is not None:
        return actor.id == a.source_id
    if a.source_start is not None and actor.start == a.source_start:
        return True
    if actor.text.lower() in SUBJECT_PRONOUNS and a.source_end is not None and \
            a.source_end <= actor.start:
        # the pronoun subject of the clause the cue reports: "X said it would …"
        verb, subjects = clause, set()
        while True:
            subjects |= {c.idx for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
            if verb.dep_ not in ("xcomp", "conj", "acomp") or verb.head.i == verb.i:
                break
            verb = verb.head
        cue_end = a.cue_end if a.cue_end is not None else (a.cue_start or 0) + 1
        return verb.dep_ == "ccomp" and actor.start in subjects and \
            a.cue_start is not None and a.cue_start <= verb.head.idx < cue_end
    return bool(a.source_text) and (a.source_text or "").lower() == actor.text.lower()


def _location(doc: Document, ctx: Context, s_start: int, s_end: int, anchor: Any,
              merged: list[Any] | None = None) -> Any:
    """The event place: `place_for` over the places that name no participant ("the US
    demanded", "Iraqi forces") and whose phrase reaches the event ("establish control over
    X" places the control, not the demand in the clause above it; a merged record's place
    may reach any of its predicates: "intervene to liberate and seize control of the desert
    areas"). When the sentence has places but none reaches the event, the event has no place
    of its own."""
    place_for = _helper("claimbase.geo.geoparse", "place_for")

    local = {(p.start, p.end) for p in doc.places if p.feature not in ("country", "continent")}

    def usable(start: int, end: int) -> bool:
        if _party_place(doc, start, end):
            return False
        return not ctx.is_participant(start, end) or (start, end) in local and \
            _taken_place(doc, start, end, anchor) or _described_place(doc, start, end) or \
            not s_start <= start < s_end and (start, end) in scenes

    # a town a deed told before was done to ("stormed Hajin") is the scene of the next deed
    # told as done or going on ("had captured forty positions", "the shelling continued",
    # `episode.told_deed`), not of a claim about the present
    scenes = set(ctx.memo.get("scenes", ())) if ctx.memo.get("deed") and \
        told_deed(anchor) else set()

    attached: dict[tuple[int, int, bool], bool] = {}  # the parse's answer, asked once

    def reaches(start: int, end: int, subordinate: bool = True) -> bool:
        if not s_start <= start < s_end:
            return _episode_scene(doc, ctx, start, end, s_start, s_end, anchor)
        if (start, end) in other_events:
            return False
        key = (start, end, subordinate)
        if key not in attached:
            attached[key] = _place_reaches(doc, start, end, anchor, subordinate) or \
                any(_place_reaches(doc, start, end, m, subordinate) for m in merged or ())
        return attached[key]

    other_events: set[tuple[int, int]] = set()
    own = [p for p in doc.places if s_start <= p.start and p.end <= s_end and usable(p.start, p.end)]
    other_events = _subordinate_scenes(own, reaches)
    if own and not any(reaches(p.start, p.end) for p in own):
        return _area_reference(doc, ctx, s_start, s_end, anchor, None, merged)
    if place_for is not None:
        found = place_for(doc, s_start, s_end, anchor,
                          exclude=lambda a, b: not usable(a, b) or not reaches(a, b))
    else:
        inside = [p for p in own if reaches(p.start, p.end)]
        found = min(inside, key=lambda p: abs(p.start - anchor.idx)) if inside else None
    if found is None or not s_start <= found.start < s_end:
        return _area_reference(doc, ctx, s_start, s_end, anchor, found, merged) or found
    if found.feature in _NO_SCENE_FEATURES:
        # "a bend of the Euphrates running through this desert town, which will be
        # retaken": the town the description refers back to, not the river, is the scene
        described = _area_reference(doc, ctx, s_start, s_end, anchor, None, merged)
        if described is not None and described.gazetteer_id is not None and \
                described.feature not in _NO_SCENE_FEATURES:
            return described
    if not _direct_scene(doc, found.start, found.end, anchor):
        # "protected in Al Anbar and reconstituted … for US troops to remain in the region":
        # the area the event's own phrase names beats a place told for another clause
        return _area_reference(doc, ctx, s_start, s_end, anchor, None, direct=True) or found
    return found


_NO_SCENE_FEATURES = frozenset({"river", "water", "sea", "continent"})


def _party_place(doc: Document, start: int, end: int) -> bool:
    """Is the place the party of "at the expense of X", "on behalf of X", "in favour of X"
    (`data/place_party_nouns.txt`): one that gains or loses by the event, not its scene?"""
    sdoc = doc.spacy_doc
    span = span_at(sdoc, start, end) if sdoc is not None else None
    if span is None or not len(span):
        return False
    of = span.root.head
    return span.root.dep_ == "pobj" and of.lower_ == "of" and \
        of.head.lower_ in word_list("place_party_nouns.txt")


def _subordinate_scenes(own: list[Place], reaches: Callable[..., bool]) -> set[tuple[int, int]]:
    """The places of the sentence that reach the event only through an adverbial clause with
    a subject of its own, when another place reaches it in its own clause: "Russia sent
    aircraft to attack Idlib, as ministers gathered in Brussels" is placed in Idlib. With no
    such other place the clause's scene is shared ("were killed when militants ambushed a
    convoy near X")."""
    if len(own) < 2:
        return set()
    # a river the clause runs along or a dateline ("BEIRUT -") is no scene of its own
    main = {(p.start, p.end) for p in own if p.feature not in _NO_SCENE_FEATURES
            and not p.text.isupper() and reaches(p.start, p.end, False)}
    if not main:
        return set()
    return {(p.start, p.end) for p in own if (p.start, p.end) not in main}


def _direct_scene(doc: Document, start: int, end: int, anchor: Any) -> bool:
    """Is the span the object of a scene preposition on the anchor itself ("remain in
    X", "an attack near X")?"""
    sdoc = doc.spacy_doc
    span = span_at(sdoc, start, end) if sdoc is not None else None
    if span is None or not len(span) or not hasattr(anchor, "i"):
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in _SCENE_PREPS and \
        root.head.head.i == anchor.i


def _word(text: str, pos: int) -> str:
    """The whitespace-delimited word around a character offset."""
    start = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos)) + 1
    ends = [i for i in (text.find(" ", pos), text.find("\n", pos)) if i >= 0]
    return text[start:min(ends) if ends else len(text)]


# "liberate the south of the country": a part of a country named by its side is a place even
# as the object ("take back the territory" names no place)
_COMPASS_NOUNS = frozenset({"south", "north", "east", "west"})
_AREA_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "its", "their"})


def _area_reference(doc: Document, ctx: Context, s_start: int, s_end: int, anchor: Any,
                    carried: Any, merged: list[Any] | None = None, direct: bool = False) -> Any:
    """A sentence without a named place of the event may still place it by description: "the
    area", "this desert region", "the south of the country", "its southern territory" in the
    event's phrase (§8: the span is the place expression of the sentence). It takes the
    resolution of the place carried over from the episode told before, else ("the area",
    "this town") that of the town named before it in the sentence, else none. `direct`: only
    an area that is the object of a scene preposition on the anchor itself."""
    sdoc = doc.spacy_doc
    if sdoc is None or not hasattr(anchor, "sent") or anchor.dep_ in ("amod", "compound") \
            or "-" in _word(doc.text, anchor.idx):
        return None  # "US-backed forces", "the jihadist-sponsor": a standing relation
    nouns = ctx.lex.area_nouns
    heads = reference_heads()
    # the sentence's area nouns and place-kind heads only, nearest the anchor first
    named = [tok for tok in anchor.sent if tok.lower_ in nouns or tok.lower_ in heads]
    for tok in sorted(named, key=lambda t: abs(t.i - anchor.i)):
        head = _reference_head(tok, heads)
        precision = nouns.get(tok.lower_, head.precision if head else 3)
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i == anchor.i:
            continue
        if tok.lower_ not in nouns and tok.head.lower_ == "of" and \
                tok.head.head.lower_ in nouns:
            continue  # "the south of the country": the part is the place, not the whole
        if _bloc_noun(tok):
            continue  # "urging the west to lift sanctions": the western states, a party
        holders = [c for c in tok.children if _holder_clause(c)]
        if any(c.i != anchor.i for c in holders):
            continue  # "the territory occupied by ISIS": who holds an area, not a scene
        dets = [c for c in tok.children if c.dep_ in ("det", "poss") and c.i < tok.i]
        if not dets or dets[0].lower_ not in _AREA_DETERMINERS:
            continue
        start, end = sdoc[dets[0].i].idx, tok.idx + len(tok.text)
        if direct and not _direct_scene(doc, tok.idx, end, anchor) or \
                _party_place(doc, tok.idx, end):
            continue
        if not s_start <= start < s_end or not any(
                _place_reaches(doc, start, end, a) for a in [anchor, *(merged or ())]):
            continue
        participant = ctx.is_participant(start, end) and tok.lower_ not in _COMPASS_NOUNS
        plain = _plain(tok)
        if participant and not (head is not None and head.precision <= 2 and plain
                                and _acted_on(tok, anchor)):
            continue  # "take back the territory" names no place; "fled the town" does
        text = doc.text[start:end]
        ref = carried if head is None or carried is None or place_fits(carried, head) and \
            not _capital_as_party(doc, ctx, carried) and \
            same_quotation(doc.text, carried, start) else None
        if dets[0].lower_ in ("the", "this", "that") and (ref is None or head is not None):
            # a compatible place named after the carried one is the nearer antecedent
            nearer = _antecedent_place(doc, ctx, s_start, start, head) or (
                _place_reference(doc, ctx, start, end, head) if plain else None)
            if nearer is not None and (ref is None or head is not None and
                                       reference_rank(doc, nearer, head) >
                                       reference_rank(doc, ref, head)):
                ref = nearer
        if ref is None and head is not None and head.around and carried is not None and \
                same_quotation(doc.text, carried, start):
            ref = carried  # "the desert" around the town of the episode told before
        if ref is not None:
            return as_reference(ref, text, start, end, precision)
        if tok.lower_ not in nouns or participant or holders:
            # "the village", "fled the town" with nothing to refer back to; "the territory
            # occupied by ISIS" names who holds it ("this town, which will be retaken" is
            # placed only by the town it refers back to)
            continue
        return Place(text=text, start=start, end=end, name=text, feature="region",
                     precision=precision)
    return None


def _bloc_noun(tok: Any) -> bool:
    """Is the compass noun a bloc of states ("the west concedes", "attacks on the west";
    `data/place_bloc_compass_nouns.txt`), not a part of a country: not the end of a
    compound compass point ("the north-west") and no "of" phrase naming a place after it
    ("the west of the country"; "accused the west of arming" has none)?"""
    if tok.i > 0 and tok.doc[tok.i - 1].text in ("-", "‐", "–"):
        return False
    return tok.lower_ in word_list("place_bloc_compass_nouns.txt") and not any(
        c.dep_ == "prep" and c.lower_ == "of" and any(
            g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") for g in c.children)
        for c in tok.children)


def _holder_clause(clause: Any) -> bool:
    """Is the clause a participle saying who holds or held an area ("the territory occupied
    by ISIS", "the areas it has lost"), not one saying what the place was ("the village,
    which had been a collection point") nor where something happened ("the area where they
    were killed")?"""
    return clause.dep_ in ("acl", "relcl") and clause.tag_ == "VBN" and \
        clause.lemma_ != "be" and not any(w.lower_ == "where" for w in clause.children)


def _acted_on(tok: Any, anchor: Any) -> bool:
    """Is the description the object of the event verb itself ("shelled the town", "the
    village was retaken")? Then it is where the event happens, like a named place taken."""
    return tok.dep_ in ("dobj", "nsubjpass") and tok.head.i == anchor.i


def _plain(tok: Any) -> bool:
    """A description that only points back ("the town", "its last stronghold", "the nearby
    village"): its adjectives are all in `data/place_reference_modifiers.txt`; "the
    Kurdish-led autonomous area" describes a place of its own."""
    allowed = word_list("place_reference_modifiers.txt")
    return all(c.lower_ in allowed for c in tok.children if c.dep_ == "amod" and c.i < tok.i)


def _reference_head(tok: Any, heads: dict[str, Any]) -> Any:
    """The place kinds a description may refer back to: those of a listed noun modifying
    its head ("the desert areas": a desert), else the head's own; a head naming one town or
    site keeps its own ("this desert town" is a town)."""
    own = heads.get(tok.lower_)
    if own is not None and own.precision == 1:
        return own
    for c in tok.children:
        if c.dep_ == "compound" and c.i < tok.i and c.lower_ in heads:
            return heads[c.lower_]
    return heads.get(tok.lower_)


def _place_reference(doc: Document, ctx: Context, start: int, end: int,
                     head: Any) -> Any:
    """Place anaphora (`geo.place_reference`): the place named last before a description
    ("the village", "the nation") in the sentences before it that its head noun allows,
    told in the same story (a place in another speaker's statement does not count); a town
    named as a participant ("Damascus warned") does not count, a country ("Syria") or a
    described border ("the Iraqi-Syrian border") does."""
    if head is None:
        return None
    attribution_at = _helper("claimbase.extract.attribution", "attribution_at")
    within = _helper("claimbase.extract.attribution", "within")
    usable = _helper("claimbase.geo.geoparse", "usable_places")
    if attribution_at is None or within is None or usable is None:
        return None
    here = attribution_at(doc, start, end)

    def same_story(p: Place) -> bool:
        """The description is told in the antecedent's account (the same or a quotation
        inside it), or the antecedent's account is reported inside the description's."""
        there = attribution_at(doc, p.start, p.end)
        return there is None or here is None or within(here, there) or (
            there.parent is not None and within(there.parent, here)) or \
            head.precision == 1 and _carried_account(here, there)

    places = [p for p in usable(doc) if p.feature == "country" or p.gazetteer_id is None
              or not _names_actor(doc, ctx, p.start, p.end)
              and not _capital_as_party(doc, ctx, p)]
    found = refer_back(doc, start, head, places, same_story)
    keys = ctx.memo.get("scene_keys")
    if found is None and keys and keys[-1] is not None:
        # "the town", "its last stronghold" long into the episode of one scene town
        far = refer_back(doc, start, head, places, same_story, SCENE_REFERENCE_SENTENCES)
        if far is not None and far.gazetteer_id == keys[-1]:
            return far
    return found


def _carried_account(here: Any, there: Any) -> bool:
    """Is `here` the account of `there` carried on to the sentences after it (the same
    source: "The SDF say they cornered the militants in X. Families have fled the
    village …")? Asked only for a description of one town or site ("the village", "the
    camp"): "the area" told on in a carried account names too wide a kind to guess."""
    if here.scope != "carried" or there.content_start > here.content_start:
        return False
    if here.source_id is not None or there.source_id is not None:
        return here.source_id == there.source_id
    return bool(here.source_text) and here.source_text == there.source_text


def _antecedent_place(doc: Document, ctx: Context, s_start: int, pos: int,
                      head: Any = None) -> Any:
    """The town or site named last before `pos` in the same sentence, which "the area", "this
    town" refers back to ("arrived to Al Tanf and were positioned at the camps in the area");
    None when there is none (actor names and countries do not count, nor a place the
    description's `head` does not allow)."""
    before = [p for p in doc.places if s_start <= p.start and p.end <= pos
              and p.gazetteer_id is not None and (p.precision or 3) <= 2
              and p.feature not in ("country", "continent")
              and (head is None or place_fits(p, head) and _usable_place(doc, ctx, p)
                   and not _capital_as_party(doc, ctx, p))
              and not _names_actor(doc, ctx, p.start, p.end)]
    return max(before, key=lambda p: p.start) if before else None


def _capital_as_party(doc: Document, ctx: Context, place: Place) -> bool:
    """A foreign capital named as a party ("accused Washington of …"): its government, not a
    place "the area" could refer back to; the capital of the story's own country stays."""
    if place.feature != "capital" or not ctx.is_participant(place.start, place.end):
        return False
    if "main_country" not in ctx.memo:
        ctx.memo["main_country"] = main_country([p for p in doc.places if p.gazetteer_id])
    return place.country != ctx.memo["main_country"]


def _usable_place(doc: Document, ctx: Context, place: Place) -> bool:
    """Not part of an actor, an outlet credit or an organisation's name (`usable_places`)."""
    usable = _helper("claimbase.geo.geoparse", "usable_places")
    if usable is None:
        return True
    if "usable_places" not in ctx.memo:
        ctx.memo["usable_places"] = {id(p) for p in usable(doc)}
    return id(place) in ctx.memo["usable_places"]


def _names_actor(doc: Document, ctx: Context, start: int, end: int) -> bool:
    """Is a word of the span part of an actor mention ("Damascus warned")?"""
    span = span_at(doc.spacy_doc, start, end) if doc.spacy_doc is not None else None
    return span is not None and any(t.i in ctx.actor_at for t in span)


def _described_place(doc: Document, start: int, end: int) -> bool:
    """A name the sentence describes as a place whatever its role ("took northern Syria",
    "Syria, where the group rose")."""
    sdoc = doc.spacy_doc
    span = span_at(sdoc, start, end) if sdoc is not None else None
    return span is not None and len(span) > 0 and described_place(span.root)


def _taken_place(doc: Document, start: int, end: int, anchor: Any) -> bool:
    """A place below country level that is the object of the event verb itself ("captured
    Raqqa", "Al-Mayadin was liberated"): the territory acted on is where the event happens."""
    sdoc = doc.spacy_doc
    span = span_at(sdoc, start, end) if sdoc is not None else None
    if span is None or not len(span) or not hasattr(anchor, "i"):
        return False
    root = span.root
    return root.dep_ in ("dobj", "nsubjpass") and root.head.i == anchor.i


_PLACE_LINK_POS = frozenset({"ADP", "ADV", "PART", "SCONJ"})
_PLACE_NOUN_LINKS = frozenset({"dobj", "attr", "appos", "pobj", "conj",
                               "compound"})
_PLACE_CLAUSE_LINKS = frozenset({"advcl", "xcomp"})
_PLACE_NOUN_POS = frozenset({"NOUN", "PROPN", "NUM", "ADJ", "PRON", "DET"})


def _place_reaches(doc: Document, start: int, end: int, anchor: Any,
                   subordinate: bool = True) -> bool:
    """Does the place phrase attach to a constituent containing the anchor? From the place,
    climb through prepositions and the nouns it modifies ("a checkpoint in Idlib", "control
    over the fields") to the clause word, and through adverbial clauses ("…, killing 20 in
    Idlib"); the anchor must lie in that word's subtree. True without a parse or for a place
    in an earlier parsed sentence (it sets the scene), False for one in a later sentence.
    `subordinate=False`: not through an adverbial clause with a subject of its own."""
    sdoc = doc.spacy_doc
    span = span_at(sdoc, start, end) if sdoc is not None else None
    if span is None or not len(span) or not hasattr(anchor, "sent"):
        return True
    sent_start = sentence_start(sdoc, anchor.i)
    if sentence_start(sdoc, span.root.i) != sent_start:
        return span.start < sent_start  # an earlier sentence sets the scene
    if any(t.lower_ in ("there", "here") and t.dep_ == "advmod" for t in anchor.subtree):
        return True  # "forces still based there": the place is the pro-form's antecedent
    head, came = span.root, None
    while head.head != head and (span.start <= head.i < span.end or head.pos_ in _PLACE_LINK_POS
                                 or _place_link(head) or _noun_word(head) and _noun_link(head)
                                 or _locating_clause(head, came)):
        if head.left_edge.i <= anchor.i <= head.right_edge.i:
            # also "eastern Syria, where ISIS rose"
            return not _later_conjunct(doc, head, came, anchor) \
                and not _copula_subject(head, came, anchor) \
                and not _speech_place(head, came, anchor)
        head, came = head.head, head
    while head.pos_ in ("VERB", "AUX") and head.dep_ in _PLACE_CLAUSE_LINKS and \
            head.head != head and not _comparison(head) and \
            (subordinate or not _subordinate_event(head)):
        head, came = head.head, head
    if head.left_edge.i <= anchor.i <= head.right_edge.i:
        return not _later_conjunct(doc, head, came, anchor) \
            and not _copula_subject(head, came, anchor) \
            and not _speech_place(head, came, anchor)
    focus = _cleft_copula(head)
    if focus is not None and focus.left_edge.i <= anchor.i <= focus.right_edge.i:
        return True
    return _shared_by_conjuncts(span.root, head, anchor)


def _subordinate_event(clause: Any) -> bool:
    """An adverbial clause with a subject of its own ("…, as foreign ministers gathered in
    Brussels", "while the rebels held Idlib"): its places are its own event's, not those of
    the clause it hangs from ("…, killing 20 in Idlib" has no subject and shares them)."""
    return clause.dep_ == "advcl" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVE for c in clause.children)


def _speech_place(head: Any, came: Any, anchor: Any) -> bool:
    """Is the place where a statement was made, not where what it reports happened? "…," she
    said from a camp in eastern Syria; "told reporters in Ankara that troops would enter X":
    the place modifies the verb whose clausal complement holds the anchor."""
    if came is None or head.i == anchor.i or came.dep_ not in ("prep", "npadvmod", "advmod"):
        return False
    if fronted_scene(came) and quotation_at(anchor.doc.text, anchor.idx) is not None:
        return False  # "In Hajin, residents said: “They bomb us …”": the narrator's scene
    branch = _branch_under(anchor, head)
    return branch.head.i == head.i and branch.i != came.i and \
        branch.dep_ in ("ccomp", "parataxis")


# prepositions of a scene the narrator sets before the speaker ("In Hajin, residents said")
_FRONTED_PREPS = frozenset({"in", "inside", "at"})


def fronted_scene(prep: Any) -> bool:
    """Is the preposition a named scene fronted before the subject of the verb it hangs from
    ("In Hajin, residents said: …")? The narrator sets the scene of what follows; a place
    told after the verb ("said from a hospital in X", "told reporters in Ankara that …") or
    of an occasion ("In a speech in Ankara, he said …") is only where the words were
    spoken."""
    if prep.dep_ != "prep" or prep.lower_ not in _FRONTED_PREPS or not any(
            c.dep_ == "pobj" and c.pos_ == "PROPN" for c in prep.children):
        return False
    verb = prep.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and prep.i < subjects[0].i < verb.i and \
        all(t.is_space or t.is_punct for t in prep.sent[:prep.i - prep.sent.start])


def _quoted_from_scene(doc: Document, place: Any, anchor: Any) -> bool:
    """Is the event told in a quotation that opens in, or right after, the sentence whose
    fronted scene is the place ("In Hajin, residents described the night. “They bomb us
    …”")?"""
    opened = quotation_at(doc.text, anchor.idx) if hasattr(anchor, "idx") else None
    prep = place.root.head
    if opened is None or place.root.dep_ != "pobj" or not fronted_scene(prep):
        return False
    sent = prep.sent
    return sent.start_char <= opened < sent.end_char or \
        opened >= sent.end_char and not doc.text[sent.end_char:opened].strip()


def _place_link(tok: Any) -> bool:
    """A word the place phrase climbs through whatever the tagger called it: a preposition
    ("Near Baghuz, strikes destroyed …", where a sentence-initial "Near" is tagged as a
    name), or a compass word measuring from a place ("attacked a convoy east of X")."""
    return tok.dep_ == "prep" and tok.pos_ == "PROPN" or \
        tok.dep_ == "npadvmod" and tok.lower_ in _COMPASS_NOUNS


def _cleft_copula(clause: Any) -> Any | None:
    """The copula of a cleft sentence whose "that" clause this is ("it was not until the
    intervention … that the group began suffering defeat across the country", "it was the
    airstrikes that drove them out of X"): the focus and the "that" clause tell one scene."""
    if clause.dep_ not in ("relcl", "ccomp", "advcl") or not any(
            c.lower_ == "that" and c.dep_ in ("mark", "nsubj", "nsubjpass")
            for c in clause.children):
        return None
    branch = clause
    for up in clause.ancestors:
        if up.lemma_.lower() == "be" and any(c.dep_ == "nsubj" and c.lower_ == "it"
                                             for c in up.children):
            # the focus is a noun, a time ("until …") or a clause ("when …"), not the
            # adjective of "it is awkward to explain …"
            focus = any(c.dep_ == "attr" or c.dep_ == "prep" and c.lower_ in ("until", "till")
                        for c in up.children)
            return up if focus and branch.dep_ in ("attr", "advcl", "prep", "ccomp") and \
                not any(c.dep_ == "acomp" for c in up.children) else None
        branch = up
    return None


def _locating_clause(head: Any, came: Any) -> bool:
    """A relative clause that says where its noun is, when that noun is itself a scene ("in
    caves that are abound in this desert region", "at positions which lie near the town"):
    the place is that scene's, and the climb goes on through the noun. Not for a noun
    that is a participant ("refugees who have lived in Iraq")."""
    if head.dep_ != "relcl" or came is None or came.dep_ != "prep" or \
            came.lower_ not in _SCENE_PREPS or came.head.i != head.i or \
            head.pos_ == "VERB" and head.lemma_.lower() not in load_lexicon().locating_verbs:
        return False  # "the campaign that ended in Baghuz" tells where it ended
    noun = head.head
    noun = first_conjunct(noun)  # "in caves and wadis that …"
    return noun.dep_ == "pobj" and noun.head.lower_ in _SCENE_PREPS


def _copula_subject(head: Any, came: Any, anchor: Any) -> bool:
    """Is the anchor the subject of a copula whose other side the place came up by? "Their
    "defeat" of the group is another attempt to move fighters into Anbar": what the subject
    event is said to be is placed, not the subject event itself. A scene preposition on the
    copula itself places the subject ("the fighting is ongoing in villages around Afrin")."""
    if came is None or head.i == anchor.i or head.lemma_.lower() != "be" or \
            came.dep_ == "prep" and came.lower_ in _SCENE_PREPS:
        return False
    branch = _branch_under(anchor, head)
    return branch.head.i == head.i and branch.i != came.i and \
        branch.dep_ in ("nsubj", "nsubjpass", "csubj")


def _branch_under(anchor: Any, head: Any) -> Any:
    """The anchor's ancestor that is a child of `head` (the root when none is)."""
    branch = anchor
    while branch.head.i != head.i and branch.head != branch:
        branch = branch.head
    return branch


def _later_conjunct(doc: Document, head: Any, came: Any, anchor: Any) -> bool:
    """Does the anchor hang from `head` through a conjunct after the branch the place came up
    by, a conjunct with a scene or a subject of its own? "ambushes in Badia, and shooting at
    convoys in the countryside of Deir ez-Zor, and targeting SDF members in its western
    countryside": each item keeps its own place. A noun conjunct never takes the place of an
    earlier one ("the massacre at the border and the assassination of two commanders"); a
    verb conjunct without a scene or subject of its own still does ("stormed a village in
    Kaduna and killed 12")."""
    if came is None or head.i == anchor.i:
        return False
    branch = _branch_under(anchor, head)
    if branch.head.i != head.i or branch.dep_ != "conj" or branch.i < came.i:
        return False
    if branch.pos_ in ("NOUN", "PROPN"):
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in branch.children) or \
        _own_scene(doc, branch)


def _own_scene(doc: Document, item: Any) -> bool:
    """A place name, or a place described by an area noun after a scene preposition ("in its
    western countryside"), inside a conjunct's own words (its later conjuncts left out)."""
    sdoc = doc.spacy_doc
    later = [c for c in item.children if c.dep_ == "conj"]
    lo = item.left_edge.i
    hi = min([c.left_edge.i for c in later] + [item.right_edge.i + 1])
    start, end = sdoc[lo].idx, sdoc[hi - 1].idx + len(sdoc[hi - 1])
    if any(start <= p.start and p.end <= end for p in doc.places):
        return True
    nouns = load_lexicon().area_nouns
    return any(t.dep_ == "pobj" and t.head.lower_ in _SCENE_PREPS and t.lower_ in nouns
               for t in sdoc[lo:hi])


_SCENE_PREPS = frozenset({"in", "at", "near", "around", "across", "throughout", "inside",
                          "outside", "within"})


def _shared_by_conjuncts(place: Any, verb: Any, anchor: Any) -> bool:
    """A scene ("in Aleppo") closing the last of verbs that share one subject belongs to each
    ("airstrikes target a school and kill children in Aleppo"); not when the later verb has a
    subject of its own ("jets bombed the town and the rebels shelled Aleppo"), nor a place
    the later verb acts on ("… and establish control over the fields")."""
    if verb.pos_ != "VERB" or anchor.i >= verb.i:
        return False
    prep = place
    while prep.head != prep and prep.head.i != verb.i:
        prep = prep.head
    if prep.head.i != verb.i or prep.dep_ != "prep" or prep.lower_ not in _SCENE_PREPS:
        return False
    first = verb
    while first.dep_ == "conj" and first.head != first:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in first.children):
            return False
        first = first.head
    return first is not verb and first.left_edge.i <= anchor.i <= first.i


def _noun_word(tok: Any) -> bool:
    """A noun-like word; an object the tagger took for a verb or an auxiliary ("kills 12 IS
    in Raqqa") is one by its role."""
    return tok.pos_ in _PLACE_NOUN_POS or tok.pos_ == "AUX" and tok.dep_ in ("dobj", "pobj")


def _noun_link(tok: Any) -> bool:
    """A noun the place phrase may climb through: an object, a prepositional object, an
    apposition, or the subject of a copula ("the south of Syria is part of the zone agreed
    …", "the situation in Idlib remains tense"); not the subject of a full verb, whose places stay inside the subject phrase."""
    return tok.dep_ in _PLACE_NOUN_LINKS or tok.dep_ in ("nsubj", "nsubjpass") and \
        (tok.head.pos_ == "AUX" or tok.head.lemma_.lower() in _COPULAR_VERBS)


# verbs that link a subject to its state as "be" does: "the situation in Idlib remains tense"
_COPULAR_VERBS = frozenset({"remain", "stay", "become", "seem", "appear"})


def _comparison(clause: Any) -> bool:
    """"…, just as your brothers did in Qalamoun", "like they did in Aleppo": a clause told
    for comparison, whose places are not the main event's."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    degree = {c.lower_ for c in clause.children if c.dep_ == "advmod"} | \
        {a.lower_ for c in clause.children if c.dep_ == "mark" for a in c.children}
    return bool(marks & {"like", "than"}) or "as" in marks and bool(
        degree & {"just", "much", "exactly"})


def _date(doc: Document, s_start: int, s_end: int, anchor: Any) -> Any:
    date_for = _helper("claimbase.timex.dates", "date_for")
    if date_for is not None:
        return date_for(doc, s_start, s_end, anchor)
    inside = [d for d in doc.dates if d.start is not None and s_start <= d.start < s_end]
    if not inside:
        return None
    return min(inside, key=lambda d: abs((d.start or 0) - anchor.idx))


def _reciprocal(doc: Document, ctx: Context, built: list[tuple[Trigger, Event]]) -> list[Event]:
    """ "X and Y accusing each other" -> a second, reversed record."""
    extra = []
    for trig, ev in built:
        head = trig.head
        if not any(c.lower_ == "other" and any(g.lower_ == "each" for g in c.children)
                   for c in head.subtree if c.i > head.i):
            continue
        if ev.actor is None or not ev.co_actors:
            continue
        other = ev.co_actors[0]
        twin = Event(sentence_start=ev.sentence_start, sentence_end=ev.sentence_end,
                     trigger_start=ev.trigger_start, trigger_end=ev.trigger_end,
                     event_type=ev.event_type, event_mode=ev.event_mode,
                     acled_event_type=ev.acled_event_type,
                     acled_sub_event_type=ev.acled_sub_event_type, actor=other,
                     recipient=ev.actor, location=ev.location, date=ev.date,
                     attribution=ev.attribution, modality=ev.modality,
                     author_stance=ev.author_stance)
        ev.recipient, ev.co_actors = other, []
        extra.append(twin)
    return extra


# -- modality fallback ----------------------------------------------------------------------
HEDGE_WORDS = frozenset({"allegedly", "reportedly", "apparently", "likely", "possibly",
                         "probably", "perhaps", "supposedly", "seemingly", "presumably",
                         "supposed", "suspected", "alleged"})
HEDGE_AUX = frozenset({"may", "might", "could"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
FUTURE_HEADS = frozenset({"plan", "intend", "want", "demand", "expect", "aim", "seek",
                          "prepare", "threaten", "request", "urge", "call", "offer", "propose",
                          "order", "decide", "agree", "promise", "vow", "pledge", "hope",
                          "like", "ask", "wish", "going", "due", "poised", "appeal"})
FUTURE_MODS = frozenset({"expected", "planned", "future", "upcoming", "possible", "proposed",
                         "imminent", "anticipated", "intended", "potential"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "should"})


def fallback_modality(tok: Any) -> str:
    """A small modality reader used while `claimbase.extract.modality` is missing."""
    found: set[str] = set()
    node, hops = tok, 0
    while hops < 5:
        for c in node.children:
            low = c.lower_
            if c.dep_ == "neg":
                found.add("negated")
            elif c.dep_ == "mark" and low in CONDITIONAL_MARKS:
                found.add("hypothetical")
            elif c.dep_ == "aux" and low in HEDGE_AUX:
                found.add("hedged")
            elif c.dep_ == "aux" and low in FUTURE_AUX or c.dep_ == "aux" and low == "would":
                found.add("future")
            elif low in HEDGE_WORDS and c.dep_ in ("advmod", "amod"):
                found.add("hedged")
            elif low in FUTURE_MODS and c.dep_ == "amod" or c.dep_ == "aux" and low == "to" and node.dep_ in ("advcl",):
                found.add("future")
        if node.dep_ in ("xcomp", "ccomp") and node.head.lemma_.lower() in FUTURE_HEADS:
            found.add("future")
        if node.dep_ in ("dobj",) and node.head.lemma_.lower() in FUTURE_HEADS:
            found.add("future")
        if node.dep_ not in ("xcomp", "conj", "pcomp", "pobj", "prep", "dobj", "acl",
                             "compound", "amod", "nsubjpass", "nsubj") or node.head.i == node.i:
            break
        node = node.head
        hops += 1
    end = tok.i
    while end + 1 < len(tok.doc) and not tok.doc[end + 1].is_sent_start:
        end += 1
    while end > tok.i and (tok.doc[end].is_space or tok.doc[end].text in "\"”’')"):
        end -= 1
    if tok.doc[end].text.endswith("?"):
        found.add("question")
    for mod in ("negated", "hypothetical", "question", "hedged", "future"):
        if mod in found:
            return mod
    return "asserted"
