"""The same Cypher on both backends over the same corpus gives the same rows (order-normalised)."""
from __future__ import annotations

from typing import Any

import pytest

from neo4j_support import neo4j_env, wipe  # noqa: F401  (fixture)
from parity_queries import QUERIES, corpus
from tiesdb.graph.neo4j import Neo4jStore
from tiesdb.graph.store import Result, Store

pytestmark = pytest.mark.neo4j


def normalise(v: Any) -> Any:
    """Hashable, engine-neutral value: internal ids dropped, absent (None) properties dropped."""
    if isinstance(v, dict):
        return tuple(sorted((k, normalise(x)) for k, x in v.items()
                            if x is not None and (k in ("_LABEL", "_NODES", "_RELS") or not k.startswith("_"))))
    if isinstance(v, list):
        return tuple(normalise(x) for x in v)
    return v


def rows(res: Result) -> list[tuple]:
    return sorted((tuple(normalise(c) for c in r) for r in res.rows), key=repr)


@pytest.fixture(scope="module")
def backends(neo4j_env, tmp_path_factory):  # noqa: F811
    env = neo4j_env
    with Neo4jStore(env["NEO4J_URI"], env["NEO4J_USER"], env["NEO4J_PASSWORD"], env.get("NEO4J_DATABASE")) as neo, \
            Store(tmp_path_factory.mktemp("parity") / "store", create=True) as emb:
        wipe(neo)
        for x in corpus():
            assert emb.add_document(x) and neo.add_document(x)
        yield emb, neo


def test_there_are_enough_queries():
    assert len(QUERIES) >= 25
    assert len({name for name, _, _ in QUERIES}) == len(QUERIES)


@pytest.mark.parametrize("name,cypher,params", QUERIES, ids=[q[0] for q in QUERIES])
def test_same_rows_on_both_backends(backends, name, cypher, params):
    emb, neo = backends
    a, b = emb.query(cypher, params), neo.query(cypher, params)
    assert a.columns == b.columns
    assert rows(a) == rows(b)
    if name != "no rows":
        assert a.rows, f"{name}: no rows, so the comparison shows nothing"
