"""The relationship helpers and export give the same answers on Neo4j as on the embedded store."""
from __future__ import annotations

import pytest

from neo4j_support import neo, neo4j_env  # noqa: F401  (fixtures)
from test_export import snapshot
from test_queries import _docs, world
from tiesdb.queries import neighbors, path, ties, timeline, top, why
from tiesdb.queries.export import select

pytestmark = pytest.mark.neo4j


def _rows(report) -> list[tuple]:
    return sorted((r["type"], r["source_id"], r["target_id"], r["via"], r["id"]) for r in report.ties)


def test_helpers_agree_with_the_embedded_store(neo, tmp_path):  # noqa: F811
    for ex in _docs():
        neo.add_document(ex)
    with world(tmp_path / "store") as emb:
        assert _rows(ties(neo, "Norway", "Chile")) == _rows(ties(emb, "Norway", "Chile"))
        assert _rows(ties(neo, "norwegian", "chile", types=["SUPPLIES", "MEETS"])) == \
            _rows(ties(emb, "norwegian", "chile", types=["SUPPLIES", "MEETS"]))
        assert timeline(neo, "Norway", "Chile") == timeline(emb, "Norway", "Chile")
        key = lambda rows: sorted((r["id"], r["depth"], r["via"]) for r in rows)  # noqa: E731
        assert key(neighbors(neo, "NOSA", depth=2)) == key(neighbors(emb, "NOSA", depth=2))
        assert [p["length"] for p in path(neo, "NOSA", "CSA", all=True, max=3)] == \
            [p["length"] for p in path(emb, "NOSA", "CSA", all=True, max=3)]
        for by in ("degree", "pagerank"):
            assert {(r["id"], r[by]) for r in top(neo, by=by, n=20)} == {(r["id"], r[by]) for r in top(emb, by=by, n=20)}
        some = ties(emb, "Norway", "Chile").ties[0]["id"]
        assert why(neo, some) == why(emb, some)
        assert snapshot(select(neo)) == snapshot(select(emb))
        q = "MATCH p=(:Institution)-[:PARTICIPATES_IN]->(m) RETURN p"
        assert snapshot(select(neo, query=q)) == snapshot(select(emb, query=q))


def test_cypher_script_loads_into_neo4j_and_is_idempotent(neo, tmp_path):  # noqa: F811
    from tiesdb.queries.export.cypher_script import statements

    with world(tmp_path / "store") as emb:
        g = select(emb)
        for _ in range(2):  # MERGE only: a second run changes nothing
            for stmt in statements(g):
                neo.query(stmt, write=True)
            assert neo.stats() == emb.stats()
        assert snapshot(select(neo)) == snapshot(select(emb))
