"""The example article that ships with tiesdb and the demo that runs the whole pipeline on it."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ARTICLE = Path(__file__).with_name("germany-india.txt")

#: The example Cypher query the demo runs (works on the embedded store and on Neo4j).
DEMO_CYPHER = ("MATCH (a)-[t]->(b) WHERE a.country = $c OR b.country = $c "
               "RETURN type(t) AS type, count(*) AS ties ORDER BY ties DESC, type")


@dataclass
class DemoRun:
    """What `demo()` did, for the CLI to print."""
    store: Path
    report: Any
    stats: dict[str, Any]
    sample: list[dict[str, Any]]
    cypher: str
    cypher_rows: list[dict[str, Any]]
    central: list[tuple[str, float]]
    html: Path
    export: Path
    files: list[Path] = field(default_factory=list)


def demo(folder: str | Path = "tiesdb-demo") -> DemoRun:
    """Load the example article into ``folder``, query it both ways, draw it and export it."""
    import networkx as nx

    from tiesdb.graph.store import Store
    from tiesdb.loaders import load
    from tiesdb.queries.export import export
    from tiesdb.viz import view

    folder = Path(folder)
    with Store(folder, create=True) as db:
        report = load(db, [str(ARTICLE)])
        stats = db.stats()
        # The ties an analyst reads first: who meets, funds, invests, partners (not geography).
        rows = db.query("MATCH (a)-[t]->(b) WHERE NOT type(t) IN ['BASED_IN', 'LOCATED_IN', 'REPRESENTS'] "
                        "RETURN a.name AS source, type(t) AS type, b.name AS target, "
                        "t.evidence AS evidence ORDER BY t.evidence_start, type LIMIT 6").dicts()
        cypher_rows = db.query(DEMO_CYPHER, {"c": "DEU"}).dicts()
        g = db.subgraph()
    simple = nx.Graph(g)
    central = sorted(nx.degree_centrality(simple).items(), key=lambda kv: -kv[1])[:5]
    central = [(g.nodes[n].get("name", n), round(c, 3)) for n, c in central]
    html = view(g, folder / "graph.html", title="tiesdb demo: Germany and India")
    out = export(g, folder / "graph.graphml", "graphml")
    return DemoRun(folder, report, stats, rows, DEMO_CYPHER, cypher_rows, central, Path(html), Path(out))
