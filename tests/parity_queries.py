"""Cypher that runs on both backends and must give the same rows (order-normalised).

The queries stay inside the Cypher both engines speak (see docs/neo4j.md, "Parity"): no
``labels(n)`` (a string in the embedded store, a list in Neo4j), no label unions ``(n:A:B)``
(one of, embedded; all of, Neo4j), no ``shortestPath``, no map projections, no counting of
variable-length paths (walks vs trails: return DISTINCT endpoints instead), and parameters
used inside list predicates are first bound with ``WITH $p AS p``.

``CORPUS`` is a small hand-made set of documents with shared entities, parallel ties from
different documents, both symmetric orientations, dates, amounts and implied ties.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from tiesdb.graph.model import Document, Entity, Extraction, Tie

E = {
    "ind": ("India", "Country", ["India", "Indian", "New Delhi"], None, "IND"),
    "jpn": ("Japan", "Country", ["Japan", "Japanese", "Tokyo"], None, "JPN"),
    "deu": ("Germany", "Country", ["Germany", "German", "Berlin"], None, "DEU"),
    "fra": ("France", "Country", ["France", "French"], None, "FRA"),
    "modi": ("Narendra Modi", "Person", ["Narendra Modi", "Modi"], None, "IND"),
    "scholz": ("Olaf Scholz", "Person", ["Olaf Scholz", "Scholz"], None, "DEU"),
    "ishiba": ("Shigeru Ishiba", "Person", ["Shigeru Ishiba", "Ishiba"], None, "JPN"),
    "denso": ("Denso", "Firm", ["Denso", "DENSO"], None, "JPN"),
    "siemens": ("Siemens", "Firm", ["Siemens", "Siemens AG"], None, "DEU"),
    "bel": ("Bharat Electronics Limited", "Firm", ["Bharat Electronics Limited", "BEL"], None, "IND"),
    "isro": ("ISRO", "Institution", ["ISRO", "Indian Space Research Organisation"], None, "IND"),
    "jaxa": ("JAXA", "Institution", ["JAXA"], None, "JPN"),
    "lupex": ("LUPEX", "Mission", ["Lunar Polar Exploration Mission", "LUPEX"], "space", None),
    "emb-ind-tokyo": ("Embassy of India in Tokyo", "Mission", ["Embassy of India in Tokyo"], "diplomatic", "IND"),
    "quad": ("Quad", "Initiative", ["Quad", "Quadrilateral Security Dialogue"], None, None),
    "scri": ("Supply Chain Resilience Initiative", "Initiative", ["SCRI"], None, None),
    "cepa": ("Comprehensive Economic Partnership Agreement", "Agreement", ["CEPA"], None, None),
    "green-hydrogen-mou": ("Green Hydrogen MoU", "Agreement", ["Green Hydrogen MoU"], None, None),
    "noida": ("Noida", "Place", ["Noida"], None, "IND"),
    "uttar-pradesh": ("Uttar Pradesh", "Place", ["Uttar Pradesh", "UP"], None, "IND"),
    "bay-of-bengal": ("Bay of Bengal", "Place", ["Bay of Bengal"], None, None),
}

# doc name, date, [(source, target, type, evidence, extra)]
DOCS: list[tuple[str, dt.date | None, list[tuple[str, str, str, str, dict[str, Any]]]]] = [
    ("india-japan-summit", dt.date(2025, 8, 29), [
        ("modi", "ishiba", "MEETS", "Modi and Ishiba held talks in Tokyo.", {"domain": "diplomacy"}),
        ("ind", "jpn", "MEETS", "India and Japan held their annual summit.", {"domain": "diplomacy"}),
        ("modi", "jpn", "VISITS", "Modi visited Japan.", {}),
        ("modi", "ind", "REPRESENTS", "Prime Minister Modi of India.", {"implied": True}),
        ("ishiba", "jpn", "REPRESENTS", "Japan's Prime Minister Ishiba.", {}),
        ("ind", "jpn", "PARTNERS_WITH", "The two countries agreed to deepen cooperation.", {"domain": "technology"}),
        ("jpn", "ind", "INVESTS_IN", "Japan will invest 10 trillion yen in India.",
         {"amount": 1.0e13, "currency": "JPY", "domain": "economy"}),
        ("isro", "lupex", "PARTICIPATES_IN", "ISRO and JAXA co-develop LUPEX.", {"domain": "space"}),
        ("jaxa", "lupex", "PARTICIPATES_IN", "ISRO and JAXA co-develop LUPEX.", {"domain": "space"}),
        ("jaxa", "isro", "PARTNERS_WITH", "JAXA and ISRO signed an implementing arrangement.", {"domain": "space"}),
        ("ind", "quad", "MEMBER_OF", "Both are Quad members.", {}),
        ("jpn", "quad", "MEMBER_OF", "Both are Quad members.", {}),
        ("emb-ind-tokyo", "ind", "REPRESENTS", "The Embassy of India in Tokyo said.", {}),
        ("emb-ind-tokyo", "jpn", "BASED_IN", "The Embassy of India in Tokyo said.", {"implied": True}),
    ]),
    ("denso-noida", dt.date(2025, 3, 14), [
        ("denso", "noida", "INVESTS_IN", "Denso will invest Rs 250 crore in a plant in Noida.",
         {"amount": 2.5e9, "currency": "INR", "domain": "economy", "confidence": 0.9}),
        ("denso", "jpn", "BASED_IN", "Japanese auto parts maker Denso.", {"implied": True}),
        ("noida", "uttar-pradesh", "LOCATED_IN", "Noida in Uttar Pradesh.", {}),
        ("uttar-pradesh", "ind", "LOCATED_IN", "Uttar Pradesh, India.", {"implied": True}),
        ("denso", "ind", "INVESTS_IN", "Denso's investment in India.", {"amount": 2.5e9, "currency": "INR"}),
        ("jpn", "ind", "TRADES_WITH", "Trade between Japan and India reached $22 billion.",
         {"amount": 2.2e10, "currency": "USD", "domain": "economy"}),
    ]),
    ("india-germany-igc", dt.date(2024, 10, 25), [
        ("modi", "scholz", "MEETS", "Modi met Scholz in New Delhi.", {"domain": "diplomacy"}),
        ("ind", "deu", "MEETS", "India and Germany held intergovernmental consultations.", {}),
        ("scholz", "ind", "VISITS", "Scholz visited India.", {}),
        ("scholz", "deu", "REPRESENTS", "German Chancellor Scholz.", {}),
        ("ind", "green-hydrogen-mou", "SIGNS", "India and Germany signed a Green Hydrogen MoU.", {"domain": "energy"}),
        ("deu", "green-hydrogen-mou", "SIGNS", "India and Germany signed a Green Hydrogen MoU.", {"domain": "energy"}),
        ("siemens", "ind", "SUPPLIES", "Siemens will supply locomotives to India.",
         {"item": "locomotives", "domain": "economy"}),
        ("siemens", "deu", "BASED_IN", "German firm Siemens.", {"implied": True}),
        ("deu", "ind", "FUNDS", "Germany will provide EUR 1 billion for green energy.",
         {"amount": 1.0e9, "currency": "EUR", "domain": "energy"}),
        ("deu", "ind", "TRADES_WITH", "Bilateral trade reached EUR 30 billion.", {"amount": 3.0e10, "currency": "EUR"}),
    ]),
    ("india-japan-trade", dt.date(2025, 11, 2), [
        ("ind", "jpn", "TRADES_WITH", "India-Japan trade grew.", {"domain": "economy"}),
        ("ind", "jpn", "MEETS", "Trade ministers of India and Japan met.", {"domain": "economy"}),
        ("ind", "cepa", "SIGNS", "India and Japan signed CEPA in 2011.", {"date": dt.date(2011, 2, 16)}),
        ("jpn", "cepa", "SIGNS", "India and Japan signed CEPA in 2011.", {"date": dt.date(2011, 2, 16)}),
        ("ind", "scri", "PARTICIPATES_IN", "India, Japan and Australia launched SCRI.", {}),
        ("jpn", "scri", "PARTICIPATES_IN", "India, Japan and Australia launched SCRI.", {}),
        ("bel", "jpn", "SUPPLIES", "BEL will supply radars to Japan.", {"item": "radars", "domain": "defence"}),
        ("bel", "ind", "BASED_IN", "Bharat Electronics Limited of India.", {"implied": True}),
    ]),
    ("maritime-exercise", None, [
        ("ind", "fra", "PARTNERS_WITH", "India and France held a naval exercise in the Bay of Bengal.",
         {"domain": "maritime"}),
        ("fra", "ind", "MEETS", "French and Indian officials met.", {"domain": "maritime"}),
        ("bay-of-bengal", "ind", "LOCATED_IN", "The Bay of Bengal off India.", {"implied": True}),
        ("deu", "fra", "PARTNERS_WITH", "Germany and France also took part.", {}),
    ]),
]


def corpus() -> list[Extraction]:
    """The parity corpus as extractions, in load order."""
    out = []
    for name, date, ties in DOCS:
        text = " ".join(dict.fromkeys(ev for *_, ev, _ in ties))
        doc = Document.from_text(text, name=f"{name}.txt", title=name.replace("-", " ").title(), date=date,
                                 path=f"corpus/{name}.txt")
        used = dict.fromkeys(x for s, t, *_ in ties for x in (s, t))
        ents = [Entity(i, E[i][0], E[i][1], list(E[i][2]), kind=E[i][3], country=E[i][4]) for i in used]
        tl = []
        for s, t, typ, ev, extra in ties:
            extra = dict(extra)
            start = text.find(ev)
            tl.append(Tie(s, t, typ, ev, doc.id, extra.pop("date", date), evidence_start=start,
                          evidence_end=start + len(ev), **extra))
        out.append(Extraction(doc, ents, tl))
    return out


#: (name, cypher, params). Every query is checked on both backends; order is normalised.
QUERIES: list[tuple[str, str, dict[str, Any]]] = [
    ("count nodes by label (Country)", "MATCH (n:Country) RETURN count(n) AS n", {}),
    ("count ties by type", "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n", {}),
    ("countries", "MATCH (c:Country) RETURN c.id, c.name, c.country, c.aliases", {}),
    ("whole nodes", "MATCH (n:Firm) RETURN n", {}),
    ("whole ties", "MATCH (:Firm)-[r:INVESTS_IN]->() RETURN r", {}),
    ("neighbours of India", "MATCH (c:Country {id: $id})-[r]-(x) RETURN DISTINCT x.id, x.name", {"id": "ind"}),
    ("ties between two countries",
     "MATCH (a:Country {id: $a})-[r]-(b:Country {id: $b}) RETURN type(r) AS type, r.evidence, r.doc, r.date",
     {"a": "ind", "b": "jpn"}),
    ("ties between two countries by type",
     "MATCH (a:Country {id: $a})-[r]-(b:Country {id: $b}) RETURN type(r) AS t, count(*) AS n",
     {"a": "ind", "b": "jpn"}),
    ("country dyads", "MATCH (a:Country)-[r]->(b:Country) RETURN a.name, type(r) AS type, b.name, r.domain", {}),
    ("firms of A investing in B",
     "MATCH (f:Firm)-[:BASED_IN]->(a:Country {id: $a}) MATCH (f)-[i:INVESTS_IN]->(x) "
     "RETURN f.name, x.name, i.amount, i.currency", {"a": "jpn"}),
    ("firms of A investing in B or its places",
     "MATCH (f:Firm)-[:BASED_IN]->(a:Country {id: $a}) MATCH (f)-[:INVESTS_IN]->(p:Place)-[:LOCATED_IN*1..3]->(b:Country {id: $b}) "
     "RETURN DISTINCT f.name, p.name", {"a": "jpn", "b": "ind"}),
    ("evidence for a tie",
     "MATCH (a {id: $a})-[r:INVESTS_IN]->(b {id: $b}) RETURN r.evidence, r.doc, r.evidence_start, r.evidence_end",
     {"a": "denso", "b": "noida"}),
    ("time filter since",
     "MATCH (a)-[r]->(b) WHERE r.date >= $since RETURN a.id, type(r) AS type, b.id, r.date", {"since": dt.date(2025, 6, 1)}),
    ("time filter between dates",
     "MATCH (a)-[r]->(b) WHERE r.date >= date('2024-01-01') AND r.date < date('2025-06-01') "
     "RETURN a.id, type(r) AS type, b.id", {}),
    ("ties without date", "MATCH (a)-[r]->(b) WHERE r.date IS NULL RETURN a.id, type(r) AS type, b.id", {}),
    ("timeline per year-month of a dyad",
     "MATCH (a:Country {id: 'ind'})-[r]-(b:Country {id: 'jpn'}) RETURN r.date AS d, count(*) AS n ORDER BY d", {}),
    ("two-hop neighbours (distinct endpoints)",
     "MATCH (a:Person {id: $id})-[*1..2]-(x) WHERE x.id <> $id RETURN DISTINCT x.id", {"id": "modi"}),
    ("paths of length 2 between countries",
     "MATCH (a:Country {id: 'deu'})-[r1]-(m)-[r2]-(b:Country {id: 'jpn'}) RETURN DISTINCT m.id", {}),
    ("degree top 5",
     "MATCH (n:Country)-[r]-() RETURN n.id AS id, count(r) AS degree ORDER BY degree DESC, id LIMIT 5", {}),
    ("total investment by currency",
     "MATCH ()-[r:INVESTS_IN]->() RETURN r.currency AS c, sum(r.amount) AS total, count(*) AS n", {}),
    ("amount above a threshold",
     "MATCH (a)-[r]->(b) WHERE r.amount > $min RETURN a.id, type(r) AS type, b.id, r.amount", {"min": 1.0e9}),
    ("implied ties", "MATCH (a)-[r]->(b) WHERE r.implied = true RETURN a.id, type(r) AS type, b.id", {}),
    ("symmetric MEETS either way",
     "MATCH (a:Country {id: $id})-[r:MEETS]-(b) RETURN b.id, r.doc", {"id": "ind"}),
    ("entities mentioned by two documents or more",
     "MATCH (n:Country) WHERE size(n.docs) >= 2 RETURN n.id, size(n.docs) AS docs", {}),
    ("find by alias", "MATCH (n:Institution) WITH n, $k AS k WHERE any(a IN n.aliases WHERE a = k) RETURN n.id",
     {"k": "Indian Space Research Organisation"}),
    ("string predicates",
     "MATCH (n:Firm) WHERE n.name STARTS WITH 'S' OR n.name CONTAINS 'Electronics' RETURN n.name", {}),
    ("documents", "MATCH (d:Document) RETURN d.id, d.title, d.date, d.path, d.sha256, d.words", {}),
    ("document of a tie",
     "MATCH ()-[r:SUPPLIES]->() MATCH (d:Document) WHERE d.id = r.doc RETURN r.item, d.title", {}),
    ("optional match",
     "MATCH (c:Country) OPTIONAL MATCH (c)<-[r:FUNDS]-(x) RETURN c.id, x.id", {}),
    ("with and collect",
     "MATCH (c:Country)-[:MEMBER_OF]->(i:Initiative) WITH i, collect(c.id) AS members RETURN i.name, size(members) AS members", {}),
    ("unwind parameter",
     "UNWIND $ids AS id MATCH (c:Country {id: id}) RETURN id, c.name", {"ids": ["ind", "fra", "xyz"]}),
    ("case expression",
     "MATCH (a)-[r:SUPPLIES]->(b) RETURN a.id, CASE WHEN r.domain = 'defence' THEN 'defence' ELSE 'civil' END AS use", {}),
    ("distinct domains", "MATCH ()-[r]->() WHERE r.domain IS NOT NULL RETURN DISTINCT r.domain", {}),
    ("order, skip and limit",
     "MATCH (n:Person) RETURN n.name ORDER BY n.name SKIP 1 LIMIT 2", {}),
    ("coalesce", "MATCH (m:Mission) RETURN m.id, coalesce(m.kind, 'none') AS kind, coalesce(m.country, 'none') AS country", {}),
    ("path returned",
     "MATCH p = (:Place {id: 'noida'})-[:LOCATED_IN]->(:Place)-[:LOCATED_IN]->(:Country) RETURN p", {}),
    ("no rows", "MATCH (c:Country {id: 'nowhere'}) RETURN c.name", {}),
]
