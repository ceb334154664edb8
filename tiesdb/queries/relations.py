"""Relationship questions over the store: ties, neighbors, path, top, timeline, why.

Each helper takes the store first and returns plain records (dicts) or a small dataclass, so
the CLI only prints them. Graph algorithms run with networkx on the part of the store a
question needs (``Store.subgraph``); simple counts run as Cypher that both backends accept.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

import networkx as nx

from tiesdb.graph import schema
from tiesdb.graph.model import Entity, Tie
from tiesdb.graph.backend import Backend
from tiesdb.queries.resolve import resolve

#: Tie types through which an entity belongs to a country (or to any other entity).
MEMBERSHIP_TYPES = ("BASED_IN", "REPRESENTS", "LOCATED_IN")
#: How many membership ties are followed (a firm BASED_IN a city LOCATED_IN a state LOCATED_IN a country).
MEMBERSHIP_DEPTH = 3


def _check_types(types: Iterable[str] | None) -> set[str] | None:
    return {schema.tie_type(t).name for t in types} if types else None


def _in_range(tie: Tie, since: dt.date | None, until: dt.date | None) -> bool:
    if since and (tie.date is None or tie.date < since):
        return False
    if until and (tie.date is None or tie.date > until):
        return False
    return True


def members(store: Backend, entity: Entity) -> set[str]:
    """Ids of ``entity`` and of everything that belongs to it.

    An entity belongs to X when a chain of up to three BASED_IN / REPRESENTS / LOCATED_IN
    ties leads to X, or, for a Country, when its ``country`` property is X's code.

    Examples
    --------
    >>> sorted(members(store, resolve(store, "Japan")))      # doctest: +SKIP
    ['jaxa', 'jpn', 'tokyo']
    """
    rels = "|".join(MEMBERSHIP_TYPES)
    ids = {entity.id}
    rows = store.query(f"MATCH (n)-[:{rels}*1..{MEMBERSHIP_DEPTH}]->(c:{entity.label} {{id: $id}}) "
                       "RETURN DISTINCT n.id", {"id": entity.id}).rows
    ids |= {r[0] for r in rows}
    if entity.label == "Country" and entity.country:
        rows = store.query("MATCH (n) WHERE n.country = $c RETURN n.id", {"c": entity.country}).rows
        ids |= {r[0] for r in rows}
    return ids


def tie_record(tie: Tie, ents: dict[str, Entity], via: str = "") -> dict[str, Any]:
    """A tie as a flat record with the endpoint names (what the CLI prints)."""
    s, t = ents.get(tie.source), ents.get(tie.target)
    return {"type": tie.type, "domain": tie.domain or "", "date": tie.date,
            "source": s.name if s else tie.source, "target": t.name if t else tie.target,
            "via": via, "evidence": tie.evidence, "doc": tie.doc, "id": tie.id,
            "source_label": s.label if s else "", "target_label": t.label if t else "",
            "source_id": tie.source, "target_id": tie.target}


@dataclass
class DyadReport:
    """The ties between two sides (each an entity and what belongs to it)."""
    a: Entity
    b: Entity
    side_a: set[str]
    side_b: set[str]
    ties: list[dict[str, Any]] = field(default_factory=list)

    def groups(self) -> dict[tuple[str, str], list[dict[str, Any]]]:
        """Tie records grouped by (type, domain)."""
        out: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for r in self.ties:
            out[(r["type"], r["domain"])].append(r)
        return dict(out)

    def counts(self) -> Counter:
        """Ties per type."""
        return Counter(r["type"] for r in self.ties)


def ties(store: Backend, a: str, b: str, since: dt.date | None = None, until: dt.date | None = None,
         types: Iterable[str] | None = None, shared: bool = True) -> DyadReport:
    """The dyad report: every tie between the side of ``a`` and the side of ``b``.

    A side is the entity with everything that belongs to it (see ``members``): for two
    countries, ties between the countries and between their firms, institutions, missions
    and people. With ``shared``, ties of both sides to a common third node (a joint mission,
    an initiative both take part in) are reported too, with ``via`` naming that node.
    ``since``/``until`` keep dated ties in the range; ``types`` keeps those types.

    Examples
    --------
    >>> report = ties(store, "India", "Japan", types=["PARTNERS_WITH"])   # doctest: +SKIP
    >>> [(r["source"], r["type"], r["target"]) for r in report.ties]        # doctest: +SKIP
    [('ISRO', 'PARTNERS_WITH', 'JAXA')]
    """
    ea, eb = resolve(store, a), resolve(store, b)
    if ea.id == eb.id:
        raise ValueError(f"{a!r} and {b!r} are the same entity ({ea.id})")
    wanted = _check_types(types)
    side_a, side_b = members(store, ea), members(store, eb)
    both = side_a | side_b
    found = store.ties(both)

    def keep(t: Tie) -> bool:
        return (wanted is None or t.type in wanted) and _in_range(t, since, until) and t.source != t.target

    direct, third = [], defaultdict(list)
    for t in found:
        if (t.source in side_a and t.target in side_b) or (t.source in side_b and t.target in side_a):
            direct.append(t)
        elif shared and not (t.source in both and t.target in both):  # one end outside both sides
            other = t.target if t.source in both else t.source
            third[other].append(t)
    common = {}
    for node, ts in third.items():
        ends = {t.source if t.target == node else t.target for t in ts}
        if ends & side_a and ends & side_b:
            common[node] = ts
    ids = {x for t in direct for x in (t.source, t.target)} | set(common)
    ids |= {x for ts in common.values() for t in ts for x in (t.source, t.target)}
    ents = {e.id: e for e in store.entities(ids)} if ids else {}
    records = [tie_record(t, ents) for t in direct if keep(t)]
    for node, ts in common.items():
        records += [tie_record(t, ents, via=ents[node].name if node in ents else node) for t in ts if keep(t)]
    records.sort(key=lambda r: (r["type"], r["domain"], r["via"], r["date"] or dt.date.min,
                                r["source"], r["target"], r["id"]))
    return DyadReport(ea, eb, side_a, side_b, records)


def neighbors(store: Backend, name: str, depth: int = 1, types: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Entities within ``depth`` ties of ``name`` (either direction), nearest first.

    Each record has the entity's id, name, label, its distance and ``via``: the tie types
    joining it to the layer before it.

    Examples
    --------
    >>> [(r["name"], r["depth"]) for r in neighbors(store, "JAXA")]   # doctest: +SKIP
    [('Japan', 1), ('LUPEX', 1), ('ISRO', 1)]
    """
    if depth < 1:
        raise ValueError("depth must be at least 1")
    e = resolve(store, name)
    g = store.subgraph(around=[e.id], depth=depth, types=_check_types(types))
    dist = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), e.id, cutoff=depth)
    out = []
    for node, d in dist.items():
        if node == e.id:
            continue
        via = set()
        for u, v, data in (*g.in_edges(node, data=True), *g.out_edges(node, data=True)):
            other = u if v == node else v
            if dist.get(other) == d - 1:
                via.add(data["type"])
        attrs = g.nodes[node]
        out.append({"depth": d, "name": attrs.get("name", node), "label": attrs.get("label", ""),
                    "via": ", ".join(sorted(via)), "id": node})
    out.sort(key=lambda r: (r["depth"], r["label"], r["name"].lower()))
    return out


