"""Extraction speed: words/s on one core with the spaCy model, and the overhead of tiesdb's rules
on top of spaCy's own parse of the same text (both measured in this one run).

    python benchmarks/extract_speed.py [--runs N] [--json] [FOLDER ...]

FOLDERs default to the dev corpus (../shared/corpus/articles, when present) and every article
folder under tests/fixtures: about 70 distinct articles, 15,000 words. Each text is read once per
run (no repeats) and the caches tiesdb keeps of names and sentences are emptied before each run,
so nothing is timed warm that a new article would not find warm. Targets (issue 4): >= 5,000
words/s and total/spaCy <= 1.3.

Three things are timed on the same texts: spaCy's own default pipeline for the model (every
component, as shipped), the components tiesdb runs (the sentence recogniser and NER), and
tiesdb's whole extraction (cleaning, that parse, the rules). Both wall time and CPU time (this
process, one thread) are measured. On a shared machine the CPU-time rate is the one-core rate: it
does not count the time other jobs hold the core.
"""
from __future__ import annotations

import argparse
import functools
import importlib
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tiesdb.loaders import clean, extract_many, iter_read, read  # noqa: E402
from tiesdb.loaders.mentions import MODEL, nlp  # noqa: E402


def text_caches() -> list:
    """The loaders' caches of names and sentences (not the once-built gazetteer tables)."""
    mods = [importlib.import_module(f"tiesdb.loaders.{m}") for m in ("gazetteer", "mentions", "resolve", "relate")]
    return [f for m in mods for f in vars(m).values()
            if isinstance(f, functools._lru_cache_wrapper) and (f.cache_info().maxsize or 0) > 1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    shared = ROOT.parent / "shared" / "corpus" / "articles"
    default = ([shared] if shared.is_dir() else []) + sorted((ROOT / "tests" / "fixtures").glob("*/articles")) + \
        [ROOT / "tests" / "fixtures" / "articles"]
    ap.add_argument("folders", nargs="*", type=Path, default=default)
    ap.add_argument("--runs", type=int, default=3, help="interleaved runs; the best of each is kept")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")

    docs = [d for f in args.folders for d in iter_read(f) if not isinstance(d, Exception)]
    if not docs:
        print(f"no documents in {', '.join(map(str, args.folders))}", file=sys.stderr)
        return 1
    model = nlp()
    if model is None:
        print("the spaCy model is not installed: nothing to compare with", file=sys.stderr)
        return 1
    words = sum(clean(d).words for d in docs)
    batch = docs

    # warm up once on a text outside the set (model load, gazetteer tables)
    list(extract_many(read(ROOT / "tiesdb" / "examples" / "germany-india.txt")))

    import spacy

    shipped = spacy.load(MODEL)  # every component, as the model ships
    list(shipped.pipe([clean(d).text for d in docs[:2]]))  # warm up
    texts = [clean(d).text for d in batch]
    # interleaved runs, best of each: the machine may be shared, and the best run is the least disturbed
    t_spacy = t_total = c_spacy = c_total = t_full = c_full = float("inf")
    for _ in range(args.runs):
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in shipped.pipe(texts, batch_size=16):
            pass
        t_full, c_full = min(t_full, time.perf_counter() - t0), min(c_full, time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in model.pipe(texts, batch_size=16):
            pass
        t_spacy, c_spacy = min(t_spacy, time.perf_counter() - t0), min(c_spacy, time.process_time() - c0)
        for cache in text_caches():
            cache.cache_clear()
        t0, c0 = time.perf_counter(), time.process_time()
        n_ties = sum(len(x.ties) for x in extract_many(batch))
        t_total, c_total = min(t_total, time.perf_counter() - t0), min(c_total, time.process_time() - c0)

    result = {"documents": len(batch), "words": words, "ties": n_ties,
              "spacy_seconds": round(t_spacy, 3), "total_seconds": round(t_total, 3),
              "spacy_words_per_s": round(words / t_spacy), "words_per_s": round(words / t_total),
              "overhead": round(t_total / t_spacy, 3),
              "spacy_cpu_seconds": round(c_spacy, 3), "total_cpu_seconds": round(c_total, 3),
              "spacy_words_per_cpu_s": round(words / c_spacy), "words_per_cpu_s": round(words / c_total),
              "overhead_cpu": round(c_total / c_spacy, 3), "load_average": os.getloadavg()[0],
              "spacy_default_pipeline": shipped.pipe_names, "spacy_default_words_per_s": round(words / t_full),
              "spacy_default_words_per_cpu_s": round(words / c_full),
              "total_vs_spacy_default_cpu": round(c_total / c_full, 3)}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['documents']} documents, {words} words ({', '.join(str(f) for f in args.folders)})")
        print(f"spaCy as shipped      : {t_full:6.2f} s  {result['spacy_default_words_per_s']:>7,} words/s  "
              f"({', '.join(shipped.pipe_names)})")
        print(f"spaCy as tiesdb runs it: {t_spacy:6.2f} s  {result['spacy_words_per_s']:>7,} words/s")
        print(f"tiesdb extraction    : {t_total:6.2f} s  {result['words_per_s']:>7,} words/s  "
              f"(overhead x{result['overhead']:.2f} on spaCy; target <= 1.3, >= 5,000 words/s)")
        print(f"per CPU second       : spaCy {result['spacy_words_per_cpu_s']:,} words, tiesdb "
              f"{result['words_per_cpu_s']:,} words (overhead x{result['overhead_cpu']:.2f}; "
              f"x{result['total_vs_spacy_default_cpu']:.2f} of spaCy as shipped; "
              f"load average {result['load_average']:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
