"""The Neo4j backend against a real Neo4j 5.26 server (started by neo4j_support), no mock."""
from __future__ import annotations

import datetime as dt
import json
import socket

import pytest
from click.testing import CliRunner

from conftest import small_extraction
from neo4j_support import neo, neo4j_env  # noqa: F401  (fixtures)
from parity_queries import corpus
from tiesdb.graph.model import Entity, Tie
from tiesdb.graph.neo4j import Neo4jStore, check_server_agent, pull, push
from tiesdb.graph.store import Store, StoreError

pytestmark = pytest.mark.neo4j


def _ties(db) -> list[tuple]:
    """Every tie as a comparable tuple (endpoints, type, all properties)."""
    return sorted((t.source, t.target, t.type, tuple(sorted(t.to_dict().items()))) for t in db.ties())


def _nodes(db) -> list[dict]:
    return sorted((e.to_dict() for e in db.entities()), key=lambda e: e["id"])


def _docs(db) -> list[dict]:
    return [db.document(d["id"]) for d in db.documents()]


@pytest.fixture
def embedded(tmp_path):
    with Store(tmp_path / "store", create=True) as db:
        for x in corpus():
            db.add_document(x)
        yield db


# -- add_document and reading ---------------------------------------------------------------------
def test_add_document_writes_document_entities_and_ties(neo):
    x = small_extraction()
    assert neo.add_document(x) is True
    assert neo.add_document(x) is False  # already stored: nothing changes
    s = neo.stats()
    assert (s["documents"], s["nodes"], s["ties"]) == (1, 4, 4)
    assert s["types"] == {"MEETS": 1, "BASED_IN": 1, "LOCATED_IN": 1, "INVESTS_IN": 1}
    doc = neo.document(x.doc.id)
    assert doc["sha256"] == x.doc.sha256 and doc["text"] == x.doc.text and doc["words"] == x.doc.words
    [row] = neo.query("MATCH (:Firm)-[r:INVESTS_IN]->(c:Country) RETURN r, c").rows
    r, c = row
    assert r["_LABEL"] == "INVESTS_IN" and r["amount"] == 2.5e9 and r["currency"] == "INR"
    assert c["_LABEL"] == "Country" and c["aliases"] == ["India", "Indian"] and c["docs"] == [x.doc.id]
    [[date]] = neo.query("MATCH ()-[r:MEETS]->() RETURN r.date").rows
    assert date == dt.date(2025, 7, 28) and type(date) is dt.date


def test_same_data_as_the_embedded_store(neo, embedded):
    for x in corpus():
        neo.add_document(x)
    assert neo.stats() == embedded.stats()
    assert _ties(neo) == _ties(embedded)
    assert _nodes(neo) == _nodes(embedded)
    assert _docs(neo) == _docs(embedded)
    assert neo.documents() == embedded.documents()


def test_entities_merge_across_documents(neo):
    xs = corpus()
    for x in xs:
        neo.add_document(x)
    [india] = neo.entities(["ind"])
    assert india.aliases == ["India", "Indian", "New Delhi"]
    [[docs]] = neo.query("MATCH (c:Country {id: 'ind'}) RETURN c.docs").rows
    assert docs == [x.doc.id for x in xs if any("ind" in (t.source, t.target) for t in x.ties)]


def test_symmetric_ties_are_stored_once_and_match_either_way(neo):
    neo.add_document(small_extraction())
    assert neo.query("MATCH (:Country {id: 'ind'})-[r:MEETS]-(:Country {id: 'jpn'}) RETURN count(r)").rows == [[1]]
    assert neo.query("MATCH ()-[r:MEETS]->() RETURN count(r)").rows == [[1]]


def test_parallel_ties_from_two_documents_are_both_kept(neo):
    neo.add_document(small_extraction())
    neo.add_document(small_extraction("Japan and India met again.", name="other.txt"))
    assert len(neo.query("MATCH (:Country)-[r:MEETS]-(:Country) RETURN DISTINCT r.doc").rows) == 2


