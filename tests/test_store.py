"""The embedded store: writes, reopen, idempotence, forget, read-only queries, the busy lock."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from conftest import small_extraction
from tiesdb.graph import schema
from tiesdb.graph.model import Entity, Extraction, Tie
from tiesdb.graph.store import Store, StoreError


def test_add_document_and_read_back(store):
    ex = small_extraction()
    assert store.add_document(ex) is True
    s = store.stats()
    assert s == {"documents": 1, "nodes": 4, "ties": 4,
                 "labels": {"Country": 2, "Firm": 1, "Place": 1},
                 "types": {"MEETS": 1, "BASED_IN": 1, "LOCATED_IN": 1, "INVESTS_IN": 1}}
    rows = store.query("MATCH (f:Firm)-[t:INVESTS_IN]->(c:Country) "
                       "RETURN f.name, c.name, t.amount, t.currency, t.evidence").rows
    assert rows == [["Denso", "India", 2.5e9, "INR", "Denso will invest in India."]]
    meets = store.query("MATCH (a)-[t:MEETS]-(b) WHERE a.id = $a RETURN b.name, t.date, type(t)",
                        {"a": "ind"}).rows
    assert meets == [["Japan", dt.date(2025, 7, 28), "MEETS"]]


def test_reopen_keeps_everything(store_path):
    with Store(store_path, create=True) as db:
        db.add_document(small_extraction())
        before = db.stats(), sorted(t.id for t in db.ties())
    with Store(store_path, read_only=True) as db:
        assert (db.stats(), sorted(t.id for t in db.ties())) == before
        assert db.document(small_extraction().doc.id)["title"] == "Small test"


def test_same_document_twice_changes_nothing(store):
    assert store.add_document(small_extraction())
    before = store.stats()
    assert store.add_document(small_extraction()) is False
    assert store.stats() == before


def test_same_tie_from_two_documents_keeps_both(store):
    store.add_document(small_extraction())
    store.add_document(small_extraction("Japan and India held talks in Tokyo. Denso will invest in India!",
                                        name="other.txt"))
    rows = store.query("MATCH (:Firm {id: 'denso'})-[t:INVESTS_IN]->(:Country {id: 'ind'}) "
                       "RETURN t.doc ORDER BY t.doc").rows
    assert len(rows) == 2 and rows[0] != rows[1]
    denso = store.find("DENSO")[0]
    assert denso.label == "Firm" and denso.aliases == ["Denso", "DENSO"]


def test_aliases_merge_across_documents(store):
    store.add_document(small_extraction())
    ex = small_extraction("Nippon met India.", name="third.txt")
    ex.entities[0].add_alias("Nippon")
    store.add_document(ex)
    assert store.find("nippon")[0].aliases == ["Japan", "Japanese", "Nippon"]


def test_forget_removes_ties_and_orphans(store):
    first, second = small_extraction(), small_extraction("Japan met India.", name="b.txt")
    second.entities = second.entities[:2]
    second.ties = second.ties[:1]
    store.add_document(first)
    store.add_document(second)
    gone = store.forget(first.doc.id)
    assert gone == {"ties": 4, "nodes": 2}          # Denso and Tokyo were only in the first
    assert store.stats()["types"] == {"MEETS": 1}
    assert [d["id"] for d in store.documents()] == [second.doc.id]
    with pytest.raises(StoreError, match="no document"):
        store.forget("nope")


def test_symmetric_tie_stored_once_either_way(store):
    ex = small_extraction()
    ex.ties = [Tie("denso", "jpn", "PARTNERS_WITH", "x", ex.doc.id)]
    store.add_document(ex)
    assert store.query("MATCH (a:Country)-[t:PARTNERS_WITH]-(b:Firm) RETURN b.name").rows == [["Denso"]]


def test_invalid_tie_is_rejected_before_writing(store):
    ex = small_extraction()
    ex.ties.append(Tie("tokyo", "denso", "SUPPLIES", "x", ex.doc.id))
    with pytest.raises(ValueError, match="SUPPLIES tie cannot go from Place to Firm"):
        store.add_document(ex)
    assert store.stats()["documents"] == 0


def test_failed_document_leaves_nothing(store):
    ex = small_extraction()
    ex.ties.append(Tie("jpn", "ghost", "MEETS", "x", ex.doc.id))
    with pytest.raises(StoreError, match="unknown entity 'ghost'"):
        store.add_document(ex)
    assert store.stats()["nodes"] == 0


def test_read_only_query_refuses_writes(store):
    with pytest.raises(StoreError, match="--write"):
        store.query("CREATE (:Country {id: 'x', name: 'X'})")
    store.query("CREATE (:Country {id: 'x', name: 'X'})", write=True)
    assert store.find("x")[0].name == "X"


def test_bad_cypher_is_one_line(store):
    with pytest.raises(StoreError) as e:
        store.query("MATCH (n RETURN n")
    assert str(e.value).startswith("bad Cypher:") and "\n" not in str(e.value)


def test_missing_store_and_file_path(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        Store(tmp_path / "missing")
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        Store(f, create=True)


def test_second_writer_gets_store_is_busy(store_path):
    code = ("import sys; from tiesdb.graph.store import Store, StoreError\n"
            "try:\n    Store(sys.argv[1])\nexcept StoreError as e:\n    print(e); sys.exit(3)\n")
    with Store(store_path, create=True) as db:
        db.add_document(small_extraction())
        out = subprocess.run([sys.executable, "-c", code, str(store_path)], capture_output=True, text=True)
    assert out.returncode == 3, out.stderr
    assert out.stdout.strip() == f"store is busy: another tiesdb process is writing to {store_path}"


def test_subgraph_around_and_filters(store):
    store.add_document(small_extraction())
    g = store.subgraph(around=["ind"], depth=1)
    assert set(g) == {"ind", "jpn", "denso"}
    assert {d["type"] for *_, d in g.edges(data=True)} == {"MEETS", "INVESTS_IN", "BASED_IN"}
    g2 = store.subgraph(around=["ind"], depth=2, types=["MEETS", "LOCATED_IN"])
    assert set(g2) == {"ind", "jpn", "tokyo"}
    g3 = store.subgraph(since=dt.date(2025, 1, 1))
    assert [d["type"] for *_, d in g3.edges(data=True)] == ["MEETS"]
    assert store.subgraph(labels=["Country"]).number_of_edges() == 1


def test_schema_ddl_covers_every_type_and_label():
    ddl = "\n".join(schema.ladybug_ddl())
    for name in (*schema.LABELS, *schema.TIE_TYPES):
        assert f" {name}(" in ddl
    assert schema.SYMMETRIC == {"MEETS", "PARTNERS_WITH", "TRADES_WITH"}
    assert len(schema.neo4j_constraints()) == 2 * len(schema.LABELS) + 1


def test_docs_schema_page_is_generated_from_the_module():
    from conftest import ROOT
    assert (ROOT / "docs" / "schema.md").read_text() == schema.markdown()
