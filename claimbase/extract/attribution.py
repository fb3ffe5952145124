"""Attribution: who says so. Finds every reported statement (source + cue + content).

One pass over the spaCy parse of `doc.analysis_text`, cut into *units* (sentences split at
paragraph breaks). Patterns, in order:

- verb cues: "X said/claimed/announced … that Y", inverted "Y, X said", participles
  ("memos noting Y", "…, saying Y"), passive "it is said that Y" (rumor);
- "according to X" (unless X is a plan: then it is a modality cue, not a source);
- noun cues: "X's announcement of Y", "the rumors that Y", "reports are appearing (from
  sources) that Y";
- cited titles: "X in its article titled '…'";
- transcript speaker turns "Name, title: …" at a line start (cue ":");
- colon-introduced blocks ("X … would note:" + the next paragraph(s)), one record per
  sentence, scope `block`;
- carried scope: cue-less sentences continuing a sourced account in the same paragraph
  (never across paragraph breaks), scope `carried`;
- nesting: a record whose cue lies inside another record's content gets it as `parent`.

Beyond reported statements (PolNeAR-style broad attribution), learned cue frames
(`claimbase/data/learned_cues.tsv`, built by `scripts/learn_cues.py` from PolNeAR train) find
wills, attitudes and positions: "X vowed to …", "X is wary of …", "Y was endorsed by X",
"X's insistence that …". Every record carries a `cue_class` (the reporting_verbs class for
statements; intention / support / attitude / other for the broad layer). Events do not take
their source from the broad classes (`uninherited_cue_classes`, see `attribution_at`), and
such records never carry scope to the next sentence.

In broad mode (`settings.broad_attributions`, and `claimbase eval polnear`) a cue-head model
(`claimbase/data/cue_model.tsv`, a logistic regression trained on PolNeAR train by
`scripts/learn_cue_model.py`) then scores the verbs, nouns and adjectives the rules left:
negated cues ("did not say"), acts with objects ("X attacked Y"), nouns without a possessor.
Its records are broad (class "other" or a will/position class) and the model pass is
skipped in narrow mode, where `keep_statements` would drop them anyway. A relative pronoun
source ("X, who said …") is the pronoun in broad mode (PolNeAR's convention) and its
antecedent otherwise; its kind and id always come from the antecedent. Broad mode also
follows PolNeAR's univocal layout: records whose cue stands inside a closed quotation go
(`_unquoted`), side statements leave their parent (`_univocal`), and sourceless records take
the subject of their clause (`_clause_source`).

Source kinds come from the actor dictionary (`doc.actors`, `res.actors`) when present, else
from spaCy entity labels and the head-noun lexicons of `claimbase/data/cues.yaml`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from claimbase.extract.attribution_cues import (
    Cues,
    cue_features,
    cue_model,
    cues,
    frame_of,
    in_quote,
    learned,
    material_event_verbs,
    model_subject,
)
from claimbase.record import Attribution, Document

__all__ = ["find_attributions", "attribution_at", "within", "Lex", "lex"]

_PUNCT_TRIM = frozenset({".", ",", ";", ":", "—", "–", "-", "…", "...", "(", ")"})
_OPEN_QUOTES = "\"“‘«"
_CLOSE_QUOTES = "\"”’»"
_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
_NP_CUT = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "appos", "prep"})
_DETS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_WORD = re.compile(r"[A-Za-z]")
_DISCOURSE = frozenset({"however", "but", "yet", "still", "meanwhile", "moreover", "also",
                        "furthermore", "besides", "instead", "nevertheless", "nonetheless"})


@dataclass(frozen=True)
class Lex:
    """The lexicons this module needs, as frozensets (built once)."""

    verbs: dict[str, str]
    phrasal: dict[str, frozenset[str]]
    np_content: frozenset[str]
    needs_clause: frozenset[str]
    noun_cues: frozenset[str]
    according_non: frozenset[str]
    anonymous: frozenset[str]
    unnamed_officials: frozenset[str]
    report_nouns: frozenset[str]
    rumor_nouns: frozenset[str]
    media_nouns: frozenset[str]
    media_people: frozenset[str]
    person_nouns: frozenset[str]
    org_nouns: frozenset[str]
    person_pronouns: frozenset[str]
    org_pronouns: frozenset[str]
    impersonal: frozenset[str]
    appearance: frozenset[str]
    cited_nouns: frozenset[str]
    cited_title_words: frozenset[str]
    label_stop: frozenset[str]
    block_multi: frozenset[str]
    block_end: tuple[str, ...]
    carry_stop: tuple[str, ...]
    carry_meta: frozenset[str]
    quote_only: frozenset[str]
    uninherited: frozenset[str]
    not_cue_verbs: frozenset[str]
    learned_classes: dict[str, str]
    learned_min_rate: dict[str, float]
    raising: frozenset[str]
    speech_events: frozenset[str]
    no_reply: frozenset[str]
    reply_requests: frozenset[str]


@lru_cache(maxsize=1)
def lex() -> Lex:
    c: Cues = cues()
    return Lex(
        verbs=c.reporting_verbs, phrasal=c.phrasal_cues,
        np_content=c.set("np_content_verbs"), needs_clause=c.set("needs_clause"),
        noun_cues=c.set("noun_cues"), according_non=c.set("according_non_sources"),
        anonymous=c.set("anonymous_nouns"), unnamed_officials=c.set("unnamed_official_nouns"),
        report_nouns=c.set("report_nouns"), rumor_nouns=c.set("rumor_nouns"),
        media_nouns=c.set("media_nouns"), media_people=c.set("media_people"),
        person_nouns=c.set("person_nouns"), org_nouns=c.set("organization_nouns"),
        person_pronouns=c.set("person_pronouns"), org_pronouns=c.set("organization_pronouns"),
        impersonal=c.set("impersonal_passives"), appearance=c.set("appearance_verbs"),
        cited_nouns=c.set("cited_work_nouns"), cited_title_words=c.set("cited_title_words"),
        label_stop=c.set("label_stoplist"), block_multi=c.set("block_multi_markers"),
        block_end=tuple(sorted(c.set("block_end_prefixes"))),
        carry_stop=tuple(sorted(c.set("carry_stop_openers"))),
        carry_meta=c.set("carry_meta_nouns"), quote_only=c.set("quote_only_verbs"),
        uninherited=c.set("uninherited_cue_classes"), not_cue_verbs=c.set("not_cue_verbs"),
        learned_classes={str(w).lower(): cls for cls, words in c.raw["cue_classes"].items()
                         for w in words},
        learned_min_rate={str(k): float(v) for k, v in c.raw["learned_cue_min_rate"].items()},
        raising=c.set("raising_verbs"), speech_events=c.set("speech_event_nouns"),
        no_reply=c.set("no_reply_verbs"), reply_requests=c.set("reply_request_nouns"),
    )


# --------------------------------------------------------------------------------------
# Units and context


@dataclass
class Unit:
    """A sentence cut at paragraph breaks: tokens [start, end) of the spaCy doc."""

    start: int
    end: int
    char_start: int
    char_end: int
    para: int


@dataclass
class _Found:
    """A detected attribution before classification."""

    src: tuple[int, int] | None  # token span of the source NP [start, end)
    src_head: Any  # spaCy Token or None
    cue: tuple[int, int] | None  # char span
    content: tuple[int, int]  # char span
    scope: str = "explicit"
    kind: str | None = None  # forced kind (rumor, anonymous, media, person)
    unit: int = -1
    intro: bool = False  # a colon intro: content follows in the next paragraph(s)
    inverted: bool = False  # cue after content ("…, sources added")
    media_hint: bool = False
    parent_idx: int | None = None
    carries: bool = True  # may cover the cue-less sentences that follow
    cls: str = "report"  # the cue class (Attribution.cue_class)


@dataclass
class _Ctx:
    doc: Document
    sdoc: Any
    text: str
    units: list[Unit]
    paras: list[tuple[int, int]]
    para_starts: list[int]
    lx: Lex
    res: Any
    tok_unit: list[int] = field(default_factory=list)
    tok_idx: list[int] = field(default_factory=list)  # each token's first char
    coref: dict[int, str | None] = field(default_factory=dict)  # source head -> actor id
    broad: bool = False  # settings.broad_attributions: wills, positions and model cues too


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blank lines separate paragraphs (single newlines when none)."""
    breaks = [(m.start(), m.end()) for m in _PARA_BREAK.finditer(text)]
    if not breaks and text.count("\n") > 2:
        breaks = [(m.start(), m.end()) for m in re.finditer(r"\n", text)]
    spans, pos = [], 0
    for b0, b1 in breaks:
        spans.append((pos, b0))
        pos = b1
    spans.append((pos, len(text)))
    return spans


def _para_of(ctx: _Ctx, char: int) -> int:
    return max(0, bisect.bisect_right(ctx.para_starts, char) - 1)


def _units(sdoc: Any, text: str, paras: list[tuple[int, int]]) -> list[Unit]:
    """Split spaCy sentences at paragraph breaks; drop units without a letter."""
    from spacy.attrs import IDX, IS_SPACE, LENGTH

    if len(sdoc) == 0:
        return []
    arr = sdoc.to_array([IDX, IS_SPACE, LENGTH]).tolist()
    idx = [r[0] for r in arr]
    para_starts = [p[0] for p in paras]
    gaps = [paras[k][0] for k in range(1, len(paras))]  # first char of each next paragraph
    units: list[Unit] = []

    def add(a: int, b: int) -> None:
        while a < b and arr[a][1]:
            a += 1
        while b > a and arr[b - 1][1]:
            b -= 1
        if a >= b:
            return
        cs, ce = arr[a][0], arr[b - 1][0] + arr[b - 1][2]
        if not _WORD.search(text, cs, ce):
            return
        units.append(Unit(a, b, cs, ce, max(0, bisect.bisect_right(para_starts, cs) - 1)))

    for sent in sdoc.sents:
        a, e = sent.start, sent.end
        cs, ce = idx[a], idx[e - 1] + arr[e - 1][2]
        g = bisect.bisect_right(gaps, cs)
        while g < len(gaps) and gaps[g] < ce:
            cut = bisect.bisect_left(idx, gaps[g], a, e)
            if cut > a:
                add(a, cut)
                a = cut
            g += 1
        add(a, e)
    return units


def _context(doc: Document, res: Any) -> _Ctx:
    text = doc.analysis_text
    paras = _paragraphs(text)
    starts = [p[0] for p in paras]
    sdoc = doc.spacy_doc
    units = _units(sdoc, text, paras)
    from spacy.attrs import IDX

    tok_unit = [-1] * len(sdoc)
    for n, u in enumerate(units):
        tok_unit[u.start:u.end] = [n] * (u.end - u.start)
    tok_idx = sdoc.to_array(IDX).tolist() if len(sdoc) else []
    broad = bool(getattr(getattr(res, "settings", None), "broad_attributions", False))
    return _Ctx(doc, sdoc, text, units, paras, starts, lex(), res, tok_unit, tok_idx,
                broad=broad)


# --------------------------------------------------------------------------------------
# Span helpers


def _trim(ctx: _Ctx, a: int, b: int) -> tuple[int, int]:
    """Token span [a, b) without leading complementizers and edge punctuation/space."""
    sdoc = ctx.sdoc
    while a < b and (sdoc[a].is_space or sdoc[a].text in _PUNCT_TRIM
                     or (sdoc[a].dep_ == "mark" and sdoc[a].lower_ in ("that", "as"))
                     or (sdoc[a].lower_ in _DISCOURSE and a + 1 < b
                         and sdoc[a + 1].text == ",")):
        a += 1
    while b > a and (sdoc[b - 1].is_space or sdoc[b - 1].text in _PUNCT_TRIM
                     or sdoc[b - 1].lower_ in ("and", "or", "but")):
        b -= 1
    return a, b


def _chars(ctx: _Ctx, a: int, b: int) -> tuple[int, int]:
    sdoc = ctx.sdoc
    return sdoc[a].idx, sdoc[b - 1].idx + len(sdoc[b - 1])


def _balance_quotes(ctx: _Ctx, cs: int, ce: int) -> tuple[int, int]:
    """Keep an opening quote's partner: extend the end over a closing quote right after."""
    text = ctx.text
    seg = text[cs:ce]
    opens = sum(seg.count(q) for q in "“«") + (seg.count('"') % 2)
    closes = sum(seg.count(q) for q in "”»")
    if opens > closes:
        j = ce
        while j < len(text) and text[j] in ".,;: \t":
            j += 1
        if j < len(text) and text[j] in _CLOSE_QUOTES and text[ce:j].strip() in ("", ".", ","):
            return cs, j + 1
    return cs, ce


def _in_unit(ctx: _Ctx, tok: Any, unit: Unit) -> bool:
    return unit.start <= tok.i < unit.end


def _subtree_span(ctx: _Ctx, head: Any, unit: Unit, skip: Any = None) -> tuple[int, int]:
    """Token bounds of head's subtree inside unit (optionally without one child subtree)."""
    lo, hi = head.i, head.i + 1
    for t in head.subtree:
        if not _in_unit(ctx, t, unit):
            continue
        if skip is not None and skip.left_edge.i <= t.i <= skip.right_edge.i:
            continue
        lo, hi = min(lo, t.i), max(hi, t.i + 1)
    return lo, hi