def test_find_entities_ties_and_subgraph_match_the_embedded_store(neo, embedded):
    for x in corpus():
        neo.add_document(x)
    assert [e.id for e in neo.find("new delhi")] == ["ind"]
    assert neo.find("DENSO") == embedded.find("denso")
    assert sorted(e.id for e in neo.entities(["ind", "denso", "nope"])) == ["denso", "ind"]
    assert sorted(t.id for t in neo.ties(["denso"])) == sorted(t.id for t in embedded.ties(["denso"]))
    assert (sorted(t.id for t in neo.ties(["ind", "jpn"], both=True))
            == sorted(t.id for t in embedded.ties(["ind", "jpn"], both=True)))
    for kw in ({}, {"around": ["denso"], "depth": 2}, {"node_ids": ["ind", "jpn", "deu"]},
               {"around": ["ind"], "types": ["MEETS"], "since": dt.date(2025, 1, 1)},
               {"labels": ["Country", "Firm"]}):
        a, b = neo.subgraph(**kw), embedded.subgraph(**kw)
        assert dict(a.nodes(data=True)) == dict(b.nodes(data=True)), kw
        assert sorted(a.edges(keys=True, data=True)) == sorted(b.edges(keys=True, data=True)), kw
        assert a.number_of_edges() > 0, kw


def test_forget_removes_the_document_its_ties_and_orphans(neo, embedded):
    xs = corpus()
    for x in xs:
        neo.add_document(x)
    doc = xs[1].doc.id  # denso-noida: Denso, Noida and Uttar Pradesh appear only there
    assert neo.forget(doc) == embedded.forget(doc)
    assert neo.stats() == embedded.stats()
    assert _nodes(neo) == _nodes(embedded)
    assert not neo.has_document(doc)
    assert neo.find("Denso") == []
    with pytest.raises(StoreError, match="no document"):
        neo.forget(doc)


def test_a_failed_write_is_rolled_back_whole(neo):
    x = small_extraction()
    x.entities.append(Entity("bad", "Bad", "Firm", country=object()))  # the driver cannot send it
    x.ties.append(Tie("bad", "jpn", "BASED_IN", "x", x.doc.id))
    with pytest.raises(StoreError):
        neo.add_document(x)
    assert neo.stats()["nodes"] == 0 and not neo.has_document(x.doc.id)


def test_invalid_ties_are_refused_before_writing(neo):
    x = small_extraction()
    x.ties.append(Tie("jpn", "nowhere", "MEETS", "x", x.doc.id))
    with pytest.raises(StoreError, match="unknown entity"):
        neo.add_document(x)
    assert neo.stats()["documents"] == 0


# -- queries --------------------------------------------------------------------------------------
def test_query_is_read_only_unless_write(neo):
    with pytest.raises(StoreError, match="--write"):
        neo.query("CREATE (:Country {id: 'x', name: 'X'})")
    res = neo.query("CREATE (c:Country {id: $id, name: 'X'}) RETURN c.id AS id", {"id": "x"}, write=True)
    assert res.columns == ["id"] and res.rows == [["x"]]


def test_bad_cypher_is_one_line(neo):
    with pytest.raises(StoreError, match="^bad Cypher") as e:
        neo.query("MATCH (n RETURN n")
    assert "\n" not in str(e.value)


def test_paths_come_back_in_the_embedded_shape(neo):
    neo.add_document(small_extraction())
    [[p]] = neo.query("MATCH p = (:Place)-[:LOCATED_IN]->(:Country) RETURN p").rows
    assert [n["id"] for n in p["_NODES"]] == ["tokyo", "jpn"]
    assert [r["_LABEL"] for r in p["_RELS"]] == ["LOCATED_IN"]


def test_init_is_idempotent_and_creates_constraints(neo):
    first = neo.init()
    assert neo.init() == first
    names = {r[0] for r in neo.query("SHOW CONSTRAINTS YIELD name").rows}
    assert {"country_id", "document_id", "person_id"} <= names
    indexes = {r[0] for r in neo.query("SHOW INDEXES YIELD name").rows}
    assert {"country_name", "meets_id", "meets_doc"} <= indexes


