"""Score extraction against hand-made gold: precision, recall and F1, overall, per type, per label.

A gold folder holds ``articles/NAME.txt`` and ``gold/NAME.json`` (SCHEMA.md's extraction shape,
ties under "relations" or "ties", each flagged ``implied``). Matching follows SCHEMA.md: an
entity matches a gold one when any of its name or aliases equals any of the gold's (case,
punctuation, a possessive and a leading "the" ignored); a tie matches when both ends match and
the type is equal (ends unordered for symmetric types). Predicted ties that match only implied
gold ties are left out when scoring stated ties.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any, Callable

from tiesdb.graph import schema
from tiesdb.loaders.readers import LoadError


def norm(s: str) -> str:
    """The form names are compared in: ``norm("The India’s") == "india"``."""
    s = unicodedata.normalize("NFKC", s).lower()
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"^\s*the\s+", "", s)
    return " ".join(s.split())


def _forms(ent: dict[str, Any]) -> set[str]:
    out = {norm(ent.get("name", ""))} | {norm(a) for a in ent.get("aliases") or []}
    out.discard("")
    return out


def _prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict[str, float | int]:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "pred": n_pred, "gold": n_gold}


def _key(s: str, t: str, typ: str | None) -> tuple:
    if typ is None or typ in schema.SYMMETRIC:
        return (frozenset((s, t)), typ)
    return ((s, t), typ)


def score_document(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, list[int]]:
    """Counts [correct predicted, predicted, found gold, gold] per measure for one document.

    Measures: entities, entities_typed, ties_{untyped,typed}_{all,stated}, and
    ``type:NAME`` (typed ties, all) and ``label:NAME`` (typed entities) for each type and label.
    """
    g_ents, p_ents = gold.get("entities", []), pred.get("entities", [])
    g_ties = gold.get("relations", gold.get("ties", []))
    p_ties = pred.get("ties", pred.get("relations", []))
    glabel = {g["id"]: g["label"] for g in g_ents}
    index: dict[str, set[str]] = {}
    for g in g_ents:
        for f in _forms(g):
            index.setdefault(f, set()).add(g["id"])
    match = {p["id"]: set().union(*(index.get(f, set()) for f in _forms(p))) for p in p_ents}
    counts: dict[str, list[int]] = {}

    def bump(name: str, values: tuple[int, int, int, int]) -> None:
        c = counts.setdefault(name, [0, 0, 0, 0])
        for i, v in enumerate(values):
            c[i] += v

    for typed in (False, True):
        ok = sum(1 for p in p_ents if any(not typed or glabel[g] == p.get("label") for g in match[p["id"]]))
        found = {g for p in p_ents for g in match[p["id"]] if not typed or glabel[g] == p.get("label")}
        bump("entities_typed" if typed else "entities", (ok, len(p_ents), len(found), len(g_ents)))
    for label in schema.LABELS:
        preds = [p for p in p_ents if p.get("label") == label]
        golds = {g["id"] for g in g_ents if g["label"] == label}
        ok = sum(1 for p in preds if any(glabel[g] == label for g in match[p["id"]]))
        found = {g for p in preds for g in match[p["id"]] if g in golds}
        if preds or golds:
            bump(f"label:{label}", (ok, len(preds), len(found), len(golds)))
    for subset in ("all", "stated"):
        for typed in (False, True):
            gkeys: dict[tuple, bool] = {}
            for r in g_ties:
                k = _key(r["source"], r["target"], r["type"] if typed else None)
                gkeys[k] = gkeys.get(k, False) or not r.get("implied")
            wanted = {k for k, stated in gkeys.items() if subset == "all" or stated}
            found: set[tuple] = set()
            ok = n = 0
            per_type: dict[str, list[int]] = {}
            for t in p_ties:
                typ = t.get("type") if typed else None
                hits = {_key(gs, gt, typ) for gs in match.get(t.get("source"), ())
                        for gt in match.get(t.get("target"), ())} & gkeys.keys()
                if hits and not hits & wanted:
                    continue
                n += 1
                ok += bool(hits)
                found |= hits & wanted
                if typed and subset == "all":
                    c = per_type.setdefault(t.get("type"), [0, 0, 0, 0])
                    c[0] += bool(hits)
                    c[1] += 1
            bump(f"ties_{'typed' if typed else 'untyped'}_{subset}", (ok, n, len(found), len(wanted)))
            if typed and subset == "all":
                for k in wanted:
                    c = per_type.setdefault(k[1], [0, 0, 0, 0])
                    c[3] += 1
                    c[2] += k in found
                for typ, c in per_type.items():
                    bump(f"type:{typ}", tuple(c))
    return counts


def evaluate(gold_dir: str | Path, extractor: Callable[[Path], dict[str, Any]] | None = None) -> dict[str, Any]:
    """Score extraction on every ``gold/NAME.json`` with its ``articles/NAME.txt``.

    ``extractor`` maps an article path to the extraction dict (default: tiesdb's own
    ``extract``). Returns {measure: {p, r, f1, pred, gold}} for entities, entities_typed and
    ties_{typed,untyped}_{all,stated}, plus "per_type" and "per_label" ({name: {p, r, f1, ...}}),
    "documents", "words" and "per_document" (typed-ties F1 of each document).

    Examples
    --------
    >>> scores = evaluate("corpus")                       # doctest: +SKIP
    >>> scores["ties_typed_all"]["f1"]
    0.73
    """
    gold_dir = Path(gold_dir)
    golds = sorted((gold_dir / "gold").glob("*.json"))
    if not golds:
        raise LoadError(gold_dir, "no gold/NAME.json files (a gold folder has articles/ and gold/)")
    if extractor is None:
        from tiesdb.loaders import extract, read

        def extractor(path: Path) -> dict[str, Any]:
            return extract(read(path)[0]).to_dict()
    totals: dict[str, list[int]] = {}
    per_doc: dict[str, float] = {}
    words = 0
    for gp in golds:
        article = gold_dir / "articles" / (gp.stem + ".txt")
        if not article.exists():
            raise LoadError(article, "gold file without its article")
        try:
            gold = json.loads(gp.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            raise LoadError(gp, f"bad JSON ({e.msg} at line {e.lineno})")
        words += len(article.read_text(encoding="utf-8", errors="replace").split())
        counts = score_document(gold, extractor(article))
        per_doc[gp.stem] = _prf(*counts["ties_typed_all"])["f1"]
        for k, v in counts.items():
            t = totals.setdefault(k, [0, 0, 0, 0])
            for i in range(4):
                t[i] += v[i]
    out: dict[str, Any] = {k: _prf(*v) for k, v in sorted(totals.items()) if ":" not in k}
    out["per_type"] = {k[5:]: _prf(*v) for k, v in sorted(totals.items()) if k.startswith("type:")}
    out["per_label"] = {k[6:]: _prf(*v) for k, v in sorted(totals.items()) if k.startswith("label:")}
    out["documents"] = len(golds)
    out["words"] = words
    out["per_document"] = per_doc
    return out
