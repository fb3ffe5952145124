"""A hostile article renders as text and runs nothing: over HTTP and in a real browser."""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
import pytest

from claimbase.record import ActorMention, DocMeta, Document, Event, assign_event_ids
from tests.explorer_data import Served, build_store

SCRIPT = "<script>alert('article')</script>"
IMG = '<img src=x onerror="alert(2)">'
LINK = '<a href="javascript:alert(3)">read more</a>'
ATTR = '"><svg onload=alert(4)>'
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def hostile_document() -> Document:
    head = (f"Breaking {SCRIPT}\n\n{IMG} Gunmen attacked {ATTR} the market, {LINK} "
            "witnesses said.")
    text = head + " " + "A" * 1_000_000 + " end"  # one 1 MB line
    start = text.index("Gunmen")
    trig = text.index("attacked")
    actor = ActorMention(text="Gunmen", start=start, end=start + 6, id="<b>GUN</b>",
                         name=f"Gunmen {SCRIPT}", sector="UAF")
    doc = Document(text=text, ref="hostile.html", meta=DocMeta(
        title=f"Title {SCRIPT}", outlet=IMG, author=ATTR, published="2024-03-05",
        url="javascript:alert(5)"))
    doc.events = [Event(sentence_start=text.index(IMG), sentence_end=len(head),
                        trigger_start=trig, trigger_end=trig + 8, event_type="ASSAULT",
                        actor=actor)]
    assign_event_ids(doc)
    return doc


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    doc = hostile_document()
    db = build_store(tmp_path_factory.mktemp("hostile") / "hostile.db", extra=[doc])
    with Served(db) as server:
        server.event_id = doc.events[0].event_id
        yield server


def test_event_page_escapes_everything(served):
    response = httpx.get(f"{served.base}/-/claimbase/event/{served.event_id}", timeout=30)
    assert response.status_code == 200
    html = response.text
    for raw in (SCRIPT, IMG, LINK, ATTR, "javascript:alert(5)"):
        assert raw not in html
    assert "&lt;script&gt;alert(&#39;article&#39;)&lt;/script&gt;" in html
    assert "onerror=&#34;alert(2)&#34;" in html or "onerror=&quot;alert(2)&quot;" in html
    assert len(html) < 200_000  # a window of the 1 MB line, not all of it


def test_json_twin_is_plain_data(served):
    data = httpx.get(f"{served.base}/-/claimbase/event/{served.event_id}.json",
                     timeout=30).json()
    assert data["document"]["title"] == f"Title {SCRIPT}"  # data stays data
    assert data["event"]["actor"]["name"] == f"Gunmen {SCRIPT}"


def test_actor_page_escapes_names(served):
    response = httpx.get(f"{served.base}/-/claimbase/actor/~3Cb~3EGUN~3C~2Fb~3E", timeout=30)
    assert response.status_code == 200
    assert SCRIPT not in response.text and "<b>GUN</b>" not in response.text


@pytest.mark.browser
def test_nothing_runs_in_the_browser(served):
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip("/usr/bin/chromium is missing (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in (f"/-/claimbase/event/{served.event_id}",
                     "/-/claimbase/actor/~3Cb~3EGUN~3C~2Fb~3E",
                     "/hostile/events", "/hostile/documents"):
            page.goto(served.base + path)
            page.wait_for_timeout(300)
            scripts = page.eval_on_selector_all(
                "script", "els => els.map(e => e.textContent + (e.src || ''))")
            assert not [s for s in scripts if "alert" in s], path
            assert page.locator("img[onerror], svg[onload]").count() == 0, path
            assert page.locator('a[href^="javascript"]').count() == 0, path
        page.goto(f"{served.base}/-/claimbase/event/{served.event_id}")
        doc_text = page.locator("#cb-doc").inner_text()
        assert SCRIPT in doc_text and IMG in doc_text and LINK in doc_text
        assert page.locator("#cb-doc mark.cb-trigger").inner_text() == "attacked"
        page.locator("#cb-doc").click()  # clicking around triggers nothing either
        browser.close()
        assert dialogs == []
