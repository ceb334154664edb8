"""`tiesdb view` end to end on a small store: what each selection draws, and its error lines."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import small_extraction
from tiesdb.cli import cli
from tiesdb.graph.store import Store


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("view") / "store"
    with Store(path, create=True) as db:
        db.add_document(small_extraction())
    return path


def run(store: Path, *args: str):
    return CliRunner().invoke(cli, ["--store", str(store), "view", *args])


def page_data(path: Path) -> dict:
    text = path.read_text("utf-8")
    return json.loads(re.search(r'type="application/json">(.*?)</script>', text, re.S).group(1))


def drawn(path: Path) -> tuple[set[str], set[str]]:
    data = page_data(path)
    return {n["id"] for n in data["nodes"]}, {e["type"] for e in data["edges"]}


def test_whole_graph(store: Path, tmp_path: Path):
    out = tmp_path / "all.html"
    result = run(store, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Wrote {out}: the whole graph, 4 nodes and 4 ties.")
    assert drawn(out) == ({"jpn", "ind", "denso", "tokyo"}, {"MEETS", "LOCATED_IN", "INVESTS_IN", "BASED_IN"})
    data = page_data(out)
    assert data["title"] == "The whole graph: 4 nodes, 4 ties"
    assert list(data["docs"].values())[0]["title"] == "Small test"


def test_around_with_depth(store: Path, tmp_path: Path):
    out = tmp_path / "tokyo.html"
    assert run(store, "--around", "Tokyo", "--depth", "1", "-o", str(out)).exit_code == 0
    assert drawn(out) == ({"tokyo", "jpn"}, {"LOCATED_IN"})
    assert page_data(out)["heading"] == "Around Tokyo, depth 1"
    out2 = tmp_path / "tokyo2.html"
    assert run(store, "--around", "tokyo", "--depth", "2", "-o", str(out2)).exit_code == 0
    assert drawn(out2)[0] == {"tokyo", "jpn", "ind", "denso"}


def test_between_draws_the_dyad(store: Path, tmp_path: Path):
    out = tmp_path / "dyad.html"
    result = run(store, "--between", "Japanese", "India", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Between Japan and India" in result.output
    # Japan's side includes Denso (BASED_IN Japan), so its investment in India belongs here.
    assert drawn(out) == ({"jpn", "ind", "denso"}, {"MEETS", "INVESTS_IN"})
    # Drawn in columns: Japan's side on the left, India's on the right.
    data = page_data(out)
    x = {n["id"]: n["x"] for n in data["nodes"]}
    assert x["jpn"] == x["denso"] < 0 < x["ind"]
    assert data["physics"] is False and all(n["fixed"] == {"x": True, "y": False} for n in data["nodes"])


def test_query_draws_returned_ties_or_nodes(store: Path, tmp_path: Path):
    out = tmp_path / "q.html"
    assert run(store, "--query", "MATCH p=(:Firm)-[:INVESTS_IN]->() RETURN p", "-o", str(out)).exit_code == 0
    assert drawn(out) == ({"denso", "ind"}, {"INVESTS_IN"})
    out = tmp_path / "r.html"
    assert run(store, "--query", "MATCH ()-[r:LOCATED_IN]->() RETURN r", "-o", str(out)).exit_code == 0
    assert drawn(out) == ({"tokyo", "jpn"}, {"LOCATED_IN"})
    out = tmp_path / "n.html"  # nodes only: the ties among them are drawn too
    assert run(store, "--query", "MATCH (c:Country) RETURN c", "-o", str(out)).exit_code == 0
    assert drawn(out) == ({"jpn", "ind"}, {"MEETS"})


def test_cap_is_reported(store: Path, tmp_path: Path):
    out = tmp_path / "cap.html"
    result = CliRunner().invoke(cli, ["--store", str(store), "view", "--max-nodes", "2", "-o", str(out)])
    assert result.exit_code == 0
    assert "Only the 2 best-connected nodes are drawn" in result.stderr
    assert len(drawn(out)[0]) == 2
    assert "2 nodes and 3 ties were cut" in page_data(out)["cut"]


@pytest.mark.parametrize("args, message", [
    (["--around", "Atlantis"], "Error: no entity called 'Atlantis'"),
    (["--query", "MATCH (c:Country) RETURN c.name"], "Error: the query returned no nodes, relationships or paths"),
    (["--query", "MATCH (f:Firm)-[:SIGNS]->(a) RETURN a"], "Error: the query matched nothing"),
    (["--between", "Japan", "Japan"], "Error: 'Japan' and 'Japan' are the same entity"),
])
def test_errors_are_one_line(store: Path, tmp_path: Path, args, message):
    result = run(store, *args, "-o", str(tmp_path / "x.html"))
    assert result.exit_code == 1
    assert result.output.strip().startswith(message) and result.output.strip().count("\n") == 0
    assert not (tmp_path / "x.html").exists()


def test_only_one_selection(store: Path):
    result = run(store, "--around", "Japan", "--query", "MATCH (n) RETURN n")
    assert result.exit_code == 2 and "use only one of --around, --between and --query" in result.output
