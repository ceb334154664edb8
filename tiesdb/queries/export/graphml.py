"""GraphML (Gephi, yEd, Cytoscape) through networkx; encoding in ``_encode``."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from tiesdb.queries.export._encode import flatten, unflatten


def write_graphml(g: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``g`` as GraphML; lists become JSON strings, dates ISO strings."""
    nx.write_graphml(flatten(g), str(path))
    return Path(path)


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    """Read a GraphML file written by ``write_graphml`` back into a tiesdb graph."""
    return unflatten(nx.read_graphml(str(path), force_multigraph=True), gephi=True)
