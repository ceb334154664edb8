"""The Neo4j backend: the same interface as ``tiesdb.graph.store.Store`` on a Neo4j 5 server.

It talks to Neo4j only through the official ``neo4j`` driver, so it works the same against a
local server, a cluster or Aura:

>>> with Neo4jStore.from_env() as db:                          # doctest: +SKIP
...     db.query("MATCH (c:Country) RETURN c.name").rows

The data model is the embedded store's: one label per entity kind, one relationship type per tie
type (symmetric types stored once), ``aliases`` and ``docs`` as list properties, and
``(:Document)`` nodes. Labels and types are interpolated into Cypher only after being checked
against ``tiesdb.graph.schema``; every value goes in as a parameter.

``push(store, neo)`` copies an embedded store into Neo4j and ``pull(neo, store)`` copies back,
both in UNWIND batches with MERGE on ids, so running them again changes nothing and an
interrupted copy resumes where it stopped (what the target holds nothing of yet is bulk-created
instead, its indexes built after the copy).
"""
from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from tiesdb.graph import schema
from tiesdb.graph.model import Entity, Extraction, Tie
from tiesdb.graph.backend import (Backend, Batches, Result, StoreError, entity_from_node,
                                  tie_from_rel)
from tiesdb.graph.store import Store

DEFAULT_URI = "bolt://localhost:7687"
URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
BATCH = 5000
INFLIGHT = 2  # batches push sends at once: 2 or 3 beat 1 even on 2 cores (see docs/neo4j.md)
INDEX_WAIT = 3600  # seconds push waits for the indexes it builds after a bulk copy
NODE_KEYS = tuple(schema.NODE_PROPERTIES)
TIE_KEYS = tuple(schema.TIE_PROPERTIES)
DOC_KEYS = tuple(schema.DOCUMENT_PROPERTIES)


def tie_indexes() -> list[str]:
    """Relationship indexes on ``id`` and ``doc`` per tie type (MERGE on tie id, forget by doc)."""
    return [f"CREATE INDEX {t.lower()}_{p} IF NOT EXISTS FOR ()-[r:{t}]-() ON (r.{p})"
            for t in schema.TIE_TYPES for p in ("id", "doc")]


def _schema_owner(stmt: str) -> str:
    """The label or tie type a CREATE CONSTRAINT/INDEX statement is for."""
    return stmt.split(" FOR ", 1)[1].split(":", 1)[1].split(")", 1)[0].split("]", 1)[0]


def _import_driver():
    try:
        import neo4j
    except ImportError:  # pragma: no cover - a dependency of tiesdb
        raise StoreError("the neo4j driver is missing: pip install neo4j") from None
    return neo4j


def check_server_agent(agent: str) -> None:
    """StoreError unless ``agent`` (e.g. ``Neo4j/5.26.0``) is Neo4j 5 or later."""
    version = agent.split("/", 1)[-1]
    try:
        major = int(version.split(".")[0])
    except ValueError:
        return  # unknown agent string: let the queries speak for themselves
    if major < 5:
        raise StoreError(f"the server runs Neo4j {version}; tiesdb needs Neo4j 5 or later "
                         "(5.26 LTS, 2025.x or Aura): upgrade it or point NEO4J_URI at a newer one")


