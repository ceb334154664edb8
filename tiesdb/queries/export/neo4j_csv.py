"""CSV files for ``neo4j-admin database import``: nodes.csv, ties.csv and documents.csv.

Headers carry the neo4j-admin field types (``id:ID(Entity)``, ``:LABEL``, ``:START_ID(Entity)``,
``:END_ID(Entity)``, ``:TYPE``, ``date:date``, ``amount:double``, ``aliases:string[]``...).
Lists are ``;``-separated (neo4j-admin's default array delimiter; a ``;`` inside an alias is
written as ``,``). Fields holding newlines are quoted, so import with ``--multiline-fields=true``.
An empty field is a missing property.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import networkx as nx

from tiesdb.graph import schema
from tiesdb.queries.export._encode import cast, iso

NODES, TIES, DOCUMENTS = "nodes.csv", "ties.csv", "documents.csv"
_ADMIN_TYPES = {"STRING": "", "STRING[]": ":string[]", "DATE": ":date", "DOUBLE": ":double",
                "INT64": ":long", "BOOLEAN": ":boolean"}
NODE_FIELDS = [k for k in schema.NODE_PROPERTIES if k != "id"]
TIE_FIELDS = list(schema.TIE_PROPERTIES)
DOC_FIELDS = [k for k in schema.DOCUMENT_PROPERTIES if k != "id"]


def _header(props: dict[str, tuple[str, str]], fields: list[str]) -> list[str]:
    return [f + _ADMIN_TYPES[props[f][0]] for f in fields]


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, tuple)):
        return ";".join(str(x).replace(";", ",") for x in v)
    return str(iso(v))


def _value(props: dict[str, tuple[str, str]], key: str, text: str) -> Any:
    if text == "":
        return None
    if props[key][0] == "STRING[]":
        return text.split(";")
    return cast(props, key, text)


def write_csv(g: nx.MultiDiGraph, folder: str | Path) -> Path:
    """Write ``g`` as neo4j-admin import files in ``folder`` (created if needed)."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ValueError(f"{folder} is a file; csv export writes a folder (nodes.csv, ties.csv, documents.csv)")
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / NODES, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id:ID(Entity)", ":LABEL", *_header(schema.NODE_PROPERTIES, NODE_FIELDS)])
        for n, d in g.nodes(data=True):
            w.writerow([n, d.get("label", ""), *(_cell(d.get(k)) for k in NODE_FIELDS)])
    with open(folder / TIES, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow([":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", *_header(schema.TIE_PROPERTIES, TIE_FIELDS)])
        for u, v, k, d in g.edges(keys=True, data=True):
            w.writerow([u, v, d["type"], *(_cell(k if f == "id" else d.get(f)) for f in TIE_FIELDS)])
    docs = g.graph.get("documents") or []
    with open(folder / DOCUMENTS, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id:ID(Document)", ":LABEL", *_header(schema.DOCUMENT_PROPERTIES, DOC_FIELDS)])
        for doc in docs:
            w.writerow([doc["id"], schema.DOCUMENT_LABEL, *(_cell(doc.get(k)) for k in DOC_FIELDS)])
    return folder


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows:
        raise ValueError(f"{path} is empty (expected a header line)")
    # "id:ID(Entity)" -> "id", ":START_ID(Entity)" -> ":START_ID", "date:date" -> "date"
    return [h.split("(")[0] if h.startswith(":") else h.split(":")[0] for h in rows[0]], rows[1:]


def read_csv(folder: str | Path) -> nx.MultiDiGraph:
    """Read the files written by ``write_csv`` back into a tiesdb graph."""
    folder = Path(folder)
    if not (folder / NODES).exists() or not (folder / TIES).exists():
        raise ValueError(f"{folder} does not hold {NODES} and {TIES} (a tiesdb csv export folder)")
    g = nx.MultiDiGraph()
    head, rows = _rows(folder / NODES)
    for row in rows:
        rec = dict(zip(head, row))
        attrs = {"label": rec[":LABEL"],
                 **{k: _value(schema.NODE_PROPERTIES, k, rec.get(k, "")) for k in NODE_FIELDS}}
        g.add_node(rec["id"], **{k: v for k, v in attrs.items() if v is not None})
    head, rows = _rows(folder / TIES)
    for row in rows:
        rec = dict(zip(head, row))
        attrs = {k: _value(schema.TIE_PROPERTIES, k, rec.get(k, "")) for k in TIE_FIELDS}
        attrs["evidence"] = attrs["evidence"] or ""
        key = attrs.pop("id")
        g.add_edge(rec[":START_ID"], rec[":END_ID"], key=key, type=rec[":TYPE"],
                   **{k: v for k, v in attrs.items() if v is not None})
    if (folder / DOCUMENTS).exists():
        head, rows = _rows(folder / DOCUMENTS)
        g.graph["documents"] = [{"id": rec["id"], **{k: _value(schema.DOCUMENT_PROPERTIES, k, rec.get(k, ""))
                                                      for k in DOC_FIELDS}}
                                for rec in (dict(zip(head, row)) for row in rows)]
    return g