def _np_span(ctx: _Ctx, head: Any, unit: Unit | None = None) -> tuple[int, int]:
    """The source NP: head with its modifiers, without relative clauses, comma appositions,
    trailing participles or verbs; parenthesised acronyms are kept."""
    lo, hi = head.i, head.i + 1
    sdoc = ctx.sdoc
    for child in head.children:
        if unit is not None and not _in_unit(ctx, child, unit):
            continue
        if child.i < head.i:
            if child.dep_ in ("punct",):
                continue
            lo = min(lo, child.left_edge.i)
            continue
        if child.dep_ == "appos" and child.i > 0 and sdoc[child.i - 1].text == "(":
            hi = max(hi, child.right_edge.i + 2 if child.right_edge.i + 1 < len(sdoc)
                     and sdoc[child.right_edge.i + 1].text == ")" else child.right_edge.i + 1)
            continue
        if child.dep_ in ("compound", "amod", "nummod", "poss", "case", "nmod"):
            hi = max(hi, child.right_edge.i + 1)
            continue
        if child.dep_ == "cc" or child.dep_ == "conj":
            # "both the government and militants": keep coordinated sources
            if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
                hi = max(hi, _np_span(ctx, child, unit)[1])
            continue
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "at", "in", "from", "with") \
                and not any(t.pos_ == "VERB" or t.lemma_.lower() in ctx.lx.cited_nouns
                            for t in child.subtree) \
                and child.right_edge.i - head.i < 12:
            hi = max(hi, child.right_edge.i + 1)
            continue
        if child.dep_ in ("punct",) and child.text == "(":
            continue
    # parenthesised acronym right after the NP: "Syrian Democratic Forces (SDF)"
    if hi + 2 < len(sdoc) and sdoc[hi].text == "(" and sdoc[hi + 2].text == ")" \
            and sdoc[hi + 1].is_upper:
        hi += 3
    while lo < hi and (sdoc[lo].is_punct or sdoc[lo].is_space):
        lo += 1
    while hi > lo and (sdoc[hi - 1].is_punct and sdoc[hi - 1].text != ")"
                       or sdoc[hi - 1].is_space or sdoc[hi - 1].tag_ == "POS"):
        hi -= 1
    return lo, hi


def _cue_span(ctx: _Ctx, v: Any, extra: Any = None) -> tuple[int, int]:
    """Verb group: auxiliaries and adverbs right before the verb, the verb, its particle
    and a phrasal preposition ("called on", "accusing each other of")."""
    sdoc = ctx.sdoc
    lo = v.i
    j = v.i - 1
    while j >= 0 and v.i - j <= 4:
        t = sdoc[j]
        if t.head.i == v.i and t.dep_ in ("aux", "auxpass", "advmod") and not t.is_punct \
                and t.lower_ not in ("not", "n't", "never"):
            lo = j
            j -= 1
            continue
        break
    hi = v.i + 1
    for child in v.children:
        if child.dep_ == "prt" and child.i == hi:
            hi = child.i + 1
    if extra is not None:
        hi = max(hi, extra.i + 1)
    return sdoc[lo].idx, sdoc[hi - 1].idx + len(sdoc[hi - 1])


# --------------------------------------------------------------------------------------
# Verb cues


def _subject(v: Any) -> Any:
    """The subject of v; with several (timestamps, headline labels) the one nearest v that
    is not a time or date."""
    subs = [c for c in v.children if c.dep_ in _SUBJ]
    if len(subs) > 1 and (subs[0].ent_type_ in ("TIME", "DATE") or subs[0].like_num):
        named = [c for c in subs if c.ent_type_ not in ("TIME", "DATE") and not c.like_num]
        subs = sorted(named or subs, key=lambda c: abs(v.i - c.i))
    return subs[0] if subs else None


def _unquoted_subject(ctx: _Ctx, v: Any) -> Any:
    """'“… mode,” said X': of a verb's several subjects, the one after it outside the
    quotation (the parser may take a quoted noun for a subject too)."""
    return next((c for c in v.children if c.dep_ in _SUBJ and c.i > v.i
                 and not in_quote(ctx.text, c.idx)), None)


def _agent(v: Any) -> Any:
    for c in v.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _source_head(ctx: _Ctx, v: Any, lenient: bool = False) -> tuple[Any, bool]:
    """The source head token for cue verb v and whether it is a passive/impersonal 'it'
    (lenient: a shared subject needs only to be agentive, see `_agentive`)."""
    holds = _agentive if lenient else _evidence_source
    subj = _subject(v)
    if ctx.broad and subj is not None and subj.i < v.i and in_quote(ctx.text, subj.idx):
        subj = _unquoted_subject(ctx, v) or subj
    if subj is not None and subj.dep_ == "nsubjpass":
        agent = _agent(v)
        if agent is not None:
            return agent, False
        if subj.lower_ in ("it", "this") and v.lemma_.lower() in ctx.lx.impersonal:
            return None, True
        return None, False
    if subj is not None:
        if _relative(subj) and not ctx.broad:  # "X, who said …": X (PolNeAR marks "who")
            return v.head, False
        return subj, False
    # shared subject: participles ("…, saying"), conjuncts ("and added"), acl ("memos noting")
    if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
        return v.head, False
    if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in ("VERB", "AUX"):
        head_subj = _subject(v.head.head)  # "… by citing his results", "in chiding Trump"
        if head_subj is not None and head_subj.dep_ != "nsubjpass" \
                and holds(ctx, head_subj):
            return head_subj, False
    if v.dep_ in ("advcl", "xcomp", "conj") and v.head.pos_ in ("VERB", "AUX"):
        head_subj = _subject(v.head)
        if head_subj is not None and head_subj.dep_ != "nsubjpass" and (
                v.dep_ == "conj" or holds(ctx, head_subj)):
            if _relative(head_subj) and not ctx.broad:
                return v.head.head, False
            return head_subj, False
    trailing = _trailing_source(v)
    if trailing is not None:
        return trailing, False
    return None, False


_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "CCONJ", "NUM", "PUNCT"})


def _trailing_source(v: Any) -> Any:
    """'…, a military source and a war monitor said.': the parser often hangs a coordinated
    sentence-final source on the content (conj/appos) and leaves the cue without a subject.
    The source is then the noun phrase between the last comma and the cue."""
    doc = v.doc
    i = v.i - 1
    while i >= 0 and doc[i].text != "," and doc[i].pos_ in _NP_POS and not doc[i].is_sent_start:
        i -= 1
    if i < 0 or doc[i].text != "," or i + 1 >= v.i:
        return None
    segment = doc[i + 1:v.i]
    if not any(t.pos_ in ("NOUN", "PROPN") for t in segment):
        return None
    roots = [t for t in segment if not (i < t.head.i < v.i)]
    if len(roots) != 1 or not any(c.dep_ == "ccomp" for c in v.children):
        return None
    root = roots[0]
    if root.left_edge.i <= i or root.right_edge.i >= v.i:  # its phrase must be the segment
        return None
    return root


def _report_owner(ctx: _Ctx, head: Any) -> Any:
    """'The following report by X' / 'a statement from X': X is the source."""
    lw = head.lemma_.lower()
    if lw in ctx.lx.report_nouns or lw in ctx.lx.cited_nouns or lw in ctx.lx.noun_cues:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        for c in head.children:
            if c.dep_ == "poss":
                return c
    return None


def _complement(ctx: _Ctx, v: Any, unit: Unit) -> tuple[Any, str]:
    """The content head governed by cue verb v and how it was found."""
    lw = v.lemma_.lower()
    cls = ctx.lx.verbs.get(lw)
    for c in v.children:
        if c.dep_ == "ccomp" and _in_unit(ctx, c, unit):
            return c, "ccomp"
    for c in v.children:  # "said in a statement that …"
        if c.dep_ == "prep" and c.lower_ in ("in", "during", "on"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and (obj.lemma_.lower() in ctx.lx.noun_cues or obj.lemma_.lower()
                                    in ctx.lx.cited_nouns or obj.lemma_.lower() == "interview"):
                clause = _clause_child(obj)
                if clause is not None and _in_unit(ctx, clause, unit):
                    return clause, "ccomp"
    if cls == "directive":
        for c in v.children:
            if c.dep_ in ("xcomp",) and _in_unit(ctx, c, unit):
                return c, "xcomp"
            if c.dep_ == "prep" and c.lower_ in ctx.lx.phrasal.get(lw, ()):
                for g in c.children:
                    if g.dep_ in ("pobj",):
                        for gg in g.children:
                            if gg.dep_ in ("acl", "relcl", "xcomp") and gg.i > g.i:
                                return gg, "xcomp"
    for c in v.children:
        if c.dep_ in ("dobj", "attr") and _in_unit(ctx, c, unit):
            for g in c.children:  # "urged them to …", "calling on citizens to …"
                if g.dep_ in ("acl", "relcl", "ccomp", "xcomp") and cls == "directive" and g.i > c.i:
                    return g, "xcomp"
    if lw in ctx.lx.phrasal:
        prep = next((c for c in v.children if c.dep_ == "prep"
                     and c.lower_ in ctx.lx.phrasal[lw]), None)
        if prep is None:  # "accusing Obama of …": the preposition hangs off the object
            for c in v.children:
                if c.dep_ == "dobj":
                    prep = next((g for g in c.children if g.dep_ == "prep"
                                 and g.lower_ in ctx.lx.phrasal[lw]), None)
                    if prep is not None:
                        obj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")),
                                   None)
                        if obj is not None and _in_unit(ctx, obj, unit):
                            return obj, "prep:" + str(prep.i)
        xcomp = next((c for c in v.children if c.i > v.i and _in_unit(ctx, c, unit) and (
            c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(
                g.dep_ == "aux" and g.tag_ == "TO" for g in c.children)))), None)
        if prep is not None and xcomp is not None:  # "calling on citizens to …"
            return xcomp, "prep:" + str(prep.i)
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in ctx.lx.phrasal[lw]:
                for g in c.children:
                    if g.dep_ in ("pobj", "pcomp"):
                        for gg in g.children:  # "calling on citizens to …"
                            if gg.dep_ in ("acl", "relcl", "xcomp") and gg.i > g.i \
                                    and _in_unit(ctx, gg, unit):
                                return gg, "prep:" + str(c.i)
                        return g, "prep:" + str(c.i)
    if lw in ctx.lx.np_content:
        oprd = next((c for c in v.children if c.dep_ == "oprd" and _in_unit(ctx, c, unit)),
                    None)
        for c in v.children:
            if c.dep_ in ("dobj",) and _in_unit(ctx, c, unit) and (
                    c.pos_ != "PRON" or oprd is not None):
                return c, "dobj" if oprd is None else "oprd:" + str(oprd.i)
    return None, ""


def _ends_with_colon(ctx: _Ctx, v: Any, unit: Unit) -> int | None:
    """Index of a ':' after v that ends v's clause (content then follows it)."""
    sdoc = ctx.sdoc
    for i in range(v.i + 1, min(unit.end, v.i + 5)):
        t = sdoc[i]
        if t.text == ":":
            return i
        if t.is_punct and t.text not in _CLOSE_QUOTES + ",":
            return None
        if t.pos_ in ("VERB",):
            return None
    return None


@lru_cache(maxsize=1)
def _not_cue_phrasal() -> frozenset[tuple[str, ...]]:
    from claimbase.extract.attribution_cues import cues

    return frozenset(cues().phrases("not_cue_phrasal"))


def _verb_attribution(ctx: _Ctx, v: Any, unit: Unit, n: int) -> _Found | None:
    lx = ctx.lx
    lw = v.lemma_.lower()
    if lw not in lx.verbs or v.pos_ not in ("VERB", "AUX") or v.dep_ in ("amod", "compound"):
        return None
    if any((lw, c.lower_) in _not_cue_phrasal() for c in v.children if c.dep_ == "prt"):
        return None  # "called off the strike" reports nothing
    if _negated(v) or (v.dep_ == "conj" and _negated(v.head)):
        return None  # "didn't mention ISIS or accuse …": no statement is reported
    if v.tag_ == "VBN" and v.dep_ == "acl" and not any(c.dep_ == "agent" for c in v.children):
        return None
    comp, how = _complement(ctx, v, unit)
    src, impersonal = _source_head(ctx, v)
    subjects = [c for c in v.children if c.dep_ == "nsubj" and c.i < v.i]
    if v.dep_ == "ROOT" and len(subjects) >= 2:  # "Talks stalled …, diplomats say": the
        src = subjects[-1]  # nearer subject speaks, the clause before is said
        if how != "ccomp":
            comp = None
    if src is not None and not _in_unit(ctx, src, unit):
        return None
    if src is not None and _quoted_self(ctx, src, unit):
        return None
    if src is not None:
        owner = _report_owner(ctx, src)
        if owner is not None:
            src = owner
        elif lx.verbs[lw] == "evidence" and not _evidence_source(ctx, src):
            return None
    colon = _ends_with_colon(ctx, v, unit) if comp is None else None
    if comp is None and colon is None:
        comp = _parenthetical_content(ctx, v, unit)
        if comp is None:
            quote = _adjacent_quote(ctx, v, unit)
            if quote is None or src is None:
                return None
            cue = _cue_span(ctx, v, None)
            return _Found(_np_span(ctx, src, unit), src, cue, quote, unit=n,
                          inverted=quote[1] <= cue[0], cls=lx.verbs[lw])
        how = "paren"
    if src is None and not impersonal:
        return None
    if src is not None and src.lower_ in ("it", "this", "that") and lw in lx.needs_clause \
            and not (ctx.broad and how == "ccomp"):  # broad: '“…,” it added' reports too
        return None
    cue = _cue_span(ctx, v, _phrasal_prep(ctx, v, how))
    if v.dep_ == "xcomp" and v.head.i < v.i and v.i - v.head.i <= 3 and \
            v.head.lemma_.lower() not in lx.verbs:  # "attempting to hail", "refused to say"
        cue = (_cue_span(ctx, v.head)[0], cue[1])
    src_span = _np_span(ctx, src, unit) if src is not None else None
    if comp is None:  # colon intro
        after = colon + 1
        a, b = _trim(ctx, after, unit.end)
        if a < b:
            cs, ce = _chars(ctx, a, b)
            return _Found(src_span, src, cue, _balance_quotes(ctx, cs, ce), unit=n,
                          kind="rumor" if impersonal else None, cls=lx.verbs[lw])
        return _Found(src_span, src, cue, (cue[1], cue[1]), unit=n, intro=True,
                      kind="rumor" if impersonal else None, cls=lx.verbs[lw])
    if how == "paren":
        a, b = comp
        inverted = True
    else:
        skip = None
        if src is not None and comp.left_edge.i <= src.i <= comp.right_edge.i:
            skip = src
        a, b = _subtree_span(ctx, comp, unit, skip)
        if how.startswith("oprd:"):  # "called him a master": the object and its label
            oprd = ctx.sdoc[int(how.split(":")[1])]
            b = max(b, min(oprd.right_edge.i + 1, unit.end))
            how = "dobj"
        if how == "ccomp":
            b = _shared_conjuncts(ctx, v, b, unit)
        b = _cut_author_contrast(ctx, a, b)
        inverted = b <= v.i
        if how == "dobj" and (lw in lx.needs_clause or src is None
                              or not _evidence_source(ctx, src)):
            return None  # "This revelation highlighted problems" is no statement
    a, b = _trim(ctx, a, b)
    if a >= b:
        return None
    # content must not swallow the cue (parse errors)
    if ctx.sdoc[a].idx <= cue[0] < ctx.sdoc[b - 1].idx + len(ctx.sdoc[b - 1]):
        if inverted:
            return None
        a, b = _trim(ctx, v.i + 1, b)
        if a >= b:
            return None
    cs, ce = _chars(ctx, a, b)
    cs, ce = _extend_to_quote(ctx, cs, ce)
    cls = lx.verbs[lw]
    if lw in lx.quote_only and not _quoted(ctx, cs, ce):
        return None
    if cls in ("directive", "commissive") and not _quoted(ctx, cs, ce):
        # "X demanded that Y …" reports X's will, not X's words: the demand is a REQUEST
        # event of its own and the events inside do not take X as their source
        cls = "intention"
    if b - a == 1 and ctx.sdoc[a].pos_ == "PRON":
        return None  # "… who she referred to": no content of its own
    return _Found(src_span, src, cue, _balance_quotes(ctx, cs, ce), unit=n,
                  kind="rumor" if impersonal else None, inverted=inverted, cls=cls,
                  carries=cls != "intention")