# -- values: driver types -> the embedded store's shapes ----------------------------------------
def _value(v: Any) -> Any:
    """Convert a driver value to what the embedded store returns (dicts, datetime.date, lists)."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(v, Node):
        return _node_dict(v)
    if isinstance(v, Relationship):
        return _rel_dict(v)
    if isinstance(v, Path):
        return {"_NODES": [_node_dict(n) for n in v.nodes],
                "_RELS": [_rel_dict(r) for r in v.relationships]}
    if isinstance(v, list):
        return [_value(x) for x in v]
    if isinstance(v, dict):
        return {k: _value(x) for k, x in v.items()}
    if hasattr(v, "to_native"):  # neo4j.time Date, DateTime, Time, Duration
        return v.to_native()
    return v


def _node_dict(n: Any) -> dict[str, Any]:
    label = next(iter(n.labels), None)
    keys = DOC_KEYS if label == schema.DOCUMENT_LABEL else NODE_KEYS
    d: dict[str, Any] = {"_ID": n.element_id, "_LABEL": label}
    d.update({k: None for k in keys})
    d.update({k: _value(x) for k, x in n.items()})
    return d


def _rel_dict(r: Any) -> dict[str, Any]:
    d: dict[str, Any] = {"_SRC": r.start_node.element_id if r.start_node else None,
                         "_DST": r.end_node.element_id if r.end_node else None,
                         "_LABEL": r.type, "_ID": r.element_id}
    d.update({k: None for k in TIE_KEYS})
    d.update({k: _value(x) for k, x in r.items()})
    if d.get("implied") is None and r.type in schema.TIE_TYPES:
        d["implied"] = False
    return d


def _tie_props(t: Tie) -> dict[str, Any]:
    return {k: v for k in TIE_KEYS if (v := getattr(t, k)) is not None}


def _chunks(rows: Iterable, size: int) -> Iterator[list]:
    """Lists of up to ``size`` items from any iterable (streamed, never all in memory)."""
    chunk: list = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# -- Cypher shared by add_document, push and pull -----------------------------------------------
def _merge_entities_cypher(label: str, as_list: bool = False) -> str:
    """UNWIND $rows of entities (dicts, or lists in NODE_KEYS order): MERGE on id, union the lists."""
    label = schema.check_label(label)
    r = {k: f"r[{i}]" if as_list else f"r.{k}" for i, k in enumerate(NODE_KEYS)}
    return (f"UNWIND $rows AS r MERGE (n:{label} {{id: {r['id']}}}) "
            f"ON CREATE SET n.name = {r['name']}, n.aliases = {r['aliases']}, n.docs = {r['docs']}, "
            f"n.kind = {r['kind']}, n.country = {r['country']} "
            f"ON MATCH SET n.aliases = n.aliases + [a IN {r['aliases']} WHERE NOT a IN n.aliases], "
            f"n.docs = n.docs + [x IN {r['docs']} WHERE NOT x IN n.docs], "
            f"n.kind = coalesce(n.kind, {r['kind']}), n.country = coalesce(n.country, {r['country']})")


def _create_entities_cypher(label: str) -> str:
    """UNWIND $rows of entities as lists in NODE_KEYS order: CREATE (for a label with no node yet)."""
    label = schema.check_label(label)
    props = ", ".join(f"{k}: r[{i}]" for i, k in enumerate(NODE_KEYS))
    return f"UNWIND $rows AS r CREATE (:{label} {{{props}}})"


def _create_ties_cypher(type_name: str, source_label: str, target_label: str) -> str:
    """UNWIND $rows (s, t, p): a tie per row between existing nodes, with properties p."""
    t = schema.tie_type(type_name).name
    sl, dl = schema.check_label(source_label), schema.check_label(target_label)
    return (f"UNWIND $rows AS r MATCH (a:{sl} {{id: r.s}}) MATCH (b:{dl} {{id: r.t}}) "
            f"CREATE (a)-[x:{t}]->(b) SET x = r.p")


class Neo4jStore(Backend):
    """A tiesdb graph in a Neo4j 5 database, with the same methods as the embedded ``Store``."""

    backend = "neo4j"

    def __init__(self, uri: str = DEFAULT_URI, user: str | None = None, password: str | None = None,
                 database: str | None = None) -> None:
        neo4j = _import_driver()
        self.uri = uri
        self.database = database or None
        self._schema_ready = False
        auth = (user or "neo4j", password) if password is not None else None
        hint = "use bolt://host:7687, neo4j://host:7687 or neo4j+s://xxx.databases.neo4j.io"
        if uri.split("://", 1)[0] not in URI_SCHEMES:
            raise StoreError(f"bad NEO4J_URI {uri!r}: {hint}")
        try:
            self._driver = neo4j.GraphDatabase.driver(uri, auth=auth,
                                                      notifications_min_severity="OFF")
        except Exception as e:  # noqa: BLE001  (ValueError, ConfigurationError, ...)
            raise StoreError(f"bad NEO4J_URI {uri!r}: {_first_line(e)} ({hint})") from None
        try:
            self._driver.verify_connectivity()
            self.server_agent = self._driver.get_server_info().agent
            check_server_agent(self.server_agent)
            if self.database:
                self._check_database()
        except BaseException as e:
            self._driver.close()
            if isinstance(e, StoreError):
                raise
            raise self._friendly(e) from None

    @classmethod
    def from_env(cls) -> "Neo4jStore":
        """Connect with NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE."""
        return cls(os.environ.get("NEO4J_URI") or DEFAULT_URI, os.environ.get("NEO4J_USER") or "neo4j",
                   os.environ.get("NEO4J_PASSWORD"), os.environ.get("NEO4J_DATABASE") or None)

    def __repr__(self) -> str:
        return f"Neo4jStore({self.uri!r}, database={self.database!r})"

    # -- lifecycle -----------------------------------------------------------------------------
    def close(self) -> None:
        """Close the driver and its connections."""
        if getattr(self, "_driver", None) is not None:
            self._driver.close()
            self._driver = None

    @property
    def path(self) -> str:
        """Where the graph lives (for messages; the embedded store's is a folder)."""
        return f"{self.uri} (database {self.database or 'default'})"

    def _check_database(self) -> None:
        names = [r["name"] for r in self._driver.execute_query(
            "SHOW DATABASES YIELD name", database_="system").records]
        if self.database not in names:
            raise StoreError(f"no database {self.database!r} on {self.uri} (it has {', '.join(names)}): "
                             "set NEO4J_DATABASE to one of them or create it")

    def _friendly(self, err: BaseException) -> StoreError:
        """A one-line StoreError for a driver error, with what to try."""
        neo4j = _import_driver()
        ex = neo4j.exceptions
        msg = _first_line(err)
        if isinstance(err, ex.AuthError):
            return StoreError(f"Neo4j at {self.uri} refused the login: wrong NEO4J_USER or NEO4J_PASSWORD ({msg})")
        if isinstance(err, ex.ServiceUnavailable | ex.SessionExpired):
            return StoreError(f"cannot reach Neo4j at {self.uri}: the server is down or NEO4J_URI is wrong "
                              "(start it, e.g. scripts/neo4j-server start, or fix NEO4J_URI)")
        if isinstance(err, ex.ConfigurationError | ValueError):
            return StoreError(f"bad Neo4j settings for {self.uri}: {msg}")
        code = getattr(err, "code", "") or ""
        if code.endswith("Statement.AccessMode"):
            return StoreError("this query writes to the store; add --write (write=True) to allow it")
        if code.endswith("Database.DatabaseNotFound"):
            return StoreError(f"no database {self.database!r} on {self.uri}: set NEO4J_DATABASE to an existing one")
        if code.endswith("Statement.SyntaxError"):
            return StoreError(f"bad Cypher: {msg}")
        if code.endswith("ConstraintValidationFailed"):
            return StoreError(f"already stored ({msg})")
        if isinstance(err, ex.Neo4jError | ex.DriverError):
            return StoreError(f"Neo4j: {msg}")
        return StoreError(msg)

    # -- schema --------------------------------------------------------------------------------
    def init(self, *, skip: Iterable[str] = (), timeout: int = 300) -> list[str]:
        """Create the constraints and indexes (idempotent); returns the statements run.

        ``skip``: labels and tie types whose constraints and indexes are dropped instead (push
        does that for what Neo4j holds nothing of yet, and builds them after the bulk copy).
        Waits up to ``timeout`` seconds for the indexes to come online.
        """
        skipped = set(skip)
        stmts = schema.neo4j_constraints() + tie_indexes()
        run = [stmt for stmt in stmts if _schema_owner(stmt) not in skipped]
        drop = [f"DROP {stmt.split()[1]} {stmt.split()[2]} IF EXISTS" for stmt in stmts
                if _schema_owner(stmt) in skipped]
        try:
            for stmt in drop + run:
                self._driver.execute_query(stmt, database_=self.database)
            self._driver.execute_query(f"CALL db.awaitIndexes({int(timeout)})", database_=self.database)
        except Exception as e:  # noqa: BLE001
            raise self._friendly(e) from None
        self._schema_ready = not skipped
        return run

    def _ensure_schema(self) -> None:
        if not self._schema_ready:
            self.init()

    # -- Cypher --------------------------------------------------------------------------------
    def query(self, cypher: str, params: dict[str, Any] | None = None, write: bool = False) -> Result:
        """Run Cypher with ``$parameters``; read-only unless ``write=True``.

        Nodes, relationships and paths come back as the embedded store's dicts (``_LABEL``
        holds the label or type), dates as ``datetime.date``.
        """
        neo4j = _import_driver()
        if write:
            self._ensure_schema()
        routing = neo4j.RoutingControl.WRITE if write else neo4j.RoutingControl.READ
        try:
            records, _, keys = self._driver.execute_query(
                cypher, parameters_=params or {}, routing_=routing, database_=self.database)
        except Exception as e:  # noqa: BLE001
            raise self._friendly(e) from None
        return Result(list(keys), [[_value(v) for v in rec.values()] for rec in records])

    def _read(self, cypher: str, params: dict[str, Any] | None = None) -> Result:
        return self.query(cypher, params)

    # -- documents -----------------------------------------------------------------------------
    def _write_document(self, extraction: Extraction, batches: Batches) -> bool:
        self._ensure_schema()
        doc = extraction.doc
        by_label = {label: [{**row, "docs": [doc.id]} for row in rows]
                    for label, rows in batches.entities.items()}
        ties = {key: [{"s": s, "t": d, "p": _tie_props(t)} for s, d, t in rows]
                for key, rows in batches.ties.items()}
        doc_props = {"id": doc.id, "title": doc.title, "date": doc.date, "path": doc.path,
                     "sha256": doc.sha256, "words": doc.words, "text": doc.text}

        def work(tx: Any) -> None:
            tx.run("CREATE (d:Document) SET d = $p", p=doc_props).consume()
            for label, rows in by_label.items():
                for chunk in _chunks(rows, BATCH):
                    tx.run(_merge_entities_cypher(label), rows=chunk).consume()
            for (ttype, sl, dl), rows in ties.items():
                for chunk in _chunks(rows, BATCH):
                    tx.run(_create_ties_cypher(ttype, sl, dl), rows=chunk).consume()

        try:
            with self._driver.session(database=self.database) as session:
                session.execute_write(work)
        except Exception as e:  # noqa: BLE001
            err = self._friendly(e)
            if str(err).startswith("already stored"):
                return False  # another process stored it meanwhile
            raise err from None
        return True

    def forget(self, doc_id: str) -> dict[str, int]:
        """Remove a document, its ties, and the nodes no other document mentions."""
        if not self.has_document(doc_id):
            raise self._missing_document(doc_id)

        def work(tx: Any) -> dict[str, int]:
            ties = nodes = 0
            for t in schema.TIE_TYPES:  # per type, so the doc index is used
                ties += tx.run(f"MATCH ()-[r:{t} {{doc: $doc}}]->() DELETE r RETURN count(*) AS n",
                               doc=doc_id).single()["n"]
            for label in schema.LABELS:
                tx.run(f"MATCH (n:{label}) WHERE $doc IN n.docs "
                       "SET n.docs = [x IN n.docs WHERE x <> $doc]", doc=doc_id).consume()
                nodes += tx.run(f"MATCH (n:{label}) WHERE size(n.docs) = 0 DETACH DELETE n "
                                "RETURN count(*) AS n").single()["n"]
            tx.run("MATCH (d:Document {id: $doc}) DELETE d", doc=doc_id).consume()
            return {"ties": ties, "nodes": nodes}

        try:
            with self._driver.session(database=self.database) as session:
                return session.execute_write(work)
        except Exception as e:  # noqa: BLE001
            raise self._friendly(e) from None

    # -- reading -------------------------------------------------------------------------------
    def entities(self, ids: Iterable[str] | None = None) -> list[Entity]:
        """Entities by id (all when ``ids`` is None)."""
        out: list[Entity] = []
        params = None if ids is None else {"ids": list(ids)}
        for label in schema.LABELS:  # one label at a time, so the id index is used
            where = "" if ids is None else " WHERE n.id IN $ids"
            out += [entity_from_node(r[0]) for r in self._read(f"MATCH (n:{label}){where} RETURN n", params).rows]
        return out

    def find(self, name: str) -> list[Entity]:
        """Entities whose id, name or any alias equals ``name``, case-insensitively."""
        key = name.strip().lower()
        out: list[Entity] = []
        for label in schema.LABELS:
            rows = self._read(f"MATCH (n:{label}) WHERE toLower(n.id) = $k OR toLower(n.name) = $k "
                              "OR any(a IN n.aliases WHERE toLower(a) = $k) RETURN n", {"k": key}).rows
            out += [entity_from_node(r[0]) for r in rows]
        return out

    def ties(self, node_ids: Iterable[str] | None = None, *, both: bool = False) -> list[Tie]:
        """Ties touching ``node_ids`` (``both``: with both ends in it); all when None."""
        if node_ids is None:
            rows = self._read("MATCH (a)-[r]->(b) RETURN a.id, b.id, r").rows
            return [tie_from_rel(s, t, r) for s, t, r in rows]
        ids = list(node_ids)
        seen: dict[str, Tie] = {}
        for label in schema.LABELS:
            cond = "WHERE b.id IN $ids " if both else ""
            rows = self._read(f"MATCH (a:{label})-[r]-(b) WHERE a.id IN $ids WITH r, b {cond}"
                              "RETURN startNode(r).id, endNode(r).id, r", {"ids": ids}).rows
            for s, t, r in rows:
                seen.setdefault(r["_ID"], tie_from_rel(s, t, r))
        return list(seen.values())

    def _neighbours(self, ids: list[str], types: set[str] | None) -> set[str]:
        out: set[str] = set()
        params = {"ids": ids, "types": sorted(types) if types else None}
        for label in schema.LABELS:
            rows = self._read(f"MATCH (a:{label})-[r]-(b) WHERE a.id IN $ids "
                              "AND ($types IS NULL OR type(r) IN $types) RETURN DISTINCT b.id",
                              params).rows
            out.update(r[0] for r in rows)
        return out


def _first_line(e: BaseException) -> str:
    msg = getattr(e, "message", None) or str(e) or type(e).__name__
    return " ".join(str(msg).strip().splitlines()[0].split()) if str(msg).strip() else type(e).__name__


# -- copying between backends -------------------------------------------------------------------
@dataclass
class CopyReport:
    """What a push or pull copied, and how fast."""
    documents: int = 0
    nodes: int = 0
    ties: int = 0
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)

    @property
    def ties_per_second(self) -> float:
        return self.ties / self.seconds if self.seconds else 0.0

    def summary(self, verb: str = "copied") -> str:
        return (f"{verb} {self.documents} documents, {self.nodes} nodes and {self.ties} ties "
                f"in {self.seconds:.1f}s ({self.ties_per_second:,.0f} ties/s)")


