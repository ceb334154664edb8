"""Documents in, entities and ties out: read -> clean -> mentions -> resolve -> relate.

Public entry points (each a plain function):
- ``read(path)``: a file, a folder (recursive) or "-" for stdin -> Documents
- ``extract(doc)``: one Document -> Extraction (entities + ties with evidence)
- ``extract_many(docs)``: the same for many documents, parsing them with ``nlp.pipe``
- ``load(store, paths)``: read, extract and store, returning a LoadReport
- ``read_sheet(path)``: a CSV/JSON tie sheet or an extract JSON -> Extractions
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from tiesdb.graph.model import Document, Extraction
from tiesdb.loaders.clean import clean, clean_text
from tiesdb.loaders.mentions import find_mentions, nlp
from tiesdb.loaders.readers import LoadError, iter_read, read, read_bytes
from tiesdb.loaders.relate import relate
from tiesdb.loaders.resolve import resolve

__all__ = ["read", "iter_read", "read_bytes", "LoadError", "clean", "clean_text", "extract", "extract_many",
           "load", "LoadReport", "read_sheet", "find_mentions", "resolve", "relate"]


def _extract_parsed(doc: Document, spacy_doc: Any) -> Extraction:
    parsed = find_mentions(doc.text, spacy_doc)
    res = resolve(parsed, doc.title)
    ties = relate(parsed, res, doc)
    used = {m.entity for m in parsed.mentions if m.entity} | {t.source for t in ties} | {t.target for t in ties}
    entities = [e for eid, e in res.entities.items() if eid in used]
    return Extraction(doc=doc, entities=entities, ties=ties)


def extract(doc: Document) -> Extraction:
    """Clean ``doc`` and read its entities and ties.

    Works without the spaCy model (rules only, lower recall; a warning is printed once).

    Examples
    --------
    >>> from tiesdb.graph.model import Document
    >>> x = extract(Document.from_text("India and Japan signed the Clean Energy Agreement in Tokyo."))
    >>> sorted(e.name for e in x.entities)
    ['Clean Energy Agreement', 'India', 'Japan', 'Tokyo']
    """
    doc = clean(doc)
    model = nlp()
    return _extract_parsed(doc, model(doc.text) if model is not None else None)


def extract_many(docs: Iterable[Document], batch_size: int = 16) -> Iterator[Extraction]:
    """``extract`` for many documents, parsed in batches with ``nlp.pipe`` (faster)."""
    model = nlp()
    cleaned = (clean(d) for d in docs)
    if model is None:
        for d in cleaned:
            yield _extract_parsed(d, None)
        return
    batch: list[Document] = []
    for d in cleaned:
        batch.append(d)
        if len(batch) >= batch_size:
            yield from (_extract_parsed(x, sd) for x, sd in zip(batch, model.pipe([b.text for b in batch])))
            batch = []
    if batch:
        yield from (_extract_parsed(x, sd) for x, sd in zip(batch, model.pipe([b.text for b in batch])))


@dataclass
class LoadReport:
    """What ``load`` did: counts, skipped files with the reason, speed."""
    loaded: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    entities: int = 0
    ties: int = 0
    words: int = 0
    seconds: float = 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        return (f"{len(self.loaded)} documents loaded, {len(self.present)} already present, "
                f"{len(self.skipped)} skipped; {self.entities} entities, {self.ties} ties; "
                f"{self.words} words in {self.seconds:.1f} s ({self.words_per_second:,.0f} words/s)")

    def to_dict(self) -> dict[str, Any]:
        return {"loaded": self.loaded, "present": self.present,
                "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
                "entities": self.entities, "ties": self.ties, "words": self.words,
                "seconds": round(self.seconds, 3), "words_per_second": round(self.words_per_second, 1)}


def _gather(paths: Iterable[str | Path], report: LoadReport,
            known: Callable[[str], bool]) -> list[Document | Extraction]:
    """Every document to extract and every tie-sheet extraction, skipping bad and known ones."""
    from tiesdb.loaders.sheets import SHEET_EXTENSIONS, read_sheet

    items: list[Document | Extraction] = []
    for path in paths:
        if Path(str(path)).suffix.lower() in SHEET_EXTENSIONS:
            try:
                found: Iterable[Document | Extraction | LoadError] = read_sheet(path)
            except LoadError as e:
                found = [e]
        else:
            found = iter_read(path)
        for item in found:
            if isinstance(item, LoadError):
                report.skipped.append((item.path, item.reason))
            elif known(item.id if isinstance(item, Document) else item.doc.id):
                report.present.append(item.id if isinstance(item, Document) else item.doc.id)
            else:
                items.append(item)
    return items


def _extract_chunk(docs: list[Document]) -> list[Extraction]:
    return list(extract_many(docs))


def _extract_all(items: list[Document | Extraction], workers: int) -> Iterator[Extraction]:
    """Extractions in the order of ``items``; documents are extracted on ``workers`` processes."""
    docs = [d for d in items if isinstance(d, Document)]
    if workers > 1 and len(docs) >= 2 * workers:
        from concurrent.futures import ProcessPoolExecutor

        size = max(4, min(32, len(docs) // (workers * 4) or 1))
        chunks = [docs[i:i + size] for i in range(0, len(docs), size)]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            done = (x for chunk in pool.map(_extract_chunk, chunks) for x in chunk)
            by_doc = iter(done)
            for item in items:
                yield next(by_doc) if isinstance(item, Document) else item
        return
    extracted = extract_many(docs)
    for item in items:
        yield next(extracted) if isinstance(item, Document) else item


def load(store: Any, paths: Iterable[str | Path] | str | Path,
         progress: Callable[[int, int, str], None] | None = None, workers: int | None = None) -> LoadReport:
    """Read, extract and store documents (files, folders, "-", tie sheets); idempotent.

    Documents already in the store are skipped before extraction; bad files are skipped with
    their reason (``report.skipped``). ``progress(done, total, path)`` is called after each
    document (the CLI passes a progress bar). ``workers`` processes extract in parallel
    (default: both cores for 40 documents or more, else one).

    Examples
    --------
    >>> import tiesdb                                        # doctest: +SKIP
    >>> with tiesdb.open("tiesdb-data", create=True) as db:
    ...     print(load(db, ["articles/"]).summary())
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    report = LoadReport()
    t0 = time.perf_counter()
    known = getattr(store, "has_document", lambda doc_id: False)
    items = _gather(list(paths), report, known)
    n_docs = sum(isinstance(i, Document) for i in items)
    if workers is None:
        workers = min(2, os.cpu_count() or 1) if n_docs >= 40 else 1
    for done, x in enumerate(_extract_all(items, workers), start=1):
        if store.add_document(x):
            report.loaded.append(x.doc.id)
            report.entities += len(x.entities)
            report.ties += len(x.ties)
        else:
            report.present.append(x.doc.id)
        report.words += x.doc.words
        if progress is not None:
            progress(done, len(items), x.doc.path or x.doc.id)
    report.seconds = time.perf_counter() - t0
    return report


def read_sheet(path: str | Path) -> list[Extraction]:
    """A CSV/JSON tie sheet or an extract JSON -> Extractions (see ``tiesdb.loaders.sheets``)."""
    from tiesdb.loaders.sheets import read_sheet as _read

    return _read(path)
