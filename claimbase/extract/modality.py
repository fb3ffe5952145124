"""Modality: how the innermost source presents an event (GUIDELINES §12).

`modality_of(doc, token)` reads the clause of the event trigger head and climbs its governors
(xcomp/ccomp/object chains) up to the innermost attribution cue, collecting flags:

    negated > hypothetical > question > hedged > future > asserted

The climb stops at the cue of the innermost attribution, so a hedge in the author's framing
of a quote ("X reportedly said that …") does not touch the quoted event, and at relative
clauses (presupposed background keeps its own modality).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from claimbase.extract.attribution_cues import cues
from claimbase.nlp.syntax import first_conjunct
from claimbase.record import Attribution, Document
from claimbase.text import paragraph_at

PRECEDENCE = ("negated", "hypothetical", "question", "hedged", "future", "asserted")
_CLIMB = frozenset({"xcomp", "ccomp", "dobj", "pobj", "pcomp", "prep", "attr", "acomp",
                    "oprd", "acl", "conj", "appos", "advcl", "nsubjpass", "dative", "agent"})
_NEG_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "pcomp", "prep", "attr", "acomp",
                       "oprd", "acl"})
_MAIN = frozenset({"xcomp", "ccomp", "conj", "attr", "acomp", "dobj", "nsubj", "aux",
                   "ROOT", "advmod", "advcl"})
_QUOTES = "\"“”"
_CUE_CLASS_MODALITY = {"belief": "hedged", "directive": "future", "commissive": "future",
                       "denial": "negated", "question": "question"}


@dataclass(frozen=True)
class _ModLex:
    verbs: dict[str, str]
    hedge_adverbs: frozenset[str]
    hedge_modals: frozenset[str]
    hedge_adjectives: frozenset[str]
    hedge_governors: frozenset[str]
    hedge_nouns: frozenset[str]
    speculation_nouns: frozenset[str]
    future_modals: frozenset[str]
    future_governors: frozenset[str]
    future_nouns: frozenset[str]
    future_adjectives: frozenset[str]
    future_phrases: tuple[tuple[str, ...], ...]
    asserted_to: frozenset[str]
    negation_words: frozenset[str]
    negation_governors: frozenset[str]
    negation_nouns: frozenset[str]
    negation_adjectives: frozenset[str]
    hyp_marks: frozenset[str]
    hyp_governors: frozenset[str]
    permissive: frozenset[str]
    rather: frozenset[str]
    request_nouns: frozenset[str]
    unrealised: frozenset[str]
    attempt: frozenset[str]
    negation_phrasal: frozenset[tuple[str, ...]]
    uncertain_negated: frozenset[str]
    uncertainty: frozenset[str]
    realis: frozenset[str]
    presupposing: frozenset[str]
    negation_transparent: frozenset[str]
    factive_omission: frozenset[str]
    topic_preps: frozenset[str]
    durations: frozenset[str]
    locative_negation_nouns: frozenset[str]
    locative_preps: frozenset[str]
    counterfactual_modals: frozenset[str]


@lru_cache(maxsize=1)
def _lex() -> _ModLex:
    c = cues()
    return _ModLex(
        verbs=c.reporting_verbs,
        hedge_adverbs=c.set("hedge_adverbs"), hedge_modals=c.set("hedge_modals"),
        hedge_adjectives=c.set("hedge_adjectives"), hedge_governors=c.set("hedge_governors"),
        hedge_nouns=c.set("hedge_nouns"), speculation_nouns=c.set("speculation_nouns"),
        future_modals=c.set("future_modals"),
        future_governors=c.set("future_governors"), future_nouns=c.set("future_nouns"),
        future_adjectives=c.set("future_adjectives"), future_phrases=c.phrases("future_phrases"),
        asserted_to=c.set("asserted_to_governors"), negation_words=c.set("negation_words"),
        negation_governors=c.set("negation_governors"), negation_nouns=c.set("negation_nouns"),
        negation_adjectives=c.set("negation_adjectives"),
        hyp_marks=c.set("hypothetical_marks"), hyp_governors=c.set("hypothetical_governors"),
        permissive=c.set("permissive_governors"), rather=c.set("rather_words"),
        request_nouns=c.set("request_nouns"), unrealised=c.set("unrealised_verbs"),
        attempt=c.set("attempt_governors"),
        negation_phrasal=frozenset(c.phrases("negation_phrasal")),
        uncertain_negated=c.set("uncertain_when_negated"),
        uncertainty=c.set("uncertainty_words"),
        realis=c.set("realis_modifiers"), presupposing=c.set("presupposing_verbs"),
        negation_transparent=c.set("negation_transparent"),
        factive_omission=c.set("factive_omission"), topic_preps=c.set("topic_prepositions"),
        durations=c.set("duration_nouns"),
        locative_negation_nouns=c.set("locative_negation_nouns"),
        locative_preps=c.set("locative_prepositions"),
        counterfactual_modals=c.set("counterfactual_modals"),
    )


def resolve(flags: set[str]) -> str:
    """The strongest modality of a set of flags (§12 precedence)."""
    for m in PRECEDENCE:
        if m in flags:
            return m
    return "asserted"


def _cue_tokens(doc: Document, att: Attribution | None) -> set[int]:
    if att is None or att.cue_start is None or att.scope != "explicit":
        return set()
    span = doc.spacy_doc.char_span(att.cue_start, att.cue_end, alignment_mode="expand")
    return {t.i for t in span} if span is not None else set()


def cue_class(doc: Document, att: Attribution | None) -> str | None:
    """The reporting class of an attribution's cue (report, belief, directive, …)."""
    if att is None or att.cue_start is None or doc.spacy_doc is None:
        return None
    span = doc.spacy_doc.char_span(att.cue_start, att.cue_end, alignment_mode="expand")
    if span is None:
        return None
    verbs = _lex().verbs
    for t in reversed(list(span)):
        cls = verbs.get(t.lemma_.lower())
        if cls:
            return cls
    return None