Progress = Callable[[str, int], None]


def _embedded_rows(store: Store, cypher: str, params: dict[str, Any] | None = None) -> Iterator[list]:
    """Stream rows from the embedded store without holding them all as Python objects."""
    conn = getattr(store, "_conn", None)
    if conn is None:
        yield from store.query(cypher, params).rows
        return
    res = conn.execute(cypher, params or {})
    while res.has_next():
        yield res.get_next()


class _Sender:
    """Sends UNWIND batches to Neo4j from background threads, ``inflight`` batches at a time,
    so that reading the next batch overlaps writing the last ones. Errors surface on the
    next call."""

    def __init__(self, neo: Neo4jStore, inflight: int = 1) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.neo = neo
        self.inflight = max(1, inflight)
        self.pool = ThreadPoolExecutor(max_workers=self.inflight)
        self.pending: list[Any] = []
        self.busy = 0.0  # seconds spent waiting for Neo4j

    def _run(self, cypher: str, rows: list) -> None:
        try:
            self.neo._driver.execute_query(cypher, parameters_={"rows": rows}, database_=self.neo.database)
        except Exception as e:  # noqa: BLE001
            raise self.neo._friendly(e) from None

    def send(self, cypher: str, rows: list) -> None:
        if len(self.pending) >= self.inflight:
            self._wait_one()
        self.pending.append(self.pool.submit(self._run, cypher, rows))

    def _wait_one(self) -> None:
        t0 = time.perf_counter()
        try:
            self.pending.pop(0).result()
        finally:
            self.busy += time.perf_counter() - t0

    def wait(self) -> None:
        """Wait until every batch sent so far is committed."""
        while self.pending:
            self._wait_one()

    def close(self) -> None:
        try:
            self.wait()
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _value_expr(key: str, i: int, props: dict[str, tuple[str, str]]) -> str:
    """``r[i]`` as the property's type in Neo4j (dates travel as ISO strings: much cheaper)."""
    return f"date(r[{i}])" if props[key][0] == "DATE" else f"r[{i}]"


