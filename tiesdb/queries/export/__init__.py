"""Export the graph (or part of it) to GraphML, GEXF, node-link JSON, neo4j-admin CSV or a
Cypher script, and import json/csv/GraphML/GEXF back into a store.

One module per format, each with ``write_X(g, path)`` (and ``read_X(path)`` where the format
can be read back), as in ``networkx.readwrite``. ``select`` builds the graph to export from a
store; ``export`` writes it; ``read`` and ``import_graph`` go the other way.

Examples
--------
>>> g = select(store, around=["India"], depth=1, since=dt.date(2024, 1, 1))   # doctest: +SKIP
>>> export(g, "india.gexf")
>>> import_graph(empty_store, export(g, "india.json"))
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, Iterable

import networkx as nx

from tiesdb.graph import schema
from tiesdb.graph.model import Document, Entity, Extraction, Tie, slugify
from tiesdb.graph.backend import Backend
from tiesdb.queries.cypher import is_node, is_path, is_rel
from tiesdb.queries.export.cypher_script import write_cypher
from tiesdb.queries.export.gexf import read_gexf, write_gexf
from tiesdb.queries.export.graphml import read_graphml, write_graphml
from tiesdb.queries.export.neo4j_csv import read_csv, write_csv
from tiesdb.queries.export.nodelink import read_json, write_json
from tiesdb.queries.resolve import resolve

WRITERS: dict[str, Callable[[nx.MultiDiGraph, Path], Path]] = {
    "graphml": write_graphml, "gexf": write_gexf, "json": write_json, "csv": write_csv, "cypher": write_cypher,
}
READERS: dict[str, Callable[[Path], nx.MultiDiGraph]] = {
    "graphml": read_graphml, "gexf": read_gexf, "json": read_json, "csv": read_csv,
}
FORMATS = tuple(WRITERS)
_SUFFIXES = {".graphml": "graphml", ".xml": "graphml", ".gexf": "gexf", ".json": "json",
             ".cypher": "cypher", ".cql": "cypher", ".csv": "csv"}

__all__ = ["FORMATS", "export", "read", "select", "import_graph", "guess_format",
           "write_graphml", "read_graphml", "write_gexf", "read_gexf", "write_json", "read_json",
           "write_csv", "read_csv", "write_cypher"]


def guess_format(path: str | Path, fmt: str | None = None, reading: bool = False) -> str:
    """The format named by ``fmt``, else by the file's suffix (a folder is csv)."""
    table = READERS if reading else WRITERS
    if fmt:
        if fmt.lower() not in table:
            raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(table)}")
        return fmt.lower()
    p = Path(path)
    if p.is_dir() or p.suffix.lower() in _SUFFIXES:
        found = "csv" if p.is_dir() else _SUFFIXES[p.suffix.lower()]
        if found in table:
            return found
    raise ValueError(f"cannot tell the format of {p}; give --format ({', '.join(table)})")


def export(g: nx.MultiDiGraph, path: str | Path, fmt: str | None = None) -> Path:
    """Write the tiesdb graph ``g`` to ``path`` in ``fmt`` (default: from the suffix).

    ``csv`` writes a folder (nodes.csv, ties.csv, documents.csv). Returns the path written.

    Examples
    --------
    >>> export(store.subgraph(), "ties.graphml")          # doctest: +SKIP
    PosixPath('ties.graphml')
    """
    return WRITERS[guess_format(path, fmt)](g, Path(path))


def read(path: str | Path, fmt: str | None = None) -> nx.MultiDiGraph:
    """Read an export (json, csv folder, graphml, gexf) back into a tiesdb MultiDiGraph."""
    if not Path(path).exists():
        raise ValueError(f"{path} does not exist")
    return READERS[guess_format(path, fmt, reading=True)](Path(path))


def _from_query(store: Backend, cypher: str, params: dict[str, Any] | None) -> tuple[set[str], set[str]]:
    """Node ids and tie ids of every node, relationship and path a query returns."""
    node_ids, tie_ids = set(), set()

    def walk(v: Any) -> None:
        if is_path(v):
            for x in (*v["_NODES"], *v["_RELS"]):
                walk(x)
        elif is_rel(v):
            tie_ids.add(v["id"])
        elif is_node(v):
            if v.get("_LABEL") in schema.LABELS:
                node_ids.add(v["id"])
        elif isinstance(v, (list, tuple)):
            for x in v:
                walk(x)

    for row in store.query(cypher, params or {}).rows:
        for v in row:
            walk(v)
    if not node_ids and not tie_ids:
        raise ValueError("the query returned no nodes, relationships or paths to export "
                         "(return them, e.g. MATCH p=(a)-[t]->(b) RETURN p)")
    return node_ids, tie_ids