def _own_clause(tok: Any, lx: _ModLex, flags: set[str]) -> bool:
    """Flags from the token's own clause; True when the token itself is negated."""
    negated = False
    subj_i = next((c.i for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    for c in tok.children:
        low = c.lower_
        dep = c.dep_
        if dep == "neg":
            negated = True
        elif dep in ("aux", "auxpass"):
            if low in lx.future_modals:
                flags.add("future")
            elif low in lx.hedge_modals:
                flags.add("hedged")
            elif low == "should" and subj_i is not None and c.i < subj_i:
                flags.add("hypothetical")  # "Should this plan succeed, …"
            elif low in ("would", "'d"):
                flags.add("future")
        elif dep == "advmod" and low in lx.hedge_adverbs:
            flags.add("hedged")
        elif dep == "advmod" and low in lx.rather and _has_would(tok):
            flags.add("hypothetical")  # "would rather see …"
        elif dep == "advmod" and low in ("never",):
            negated = True
        elif dep == "mark" and low in lx.hyp_marks:
            flags.add("hedged" if _open_question(tok, lx) else "hypothetical")
        elif dep == "amod":
            if low in lx.hedge_adjectives:
                flags.add("hedged")
            elif low in lx.negation_adjectives:
                negated = True
            elif low in lx.future_adjectives:
                flags.add("future")
        elif dep == "det" and low == "no":
            negated = True
        elif dep == "advcl" and _is_condition(c, lx):
            flags.add("hypothetical")  # the consequent of a conditional
        elif dep == "prep" and low == "without":
            pass
    if tok.lemma_ == "be" or any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children):
        # "the goal of the offensive is capturing …" (also parsed as a progressive)
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lemma_.lower() in lx.future_nouns:
            flags.add("future")
    if tok.dep_ in ("amod", "compound") and any(
            c.dep_ == "amod" and c.lower_ in lx.hedge_adjectives for c in tok.head.children):
        flags.add("hedged")  # "the supposed US-backed offensive"
    if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ == "without":
        negated = True
    if _to_clause(tok, lx):
        flags.add("future")  # purpose or intended "to"-clause
    return negated


def _to_clause(tok: Any, lx: _ModLex) -> bool:
    """A purpose or intended "to"-clause ("ready to launch", "sent to secure"), not the asserted
    complement of an aspect or attempt verb ("began to launch", "tried to reach", also when
    parsed onto a span of time: "has been working for years to oust"); a bare conjunct shares
    its clause ("to liberate the south and liberate the roads"), an alternative it rejects
    does not ("to leave rather than flee"), nor does a to-clause on a denied noun ("nothing
    to stop them")."""
    tok = _infinitive(tok)
    if tok is None or _denied_noun(tok.head, tok, lx):
        return False
    governor = tok.head
    if governor.lower_ in lx.durations and governor.dep_ == "pobj" and \
            governor.head.dep_ == "prep":
        governor = governor.head.head
    return governor.lemma_.lower() not in lx.asserted_to


def _infinitive(tok: Any) -> Any | None:
    """The "to"-infinitive clause the token heads or is a bare conjunct of ("to liberate the
    south and liberate the roads"; not the rejected "rather than flee")."""
    while tok.dep_ == "conj" and tok.tag_ == "VB" and tok.head.i != tok.i and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
        if _rather_than(tok):
            return None
        tok = tok.head
    if tok.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children) \
            and tok.dep_ in ("advcl", "xcomp", "acl", "relcl"):
        return tok
    return None


