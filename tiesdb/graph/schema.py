"""The tiesdb schema: the single source of truth for labels, tie types and properties.

The embedded store's DDL, the Neo4j constraints, validation and docs/schema.md are derived
from the tables here (see ``ladybug_ddl``, ``neo4j_constraints``, ``validate_tie`` and
``markdown``).
"""
from __future__ import annotations

from dataclasses import dataclass

LABELS: tuple[str, ...] = (
    "Country", "Person", "Firm", "Institution", "Mission", "Initiative", "Agreement", "Place",
)
LABEL_DESCRIPTIONS: dict[str, str] = {
    "Country": "a sovereign state, however it is named (demonym, capital as metonym, 'the two countries')",
    "Person": "a named person",
    "Firm": "a company, state-owned enterprise, bank or business group",
    "Institution": "a government body, ministry, agency, armed service, university, international organisation",
    "Mission": "a diplomatic mission or a named operational mission (space, scientific, peacekeeping, trade)",
    "Initiative": "a named programme, framework, dialogue, grouping, exercise, corridor or joint project",
    "Agreement": "a named treaty, MoU, contract, deal or joint statement",
    "Place": "a sub-national or supra-national location, or a named building or venue",
}
ACTORS = ("Country", "Person", "Firm", "Institution", "Mission")

#: Documents are stored as nodes of their own; they are not part of the ties graph.
DOCUMENT_LABEL = "Document"


@dataclass(frozen=True)
class TieType:
    name: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    symmetric: bool
    meaning: str

    def allows(self, source_label: str, target_label: str) -> bool:
        ok = source_label in self.sources and target_label in self.targets
        if self.symmetric:
            ok = ok or (target_label in self.sources and source_label in self.targets)
        return ok

    @property
    def pairs(self) -> list[tuple[str, str]]:
        """Every (source label, target label) pair the type allows."""
        return [(s, t) for s in self.sources for t in self.targets]


_ANY_ACTOR = ("Country", "Person", "Firm", "Institution", "Mission", "Initiative")
TIE_TYPES: dict[str, TieType] = {t.name: t for t in (
    TieType("MEETS", ("Person", "Country", "Institution"), ("Person", "Country", "Institution"), True,
            "talks, meetings, summits, calls"),
    TieType("VISITS", ("Person", "Country", "Institution"), ("Country", "Place"), False,
            "an official visit"),
    TieType("REPRESENTS", ("Person", "Mission"), ("Country", "Institution", "Firm"), False,
            "holds office for; an embassy represents its country"),
    TieType("BASED_IN", ("Firm", "Institution", "Mission", "Person"), ("Country", "Place"), False,
            "home country, headquarters, host country of a mission"),
    TieType("LOCATED_IN", ("Place",), ("Country", "Place"), False, "geography"),
    TieType("PARTICIPATES_IN", ("Country", "Firm", "Institution", "Person"),
            ("Initiative", "Mission", "Agreement"), False,
            "takes part in, co-develops, contributes to"),
    TieType("SIGNS", ("Country", "Institution", "Firm", "Person"), ("Agreement",), False,
            "signs, concludes, ratifies"),
    TieType("MEMBER_OF", ("Country", "Institution"), ("Initiative", "Institution"), False,
            "formal membership of a grouping or organisation"),
    TieType("PARTNERS_WITH", _ANY_ACTOR, _ANY_ACTOR, True,
            "cooperation, joint venture, joint production, academic partnership"),
    TieType("INVESTS_IN", ("Firm", "Country", "Institution", "Person"),
            ("Country", "Place", "Firm", "Initiative"), False,
            "investment, with amount and currency where stated"),
    TieType("FUNDS", ("Country", "Institution", "Firm"),
            ("Country", "Initiative", "Mission", "Institution", "Firm"), False,
            "grants, loans, official development assistance"),
    TieType("SUPPLIES", ("Firm", "Country"), ("Country", "Firm", "Institution"), False,
            "sells, exports, delivers goods or services (item)"),
    TieType("TRADES_WITH", ("Country",), ("Country",), True, "trade relationship, trade volume"),
)}
SYMMETRIC: frozenset[str] = frozenset(n for n, t in TIE_TYPES.items() if t.symmetric)

DOMAINS: tuple[str, ...] = (
    "economy", "defence", "space", "technology", "education", "energy", "health",
    "diplomacy", "culture", "maritime",
)

