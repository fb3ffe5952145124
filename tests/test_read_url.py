"""URL inputs against a real HTTP server on 127.0.0.1: pages, RSS/Atom feeds, failures."""

from __future__ import annotations

import time

from werkzeug.wrappers import Response

from claimbase.config import Settings
from claimbase.ingest.readers import InputError, read_inputs
from claimbase.record import Document


def page(title: str, place: str, date: str = "2022-04-11") -> str:
    return f"""<!doctype html><html><head><title>{title}</title>
<meta property="og:site_name" content="Valden Post">
<meta property="article:published_time" content="{date}T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>{title}</h1>
<p>Militia fighters attacked an army checkpoint on the road to {place} before dawn on Monday,
the provincial governor said, and the clashes lasted for several hours.</p>
<p>Two soldiers were killed and five were wounded, according to a statement from the defence
ministry, which accused the militia of breaking the truce agreed last month.</p>
<p>Residents of {place} said that they had heard heavy gunfire and that many families had left
their homes for the villages further south.</p></article></body></html>"""


def rss(base: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Valden Post World</title><link>{base}/</link><description>news</description>
<item><title>Checkpoint attacked near Eastmoor</title><link>{base}/a1</link>
<author>desk@valden.test (Jane Roe)</author><pubDate>Mon, 11 Apr 2022 09:00:00 GMT</pubDate></item>
<item><title>Convoy reaches Northbridge</title><link>{base}/broken</link>
<pubDate>Tue, 12 Apr 2022 09:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>An aid convoy of twelve trucks reached the besieged town of
Northbridge on Tuesday, the relief agency said, after militia commanders agreed to open the
southern road for six hours.</p><p>Local officials said the food would last for two weeks and
asked for a second convoy before the end of the month, warning that fuel was running out.</p>
]]></content:encoded></item>
<item><title>Nothing to read</title><link>{base}/gone</link></item>
</channel></rss>"""


def atom(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valden Post Atom</title>
<id>urn:x</id><updated>2022-04-13T00:00:00Z</updated>
<entry><title>Clashes near Westfold</title><id>urn:1</id><link href="{base}/a2"/>
<updated>2022-04-13T08:00:00Z</updated></entry></feed>"""


def test_html_page(httpserver):
    httpserver.expect_request("/story").respond_with_data(
        page("Checkpoint attacked near Eastmoor", "Eastmoor"), content_type="text/html")
    url = httpserver.url_for("/story")
    [doc] = list(read_inputs([url], Settings()))
    assert isinstance(doc, Document)
    assert doc.ref == url and doc.meta.url == url
    assert "army checkpoint on the road to Eastmoor" in doc.text
    assert doc.meta.outlet == "Valden Post" and doc.meta.published == "2022-04-11"


def test_plain_text_url(httpserver):
    body = ("Militia fighters attacked an army checkpoint on the road to Eastmoor before dawn "
            "on Monday, the provincial governor said. Two soldiers were killed and five were "
            "wounded, the defence ministry said, accusing the militia of breaking the truce "
            "agreed last month in the lakeside talks.")
    httpserver.expect_request("/plain").respond_with_data(body, content_type="text/plain")
    [doc] = list(read_inputs([httpserver.url_for("/plain")], Settings()))
    assert isinstance(doc, Document) and doc.text == body


def test_rss_feed_fetches_entries_and_falls_back(httpserver):
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/feed").respond_with_data(rss(base),
                                                         content_type="application/rss+xml")
    httpserver.expect_request("/a1").respond_with_data(
        page("Checkpoint attacked near Eastmoor", "Eastmoor"), content_type="text/html")
    httpserver.expect_request("/broken").respond_with_data("oops", status=500)
    httpserver.expect_request("/gone").respond_with_data("missing", status=404)
    items = list(read_inputs([f"{base}/feed"], Settings()))
    assert [type(i).__name__ for i in items] == ["Document", "Document", "InputError"]
    fetched, fallback, failed = items
    assert fetched.ref == f"{base}/a1" and "road to Eastmoor" in fetched.text
    assert fetched.meta.title == "Checkpoint attacked near Eastmoor"
    assert fallback.ref == f"{base}/broken"
    assert "aid convoy of twelve trucks" in fallback.text  # the entry's own content
    assert fallback.meta.published == "2022-04-12"
    assert fallback.meta.outlet == "Valden Post World"
    assert fallback.errors and "500" in fallback.errors[0]
    assert failed.ref == f"{base}/gone" and "404" in failed.reason


def test_atom_feed_detected_by_content(httpserver):
    base = httpserver.url_for("").rstrip("/")
    # served as generic XML: detected from the content
    httpserver.expect_request("/atom").respond_with_data(atom(base), content_type="text/xml")
    httpserver.expect_request("/a2").respond_with_data(
        page("Clashes near Westfold", "Westfold", "2022-04-13"), content_type="text/html")
    [doc] = list(read_inputs([f"{base}/atom"], Settings()))
    assert isinstance(doc, Document)
    assert doc.ref == f"{base}/a2" and "road to Westfold" in doc.text


def test_failing_urls_and_stream_goes_on(httpserver):
    httpserver.expect_request("/missing").respond_with_data("no", status=404)
    httpserver.expect_request("/ok").respond_with_data(page("Talks", "Eastmoor"),
                                                       content_type="text/html")
    refused = "http://127.0.0.1:1/nothing-listens-here"
    inputs = [httpserver.url_for("/missing"), refused, httpserver.url_for("/ok")]
    items = list(read_inputs(inputs, Settings()))
    assert [type(i).__name__ for i in items] == ["InputError", "InputError", "Document"]
    assert "HTTP 404" in items[0].reason
    assert items[1].ref == refused and "cannot fetch" in items[1].reason
    assert str(items[0]).startswith(inputs[0] + ": ") and "\n" not in str(items[0])


def test_timeout(httpserver):
    def slow(_request):
        time.sleep(1.0)
        return Response("late", content_type="text/plain")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    settings = Settings()
    settings.timeout = 0.2  # type: ignore[attr-defined]
    [err] = list(read_inputs([httpserver.url_for("/slow")], settings))
    assert isinstance(err, InputError) and "timed out" in err.reason


def test_unsupported_content_type(httpserver):
    httpserver.expect_request("/img").respond_with_data(b"\x89PNG\r\n", content_type="image/png")
    [err] = list(read_inputs([httpserver.url_for("/img")], Settings()))
    assert isinstance(err, InputError) and "image/png" in err.reason
