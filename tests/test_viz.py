"""The view builder without a browser: the page's data, the file, the cap and the layout."""
from __future__ import annotations

import json
import math
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx

from tiesdb.viz import PHYSICS_MAX_NODES, cap, view, view_data
from tiesdb.viz.layout import spring_layout
from viz_graphs import HOSTILE_EVIDENCE, HOSTILE_NAME, hostile_graph, random_graph, small_graph


class _Tags(HTMLParser):
    """Every start tag with its attributes (script and style bodies are not parsed as tags)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(text: str) -> list[tuple[str, dict]]:
    p = _Tags()
    p.feed(text)
    return p.tags


def _data(text: str) -> dict:
    m = re.search(r'<script id="tiesdb-data" type="application/json">(.*?)</script>', text, re.S)
    return json.loads(m.group(1))


def test_one_self_contained_utf8_file(tmp_path: Path):
    out = view(small_graph(), tmp_path / "sub" / "v.html", title="Japan — India")
    text = out.read_bytes().decode("utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert "<title>Japan — India: 7 nodes, 11 ties</title>" in text
    tags = _tags(text)
    assert [t for t, _ in tags].count("script") == 3
    # Nothing is loaded from anywhere: no src, no href, no stylesheet links.
    assert [(t, a) for t, a in tags if "src" in a or "href" in a or t == "link"] == []
    assert "vis-network" in text and "bootstrap" not in text.lower() and "tom-select" not in text


def test_hostile_text_is_escaped_in_the_markup(tmp_path: Path):
    title = "Ties <script>alert(1)</script>"
    text = view(hostile_graph(), tmp_path / "v.html", title=title).read_text("utf-8")
    assert "<title>Ties &lt;script&gt;alert(1)&lt;/script&gt;: 3 nodes, 2 ties</title>" in text
    assert [t for t, _ in _tags(text)].count("script") == 3  # the data added no element
    raw = re.search(r'<script id="tiesdb-data" type="application/json">(.*?)</script>', text, re.S).group(1)
    assert "<" not in raw and ">" not in raw  # tojson writes them as \u003c and \u003e
    data = _data(text)
    names = {n["id"]: n["label"] for n in data["nodes"]}
    assert names["bad"] == HOSTILE_NAME
    assert [t["evidence"] for e in data["edges"] for t in e["ties"] if e["from"] == "bad"] == [HOSTILE_EVIDENCE]


def test_parallel_ties_merge_by_type_and_stay_apart_across_types():
    data = view_data(small_graph())
    between = [e for e in data["edges"] if {e["from"], e["to"]} == {"jpn", "ind"}]
    by_type = {e["type"]: e for e in between}
    assert sorted(by_type) == ["MEETS", "PARTNERS_WITH"]
    meets = by_type["MEETS"]
    # Two MEETS ties stored in opposite directions: one symmetric edge, no arrow, two pieces.
    assert [t["date"] for t in meets["ties"]] == ["2024-03-05", "2024-10-12"]
    assert meets["arrows"] == {"to": {"enabled": False}}
    assert meets["width"] > by_type["PARTNERS_WITH"]["width"] == 1
    # The second edge between the pair is bent so both stay visible.
    assert ("smooth" in meets) != ("smooth" in by_type["PARTNERS_WITH"])
    assert data["counts"] == {"nodes": 7, "ties": 11, "edges": 10, "total_nodes": 7, "total_ties": 11}
    assert sum(len(e["ties"]) for e in data["edges"]) == 11


def test_styles_sizes_and_legend_order():
    data = view_data(small_graph())
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["jpn"]["size"] > nodes["tokyo"]["size"]  # size grows with ties
    assert nodes["ind"]["aliases"] == ["Indian", "Bharat"]
    assert [lab["name"] for lab in data["labels"]] == ["Country", "Person", "Firm", "Initiative", "Place"]
    assert data["types"][0]["name"] == "MEETS" and data["types"][0]["symmetric"] is True
    colours = [t["color"] for t in data["types"]]
    assert len(set(colours)) == len(colours)
    implied = [e for e in data["edges"] if e["type"] == "LOCATED_IN"]
    assert implied and all(e.get("dashes") for e in implied)
    assert data["physics"] is True and "x" not in nodes["jpn"]


def test_documents_are_described_when_given():
    data = view_data(small_graph(), documents={"doc-a": {"title": "Talks in Tokyo", "path": "https://example.org/a",
                                                         "words": 12}})
    assert data["docs"]["doc-a"] == {"title": "Talks in Tokyo", "path": "https://example.org/a"}
    assert data["docs"]["doc-b"] == {}


def test_cap_keeps_the_best_connected_and_says_what_was_cut():
    g = nx.MultiDiGraph()
    g.add_edges_from([("hub", f"leaf{i}") for i in range(5)] + [("leaf0", "leaf1")], type="MEETS")
    kept, note = cap(g, 3)
    assert set(kept) == {"hub", "leaf0", "leaf1"}
    assert note.startswith("Only the 3 best-connected of 6 nodes are shown: 3 nodes and 3 ties were cut")
    same, none = cap(g, 10)
    assert same is g and none == ""
    assert cap(g, None)[1] == ""


def test_big_graphs_get_positions_and_no_physics():
    data = view_data(random_graph(PHYSICS_MAX_NODES + 1))
    assert data["physics"] is False and data["options"]["physics"] == {"enabled": False}
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert data["summary"].endswith("layout: computed in Python, physics off.")


def test_spring_layout_spreads_nodes_and_keeps_neighbours_close():
    g = nx.barabasi_albert_graph(600, 2, seed=3)
    pos = spring_layout(g)
    assert set(pos) == set(g)
    assert all(math.isfinite(c) for p in pos.values() for c in p)
    assert len({(round(x), round(y)) for x, y in pos.values()}) > 590  # hardly any overlap

    def dist(u, v):
        return math.dist(pos[u], pos[v])

    tied = sum(dist(u, v) for u, v in g.edges()) / g.number_of_edges()
    nodes = list(g)
    untied = sum(dist(nodes[i], nodes[-1 - i]) for i in range(300)) / 300
    assert tied < untied / 2
    assert spring_layout(nx.Graph()) == {}
    assert spring_layout(nx.path_graph(1)) == {0: (0.0, 0.0)}
