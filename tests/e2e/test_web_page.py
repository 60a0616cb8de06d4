"""The search page in a real browser (Debian's Chromium driven by Playwright): search, facet,
article view, the story list and story view with its figure-track charts, and article and story
text that is shown, never run."""

from __future__ import annotations

import asyncio
import os
import shutil
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiokafka import AIOKafkaProducer
from newsflow_cli.components import REPO
from newsflow_contracts import topics
from newsflow_contracts.stories import (
    FigureReport,
    FigureTrack,
    Story,
    StoryArticle,
    StoryEntity,
    StoryUpdated,
)
from playwright.async_api import Browser, Page, async_playwright

from tests.conftest import SEED
from tests.e2e.conftest import search_until

ARTIFACTS = Path(os.environ.get("NEWSFLOW_TEST_ARTIFACTS", REPO / "test-artifacts"))
CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]  # fmt: skip
EVIL_TITLE = "<script>window.__xss = 1</script>Evil headline"
EVIL_TEXT = (
    'KABUL — Officials said on Monday that <img src=x onerror="window.__xss=2"> was '
    "found in 12 reports of the <b>incident</b>, which left 3 people injured."
)


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


async def test_search_facet_and_article(
    page: Page, urls: dict[str, str], fed: dict[str, str]
) -> None:
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


async def test_an_earlier_answer_arriving_late_does_not_replace_a_later_one(
        page: Page, urls: dict[str, str], fed: dict[str, str]) -> None:  # fmt: skip
    async def hold_the_first_load(route: Any) -> None:
        if "q=Hajin" not in route.request.url:
            await asyncio.sleep(2)  # the page's first load answers after the typed query's
        await route.continue_()

    await page.route(lambda url: "/search?" in url, hold_the_first_load)
    await page.goto(urls["search"] + "/")
    await page.fill("input[name=q]", "Hajin")
    await page.press("input[name=q]", "Enter")
    await page.locator(".hit mark").first.wait_for()
    await page.wait_for_timeout(3000)  # the held answer has arrived by now
    async with httpx.AsyncClient(base_url=urls["search"], timeout=30) as search:
        total = (await search.get("/search", params={"q": "Hajin"})).json()["total"]
    assert (
        await page.locator("#summary").inner_text() == f"{total} article{'' if total == 1 else 's'}"
    )
    assert await page.locator(".hit mark").count() >= 1


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


SEED_TITLE = "US-backed fighters break into Daesh holdout in East Syria"
EVIL_NAME = '<img src=x onerror="window.__xss=3">'


def _track(key: str, obj: str, event: str, reports: list[tuple[str, str, float, float | None,
                                                               float | None]]) -> FigureTrack:  # fmt: skip
    reps = [FigureReport(article_id=aid, figure=0, value=v, low=lo, high=hi, qualifier="more than",
                         text=f"{v:,.0f}", source="seed", agencies=["AFP"], published_at=at)
            for aid, at, v, lo, hi in reports]  # fmt: skip
    values = [r.value for r in reps]
    return FigureTrack(key=key, object=obj, event=event, place="Hajin", reports=reps,
                       latest=values[-1], highest=max(values), lowest=min(values))  # fmt: skip


@pytest.fixture(scope="module")
async def story(urls: dict[str, str], kafka_bootstrap: str, fed: dict[str, str]) -> dict[str, str]:
    """A story over the two fed articles and one more, published on `stories` as the stories
    service would; the search service's story consumer indexes it."""
    tag = uuid.uuid4().hex[:8]
    sid, later = f"page-story-{tag}", f"page-later-{tag}"
    arts = [StoryArticle(id=fed["seed"], title=SEED_TITLE, source="seed", agencies=["AFP"],
                         published_at="2018-12-06T10:00:00", dateline="BEIRUT"),
            StoryArticle(id=fed["evil"], title=EVIL_TITLE, source="evil.test",
                         published_at="2018-12-07T09:00:00"),
            StoryArticle(id=later, title="Hajin falls", source="wire.test", agencies=["Reuters"],
                         published_at="2018-12-09T18:00:00")]  # fmt: skip
    killed = _track("killed|civilians|Hajin", "civilians", "killed", [
        (fed["seed"], "2018-12-06T10:00:00", 300, None, None),
        (fed["evil"], "2018-12-07T09:00:00", 600, 500, 700),
        (later, "2018-12-09T18:00:00", 820, None, None)])  # fmt: skip
    fled = _track("fled|" + EVIL_NAME, EVIL_NAME, "fled", [
        (fed["seed"], "2018-12-06T10:00:00", 1000, None, None),
        (later, "2018-12-09T18:00:00", 1500, None, None)])  # fmt: skip
    update = StoryUpdated(story_id=sid, kind="track_changed", article_id=later, story=Story(
        id=sid, title=f"Battle for Hajin {tag}", first_at=arts[0].published_at,
        last_at=arts[-1].published_at, articles=arts, sources=["evil.test", "seed", "wire.test"],
        agencies=["AFP", "Reuters"], datelines=["BEIRUT"], tracks=[killed, fled],
        entities=[StoryEntity(name="Hajin", type="LOC", count=3),
                  StoryEntity(name=EVIL_NAME, type="PERSON", count=1)]))  # fmt: skip
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(topics.STORIES, update.model_dump_json().encode(),
                                     key=sid.encode())  # fmt: skip
    finally:
        await producer.stop()
    async with httpx.AsyncClient(base_url=urls["search"], timeout=30) as search:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            seed = (await search.get(f"/articles/{fed['seed']}")).json()
            if (await search.get(f"/stories/{sid}")).status_code == 200 and seed.get("story_id"):
                return {"id": sid, "tag": tag}
            await asyncio.sleep(0.3)
    raise AssertionError(f"story {sid} not indexed, or the seed article not joined, within 30s")


