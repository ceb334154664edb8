"""A Cypher script that loads a graph into Neo4j; every statement is a MERGE, so running it
again changes nothing (``cypher-shell -f ties.cypher``)."""
from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import networkx as nx

from tiesdb.graph import schema

_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def literal(v: Any) -> str:
    """``v`` as a Cypher literal: strings quoted and escaped, dates as ``date('...')``.

    Examples
    --------
    >>> literal("it's")
    "'it\\\\'s'"
    >>> literal([dt.date(2024, 3, 5), 1.5, True])
    "[date('2024-03-05'), 1.5, true]"
    """
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if not math.isfinite(v):
            raise ValueError(f"{v} has no Cypher literal")
        return repr(v)
    if isinstance(v, dt.date):
        return f"date('{v.isoformat()}')"
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(literal(x) for x in v) + "]"
    return "'" + "".join(_ESCAPES.get(c) or (f"\\u{ord(c):04x}" if ord(c) < 0x20 or c == "\x7f" else c)
                         for c in str(v)) + "'"


def _sets(var: str, props: dict[str, Any]) -> str:
    return ", ".join(f"{var}.{k} = {literal(v)}" for k, v in props.items() if v is not None)


def statements(g: nx.MultiDiGraph, constraints: bool = True) -> list[str]:
    """The script's statements, in order: constraints, documents, entities, ties."""
    out = list(schema.neo4j_constraints()) if constraints else []
    for doc in g.graph.get("documents") or []:
        props = {k: doc.get(k) for k in schema.DOCUMENT_PROPERTIES if k != "id"}
        if isinstance(props.get("date"), str):
            props["date"] = dt.date.fromisoformat(props["date"])
        sets = _sets("d", props)
        out.append(f"MERGE (d:{schema.DOCUMENT_LABEL} {{id: {literal(doc['id'])}}})" + (f" SET {sets}" if sets else ""))
    for n, d in g.nodes(data=True):
        label = schema.check_label(d["label"])
        props = {k: d.get(k) for k in schema.NODE_PROPERTIES if k != "id"}
        sets = _sets("n", props)
        out.append(f"MERGE (n:{label} {{id: {literal(n)}}})" + (f" SET {sets}" if sets else ""))
    for u, v, k, d in g.edges(keys=True, data=True):
        t = schema.tie_type(d["type"]).name
        props = {p: d.get(p) for p in schema.TIE_PROPERTIES if p != "id"}
        sets = _sets("r", props)
        out.append(f"MATCH (a:{g.nodes[u]['label']} {{id: {literal(u)}}}), (b:{g.nodes[v]['label']} {{id: {literal(v)}}}) "
                   f"MERGE (a)-[r:{t} {{id: {literal(k)}}}]->(b)" + (f" SET {sets}" if sets else ""))
    return out


def write_cypher(g: nx.MultiDiGraph, path: str | Path, constraints: bool = True) -> Path:
    """Write ``g`` as a Cypher script, one statement per line, each ending in ``;``."""
    Path(path).write_text("".join(s + ";\n" for s in statements(g, constraints)), encoding="utf-8")
    return Path(path)
