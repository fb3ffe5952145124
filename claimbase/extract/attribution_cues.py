"""The attribution/modality/stance lexicons of `claimbase/data/cues.yaml`, compiled once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from claimbase.config import DATA_DIR

CUES_PATH = DATA_DIR / "cues.yaml"


@dataclass(frozen=True, slots=True)
class Cues:
    """Every list of cues.yaml as a frozenset (phrases as tuples of lower-case words)."""

    raw: dict[str, Any]
    reporting_verbs: dict[str, str]
    phrasal_cues: dict[str, frozenset[str]]
    stance_prior: dict[str, str]

    def set(self, name: str) -> frozenset[str]:
        return _as_set(self.raw, name)

    def phrases(self, name: str) -> tuple[tuple[str, ...], ...]:
        return _as_phrases(self.raw, name)


_SETS: dict[tuple[int, str], frozenset[str]] = {}
_PHRASES: dict[tuple[int, str], tuple[tuple[str, ...], ...]] = {}


def _as_set(raw: dict[str, Any], name: str) -> frozenset[str]:
    key = (id(raw), name)
    if key not in _SETS:
        values = raw.get(name)
        if values is None:
            raise KeyError(f"cues.yaml: missing list {name!r}")
        bad = [v for v in values if not isinstance(v, str | int | float) or isinstance(v, bool)]
        if bad:  # YAML reads bare on/off/yes/no as booleans: quote them in the file
            raise ValueError(f"cues.yaml: list {name!r} has non-word values {bad!r}")
        _SETS[key] = frozenset(str(v).lower() for v in values)
    return _SETS[key]


def _as_phrases(raw: dict[str, Any], name: str) -> tuple[tuple[str, ...], ...]:
    key = (id(raw), name)
    if key not in _PHRASES:
        words = sorted((tuple(str(v).lower().split()) for v in raw.get(name, [])),
                       key=len, reverse=True)
        _PHRASES[key] = tuple(words)
    return _PHRASES[key]


def load_cues(path: Path | str = CUES_PATH) -> Cues:
    """Read a cues file; a clear error names the file when it is missing or malformed."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: cue lexicon not found") from None
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(raw, dict) or "reporting_verbs" not in raw:
        raise ValueError(f"{path}: expected a mapping with 'reporting_verbs'")
    verbs = {str(k).lower(): str(v) for k, v in raw["reporting_verbs"].items()}
    phrasal = {str(k).lower(): frozenset(str(p).lower() for p in v)
               for k, v in (raw.get("phrasal_cues") or {}).items()}
    if any(isinstance(p, bool) for v in (raw.get("phrasal_cues") or {}).values() for p in v):
        raise ValueError(f"{path}: phrasal_cues holds a boolean (quote on/off/yes/no)")
    prior = {str(k): str(v) for k, v in (raw.get("stance_prior") or {}).items()}
    return Cues(raw=raw, reporting_verbs=verbs, phrasal_cues=phrasal, stance_prior=prior)


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The packaged lexicons, loaded on first use."""
    return load_cues()


# --------------------------------------------------------------------------------------
# Learned cue frames (claimbase/data/learned_cues.tsv, written by scripts/learn_cues.py)

LEARNED_PATH = DATA_DIR / "learned_cues.tsv"
FRAMES = ("poss", "ccomp", "xcomp", "dobj", "prep", "none")


def frame_of(tok: Any) -> str:
    """The syntactic frame of a cue candidate: its strongest complement ("poss" for a noun
    with a possessor: "X's plan to …", "his view of …")."""
    deps = {c.dep_ for c in tok.children}
    if tok.pos_ == "NOUN" and "poss" in deps:
        return "poss"
    if "ccomp" in deps:
        return "ccomp"
    if "xcomp" in deps:
        return "xcomp"
    if "dobj" in deps:
        return "dobj"
    if "prep" in deps:
        return "prep"
    return "none"


def load_learned(path: Path | str = LEARNED_PATH) -> dict[tuple[str, str, str], float]:
    """(lemma, coarse POS, frame) -> how often such a word heads an attribution cue."""
    path = Path(path)
    out: dict[tuple[str, str, str], float] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: learned cue table not found") from None
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#") or line.startswith("lemma\t"):
            continue
        parts = line.split("\t")
        if len(parts) < 6:
            raise ValueError(f"{path}:{n}: expected 6 tab-separated columns")
        out[(parts[0], parts[1], parts[2])] = float(parts[5])
    return out


@lru_cache(maxsize=1)
def learned() -> dict[tuple[str, str, str], float]:
    """The packaged learned cue table, loaded on first use."""
    return load_learned()


# PLOVER types of physical acts: a verb that codes one of these is an event, never a cue.
MATERIAL_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "AID", "RETREAT", "SANCTION",
                            "COOPERATE", "CONCEDE"})


@lru_cache(maxsize=1)
def material_event_verbs() -> frozenset[str]:
    """Verbs of claimbase/data/event_lexicon.yaml whose every sense is a physical act
    ("attack", "withdraw", "deploy"): learned cue frames never apply to them."""
    path = DATA_DIR / "event_lexicon.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        return frozenset()
    out = set()
    for lemma, senses in (raw.get("verbs") or {}).items():
        types = {s.get("type") for s in senses or [] if isinstance(s, dict)}
        if types and types <= MATERIAL_TYPES:
            out.add(str(lemma).lower())
    return frozenset(out)


# --------------------------------------------------------------------------------------
# Cue-head model (claimbase/data/cue_model.tsv, written by scripts/learn_cue_model.py):
# a logistic regression over the features below, trained on PolNeAR train.

MODEL_PATH = DATA_DIR / "cue_model.tsv"
MODEL_POS = frozenset({"VERB", "NOUN", "ADJ"})
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_CLIMB_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp"})
_IT = frozenset({"it", "this", "that", "there", "which", "what"})
_WH = frozenset({"who", "whom", "which", "that"})
_PERSON_PRON = frozenset({"he", "she", "i", "we", "they", "you", "him", "her", "them", "us",
                          "me", "who", "whom"})
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "crat", "ee", "man", "woman", "people",
                  "public", "team", "staff", "camp", "side", "party", "group", "official")


@dataclass(frozen=True, slots=True)
class CueModel:
    """Feature weights, the decision threshold and the lemmas worth scoring."""

    weights: dict[str, float]
    threshold: float
    lemmas: frozenset[str]

    def score(self, feats: list[str]) -> float:
        """Log-odds that the token heads an attribution cue."""
        w = self.weights
        return sum(w.get(f, 0.0) for f in feats)


def model_subject(tok: Any) -> Any:
    """The subject of a cue candidate: its own, a shared one (xcomp, advcl, conj, pcomp), the
    noun an acl hangs off, or a noun's possessor."""
    node = tok
    for _ in range(3):
        for c in node.children:
            if c.dep_ in _SUBJ_DEPS:
                return c
        if node.pos_ == "NOUN":
            return next((c for c in node.children if c.dep_ == "poss"), None)
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head
        if node.dep_ == "acomp":
            node = node.head
            continue
        if node.dep_ == "pcomp" and node.head.dep_ == "prep":
            node = node.head.head
            continue
        if node.dep_ not in _CLIMB_DEPS or node.head is node:
            return None
        node = node.head
    return None


