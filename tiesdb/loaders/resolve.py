"""Resolution: mentions -> entities with stable ids, labels, aliases and home countries.

Rules (all general): countries by name, demonym or capital-as-subject; "the two countries" and
"both sides" point at the document's dyad (its two most-mentioned countries); people are grouped
by shared name words ("President Biden" = "Joe Biden"); organisations by a key without
country prefixes, corporate suffixes and years ("Tokyo Electron" = "Tokyo Electron Limited");
acronyms defined in parentheses join their long form; unlabelled organisations get a label from
the words around them ("firms such as X", "the agency X"). Home countries come from
possessives and appositions ("Japan's space agency JAXA"), demonyms ("German company Bosch"),
titles ("US President X", "the Prime Minister of Canada, X"), names ("Brazilian Ministry ...",
"Tokyo Electron") and, as an implied fallback, the nearest country of the sentence.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from tiesdb.graph.model import Entity, slugify
from tiesdb.loaders import gazetteer as gz
from tiesdb.loaders import rx
from tiesdb.loaders.mentions import _GENERIC_AGREEMENT, TITLES, TYPE_NOUN_ALT, Mention, Parsed, _country_re, find_word

_CORP = re.compile(r"[\s,]+(?:co\.?,?\s*)?(?:limited|ltd\.?|inc\.?|corp\.?|corporation|company|llc|plc|gmbh|ag|"
                   r"s\.?a\.?|n\.?v\.?|co\.?|pvt\.?|private|berhad|bhd|sdn\.? bhd|tbk|pty\.?(?: ltd\.?)?|s\.?p\.?a\.?|"
                   r"b\.?v\.?|a/?s|asa|oyj|ab|se|k\.?k\.?|jsc|pjsc|ojsc)$", re.I)
_GENERIC_BODY = re.compile(r"^(?:the\s+)?(?:ministry|department|embassy|consulate|high commission|mission|"
                           r"armed forces|defen[cs]e forces?|army|navy|air force|coast guard|parliament|cabinet|"
                           r"government|foreign office|central bank|national assembly|supreme court)\b", re.I)
_FIRM_CONTEXT = re.compile(r"\b(?:firms?|compan(?:y|ies)|manufacturers?|makers?|conglomerates?|giants?|"
                           r"corporations?|banks?|carmakers?|automakers?|start-?ups?|suppliers?|contractors?|"
                           r"producers?|businesses|enterprises?|investors?|developers?|"
                           r"(?:executives|shareholders|chief\s+executive|CEO|chairman)\s+(?:of|from|at))"
                           r"(?:\s+(?:such as|like|including|and|or|,|as well as))*\s*(?:[A-Z][\w&'’.-]*\s+){0,3}$")
_INST_CONTEXT = re.compile(r"\b(?:agency|agencies|ministry|institutions?|universit(?:y|ies)|body|bodies|"
                           r"organi[sz]ations?|department|regulators?|party|authority|institutes?|schools?)"
                           r"(?:\s+(?:such as|like|including|and|or|,))*\s*(?:[A-Z][\w&'’.-]*\s+){0,3}$", re.I)
_TITLE_RE = re.compile(r"\b" + TITLES + r"s?(?!\w)|\b(?:minister|president|secretary|ambassador|chancellor|premier|"
                       r"leader|envoy|head of state|foreign minister|counterpart)\b", re.I)
# bodies named after a city that belong to no one country ("Shanghai Cooperation Organisation")
_EU_BODY = re.compile(r"(?:the\s+)?European\s+(?:Commission|Council|Parliament|Court|Central\s+Bank|External\s+Action)\b")
_INTERNATIONAL = re.compile(r"\b(?:Organi[sz]ation|Union|Forum|Alliance|Pact|Nations|Cooperation|Association|Group of)\b")
_PERSON_STRIP = re.compile(rf"^(?:{TITLES}\s+)+")


@dataclass
class Resolution:
    """What resolution knows about a document's entities."""
    entities: dict[str, Entity] = field(default_factory=dict)
    dyad: tuple[str, ...] = ()           # entity ids of the document's two main countries
    crowded: bool = False                # a third country is about as prominent as the two
    home: dict[str, tuple[str, bool]] = field(default_factory=dict)   # id -> (country id, stated)
    host: dict[str, str] = field(default_factory=dict)                # ambassador id -> host country id
    based: dict[str, str] = field(default_factory=dict)               # id -> place id ("X-based")
    located: dict[str, tuple[str, bool]] = field(default_factory=dict)  # place id -> (place/country id, stated)
    office: dict[str, str] = field(default_factory=dict)              # person id -> institution id
    titled: set[str] = field(default_factory=set)                     # people with an office title

    def label(self, eid: str) -> str:
        return self.entities[eid].label


def _country_entity(code: str) -> Entity:
    c = gz.country(code)
    return Entity(id=c.id, name=c.name, label="Country", aliases=[], country=c.alpha3)


def _unpossess(word: str) -> str:
    """A word without its possessive ("Japan's" -> "Japan"; "Swiss" stays "Swiss")."""
    return rx.sub(r"['’]s?$", "", word)


def _org_key(name: str) -> str:
    s = rx.sub(r"\([^)]*\)", " ", name)
    s = _CORP.sub("", s.strip())
    s = _CORP.sub("", s.strip())
    s = rx.sub(r"[\s\u2013-]*\d{4}(?:[\u2013-]\d{2,4})?$", "", s.strip())
    s = rx.sub(r"^([A-Z][\w&'’.-]*(?<!ing))\s+(?:Group|Holdings|Systems|Motors?)$", r"\1", s)  # "OCP Group" = "OCP", "BAE Systems" = "BAE"
    s = rx.sub(r"\s+(?:building|complex|headquarters|compound)$", "", s, flags=re.I)
    words = s.split()
    # a leading country, demonym or "X-Y" pair of countries is not part of the key
    # (except for generic bodies: India's and Japan's "Ministry of Defence" differ)
    while words and not _GENERIC_BODY.match(" ".join(words[1:])):
        first = _unpossess(words[0])
        parts = rx.split(r"[\u2013-]", first)
        if gz.country_of(first) or (len(parts) > 1 and all(gz.country_of(p) for p in parts)):
            words = words[1:]
        else:
            break
    return gz.norm(" ".join(words) or name).replace("(", "").replace(")", "")


def _person_name(text: str) -> str:
    return _PERSON_STRIP.sub("", " ".join(text.split())).strip(" ,")


def _name_words(name: str) -> set[str]:
    words = {w.lower().strip(".") for w in name.split() if w.strip(".").lower() not in ("jr", "sr", "mr", "mrs", "dr")}
    # "al-Sisi" is also called "Sisi", "El-Sisi" too
    return words | {m.group(1) for w in words for m in [rx.match(r"(?:al|el|ad|as|ash|at|an|ar|az|ad-d|abu|bin|ben)-(\w{3,})$", w)] if m}


