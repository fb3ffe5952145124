"""Every kind of bad input gives one clear InputError, and the stream goes on."""

from __future__ import annotations

import os

from claimbase.config import Settings
from claimbase.ingest.readers import InputError, read_inputs
from claimbase.record import Document

PROSE = (
    "Militia fighters attacked an army checkpoint on the road to Eastmoor before dawn on "
    "Monday, the provincial governor said. Two soldiers were killed and five were wounded, "
    "according to the defence ministry, which accused the militia of breaking the truce "
    "agreed last month. Residents said many families had left for the villages further south.\n"
)


def one(path, settings: Settings | None = None) -> InputError:
    items = list(read_inputs([str(path)], settings or Settings()))
    assert len(items) == 1, items
    assert isinstance(items[0], InputError), items[0]
    err = items[0]
    assert err.ref == str(path)
    line = str(err)
    assert line == f"{path}: {err.reason}" and "\n" not in line
    return err


def test_missing_file(tmp_path):
    assert "no such file" in one(tmp_path / "nope.txt").reason


def test_binary_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(200))
    assert "binary" in one(path).reason


def test_empty_and_whitespace(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.md"
    blank.write_text(" \n\t\n  \n")
    assert "empty" in one(empty).reason
    assert "empty" in one(blank).reason


def test_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(PROSE * 50)
    settings = Settings()
    settings.max_bytes = 1000
    reason = one(path, settings).reason
    assert "larger than the limit" in reason and "1,000" in reason


def test_undecodable(tmp_path):
    path = tmp_path / "mojibake.txt"
    path.write_bytes(bytes(range(128, 256)) * 8)
    assert "undecodable" in one(path).reason


def test_not_an_article(tmp_path):
    path = tmp_path / "menu.md"
    path.write_text("Home\n\nWorld\n\nSport\n\nShare this article\n\nCopyright © 2022 Valden Post\n")
    assert "not an article" in one(path).reason
    short = tmp_path / "short.txt"
    short.write_text("Fighting resumed on Monday.\n")
    assert "not an article" in one(short).reason


def test_bad_json(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"text": "unterminated')
    assert "malformed JSON" in one(path).reason
    scalar = tmp_path / "scalar.json"
    scalar.write_text("42")
    assert "JSON object or list" in one(scalar).reason


def test_jsonl_without_text_and_malformed(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"title": "no body"}\n[1, 2\n')
    items = list(read_inputs([str(path)], Settings()))
    assert [str(i) for i in items] == [
        f'{path}:1: not an article: no "text" field',
        f"{path}:2: " + items[1].reason,
    ]
    assert "malformed JSON" in items[1].reason


def test_stream_goes_on_in_order(tmp_path):
    good1 = tmp_path / "a.txt"
    good1.write_text(PROSE)
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    good2 = tmp_path / "c.md"
    good2.write_text(PROSE)
    inputs = [str(good1), str(bad), str(tmp_path / "missing.txt"), str(good2),
              "http://127.0.0.1:1/refused"]
    items = list(read_inputs(inputs, Settings()))
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "InputError",
                                                  "Document", "InputError"]
    assert [i.ref for i in items] == inputs
    assert isinstance(items[3], Document) and items[3].source_format == "md"
