"""Directory inputs: recursive, sorted, known extensions only, refs joined to the given path."""

from __future__ import annotations

import json
import os

from claimbase.config import Settings
from claimbase.ingest.readers import InputError, read_inputs
from claimbase.record import Document

PROSE = (
    "Government troops entered the market town of Eastmoor on Sunday after the militia that "
    "had held it for two years withdrew across the Valden river, residents said. The army "
    "said its engineers were clearing mines from the main road and that aid convoys would "
    "follow once the bridges had been inspected by the district council.\n"
)


def build_tree(root):
    (root / "b").mkdir(parents=True)
    (root / "a" / "deep").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "z.txt").write_text(PROSE)
    (root / "b" / "y.md").write_text("# Troops enter Eastmoor\n\n" + PROSE)
    (root / "a" / "deep" / "x.jsonl").write_text(json.dumps({"id": "j1", "text": PROSE}) + "\n")
    (root / "a" / "notes.docx").write_bytes(b"PK\x03\x04 not ours")
    (root / "a" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (root / ".hidden" / "secret.txt").write_text(PROSE)


def test_directory_is_recursive_and_sorted(tmp_path):
    root = tmp_path / "corpus"
    build_tree(root)
    given = str(root)
    docs = list(read_inputs([given], Settings()))
    assert all(isinstance(d, Document) for d in docs)
    assert [d.ref for d in docs] == [
        "j1",
        os.path.join(given, "b", "y.md"),
        os.path.join(given, "z.txt"),
    ]


def test_relative_directory_refs(tmp_path, monkeypatch):
    build_tree(tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    refs = [d.ref for d in read_inputs(["corpus/b"], Settings())]
    assert refs == [os.path.join("corpus/b", "y.md")]


def test_empty_directory_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    [err] = list(read_inputs([str(tmp_path / "empty")], Settings()))
    assert isinstance(err, InputError) and "no readable files" in err.reason


def test_gzip_files_in_a_directory(tmp_path):
    import gzip

    root = tmp_path / "packed"
    root.mkdir()
    with gzip.open(root / "a.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g1", "text": PROSE}) + "\n")
    with gzip.open(root / "b.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write(PROSE)
    (root / "c.txt.gz").write_bytes(b"not gzip at all")
    items = list(read_inputs([str(root)], Settings()))
    assert [type(i).__name__ for i in items] == ["Document", "Document", "InputError"]
    assert items[0].ref == "g1" and items[1].text == PROSE
    assert "gzip" in items[2].reason
