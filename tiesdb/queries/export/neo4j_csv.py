"""CSV files for ``neo4j-admin database import``: nodes.csv, ties.csv and documents.csv.

Headers carry the neo4j-admin field types (``id:ID(Entity)``, ``:LABEL``, ``:START_ID(Entity)``,
``:END_ID(Entity)``, ``:TYPE``, ``date:date``, ``amount:double``, ``aliases:string[]``...).
Lists are ``;``-separated (neo4j-admin's default array delimiter; a ``;`` inside an alias is
written as ``,``). Fields holding newlines are quoted, so import with ``--multiline-fields=true``.
An empty field is a missing property.

``write_csv`` writes any selected graph; ``write_store_csv`` writes a whole embedded store
the same way with the engine's own ``COPY TO`` (about 50x faster: a million ties in seconds),
and ``admin_import`` runs neo4j-admin on the files: the fastest way to fill an empty Neo4j.
"""
from __future__ import annotations

import csv
import shlex
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any, Sequence

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


NODE_HEADER = ["id:ID(Entity)", ":LABEL", *_header(schema.NODE_PROPERTIES, NODE_FIELDS)]
TIE_HEADER = [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", *_header(schema.TIE_PROPERTIES, TIE_FIELDS)]
DOC_HEADER = ["id:ID(Document)", ":LABEL", *_header(schema.DOCUMENT_PROPERTIES, DOC_FIELDS)]


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
        w.writerow(NODE_HEADER)
        for n, d in g.nodes(data=True):
            w.writerow([n, d.get("label", ""), *(_cell(d.get(k)) for k in NODE_FIELDS)])
    with open(folder / TIES, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(TIE_HEADER)
        for u, v, k, d in g.edges(keys=True, data=True):
            w.writerow([u, v, d["type"], *(_cell(k if f == "id" else d.get(f)) for f in TIE_FIELDS)])
    docs = g.graph.get("documents") or []
    with open(folder / DOCUMENTS, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(DOC_HEADER)
        for doc in docs:
            w.writerow([doc["id"], schema.DOCUMENT_LABEL, *(_cell(doc.get(k)) for k in DOC_FIELDS)])
    return folder


def _column(var: str, key: str, props: dict[str, tuple[str, str]]) -> str:
    """The embedded engine's expression for one CSV cell, written as ``_cell`` writes it."""
    kind = props[key][0]
    if kind == "STRING[]":
        return f"list_to_string(';', list_transform({var}.{key}, s -> replace(s, ';', ',')))"
    if kind == "BOOLEAN":
        return f"lower(CAST({var}.{key} AS STRING))"
    return f"{var}.{key}"


def write_store_csv(store: Any, folder: str | Path) -> dict[str, int]:
    """Write a whole embedded store (``tiesdb.graph.store.Store``) as ``write_csv`` would, with
    the engine's ``COPY TO`` instead of Python. Returns the counts written.

    Examples
    --------
    >>> write_store_csv(store, "neo4j-import")                       # doctest: +SKIP
    {'documents': 1000, 'nodes': 100000, 'ties': 1000000}
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ValueError(f"{folder} is a file; csv export writes a folder (nodes.csv, ties.csv, documents.csv)")
    folder.mkdir(parents=True, exist_ok=True)
    parts = Path(tempfile.mkdtemp(prefix=".parts-", dir=folder))
    n_cols = ", ".join(_column("n", k, schema.NODE_PROPERTIES) for k in NODE_FIELDS)
    r_cols = ", ".join(_column("r", k, schema.TIE_PROPERTIES) for k in TIE_FIELDS)
    d_cols = ", ".join(_column("d", k, schema.DOCUMENT_PROPERTIES) for k in DOC_FIELDS)
    # Labels and types come from the schema, never from input; values never enter the Cypher.
    jobs = {
        NODES: (NODE_HEADER, [f"MATCH (n:{lb}) RETURN n.id, '{lb}', {n_cols}" for lb in schema.LABELS]),
        TIES: (TIE_HEADER, [f"MATCH (a)-[r:{t}]->(b) RETURN a.id, b.id, '{t}', {r_cols}"
                            for t in schema.TIE_TYPES]),
        DOCUMENTS: (DOC_HEADER, [f"MATCH (d:{schema.DOCUMENT_LABEL}) RETURN d.id, '{schema.DOCUMENT_LABEL}', {d_cols}"]),
    }
    try:
        for name, (header, queries) in jobs.items():
            with open(folder / name, "w", newline="", encoding="utf-8") as out:
                csv.writer(out).writerow(header)
                for i, cypher in enumerate(queries):
                    part = parts / f"{i}-{name}"  # COPY TO picks the format by the suffix
                    path = str(part).replace("\\", "\\\\").replace("'", "\\'")  # a quote in the folder's name
                    store.query(f"COPY ({cypher}) TO '{path}' (header=false, escape='\"')")
                    with open(part, encoding="utf-8", newline="") as f:
                        shutil.copyfileobj(f, out)
    finally:
        shutil.rmtree(parts, ignore_errors=True)
    stats = store.stats()
    return {k: stats[k] for k in ("documents", "nodes", "ties")}


def admin_import_args(folder: str | Path, database: str = "neo4j", overwrite: bool = False) -> list[str]:
    """The ``neo4j-admin`` arguments that import the csv export in ``folder`` into ``database``."""
    folder = Path(folder).resolve()
    return ["database", "import", "full", f"--nodes={folder / NODES}", f"--nodes={folder / DOCUMENTS}",
            f"--relationships={folder / TIES}", "--multiline-fields=true",
            f"--report-file={folder / 'import.report'}",
            *(["--overwrite-destination=true"] if overwrite else []), database]


def admin_import(folder: str | Path, neo4j_admin: str | Sequence[str] = "neo4j-admin",
                 database: str = "neo4j", overwrite: bool = False) -> float:
    """Run ``neo4j-admin database import full`` on the csv export in ``folder``; returns seconds.

    The Neo4j server must be stopped (or the database offline), and ``overwrite`` replaces what
    ``database`` holds. Afterwards start the server and create tiesdb's constraints and indexes
    (``tiesdb neo4j init``). ``neo4j_admin`` is the command, e.g. ``/opt/neo4j/bin/neo4j-admin``.
    """
    cmd = shlex.split(neo4j_admin) if isinstance(neo4j_admin, str) else list(neo4j_admin)
    if not (Path(folder) / NODES).exists() or not (Path(folder) / TIES).exists():
        raise ValueError(f"{folder} does not hold {NODES} and {TIES} (a tiesdb csv export folder)")
    t0 = time.perf_counter()
    try:
        done = subprocess.run([*cmd, *admin_import_args(folder, database, overwrite)],
                              capture_output=True, text=True, stdin=subprocess.DEVNULL)
    except (FileNotFoundError, PermissionError):
        raise ValueError(f"cannot run {cmd[0]!r}; give the neo4j-admin of your Neo4j 5 installation "
                         f"(--neo4j-admin /path/to/neo4j/bin/neo4j-admin)") from None
    if done.returncode != 0:
        lines = [x.strip() for x in (done.stderr + "\n" + done.stdout).splitlines() if x.strip()]
        why = next((x for x in lines if "exist" in x.lower() or "error" in x.lower() or "exception" in x.lower()),
                   lines[-1] if lines else f"exit code {done.returncode}")
        hint = (" (stop the server first; add --overwrite to replace the database's contents)"
                if "exist" in why.lower() or "in use" in why.lower() or "lock" in why.lower() else "")
        raise ValueError(f"neo4j-admin import failed: {why[:300]}{hint}")
    return time.perf_counter() - t0


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