def subject_type(subj: Any) -> str:
    """A coarse type of a subject: none, it, wh, pron, ent, propn, agent or noun."""
    if subj is None:
        return "none"
    low = subj.lower_
    if low in _WH and subj.tag_ in ("WP", "WDT"):
        return "wh"
    if low in _IT:
        return "it"
    if subj.pos_ == "PRON":
        return "pron" if low in _PERSON_PRON else "opron"
    if subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return "ent"
    if subj.pos_ == "PROPN":
        return "propn"
    if subj.lemma_.lower().endswith(_AGENT_ENDINGS):
        return "agent"
    return "noun"


def in_quote(text: str, pos: int) -> bool:
    """Whether char pos of text lies inside a quotation opened on its line."""
    start = text.rfind("\n", 0, pos) + 1
    seg = text[start:pos]
    return seg.count("“") > seg.count("”") or seg.count('"') % 2 == 1 \
        or seg.count("''") % 2 == 1


def cue_features(tok: Any, cover: str = "free", quoted: bool = False) -> list[str]:
    """The features of a cue candidate (a verb, noun or adjective); `cover` tells whether it
    lies inside the content of a rule-found attribution ("in") or not ("free"), `quoted`
    whether it stands inside a quotation (`in_quote`)."""
    lw, pos, dep = tok.lemma_.lower(), tok.pos_, tok.dep_
    frame = frame_of(tok)
    subj = model_subject(tok)
    st = subject_type(subj)
    deps = {c.dep_ for c in tok.children}
    feats = ["b", f"l={lw}|{pos}", f"lf={lw}|{pos}|{frame}", f"ld={lw}|{dep}",
             f"pd={pos}|{dep}", f"pf={pos}|{frame}", f"t={tok.tag_}", f"st={st}",
             f"sd={st}|{dep}", f"ls={lw}|{st}", f"sp={st}|{pos}"]
    if "neg" in deps:
        feats.append("neg")
    if "nsubjpass" in deps:
        feats.append("pass" + ("|agent" if "agent" in deps else ""))
    if dep in _CLIMB_DEPS or dep == "acomp":
        feats.append(f"hl={tok.head.lemma_.lower()}|{dep}")
    if quoted:
        feats.append("q")
        feats.append(f"q|{st}")
    feats.append(f"cov={cover}|{pos}|{quoted}")
    feats.append(f"cl={lw}|{cover}")
    for d in ("ccomp", "xcomp", "dobj", "prep", "advcl", "dative", "oprd", "attr"):
        if d in deps:
            feats.append(f"c={d}|{pos}")
    for c in tok.children:
        if c.dep_ == "prep" and c.i > tok.i:
            feats.append(f"p={c.lower_}")
            feats.append(f"lp={lw}|{c.lower_}")
            break
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is not None:
        feats.append(f"o={subject_type(obj)}")
        feats.append(f"lo={lw}|{subject_type(obj)}")
    feats.append(f"in={_governor(tok)}")
    if subj is not None:
        feats.append(f"sl={subj.lemma_.lower()}")
    if obj is not None:
        feats.append(f"ol={obj.lemma_.lower()}")
    return feats


