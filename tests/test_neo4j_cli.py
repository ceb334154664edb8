"""Every read command gives the same answer with `--backend neo4j` as on the embedded store.

The example article is loaded into an embedded store with `tiesdb load`, pushed to the test
server with `tiesdb push`, and each command's JSON output is compared between the backends.
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from neo4j_support import neo4j_env, wipe  # noqa: F401  (fixture)
from tiesdb.examples import ARTICLE
from tiesdb.graph.neo4j import Neo4jStore

pytestmark = pytest.mark.neo4j


def run(*args: str, env: dict | None = None):
    from tiesdb.cli import cli

    return CliRunner(env=env).invoke(cli, list(args))


@pytest.fixture(scope="module")
def both(neo4j_env, tmp_path_factory):  # noqa: F811
    """(store path, env for the Neo4j backend) holding the example article on both backends."""
    store = str(tmp_path_factory.mktemp("cli-neo4j") / "store")
    env = {k: v for k, v in neo4j_env.items()}
    with Neo4jStore(env["NEO4J_URI"], env["NEO4J_USER"], env["NEO4J_PASSWORD"]) as neo:
        wipe(neo)
    out = run("--store", store, "load", str(ARTICLE))
    assert out.exit_code == 0, out.output
    out = run("push", "--store", store, env=env)
    assert out.exit_code == 0, out.output
    return store, {**env, "TIESDB_BACKEND": "neo4j"}


def _json(out) -> object:
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)


def _sorted(value: object) -> object:
    """Lists of records in a stable order (the engines may return rows in another order)."""
    if isinstance(value, list):
        return sorted((_sorted(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, dict):
        return {k: _sorted(v) for k, v in value.items()}
    return value


COMMANDS = [
    ("stats",),
    ("documents",),
    ("ties", "Germany", "India"),
    ("ties", "Germany", "India", "--types", "PARTNERS_WITH,SIGNS"),
    ("neighbors", "India", "--depth", "2"),
    ("path", "Germany", "India"),
    ("top", "-n", "5"),
    ("timeline", "Germany", "India", "--by", "year"),
    ("query", "MATCH (c:Country)-[t]-(d:Country) RETURN c.name, type(t) AS type, d.name, t.date"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_same_json_on_both_backends(both, args):
    store, env = both
    embedded = _json(run("--store", store, *args, "--json"))
    neo = _json(run(*args, "--json", env=env))
    assert embedded, f"{args}: empty output shows nothing"
    assert _sorted(neo) == _sorted(embedded)


def test_why_a_tie_on_both_backends(both):
    store, env = both
    [row] = _json(run("--store", store, "query", "MATCH ()-[r:FUNDS]->() RETURN r.id AS id LIMIT 1", "--json"))
    embedded = _json(run("--store", store, "why", row["id"], "--json"))
    assert _json(run("why", row["id"], "--json", env=env)) == embedded


def test_export_on_both_backends(both, tmp_path):
    store, env = both
    a, b = tmp_path / "embedded.json", tmp_path / "neo4j.json"
    assert run("--store", store, "export", "-o", str(a)).exit_code == 0
    out = run("export", "-o", str(b), env=env)
    assert out.exit_code == 0, out.output
    assert _sorted(json.loads(b.read_text())) == _sorted(json.loads(a.read_text()))
