"""The HTML views in a real headless Chromium: offline, error-free, interactive and inert to hostile text."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import skip_or_fail
from tiesdb.viz import PHYSICS_MAX_NODES, view
from tiesdb.viz import browser as vb
from viz_graphs import HOSTILE_EVIDENCE, HOSTILE_NAME, hostile_graph, random_graph, small_graph

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium():
    reason = vb.missing()
    if reason:
        skip_or_fail(reason)
    with vb.chromium() as b:
        yield b


@pytest.fixture
def opened(chromium, tmp_path: Path):
    """Open a view of a graph; closes the page afterwards and checks it stayed clean."""
    visits = []

    def open_(graph, **kw) -> vb.Visit:
        html = view(graph, tmp_path / f"view{len(visits)}.html", **kw)
        visit = vb.open_view(chromium, html)
        visits.append(visit)
        return visit

    yield open_
    for v in visits:
        v.page.close()
        assert v.blocked == [], f"the page tried to reach the network: {v.blocked}"
        assert v.errors == [], v.errors
        assert v.dialogs == [], f"hostile text ran as script: {v.dialogs}"


def _dom_point(page, js_canvas_point: str) -> tuple[float, float]:
    """Page coordinates of a point given in network canvas coordinates (a JS expression)."""
    x, y = page.evaluate(f"""() => {{
        const p = tiesdb.network.canvasToDOM({js_canvas_point});
        const r = document.querySelector('#network canvas').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];
    }}""")
    return x, y


def _node_point(page, node_id: str) -> tuple[float, float]:
    return _dom_point(page, f"tiesdb.network.getPositions([{node_id!r}])[{node_id!r}]")


def _edge_point(page, edge_id: str) -> tuple[float, float]:
    # The point halfway along the drawn (maybe curved) edge.
    return _dom_point(page, f"tiesdb.network.body.edges[{edge_id!r}].edgeType.getPoint(0.5)")


def _edge_id(page, from_: str, to: str, ttype: str) -> str:
    return page.evaluate("([f, t, ty]) => tiesdb.edges.get({filter: e => e.from === f && e.to === t "
                         "&& e.type === ty})[0].id", [from_, to, ttype])


def test_offline_clean_and_complete(opened):
    g = small_graph()
    v = opened(g, title="Small test graph")
    counts = v.page.evaluate("""() => ({nodes: tiesdb.nodes.length, edges: tiesdb.edges.length,
        ties: tiesdb.edges.get().reduce((s, e) => s + e.ties.length, 0),
        shownNodes: tiesdb.nodeView.length, shownEdges: tiesdb.edgeView.length,
        drawn: Object.keys(tiesdb.network.getPositions()).length})""")
    groups = {(d["type"], frozenset((u, w))) if d["type"] in ("MEETS", "PARTNERS_WITH", "TRADES_WITH")
              else (d["type"], u, w) for u, w, d in g.edges(data=True)}
    assert counts == {"nodes": g.number_of_nodes(), "edges": len(groups), "ties": g.number_of_edges(),
                      "shownNodes": g.number_of_nodes(), "shownEdges": len(groups),
                      "drawn": g.number_of_nodes()}
    assert v.page.title() == "Small test graph: 7 nodes, 11 ties"
    assert v.page.text_content("#heading") == "Small test graph"


def test_hover_tie_shows_its_evidence(opened):
    v = opened(small_graph())
    page = v.page
    edge = _edge_id(page, "denso", "ind", "INVESTS_IN")
    page.mouse.move(*_edge_point(page, edge))
    tip = page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=5000)
    text = tip.inner_text()
    assert "INVESTS_IN: Denso \u2192 India" in text
    assert "Denso plans to put fresh money into an Indian components plant." in text
    assert "doc-c" in text and "2025-01-20" in text
    assert page.evaluate("getComputedStyle(document.querySelector('div.vis-tooltip')).whiteSpace") == "pre-wrap"


def test_click_node_opens_side_panel_with_all_evidence(opened):
    v = opened(small_graph())
    page = v.page
    assert page.is_hidden("#panel")
    page.mouse.click(*_node_point(page, "jpn"))
    page.wait_for_selector("#panel", state="visible", timeout=5000)
    panel = page.inner_text("#panel")
    assert "Japan" in panel and "Also called: Japanese, Nippon" in panel
    for sentence in ("The Japanese and Indian ministers held talks on rare earths.",
                     "India and Japan met again in the autumn to review progress.",
                     "Both sides agreed to build a semiconductor supply chain together.",
                     "Japan is a member of the Quad."):
        assert sentence in panel
    # Clicking empty canvas closes it again (pyvis's utils.js threw here).
    box = page.locator("#network canvas").bounding_box()
    page.mouse.click(box["x"] + 5, box["y"] + box["height"] - 5)
    assert page.is_hidden("#panel")


def test_click_tie_lists_every_piece_of_evidence(opened):
    v = opened(small_graph())
    page = v.page
    edge = _edge_id(page, "ind", "jpn", "MEETS")  # symmetric: one edge, ends in sorted order
    page.mouse.click(*_edge_point(page, edge))
    page.wait_for_selector("#panel", state="visible", timeout=5000)
    panel = page.inner_text("#panel")
    assert "2 pieces of evidence" in panel
    assert "held talks on rare earths" in panel and "met again in the autumn" in panel


def test_search_by_alias_and_filters_change_what_is_visible(opened):
    v = opened(small_graph())
    page = v.page
    page.fill("#search", "bharat")  # an alias of India, typed in lower case
    page.press("#search", "Enter")
    assert page.evaluate("tiesdb.state.selected") == "ind"
    assert "India" in page.inner_text("#panel h2")
    # India's neighbourhood stays in colour, the rest (only Tokyo) is veiled.
    assert sorted(page.evaluate("tiesdb.highlighted()")) == ["aso", "denso", "ind", "jpn", "noida", "quad"]
    page.check("#ego")
    assert sorted(page.evaluate("tiesdb.shown().nodes")) == ["aso", "denso", "ind", "jpn", "noida", "quad"]
    page.uncheck("#ego")

    before = page.evaluate("tiesdb.edgeView.length")
    page.uncheck("input[data-type=MEETS]")
    assert page.evaluate("tiesdb.edgeView.get().filter(e => e.type === 'MEETS').length") == 0
    assert page.evaluate("tiesdb.edgeView.length") == before - 1
    page.uncheck("input[data-label=Place]")
    assert "tokyo" not in page.evaluate("tiesdb.shown().nodes")
    page.fill("#date-from", "2024-06-01")
    page.dispatch_event("#date-from", "change")
    # Only ties dated from June 2024 on remain: the autumn meeting is filtered by type, so the
    # Quad memberships and Aso's representation are left, and Denso's 2025 investment.
    assert sorted(page.evaluate("tiesdb.edgeView.get().map(e => e.type)")) == [
        "INVESTS_IN", "MEMBER_OF", "MEMBER_OF", "REPRESENTS"]
    page.click("#reset")
    assert page.evaluate("tiesdb.edgeView.length") == page.evaluate("tiesdb.edges.length")


def test_hostile_names_and_evidence_stay_text(opened):
    v = opened(hostile_graph(), title="Hostile <script>alert(9)</script> view")
    page = v.page
    assert page.text_content("#heading") == "Hostile <script>alert(9)</script> view"
    page.mouse.move(*_edge_point(page, _edge_id(page, "bad", "jpn", "REPRESENTS")))
    tip = page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=5000)
    assert HOSTILE_EVIDENCE in tip.inner_text()
    page.mouse.click(*_node_point(page, "bad"))
    page.wait_for_selector("#panel", state="visible", timeout=5000)
    panel = page.inner_text("#panel")
    assert HOSTILE_NAME in panel and HOSTILE_EVIDENCE in panel
    page.fill("#search", "</script><script>alert(5)</script>")
    page.press("#search", "Enter")
    assert page.evaluate("tiesdb.state.selected") == "bad"
    # Nothing the data said became an element: no <img>, no extra <script>, no data links.
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    assert page.evaluate("document.querySelectorAll('#panel a').length") == 0


def test_big_graph_uses_a_precomputed_layout(opened):
    n = PHYSICS_MAX_NODES + 100
    g = random_graph(n)
    v = opened(g, title=f"Random {n}")
    info = v.page.evaluate("""() => ({physics: tiesdb.data.physics, nodes: tiesdb.nodes.length,
        ties: tiesdb.edges.get().reduce((s, e) => s + e.ties.length, 0),
        x: tiesdb.nodes.get('n0').x})""")
    assert info["physics"] is False and info["x"] is not None
    assert info["nodes"] == n and info["ties"] == g.number_of_edges()
    # The physics checkbox starts the live layout and stops it again.
    running = "tiesdb.network.physics.physicsEnabled"
    assert v.page.evaluate(running) is False and not v.page.is_checked("#physics")
    v.page.check("#physics")
    assert v.page.evaluate(running) is True
    v.page.uncheck("#physics")
    assert v.page.evaluate(running) is False


def test_capped_view_says_what_was_cut(opened):
    g = random_graph(150)
    v = opened(g, max_nodes=50)
    assert v.page.evaluate("tiesdb.nodes.length") == 50
    cut = v.page.text_content("#cut")
    assert "Only the 50 best-connected of 150 nodes are shown: 100 nodes" in cut


def test_screenshot_writes_a_png(chromium, tmp_path: Path):
    html = view(small_graph(), tmp_path / "v.html", title="Screenshot")
    png = vb.screenshot(html, tmp_path / "v.png", width=800, height=500, browser=chromium)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
