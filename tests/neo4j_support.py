"""A real Neo4j server for the `neo4j`-marked tests, started once per pytest session.

`scripts/neo4j-server start` runs it on a free 127.0.0.1 port with its own temp folder; it is
always stopped when the session ends. When it cannot start, tests skip here and fail under CI=true.
Set TIESDB_TEST_NEO4J_URI (with NEO4J_USER/NEO4J_PASSWORD) to use a running server instead:
its default database is WIPED by the tests, so never point it at data you keep.

Test modules import the fixtures: ``from neo4j_support import neo4j_env, neo  # noqa: F401``.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import ROOT, skip_or_fail

SCRIPT = ROOT / "scripts" / "neo4j-server"
_server: dict | None = None  # one server per session, whichever module asks first
_error: str | None = None
_state: Path | None = None  # the state file of the server started here


def _start(config: pytest.Config) -> dict:
    global _server, _error, _state
    if _server is not None:
        return _server
    if _error is not None:
        skip_or_fail(_error)
    if os.environ.get("TIESDB_TEST_NEO4J_URI"):
        _server = {"NEO4J_URI": os.environ["TIESDB_TEST_NEO4J_URI"],
                   "NEO4J_USER": os.environ.get("NEO4J_USER", "neo4j"),
                   "NEO4J_PASSWORD": os.environ.get("NEO4J_PASSWORD", ""), "NEO4J_DATABASE": "neo4j"}
        return _server
    state = _state = Path(tempfile.mkdtemp(prefix="tiesdb-neo4j-state-")) / "server.json"

    def stop() -> None:  # always, even when the start failed half-way
        subprocess.run(["bash", str(SCRIPT), "stop", "--state", str(state)], capture_output=True)
        shutil.rmtree(state.parent, ignore_errors=True)

    config.add_cleanup(stop)
    proc = subprocess.run(["bash", str(SCRIPT), "start", "--state", str(state)],
                          capture_output=True, text=True, timeout=400)
    if proc.returncode != 0:
        _error = (f"Neo4j test server did not start (run `bash scripts/neo4j-server fetch` first?): "
                  f"{proc.stderr.strip()[-800:]}")
        skip_or_fail(_error)
    _server = dict(re.findall(r"(NEO4J_\w+)=(\S+)", proc.stdout))
    return _server


@pytest.fixture(scope="session")
def neo4j_env(request: pytest.FixtureRequest) -> dict:
    """NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE of the test server."""
    return _start(request.config)


@pytest.fixture
def neo(neo4j_env: dict, monkeypatch: pytest.MonkeyPatch):
    """A Neo4jStore on the test server with an empty database (and NEO4J_* set in the env)."""
    from tiesdb.graph.neo4j import Neo4jStore

    for k, v in neo4j_env.items():
        monkeypatch.setenv(k, v)
    with Neo4jStore.from_env() as db:
        wipe(db)
        yield db


def wipe(db) -> None:
    """Delete every node and relationship (keeps constraints and indexes)."""
    for cypher in ("MATCH ()-[r]->() WITH r LIMIT 10000 DELETE r RETURN count(*)",
                   "MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*)"):
        while db.query(cypher, write=True).rows[0][0]:
            pass