def test_the_id_constraint_holds(neo):
    neo.add_document(small_extraction())
    with pytest.raises(StoreError):
        neo.query("CREATE (:Country {id: 'jpn', name: 'Japan again'})", write=True)


# -- push and pull --------------------------------------------------------------------------------
def test_push_copies_everything_and_a_second_push_changes_nothing(neo, embedded):
    rep = push(embedded, neo, batch=7)
    assert (rep.documents, rep.nodes, rep.ties) == (5, 21, 42)
    assert neo.stats() == embedded.stats()
    assert _ties(neo) == _ties(embedded) and _nodes(neo) == _nodes(embedded) and _docs(neo) == _docs(embedded)
    push(embedded, neo, batch=7, inflight=2)
    assert neo.stats() == embedded.stats() and _ties(neo) == _ties(embedded) and _nodes(neo) == _nodes(embedded)


def test_push_with_two_batches_in_flight(neo, embedded):
    rep = push(embedded, neo, batch=4, inflight=2)
    assert rep.ties == 42 and neo.stats() == embedded.stats() and _ties(neo) == _ties(embedded)


def test_an_interrupted_push_resumes(neo, embedded):
    class Cut(Exception):
        pass

    def cut(kind: str, done: int) -> None:
        if kind == "ties" and done >= 10:
            raise Cut

    with pytest.raises(Cut):
        push(embedded, neo, batch=3, progress=cut)
    assert 0 < neo.stats()["ties"] < 42
    push(embedded, neo, batch=3)
    assert neo.stats() == embedded.stats() and _ties(neo) == _ties(embedded)
    assert _schema_names(neo) >= _all_schema_names()


def _schema_names(neo) -> set[str]:
    return ({r[0] for r in neo.query("SHOW CONSTRAINTS YIELD name").rows}
            | {r[0] for r in neo.query("SHOW INDEXES YIELD name").rows})


def _all_schema_names() -> set[str]:
    from tiesdb.graph import schema
    from tiesdb.graph.neo4j import tie_indexes

    return {stmt.split()[2] for stmt in schema.neo4j_constraints() + tie_indexes()}


def test_a_push_cut_while_copying_nodes_resumes_with_its_constraints(neo, embedded):
    """A first push builds the constraints after the nodes: a cut one must not leave them out."""
    class Cut(Exception):
        pass

    def cut(kind: str, done: int) -> None:
        if kind == "nodes" and done >= 6:
            raise Cut

    neo.init()  # as after `tiesdb neo4j init`: push drops the empty ones and rebuilds them
    with pytest.raises(Cut):
        push(embedded, neo, batch=3, progress=cut)
    assert 0 < neo.stats()["nodes"] < 21 and neo.stats()["ties"] == 0
    rep = push(embedded, neo, batch=3)
    assert rep.ties == 42 and neo.stats() == embedded.stats()
    assert _ties(neo) == _ties(embedded) and _nodes(neo) == _nodes(embedded)
    assert _schema_names(neo) >= _all_schema_names()
    with pytest.raises(StoreError):  # the id constraint is back
        neo.query("CREATE (:Country {id: 'jpn', name: 'Japan again'})", write=True)


def test_push_onto_data_loaded_directly_merges_lists(neo, embedded):
    neo.add_document(corpus()[0])
    push(embedded, neo)
    assert neo.stats() == embedded.stats() and _nodes(neo) == _nodes(embedded)


def test_pull_round_trips_into_a_new_store(neo, embedded, tmp_path):
    push(embedded, neo)
    with Store(tmp_path / "pulled", create=True) as local:
        rep = pull(neo, local, batch=5)
        assert (rep.documents, rep.nodes, rep.ties) == (5, 21, 42)
        pull(neo, local)  # again: nothing changes
        assert local.stats() == embedded.stats()
        assert _ties(local) == _ties(embedded) and _nodes(local) == _nodes(embedded)
        assert _docs(local) == _docs(embedded)