# Pixels of the value series' colour (#1f5fbf) on a chart's canvas: the line and its points.
SERIES_PIXELS = """(canvas) => {
  const d = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4)
    if (Math.abs(d[i] - 31) < 20 && Math.abs(d[i + 1] - 95) < 20 && Math.abs(d[i + 2] - 191) < 20 && d[i + 3] > 200) n++;
  return n;
}"""


async def test_story_list_view_and_track_chart(page: Page, urls: dict[str, str],
                                              story: dict[str, str]) -> None:  # fmt: skip
    await page.goto(urls["search"] + f"/?view=stories&q=Hajin+{story['tag']}")
    card = page.locator(f'.story a[data-story="{story["id"]}"]')
    await card.wait_for()
    assert await card.inner_text() == f"Battle for Hajin {story['tag']}"
    assert "highest 820" in await page.locator(".story .tracks-line").first.inner_text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / "story-list.png"), full_page=True)
    # On the Stories tab a standing query watches stories.
    await page.fill("#subscribe input[name=query]", f"Hajin {story['tag']}")
    await page.locator("#subscribe button").click()
    await page.locator("#subresult", has_text="watching stories").wait_for()
    await card.click()
    await page.locator("#story-title").wait_for()
    charts = page.locator("#story .track-chart canvas")
    await charts.first.wait_for()
    assert await charts.count() == 2
    killed = page.locator('#story .track-chart[data-key="killed|civilians|Hajin"]')
    assert await killed.get_attribute("data-points") == "3"
    drawn = await killed.locator("canvas").evaluate(SERIES_PIXELS)
    assert drawn > 200, f"the value series is not on the canvas ({drawn} pixels)"
    rows = await page.locator(
        '#story .track[data-key="killed|civilians|Hajin"] .reports tr'
    ).all_inner_texts()
    assert len(rows) == 4 and "500–700" in rows[2]
    timeline = await page.locator("#timeline li").all_inner_texts()
    assert [t.split(" · ")[0] for t in timeline] == ["2018-12-06", "2018-12-07", "2018-12-09"]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "story-view.png"
    await page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000

    # From the timeline to the article, which knows its story, and back.
    await page.locator(f'#timeline a[data-id="{(await _seed_id(page))}"]').click()
    await page.locator("#article #title").wait_for()
    assert await page.locator("#article #title").inner_text() == SEED_TITLE
    await page.locator("#article a.story-link").click()
    await page.locator("#story-title").wait_for()

    # A search hit links to its story too.
    await page.goto(urls["search"] + "/?q=Hajin")
    await page.locator(".hit a.story-link[data-story]").first.click()
    await page.locator("#story-title").wait_for()


async def _seed_id(page: Page) -> str:
    ids = await page.locator("#timeline a").evaluate_all("(as) => as.map((a) => a.dataset.id)")
    return str(ids[0])


async def test_story_text_is_shown_not_run(page: Page, urls: dict[str, str],
                                           story: dict[str, str]) -> None:  # fmt: skip
    await page.goto(urls["search"] + f"/?story={story['id']}")
    await page.locator("#story-title").wait_for()
    await page.locator("#story .track-chart canvas").first.wait_for()
    assert EVIL_TITLE in await page.locator("#timeline").inner_text()
    assert EVIL_NAME in await page.locator("#story-entities").inner_text()
    assert EVIL_NAME in await page.locator("#story .track h4").nth(1).inner_text()
    assert await page.locator("#story img, #story script").count() == 0
    assert await page.evaluate("window.__xss") is None