# Property name -> type ("STRING", "STRING[]", "DATE", "DOUBLE", "INT64"), with a description.
NODE_PROPERTIES: dict[str, tuple[str, str]] = {
    "id": ("STRING", "stable slug; countries use their ISO 3166-1 alpha-3 code in lower case"),
    "name": ("STRING", "canonical name"),
    "aliases": ("STRING[]", "every surface form seen"),
    "kind": ("STRING", "sub-kind, e.g. Mission kind diplomatic|space"),
    "country": ("STRING", "ISO alpha-3 of the country (Country nodes) or of its home country"),
    "docs": ("STRING[]", "ids of the documents that mention it"),
}
TIE_PROPERTIES: dict[str, tuple[str, str]] = {
    "id": ("STRING", "stable tie id (document, type and endpoints)"),
    "evidence": ("STRING", "the sentence the tie was read from"),
    "doc": ("STRING", "source document id"),
    "date": ("DATE", "when the event happens (stated in the sentence, else the document's date)"),
    "domain": ("STRING", "one of: " + ", ".join(DOMAINS)),
    "amount": ("DOUBLE", "a number in the currency's units (INR 250 crore -> 2500000000)"),
    "currency": ("STRING", "ISO 4217 code"),
    "item": ("STRING", "what is supplied, traded or funded"),
    "rule": ("STRING", "the rule or model that made the tie"),
    "confidence": ("DOUBLE", "0..1"),
    "evidence_start": ("INT64", "character offset of the evidence in the document's clean text"),
    "evidence_end": ("INT64", "character offset just past the evidence"),
    "implied": ("BOOLEAN", "read from context rather than stated"),
}
DOCUMENT_PROPERTIES: dict[str, tuple[str, str]] = {
    "id": ("STRING", "slug of the file name plus a short content hash"),
    "title": ("STRING", "title from the text or the HTML metadata"),
    "date": ("DATE", "publication date when found"),
    "path": ("STRING", "where it was read from"),
    "sha256": ("STRING", "hash of the raw bytes"),
    "words": ("INT64", "number of words in the clean text"),
    "text": ("STRING", "the clean text (evidence offsets point into it)"),
}


def tie_type(name: str) -> TieType:
    """The TieType called ``name`` (case-insensitive); ValueError listing the valid names."""
    t = TIE_TYPES.get(name.upper())
    if t is None:
        raise ValueError(f"unknown tie type {name!r}; use one of {', '.join(TIE_TYPES)}")
    return t


def check_label(label: str) -> str:
    """Return ``label`` in its canonical spelling; ValueError for an unknown label."""
    for known in LABELS:
        if known.lower() == label.lower():
            return known
    raise ValueError(f"unknown label {label!r}; use one of {', '.join(LABELS)}")


def validate_tie(type_name: str, source_label: str, target_label: str) -> None:
    """Raise ValueError unless a ``type_name`` tie may join the two labels."""
    t = tie_type(type_name)
    if not t.allows(source_label, target_label):
        raise ValueError(f"a {t.name} tie cannot go from {source_label} to {target_label}")


def _ddl_columns(props: dict[str, tuple[str, str]]) -> str:
    return ", ".join(f"{name} {typ}" + (" PRIMARY KEY" if name == "id" else "")
                     for name, (typ, _) in props.items())


def ladybug_ddl() -> list[str]:
    """CREATE statements for the embedded store: a node table per label, a rel table per type."""
    stmts = [f"CREATE NODE TABLE IF NOT EXISTS {label}({_ddl_columns(NODE_PROPERTIES)})"
             for label in LABELS]
    stmts.append(f"CREATE NODE TABLE IF NOT EXISTS {DOCUMENT_LABEL}({_ddl_columns(DOCUMENT_PROPERTIES)})")
    rel_cols = ", ".join(f"{n} {t}" for n, (t, _) in TIE_PROPERTIES.items())
    for t in TIE_TYPES.values():
        pairs = ", ".join(f"FROM {s} TO {d}" for s, d in t.pairs)
        stmts.append(f"CREATE REL TABLE IF NOT EXISTS {t.name}({pairs}, {rel_cols})")
    return stmts


def neo4j_constraints() -> list[str]:
    """Idempotent constraints and indexes for a Neo4j 5 database."""
    stmts = []
    for label in (*LABELS, DOCUMENT_LABEL):
        stmts.append(f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS "
                     f"FOR (n:{label}) REQUIRE n.id IS UNIQUE")
    for label in LABELS:
        stmts.append(f"CREATE INDEX {label.lower()}_name IF NOT EXISTS FOR (n:{label}) ON (n.name)")
    return stmts


def markdown() -> str:
    """The schema as a Markdown page (docs/schema.md is generated from it)."""
    out = ["# tiesdb schema (generated from tiesdb/graph/schema.py)", "", "## Node labels", "",
           "| label | what |", "|---|---|"]
    out += [f"| {label} | {LABEL_DESCRIPTIONS[label]} |" for label in LABELS]
    out += ["", "## Tie types (symmetric types marked *)", "",
            "| type | source | target | meaning |", "|---|---|---|---|"]
    for t in TIE_TYPES.values():
        star = " *" if t.symmetric else ""
        out.append(f"| {t.name}{star} | {', '.join(t.sources)} | {', '.join(t.targets)} | {t.meaning} |")
    for title, props in (("Node properties", NODE_PROPERTIES), ("Tie properties", TIE_PROPERTIES),
                         ("Document properties", DOCUMENT_PROPERTIES)):
        out += ["", f"## {title}", "", "| property | type | meaning |", "|---|---|---|"]
        out += [f"| {n} | {t} | {d} |" for n, (t, d) in props.items()]
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # python -m tiesdb.graph.schema > docs/schema.md
    print(markdown(), end="")