_NO_SOURCE = frozenset({"it", "this", "that", "there", "which", "what", "these", "those",
                        "something", "nothing", "anything", "everything"})
_FRAME_DEPS = {"ccomp": ("ccomp",), "xcomp": ("xcomp",), "dobj": ("dobj",), "prep": ("prep",)}


def _learned_attribution(ctx: _Ctx, v: Any, unit: Unit, n: int) -> _Found | None:
    """A verb whose lemma and frame often head attribution cues in news (learned from
    PolNeAR, claimbase/data/learned_cues.tsv: 'X wants to …', 'X backs …', 'X argues …'),
    with a subject source and the complement of that frame as content."""
    if v.dep_ in ("amod", "compound", "aux", "auxpass") or v.pos_ not in ("VERB", "ADJ"):
        return None
    verb = v  # the word that carries the subject
    if v.pos_ == "ADJ":  # "X is afraid that …", "X was critical of …"
        if v.dep_ != "acomp" or v.head.pos_ not in ("AUX", "VERB"):
            return None
        verb = v.head
    frame = frame_of(v)
    lw = v.lemma_.lower()
    rate = learned().get((lw, v.pos_, frame))
    if rate is None or rate < ctx.lx.learned_min_rate.get(frame, 1.0) \
            or lw in material_event_verbs() or lw in ctx.lx.not_cue_verbs \
            or any((lw, c.lower_) in _not_cue_phrasal() for c in v.children if c.dep_ == "prt"):
        return None
    if _negated(v) or _negated(verb) or (verb.dep_ == "conj" and _negated(verb.head)):
        return None  # a negated cue reports no statement (seed GUIDELINES §11)
    src, _impersonal = _source_head(ctx, verb, lenient=True)
    if src is None or not _in_unit(ctx, src, unit) or src.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    if src.lower_ in _NO_SOURCE and not _relative(src) and not (
            src.lower_ == "it" and src.dep_ == "nsubj" and frame in ("ccomp", "xcomp")
            and rate >= 0.5):
        return None  # "it" stands for a source only with a strong cue ("It argues that")
    if src.lower_ != "it" and not _agentive(ctx, src):
        return None
    if _quoted_self(ctx, src, unit):
        return None
    owner = _report_owner(ctx, src)
    src = owner if owner is not None else src
    comp = next((c for c in v.children if c.dep_ in _FRAME_DEPS.get(frame, ())
                 and c.i > v.i and _in_unit(ctx, c, unit)), None)
    if comp is None:
        return None
    body = comp  # "wary of the plan": the preposition belongs to the cue
    if frame == "prep":
        body = next((g for g in comp.children if g.dep_ in ("pobj", "pcomp")), None)
        if body is None:
            return None
    skip = src if body.left_edge.i <= src.i <= body.right_edge.i else None
    a, b = _trim(ctx, *_subtree_span(ctx, body, unit, skip))
    if a >= b or (b - a == 1 and ctx.sdoc[a].pos_ == "PRON"):
        return None
    cue = _cue_span(ctx, v, comp if frame == "prep" and comp.i <= v.i + 2 else None)
    if verb is not v:
        cue = (_cue_span(ctx, verb)[0], cue[1])
        if any(q in ctx.text[cue[0]:cue[1]] for q in _OPEN_QUOTES):
            return None  # 'was “worried about …”' is a mixed quote (see _mixed_quote)
    cs, ce = _chars(ctx, a, b)
    if cs <= cue[0] < ce:
        return None
    return _Found(_np_span(ctx, src, unit), src, cue, _balance_quotes(ctx, cs, ce), unit=n,
                  cls=ctx.lx.learned_classes.get(lw, "other"), carries=False)


_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "crat", "ic", "ee", "man", "woman",
                   "people", "public", "team", "staff", "camp", "side")


def _learned_noun(ctx: _Ctx, tok: Any, unit: Unit, n: int) -> _Found | None:
    """'X's plan to …', 'his view of …', 'Clinton's disdain for …': a noun that often heads a
    cue when it has a possessor (learned frame "poss"); the possessor is the source."""
    if tok.pos_ != "NOUN" or frame_of(tok) != "poss":
        return None
    lw = tok.lemma_.lower()
    rate = learned().get((lw, "NOUN", "poss"))
    if rate is None or rate < ctx.lx.learned_min_rate.get("poss", 1.0):
        return None
    owner = next(c for c in tok.children if c.dep_ == "poss")
    body = _clause_child(tok)
    prep = None
    if body is None:
        body = next((c for c in tok.children if c.dep_ in ("acl", "xcomp") and c.i > tok.i), None)
    if body is None:
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.i == tok.i + 1), None)
        body = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) \
            if prep is not None else None
    if body is None or not _in_unit(ctx, body, unit) or not _in_unit(ctx, owner, unit):
        return None
    a, b = _trim(ctx, *_subtree_span(ctx, body, unit))
    if a >= b or (b - a == 1 and ctx.sdoc[a].pos_ == "PRON"):
        return None
    last = prep if prep is not None else tok
    return _Found(_np_span(ctx, owner, unit), owner, (tok.idx, last.idx + len(last)),
                  _chars(ctx, a, b), unit=n, cls=ctx.lx.learned_classes.get(lw, "other"),
                  carries=False)


def _passive_attribution(ctx: _Ctx, v: Any, unit: Unit, n: int) -> _Found | None:
    """'Y was endorsed/reported/echoed by X': a learned cue verb in the passive; the agent
    is the source and the passive subject the content."""
    agent = _agent(v)
    subj = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    if agent is None or subj is None or v.pos_ != "VERB" or not _in_unit(ctx, agent, unit) \
            or not _in_unit(ctx, subj, unit) or subj.lower_ in _NO_SOURCE:
        return None
    lw = v.lemma_.lower()
    if lw in material_event_verbs() or lw in ctx.lx.not_cue_verbs or _negated(v):
        return None
    rate = max(learned().get((lw, "VERB", f), 0.0) for f in ("dobj", "ccomp"))
    if rate < ctx.lx.learned_min_rate.get("dobj", 1.0) or not _agentive(ctx, agent):
        return None
    a, b = _trim(ctx, *_subtree_span(ctx, subj, unit))
    if a >= b or (b - a == 1 and ctx.sdoc[a].pos_ == "PRON"):
        return None
    cue = _cue_span(ctx, v)
    by = agent.head
    cue = (cue[0], by.idx + len(by)) if by.i == v.i + 1 else cue
    cls = ctx.lx.verbs.get(lw)
    cls = cls if cls in ("report", "evidence") else ctx.lx.learned_classes.get(lw, "other")
    return _Found(_np_span(ctx, agent, unit), agent, cue, _chars(ctx, a, b), unit=n, cls=cls,
                  carries=False, inverted=True)


_MODEL_CONTENT = frozenset({"ccomp", "xcomp", "dobj", "prep", "attr", "oprd", "dative", "acomp",
                            "pcomp"})
_NOUN_CONTENT = frozenset({"acl", "relcl", "ccomp", "prep", "appos"})


def _model_source(ctx: _Ctx, tok: Any, verb: Any, unit: Unit) -> Any:
    """The source of a model cue: the agent of a passive, the (shared) subject, a noun's
    possessor or its 'by/from' object, or the subject of 'X made a claim'."""
    src = _agent(verb) if verb.pos_ in ("VERB", "AUX") else None
    if src is None and tok.pos_ == "NOUN":
        src = _report_owner(ctx, tok) or next(
            (c for c in tok.children if c.dep_ == "poss"), None)
        if src is None and tok.dep_ == "dobj":
            src = _subject(tok.head)
    elif src is None:
        src = _controller(verb) if ctx.broad else None
        src = src if src is not None else model_subject(tok)
        if ctx.broad and src is not None and (in_quote(ctx.text, src.idx) and src.i < tok.i
                                              or src.ent_type_ in ("DATE", "TIME")):
            src = _unquoted_subject(ctx, verb) or _left_noun(ctx, ctx.sdoc[tok.i:tok.i + 1])
        if src is not None and src.dep_ == "nsubjpass":
            src = None
    if src is None:
        return None
    if _relative(src) and not ctx.broad:
        src = src.head.head
    if src.lower_ in _NO_SOURCE and not _relative(src):
        return None
    if not _in_unit(ctx, src, unit) or _quoted_self(ctx, src, unit):
        return None
    owner = _report_owner(ctx, src)
    return owner if owner is not None else src


def _controller(verb: Any) -> Any:
    """The object that controls an infinitive ("led the journalist to fear …", "forced him
    to admit …"): the one who fears or admits, not the subject of the governing verb."""
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to"
                                       for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def _model_content(ctx: _Ctx, tok: Any, verb: Any, src: Any, unit: Unit
                   ) -> tuple[int, int] | None:
    """Token bounds of the content of a model cue: the complements right of the cue (the
    passive subject when the source is a 'by' agent)."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is not None and src is not None and src.dep_ == "pobj" and src.head.dep_ == "agent":
        kids = [subj]
    else:
        deps = _NOUN_CONTENT if tok.pos_ == "NOUN" else _MODEL_CONTENT
        kids = [c for c in tok.children if c.dep_ in deps and c.i > tok.i]
        if tok is not verb:
            kids += [c for c in verb.children if c.dep_ in deps and c.i > tok.i]
    lo, hi = len(ctx.sdoc), -1
    for c in kids:
        if not _in_unit(ctx, c, unit):
            continue
        a, b = _subtree_span(ctx, c, unit, src if src is not None and src.i > tok.i else None)
        lo, hi = min(lo, a), max(hi, b)
    if hi < 0:  # "Y, X said" / "Y, X said, Z": the rest of the sentence
        left = _trim(ctx, unit.start, tok.left_edge.i)
        right = _trim(ctx, tok.right_edge.i + 1, unit.end)
        lo, hi = left if left[1] - left[0] >= right[1] - right[0] else right
    a, b = _trim(ctx, lo, hi)
    return (a, b) if a < b else None


def _coverage(ctx: _Ctx, found: list[_Found]) -> tuple[set[int], list[tuple[int, int]]]:
    """Tokens inside the cues of the rule records, and the rule contents (char spans)."""
    cue_toks: set[int] = set()
    idx = ctx.tok_idx
    for f in found:
        if f.cue is not None:  # the tokens that start inside the cue, and the one it starts in
            a = max(0, bisect.bisect_right(idx, f.cue[0]) - 1)
            cue_toks.update(range(a, bisect.bisect_left(idx, f.cue[1])))
    return cue_toks, [f.content for f in found if f.content[1] > f.content[0]]


def rule_coverage(doc: Document, res: Any) -> tuple[set[int], list[tuple[int, int]]]:
    """`_coverage` of the rule records of a parsed document (for scripts/learn_cue_model.py:
    the model learns on the tokens the rules leave)."""
    ctx = _context(doc, res)
    turns = _turns(ctx)
    found = _cited_titles(ctx) + _turn_records(ctx, turns) + _dash_attributions(ctx) + _detect(ctx)
    return _coverage(ctx, found)


def cover_of(tok: Any, contents: list[tuple[int, int]]) -> str:
    """'in' when the token lies inside a rule record's content, else 'free'."""
    return "in" if any(a <= tok.idx < b for a, b in contents) else "free"


def _model_pass(ctx: _Ctx, found: list[_Found]) -> list[_Found]:
    """Model cues among the candidate tokens that no rule took as a cue."""
    import numpy as np
    from spacy.attrs import LEMMA

    model = cue_model()
    sdoc = ctx.sdoc
    if len(sdoc) == 0:
        return []
    wanted = _model_hashes(sdoc.vocab.strings)
    cands = np.flatnonzero(np.isin(sdoc.to_array(LEMMA), wanted)).tolist()
    if not cands:
        return []
    cue_toks, contents = _coverage(ctx, found)
    out: list[_Found] = []
    for i in cands:
        tok = sdoc[i]
        n = ctx.tok_unit[i]
        if n < 0 or i in cue_toks or f"{tok.lemma_.lower()}|{tok.pos_}" not in model.lemmas:
            continue
        f = _model_attribution(ctx, tok, ctx.units[n], n, cover_of(tok, contents))
        if f is not None:
            out.append(f)
    return out


_NAMED_SOURCE_MARGIN = 0.5  # model cues with a named or pronoun source: a lower bar (log-odds)


