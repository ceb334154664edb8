"""How fast a view becomes a stable, interactive network, and how big the file is.

For random preferential-attachment graphs of N nodes and about 2N ties (one evidence sentence
each), it measures: building the page in Python (layout included), the file size, the time
from navigation to the ready flag in headless Chromium (laid out and drawn; physics frozen),
and the delay from pressing the mouse on the best-connected node until its side panel is
painted (measured inside the page).

    python benchmarks/view_speed.py                 # 100, 1,000 and 10,000 nodes
    python benchmarks/view_speed.py 100 1000        # chosen sizes
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from tiesdb.graph.model import Entity, Tie
from tiesdb.graph.store import to_networkx
from tiesdb.viz import view
from tiesdb.viz import browser as vb

LABELS = ["Country", "Firm", "Institution", "Person", "Initiative", "Place"]
TYPES = ["PARTNERS_WITH", "MEETS", "INVESTS_IN", "BASED_IN", "SIGNS"]


def graph(n: int, seed: int = 1) -> nx.MultiDiGraph:
    base = nx.barabasi_albert_graph(n, 2, seed=seed)
    ents = [Entity(f"n{i}", f"Entity {i}", LABELS[i % len(LABELS)], [f"E{i}", f"entity number {i}"])
            for i in base]
    ties = [Tie(f"n{u}", f"n{v}", TYPES[(u * 7 + v) % len(TYPES)],
                f"In a statement, entity {u} said it would work with entity {v} on several projects.",
                f"doc-{(u + v) % 200}", f"202{u % 5}-0{1 + v % 9}-1{v % 9}")
            for u, v in base.edges()]
    return to_networkx(ents, ties)


def measure(browser, n: int, folder: Path) -> dict:
    g = graph(n)
    t0 = time.perf_counter()
    html = view(g, folder / f"view-{n}.html", title=f"Benchmark {n}", max_nodes=None)
    build = time.perf_counter() - t0
    visit = vb.open_view(browser, html, timeout=300)
    page = visit.page
    ready_ms = page.evaluate("window.tiesdbReadyAt")
    physics = page.evaluate("tiesdb.data.physics")
    # A click on the best-connected node until its side panel is painted, timed in the page.
    hub = max(g.degree, key=lambda kv: kv[1])[0]
    x, y = page.evaluate(f"""() => {{
        const p = tiesdb.network.canvasToDOM(tiesdb.network.getPositions(['{hub}'])['{hub}']);
        const r = document.querySelector('#network canvas').getBoundingClientRect();
        window.clickTimes = {{}};
        document.querySelector('#network canvas').addEventListener('pointerdown',
            () => {{ window.clickTimes.down = performance.now(); }}, {{capture: true, once: true}});
        new MutationObserver((m, o) => {{
            o.disconnect();
            requestAnimationFrame(() => {{ window.clickTimes.painted = performance.now(); }});
        }}).observe(document.getElementById('panel'), {{attributes: true}});
        return [r.left + p.x, r.top + p.y]; }}""")
    page.mouse.click(x, y)
    page.wait_for_function("window.clickTimes.painted !== undefined", timeout=60_000)
    click_ms = page.evaluate("window.clickTimes.painted - window.clickTimes.down")
    ok = not (visit.blocked or visit.errors or visit.dialogs)
    page.close()
    return {"nodes": n, "ties": g.number_of_edges(), "build_s": build, "size_mb": html.stat().st_size / 1e6,
            "ready_s": ready_ms / 1000, "click_ms": click_ms, "physics": physics, "clean": ok}


def main(sizes: list[int]) -> None:
    reason = vb.missing()
    if reason:
        sys.exit(reason)
    print("| nodes | ties | build in Python (s) | file (MB) | to stable & drawn (s) | click -> panel (ms) | layout |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp, vb.chromium() as browser:
        for n in sizes:
            r = measure(browser, n, Path(tmp))
            layout = "browser physics" if r["physics"] else "Python, physics off"
            flag = "" if r["clean"] else " (requests/errors!)"
            print(f"| {r['nodes']:,} | {r['ties']:,} | {r['build_s']:.1f} | {r['size_mb']:.1f} | "
                  f"{r['ready_s']:.1f} | {r['click_ms']:.0f} | {layout}{flag} |", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 10000])