def _hop(g: nx.MultiDiGraph, u: str, v: str) -> tuple[str, list[str]]:
    """The arrow for one hop u-v of a path (all parallel tie types) and the tie ids."""
    fwd = [(k, d["type"]) for k, d in (g.get_edge_data(u, v) or {}).items()]
    back = [(k, d["type"]) for k, d in (g.get_edge_data(v, u) or {}).items()]
    types = "|".join(sorted({t for _, t in fwd + back}))
    if fwd and back:
        arrow = f"-[{types}]-"
    elif fwd:
        arrow = f"-[{types}]->"
    else:
        arrow = f"<-[{types}]-"
    return arrow, sorted(k for k, _ in fwd + back)


def _path_record(g: nx.MultiDiGraph, nodes: list[str]) -> dict[str, Any]:
    chain = g.nodes[nodes[0]].get("name", nodes[0])
    tie_ids = []
    for u, v in zip(nodes, nodes[1:]):
        arrow, ids = _hop(g, u, v)
        chain += f" {arrow} {g.nodes[v].get('name', v)}"
        tie_ids.append(ids)
    return {"length": len(nodes) - 1, "path": chain, "nodes": nodes, "ties": tie_ids}


def path(store: Backend, a: str, b: str, all: bool = False, max: int = 4, types: Iterable[str] | None = None,
         limit: int = 100) -> list[dict[str, Any]]:
    """Paths between two entities, ties followed in either direction.

    By default one shortest path; with ``all``, every simple path of at most ``max`` ties
    (shortest first, at most ``limit``). Each record has ``length``, a readable ``path``
    chain, the node ids and the tie ids of each hop. Empty when no path is within ``max``.

    Examples
    --------
    >>> path(store, "ISRO", "Japan")[0]["path"]                  # doctest: +SKIP
    'Indian Space Research Organisation -[PARTNERS_WITH]-> JAXA -[BASED_IN]-> Japan'
    """
    if max < 1:
        raise ValueError("max must be at least 1")
    ea, eb = resolve(store, a), resolve(store, b)
    if ea.id == eb.id:
        raise ValueError(f"{a!r} and {b!r} are the same entity ({ea.id})")
    # A path of length <= max has every node within max/2 ties of one of its ends.
    g = store.subgraph(around=[ea.id, eb.id], depth=(max + 1) // 2, types=_check_types(types))
    simple = nx.Graph(g)
    if ea.id not in simple or eb.id not in simple:
        return []
    found = []
    try:  # simple paths, shortest first; stop at the first one too long
        for p in nx.shortest_simple_paths(simple, ea.id, eb.id):
            if len(p) - 1 > max or len(found) == (limit if all else 1):
                break
            found.append(p)
    except nx.NetworkXNoPath:
        return []
    return [_path_record(g, p) for p in sorted(found, key=lambda p: (len(p), p))]


MEASURES = ("degree", "betweenness", "pagerank")
#: Betweenness is exact up to this many nodes, then estimated from BETWEENNESS_SAMPLE sources.
BETWEENNESS_EXACT = 500
BETWEENNESS_SAMPLE = 200


def top(store: Backend, by: str = "degree", label: str | None = None, n: int = 10) -> list[dict[str, Any]]:
    """The ``n`` most central entities (optionally of one label).

    ``degree`` counts ties (a Cypher count); ``betweenness`` and ``pagerank`` run networkx on
    the whole graph seen as undirected, parallel ties as weight for pagerank. Betweenness is
    estimated from 200 sampled sources (fixed seed) on graphs of more than 500 nodes.

    Examples
    --------
    >>> [r["name"] for r in top(store, by="degree", label="Institution", n=2)]  # doctest: +SKIP
    ['JAXA', 'ISRO']
    """
    if by not in MEASURES:
        raise ValueError(f"unknown measure {by!r}; use one of {', '.join(MEASURES)}")
    if n < 1:
        raise ValueError("n must be at least 1")
    label = schema.check_label(label) if label else None
    if by == "degree":
        rows = store.query(f"MATCH (x{':' + label if label else ''})-[r]-() "
                           "RETURN x.id, x.name, labels(x), count(r) AS d").rows
        scored = [(node_id, name, lab[0] if isinstance(lab, list) else lab, d) for node_id, name, lab, d in rows]
    else:
        g = store.subgraph()
        simple = nx.Graph()
        simple.add_nodes_from(g.nodes)
        for u, v in g.edges():
            if u != v:
                w = simple.get_edge_data(u, v, {}).get("weight", 0)
                simple.add_edge(u, v, weight=w + 1)
        if by == "betweenness":
            k = None if len(simple) <= BETWEENNESS_EXACT else BETWEENNESS_SAMPLE
            score = nx.betweenness_centrality(simple, k=k, seed=0)
        else:
            score = _pagerank(simple)
        scored = [(node, g.nodes[node].get("name", node), g.nodes[node].get("label", ""), s)
                  for node, s in score.items() if not label or g.nodes[node].get("label") == label]
    scored.sort(key=lambda x: (-x[3], x[1].lower(), x[0]))
    return [{"rank": i + 1, "name": name, "label": lab, by: round(s, 6) if isinstance(s, float) else s, "id": node_id}
            for i, (node_id, name, lab, s) in enumerate(scored[:n])]


def _pagerank(g: nx.Graph) -> dict[str, float]:
    try:
        return nx.pagerank(g, weight="weight")
    except ModuleNotFoundError:  # networkx's fast pagerank needs scipy; the pure-Python one does not
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
        return _pagerank_python(g, weight="weight")


def timeline(store: Backend, a: str, b: str, by: str = "month", since: dt.date | None = None,
             until: dt.date | None = None, types: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Ties of the dyad report per period (``month`` "2024-03" or ``year`` "2024") and type.

    One record per period, in order, with ``total`` and a count per tie type; undated ties
    are counted last under "undated".

    Examples
    --------
    >>> timeline(store, "India", "Japan", by="year")         # doctest: +SKIP
    [{'period': '2024', 'total': 4, 'MEETS': 1, 'PARTICIPATES_IN': 2, 'PARTNERS_WITH': 1}]
    """
    if by not in ("month", "year"):
        raise ValueError(f"unknown period {by!r}; use month or year")
    report = ties(store, a, b, since=since, until=until, types=types)
    counts: dict[str, Counter] = defaultdict(Counter)
    for r in report.ties:
        d = r["date"]
        period = "undated" if d is None else (f"{d:%Y-%m}" if by == "month" else f"{d:%Y}")
        counts[period][r["type"]] += 1
    all_types = sorted({t for c in counts.values() for t in c})
    out = []
    for period in sorted(counts, key=lambda p: (p == "undated", p)):
        c = counts[period]
        out.append({"period": period, "total": sum(c.values()), **{t: c.get(t, 0) for t in all_types}})
    return out


def why(store: Backend, tie_id: str) -> dict[str, Any]:
    """Everything known about one tie: evidence, document, rule, confidence, offsets.

    ``tie_id`` may be any unambiguous start of the id. ``context`` is the document text
    around the evidence offsets when the text is stored.

    Examples
    --------
    >>> why(store, "t-0123456789ab")["evidence"]              # doctest: +SKIP
    'ISRO and JAXA work together.'
    """
    rows = store.query("MATCH (a)-[r]->(b) WHERE r.id = $id RETURN a.id, b.id, type(r), r", {"id": tie_id}).rows
    if not rows and tie_id.strip():  # an unambiguous prefix will do
        ids = sorted({r[0] for r in store.query("MATCH ()-[r]->() WHERE r.id STARTS WITH $p RETURN r.id LIMIT 6",
                                                {"p": tie_id.strip()}).rows})
        if len(ids) > 1:
            raise ValueError(f"{tie_id!r} is the start of several tie ids: {', '.join(ids[:5])}")
        if ids:
            return why(store, ids[0])
    if not rows:
        raise ValueError(f"no tie with id {tie_id!r} (ids are in the id column of: tiesdb ties A B)")
    src, dst, ttype, r = rows[0]
    tie = Tie(source=src, target=dst, type=ttype, **{k: r.get(k) for k in schema.TIE_PROPERTIES})
    ents = {e.id: e for e in store.entities([src, dst])}
    out = tie_record(tie, ents)
    del out["via"]
    for k in ("amount", "currency", "item", "rule", "confidence", "evidence_start", "evidence_end"):
        out[k] = getattr(tie, k)
    out["implied"] = bool(tie.implied)
    doc = store.document(tie.doc) if tie.doc else None
    out["document_title"] = (doc or {}).get("title") or ""
    out["document_date"] = (doc or {}).get("date")
    out["document_path"] = (doc or {}).get("path") or ""
    text = (doc or {}).get("text") or ""
    start, end = tie.evidence_start, tie.evidence_end
    out["context"] = text[max(0, start - 80):end + 80] if text and start is not None and end is not None else ""
    return out
