"""export and import: the graph (or a subgraph) to and from files (library: tiesdb.queries.export)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from tiesdb.cli import cli, info, open_store, store_option
from tiesdb.cli.core import _param_value
from tiesdb.cli.queries import date_options, split_list, types_option

FORMATS = ("graphml", "gexf", "json", "csv", "cypher")


@cli.command()
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS, case_sensitive=False),
              help="Output format (default: from the suffix of -o; csv writes a folder).")
@click.option("-o", "--output", "out", type=click.Path(path_type=Path), required=True,
              help="File to write (a folder for csv).")
@click.option("--around", multiple=True, help="Only this entity (any alias) and its surroundings; repeatable.")
@click.option("--depth", "-d", type=click.IntRange(0, 6), default=1, show_default=True,
              help="How many ties around --around.")
@types_option
@click.option("--labels", help="Comma-separated node labels to keep, e.g. Country,Firm.")
@date_options
@click.option("--query", "cypher", help="Export the nodes, relationships and paths this Cypher query returns.")
@click.option("-p", "--param", "params", nargs=2, multiple=True, metavar="NAME VALUE",
              help="A $parameter for --query; repeatable.")
@store_option
def export(fmt: str | None, out: Path, around: tuple[str, ...], depth: int, types: str | None,
           labels: str | None, since: dt.date | None, until: dt.date | None, cypher: str | None,
           params: tuple[tuple[str, str], ...], store_path: Path | None) -> None:
    """Write the graph, or part of it, as GraphML, GEXF, node-link JSON, neo4j-admin CSV or Cypher.

    GraphML and GEXF open in Gephi (GEXF edges carry start/end dates for the timeline);
    json and csv can be read back with `tiesdb import`; the Cypher script (MERGE only)
    loads into Neo4j with cypher-shell -f. See docs/queries.md for the encodings.

    \b
    Example:
        tiesdb export -o ties.gexf
        tiesdb export --format csv -o neo4j-import/ --around India --depth 2 --since 2024-01-01
        tiesdb export -o firms.json --query "MATCH p=(:Firm)-[:INVESTS_IN]->(:Country {name: \\$c}) RETURN p" -p c India
    """
    from tiesdb.graph.store import Store
    from tiesdb.queries.export import export as write, guess_format, select
    from tiesdb.queries.export.neo4j_csv import admin_import_args, write_store_csv

    if cypher and around:
        raise click.UsageError("give either --query or --around, not both")
    fmt = guess_format(out, fmt)
    whole = not (around or cypher or types or labels or since or until)
    with open_store(store_path, read_only=True) as db:
        if fmt == "csv" and whole and isinstance(db, Store):  # the engine writes it, ~50x faster
            n = write_store_csv(db, out)
            info(f"Wrote {n['nodes']} nodes, {n['ties']} ties and {n['documents']} documents to {out} (csv); "
                 f"load into a stopped Neo4j with: neo4j-admin {' '.join(admin_import_args(out))}")
            return
        g = select(db, around=list(around) or None, depth=depth, types=split_list(types),
                   labels=split_list(labels), since=since, until=until, query=cypher,
                   params={k: _param_value(v) for k, v in params})
    if g.number_of_nodes() == 0:
        raise ValueError("nothing to export: the selection has no nodes")
    path = write(g, out, fmt)
    info(f"Wrote {g.number_of_nodes()} nodes and {g.number_of_edges()} ties to {path} ({fmt})")


@cli.command("import")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "-f", "fmt", type=click.Choice(("json", "csv", "graphml", "gexf"), case_sensitive=False),
              help="Input format (default: from the suffix; a folder is csv).")
@store_option
def import_(path: Path, fmt: str | None, store_path: Path | None) -> None:
    """Load a tiesdb export (node-link JSON, a csv folder, GraphML or GEXF) into the store.

    Ties are stored under the documents they came from; documents already stored are skipped.

    \b
    Example:
        tiesdb export -o backup.json && tiesdb --store copy import backup.json
    """
    from tiesdb.queries.export import import_graph

    with open_store(store_path, create=True) as db:
        done = import_graph(db, path, fmt)
    info(f"Imported {done['nodes']} nodes and {done['ties']} ties from {path}: {done['documents']} documents "
         f"added, {done['skipped']} already stored")
