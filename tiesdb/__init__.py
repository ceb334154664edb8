"""tiesdb: a graph database of bilateral ties, read from articles, with the evidence.

>>> import tiesdb                                   # doctest: +SKIP
>>> db = tiesdb.open("tiesdb-data", create=True)
>>> db.load("article.txt")
>>> db.query("MATCH (a:Country)-[t]-(b:Country) RETURN a.name, type(t), b.name").rows
"""
from __future__ import annotations

from pathlib import Path

from tiesdb.graph.model import Document, Entity, Extraction, Tie
from tiesdb.graph.store import Result, Store, StoreError

__version__ = "0.1.0"
__all__ = ["open", "Store", "StoreError", "Result", "Document", "Entity", "Tie", "Extraction",
           "__version__"]


def open(path: str | Path | None = None, *, create: bool = False, read_only: bool = False) -> Store:
    """Open the store at ``path`` (default: ``$TIESDB_STORE`` or ``./tiesdb-data``)."""
    return Store(path, create=create, read_only=read_only)
