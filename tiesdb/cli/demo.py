"""`tiesdb demo`: the whole pipeline on the example article, no server, no network."""
from __future__ import annotations

from pathlib import Path

import click

from tiesdb.cli import cli, emit


@cli.command()
@click.option("--dir", "folder", type=click.Path(path_type=Path), default=Path("tiesdb-demo"),
              show_default=True, help="Where to put the demo store, view and export.")
def demo(folder: Path) -> None:
    """Load an example article, query it, draw it and export it.

    \b
    Example:
        tiesdb demo && tiesdb --store tiesdb-demo stats
    """
    from tiesdb.examples import ARTICLE, demo as run_demo

    click.echo(f"Loading the example article {ARTICLE.name} into {folder}/ ...")
    run = run_demo(folder)
    click.echo(run.report.summary())
    s = run.stats
    click.echo(f"\nThe store holds {s['documents']} document, {s['nodes']} nodes and {s['ties']} ties.")
    emit([{"label": k, "nodes": v} for k, v in s["labels"].items()], title="Nodes by label")
    emit([{"type": k, "ties": v} for k, v in s["types"].items()], title="Ties by type")
    click.echo("\nA few ties with their evidence:")
    for t in run.sample:
        evidence = " ".join(t["evidence"].split())
        evidence = evidence if len(evidence) <= 150 else evidence[:147] + "..."
        click.echo(f"  {t['source']} -[{t['type']}]-> {t['target']}\n      \"{evidence}\"")
    click.echo(f"\nCypher: {run.cypher}   (c = 'DEU')")
    emit(run.cypher_rows, title="Germany's ties by type")
    click.echo("\nNetworkX: the most connected entities (degree centrality)")
    emit([{"entity": n, "degree centrality": c} for n, c in run.central])
    click.echo(f"\nWrote {run.html} (open it in a browser) and {run.export} (GraphML for Gephi).")
    store = f"--store {folder}"
    click.echo("\nTry next:\n"
               f"  tiesdb {store} stats\n"
               f"  tiesdb {store} query \"MATCH (f:Firm)-[t:INVESTS_IN]->(x) RETURN f.name, x.name, t.amount, t.currency\"\n"
               f"  tiesdb {store} ties Germany India\n"
               f"  tiesdb {store} neighbors ISRO --depth 2\n"
               f"  tiesdb {store} view --around India --depth 1 -o india.html\n"
               "  tiesdb load your-articles/ && tiesdb stats")
