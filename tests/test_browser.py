"""The explorer in a real browser: Debian's chromium driven by playwright, against
`claimbase serve` started as a subprocess over the small demo store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.explorer_data import Served, build_store

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    db = build_store(tmp_path_factory.mktemp("browser") / "demo.db")
    with Served(db) as server:
        yield server


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip("/usr/bin/chromium is missing (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def test_events_table_facet_and_event_page(served, page):
    page.goto(f"{served.base}/demo/events")
    assert page.locator("table.rows-and-columns tbody tr").count() == 5
    # The source_kind facet lists the kinds; clicking one filters the table.
    facet = page.locator('.facet-info[data-column="source_kind"]')
    assert facet.count() == 1
    facet.locator("a", has_text="anonymous").first.click()
    page.wait_for_url("**source_kind=anonymous**")
    rows = page.locator("table.rows-and-columns tbody tr")
    assert rows.count() == 1
    assert "anonymous" in rows.first.inner_text()
    # The event_id cell links to the event page.
    rows.first.locator("td.col-trigger_text a").click()
    page.wait_for_url("**/-/claimbase/event/**")
    doc = page.locator("#cb-doc")

    def role_text(role: str) -> str:
        return "".join(doc.locator(f"mark.cb-{role}").all_inner_texts())

    assert role_text("trigger") == "attacked"
    assert role_text("actor") == "Rebel fighters"
    assert role_text("source") == "local sources"
    assert role_text("cue") == "said"
    assert role_text("place") == "Idlib"
    assert role_text("quantity") == "four soldiers"
    assert "local sources" in page.locator(".cb-chain").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "event_page.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert page.dialogs == []


def test_event_page_shows_cluster_and_contradiction(served, page):
    page.goto(f"{served.base}/demo/events?source_kind=organization")
    page.locator("table.rows-and-columns tbody tr td.col-trigger_text a").first.click()
    page.wait_for_url("**/-/claimbase/event/**")
    others = page.locator("table.cb-cluster-events tbody tr")
    assert others.count() == 1
    assert "Harbour Daily" in others.first.inner_text()
    contradiction = page.locator(".cb-contradictions li").first.inner_text()
    assert "casualties" in contradiction and "a=11" in contradiction


def test_map_markers_coloured_by_event_type(served, page):
    page.goto(f"{served.base}/demo/events")
    page.wait_for_selector(".leaflet-marker-icon", timeout=20_000)
    markers = page.locator(".leaflet-marker-icon")
    assert markers.count() >= 2
    # At least one single marker got claimbase's colour (clusters keep their own icons).
    page.wait_for_selector(".cb-marker", timeout=10_000)
    colours = page.eval_on_selector_all(
        ".cb-marker", "els => els.map(e => [e.title, getComputedStyle(e).backgroundColor])")
    by_type = dict(colours)
    assert set(by_type) <= {"ASSAULT", "PROTEST"}
    assert by_type, "no single marker was coloured"
    # Known types get their palette colour, not the grey fallback.
    assert all(c != "rgb(85, 85, 85)" for c in by_type.values())
    if len(by_type) == 2:
        assert by_type["ASSAULT"] != by_type["PROTEST"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "events_map.png"))


def test_actor_page_draws_network_and_timeline(served, page):
    page.goto(f"{served.base}/-/claimbase/actor/SYR_MIL")
    assert page.locator("h1").inner_text() == "Syrian Arab Army"
    assert page.locator("svg.cb-network line.cb-edge").count() >= 2
    assert page.locator("svg.cb-timeline rect").count() >= 1
    labels = page.locator("svg.cb-network text").all_text_contents()
    assert "Northern Rebel Front" in labels
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "actor_page.png"), full_page=True)
