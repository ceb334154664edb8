"""Push and pull rates between the embedded store and Neo4j on a synthetic graph, and the same
3 queries timed on both backends.

    python benchmarks/neo4j_push.py                     # 1M ties, starts its own Neo4j server
    python benchmarks/neo4j_push.py --ties 100000 --json out.json

The synthetic graph is written to an embedded store with COPY (fast), then `push` copies it into
a fresh Neo4j started by scripts/neo4j-server (always stopped at the end), a second push shows
the cost of an idempotent re-push, and `pull` copies it back into a new embedded store.
Then the offline path for a first load (`tiesdb neo4j bulk-import`): the server is stopped,
the store written as neo4j-admin CSV and imported with neo4j-admin, the server started again
and tiesdb's constraints and indexes built; each step is timed.
Use --uri to test a server of your own: its database is WIPED first (and no bulk import).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tiesdb.graph.neo4j import Neo4jStore, pull, push  # noqa: E402
from tiesdb.graph.store import Store  # noqa: E402
from tiesdb.queries.export.neo4j_csv import admin_import, write_store_csv  # noqa: E402

# (type, source label, target label, share of ties)
MIX = [("MEETS", "Country", "Country", 0.15), ("TRADES_WITH", "Country", "Country", 0.05),
       ("PARTNERS_WITH", "Firm", "Firm", 0.15), ("INVESTS_IN", "Firm", "Country", 0.15),
       ("SUPPLIES", "Firm", "Country", 0.10), ("VISITS", "Person", "Country", 0.15),
       ("REPRESENTS", "Person", "Country", 0.05), ("BASED_IN", "Firm", "Country", 0.10),
       ("PARTICIPATES_IN", "Firm", "Initiative", 0.10)]
NODE_SHARE = {"Country": 200, "Initiative": 2000}  # fixed counts; the rest split Firm/Person
DOMAINS = ["economy", "defence", "space", "technology", "diplomacy", "energy"]
QUERIES = [
    ("1-hop neighbours of a country", "MATCH (c:Country {id: 'c-7'})-[r]-(x) RETURN DISTINCT x.id", {}),
    ("count ties by type", "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n", {}),
    ("firms of country A investing in country B",
     "MATCH (f:Firm)-[:BASED_IN]->(:Country {id: 'c-1'}) MATCH (f)-[i:INVESTS_IN]->(:Country {id: 'c-2'}) "
     "RETURN f.id, i.amount", {}),
]


def make_store(path: Path, n_nodes: int, n_ties: int, docs: int, seed: int = 7) -> dict[str, int]:
    """An embedded store with ``n_nodes`` entities and ``n_ties`` ties, written with COPY."""
    rng = random.Random(seed)
    tmp = Path(tempfile.mkdtemp(prefix="tiesdb-bench-csv-"))
    rest = max(n_nodes - sum(NODE_SHARE.values()), 2)
    counts = {**NODE_SHARE, "Firm": rest // 2, "Person": rest - rest // 2}
    prefix = {"Country": "c", "Initiative": "i", "Firm": "f", "Person": "p"}
    doc_ids = [f"doc-{i}" for i in range(docs)]
    with Store(path, create=True) as db:
        with open(tmp / "docs.csv", "w", newline="") as f:
            w = csv.writer(f)
            for i, d in enumerate(doc_ids):
                w.writerow([d, f"Synthetic document {i}", f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
                            f"synthetic/{d}.txt", f"{i:064x}", 120, f"Synthetic text of document {i}."])
        db.query(f"COPY Document FROM '{tmp / 'docs.csv'}' (header=false)", write=True)
        for label, n in counts.items():
            file = tmp / f"{label}.csv"
            with open(file, "w", newline="") as f:
                w = csv.writer(f)
                for i in range(n):
                    name = f"{label} {i}"
                    w.writerow([f"{prefix[label]}-{i}", name, f"[{name},{prefix[label].upper()}{i}]", "",
                                "", f"[{rng.choice(doc_ids)}]"])
            db.query(f"COPY {label} FROM '{file}' (header=false)", write=True)
        for ttype, sl, dl, share in MIX:
            file = tmp / f"{ttype}.csv"
            k = int(n_ties * share)
            with open(file, "w", newline="") as f:
                w = csv.writer(f)
                for i in range(k):
                    s = f"{prefix[sl]}-{rng.randrange(counts[sl])}"
                    t = f"{prefix[dl]}-{rng.randrange(counts[dl])}"
                    doc = rng.choice(doc_ids)
                    amount = f"{rng.randrange(1, 10**6) * 1000.0}" if ttype in ("INVESTS_IN", "TRADES_WITH") else ""
                    w.writerow([s, t, f"t-{ttype[:3].lower()}-{i}", f"{s} and {t}: synthetic evidence sentence {i}.",
                                doc, f"2025-{i % 12 + 1:02d}-{i % 28 + 1:02d}", rng.choice(DOMAINS), amount,
                                "USD" if amount else "", "", "bench", "0.5", 0, 40, "false"])
            db.query(f"COPY {ttype} FROM '{file}' (from='{sl}', to='{dl}', header=false)", write=True)
        stats = db.stats()
    for file in tmp.iterdir():
        file.unlink()
    tmp.rmdir()
    return {"documents": stats["documents"], "nodes": stats["nodes"], "ties": stats["ties"]}


def time_query(db, cypher: str, params: dict, runs: int) -> tuple[float, int]:
    """Median milliseconds over ``runs`` runs (after one warm-up) and the row count."""
    rows = len(db.query(cypher, params).rows)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        db.query(cypher, params)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), rows


def cpu_seconds(pid: int | None) -> float:
    """CPU time (user + system) used so far by process ``pid`` (0 when unknown)."""
    if pid is None:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# The benchmark server's memory (the environment overrides them): fits a 2-core 24 GB machine.
# A 4 GB heap and the throughput collector spend about half the GC time of 1 GB with G1.
SERVER_ENV = {"TIESDB_NEO4J_HEAP": "4g", "TIESDB_NEO4J_PAGECACHE": "1g",
              "TIESDB_NEO4J_JVM_OPTS": "-XX:+UseParallelGC"}


def server_settings() -> dict[str, str]:
    return {k: os.environ.get(k, v) for k, v in SERVER_ENV.items()}


SERVER = ["bash", str(ROOT / "scripts" / "neo4j-server")]


def start_server(state: Path | None = None) -> tuple[dict[str, str], Path]:
    """Start a throw-away server (or restart the one stopped with --keep at ``state``)."""
    reuse = ["--reuse"] if state else []
    state = state or Path(tempfile.mkdtemp(prefix="tiesdb-bench-neo4j-")) / "server.json"
    out = subprocess.run([*SERVER, "start", "--state", str(state), *reuse],
                         capture_output=True, text=True, env={**os.environ, **server_settings()})
    if out.returncode != 0:
        sys.exit(f"cannot start Neo4j: {out.stderr.strip()}")
    return dict(re.findall(r"(NEO4J_\w+)=(\S+)", out.stdout)), state


def bulk_import(source: Path, folder: Path, state: Path, graph: dict[str, int]) -> dict:
    """Stop the server, fill its database with neo4j-admin from the embedded store, restart it,
    build the constraints and indexes, check the counts. Seconds per step and ties/s."""
    subprocess.run([*SERVER, "stop", "--keep", "--state", str(state)], capture_output=True, check=True)
    os.environ.update(server_settings())  # the admin tool's heap
    steps: dict[str, float] = {}
    t0 = time.perf_counter()
    with Store(source, read_only=True) as src:
        write_store_csv(src, folder)
    steps["write csv"] = time.perf_counter() - t0
    steps["neo4j-admin import"] = admin_import(folder, [*SERVER, "admin", "--state", str(state), "--"],
                                               overwrite=True)
    t0 = time.perf_counter()
    env, _ = start_server(state)
    steps["server start"] = time.perf_counter() - t0
    with Neo4jStore(env["NEO4J_URI"], env["NEO4J_USER"], env["NEO4J_PASSWORD"]) as neo:
        t0 = time.perf_counter()
        neo.init(timeout=3600)
        steps["constraints and indexes"] = time.perf_counter() - t0
        stats = neo.stats()
    assert (stats["ties"], stats["nodes"]) == (graph["ties"], graph["nodes"]), stats
    total = sum(steps.values())
    offline = steps["write csv"] + steps["neo4j-admin import"]
    r = {"seconds": round(total, 1), "ties_per_s": round(graph["ties"] / total),
         "ties_per_s_files_and_import": round(graph["ties"] / offline),
         "phases_s": {k: round(v, 1) for k, v in steps.items()}}
    print(f"bulk import: {r}", file=sys.stderr)
    return r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ties", type=int, default=1_000_000)
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--batch", type=int, default=5000)
    ap.add_argument("--inflight", type=int, default=2, help="batches sent at once by push")
    ap.add_argument("--runs", type=int, default=10, help="runs per query timing")
    ap.add_argument("--uri", help="use this server (NEO4J_USER/NEO4J_PASSWORD from env); its data is WIPED")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="tiesdb-bench-"))
    results: dict = {"ties": args.ties, "nodes": args.nodes, "batch": args.batch, "inflight": args.inflight}
    t0 = time.perf_counter()
    results["graph"] = make_store(work / "source", args.nodes, args.ties, args.docs)
    results["build_embedded_s"] = round(time.perf_counter() - t0, 1)
    print(f"synthetic store: {results['graph']} in {results['build_embedded_s']}s", file=sys.stderr)

    state = pid = None
    if args.uri:
        env = {"NEO4J_URI": args.uri, "NEO4J_USER": os.environ.get("NEO4J_USER", "neo4j"),
               "NEO4J_PASSWORD": os.environ.get("NEO4J_PASSWORD", "")}
    else:
        env, state = start_server()
        pid = json.loads(state.read_text())["pid"]
        results["server_settings"] = server_settings()
    try:
        with Neo4jStore(env["NEO4J_URI"], env["NEO4J_USER"], env["NEO4J_PASSWORD"]) as neo:
            results["server"] = neo.server_agent
            for cypher in ("MATCH ()-[r]->() WITH r LIMIT 10000 DELETE r RETURN count(*)",
                           "MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*)"):
                while neo.query(cypher, write=True).rows[0][0]:
                    pass
            with Store(work / "source", read_only=True) as src:
                for name in ("push", "re-push"):
                    cpu0, srv0 = time.process_time(), cpu_seconds(pid)
                    rep = push(src, neo, batch=args.batch, inflight=args.inflight)
                    results[name] = {"seconds": round(rep.seconds, 1), "ties_per_s": round(rep.ties_per_second),
                                     "client_cpu_s": round(time.process_time() - cpu0, 1),
                                     "server_cpu_s": round(cpu_seconds(pid) - srv0, 1),
                                     "phases_s": {k: round(v, 1) for k, v in rep.phases.items()}}
                    print(f"{name}: {rep.summary()} phases {results[name]['phases_s']}", file=sys.stderr)
                assert neo.stats()["ties"] == results["graph"]["ties"]
                with Store(work / "pulled", create=True) as dst:
                    cpu0, srv0 = time.process_time(), cpu_seconds(pid)
                    rep = pull(neo, dst, batch=args.batch)
                    results["pull"] = {"seconds": round(rep.seconds, 1), "ties_per_s": round(rep.ties_per_second),
                                       "client_cpu_s": round(time.process_time() - cpu0, 1),
                                       "server_cpu_s": round(cpu_seconds(pid) - srv0, 1),
                                       "phases_s": {k: round(v, 1) for k, v in rep.phases.items()}}
                    print(f"pull: {rep.summary()} phases {results['pull']['phases_s']}", file=sys.stderr)
                    assert dst.stats()["ties"] == results["graph"]["ties"]
                results["queries_ms"] = {}
                for qname, cypher, params in QUERIES:
                    e_ms, e_rows = time_query(src, cypher, params, args.runs)
                    n_ms, n_rows = time_query(neo, cypher, params, args.runs)
                    assert e_rows == n_rows, (qname, e_rows, n_rows)
                    results["queries_ms"][qname] = {"embedded": round(e_ms, 2), "neo4j": round(n_ms, 2),
                                                    "rows": e_rows}
        if state is not None:
            results["bulk import"] = bulk_import(work / "source", work / "import", state, results["graph"])
    finally:
        if state is not None:
            subprocess.run([*SERVER, "stop", "--state", str(state)], capture_output=True)
            shutil.rmtree(state.parent, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)

    print(f"\n{results['graph']['ties']:,} ties, {results['graph']['nodes']:,} nodes on {results['server']}")
    for name in ("push", "re-push", "pull", "bulk import"):
        if name not in results:
            continue
        r = results[name]
        cpu = (f"CPU s: client {r['client_cpu_s']}, server {r['server_cpu_s'] or '?'}  " if "client_cpu_s" in r
               else f"(files + neo4j-admin alone: {r['ties_per_s_files_and_import']:,} ties/s)  ")
        print(f"{name:11} {r['seconds']:7.1f} s  {r['ties_per_s']:>9,} ties/s  {cpu}{r['phases_s']}")
    print(f"\n{'query':45} {'embedded ms':>12} {'neo4j ms':>10} {'rows':>6}")
    for qname, r in results["queries_ms"].items():
        print(f"{qname:45} {r['embedded']:12.2f} {r['neo4j']:10.2f} {r['rows']:6}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
