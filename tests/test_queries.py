"""The relationship helpers (tiesdb.queries) and their commands, on a small hand-made world."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tiesdb.cli import cli
from tiesdb.graph.model import Document, Entity, Extraction, Tie
from tiesdb.graph.store import Store
from tiesdb.queries import members, neighbors, path, resolve, rows_to_records, ties, timeline, top, why
from tiesdb.queries.cypher import format_value, to_plain

# Two made-up news items about Norway and Chile (a dyad no other test uses).
TEXT1 = ("Oslo, 2023. Norway and Chile held talks in Santiago.\n"
         "Equinor will invest 2.5 billion dollars in the Atacama region.\n"
         "The Norwegian Space Agency and the Chilean Space Agency will build \"AuroraSat\"; a joint satellite.")
TEXT2 = ("Santiago, 2024. Chile's ambassador Ana Rojas, who represents Chile in Norway, met Norwegian officials.\n"
         "Codelco, Chile's copper firm, supplies copper to Hydro, Norsk.")


def _docs() -> list[Extraction]:
    d1 = Document.from_text(TEXT1, name="norway-chile-2023", title="Norway and Chile talk space",
                            date=dt.date(2023, 5, 2), path="news/nc-2023.txt")
    d2 = Document.from_text(TEXT2, name="chile-norway-2024", title="Copper, and an ambassador",
                            date=dt.date(2024, 1, 15), path="news/cn-2024.txt")
    nor = Entity("nor", "Norway", "Country", ["Norway", "Norwegian", "Oslo"], country="NOR")
    chl = Entity("chl", "Chile", "Country", ["Chile", "Chilean"], country="CHL")
    scl = Entity("santiago", "Santiago", "Place")
    atacama = Entity("atacama", "Atacama region", "Place", ["Atacama"])
    equinor = Entity("equinor", "Equinor", "Firm", ["Equinor ASA"], country="NOR")
    nosa = Entity("nosa", "Norwegian Space Agency", "Institution", ["NOSA"])
    csa = Entity("csa", "Chilean Space Agency", "Institution", ["CSA"])
    sat = Entity("aurorasat", "AuroraSat", "Mission", ["AuroraSat", "Aurora; Sat"], kind="space")
    s = TEXT1.split("\n")
    ties1 = [
        Tie("nor", "chl", "MEETS", s[0], d1.id, "2023-05-02", "diplomacy", rule="meet-verb", confidence=0.8,
            evidence_start=12, evidence_end=len(s[0])),
        Tie("santiago", "chl", "LOCATED_IN", s[0], d1.id, implied=True),
        Tie("atacama", "chl", "LOCATED_IN", s[1], d1.id, implied=True),
        Tie("equinor", "atacama", "INVESTS_IN", s[1], d1.id, "2023-05-02", "energy", amount=2.5e9, currency="USD"),
        Tie("nosa", "nor", "BASED_IN", s[2], d1.id, implied=True),
        Tie("csa", "chl", "BASED_IN", s[2], d1.id, implied=True),
        Tie("nosa", "aurorasat", "PARTICIPATES_IN", s[2], d1.id, "2023-05-02", "space"),
        Tie("csa", "aurorasat", "PARTICIPATES_IN", s[2] + "\nIt launches in 2026, \"if funded\".", d1.id,
            "2023-05-02", "space"),
        Tie("nosa", "csa", "PARTNERS_WITH", s[2], d1.id, "2023-05-02", "space"),
    ]
    rojas = Entity("ana-rojas", "Ana Rojas", "Person", ["Ana Rojas", "Rojas"])
    codelco = Entity("codelco", "Codelco", "Firm", ["Codelco"], country="CHL")
    hydro = Entity("hydro", "Hydro, Norsk", "Firm", ["Hydro, Norsk", "Norsk Hydro"])
    chl2 = Entity("chl", "Chile", "Country", ["Chile", "Chile's"], country="CHL")
    nor2 = Entity("nor", "Norway", "Country", ["Norway", "Norwegian"], country="NOR")
    t = TEXT2.split("\n")
    ties2 = [
        Tie("ana-rojas", "chl", "REPRESENTS", t[0], d2.id),
        Tie("ana-rojas", "nor", "BASED_IN", t[0], d2.id, implied=True),
        Tie("ana-rojas", "nor", "MEETS", t[0], d2.id, "2024-01-15", "diplomacy"),
        Tie("codelco", "hydro", "SUPPLIES", t[1], d2.id, "2024-01-15", "economy", item="copper"),
        Tie("hydro", "nor", "BASED_IN", t[1], d2.id, implied=True),
    ]
    return [Extraction(d1, [nor, chl, scl, atacama, equinor, nosa, csa, sat], ties1),
            Extraction(d2, [rojas, codelco, hydro, chl2, nor2], ties2)]


def world(path: Path) -> Store:
    """A store holding the two made-up documents."""
    db = Store(path, create=True)
    for ex in _docs():
        db.add_document(ex)
    return db


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    store = world(tmp_path_factory.mktemp("queries") / "store")
    yield store
    store.close()


@pytest.fixture(scope="module")
def store_dir(db) -> Path:
    return db.path


# -- resolving names -------------------------------------------------------------------------
def test_resolve_by_any_alias_case_insensitively(db):
    assert resolve(db, "NORWEGIAN").id == "nor"
    assert resolve(db, "nosa").name == "Norwegian Space Agency"
    assert resolve(db, "chl").name == "Chile"


def test_resolve_unknown_suggests_names(db):
    with pytest.raises(ValueError, match=r"no entity called 'Space'.*'Chilean Space Agency'"):
        resolve(db, "Space")


def test_resolve_ambiguous_lists_candidates(tmp_path):
    doc = Document.from_text("Georgia, the country and the state.", name="g")
    ents = [Entity("geo", "Georgia", "Country", ["Georgia", "Sakartvelo"], country="GEO"),
            Entity("georgia-us", "State of Georgia", "Place", ["Georgia", "Peach State"]),
            Entity("ga-firm", "Peach State Bank", "Firm", ["Peach State"])]
    with Store(tmp_path / "s", create=True) as s:
        s.add_document(Extraction(doc, ents, []))
        assert resolve(s, "GEORGIA").id == "geo"  # an exact name beats an alias
        with pytest.raises(ValueError, match=r"'peach state' is ambiguous: Peach State Bank \(Firm, id ga-firm\); "
                                             r"State of Georgia \(Place, id georgia-us\); use the id"):
            resolve(s, "peach state")


# -- the dyad report -------------------------------------------------------------------------
def test_members_follow_membership_chains_and_country_codes(db):
    norway = members(db, resolve(db, "Norway"))
    chile = members(db, resolve(db, "Chile"))
    assert {"nor", "nosa", "equinor", "hydro", "ana-rojas"} <= norway
    assert {"chl", "csa", "santiago", "atacama", "codelco", "ana-rojas"} <= chile


def test_ties_between_countries_and_their_entities(db):
    report = ties(db, "Norway", "Chile")
    triples = {(r["source"], r["type"], r["target"], r["via"]) for r in report.ties}
    assert ("Norway", "MEETS", "Chile", "") in triples
    assert ("Equinor", "INVESTS_IN", "Atacama region", "") in triples  # firm of one, place of the other
    assert ("Norwegian Space Agency", "PARTNERS_WITH", "Chilean Space Agency", "") in triples
    assert ("Codelco", "SUPPLIES", "Hydro, Norsk", "") in triples
    assert ("Chilean Space Agency", "PARTICIPATES_IN", "AuroraSat", "AuroraSat") in triples  # shared mission
    assert all(r["evidence"] for r in report.ties)
    assert ("SUPPLIES", "economy") in report.groups()
    assert report.counts()["PARTICIPATES_IN"] == 2


def test_ties_filters(db):
    only = ties(db, "Norway", "Chile", types=["supplies"])
    assert [r["type"] for r in only.ties] == ["SUPPLIES"]
    recent = ties(db, "Norway", "Chile", since=dt.date(2024, 1, 1))
    assert recent.ties and all(r["date"] >= dt.date(2024, 1, 1) for r in recent.ties)
    old = ties(db, "Norway", "Chile", until=dt.date(2023, 12, 31))
    assert {r["date"] for r in old.ties} == {dt.date(2023, 5, 2)}
    assert not ties(db, "Norway", "Chile", since=dt.date(2030, 1, 1)).ties
    assert all(not r["via"] for r in ties(db, "Norway", "Chile", shared=False).ties)


def test_ties_wrong_input(db):
    with pytest.raises(ValueError, match="same entity"):
        ties(db, "Norway", "norwegian")
    with pytest.raises(ValueError, match="unknown tie type 'FOO'"):
        ties(db, "Norway", "Chile", types=["FOO"])


# -- neighbours, paths, centrality, timeline, why --------------------------------------------
def test_neighbors(db):
    rows = neighbors(db, "NOSA")
    assert {(r["name"], r["depth"], r["via"]) for r in rows} == {
        ("Norway", 1, "BASED_IN"), ("Chilean Space Agency", 1, "PARTNERS_WITH"), ("AuroraSat", 1, "PARTICIPATES_IN")}
    two = neighbors(db, "NOSA", depth=2)
    assert {r["name"] for r in two if r["depth"] == 2} >= {"Chile", "Ana Rojas", "Hydro, Norsk"}
    only = neighbors(db, "NOSA", depth=2, types=["PARTNERS_WITH", "BASED_IN"])
    assert "AuroraSat" not in {r["name"] for r in only}
    with pytest.raises(ValueError):
        neighbors(db, "NOSA", depth=0)


def test_path_shortest_and_all(db):
    (p,) = path(db, "Equinor", "Chile")
    assert p["length"] == 2
    assert p["path"] == "Equinor -[INVESTS_IN]-> Atacama region -[LOCATED_IN]-> Chile"
    assert p["nodes"] == ["equinor", "atacama", "chl"] and len(p["ties"]) == 2
    every = path(db, "NOSA", "CSA", all=True, max=3)
    assert [x["length"] for x in every] == sorted(x["length"] for x in every)
    assert every[0]["path"] == "Norwegian Space Agency -[PARTNERS_WITH]-> Chilean Space Agency"
    assert any("AuroraSat" in x["path"] for x in every)
    assert all(x["length"] <= 3 for x in every)
    assert path(db, "Equinor", "Codelco", max=1) == []


def test_path_shows_parallel_ties_in_one_hop(db):
    (p,) = path(db, "Ana Rojas", "Norway")
    assert p["path"] == "Ana Rojas -[BASED_IN|MEETS]-> Norway" and len(p["ties"][0]) == 2


def test_top(db):
    by_degree = top(db, n=3)
    assert [(r["name"], r["degree"]) for r in by_degree[:2]] == [("Chile", 5), ("Norway", 5)]  # ties by name
    assert [r["rank"] for r in by_degree] == [1, 2, 3]
    firms = top(db, by="betweenness", label="firm")
    assert {r["label"] for r in firms} == {"Firm"} and len(firms) == 3
    pr = top(db, by="pagerank", n=20)
    assert abs(sum(r["pagerank"] for r in pr) - 1) < 1e-3
    with pytest.raises(ValueError, match="unknown measure"):
        top(db, by="fame")
    with pytest.raises(ValueError, match="unknown label"):
        top(db, label="Planet")


def test_timeline(db):
    months = timeline(db, "Norway", "Chile")
    assert [m["period"] for m in months] == ["2023-05", "2024-01", "undated"]
    assert months[0]["MEETS"] == 1 and months[0]["PARTICIPATES_IN"] == 2
    years = timeline(db, "Norway", "Chile", by="year")
    assert sum(y["total"] for y in years) == len(ties(db, "Norway", "Chile").ties)
    with pytest.raises(ValueError):
        timeline(db, "Norway", "Chile", by="week")


def test_why(db):
    meet = next(r for r in ties(db, "Norway", "Chile").ties if r["type"] == "MEETS" and r["source"] == "Norway")
    w = why(db, meet["id"])
    assert w["rule"] == "meet-verb" and w["confidence"] == 0.8
    assert w["document_title"] == "Norway and Chile talk space" and w["document_date"] == dt.date(2023, 5, 2)
    assert w["document_path"] == "news/nc-2023.txt"
    assert "Norway and Chile held talks" in w["context"]
    assert why(db, meet["id"][:8])["id"] == meet["id"]  # a unique start of the id is enough
    with pytest.raises(ValueError, match="is the start of several tie ids"):
        why(db, "t-")
    with pytest.raises(ValueError, match="no tie with id 't-nope'"):
        why(db, "t-nope")


# -- Cypher result formatting ----------------------------------------------------------------
def test_format_nodes_rels_paths(db):
    res = db.query("MATCH p=(e:Firm {id: 'equinor'})-[r:INVESTS_IN]->(x) RETURN e, r, p, r.date, x.aliases")
    (rec,) = rows_to_records(res)
    assert rec["e"] == "Firm:Equinor"
    assert rec["r"].startswith("INVESTS_IN {date: 2023-05-02, domain: energy, amount: 2500000000.0")
    assert rec["p"].startswith("(Firm:Equinor)-[INVESTS_IN") and rec["p"].endswith("->(Place:Atacama region)")
    assert rec["r.date"] == "2023-05-02" and rec["x.aliases"] == '["Atacama region", "Atacama"]'
    back = db.query("MATCH p=(c:Country {id: 'chl'})<-[:LOCATED_IN]-(x:Place {id: 'atacama'}) RETURN p")
    assert format_value(back.rows[0][0]) == "(Country:Chile)<-[LOCATED_IN]-(Place:Atacama region)"
    (plain,) = rows_to_records(res, plain=True)
    json.dumps(plain)  # serialisable
    assert plain["e"]["label"] == "Firm" and plain["e"]["name"] == "Equinor" and "_ID" not in plain["e"]
    assert plain["r"]["type"] == "INVESTS_IN" and plain["r"]["date"] == "2023-05-02"
    assert [n["name"] for n in plain["p"]["nodes"]] == ["Equinor", "Atacama region"]


def test_format_scalars():
    assert format_value(None) == "" and format_value(True) == "true" and format_value(1.5) == "1.5"
    assert format_value({"a": dt.date(2024, 1, 2)}) == '{"a": "2024-01-02"}'
    assert to_plain([dt.date(2024, 1, 2), {"x": (1, 2)}]) == ["2024-01-02", {"x": [1, 2]}]


# -- the commands ----------------------------------------------------------------------------
def run(store_dir: Path, *args: str):
    return CliRunner().invoke(cli, ["--store", str(store_dir), *args])


def test_cli_ties(store_dir):
    r = run(store_dir, "ties", "norway", "Chilean", "--json")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert {x["type"] for x in rows} >= {"MEETS", "SUPPLIES", "INVESTS_IN"}
    r = run(store_dir, "ties", "Norway", "Chile", "--types", "SUPPLIES", "--csv")
    assert r.stdout.splitlines()[0] == "type,domain,date,source,target,via,evidence,id"
    assert "Codelco,\"Hydro, Norsk\"" in r.stdout
    upto = json.loads(run(store_dir, "ties", "Norway", "Chile", "--until", "2023", "--json").stdout)
    assert upto and {x["date"] for x in upto} == {"2023-05-02"}  # --until YYYY means to the end of that year
    table = run(store_dir, "ties", "Norway", "Chile", "--since", "2024")
    assert "Ana Rojas" in table.stdout and "Equinor" not in table.stdout
    assert table.stdout.startswith("Norway - Chile: 2 ties (MEETS 1, SUPPLIES 1)") and "\nSUPPLIES (economy)\n  Codelco -[SUPPLIES]-> Hydro, Norsk  2024-01-15" in table.stdout
    full = run(store_dir, "ties", "Norway", "Chile").stdout
    assert "\nShared by both sides: AuroraSat (Mission)\n  Chilean Space Agency -[PARTICIPATES_IN]-> AuroraSat" in full


def test_cli_empty_and_wrong_input(store_dir):
    r = run(store_dir, "ties", "Norway", "Chile", "--since", "2030-01-01")
    assert r.exit_code == 0 and r.stderr.strip() == "No ties between Norway and Chile in that range or of those types."
    r = run(store_dir, "ties", "Norway", "Atlantis")
    assert r.exit_code == 1 and r.stderr.startswith("Error: no entity called 'Atlantis'") and len(r.stderr.splitlines()) == 1
    r = run(store_dir, "ties", "Norway", "Chile", "--since", "last week")
    assert r.exit_code == 2 and "is not a date" in r.stderr
    r = run(store_dir, "ties", "Norway", "Chile", "--types", "HUGS")
    assert r.exit_code == 1 and "unknown tie type 'HUGS'" in r.stderr
    r = run(store_dir, "path", "Equinor", "Codelco", "--max", "1")
    assert r.exit_code == 0 and r.stderr.strip() == "No path between 'Equinor' and 'Codelco' within 1 tie."
    r = run(store_dir, "why", "t-000")
    assert r.exit_code == 1 and r.stderr.startswith("Error: no tie with id 't-000'")
    r = run(store_dir, "top", "--label", "Planet")
    assert r.exit_code == 1 and "unknown label 'Planet'" in r.stderr
    r = run(store_dir, "query", "MATCH (n RETURN n")
    assert r.exit_code == 1 and r.stderr.startswith("Error: bad Cypher") and len(r.stderr.splitlines()) == 1


def test_cli_neighbors_path_top_timeline_why(store_dir):
    r = run(store_dir, "neighbors", "NOSA", "--depth", "2", "--nl")
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert {x["depth"] for x in lines} == {1, 2} and lines[0]["depth"] == 1
    r = run(store_dir, "path", "Equinor", "Chile")
    assert "Equinor -[INVESTS_IN]-> Atacama region -[LOCATED_IN]-> Chile" in " ".join(r.stdout.split())
    r = run(store_dir, "path", "NOSA", "CSA", "--all", "--max", "2", "--json")
    assert [p["length"] for p in json.loads(r.stdout)] == [1, 2]
    r = run(store_dir, "top", "--by", "degree", "-n", "2", "--json")
    assert [x["rank"] for x in json.loads(r.stdout)] == [1, 2]
    r = run(store_dir, "timeline", "Norway", "Chile", "--by", "year", "--csv")
    assert r.stdout.splitlines()[0].startswith("period,total,")
    tie_id = json.loads(run(store_dir, "ties", "Norway", "Chile", "--types", "MEETS", "--json").stdout)[0]["id"]
    w = json.loads(run(store_dir, "why", tie_id, "--json").stdout)
    assert w["id"] == tie_id and w["document_title"]
    table = run(store_dir, "why", tie_id)
    assert table.exit_code == 0 and "document_title" in table.stdout


def test_cli_query_prints_nodes_and_paths(store_dir):
    r = run(store_dir, "query", "MATCH p=(f:Firm {id: $f})-[t]->(x) RETURN f, p", "-p", "f", "codelco", "--json")
    (row,) = json.loads(r.stdout)
    assert row["f"]["name"] == "Codelco" and row["p"]["relationships"][0]["type"] == "SUPPLIES"
    r = run(store_dir, "query", "MATCH (f:Firm {id: 'codelco'}) RETURN f")
    assert "Firm:Codelco" in r.stdout


def test_every_command_has_an_example():
    for name in ("ties", "neighbors", "path", "top", "timeline", "why", "export", "import"):
        r = CliRunner().invoke(cli, [name, "--help"])
        assert r.exit_code == 0 and "Example" in r.output, name
