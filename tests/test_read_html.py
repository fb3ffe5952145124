"""HTML reader: trafilatura main text, htmldate date, title/author/site from the page."""

from __future__ import annotations

from claimbase.config import Settings
from claimbase.ingest.readers import InputError, html_document, read_inputs
from claimbase.record import Document

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Ceasefire talks stall on the Valden | Northern Courier</title>
<meta property="og:site_name" content="Northern Courier">
<meta property="og:title" content="Ceasefire talks stall on the Valden">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2021-06-03T10:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Ceasefire talks stall on the Valden</h1>
<p>Negotiators from both delegations left the lakeside talks on Tuesday without an agreement,
officials in the provincial capital said, after two days of meetings that were meant to end
the fighting along the river.</p>
<p>The district council said that shelling had resumed overnight near the northern bridge,
and that at least four people had been wounded in the village of Eastmoor.</p>
<p>A spokesman for the mediators told reporters that a new round would be held next week if
both delegations agreed to it, and that humanitarian convoys were waiting at the crossing.</p>
</article>
<footer><p>Copyright 2021 Northern Courier. All rights reserved.</p>
<a href="/privacy">Privacy</a> <a href="/contact">Contact us</a></footer>
</body></html>
"""

EMPTY_PAGE = """<!doctype html><html><head><title>Login</title></head>
<body><nav><a href="/">Home</a></nav><form><input name="user"></form></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = list(read_inputs([str(path)], Settings()))
    assert isinstance(doc, Document)
    assert doc.source_format == "html"
    assert "shelling had resumed overnight" in doc.text
    assert "Sport" not in doc.text and "Privacy" not in doc.text  # navigation dropped
    assert doc.meta.title == "Ceasefire talks stall on the Valden"
    assert doc.meta.author == "Jane Roe"
    assert doc.meta.outlet == "Northern Courier"
    assert doc.meta.published == "2021-06-03"
    assert doc.ref == str(path)


def test_title_line_of_extracted_text_is_header():
    doc = html_document(PAGE, "page")
    assert isinstance(doc, Document)
    from claimbase.ingest.clean import mark_boilerplate

    mark_boilerplate(doc)
    title_at = doc.text.find("Ceasefire talks stall")
    assert title_at >= 0
    assert doc.in_boilerplate(title_at, title_at + 10)
    body_at = doc.text.index("Negotiators")
    assert not doc.in_boilerplate(body_at, body_at + 20)


def test_legacy_encoded_html(tmp_path):
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">').replace(
        "Eastmoor", "Saint-Étienne-des-Prés")
    path = tmp_path / "latin.htm"
    path.write_bytes(page.encode("iso-8859-1"))
    [doc] = list(read_inputs([str(path)], Settings()))
    assert isinstance(doc, Document)
    assert "Saint-Étienne-des-Prés" in doc.text


def test_page_without_article_is_an_error(tmp_path):
    path = tmp_path / "login.html"
    path.write_text(EMPTY_PAGE, encoding="utf-8")
    [err] = list(read_inputs([str(path)], Settings()))
    assert isinstance(err, InputError)
    assert err.ref == str(path) and "not an article" in err.reason


LEFTOVERS = """<!doctype html><html><head><title>Shelling resumes near Eastmoor - Valden Post</title>
<meta property="og:site_name" content="Valden Post"><meta name="author" content="Jane Roe">
</head><body><header><a href="/">Valden Post</a><nav><a href="/w">World</a></nav></header>
<article><h1>Shelling resumes near Eastmoor</h1>
<p>Artillery fire hit the outskirts of Eastmoor on Sunday night, the district council said,
breaking a week of calm along the river and forcing dozens of families into basements.</p>
<p>The army said it had responded to mortar fire from militia positions on the eastern bank,
while the militia accused the army of targeting a school that was being used as a shelter.</p>
<p>Mediators said they would travel to the town on Tuesday to assess the damage.</p>
<p>Share this article: Facebook | Twitter | Email</p>
<p>Jane Roe is a Valden Post correspondent covering the lakes region.</p>
</article><footer>© 2022 Valden Post. All rights reserved.</footer></body></html>"""


def test_page_furniture_left_in_the_main_text_is_marked():
    from claimbase.ingest.clean import mark_boilerplate

    doc = html_document(LEFTOVERS, "page")
    assert isinstance(doc, Document)
    mark_boilerplate(doc)
    analysis = doc.analysis_text
    assert "Artillery fire hit the outskirts" in analysis
    assert "Mediators said" in analysis
    for furniture in ("Share this article", "Jane Roe is a Valden Post correspondent"):
        assert furniture in doc.text  # trafilatura keeps these lines of the article
        assert furniture not in analysis, furniture