def resolve(parsed: Parsed, title: str = "") -> Resolution:
    """Group ``parsed.mentions`` into entities; set each mention's ``entity``.

    Examples
    --------
    >>> from tiesdb.loaders.mentions import find_mentions                # doctest: +SKIP
    >>> r = resolve(find_mentions("Japan's space agency JAXA met India."))
    >>> r.home["jaxa"]
    ('jpn', True)
    """
    res = Resolution()
    text = parsed.text
    ents = res.entities

    def add(m: Mention, e: Entity) -> None:
        if e.id not in ents:
            ents[e.id] = e
        ents[e.id].add_alias(m.text)
        if m.start in region_names and e.label == "Place":
            ents[e.id].add_alias(region_names[m.start])
        m.entity = e.id

    # a place named with its kind after it ("the Navoi region") is also called so
    region_names = {m.start: f"{m.text} {kind.group(1)}" for m in parsed.mentions if m.label == "Place" and (
        kind := rx.match(r"[ ](region|province|prefecture|county|district|oblast)\b", text[m.end:m.end + 12]))}
    # capitals used as actors ("New Delhi said") are their country
    for j, m in enumerate(parsed.mentions):
        nxt = parsed.mentions[j + 1] if j + 1 < len(parsed.mentions) else None
        pair = nxt is not None and gz.country_by_capital(nxt.text) and \
            rx.fullmatch(r"\s+and\s+", text[m.end:nxt.start]) and (_is_subject(parsed, nxt) or _verb_follows(parsed, nxt))
        poss = rx.match(r"['’]s\s+(?:\w+\s+){0,2}?(?:support|suppliers?|buyers?|customers?|largest\s+market|position|policy|policies|stance|decision|response|request|offer|"
                        r"proposal|plan|strategy|flagship|approach|relations|ties|backing|commitment|efforts?|concerns?|"
                        r"view|claims?|demands?|influence|role|ambitions?|push|interests?|aid|invitation|allies|partners?|presence|"
                        r"diplomacy|diplomatic|foreign|economy|leadership|military|relationship|outreach|overtures?|pivot|"
                        r"courtship|sway|reach|grip|embrace|closest|largest|biggest|main|top|ambassador|envoy|"
                        r"embassy|officials?|government)\b",
                        text[m.end:m.end + 40])  # "Rome's support": the government
        buyer = rx.search(r"\b(?:sold|sells?|selling|suppl(?:y|ies|ied|ying)|deliver(?:s|ed|ing)?|export(?:s|ed|ing)?|"
                          r"ship(?:s|ped|ping)?)\b[^.;:]{0,60}\bto\s+$", text[max(0, m.start - 80):m.start])
        thanked = rx.match(r"\s+for\s+its\b", text[m.end:m.end + 10])  # "thanked Washington for its support"
        route = rx.search(r"\b(?:between|from)\s+(?:[A-Z][\w-]*\s+and\s+)?$", text[max(0, m.start - 40):m.start])
        if m.label == "Place" and gz.country_by_capital(m.text) and not route and (
                _is_subject(parsed, m) or pair or poss or buyer or thanked or _verb_follows(parsed, m)):
            # (not "flights between Seoul and Vienna": a route between two cities)
            m.label, m.country, m.kind = "Country", gz.country_by_capital(m.text), "capital"
    # countries
    for m in parsed.mentions:
        if m.label == "Country" and m.country:
            add(m, _country_entity(m.country))
    res.dyad, res.crowded = _dyad(parsed, title)
    _state_refs(parsed, res)
    # acronyms: long form -> acronym
    acr_of: dict[str, str] = {}
    for am in rx.finditer(r"\s*\(([A-Z][A-Za-z]{1,9}s?)\)", text):
        long = next((x for x in parsed.mentions if x.kind == "name" and x.source != "acronym" and
                     (am.start() - 1 <= x.end <= am.start() + 1 or x.end == am.end() and x.start < am.start())), None)
        if long is not None:  # (a long form may end with its own acronym: "the X Authority (XA)")
            acr_of.setdefault(am.group(1), rx.sub(r"\s*\([^()]*\)$", "", long.text))
    # labels for unlabelled organisations and mislabelled people
    typed_as = {m.text: m.label for m in parsed.mentions if m.source == "typed" and m.label in ("Firm", "Institution")}
    for m in parsed.mentions:
        if m.source in ("dyad", "gazetteer") or m.label == "Country":
            continue
        s0 = parsed.sents[m.sent][0]
        left = text[max(s0, m.start - 60): m.start]
        if m.label in (None, "Person", "Firm", "Institution") and m.source not in ("title", "shape"):
            if _FIRM_CONTEXT.search(left) or rx.search(r"\b(?:deal|contract|order|orders)\s+with\s+$", left):
                m.label = "Firm"
            elif _INST_CONTEXT.search(left):
                m.label = "Institution"
        if m.label is None and rx.search(r"\b(?:Visits?|Trip|Tour|Meeting|Talks)$", m.text):
            continue  # "the State Visit": an event, not a body
        if m.label in (None, "Institution", "Firm") and not gz.label_by_shape(m.text) and rx.search(
                r"\b(?:Aircraft|Jets?|Fighters?|Missiles?|Tanks?|Rifles?|Howitzers?|Drones?|Helicopters?|Frigates?|"
                r"Submarines?|Corvettes?|Destroyers?|Vehicles?)$", m.text):
            m.label = None  # "the Advanced Medium Combat Aircraft": a product, not a node
            m.kind = "product"
            continue
        if m.label in (None, "Firm", "Institution") and m.source not in ("shape", "typed", "title") and \
                rx.search(r"\b(?:in|at|near)\s+$", left) and rx.match(r",\s+[A-Z]", text[m.end:m.end + 3]):
            nxt = next((x for x in parsed.mentions if x.start > m.end), None)
            if nxt is not None and nxt.start - m.end <= 2 and nxt.label in ("Place", "Country"):
                m.label = "Place"  # "in Umroi, Meghalaya": a place in a place
                continue
        if m.label is None and m.source != "acronym":  # (what "the lithium miner X" says elsewhere, else a guess)
            m.label = typed_as.get(m.text) or ("Institution" if rx.search(r"\bthe\s+$", left) or
                                               m.text.isupper() and len(m.text) <= 4 else "Firm")
    # a one-word "person" that the text elsewhere calls a firm or body ("the manufacturer Baykar ... Baykar will")
    person_words = {w for m in parsed.mentions if m.label == "Person" and " " in m.text.strip() for w in m.text.split()}
    typed = {m.text: m.label for m in parsed.mentions if m.source == "typed" and m.label in ("Firm", "Institution")
             and " " not in m.text}
    for m in parsed.mentions:
        if m.label == "Person" and m.source == "PERSON" and m.text in typed:
            m.label = typed[m.text]
        elif m.label == "Person" and m.source == "PERSON" and rx.fullmatch(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+", m.text) and \
                not rx.match(r"(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz)[A-Z]", m.text):
            m.label = "Firm"  # "QatarEnergy", "PetroVietnam": a company name, not a person's
        elif m.label == "Person" and m.source == "PERSON" and " " not in m.text and m.text not in person_words and \
                not any(_TITLE_BEFORE.search(text[max(0, a - 40):a]) or _OFFICE_AFTER.match(text, b) or
                        rx.search(r"\b(?:at|in|near|from)\s+(?:the\s+)?$", text[max(0, a - 12):a]) or
                        rx.match(r"(?:\s+and\s+[A-Z]\w+)?\s+(?:governments?|administrations?|era|cabinets?|years|attacks?|"
                                 r"bombings?|shootings?|massacre|earthquake|floods?|disaster|incident|tragedy)\b", text[b:b + 40])
                        for a, b in find_word(text, m.text)):
            m.label = "Firm"  # "Petronas agreed to supply": one word, never with a first name or a title, no person
    for m in parsed.mentions:
        left = text[max(0, m.start - 30): m.start]
        if m.label == "Person" and m.source == "PERSON" and rx.search(r"\b(?:at|in)\s+(?:the\s+)?$", left) or \
                m.source == "ORG" and m.label == "Firm" and not gz.label_by_shape(m.text) and \
                rx.search(r"\b(?:terminal|port|plant|park|facility|site|base|venue|held)\s+at\s+$", left):
            m.label = "Place"  # "received him at Rashtrapati Bhavan": a venue
        elif m.label in ("Firm", "Institution", "Person") and rx.search(
                r"\b(?:House|Palace|Hall|Castle|Villa|Residence|Mansion|Bhavan|Manor|Lodge|Pavilion)$", m.text) and \
                rx.search(r"\b(?:at|inside|outside)\s+(?:the\s+)?$", left):
            m.label = "Place"  # "held talks at Hyderabad House": a venue
        if m.label == "Initiative" and (rx.search(r"\b(?:sign\w*|adopt\w*|conclud\w*|ratif\w*)\s+(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}$", left)
                                        or rx.match(r",?\s+(?:signed|agreed|concluded|struck)\s+between\s", text[m.end:m.end + 30])
                                        and not rx.search(r"\b(?:Partnership|Dialogue|Forum|Initiative|Corridor)$", m.text)):
            m.label = "Agreement"  # a road map or plan that is signed is an agreement ("the X Framework, agreed between")
    # people: longest names first; a shorter one joins the person whose name words it shares
    people: list[tuple[set[str], Entity]] = []
    for m in sorted((m for m in parsed.mentions if m.label == "Person" and m.kind == "name"),
                    key=lambda m: -len(_person_name(m.text))):
        name = _person_name(m.text)
        if not name or gz.country_of(name):
            m.label = None
            continue
        words = _name_words(name)
        hit = next((e for ws, e in people if words <= ws or ws <= words), None)
        if hit is None:
            if name.isupper():
                name = name.title()
            hit = Entity(id=slugify(name), name=name, label="Person", aliases=[])
            people.append((words, hit))
        add(m, hit)
        hit.add_alias(name)
    _find_more_people(parsed, people)
    for m in parsed.mentions:  # a place or body named like a person of the document is that person
        if m.entity is None and m.kind == "name" and m.label in ("Place", "Firm", "Institution", None) \
                and " " not in m.text and m.source not in ("shape", "gazetteer-place"):
            hit = next((e for ws, e in people if m.text.lower() in ws), None)
            if hit:
                m.label = "Person"
                add(m, hit)
    for m in parsed.mentions:  # "the President": the one person of the document with that title
        if m.kind == "title-ref":
            title = rx.sub(r"^[Tt]he ", "", m.text).lower()
            cands = {x.entity for x in parsed.mentions if x.entity and x.label == "Person" and
                     title in parsed.text[max(0, x.start - 40, m.end if m.end <= x.start else 0): x.start].lower()}
            if len(cands) > 1 and not m.text.lower().startswith("the "):  # a release's bare "Foreign Secretary":
                first = {c: min(x.start for x in parsed.mentions if x.entity == c) for c in cands}  # the first named
                cands = {min(cands, key=first.get)}
            if len(cands) == 1:
                m.entity = cands.pop()
                m.kind = "name"
    for m in parsed.mentions:
        if m.label == "Person" and m.kind == "name" and m.entity is None:
            for ws, e in people:
                if _name_words(m.text) <= ws:
                    add(m, e)
    # everything else, grouped by key; acronyms join their long form
    by_key: dict[tuple[str, str], Entity] = {}
    def lead(name: str) -> str | None:
        first = name.split()[0] if name.split() else ""
        return gz.country_of(_unpossess(first))
    leads: dict[str, set] = {}
    for m in parsed.mentions:
        if not m.entity and m.kind == "name" and m.source != "acronym" and m.label:
            leads.setdefault(_org_key(m.text), set()).add(lead(m.text))
    for t in acr_of.values():
        leads.setdefault(_org_key(t), set()).add(lead(t))

    def org_key(name: str) -> str:
        """The grouping key; "the Bangladesh X Authority" and "the Malaysian X Authority" stay apart."""
        key = _org_key(name)
        if len(leads.get(key, set()) - {None}) > 1 and lead(name):
            key += "#" + lead(name)
        return key
    long_of_acr = {a: org_key(long) for a, long in acr_of.items()}
    pending_acr = []
    for j, m in enumerate(parsed.mentions):  # "signed a contract with X": the contract with X, one of its own
        party = _deal_party(parsed, j) if m.source == "firm-deal" else None
        if party is not None:
            name = f"{m.text} with {party.text}"
            add(m, ents.get(slugify(name)) or Entity(id=slugify(name), name=name, label="Agreement", aliases=[name]))
    for m in parsed.mentions:
        if m.entity or m.kind != "name":
            continue
        if m.source == "acronym":
            pending_acr.append(m)
            continue
        known = gz.organisation(m.text)
        if known:  # "the EU" and "the European Union" are one body
            m.label = known[0]
        if m.label is None:
            continue
        key = org_key(known[1] if known else m.text)
        if _GENERIC_BODY.match(m.text):  # "Chile's Ministry of Defence" vs "Peru's Ministry of Defence"
            left = text[max(0, m.start - 40): m.start]
            owner = rx.search(r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?:['’]s)?\s+$", left)
            if owner and gz.country_of(owner.group(1)):
                key += "|" + gz.country_of(owner.group(1))
        e = by_key.get(key)
        if e is None:
            name = known[1] if known and known[1] in text else rx.sub(r"\s*\(([A-Z][A-Za-z]{1,9}s?)\)$", "", m.text)
            eid = slugify(name) + ("-" + key.split("|")[1].lower() if "|" in key else "")
            e = Entity(id=eid, name=name, label=m.label, aliases=[])
            by_key[key] = e
        add(m, e)
        e.add_alias(rx.sub(r"\s*\(([^()]*)\)$", "", m.text))
        inner = rx.search(r"\(([A-Z][A-Za-z]{1,9}s?)\)$", m.text)
        if inner:
            e.add_alias(inner.group(1))
        year = rx.match(r"(?:19|20)\d\d\s+(?=[A-Z])", m.text) if m.label in ("Agreement", "Initiative") else None
        if year:  # "the 2021 Shusha Declaration" is the Shusha Declaration
            e.add_alias(rx.sub(r"\s*\(([^()]*)\)$", "", m.text[year.end():]))
        btw = rx.search(r"\s+between\s+(?:the\s+)?[A-Z]", m.text) if m.label in ("Agreement", "Initiative") else None
        if btw and " " in m.text[:btw.start()]:  # "the Strategic Partnership between A and B" is the Strategic Partnership
            e.add_alias(m.text[:btw.start()])
    for m in pending_acr:
        key = long_of_acr.get(m.text)
        e = by_key.get(key) if key else None
        if e is not None:
            add(m, e)
    _link_agreement_refs(parsed, res)
    _link_bare_missions(parsed, res)
    _drop_products(parsed, res)
    _homes(parsed, res)
    _link_described(parsed, res)
    _ministers(parsed, res)
    # same-named generic bodies of different countries are different nodes
    for eid in list(ents):
        e = ents[eid]
        if e.label in ("Institution", "Mission") and _GENERIC_BODY.match(e.name) and eid in res.home:
            code = res.home[eid][0]
            if not any(gz.country_of(_unpossess(w.strip(","))) for w in e.name.split()) and not eid.endswith("-" + code):
                new = f"{eid}-{code}"
                e.id = new
                ents[new] = ents.pop(eid)
                for m in parsed.mentions:
                    if m.entity == eid:
                        m.entity = new
                res.home[new] = res.home.pop(eid)
                res.office = {p: new if o == eid else o for p, o in res.office.items()}
    for e in ents.values():
        if e.label != "Country" and e.id in res.home:
            e.country = res.home[e.id][0].upper()
    return res


def _portfolio(name: str) -> str:
    return " ".join(rx.sub(r"[,&]|\band\b|\bthe\b", " ", name).lower().split())


def _ministers(parsed: Parsed, res: Resolution) -> None:
    """"Minister of Industry and Trade X" holds office in the Ministry of Industry and Trade of the
    document, when it is of X's country."""
    bodies = {}
    for e in res.entities.values():
        mb = rx.match(r"(?:[A-Z][\w-]*\s+)?(?:Ministry|Department)\s+(?:of|for)\s+(?:the\s+)?(.+)$", e.name) \
            if e.label == "Institution" else None
        if mb:
            bodies.setdefault(_portfolio(mb.group(1)), []).append(e.id)
    if not bodies:
        return
    for m in parsed.mentions:
        if res.entities.get(m.entity) is None or res.entities[m.entity].label != "Person" or m.entity in res.office:
            continue
        mt = rx.search(r"\b(?:Minister|Secretary)\s+(?:of|for)\s+(?:the\s+)?([A-Z][\w\s,&-]*?),?\s+$",
                       parsed.text[max(0, m.start - 90):m.start])
        home = res.home.get(m.entity, (None,))[0]
        for b in bodies.get(_portfolio(mt.group(1)), []) if mt else []:
            if res.home.get(b, (home,))[0] == home:
                res.office[m.entity] = b
                break


def _link_described(parsed: Parsed, res: Resolution) -> None:
    """"the Swedish agency" is the one Swedish body of the document with "agency" in its name; "the Dutch
    embassy", when no embassy is named, is that country's embassy (in the other country of the pair)."""
    ents = res.entities
    for m in parsed.mentions:
        if m.kind == "capital-ref" and m.country:  # "the Ethiopian capital": the city, named or not
            name = gz.country(m.country).capital
            e = next((x for x in ents.values() if x.label == "Place" and gz.norm(x.name) == gz.norm(name)), None) or \
                ents.setdefault(slugify(name), Entity(id=slugify(name), name=name, label="Place", aliases=[]))
            e.add_alias(m.text)
            m.entity = e.id
            if e.id not in res.located:
                ents.setdefault(m.country.lower(), _country_entity(m.country))
                res.located[e.id] = (m.country.lower(), True)
            continue
        if m.kind != "desc-ref" or not m.country:
            continue
        code = m.country.lower()
        head = m.text.split(None, 1)[1].lower()
        cands = [e for e in ents.values() if e.label == m.label and res.home.get(e.id, ("",))[0] == code
                 and (head in e.name.lower() or m.label == "Firm")]
        if len(cands) == 1:
            m.entity = cands[0].id
            cands[0].add_alias(m.text)
        elif not cands and m.label == "Mission":
            e = Entity(id=slugify(m.text), name=m.text, label="Mission", aliases=[m.text])
            ents.setdefault(e.id, e)
            m.entity, m.kind = e.id, "name"
            res.home[e.id] = (code, True)
            other = [c for c in res.dyad if c != code]
            if len(res.dyad) == 2 and len(other) == 1:
                res.host[e.id] = other[0]


_REF_HEADS = {"mou": ("memorandum", "mou"), "memorandum": ("memorandum", "mou"),
              "deal": ("deal", "contract", "agreement"), "contract": ("contract", "deal", "agreement"),
              "treaty": ("treaty", "convention", "agreement"), "convention": ("convention", "treaty"),
              "protocol": ("protocol",), "accord": ("accord", "agreement"), "pact": ("pact", "agreement")}


def _link_bare_missions(parsed: Parsed, res: Resolution) -> None:
    """"the Embassy will keep opening doors": a bare "the Embassy/Consulate/High Commission" is the one
    mission of that kind named in the document (none when there are several)."""
    ents = res.entities
    for eid, e in list(ents.items()):
        kind = rx.fullmatch(r"(?i)(embassy|consulate|high commission)", e.name)
        if e.label != "Mission" or not kind:
            continue
        named = {x.entity for x in parsed.mentions if x.entity in ents and x.entity != eid and
                 ents[x.entity].label == "Mission" and rx.search(rf"(?i)\b{kind.group(1)}\b", ents[x.entity].name)}
        if len(named) != 1:
            continue
        hit = named.pop()
        for m in parsed.mentions:
            if m.entity == eid:
                m.entity = hit
        ents[hit].add_alias(e.name)
        del ents[eid]


def _link_agreement_refs(parsed: Parsed, res: Resolution) -> None:
    """"The MoU was signed by ...": a definite reference to an agreement named before it (the latest one
    whose name has a matching head word; "the agreement" may be any kind)."""
    ents = res.entities

    def generic(eid: str) -> bool:
        return set(rx.split(r"[\s-]+", ents[eid].name.lower())) <= _GENERIC_AGREEMENT

    specific = [x for x in parsed.mentions if x.entity in ents and ents[x.entity].label == "Agreement"
                and x.kind == "name" and not generic(x.entity)]
    for j, m in enumerate(parsed.mentions):
        bare = m.kind == "name" and m.entity in ents and ents[m.entity].label == "Agreement" and generic(m.entity)
        if m.kind != "agreement-ref" and not bare:
            continue
        word = m.text.lower().split()[0] if m.text.lower().split()[0] != "memorandum" else "memorandum"
        heads = _REF_HEADS.get(word)

        def fits(x: Mention) -> bool:
            return heads is None or bool(rx.search(r"\b(?:" + "|".join(heads) + r")", ents[x.entity].name, re.I))
        hit = next((x for x in reversed(specific) if x.start < m.start and fits(x)), None)
        if hit is None and bare:  # a headline's "MoU" before the memorandum is named in full
            hit = next((x for x in specific if x.start > m.start and fits(x)), None)
        if hit is not None:
            old = m.entity
            m.entity = hit.entity
            ents[hit.entity].add_alias(m.text)
            if old and old != hit.entity and not any(x.entity == old for x in parsed.mentions):
                del ents[old]


_PRODUCT = (r"(?:missiles?|rockets?|drones?|jets?|aircraft|fighters?|helicopters?|tanks?|frigates?|submarines?|"
            r"radars?|satellites?|vaccines?|rifles?|howitzers?|launchers?|vehicles?|chips?|engines?)")


def _drop_products(parsed: Parsed, res: Resolution) -> None:
    """Products are not nodes: "Storm Shadow is a ... missile", "a missile known as SCALP"."""
    text = parsed.text
    for eid, e in list(res.entities.items()):
        if e.label == "Country":
            continue
        ms = [m for m in parsed.mentions if m.entity == eid]
        if any(rx.match(rf"\s+(?:is|was)\s+an?\s+(?:[\w-]+,?\s+){{0,6}}?{_PRODUCT}\b", text[m.end:m.end + 100]) or
               rx.search(rf"{_PRODUCT}\s+(?:known as|called|named|dubbed)\s+$", text[max(0, m.start - 40):m.start])
               for m in ms):
            del res.entities[eid]
            for m in ms:
                m.entity = None


#: a title or honorific right before a name, and an office right after one ("Lula, the president,")
_TITLE_BEFORE = re.compile(rf"(?:\b(?:{TITLES})|\b(?:Mr|Mrs|Ms|Dr|Mme|Madam|Sen|Rep|Gov|Lt|Col|Gen|Adm|Capt)\.?)\s+$")
_OFFICE_AFTER = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,4}?(?:president|minister|chancellor|king|queen|"
                           r"leader|ambassador|secretary|premier|governor|mayor|chief|head|founder|spokes\w+|envoy|"
                           r"director|chair\w*)\b", re.I)


_STATE_REF = re.compile(r"\b[Tt]he\s+((?i:kingdom|emirate|sultanate|principality|grand\s+duchy))\b(?!\s+of\b)(?![ ][A-Z])")


def _state_refs(parsed: Parsed, res: Resolution) -> None:
    """"the kingdom", "the sultanate": the one country of the pair whose official name says so."""
    found = []
    for m in _STATE_REF.finditer(parsed.text):
        word = m.group(1).lower().split()[0]
        hits = [c for c in res.dyad if any(rx.search(rf"\b{word}\b", n, re.I) for n in gz.country(c.upper()).names)]
        same = [x for x in parsed.mentions if x.start == m.start(1) and x.end == m.end(1) and x.label != "Country"]
        if len(hits) == 1 and same:  # "a visit to the Sultanate": the model's one-word body is the country
            parsed.mentions = [x for x in parsed.mentions if x not in same]
        if len(hits) == 1 and not any(x.start < m.end() and m.start() < x.end for x in parsed.mentions):
            e = res.entities.setdefault(hits[0], _country_entity(hits[0].upper()))
            found.append(Mention(m.start(), m.end(), m.group(), "Country", "dyad", sent=parsed.sent_of(m.start()),
                                 country=hits[0].upper(), kind="dyad-ref", entity=e.id))
    if found:
        parsed.mentions = sorted(parsed.mentions + found, key=lambda x: x.start)


#: a finite verb (or an auxiliary), after an optional adverb ("Seoul transferred", "Beijing later extended")
_VERB_AFTER = re.compile(r"\s+(?:(?:[a-z]+ly|also|already|later|now|then|still|again|soon|long|once|never)\s+)?"
                         r"(?!host)(?:[a-z]+(?:ed|s)|will|would|can|could|should|must|may|might|had|did|made|took|gave|"
                         r"sent|won|lost|sold|bought|held|met|got|put|set|cut|paid|kept|told|said|saw|began|became|left|"
                         r"led|built|spent|brought|sought|chose|drew|fell|rose|struck|stood|wrote|ran|came|went|knew|"
                         r"thought|found|felt|let|heard|hit|spoke|broke|grew|fought|lent|shut|withdrew)\b")


def _verb_follows(parsed: Parsed, m: Mention) -> bool:
    """True when a verb comes right after the mention ("Seoul transferred the corvette", "Tokyo, Vietnam's
    largest donor, wants more", "Beijing later extended"); not after a preposition ("officials in Berlin
    said") and not for a host ("Seoul hosted the meeting"). Word shapes only: tagging the sentence with
    the model found the same capitals on every set and cost more than all the rules on it."""
    text = parsed.text
    if rx.search(r"\b(?:in|at|to|from|of|near|via|into|across|outside|around|between|for|with|by|on)\s+$",
                 text[max(0, m.start - 12):m.start], re.I):
        return False
    app = rx.match(r",\s+[^,.;:\n]{3,60}?,", text[m.end:m.end + 70])  # "Tokyo, X's largest donor, wants"
    return bool(_VERB_AFTER.match(text, m.end + (app.end() if app else 0)))


def _is_subject(parsed: Parsed, m: Mention) -> bool:
    """True when the mention acts: the subject of a verb ("New Delhi said", "Washington will pause")."""
    if parsed.doc is not None:
        span = parsed.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span):
            root = span.root
            if root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX"):
                return True
            if root.dep_ == "conj" and root.head.dep_ in ("nsubj", "nsubjpass"):
                return True
    after = parsed.text[m.end: m.end + 60]
    after = rx.sub(r"^\s+and\s+[A-Z][\w ]*?(?=\s+[a-z])", "", after)  # "Manila and Tokyo agreed"
    if rx.match(r"\s+(?:will|would|can|could|should|must|may|might)\s+(?:not\s+)?[a-z]+", after) or rx.match(
            r"\s+(?:has|have|had)\s+(?:not\s+|also\s+|already\s+|long\s+|so\s+far\s+|since\s+|now\s+)?[\"“]?(?:[a-z]+ed|been|made|done|won|sold|built|"
            r"held|met|sent|given|taken|become|begun|chosen|spent|paid|told|kept|lost|brought|bought|sought)\b", after):
        return True  # "Washington will pause", "Kyiv had moved": a place does not act, its government does
    after = rx.sub(r"^\s+(?:also|have|has|had|will|would|on \w+)(?=\s)", "", after)
    after = rx.sub(r"^,\s+(?:for its part|in turn|meanwhile|for its side|in response|however),", "", after)
    return bool(rx.match(r"\s+(?:has|have|had|said|says|is|was|will|would|wants?|wanted|agreed|announced|urged|"
                         r"sells|sold|buys|bought|exports|exported|imports|imported|supplies|supplied|"
                         r"welcomed|welcomes|rejected|signed|hopes?|hoped|wish(?:es|ed)?|believes?|insists?|insisted|accused|warned|sees|saw|"
                         r"expects?|expected|plans?|planned|seeks?|sought|intends?|intended|supports?|supported|backs|backed|"
                         r"opposes|opposed|pledged|promised|offered|demanded|criticised|criticized|praised|protested|"
                         r"tries|tried|pulled|withdrew|upgraded|downgraded|responded|reacted|denied|confirmed|vowed|"
                         r"threatened|imposed|lifted|condemned|retaliated|recalled|summoned|approved|refused|declined|"
                         r"allowed|allows|recognised|recognized|endorsed|endorses|regards|considers|views|rejects|"
                         r"denies|accuses|opposes|insists)\b", after)) and \
        not rx.search(r"\b(?:in|at|to|from|of)\s+$", parsed.text[max(0, m.start - 6): m.start])


def _dyad(parsed: Parsed, title: str) -> tuple[tuple[str, ...], bool]:
    counts: Counter = Counter()
    for m in parsed.mentions:
        if m.entity and m.label == "Country":
            counts[m.entity] += 1
        elif m.kind == "name":  # countries inside names such as "India-Japan Partnership"
            for pair in rx.findall(r"[A-Z][\w.]+(?:[\u2013-][A-Z][\w.]+)+", m.text):
                for part in rx.split(r"[\u2013-]", pair):
                    code = gz.country_of(part)
                    if code:
                        counts[code.lower()] += 1
    for part in rx.findall(r"[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?", title):
        code = gz.country_of(part)
        if code and code.lower() in counts:
            counts[code.lower()] += 3
    top = counts.most_common(3)
    crowded = len(top) == 3 and top[2][1] >= 0.6 * top[1][1] and top[2][1] >= 2
    return tuple(c for c, _ in top[:2]), crowded


def _find_more_people(parsed: Parsed, people: list[tuple[set[str], Entity]]) -> None:
    """Add mentions for people named later by one of their name words alone ("Kamikawa")."""
    text = parsed.text
    taken = [(m.start, m.end) for m in parsed.mentions]
    new = []
    for ws, e in people:
        if " " in e.name:  # the full name first: "Laurent Collet-Billon" is one mention, not two
            for a, b in find_word(text, e.name):
                if not any(s <= a < t for s, t in taken):
                    new.append(Mention(a, b, e.name, "Person", "name-word", sent=parsed.sent_of(a), entity=e.id))
                    taken.append((a, b))
        for w in sorted(ws, key=lambda w: (e.name.lower().find(w), w)):  # in name order, whatever the hash seed
            if len(w) < 3 or gz.country_of(w) or w in ("president", "minister"):
                continue
            surface = next((t for t in e.name.split() if t.lower().strip(".") == w), None)
            if not surface or not surface[0].isupper():
                continue
            for a, b in find_word(text, surface):
                if any(s <= a < t for s, t in taken):
                    continue
                m = Mention(a, b, surface, "Person", "name-word", sent=parsed.sent_of(a), entity=e.id)
                e.add_alias(surface)
                taken.append((a, b))
                new.append(m)
    parsed.mentions = sorted(parsed.mentions + new, key=lambda m: m.start)


def _country_in(text: str, last: bool = False) -> str | None:
    """The first (or ``last``) country named or by demonym in ``text``, as an entity id."""
    if last:
        found = [c for c in (_country_in(w) for w in rx.findall(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.]*)*", text)) if c]
        return found[-1] if found else None
    for w in rx.findall(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.]*)*", text):
        if rx.match(r"(?:North|South|East|West|Central|Latin)\s+(?:America|Asia|Africa|Europe)\b", w):
            continue
        for cand in (w, *w.split()):
            code = gz.country_of(_unpossess(cand.strip(",.")))
            if code:
                return code.lower()
    return None


_KIND = r"(?:" + TYPE_NOUN_ALT + r")s?"
# "Gulf Air, the national carrier of Bahrain", "X, the largest lender of Ecuador"
_KIND_OF_COUNTRY = re.compile(r"\s*(?:\([A-Z][A-Za-z]{1,9}\)\s*)?,\s*the\s+(?:[a-z][\w-]*\s+){0,3}?" + _KIND +
                              r"\s+of\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*)")
# "Acrow, a New Jersey manufacturer", "X, the Mumbai drugmaker"
_KIND_FROM_PLACE = re.compile(r"\s*(?:\([A-Z][A-Za-z]{1,9}\)\s*)?,\s*(?:a|an|the)\s+([A-Z][\w\u00C0-\u024F-]*(?:\s[A-Z][\w\u00C0-\u024F-]*)?)"
                              r"\s+(?:[a-z][\w-]*\s+){0,2}?" + _KIND + r"\b")
# "X, a trade economist at | Y", "X, who teaches British-Irish politics at | Y", "X, senior fellow at | Y"
_AFFILIATION = re.compile(r",\s+(?:(?:a|an|the)\s+)?(?:(?:senior|junior|chief|lead|leading|visiting|associate|assistant|"
                          r"research|trade|political|energy|defence|defense|security|economic|foreign|policy|china|"
                          r"[a-z]+-[a-z]+)\s+){0,2}(?:economist|analyst|researcher|professor|lecturer|scholar|fellow|"
                          r"expert|historian|scientist|engineer|strategist|specialist|consultant)\s+(?:at|with|from)\s+"
                          r"(?:the\s+)?|,\s+who\s+(?:teaches|lectures|works|researches|studies)\s+(?:[\w-]+\s+){0,4}?"
                          r"(?:at|for|with)\s+(?:the\s+)?")
# "X, China's ambassador in Belgrade", "X, the Korean ambassador in Bratislava"
_POSTED_IN = re.compile(r"\s*,\s*(?:the\s+)?(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*(?:['’]s)?\s+)?(?:[a-z-]+\s+)?"
                        r"(?:[Aa]mbassador|[Ee]nvoy|[Hh]igh [Cc]ommissioner|[Cc]onsul(?:[ -][Gg]eneral)?|"
                        r"[Cc]harg[eé] d['’][Aa]ffaires)\s+in\s+([A-Z][\w\u00C0-\u024F-]*(?:\s[A-Z][\w\u00C0-\u024F-]*)?)")


def _deal_party(parsed: Parsed, j: int) -> Mention | None:
    """The body named right after mention j's "with" ("a contract with state utility | X"), or None."""
    w = rx.match(r"\s+with\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}", parsed.text[parsed.mentions[j].end:])
    nxt = parsed.mentions[j + 1] if j + 1 < len(parsed.mentions) else None
    return nxt if w and nxt is not None and nxt.start == parsed.mentions[j].end + w.end() else None


def _homes(parsed: Parsed, res: Resolution) -> None:
    text = parsed.text
    ments = parsed.mentions
    ents = res.entities
    qualified: set[str] = set()  # countries named in titles: foreign officials get qualified
    for j, m in enumerate(ments):
        if m.entity not in ents or ents[m.entity].label != "Person":
            continue
        posted = _POSTED_IN.match(text, m.end)  # "Li Ming, China's ambassador in Belgrade": based in the city,
        pid = _entity_named(ents, posted.group(1), "Place") if posted else None  # posted to its country
        if pid:
            res.based.setdefault(m.entity, pid)
            host = gz.place_country(posted.group(1))
            if host and host.lower() in ents:
                res.host.setdefault(m.entity, host.lower())
        aff = _AFFILIATION.match(text, m.end)  # "X, a trade economist at Y University", "X, who teaches at Y"
        body = next((x for x in ments[j + 1:j + 3] if aff and x.start == aff.end() and x.entity in ents and
                     ents[x.entity].label in ("Institution", "Firm")), None)
        if body is not None:
            res.office.setdefault(m.entity, body.entity)
    for i, m in enumerate(ments):
        e = ents.get(m.entity or "")
        if e is None or e.label in ("Country",) or e.id in res.home:
            continue
        if e.label != "Person" and (any(gz.organisation(a) for a in e.aliases) or _EU_BODY.match(e.name)):
            continue  # an international body has no home country ("the UK government and the European Commission")
        s0, s1 = parsed.sents[m.sent]
        prev_end = max([x.end for x in parsed.in_sent(m.sent) if x.label not in ("Country",)
                        and x.entity != e.id and x.end <= m.start] or [s0])
        left = text[max(prev_end, m.start - 90): m.start]
        right = text[m.end: min(s1, m.end + 120)]
        if e.label == "Person":
            pb = rx.match(r"\s*,\s*(?:a|an|the)\s+([A-Z]\w*(?:\s[A-Z]\w*)*)-(?:based|headquartered)\b", right)
            pid = _entity_named(ents, pb.group(1), "Place") if pb else None
            if pid:  # "Jane Doe, a Lima-based analyst"
                res.based[e.id] = pid
            code = _person_country(parsed, res, i, left, right, qualified)
            if code:
                res.home[e.id] = (code, True)
                res.titled.add(e.id)
            continue
        # organisations, missions, initiatives: the name, a possessive, a demonym, "-based"
        code, stated = None, True
        post = rx.search(r"^(.*?)\s+in\s+([A-Z][\w\u00C0-\u024F-]+(?:\s(?:(?:es|el|al|de|da|do|du)\s)?[A-Z][\w\u00C0-\u024F-]+)?)$",
                         e.name) if e.label == "Mission" else None
        if post and not _entity_named(ents, post.group(2), "Place") and not gz.country_of(post.group(2)):
            where = gz.place_country(post.group(2), population=100_000)
            if where:  # "the Royal X Embassy in Tokyo", the city named nowhere else: a place of its own
                pid = slugify(post.group(2))
                ents.setdefault(pid, Entity(id=pid, name=post.group(2), label="Place", aliases=[post.group(2)]))
                if ents[pid].label == "Place":
                    res.located.setdefault(pid, (where.lower(), False))
        if post:  # "the Embassy of the Kingdom of Morocco in Abuja": the sender in front, the host after "in"
            sender = _country_re().search(post.group(1))
            code = gz.country_of(sender.group(1)).lower() if sender and gz.country_of(sender.group(1)) else None
            host = _entity_named(ents, post.group(2), "Place") or (
                gz.country_of(post.group(2)).lower() if gz.country_of(post.group(2)) else None)
            if host and host in ents:
                res.based[e.id] = host
            if code:
                res.home[e.id] = (code, True)
                continue
        if e.label in ("Firm", "Institution", "Mission"):
            words = rx.split(r"[\s]+", e.name)
            for k, w in enumerate(words):
                c = gz.country_of(_unpossess(w.strip(",()")))
                pair = " ".join(words[k:k + 2]) if k + 1 < len(words) else ""
                if c and pair and gz.place_country(pair) and gz.place_country(pair) != c and not gz.country_of(pair):
                    c = gz.place_country(pair)  # "University of British Columbia": Canada's
                if c and not rx.search(r"[\u2013-]", w):
                    code = c.lower()
                    break
            if code is None:  # a country of several words: "New Zealand Defence Force"
                for cm in _country_re().finditer(e.name):
                    if " " in cm.group(1) and gz.country_of(cm.group(1)) and \
                            not rx.search(r"[\u2013-]", e.name[max(0, cm.start(1) - 1):cm.end(1) + 1]):
                        code = gz.country_of(cm.group(1)).lower()
                        break
            if code is None:
                mt = rx.search(r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)['’]s\s+(?:(?!(?:to|of|for|with|from|by|on)\b)[a-z][\w-]*\s+){0,4}"
                               r"(?:[a-z][\w-]*,\s+)?$", left)  # not "Morocco's request to join the X"; "X's agency, Y"
                if mt and gz.country_of(mt.group(1)):
                    code = gz.country_of(mt.group(1)).lower()
                if mt is None:  # the place itself is a mention that ends the left context
                    mt = rx.search(r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)['’]s\s+$", text[max(s0, m.start - 40):m.start])
                    mt = mt if mt and not gz.country_of(mt.group(1)) else None
                if mt and gz.country_of(mt.group(1)):
                    pass
                elif mt and gz.place_country(mt.group(1), res.dyad and tuple(c.upper() for c in res.dyad)):
                    # "Dubai's DP World": a firm of that city
                    pid = _entity_named(ents, mt.group(1), "Place")
                    if pid:
                        res.based[e.id] = pid
                    code = gz.place_country(mt.group(1), tuple(c.upper() for c in res.dyad)).lower()
            if code is None:  # "X Holdings, a Malaysian energy developer", "X, Ghana's state cocoa board"
                ap = rx.match(r"\s*(?:\([A-Z][A-Za-z]{1,9}\)\s*)?,\s*(?:(?:a|an|the)\s+(?:[a-z][\w-]*\s+){0,2}?"
                              r"([A-Z][a-z]+)(?=\s+[a-z])|([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)['’]s\s+[a-z])", right)
                if ap and gz.country_of(ap.group(1) or ap.group(2)):
                    code = gz.country_of(ap.group(1) or ap.group(2)).lower()
                ref = rx.match(r"\s*(?:\([A-Z][A-Za-z]{1,9}\)\s*)?,\s*", right)
                ref = ref and next((x for x in ments if x.start == m.end + ref.end() and x.kind == "dyad-ref"), None)
                if code is None and ref is not None and rx.match(r"['’]s\s+[a-z]", text[ref.end:ref.end + 4]):
                    code = ref.entity  # "the Public Investment Fund (PIF), the kingdom's sovereign wealth fund"
            if code is None:  # "the Ministry of Education (ME) of Peru", "the X Authority of Ghana"
                of = rx.match(r"\s*(?:\([A-Z][A-Za-z]{1,9}\)\s*)?(?:of|in)\s+(?:the\s+)?", right)
                nxt = next((x for x in ments[i + 1:i + 3] if of and x.start == m.end + of.end() and x.label == "Country"
                            and x.entity), None)
                if nxt is not None and e.label != "Mission":
                    code = nxt.entity
            if code is None and e.label in ("Firm", "Institution"):  # "Gulf Air, the national carrier of Bahrain"
                of = _KIND_OF_COUNTRY.match(right)
                if of and gz.country_of(of.group(1)):
                    code = gz.country_of(of.group(1)).lower()
            where = _KIND_FROM_PLACE.match(right) if e.label in ("Firm", "Institution") else None
            if where and not gz.country_of(where.group(1)):  # "Acrow, a New Jersey manufacturer"
                pid = _entity_named(ents, where.group(1), "Place")
                if pid and e.id not in res.based:
                    res.based[e.id] = pid
                if code is None and pid:
                    code = (gz.place_country(where.group(1)) or "").lower() or None
            if code is None:  # "the German submarine builder X", "Japanese firms including X"
                mt = rx.search(r"\b([A-Z][a-z]+|[A-Z]{2,3})\s+(?:(?:(?!of\b|by\b)[a-z][\w-]*|and|,)\s+){1,6}$", left)
                # (not "the Brazilian subsidiary of | X": the subsidiary is Brazilian, X need not be; "US software giant X")
                c = mt and (gz.country_by_demonym(mt.group(1)) or mt.group(1).isupper() and gz.country_of(mt.group(1)))
                if c:
                    code = c.lower()
            if code is None:
                mt = rx.search(r"\b([A-Z][a-z]+)\s+(?:[\w-]+\s+|and\s+|,\s*){0,6}?(?:firms?|compan(?:y|ies)|"
                               r"manufacturers?|makers?|agency|group|conglomerates?|giants?|corporations?|"
                               r"banks?|institutions?|universit(?:y|ies)|suppliers?)\b[^.;]*$", left)
                if mt and gz.country_by_demonym(mt.group(1)):
                    code = gz.country_by_demonym(mt.group(1)).lower()
            based = rx.search(r"([A-Z]\w*(?:\s[A-Z]\w*)*)-(?:based|headquartered)\s+(?:(?!of\b|and\s+[A-Z])[\w-]+\s+){0,6}$", text[max(s0, m.start - 90): m.start]) \
                or rx.match(r"\s*(?:\([A-Z][A-Za-z]{1,9}\)\s*)?,\s*(?:a|an|the)\s+([A-Z]\w*(?:\s[A-Z]\w*)*)-(?:based|headquartered)\b", right)
            # ("the X-based parent of Y": X-based is the parent; "Y, the X-based maker": Y is; "X-based A and B": A is)
            inn = rx.match(r"\s*(?:\([A-Z][A-Za-z]{1,9}\)\s*)?\s+in\s+", right) if e.label in ("Institution", "Firm") else None
            nxt = next((x for x in ments[i + 1:i + 3] if inn and x.start == m.end + inn.end() and x.entity), None)
            if nxt is not None and ents[nxt.entity].label == "Place" and e.id not in res.based:
                res.based[e.id] = nxt.entity  # "the X University (XU) in Trondheim"
            if based:
                pid = _entity_named(ents, based.group(1), "Place")
                if pid:
                    res.based[e.id] = pid
                bc = gz.place_country(based.group(1)) or gz.country_of(based.group(1))
                if code is None and bc:
                    code = bc.lower()
            words = e.name.split()
            if code is None and len(words) > 2 and not _INTERNATIONAL.search(e.name):  # "Abu Dhabi Investment Authority"
                for k in (3, 2):
                    c = gz.big_place_country(" ".join(words[:k])) if k < len(words) else None
                    if c:
                        code, stated = c.lower(), False
                        pid = _entity_named(ents, " ".join(words[:k]), "Place")
                        if pid and e.id not in res.based and e.label != "Firm":  # as for "Chongqing University"
                            res.based[e.id] = pid
                        break
            if code is None and not _INTERNATIONAL.search(e.name):  # a place in the name: "Tokyo Electron"
                for w in (e.name.split()[0], e.name.split()[-1]):
                    c = gz.big_place_country(w) if w[:1].isupper() and len(w) > 3 else None
                    if c:
                        code, stated = c.lower(), False
                        break
            if e.id not in res.based and not _INTERNATIONAL.search(e.name):  # a place of the document in the name: "Chongqing University", "X (Chongqing) Co"
                for alias in e.aliases:
                    inner = rx.search(r"\(([A-Z][\w ]+)\)", alias)
                    words = [] if e.label == "Firm" else [alias.split()[0], alias.split()[-1]]
                    for w in ([inner.group(1)] if inner else []) + words:
                        pid = _entity_named(ents, w, "Place")
                        if pid:
                            res.based[e.id] = pid
                            break
                    if e.id in res.based:
                        break
            if code is None and rx.match(r"^\s*(?:,|and|or|as well as)\s*$", left):  # "firms such as A and B"
                prev = [x for x in ments[:i] if x.sent == m.sent and x.entity and x.entity != e.id and x.end <= m.start]
                if prev and ents[prev[-1].entity].label == e.label and prev[-1].entity in res.home:
                    code, stated = res.home[prev[-1].entity]
            if code is None and e.id in res.based:
                pc = gz.place_country(ents[res.based[e.id]].name)
                if pc:
                    code, stated = pc.lower(), False
        if code:
            res.home[e.id] = (code, stated)
    # "X, based in Y" and "The agency, based in Y": the body named (or the last one with that head word)
    for bm in rx.finditer(r"(?:\b[Tt]he\s+(agency|company|firm|bank|ministry|university|institute|manufacturer|"
                          r"group|operator|fund))?,\s+(?:which is\s+)?(?:based|headquartered)\s+in\s+", text):
        where = next((x for x in ments if x.start == bm.end() and x.entity and ents[x.entity].label == "Place"), None)
        if where is None:
            continue
        if bm.group(1):
            body = next((x for x in reversed(ments) if x.end <= bm.start() and x.entity and ents[x.entity].label in
                         ("Firm", "Institution") and bm.group(1) in ents[x.entity].name.lower()), None)
        else:
            body = next((x for x in ments if x.end == bm.start() and x.entity and ents[x.entity].label in
                         ("Firm", "Institution", "Mission")), None)
        if body is not None and body.entity not in res.based:
            res.based[body.entity] = where.entity
    # people with a title but no country: the dyad country with fewer office-holders so far
    titled = [eid for eid in res.titled if eid not in res.home and not (
        eid in res.office and res.office[eid] not in res.home)]  # an officer of an international body has no country
    if res.crowded:  # three or more countries in play: a bare title says nothing about which
        titled = []
    own = [c for c in res.dyad if c not in qualified]
    for eid in sorted(titled, key=lambda x: min(m.start for m in ments if m.entity == x)):
        if len(res.dyad) < 1:
            break
        post = _mission_of_envoy(parsed, res, eid)
        if post:  # "at the Embassy of X in Y, accompanied by Ambassador Z": Z is X's ambassador
            res.home[eid] = (post, False)
            continue
        titled_as = _office_country(parsed, res, eid)
        if titled_as:  # "Chancellor X" in a text about Kenya and Germany: Germany's
            res.home[eid] = (titled_as, False)
            continue
        local = _local_country(parsed, res, eid)
        if local:  # "In Tokyo, Defence Minister X welcomed ...": X speaks at home
            res.home[eid] = (local, False)
            continue
        hosting = _hosting_country(parsed, res, eid)
        if hosting:  # "President X welcomed Y at the Z Palace in C": X is of C
            res.home[eid] = (hosting, False)
            continue
        visited = _visited_country(parsed, res, eid)
        if visited and len(res.dyad) == 2:  # "the State Visit of President X to India": X is not Indian
            res.home[eid] = (next(c for c in res.dyad if c != visited), False)
            continue
        met = _met_country(parsed, res, eid)
        if met and len(res.dyad) == 2:  # "X of A was due to meet President Y": Y is of the other country
            res.home[eid] = (next(c for c in res.dyad if c != met), False)
            continue
        if len(own) == 1 and len(res.dyad) == 2:  # unqualified titles belong to the writer's country
            res.home[eid] = (own[0], False)
            continue
        counts = Counter(c for (c, _) in (res.home[p] for p in res.home if ents[p].label == "Person"))
        code = min(res.dyad, key=lambda c: counts.get(c, 0))
        res.home[eid] = (code, False)
    # places: the gazetteer, "X in Y", "the Uruguayan capital, X", "the Argentinean city of X"
    for m in ments:
        e = ents.get(m.entity or "")
        if e is None or e.label != "Place" or e.id in res.located:
            continue
        s1 = parsed.sents[m.sent][1]
        right = text[m.end: min(s1, m.end + 40)]
        left = text[max(parsed.sents[m.sent][0], m.start - 50): m.start]
        mt = rx.match(r"\s*(?:port|city|town|province|region|district|state)?\s*(?:,\s*)?in\s+(?:the\s+)?"
                      r"(?:(?:state|province|region|city|county|prefecture)\s+of\s+)?", right)
        if mt:
            nxt = next((x for x in ments if x.start == m.end + mt.end() and x.entity), None)
            if nxt and ents[nxt.entity].label in ("Place", "Country") and nxt.entity != e.id:
                res.located[e.id] = (nxt.entity, True)
                continue
        reg = rx.match(r",\s+", right)
        nxt = reg and next((x for x in ments if x.start == m.end + reg.end() and x.entity and x.source == "typed"), None)
        if nxt and ents[nxt.entity].label == "Place" and nxt.entity != e.id:  # "Semarang, Central Java"
            res.located[e.id] = (nxt.entity, True)
            code = gz.place_country(m.text, prefer=tuple(c.upper() for c in res.dyad), population=100_000)
            if code and nxt.entity not in res.located and not gz.place_country(nxt.text):
                res.located[nxt.entity] = (code.lower(), False)
            continue
        mt = rx.search(r"\b([A-Z][a-z]+)\s+(?:city|capital|town|province|state|region|port|island)\s*(?:of|,)\s*$", left)
        if mt and gz.country_of(mt.group(1)):
            res.located[e.id] = (gz.country_of(mt.group(1)).lower(), True)
            continue
        prefer = tuple(c.upper() for c in res.dyad)
        code = gz.place_country(m.text, prefer=prefer, population=100_000)
        bare = rx.sub(r"\s+(?:State|Province|Region|Prefecture|County|District|Island)$", "", m.text)
        if bare != m.text and (code is None or code not in prefer):  # "Akwa Ibom State", "Jurong Island"
            # ("the Northern Region" of Ghana is "Northern" in the gazetteer; Malawi's is "Northern Region")
            alt = gz.place_country(bare, prefer=prefer, population=100_000)
            code = alt if code is None or alt in prefer else code
        if code and code.lower() not in res.dyad and gz.place_kind(m.text) == "region" and m.source == "LOC":
            code = None  # a region name ("the Sahel") that is also some third country's province
        if rx.search(r"\b(?:Sea|Ocean)$|^(?:the\s+)?Straits?\s+of\b", m.text):
            code = None  # "the Red Sea", "the Strait of Malacca": waters of several countries
        if code and code.lower() not in (e.id,):
            res.located[e.id] = (code.lower(), False)
        elif code is None and _VENUE.search(e.name):
            where = _dateline_place(parsed, res)
            if where and where != e.id:  # "received at the Government Palace" in a text datelined "Lima, 22 May"
                res.located[e.id] = (where, False)


_VENUE = re.compile(r"\b(?:Palace|House|Hall|Castle|Villa|Residence|Mansion|Bhavan|Building|Hotel|Tower|Stadium|"
                    r"Museum|Headquarters|Chancellery|Chancery)$")


def _dateline_place(parsed: Parsed, res: Resolution) -> str | None:
    """The city (else country) a text is datelined in ("LIMA, 22 May 2025", "ACCRA (AFP) -"), or None."""
    head = parsed.text[:800]
    for m in parsed.mentions:
        if m.start >= len(head):
            break
        line_start = head.rfind("\n", 0, m.start) + 1
        if head[line_start:m.start].strip() or not m.entity or m.entity not in res.entities:
            continue
        if not rx.match(r"\s*(?:\([A-Za-z]+\)\s*)?(?:,\s*(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2})\b|[-\u2013\u2014:])"
                        r"|\.?[ \t]*(?:\n|$)", parsed.text[m.end:m.end + 30]):
            continue  # (a wire dateline is left by the cleaner as "Accra." on a line of its own)
        e = res.entities[m.entity]
        if e.label in ("Country", "Place"):
            return e.id
    return None


def _mission_of_envoy(parsed: Parsed, res: Resolution, eid: str) -> str | None:
    """The country of the one embassy named in a sentence with ambassador ``eid`` (None otherwise)."""
    for m in parsed.mentions:
        if m.entity != eid or not rx.search(r"\b(?:Ambassador|High Commissioner|Consul(?:[ -]General)?|Charg[eé] d['’]affaires)"
                                            r"\s+(?:\w+\s+)?$", parsed.text[max(0, m.start - 40):m.start], re.I):
            continue
        posts = {res.home[x.entity][0] for x in parsed.in_sent(m.sent) if x.entity in res.entities and
                 res.entities[x.entity].label == "Mission" and x.entity in res.home}
        if len(posts) == 1:
            return posts.pop()
    return None


def _visited_country(parsed: Parsed, res: Resolution, eid: str) -> str | None:
    """The country of the pair that ``eid`` is said to visit ("the visit of X to C", "X arrived in C")."""
    found = set()
    for m in parsed.mentions:
        if m.entity != eid:
            continue
        s1 = parsed.sents[m.sent][1]
        vm = rx.match(r"[^.;]{0,40}?\b(?:visit(?:s|ed|ing)?|trip|travel\w*|arrived|arrives|flew)\s+(?:\w+\s+){0,2}?(?:to|in)\s+"
                      r"(?:the\s+)?", parsed.text[m.end:s1])
        before = rx.search(r"\b(?:visit|trip|tour)\s+(?:by|of)\s+(?:[\w.]+\s+){0,4}$", parsed.text[max(0, m.start - 60):m.start],
                           re.I)
        vm = vm or (before and rx.match(r"[^.;,]{0,10}?\s+to\s+(?:the\s+)?", parsed.text[m.end:s1]))
        vm = vm or rx.match(r"[^.;]{0,100}?\bin\s+(?:the\s+)?(?=[A-Z][^,;.]*,\s+where\s+(?:he|she|they)\s+(?:is|was|are|were)\s+"
                            r"(?:leading|heading|on)\b)", parsed.text[m.end:s1])  # "X announced it in C, where she is leading a delegation"
        if vm:
            x = next((x for x in parsed.in_sent(m.sent) if x.start == m.end + vm.end() and x.entity), None)
            code = x and _mention_country(x, res)  # "a state visit to Paris": to France
            if code in res.dyad:
                found.add(code)
    return found.pop() if len(found) == 1 else None


def _mention_country(x: Mention, res: Resolution, **population: int) -> str | None:
    """The country a Country mention names, or (by the gazetteer) the country of a Place mention."""
    if x.label == "Country":
        return x.entity
    if x.label == "Place":
        return (gz.place_country(x.text, prefer=tuple(c.upper() for c in res.dyad), **population) or "").lower()
    return None


#: a title of ``gazetteer.OFFICE_TITLES`` right before a name ("Chancellor X", "King X"; not "Vice Chancellor X")
_OFFICE_TITLE_RE = re.compile(r"(?<!Vice )(?<!Vice-)(?<!Deputy )\b(" + gz.any_of(t.title() for t in gz.OFFICE_TITLES) +
                              r")\s+(?:of\s+\w+\s+)?$")


def _office_country(parsed: Parsed, res: Resolution, eid: str) -> str | None:
    """The one country of the pair that has the title ``eid`` bears ("Chancellor", "Emir"), else None."""
    for m in parsed.mentions:
        title = _OFFICE_TITLE_RE.search(parsed.text[max(0, m.start - 40):m.start]) if m.entity == eid else None
        if title:
            hits = [c for c in res.dyad if c.upper() in gz.OFFICE_TITLES.get(title.group(1).lower(), ())]
            return hits[0] if len(hits) == 1 else None
    return None


def _local_country(parsed: Parsed, res: Resolution, eid: str) -> str | None:
    """The pair's country of the place a sentence opens with when ``eid``, by title alone, comes next
    ("In Canberra, Foreign Minister Jane Doe said ...": Australia's minister), else None."""
    for m in parsed.mentions:
        if m.entity != eid:
            continue
        s0 = parsed.sents[m.sent][0]
        lead = rx.match(r"\s*In\s+(?:the\s+)?(?=[A-Z])", parsed.text[s0:m.start])
        if not lead:
            continue
        where = next((x for x in parsed.in_sent(m.sent) if x.start == s0 + lead.end() and x.label in ("Place", "Country")), None)
        if where is not None and rx.fullmatch(r",\s+(?:[A-Z][\w.-]*\s+)*", parsed.text[where.end:m.start]):
            code = _mention_country(where, res, population=100_000)
            return code if code in res.dyad else None
    return None


def _hosting_country(parsed: Parsed, res: Resolution, eid: str) -> str | None:
    """The country of the pair where ``eid`` welcomes, hosts or receives someone ("X hosted Y in Ankara")."""
    found = set()
    for m in parsed.mentions:
        if m.entity != eid or not rx.match(r"\s+(?:\w+\s+)?(?:welcomed|welcomes|hosted|hosts|received|receives)\s+[A-Z]",
                                           parsed.text[m.end:m.end + 40]):
            continue
        for x in parsed.in_sent(m.sent):
            if x.start > m.end and x.entity and x.label in ("Place", "Country") and \
                    rx.search(r"\b(?:in|at)\s+(?:the\s+)?$", parsed.text[max(0, x.start - 8):x.start]):
                code = _mention_country(x, res, population=100_000)
                if code in res.dyad:
                    found.add(code)
                    break
    return found.pop() if len(found) == 1 else None


_MEETING = re.compile(r"\b(?:met|meet|meets|meeting|talks|received|hosted|welcomed|called on|(?:courtesy )?call on|"
                      r"counterpart)\b", re.I)


def _met_country(parsed: Parsed, res: Resolution, eid: str) -> str | None:
    """The one country of the pair whose people meet ``eid`` in a sentence (None when none or both)."""
    found = set()
    for m in parsed.mentions:
        if m.entity != eid:
            continue
        s0 = parsed.sents[m.sent][0]
        verbs = [s0 + v.start() for v in _MEETING.finditer(parsed.sentence(m.sent))]
        if not verbs or rx.search(r"\b(?:accompanied|joined|flanked)\s+by\b|\b(?:along|together)\s+with\b",
                                                     parsed.text[verbs[0]:m.start]):
            continue  # ("A met B, accompanied by Ambassador Y": Y is on A's side)
        for x in parsed.in_sent(m.sent):  # "A called on B and met Y": A's side is the subject's
            other_side = (x.start < verbs[0]) if m.start > verbs[0] else (x.start > verbs[0])
            if x.entity and x.entity != eid and x.label == "Person" and other_side and \
                    res.home.get(x.entity, ("",))[0] in res.dyad:
                found.add(res.home[x.entity][0])
    return found.pop() if len(found) == 1 else None


def _person_country(parsed: Parsed, res: Resolution, i: int, left: str, right: str,
                    qualified: set[str]) -> str | None:
    """A person's country from the words around mention i (title, apposition, "(Brazil)")."""
    m = parsed.mentions[i]
    eid = m.entity
    titled_before = eid in res.titled
    mt = rx.search(r"^\s*\(([^)]+)\)", right)
    if mt and gz.country_of(mt.group(1)):
        code = gz.country_of(mt.group(1)).lower()
        qualified.add(code)
        res.titled.add(eid)
        return code
    of = rx.match(r"\s+of\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*)", right)
    code = of and _TITLE_RE.search(left[-40:]) and gz.country_of(of.group(1))
    code = code and code.lower()
    if code:  # "President Gabriel Boric of Chile", "President Xi Jinping of the People's Republic of China"
        qualified.add(code)
        res.titled.add(eid)
        return code
    headed = next((x for x in parsed.mentions[i + 1:i + 4] if x.sent == m.sent and x.entity and
                   res.entities[x.entity].label in ("Firm", "Institution")), None)
    if headed is not None and eid not in res.office and rx.fullmatch(
            r",\s+[^,;()]{0,80}?\bwho\s+(?:heads|leads|chairs|runs|directs)\s+(?:the\s+)?", parsed.text[m.end:headed.start]):
        res.office[eid] = headed.entity  # "X, the Swiss councillor who heads the Federal Department of Y"
    body = next((x for x in parsed.mentions[i + 1:i + 3] if x.sent == m.sent and x.entity and
                 res.entities[x.entity].label in ("Firm", "Institution")), None)
    if body is not None and rx.fullmatch(r",\s+(?:the\s+)?", parsed.text[m.end:body.start]) and rx.match(
            r"['’]s\s+(?:[a-z][\w-]*\s+){0,2}?(?:commander|chief|head|chairman|chairwoman|chair|chief executive|CEO|"
            r"president|director|governor|spokes\w+|founder)\b", parsed.text[body.end:body.end + 50]):
        res.office[eid] = body.entity  # "Admiral X, the Navy's commander": an officer of the body
        res.titled.add(eid)
        return res.home.get(body.entity, (None,))[0]
    officer = rx.search(r"(?:chairman|chairwoman|chair|chief executive|CEO|founder|head|boss|president|chief|leader|"
                        r"secretary|general secretary|spokes\w+|director[ -]general|director|governor|commissioner|"
                        r"administrator|managing director|chairperson|rector|dean|vice[ -]chancellor)\s+$", left, re.I)
    org = next((x for x in reversed(parsed.mentions[:i]) if x.sent == m.sent and x.entity and x.end <= m.start
                and res.entities[x.entity].label in ("Firm", "Institution")), None)
    if officer is None and org is not None and m.start - org.end < 45 and \
            rx.fullmatch(r"['’]s\s+[^,]*,\s*", parsed.text[org.end:m.start]) and \
            rx.search(r"['’]s\s+(?:[a-z][\w-]*\s+){0,2}?(?:chairman|chairwoman|chair|chief executive|"
                      r"chief executive officer|CEO|founder|head|president|managing director|director[ -]general|"
                      r"director|governor|chief)\s*,\s*$", left):
        res.office[eid] = org.entity  # "KAI's chief executive, Kang Goo-young"
        res.titled.add(eid)
        return res.home.get(org.entity, (None,))[0]
    if officer and org is not None and m.start - org.end < 25 and "," not in parsed.text[org.end:m.start]:
        # "Hyundai chairman X": an officer of the firm (not "the fund X, Indonesian President Y")
        res.office[eid] = org.entity
        if res.entities[org.entity].label == "Institution":
            res.titled.add(eid)
        return res.home.get(org.entity, (None,))[0]
    first = min((x.start for x in parsed.mentions if org is not None and x.entity == org.entity and x.sent == m.sent
                 and x.start <= org.start and org.start - x.end < 12), default=0)
    if org is not None and res.entities[org.entity].label == "Institution" and rx.fullmatch(
            r"\)?\s*(?:\([A-Z][A-Za-z]{1,9}\)\s*)?(?:(?:of|in)\s+(?:the\s+)?[A-Z][\w\u00C0-\u024F ]*?)?,\s*(?:the\s+)?(?:" +
            TITLES + r"\s+)*", parsed.text[org.end:m.start]) and rx.search(
            r"\b(?:head|minister|secretary|director|general|chief|president|chair\w*|governor|commissioner|leader)\s+(?:of|for)\s+"
            r"(?:the\s+)?$", parsed.text[max(0, first - 40):first], re.I):
        # "the Head of the X Department of Y, Councillor Jane Doe": the office-holder of that body
        res.office[eid] = org.entity
        res.titled.add(eid)
        code = res.home.get(org.entity, (None,))[0]
        if code:
            qualified.add(code)
        return code
    on_side = list(rx.finditer(r"\b(?:on|for|from)\s+the\s+([A-Z][a-z]+)\s+side\b", parsed.text[parsed.sents[m.sent][0]:m.start]))
    if on_side and gz.country_by_demonym(on_side[-1].group(1)) and not rx.search(
            r"[;]", parsed.text[parsed.sents[m.sent][0] + on_side[-1].end():m.start]):
        # "attended on the Italian side by A and B, and on the Algerian side by C": the nearest side before
        res.titled.add(eid)
        code = gz.country_by_demonym(on_side[-1].group(1)).lower()
        qualified.add(code)
        return code
    side = rx.search(r"\b([A-Z][a-z]+)\s+(?:side|delegation|team|contingent)\s+(?:was|is|will\s+be|were)\s+(?:led|headed)\s+by\s+"
                     r"(?:[A-Z][\w-]*\s+|of\s+|for\s+|and\s+|the\s+)*$", left)
    if side and gz.country_by_demonym(side.group(1)):  # "the Japanese side was led by Vice-Minister X"
        res.titled.add(eid)
        code = gz.country_by_demonym(side.group(1)).lower()
        qualified.add(code)
        return code
    titles = list(_TITLE_RE.finditer(left))
    if titles or rx.match(r"\s*,\s*(?:the\s+)?" + TITLES, right, re.I) or \
            rx.match(r"\s*,\s*[a-z-]*\s*(?:general|secretary|minister|president)", right, re.I):
        res.titled.add(eid)
    titles = [t for t in titles if t.start() >= len(left) - 70]
    if titles and rx.fullmatch(r"\s*,\s*(?:the\s+)?", left[:titles[0].start()]) and "," in left[titles[0].end():]:
        titles = []  # "A, Minister of Foreign Affairs of X, H.E. Ms. B": A's title, in apposition
    if titles:
        # the country qualifying the title: right before it ("US President", "Japan's Minister")
        # or inside the title phrase ("Prime Minister of Canada, X"); not one further back
        pre = left[:titles[0].start()].split("\n")[-1]
        post = left[titles[0].start():].split("\n")[-1]
        host = rx.search(r"\b(?:to|in)\s+(?:the\s+)?([A-Z][\w ]+?)\s*,?\s*$", post)
        if host and gz.country_of(host.group(1)):
            res.host[eid] = gz.country_of(host.group(1)).lower()
            post = post[: host.start()]
        near = rx.search(r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)(?:['’]s)?\s+$", pre)
        code = _country_in(near.group(1), last=True) if near else None
        if code is None:  # "the kingdom's Minister of Defense, Prince X": a country referred to, right before the title
            at = m.start - len(left) + titles[0].start()
            code = next((x.entity for x in parsed.in_sent(m.sent) if x.label == "Country" and x.entity in res.dyad and
                         x.end <= at and rx.fullmatch(r"['’]s\s+", parsed.text[x.end:at])), None)
        full = parsed.text[max(parsed.sents[m.sent][0], m.start - 90):m.start]  # (not cut at a mention inside the title)
        full = full[:len(full) - (len(left) - titles[0].start())] if len(left) - titles[0].start() <= len(full) else full
        run = rx.search(r"((?:[A-Z][\w.’'-]*\s+){2,5})$", full)  # "Indonesian State-Owned Enterprises Minister"
        if code is None and run and gz.country_of(_unpossess(run.group(1).split()[0])):
            code = gz.country_of(_unpossess(run.group(1).split()[0])).lower()
        low = rx.search(r"\b([A-Z][\w’'-]*)\s+(?:(?:foreign|ministry|defen[cs]e|trade|finance|energy|commerce|economy|"
                        r"interior|industry|health|education|agriculture|transport|environment|state|deputy|vice|senior|"
                        r"navy|army|military|embassy|presidential|security|justice|labou?r|culture|tourism|science|"
                        r"investment|development|digital|mining|oil|space|bank|customs|affairs)\s+){1,2}$", pre)
        if code is None and low and gz.country_of(_unpossess(low.group(1))):
            code = gz.country_of(_unpossess(low.group(1))).lower()  # "Chinese foreign ministry spokesman X"
        code = code or _country_in(post, last=True)
        if code:
            qualified.add(code)
            return code
    mt = rx.search(r"^[^.;]{0,80}?on behalf of (?:the\s+)?([A-Z][\w ]+)", right)
    if mt and _country_in(mt.group(1)):
        return _country_in(mt.group(1))
    owner = rx.match(r"\s*,\s*([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)['’]s\s+(?:[a-z][\w-]*\s+){0,2}?(?i:ambassador|envoy|"
                     r"high commissioner|consul|minister|foreign minister|president|prime minister|spokes\w+)\b", right)
    code = owner and (_country_in(owner.group(1)) or (gz.country_by_capital(owner.group(1)) or "").lower())
    if code:  # "Tong Defa, Beijing's ambassador in Accra": Beijing's (Accra is only where he serves)
        qualified.add(code)
        res.titled.add(eid)
        return code
    mt = rx.match(r"\s*,\s*(?:the\s+|a\s+)?(?:(?![a-z]+ed\b|(?:met|meets|held|holds|told|tells|said|says|spoke|"
                  r"speaks|with|and|who|which|to|by)\b)[\w-]+\s+){0,3}?(?i:secretary|minister|president|ambassador|chair\w*|"
                  r"chief|head|director|governor|leader|general|envoy|spokes\w+|ceo|premier|chancellor|prince|"
                  r"princess|king|queen|emir|sheikh|sultan)[\w-]*\b"
                  r"[^,;]{0,60}?\b(?:of|in|for|at)\s+(?:the\s+)?([A-Z][^,;]{2,80})", right)
    if mt and any(x.entity and x.entity != eid and res.entities[x.entity].label == "Person" and
                  (m.end < x.start < m.end + mt.end(1) or m.end + mt.end(1) <= x.start and rx.fullmatch(
                      r",\s*(?:(?:H\.\s?E\.|(?:His|Her)\s+Excellency|Mrs?\.?|Ms\.?|Dr\.?)\s*)*",
                      parsed.text[m.end + mt.end(1):x.start])) for x in parsed.mentions[i + 1:i + 6]):
        mt = None  # "At the invitation of President A, President of the X Republic B paid ...": B's title
        # (also "A, the President of X, H.E. B, paid ...")
    if mt:
        ents = res.entities
        inst = next((x for x in parsed.mentions if m.end + mt.start(1) <= x.start < m.end + mt.end(1)
                     and x.entity and ents[x.entity].label in ("Institution", "Firm")), None)
        if inst:  # "X, Chairman and CEO of DEMONYM energy company Y": an officer of Y
            res.office[eid] = inst.entity
        code = _country_in(mt.group(1)) or _country_in(right[:mt.start(1)])  # (also "X, the UK Secretary of State for Y")
        if code is None:  # "Crown Prince of Abu Dhabi": the country of a place
            place = rx.match(r"[A-Z][\w]*(?:\s+[A-Z][\w]*)*", mt.group(1))
            pc = gz.big_place_country(place.group(), 100_000) if place else None
            code = pc.lower() if pc else None
        if code is None and inst is not None and inst.entity in res.home:
            code = res.home[inst.entity][0]
        if code:
            qualified.add(code)
            return code
    if titled_before:  # seen earlier with a title of their own: a later list does not decide
        return None
    if rx.match(r"^\s*(?:and|,)\s+", left) and not rx.search(r"President|Prime Minister|King|Queen|Chancellor|"
                                                            r"Premier|Emperor|Leader", left):
        # "Japanese Minister A and Defence Minister B" (but a list of heads of state is of several countries)
        prev = [x for x in parsed.mentions[:i] if x.sent == m.sent and x.entity and x.entity != eid]
        if prev and res.entities[prev[-1].entity].label == "Person" and prev[-1].entity in res.host:
            return res.host[prev[-1].entity]  # "Ambassador to Jordan A and Minister of Planning B": B is the host's
        if prev and res.entities[prev[-1].entity].label == "Person" and prev[-1].entity in res.home:
            return res.home[prev[-1].entity][0]
    return None


def _entity_named(ents: dict[str, Entity], name: str, label: str) -> str | None:
    """The id of the ``label`` entity with ``name`` among its aliases, or None."""
    key = gz.norm(name)
    for e in ents.values():
        if e.label == label and any(gz.norm(a) == key for a in e.aliases):
            return e.id
    return None
