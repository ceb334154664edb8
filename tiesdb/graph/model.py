"""The small values passed along the pipeline: Document, Entity, Tie, Extraction."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

from tiesdb.graph import schema


def slugify(text: str) -> str:
    """A lower-case ASCII slug: ``slugify("Tokyo Electron Ltd.") == "tokyo-electron-ltd"``."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


@dataclass
class Document:
    """A document as read: raw text first, clean text after ``loaders.clean``."""
    id: str
    text: str
    title: str = ""
    date: dt.date | None = None
    path: str = ""
    sha256: str = ""

    @property
    def words(self) -> int:
        return len(self.text.split())

    @staticmethod
    def make_id(name: str, sha256: str) -> str:
        """Slug of the name plus the first 8 hex digits of the content hash."""
        return f"{slugify(name)[:60]}-{sha256[:8]}"

    @classmethod
    def from_text(cls, text: str, name: str = "stdin", **kw: Any) -> "Document":
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return cls(id=kw.pop("id", None) or cls.make_id(name, sha), text=text, sha256=sha, **kw)


@dataclass
class Entity:
    """A node: ``id`` is stable across documents, ``aliases`` every surface form seen."""
    id: str
    name: str
    label: str
    aliases: list[str] = field(default_factory=list)
    kind: str | None = None
    country: str | None = None

    def __post_init__(self) -> None:
        self.label = schema.check_label(self.label)
        if self.name not in self.aliases:
            self.aliases.insert(0, self.name)

    def add_alias(self, alias: str) -> None:
        alias = " ".join(alias.split())
        if alias and alias not in self.aliases:
            self.aliases.append(alias)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, [])}


@dataclass
class Tie:
    """A typed, directed tie with its evidence. Symmetric types are stored once."""
    source: str
    target: str
    type: str
    evidence: str = ""
    doc: str = ""
    date: dt.date | None = None
    domain: str | None = None
    amount: float | None = None
    currency: str | None = None
    item: str | None = None
    rule: str | None = None
    confidence: float | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None
    implied: bool = False
    id: str = ""

    def __post_init__(self) -> None:
        self.type = schema.tie_type(self.type).name
        if isinstance(self.date, str):
            self.date = dt.date.fromisoformat(self.date[:10]) if self.date else None
        if not self.id:
            self.id = self.make_id()

    def key(self) -> tuple:
        """(type, endpoints): endpoints unordered for symmetric types."""
        if self.type in schema.SYMMETRIC:
            return (self.type, frozenset((self.source, self.target)))
        return (self.type, self.source, self.target)

    def make_id(self) -> str:
        ends = sorted((self.source, self.target)) if self.type in schema.SYMMETRIC else (self.source, self.target)
        # the evidence too: the same pair and type may be read from two sentences of one document
        h = hashlib.sha1("|".join((self.doc, self.type, *ends, self.evidence)).encode()).hexdigest()[:12]
        return f"t-{h}"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["date"] = self.date.isoformat() if self.date else None
        return {k: v for k, v in d.items() if v is not None and not (k == "implied" and not v)}


@dataclass
class Extraction:
    """What ``extract(doc)`` returns and ``tiesdb extract --format json`` prints."""
    doc: Document
    entities: list[Entity] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc.id,
            "title": self.doc.title,
            "date": self.doc.date.isoformat() if self.doc.date else None,
            "path": self.doc.path,
            "sha256": self.doc.sha256,
            "entities": [e.to_dict() for e in self.entities],
            "ties": [t.to_dict() for t in self.ties],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: str = "") -> "Extraction":
        """Read the interchange JSON back (e.g. an extraction fixed by hand)."""
        date = data.get("date")
        doc = Document(id=data["doc"], text=text, title=data.get("title") or "",
                       date=dt.date.fromisoformat(date[:10]) if date else None,
                       path=data.get("path") or "", sha256=data.get("sha256") or "")
        ents = [Entity(id=e["id"], name=e["name"], label=e["label"], aliases=list(e.get("aliases") or []),
                       kind=e.get("kind"), country=e.get("country")) for e in data.get("entities", [])]
        known = set(Tie.__dataclass_fields__)
        ties = [Tie(**{k: v for k, v in t.items() if k in known}) for t in data.get("ties", data.get("relations", []))]
        for t in ties:
            t.doc = t.doc or doc.id
        return cls(doc=doc, entities=ents, ties=ties)
