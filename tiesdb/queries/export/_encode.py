"""How tiesdb attributes are written to formats without lists or dates, and read back.

Every format holds the same MultiDiGraph (node attrs ``name``, ``label``, ``aliases``, ``kind``,
``country``, ``docs``; edge key = tie id, edge attrs ``type`` and the tie properties). In
GraphML and GEXF lists (``aliases``, ``docs``) are JSON strings, dates ISO 8601 strings, and,
for Gephi, the tiesdb label is ``category``, the node label is the name, the tie type is
``tie_type`` and the edge label; GEXF edges also get ``start``/``end`` = the tie's date.
Control characters XML cannot hold are dropped from text.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

import networkx as nx

from tiesdb.graph import schema

LIST_PROPS = {k for k, (t, _) in schema.NODE_PROPERTIES.items() if t.endswith("[]")}
_CASTS = {"DOUBLE": float, "INT64": int, "BOOLEAN": lambda v: v if isinstance(v, bool) else str(v).lower() == "true",
          "DATE": lambda v: v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v)[:10]),
          "STRING": str, "STRING[]": lambda v: v if isinstance(v, list) else json.loads(v)}


def iso(v: Any) -> Any:
    return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v


def cast(props: dict[str, tuple[str, str]], key: str, value: Any) -> Any:
    """``value`` in the Python type the schema gives ``key`` (unknown keys unchanged)."""
    if value is None or key not in props:
        return value
    return _CASTS[props[key][0]](value)


#: Characters XML 1.0 cannot hold (controls other than tab, newline, carriage return).
_NOT_XML = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF])


def xml_text(v: Any) -> Any:
    """``v`` with the characters XML cannot hold removed (other values unchanged)."""
    return v.translate(_NOT_XML) if isinstance(v, str) else v


def flatten(g: nx.MultiDiGraph, spells: bool = False) -> nx.MultiDiGraph:
    """A copy for GraphML/GEXF: only strings and numbers as attributes (see the module docstring).

    Characters XML cannot hold (control characters other than tab and newlines) are dropped.
    """
    h = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        attrs = {k: xml_text(json.dumps(v, ensure_ascii=False) if isinstance(v, (list, tuple)) else iso(v))
                 for k, v in d.items() if v is not None}
        attrs["category"] = attrs.pop("label", "")
        attrs["label"] = attrs.get("name", str(n))
        h.add_node(xml_text(n), **attrs)
    for u, v, k, d in g.edges(keys=True, data=True):
        attrs = {a: xml_text(iso(x)) for a, x in d.items() if x is not None}
        attrs["tie_type"] = attrs.pop("type")
        attrs["label"] = attrs["tie_type"]
        if spells and attrs.get("date"):
            attrs["start"] = attrs["end"] = attrs["date"]
        h.add_edge(xml_text(u), xml_text(v), key=xml_text(k), **attrs)
    return h


def unflatten(h: nx.MultiDiGraph, gephi: bool = False) -> nx.MultiDiGraph:
    """The inverse of ``flatten``: lists, dates and numbers back in their schema types."""
    g = nx.MultiDiGraph()
    for n, d in h.nodes(data=True):
        d = dict(d)
        if gephi:
            d.pop("label", None)
            d["label"] = d.pop("category", None)
        g.add_node(str(n), **{k: cast(schema.NODE_PROPERTIES, k, v) for k, v in d.items() if v is not None})
    for u, v, k, d in h.edges(keys=True, data=True):
        d = dict(d)
        for extra in ("start", "end", "id", "networkx_key"):
            d.pop(extra, None)
        if gephi:
            d.pop("label", None)
            d["type"] = d.pop("tie_type", None)
        g.add_edge(str(u), str(v), key=str(k),
                   **{a: cast(schema.TIE_PROPERTIES, a, x) for a, x in d.items() if x is not None})
    return g
