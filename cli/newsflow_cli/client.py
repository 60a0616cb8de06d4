"""CLI commands that talk to a running stack (feed, search, tail) or to none (enrich)."""

from __future__ import annotations

import asyncio
import html
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

FEEDABLE = {".txt": "text/plain", ".html": "text/html", ".htm": "text/html",
            ".json": "application/json", ".ndjson": "application/x-ndjson",
            ".jsonl": "application/x-ndjson"}  # fmt: skip
err = Console(stderr=True)


def content_type_of(path: Path, override: str | None = None) -> str:
    if override:
        return override
    try:
        return FEEDABLE[path.suffix.lower()]
    except KeyError:
        raise ValueError(
            f"{path}: cannot tell the content type from the extension {path.suffix!r}; "
            "use .txt, .html, .json or --content-type"
        ) from None


def collect(paths: list[Path]) -> list[Path]:
    """Files to feed: the paths given, and the feedable files under directories, sorted."""
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in FEEDABLE)
        elif p.is_file():
            files.append(p)
        else:
            raise FileNotFoundError(f"{p}: no such file or directory")
    return files


# ---- newsflow enrich -------------------------------------------------------------------------


def enrich_inputs(inputs: list[str], content_type: str | None, model: str,
                  ner: str) -> tuple[list[Any], int]:  # fmt: skip
    """Enrich files offline with the service's own code. Returns (events, number of failures)."""
    from newsflow_enrich.errors import NewsflowError as EnrichError
    from newsflow_enrich.pipeline import Enricher
    from newsflow_ingest.articles import from_body
    from newsflow_ingest.errors import NewsflowError as IngestError

    raws, failures = [], 0
    for name in inputs:
        try:
            if name == "-":
                data, ctype = sys.stdin.buffer.read(), content_type or "text/plain"
            else:
                data, ctype = Path(name).read_bytes(), content_type_of(Path(name), content_type)
            raws.append(from_body(data, ctype, url=None, source=None))
        except (OSError, ValueError, IngestError) as exc:
            failures += 1
            err.print(f"[red]error:[/red] {name}: {getattr(exc, 'detail', exc)}", highlight=False)
    enricher = Enricher(model, ner=ner)
    events = []
    for name, result in zip(inputs, enricher.enrich_many(raws), strict=False):
        if isinstance(result, EnrichError):
            failures += 1
            err.print(f"[red]error:[/red] {name}: {result}", highlight=False)
        else:
            events.append(result.model_dump(mode="json"))
    return events, failures


# ---- newsflow feed ---------------------------------------------------------------------------


@dataclass
class FeedSummary:
    accepted: int = 0
    rejected: int = 0
    failed: int = 0
    problems: list[str] = field(default_factory=list)


async def feed(files: list[Path], ingest_url: str, api_key: str | None = None,
               concurrency: int = 8) -> FeedSummary:  # fmt: skip
    summary = FeedSummary()
    headers = {"X-API-Key": api_key} if api_key else {}
    sem = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(base_url=ingest_url, timeout=60, headers=headers) as client:
        with Progress(console=err, transient=False) as progress:
            task = progress.add_task("feeding", total=len(files))

            async def one(path: Path) -> None:
                async with sem:
                    try:
                        await _post_file(client, path, summary)
                    except (httpx.HTTPError, OSError, ValueError) as exc:
                        summary.failed += 1
                        summary.problems.append(f"{path}: {exc}")
                    progress.advance(task)

            await asyncio.gather(*(one(f) for f in files))
    return summary


async def _post_file(client: httpx.AsyncClient, path: Path, summary: FeedSummary) -> None:
    ctype = content_type_of(path)
    data = path.read_bytes()
    batch = ctype == "application/x-ndjson" or (
        ctype == "application/json" and data.lstrip()[:1] == b"["
    )
    url = "/articles/batch" if batch else "/articles"
    params = {} if ctype == "application/json" or batch else {"source": path.parent.name}
    r = await client.post(url, content=data, headers={"content-type": ctype}, params=params)
    if batch and r.status_code in (202, 207):
        body = r.json()
        summary.accepted += body["accepted"]
        summary.rejected += body["rejected"]
        summary.failed += body["failed"]
        for i, item in enumerate(body["results"]):
            if item["status"] != "accepted":
                summary.problems.append(f"{path}[{i}]: {item['error']}")
    elif r.status_code == 202:
        summary.accepted += 1
    elif 400 <= r.status_code < 500:
        summary.rejected += 1
        summary.problems.append(f"{path}: {r.status_code} {r.json().get('detail', r.text)}")
    else:
        summary.failed += 1
        summary.problems.append(f"{path}: {r.status_code} {r.text[:200]}")


# ---- newsflow search -------------------------------------------------------------------------


def search(search_url: str, q: str, entity: list[str], since: str | None, size: int) -> Any:
    params: dict[str, Any] = {"q": q, "size": size}
    if entity:
        params["entity"] = entity
    if since:
        params["since"] = since
    r = httpx.get(f"{search_url}/search", params=params, timeout=30)
    if r.status_code != 200:
        raise ValueError(f"search failed: {r.status_code} {r.text[:300]}")
    return r.json()


def print_results(data: Any) -> None:
    out = Console()
    table = Table("date", "title", "agencies", "best match", title=f"{data['total']} article(s)",
                  show_lines=True)  # fmt: skip
    for h in data["hits"]:
        frag = (h["highlights"].get("body") or [""])[0]
        # Highlights come HTML-escaped around <mark>: turn marks into style, entities into text.
        frag = escape(html.unescape(frag.replace("<mark>", "\0").replace("</mark>", "\1")))
        frag = frag.replace("\0", "[bold yellow]").replace("\1", "[/]")
        table.add_row(h.get("published_at") or "", h.get("title") or h["id"],
                      ", ".join(h.get("agencies") or []), frag)  # fmt: skip
    out.print(table)


# ---- newsflow tail ---------------------------------------------------------------------------


async def tail(bootstrap: str, topic: str, from_beginning: bool, limit: int | None,
               as_json: bool) -> None:  # fmt: skip
    from aiokafka import AIOKafkaConsumer

    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, group_id=None,
        auto_offset_reset="earliest" if from_beginning else "latest",
    )  # fmt: skip
    await consumer.start()
    out = Console()
    seen = 0
    try:
        async for msg in consumer:
            try:
                value: Any = json.loads(msg.value)
            except ValueError:
                value = msg.value.decode(errors="replace")
            if as_json:
                print(json.dumps(value, ensure_ascii=False), flush=True)
            else:
                key = msg.key.decode(errors="replace") if msg.key else "-"
                out.rule(f"{topic} p{msg.partition}@{msg.offset} key={key}")
                out.print_json(data=_summarize(value)) if isinstance(value, dict) else out.print(
                    value
                )
            seen += 1
            if limit is not None and seen >= limit:
                return
    finally:
        await consumer.stop()


def _summarize(value: dict[str, Any]) -> dict[str, Any]:
    """Long bodies are cut for the terminal; --json prints events whole."""
    return {k: (v[:300] + "…" if isinstance(v, str) and len(v) > 300 else v)
            for k, v in value.items()}  # fmt: skip
