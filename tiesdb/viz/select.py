"""Pick the part of a store a view shows: all of it, around a node, a dyad, or a Cypher result.

Each function takes the store first and returns ``(graph, title)``: the MultiDiGraph to draw
and a short description of what it is, for the page title.
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator

import networkx as nx

from tiesdb.graph import schema
from tiesdb.graph.backend import to_networkx
from tiesdb.queries.cypher import is_node, is_path, is_rel
from tiesdb.queries.resolve import resolve


def whole(store) -> tuple[nx.MultiDiGraph, str]:
    """The whole graph."""
    return store.subgraph(), "The whole graph"


def around(store, name: str, depth: int = 1) -> tuple[nx.MultiDiGraph, str]:
    """``name`` (an id, name or alias) and everything within ``depth`` ties of it."""
    if depth < 0:
        raise ValueError("--depth must be 0 or more")
    e = resolve(store, name)
    return store.subgraph(around=[e.id], depth=depth), f"Around {e.name}, depth {depth}"


def between(store, a: str, b: str) -> tuple[nx.MultiDiGraph, str]:
    """The dyad report of ``a`` and ``b`` (``tiesdb ties A B``) as a graph."""
    from tiesdb.queries.relations import ties

    report = ties(store, a, b)
    tie_ids = {r["id"] for r in report.ties}
    ends = {x for r in report.ties for x in (r["source_id"], r["target_id"])} | {report.a.id, report.b.id}
    graph = _graph(store, ends, tie_ids)
    graph.graph["sides"] = (sorted(report.side_a & set(graph)), sorted(report.side_b & set(graph)))
    return graph, f"Between {report.a.name} and {report.b.name}"


def _walk(value: Any) -> Iterator[dict[str, Any]]:
    """Every node and relationship dict inside a result value (paths and lists opened)."""
    if is_path(value):
        yield from value["_NODES"]
        yield from value["_RELS"]
    elif is_node(value) or is_rel(value):
        yield value
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _walk(v)


def from_query(store, cypher: str, params: dict[str, Any] | None = None) -> tuple[nx.MultiDiGraph, str]:
    """The nodes and ties a Cypher query returns (as nodes, relationships or paths).

    Returned relationships are drawn with their two ends; when the query returns nodes only,
    the ties among them are drawn too.
    """
    result = store.query(cypher, params)
    node_ids, tie_ids = set(), set()
    for row in result.rows:
        for item in _walk(list(row)):
            if is_rel(item) and item.get("_LABEL") in schema.TIE_TYPES and item.get("id"):
                tie_ids.add(item["id"])
            elif is_node(item) and item.get("_LABEL") in schema.LABELS and item.get("id"):
                node_ids.add(item["id"])
    if not result.rows:
        raise ValueError("the query matched nothing, so there is nothing to draw")
    if not node_ids and not tie_ids:
        raise ValueError("the query returned no nodes, relationships or paths to draw "
                         "(RETURN n, r or p, e.g. MATCH p=(:Country)-[]-() RETURN p)")
    if tie_ids:
        rows = store.query("MATCH (a)-[r]->(b) WHERE r.id IN $ids RETURN a.id, b.id",
                           {"ids": sorted(tie_ids)}).rows
        node_ids |= {x for row in rows for x in row}
    title = " ".join(cypher.split())
    return _graph(store, node_ids, tie_ids or None), "Query: " + (title[:97] + "..." if len(title) > 100 else title)


def _graph(store, node_ids: Iterable[str], tie_ids: set[str] | None) -> nx.MultiDiGraph:
    """These nodes with the given ties among them (all of their ties when ``tie_ids`` is None)."""
    node_ids = list(node_ids)
    ties = [t for t in store.ties(node_ids, both=True) if tie_ids is None or t.id in tie_ids]
    return to_networkx(store.entities(node_ids), ties)


def documents(store) -> dict[str, dict[str, Any]]:
    """Document id -> title, date and path, for the evidence lists of a view."""
    return {d["id"]: {k: d.get(k) for k in ("title", "date", "path")} for d in store.documents()}
