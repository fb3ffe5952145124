"""JSON and JSON Lines readers, and `document_from_dict`."""

from __future__ import annotations

import json

import pytest

from claimbase.config import Settings
from claimbase.ingest.readers import InputError, document_from_dict, normalise_date, read_inputs
from claimbase.record import Document
from tests.conftest import shared_path

TEXT = ("Militia fighters shelled the outskirts of Eastmoor on Monday, the district council "
        "said, and at least four people were wounded near the northern bridge.")


def read(path) -> list[Document | InputError]:
    return list(read_inputs([str(path)], Settings()))


def test_json_object(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": TEXT, "title": "Shelling near Eastmoor",
                                "outlet": "Valden Post", "author": ["Jane Roe", "Ali Noor"],
                                "published": "2020-05-03T08:00:00Z", "url": "https://x.test/a"}))
    [doc] = read(path)
    assert isinstance(doc, Document)
    assert doc.ref == str(path)  # no id: the path
    assert doc.text == TEXT
    assert doc.meta.title == "Shelling near Eastmoor"
    assert doc.meta.outlet == "Valden Post"
    assert doc.meta.authors == ["Jane Roe", "Ali Noor"]
    assert doc.meta.published == "2020-05-03"
    assert doc.meta.url == "https://x.test/a"
    assert doc.source_format == "json"


def test_json_list_refs(tmp_path):
    path = tmp_path / "many.json"
    path.write_text(json.dumps([{"id": "a1", "text": TEXT}, {"text": TEXT + " Again."}]))
    docs = read(path)
    assert [d.ref for d in docs] == ["a1", f"{path}:2"]


def test_jsonl_refs_and_errors_keep_going(tmp_path):
    lines = [
        json.dumps({"id": "d1", "text": TEXT, "published": "3 May 2020"}),
        json.dumps({"title": "no text here"}),
        "{not json",
        "",
        json.dumps({"text": TEXT}),
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "InputError",
                                                  "Document"]
    assert items[0].ref == "d1" and items[0].meta.published == "2020-05-03"
    assert items[1].ref == f"{path}:2" and '"text"' in items[1].reason
    assert items[2].ref == f"{path}:3" and "malformed JSON" in items[2].reason
    assert items[3].ref == f"{path}:5"


def test_short_records_are_kept(tmp_path):
    """A record is an explicit document: a one-line headline is not rejected as too short."""
    path = tmp_path / "headlines.jsonl"
    path.write_text(json.dumps({"id": "h1", "text": "Four wounded as shelling hits Eastmoor"}))
    [doc] = read(path)
    assert isinstance(doc, Document) and doc.ref == "h1"


@pytest.mark.parametrize("value,iso", [
    ("2020-05-03", "2020-05-03"), ("2020-05-03T08:00:00+02:00", "2020-05-03"),
    ("3 May 2020", "2020-05-03"), ("May 3, 2020", "2020-05-03"),
    ("2020", None), ("May 2020", None), ("yesterday", None),
])
def test_published_is_normalised(value, iso):
    assert normalise_date(value) == iso


def test_document_from_dict():
    doc = document_from_dict({"id": 7, "text": TEXT, "author": "Jane Roe"}, "ignored")
    assert doc.ref == "7" and doc.meta.author == "Jane Roe" and doc.meta.authors == ["Jane Roe"]
    assert document_from_dict({"text": TEXT}, "given").ref == "given"
    with pytest.raises(ValueError, match="text"):
        document_from_dict({"title": "x"}, "r")


def test_document_from_dict_html_field():
    html = ("<html><head><title>Talks</title></head><body><article><p>" + TEXT + "</p><p>"
            + TEXT.replace("Monday", "Tuesday") + "</p></article></body></html>")
    doc = document_from_dict({"id": "h", "html": html, "outlet": "Valden Post"})
    assert "shelled the outskirts" in doc.text
    assert doc.meta.outlet == "Valden Post"


def test_guardian_corpus():
    path = shared_path("data", "corpora", "guardian_sdf.jsonl")
    docs = read(path)
    assert len(docs) == 249
    assert all(isinstance(d, Document) for d in docs)
    assert all(d.ref.startswith("guardian_sdf_") for d in docs)
    assert {d.meta.outlet for d in docs} == {"Guardian"}
    assert all(d.meta.published and len(d.meta.published) == 10 for d in docs)
