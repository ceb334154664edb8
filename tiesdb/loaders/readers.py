"""Readers: a file, a folder (recursive) or "-" for stdin -> Documents.

Text files are decoded with the encoding charset-normalizer detects, HTML pages are reduced to
their main text with trafilatura, PDFs are read with pypdf. Anything unusable raises
``LoadError(path, reason)`` so that a caller can skip it with one line.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from tiesdb.graph.model import Document

TEXT_EXTENSIONS = (".txt", ".md", ".text", ".markdown")
HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
PDF_EXTENSIONS = (".pdf",)
DOCUMENT_EXTENSIONS = TEXT_EXTENSIONS + HTML_EXTENSIONS + PDF_EXTENSIONS


class LoadError(ValueError):
    """A document that cannot be read; ``str()`` is one line naming the file and the reason."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def read(path: str | Path) -> list[Document]:
    """Read a file, every document file under a folder, or stdin (``"-"``).

    Parameters
    ----------
    path : a .txt/.md/.html/.htm/.pdf file, a folder (read recursively, by extension) or "-"

    Returns
    -------
    list of Document, with ``text`` as read (not yet cleaned), a stable ``id``, ``title`` and
    ``date`` when one is found.

    Raises ``LoadError`` for a single bad file. For a folder, use ``iter_read`` to skip bad files.

    Examples
    --------
    >>> docs = read("article.txt")                     # doctest: +SKIP
    >>> docs[0].id
    'article-txt-3f2a9c1b'
    """
    docs = []
    for item in iter_read(path):
        if isinstance(item, LoadError):
            raise item
        docs.append(item)
    return docs


def iter_read(path: str | Path) -> Iterator[Document | LoadError]:
    """Yield a Document or a LoadError for each file under ``path`` (which may be "-")."""
    if str(path) == "-":
        yield _read_checked("-", sys.stdin.buffer.read(), ".txt")
        return
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in DOCUMENT_EXTENSIONS)
        if not files:
            yield LoadError(p, f"no documents ({', '.join(DOCUMENT_EXTENSIONS)}) in this folder")
        for f in files:
            yield _read_file(f)
        return
    yield _read_file(p)


def document_files(paths: list[str | Path]) -> list[Path]:
    """Every document file named by ``paths`` (folders expanded), in a stable order."""
    out: list[Path] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in DOCUMENT_EXTENSIONS)
        else:
            out.append(p)
    return out


def _read_file(p: Path) -> Document | LoadError:
    if not p.exists():
        return LoadError(p, "no such file")
    ext = p.suffix.lower()
    if ext not in DOCUMENT_EXTENSIONS:
        return LoadError(p, f"unknown extension {ext or '(none)'!r}; use one of {', '.join(DOCUMENT_EXTENSIONS)}")
    try:
        data = p.read_bytes()
    except OSError as e:
        return LoadError(p, f"cannot read: {e.strerror or e}")
    return _read_checked(p, data, ext)


def _read_checked(p: Path | str, data: bytes, ext: str) -> Document | LoadError:
    try:
        return read_bytes(data, name=str(p), ext=ext)
    except LoadError as e:
        return e


def read_bytes(data: bytes, name: str = "stdin", ext: str = ".txt") -> Document:
    """One document from raw bytes; ``ext`` chooses the reader (.txt, .md, .html, .pdf)."""
    if not data.strip():
        raise LoadError(name, "empty file")
    sha = hashlib.sha256(data).hexdigest()
    title, date = "", None
    if ext in PDF_EXTENSIONS or data[:5] == b"%PDF-":
        text, title, date = _pdf_text(data, name)
    else:
        raw = decode(data, name)
        if ext in HTML_EXTENSIONS or re.match(r"\s*(<!doctype html|<html)", raw[:200], re.I):
            text, title, date = _html_text(raw, name)
        else:
            text = raw
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise LoadError(name, "no text found")
    base = Path(name).name if name != "-" else "stdin"
    title = title or _first_line_title(text)
    date = date or find_date(text)
    return Document(id=Document.make_id(base, sha), text=text, title=title, date=date,
                    path="" if name == "-" else str(name), sha256=sha)


def decode(data: bytes, name: str = "stdin") -> str:
    """Decode bytes with the detected encoding; LoadError for binary or undecodable data."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError(name, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise LoadError(name, "undecodable bytes (no text encoding fits)")
    text = str(best)
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > len(text) / 100:
        raise LoadError(name, "binary file, not text")
    return text


def _html_text(raw: str, name: str) -> tuple[str, str, dt.date | None]:
    import trafilatura

    text = trafilatura.extract(raw, include_comments=False, include_tables=False, favor_precision=True)
    meta = trafilatura.extract_metadata(raw)
    if not text:
        raise LoadError(name, "no main text found in this HTML page")
    title = (meta.title if meta and meta.title else "") or ""
    date = None
    if meta and meta.date:
        try:
            date = dt.date.fromisoformat(meta.date[:10])
        except ValueError:
            date = None
    return text, title, date


def _pdf_text(data: bytes, name: str) -> tuple[str, str, dt.date | None]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as e:
        raise LoadError(name, f"broken PDF ({type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''})")
    text = "\n\n".join(pages)
    if not text.strip():
        raise LoadError(name, "PDF has no extractable text (scanned images?)")
    title = str(meta.title) if meta and meta.title else ""
    date = None
    if meta is not None:
        try:
            created = meta.creation_date
            date = created.date() if created else None
        except (ValueError, TypeError):
            date = None
    return text, title, date


def _first_line_title(text: str) -> str:
    from tiesdb.loaders.clean import is_noise_line

    for line in text.splitlines():
        line = " ".join(line.split()).lstrip("# ").strip()
        if len(line.split()) >= 3 and not is_noise_line(line):
            return line[:200]
    return ""


_DATE_PATTERNS = (
    r"\b\d{4}-\d{2}-\d{2}\b",
    r"\b\d{1,2}/\d{1,2}/\d{4}\b",
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}\b",
    r"\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{4}\b",
)


def find_date(text: str) -> dt.date | None:
    """The first full date (day, month, year) in the first lines of ``text``, parsed by dateparser."""
    head = text[:3000]
    hits = []
    for pat in _DATE_PATTERNS:
        for m in re.finditer(pat, head):
            hits.append((m.start(), m.group()))
    for _, s in sorted(hits):
        d = parse_date(s)
        if d:
            return d
    return None


@lru_cache(maxsize=4096)
def parse_date(s: str, relative_to: dt.date | None = None) -> dt.date | None:
    """Parse a date string with dateparser (month-first for slashed dates), or None."""
    for fmt in ("%B %d, %Y", "%B %d %Y", "%d %B %Y", "%Y-%m-%d", "%b %d, %Y", "%d %b %Y"):
        try:  # the common shapes, without dateparser's cost
            return dt.datetime.strptime(s.replace(".", ""), fmt).date()
        except ValueError:
            pass
    import dateparser

    settings = {"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "MDY", "REQUIRE_PARTS": ["year"]}
    if relative_to:
        settings["RELATIVE_BASE"] = dt.datetime.combine(relative_to, dt.time())
    try:
        d = dateparser.parse(s, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    return d.date() if d else None
