"""Relationship questions: ties, neighbors, path, top, timeline, why (library: tiesdb.queries)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import click

from tiesdb.cli import _plain, cli, emit, info, open_store, output_options, store_option


class DateType(click.ParamType):
    """YYYY-MM-DD, YYYY-MM or YYYY: the first day of the period, or with ``end`` its last day."""
    name = "DATE"

    def __init__(self, end: bool = False) -> None:
        self.end = end

    def convert(self, value: Any, param, ctx) -> dt.date:
        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        for fmt, step in (("%Y-%m-%d", None), ("%Y-%m", "month"), ("%Y", "year")):
            try:
                day = dt.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
            if self.end and step == "year":
                day = day.replace(month=12, day=31)
            elif self.end and step == "month":
                day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            return day
        self.fail(f"{value!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)", param, ctx)


def split_list(value: str | None) -> list[str] | None:
    """Split "A,B, C" into ["A", "B", "C"]; None or "" gives None."""
    items = [x.strip() for x in (value or "").split(",") if x.strip()]
    return items or None


def date_options(f):
    f = click.option("--until", type=DateType(end=True),
                     help="Only ties dated on or before this day (YYYY or YYYY-MM: to the period's end).")(f)
    return click.option("--since", type=DateType(), help="Only ties dated on or after this day (YYYY[-MM[-DD]]).")(f)


def types_option(f):
    return click.option("--types", help="Comma-separated tie types, e.g. INVESTS_IN,PARTNERS_WITH.")(f)


def show(records: list[dict[str, Any]], fmt: str | None, empty: str, columns: list[str], title: str | None = None) -> None:
    """Print records; when there are none, say so in one line (and still print [] / a header for scripts)."""
    if not records:
        info(empty)
        if fmt in ("json", "nl", "csv"):
            emit(records, fmt, columns=columns)
        return
    if fmt in (None, "table"):  # a narrower table: leave out columns empty in every row
        columns = [c for c in columns if any(r.get(c) not in (None, "") for r in records)]
    emit(records, fmt, columns=columns if fmt in (None, "table", "csv") else None, title=title)


TIE_COLUMNS = ["type", "domain", "date", "source", "target", "via", "evidence", "id"]


@cli.command()
@click.argument("a")
@click.argument("b")
@date_options
@types_option
@click.option("--no-shared", is_flag=True, help="Leave out ties to third nodes both sides are tied to.")
@store_option
@output_options
def ties(a: str, b: str, since: dt.date | None, until: dt.date | None, types: str | None, no_shared: bool,
         store_path: Path | None, fmt: str | None) -> None:
    """The ties between two entities and everything that belongs to them.

    For two countries: ties between the countries and between their firms, institutions,
    missions and people (belonging through BASED_IN, REPRESENTS, LOCATED_IN or the country
    code), grouped by type and domain; then ties to third nodes both sides are tied to (a
    joint mission, an agreement both sign: column "via" in --json/--csv).

    \b
    Example:
        tiesdb ties India Japan --since 2024-01-01 --types INVESTS_IN,PARTNERS_WITH
        tiesdb ties "Japanese" ISRO --json
    """
    from tiesdb.queries import ties as dyad

    with open_store(store_path, read_only=True) as db:
        report = dyad(db, a, b, since=since, until=until, types=split_list(types), shared=not no_shared)
    if fmt in (None, "table") and report.ties:
        print_report(report)
        return
    show(report.ties, fmt, f"No ties between {report.a.name} and {report.b.name}"
         + (" in that range or of those types." if since or until or types else "."), TIE_COLUMNS)


def print_report(report) -> None:
    """The dyad report for people: direct ties under a heading per (type, domain), then the
    ties to each shared third node, each tie with its evidence."""
    import shutil
    import textwrap

    width = min(shutil.get_terminal_size((100, 20)).columns, 120)

    def line(r: dict[str, Any]) -> None:
        date = r["date"].isoformat() if r["date"] else "undated"
        click.echo(f"  {r['source']} -[{r['type']}]-> {r['target']}  {date}  {r['id']}")
        evidence = " ".join((r["evidence"] or "").split())
        if evidence:
            click.echo(textwrap.fill(f'"{evidence}"', width=width, initial_indent="      ",
                                     subsequent_indent="      "))

    counts = ", ".join(f"{t} {n}" for t, n in sorted(report.counts().items()))
    click.echo(f"{report.a.name} - {report.b.name}: {len(report.ties)} ties ({counts})")
    for (ttype, domain), rows in report.groups().items():
        direct = [r for r in rows if not r["via"]]
        if direct:
            click.echo(f"\n{ttype}" + (f" ({domain})" if domain else ""))
            for r in direct:
                line(r)
    shared: dict[str, list[dict[str, Any]]] = {}
    for r in report.ties:
        if r["via"]:
            shared.setdefault(r["via"], []).append(r)
    for via, rows in sorted(shared.items()):
        label = rows[0]["source_label"] if rows[0]["source"] == via else rows[0]["target_label"]
        click.echo(f"\nShared by both sides: {via} ({label})")
        for r in rows:
            line(r)


@cli.command()
@click.argument("name")
@click.option("--depth", "-d", type=click.IntRange(1, 6), default=1, show_default=True,
              help="How many ties away to look.")
@types_option
@store_option
@output_options
def neighbors(name: str, depth: int, types: str | None, store_path: Path | None, fmt: str | None) -> None:
    """Entities within DEPTH ties of NAME, nearest first, with the tie types that reach them.

    \b
    Example:
        tiesdb neighbors JAXA --depth 2
        tiesdb neighbors India --types PARTNERS_WITH --csv
    """
    from tiesdb.queries import neighbors as near

    with open_store(store_path, read_only=True) as db:
        rows = near(db, name, depth=depth, types=split_list(types))
    show(rows, fmt, f"{name!r} has no neighbours" + (" through those types." if types else "."),
         ["depth", "name", "label", "via", "id"], title=f"{len(rows)} entities within {depth} of {name}")


@cli.command()
@click.argument("a")
@click.argument("b")
@click.option("--all", "all_paths", is_flag=True, help="Every simple path up to --max ties, shortest first.")
@click.option("--max", "max_len", type=click.IntRange(1, 8), default=4, show_default=True,
              help="Longest path to look for, in ties.")
@types_option
@store_option
@output_options
def path(a: str, b: str, all_paths: bool, max_len: int, types: str | None, store_path: Path | None,
         fmt: str | None) -> None:
    """How A and B are connected: a shortest path (or all paths) over ties in either direction.

    \b
    Example:
        tiesdb path "Tohoku University" Suzuki
        tiesdb path ISRO Japan --all --max 3 --json
    """
    from tiesdb.queries import path as find_path

    with open_store(store_path, read_only=True) as db:
        rows = find_path(db, a, b, all=all_paths, max=max_len, types=split_list(types))
    show(rows, fmt, f"No path between {a!r} and {b!r} within {max_len} tie{'s' if max_len > 1 else ''}.",
         ["length", "path"])


@cli.command()
@click.option("--by", type=click.Choice(["degree", "betweenness", "pagerank"]), default="degree",
              show_default=True, help="Centrality measure.")
@click.option("--label", help="Only entities with this label (Firm, Country, ...).")
@click.option("-n", "n", type=click.IntRange(1), default=10, show_default=True, help="How many.")
@store_option
@output_options
def top(by: str, label: str | None, n: int, store_path: Path | None, fmt: str | None) -> None:
    """The most central entities by degree, betweenness or pagerank.

    \b
    Example:
        tiesdb top --by pagerank --label Firm -n 5
    """
    from tiesdb.queries import top as rank

    with open_store(store_path, read_only=True) as db:
        rows = rank(db, by=by, label=label, n=n)
    show(rows, fmt, "No entities with ties" + (f" with label {label}." if label else "."),
         ["rank", "name", "label", by, "id"])


@cli.command()
@click.argument("a")
@click.argument("b")
@click.option("--by", type=click.Choice(["month", "year"]), default="month", show_default=True)
@date_options
@types_option
@store_option
@output_options
def timeline(a: str, b: str, by: str, since: dt.date | None, until: dt.date | None, types: str | None,
             store_path: Path | None, fmt: str | None) -> None:
    """Ties between A and B (as in `tiesdb ties`) per month or year, counted by type.

    \b
    Example:
        tiesdb timeline India Japan --by year
    """
    from tiesdb.queries import timeline as per_period

    with open_store(store_path, read_only=True) as db:
        rows = per_period(db, a, b, by=by, since=since, until=until, types=split_list(types))
    columns = list(rows[0]) if rows else ["period", "total"]
    show(rows, fmt, f"No ties between {a!r} and {b!r}.", columns)


@cli.command()
@click.argument("tie_id")
@store_option
@output_options
def why(tie_id: str, store_path: Path | None, fmt: str | None) -> None:
    """Where a tie comes from: its evidence, document, rule, confidence and offsets.

    Tie ids are in the id column of `tiesdb ties` (and `r.id` in Cypher); a unique start
    of an id is enough.

    \b
    Example:
        tiesdb why t-3f2a9c81d0e4
    """
    from tiesdb.queries import why as explain

    with open_store(store_path, read_only=True) as db:
        rec = explain(db, tie_id)
    if fmt == "json":
        click.echo(json.dumps(_plain(rec), indent=2, ensure_ascii=False))
    elif fmt in ("nl", "csv"):
        emit([rec], fmt)
    else:
        emit([{"field": k, "value": v} for k, v in rec.items() if v not in (None, "")],
             columns=["field", "value"], title=f"tie {tie_id}")
