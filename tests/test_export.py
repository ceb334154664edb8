"""Export to every format and back: the same nodes, ties and attributes after the round trip."""
from __future__ import annotations

import csv
import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from test_queries import world
from tiesdb.cli import cli
from tiesdb.graph.store import Store
from tiesdb.queries.export import FORMATS, export, import_graph, read, select
from tiesdb.queries.export.cypher_script import literal, statements


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    store = world(tmp_path_factory.mktemp("export") / "store")
    yield store
    store.close()


def snapshot(g: nx.MultiDiGraph) -> tuple:
    """Nodes and ties with every attribute, in a comparable order."""
    nodes = sorted((n, sorted((k, sorted(v) if k == "docs" else v) for k, v in d.items()))
                   for n, d in g.nodes(data=True))
    edges = sorted((u, v, k, sorted(d.items())) for u, v, k, d in g.edges(keys=True, data=True))
    return nodes, edges


@pytest.fixture(scope="module")
def whole(db) -> nx.MultiDiGraph:
    return select(db)


def test_select_whole_graph_carries_docs_and_documents(db, whole):
    s = db.stats()
    assert whole.number_of_nodes() == s["nodes"] and whole.number_of_edges() == s["ties"]
    assert set(whole.nodes["chl"]["docs"]) == {d["id"] for d in db.documents()}
    docs = whole.graph["documents"]
    assert len(docs) == 2 and all(d["text"] and d["title"] for d in docs)


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv"])
def test_read_back_equals_exported(whole, tmp_path, fmt):
    out = export(whole, tmp_path / f"g.{fmt}", fmt)
    back = read(out, fmt)
    expected = whole
    if fmt == "csv":  # neo4j-admin arrays cannot hold their delimiter: a ';' in an alias becomes ','
        expected = whole.copy()
        expected.nodes["aurorasat"]["aliases"] = ["AuroraSat", "Aurora, Sat"]
    assert snapshot(back) == snapshot(expected)
    some = back.edges["codelco", "hydro", next(iter(back["codelco"]["hydro"]))]
    assert some["item"] == "copper" and some["date"] == dt.date(2024, 1, 15)


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_store_round_trip(db, whole, tmp_path, fmt):
    out = export(whole, tmp_path / f"g.{fmt}", fmt)
    with Store(tmp_path / "copy", create=True) as copy:
        done = import_graph(copy, out)
        assert done == {"documents": 2, "skipped": 0, "nodes": whole.number_of_nodes(), "ties": whole.number_of_edges()}
        again = select(copy)
        ours = snapshot(whole)
        if fmt == "csv":  # a ';' inside an alias is written as ','
            ours = snapshot(read(out))
        assert snapshot(again) == ours
        assert [{k: v for k, v in d.items()} for d in again.graph["documents"]] == whole.graph["documents"]
        assert import_graph(copy, out)["skipped"] == 2  # importing twice changes nothing
        assert copy.stats() == db.stats()


def test_gexf_is_dynamic_with_dated_edges(whole, tmp_path):
    out = export(whole, tmp_path / "g.gexf")
    root = ET.parse(out).getroot()
    ns = {"g": root.tag.split("}")[0][1:]}
    graph = root.find("g:graph", ns)
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    edges = graph.findall(".//g:edge", ns)
    dated = [e for e in edges if e.get("start")]
    assert dated and all(e.get("start") == e.get("end") for e in dated)
    assert {e.get("label") for e in edges} >= {"MEETS", "SUPPLIES"}  # the tie type shows as edge label in Gephi
    assert all(e.get("type") in (None, "directed") for e in edges)  # GEXF's own type attribute stays valid
    labels = {n.get("id"): n.get("label") for n in graph.findall(".//g:node", ns)}
    assert labels["chl"] == "Chile"


def test_graphml_encodes_lists_as_json(whole, tmp_path):
    text = export(whole, tmp_path / "g.graphml").read_text()
    assert json.dumps(["Hydro, Norsk", "Norsk Hydro"]).replace('"', "&quot;") in text or \
        '["Hydro, Norsk", "Norsk Hydro"]' in text
    assert 'attr.name="category"' in text and 'attr.name="tie_type"' in text


