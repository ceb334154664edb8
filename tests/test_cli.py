"""The command line end to end on the example article (CliRunner), and its error lines."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from tiesdb.cli import cli
from tiesdb.examples import ARTICLE


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("cli") / "store"
    result = run("--store", str(store), "load", str(ARTICLE))
    assert result.exit_code == 0, result.output
    return store


def test_every_command_has_help_with_an_example():
    for name, command in cli.commands.items():
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert "Example" in result.output, f"tiesdb {name} --help has no example"


def test_version():
    assert run("--version").output.startswith("tiesdb, version ")


def test_load_prints_a_summary(loaded):
    out = json.loads(run("stats", "--store", str(loaded), "--json").stdout)
    assert out["documents"] == 1
    assert out["labels"]["Country"] >= 2 and out["ties"] >= 10


def test_loading_the_same_file_twice_changes_nothing(loaded):
    before = run("stats", "--store", str(loaded), "--json").stdout
    result = run("load", "--store", str(loaded), str(ARTICLE))
    assert result.exit_code == 0, result.output
    assert run("stats", "--store", str(loaded), "--json").stdout == before


def test_query_with_parameters_in_every_format(loaded):
    q = "MATCH (c:Country) WHERE c.name = $name RETURN c.name AS name, c.country AS iso"
    rows = json.loads(run("query", q, "-p", "name", "Germany", "--store", str(loaded), "--json").stdout)
    assert rows == [{"name": "Germany", "iso": "DEU"}]
    csv_out = run("query", q, "-p", "name", "India", "--store", str(loaded), "--csv").stdout
    assert csv_out.splitlines() == ["name,iso", "India,IND"]
    nl = run("query", q, "-p", "name", "India", "--store", str(loaded), "--nl").stdout
    assert json.loads(nl) == {"name": "India", "iso": "IND"}
    table = run("query", q, "-p", "name", "India", "--store", str(loaded)).stdout
    assert "India" in table and "IND" in table


def test_query_returns_nodes_and_relationships_readably(loaded):
    out = run("query", "MATCH (a:Country)-[t]-(b:Country) RETURN a, t, b LIMIT 1",
              "--store", str(loaded), "--json").stdout
    row = json.loads(out)[0]
    assert row["a"]["label"] == "Country" and row["t"]["type"] and row["t"]["evidence"]


def test_query_refuses_writes_without_flag(loaded):
    result = run("query", "CREATE (:Country {id: 'zzz', name: 'Z'})", "--store", str(loaded))
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("Error:") and "--write" in result.stderr


def test_export_and_view_from_the_store(loaded, tmp_path):
    out = tmp_path / "g.json"
    result = run("export", "--store", str(loaded), "--format", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert len(data["nodes"]) == json.loads(run("stats", "--store", str(loaded), "--json").stdout)["nodes"]
    html = tmp_path / "v.html"
    result = run("view", "--store", str(loaded), "-o", str(html))
    assert result.exit_code == 0, result.output
    text = html.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "Germany" in text
    assert 'src="http' not in text and 'href="http' not in text   # nothing loaded from a network


def test_extract_prints_the_interchange_json():
    data = json.loads(run("extract", str(ARTICLE), "--format", "json").stdout)
    assert set(data) >= {"doc", "entities", "ties"}
    names = {e["name"] for e in data["entities"]}
    assert {"Germany", "India"} <= names
    ids = {e["id"] for e in data["entities"]}
    assert all(t["source"] in ids and t["target"] in ids and t["evidence"] for t in data["ties"])


def test_missing_store_is_one_line(tmp_path):
    result = run("stats", "--store", str(tmp_path / "nowhere"))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: no store at")


def test_bad_path_is_named_and_exit_is_nonzero(tmp_path):
    result = run("load", "--store", str(tmp_path / "s"), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr and "Traceback" not in result.output


def test_bad_cypher_is_one_line(loaded):
    result = run("query", "MATCH (n RETURN n", "--store", str(loaded))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: bad Cypher") and result.stderr.count("\n") == 1


def test_usage_error_exits_2():
    assert run("query").exit_code == 2
    assert run("stats", "--nope").exit_code == 2


def test_demo_writes_view_and_export(tmp_path):
    result = run("demo", "--dir", str(tmp_path / "demo"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "demo" / "graph.html").stat().st_size > 10_000
    g = nx.read_graphml(tmp_path / "demo" / "graph.graphml")
    assert g.number_of_nodes() > 5
    assert "Try next" in result.output