# -- errors ---------------------------------------------------------------------------------------
def test_wrong_password_is_one_line(neo4j_env):
    with pytest.raises(StoreError, match="wrong NEO4J_USER or NEO4J_PASSWORD"):
        Neo4jStore(neo4j_env["NEO4J_URI"], "neo4j", "not-the-password")


def test_server_down_is_one_line():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here
    with pytest.raises(StoreError, match="cannot reach Neo4j .* server is down"):
        Neo4jStore(f"bolt://127.0.0.1:{port}", "neo4j", "x")


def test_wrong_uri_is_one_line():
    with pytest.raises(StoreError, match="bad NEO4J_URI"):
        Neo4jStore("http://localhost:7474", "neo4j", "x")


def test_unknown_database_is_one_line(neo4j_env):
    with pytest.raises(StoreError, match="no database 'nope'"):
        Neo4jStore(neo4j_env["NEO4J_URI"], neo4j_env["NEO4J_USER"], neo4j_env["NEO4J_PASSWORD"], "nope")


def test_neo4j_4_is_refused():
    with pytest.raises(StoreError, match="needs Neo4j 5"):
        check_server_agent("Neo4j/4.4.30")
    check_server_agent("Neo4j/5.26.30")
    check_server_agent("Neo4j/2025.10.1")


# -- the command line -----------------------------------------------------------------------------
def run(*args: str):
    from tiesdb.cli import cli

    return CliRunner().invoke(cli, list(args))


def test_cli_backend_neo4j_query_and_stats(neo):
    neo.add_document(small_extraction())
    out = run("--backend", "neo4j", "query", "MATCH (c:Country)-[t]-(d:Country) RETURN c.name, type(t) AS t, d.name",
              "--json")
    assert out.exit_code == 0, out.output
    assert sorted(r["c.name"] for r in json.loads(out.stdout)) == ["India", "Japan"]
    out = run("--backend", "neo4j", "stats", "--json")
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["ties"] == 4


def test_cli_init_push_and_pull(neo, embedded, tmp_path):
    assert run("neo4j", "init").exit_code == 0
    path = str(embedded.path)
    embedded.close()  # the CLI opens the store itself
    out = run("push", "--store", path)
    assert out.exit_code == 0, out.output
    assert "pushed 5 documents, 21 nodes and 42 ties" in out.stdout
    assert neo.stats()["ties"] == 42
    out = run("pull", "--store", str(tmp_path / "local"))
    assert out.exit_code == 0, out.output
    with Store(tmp_path / "local") as local:
        assert local.stats() == neo.stats()
    out = run("neo4j", "status", "--json")
    assert out.exit_code == 0, out.output
    [status] = json.loads(out.stdout)
    assert status["server"].startswith("Neo4j/5.") and status["ties"] == 42


def test_cli_errors_are_one_line(neo4j_env, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", neo4j_env["NEO4J_URI"])
    monkeypatch.setenv("NEO4J_PASSWORD", "wrong")
    out = run("--backend", "neo4j", "stats")
    assert out.exit_code == 1
    assert out.output.startswith("Error: Neo4j at") and out.output.count("\n") == 1
    assert "Traceback" not in out.output


def test_server_script_without_a_server(tmp_path):
    import subprocess

    from neo4j_support import SCRIPT

    state = str(tmp_path / "none.json")
    status = subprocess.run(["bash", str(SCRIPT), "status", "--state", state], capture_output=True, text=True)
    assert status.returncode == 1 and status.stdout.strip() == "not running"
    stop = subprocess.run(["bash", str(SCRIPT), "stop", "--state", state], capture_output=True, text=True)
    assert stop.returncode == 0 and "not running" in stop.stderr


def test_server_script_status_of_the_test_server(neo4j_env):
    import subprocess

    from neo4j_support import SCRIPT, _state

    if _state is None:
        pytest.skip("the tests use a server given by TIESDB_TEST_NEO4J_URI")
    out = subprocess.run(["bash", str(SCRIPT), "status", "--state", str(_state)], capture_output=True, text=True)
    assert out.returncode == 0 and neo4j_env["NEO4J_URI"] in out.stdout