def _push_ties_cypher(type_name: str, source_label: str, target_label: str, check: bool = True) -> str:
    """UNWIND rows [source id, target id, *TIE_KEYS]: create the ties whose id is not there yet
    (``check=False``: create them all, for a type Neo4j has no tie of yet)."""
    t = schema.tie_type(type_name).name
    sl, dl = schema.check_label(source_label), schema.check_label(target_label)
    props = ", ".join(f"{k}: {_value_expr(k, i + 2, schema.TIE_PROPERTIES)}" for i, k in enumerate(TIE_KEYS))
    skip = f"OPTIONAL MATCH ()-[old:{t} {{id: r[2]}}]->() WITH r WHERE old IS NULL " if check else ""
    return (f"UNWIND $rows AS r {skip}"
            f"MATCH (a:{sl} {{id: r[0]}}) MATCH (b:{dl} {{id: r[1]}}) CREATE (a)-[:{t} {{{props}}}]->(b)")


def _embedded_select(var: str, keys: tuple[str, ...], props: dict[str, tuple[str, str]]) -> str:
    """Column list for reading from the embedded store, dates cast to ISO strings."""
    return ", ".join(f"CAST({var}.{k} AS STRING)" if props[k][0] == "DATE" else f"{var}.{k}" for k in keys)


