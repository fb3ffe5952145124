"""WARC reader: every 2xx HTML response record becomes a document named by its target URI."""

from __future__ import annotations

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimbase.config import Settings
from claimbase.ingest.readers import InputError, read_inputs
from claimbase.record import Document


def article(place: str) -> bytes:
    return f"""<!doctype html><html><head><title>Shelling in {place}</title>
<meta property="og:site_name" content="Valden Post"></head><body><article>
<h1>Shelling in {place}</h1>
<p>Artillery fire hit the centre of {place} on Thursday evening, the district council said,
damaging the hospital and the market and wounding at least six people.</p>
<p>The army denied that its units had fired on the town and blamed the militia, which said in
a statement that it had only returned fire after an attack on its positions.</p>
<p>Aid workers said that hundreds of families had left {place} overnight for the hills.</p>
</article></body></html>""".encode()


def write_warc(path, gz: bool) -> None:
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)

        def response(uri: str, body: bytes, status: str, ctype: str) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers))

        writer.write_record(writer.create_warc_record(
            "https://valden.test/a", "request", payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")))
        response("https://valden.test/a", article("Eastmoor"), "200 OK",
                 "text/html; charset=utf-8")
        response("https://valden.test/logo.png", b"\x89PNG\r\n\x1a\n", "200 OK", "image/png")
        response("https://valden.test/old", b"<html>moved</html>", "301 Moved", "text/html")
        response("https://valden.test/b", article("Northbridge"), "200 OK", "text/html")
        writer.write_record(writer.create_warc_record(
            "https://valden.test/c", "resource", payload=io.BytesIO(article("Westfold")),
            warc_content_type="text/html"))


@pytest.mark.parametrize("name,gz", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_warc_html_responses(tmp_path, name, gz):
    path = tmp_path / name
    write_warc(path, gz)
    docs = list(read_inputs([str(path)], Settings()))
    assert [d.ref for d in docs] == ["https://valden.test/a", "https://valden.test/b",
                                     "https://valden.test/c"]
    assert all(isinstance(d, Document) for d in docs)
    first = docs[0]
    assert "Artillery fire hit the centre of Eastmoor" in first.text
    assert first.meta.url == "https://valden.test/a"
    assert first.meta.title == "Shelling in Eastmoor"
    assert first.source_format == "warc"


def test_not_a_warc(tmp_path):
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(b"this is not an archive at all\n" * 5)
    [err] = list(read_inputs([str(path)], Settings()))
    assert isinstance(err, InputError) and err.ref == str(path)
    assert "WARC" in err.reason


def test_warc_without_html(tmp_path):
    path = tmp_path / "images.warc"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://valden.test/i.png", "response", payload=io.BytesIO(b"\x89PNG"),
            http_headers=headers))
    [err] = list(read_inputs([str(path)], Settings()))
    assert isinstance(err, InputError) and "no HTML response" in err.reason
