"""GEXF 1.2 for Gephi through networkx: tie dates become edge start/end (timeline)."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from tiesdb.queries.export._encode import flatten, unflatten


def write_gexf(g: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``g`` as GEXF; a dated tie spans ``start`` = ``end`` = its date (Gephi timeline)."""
    h = flatten(g, spells=True)
    for u, v, k, d in h.edges(keys=True, data=True):
        d["id"] = k  # the GEXF edge id is the tie id
    nx.write_gexf(h, str(path))
    return Path(path)


def read_gexf(path: str | Path) -> nx.MultiDiGraph:
    """Read a GEXF file written by ``write_gexf`` back into a tiesdb graph."""
    h = nx.read_gexf(str(path), node_type=str)
    if not h.is_multigraph():
        h = nx.MultiDiGraph(h)
    h2 = nx.MultiDiGraph()
    h2.add_nodes_from(h.nodes(data=True))
    for u, v, k, d in h.edges(keys=True, data=True):
        h2.add_edge(u, v, key=d.get("id", k), **d)
    return unflatten(h2, gephi=True)
