"""The embedded store: a LadybugDB database in a folder, spoken to in Cypher.

``Store`` is the one way the rest of tiesdb touches storage; ``tiesdb.graph.neo4j`` implements
the same interface on a Neo4j server.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import networkx as nx

from tiesdb.graph import schema
from tiesdb.graph.model import Document, Entity, Extraction, Tie

DB_FILE = "graph.lbug"
#: Matches any entity node and never a Document (a label union in the embedded dialect).
ANY_ENTITY = ":" + ":".join(schema.LABELS)
DEFAULT_STORE = "tiesdb-data"


class StoreError(Exception):
    """A problem a user can act on; the message is one line with a hint."""


def default_path() -> Path:
    """``TIESDB_STORE`` if set, else ``./tiesdb-data``."""
    return Path(os.environ.get("TIESDB_STORE") or DEFAULT_STORE)


@dataclass
class Result:
    """Rows of a query with their column names."""
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r)) for r in self.rows]

    def __iter__(self) -> Iterator[list[Any]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def _friendly(err: Exception, path: Path) -> StoreError:
    msg = str(err).strip()
    low = msg.lower()
    if "could not set lock" in low or "lock is held" in low or "wal file" in low:
        return StoreError(f"store is busy: another tiesdb process is writing to {path}")
    first = msg.splitlines()[0] if msg else type(err).__name__
    if "parsed_parameter_expression" in low:
        return StoreError("bad Cypher: the embedded engine cannot read a $parameter inside any()/all() "
                          "or a list lambda; bind it first: WITH $p AS p ... any(x IN xs WHERE x = p)")
    if "parser exception" in low or "binder exception" in low:
        return StoreError(f"bad Cypher: {first} (see docs/cypher.md for the embedded dialect)")
    return StoreError(first)


class Store:
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
        try:
            self._db = ladybug.Database(str(db_file), read_only=read_only)
            self._conn = ladybug.Connection(self._db)
        except RuntimeError as e:
            raise _friendly(e, self.path) from None
        if fresh:
            self._create_schema()

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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

    # -- documents -------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return bool(self._run("MATCH (d:Document {id: $id}) RETURN d.id", {"id": doc_id}).rows)

    def documents(self) -> list[dict[str, Any]]:
        """Every stored document: id, title, date, path, words."""
        return self._run("MATCH (d:Document) RETURN d.id AS id, d.title AS title, d.date AS date, "
                         "d.path AS path, d.words AS words ORDER BY d.id").dicts()

    def document(self, doc_id: str) -> dict[str, Any] | None:
        rows = self._run("MATCH (d:Document {id: $id}) RETURN d", {"id": doc_id}).rows
        return {k: v for k, v in rows[0][0].items() if not k.startswith("_")} if rows else None

    def add_document(self, extraction: Extraction) -> bool:
        """Store a document with its entities and ties in one transaction.

        Returns False (and changes nothing) when the document is already stored. Entities are
        merged by id: aliases and the documents that mention them are added to. Every tie is
        checked against the schema before anything is written.
        """
        if self.read_only:
            raise StoreError("this store was opened read-only")
        doc = extraction.doc
        if self.has_document(doc.id):
            return False
        labels = {e.id: e.label for e in extraction.entities}
        for t in extraction.ties:
            for end in (t.source, t.target):
                if end not in labels:
                    raise StoreError(f"tie {t.type} in {doc.id} refers to unknown entity {end!r}")
            schema.validate_tie(t.type, labels[t.source], labels[t.target])
        self._conn.execute("BEGIN TRANSACTION")
        try:
            self._run("CREATE (d:Document {id: $id, title: $title, date: $date, path: $path, "
                      "sha256: $sha256, words: $words, text: $text})",
                      {"id": doc.id, "title": doc.title, "date": doc.date, "path": doc.path,
                       "sha256": doc.sha256, "words": doc.words, "text": doc.text})
            self._merge_entities(extraction.entities, doc.id)
            self._create_ties(extraction.ties, labels)
        except BaseException:
            self._rollback()
            raise
        self._conn.execute("COMMIT")
        return True

    def load(self, paths: str | Path | Iterable[str | Path], progress: Any = None) -> Any:
        """Read, extract and store documents: ``tiesdb.loaders.load`` on this store."""
        from tiesdb.loaders import load

        if isinstance(paths, (str, Path)):
            paths = [paths]
        return load(self, [str(p) for p in paths], progress=progress)

    def _merge_entities(self, entities: Iterable[Entity], doc_id: str) -> None:
        by_label: dict[str, list[dict[str, Any]]] = {}
        for e in entities:
            by_label.setdefault(e.label, []).append(
                {"id": e.id, "name": e.name, "aliases": list(e.aliases), "kind": e.kind, "country": e.country})
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

    def _create_ties(self, ties: Iterable[Tie], labels: dict[str, str]) -> None:
        groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
        for t in ties:
            src, dst = t.source, t.target
            sl, dl = labels[src], labels[dst]
            if (sl, dl) not in schema.TIE_TYPES[t.type].pairs:  # symmetric, stored the other way round
                src, dst, sl, dl = dst, src, dl, sl
            row = {k: getattr(t, k) for k in schema.TIE_PROPERTIES}
            row["date"] = t.date.isoformat() if t.date else None
            groups.setdefault((t.type, sl, dl), []).append({"src": src, "dst": dst, **row})
        sets = ", ".join(f"{k}: CAST(r.{k} AS {typ})" for k, (typ, _) in schema.TIE_PROPERTIES.items())
        for (ttype, sl, dl), rows in groups.items():
            self._run(f"UNWIND $rows AS r MATCH (a:{sl} {{id: r.src}}), (b:{dl} {{id: r.dst}}) "
                      f"CREATE (a)-[:{ttype} {{{sets}}}]->(b)", {"rows": rows})

    def forget(self, doc_id: str) -> dict[str, int]:
        """Remove a document, its ties, and the nodes no other document mentions."""
        if not self.has_document(doc_id):
            raise StoreError(f"no document {doc_id!r} in {self.path} (tiesdb documents lists them)")
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
    def stats(self) -> dict[str, Any]:
        """Counts: documents, nodes by label, ties by type."""
        labels = {label: self._run(f"MATCH (n:{label}) RETURN count(n)").rows[0][0]
                  for label in schema.LABELS}
        types = {t: self._run(f"MATCH ()-[r:{t}]->() RETURN count(r)").rows[0][0]
                 for t in schema.TIE_TYPES}
        docs = self._run("MATCH (d:Document) RETURN count(d)").rows[0][0]
        return {"documents": docs, "nodes": sum(labels.values()), "ties": sum(types.values()),
                "labels": {k: v for k, v in labels.items() if v},
                "types": {k: v for k, v in types.items() if v}}

    def entities(self, ids: Iterable[str] | None = None) -> list[Entity]:
        """Entities by id (all when ``ids`` is None)."""
        if ids is None:
            rows = self._run(f"MATCH (n{ANY_ENTITY}) RETURN n").rows
        else:
            rows = self._run(f"MATCH (n{ANY_ENTITY}) WHERE n.id IN $ids RETURN n",
                             {"ids": list(ids)}).rows
        return [_entity(r[0]) for r in rows]

    def find(self, name: str) -> list[Entity]:
        """Entities whose id, name or any alias equals ``name``, case-insensitively."""
        key = name.strip().lower()
        # `WITH $k AS k`: the embedded engine cannot read a parameter inside any(...).
        rows = self._run(
            f"MATCH (n{ANY_ENTITY}) WITH n, $k AS k WHERE lower(n.id) = k OR lower(n.name) = k "
            "OR any(a IN n.aliases WHERE lower(a) = k) RETURN n", {"k": key}).rows
        return [_entity(r[0]) for r in rows]

    def ties(self, node_ids: Iterable[str] | None = None, *, both: bool = False) -> list[Tie]:
        """Ties touching ``node_ids`` (``both``: with both ends in it); all when None."""
        where, params = "", {}
        if node_ids is not None:
            params = {"ids": list(node_ids)}
            op = "AND" if both else "OR"
            where = f"WHERE a.id IN $ids {op} b.id IN $ids"
        rows = self._run(f"MATCH (a)-[r]->(b) {where} RETURN a.id, b.id, r", params).rows
        return [_tie(s, t, r) for s, t, r in rows]

    def subgraph(self, node_ids: Iterable[str] | None = None, *, around: Iterable[str] | None = None,
                 depth: int = 1, types: Iterable[str] | None = None,
                 labels: Iterable[str] | None = None, since: dt.date | None = None,
                 until: dt.date | None = None) -> nx.MultiDiGraph:
        """The part of the graph asked for, as a MultiDiGraph (edge key = tie id).

        ``node_ids``: exactly these nodes and the ties among them; ``around``: these nodes and
        everything within ``depth`` ties; neither: the whole graph. ``types``, ``labels``,
        ``since`` and ``until`` filter ties and nodes.
        """
        types = {schema.tie_type(t).name for t in types} if types else None
        labels = {schema.check_label(x) for x in labels} if labels else None

        def keep(tie: Tie, ents: dict[str, Entity]) -> bool:
            if types and tie.type not in types:
                return False
            if since and (tie.date is None or tie.date < since):
                return False
            if until and (tie.date is None or tie.date > until):
                return False
            if labels and not (ents[tie.source].label in labels and ents[tie.target].label in labels):
                return False
            return True

        if around is not None:
            frontier = set(around)
            seen = set(frontier)
            for _ in range(depth):
                if not frontier:
                    break
                rows = self._run("MATCH (a)-[r]-(b) WHERE a.id IN $ids RETURN DISTINCT b.id, r",
                                 {"ids": list(frontier)}).rows
                nxt = set()
                for bid, r in rows:
                    if types and r["_LABEL"] not in types:
                        continue
                    nxt.add(bid)
                frontier = nxt - seen
                seen |= frontier
            node_ids = seen
        ents = {e.id: e for e in self.entities(node_ids)}
        if labels:
            ents = {k: e for k, e in ents.items() if e.label in labels}
        ties = [t for t in self.ties(None if node_ids is None else list(ents), both=True)
                if t.source in ents and t.target in ents and keep(t, ents)]
        return to_networkx(ents.values(), ties)


def to_networkx(entities: Iterable[Entity], ties: Iterable[Tie]) -> nx.MultiDiGraph:
    """Build the MultiDiGraph tiesdb hands out: node attrs from Entity, edge attrs from Tie."""
    g = nx.MultiDiGraph()
    for e in entities:
        g.add_node(e.id, **{k: v for k, v in e.to_dict().items() if k != "id"})
    for t in ties:
        attrs = {k: v for k, v in vars(t).items() if v is not None and k not in ("source", "target", "id")}
        g.add_edge(t.source, t.target, key=t.id, **attrs)
    return g


_LABEL_COLUMN = re.compile(r"^LABEL\((\w+)\._ID,\[([^\]]*)\]\)$")


def _column_name(name: str) -> str:
    """Name an unaliased type(r) / labels(n) column as Neo4j does, not by its expansion."""
    m = _LABEL_COLUMN.match(name)
    if not m:
        return name
    tables = {x for x in m.group(2).split(",") if x}
    return f"type({m.group(1)})" if tables <= set(schema.TIE_TYPES) else f"labels({m.group(1)})"


def _entity(n: dict[str, Any]) -> Entity:
    return Entity(id=n["id"], name=n["name"], label=n["_LABEL"], aliases=list(n.get("aliases") or []),
                  kind=n.get("kind"), country=n.get("country"))


def _tie(source: str, target: str, r: dict[str, Any]) -> Tie:
    props = {k: r.get(k) for k in schema.TIE_PROPERTIES}
    props["implied"] = bool(props["implied"])
    return Tie(source=source, target=target, type=r["_LABEL"], **props)
