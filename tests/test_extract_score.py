"""Extraction quality on the shared dev corpus, as a ratchet: the scores never fall below the best
reached so far (raise BEST when extraction improves; never lower it).

The dev-corpus part is skipped when ../shared/corpus is absent. The shared scorer (../shared/eval/score.py), when present,
must agree with ``tiesdb.loaders.evaluate``.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tiesdb.loaders import extract, read
from tiesdb.loaders.evaluate import evaluate

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"

#: Best scores reached on the dev corpus (F1); the bar from issue 4 is 0.85 / 0.55.
BEST = {
    "entities": 0.962,
    "entities_typed": 0.953,
    "ties_typed_all": 0.886,
    "ties_typed_stated": 0.907,
    "ties_untyped_all": 0.900,
}
#: The same ratchet on our own small annotated set (tests/fixtures/gold), which always runs: a check
#: that the rules are general, since none of them was written for these articles' wording.
OWN = ROOT / "tests" / "fixtures" / "gold"
OWN_BEST = {"entities": 0.979, "ties_typed_all": 0.855}
#: And on sets written and annotated blind by other engineers, in tests/fixtures/NAME. Each was scored once
#: before any fix made from it (first looks, entities F1 / typed ties F1: heldout 0.807 / 0.544, blind2
#: 0.848 / 0.478, blind3 0.856 / 0.588, blind4 0.856 / 0.600, blind5 0.889 / 0.628, blind6a 0.872 / 0.569,
#: blind6b 0.852 / 0.641, blind7 0.898 / 0.619, blind8a 0.907 / 0.727, blind8b 0.860 / 0.544, blind9 0.903 /
#: 0.685) and then tuned on in a later round (blind5 in round 12, blind6a in 13, blind6b in 14, blind7 in
#: 15, blind8a in 16, blind8b in 17, blind9 in 18, blind10 and blind12 in 19), so they are no longer blind
#: (blind10 first 0.887 / 0.605, blind12 0.880 / 0.553). blind11 (8 articles, written during round 19) was
#: never diagnosed: the honest estimate for unseen text (0.902 / 0.629 before round 19, 0.902 / 0.643 after),
#: and so was blind13 (8 articles, written at the end of round 19: 0.886 / 0.600 with the code before it,
#: 0.895 / 0.609 after) until round 20 was made on it. Two values were lowered once, in round 20, by a fix
#: of a bug that had scored by luck: titles were read inside words ("Ms" in "reforms", "King" in
#: "kingdom"), which gave blind9 one right REPRESENTS tie (0.734 -> 0.732); and blind13's entities lost
#: 0.001 when capitals that act ("Beijing rejects") became their country instead of a place of their own.
#: blind14 (8 articles, written during round 20): 0.901 / 0.640 with the code of the start of round 19,
#: 0.901 / 0.632 after round 20. The one article that moved was looked into (a right home country for an
#: envoy had shifted the guess for two bare titles), and one rule came of it (titles few countries use:
#: "Chancellor X" in a Kenya-Germany text), 0.901 / 0.643; so blind14 is half-blind now. blind15 (8 articles,
#: written at the end of round 20) was scored once with the code of the start of round 19 (0.875 / 0.578)
#: and once at the end (0.875 / 0.588), never looked into until round 21 was made on it (with the rest of
#: blind14). blind16 (8 articles, written at the start of round 21 by two engineers, four each): 0.875 /
#: 0.639 with the code of the start of round 21, 0.878 / 0.645 near its end, never diagnosed; two lines
#: were looked at (an entity a round-21 rule lost there, a territory in a minister's title, now kept; and
#: one supply tie the contract rule got backwards, 0.652 once fixed). With blind11 it was the estimate for
#: unseen text until round 22 was made on both. blind17 (8 articles, written at the start of round 22):
#: 0.871 / 0.586 with the code of the start of round 22, 0.874 / 0.596 at its end, never diagnosed
#: until round 23 was made on it (0.895 / 0.646 after). Round 23 lowered blind16's ties once (0.690 ->
#: 0.689): a minister's visit had been right by luck, through a place read from a which-clause that now
#: no longer lends its place to the visit. blind18 (8 articles, written at the start of round 23 by two
#: engineers, four each): 0.881 / 0.606 with the code of the start of round 23, 0.881 / 0.602 at its end,
#: never diagnosed until round 24 was made on it (0.899 / 0.624 after). Round 24 lowered three ties values
#: once, each by one tie the annotators of two sets judged differently: our gold (0.859 -> 0.857) keeps a
#: "joint statement" with no signatories, where blind18 and blind17 have the leaders who speak in it sign
#: it; blind13 (0.664 -> 0.662) and blind15 (0.635 -> 0.633) lost one each to named projects now found
#: ("the Argentina LNG project": the country named in the sentence, and a grouping there, are read as its
#: participants). blind19 (8 articles, written at the start of round 24 by two engineers, four each, with
#: denser gold: 56-89 ties an article): 0.883 / 0.528 with the code of the start of round 24, 0.887 / 0.532
#: at its end, never diagnosed until round 25 was made on it (0.915 / 0.618 after). Round 25 lowered our gold
#: once (0.981 / 0.857 -> 0.979 / 0.855): "signed a contract with X" is now an agreement both sign, as the
#: annotators of blind19 and blind3 have it; our gold has no agreement for "signed a contract with Hyundai
#: Rotem". blind20 (8 articles, written at the start of round 25 by two engineers, four each): 0.876 / 0.554
#: with the code of the start of round 25, 0.879 / 0.562 at its end, never diagnosed (one gold line was read
#: to check how annotators name "an agreement with X to build Y"); the honest estimate for unseen text.
BLIND_BEST = {
    "heldout": {"entities": 0.973, "ties_typed_all": 0.897},
    "blind2": {"entities": 0.967, "ties_typed_all": 0.833},
    "blind3": {"entities": 0.951, "ties_typed_all": 0.786},
    "blind4": {"entities": 0.928, "ties_typed_all": 0.707},
    "blind5": {"entities": 0.968, "ties_typed_all": 0.803},
    "blind6a": {"entities": 0.926, "ties_typed_all": 0.714},
    "blind6b": {"entities": 0.935, "ties_typed_all": 0.757},
    "blind7": {"entities": 0.936, "ties_typed_all": 0.735},
    "blind8a": {"entities": 0.930, "ties_typed_all": 0.847},
    "blind8b": {"entities": 0.889, "ties_typed_all": 0.641},
    "blind9": {"entities": 0.940, "ties_typed_all": 0.751},
    "blind10": {"entities": 0.904, "ties_typed_all": 0.649},
    "blind11": {"entities": 0.927, "ties_typed_all": 0.703},
    "blind12": {"entities": 0.950, "ties_typed_all": 0.732},
    "blind13": {"entities": 0.911, "ties_typed_all": 0.671},
    "blind14": {"entities": 0.920, "ties_typed_all": 0.680},
    "blind15": {"entities": 0.917, "ties_typed_all": 0.653},
    "blind16": {"entities": 0.928, "ties_typed_all": 0.701},
    "blind17": {"entities": 0.906, "ties_typed_all": 0.652},
    "blind18": {"entities": 0.903, "ties_typed_all": 0.639},
    "blind19": {"entities": 0.915, "ties_typed_all": 0.618},
    "blind20": {"entities": 0.879, "ties_typed_all": 0.562},
}

needs_corpus = pytest.mark.skipif(not (CORPUS / "gold").is_dir(), reason="no ../shared/corpus here")


@pytest.mark.parametrize("measure", sorted(OWN_BEST))
def test_own_gold_score_does_not_fall(measure):
    scores = evaluate(OWN)
    assert scores[measure]["f1"] >= OWN_BEST[measure] - 0.0005, scores[measure]


@pytest.mark.parametrize("name", sorted(BLIND_BEST))
def test_blind_sets_score_does_not_fall(name):
    scores = evaluate(ROOT / "tests" / "fixtures" / name)
    for measure, f1 in BLIND_BEST[name].items():
        assert scores[measure]["f1"] >= f1 - 0.0005, (measure, scores[measure])


@pytest.fixture(scope="module")
def predictions(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pred")
    for article in sorted((CORPUS / "articles").glob("*.txt")):
        x = extract(read(article)[0])
        (out / f"{article.stem}.json").write_text(json.dumps(x.to_dict()))
    return out


@pytest.fixture(scope="module")
def scores(predictions) -> dict:
    return evaluate(CORPUS, lambda path: json.loads((predictions / f"{path.stem}.json").read_text()))


@needs_corpus
@pytest.mark.parametrize("measure", sorted(BEST))
def test_score_does_not_fall(scores, measure):
    assert scores[measure]["f1"] >= BEST[measure] - 0.0005, scores[measure]


@needs_corpus
def test_scores_meet_the_bar(scores):
    assert scores["entities"]["f1"] >= 0.85
    assert scores["ties_typed_all"]["f1"] >= 0.55


@needs_corpus
def test_per_type_and_label_scores_are_reported(scores):
    assert {"MEETS", "REPRESENTS"} <= set(scores["per_type"]) and {"Country", "Person"} <= set(scores["per_label"])
    assert set(scores["per_document"]) == {p.stem for p in (CORPUS / "gold").glob("*.json")}


@needs_corpus
def test_evaluate_agrees_with_the_shared_scorer(predictions, scores):
    if not SCORER.exists():
        pytest.skip("no ../shared/eval/score.py here")
    out = subprocess.run([sys.executable, str(SCORER), "--gold", str(CORPUS), "--pred", str(predictions), "--json"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    theirs = json.loads(out.stdout)
    for measure in ("entities", "entities_typed", "ties_untyped_all", "ties_typed_all", "ties_untyped_stated",
                    "ties_typed_stated"):
        assert scores[measure] == theirs[measure], measure
