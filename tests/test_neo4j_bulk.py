"""`tiesdb neo4j bulk-import` against a real Neo4j 5.26 server of its own: started, stopped with its
data kept, filled by neo4j-admin (from the same jars) from an embedded store, started again."""
from __future__ import annotations

import re
import shlex
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from conftest import skip_or_fail
from neo4j_support import SCRIPT
from parity_queries import QUERIES, corpus
from test_neo4j import _docs, _nodes, _ties
from test_neo4j_parity import rows
from tiesdb.cli import cli
from tiesdb.graph.neo4j import Neo4jStore
from tiesdb.graph.store import Store

pytestmark = pytest.mark.neo4j


def server(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(SCRIPT), *args], capture_output=True, text=True, timeout=400)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bulk")
    state = tmp / "server.json"
    try:
        first = server("start", "--state", str(state))
        if first.returncode != 0:
            skip_or_fail(f"Neo4j did not start for the bulk-import test: {first.stderr.strip()[-800:]}")
        assert server("stop", "--keep", "--state", str(state)).returncode == 0
        with Store(tmp / "store", create=True) as emb:
            for x in corpus():
                emb.add_document(x)
        admin = f"bash {shlex.quote(str(SCRIPT))} admin --state {shlex.quote(str(state))} --"
        base = ["neo4j", "bulk-import", "--store", str(tmp / "store"), "--neo4j-admin", admin]
        refused = CliRunner().invoke(cli, base)  # the new server's `neo4j` database already exists
        done = CliRunner().invoke(cli, [*base, "--overwrite"])
        again = server("start", "--reuse", "--state", str(state))
        if again.returncode != 0:
            skip_or_fail(f"Neo4j did not restart after the import: {again.stderr.strip()[-800:]}")
        env = dict(re.findall(r"(NEO4J_\w+)=(\S+)", again.stdout))
        with Store(tmp / "store", read_only=True) as emb, \
                Neo4jStore(env["NEO4J_URI"], env["NEO4J_USER"], env["NEO4J_PASSWORD"]) as neo:
            neo.init()
            yield {"emb": emb, "neo": neo, "refused": refused, "done": done}
    finally:
        server("stop", "--state", str(state))
        shutil.rmtree(tmp, ignore_errors=True)


def test_without_overwrite_the_import_is_refused_in_one_line(imported):
    r = imported["refused"]
    assert r.exit_code == 1 and r.output.count("\n") == 1, r.output
    assert r.output.startswith("Error: neo4j-admin import failed:") and "--overwrite" in r.output


def test_bulk_import_reports_what_it_imported(imported):
    r = imported["done"]
    assert r.exit_code == 0, r.output
    s = imported["emb"].stats()
    assert f"imported {s['documents']} documents, {s['nodes']} nodes and {s['ties']} ties" in r.stdout
    assert "tiesdb neo4j init" in r.output


def test_the_imported_graph_is_the_embedded_one(imported):
    emb, neo = imported["emb"], imported["neo"]
    assert neo.stats() == emb.stats()
    assert _nodes(neo) == _nodes(emb)
    assert _ties(neo) == _ties(emb)  # every property, dates and booleans typed as a push writes them
    assert _docs(neo) == _docs(emb)


@pytest.mark.parametrize("name,cypher,params", QUERIES[::4], ids=[q[0] for q in QUERIES[::4]])
def test_parity_queries_after_bulk_import(imported, name, cypher, params):
    emb, neo = imported["emb"], imported["neo"]
    assert rows(emb.query(cypher, params)) == rows(neo.query(cypher, params))
