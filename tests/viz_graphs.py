"""Hand-made graphs for the view tests (our own sentences, not from any article)."""
from __future__ import annotations

import networkx as nx

from tiesdb.graph.model import Entity, Tie
from tiesdb.graph.store import to_networkx

HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_EVIDENCE = "Bad</script><script>alert(2)</script> <img src=x onerror=alert(3)> see href=javascript:alert(4)"


def small_graph() -> nx.MultiDiGraph:
    """Seven nodes, eleven ties: parallel ties of one type, of two types, symmetric both ways."""
    ents = [
        Entity("jpn", "Japan", "Country", ["Japan", "Japanese", "Nippon"], country="JPN"),
        Entity("ind", "India", "Country", ["India", "Indian", "Bharat"], country="IND"),
        Entity("denso", "Denso", "Firm", ["DENSO Corporation"], country="JPN"),
        Entity("tokyo", "Tokyo", "Place"),
        Entity("quad", "Quad", "Initiative", ["Quadrilateral Security Dialogue"]),
        Entity("aso", "Taro Aso", "Person"),
        Entity("noida", "Noida", "Place"),
    ]
    ties = [
        Tie("jpn", "ind", "MEETS", "The Japanese and Indian ministers held talks on rare earths.", "doc-a",
            "2024-03-05", "diplomacy"),
        Tie("ind", "jpn", "MEETS", "India and Japan met again in the autumn to review progress.", "doc-b",
            "2024-10-12", "diplomacy"),
        Tie("jpn", "ind", "PARTNERS_WITH", "Both sides agreed to build a semiconductor supply chain together.",
            "doc-a", "2024-03-05", "technology"),
        Tie("denso", "ind", "INVESTS_IN", "Denso plans to put fresh money into an Indian components plant.",
            "doc-c", "2025-01-20", "economy", amount=1.2e9, currency="INR"),
        Tie("denso", "jpn", "BASED_IN", "Denso plans to put fresh money into an Indian components plant.",
            "doc-c", implied=True),
        Tie("tokyo", "jpn", "LOCATED_IN", "The talks took place in Tokyo.", "doc-a", implied=True),
        Tie("jpn", "quad", "MEMBER_OF", "Japan is a member of the Quad.", "doc-b", "2024-10-12"),
        Tie("ind", "quad", "MEMBER_OF", "India is a member of the Quad.", "doc-b", "2024-10-12"),
        Tie("aso", "jpn", "REPRESENTS", "Taro Aso spoke for the Japanese government.", "doc-b", "2024-10-12"),
        Tie("aso", "ind", "VISITS", "Taro Aso travelled to India last spring.", "doc-d", "2023-04-02"),
        Tie("noida", "ind", "LOCATED_IN", "The plant stands in Noida.", "doc-c", implied=True),
    ]
    return to_networkx(ents, ties)


def hostile_graph() -> nx.MultiDiGraph:
    """Names and evidence that would run script if the page ever treated them as markup."""
    ents = [
        Entity("bad", HOSTILE_NAME, "Person", ["</script><script>alert(5)</script>", "href"]),
        Entity("jpn", "Japan", "Country", ["Japan"]),
        Entity("ind", "India", "Country", ["India"]),
    ]
    ties = [
        Tie("bad", "jpn", "REPRESENTS", HOSTILE_EVIDENCE, "<b>doc</b>", "2024-01-01"),
        Tie("jpn", "ind", "TRADES_WITH", 'Trade grew, said <a href="https://example.org">a report</a>.', "doc-h"),
    ]
    return to_networkx(ents, ties)


def random_graph(n: int, seed: int = 1) -> nx.MultiDiGraph:
    """A preferential-attachment graph with about 2n ties, labels and types cycled."""
    base = nx.barabasi_albert_graph(n, 2, seed=seed)
    labels = ["Country", "Firm", "Institution", "Person"]
    ents = [Entity(f"n{i}", f"Node {i}", labels[i % 4], [f"alias {i}"]) for i in base]
    ties = [Tie(f"n{u}", f"n{v}", "PARTNERS_WITH" if (u + v) % 3 else "MEETS",
                f"Node {u} and node {v} worked together.", f"doc-{u % 50}", f"2024-01-{1 + v % 28:02d}")
            for u, v in base.edges()]
    return to_networkx(ents, ties)
