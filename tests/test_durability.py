"""A document loads whole or not at all, even when the loading process is killed (SIGKILL)."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tiesdb.graph.model import Document, Entity, Extraction, Tie
from tiesdb.graph.store import Store

DOCS, TIES_PER_DOC = 40, 300


def write_extractions(folder: Path) -> dict[str, int]:
    """Extract-JSON files (loadable with `tiesdb load`), each a document with many ties."""
    folder.mkdir()
    expected = {}
    for d in range(DOCS):
        text = f"Report {d}: firms of the two countries agreed on many things."
        doc = Document.from_text(text, name=f"report-{d}.txt", title=f"Report {d}")
        ents = [Entity("jpn", "Japan", "Country", country="JPN"), Entity("ind", "India", "Country", country="IND")]
        ents += [Entity(f"firm-{d}-{i}", f"Firm {d}-{i}", "Firm") for i in range(TIES_PER_DOC)]
        ties = [Tie(f"firm-{d}-{i}", "ind", "INVESTS_IN", f"Firm {d}-{i} invests in India ({i}).", doc.id,
                    amount=float(i), currency="USD") for i in range(TIES_PER_DOC)]
        (folder / f"report-{d}.json").write_text(json.dumps(Extraction(doc, ents, ties).to_dict()))
        expected[doc.id] = TIES_PER_DOC
    return expected


def killed_load(tmp_path: Path, wal_bytes: int = 200_000) -> tuple[list[str], dict[str, int], Path]:
    """Start `tiesdb load` on many documents and SIGKILL it once its log holds ``wal_bytes``."""
    expected = write_extractions(tmp_path / "sheets")
    store = tmp_path / "store"
    files = sorted(str(p) for p in (tmp_path / "sheets").glob("*.json"))
    cmd = [sys.executable, "-m", "tiesdb", "--store", str(store), "load", *files]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        wal = [p for p in store.glob("*") if p.suffix == ".wal"] if store.exists() else []
        if wal and wal[0].stat().st_size > wal_bytes:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the load finished before it could be killed; make it bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return cmd, expected, store


def assert_whole_documents(store: Path, expected: dict[str, int]) -> set[str]:
    with Store(store) as db:
        stored = {d["id"] for d in db.documents()}
        assert stored < set(expected)                       # killed part-way
        per_doc = dict(db.query("MATCH ()-[t:INVESTS_IN]->() RETURN t.doc, count(*)").rows)
        assert per_doc == {doc: expected[doc] for doc in stored}   # no half-written document
    return stored


def test_sigkill_mid_load_leaves_only_whole_documents(tmp_path):
    cmd, expected, store = killed_load(tmp_path)
    assert_whole_documents(store, expected)
    # Loading again finishes the job and changes nothing already stored.
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    with Store(store, read_only=True) as db:
        assert db.stats()["ties"] == DOCS * TIES_PER_DOC


def test_kill_in_the_middle_of_a_commit_drops_only_that_document(tmp_path, capsys):
    """A kill that lands while a commit is being written leaves a torn WAL record (seen in CI)."""
    _, expected, store = killed_load(tmp_path, wal_bytes=2_500_000)   # ~6 documents in
    wal = next(p for p in store.iterdir() if p.suffix == ".wal")
    size = wal.stat().st_size
    counts = []
    for i, cut in enumerate(range(size // 7, size, size // 7)):   # six cuts through the log
        torn = tmp_path / f"torn{i}"
        shutil.copytree(store, torn)
        with open(torn / wal.name, "r+b") as f:
            f.truncate(cut)
        counts.append(len(assert_whole_documents(torn, expected)))
        assert "was not closed cleanly" in capsys.readouterr().err
        with Store(torn) as db:                              # recovered for good: a clean reopen
            assert len(db.documents()) == counts[-1]
        assert capsys.readouterr().err == ""
    assert counts == sorted(counts) and counts[-1] > counts[0]