def _rather_than(tok: Any) -> bool:
    """A conjunct joined by "rather than" ("to leave rather than flee"): the rejected choice."""
    if tok.dep_ != "conj":
        return False
    ccs = [c for c in (*tok.head.children, *tok.children) if c.dep_ == "cc"
           and c.lower_ == "than" and c.i < tok.i]
    return any(c.i > 0 and c.doc[c.i - 1].lower_ in _lex().rather for c in ccs)


def _with_no(noun: Any) -> bool:
    """The noun is determined by "no" ("no way", "no interests")."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _denied_noun(noun: Any, inf: Any, lx: _ModLex) -> bool:
    """A noun whose existence is denied ("no way", "nothing", "didn't do anything"): the
    infinitive `inf` on it names what does not happen (not after "but": "no choice but to")."""
    if noun.pos_ not in ("NOUN", "PRON", "PROPN") or any(
            t.lower_ == "but" for t in noun.doc[noun.i + 1:inf.i]):
        return False
    noun = first_conjunct(noun)
    if noun.lower_ in lx.negation_words or _with_no(noun):
        return True
    return noun.dep_ in ("dobj", "attr") and any(c.dep_ == "neg" for c in noun.head.children)


def _denied_infinitive(tok: Any, lx: _ModLex) -> bool:
    """A to-infinitive on a denied noun ("no way to arrest or extradite them", "didn't do
    anything to encourage …"): the act is negated."""
    inf = _infinitive(tok)
    return inf is not None and inf.dep_ in ("relcl", "acl") and _denied_noun(inf.head, inf, lx)


def _presupposed(tok: Any, lx: _ModLex) -> bool:
    """Is the event noun told as going on or past ("the now ongoing occupation", "the
    increasing presence") or the object of a verb that takes it as existing ("to cover its
    deals", "escaping the sanctions")? It keeps the modality of its own phrase."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ in ("amod", "advmod") and c.lower_ in lx.realis for c in tok.children):
        return True
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in lx.presupposing


def _hedged_modifier(tok: Any, lx: _ModLex) -> bool:
    """A participle before the event noun carries a hedge ("allegedly growing tensions")."""
    return tok.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "amod" and any(a.dep_ == "advmod" and a.lower_ in lx.hedge_adverbs
                                 for a in c.children) for c in tok.children)


def _has_would(tok: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in tok.children)


def _is_condition(clause: Any, lx: _ModLex) -> bool:
    """An 'if/unless …' clause or an inverted 'Should this plan succeed, …'."""
    subj_i = next((c.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    for c in clause.children:
        if c.dep_ == "mark" and c.lower_ in lx.hyp_marks:
            return True
        if c.dep_ == "aux" and c.lower_ in ("should", "had", "were") and subj_i is not None \
                and c.i < subj_i:
            return True
    return False


def _governor(g: Any, rel: str, lx: _ModLex, flags: set[str], via_permissive: bool,
              child: Any = None) -> bool:
    """Flags a governor contributes to an event below it (`child`: the step below it on the
    way up from the event); returns the new via_permissive."""
    lemma = g.lemma_.lower()
    low = g.lower_
    if lemma in lx.permissive:
        via_permissive = True
    negs = [c for c in g.children if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no")]
    clarity = _clarity_complement(g, lx) if negs else None
    if rel in _NEG_DEPS and _uncertain(g, negs, lx):
        if not _wh_clause(child):
            flags.add("hedged")  # "it is not known whether …", "it is unclear if …"
    elif rel in _NEG_DEPS and clarity is not None and child is not None \
            and child.i == clarity.i:
        if not any(_wh_clause(c) for c in clarity.children):
            flags.add("hedged")  # "has not made it clear whether …"
    elif negs and lemma in ("choice", "alternative", "option"):
        flags.add("future")  # "no choice but to …" is a necessity
    elif negs and rel in _NEG_DEPS and lemma != "be" and lemma not in lx.negation_transparent:
        flags.add("hypothetical" if via_permissive else "negated")
    elif negs and rel == "conj" and g.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in g.children) and clarity is None:
        flags.add("negated")  # "didn't mention ISIS or accuse …", not "has not made it clear"
    if lemma in lx.negation_governors or _negation_noun(g, lx) or _phrasal_negation(g, lx):
        if rel in _NEG_DEPS and not (rel == "ccomp" and lemma in lx.factive_omission):
            flags.add("negated")
    elif lemma in lx.hyp_governors and rel in _NEG_DEPS:
        flags.add("hypothetical")
    elif lemma in lx.hedge_governors and rel in ("xcomp", "ccomp", "pobj", "pcomp", "prep") or (
            lemma in lx.hedge_nouns or low in lx.hedge_nouns or low in lx.speculation_nouns
    ) and g.pos_ == "NOUN":
        flags.add("hedged")
    elif g.pos_ == "NOUN" and (lemma in lx.future_nouns or low in lx.future_nouns) and not (
            rel == "prep" and child is not None and child.lower_ in lx.topic_preps) \
            or lemma in lx.future_governors and rel in ("xcomp", "ccomp", "dobj", "acl", "prep",
                                                        "pobj", "pcomp"):
        flags.add("future")
    if (rel in ("attr", "acomp", "xcomp", "conj") and lemma == "be" or rel in (
            "attr", "acomp", "xcomp", "ccomp", "dobj", "conj") and any(
            c.dep_ == "aux" and c.lemma_ == "be" for c in g.children)):
        subj = next((c for c in g.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lemma_.lower() in lx.future_nouns:
            flags.add("future")  # "the goal of the offensive is capturing … and forcing …"
    if rel == "xcomp" and g.lemma_.lower() in lx.asserted_to and _to_clause(g, lx):
        flags.add("future")  # "to enable the regime to restore control": inside a purpose
    if rel in ("xcomp", "ccomp", "acl") and g.pos_ == "ADJ" and (
            lemma in lx.future_adjectives or low in lx.future_adjectives):
        flags.add("future")  # "ready to launch an offensive", "willing to accept a truce"
    if rel in ("xcomp", "ccomp") and _has_would(g) and any(
            c.dep_ == "advmod" and c.lower_ in lx.rather for c in g.children):
        flags.add("hypothetical")  # "would rather see ISIS rule …"
    if rel in ("xcomp", "ccomp", "conj") and any(
            c.dep_ == "advcl" and _is_condition(c, lx) for c in g.children):
        flags.add("hypothetical")  # inside the consequent of a conditional
    if rel in ("xcomp", "ccomp", "conj", "dobj", "pobj", "prep", "attr") or rel == "acomp" and (
            child is not None and any(c.dep_ == "xcomp" for c in child.children)):
        # an adjective's "to"-complement under a modal copula: "will be able to retake"
        for c in g.children:
            if c.dep_ in ("aux", "auxpass"):
                if c.lower_ in lx.future_modals:
                    flags.add("future")
                elif c.lower_ in lx.hedge_modals and rel != "conj":
                    flags.add("hedged")
                elif c.lower_ in ("would",):
                    flags.add("future")
            elif c.dep_ == "advmod" and c.lower_ in lx.hedge_adverbs:
                flags.add("hedged")
            elif c.dep_ == "mark" and c.lower_ in lx.hyp_marks and rel != "conj":
                flags.add("hypothetical")
    return via_permissive


def _negation_noun(g: Any, lx: _ModLex) -> bool:
    """A noun that negates its complement ("refusal to …", "an end to the fighting"), not a
    place or point named by it ("at the sharp end of the presence", "in the end")."""
    if g.lower_ not in lx.negation_nouns and g.lemma_.lower() not in lx.negation_nouns:
        return False
    return not (g.lemma_.lower() in lx.locative_negation_nouns and g.dep_ == "pobj"
                and g.head.lower_ in lx.locative_preps)


def _denied_antecedent(clause: Any, lx: _ModLex) -> bool:
    """A modal relative clause on a denied noun ("no interests which should prevent …")."""
    if not any(c.dep_ == "aux" and c.lower_ in lx.counterfactual_modals for c in clause.children):
        return False
    noun = clause.head
    noun = first_conjunct(noun)
    return _with_no(noun)


def _clarity_complement(g: Any, lx: _ModLex) -> Any | None:
    """The knowledge or clarity word a verb takes as complement ("made it clear", "make
    certain"): negated, the verb leaves what follows open rather than denying it."""
    return next((c for c in g.children if c.dep_ in ("ccomp", "acomp", "oprd")
                 and c.pos_ == "ADJ" and c.lemma_.lower() in lx.uncertain_negated), None)


def _uncertain(g: Any, negs: list[Any], lx: _ModLex) -> bool:
    """A governor that leaves its complement open: "unclear", "not known", "not confirmed"."""
    lemma = g.lemma_.lower()
    if lemma in lx.uncertainty or g.lower_ in lx.uncertainty:
        return True
    return bool(negs) and lemma in lx.uncertain_negated


def _open_question(tok: Any, lx: _ModLex) -> bool:
    """A whether/if clause that complements an uncertainty governor ("not known whether …"):
    an open question, not a condition."""
    tok = first_conjunct(tok)
    g = tok.head
    if g.i == tok.i:
        return False
    if tok.dep_ == "advcl" and g.lemma_ == "be":  # "it is unclear if …"
        g = next((c for c in g.children if c.dep_ == "acomp"), None)
        return g is not None and _uncertain(g, [c for c in g.head.children if
                                                c.dep_ == "neg"], lx)
    verb = g.head  # "has not made it clear whether …"
    clarity = _clarity_complement(verb, lx) if verb.i != g.i else None
    if tok.dep_ in (*_NEG_DEPS, "advcl") and clarity is not None and clarity.i == g.i and any(
            c.dep_ == "neg" for c in verb.children):
        return True
    if tok.dep_ not in _NEG_DEPS:
        return False
    return _uncertain(g, [c for c in g.children if c.dep_ == "neg"], lx)


def _wh_clause(tok: Any) -> bool:
    """A complement opened by who/what/how/where/why ("unclear who carried out the attack"):
    what is open is a participant or a circumstance, the event itself is taken as given."""
    if tok is None:
        return False
    return any(c.tag_ in ("WP", "WRB", "WDT", "WP$") and c.lower_ not in ("whether", "if")
               for c in tok.children if c.i < tok.i)


def _phrase_flags(tok: Any, lx: _ModLex, flags: set[str]) -> None:
    """Fixed phrases just before the event ("on the verge of", "about to", "would like to")."""
    doc = tok.doc
    words = [t.lower_ for t in doc[max(0, tok.i - 5):tok.i] if t.pos_ not in ("ADV", "AUX")
             or t.lower_ in ("about", "going")]
    for ph in lx.future_phrases:
        if tuple(words[-len(ph):]) == ph:
            flags.add("future")
            return


def _is_question(tok: Any, unit_end_text: str) -> bool:
    if not unit_end_text.rstrip().endswith("?"):
        return False
    t = tok
    for _ in range(8):
        if t.dep_ not in _MAIN:
            return False
        if t.head.i == t.i or t.dep_ == "ROOT":
            return True
        t = t.head
    return True


_SENT_STOP = re.compile(r"[.!?](?=[\s\"”’)]|$)[\"”’)]*|\n")


def _sentence_text_after(tok: Any, text: str) -> str:
    """The text from the token to the end of its sentence or line (no tok.sent: slow)."""
    m = _SENT_STOP.search(text, tok.idx)
    return text[tok.idx:m.end() if m else len(text)]


def _scare_quoted(tok: Any, text: str) -> bool:
    """The trigger sits alone (≤ 3 words) inside quotation marks (text: the document's)."""
    lo = max(0, tok.idx - 30)
    left = text[lo:tok.idx]
    q = max(left.rfind(c) for c in _QUOTES)
    if q == -1:
        return False
    q += lo
    end = tok.idx + len(tok)
    right = text[end:end + 30]
    r = min((right.find(c) for c in _QUOTES if right.find(c) != -1), default=-1)
    if r == -1:
        return False
    inside = text[q + 1:end + r]
    if "\n" in inside or text[q] == "”":
        return False
    return 1 <= len(inside.split()) <= 3


def modality_of(doc: Document, token: Any, att: Attribution | None = None,
                use_att: bool = True) -> str:
    """The modality of the event whose trigger head is `token` (a Token of doc.spacy_doc)."""
    if token is None:
        return "asserted"
    lx = _lex()
    if use_att and att is None:
        from claimbase.extract.attribution import attribution_at

        att = attribution_at(doc, token.idx, token.idx + len(token))
    stop = _cue_tokens(doc, att)
    text = doc.analysis_text
    lo, hi = paragraph_at(text, token.idx)
    if att is not None:  # never climb out of the innermost source's content
        lo, hi = max(lo, att.content_start), min(hi, att.content_end)
    flags: set[str] = set()
    own_neg = _own_clause(token, lx, flags)
    _phrase_flags(token, lx, flags)
    if _hedged_modifier(token, lx):
        flags.add("hedged")
    t = token
    via_permissive = False
    background = token.dep_ in ("relcl", "acl") or _in_background(token, lo)
    for _ in range(0 if _presupposed(token, lx) else 6):
        g = t.head
        rel = t.dep_
        if rel == "relcl" and lo <= g.idx < hi and _denied_antecedent(t, lx):
            flags.add("hypothetical")  # "no interests which should prevent …"
        if g.i == t.i or g.i in stop or rel not in _CLIMB or not lo <= g.idx < hi:
            break
        if rel in ("acl", "relcl") and not (
                g.lemma_.lower() in lx.future_nouns or g.lemma_.lower() in lx.hedge_nouns
                or g.lemma_.lower() in lx.negation_nouns or g.lower_ in lx.speculation_nouns):
            break
        if rel == "relcl":
            background = True
        if _wh_relative(t):
            background = True
            break  # "the town from where he fled": a relative clause, presupposed
        if rel == "advcl":
            break
        if t.i == token.i and _rejected_request(token, lx):
            step: set[str] = set()
            via_permissive = _governor(g, rel, lx, step, via_permissive, t)
            flags |= step - {"negated"}  # the rejected appeal itself was made
        else:
            via_permissive = _governor(g, rel, lx, flags, via_permissive, t)
        t = g
    request = _requesting_noun(token, lx)
    if request is not None:
        flags.add("future")  # "rejected appeals to withdraw": withdrawing was requested
        if _rejected_request(request, lx):
            flags.add("negated")
    if _unrealised(token, lx) or _denied_infinitive(token, lx) or _rather_than(token):
        flags.add("negated")
    question = _is_question(token, _sentence_text_after(token, text))
    if question:
        flags.add("question")
        own_neg = False  # negative questions are rhetorical: the question is what counts
    if own_neg:
        flags.add("negated")
    if att is None and _scare_quoted(token, text):
        flags.add("hedged")
    if _plan_frame(text, token.idx, lo):
        flags.add("future")  # "According to the plan, …"
    if att is not None and att.scope == "explicit" and not background and \
            att.content_start <= token.idx < att.content_end:
        cls = cue_class(doc, att)
        if cls in _CUE_CLASS_MODALITY:
            flags.add(_CUE_CLASS_MODALITY[cls])
    return resolve(flags)


def _phrasal_negation(verb: Any, lx: _ModLex) -> bool:
    """ "called off", "ruled out": a verb + particle that cancels its object."""
    lemma = verb.lemma_.lower()
    return any((lemma, c.lower_) in lx.negation_phrasal for c in verb.children
               if c.dep_ == "prt")


def _rejected_request(tok: Any, lx: _ModLex) -> bool:
    """A request noun that is the object of a rejecting verb ("refused demands")."""
    if tok.dep_ != "dobj" or tok.lemma_.lower() not in lx.request_nouns and \
            tok.lower_ not in lx.request_nouns:
        return False
    return tok.head.lemma_.lower() in lx.negation_governors


def _requesting_noun(tok: Any, lx: _ModLex) -> Any | None:
    """The request noun a to-infinitive spells out when the parse hangs it on the verb
    ("rejected appeals to relieve …" with "relieve" as advcl/xcomp of "rejected")."""
    if tok.dep_ not in ("advcl", "xcomp") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    return next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i and (
        c.lemma_.lower() in lx.request_nouns or c.lower_ in lx.request_nouns)), None)