def _model_attribution(ctx: _Ctx, tok: Any, unit: Unit, n: int, cover: str
                       ) -> _Found | None:
    """A verb, noun or adjective that the cue-head model (claimbase/data/cue_model.tsv,
    trained on PolNeAR) takes for an attribution cue: negated cues ("did not say"), acts
    with objects ("X attacked Y"), noun cues without a possessor ("a claim that …"). These
    records are broad (a will, position or act): they never carry an event's source."""
    model = cue_model()
    lw = tok.lemma_.lower()
    if tok.dep_ in ("amod", "compound", "aux"):
        return None
    score = model.score(cue_features(tok, cover, in_quote(ctx.text, tok.idx)))
    if score < model.threshold - _NAMED_SOURCE_MARGIN:
        return None
    verb = tok.head if tok.pos_ == "ADJ" and tok.dep_ == "acomp" else tok
    src = _model_source(ctx, tok, verb, unit)
    if score < model.threshold and (src is None or src.pos_ not in ("PROPN", "PRON")):
        return None  # a named or pronoun source lowers the bar a little
    content = _model_content(ctx, tok, verb, src, unit)
    if content is None:
        return None
    a, b = content
    if tok.pos_ == "NOUN":
        cue = (tok.idx, tok.idx + len(tok))
    else:
        cue = _cue_span(ctx, verb, tok if tok is not verb else None)
    cs, ce = _chars(ctx, a, b)
    if cs <= cue[0] < ce:
        return None
    cls = ctx.lx.learned_classes.get(lw, "other")
    if cls not in ctx.lx.uninherited:
        cls = "other"
    src_span = _np_span(ctx, src, unit) if src is not None else None
    return _Found(src_span, src, cue, _balance_quotes(ctx, cs, ce), unit=n, cls=cls,
                  carries=False, inverted=b <= tok.i)


def _agentive(ctx: _Ctx, src: Any) -> bool:
    """A source that can hold a view: a person, group or outlet ('critics', 'voters', 'the
    campaign'), not a thing ('the deployment', 'its actions')."""
    if _evidence_source(ctx, src) or src.pos_ == "PROPN":
        return True
    return src.pos_ == "NOUN" and src.lemma_.lower().endswith(_AGENT_SUFFIXES)


def _quoted_self(ctx: _Ctx, src: Any, unit: Unit) -> bool:
    """'“… I think …”': a speaker's own belief or wish inside a quotation belongs to the
    quotation, not to a statement of its own."""
    if src.lower_ not in ("i", "we", "you"):
        return False
    return _inside_quote(ctx.text, src.idx, ctx.paras[unit.para][0])


def _negated(v: Any) -> bool:
    """A negation in v's own verb group ("did not say", "isn't saying"), not one inside a
    quotation the parser hung on v ('"Probably not," she said')."""
    return any(c.dep_ == "neg" and -1 <= v.i - c.i <= 3 for c in v.children)


def _quoted(ctx: _Ctx, cs: int, ce: int) -> bool:
    """The content holds the source's own words (quotation marks in or around it)."""
    text = ctx.text
    if any(q in text[cs:ce] for q in _OPEN_QUOTES + _CLOSE_QUOTES[:2]):
        return True
    return cs > 0 and text[cs - 1] in _OPEN_QUOTES


def _shared_conjuncts(ctx: _Ctx, v: Any, b: int, unit: Unit) -> int:
    """'claims it has cornered and is on the verge of …': a subjectless conjunct of the cue
    verb after the complement continues the content."""
    for c in v.children:
        if c.dep_ == "conj" and c.i >= b and _in_unit(ctx, c, unit) and _subject(c) is None \
                and c.lemma_.lower() not in ctx.lx.verbs:
            b = max(b, min(c.right_edge.i + 1, unit.end))
    return b


_CONTRAST = frozenset({"while", "whereas", "despite"})


def _cut_author_contrast(ctx: _Ctx, a: int, b: int) -> int:
    """Stop the content before ', while in reality …' / '– despite …' (the author's voice)."""
    sdoc = ctx.sdoc
    for i in range(a + 1, b):
        if sdoc[i].lower_ in _CONTRAST and sdoc[i - 1].text in (",", "–", "—", "-", ";"):
            return i - 1
    return b


def _evidence_source(ctx: _Ctx, src: Any) -> bool:
    """'photos show', 'the report indicates', 'officials found' — not 'the deployment
    indicates' (an author inference from an event)."""
    lw = src.lemma_.lower()
    if src.lower_ in ctx.lx.org_nouns or src.lower_ in ctx.lx.person_nouns:
        return True
    if lw in ctx.lx.report_nouns or lw in ctx.lx.media_nouns or lw in ctx.lx.cited_nouns:
        return True
    if src.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if src.pos_ == "PRON":
        return src.lower_ in ctx.lx.person_pronouns or src.lower_ in ("they", "we")
    return lw in ctx.lx.person_nouns or lw in ctx.lx.org_nouns or lw in ctx.lx.anonymous


def _phrasal_prep(ctx: _Ctx, v: Any, how: str) -> Any:
    if how.startswith("prep:"):
        return ctx.sdoc[int(how.split(":")[1])]
    lw = v.lemma_.lower()
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ in ctx.lx.phrasal.get(lw, ()) and c.i == v.i + 1:
            return c
    return None


def _parenthetical_content(ctx: _Ctx, v: Any, unit: Unit) -> tuple[int, int] | None:
    """'Y, X said, …' parsed with the cue as a dependent of the content: content = the head
    clause without the cue's own subtree; 'As X reported, Y' likewise."""
    if v.dep_ == "ROOT" and _subject(v) is not None:
        return _split_paren(ctx, v, unit)
    if v.dep_ not in ("parataxis", "ccomp", "advcl", "conj") or _subject(v) is None:
        return None
    head = v.head
    if v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children) \
            and head.pos_ in ("VERB", "AUX") and _in_unit(ctx, head, unit):
        a, b = _subtree_span(ctx, head, unit, skip=v)
        if v.i < head.i:  # "As X reported, Y": Y starts after the parenthetical
            a = max(a, v.right_edge.i + 1)
        a, b = _trim(ctx, a, b)
        if v.i < a or v.i >= b:
            return (a, b) if a < b else None
        return None
    if head.pos_ not in ("VERB", "AUX") or not _in_unit(ctx, head, unit):
        return None
    lb, rb = _paren_bounds(ctx, v, unit)
    sdoc = ctx.sdoc
    prev = sdoc[lb - 1] if lb > unit.start else None
    if prev is None or prev.text not in (",", "—", "–") + tuple(_CLOSE_QUOTES):
        return None
    left = _trim(ctx, unit.start, lb)
    if head.i < v.i:
        return left if left[0] < left[1] else None
    # "The museum, X said, would …": the main clause goes on after the parenthetical
    if sdoc[rb].text not in (",", "—", "–"):
        return None
    right = _trim(ctx, rb + 1, unit.end)
    return right if right[0] < right[1] and right[0] <= head.i < right[1] else None


def _split_paren(ctx: _Ctx, v: Any, unit: Unit) -> tuple[int, int] | None:
    """'Y, X said.' with Y hung loosely on the cue (or parsed apart): the words before the
    comma that precedes the cue's subject are the content."""
    subj = max((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i),
               key=lambda c: c.i, default=None)
    if subj is None:
        return None
    sdoc = ctx.sdoc
    lb = subj.left_edge.i
    while lb > unit.start and sdoc[lb - 1].is_space:
        lb -= 1
    if lb <= unit.start + 1 or sdoc[lb - 1].text not in (",", "—", "–", "''") + tuple(
            _CLOSE_QUOTES):
        return None
    a, b = _trim(ctx, unit.start, lb)
    quoted = sdoc[lb - 1].text in _CLOSE_QUOTES or sdoc[lb - 1].text == "''"
    if a >= b or not quoted and not any(t.pos_ in ("VERB", "AUX", "ADJ") for t in sdoc[a:b]):
        return None
    return a, b


def _paren_bounds(ctx: _Ctx, v: Any, unit: Unit) -> tuple[int, int]:
    """First and last token of a parenthetical cue clause, without its edge punctuation;
    rb is the index of the token right after it."""
    sdoc = ctx.sdoc
    lb, rb = max(v.left_edge.i, unit.start), min(v.right_edge.i, unit.end - 1)
    while lb < v.i and (sdoc[lb].is_punct or sdoc[lb].is_space):
        lb += 1
    while rb > v.i and (sdoc[rb].is_punct or sdoc[rb].is_space):
        rb -= 1
    return lb, min(rb + 1, unit.end - 1)


def _paren_rest(ctx: _Ctx, v: Any, unit: Unit, n: int, f: _Found) -> _Found | None:
    """'Y1, X said, Y2': the part of the sentence on the other side of a parenthetical cue is
    reported too (a second record when it holds a clause of its own)."""
    if v.dep_ not in ("parataxis", "ccomp", "advcl", "conj") or f.scope != "explicit":
        return None
    lb, rb = _paren_bounds(ctx, v, unit)
    sdoc = ctx.sdoc
    if sdoc[rb].text not in (",", "—", "–") or lb <= unit.start:
        return None
    left, right = _trim(ctx, unit.start, lb), _trim(ctx, rb + 1, unit.end)
    c0 = f.content[0]
    other = right if c0 < sdoc[lb].idx else left
    a, b = other
    if a >= b or not any(t.pos_ in ("VERB", "AUX") for t in sdoc[a:b]):
        return None
    cs, ce = _chars(ctx, a, b)
    if cs < f.content[1] and f.content[0] < ce:
        return None
    return _Found(f.src, f.src_head, f.cue, _balance_quotes(ctx, cs, ce), unit=n,
                  kind=f.kind, inverted=f.inverted, carries=False, cls=f.cls)


def _adjacent_quote(ctx: _Ctx, v: Any, unit: Unit) -> tuple[int, int] | None:
    """A quotation right after the cue ('said, “…”') or right before its clause
    ('“…?” Clinton said.'), within the paragraph."""
    text = ctx.text
    p0, p1 = ctx.paras[unit.para]
    # after: skip the cue's own tail (an inverted subject, "in a statement") up to , or :
    j = v.idx + len(v)
    m = re.match(r"[^\n“\"]{0,60}?[,:]\s*([“\"])", text[j:p1])
    if m is not None and text[j + m.start(1)] == '"' and text.count('"', p0, j + m.start(1)) % 2:
        m = None  # a straight quote that closes a quotation the cue stands in
    if m is not None:
        q = j + m.start(1)
        close = "”" if text[q] == "“" else '"'
        k = text.find(close, q + 1, p1)
        if k != -1:
            return q, k + 1
    # before: the clause starts right after a closing quote
    subj = _subject(v)
    if ctx.broad and subj is not None and _in_closed_quote(ctx, subj.idx):
        subj = None  # '“… mode,” said X': the parser took a quoted noun for the subject
    left = ctx.sdoc[subj.left_edge.i].idx if subj is not None and subj.i < v.i else v.idx
    k = left - 1
    while k >= p0 and text[k] in " \t\u00a0,":
        k -= 1
    if k >= p0 and (text[k] in "”\"" or text[k] == "“" and k > p0 and text[k - 1] not in _OPENERS):
        opener = '"' if text[k] == '"' else "“"  # '“Never,“ she said': a mistyped close
        q = text.rfind(opener, p0, k)
        if q != -1:
            return q, k + 1
    if k > p0 and text[k - 1:k + 1] == "''":  # typewriter style: ''…,'' X said
        q = text.rfind("''", p0, k - 1)
        if q != -1:
            return q, k + 1
    return None


def _extend_to_quote(ctx: _Ctx, cs: int, ce: int) -> tuple[int, int]:
    """A content that starts or ends inside a quotation takes the whole quotation, within
    its paragraph (multi-sentence quotes)."""
    text = ctx.text
    p0, p1 = ctx.paras[_para_of(ctx, cs)]
    if cs > 0 and text[cs - 1] in "“" and cs - 1 >= p0:
        j = _closing_mark(text, ce, p1)
        if j != -1 and text.count("“", ce, j) == 0:
            return cs - 1, j + 1
    if ce < len(text) and text[cs:ce].count("“") > text[cs:ce].count("”"):
        j = _closing_mark(text, ce, p1)
        if j != -1:
            return cs, j + 1
    return cs, ce


def _closing_mark(text: str, start: int, end: int) -> int:
    """The first closing quotation mark in text[start:end]: a curly one, or a straight or
    mistyped opening one right after a word ('“We will win," she said', '“Never,“ he said')."""
    for i in range(start, end):
        c = text[i]
        if c == "”" or c in "\"“" and i > 0 and text[i - 1] not in _OPENERS:
            return i
    return -1


# --------------------------------------------------------------------------------------
# "according to", noun cues, impersonal passives, evidence


def _according(ctx: _Ctx, tok: Any, unit: Unit, n: int) -> _Found | None:
    sdoc = ctx.sdoc
    if tok.lower_ != "according" or tok.i + 1 >= unit.end or sdoc[tok.i + 1].lower_ != "to":
        return None
    to = sdoc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:  # "according to show insiders" parsed as a verb phrase: the words up
        k = to.i + 1  # to the next punctuation, when they end in a noun
        while k < unit.end and not sdoc[k].is_punct:
            k += 1
        if not 1 <= k - to.i - 1 <= 6 or sdoc[k - 1].pos_ not in ("NOUN", "PROPN"):
            return None
        pobj, (s0, s1) = sdoc[k - 1], (to.i + 1, k)
    else:
        s0, s1 = _np_span(ctx, pobj, unit)
    if pobj.lemma_.lower() in ctx.lx.according_non or pobj.lower_ in ctx.lx.according_non:
        return None
    # the whole "according to NP" phrase, with a following "of …" etc.
    p1 = max(s1, pobj.right_edge.i + 1)
    before = _trim(ctx, unit.start, tok.i)
    after = _trim(ctx, p1, unit.end)
    a, b = after if (after[1] - after[0]) >= (before[1] - before[0]) else before
    if a >= b:
        return None
    cue = (tok.idx, to.idx + len(to))
    cs, ce = _chars(ctx, a, b)
    return _Found((s0, s1), pobj, cue, _balance_quotes(ctx, cs, ce), unit=n,
                  inverted=(b <= tok.i))


_ISSUE_VERBS = frozenset({"release", "issue", "publish", "make", "give", "deliver", "post",
                          "file", "put", "circulate", "send", "submit", "distribute"})


def _clause_child(tok: Any) -> Any:
    """A 'that'-clause or 'of'-phrase hanging off a noun cue."""
    for c in tok.children:
        if c.dep_ in ("acl", "ccomp", "relcl", "appos") and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            return c
    for c in tok.children:
        if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX") and c.i > tok.i:
            return c
    return None


def _mistagged_verb(ctx: _Ctx, tok: Any, unit: Unit, n: int) -> _Found | None:
    """'Trump predicts that …' tagged as a noun compound: a reporting word with a clause."""
    comp = next((c for c in tok.children if c.dep_ == "ccomp" and _in_unit(ctx, c, unit)), None)
    src = next((c for c in tok.children if c.dep_ in ("compound", "nsubj") and c.i < tok.i
                and c.pos_ in ("PROPN", "NOUN", "PRON")), None)
    if comp is None or src is None or _reporting_lemma(ctx, tok) is None:
        return None
    a, b = _trim(ctx, *_subtree_span(ctx, comp, unit))
    if a >= b:
        return None
    lo = src.left_edge.i
    return _Found((lo, src.i + 1), src, (tok.idx, tok.idx + len(tok)), _chars(ctx, a, b),
                  unit=n)


