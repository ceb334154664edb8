"""Tie sheets: an analyst's CSV/JSON of ties, or an extract JSON fixed by hand -> Extractions.

A sheet has the columns ``source, source_label, target, target_label, type, evidence, date,
doc`` (``domain, amount, currency, item`` optional). Rows are grouped by ``doc`` (default: the
sheet's file name); entities are made from the names, countries keyed by ISO alpha-3.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path
from typing import Any

from tiesdb.graph import schema
from tiesdb.graph.model import Document, Entity, Extraction, Tie, slugify
from tiesdb.loaders import gazetteer as gz
from tiesdb.loaders.readers import LoadError, decode

SHEET_EXTENSIONS = (".csv", ".tsv", ".json", ".jsonl")
REQUIRED = ("source", "target", "type")


def entity_for(name: str, label: str | None) -> Entity:
    """The entity a sheet names: countries by ISO code, others by slug."""
    name = " ".join(name.split())
    code = gz.country_by_name(name) or (name.upper() if len(name) == 3 and name.upper() in gz.countries() else None)
    if (label or "Country").lower() == "country" and code:
        c = gz.country(code)
        return Entity(id=c.id, name=c.name, label="Country", aliases=[name], country=c.alpha3)
    if not label:
        label = gz.label_by_shape(name) or "Institution"
    return Entity(id=slugify(name), name=name, label=label, aliases=[])


def read_sheet(path: str | Path) -> list[Extraction]:
    """Extractions from a tie sheet (.csv/.tsv/.json) or an extract JSON (one object or JSON lines).

    Examples
    --------
    >>> xs = read_sheet("ties.csv")                         # doctest: +SKIP
    >>> xs[0].ties[0].type
    'PARTNERS_WITH'
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise LoadError(p, f"cannot read: {e.strerror or e}")
    if not data.strip():
        raise LoadError(p, "empty file")
    text = decode(data, str(p))
    ext = p.suffix.lower()
    try:
        if ext in (".json", ".jsonl"):
            return _from_json(text, p)
        rows = list(csv.DictReader(io.StringIO(text), delimiter="\t" if ext == ".tsv" else ","))
    except (json.JSONDecodeError, csv.Error) as e:
        raise LoadError(p, f"not a valid {ext[1:].upper()} tie sheet ({str(e).splitlines()[0]})")
    return _from_rows(rows, p, data)


def _from_json(text: str, p: Path) -> list[Extraction]:
    text = text.strip()
    items = json.loads(text) if text.startswith(("{", "[")) and not text.count("\n{") else \
        [json.loads(line) for line in text.splitlines() if line.strip()]
    if isinstance(items, dict):
        items = [items]
    if items and isinstance(items[0], dict) and "entities" in items[0]:
        try:
            return [Extraction.from_dict(x) for x in items]
        except (KeyError, TypeError, ValueError) as e:
            raise LoadError(p, f"bad extract JSON: {e}")
    return _from_rows(items, p, text.encode())


def _from_rows(rows: list[dict[str, Any]], p: Path, data: bytes) -> list[Extraction]:
    if not rows:
        raise LoadError(p, "no rows")
    missing = [c for c in REQUIRED if c not in rows[0]]
    if missing:
        raise LoadError(p, f"missing column(s) {', '.join(missing)}; a tie sheet needs "
                           "source, source_label, target, target_label, type, evidence, date, doc")
    sha = hashlib.sha256(data).hexdigest()
    by_doc: dict[str, Extraction] = {}
    for n, row in enumerate(rows, start=2):
        row = {k.strip().lower(): (v.strip() if isinstance(v, str) else v) for k, v in row.items() if k}
        doc_id = row.get("doc") or Document.make_id(p.name, sha)
        x = by_doc.get(doc_id)
        if x is None:
            x = by_doc[doc_id] = Extraction(doc=Document(id=doc_id, text="", title=f"tie sheet {p.name}",
                                                         path=str(p), sha256=sha))
        try:
            src = entity_for(row["source"], row.get("source_label") or None)
            tgt = entity_for(row["target"], row.get("target_label") or None)
            schema.validate_tie(row["type"], src.label, tgt.label)
            amount = float(row["amount"]) if row.get("amount") not in (None, "") else None
            tie = Tie(source=src.id, target=tgt.id, type=row["type"], evidence=row.get("evidence") or "",
                      doc=doc_id, date=row.get("date") or None, domain=row.get("domain") or None,
                      amount=amount, currency=row.get("currency") or None, item=row.get("item") or None,
                      rule="sheet", confidence=1.0)
        except (ValueError, KeyError) as e:
            raise LoadError(p, f"row {n}: {e}")
        known = {e.id: e for e in x.entities}
        for e in (src, tgt):
            if e.id in known:
                for a in e.aliases:
                    known[e.id].add_alias(a)
            else:
                x.entities.append(e)
                known[e.id] = e
        x.ties.append(tie)
    return list(by_doc.values())
