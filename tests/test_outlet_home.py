"""The outlet's home (its domain's country and home town) as a weak place prior."""

from __future__ import annotations

import pytest

from claimbase.eval.places import record_meta
from claimbase.geo.outlet import host_of, name_labels, outlet_home, tld_country
from claimbase.pipeline import PRE_PARSE, Pipeline
from claimbase.record import DocMeta, Document
from tests.geo_helpers import GEO_STAGES


@pytest.fixture(scope="module")
def run(resources):
    pipe = Pipeline(resources, pre=PRE_PARSE, post=GEO_STAGES)

    def places(text: str, url: str | None = None, outlet: str | None = None) -> dict:
        doc = pipe.process(Document(text=text, ref="t", meta=DocMeta(url=url, outlet=outlet)))
        return {p.text: p for p in doc.places}

    return places


def test_hosts_and_country_code_domains():
    assert host_of("https://www.Example.co.uk/a/b?c=1") == "www.example.co.uk"
    assert host_of("news.example.org") == "news.example.org"
    assert host_of("The Evening Example") is None
    assert tld_country("www.example.co.uk") == "GB"
    assert tld_country("example.com.tw") == "TW"
    assert tld_country("example.ca") == "CA"
    assert tld_country("example.com") is None
    assert tld_country("example.tv") is None  # a generic domain in all but name
    assert name_labels("sports.example.co.uk") == ["sports", "example"]
    assert name_labels("www.example.com") == ["example"]


def test_home_town_names_from_domains(gaz):
    home = outlet_home(DocMeta(url="http://www.lancastereveningherald.co.uk/story/1"), gaz)
    assert home.country == "GB" and home.names == ("lancaster",)
    # a two-word town written without its space, and two towns joined by "and"
    assert outlet_home(DocMeta(url="https://lasvegasdailystar.com/x"), gaz).names == \
        ("las vegas",)
    both = outlet_home(DocMeta(url="http://www.richmondandtwickenhamweekly.co.uk/"), gaz)
    assert both.names == ("richmond", "twickenham")
    assert outlet_home(DocMeta(url="https://www.amarillo.com/news/1"), gaz).names == \
        ("amarillo",)
    # a state's postal code before the newspaper words
    assert outlet_home(DocMeta(url="https://www.wvherald.com/"), gaz).states == \
        (("US", "West Virginia"),)
    # an outlet's name when there is no url
    assert outlet_home(DocMeta(outlet="The Galveston Daily News"), gaz).names == ("galveston",)


def test_no_home_from_generic_outlets(gaz):
    assert outlet_home(DocMeta(), gaz) is None
    assert outlet_home(DocMeta(url="https://www.dailynewsonline.com/"), gaz) is None
    assert outlet_home(DocMeta(outlet="Reuters"), gaz) is None
    # a national outlet of a country-code domain: a country, no town
    national = outlet_home(DocMeta(url="https://www.cbc.ca/news/canada/1"), gaz)
    assert national.country == "CA" and national.names == ()


def test_benchmark_records_carry_their_url():
    assert record_meta({"text": "x", "domain": "example.com"}).url == "http://example.com/"
    meta = record_meta({"text": "x", "url": "https://example.org/a", "title": "A title"})
    assert (meta.url, meta.title) == ("https://example.org/a", "A title")


LOCAL_STORY = ("Council workers in Lancaster repaired the flood wall along the river on "
               "Tuesday, and the library reopened after the storm.")


def test_a_country_code_domain_reads_a_namesake_at_home(run):
    plain = run(LOCAL_STORY)["Lancaster"]
    local = run(LOCAL_STORY, url="https://www.lancastereveningherald.co.uk/news/1")["Lancaster"]
    assert local.country == "GB"
    assert plain.country != "GB"  # the same words with no url are read as before


def test_home_town_of_a_local_paper(run):
    text = "Shoppers in Richmond queued outside the new bakery on Saturday morning."
    plain = run(text)["Richmond"]
    local = run(text, url="https://www.richmondandtwickenhamweekly.co.uk/news/5")["Richmond"]
    assert local.country == "GB" and plain.country != "GB"


def test_clear_text_evidence_beats_the_outlet(run):
    text = "The mayor flew to Paris, France, on Friday for a sister-city visit."
    found = run(text, url="https://www.parisweeklynews.com/local/3")
    assert found["Paris"].country == "FR"


def test_documents_without_a_home_are_unchanged(run):
    text = ("Flooding closed roads around Springfield and Decatur on Sunday, and crews "
            "worked through the night near Champaign.")
    plain = run(text)
    generic = run(text, url="https://www.dailynewsonline.com/story/4")
    assert plain and {k: (p.name, p.lat, p.lon) for k, p in plain.items()} == \
        {k: (p.name, p.lat, p.lon) for k, p in generic.items()}