def push(store: Store, neo: Neo4jStore, *, batch: int = BATCH, inflight: int = INFLIGHT,
         progress: Progress | None = None) -> CopyReport:
    """Copy an embedded store into Neo4j: documents, entities, then ties, MERGE on ids.

    Idempotent (a second push changes nothing: documents and entities are merged by id, ties
    whose id is already there are skipped) and resumable (an interrupted push is finished by
    running it again). Each batch is its own transaction, rolled back whole if it fails, and
    ``inflight`` batches are sent at once. Labels and tie types Neo4j holds nothing of yet
    are bulk-created (CREATE, no look-ups) and their constraints and indexes are dropped (they
    are empty) and rebuilt after the copy. Run one push at a time per database, and no other
    writes to it while a first push runs.
    """
    rep = CopyReport()
    t0 = time.perf_counter()
    # What Neo4j holds nothing of yet is created without look-ups (CREATE instead of MERGE, no
    # skip check), and its constraints and indexes are built in bulk after the copy, which is
    # much cheaper than keeping them up to date row by row. What it already holds (a push
    # that was cut off, or data from elsewhere) is merged through its indexes, built first.
    fresh_labels = {label for label in schema.LABELS
                    if not neo.query(f"MATCH (n:{label}) RETURN count(n)").rows[0][0]}
    fresh_types = {t for t in schema.TIE_TYPES
                   if not neo.query(f"MATCH ()-[r:{t}]->() RETURN count(r)").rows[0][0]}
    neo.init(skip=fresh_labels | fresh_types)
    sender = _Sender(neo, inflight)
    try:
        start = time.perf_counter()
        doc_props = ", ".join(f"{k}: {_value_expr(k, i, schema.DOCUMENT_PROPERTIES)}"
                              for i, k in enumerate(DOC_KEYS) if k != "id")
        cypher = f"UNWIND $rows AS r MERGE (d:Document {{id: r[0]}}) SET d += {{{doc_props}}}"
        small = max(1, batch // 10)  # documents carry their text: smaller batches
        docs = _embedded_rows(store, f"MATCH (d:Document) RETURN "
                                     f"{_embedded_select('d', DOC_KEYS, schema.DOCUMENT_PROPERTIES)}")
        for rows in _chunks(docs, small):
            sender.send(cypher, rows)
            rep.documents += len(rows)
        sender.wait()
        rep.phases["documents"] = time.perf_counter() - start

        start = time.perf_counter()
        cols = ", ".join(f"n.{k}" for k in NODE_KEYS)
        lists = [NODE_KEYS.index("aliases"), NODE_KEYS.index("docs")]
        for label in schema.LABELS:
            fresh = label in fresh_labels
            cypher = _create_entities_cypher(label) if fresh else _merge_entities_cypher(label, as_list=True)
            nodes = ([x or [] if i in lists else x for i, x in enumerate(r)]
                     for r in _embedded_rows(store, f"MATCH (n:{label}) RETURN {cols}"))
            for rows in _chunks(nodes, batch):
                sender.send(cypher, rows)
                rep.nodes += len(rows)
                if progress:
                    progress("nodes", rep.nodes)
        sender.wait()  # every node is in before the first tie needs it
        rep.phases["nodes"] = time.perf_counter() - start
        start = time.perf_counter()
        neo.init(skip=fresh_types, timeout=INDEX_WAIT)  # ties look their nodes up by id
        rep.phases["node indexes"] = time.perf_counter() - start

        start = time.perf_counter()
        busy0 = sender.busy
        cols = _embedded_select("r", TIE_KEYS, schema.TIE_PROPERTIES)
        for ttype in schema.TIE_TYPES:
            # No tie of this type in Neo4j yet (a first push): nothing to skip, so no lookups.
            check = ttype not in fresh_types
            groups: dict[tuple[str, str], list] = defaultdict(list)
            for row in _embedded_rows(store, f"MATCH (a)-[r:{ttype}]->(b) RETURN label(a), label(b), a.id, b.id, {cols}"):
                key = (row[0], row[1])
                rows = groups[key]
                rows.append(row[2:])
                if len(rows) >= batch:
                    sender.send(_push_ties_cypher(ttype, *key, check), rows)
                    rep.ties += len(rows)
                    groups[key] = []
                    if progress:
                        progress("ties", rep.ties)
            for key, rows in groups.items():
                if rows:
                    sender.send(_push_ties_cypher(ttype, *key, check), rows)
                    rep.ties += len(rows)
        sender.wait()
        rep.phases["ties"] = time.perf_counter() - start
        rep.phases["ties: waiting for Neo4j"] = sender.busy - busy0
        start = time.perf_counter()
        neo.init(timeout=INDEX_WAIT)  # the tie indexes of the types created above
        rep.phases["tie indexes"] = time.perf_counter() - start
    finally:
        sender.close()
    rep.seconds = time.perf_counter() - t0
    return rep


def _csv_cell(v: Any) -> Any:
    """A value as the embedded engine's CSV reader wants it (empty means null)."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()[:10]
    return v


def _lb_cast(var: str, key: str, props: dict[str, tuple[str, str]]) -> str:
    """``CAST(var.key AS TYPE)``: the embedded engine types a null-only parameter field as STRING."""
    typ = props[key][0]
    return f"{var}.{key}" if typ == "STRING" else f"CAST({var}.{key} AS {typ})"


def pull(neo: Neo4jStore, store: Store, *, batch: int = BATCH, progress: Progress | None = None) -> CopyReport:
    """Copy a Neo4j graph into an embedded store (idempotent, resumable).

    Documents and entities are merged by id (lists united); ties whose id the store already
    has are skipped, the others are written to a CSV file per type and label pair and loaded
    with COPY. Only tiesdb's labels and tie types are copied.
    """
    rep = CopyReport()
    t0 = time.perf_counter()

    def rows_of(cypher: str, convert: bool = True, **params: Any) -> Iterator[Any]:
        try:
            with neo._driver.session(database=neo.database, fetch_size=batch) as session:
                for rec in session.run(cypher, params):
                    yield [_value(v) for v in rec.values()] if convert else rec.values()
        except StoreError:
            raise
        except Exception as e:  # noqa: BLE001
            raise neo._friendly(e) from None

    def send(cypher: str, rows: list[dict]) -> None:
        store.query(cypher, {"rows": rows}, write=True)

    start = time.perf_counter()
    doc_cypher = ("UNWIND $rows AS r MERGE (d:Document {id: r.id}) SET "
                  + ", ".join(f"d.{k} = {_lb_cast('r', k, schema.DOCUMENT_PROPERTIES)}"
                              for k in DOC_KEYS if k != "id"))
    cols = ", ".join(f"d.{k}" for k in DOC_KEYS)
    for rows in _chunks((dict(zip(DOC_KEYS, r)) for r in rows_of(f"MATCH (d:Document) RETURN {cols}")),
                        max(1, batch // 10)):
        send(doc_cypher, rows)
        rep.documents += len(rows)
    rep.phases["documents"] = time.perf_counter() - start

    start = time.perf_counter()
    cols = ", ".join(f"n.{k}" for k in NODE_KEYS)
    for label in schema.LABELS:
        cypher = (f"UNWIND $rows AS r MERGE (n:{label} {{id: r.id}}) "
                  "ON CREATE SET n.name = r.name, n.aliases = CAST(r.aliases AS STRING[]), "
                  "n.docs = CAST(r.docs AS STRING[]), n.kind = r.kind, n.country = r.country "
                  "ON MATCH SET n.aliases = list_distinct(list_concat(n.aliases, CAST(r.aliases AS STRING[]))), "
                  "n.docs = list_distinct(list_concat(n.docs, CAST(r.docs AS STRING[]))), "
                  "n.kind = coalesce(n.kind, r.kind), n.country = coalesce(n.country, r.country)")
        nodes = ({**d, "aliases": d["aliases"] or [], "docs": d["docs"] or []}
                 for d in (dict(zip(NODE_KEYS, r)) for r in rows_of(f"MATCH (n:{label}) RETURN {cols}")))
        for rows in _chunks(nodes, batch):
            send(cypher, rows)
            rep.nodes += len(rows)
    rep.phases["nodes"] = time.perf_counter() - start

    start = time.perf_counter()
    # Ties go in with COPY from a CSV file per type and label pair: the embedded engine loads
    # those far faster than row-by-row MERGE. Ties whose id is already there are skipped.
    cols = ", ".join(f"toString(r.{k})" if schema.TIE_PROPERTIES[k][0] == "DATE" else f"r.{k}" for k in TIE_KEYS)
    tmp = Path(tempfile.mkdtemp(prefix="tiesdb-pull-"))
    try:
        for ttype in schema.TIE_TYPES:
            have = {r[0] for r in _embedded_rows(store, f"MATCH ()-[r:{ttype}]->() RETURN r.id")}
            files: dict[tuple[str, str], Any] = {}
            writers: dict[tuple[str, str], Any] = {}
            counts: dict[tuple[str, str], int] = defaultdict(int)
            skipped = 0
            try:
                for row in rows_of(f"MATCH (a)-[r:{ttype}]->(b) RETURN [x IN labels(a) WHERE x IN $labels][0], "
                                   f"[x IN labels(b) WHERE x IN $labels][0], a.id, b.id, {cols}",
                                   convert=False, labels=list(schema.LABELS)):
                    if row[4] in have:
                        skipped += 1
                        continue
                    key = (schema.check_label(row[0]), schema.check_label(row[1]))
                    if key not in writers:
                        files[key] = open(tmp / f"{ttype}-{key[0]}-{key[1]}.csv", "w", newline="", encoding="utf-8")
                        writers[key] = csv.writer(files[key])
                    writers[key].writerow([_csv_cell(v) for v in row[2:]])
                    counts[key] += 1
            finally:
                for f in files.values():
                    f.close()
            for (sl, dl), n in counts.items():
                path = tmp / f"{ttype}-{sl}-{dl}.csv"
                store.query(f"COPY {ttype} FROM '{path.as_posix()}' "
                            f"(from='{sl}', to='{dl}', header=false, escape='\"', parallel=false)", write=True)
                path.unlink()
                rep.ties += n
                if progress:
                    progress("ties", rep.ties)
            rep.ties += skipped  # already there: counted as copied
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    rep.phases["ties"] = time.perf_counter() - start
    rep.seconds = time.perf_counter() - t0
    return rep
