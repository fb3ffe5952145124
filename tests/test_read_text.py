"""Plain-text and Markdown readers: the text exactly as decoded, offsets into the raw text."""

from __future__ import annotations

import io
import json
import sys

from claimbase.config import Settings
from claimbase.ingest.readers import InputError, read_inputs
from claimbase.record import Document
from tests.conftest import shared_path

BODY = (
    "Negotiators from both delegations left the lakeside talks on Tuesday without an "
    "agreement, officials in the provincial capital said, after two days of meetings that "
    "were meant to end the fighting along the Valden river.\n\n"
    "The district council said that shelling had resumed overnight near the northern bridge "
    "and that at least four people had been wounded in the village of Eastmoor.\n\n"
    "A spokesman for the mediators told reporters that a new round would be held next week.\n"
)


def read_one(path: str, settings: Settings | None = None) -> Document | InputError:
    items = list(read_inputs([path], settings or Settings()))
    assert len(items) == 1, items
    return items[0]


def test_txt_is_read_exactly(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Talks stall on the Valden\n\n" + BODY, encoding="utf-8")
    doc = read_one(str(path))
    assert isinstance(doc, Document)
    assert doc.text == path.read_text(encoding="utf-8")
    assert doc.ref == str(path)
    assert doc.source_format == "txt"


def test_markdown_keeps_markup_in_text(tmp_path):
    raw = "# Talks stall on the *Valden*\n\nBy [Jane Roe](#)\n\n" + BODY.replace(
        "Eastmoor", "[Eastmoor](https://example.org/eastmoor)")
    path = tmp_path / "story.md"
    path.write_text(raw, encoding="utf-8")
    doc = read_one(str(path))
    assert isinstance(doc, Document)
    assert doc.text == raw  # nothing rewritten: offsets index the raw text
    assert doc.source_format == "md"
    start = doc.text.index("Eastmoor")
    assert doc.analysis_text[start:start + 8] == "Eastmoor"
    assert len(doc.analysis_text) == len(doc.text)


def test_legacy_encoding_is_detected(tmp_path):
    text = ("Le ministère a déclaré mardi que les forces gouvernementales étaient arrivées à "
            "l'entrée de la ville après trois jours de combats. Les habitants ont quitté leurs "
            "maisons et se sont réfugiés dans les villages voisins, selon les autorités "
            "locales qui ont demandé une trêve immédiate pour évacuer les blessés. " * 2)
    path = tmp_path / "depeche.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = read_one(str(path))
    assert isinstance(doc, Document)
    assert "ministère" in doc.text and "évacuer" in doc.text


def test_utf8_bom_is_not_text(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + BODY.encode("utf-8"))
    doc = read_one(str(path))
    assert isinstance(doc, Document)
    assert doc.text == BODY


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BODY.encode("utf-8"))))
    doc = read_one("-")
    assert isinstance(doc, Document)
    assert doc.text == BODY
    assert doc.ref == "-"


def test_stdin_jsonl_is_sniffed(monkeypatch):
    lines = "\n".join(json.dumps({"id": f"s{i}", "text": BODY}) for i in range(2))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode("utf-8"))))
    docs = list(read_inputs(["-"], Settings()))
    assert [d.ref for d in docs] == ["s0", "s1"]


def test_seeds_round_trip_to_gold_doc_ids(seed_paths):
    """The reader's text is the file's text: same doc_id as the gold records."""
    gold_dir = shared_path("gold", "seeds")
    docs = [d for d in read_inputs([str(p) for p in seed_paths], Settings())]
    assert len(docs) == len(seed_paths) == 5
    for path, doc in zip(seed_paths, docs, strict=True):
        assert isinstance(doc, Document), doc
        gold = json.loads((gold_dir / f"{path.stem}.events.jsonl").open().readline())
        assert doc.doc_id == gold["doc_id"]
        assert doc.text == path.read_text(encoding="utf-8")