def select(store: Backend, *, around: Iterable[str] | None = None, depth: int = 1, types: Iterable[str] | None = None,
           labels: Iterable[str] | None = None, since: dt.date | None = None, until: dt.date | None = None,
           query: str | None = None, params: dict[str, Any] | None = None,
           documents: bool = True) -> nx.MultiDiGraph:
    """The part of the store to export, as a tiesdb MultiDiGraph.

    The whole graph by default; ``around`` (entity names or aliases) with ``depth``; or the
    nodes, relationships and paths a Cypher ``query`` returns. ``types``, ``labels``,
    ``since`` and ``until`` filter in every case. Nodes carry ``docs`` (the documents that
    mention them) and, with ``documents``, ``g.graph["documents"]`` lists those documents.

    Examples
    --------
    >>> g = select(store, query="MATCH p=(:Firm)-[:INVESTS_IN]->() RETURN p")   # doctest: +SKIP
    """
    if query:
        node_ids, tie_ids = _from_query(store, query, params)
        if tie_ids:
            rows = store.query("MATCH (a)-[r]->(b) WITH a, r, b, $ids AS ids WHERE r.id IN ids "
                               "RETURN a.id, b.id", {"ids": sorted(tie_ids)}).rows
            node_ids |= {x for row in rows for x in row}
        g = store.subgraph(sorted(node_ids), types=types, labels=labels, since=since, until=until)
        if tie_ids:  # only the relationships returned, not every tie among the nodes
            g.remove_edges_from([(u, v, k) for u, v, k in g.edges(keys=True) if k not in tie_ids])
    else:
        if depth < 0:
            raise ValueError("depth must be 0 or more")
        ids = [resolve(store, a).id for a in around] if around else None
        g = store.subgraph(around=ids, depth=depth, types=types, labels=labels, since=since, until=until)
    if g.number_of_nodes():
        rows = store.query("MATCH (n) WITH n, $ids AS ids WHERE n.id IN ids AND n.docs IS NOT NULL "
                           "RETURN n.id, n.docs", {"ids": list(g.nodes)}).rows
        for node_id, docs in rows:
            if node_id in g:
                g.nodes[node_id]["docs"] = list(docs)
    if documents:
        wanted = {d for _, dd in g.nodes(data=True) for d in dd.get("docs", [])}
        wanted |= {d.get("doc") for _, _, d in g.edges(data=True) if d.get("doc")}
        g.graph["documents"] = [doc for doc in (store.document(i) for i in sorted(wanted)) if doc]
    return g


def _extractions(g: nx.MultiDiGraph, fallback_doc: str) -> list[Extraction]:
    """Group a tiesdb graph into one Extraction per document (what Store.add_document takes)."""
    docs = {d["id"]: d for d in g.graph.get("documents") or []}
    ents: dict[str, Entity] = {}
    members: dict[str, set[str]] = defaultdict(set)
    for n, d in g.nodes(data=True):
        if not d.get("label") or not d.get("name"):
            raise ValueError(f"node {n!r} has no label or name; not a tiesdb graph")
        ents[n] = Entity(id=n, name=d["name"], label=d["label"], aliases=list(d.get("aliases") or []),
                         kind=d.get("kind"), country=d.get("country"))
        for doc in d.get("docs") or []:
            members[doc].add(n)
    by_doc: dict[str, list[Tie]] = defaultdict(list)
    for u, v, k, d in g.edges(keys=True, data=True):
        if not d.get("type"):
            raise ValueError(f"tie {k!r} ({u} -> {v}) has no type; not a tiesdb graph")
        attrs = {a: x for a, x in d.items() if a in schema.TIE_PROPERTIES and a != "id"}
        tie = Tie(source=u, target=v, type=d["type"], id=k, **attrs)
        tie.doc = tie.doc or fallback_doc
        by_doc[tie.doc].append(tie)
        members[tie.doc] |= {u, v}
    orphans = set(ents) - {n for ids in members.values() for n in ids}
    if orphans:
        members[fallback_doc] |= orphans
    out = []
    order = [*docs, *sorted(set(members) - set(docs))]
    for doc_id in order:
        if doc_id not in members:
            continue
        meta = docs.get(doc_id, {})
        date = meta.get("date")
        doc = Document(id=doc_id, text=meta.get("text") or "", title=meta.get("title") or "",
                       date=dt.date.fromisoformat(date[:10]) if isinstance(date, str) else date,
                       path=meta.get("path") or "", sha256=meta.get("sha256") or "")
        out.append(Extraction(doc, [ents[n] for n in sorted(members[doc_id])], by_doc.get(doc_id, [])))
    return out


def import_graph(store: Backend, source: str | Path | nx.MultiDiGraph, fmt: str | None = None) -> dict[str, int]:
    """Load an export (path, or an already read graph) into ``store``, document by document.

    Ties are grouped by their ``doc``; entities go with the documents in their ``docs`` (or
    with their ties' documents); anything without a document goes into one named after the
    file. Documents already in the store are skipped. Returns counts of what was added.

    Examples
    --------
    >>> import_graph(Store("copy", create=True), "ties.json")        # doctest: +SKIP
    {'documents': 1, 'skipped': 0, 'nodes': 5, 'ties': 5}
    """
    if isinstance(source, nx.Graph):
        g, name = source, "import"
    else:
        g, name = read(source, fmt), "import-" + slugify(Path(source).stem)
    added = skipped = 0
    for ex in _extractions(g, name):
        if store.add_document(ex):
            added += 1
        else:
            skipped += 1
    return {"documents": added, "skipped": skipped, "nodes": g.number_of_nodes(), "ties": g.number_of_edges()}
