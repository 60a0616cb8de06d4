"""The search page in a real browser (Debian's Chromium driven by Playwright): search, facet,
article view, and article text that is shown, never run."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Browser, Page, async_playwright

from newsflow_cli.components import REPO
from tests.conftest import SEED
from tests.e2e.conftest import search_until

ARTIFACTS = Path(os.environ.get("NEWSFLOW_TEST_ARTIFACTS", REPO / "test-artifacts"))
CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]  # fmt: skip
EVIL_TITLE = '<script>window.__xss = 1</script>Evil headline'
EVIL_TEXT = ('KABUL — Officials said on Monday that <img src=x onerror="window.__xss=2"> was '
             'found in 12 reports of the <b>incident</b>, which left 3 people injured.')


@pytest.fixture(scope="module")
async def browser() -> AsyncIterator[Browser]:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    assert Path(chromium).exists(), "Debian's chromium is needed (`make test` installs it)"
    async with async_playwright() as p:
        b = await p.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        try:
            yield b
        finally:
            await b.close()


@pytest.fixture(scope="module")
async def fed(urls: dict[str, str]) -> dict[str, str]:
    async with httpx.AsyncClient(base_url=urls["ingest"], timeout=30) as ingest:
        seed = await ingest.post("/articles", content=SEED.read_bytes(),
                                 headers={"content-type": "text/plain"}, params={"source": "seed"})  # fmt: skip
        evil = await ingest.post("/articles", json={"title": EVIL_TITLE, "text": EVIL_TEXT,
                                                    "source": "evil.test"})  # fmt: skip
    ids = {"seed": seed.json()["id"], "evil": evil.json()["id"]}
    async with httpx.AsyncClient(base_url=urls["search"], timeout=30) as search:
        await search_until(search, {"q": "Hajin"}, ids["seed"])
        await search_until(search, {"q": "incident"}, ids["evil"])
    return ids


@pytest.fixture
async def page(browser: Browser) -> AsyncIterator[Page]:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    p = await context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    try:
        yield p
        assert errors == [], f"JavaScript errors on the page: {errors}"
    finally:
        await context.close()


async def test_search_facet_and_article(page: Page, urls: dict[str, str], fed: dict[str, str]) -> None:
    await page.goto(urls["search"] + "/")
    await page.fill("input[name=q]", "Hajin")
    await page.press("input[name=q]", "Enter")
    hit = page.locator(f'.hit a[data-id="{fed["seed"]}"]')
    await page.locator(".hit mark").first.wait_for()  # the page's first load shows everything
    assert await hit.inner_text() == "US-backed fighters break into Daesh holdout in East Syria"
    assert await page.locator(".hit mark").count() >= 1
    assert "Hajin" in await page.locator(".hit mark").first.inner_text()

    # A facet narrows the results and shows as a removable filter.
    await page.get_by_role("link", name="Syrian Democratic Forces").first.click()
    await page.locator("#filters span", has_text="Syrian Democratic Forces").wait_for()
    assert "entity=Syrian+Democratic+Forces" in page.url
    await page.wait_for_load_state("networkidle")
    assert await page.locator(".hit").count() == 1

    await hit.click()
    await page.locator("#article #title").wait_for()
    marked = await page.locator("#article .ent").all_inner_texts()
    assert "Redur Khalil" in marked and "SDF" in marked
    figures = await page.locator("#figures tr").all_inner_texts()
    assert any("820" in row and "extremists" in row and "killed" in row for row in figures)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "search-article.png"
    await page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


async def test_article_text_is_shown_not_run(page: Page, urls: dict[str, str],
                                             fed: dict[str, str]) -> None:  # fmt: skip
    await page.goto(urls["search"] + "/?q=incident")
    link = page.locator(f'.hit a[data-id="{fed["evil"]}"]')
    await link.wait_for()
    assert await link.inner_text() == EVIL_TITLE  # the tag is text, not markup
    await link.click()
    await page.locator("#article #title").wait_for()
    assert await page.locator("#article #title").inner_text() == EVIL_TITLE
    assert '<img src=x onerror="window.__xss=2">' in await page.locator("#body").inner_text()
    assert await page.locator("#article img, #article script, .hit img, .hit b").count() == 0
    assert await page.evaluate("window.__xss") is None