def _unrealised(token: Any, lx: _ModLex) -> bool:
    """ "X did Y …, but this did not happen": the clause head and its attempted goals."""
    head = token
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in lx.attempt:
        head = token.head
        if head.dep_ == "conj":
            head = head.head  # "attacking … or trying to reach …, but this did not happen"
    elif token.dep_ not in ("ROOT", "conj", "ccomp", "xcomp") or \
            token.lemma_.lower() in lx.attempt:
        return False  # "they tried …, but it did not work": the attempt itself took place
    for c in head.children:
        if c.dep_ == "conj" and c.i > token.i and c.lemma_.lower() in lx.unrealised and \
                any(g.dep_ == "neg" for g in c.children) and \
                any(g.dep_ == "cc" and g.lower_ in ("but", "yet") for g in (*head.children,
                                                                             *c.children)):
            return True
    return False


_WH_RELATIVE = frozenset({"where", "when", "which", "whence", "whom"})


def _wh_relative(tok: Any) -> bool:
    """A finite clause opened by a relative wh-word after a preposition ("returned to the town
    from where he fled", "the day since when …"): parsed as pcomp, it is presupposed background
    like a relative clause (an infinitive, "from where to strike", stays open)."""
    if tok.dep_ != "pcomp" or tok.pos_ not in ("VERB", "AUX") or tok.head.dep_ != "prep":
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    return any(c.lower_ in _WH_RELATIVE and c.i < tok.i for c in tok.children)


