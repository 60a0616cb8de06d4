"""The `newsflow` console script."""

from __future__ import annotations

import logging
from typing import Annotated

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


def _stack():  # type: ignore[no-untyped-def]
    from newsflow_cli.components import StackConfig
    from newsflow_cli.stack import Stack

    return Stack(StackConfig.from_env(), say=lambda m: console.print(m, highlight=False))


def _fail(exc: StackError) -> typer.Exit:
    console.print(f"[red]error:[/red] {exc}", highlight=False)
    return typer.Exit(1)


@stack_app.command("up")
def stack_up(
    only: Only = None,
    infra: Annotated[bool, typer.Option(help="Only Kafka and Elasticsearch")] = False,
) -> None:
    """Start what is not running yet and wait until each part is healthy (a second `up` is a no-op)."""
    try:
        _stack().up(_names(only, infra))
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
    table = Table("part", "state", "pid", "where", "detail")
    all_ok = True
    for s in _stack().status(names):
        state = "[green]healthy[/]" if s.healthy else ("[yellow]unhealthy[/]" if s.pid else "down")
        all_ok &= s.healthy
        table.add_row(s.name, state, str(s.pid or "-"), s.where, s.detail)
    Console().print(table)
    return all_ok


if __name__ == "__main__":
    app()
