"""Build one self-contained, offline HTML page showing a tiesdb graph with vis-network.

The page embeds vis-network 9.1.2 from the pyvis wheel (no CDN, no Bootstrap), its data as
JSON (``tojson`` escapes ``<``, ``>``, ``&`` and ``'``) and tiesdb's own script, which builds
every piece of text on the page with ``textContent``: names and evidence never become markup.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from pathlib import Path
from typing import Any, Mapping

import networkx as nx
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from tiesdb.graph import schema
from tiesdb.viz.layout import spring_layout

HERE = Path(__file__).parent
#: Above this many nodes the page shows only the best-connected ones (and says so).
DEFAULT_MAX_NODES = 2000
#: Up to this many nodes the browser lays the graph out with physics; above, Python does.
PHYSICS_MAX_NODES = 150

#: Node label -> (colour, vis-network shape); Place is a dot with a dashed border.
LABEL_STYLE: dict[str, tuple[str, str]] = {
    "Country": ("#4e79a7", "dot"),
    "Person": ("#f28e2b", "diamond"),
    "Firm": ("#59a14f", "square"),
    "Institution": ("#b07aa1", "hexagon"),
    "Mission": ("#e15759", "triangle"),
    "Initiative": ("#76b7b2", "star"),
    "Agreement": ("#edc948", "triangleDown"),
    "Place": ("#9c755f", "dot"),
}
TYPE_COLOR: dict[str, str] = {
    "MEETS": "#d62728",
    "VISITS": "#ff7f0e",
    "REPRESENTS": "#8c564b",
    "BASED_IN": "#7f7f7f",
    "LOCATED_IN": "#bcbd22",
    "PARTICIPATES_IN": "#17becf",
    "SIGNS": "#e6a800",
    "MEMBER_OF": "#9467bd",
    "PARTNERS_WITH": "#1f77b4",
    "INVESTS_IN": "#2ca02c",
    "FUNDS": "#006d5b",
    "SUPPLIES": "#e377c2",
    "TRADES_WITH": "#393b79",
}
_OTHER = ("#999999", "dot")
_TIE_FIELDS = ("evidence", "doc", "date", "domain", "amount", "currency", "item", "implied", "confidence")


def cap(graph: nx.MultiDiGraph, max_nodes: int | None) -> tuple[nx.MultiDiGraph, str]:
    """Keep the ``max_nodes`` nodes with the most ties; return the graph and what was cut.

    The second value is "" when nothing was cut, else one sentence for the page heading.
    """
    n = graph.number_of_nodes()
    if not max_nodes or n <= max_nodes:
        return graph, ""
    ranked = sorted(graph.nodes, key=lambda v: (-graph.degree(v), str(graph.nodes[v].get("name", v)), str(v)))
    kept = graph.subgraph(ranked[:max_nodes]).copy()
    cut_ties = graph.number_of_edges() - kept.number_of_edges()
    note = (f"Only the {max_nodes:,} best-connected of {n:,} nodes are shown: {n - max_nodes:,} nodes "
            f"and {cut_ties:,} ties were cut (narrow the view or raise the node cap).")
    return kept, note


def _iso(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)[:10]


def _tie(source: Any, target: Any, key: Any, attrs: Mapping[str, Any]) -> dict[str, Any]:
    tie = {"id": str(key), "source": str(source), "target": str(target)}
    for f in _TIE_FIELDS:
        v = attrs.get(f)
        if f == "date":
            v = _iso(v)
        if isinstance(v, float) and not math.isfinite(v):
            continue  # NaN is not JSON
        if v is not None and v != "" and v is not False:
            tie[f] = v
    return tie


def _edges(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One vis edge per (type, endpoints), carrying every tie (piece of evidence) it stands for.

    Symmetric types are grouped whichever way they were stored. Edges of different types
    between the same two nodes are bent apart so that each stays visible.
    """
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        ttype = str(attrs.get("type", "TIE"))
        ends = tuple(sorted((str(u), str(v)))) if ttype in schema.SYMMETRIC else (str(u), str(v))
        groups[(ttype, ends)].append(_tie(u, v, key, attrs))
    per_pair: dict[tuple[str, str], int] = defaultdict(int)
    edges = []
    for i, ((ttype, ends), ties) in enumerate(sorted(groups.items())):
        ties.sort(key=lambda t: (t.get("date") or "", t["id"]))
        color = TYPE_COLOR.get(ttype, _OTHER[0])
        edge: dict[str, Any] = {
            "id": f"e{i}", "from": ends[0], "to": ends[1], "type": ttype, "ties": ties,
            "color": {"color": color, "highlight": color, "hover": color, "opacity": 0.85},
            "width": round(1 + 2 * math.log2(len(ties)), 2),
        }
        if ttype in schema.SYMMETRIC:
            edge["arrows"] = {"to": {"enabled": False}}
        if all(t.get("implied") for t in ties):
            edge["dashes"] = True
        pair = tuple(sorted(ends))
        k = per_pair[pair]
        per_pair[pair] += 1
        if k:  # the 2nd, 3rd... edge between a pair: curve it, alternating sides
            clockwise = (k % 2 == 1) == (ends[0] == pair[0])
            edge["smooth"] = {"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW",
                              "roundness": 0.2 * ((k + 1) // 2)}
        edges.append(edge)
    return edges


def _nodes(graph: nx.MultiDiGraph, positions: Mapping[Any, tuple[float, float]] | None) -> list[dict[str, Any]]:
    nodes = []
    for v, attrs in graph.nodes(data=True):
        name = str(attrs.get("name") or v)
        aliases = [str(a) for a in attrs.get("aliases") or [] if str(a) != name]
        degree = graph.degree(v) - graph.number_of_edges(v, v)  # a self-loop is one tie
        node: dict[str, Any] = {
            "id": str(v), "label": name, "group": str(attrs.get("label") or "Other"),
            "size": round(min(10 + 4 * math.sqrt(degree), 45), 1), "degree": degree,
        }
        if aliases:
            node["aliases"] = aliases
        for f in ("kind", "country"):
            if attrs.get(f):
                node[f] = str(attrs[f])
        if positions is not None:
            node["x"], node["y"] = (round(c, 1) for c in positions[v])
        nodes.append(node)
    return nodes


def column_layout(graph: nx.MultiDiGraph, sides: tuple[Any, Any]) -> dict[Any, tuple[float, float]]:
    """A dyad in three columns: side A left, side B right, what both share in the middle.

    Each column is ordered by label and name and spaced evenly; ``sides`` holds two
    collections of node ids (``graph.graph["sides"]``, set by ``tiesdb.viz.select.between``).
    """
    side_a, side_b = (set(s) for s in sides)
    columns: dict[int, list[Any]] = {-1: [], 0: [], 1: []}
    for v in graph:
        columns[-1 if v in side_a else 1 if v in side_b else 0].append(v)
    positions = {}
    for col, members in columns.items():
        members.sort(key=lambda v: (_label_order(str(graph.nodes[v].get("label", ""))),
                                    str(graph.nodes[v].get("name", v))))
        for i, v in enumerate(members):
            positions[v] = (col * 420.0, (i - (len(members) - 1) / 2) * 75.0)
    return positions


def _options(n_nodes: int, physics: bool) -> dict[str, Any]:
    groups = {}
    for label, (color, shape) in LABEL_STYLE.items():
        groups[label] = {"shape": shape, "color": {"background": color, "border": "#333333",
                                                   "highlight": {"background": color, "border": "#000000"},
                                                   "hover": {"background": color, "border": "#000000"}}}
    groups["Place"]["shapeProperties"] = {"borderDashes": [3, 2]}
    big = n_nodes > 1000
    options: dict[str, Any] = {
        "groups": groups,
        "nodes": {"borderWidth": 1.5, "font": {"size": 14, "face": "sans-serif", "color": "#222222"}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "smooth": {"enabled": physics, "type": "continuous"},
                  "selectionWidth": 2, "hoverWidth": 1.5},
        "interaction": {"hover": True, "tooltipDelay": 100, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big, "keyboard": False},
        "layout": {"improvedLayout": physics and n_nodes <= 50, "randomSeed": 7},
    }
    if physics:
        options["physics"] = {
            "enabled": True, "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -90, "springLength": 120, "avoidOverlap": 0.5},
            "stabilization": {"enabled": True, "iterations": 200, "updateInterval": 50, "fit": True},
            "minVelocity": 1,
        }
    else:
        options["physics"] = {"enabled": False}
    return options


def view_data(graph: nx.MultiDiGraph, *, title: str = "tiesdb view", heading: str | None = None,
              max_nodes: int | None = DEFAULT_MAX_NODES,
              documents: Mapping[str, Mapping[str, Any]] | None = None,
              physics: bool | None = None) -> dict[str, Any]:
    """Everything the page needs, as JSON-ready data (the page's script reads it).

    ``documents`` maps a document id to facts shown with its evidence (``title``, ``date``,
    ``path``; an http(s) path becomes a link). ``physics`` None: in the browser up to
    ``PHYSICS_MAX_NODES`` nodes, else a layout computed here and physics off.
    """
    total_nodes, total_ties = graph.number_of_nodes(), graph.number_of_edges()
    shown, cut_note = cap(graph, max_nodes)
    n, m = shown.number_of_nodes(), shown.number_of_edges()
    sides = graph.graph.get("sides")
    if physics is None:
        physics = 0 < n <= PHYSICS_MAX_NODES and not sides
    if physics:
        positions = None
    else:
        positions = column_layout(shown, sides) if sides else spring_layout(shown)
    nodes = _nodes(shown, positions)
    if sides and positions:  # the physics checkbox may move nodes up and down, not across
        for node in nodes:
            node["fixed"] = {"x": True, "y": False}
    edges = _edges(shown)
    docs = {}
    used = {t["doc"] for e in edges for t in e["ties"] if "doc" in t}
    for doc_id in sorted(used):
        facts = (documents or {}).get(doc_id) or {}
        docs[doc_id] = {k: _iso(v) if k == "date" else str(v) for k, v in facts.items()
                        if k in ("title", "date", "path", "url") and v}
    labels = sorted({node["group"] for node in nodes}, key=_label_order)
    summary = f"{n:,} node{'s' * (n != 1)} and {m:,} tie{'s' * (m != 1)}"
    if len(edges) != m:
        summary += f" on {len(edges):,} line{'s' * (len(edges) != 1)}"
    summary += "; layout: " + ("live physics (frozen once stable)" if physics
                               else "the two sides in columns, shared nodes between" if sides
                               else "computed in Python, physics off")
    return {
        "title": f"{title}: {n:,} nodes, {m:,} ties",
        "heading": heading or title,
        "summary": summary + ".",
        "cut": cut_note,
        "counts": {"nodes": n, "ties": m, "edges": len(edges),
                   "total_nodes": total_nodes, "total_ties": total_ties},
        "physics": physics,
        # Lists, not dicts: tojson sorts keys and the legend keeps the schema's order.
        "labels": [{"name": lab, "color": LABEL_STYLE.get(lab, _OTHER)[0], "shape": LABEL_STYLE.get(lab, _OTHER)[1]}
                   for lab in labels],
        "types": [{"name": t, "color": TYPE_COLOR.get(t, _OTHER[0]), "symmetric": t in schema.SYMMETRIC}
                  for t in sorted({e["type"] for e in edges}, key=_type_order)],
        "docs": docs,
        "nodes": nodes,
        "edges": edges,
        "options": _options(n, physics),
    }


def _label_order(label: str) -> tuple[int, str]:
    return (schema.LABELS.index(label) if label in schema.LABELS else len(schema.LABELS), label)


def _type_order(ttype: str) -> tuple[int, str]:
    names = list(schema.TIE_TYPES)
    return (names.index(ttype) if ttype in names else len(names), ttype)


def _asset(path: Path, closing: str) -> Markup:
    """A js/css file to inline verbatim; it must not be able to close its own element."""
    text = path.read_text(encoding="utf-8")
    if re.search(rf"</{closing}", text, re.IGNORECASE):
        raise ValueError(f"{path} contains </{closing}> and cannot be inlined")
    return Markup(text)


def _vis_dir() -> Path:
    import pyvis  # the wheel ships vis-network; we only borrow its files

    return Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"


def render(data: Mapping[str, Any]) -> str:
    """The HTML page for ``view_data(...)``'s result."""
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
    vis_dir = _vis_dir()
    return env.get_template("view.html").render(
        data=data, title=data["title"], heading=data["heading"],
        vis_js=_asset(vis_dir / "vis-network.min.js", "script"),
        vis_css=_asset(vis_dir / "vis-network.css", "style"),
        view_js=_asset(HERE / "static" / "view.js", "script"),
        view_css=_asset(HERE / "static" / "view.css", "style"),
    )


def view(graph: nx.MultiDiGraph, path: str | Path, title: str = "tiesdb view", heading: str | None = None,
         *, max_nodes: int | None = DEFAULT_MAX_NODES,
         documents: Mapping[str, Mapping[str, Any]] | None = None,
         physics: bool | None = None) -> Path:
    """Write an interactive view of ``graph`` to ``path``: one offline HTML file; returns the path.

    ``title`` names what is shown ("Around Japan, depth 2"); the page adds the counts.
    ``max_nodes`` caps the nodes shown (None: no cap); see ``view_data`` for the rest.

    Examples
    --------
    >>> g = db.subgraph(around=["jpn"], depth=2)                # doctest: +SKIP
    >>> view(g, "japan.html", title="Around Japan, depth 2")    # doctest: +SKIP
    PosixPath('japan.html')
    """
    data = view_data(graph, title=title, heading=heading, max_nodes=max_nodes,
                     documents=documents, physics=physics)
    path = Path(path)
    if path.parent != Path():
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(data), encoding="utf-8")
    return path