def _noun_attribution(ctx: _Ctx, tok: Any, unit: Unit, n: int) -> _Found | None:
    lx = ctx.lx
    lw = tok.lemma_.lower()
    if tok.tag_ in ("NNS", "NN") and lw in lx.verbs and any(
            c.dep_ == "ccomp" for c in tok.children):
        return _mistagged_verb(ctx, tok, unit, n)
    if tok.pos_ not in ("NOUN", "PROPN") or (lw not in lx.noun_cues and tok.lower_ not in lx.noun_cues):
        return None
    sdoc = ctx.sdoc
    # "reports are appearing (from multiple sources) that …"
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in lx.appearance and (
            lw in lx.rumor_nouns or lw in ("report", "word", "news")):
        verb = tok.head
        clause = _clause_child(verb) or _clause_child(tok)
        if clause is None:
            return None
        src = None
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "from":
                src = next((g for g in c.children if g.dep_ == "pobj"), None)
        if src is None:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "from":
                    src = next((g for g in c.children if g.dep_ == "pobj"), None)
        a, b = _trim(ctx, *_subtree_span(ctx, clause, unit))
        if a >= b:
            return None
        cue = (_np_span(ctx, tok, unit)[0], verb.i + 1)
        cue_chars = (sdoc[cue[0]].idx, verb.idx + len(verb))
        if src is not None:
            return _Found(_np_span(ctx, src, unit), src, cue_chars, _chars(ctx, a, b), unit=n,
                          kind="anonymous")
        return _Found(_np_span(ctx, tok, unit), tok, cue_chars, _chars(ctx, a, b), unit=n,
                      kind="rumor")
    clause = _clause_child(tok)
    of_obj = None
    if clause is None:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "about") and c.i == tok.i + 1:
                of_obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
    owner = None
    for c in tok.children:
        if c.dep_ == "poss":
            owner = c
        elif c.dep_ == "prep" and c.lower_ in ("by", "from"):
            owner = next((g for g in c.children if g.dep_ == "pobj"), owner)
    if lw in lx.rumor_nouns and clause is not None:
        a, b = _trim(ctx, *_subtree_span(ctx, clause, unit))
        if a >= b:
            return None
        src = _np_span(ctx, tok, unit)
        src = (src[0], tok.i + 1)
        return _Found(src, tok, (tok.idx, tok.idx + len(tok)), _chars(ctx, a, b), unit=n,
                      kind="rumor")
    cue = (tok.idx, tok.idx + len(tok))
    if owner is None and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _ISSUE_VERBS:
        owner = _subject(tok.head)  # "government forces release reports about …"
        if owner is not None and (clause is not None or of_obj is not None):
            last = of_obj.head if of_obj is not None else tok
            cue = (_cue_span(ctx, tok.head)[0], last.idx + len(last))
    if owner is None or owner.lower_ in ("its", "their", "his", "her", "my", "our", "your") \
            and not ctx.broad:  # broad: PolNeAR marks the possessive pronoun ("his claim")
        return None
    body = clause if clause is not None else of_obj
    if body is None:
        return None
    a, b = _trim(ctx, *_subtree_span(ctx, body, unit))
    if a >= b:
        return None
    return _Found(_np_span(ctx, owner, unit), owner, cue, _chars(ctx, a, b), unit=n)


# --------------------------------------------------------------------------------------
# Cited titles and transcript turns (character patterns over the analysis text)


@lru_cache(maxsize=1)
def _cited_re() -> re.Pattern[str]:
    lx = lex()
    nouns = "|".join(sorted((re.escape(w) for w in lx.cited_nouns), key=len, reverse=True))
    titled = "|".join(sorted(lx.cited_title_words))
    return re.compile(
        r"\b[Ii]n\s+(?:its|an?|their|his|her|the|one|this|that)\s+(?:[\w-]+\s+){0,2}?"
        rf"(?:{nouns})(?:\s*,?\s*(?:{titled}))?\s*,?\s*[\"“]")


def _cited_titles(ctx: _Ctx) -> list[_Found]:
    out: list[_Found] = []
    text = ctx.text
    for m in _cited_re().finditer(text):
        q = m.end() - 1
        close = "”" if text[q] == "“" else '"'
        j = text.find(close, q + 1, min(len(text), q + 400))
        if j == -1 or "\n\n" in text[q:j]:
            continue
        cue_end = q
        while cue_end > m.start() and text[cue_end - 1] in " ,\t":
            cue_end -= 1
        cs, ce = q + 1, j
        while ce > cs and text[ce - 1] in ",. ":
            ce -= 1
        tok = _token_at(ctx, m.start())
        if tok is None:
            continue
        n = ctx.tok_unit[tok.i]
        if n < 0:
            continue
        src = _cited_source(ctx, tok, ctx.units[n])
        if src is None:
            continue
        out.append(_Found(_np_span(ctx, src, ctx.units[n]), src, (m.start(), cue_end),
                          (cs, ce), unit=n, media_hint=True))
    return out


def _cited_source(ctx: _Ctx, tok: Any, unit: Unit) -> Any:
    """The subject of the clause the 'in its article' phrase belongs to, else the NP before."""
    head = tok.head
    for _ in range(3):
        subj = _subject(head)
        if subj is not None and subj.i < tok.i:
            return subj
        if head.head.i == head.i:
            break
        head = head.head
    j = tok.i - 1
    while j >= unit.start and ctx.sdoc[j].is_punct:
        j -= 1
    if j >= unit.start and ctx.sdoc[j].pos_ in ("PROPN", "NOUN"):
        return ctx.sdoc[j]
    return None


def _token_at(ctx: _Ctx, char: int) -> Any:
    sdoc = ctx.sdoc
    span = sdoc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span[0]


_TURN = re.compile(
    r"(?m)^[ \t]*[\"“]?([A-Z][\w’'.\-]*(?:[ \t]+[\w’'.\-]+){0,4}?)"
    r"((?:,[ \t]*[^:\n,]{2,90}){0,2})[ \t]*:[ \t]+(?=\S)")
_NAME_PARTICLES = frozenset({"al", "al-", "el", "bin", "ibn", "abu", "de", "van", "von", "der",
                             "da", "di", "du", "la", "le", "bint", "ben", "abd"})


def _turns(ctx: _Ctx) -> list[tuple[int, int, int, int]]:
    """Speaker turns: (name_start, name_end, colon, paragraph) for 'Name[, title]: …' lines."""
    out = []
    text = ctx.text
    for m in _TURN.finditer(text):
        name = m.group(1)
        words = name.split()
        if words[0].lower().strip(".") in ctx.lx.label_stop:
            continue
        if not all(w[0].isupper() or w.lower() in _NAME_PARTICLES or w.lower().startswith(
                ("al-", "el-")) for w in words):
            continue
        colon = m.end() - 1
        while text[colon] != ":":
            colon -= 1
        if not _looks_like_speaker(ctx, m.start(1), m.end(1), bool(m.group(2))):
            continue
        out.append((m.start(1), m.end(1), colon, _para_of(ctx, m.start(1))))
    return out


def _looks_like_speaker(ctx: _Ctx, a: int, b: int, titled: bool) -> bool:
    span = ctx.sdoc.char_span(a, b, alignment_mode="expand")
    if span is None:
        return False
    name = ctx.text[a:b]
    if name.isupper() and len(name) >= 3 and " " not in name:
        return True  # transcript convention: "WALLACE: …"
    labels = {t.ent_type_ for t in span if t.ent_type_}
    if "PERSON" in labels or (labels == {"ORG"} and len(span) <= 3):
        return True
    last = span[-1].lower_
    if not labels and (last in ctx.lx.report_nouns or last in ctx.lx.media_nouns) \
            and span[-1].i == span.start + len(span) - 1 and len(span) <= 3:
        return True  # "Poll: …", "Newspaper: …" headline labels
    if _named_elsewhere(ctx, span):
        return True
    if labels & {"GPE", "LOC", "NORP", "FAC", "DATE", "TIME", "EVENT", "WORK_OF_ART"}:
        return False
    actor = _dictionary_actor(ctx, ctx.text[a:b])
    if actor is not None:
        return getattr(actor, "kind", "") == "person"
    return titled and len(span) >= 2


def _named_elsewhere(ctx: _Ctx, span: Any) -> bool:
    """A short title-case name ('Sanders', 'Cecile Richards') whose last word the parse tags
    as a person elsewhere in the article: a headline 'Sanders: …' quotes that person, though
    the tagger rarely knows a bare surname in a title."""
    words = [t for t in span if not t.is_punct]
    if not words or len(words) > 3 or not all(t.text[:1].isupper() for t in words):
        return False
    last = words[-1]
    if not last.is_alpha or len(last) < 3 or last.lower_ in ctx.lx.label_stop:
        return False
    return any(t.ent_type_ == "PERSON" and t.text == last.text
               for t in ctx.sdoc if not span.start <= t.i < span.end)


def _turn_records(ctx: _Ctx, turns: list[tuple[int, int, int, int]]) -> list[_Found]:
    out: list[_Found] = []
    for a, b, colon, para in turns:
        p0, p1 = ctx.paras[para]
        span = ctx.sdoc.char_span(a, b, alignment_mode="expand")
        src = (span.start, span.end) if span is not None else None
        head = span.root if span is not None else None
        ents = {t.ent_type_ for t in span} if span is not None else set()
        kind = None if "PERSON" not in ents and (
            "ORG" in ents or (head is not None and head.lower_ in ctx.lx.report_nouns
                              | ctx.lx.media_nouns)) else "person"
        first = True
        for n, u in enumerate(ctx.units):
            if u.para != para or u.char_end <= colon:
                continue
            cs = max(u.char_start, colon + 1)
            ce = u.char_end
            cs, ce = _trim_chars(ctx.text, cs, ce)
            if cs >= ce:
                continue
            out.append(_Found(src, head, (colon, colon + 1), (cs, ce), unit=n,
                              scope="explicit" if first else "block", kind=kind))
            first = False
        del p0, p1
    return out


_DASH_ATTR = re.compile(
    r"([”\"])[ \t\u00a0]*([―—–]|--)[ \t\u00a0]*"
    r"([A-Z][\w’'.\-]*(?:[ \t\u00a0]+(?:[A-Z][\w’'.\-]*|al-\w+|bin|de|van|von)){0,4})"
    r"[ \t\u00a0.,]*(?=\n|$)")


def _dash_attributions(ctx: _Ctx) -> list[_Found]:
    """'“…” ― Name' (pull quotes, vox pops, epigraphs): the name at the line end speaks."""
    out: list[_Found] = []
    text = ctx.text
    for m in _DASH_ATTR.finditer(text):
        close = m.start(1)
        p0, _p1 = ctx.paras[_para_of(ctx, close)]
        line0 = text.rfind("\n", p0, close) + 1 if text.rfind("\n", p0, close) != -1 else p0
        opener = "“" if m.group(1) == "”" else '"'
        q = text.find(opener, line0, close)
        if q == -1:  # a line opened with a mistyped closing mark: '”Fear. …” ― Name'
            lead = len(text[line0:close]) - len(text[line0:close].lstrip())
            q = line0 + lead if text[line0 + lead:line0 + lead + 1] in ("”", '"') \
                and line0 + lead < close else -1
        if q == -1:
            continue
        span = ctx.sdoc.char_span(m.start(3), m.end(3), alignment_mode="expand")
        tok = _token_at(ctx, m.start(3))
        if span is None or tok is None or ctx.tok_unit[tok.i] < 0:
            continue
        out.append(_Found((span.start, span.end), span.root, (m.start(2), m.end(2)),
                          (q, close + 1), unit=ctx.tok_unit[tok.i], kind="person",
                          inverted=True))
    return out


def _trim_chars(text: str, cs: int, ce: int) -> tuple[int, int]:
    while cs < ce and (text[cs].isspace() or text[cs] in ",;:—–"):
        cs += 1
    while ce > cs and (text[ce - 1].isspace() or text[ce - 1] in ".,;:—–"):
        ce -= 1
    return cs, ce


# --------------------------------------------------------------------------------------
# Blocks and carried scope


def _blocks(ctx: _Ctx, intro: _Found, turn_paras: set[int]) -> list[_Found]:
    """One record per sentence of the quoted block after a colon intro."""
    unit = ctx.units[intro.unit]
    intro_text = ctx.text[unit.char_start:unit.char_end].lower()
    multi = any(w in ctx.lx.block_multi for w in re.findall(r"[a-z]+", intro_text))
    out: list[_Found] = []
    para = unit.para
    started = False
    last_para = len(ctx.paras) - 1
    by_para: dict[int, list[int]] = {}
    for n, u in enumerate(ctx.units):
        by_para.setdefault(u.para, []).append(n)
    p = para + 1
    while p <= last_para:
        ids = by_para.get(p, [])
        if not ids:
            p += 1
            continue
        first_text = ctx.text[ctx.units[ids[0]].char_start:ctx.units[ids[-1]].char_end]
        low = first_text.lower().lstrip("([ ")
        if any(low.startswith(e.lstrip("([")) for e in ctx.lx.block_end) and started:
            break
        if not started and first_text.rstrip().endswith(":") and len(ids) == 1:
            p += 1  # another colon line ("watch the video:") before the quote itself
            continue
        if started and (_is_signoff(ctx, ids) or _boilerplate_between(ctx, p)):
            break
        if p in turn_paras:
            multi = True
        else:
            for n in ids:
                u = ctx.units[n]
                cs, ce = _trim_chars(ctx.text, u.char_start, u.char_end)
                if cs < ce:
                    out.append(_Found(intro.src, intro.src_head, intro.cue, (cs, ce),
                                      scope="block", kind=intro.kind, unit=n,
                                      media_hint=intro.media_hint, parent_idx=-1,
                                      cls=intro.cls))
        started = True
        if not multi:
            break
        p += 1
    return out


