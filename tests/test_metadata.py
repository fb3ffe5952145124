"""Header metadata: seeds against the gold `doc` objects, and header shapes of other outlets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimbase.ingest.clean import mark_boilerplate
from claimbase.ingest.metadata import read_metadata
from claimbase.record import DocMeta, Document
from tests.conftest import shared_path

FLOORS = json.loads((Path(__file__).parent / "floors" / "ingest.json").read_text())
FIELDS = ("title", "outlet", "author", "published", "original_outlet")

BODY = (
    "Militia fighters attacked an army checkpoint on the road to Eastmoor before dawn on "
    "Monday, the provincial governor said. Two soldiers were killed and five were wounded, "
    "according to the defence ministry, which accused the militia of breaking the truce.\n\n"
    "Residents said many families had left for the villages further south on Tuesday.\n"
)


def meta_of(text: str, **given) -> DocMeta:
    doc = Document(text=text, ref="t", meta=DocMeta(**given))
    mark_boilerplate(doc)
    read_metadata(doc)
    return doc.meta


def test_seed_headers_match_gold():
    seeds = shared_path("seeds")
    gold = shared_path("gold", "seeds")
    correct, wrong = 0, []
    for path in sorted(seeds.glob("*.txt")):
        want = json.loads((gold / f"{path.stem}.events.jsonl").open().readline())["doc"]
        got = meta_of(path.read_text(encoding="utf-8"))
        for field in FIELDS:
            if getattr(got, field) == want[field]:
                correct += 1
            else:
                wrong.append((path.stem, field, getattr(got, field), want[field]))
    assert correct >= FLOORS["seed_metadata_fields_correct"], wrong


def test_metadata_without_clean_stage():
    """read_metadata finds the header itself when the clean stage has not run."""
    text = "# Checkpoint attacked\n\nBy Jane Roe\n\nValden Post, 4 April 2022\n\n" + BODY
    doc = Document(text=text, ref="t")
    read_metadata(doc)
    assert (doc.meta.title, doc.meta.author, doc.meta.outlet, doc.meta.published) == (
        "Checkpoint attacked", "Jane Roe", "Valden Post", "2022-04-04")


@pytest.mark.parametrize("byline,authors", [
    ("By Jane Roe", ["Jane Roe"]),
    ("By [Jane Roe](#)", ["Jane Roe"]),
    ("By <u>Jane Roe</u>", ["Jane Roe"]),
    ("By **Jane Roe**", ["Jane Roe"]),
    ("By Ali M. Noor: @alinoor", ["Ali M. Noor"]),
    ("Written by Jane Roe", ["Jane Roe"]),
    ("Author: Jane Roe", ["Jane Roe"]),
    ("By Jane Roe and Ali Noor", ["Jane Roe", "Ali Noor"]),
    ("By Jane Roe, Beirut", ["Jane Roe"]),
    ("By Hassan al-Amin | Valden Post", ["Hassan al-Amin"]),
])
def test_bylines(byline, authors):
    meta = meta_of(f"Checkpoint attacked\n\n{byline}\n\n{BODY}")
    assert meta.authors == authors
    assert meta.author == " and ".join(authors)
    assert meta.title == "Checkpoint attacked"


@pytest.mark.parametrize("line,outlet,published", [
    ("Valden Post, March 24, 2019", "Valden Post", "2019-03-24"),
    ("Valden Post, 24 March 2019", "Valden Post", "2019-03-24"),
    ("The Northern Courier 5 Feb. 2020", "The Northern Courier", "2020-02-05"),
    ("2019-03-24", None, "2019-03-24"),
    ("Published: Sunday, 24 March 2019", None, "2019-03-24"),
    ("Updated March 24, 2019 10:42", None, "2019-03-24"),
])
def test_datelines(line, outlet, published):
    meta = meta_of(f"Checkpoint attacked\n\nBy Jane Roe\n\n{line}\n\n{BODY}")
    assert (meta.outlet, meta.published) == (outlet, published)


def test_byline_with_outlet_and_date_on_one_line():
    meta = meta_of(f"Checkpoint attacked\n\nBy <u>Jane Roe</u> Valden Post, May 2, 2021 "
                   f"Region: <u>Europe</u>\n\n{BODY}")
    assert (meta.author, meta.outlet, meta.published) == ("Jane Roe", "Valden Post",
                                                          "2021-05-02")
    plain = meta_of(f"Checkpoint attacked\n\nBy Jane Roe Valden Post, May 2, 2021\n\n{BODY}")
    assert (plain.author, plain.outlet) == ("Jane Roe", "Valden Post")


def test_given_metadata_wins():
    meta = meta_of(f"Checkpoint attacked\n\nBy Jane Roe\n\nValden Post, 24 March 2019\n\n{BODY}",
                   title="Given title", outlet="Given Outlet", published="2020-01-01")
    assert (meta.title, meta.outlet, meta.published) == ("Given title", "Given Outlet",
                                                         "2020-01-01")
    assert meta.author == "Jane Roe"  # still None before: filled


def test_body_dates_are_not_the_publication_date():
    meta = meta_of("Checkpoint attacked\n\nBy Jane Roe\n\n" + BODY +
                   "\nThe truce was agreed on 12 March 2019 in the lakeside town.\n")
    assert meta.published is None


@pytest.mark.parametrize("footer,original", [
    ("This article was originally published on Lakeside Review.", "Lakeside Review"),
    ("This piece first appeared on Northern Dispatch.", "Northern Dispatch"),
    ("It was originally published in the Lakeside Review on 3 May 2019.", "Lakeside Review"),
    ("This article first appeared in The Northern Dispatch in 2019.", "The Northern Dispatch"),
    ("The original source of this article is Lakeside Review", "Lakeside Review"),
    ("The original source of this article is Valden Post", None),  # the outlet itself
    ('Jane Roe writes for the online magazine "Lakeside Review" where this article was '
     "originally published.", "Lakeside Review"),
])
def test_original_outlet(footer, original):
    meta = meta_of(f"Checkpoint attacked\n\nBy Jane Roe\n\nValden Post, 24 March 2019\n\n"
                   f"{BODY}\n{footer}\n")
    assert meta.original_outlet == original


@pytest.mark.parametrize("footer,outlet", [
    ("GDPR rules: Valden Post will use the information you provide on this form to be in "
     "touch with you.", "Valden Post"),
    ("© 2021 Northern Courier. All rights reserved.", "Northern Courier"),
])
def test_footer_outlet_fallback(footer, outlet):
    meta = meta_of(f"Checkpoint attacked\n\n{BODY}\n{footer}\n")
    assert meta.outlet == outlet


def test_no_header_no_invented_metadata():
    meta = meta_of(BODY.replace("\n\n", " "))
    assert (meta.title, meta.author, meta.outlet, meta.published) == (None, None, None, None)
    assert meta.language == "en"


def test_language():
    french = ("Les forces gouvernementales sont entrées dans la ville mardi, selon les "
              "autorités locales, et les habitants ont quitté leurs maisons pour les villages "
              "voisins. Le ministère a déclaré que les combats étaient terminés.")
    assert meta_of(french).language == "fr"
    assert meta_of("Лидеры встретились в понедельник в столице для переговоров о мире.") \
        .language == "ru"


@pytest.mark.parametrize("header,title,outlet,author,published", [
    # masthead above the title; the title is the line above the byline
    ("NORTHERN COURIER\nSecurity | Valden\n\nCheckpoint attacked near Eastmoor\n\nBy Jane Roe\n\n"
     "Published: 2021-05-02", "Checkpoint attacked near Eastmoor", "Northern Courier",
     "Jane Roe", "2021-05-02"),
    ("Valden Post | World | Europe\n\nCheckpoint attacked near Eastmoor\n\nBy Jane Roe\n\n"
     "2 May 2021 — Valden Post", "Checkpoint attacked near Eastmoor", "Valden Post",
     "Jane Roe", "2021-05-02"),
    # a Markdown masthead heading, a tagline, a menu, then the real title as a subheading
    ("# Valden Post\n\n*News from the lakes*\n\n[Home](#) · [World](#) · [Sport](#)\n\n---\n\n"
     "## Checkpoint attacked near Eastmoor\n\nBy Jane Roe\n\nValden Post, May 2, 2021",
     "Checkpoint attacked near Eastmoor", "Valden Post", "Jane Roe", "2021-05-02"),
    # a headline, then a standfirst subheading ending with a full stop, then the byline
    ("[Valden Post](#) — Opinion · Analysis\n\n# Checkpoint attacked near Eastmoor\n\n"
     "### *The truce was never going to hold.*\n\n**By Jane Roe**\n\nValden Post, 2 May 2021",
     "Checkpoint attacked near Eastmoor", "Valden Post", "Jane Roe", "2021-05-02"),
    # a press office: organisational byline, a city dateline (a place, not an outlet),
    # a dotted date
    ("MINISTRY OF THE INTERIOR\nPress Office\n\nStatement on the Eastmoor checkpoint\n\n"
     "By Press Service of the Ministry of the Interior\n\nDamascus, 02.05.2021",
     "Statement on the Eastmoor checkpoint", "Ministry of the Interior",
     "Press Service of the Ministry of the Interior", "2021-05-02"),
])
def test_header_shapes_of_other_outlets(header, title, outlet, author, published):
    meta = meta_of(f"{header}\n\n{BODY}")
    assert (meta.title, meta.outlet, meta.author, meta.published) == (
        title, outlet, author, published)


def test_place_dateline_is_not_an_outlet():
    meta = meta_of(f"Checkpoint attacked\n\nBy Jane Roe\n\nDamascus, 3 May 2021\n\n{BODY}")
    assert (meta.outlet, meta.published) == (None, "2021-05-03")


@pytest.mark.parametrize("text,outlet", [
    ("BEIRUT (Valden Wire) - " + BODY, "Valden Wire"),
    (BODY + "\nAll rights reserved (c) Northern Courier 2021\n", "Northern Courier"),
    (BODY + "\nCopyright © Jane Roe, Valden Post, 2021\n", "Valden Post"),
])
def test_body_outlet_fallbacks(text, outlet):
    assert meta_of(text).outlet == outlet


def test_demo_corpus_labels():
    """Headers of 30+ invented outlets, press offices and broadcasters (examples/corpus)."""
    from claimbase.config import Settings
    from claimbase.ingest.readers import read_inputs
    from tests.conftest import CORPUS

    labels_path = CORPUS.parent / "corpus_labels.json"
    if not labels_path.exists():
        pytest.skip("no demo corpus labels")
    labels = json.loads(labels_path.read_text(encoding="utf-8"))["documents"]
    total = correct = 0
    wrong = []
    for doc in read_inputs([str(CORPUS)], Settings()):
        if not isinstance(doc, Document) or Path(doc.ref).name not in labels:
            continue
        mark_boilerplate(doc)
        read_metadata(doc)
        want = labels[Path(doc.ref).name]
        for field in FIELDS:
            total += 1
            if getattr(doc.meta, field) == want.get(field):
                correct += 1
            else:
                wrong.append((doc.ref, field, getattr(doc.meta, field), want.get(field)))
    assert total >= 100
    assert correct / total >= FLOORS["demo_corpus_metadata_share_correct"], wrong


@pytest.mark.parametrize("line", [
    "By Monday, the army had retaken the town and the militia had withdrawn to the hills.",
    "By the end of the day, troops had left the northern districts of Eastmoor.",
    "By Syrian standards the attack was small and no one was hurt in the blast.",
])
def test_sentences_starting_with_by_are_not_bylines(line):
    text = f"Checkpoint attacked\n\n{line}\n\n{BODY}"
    doc = Document(text=text, ref="t")
    mark_boilerplate(doc)
    read_metadata(doc)
    assert doc.meta.author is None
    at = text.index(line)
    assert not doc.in_boilerplate(at, at + len(line))
