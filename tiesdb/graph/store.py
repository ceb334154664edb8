"""The embedded store: a LadybugDB database in a folder, spoken to in Cypher.

``Store`` is the one way the rest of tiesdb touches storage; ``tiesdb.graph.neo4j`` implements
the same interface on a Neo4j server.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any, Iterable

from tiesdb.graph import schema
from tiesdb.graph.backend import (Backend, Batches, Result, StoreError, entity_from_node,
                                  tie_from_rel, to_networkx)
from tiesdb.graph.model import Entity, Extraction, Tie

__all__ = ["Store", "StoreError", "Result", "to_networkx", "default_path"]

DB_FILE = "graph.lbug"
#: Matches any entity node and never a Document (a label union in the embedded dialect).
ANY_ENTITY = ":" + ":".join(schema.LABELS)
DEFAULT_STORE = "tiesdb-data"


def default_path() -> Path:
    """``TIESDB_STORE`` if set, else ``./tiesdb-data``."""
    return Path(os.environ.get("TIESDB_STORE") or DEFAULT_STORE)


def _friendly(err: Exception, path: Path) -> StoreError:
    msg = str(err).strip()
    low = msg.lower()
    if "could not set lock" in low or "lock is held" in low:
        return StoreError(f"store is busy: another tiesdb process is writing to {path}")
    first = msg.splitlines()[0] if msg else type(err).__name__
    if "parsed_parameter_expression" in low:
        return StoreError("bad Cypher: the embedded engine cannot read a $parameter inside any()/all() "
                          "or a list lambda; bind it first: WITH $p AS p ... any(x IN xs WHERE x = p)")
    if "parser exception" in low or "binder exception" in low:
        return StoreError(f"bad Cypher: {first} (see docs/cypher.md for the embedded dialect)")
    return StoreError(first)


class Store(Backend):
    """A tiesdb graph in a folder on disk.

    >>> with Store("tiesdb-data", create=True) as db:          # doctest: +SKIP
    ...     db.query("MATCH (c:Country) RETURN c.name").rows
    """

    backend = "embedded"

    def __init__(self, path: str | Path | None = None, *, create: bool = False,
                 read_only: bool = False) -> None:
        import ladybug  # imported here so that `tiesdb --help` stays fast

        self.path = Path(path) if path is not None else default_path()
        db_file = self.path / DB_FILE
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path} is a file, not a store folder (give --store a folder)")
        if not db_file.exists():
            if not create:
                raise StoreError(f"no store at {self.path} (load something first: tiesdb load FILE, "
                                 f"or point --store / TIESDB_STORE at an existing store)")
            self.path.mkdir(parents=True, exist_ok=True)
            read_only = False
        fresh = not db_file.exists()
        self.read_only = read_only
        self.recovered = False
        try:
            try:
                self._db = ladybug.Database(str(db_file), read_only=read_only)
            except RuntimeError as e:
                if "wal file" not in str(e).lower() and f"{DB_FILE}.wal" not in str(e):
                    raise
                # A process killed while committing leaves a torn last record in the WAL; ladybug
                # can replay the whole transactions before it, so the store opens without the
                # unfinished one (a document loads whole or not at all).
                self._db = ladybug.Database(str(db_file), read_only=read_only,
                                            throw_on_wal_replay_failure=False)
                self.recovered = True
                print(f"note: {self.path} is being written or was not closed cleanly; read up to "
                      "its last complete write" if read_only else
                      f"note: {self.path} was not closed cleanly; its last unfinished write was "
                      "dropped (load again to finish it)", file=sys.stderr)
            self._conn = ladybug.Connection(self._db)
        except RuntimeError as e:
            raise _friendly(e, self.path) from None
        if fresh:
            self._create_schema()

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection and release the store for other processes."""
        if getattr(self, "_conn", None) is not None:
            self._conn.close()
            self._db.close()
            self._conn = None

    def _create_schema(self) -> None:
        for stmt in schema.ladybug_ddl():
            self._conn.execute(stmt)
        # Neo4j's type(r); persists in the database.
        self._conn.execute("CREATE MACRO type(x) AS label(x)")

    # -- Cypher ----------------------------------------------------------------------------
    def _run(self, cypher: str, params: dict[str, Any] | None = None) -> Result:
        res = self._conn.execute(cypher, params or {})
        if isinstance(res, list):  # several statements: keep the last result
            res = res[-1]
        cols = [_column_name(c) for c in res.get_column_names()]
        rows = []
        while res.has_next():
            rows.append(res.get_next())
        return Result(cols, rows)

    def query(self, cypher: str, params: dict[str, Any] | None = None, write: bool = False) -> Result:
        """Run Cypher with ``$parameters``; read-only unless ``write=True``.

        Nodes and relationships come back as dicts (``_LABEL`` holds the label or type).
        """
        if write and self.read_only:
            raise StoreError("this store was opened read-only; open it for writing to run --write queries")
        try:
            self._conn.execute("BEGIN TRANSACTION" if write else "BEGIN TRANSACTION READ ONLY")
        except RuntimeError as e:
            raise _friendly(e, self.path) from None
        try:
            result = self._run(cypher, params)
        except RuntimeError as e:
            self._rollback()
            if "read-only transaction" in str(e) or "read-only database" in str(e):
                raise StoreError("this query writes to the store; add --write (write=True) to allow it") from None
            raise _friendly(e, self.path) from None
        self._conn.execute("COMMIT")
        return result

    def _rollback(self) -> None:
        try:
            self._conn.execute("ROLLBACK")
        except RuntimeError:
            pass  # the engine already rolled back

    _read = _run  # a read needs no transaction of its own here

    # -- documents -------------------------------------------------------------------------
    def _write_document(self, extraction: Extraction, batches: Batches) -> bool:
        if self.read_only:
            raise StoreError("this store was opened read-only")
        doc = extraction.doc
        self._conn.execute("BEGIN TRANSACTION")
        try:
            self._run("CREATE (d:Document {id: $id, title: $title, date: $date, path: $path, "
                      "sha256: $sha256, words: $words, text: $text})",
                      {"id": doc.id, "title": doc.title, "date": doc.date, "path": doc.path,
                       "sha256": doc.sha256, "words": doc.words, "text": doc.text})
            self._merge_entities(batches.entities, doc.id)
            self._create_ties(batches.ties)
        except BaseException:
            self._rollback()
            raise
        self._conn.execute("COMMIT")
        return True

    def _merge_entities(self, by_label: dict[str, list[dict[str, Any]]], doc_id: str) -> None:
        for label, rows in by_label.items():
            # CAST: a field that is null in every row would otherwise be typed STRING[] / STRING wrongly.
            self._run(
                f"UNWIND $rows AS r MERGE (n:{label} {{id: r.id}}) "
                "ON CREATE SET n.name = r.name, n.aliases = CAST(r.aliases AS STRING[]), "
                "n.kind = CAST(r.kind AS STRING), n.country = CAST(r.country AS STRING), n.docs = [$doc] "
                "ON MATCH SET n.aliases = list_distinct(list_concat(n.aliases, CAST(r.aliases AS STRING[]))), "
                "n.docs = list_distinct(list_append(n.docs, $doc)), "
                "n.kind = coalesce(n.kind, CAST(r.kind AS STRING)), "
                "n.country = coalesce(n.country, CAST(r.country AS STRING))",
                {"rows": rows, "doc": doc_id})

    def _create_ties(self, groups: dict[tuple[str, str, str], list[tuple[str, str, Tie]]]) -> None:
        sets = ", ".join(f"{k}: CAST(r.{k} AS {typ})" for k, (typ, _) in schema.TIE_PROPERTIES.items())
        for (ttype, sl, dl), ties in groups.items():
            rows = []
            for src, dst, t in ties:
                row = {k: getattr(t, k) for k in schema.TIE_PROPERTIES}
                row["date"] = t.date.isoformat() if t.date else None
                rows.append({"src": src, "dst": dst, **row})
            # CAST: a field that is null in every row would otherwise be typed STRING.
            self._run(f"UNWIND $rows AS r MATCH (a:{sl} {{id: r.src}}), (b:{dl} {{id: r.dst}}) "
                      f"CREATE (a)-[:{ttype} {{{sets}}}]->(b)", {"rows": rows})

    def forget(self, doc_id: str) -> dict[str, int]:
        """Remove a document, its ties, and the nodes no other document mentions."""
        if not self.has_document(doc_id):
            raise self._missing_document(doc_id)
        self._conn.execute("BEGIN TRANSACTION")
        try:
            ties = self._run("MATCH ()-[r]->() WHERE r.doc = $doc DELETE r RETURN count(*)",
                             {"doc": doc_id}).rows[0][0]
            self._run(f"MATCH (n{ANY_ENTITY}) WITH n, $doc AS doc WHERE list_contains(n.docs, doc) "
                      "SET n.docs = list_filter(n.docs, x -> x <> doc)", {"doc": doc_id})
            nodes = self._run(f"MATCH (n{ANY_ENTITY}) WHERE size(n.docs) = 0 "
                              "DETACH DELETE n RETURN count(*)").rows[0][0]
            self._run("MATCH (d:Document {id: $doc}) DELETE d", {"doc": doc_id})
        except BaseException:
            self._rollback()
            raise
        self._conn.execute("COMMIT")
        return {"ties": ties, "nodes": nodes}

    # -- reading ---------------------------------------------------------------------------
    def entities(self, ids: Iterable[str] | None = None) -> list[Entity]:
        """Entities by id (all when ``ids`` is None)."""
        if ids is None:
            rows = self._run(f"MATCH (n{ANY_ENTITY}) RETURN n").rows
        else:
            rows = self._run(f"MATCH (n{ANY_ENTITY}) WHERE n.id IN $ids RETURN n",
                             {"ids": list(ids)}).rows
        return [entity_from_node(r[0]) for r in rows]

    def find(self, name: str) -> list[Entity]:
        """Entities whose id, name or any alias equals ``name``, case-insensitively."""
        key = name.strip().lower()
        # `WITH $k AS k`: the embedded engine cannot read a parameter inside any(...).
        rows = self._run(
            f"MATCH (n{ANY_ENTITY}) WITH n, $k AS k WHERE lower(n.id) = k OR lower(n.name) = k "
            "OR any(a IN n.aliases WHERE lower(a) = k) RETURN n", {"k": key}).rows
        return [entity_from_node(r[0]) for r in rows]

    def ties(self, node_ids: Iterable[str] | None = None, *, both: bool = False) -> list[Tie]:
        """Ties touching ``node_ids`` (``both``: with both ends in it); all when None."""
        where, params = "", {}
        if node_ids is not None:
            params = {"ids": list(node_ids)}
            op = "AND" if both else "OR"
            where = f"WHERE a.id IN $ids {op} b.id IN $ids"
        rows = self._run(f"MATCH (a)-[r]->(b) {where} RETURN a.id, b.id, r", params).rows
        return [tie_from_rel(s, t, r) for s, t, r in rows]

    def _neighbours(self, ids: list[str], types: set[str] | None) -> set[str]:
        rows = self._run("MATCH (a)-[r]-(b) WHERE a.id IN $ids RETURN DISTINCT b.id, label(r)",
                         {"ids": ids}).rows
        return {b for b, t in rows if not types or t in types}


_LABEL_COLUMN = re.compile(r"^LABEL\((\w+)\._ID,\[([^\]]*)\]\)$")


def _column_name(name: str) -> str:
    """Name an unaliased type(r) / labels(n) column as Neo4j does, not by its expansion."""
    m = _LABEL_COLUMN.match(name)
    if not m:
        return name
    tables = {x for x in m.group(2).split(",") if x}
    return f"type({m.group(1)})" if tables <= set(schema.TIE_TYPES) else f"labels({m.group(1)})"