def _boilerplate_between(ctx: _Ctx, p: int) -> bool:
    """A paragraph blanked as boilerplate (sign-off, end-of-transcript line) just before
    paragraph p ends a quoted block."""
    q = p - 1
    while q >= 0:
        a, b = ctx.paras[q]
        if ctx.text[a:b].strip():
            return False
        if ctx.doc.text[a:b].strip():
            return True
        q -= 1
    return False


def _is_signoff(ctx: _Ctx, ids: list[int]) -> bool:
    """A short verbless line ("Name – Place, Outlet.") ends a transcript block."""
    toks = [t for n in ids for t in ctx.sdoc[ctx.units[n].start:ctx.units[n].end]
            if not t.is_punct and not t.is_space]
    return len(toks) <= 8 and not any(t.pos_ in ("VERB", "AUX") for t in toks)


_DISTANCING = re.compile(r"(?<![\w-])(so-called|supposed|supposedly|alleged|allegedly|"
                         r"purported|purportedly)(?![\w-])", re.I)


def _carriable(ctx: _Ctx, u: Unit, f: _Found | None = None) -> bool:
    text = ctx.text[u.char_start:u.char_end]
    low = text.lower().lstrip("“\"'‘*( ")
    if text.rstrip().endswith("?") or text.rstrip().endswith(":"):
        return False
    if any(low.startswith(s) for s in ctx.lx.carry_stop):
        return False
    if _DISTANCING.search(text):
        return False  # the author's own distancing voice
    src_words = set()
    if f is not None and f.src is not None:
        src_words = {t.lower_ for t in ctx.sdoc[f.src[0]:f.src[1]]
                     if t.pos_ in ("PROPN", "NOUN")}
    for t in ctx.sdoc[u.start:u.end]:
        if t.dep_ in _SUBJ and (t.lemma_.lower() in ctx.lx.carry_meta or (
                t.head.dep_ == "ROOT" and t.lemma_.lower() in ctx.lx.media_nouns)):
            return False  # about the statement or the reporting itself
        if t.dep_ in _SUBJ and t.head.dep_ == "ROOT" and t.lower_ in src_words \
                and t.pos_ == "PROPN":
            return False  # the author talks about the source
        if t.lower_ in ("i", "we", "our", "my", "us") and t.pos_ == "PRON" \
                and not _inside_quote(ctx.text, t.idx, u.char_start):
            return False
    return True


def _inside_quote(text: str, pos: int, start: int) -> bool:
    seg = text[start:pos]
    return seg.count("“") > seg.count("”") or seg.count('"') % 2 == 1


def _carry(ctx: _Ctx, found: list[_Found]) -> list[_Found]:
    """Cue-less sentences after (or, for a paragraph-final trailing cue, before) an explicit
    attribution in the same paragraph inherit it."""
    covered: dict[int, _Found] = {}
    for f in found:  # a will or position ("X demanded …") leaves its sentence carriable
        if f.scope in ("explicit", "block") and not f.intro and f.cls not in ctx.lx.uninherited:
            for n in _units_covered(ctx, f):
                covered.setdefault(n, f)
    carried: list[_Found] = []
    by_para: dict[int, list[int]] = {}
    for n, u in enumerate(ctx.units):
        by_para.setdefault(u.para, []).append(n)
    for ids in by_para.values():
        current: _Found | None = None
        for n in ids:
            if n in covered:
                f = covered[n]
                current = f if _can_carry_from(ctx, f, n) else None
                continue
            if current is not None and _carriable(ctx, ctx.units[n], current):
                carried.append(_carried(ctx, current, n))
            else:
                current = None
        last = ids[-1]
        f = covered.get(last)
        if f is not None and f.inverted and f.scope == "explicit" and len(ids) > 1 \
                and _starts_anaphoric(ctx, f):
            for n in reversed(ids[:-1]):
                if n in covered or not _carriable(ctx, ctx.units[n], f):
                    break
                carried.append(_carried(ctx, f, n))
    return carried


def _carried(ctx: _Ctx, f: _Found, n: int) -> _Found:
    u = ctx.units[n]
    cs, ce = _trim_chars(ctx.text, u.char_start, u.char_end)
    return _Found(f.src, f.src_head, f.cue, (cs, ce), scope="carried", kind=f.kind, unit=n,
                  media_hint=f.media_hint, cls=f.cls)


def _units_covered(ctx: _Ctx, f: _Found) -> list[int]:
    cs, ce = f.content
    out = []
    for n, u in enumerate(ctx.units):
        if u.char_start < ce and cs < u.char_end or f.cue and u.char_start <= f.cue[0] < u.char_end:
            out.append(n)
    return out


def _can_carry_from(ctx: _Ctx, f: _Found, n: int) -> bool:
    if f.scope != "explicit" or f.kind == "rumor" or f.unit != n or not f.carries:
        return False
    u = ctx.units[n]
    span = max(1, u.char_end - u.char_start)
    return (f.content[1] - f.content[0]) / span >= 0.45


def _starts_anaphoric(ctx: _Ctx, f: _Found) -> bool:
    tok = _token_at(ctx, f.content[0])
    return tok is not None and (tok.pos_ == "PRON" or tok.lower_ in ("the", "this", "these"))


# --------------------------------------------------------------------------------------
# Source kinds and ids


def _dictionary(ctx_res: Any) -> Any:
    if ctx_res is None:
        return None
    try:
        return ctx_res.actors
    except Exception:  # noqa: BLE001 - the dictionary is optional: fall back to NER
        return None


def _dictionary_actor(ctx: _Ctx, text: str) -> Any:
    d = _dictionary(ctx.res)
    if d is None or not text:
        return None
    try:
        hit = d.lookup(text)
        if hit is None:
            words = text.split()
            if words and words[0].lower() in _DETS:
                hit = d.lookup(" ".join(words[1:]))
        return hit
    except Exception:  # a dictionary bug must not stop attribution
        return None


def _mention_for(ctx: _Ctx, a: int, b: int) -> Any:
    """The actor mention of doc.actors that best covers char span [a, b)."""
    best = None
    for m in ctx.doc.actors:
        if m.start < b and a < m.end and (
                best is None or (m.end - m.start) > (best.end - best.start)):
            best = m
    return best


_KIND_BY_ACTOR = {"media": "media", "person": "person"}


def _kind_from_actor(kind: str | None, sector: str | None) -> str | None:
    if kind in _KIND_BY_ACTOR:
        return _KIND_BY_ACTOR[kind]
    if sector == "JRN":
        return "media"
    if kind in ("generic", "pronoun", "actor", None):
        return None
    return "organization"


def _relative(tok: Any) -> bool:
    """A relative pronoun subject ("who", "which"): the source span, standing for the noun
    its clause modifies."""
    return tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl"


def _classify(ctx: _Ctx, f: _Found) -> tuple[str, str | None]:
    """(source_kind, source_id) of a found attribution (a relative pronoun source is
    classified by its antecedent)."""
    if f.src is None:
        return (f.kind or "rumor"), None
    if f.src_head is not None and _relative(f.src_head):
        ante = f.src_head.head.head
        f = replace(f, src=_np_span(ctx, ante), src_head=ante)
    sdoc = ctx.sdoc
    a, b = f.src
    span = sdoc[a:b]
    cs, ce = span.start_char, span.end_char
    text = ctx.text[cs:ce]
    head = f.src_head if f.src_head is not None and a <= f.src_head.i < b else span.root
    lw = head.lemma_.lower()
    low = head.lower_
    mention = _mention_for(ctx, cs, ce)
    source_id = mention.id if mention is not None else None
    actor = None
    if source_id is None:
        actor = _dictionary_actor(ctx, text)
        source_id = getattr(actor, "id", None)
    if source_id is None and (head.pos_ == "PRON" or lw in ("group", "organization")):
        source_id = _coref_id(ctx, head) or source_id
    if f.kind in ("rumor", "anonymous"):
        return f.kind, source_id
    if f.kind == "person" and mention is None and actor is None:
        return "person", source_id
    if mention is not None:
        k = _kind_from_actor(mention.kind, mention.sector)
        if k:
            return k, source_id
    if actor is not None:
        k = _kind_from_actor(getattr(actor, "kind", None), getattr(actor, "sector", None))
        if k:
            return k, source_id
    if f.kind:
        return f.kind, source_id
    return _kind_from_lexicon(ctx, span, head, lw, low, f.media_hint), source_id


def _kind_from_lexicon(ctx: _Ctx, span: Any, head: Any, lw: str, low: str,
                       media_hint: bool) -> str:
    lx = ctx.lx
    if lw in lx.rumor_nouns or low in lx.rumor_nouns:
        return "rumor"
    if lw in lx.anonymous or low in lx.anonymous:
        return "anonymous"
    owned = any(t.dep_ == "poss" or (t.dep_ == "pobj" and t.head.lower_ in ("by", "of", "from"))
                for t in span if t.i != head.i)
    named = any(t.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") for t in span)
    if lw in lx.media_nouns or low in lx.media_nouns:
        if lw in lx.media_people:
            return "person"
        return "media"
    if lw in lx.report_nouns or low in lx.report_nouns:
        if media_hint:
            return "media"
        if named:
            return "organization"
        return "anonymous" if not owned else "organization"
    if lw in lx.unnamed_officials and not named and head.tag_ in ("NNS", "NNPS"):
        return "anonymous"
    if media_hint:
        return "media"
    ent = head.ent_type_
    if ent == "PERSON":
        return "person"
    if ent in ("ORG", "GPE", "NORP", "FAC", "LOC"):
        return "organization"
    if low in lx.person_pronouns or lw in lx.person_pronouns:
        return "person"
    if low in lx.org_pronouns:
        return "organization"
    if lw in lx.person_nouns or low in lx.person_nouns:
        return "person"
    if lw in lx.org_nouns or low in lx.org_nouns:
        return "organization"
    if any(t.ent_type_ == "PERSON" for t in span):
        return "person"
    if named:
        return "organization"
    if head.pos_ == "PROPN":
        return "person" if sum(t.pos_ == "PROPN" for t in span) >= 2 else "organization"
    return "person" if head.tag_ == "NN" else "organization"


def _coref_id(ctx: _Ctx, head: Any) -> str | None:
    """The actor id a pronoun source refers to (once per token and document)."""
    if head.i not in ctx.coref:
        ctx.coref[head.i] = _antecedent_id(ctx, head)
    return ctx.coref[head.i]


def _antecedent_id(ctx: _Ctx, head: Any) -> str | None:
    try:
        from claimbase.nlp.coref import antecedent
    except ImportError:
        return None
    try:
        m = antecedent(ctx.doc, head.idx, head.idx + len(head))
    except Exception:  # optional helper: never fatal here
        return None
    return getattr(m, "id", None)


# --------------------------------------------------------------------------------------
# The stage


@lru_cache(maxsize=4)
def _candidate_hashes(strings: Any) -> tuple[frozenset[int], frozenset[int]]:
    """StringStore hashes of reporting-verb lemmas and of noun-cue words (+ 'according')."""
    lx = lex()
    verbs = frozenset(strings.add(w) for w in set(lx.verbs) | {k[0] for k in learned()})
    nouns = frozenset(strings.add(w) for w in (lx.noun_cues | {"according"}))
    return verbs, nouns


@lru_cache(maxsize=4)
def _model_hashes(strings: Any) -> Any:
    """StringStore hashes of the lemmas the cue-head model scores (a numpy array)."""
    import numpy as np

    return np.array(sorted({strings.add(lp.rsplit("|", 1)[0]) for lp in cue_model().lemmas}),
                    dtype=np.uint64)


def _candidates(ctx: _Ctx) -> set[int]:
    """Token indices worth a closer look (one vectorised pass over the parse)."""
    from spacy.attrs import LEMMA, LOWER

    verbs, nouns = _candidate_hashes(ctx.sdoc.vocab.strings)
    arr = ctx.sdoc.to_array([LEMMA, LOWER]).tolist()
    return {i for i, (lem, low) in enumerate(arr)
            if lem in verbs or lem in nouns or low in nouns}


def _detect(ctx: _Ctx) -> list[_Found]:
    found: list[_Found] = []
    cands = sorted(_candidates(ctx))
    sdoc = ctx.sdoc
    for n, unit in enumerate(ctx.units):
        here: list[_Found] = []
        lo = bisect.bisect_left(cands, unit.start)
        hi = bisect.bisect_left(cands, unit.end)
        for i in cands[lo:hi]:
            tok = sdoc[i]
            f = None
            if tok.lower_ == "according":
                f = _according(ctx, tok, unit, n)
            elif tok.pos_ in ("VERB", "AUX"):
                f = _verb_attribution(ctx, tok, unit, n) or _learned_attribution(
                    ctx, tok, unit, n) or _passive_attribution(ctx, tok, unit, n) or (
                    _no_reply(ctx, tok, unit, n) if ctx.broad else None)
                if f is not None:
                    extra = _conj_statement(ctx, tok, unit, n, f) or _paren_rest(
                        ctx, tok, unit, n, f)
                    if extra is not None:
                        here.append(extra)
            elif tok.pos_ in ("NOUN", "PROPN"):
                f = _noun_attribution(ctx, tok, unit, n) or _learned_noun(ctx, tok, unit, n)
            elif tok.pos_ == "ADJ":
                f = _learned_attribution(ctx, tok, unit, n)
            if f is not None:
                here.append(f)
        if not any(f.intro for f in here) and sdoc[unit.end - 1].text == ":":
            intro = _colon_intro(ctx, unit, n) or _quote_block_intro(ctx, unit, n)
            if intro is not None:
                here.append(intro)
        if not here and ":" in ctx.text[unit.char_start:unit.char_end]:
            f = _colon_quote(ctx, unit, n)
            if f is not None:
                here.append(f)
        if not here:
            f = _in_document(ctx, unit, n)
            if f is not None:
                here.append(f)
        if not here:
            f = _evident_to(ctx, unit, n)
            if f is not None:
                here.append(f)
        if not here and "“" in ctx.text[unit.char_start:unit.char_end]:
            f = _mixed_quote(ctx, unit, n)
            if f is not None:
                here.append(f)
        found += here
    return found


def _reporting_lemma(ctx: _Ctx, tok: Any) -> str | None:
    """The reporting lemma of a token even when the tagger took the verb for a noun
    ("CNN also claims:", "the report elaborates:")."""
    low = tok.lower_
    for cand in (tok.lemma_.lower(), low, low[:-1] if low.endswith("s") else "",
                 low[:-2] if low.endswith("es") else "", low[:-1] if low.endswith("d") else "",
                 low[:-2] if low.endswith("ed") else ""):
        if cand and ctx.lx.verbs.get(cand) in ("report", "belief", "evidence"):
            return cand
    return None


def _no_reply(ctx: _Ctx, v: Any, unit: Unit, n: int) -> _Found | None:
    """Broad mode: 'X did not (immediately) respond to requests for comment' — a negated
    reply verb whose object is a request: X's (non-)response is reported."""
    if v.lemma_.lower() not in ctx.lx.no_reply or not _negated(v):
        return None
    src = _subject(v)
    if src is None or not _in_unit(ctx, src, unit) or src.lower_ in _NO_SOURCE \
            or src.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    prep = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if obj is None or obj.lemma_.lower() not in ctx.lx.reply_requests:
        return None
    a, b = _trim(ctx, *_subtree_span(ctx, prep, unit))
    if a >= b:
        return None
    neg = min((c.i for c in v.children if c.dep_ in ("neg", "aux") and c.i < v.i), default=v.i)
    cue = (ctx.sdoc[neg].idx, _cue_span(ctx, v)[1])
    return _Found(_np_span(ctx, src, unit), src, cue, _chars(ctx, a, b), unit=n,
                  carries=False, cls="report")


def _colon_quote(ctx: _Ctx, unit: Unit, n: int) -> _Found | None:
    """'… Republican pollster Daron Shaw: “…”' — a named source right before a colon that
    opens a quotation in the same sentence."""
    sdoc = ctx.sdoc
    text = ctx.text
    for i in range(unit.start + 1, unit.end - 1):
        if sdoc[i].text != ":":
            continue
        j = sdoc[i].idx + 1
        while j < len(text) and text[j] in " \t\u00a0":
            j += 1
        if j >= len(text) or text[j] not in "“\"":
            continue
        prev = sdoc[i - 1]
        if prev.ent_type_ != "PERSON" or not prev.ent_iob_ or _is_turn_start(ctx, prev):
            continue
        k = i - 1
        while k - 1 >= unit.start and sdoc[k - 1].ent_type_ == "PERSON" \
                and sdoc[k - 1].ent_iob_ != "O":
            k -= 1
        close = "”" if text[j] == "“" else '"'
        end = text.find(close, j + 1, ctx.paras[unit.para][1])
        if end == -1:
            continue
        return _Found((k, i), prev, (sdoc[i].idx, sdoc[i].idx + 1), (j, end + 1), unit=n,
                      kind="person")
    return None


_EVIDENT = frozenset({"clear", "obvious", "evident", "apparent", "plain", "certain"})


@lru_cache(maxsize=1)
def _evident_re() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _EVIDENT))) + r")\b", re.I)


