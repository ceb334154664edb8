"""The same questions answered by Cypher on the store and by networkx agree (hypothesis)."""
from __future__ import annotations

import itertools
from collections import Counter

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tiesdb.graph import schema
from tiesdb.graph.model import Document, Entity, Extraction, Tie
from tiesdb.graph.store import Store
from tiesdb.queries import neighbors, path, top
from tiesdb.queries.export import export, import_graph, select

pytestmark = pytest.mark.slow
LABELS = ("Country", "Person", "Firm", "Institution", "Initiative", "Place")
_docs = itertools.count()


@st.composite
def graphs(draw) -> tuple[list[Entity], list[tuple[int, int, str]]]:
    """A few entities and ties whose types the schema allows between their labels."""
    labels = draw(st.lists(st.sampled_from(LABELS), min_size=2, max_size=8))
    ents = [Entity(f"n{i}", f"Node {i}", label) for i, label in enumerate(labels)]
    pairs = st.tuples(st.integers(0, len(ents) - 1), st.integers(0, len(ents) - 1)).filter(lambda p: p[0] != p[1])
    ties = []
    for a, b in draw(st.lists(pairs, min_size=1, max_size=14)):
        allowed = [t.name for t in schema.TIE_TYPES.values() if t.allows(labels[a], labels[b])]
        if allowed:
            ties.append((a, b, draw(st.sampled_from(allowed))))
    return ents, ties


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("cross") / "store", create=True) as s:
        yield s


def load(db: Store, ents: list[Entity], ties: list[tuple[int, int, str]]) -> tuple[str, nx.MultiDiGraph]:
    """Store the generated graph as one document; return its id and the expected graph."""
    doc = Document.from_text(f"generated {next(_docs)}", name="gen")
    tie_objs = [Tie(ents[a].id, ents[b].id, t, f"tie {i}", doc.id, id=f"{doc.id}-t{i}") for i, (a, b, t) in enumerate(ties)]
    db.add_document(Extraction(doc, ents, tie_objs))
    truth = nx.MultiDiGraph()
    truth.add_nodes_from((e.id, {"label": e.label}) for e in ents)
    for t in tie_objs:
        truth.add_edge(t.source, t.target, key=t.id, type=t.type)
    return doc.id, truth


SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(graphs())
def test_cypher_and_networkx_agree(db, generated):
    ents, ties = generated
    doc_id, truth = load(db, ents, ties)
    try:
        und = truth.to_undirected(as_view=True)
        g = db.subgraph()
        assert set(g.nodes) == set(truth.nodes) and g.number_of_edges() == truth.number_of_edges()
        # ties per type
        rows = db.query("MATCH ()-[r]->() RETURN type(r), count(*)").rows
        assert Counter(dict(rows)) == Counter(d["type"] for _, _, d in truth.edges(data=True))
        for e in ents:
            # neighbour sets, 1 and 2 hops (DISTINCT endpoints: the engine walks, Neo4j uses trails)
            one = {r[0] for r in db.query("MATCH (a {id: $id})-[]-(b) RETURN DISTINCT b.id", {"id": e.id}).rows}
            assert one == set(und[e.id])
            two = {r[0] for r in db.query("MATCH (a {id: $id})-[*1..2]-(b) RETURN DISTINCT b.id", {"id": e.id}).rows}
            within = nx.single_source_shortest_path_length(und, e.id, cutoff=2)
            assert two - {e.id} == set(within) - {e.id}
            # the helper over networkx agrees too
            assert {r["id"]: r["depth"] for r in neighbors(db, e.id, depth=2)} == {k: v for k, v in within.items() if k != e.id}
        # degree by Cypher (top) equals networkx degree
        degrees = {r["id"]: r["degree"] for r in top(db, by="degree", n=100)}
        assert degrees == {n: d for n, d in truth.degree() if d}
        # shortest path lengths: the helper, the engine's own SHORTEST syntax and networkx
        a, b = ents[0].id, ents[-1].id
        expected = nx.shortest_path_length(und, a, b) if nx.has_path(und, a, b) else None
        found = path(db, a, b, max=8)
        assert (found[0]["length"] if found else None) == (expected if expected and expected <= 8 else None)
        engine = db.query("MATCH p=(x {id: $a})-[* SHORTEST 1..8]-(y {id: $b}) RETURN length(p)", {"a": a, "b": b}).rows
        assert (engine[0][0] if engine else None) == expected
    finally:
        db.forget(doc_id)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(graphs(), st.sampled_from(["json", "csv"]))
def test_export_import_round_trip(tmp_path_factory, generated, fmt):
    ents, ties = generated
    folder = tmp_path_factory.mktemp("rt")
    with Store(folder / "a", create=True) as a:
        load(a, ents, ties)
        before = select(a)
        out = export(before, folder / f"g.{fmt}")
    with Store(folder / "b", create=True) as b:
        import_graph(b, out)
        after = select(b)
    assert sorted(before.nodes(data=True)) == sorted(after.nodes(data=True))
    assert sorted(before.edges(keys=True, data=True)) == sorted(after.edges(keys=True, data=True))
