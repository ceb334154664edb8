"""`tiesdb view`: draw the graph (or part of it) as one offline HTML file (library: tiesdb.viz)."""
from __future__ import annotations

from pathlib import Path

import click

from tiesdb.cli import cli, info, open_store, store_option


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("tiesdb-view.html"),
              show_default=True, help="The HTML file to write.")
@click.option("--around", metavar="NAME", help="Only NAME (id, name or alias) and its neighbourhood.")
@click.option("--depth", type=click.IntRange(0), default=1, show_default=True,
              help="How many ties away from --around to go.")
@click.option("--between", nargs=2, metavar="A B", help="The ties between A and B (the dyad report of `tiesdb ties A B`).")
@click.option("--query", "cypher", metavar="CYPHER", help="The nodes, ties or paths a Cypher query returns.")
@click.option("--max-nodes", type=click.IntRange(0), default=None,
              help="Show at most this many nodes, the best-connected (default 2000; 0: no cap).")
@click.option("--title", help="The page title (default: says what is shown).")
@click.option("--open", "open_", is_flag=True, help="Open the file in the default browser.")
@store_option
def view(output: Path, around: str | None, depth: int, between: tuple[str, str] | None, cypher: str | None,
         max_nodes: int | None, title: str | None, open_: bool, store_path: Path | None) -> None:
    """Write an interactive network view: one HTML file that works offline (file://).

    Hover a tie for its evidence, click a node or tie for all of it; search, filter by tie
    type, label and date, highlight neighbourhoods. Big graphs get a precomputed layout.

    \b
    Example:
        tiesdb view -o ties.html
        tiesdb view --around Japan --depth 2 -o japan.html
        tiesdb view --between India Japan -o dyad.html
        tiesdb view --query "MATCH p=(:Firm)-[:INVESTS_IN]->() RETURN p" --open
    """
    from tiesdb.viz import DEFAULT_MAX_NODES, select
    from tiesdb.viz import view as write_view

    if sum(x is not None for x in (around, between, cypher)) > 1:
        raise click.UsageError("use only one of --around, --between and --query")
    with open_store(store_path, read_only=True) as store:
        if around is not None:
            graph, what = select.around(store, around, depth)
        elif between is not None:
            graph, what = select.between(store, *between)
        elif cypher is not None:
            graph, what = select.from_query(store, cypher)
        else:
            graph, what = select.whole(store)
        docs = select.documents(store)
    cap = DEFAULT_MAX_NODES if max_nodes is None else (max_nodes or None)
    path = write_view(graph, output, title=title or what, max_nodes=cap, documents=docs)
    n, m = graph.number_of_nodes(), graph.number_of_edges()
    click.echo(f"Wrote {path}: {what.lower() if what.startswith('The') else what}, {n:,} nodes and {m:,} ties.")
    if cap and n > cap:
        info(f"Only the {cap:,} best-connected nodes are drawn; narrow the view (--around, --between, "
             f"--query) or raise --max-nodes.")
    if n == 0:
        info("The view is empty: nothing matched.")
    if open_:
        click.launch(path.resolve().as_uri())