def _evident_to(ctx: _Ctx, unit: Unit, n: int) -> _Found | None:
    """'It is clear to Moscow that …' / 'to the government it is clear …': the experiencer
    holds the view."""
    if _evident_re().search(ctx.text, unit.char_start, unit.char_end) is None:
        return None
    sdoc = ctx.sdoc
    for t in sdoc[unit.start:unit.end]:
        if t.lower_ not in _EVIDENT or t.dep_ != "acomp" or t.head.lemma_ != "be":
            continue
        be = t.head
        it = next((c for c in be.children if c.dep_ in ("nsubj", "expl") and c.lower_ == "it"),
                  None)
        to = next((c for c in list(t.children) + list(be.children)
                   if c.dep_ == "prep" and c.lower_ == "to"), None)
        comp = next((c for c in list(be.children) + list(t.children) if c.dep_ == "ccomp"),
                    None)
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if it is None or pobj is None or comp is None:
            continue
        fronted = pobj.right_edge.i < it.i and all(
            x.is_punct for x in sdoc[pobj.right_edge.i + 1:it.i]) and all(
            x.pos_ in ("ADV", "PUNCT", "CCONJ", "SPACE") for x in sdoc[unit.start:to.i])
        if not (fronted or to.i == t.i + 1):
            continue  # "from … to the obvious fact – it was clear" is no experiencer
        a, b = _trim(ctx, *_subtree_span(ctx, comp, unit))
        if a >= b:
            continue
        return _Found(_np_span(ctx, pobj, unit), pobj, (it.idx, t.idx + len(t)),
                      _chars(ctx, a, b), unit=n, carries=False)
    return None


_IN_DOCUMENT = frozenset({"poll", "survey", "report", "study", "statement", "interview",
                          "speech", "letter", "memo", "analysis", "filing", "lawsuit"})