def _in_background(token: Any, lo: int) -> bool:
    """The token sits in a relative/adnominal clause ('…, where a U.S. base is located')."""
    t = token
    for _ in range(8):
        if t.dep_ in ("relcl", "acl") and t.pos_ in ("VERB", "AUX") or _wh_relative(t):
            return True
        if t.head.i == t.i or t.head.idx < lo:
            return False
        t = t.head
    return False


_PLAN_FRAME = re.compile(r"\baccording to (?:the|this|that|their|its|his|her|a) "
                         r"(?:plan|plans|scenario|schedule|timetable|agreement|deal|roadmap)\b",
                         re.I)


def _plan_frame(text: str, pos: int, lo: int) -> bool:
    """A plan frame earlier in the token's sentence: its events are planned (future)."""
    start = max(lo, max(text.rfind(". ", lo, pos), text.rfind("\n", lo, pos)))
    return bool(_PLAN_FRAME.search(text, start, pos))


def record_modality(doc: Document, att: Attribution, head: Any) -> str:
    """The modality of an attribution record: its main proposition as the source puts it."""
    if head is None:
        cls = cue_class(doc, att) if att.scope == "explicit" else None
        return _CUE_CLASS_MODALITY.get(cls or "", "asserted")
    return modality_of(doc, head, att=att)
