"""Shared fixtures: a small hand-made graph, a temporary store, and the CI rule for extras."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tiesdb.graph.model import Document, Entity, Extraction, Tie
from tiesdb.graph.store import Store

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def skip_or_fail(reason: str) -> None:
    """Skip a test that needs something missing here; under CI=true fail instead."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: browser and server tests must run)")
    pytest.skip(reason)


def small_extraction(text: str = "Japan and India held talks in Tokyo. Denso will invest in India.",
                     name: str = "small.txt") -> Extraction:
    """A hand-made extraction: two countries, a firm, a city, four ties."""
    doc = Document.from_text(text, name=name, title="Small test", date=None)
    ents = [Entity("jpn", "Japan", "Country", ["Japan", "Japanese"], country="JPN"),
            Entity("ind", "India", "Country", ["India", "Indian"], country="IND"),
            Entity("denso", "Denso", "Firm", ["DENSO"], country="JPN"),
            Entity("tokyo", "Tokyo", "Place")]
    s1, s2 = "Japan and India held talks in Tokyo.", "Denso will invest in India."
    ties = [Tie("jpn", "ind", "MEETS", s1, doc.id, "2025-07-28", "diplomacy", evidence_start=0, evidence_end=len(s1)),
            Tie("tokyo", "jpn", "LOCATED_IN", s1, doc.id, implied=True),
            Tie("denso", "ind", "INVESTS_IN", s2, doc.id, amount=2.5e9, currency="INR", domain="economy"),
            Tie("denso", "jpn", "BASED_IN", s2, doc.id, implied=True)]
    return Extraction(doc, ents, ties)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(store_path: Path):
    with Store(store_path, create=True) as db:
        yield db
