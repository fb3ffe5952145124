"""Syntactic repairs of event roles (actor and recipient tokens), kept apart from the main
role readers in `events.py`:

- `owner_token`: whose a non-actor role noun is, beyond its direct modifiers ("ISIS supply
  lines", "the ISIS-held pocket", "vehicles and positions of X");
- `example_token`: "organisations such as ISIS" (the named examples take part);
- `proposal_author`: "rejected an Indian proposal" (India is the recipient);
- `nearest_subject`: a verb parsed with two subjects keeps the one next to it;
- `held_noun`: "the fighters in SDF custody" (the fighters are held);
- `shielded_party`: "ISIS is protected against attacks by the army" (ISIS is attacked),
  "exposing the army to air strikes" (the army is struck);
- `target_in_agent`: "an attack by a group of ISIS members on SDF positions";
- `restrained_doer`: "prevent the army from retaking", "accused the army of shelling" (the
  army retakes, shells);
- `enclosing_clause_verb`: "the US is on the verge of defeating ISIS" (the US defeats);
- `small_clause_undergoer` (in `nlp.syntax`): "does not want to see it defeated";
- `between_parties`: "agreed between A and B" (A with B);
- `hyphen_chain_mentions`: "US-French-British special forces" (three joint actors);
- `agent_noun_roles`: "the Turkish jihadist-sponsor" (Turkey sponsors jihadists);
- `capital_addressee`: "warning Damascus" (the Syrian government addressed);
- `conjunct_possessor`: "the army's raids and shelling of X" (the army shells);
- `relative_gap_head`: "the rebels it had armed and funded" (the rebels are funded);
- `protest_target`: "staged rallies to demand the resignation of X" (the protest is aimed
  at X);
- `fronted_subject`: "Ambushes in X, and shooting at convoys, ISIS announces …" (ISIS
  attacks).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from claimbase.config import DATA_DIR, word_list
from claimbase.extract.triggers import direct_object

EXAMPLE_PREPS = ("such as", "including")
RELATIVES = frozenset({"who", "whom", "which", "that"})
SYMMETRIC = ("CONSULT", "COOPERATE", "AGREE")


def _named(ctx: Any, tok: Any) -> bool:
    """Is the token part of a named actor with an id ("ISIS", not "government", "child")?"""
    m = ctx.actor_at.get(tok.i)
    return m is not None and m.id is not None and (
        tok.pos_ == "PROPN" or bool(tok.ent_type_) or m.kind == "actor")


def owner_token(ctx: Any, tok: Any, direct: Callable[[Any, Any], Any | None]) -> Any | None:
    """The actor token a non-actor role noun stands for when `direct` (its possessor,
    compound or "of" owner) finds none: a compound of its compound ("ISIS supply lines"), the
    holder of a holding participle ("the ISIS-held pocket") or the owner of a later conjunct
    ("two vehicles and two positions of X")."""
    holding = word_list("actor_holding_participles.txt")
    for c in tok.children:
        if c.i > tok.i:
            continue
        if c.dep_ == "compound":
            inner = next((g for g in c.children if g.dep_ in ("compound", "poss")
                          and g.i < c.i and _named(ctx, g)), None)
            if inner is not None:
                return inner  # "ISIS supply lines" (not "child welfare advocates")
        if c.dep_ == "amod" and c.lower_ in holding and c.i >= 2 and \
                c.doc[c.i - 1].text == "-" and not c.doc[c.i - 1].whitespace_:
            holder = c.doc[c.i - 2]
            if holder.head.i == c.i and _named(ctx, holder):
                return holder  # a named holder only ("the ISIS-held pocket")
    for conj in tok.conjuncts:
        named = ctx.actor_at.get(conj.i)
        if conj.i > tok.i and (named is None or named.id is None):  # not "X and ISIS fighters"
            found = direct(ctx, conj)
            if found is not None:
                return found
    return None


def proposal_author(ctx: Any, tok: Any) -> Any | None:
    """The author of a proposal noun ("an Indian proposal", "an offer from Kabul", "calls by
    the rulers"): the party a response to the proposal is directed at."""
    if tok.lemma_.lower() not in word_list("proposal_nouns.txt"):
        return None
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < tok.i and ctx.is_actor(c):
            return c
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and ctx.is_actor(pobj):
                return pobj
    return None


def example_token(ctx: Any, tok: Any) -> Any | None:
    """The first named example of a description without an id: "organisations such as ISIS
    and al-Qaeda", "groups including HTS" (the examples are the participants)."""
    if tok.i in ctx.actor_at and ctx.actor_at[tok.i].id is not None:
        return None
    example = _example(tok)
    if example is None or example.i not in ctx.actor_at or ctx.actor_at[example.i].id is None:
        return None
    return example


def _example(tok: Any) -> Any | None:
    """The first example of "X such as A and B" / "X including A"."""
    for c in tok.children:
        if c.dep_ != "prep":
            continue
        words = c.lower_
        if words == "as" and any(g.lower_ == "such" for g in c.children) or \
                words == "as" and c.i > 0 and c.doc[c.i - 1].lower_ == "such":
            words = "such as"
        if words in EXAMPLE_PREPS:
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def nearest_subject(ctx: Any, verb: Any) -> Any | None:
    """The subject next to a verb the parser gave two subjects ("after the killing of its
    leader, ISIS fighters are carrying out attacks"): the last one before the verb when it
    names an actor and the first does not; None otherwise."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj") and c.i < verb.i]
    if len(subjects) < 2 or ctx.is_actor(subjects[0]) or not ctx.is_actor(subjects[-1]):
        return None
    return subjects[-1]


def held_noun(ctx: Any, noun: Any, preps: frozenset[str]) -> Any | None:
    """The actor a custody phrase describes: "the fighters in SDF custody" (the fighters
    are held); None unless the noun's "in" phrase modifies an actor noun."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in preps:
        return None
    owner = prep.head
    return owner if owner.pos_ in ("NOUN", "PROPN") and ctx.is_actor(owner) else None


def shielded_party(noun: Any) -> Any | None:
    """Who a protecting verb shields from the act a noun names, or an exposing verb exposes
    to it: its object ("defended the town against attacks", "exposing the army to air
    strikes"), else its passive subject ("ISIS is protected against attacks", "detainees
    were subjected to torture")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    verbs = "shield_verbs.txt" if prep.lower_ in ("against", "from") else \
        "exposure_verbs.txt" if prep.lower_ == "to" else None
    while prep.dep_ == "conj" and prep.head.dep_ == "prep":
        prep = prep.head  # "exposing the army to shelling or to air strikes"
    verb = prep.head
    if verbs is None or verb.pos_ not in ("VERB", "AUX") or \
            verb.lemma_.lower() not in word_list(verbs):
        return None
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None) or next(
        (c for c in verb.children if c.dep_ == "nsubjpass"), None)


def target_in_agent(agent: Any, preps: tuple[str, ...]) -> Any | None:
    """A target phrase the parser hung inside an attack's "by" phrase ("an attack by a group
    of 12 ISIS members on SDF positions"): the object of its first on/against phrase."""
    for tok in agent.subtree:
        if tok.dep_ == "prep" and tok.lower_ in preps and tok.i > agent.i:
            pobj = next((g for g in tok.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def restrained_doer(verb: Any) -> Any | None:
    """The doer of a gerund in "prevent/stop/keep X from V-ing" (`restraint_verbs.txt`) or
    "accuse X of V-ing", "warn X against V-ing" (`object_doer_verbs.tsv`): X, the governing
    verb's object."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep":
        return None
    gov = prep.head
    if gov.pos_ not in ("VERB", "AUX"):
        return None
    lemma, word = gov.lemma_.lower(), prep.lower_
    if not (word == "from" and lemma in word_list("restraint_verbs.txt")
            or word in object_doer_verbs().get(lemma, ())):
        return None
    obj = next((c for c in gov.children if c.dep_ in ("dobj", "obj")), None)
    if obj is not None and obj.lower_ in RELATIVES and gov.dep_ == "relcl":
        return gov.head  # "the prince, whom Turkey accuses of ordering the murder"
    return obj


@cache
def object_doer_verbs() -> dict[str, frozenset[str]]:
    """Verb lemma -> the prepositions after which its object does a gerund's act."""
    out: dict[str, frozenset[str]] = {}
    for line in (DATA_DIR / "object_doer_verbs.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            verb, _, preps = line.partition("\t")
            out[verb.strip()] = frozenset(p.strip() for p in preps.split(","))
    return out


def enclosing_clause_verb(verb: Any) -> Any | None:
    """The clause whose subject does a gerund governed by a stage/aim noun in a
    prepositional phrase of that clause: "is on the verge of defeating", "are in the process
    of withdrawing", "with the aim of accusing" (`stage_nouns.txt`)."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ != "of":
        return None
    noun = prep.head
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.dep_ != "prep" or \
            noun.lemma_.lower() not in word_list("stage_nouns.txt"):
        return None
    clause = noun.head.head
    return clause if clause.pos_ in ("VERB", "AUX") else None


def between_parties(verb: Any, event_type: str) -> tuple[Any | None, Any | None]:
    """(actor, recipient) of a symmetric act "between" parties ("negotiated between A, B and
    C", "agreed between A and B"): the first party acts; with exactly two, the second is the
    recipient; more are joint actors (the caller adds the conjuncts)."""
    if event_type not in SYMMETRIC:
        return None, None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep else None
    if pobj is None:
        return None, None
    others = [c for c in pobj.conjuncts if c.i > pobj.i]
    return pobj, (others[0] if len(others) == 1 else None)


def hyphen_chain_mentions(tok: Any, lookup: Callable[[str, int, int], Any | None]) -> list[Any]:
    """ "the US-French-British special forces": one mention per name of a hyphenated chain
    of state names before the noun phrase's head, each read with the words after the chain
    ("US special forces", "French special forces", …); [] when any part is not an actor."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return []
    doc = tok.doc
    left = tok.left_edge.i
    names: list[Any] = []
    j = tok.i - 1
    while j >= left and not names:  # the chain's last name: a word just before a hyphen run
        if j >= 2 and doc[j - 1].text == "-" and not doc[j - 1].whitespace_ and \
                not doc[j - 2].whitespace_:
            names = [doc[j]]
        else:
            j -= 1
    if not names:
        return []
    k = j
    while k >= left + 2 and doc[k - 1].text == "-" and not doc[k - 1].whitespace_ and \
            not doc[k - 2].whitespace_:
        names.insert(0, doc[k - 2])
        k -= 2
    if len(names) < 2 or any(not n.is_alpha for n in names):
        return []
    rest = doc[j + 1:tok.i + 1].text
    out = []
    for name in names:
        found = lookup(f"{name.text} {rest}", name.idx, name.idx + len(name.text)) \
            or lookup(name.text, name.idx, name.idx + len(name.text))
        if found is None:
            return []
        out.append(found)
    return out


def agent_noun_roles(ctx: Any, tok: Any) -> tuple[Any | None, Any | None] | None:
    """Roles of a hyphenated agent noun ("the Turkish jihadist-sponsor"): the word before
    the hyphen is what is sponsored; the noun's own actor modifier (else the noun) acts.
    None when the trigger is a participle ("US-backed"), read the usual way."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ in ("VBN", "VBD"):
        return None
    before = tok.doc[tok.i - 2]
    owner = next((c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")
                  and c.i < before.i and ctx.is_actor(c)), None)
    return (owner if owner is not None else tok), before


def capital_addressee(ctx: Any, tok: Any | None, text: str, event_type: str) -> Any | None:
    """The government a capital stands for as the recipient of a verbal act ("warning
    Damascus not to open the road" -> SYR_GOV), as an Actor; None otherwise."""
    if tok is None or event_type not in ctx.lex.verbal_types or tok.i not in ctx.place_tok:
        return None
    res = getattr(ctx, "res", None)
    book = getattr(res, "actors", None)
    if book is None:
        return None
    from claimbase.nlp.lexicon import lexicon, norm

    key = norm(text)
    meton = lexicon().metonymy
    return book.get(meton[key]) if key in meton else book.capital(text)


# acts directed at a counterpart named by a "to"/"with"/"against"/"for" phrase of the verb
# or of its object ("halted aid to Serbia", "broke off relations with Congo")
COUNTERPART_TYPES = frozenset({"THREATEN", "REJECT", "AGREE", "CONCEDE", "SANCTION", "AID",
                               "CONSULT", "COOPERATE", "SUPPORT"})
# acts whose to-infinitive complement names the act they are about ("threatened to cut off
# power to X", "refused to meet X", "agreed to provide aid for X")
COMPLEMENT_TYPES = frozenset({"THREATEN", "REJECT", "AGREE", "CONCEDE"})
COUNTERPART_PREPS = ("to", "with", "against", "on", "upon", "for")
AID_PREPS = ("to", "for")  # not "funding a wall with Mexico"
# responses and complaints: the object of "rejection of X's sanctions on Y" is the thing
# responded to; its own phrases name another act's parties
RESPONSE_TYPES = frozenset({"REJECT", "ACCUSE", "PROTEST"})


def counterpart_token(ctx: Any, verb: Any, event_type: str,
                      usable: Callable[[Any], Any | None]) -> Any | None:
    """The party a relational or verbal act is directed at when the verb's own recipient
    reading found none: the object of a to/with/against/on/for phrase (or of a "to" dative)
    on the verb or on its object ("halted economic aid to Serbia", "a suspension of air links
    with Serbia"); for threats, refusals, agreements and concessions also the party of the act
    their to-infinitive names ("threatened to break relations with Russia", "refused to meet
    the king", "threatened to shell Iraqi towns"). `usable` maps a candidate token to the
    actor token it stands for, or None."""
    if event_type not in COUNTERPART_TYPES:
        return None
    preps = AID_PREPS if event_type == "AID" else COUNTERPART_PREPS
    found = _phrase_party(verb, preps, usable)
    if found is not None or event_type not in COMPLEMENT_TYPES:
        return found
    clause, hops = verb, 0
    while hops < 2:
        clause = next((c for c in clause.children if c.dep_ == "xcomp" and c.pos_ in (
            "VERB", "AUX") and any(g.lower_ == "to" for g in c.children)), None)
        if clause is None or any(c.dep_ in ("auxpass", "nsubjpass", "ccomp")
                                 for c in clause.children):
            return None  # not "refused to be attached to X", "refused to deny X is …"
        obj = direct_object(clause)
        if obj is not None and not _moved(ctx, clause):
            found = usable(obj)
            if found is not None:
                return found
        found = _phrase_party(clause, COUNTERPART_PREPS, usable)
        if found is not None:
            return found
        hops += 1
    return None


def _moved(ctx: Any, verb: Any) -> bool:
    """Does the verb move or send its object ("deploy peacekeepers", "send troops"), so
    that the object is no party the act is directed at?"""
    senses = ctx.lex.verbs.get(verb.lemma_.lower()) or ()
    return any(s.type in ("MOBILIZE", "RETREAT", "CONCEDE") for s in senses)


def _phrase_party(verb: Any, preps: tuple[str, ...],
                  usable: Callable[[Any], Any | None]) -> Any | None:
    """The first usable object of one of `preps` (or of a "to" dative) on the verb, then on
    its direct object and that object's conjuncts, then on their "of" objects."""
    obj = direct_object(verb)
    heads = [verb] + ([obj, *obj.conjuncts] if obj is not None else [])
    heads += [g for h in heads[1:] for c in h.children if c.dep_ == "prep" and
              c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]  # "a suspension of
    for head in heads:  # links with X
        found = _prep_party(head, preps, usable)
        if found is not None:
            return found
    return None


def _prep_party(head: Any, preps: tuple[str, ...], usable: Callable[[Any], Any | None],
                after: int = -1) -> Any | None:
    """The first usable object of one of `preps` (or of a "to" dative) hanging from `head`,
    among those after token index `after`."""
    for c in head.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps and c.pos_ == "ADP" \
                and c.i > after:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            found = usable(pobj) if pobj is not None else None
            if found is not None:
                return found
    return None


def noun_counterpart(ctx: Any, noun: Any, light: Any | None, event_type: str,
                     usable: Callable[[Any], Any | None]) -> Any | None:
    """The party a nominal act is directed at when its own phrases name none: a phrase on
    the noun's "of" object ("a suspension of air links with Serbia") or on its light verb
    ("opened investigations against the officials", "held a meeting with the president")."""
    preps = (AID_PREPS if event_type == "AID" else COUNTERPART_PREPS) \
        if event_type in COUNTERPART_TYPES else ("against", "on", "upon", "at", "into")
    heads = [] if event_type in RESPONSE_TYPES else [
        g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children if g.dep_ == "pobj"]
    if light is not None:
        heads.append(light)
    for head in heads:
        found = _prep_party(head, preps, usable, noun.i if head is light else -1)
        if found is not None:
            return found
    return None


def conjunct_possessor(ctx: Any, noun: Any) -> Any | None:
    """The possessor a later conjunct of a noun shares: "the Syrian army's operations in the
    desert and coordination with the Iraqi army" (the army coordinates); a named possessor
    of the first conjunct only."""
    first, hops = noun, 0
    while first.dep_ == "conj" and first.head.i < first.i and hops < 4:
        first, hops = first.head, hops + 1
    if first.i == noun.i or first.pos_ != "NOUN":
        return None
    return next((c for c in first.children if c.dep_ == "poss" and c.i < first.i
                 and _named(ctx, c)), None)


WH_ADVERBS = frozenset({"where", "when", "why", "how", "whereby"})


def relative_gap_head(ctx: Any, verb: Any, relative: frozenset[str],
                      preps: tuple[str, ...]) -> Any | None:
    """The actor noun a relative clause's object gap stands for: "the rebels it had armed",
    "the hostages whom they released" (the head noun is the verb's object); None when the
    head names no actor ("the attack which X blamed on Y"), the clause has its own object or
    no subject of its own, a wh-adverb ("the town where they fought"), a relative after a
    preposition ("the unit with which he fought") or a stranded preposition other than a
    recipient one (`preps`: "the forces we fought alongside")."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN") or \
            not ctx.is_actor(verb.head):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in relative or subj.dep_ == "nsubjpass":
        return None
    for c in verb.children:
        if c.lower_ in WH_ADVERBS:
            return None
        if c.dep_ == "pobj":
            return None  # "the forces who we fought alongside" (parsed without the prep)
        if c.dep_ not in ("prep", "advmod"):
            continue
        pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
        stranded = not any(True for _ in c.children) and (c.pos_ == "ADP" or c.tag_ == "IN")
        if stranded and c.lower_ not in preps or pobj is not None and pobj.lower_ in relative:
            return None
    obj = direct_object(verb)
    if obj is not None and obj.lower_ not in relative:
        return None
    return verb.head


PROTEST_PREP_NOUNS = frozenset({"protest", "defiance", "opposition"})
DEMAND_PARTICIPLES = frozenset({"call", "demand", "urge"})


def protest_target(ctx: Any, heads: list[Any]) -> Any | None:
    """Whom a protest is aimed at when it names no recipient of its own: the first named
    actor in its purpose or protest phrase ("staged demonstrations to demand reforms by
    Suharto's government", "a hunger strike in protest of the Russian government's
    refusal", "a demonstration calling for the removal of President Mubarak", "blocked
    streets in defiance of Chinese authorities"). `heads`: the trigger's head and its light
    verb."""
    for head in heads:
        for c in head.children:
            if c.i < head.i or not _protest_phrase(c):
                continue
            found = next((t for t in c.subtree if _named(ctx, t) or
                          t.ent_type_ == "PERSON" and t.i in ctx.actor_at), None)
            while found is not None and found.dep_ in ("amod", "compound", "nmod") and \
                    ctx.is_actor(found.head):
                found = found.head  # "Algerian President Ahmed Ben Bella", not "Algerian"
            if found is not None:
                return found
    return None


def _protest_phrase(c: Any) -> bool:
    """Is the child a purpose clause ("to demand …"), a demanding participle ("calling
    for …") or an "in protest of / in defiance of" phrase?"""
    if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB":
        return any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
    if c.dep_ in ("acl", "advcl") and c.tag_ == "VBG":
        return c.lemma_.lower() in DEMAND_PARTICIPLES
    if c.dep_ == "prep" and c.lower_ == "in":
        pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
        return pobj is not None and pobj.lemma_.lower() in PROTEST_PREP_NOUNS
    return False


MUTUAL_FIGHT_NOUNS = frozenset({"clash", "fighting", "battle", "combat", "skirmish",
                                "firefight", "gunfight"})
FRONTED_HOPS = 6


def fronted_subject(ctx: Any, tok: Any) -> Any | None:
    """The armed subject of the clause an attack is set before: a fronted list of attacks
    ("Sporadic ambushes in X, and shooting at convoys in Y, ISIS announces the return of its
    activity") or a preposed phrase of mutual fighting ("After a month of fierce clashes in
    Baghuz, the SDF announced …"): the subject takes part. None when the subject comes
    first or is no armed actor."""
    node = tok
    while node.dep_ == "conj" and node.head.i < node.i:
        node = node.head
    verb = node.head if node.dep_ in ("dep", "npadvmod") else None
    if verb is None and tok.lemma_.lower() in MUTUAL_FIGHT_NOUNS:
        for _ in range(FRONTED_HOPS):
            if node.dep_ == "prep" and node.head.pos_ in ("VERB", "AUX"):
                verb = node.head
                break
            if node.dep_ not in ("pobj", "prep", "npadvmod") or node.head.i == node.i:
                return None
            node = node.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i < node.i or not ctx.is_armed(subj):
        return None
    return subj
