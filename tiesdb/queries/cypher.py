"""Cypher results made readable (tables) and JSON-serialisable (--json/--csv/--nl).

The embedded engine returns a node as a dict with ``_ID`` and ``_LABEL``, a relationship as a
dict with ``_SRC``/``_DST``/``_LABEL`` and a path as ``{"_NODES": [...], "_RELS": [...]}``.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

#: Relationship properties shown next to its type in a table (the rest only in --json).
REL_SHOWN = ("date", "domain", "amount", "currency", "item")


def is_node(v: Any) -> bool:
    return isinstance(v, dict) and "_LABEL" in v and "_SRC" not in v and "_NODES" not in v


def is_rel(v: Any) -> bool:
    return isinstance(v, dict) and "_SRC" in v and "_DST" in v


def is_path(v: Any) -> bool:
    return isinstance(v, dict) and "_NODES" in v and "_RELS" in v


def _props(v: dict[str, Any]) -> dict[str, Any]:
    return {k: x for k, x in v.items() if not k.startswith("_") and x is not None}


def _node_text(n: dict[str, Any]) -> str:
    return f"{n['_LABEL']}:{n.get('name') or n.get('title') or n.get('id')}"


def _rel_text(r: dict[str, Any]) -> str:
    shown = {k: r[k] for k in REL_SHOWN if r.get(k) is not None}
    if not shown:
        return r["_LABEL"]
    inner = ", ".join(f"{k}: {format_value(x)}" for k, x in shown.items())
    return f"{r['_LABEL']} {{{inner}}}"


def _path_text(p: dict[str, Any]) -> str:
    nodes, rels = p["_NODES"], p["_RELS"]
    if len(nodes) != len(rels) + 1:  # not a plain chain (e.g. a bare var-length relationship)
        return " ".join([*(f"({_node_text(n)})" for n in nodes), *(f"[{_rel_text(r)}]" for r in rels)])
    out = f"({_node_text(nodes[0])})"
    for here, r, there in zip(nodes, rels, nodes[1:]):
        forward = r["_SRC"] == here["_ID"]
        out += (f"-[{_rel_text(r)}]->" if forward else f"<-[{_rel_text(r)}]-") + f"({_node_text(there)})"
    return out


def format_value(v: Any) -> str:
    """One cell of a table: a node as ``Label:name``, a relationship as its type and main
    properties, a path as a chain, a date as ISO 8601, lists and maps as JSON.

    Examples
    --------
    >>> format_value({"_ID": {"table": 0, "offset": 1}, "_LABEL": "Country", "name": "Japan"})
    'Country:Japan'
    >>> format_value(dt.date(2024, 3, 5))
    '2024-03-05'
    """
    if v is None:
        return ""
    if is_path(v):
        return _path_text(v)
    if is_rel(v):
        return _rel_text(v)
    if is_node(v):
        return _node_text(v)
    if isinstance(v, (dt.date, dt.datetime, dt.time)):
        return v.isoformat()
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, tuple, dict)):
        return json.dumps(to_plain(v), ensure_ascii=False)
    return str(v)


def to_plain(v: Any) -> Any:
    """A JSON-serialisable copy: nodes as ``{"label": ..., **props}``, relationships as
    ``{"type": ..., **props}``, paths as ``{"nodes": [...], "relationships": [...]}``, dates
    as ISO strings.

    Examples
    --------
    >>> to_plain({"_ID": {"table": 0, "offset": 1}, "_LABEL": "Country", "name": "Japan", "kind": None})
    {'label': 'Country', 'name': 'Japan'}
    """
    if is_path(v):
        return {"nodes": [to_plain(n) for n in v["_NODES"]],
                "relationships": [to_plain(r) for r in v["_RELS"]]}
    if is_rel(v):
        return {"type": v["_LABEL"], **to_plain(_props(v))}
    if is_node(v):
        return {"label": v["_LABEL"], **to_plain(_props(v))}
    if isinstance(v, (dt.date, dt.datetime, dt.time)):
        return v.isoformat()
    if isinstance(v, dict):
        return {str(k): to_plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple, set)):
        return [to_plain(x) for x in v]
    return v


def rows_to_records(result, plain: bool = False) -> list[dict[str, Any]]:
    """The rows of a ``Result`` as dicts keyed by column.

    ``plain=False`` (tables): each value formatted with ``format_value``; ``plain=True``
    (--json/--csv/--nl): each value converted with ``to_plain``.

    Examples
    --------
    >>> rows_to_records(store.query("MATCH (c:Country) RETURN c LIMIT 1"))   # doctest: +SKIP
    [{'c': 'Country:India'}]
    """
    conv = to_plain if plain else format_value
    return [{c: conv(v) for c, v in zip(result.columns, row)} for row in result.rows]
