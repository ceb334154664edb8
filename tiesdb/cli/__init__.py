"""The `tiesdb` command line: parses arguments, calls the library, prints.

Shared pieces live here: the main group, the store/backend options, output formats and the
error handling that turns library errors into one `Error: ...` line and exit code 1.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any, Callable, Iterable

import click

from tiesdb import __version__
from tiesdb.graph.store import StoreError

#: Errors a user can act on; printed as one line, exit 1.
USER_ERRORS: tuple[type[BaseException], ...] = (StoreError, ValueError, OSError)


class TiesGroup(click.Group):
    """A click group that prints user errors as one line instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except USER_ERRORS as e:
            raise click.ClickException(_one_line(e)) from None

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)  # keep the order commands were added in


def _one_line(e: BaseException) -> str:
    text = str(e) or type(e).__name__
    if isinstance(e, OSError) and e.filename and str(e.filename) not in text:
        text = f"{e.filename}: {text}"
    return " ".join(text.split())


@click.group(cls=TiesGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tiesdb")
@click.option("--store", "store_path", type=click.Path(path_type=Path), envvar="TIESDB_STORE",
              help="Store folder (default: $TIESDB_STORE or ./tiesdb-data).")
@click.option("--backend", type=click.Choice(["embedded", "neo4j"]), envvar="TIESDB_BACKEND",
              default="embedded", show_default=True,
              help="Where the graph lives: the embedded store or a Neo4j server (NEO4J_URI, ...).")
@click.pass_context
def cli(ctx: click.Context, store_path: Path | None, backend: str) -> None:
    """tiesdb: a graph database of bilateral ties, read from articles, with the evidence.

    \b
    Example:
        tiesdb demo
        tiesdb load articles/ && tiesdb stats
        tiesdb query "MATCH (a:Country)-[t]-(b:Country) RETURN a.name, type(t), b.name"
    """
    ctx.obj = {"store": store_path, "backend": backend}


def store_option(f: Callable) -> Callable:
    """Add `--store PATH` to a command; it overrides the group's --store / TIESDB_STORE."""
    return click.option("--store", "store_path", type=click.Path(path_type=Path), default=None,
                        help="Store folder (default: $TIESDB_STORE or ./tiesdb-data).")(f)


def open_store(store_path: Path | None = None, *, create: bool = False, read_only: bool = False):
    """Open the store the user chose: this command's --store, else the group's, else the default."""
    ctx = click.get_current_context()
    obj = ctx.find_root().obj or {}
    if obj.get("backend") == "neo4j":
        from tiesdb.graph.neo4j import Neo4jStore
        return Neo4jStore.from_env()
    from tiesdb.graph.store import Store
    return Store(store_path or obj.get("store"), create=create, read_only=read_only)


FORMATS = ("table", "json", "csv", "nl")


def output_options(f: Callable) -> Callable:
    """Add --json/--csv/--nl/--table (one flag value `fmt`) to a command."""
    for name, help_ in (("nl", "newline-delimited JSON"), ("csv", "CSV"), ("json", "a JSON array"),
                        ("table", "a table (the default)")):
        f = click.option(f"--{name}", "fmt", flag_value=name, help=f"Output {help_}.")(f)
    return f


def _plain(v: Any) -> Any:
    """JSON-friendly value: dates as ISO strings, nested lists/dicts converted."""
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple, set, frozenset)):
        return [_plain(x) for x in v]
    return v


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def emit(records: Iterable[dict[str, Any]], fmt: str | None = None, *,
         columns: list[str] | None = None, title: str | None = None) -> None:
    """Print records (dicts) as a table, JSON, CSV or newline-delimited JSON."""
    records = [_plain(r) for r in records]
    columns = columns or (list(records[0]) if records else [])
    fmt = fmt or "table"
    if fmt == "json":
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
    elif fmt == "nl":
        for r in records:
            click.echo(json.dumps(r, ensure_ascii=False))
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(columns)
        w.writerows([_cell(r.get(c)) for c in columns] for r in records)
        click.echo(buf.getvalue(), nl=False)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title, show_lines=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in records:
            table.add_row(*(_cell(r.get(c)) for c in columns))
        Console(soft_wrap=False).print(table)
        if not records:
            click.echo("(no rows)", err=True)


def info(message: str) -> None:
    """A status line for people (stderr, so stdout stays clean for scripts)."""
    click.echo(message, err=True)


# Command modules register themselves on `cli` when imported.
from tiesdb.cli import core, demo, export, neo4j, queries, view  # noqa: E402,F401


def main() -> None:
    cli(prog_name="tiesdb")
