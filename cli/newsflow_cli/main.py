"""The `newsflow` console script."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import httpx
import typer
from rich.console import Console
from rich.table import Table

from newsflow_cli.components import ALL, INFRA
from newsflow_cli.processes import StackError

app = typer.Typer(help="newsflow: raw news articles in, structured searchable events out.")
stack_app = typer.Typer(help="Start, stop and inspect the local Kafka, Elasticsearch and services.")
app.add_typer(stack_app, name="stack")
console = Console(stderr=True)
# Health checks poll a broker that is still starting: its "unable to connect" errors are expected.
logging.getLogger("aiokafka").setLevel(logging.CRITICAL)

Only = Annotated[
    str | None,
    typer.Option(help=f"Comma-separated subset of: {','.join(ALL)} (default: all)"),
]


def _names(only: str | None, infra: bool = False) -> list[str]:
    if infra:
        return list(INFRA)
    if not only:
        return list(ALL)
    names = [n.strip() for n in only.split(",") if n.strip()]
    unknown = [n for n in names if n not in ALL]
    if unknown:
        raise typer.BadParameter(f"unknown component(s) {unknown}; choose from {list(ALL)}")
    return [n for n in ALL if n in names]  # always in dependency order


def _stack(cluster: bool = False):  # type: ignore[no-untyped-def]
    from newsflow_cli.components import StackConfig
    from newsflow_cli.stack import Stack

    return Stack(StackConfig.from_env(cluster), say=lambda m: console.print(m, highlight=False))


def _fail(exc: StackError) -> typer.Exit:
    console.print(f"[red]error:[/red] {exc}", highlight=False)
    return typer.Exit(1)


@stack_app.command("up")
def stack_up(
    only: Only = None,
    infra: Annotated[bool, typer.Option(help="Only Kafka and Elasticsearch")] = False,
    cluster: Annotated[
        bool,
        typer.Option(
            help="Three Kafka brokers (replication 3, min ISR 2) "
            "and two Elasticsearch data nodes plus a master-only one"
        ),
    ] = False,
) -> None:
    """Start what is not running yet and wait until each part is healthy (a second `up` is a no-op).

    `status` and `down` then handle the cluster by themselves, until `down` stops it.
    """
    try:
        _stack(cluster).up(_names(only, infra))
    except StackError as exc:
        raise _fail(exc) from None
    _print_status(_names(only, infra))


@stack_app.command("down")
def stack_down(only: Only = None) -> None:
    """Stop what `stack up` started (by pid file); data stays in the state directory."""
    stopped = _stack().down(_names(only))
    if not stopped:
        console.print("nothing was running")


@stack_app.command("status")
def stack_status(only: Only = None) -> None:
    """Tell what runs, where, and whether it is healthy. Exit code 1 unless all are healthy."""
    if not _print_status(_names(only)):
        raise typer.Exit(1)


@stack_app.command("fetch")
def stack_fetch() -> None:
    """Fetch the Kafka and Elasticsearch jars from Maven Central (cached) and build the launcher."""
    try:
        _stack().fetch()
    except StackError as exc:
        raise _fail(exc) from None


def _print_status(names: list[str]) -> bool:
    stack = _stack()
    table = Table("part", "role", "state", "pid", "memory", "where", "detail")
    all_ok, total = True, 0.0
    for s in stack.status(names):
        state = "[green]healthy[/]" if s.healthy else ("[yellow]unhealthy[/]" if s.pid else "down")
        all_ok &= s.healthy
        total += s.rss_mb or 0.0
        memory = f"{s.rss_mb:.0f} MB" if s.rss_mb is not None else "-"
        table.add_row(s.name, s.role, state, str(s.pid or "-"), memory, s.where, s.detail)
    out = Console()
    out.print(table)
    out.print(f"memory (RSS) of all: {total:.0f} MB", highlight=False)
    if stack.config.cluster:
        from newsflow_cli.cluster import report

        for line in report(stack):
            out.print(line, highlight=False)
    return all_ok


@app.command()
def enrich(
    inputs: Annotated[list[str], typer.Argument(help="Files, or - for standard input")],
    content_type: Annotated[
        str | None,
        typer.Option(
            help="Override the type the extension "
            "implies: text/plain, text/html or application/json"
        ),
    ] = None,
    model: Annotated[
        str | None, typer.Option(help="spaCy pipeline (default: the service's)")
    ] = None,
) -> None:
    """Enrich articles offline (no broker): the enrich service's own code, as JSON on stdout."""
    from newsflow_enrich.config import get_settings as enrich_settings

    from newsflow_cli.client import enrich_inputs

    settings = enrich_settings()
    events, failures = enrich_inputs(inputs, content_type, model or settings.model, settings.ner)
    if events:
        out = events[0] if len(inputs) == 1 else events
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    if failures:
        raise typer.Exit(1)