def test_neo4j_admin_csv_headers_and_quoting(whole, tmp_path):
    folder = export(whole, tmp_path / "neo4j", "csv")
    with open(folder / "nodes.csv", newline="") as f:
        nodes = list(csv.reader(f))
    assert nodes[0][:2] == ["id:ID(Entity)", ":LABEL"] and "aliases:string[]" in nodes[0]
    row = next(r for r in nodes if r[0] == "hydro")
    assert row[1] == "Firm" and "Hydro, Norsk;Norsk Hydro" in row
    with open(folder / "ties.csv", newline="") as f:
        ties = list(csv.reader(f))
    assert ties[0][:3] == [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"]
    assert {"date:date", "amount:double", "implied:boolean", "evidence_start:long"} <= set(ties[0])
    multiline = [r for r in ties if "\n" in r[4]]
    assert multiline, "the two-line evidence survives as one quoted field"
    raw = (folder / "ties.csv").read_text()
    assert '"if funded""' in raw  # quotes doubled inside a quoted field
    assert (folder / "documents.csv").read_text().startswith("id:ID(Document),:LABEL,")


def test_store_csv_written_by_the_engine_equals_the_python_writer(db, whole, tmp_path):
    from tiesdb.queries.export.neo4j_csv import write_store_csv

    fast_dir = tmp_path / "it's fast"  # a quote in the folder's name
    counts = write_store_csv(db, fast_dir)
    slow = export(whole, tmp_path / "slow", "csv")
    assert counts == {k: db.stats()[k] for k in ("documents", "nodes", "ties")}
    for name in ("nodes.csv", "ties.csv", "documents.csv"):  # same headers
        assert (fast_dir / name).read_text().splitlines()[0] == (slow / name).read_text().splitlines()[0]
    fast, python = read(fast_dir, "csv"), read(slow, "csv")
    assert snapshot(fast) == snapshot(python)  # quotes, commas, ";" in aliases, two-line evidence, dates
    assert fast.number_of_edges() == whole.number_of_edges()
    key = lambda d: d["id"]  # noqa: E731
    assert sorted(fast.graph["documents"], key=key) == sorted(python.graph["documents"], key=key)
    assert not [p for p in fast_dir.iterdir() if p.name.startswith(".")]  # no parts left


def test_admin_import_args_and_errors(tmp_path):
    from tiesdb.queries.export.neo4j_csv import admin_import, admin_import_args

    args = admin_import_args(tmp_path, "ties", overwrite=True)
    assert args[:3] == ["database", "import", "full"] and args[-1] == "ties"
    assert f"--relationships={tmp_path.resolve() / 'ties.csv'}" in args and "--overwrite-destination=true" in args
    with pytest.raises(ValueError, match="does not hold nodes.csv"):
        admin_import(tmp_path, "neo4j-admin")
    (tmp_path / "nodes.csv").write_text("id:ID(Entity)\n")
    (tmp_path / "ties.csv").write_text(":START_ID(Entity)\n")
    with pytest.raises(ValueError, match="cannot run '/no/such/neo4j-admin'"):
        admin_import(tmp_path, "/no/such/neo4j-admin")
    with pytest.raises(ValueError, match="neo4j-admin import failed: .*boom"):
        admin_import(tmp_path, ["sh", "-c", "echo 'ERROR: boom' >&2; exit 3", "sh"])


def test_cli_bulk_import_files_only_and_errors(db, tmp_path):
    r = CliRunner().invoke(cli, ["neo4j", "bulk-import", "--store", str(db.path), "--files-only",
                                 "--files", str(tmp_path / "imp")])
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("neo4j-admin database import full --nodes=") and "--overwrite" not in r.stdout
    assert (tmp_path / "imp" / "ties.csv").exists()
    r = CliRunner().invoke(cli, ["neo4j", "bulk-import", "--store", str(db.path), "--files-only"])
    assert r.exit_code == 2 and "--files-only needs --files" in r.output
    r = CliRunner().invoke(cli, ["neo4j", "bulk-import", "--store", str(db.path), "--neo4j-admin", "/no/such/admin"])
    assert r.exit_code == 1 and r.output.count("\n") == 1 and r.output.startswith("Error: cannot run")


def test_cypher_script_is_idempotent_and_loads_the_same_graph(whole, tmp_path):
    out = export(whole, tmp_path / "g.cypher")
    text = out.read_text()
    assert text.count(";\n") == len(statements(whole)) and "CREATE (" not in text
    assert "MERGE (n:Firm {id: 'codelco'})" in text
    with Store(tmp_path / "neo", create=True) as s:
        for _ in range(2):  # MERGE: running it twice gives the same graph
            for stmt in statements(whole, constraints=False):
                s.query(stmt, write=True)
        assert snapshot(select(s, documents=False)) == snapshot(select_whole_without_documents(whole))


def select_whole_without_documents(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    h = g.copy()
    h.graph.pop("documents", None)
    return h


def test_cypher_literals():
    assert literal("it's \\ \"x\"\nnext") == "'it\\'s \\\\ \"x\"\\nnext'"
    assert literal([dt.date(2024, 3, 5), 1.5, True, None]) == "[date('2024-03-05'), 1.5, true, null]"
    with pytest.raises(ValueError):
        literal(float("nan"))


def test_select_parts(db):
    around = select(db, around=["Equinor"], depth=1)
    assert set(around) == {"equinor", "atacama"}
    two = select(db, around=["Equinor"], depth=2)
    assert "chl" in two
    typed = select(db, types=["SUPPLIES"])
    assert {d["type"] for _, _, d in typed.edges(data=True)} == {"SUPPLIES"}
    firms = select(db, labels=["Firm"])
    assert {d["label"] for _, d in firms.nodes(data=True)} == {"Firm"}
    dated = select(db, since=dt.date(2024, 1, 1))
    assert {d["date"] for _, _, d in dated.edges(data=True)} == {dt.date(2024, 1, 15)}
    q = select(db, query="MATCH p=(:Institution)-[:PARTICIPATES_IN]->(m) RETURN p")
    assert set(q) == {"nosa", "csa", "aurorasat"} and q.number_of_edges() == 2
    nodes_only = select(db, query="MATCH (f:Firm) WHERE f.country = $c RETURN f", params={"c": "CHL"})
    assert set(nodes_only) == {"codelco"}
    with pytest.raises(ValueError, match="no nodes, relationships or paths"):
        select(db, query="MATCH (f:Firm) RETURN count(f)")


def test_format_errors(whole, tmp_path):
    with pytest.raises(ValueError, match="unknown format 'png'"):
        export(whole, tmp_path / "g.png", "png")
    with pytest.raises(ValueError, match="cannot tell the format"):
        export(whole, tmp_path / "g.txt")
    (tmp_path / "bad.json").write_text("{not json")
    with pytest.raises(ValueError, match="not node-link JSON"):
        read(tmp_path / "bad.json")
    with pytest.raises(ValueError, match="does not exist"):
        read(tmp_path / "missing.json")
    assert set(FORMATS) == {"graphml", "gexf", "json", "csv", "cypher"}


# -- the commands ----------------------------------------------------------------------------
def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv", "cypher"])
def test_cli_export_every_format(db, tmp_path, fmt):
    out = tmp_path / f"x.{fmt}"
    r = run("--store", str(db.path), "export", "--format", fmt, "-o", str(out), "--around", "Chile", "--depth", "1")
    assert r.exit_code == 0, r.output
    assert r.stderr.startswith("Wrote ") and out.exists()
    if fmt != "cypher":
        g = read(out, fmt)
        assert "chl" in g and "equinor" not in g


def test_cli_export_then_import(db, tmp_path):
    out = tmp_path / "all.json"
    assert run("--store", str(db.path), "export", "-o", str(out)).exit_code == 0
    r = run("--store", str(tmp_path / "copy"), "import", str(out))
    assert r.exit_code == 0, r.output
    assert "2 documents added" in r.stderr
    stats = json.loads(run("--store", str(tmp_path / "copy"), "stats", "--json").stdout)
    assert stats == db.stats()


def test_cli_export_with_query_and_filters(db, tmp_path):
    out = tmp_path / "q.json"
    r = run("--store", str(db.path), "export", "-o", str(out), "--query",
            "MATCH p=(f:Firm {id: $f})-[t]->(x) RETURN p", "-p", "f", "codelco")
    assert r.exit_code == 0, r.output
    assert set(read(out)) == {"codelco", "hydro"}
    r = run("--store", str(db.path), "export", "-o", str(tmp_path / "t.gexf"), "--types", "MEETS,BASED_IN",
            "--labels", "Country,Person", "--since", "2023-01-01")
    g = read(tmp_path / "t.gexf")
    assert {d["type"] for _, _, d in g.edges(data=True)} == {"MEETS"}


def test_cli_export_errors(db, tmp_path):
    r = run("--store", str(db.path), "export", "-o", str(tmp_path / "x.png"))
    assert r.exit_code == 1 and r.stderr.startswith("Error: cannot tell the format")
    r = run("--store", str(db.path), "export", "--format", "png", "-o", str(tmp_path / "x.png"))
    assert r.exit_code == 2 and "'png' is not one of" in r.stderr
    r = run("--store", str(db.path), "export", "-o", str(tmp_path / "x.json"), "--labels", "Agreement")
    assert r.exit_code == 1 and r.stderr.strip() == "Error: nothing to export: the selection has no nodes"
    r = run("--store", str(db.path), "export", "-o", str(tmp_path / "x.json"), "--query", "MATCH (n RETURN n")
    assert r.exit_code == 1 and r.stderr.startswith("Error: bad Cypher") and len(r.stderr.splitlines()) == 1
    r = run("--store", str(db.path), "export", "-o", str(tmp_path / "x.json"), "--around", "Atlantis")
    assert r.exit_code == 1 and "no entity called 'Atlantis'" in r.stderr
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]")
    r = run("--store", str(tmp_path / "new"), "import", str(bad))
    assert r.exit_code == 1 and r.stderr.startswith("Error: ") and len(r.stderr.splitlines()) == 1


# -- awkward text through every format (hypothesis) -------------------------------------------
from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tiesdb.graph.model import Document, Entity, Extraction, Tie  # noqa: E402
from tiesdb.queries.export._encode import xml_text  # noqa: E402

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    """Two stores reused by every example: one to export from, one to run the Cypher script in."""
    folder = tmp_path_factory.mktemp("text")
    with Store(folder / "a", create=True) as a, Store(folder / "b", create=True) as b:
        yield folder, a, b


def xml_safe(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """What GraphML/GEXF can hold: ``g`` with XML-invalid characters dropped from text (lists are
    JSON strings, which escape them, so lists keep them)."""
    def clean(v):
        return v if isinstance(v, list) else xml_text(v)
    h = nx.MultiDiGraph()
    h.add_nodes_from((n, {k: clean(v) for k, v in d.items()}) for n, d in g.nodes(data=True))
    h.add_edges_from((u, v, k, {a: clean(x) for a, x in d.items()}) for u, v, k, d in g.edges(keys=True, data=True))
    return h


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=TEXT, alias=TEXT, evidence=TEXT, item=TEXT)
@example(name='Zoë "Q" <&> \\', alias="a;b, c", evidence="line1\r\nline2\x0cend\ttab\rX", item="\x00x'y")
def test_awkward_text_survives_every_format(scratch, name, alias, evidence, item):
    folder, a, b = scratch
    doc = Document.from_text(evidence + name + alias + item, name="awkward", title=name)
    ents = [Entity("deu", "Germany", "Country", country="DEU"),
            Entity("firm", name, "Firm", [name, alias])]
    ties = [Tie("firm", "deu", "SUPPLIES", evidence, doc.id, "2024-02-29", item=item, amount=1e-7),
            Tie("deu", "firm", "INVESTS_IN", evidence, doc.id)]
    a.add_document(Extraction(doc, ents, ties))
    try:
        g = select(a)
    finally:
        a.forget(doc.id)
    for fmt in ("graphml", "gexf", "json", "csv"):
        if fmt == "csv" and any(";" in x for x in g.nodes["firm"]["aliases"]):
            continue  # documented: a ';' cannot appear inside a neo4j-admin array
        back = read(export(g, folder / f"g.{fmt}", fmt), fmt)
        want = xml_safe(g) if fmt in ("graphml", "gexf") else g
        assert snapshot(back) == snapshot(want), fmt
    try:
        for stmt in statements(g, constraints=False):
            b.query(stmt, write=True)
        assert snapshot(select(b)) == snapshot(g)
    finally:
        b.query("MATCH (n) DETACH DELETE n", write=True)
