"""The demo corpus in examples/corpus: well-formed, labelled, headed, and our own text."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from itertools import combinations
from pathlib import Path

import pytest

from tests.conftest import CORPUS, shared_path

LABELS = CORPUS.parent / "corpus_labels.json"  # beside the corpus, not an article in it
ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".jsonl"}
BYLINE = re.compile(r"^\s*(?:\*\*)?By\b\s*(?:\*\*)?\s*\S", re.IGNORECASE | re.MULTILINE)
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = re.compile(
    rf"\b(?:(?:{MONTHS}) \d{{1,2}}, \d{{4}}|\d{{1,2}} (?:{MONTHS}) \d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{2}\.\d{2}\.\d{4})\b"
)
REPOST_CUE = re.compile(
    r"the original source of this article is|first appeared (?:on|in)", re.IGNORECASE
)
TURN = re.compile(r"^[A-Z][\w.'-]+(?: [\w.'-]+){0,4}, [^:\n]{2,60}: \S", re.MULTILINE)
DENIAL_CUE = re.compile(r"\bdenied (?:reports|that|any)\b|\bdid not carry out\b", re.IGNORECASE)
HEADER_LINES = 25


class _TextOnly(HTMLParser):
    """Collect the visible text of an HTML page, one line per block."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in {"script", "style", "head"}:
            self._skip += 1
        elif tag in {"p", "h1", "h2", "h3", "div", "li", "br", "time", "header", "footer"}:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "head"}:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(path: Path) -> str:
    """The readable text of one corpus file (HTML without tags)."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        parser = _TextOnly()
        parser.feed(raw)
        return "".join(parser.parts)
    return raw


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.suffix in ARTICLE_SUFFIXES)


def jsonl_items(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def articles() -> dict[str, str]:
    """Every article by its label name ('file' or 'file#id' for JSONL items) -> text."""
    out: dict[str, str] = {}
    for path in corpus_files():
        if path.suffix == ".jsonl":
            for item in jsonl_items(path):
                out[f"{path.name}#{item['id']}"] = item["text"]
        else:
            out[path.name] = visible_text(path)
    return out


def labels() -> dict:
    return json.loads(LABELS.read_text(encoding="utf-8"))


def label_names(lab: dict) -> set[str]:
    """Every document name mentioned anywhere in corpus_labels.json."""
    names = set(lab["documents"])
    names |= {name for pair in lab["reposts"] for name in pair}
    for group in ("same_event", "contradictions"):
        for entry in lab[group]:
            names |= set(entry["files"]) | set(entry.get("tolls", {}))
            names |= set(entry.get("also_mentioned_in", []))
    names |= {entry["file"] for entry in lab["singletons"]}
    names |= set(lab["independent_outlets"]["by_file"])
    return names


def shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb)


def test_corpus_has_enough_articles() -> None:
    assert len(articles()) >= 24


def test_every_file_is_utf8() -> None:
    for path in sorted(CORPUS.iterdir()):
        path.read_bytes().decode("utf-8")  # raises UnicodeDecodeError on bad bytes


def test_formats_present() -> None:
    suffixes = [p.suffix for p in corpus_files()]
    assert suffixes.count(".html") >= 2
    assert suffixes.count(".jsonl") == 1
    assert suffixes.count(".txt") + suffixes.count(".md") >= 20


def test_jsonl_items_have_all_fields() -> None:
    path = CORPUS / "levant_wire_items.jsonl"
    items = jsonl_items(path)
    assert len(items) == 3
    for item in items:
        for field in ("id", "text", "title", "outlet", "author", "published", "url"):
            assert isinstance(item.get(field), str) and item[field].strip(), (item["id"], field)
        assert DATE.fullmatch(item["published"]), item["id"]


@pytest.mark.parametrize(
    "path", [p for p in corpus_files() if p.suffix != ".jsonl"], ids=lambda p: p.name
)
def test_article_has_byline_and_date_line(path: Path) -> None:
    header = "\n".join(
        line for line in visible_text(path).splitlines() if line.strip()
    ).splitlines()[:HEADER_LINES]
    header_text = "\n".join(header)
    assert BYLINE.search(header_text), f"{path.name}: no 'By <name>' line in the header"
    assert DATE.search(header_text), f"{path.name}: no date line in the header"


@pytest.mark.parametrize(
    "path", [p for p in corpus_files() if p.suffix != ".jsonl"], ids=lambda p: p.name
)
def test_article_length(path: Path) -> None:
    words = len(re.findall(r"\w+", visible_text(path)))
    assert 250 <= words <= 1400, f"{path.name}: {words} words"


def test_labels_name_existing_files() -> None:
    lab = labels()
    existing = set(articles())
    missing = sorted(label_names(lab) - existing)
    assert not missing, f"corpus_labels.json names unknown documents: {missing}"
    assert set(lab["documents"]) == existing, "every article needs a documents entry"


def test_labels_metadata_matches_headers() -> None:
    texts = articles()
    for name, meta in labels()["documents"].items():
        text = texts[name]
        if "#" in name:
            file, item_id = name.split("#")
            item = next(i for i in jsonl_items(CORPUS / file) if i["id"] == item_id)
            assert (item["title"], item["author"], item["published"]) == (
                meta["title"],
                meta["author"],
                meta["published"],
            )
            continue
        assert meta["title"] in text, name
        assert meta["author"] in text, name
        assert meta["published"].startswith("2019-"), name


def test_repost_pairs_are_near_copies_and_other_pairs_are_not() -> None:
    lab, texts = labels(), articles()
    reposts = {frozenset(pair) for pair in lab["reposts"]}
    assert reposts
    for a, b in combinations(sorted(texts), 2):
        score = jaccard(texts[a], texts[b])
        if frozenset((a, b)) in reposts:
            assert score >= 0.45, (a, b, score)
        else:
            assert score < 0.2, (a, b, score)


def test_event_labels_are_well_formed() -> None:
    lab = labels()
    ids = {entry["id"] for entry in lab["same_event"]}
    assert len(ids) == len(lab["same_event"]) >= 5
    for entry in lab["same_event"]:
        assert len(entry["files"]) >= 2, entry["id"]
        assert re.fullmatch(r"2019-\d{2}-\d{2}", entry["date"]), entry["id"]
        assert set(entry["tolls"]) <= set(entry["files"]), entry["id"]
    kinds = {c["kind"] for c in lab["contradictions"]}
    assert kinds == {"casualties", "denial", "perpetrator"}
    for c in lab["contradictions"]:
        assert c["event"] is None or c["event"] in ids
        if c["kind"] == "casualties" and c["event"] and len(c["files"]) > 1:
            tolls = next(e["tolls"] for e in lab["same_event"] if e["id"] == c["event"])
            assert len({tolls[f] for f in c["files"]}) > 1, c["description"]


def test_independent_outlets_follow_reposts() -> None:
    lab = labels()
    by_file = lab["independent_outlets"]["by_file"]
    for a, b in lab["reposts"]:
        assert by_file[a] == by_file[b], (a, b)
    for entry in lab["same_event"]:
        expected = {by_file[f] for f in entry["files"]}
        assert lab["independent_outlets"]["by_event"][entry["id"]]["count"] == len(expected)


def test_phenomena_present() -> None:
    joined = "\n".join(articles().values())
    assert REPOST_CUE.search(joined), "no re-post line"
    assert len(TURN.findall(joined)) >= 5, "no transcript speaker turns"
    assert DENIAL_CUE.search(joined), "no denial cue"
    for cue in (
        "informed sources",
        "asked not to be named",
        "local sources",
        "rumours are circulating",
        "it is said that",
        "reportedly",
        "allegedly",
        "threatened to",
        "if ",
    ):
        assert cue in joined.lower(), cue


def _normalise(line: str) -> str:
    return " ".join(line.split()).strip().lower()


def test_no_seed_lines_in_corpus() -> None:
    seeds = sorted(shared_path("seeds").glob("*.txt"))
    seed_lines = {
        _normalise(line)
        for path in seeds
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.split()) >= 4
    }
    for name, raw in articles().items():
        text = _normalise(raw)
        own_lines = {_normalise(line) for line in raw.splitlines()}
        for seed_line in seed_lines:
            assert seed_line not in own_lines, f"{name} repeats a seed line"
            if len(seed_line.split()) >= 8:
                assert seed_line not in text, f"{name} contains a seed sentence"