@app.command()
def feed(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or directories (.txt .html .json .ndjson)")
    ],
    api_key: Annotated[str | None, typer.Option(envvar="NEWSFLOW_INGEST_API_KEY")] = None,
) -> None:
    """Post articles to the ingest service, with progress and a summary."""
    from newsflow_cli.client import collect
    from newsflow_cli.client import feed as do_feed

    try:
        files = collect(paths)
    except FileNotFoundError as exc:
        raise _fail(StackError(str(exc))) from None
    summary = asyncio.run(do_feed(files, _url("ingest"), api_key))
    for problem in summary.problems[:20]:
        console.print(f"  [yellow]{problem}[/yellow]", highlight=False)
    console.print(f"accepted {summary.accepted}, rejected {summary.rejected}, "
                  f"failed {summary.failed}")  # fmt: skip
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Full text: AND/OR/NOT, "phrases", -exclusion')] = "",
    entity: Annotated[list[str] | None, typer.Option(help="Entity name or alias")] = None,
    since: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    size: int = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the API's JSON")] = False,
) -> None:
    """Search the indexed articles."""
    from newsflow_cli.client import print_results
    from newsflow_cli.client import search as do_search

    _show(
        lambda: do_search(_url("search"), query, entity or [], since, size), print_results, as_json
    )


@app.command()
def stories(
    query: Annotated[str, typer.Argument(help="Full text over story and article titles")] = "",
    entity: Annotated[list[str] | None, typer.Option(help="Entity name or alias")] = None,
    since: Annotated[str | None, typer.Option(help="Reported on or after YYYY-MM-DD")] = None,
    sort: Annotated[str, typer.Option(help="recency, size or relevance")] = "recency",
    size: int = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the API's JSON")] = False,
) -> None:
    """Search the stories: one event across many articles, with its figure tracks."""
    from newsflow_cli.stories import print_stories
    from newsflow_cli.stories import stories as do_stories

    _show(
        lambda: do_stories(_url("search"), query, entity or [], since, sort, size),
        print_stories,
        as_json,
    )


@app.command()
def story(
    story_id: Annotated[str, typer.Argument(help="A story id, from `newsflow stories`")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the API's JSON")] = False,
) -> None:
    """One story: its articles on a timeline, figure tracks with every report, top entities."""
    from newsflow_cli.stories import print_story
    from newsflow_cli.stories import story as get_story

    _show(lambda: get_story(_url("search"), story_id), print_story, as_json)


@app.command()
def tail(
    topic: Annotated[
        str, typer.Argument(help="articles.raw, articles.enriched, articles.dlq, alerts")
    ],
    from_beginning: Annotated[bool, typer.Option(help="Start at the oldest event")] = False,
    limit: Annotated[int | None, typer.Option(help="Stop after this many events")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON event per line")] = False,
) -> None:
    """Print events from a topic as they arrive."""
    from newsflow_contracts.settings import StackSettings

    from newsflow_cli.client import tail as do_tail

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(do_tail(StackSettings().kafka_bootstrap, topic, from_beginning, limit, as_json))


@app.command()
def demo() -> None:
    """Start the whole stack, feed the seed article and the demo corpus, print where to search."""
    from newsflow_cli.client import collect
    from newsflow_cli.client import feed as do_feed
    from newsflow_cli.components import REPO

    try:
        _stack().up()
    except StackError as exc:
        raise _fail(exc) from None
    files = collect([REPO / "demo"])
    summary = asyncio.run(do_feed(files, _url("ingest")))
    console.print(f"fed {len(files)} files: accepted {summary.accepted}, rejected "
                  f"{summary.rejected}, failed {summary.failed}")  # fmt: skip
    search_url = _url("search")
    _wait_searchable(search_url, summary.accepted)
    console.print(
        f"\n[bold]newsflow is up.[/bold]\n"
        f"  search page   {search_url}/\n"
        f"  search API    {search_url}/search?q=Hajin   ({search_url}/docs)\n"
        f"  stories       {search_url}/?view=stories   ({search_url}/stories?q=Hajin)\n"
        f"  ingest API    {_url('ingest')}/articles   ({_url('ingest')}/docs)\n"
        f"  enriched events: newsflow tail articles.enriched --from-beginning\n"
        f"  stop it all:  newsflow stack down",
        highlight=False,
    )


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def bench(ctx: typer.Context) -> None:
    """Run the performance benchmarks (bench/run; --quick for a smoke run, --help for more)."""
    import os

    from newsflow_cli.components import REPO

    script = REPO / "bench" / "run"
    os.execv(str(script), [str(script), *ctx.args])


def _wait_searchable(search_url: str, expected: int, timeout: float = 120) -> None:
    """Wait until the fed articles are enriched and indexed, showing how many are."""
    import time

    from rich.progress import Progress

    with Progress(console=console) as progress:
        task = progress.add_task("enriching and indexing", total=expected)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                total = httpx.get(f"{search_url}/search", params={"size": 0}, timeout=5).json()
                progress.update(task, completed=min(total["total"], expected))
                if total["total"] >= expected:
                    return
            except (httpx.HTTPError, ValueError, KeyError):
                pass
            time.sleep(0.5)
    console.print("[yellow]not every article is searchable yet; see `newsflow stack status`[/]")


def _show(ask: Callable[[], Any], render: Callable[[Any], None], as_json: bool) -> None:
    """Ask a service, then print its JSON as it came or rendered for people; errors exit 1."""
    try:
        data = ask()
    except (ValueError, httpx.HTTPError) as exc:
        raise _fail(StackError(str(exc))) from None
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        render(data)


def _url(service: str) -> str:
    from newsflow_contracts.settings import StackSettings

    s = StackSettings()
    return f"http://127.0.0.1:{getattr(s, f'{service}_port')}"


if __name__ == "__main__":
    app()