def _in_document(ctx: _Ctx, unit: Unit, n: int) -> _Found | None:
    """'In the latest poll, X leads by …' / 'In a statement, …' with no other cue: the
    document named by the opening phrase is the source, cue "In"."""
    sdoc = ctx.sdoc
    first = next((t for t in sdoc[unit.start:unit.end] if not (t.is_punct or t.is_space)), None)
    if first is None or first.lower_ != "in" or first.dep_ != "prep" \
            or first.head.dep_ != "ROOT":
        return None
    pobj = next((c for c in first.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in _IN_DOCUMENT:
        return None
    a, b = _trim(ctx, first.right_edge.i + 1, unit.end)
    if a >= b or not any(t.pos_ in ("VERB", "AUX") for t in sdoc[a:b]):
        return None
    if ctx.broad and pobj.lemma_.lower() in ctx.lx.speech_events:
        # "In a statement, X …": X speaks (the statement is the cue), not the statement
        subj = _subject(first.head)
        if subj is None or subj.pos_ not in ("PROPN", "PRON", "NOUN") \
                or subj.lower_ in _NO_SOURCE or not a <= subj.i < b:
            return None
        src = _np_span(ctx, subj, unit)
        a, b = _trim(ctx, max(a, src[1]), b)
        if a >= b:
            return None
        return _Found(src, subj, (pobj.idx, pobj.idx + len(pobj)), _chars(ctx, a, b), unit=n,
                      carries=False)
    return _Found(_np_span(ctx, pobj, unit), pobj, (first.idx, first.idx + len(first)),
                  _chars(ctx, a, b), unit=n, carries=False)


def _mixed_quote(ctx: _Ctx, unit: Unit, n: int) -> _Found | None:
    """'Halevy was “concerned about the offensives”': a named subject whose predicate is
    quoted speaks through the quotation (cue: the quoted predicate word + preposition)."""
    sdoc = ctx.sdoc
    text = ctx.text
    root = next((t for t in sdoc[unit.start:unit.end] if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "be":
        return None
    subj = _subject(root)
    pred = next((c for c in root.children if c.dep_ in ("acomp", "attr", "xcomp")
                 and c.i > root.i), None)
    if subj is None or pred is None or subj.ent_type_ not in ("PERSON", "ORG"):
        return None
    first = sdoc[pred.left_edge.i]
    q = first.idx - 1
    while q > root.idx and text[q] in " \t":
        q -= 1
    if text[q] not in "“\"":
        return None
    close = text.find("”" if text[q] == "“" else '"', first.idx, unit.char_end + 2)
    if close == -1:
        return None
    prep = next((c for c in pred.children if c.dep_ == "prep" and c.i == pred.i + 1), None)
    cue_end = (prep or pred).idx + len(prep or pred)
    cs, ce = _trim_chars(text, cue_end, close)
    if cs >= ce:
        return None
    return _Found(_np_span(ctx, subj, unit), subj, (pred.idx, cue_end), (cs, ce), unit=n)


def _is_turn_start(ctx: _Ctx, tok: Any) -> bool:
    """The name starts its line (a speaker turn, handled elsewhere)."""
    line = ctx.text.rfind("\n", 0, tok.idx) + 1
    return not ctx.text[line:tok.idx].strip(" \t\"“") or tok.i == 0


def _colon_intro(ctx: _Ctx, unit: Unit, n: int) -> _Found | None:
    """'<source> … <reporting word>:' closing a paragraph introduces a quoted block."""
    sdoc = ctx.sdoc
    last = unit.end - 1
    if sdoc[last].text != ":":
        return None
    j = last - 1
    while j >= unit.start and (sdoc[j].is_punct or sdoc[j].is_space):
        j -= 1
    if j <= unit.start or _reporting_lemma(ctx, sdoc[j]) is None:
        return None
    cue_tok = sdoc[j]
    k = j
    while k - 1 >= unit.start and (sdoc[k - 1].tag_ in ("RB", "MD") or
                                   sdoc[k - 1].lower_ in ("has", "have", "had", "will", "would",
                                                          "also", "then")):
        k -= 1
    src = None
    for t in sdoc[unit.start:k]:
        if t.pos_ in ("PROPN", "NOUN") and not t.is_punct:
            src = t
            while src.head.i != src.i and unit.start <= src.head.i < k and \
                    src.head.pos_ in ("PROPN", "NOUN") and src.dep_ in ("compound", "amod"):
                src = src.head
            break
    if src is None:
        return None
    owner = _report_owner(ctx, src)
    if owner is not None:
        src = owner
    lo, hi = _np_span(ctx, src, unit)
    if hi > k or src.i >= k:  # the tagger made the cue word the NP head
        hi = k
        while hi > lo and (sdoc[hi - 1].is_punct or sdoc[hi - 1].is_space):
            hi -= 1
        if hi <= lo:
            return None
        src = sdoc[hi - 1]
    cue = (sdoc[k].idx, cue_tok.idx + len(cue_tok))
    return _Found((lo, hi), src, cue, (cue[1], cue[1]), unit=n, intro=True)


def _quote_block_intro(ctx: _Ctx, unit: Unit, n: int) -> _Found | None:
    """'X … as terrorism:' + a paragraph that opens with a quotation mark: X is quoted."""
    p = unit.para + 1
    text = ctx.text
    while p < len(ctx.paras) and not text[ctx.paras[p][0]:ctx.paras[p][1]].strip():
        p += 1
    if p >= len(ctx.paras) or not text[ctx.paras[p][0]:ctx.paras[p][1]].lstrip().startswith(
            ("“", '"')):
        return None
    root = next((t for t in ctx.sdoc[unit.start:unit.end] if t.dep_ == "ROOT"), None)
    subj = _subject(root) if root is not None else None
    if subj is None or subj.lower_ in ("it", "this", "that", "there") or subj.pos_ not in (
            "PROPN", "NOUN", "PRON"):
        return None
    colon = ctx.sdoc[unit.end - 1]
    return _Found(_np_span(ctx, subj, unit), subj, (colon.idx, colon.idx + 1),
                  (colon.idx + 1, colon.idx + 1), unit=n, intro=True)


def _conj_statement(ctx: _Ctx, v: Any, unit: Unit, n: int, f: _Found) -> _Found | None:
    """'X said Y and he would Z': a conjunct with a pronoun subject continues the statement
    as a second record (the first one stops before the conjunction)."""
    comp = next((c for c in v.children if c.dep_ == "ccomp" and _in_unit(ctx, c, unit)), None)
    if comp is not None:
        for c in comp.children:
            subj = _subject(c)
            if c.dep_ != "conj" or subj is None or subj.pos_ != "PRON" \
                    or subj.lower_ in ("i", "we", "you", "it", "there"):
                continue
            a, b = _trim(ctx, subj.left_edge.i, min(c.right_edge.i + 1, unit.end))
            cut = c.left_edge.i
            while cut > 0 and ctx.sdoc[cut - 1].dep_ in ("cc", "punct") and \
                    ctx.sdoc[cut - 1].head.i in (comp.i, c.i):
                cut -= 1
            if a >= b or ctx.sdoc[cut].idx <= f.content[0]:
                continue
            cs, ce = _chars(ctx, a, b)
            end = ctx.sdoc[cut - 1].idx + len(ctx.sdoc[cut - 1])
            f.content = _balance_quotes(ctx, f.content[0], min(f.content[1], end))
            return _Found(f.src, f.src_head, f.cue, _balance_quotes(ctx, cs, ce), unit=n,
                          kind=f.kind, cls=f.cls)
    for c in v.children:
        if c.dep_ != "conj" or not _in_unit(ctx, c, unit) or c.lemma_.lower() in ctx.lx.verbs:
            continue
        subj = _subject(c)
        if subj is None or subj.pos_ != "PRON" or subj.lower_ in ("i", "we", "you"):
            continue
        a, b = _trim(ctx, c.left_edge.i, min(c.right_edge.i + 1, unit.end))
        if a >= b:
            continue
        cs, ce = _chars(ctx, a, b)
        if cs < f.content[1]:
            continue
        return _Found(f.src, f.src_head, f.cue, _balance_quotes(ctx, cs, ce), unit=n,
                      kind=f.kind, cls=f.cls)
    return None


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _dedupe(found: list[_Found]) -> list[_Found]:
    """Drop a record whose cue sits inside another record's cue with the same content, and
    records whose cue lies inside their own content. Statements win over the broad
    classes (wills, positions) on a shared cue."""
    broad = lex().uninherited
    out: list[_Found] = []
    for f in sorted(found, key=lambda f: f.cls in broad):
        if f.cue and not f.intro and f.content[0] <= f.cue[0] and f.cue[1] <= f.content[1] \
                and f.content[1] > f.content[0]:
            continue
        dup = False
        for g in out:
            if _overlaps(f.cue, g.cue) and (_overlaps(f.content, g.content) or f.intro or g.intro):
                dup = True
                break
        if not dup:
            out.append(f)
    return out


def find_attributions(doc: Document, res: Any) -> None:
    """Stage: fill `doc.attributions` with every reported statement, nested via `parent`."""
    doc.attributions = []
    if doc.spacy_doc is None:
        return
    ctx = _context(doc, res)
    turns = _turns(ctx)
    turn_paras = {t[3] for t in turns}
    turn_units = {n for n, u in enumerate(ctx.units) if u.para in turn_paras}
    found = _cited_titles(ctx)
    found += _turn_records(ctx, turns)
    found += _dash_attributions(ctx)
    found += [f for f in _detect(ctx) if f.unit not in turn_units or f.scope != "explicit"
              or not _starts_at_turn(ctx, f, turns)]
    if ctx.broad:  # model cues are broad records: keep_statements would drop them
        found += _model_pass(ctx, found)
    found = _dedupe(found)
    blocks: list[_Found] = []
    for f in found:
        if f.intro:
            blocks += _blocks(ctx, f, turn_paras)
    explicit = [f for f in found if not f.intro or not _has_block(f, blocks)]
    explicit = [f for f in explicit if not f.intro]
    # an intro whose block is found is represented by its block records only
    allf = explicit + blocks
    allf += _carry(ctx, allf)
    doc.attributions = _materialize(ctx, allf)
    if ctx.broad:
        doc.attributions = _unquoted(ctx, doc.attributions)
        _univocal(ctx, doc.attributions)
        for att in doc.attributions:
            if att.source_start is None and att.cue_start is not None:
                _clause_source(ctx, att)
            elif att.source_start is not None and (_raising_cue(ctx, att)
                                                   or _reduced_passive(ctx, att)):
                att.source_start = att.source_end = att.source_text = att.source_id = None
                att.source_kind = "author"
    _annotate(doc)


def _raising_cue(ctx: _Ctx, att: Attribution) -> bool:
    """A raising verb with its complement ('X seems to …', 'X appears ready', 'it appears
    that …'): its subject holds no view, the judgement is the author's (PolNeAR leaves such
    records sourceless); 'X appeared on television' is no raising use."""
    span = ctx.sdoc.char_span(att.cue_start, att.cue_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    return root.lemma_.lower() in ctx.lx.raising and any(
        c.dep_ in ("xcomp", "acomp", "oprd", "ccomp") for c in root.children)


def _reduced_passive(ctx: _Ctx, att: Attribution) -> bool:
    """A bare past participle cue without an agent ('Asked about the deal, X said …', 'also
    known as …'): the clause's subject is the one asked or named, not the source."""
    span = ctx.sdoc.char_span(att.cue_start, att.cue_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    return root.tag_ == "VBN" and root.dep_ in ("advcl", "acl") and not any(
        c.dep_ in ("agent", "aux", "auxpass", "nsubj", "nsubjpass") for c in root.children)


def _clause_source(ctx: _Ctx, att: Attribution) -> None:
    """Broad mode: a sourceless record takes the subject of its cue's clause, or of the clause
    a participle, infinitive, conjunct or 'by -ing' hangs on ("X …, saying …"), the noun a
    relative or participial clause modifies, the object of 'according to', or the noun right
    before the cue; a source inside the content, the cue or a quotation is none."""
    span = ctx.sdoc.char_span(att.cue_start, att.cue_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return
    if any(c.dep_ == "auxpass" for c in span.root.children):
        return  # a passive cue's subject is its content; its agent would be the source
    if _quote_then_source(ctx, att):
        return
    for subj in (_clause_subject(span.root), _according_object(span), _left_noun(ctx, span)):
        if subj is None or subj.pos_ not in ("NOUN", "PROPN", "PRON") \
                or subj.ent_type_ in ("TIME", "DATE") \
                or subj.lower_ == "it" and span.root.pos_ != "VERB":  # "it is obvious that …"
            continue
        n = ctx.tok_unit[subj.i]
        a, b = _np_span(ctx, subj, ctx.units[n] if n >= 0 else None)
        if b > span.start and a < span.start:  # a noun hung on the cue by a bad parse
            b = span.start
        s0 = ctx.sdoc[a].idx
        s1 = ctx.sdoc[b - 1].idx + len(ctx.sdoc[b - 1])
        if s0 < att.content_end and att.content_start < s1 or in_quote(ctx.text, s0) \
                or s0 < att.cue_end and att.cue_start < s1:
            continue
        att.source_start, att.source_end, att.source_text = s0, s1, ctx.text[s0:s1]
        return


def _quote_then_source(ctx: _Ctx, att: Attribution) -> bool:
    """'“…,” Police Chief Jordan said' parsed as one clause: the content ends at the closing
    quote and the few words between it and the cue are the source."""
    text = ctx.text
    if att.content_end > att.cue_start or att.cue_start - att.content_end > 2:
        return False
    body = text[att.content_start:att.content_end]
    k = max(body.rfind("”"), body.rfind('"'))
    if k <= 0:
        return False
    q = att.content_start + k + 1
    m = re.fullmatch(r"([,\s]*)([A-Z][^\n“”\",;:]{1,80}?)\s*", text[q:att.cue_start])
    if m is None or len(m.group(2).split()) > 8:
        return False
    s0 = q + m.start(2)
    att.source_start, att.source_end = s0, s0 + len(m.group(2))
    att.source_text = text[att.source_start:att.source_end]
    att.content_end = q
    return True


def _clause_subject(v: Any) -> Any:
    """The nsubj of v or of the clause it hangs on; the noun a relative or acl modifies."""
    for _ in range(4):
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is None and v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN"):
            subj = v.head
        if subj is not None:
            return subj
        if v.dep_ == "pcomp" and v.head.dep_ == "prep":  # "began by saying …"
            v = v.head.head
            continue
        if v.dep_ not in ("advcl", "xcomp", "conj") or v.head is v:
            return None
        v = v.head
    return None


def _according_object(span: Any) -> Any:
    """'according to X': X."""
    for t in span:
        if t.lower_ == "according":
            for c in t.children:
                if c.lower_ == "to":
                    return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _in_closed_quote(ctx: _Ctx, pos: int) -> bool:
    """Char pos lies inside a quotation opened on its line that closes later in its
    paragraph (a quotation left open runs on into the next paragraph, or is a stray mark).
    A straight double quote opens after a space or the line start and closes elsewhere."""
    text = ctx.text
    start = text.rfind("\n", 0, pos) + 1
    depth = 0
    for m in _QUOTE_MARK.finditer(text, start, pos):
        i = m.start()
        # a mark opens after a space or the line start ('“…,“ she said': a mistyped close)
        opening = i == start or text[i - 1] in _OPENERS if m.group() in "“\"" else False
        depth = depth + 1 if opening else max(0, depth - 1)
    if depth == 0 and text[start:pos].count("''") % 2 == 0:
        return False
    rest = text[pos:ctx.paras[_para_of(ctx, pos)][1]]
    return "”" in rest or '"' in rest or "''" in rest


_QUOTE_MARK = re.compile(r'[“”"]')
_OPENERS = frozenset(" \t\n\u00a0([{—–-")


def _unquoted(ctx: _Ctx, atts: list[Attribution]) -> list[Attribution]:
    """Broad mode: PolNeAR attributes a quotation to its speaker only, so records whose cue
    stands inside quotation marks go; records nested in one move up to its parent."""
    gone = {id(a) for a in atts if a.cue_start is not None and a.cue != ":"
            and _in_closed_quote(ctx, a.cue_start)}
    if not gone:
        return atts
    for a in atts:
        while a.parent is not None and id(a.parent) in gone:
            a.parent = a.parent.parent
    return [a for a in atts if id(a) not in gone]


def _left_noun(ctx: _Ctx, span: Any) -> Any:
    """The noun right before an active verb cue in its sentence ("X both documents …") when
    the parse gave the verb no subject; adverbs, auxiliaries and 'both' may stand between."""
    if span.root.pos_ != "VERB" or any(c.dep_ in ("auxpass", "nsubjpass")
                                        for c in span.root.children):
        return None  # a passive's subject is its content, not its source
    i = span.start - 1
    unit = ctx.tok_unit[span.start]
    while i >= 0 and ctx.tok_unit[i] == unit and (
            ctx.sdoc[i].pos_ in ("ADV", "AUX", "PART") or ctx.sdoc[i].lower_ == "both"):
        i -= 1
    if i < 0 or ctx.tok_unit[i] != unit or ctx.sdoc[i].pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return ctx.sdoc[i]


# cue classes whose record before its parent's cue is a statement of its own in PolNeAR
_UNNEST_CLASSES = frozenset({"report", "other", "question", "evidence"})


def _univocal(ctx: _Ctx, atts: list[Attribution]) -> None:
    """Broad mode (PolNeAR is univocal: an attribution inside another one's extent is a
    relation of its own, not a nested one). A record outside quotation marks leaves its parent
    when it is a block sentence, sits under a block or carried record, has no source, or is a
    statement standing before its parent's cue ('X said …, Y added')."""
    for a in atts:
        p = a.parent
        if p is None or a.cue_start is None or in_quote(ctx.text, a.cue_start):
            continue
        before = p.cue_start is not None and a.cue_start < p.cue_start
        if a.scope == "block" or p.scope in ("block", "carried") or a.source_start is None \
                or before and a.cue_class in _UNNEST_CLASSES:
            a.parent = None



def _starts_at_turn(ctx: _Ctx, f: _Found, turns: list[tuple[int, int, int, int]]) -> bool:
    """A verb cue found inside a speaker turn's label line is the turn itself."""
    return any(a <= (f.cue[0] if f.cue else -1) < colon + 1 for a, _b, colon, _p in turns)


def _has_block(f: _Found, blocks: list[_Found]) -> bool:
    return any(b.cue == f.cue for b in blocks)


def _materialize(ctx: _Ctx, found: list[_Found]) -> list[Attribution]:
    text = ctx.doc.text
    atts: list[Attribution] = []
    for f in found:
        kind, sid = _classify(ctx, f)
        if f.src is not None:
            s0 = ctx.sdoc[f.src[0]].idx
            last = ctx.sdoc[f.src[1] - 1]
            s1 = last.idx + len(last)
            src_text: str | None = text[s0:s1]
        else:
            s0 = s1 = None
            src_text = None
        cue_text = text[f.cue[0]:f.cue[1]] if f.cue else None
        atts.append(Attribution(
            source_kind=kind, source_text=src_text, source_start=s0, source_end=s1,
            cue=cue_text, cue_start=f.cue[0] if f.cue else None,
            cue_end=f.cue[1] if f.cue else None,
            content_start=f.content[0], content_end=f.content[1], source_id=sid,
            scope=f.scope, cue_class=f.cls))
    _harmonize(atts)
    atts.sort(key=lambda a: (a.content_start, a.content_end))
    _nest(atts)
    return atts


def _norm_source(text: str | None) -> str:
    words = (text or "").lower().split()
    if words and words[0] in _DETS:
        words = words[1:]
    return " ".join(words)


def _harmonize(atts: list[Attribution]) -> None:
    """One source text, one kind and id in a document: an outlet seen citing its own article
    is media everywhere; a known id spreads to the other mentions."""
    best: dict[str, tuple[str, str | None]] = {}
    rank = {"media": 3, "person": 2, "organization": 1}
    for a in atts:
        key = _norm_source(a.source_text)
        if not key or a.source_kind not in rank:
            continue
        kind, sid = best.get(key, ("", None))
        if rank[a.source_kind] > rank.get(kind, 0):
            kind = a.source_kind
        best[key] = (kind, sid or a.source_id)
    for a in atts:
        key = _norm_source(a.source_text)
        if key in best and a.source_kind in rank:
            a.source_kind, sid = best[key]
            a.source_id = a.source_id or sid


def _nest(atts: list[Attribution]) -> None:
    """parent = the smallest other record whose content holds this record's cue (or, for a
    speaker turn, the block record of the same sentence span)."""
    for a in atts:
        anchor = a.cue_start if a.cue_start is not None else a.source_start
        if anchor is None:
            continue
        best: Attribution | None = None
        for p in atts:
            if p is a or p.scope == "carried" and a.scope == "carried":
                continue
            inside = p.content_start <= anchor < p.content_end and not (
                p.content_start == a.content_start and p.content_end == a.content_end)
            if inside and (best is None or (p.content_end - p.content_start) < (
                    best.content_end - best.content_start)):
                best = p
        if best is not None and not within(best, a):
            a.parent = best
    _turns_under_blocks(atts)


def within(p: Attribution, a: Attribution) -> bool:
    """Is `p` the attribution `a` or told inside it (one of its descendants)?"""
    node: Attribution | None = p
    while node is not None:
        if node is a:
            return True
        node = node.parent
    return False


def _turns_under_blocks(atts: list[Attribution]) -> None:
    """Speaker turns inside a transcript block belong to the block's source."""
    blocks = [a for a in atts if a.scope == "block" and a.cue != ":"]
    for a in atts:
        if a.cue != ":" or a.parent is not None or not blocks:
            continue
        before = [b for b in blocks if b.content_start < a.content_start]
        after = [b for b in blocks if b.content_start > a.content_start]
        if before and after:
            outer = before[-1]
            if any(b.cue_start == outer.cue_start for b in after):
                a.parent = outer


def _annotate(doc: Document) -> None:
    """Per-record modality and author stance (the statement's main proposition)."""
    from claimbase.extract.modality import record_modality
    from claimbase.extract.stance import stance_of

    for att in doc.attributions:
        head = _content_head(doc, att)
        att.modality = record_modality(doc, att, head)
        att.author_stance = stance_of(doc, att, None)


def _content_head(doc: Document, att: Attribution) -> Any:
    span = doc.spacy_doc.char_span(att.content_start, att.content_end,
                                   alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    first = top = None
    a, b = span.start, span.end
    for t in span:
        if t.is_space:
            continue
        if first is None:
            first = t
        h = t.head.i
        if not (a <= h < b) or h == t.i:
            if t.pos_ in ("VERB", "AUX"):
                return t
            if top is None:
                top = t
    return top if top is not None else first


def keep_statements(doc: Document, res: Any) -> None:
    """Stage: drop the broad records (wills and positions, `uninherited_cue_classes`) unless
    `settings.broad_attributions`; RECORD.md's attribution records are reported statements.
    Records nested in a dropped one move up to its parent."""
    if getattr(getattr(res, "settings", None), "broad_attributions", False):
        return
    broad = lex().uninherited
    if not any(att.cue_class in broad for att in doc.attributions):
        return
    for att in doc.attributions:
        while att.parent is not None and att.parent.cue_class in broad:
            att.parent = att.parent.parent
    doc.attributions = [att for att in doc.attributions if att.cue_class not in broad]


def attribution_at(doc: Document, start: int, end: int) -> Attribution | None:
    """The innermost attribution whose content covers [start, end) (None = author voice).

    Records whose cue class only reports a will or a position (`uninherited_cue_classes`:
    "X wants to …", "X backs …") are skipped: the events inside stay with the outer source.
    """
    best: Attribution | None = None
    skip = lex().uninherited
    for att in doc.attributions:
        if att.cue_class in skip:
            continue
        if att.content_start <= start and end <= att.content_end and (
                best is None or (att.content_end - att.content_start) < (
                    best.content_end - best.content_start)):
            best = att
    return best