def _governor(tok: Any) -> str:
    """How the candidate sits in its sentence: under a clausal complement (ccomp) of a verb,
    inside a relative clause or adverbial clause, or at the top."""
    node = tok
    for _ in range(6):
        if node.dep_ == "ROOT" or node.head is node:
            return "top"
        if node.dep_ in ("ccomp", "relcl", "advcl", "acl", "pcomp", "xcomp", "conj"):
            return f"{node.dep_}|{node.head.lemma_.lower() if node.dep_ == 'ccomp' else ''}"
        node = node.head
    return "deep"


def load_model(path: Path | str = MODEL_PATH) -> CueModel:
    """Read the cue-head model; a clear error names the file when it is malformed."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: cue model not found") from None
    weights: dict[str, float] = {}
    threshold = 0.0
    lemmas: set[str] = set()
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise ValueError(f"{path}:{n}: expected 'feature<TAB>weight'")
        key, val = parts
        if key == "@threshold":
            threshold = float(val)
        elif key == "@lemma":
            lemmas.add(val)
        else:
            weights[key] = float(val)
    return CueModel(weights, threshold, frozenset(lemmas))


@lru_cache(maxsize=1)
def cue_model() -> CueModel:
    """The packaged cue-head model, loaded on first use."""
    return load_model()
