"""Node-link JSON (d3, networkx ``node_link_data``) with the edges under ``edges``.

Lists stay JSON lists, dates are ISO strings; ``graph.documents`` holds the documents the
ties come from (id, title, date, path, sha256, text) so that an import can rebuild them.
"""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from tiesdb.queries.export._encode import iso, unflatten


def write_json(g: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``g`` as node-link JSON (``{"nodes": [...], "edges": [{"source", "target", "key", ...}]}``)."""
    data = nx.node_link_data(g, edges="edges")
    Path(path).write_text(json.dumps(data, default=iso, ensure_ascii=False, indent=1), encoding="utf-8")
    return Path(path)


def read_json(path: str | Path) -> nx.MultiDiGraph:
    """Read node-link JSON written by ``write_json`` back into a tiesdb graph."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "nodes" not in data:
            raise TypeError("no 'nodes' object")
        h = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as e:
        raise ValueError(f"{path} is not node-link JSON ({type(e).__name__}: {e})") from None
    g = unflatten(h)
    g.graph.update(h.graph)
    return g
