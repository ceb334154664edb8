"""What every tiesdb backend offers, and the parts the embedded store and Neo4j share.

A backend implements ``query``, ``_read`` (a read that needs no transaction of its own),
``_write_document``, ``forget``, ``entities``, ``find``, ``ties`` and ``_neighbours``; this class
builds the rest on them: document look-ups, validation, ``load``, ``stats`` and ``subgraph``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import networkx as nx

from tiesdb.graph import schema
from tiesdb.graph.model import Entity, Extraction, Tie


class StoreError(Exception):
    """A problem a user can act on; the message is one line with a hint."""


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


@dataclass
class Batches:
    """An extraction's rows grouped for UNWIND writes: entities per label, ties per label pair."""
    entities: dict[str, list[dict[str, Any]]]
    ties: dict[tuple[str, str, str], list[tuple[str, str, Tie]]]


class Backend:
    """The interface shared by ``Store`` (embedded) and ``Neo4jStore``."""

    backend = "abstract"
    path: Any

    # -- to implement --------------------------------------------------------------------------
    def query(self, cypher: str, params: dict[str, Any] | None = None, write: bool = False) -> Result:
        raise NotImplementedError

    def _read(self, cypher: str, params: dict[str, Any] | None = None) -> Result:
        raise NotImplementedError

    def _write_document(self, extraction: Extraction, batches: Batches) -> bool:
        """Write the document, its entities and ties in one transaction; False if already there."""
        raise NotImplementedError

    def forget(self, doc_id: str) -> dict[str, int]:
        raise NotImplementedError

    def entities(self, ids: Iterable[str] | None = None) -> list[Entity]:
        raise NotImplementedError

    def find(self, name: str) -> list[Entity]:
        raise NotImplementedError

    def ties(self, node_ids: Iterable[str] | None = None, *, both: bool = False) -> list[Tie]:
        raise NotImplementedError

    def _neighbours(self, ids: list[str], types: set[str] | None) -> set[str]:
        """Ids of the entities one tie (of ``types``, any when None) away from ``ids``."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # -- shared --------------------------------------------------------------------------------
    def __enter__(self) -> "Backend":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has_document(self, doc_id: str) -> bool:
        return bool(self._read("MATCH (d:Document {id: $id}) RETURN d.id", {"id": doc_id}).rows)

    def documents(self) -> list[dict[str, Any]]:
        """Every stored document: id, title, date, path, words."""
        return self._read("MATCH (d:Document) RETURN d.id AS id, d.title AS title, d.date AS date, "
                          "d.path AS path, d.words AS words ORDER BY d.id").dicts()

    def document(self, doc_id: str) -> dict[str, Any] | None:
        rows = self._read("MATCH (d:Document {id: $id}) RETURN d", {"id": doc_id}).rows
        return {k: v for k, v in rows[0][0].items() if not k.startswith("_")} if rows else None

    def _missing_document(self, doc_id: str) -> StoreError:
        return StoreError(f"no document {doc_id!r} in {self.path} (tiesdb documents lists them)")

    def add_document(self, extraction: Extraction) -> bool:
        """Store a document with its entities and ties in one transaction.

        Returns False (and changes nothing) when the document is already stored. Entities are
        merged by id: aliases and the documents that mention them are added to. Every tie is
        checked against the schema before anything is written.
        """
        batches = batch_rows(extraction)
        if self.has_document(extraction.doc.id):
            return False
        return self._write_document(extraction, batches)

    def load(self, paths: str | Path | Iterable[str | Path], progress: Any = None) -> Any:
        """Read, extract and store documents: ``tiesdb.loaders.load`` on this store."""
        from tiesdb.loaders import load

        if isinstance(paths, (str, Path)):
            paths = [paths]
        return load(self, [str(p) for p in paths], progress=progress)

    def stats(self) -> dict[str, Any]:
        """Counts: documents, nodes by label, ties by type."""
        labels = {label: self._read(f"MATCH (n:{label}) RETURN count(n)").rows[0][0]
                  for label in schema.LABELS}
        types = {t: self._read(f"MATCH ()-[r:{t}]->() RETURN count(r)").rows[0][0]
                 for t in schema.TIE_TYPES}
        docs = self._read("MATCH (d:Document) RETURN count(d)").rows[0][0]
        return {"documents": docs, "nodes": sum(labels.values()), "ties": sum(types.values()),
                "labels": {k: v for k, v in labels.items() if v},
                "types": {k: v for k, v in types.items() if v}}

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
        if around is not None:
            frontier = set(around)
            seen = set(frontier)
            for _ in range(depth):
                if not frontier:
                    break
                frontier = self._neighbours(sorted(frontier), types) - seen
                seen |= frontier
            node_ids = seen
        ents = {e.id: e for e in self.entities(node_ids)}
        if labels:
            ents = {k: e for k, e in ents.items() if e.label in labels}
        ties = [t for t in self.ties(None if node_ids is None else list(ents), both=True)
                if t.source in ents and t.target in ents and keep_tie(t, types, since, until)]
        return to_networkx(ents.values(), ties)


def batch_rows(extraction: Extraction) -> Batches:
    """Check every tie against the schema and group the rows for writing.

    Symmetric ties are turned round where only the other direction is a declared label pair.
    """
    doc = extraction.doc
    labels = {e.id: e.label for e in extraction.entities}
    ties: dict[tuple[str, str, str], list[tuple[str, str, Tie]]] = {}
    for t in extraction.ties:
        for end in (t.source, t.target):
            if end not in labels:
                raise StoreError(f"tie {t.type} in {doc.id} refers to unknown entity {end!r}")
        schema.validate_tie(t.type, labels[t.source], labels[t.target])
        src, dst, sl, dl = t.source, t.target, labels[t.source], labels[t.target]
        if (sl, dl) not in schema.TIE_TYPES[t.type].pairs:
            src, dst, sl, dl = dst, src, dl, sl
        ties.setdefault((t.type, sl, dl), []).append((src, dst, t))
    entities: dict[str, list[dict[str, Any]]] = {}
    for e in extraction.entities:
        entities.setdefault(e.label, []).append(
            {"id": e.id, "name": e.name, "aliases": list(e.aliases), "kind": e.kind, "country": e.country})
    return Batches(entities, ties)


def keep_tie(t: Tie, types: set[str] | None, since: dt.date | None, until: dt.date | None) -> bool:
    """Whether a tie passes the type and date filters (undated ties fail any date filter)."""
    if types and t.type not in types:
        return False
    if since and (t.date is None or t.date < since):
        return False
    if until and (t.date is None or t.date > until):
        return False
    return True


def to_networkx(entities: Iterable[Entity], ties: Iterable[Tie]) -> nx.MultiDiGraph:
    """Build the MultiDiGraph tiesdb hands out: node attrs from Entity, edge attrs from Tie."""
    g = nx.MultiDiGraph()
    for e in entities:
        g.add_node(e.id, **{k: v for k, v in e.to_dict().items() if k != "id"})
    for t in ties:
        attrs = {k: v for k, v in vars(t).items() if v is not None and k not in ("source", "target", "id")}
        g.add_edge(t.source, t.target, key=t.id, **attrs)
    return g


def entity_from_node(n: dict[str, Any]) -> Entity:
    """An Entity from a node as either backend returns it (a dict with ``_LABEL``)."""
    return Entity(id=n["id"], name=n["name"], label=n["_LABEL"], aliases=list(n.get("aliases") or []),
                  kind=n.get("kind"), country=n.get("country"))


def tie_from_rel(source: str, target: str, r: dict[str, Any]) -> Tie:
    """A Tie from a relationship as either backend returns it (a dict with ``_LABEL``)."""
    props = {k: r.get(k) for k in schema.TIE_PROPERTIES}
    props["implied"] = bool(props["implied"])
    return Tie(source=source, target=target, type=r["_LABEL"], **props)
