"""Relations: resolved mentions -> typed ties with evidence, date, domain, amount and the rule.

Each rule is a small function of one sentence (or of what resolution learnt about an entity);
a tie carries the sentence as evidence with its offsets in the clean text, the rule's name and
a confidence. Ties a careful reader adds from context (a city's country, an office-holder's
country when only the title is given, a firm's home country) are flagged ``implied``.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache
from itertools import combinations

from tiesdb.graph import schema
from tiesdb.graph.model import Document, Tie
from tiesdb.loaders import gazetteer as gz
from tiesdb.loaders import rx
from tiesdb.loaders.mentions import _GENERIC_AGREEMENT, _SIGNED_BETWEEN, Parsed
from tiesdb.loaders.resolve import Resolution, _country_entity, _deal_party

MEET = re.compile(r"\b(?:met|meet|meets|meeting|meetings|talks|negotiations|summit|discussions?|discussed|call(?:ed)? on|"
                  r"courtesy call|welcomed|hosted|hosting|received|phone call|spoke (?:by (?:tele)?phone )?with|"
                  r"telephone|counterpart|press conference|co-chair\w*|consultations)\b", re.I)
VISIT = re.compile(r"\b(?:visit|visits|visited|visiting|trip|tour|toured|arrived|arrives|landed|lands|accompanied|port calls?|travell?ed|(?:flew|flies|fly)(?:\s+on)?\s+to|"
                   r"(?:be|am|is|are|was|were|been)\s+(?:back\s+)?in(?=\s+[A-Z]))\b", re.I)
#: words before a place that make it a topic, not a destination ("talks on the war in Gaza", "the
#: leaders of Brazil, Colombia and Uruguay")
TOPIC_PLACE = re.compile(r"\b(?:(?:wars?|conflict|crisis|situation|fighting|ceasefire|violence|peace|reconstruction|unrest|"
                         r"tensions|hostilities|invasion|occupation|insurgency|attacks?|developments)\s+(?:in|on|over)|"
                         r"(?:leaders|presidents|heads\s+of\s+(?:state|government)|delegations|representatives)\s+of)"
                         r"\s+(?:the\s+)?(?:[A-Z][\w\u00C0-\u024F-]*(?:\s+[A-Z][\w\u00C0-\u024F-]*)*,?\s+(?:and\s+)?)*$", re.I)
SIGN = re.compile(r"\b(?:sign|signs|signed|signing|conclu(?:ded|sion|de)|ratif\w+|adopt(?:ed|ing|s)?|inked|"
                  r"exchang(?:e|ed|ing)\s+(?:of\s+)?(?:the\s+|an?\s+)?(?=(?:[\w-]+\s+){0,3}?(?:memorand|mous?\b|agreements?\b|"
                  r"instruments\b|notes\b|letters\b)))", re.I)
INVEST = re.compile(r"\binvest\w*|\b(?:stake|stakes|equity)\s+in\b|(?:%|\bper\s?cent)\s+(?:interest|share|holding)\s+in\b|\bpo(?:ur|ured|uring)\s+(?:money|capital|funds|cash|billions)\s+into\b|\bset(?:ting)? up\b|\b(?:build|built|building|open|opened|opening|construct\w*|inaugurat\w*|"
                    r"expand\w*)\s+(?:\S+\s+){0,5}?(?:plants?|factor(?:y|ies)|facilit\w+|cent(?:re|er)s?|campus|"
                    r"refiner\w+|mines?|terminals?)\b|\boperat\w* in\b|\bbuilding\b|"
                    r"\bemploy\w*\b", re.I)
FUND = re.compile(r"\b(?:(?<!wealth )(?<!investment )(?<!pension )(?<!Wealth )(?<!Investment )(?<!Monetary )fund(?:s|ed|ing)?\b|grants?|granted|loans?|lent|lend(?:s|ing)?\b|aid\b|financ\w+\b(?!\s+(?:institution|corporation|ministry|minister|secretary|cooperation|sector|services|hub|centre|center|crisis|markets?))|assistance|ODA|scholarships?|"
                  r"credit lines?|lines? of credit|credit facilit(?:y|ies)|"
                  r"(?:contribut(?:e|es|ed|ing)|pa(?:y|ys|id|ying)|donat(?:e|es|ed|ing))\s+(?:\w+\s+){0,2}?(?=(?:US\$|A\$|C\$|\$|£|€|¥|₹|[A-Z]{3}\s?)\d|\d[\d.,]*\s*(?:million|billion)?\s*(?:dollars|euros|pounds|yen|francs|kronor|crowns))|"
                  r"(?:pledged|promised)\s+to\s+(?=(?:the\s+)?[A-Z])|"
                  r"(?:give|gives|gave|given|award(?:s|ed)?)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,6}"  # "give the X Council Sh1.2 billion"
                  r"(?=(?:US\$|A\$|C\$|\$|£|€|¥|₹|K?Sh\s?|Ksh\s?|Rs\.?\s?)\d)|"
                  r"pledges?\s+of\s+(?=(?:US\$|A\$|C\$|\$|£|€|¥|₹)?\s?\d[\d.,]*\s*(?:million|billion)?\s*(?:dollars|euros|pounds|yen)?)|"
                  r"(?:provide|provides|provided|providing|give|gives|gave|pledged?|commit(?:s|ted)?)\s+(?:a\s+|an\s+)?"
                  r"(?:(?:more|less)\s+than\s+|over\s+|nearly\s+|almost\s+|about\s+|around\s+|up\s+to\s+|some\s+)?"
                  r"(?=(?:US\$|A\$|C\$|\$|£|€|¥|₹)\s?\d|\d[\d.,]*\s*(?:million|billion)?\s*(?:dollars|euros|pounds|yen|francs)))")
SELL = re.compile(r"\b(?:suppl(?:y|ies|ied|ying)|sells?|sold|selling|deliver\w*|exports?|exported|exporting|shipments?|"
                  r"provid(?:e|es|ed|ing))\b")
BUY = re.compile(r"\b(?:procure\w*|purchas\w*|buys?|bought|buying|orders?|ordered|ordering|acquir\w+|acquisitions?|imports?|"
                 r"(?:took|taken|take|takes|taking)\s+delivery|"
                 r"imported)\b")
DEAL = re.compile(r"\b(?:contract|deal|order)s?\s+(?:\w+\s+){0,3}?(?:with|from|to)\s+", re.I)
#: "won a contract to support the Air Force": the work a contract is for, a supply of services
CONTRACT_TO = re.compile(r"\b(?:won|wins|awarded|secured|signed|landed)\s+(?:a|an|the)\s+[^.;]{0,80}?\b(?:contract|deal|order)\b"
                         r"[^.;]{0,60}?\bto\s+(support|maintain|service|upgrade|repair|overhaul|build|modernise|modernize)\b")
TRADE = re.compile(r"\b(?:bilateral trade|two-way trade|trade (?:volume|value|ties|relations|deficit|surplus|turnover|between|with|"
                   r"(?:has\s+)?(?:reached|stood|amounted|totall?ed|grew|rose|fell|was|hit|exceeded|doubled))|"
                   r"trade in (?:goods|services)\b|trad(?:e|ing) partners?|(?:exports?|imports?) (?:to|from|of)|\w+ (?:products|goods) "
                   r"(?:to|from|into)|barriers against \w+ products|tariffs? on)\b", re.I)
PARTNER = re.compile(r"\b(?:partner\w*|cooperat\w*|co-operat\w*|collaborat\w*|joint venture|jointly|"
                     r"co-develop\w*|co-production|joint (?:production|development|research|venture|project)s?|together|team(?:s|ed|ing)? up|alliance|ties|relations(?:hip)?|work(?:s|ed|ing)? with|"
                     r"joint (?:[\w'’-]+\s+){0,2}(?:programmes?|programs?|degrees?|exercises?|patrols?|training|drills|studies)|"
                     r"train(?:s|ed|ing)? alongside|co-host\w*|(?:student|researcher|academic|staff|faculty|cadet|scientific) exchanges?)\b", re.I)
MEMBER = re.compile(r"\b(?:members?|membership|includes|trilateral|quadrilateral|grouping|joined|joins|joining|belongs?\s+to|"
                    r"belonged\s+to)\b", re.I)
LAUNCH = re.compile(r"\b(?:launch\w*|announc\w*|attend\w*|creat\w*|establish\w*|sidelines|participat\w*|"
                    r"took part|take part|elevat\w*|h(?:eld|old|olds|olding)\s+(?:the|a|an|their|its)\s+(?:\S+\s+){0,6}?(?:meeting|summit|"
                    r"dialogue|session|consultations)\b|(?:led|chaired|co-chaired|headed) by|co-chair\w*|chair(?:s|ed)?\s+(?:a|an|the)\s+"
                    r"(?:\w+\s+)?(?:meeting|session|round))\b", re.I)

_DOMAINS = [
    ("space", r"\b(?:space|satellite|lunar|rocket|orbit|astronaut|launch vehicle)\w*"),
    ("defence", r"\b(?:defen[cs]e|military|missile|naval|navy|army|armed|security|weapon|drone|troops|"
                r"interoperability|radar)\w*"),
    ("maritime", r"\b(?:maritime|sea|ocean|port|shipping|coast)\w*"),
    ("energy", r"\b(?:energy|hydrogen|nuclear|oil|gas|fuel|solar|power plant|renewable)\w*"),
    ("education", r"\b(?:universit|education|academic|student|school|campus|scholarship)\w*"),
    ("health", r"\b(?:health|vaccine|hospital|medical|pandemic)\w*"),
    ("technology", r"\b(?:technolog|semiconductor|digital|cyber|artificial intelligence|AI|electronics)\w*"),
    ("economy", r"\b(?:trade|invest|econom|business|market|export|import|industr)\w*"),
    ("culture", r"\b(?:cultur|language|tourism|film|art)\w*"),
]

_CURRENCY = {"₹": "INR", "rs": "INR", "rs.": "INR", "inr": "INR", "rupees": "INR", "$": "USD", "us$": "USD",
             "usd": "USD", "dollars": "USD", "£": "GBP", "gbp": "GBP", "pounds": "GBP", "€": "EUR", "eur": "EUR",
             "euros": "EUR", "¥": "JPY", "yen": "JPY", "jpy": "JPY", "won": "KRW", "krw": "KRW",
             "yuan": "CNY", "rmb": "CNY", "cny": "CNY", "a$": "AUD", "aud": "AUD", "c$": "CAD", "cad": "CAD",
             "reais": "BRL", "r$": "BRL", "pesos": "MXN", "chf": "CHF", "francs": "CHF", "sek": "SEK", "nok": "NOK",
             "dkk": "DKK", "kronor": "SEK", "tk": "BDT", "tk.": "BDT", "bdt": "BDT", "taka": "BDT", "rm": "MYR", "myr": "MYR",
             "ringgit": "MYR", "aed": "AED", "dirhams": "AED", "sar": "SAR", "riyals": "SAR", "zar": "ZAR", "rand": "ZAR",
             "ngn": "NGN", "naira": "NGN", "egp": "EGP", "try": "TRY", "lira": "TRY", "pln": "PLN", "zloty": "PLN",
             "idr": "IDR", "rupiah": "IDR", "php": "PHP", "thb": "THB", "baht": "THB", "vnd": "VND", "dong": "VND",
             "sgd": "SGD", "s$": "SGD", "nzd": "NZD", "nz$": "NZD", "hkd": "HKD", "hk$": "HKD", "mxn": "MXN",
             "brl": "BRL", "kes": "KES", "ksh": "KES", "ksh.": "KES", "sh": "KES", "sh.": "KES", "shillings": "KES", "ghs": "GHS", "cedis": "GHS", "pkr": "PKR", "lkr": "LKR"}
_SCALE = {"crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5, "thousand": 1e3, "million": 1e6, "mn": 1e6,
          "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
MONEY = re.compile(r"(?P<cur>US\$|A\$|C\$|R\$|S\$|NZ\$|HK\$|₹|\$|£|€|¥|Rs\.?|INR|USD|GBP|EUR|JPY|KRW|CNY|AUD|CAD|CHF|SEK|NOK|DKK|"
                   r"Tk\.?|(?<![A-Za-z])K?Sh\.?|Ksh\.?|KES|BDT|RM|MYR|AED|SAR|ZAR|NGN|EGP|TRY|PLN|IDR|PHP|THB|VND|SGD|NZD|HKD|MXN|BRL|KES|GHS|PKR|LKR)\s?"
                   r"(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>crores?|lakhs?|thousand|million|billion|trillion|"
                   r"bn|mn|tn|m|b)?\b"
                   r"|(?P<num2>\d[\d,]*(?:\.\d+)?)\s*(?P<scale2>crores?|lakhs?|million|billion|trillion)?\s*(?:U\.?S\.?\s+)?"
                   r"(?P<cur2>rupees|dollars|pounds|euros|yen|won|yuan|reais|pesos|francs|kronor|taka|ringgit|dirhams|riyals|"
                   r"rand|naira|lira|zloty|rupiah|baht|dong|cedis|shillings)\b")


def money(sentence: str) -> tuple[float, str] | None:
    """The first amount of money in ``sentence``, normalised to currency units.

    Examples
    --------
    >>> money("a ₹250 crore investment")
    (2500000000.0, 'INR')
    >>> money("trade of $150 billion by 2030")
    (150000000000.0, 'USD')
    """
    m = MONEY.search(sentence)
    if not m:
        return None
    num = float((m.group("num") or m.group("num2")).replace(",", ""))
    scale = (m.group("scale") or m.group("scale2") or "").lower()
    cur = (m.group("cur") or m.group("cur2")).lower()
    return num * _SCALE.get(scale, 1), _CURRENCY.get(cur, cur.upper())


@lru_cache(maxsize=4096)
def domain(sentence: str) -> str | None:
    """The first domain whose keywords occur in ``sentence``."""
    for name, pat in _DOMAIN_RES:
        if pat.search(sentence) or (name == "technology" and pat.search(sentence.lower())):
            return name
    return None


_DOMAIN_RES = [(name, re.compile(pat, re.I if name != "technology" else 0)) for name, pat in _DOMAINS]


_DATE_IN_SENT = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}\b|"
    r"\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{4}\b|\b\d{4}-\d{2}-\d{2}\b")


@lru_cache(maxsize=4096)
def sentence_date(sentence: str, default: dt.date | None) -> dt.date | None:
    """A full date stated in the sentence, else ``default`` (the document's date)."""
    m = _DATE_IN_SENT.search(sentence)
    if m:
        from tiesdb.loaders.readers import parse_date
        return parse_date(m.group()) or default
    return default


class _Ties:
    """Collects ties, one per (type, endpoints) within a document, checking the schema."""

    def __init__(self, parsed: Parsed, res: Resolution, doc: Document) -> None:
        self.parsed, self.res, self.doc = parsed, res, doc
        self.ties: dict[tuple, Tie] = {}

    def ensure(self, eid: str) -> bool:
        if eid in self.res.entities:
            return True
        if len(eid) == 3 and eid.upper() in gz.countries():
            self.res.entities[eid] = _country_entity(eid.upper())
            return True
        return False

    def add(self, src: str | None, tgt: str | None, typ: str, sent: int, rule: str, conf: float = 0.6,
            implied: bool = False, **attrs) -> None:
        if not src or not tgt or src == tgt or not self.ensure(src) or not self.ensure(tgt):
            return
        t = schema.TIE_TYPES[typ]
        ls, lt = self.res.label(src), self.res.label(tgt)
        if not t.allows(ls, lt):
            return
        if not (ls in t.sources and lt in t.targets):  # symmetric, given the other way round
            src, tgt = tgt, src
        elif t.symmetric and tgt < src and ls in t.targets and lt in t.sources:
            src, tgt = tgt, src  # either way round: one order, whatever order the rules found them in
        s0, s1 = self.parsed.sents[sent]
        sentence = self.parsed.text[s0:s1].strip()
        tie = Tie(source=src, target=tgt, type=typ, evidence=sentence, doc=self.doc.id,
                  date=sentence_date(sentence, self.doc.date), domain=attrs.pop("domain", None) or domain(sentence),
                  rule=rule, confidence=conf, evidence_start=s0, evidence_end=s1, implied=implied, **attrs)
        key = tie.key()
        old = self.ties.get(key)
        if old is None or (old.implied and not implied):
            self.ties[key] = tie


#: a comma that opens a new clause: a name and then its verb ("..., Istanbul-based Baykar will build")
_NEW_CLAUSE = re.compile(r"[,;]\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s+)*[A-Z][\w’'.-]*\s+(?:will|would|has|have|had|is|are|was|were|"
                         r"can|could|said|says|plans?|agreed|signed|announced|[a-z]+ed)\b")


def _phrase_end(rest: str) -> int:
    """Where a "signed by A and B" list ends in ``rest`` (the text after "by"): at a new clause."""
    m = _NEW_CLAUSE.search(rest)
    aside = rx.search(r",\s+(?:during|after|before|while|when|amid|as part of|on the sidelines of|which|"
                      r"(?:clearing|paving|opening|allowing|enabling|giving|making|bringing|setting)\s+the\s+way)\s", rest)
    return min(m.start() if m else len(rest), aside.start() if aside else len(rest))  # (", during a visit by X")


def _first_sent(parsed: Parsed, eid: str) -> int:
    return min((m.sent for m in parsed.mentions if m.entity == eid), default=0)


def relate(parsed: Parsed, res: Resolution, doc: Document) -> list[Tie]:
    """Every tie the rules find in a resolved document.

    Examples
    --------
    >>> from tiesdb.loaders import extract, Document               # doctest: +SKIP
    >>> [t.type for t in extract(Document.from_text("India and Japan signed the X Agreement.")).ties]
    ['SIGNS', 'SIGNS', 'PARTNERS_WITH']
    """
    T = _Ties(parsed, res, doc)
    ents = res.entities
    text = parsed.text
    dyad = res.dyad if len(res.dyad) == 2 else ()

    # -- ties read off names and titles (home countries, offices, places) ----------------------
    for eid, (code, stated) in res.home.items():
        if eid not in ents:
            continue
        s = _first_sent(parsed, eid)
        lab = ents[eid].label
        if lab == "Person" and eid in res.office and res.office[eid] in ents and (
                ents[res.office[eid]].label == "Firm" or not stated and rx.search(
                    r"\b(?:University|College|Institute|School|Academy|Centre|Center)\b", ents[res.office[eid]].name)):
            continue  # a firm's officer speaks for the firm (below), a scholar for no country
        if lab == "Person":
            T.add(eid, code, "REPRESENTS", s, "title-country", 0.8 if stated else 0.5, implied=not stated)
        elif lab in ("Initiative", "Mission") and not rx.search(r"embassy|consulate|high commission",
                                                              ents[eid].name, re.I):
            T.add(code, eid, "PARTICIPATES_IN", s, "owner", 0.6)
        elif lab == "Mission" and rx.search(r"embassy|consulate|high commission", ents[eid].name, re.I):
            T.add(eid, code, "REPRESENTS", s, "mission-country", 0.8)
        else:
            T.add(eid, code, "BASED_IN", s, "home-country", 0.8 if stated else 0.5, implied=not stated)
    for pid, inst in res.office.items():
        T.add(pid, inst, "REPRESENTS", _first_sent(parsed, pid), "office", 0.7)
    for pid, host in res.host.items():
        T.add(pid, host, "BASED_IN", _first_sent(parsed, pid), "posted-to", 0.6, implied=True)
    for eid, place in res.based.items():
        T.add(eid, place, "BASED_IN", _first_sent(parsed, eid), "posted-in" if eid in res.host else "x-based", 0.8)
    for pid, (where, stated) in res.located.items():
        T.add(pid, where, "LOCATED_IN", _first_sent(parsed, pid), "place-in" if stated else "gazetteer",
              0.8 if stated else 0.6, implied=not stated)

    # leaders: the first-named office-holder of each dyad country
    leaders = []
    for code in dyad:
        ps = [e for e in res.titled if res.home.get(e, ("",))[0] == code and e in ents]
        if ps:
            leaders.append(min(ps, key=lambda p: (_first_sent(parsed, p), min(
                (m.start for m in parsed.mentions if m.entity == p), default=0), p)))  # the same each run

    speaker = next((m.entity for m in parsed.mentions if m.source == "speaker" and m.entity), None)

    def actors(i: int) -> list[tuple[str, int]]:
        """(entity id, offset) for each actor named or referred to in sentence i."""
        out = []
        if speaker:  # in a transcript, "I" and "we" include the speaker, "you" is the other side's leader
            s0 = parsed.sents[i][0]
            out += [(speaker, s0 + p.start()) for p in rx.finditer(r"\b(?:I|[Ww]e)\b", parsed.sentence(i))]
            others = [p for p in leaders if p != speaker]
            if len(others) == 1:
                out += [(others[0], s0 + p.start()) for p in rx.finditer(r"\b[Yy]ou\b", parsed.sentence(i))]
        for m in parsed.in_sent(i):
            if m.kind == "dyad":
                out += [(c, m.start) for c in dyad]
            elif m.kind == "leaders":
                out += [(p, m.start) for p in leaders]
            elif m.entity:
                out.append((m.entity, m.start))
        return sorted(dict.fromkeys(out), key=lambda x: x[1])  # (same offsets: in the order found)

    @cache
    def former(p: str) -> bool:
        """A former office-holder is history, not a party to today's meetings."""
        return any(rx.search(r"\b(?:former|late|then)\b[^.]{0,30}$", text[max(0, m.start - 40): m.start])
                   for m in parsed.mentions if m.entity == p)

    @cache
    def posted(p: str) -> bool:
        """An ambassador or consul lives where they are posted: a meeting there is no visit."""
        return any(rx.search(r"\b(?:Ambassador|High Commissioner|Consul|Charg[eé] d['’]affaires)\b[^.,;]{0,40}$",
                             text[max(0, m.start - 60): m.start], re.I) for m in parsed.mentions if m.entity == p)

    signed: set[str] = set()
    issued: set[str] = set()
    grouped: set[tuple[str, str]] = set()  # (member, group) read off "G, which brings together A and B"
    for i in range(len(parsed.sents)):
        if i in parsed.headings:
            continue
        sent = parsed.sentence(i)
        acts = actors(i)
        # TRADES_WITH: a trade volume needs no actor in its own sentence ("Bilateral trade reached $2 billion.")
        if dyad and TRADE.search(sent) and (rx.search(r"\b(?:bilateral|two-way)\b", sent, re.I) or
                                            any(m.kind == "dyad" for m in parsed.in_sent(i)) or
                                            all(c in {e for e, _ in acts} for c in dyad)):
            amt = money(sent)
            T.add(dyad[0], dyad[1], "TRADES_WITH", i, "trade", 0.6,
                  **({"amount": amt[0], "currency": amt[1]} if amt else {}))
        if not acts:
            continue
        lab = {eid: ents[eid].label for eid, _ in acts}
        uniq = list(dict.fromkeys(e for e, _ in acts))
        people = [e for e in uniq if lab[e] == "Person"]
        countries = [e for e in uniq if lab[e] == "Country"]
        places = [(e, o) for e, o in acts if lab[e] == "Place"]
        orgs = [e for e in uniq if lab[e] in ("Firm", "Institution")]
        firms = [e for e in orgs if lab[e] == "Firm"]
        agreements = [e for e in uniq if lab[e] == "Agreement"]
        programmes = [e for e in uniq if lab[e] == "Initiative" or lab[e] == "Mission" and not rx.search(
            r"embassy|consulate|high commission", ents[e].name, re.I)]  # a diplomatic post is no programme

        def home(e: str) -> str | None:
            return e if lab.get(e) == "Country" else res.home.get(e, (None,))[0]

        # MEETS
        mt_meet = MEET.search(sent)
        if mt_meet:
            ps = [p for p in people if not former(p)][:4]
            verb = parsed.sents[i][0] + mt_meet.start()
            subj = [p for p, o in acts if p in ps and o < verb]
            objs = [p for p, o in acts if p in ps and o > verb and p not in subj]
            # "A met B and C": A meets each of them (B and C need not meet each other)
            pairs = [(a, b) for a in dict.fromkeys(subj) for b in dict.fromkeys(objs)] if subj and objs \
                else list(combinations(ps, 2))
            for a, b in pairs:
                if home(a) != home(b) or home(a) is None:
                    T.add(a, b, "MEETS", i, "meeting-people", 0.7)
            if len(ps) == 1 and any(p == ps[0] and any(o < parsed.sents[i][0] + w.start() for w in MEET.finditer(sent))
                                    for p, o in acts):  # "X met (with) the Y Bank": X before a meeting word
                for o, off in acts:
                    if lab[o] == "Institution" and home(o) != home(ps[0]) and (rx.search(
                            r"\b(?:meet|meets|met|meeting)(?:\s+with)?\s+(?:the\s+)?$", text[max(0, off - 20):off])
                            or rx.search(r"\bmet with\b", sent)):
                        T.add(ps[0], o, "MEETS", i, "meeting-body", 0.5)
            for om in rx.finditer(r"\b(?:talks|met|meetings?|discussions|consultations)\s+with\s+(?:senior\s+|top\s+)?"
                                  r"([A-Z][\w-]+)\s+(?:officials|leaders|authorities|counterparts|ministers|delegations?)\b", sent):
                oc = gz.country_by_demonym(om.group(1))  # "talks with Qatari officials": with that country
                subj = [p for p, o in acts if p in ps and o < parsed.sents[i][0] + om.start()]
                if oc and oc.lower() in ents:
                    for p in subj[-1:]:
                        if home(p) != oc.lower():
                            T.add(p, oc.lower(), "MEETS", i, "meeting-officials", 0.5)
            if dyad and rx.search(r"\b(?:talks|negotiations|consultations|meetings?)\s+(?:\w+\s+)?between\s+(?:the\s+)?(?:delegations\s+of\s+)?"
                                  r"(?:the\s+two\s+(?:sides|countries|governments)|both\s+(?:sides|countries))\b", sent) and not people:
                T.add(dyad[0], dyad[1], "MEETS", i, "talks-between", 0.6)  # "talks continued between delegations of both countries"
            mt = rx.search(r"\b(?:talks|meeting|summit|dialogue)s?\s+between\s+(\w+)\s+and\s+(\w+)", sent)
            if mt and gz.country_of(mt.group(1)) and gz.country_of(mt.group(2)):
                T.add(gz.country_of(mt.group(1)).lower(), gz.country_of(mt.group(2)).lower(), "MEETS", i,
                      "talks-between", 0.7)
            # a meeting held abroad: the visitors visit the place (not one only planned: "agreed to hold X in Y")
            planned = rx.search(r"\b(?:(?:agreed|plans?|planned|decided)\s+to\s+(?:hold|convene|meet)|planned\s+for|to be held|"
                                r"will\s+(?:also\s+)?meet|(?:expected|due|set|scheduled)\s+to|when\s+they\s+meet|"
                                r"will\s+(?:be\s+held|hold|convene)|next\s+(?:session|meeting|round))\b", sent)
            remote = rx.search(r"\b(?:telephone|phone|video\s*(?:call|conference|link)|virtual\w*|online)\b", sent, re.I)
            for pl, off in ([] if planned or remote else places):
                before = text[max(parsed.sents[i][0], off - 40): off]
                meet_words = list(MEET.finditer(text[max(parsed.sents[i][0], off - 150): off]))
                pm = next((x for x in parsed.in_sent(i) if x.start == off), None)
                where = pm is not None and rx.match(r",\s+where\s+(?:he|she|they|the\s+\w+)\s+(?:\w+\s+)?(?:met|held|had)\b",
                                                    text[pm.end:pm.end + 50])
                if where:  # "after returning from Doha, where he met the Emir"
                    before = "in "
                elif not meet_words or rx.match(r"discuss|talks? about", meet_words[-1].group(), re.I):
                    continue  # the place must be where the meeting is ("talks in X"), not a topic ("discussed ... in X")
                if TOPIC_PLACE.search(before) or not where and rx.search(
                        r",\s+(?:which|who)\s", text[max(parsed.sents[i][0], off - 150):off][meet_words[-1].end():]):
                    continue  # (nor a place in a clause of its own: "welcomed X, which has plants in Y")
                if gz.place_kind(ents[pl].name) == "region" and not gz.country_by_capital(ents[pl].name) or \
                        any(x.start == off and x.source == "LOC" for x in parsed.in_sent(i)):
                    continue  # "discussed security in the Sahel": a region talked about, not a meeting place
                city, pcode = pl, res.located.get(pl, (None,))[0]
                if pcode and pcode in ents and ents[pcode].label == "Place":  # a venue: the visit is to its city
                    city, pcode = pcode, res.located.get(pcode, (None,))[0]
                if not pcode or not rx.search(r"\b(?:in|at)\s+(?:the\s+)?(?:\w+\s+(?:city|capital|town)\s+of\s+)?$",
                                              before):
                    continue
                for p in [x for x in (people or leaders) if not former(x) and not posted(x)]:
                    if home(p) and home(p) != pcode:
                        if city != pl and meet_words and rx.match(r"welcom|receiv|host", meet_words[-1].group()) and \
                                not rx.search(r"\((?:left|right|centre|center|L|R|C)\)", sent):  # (not a photo caption)
                            # "welcomed X at the Y Palace in Z": the venue too (not "held talks at the Y Palace")
                            T.add(p, pl, "VISITS", i, "meeting-abroad", 0.5)
                        T.add(p, city, "VISITS", i, "meeting-abroad", 0.5, implied=True)
                        T.add(p, pcode, "VISITS", i, "meeting-abroad", 0.4, implied=True)
        # a joint event abroad ("A of X and B of Y signed/launched Z in CITY"): the foreign side visits the city
        ev = rx.search(r"\b(?:signed|launched|inaugurated|unveiled|opened)\b", sent)
        joint = [p for p in people if not former(p) and not posted(p) and home(p)]
        if ev and not mt_meet and len({home(p) for p in joint}) >= 2 and not rx.search(
                r"\b(?:will|would|plans?|planned|agreed to)\b", sent[:ev.start()]):
            for pl, off in places:
                rel = off - parsed.sents[i][0]
                if rel < ev.end() or rel - ev.end() > 150 or not rx.search(r"\bin\s+(?:the\s+)?$", sent[max(0, rel - 10):rel]):
                    continue
                pcode = res.located.get(pl, (None,))[0]
                if not pcode or pcode not in dyad or gz.place_kind(ents[pl].name) == "region" and \
                        not gz.country_by_capital(ents[pl].name):
                    continue
                for p in joint:
                    if home(p) != pcode:
                        T.add(p, pl, "VISITS", i, "event-abroad", 0.4, implied=True)
                        T.add(p, pcode, "VISITS", i, "event-abroad", 0.4, implied=True)
                break
        # two office-holders of the two countries acting together ("A and B inaugurated X") have met
        pos = [(e, o) for e, o in acts if e in people]
        for (a, oa), (b, ob) in zip(pos, pos[1:]):
            if dyad and {home(a), home(b)} == set(dyad) and not former(a) and not former(b) and \
                    rx.fullmatch(r"[^.;,]*?\s+and\s+(?:\S+\s+){0,4}", text[oa:ob]) and \
                    rx.fullmatch(r"(?:(?:[A-Z][\w.’'-]*|the|The|,|-|\u2013|\u2014)\s*)*", text[parsed.sents[i][0]:oa]):
                T.add(a, b, "MEETS", i, "acting-together", 0.4)
        # VISITS
        for dm in rx.finditer(r"\bin\s+(?:the\s+)?(?=[A-Z][^,;.]*,\s+where\s+(?:he|she|they)\s+(?:is|was|are|were)\s+(?:leading|heading)\s+"
                              r"(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,4}?delegation)", sent):
            s0 = parsed.sents[i][0]  # "X announced it in Jakarta, where she is leading a delegation"
            pl = next((e for e, o in acts if o == s0 + dm.end() and lab[e] in ("Place", "Country")), None)
            who = [e for e, o in acts if o < s0 + dm.start() and e in people][-1:]
            if pl and who and home(who[0]) and home(who[0]) != pl:
                T.add(who[0], pl, "VISITS", i, "delegation", 0.6)
                c = res.located.get(pl, (None,))[0] if lab[pl] == "Place" else None
                if c and len(c) == 3 and c != home(who[0]):
                    T.add(who[0], c, "VISITS", i, "visit-city-country", 0.5, implied=True)
        vm = VISIT.search(sent)
        if vm and rx.search(r"\binvit\w*\b[^.;]{0,60}\bto\s+$", sent[:vm.start()]):
            vm = None  # "invited X to visit Y": not (yet) a visit
        if vm and rx.search(r"\b(?:welcom\w*|appreciat\w*|thank\w*|hail\w*|prais\w*)\s+(?:the|his|her|this|their)\s+"
                            r"(?:[\w-]+\s+){0,2}$", sent[:vm.start()]):
            vm = None  # "Minister X welcomed the visit": X is the host
        if vm and (people or countries or orgs):
            before = [(o, p) for p, o in acts if p in people and o < vm.start() + parsed.sents[i][0]]
            visitors = [max(before)[1]] if before else people[:1]
            if vm.group().lower().startswith("port call"):  # "the X Navy frigate Y made a port call at Z": the navy
                ships = [(o, p) for p, o in acts if lab[p] == "Institution" and o < vm.start() + parsed.sents[i][0]]
                visitors = [max(ships)[1]] if ships else visitors
            host_verb = rx.search(r"\b(?:received|welcomed|hosted|receives|welcomes|hosts)\s", sent[:vm.start()])
            guests = [(o, p) for o, p in before if host_verb and o > parsed.sents[i][0] + host_verb.end()]
            if guests and rx.search(r"\b(?:his|her|their)\s+(?:\S+\s+){0,4}$", sent[:vm.start()]):
                visitors = [min(guests)[1]]  # "X received Y at the palace for his first visit to Z": the guest travels
            elif before and rx.search(r"\b(?:his|her|their)\s+(?:\S+\s+){0,4}$|\band\s+(?:will\s+|also\s+)?$",
                                      sent[:vm.start()]):
                visitors = [min(before)[1]]  # "X met Y ... on his first trip to Z": the subject travels
            elif len(before) > 1 and rx.fullmatch(r"(?:[^.;,]*?\s+and\s+)+[^.;,]*?\s+", text[parsed.sents[i][0]:parsed.sents[i][0] + vm.start()]) \
                    and rx.match(r"visit\b|visited\b|toured\b", vm.group()):
                visitors = [p for _, p in sorted(before)]  # "A (L) and B visit a warehouse in X": both
            vb = rx.search(r"\b(?:visit|trip|tour)s?\s+(?:of|by)\s+[^;]{0,80}?\s+to\s+(?:the\s+)?", sent, re.I)
            vpos = vm.start()
            if vb:  # "the State Visit of President X to India": X travels
                by_people = [p for p, o in acts if p in people and parsed.sents[i][0] + vb.start() < o < parsed.sents[i][0] + vb.end()]
                if by_people:
                    visitors, vpos = by_people[:1], vb.end() - 1
            named = {m.start for m in parsed.in_sent(i) if m.kind != "demonym"}
            targets = [(e, o) for e, o in acts if lab[e] in ("Place", "Country") and o in named and
                       o > parsed.sents[i][0] + vpos and e not in [home(v) for v in visitors] and
                       not rx.search(r"\bfrom\s+(?:the\s+)?$", text[max(0, o - 12):o]) and  # ("flew in from X": not X)
                       not TOPIC_PLACE.search(text[max(parsed.sents[i][0], o - 80):o])]
            venue = re.compile(r"\b(?:House|Palace|Hall|Castle|Villa|Residence|Mansion|Bhavan|Manor|Lodge|Pavilion|Building|"
                               r"Hotel|Tower|Stadium|Museum|Headquarters|Chancellery|Chancery)$")
            targets = [(res.located[e][0], o) if venue.search(ents[e].name) and e in res.located else (e, o)
                       for e, o in targets if not venue.search(ents[e].name) or e in res.located]  # a venue: its city
            targets = [(e, o) for e, o in targets if e in ents]
            if vm.group().lower() == "accompanied":  # "A, who accompanied B to Washington": both travel
                visitors = visitors + [p for p, o in acts if p in people and parsed.sents[i][0] + vm.end() < o and
                                       o < min([off for _, off in targets] or [o + 1]) and p not in visitors][:1]
            for v in visitors:
                for tgt, off in targets[:2]:
                    if home(v) == tgt or (ents[tgt].label == "Place" and home(v) and res.located.get(tgt, (None,))[0] == home(v)):
                        continue  # no one visits their own country (or a city of it)
                    T.add(v, tgt, "VISITS", i, "visit", 0.7)
                    if ents[tgt].label == "Place":
                        c = res.located.get(tgt, (None,))[0]
                        if c and len(c) == 3 and c != home(v):
                            T.add(v, c, "VISITS", i, "visit-city-country", 0.5, implied=True)
        # SIGNS / PARTICIPATES_IN for agreements
        sign = SIGN.search(sent)
        intent = sign and rx.search(
            r"\b(?:work(?:ing)?\s+(?:for|towards?)|push(?:ing)?\s+for|call(?:s|ed)?\s+for|hop(?:e|es|ed|ing)\s+for|look(?:s|ed)?\s+"
            r"forward\s+to|await\w*|pending|prospects?\s+of|aim(?:s|ed)?\s+(?:at|for))\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$|"
            r"\b(?:hop(?:e|es|ed|ing)|plan(?:s|ned)?|aim(?:s|ed)?|seek(?:s|ing)?|sought|want(?:s|ed)?|intend(?:s|ed)?|"
            r"wish(?:es|ed)?)\s+to\s+$",
            sent[:sign.start()])  # "undertook to work for the swift signature of X": not signed yet
        if agreements and sign and not intent:
            verb = parsed.sents[i][0] + sign.start()
            witnessed = rx.search(r"\b(?:witness\w*|welcom\w*|hail\w*|applaud\w*|not(?:ed|ing)|attend\w*|celebrat\w*)\b"
                                  r"[^.;]{0,12}\bthe\s+$", text[parsed.sents[i][0]:verb]) or \
                rx.search(r"\bwitness\w*\b[^.;]{0,30}$", text[parsed.sents[i][0]:verb])  # "welcomed the signing of"
            presence = rx.search(r"\bin (?:the )?presence of\b[^,;]*", sent, re.I)  # "In the presence of X, A and B signed"
            p_end = presence and (presence.end() if parsed.sents[i][0] + presence.start() < verb else len(sent))
            present = {p for p, o in acts if presence and parsed.sents[i][0] + presence.start() <= o <
                       parsed.sents[i][0] + p_end}  # after the verb, the rest of the sentence is the witnesses
            signers = [] if witnessed else [
                p for p, o in acts if p in people and (
                    rx.match(r"(?:(?!\bwitness)[^;])*?" + SIGN.pattern, text[o: parsed.sents[i][1]], re.I) or
                    (o > verb and rx.search(r"\bwith\s+(?:\S+\s+){0,4}$", text[verb:o])))]
            signers = [p for p in signers if p not in present]
            org_signers = [e for e, o in acts if e in orgs and o < verb and not rx.search(
                r"\b(?:joining|joined|join|membership\s+(?:of|in)|members?\s+of|(?:unit|subsidiary|arm|division|part|parent)\s+of"
                r"(?:\s+[A-Z][\w.-]*['’]s)?)\s+(?:the\s+)?$", text[max(0, o - 45):o])]  # ("X, the unit of Korea's Y, signed")
            if org_signers:  # "A signed a 15-year agreement with B": B signs it too
                org_signers += [e for e, o in acts if e in orgs and o > verb and e not in org_signers and
                                rx.search(r"^[^.;,]{0,60}?\bwith\s+(?:the\s+)?$", text[verb:o])][:1]
            by = rx.search(r"\b(?:signed|concluded)\s+(?:(?:on|in|at)\s+(?:(?!\b(?:is|are|was|were|be|been|being|ratified|approved|will)\b)[^.;,]){2,60}?\s+|"
                           r"today\s+|yesterday\s+)?by\s", sent)
            by_to = parsed.sents[i][0] + (by.end() + _phrase_end(sent[by.end():]) if by else 0)
            if by:  # "the memorandum ... signed on 20 May by A and B"
                org_signers += [e for e, o in acts if e in orgs and parsed.sents[i][0] + by.end() <= o < by_to]
                if not witnessed:  # "signed in X by Director A and Minister B"
                    signers += [p for p, o in acts if p in people and parsed.sents[i][0] + by.end() <= o < by_to and
                                p not in present and p not in signers]
            between_signers: list[str] = []
            bt = rx.search(r"\b(?:between|by)\s+(?:the\s+)?(?=[A-Z])", sent[verb - parsed.sents[i][0]:])
            if bt and not by and any(verb < o < parsed.sents[i][0] + (verb - parsed.sents[i][0]) + bt.start()
                                     for a, o in acts if a in agreements):
                # "the signing of a memorandum between the X Ministry and the Y Agency": the two bodies sign
                off = verb + bt.start()
                between_signers = [e for e, o in acts if e in orgs and o > off and e not in org_signers][:2]
                org_signers += between_signers
            owners = {home(e) for e in org_signers}
            named = [c for c in countries if c not in owners and c not in present and any(
                m.entity == c and (m.kind in ("name", "capital", "dyad") or m.text.lower().endswith("government") or
                                   rx.match(r"\s+(?:government|side)", text[m.end:m.end + 12]))
                for m in parsed.in_sent(i))]
            named += [c for c in dyad if any(m.kind == "dyad" for m in parsed.in_sent(i))]
            signers += list(dict.fromkeys(named)) + org_signers
            if by:  # "X welcomed the memorandum signed by A and B": only those after "by" sign
                after_by = {e for e, o in acts if parsed.sents[i][0] + by.end() <= o < by_to}
                signers = [x for x in signers if x in after_by]
            countries_signing = [c for c in signers if c in countries]
            signers += [home(p) for p in signers if p in people and home(p) in dyad]
            by_ref = all(m.kind == "agreement-ref" or set(m.text.lower().split()) <= _GENERIC_AGREEMENT
                         for m in parsed.in_sent(i) if m.entity in agreements)
            if not countries_signing and not org_signers and not (by_ref and signed >= set(agreements)):
                signers += list(dyad)  # (not for "the contract was signed at ...": its signers are known)
            if dyad and rx.search(r"\b(?:the|both)\s+(?:two\s+)?(?:countries|governments|nations|sides)\s+(?:had\s+|have\s+)?"
                                  r"(?:signed|concluded)\b|\b(?:signed|concluded)\s+(?:\w+\s+){0,3}?by\s+(?:the|both)\s+"
                                  r"(?:two\s+)?(?:countries|governments|nations|sides)\b", sent):
                signers = list(dyad)  # "the agreement the two countries signed in 2020, a deal rejected by X"
            for a in agreements:
                signed.add(a)
                own = _between_parties(parsed, i, a)  # "an MoU on X between A and B, and an MoU on Y between C and D"
                # "to conclude negotiations on the X Free Trade Agreement": still being negotiated, no signature yet
                # (but "announced the conclusion of negotiations for a treaty": agreed)
                talks = all(rx.search(r"(?<!conclusion of )\bnegotiat\w*\s+(?:(?:on|for|over|of|towards?)\s+)?(?:(?:a|an|the|their)\s+)?(?:[\w-]+\s+){0,3}$",
                                      text[max(0, o - 80):o]) for e, o in acts if e == a)
                for s in own or signers:
                    T.add(s, a, "PARTICIPATES_IN" if talks else "SIGNS", i, "negotiating" if talks else "sign", 0.6 if talks else 0.7)
                if len(own) == 2 and all(lab.get(e) in ("Firm", "Institution") for e in own) and \
                        home(own[0]) != home(own[1]):
                    T.add(own[0], own[1], "PARTNERS_WITH", i, "memorandum-partners", 0.5)
            if any(rx.search(r"memorand|\bmou\b|cooperation|co-operation|partnership|letter of intent|framework",
                             ents[a].name, re.I) for a in agreements):
                bodies = list(dict.fromkeys(e for e in signers if lab.get(e) in ("Firm", "Institution")
                                            and e not in between_signers))  # "A signed an MoU with B", "A and B signed"
                for a, b in combinations(bodies[:3], 2):  # two bodies signing a memorandum become partners
                    if home(a) != home(b) or home(a) is None:
                        T.add(a, b, "PARTNERS_WITH", i, "memorandum-partners", 0.5)
        if not rx.search(r"\b(?:candidate|applied|application|bid|aspir\w*|seek\w*|admission|accession|"
                         r"wants? to join|not a member)\b", sent, re.I):
            s0, lo = parsed.sents[i][0], 0
            for mm in MEMBER.finditer(sent):  # each "X are members of G" / "Y joined H" on its own
                members = [e for e, o in acts if s0 + lo <= o < s0 + mm.start() and lab[e] in ("Country", "Institution")]
                cut = [b.end() for b in rx.finditer(r",|;|\b(?:which|while|whereas|who)\b", sent[lo:mm.start()])]
                if cut:  # "the Agreement between A and B, to which C is a party as a member of G": C
                    near = [e for e, o in acts if s0 + lo + cut[-1] <= o < s0 + mm.start() and lab[e] in ("Country", "Institution")]
                    members = near or members
                gs = [(e, o) for e, o in acts if o > s0 + mm.start() and lab[e] in ("Initiative", "Institution")]
                chain = gs[:1]
                for e, o in gs[1:]:  # "members of A (AC) and the B": both
                    prev = next((x for x in parsed.in_sent(i) if x.entity == chain[-1][0] and x.start == chain[-1][1]), None)
                    if prev is None or not rx.fullmatch(r"\s*(?:\([A-Z][A-Za-z]{1,9}\)\s*)?(?:,\s*|\s+)(?:and\s+)?(?:the\s+)?|\s+\([A-Z]+\)\s+and\s+(?:the\s+)?",
                                                        text[prev.end:o]):
                        break
                    chain.append((e, o))
                for g, _ in chain:
                    for c in dict.fromkeys(members):
                        T.add(c, g, "MEMBER_OF", i, "member-of", 0.6)
                lo = mm.end()
            for g, go in acts:  # "Romania, a NATO member," / "fellow EU member Poland" / "NATO members A and B"
                if lab[g] not in ("Initiative", "Institution"):
                    continue
                gm = next((m for m in parsed.in_sent(i) if m.entity == g and m.start == go), None)
                after = rx.match(r"\s+(?:member|members|member states?|ally|allies)\b", text[gm.end:gm.end + 20]) if gm else None
                if not after:
                    continue
                pre = rx.search(r"([A-Z][\w\u00C0-\u024F]*(?:\s[A-Z][\w\u00C0-\u024F]*)*),\s+(?:a|an|the)\s+(?:fellow\s+|founding\s+)?$",
                                text[parsed.sents[i][0]:go])
                ms = [c for c, o in acts if lab[c] == "Country" and pre and
                      parsed.sents[i][0] + pre.start(1) <= o < parsed.sents[i][0] + pre.end(1)]
                post = rx.match(r"(?:\s+(?:such as|including|like))?\s+", text[gm.end + after.end():gm.end + after.end() + 20])
                if not ms and post:  # the countries named right after "members", one list
                    pos = gm.end + after.end() + post.end()
                    for x in parsed.in_sent(i):
                        if x.start < pos:
                            continue
                        if x.start != pos or x.label != "Country" or not x.entity:
                            break
                        ms.append(x.entity)
                        sep = rx.match(r"\s*(?:,\s*(?:and\s+)?|and\s+)", text[x.end:x.end + 8])
                        if not sep:
                            break
                        pos = x.end + sep.end()
                for c in ms:
                    T.add(c, g, "MEMBER_OF", i, "member-apposition", 0.6)
            for jm in rx.finditer(r"\b(?:[Ss]ince|[Aa]fter|[Uu]pon|[Ss]hortly\s+after)\s+joining\s+(?:the\s+)?", sent):
                # "Since joining NATO in 2023, Finland has ...": the subject after the clause joined it
                g = [e for e, o in acts if o == s0 + jm.end() and lab[e] in ("Initiative", "Institution")][:1]
                comma = sent.find(",", jm.end())
                subj = [e for e, o in acts if comma > 0 and o > s0 + comma and lab[e] == "Country"][:1]
                if g and subj and rx.match(r",\s+(?:the\s+)?[A-Z]", sent[comma:]):
                    T.add(subj[0], g[0], "MEMBER_OF", i, "member-of", 0.6)
            for bt in rx.finditer(r"\b(?:which|that)\s+(?:brings|bring|brought|groups|grouped|unites|united)\s+together\s+|"
                                  r"\b(?:which|that)\s+(?:comprises|comprised|is\s+made\s+up\s+of)\s+", sent):
                # "the X framework, which brings together A and B": A and B are its members
                g = [e for e, o in acts if o < s0 + bt.start() and lab[e] in ("Initiative", "Institution")][-1:]
                end = rx.search(r"[;.]|,\s+(?:and|but|while)\s", sent[bt.end():])
                ms = [e for e, o in acts if s0 + bt.end() <= o < s0 + bt.end() + (end.start() if end else len(sent))
                      and lab[e] in ("Country", "Institution") and e not in g]
                if not any(o == s0 + bt.end() for _, o in acts):
                    ms = []  # ("brings together ministers from both sides": people, not members)
                for c in ms:
                    for x in g:
                        T.add(c, x, "MEMBER_OF", i, "member-of", 0.6)
                        grouped.add((c, x))
            for ow in rx.finditer(r"(?:,\s+)?\b(?:of which|in which|whose)\s+(?P<who>[^,;]{2,60}?)\s+(?:is|are|was|were)\s+"
                                  r"(?:a\s+|an\s+)?(?:\w+\s+){0,2}?members?\b", sent):  # "G, of which X is a founding member"
                g = [e for e, o in acts if o < s0 + ow.start() and lab[e] in ("Initiative", "Institution")][-1:]
                ms = [e for e, o in acts if s0 + ow.start("who") <= o < s0 + ow.end("who") and lab[e] in ("Country", "Institution")]
                for c in ms:
                    for x in g:
                        T.add(c, x, "MEMBER_OF", i, "member-of", 0.6)
        for a in agreements:
            mt = rx.search(r"\b(?:released|issued|published|adopted)\s+by\s+(?:the\s+)?", sent)
            if mt:
                by = [e for e, o in acts if o >= parsed.sents[i][0] + mt.end() and lab[e] in ("Institution", "Country",
                                                                                                "Person")]
                for x in by[:1]:
                    T.add(x, a, "PARTICIPATES_IN", i, "issued-by", 0.6)
                    issued.add(a)
        # a session of a bilateral forum is a meeting of the two countries when no leader is named ("the two
        # sides held the fifth round of the A-B Political Consultations", "Its next session will be held in X")
        forum = [p for p in programmes if _FORUM.search(ents[p].name) and
                 any(_bilateral(a, dyad) for a in [ents[p].name, *ents[p].aliases])]
        if not forum and rx.match(r"\s*(?:[\d.]+\s+)?(?:Its|The)\s+(?:first|next|second|third|\w+th|last|previous|inaugural|"
                                  r"latest)\s+(?:session|meeting|round)\b", sent):
            prev = [p for p in _previous_programmes(parsed, ents, i) if _FORUM.search(ents[p].name)
                    and any(_bilateral(a, dyad) for a in [ents[p].name, *ents[p].aliases])]
            forum = prev[-1:]
        if dyad and forum and not people and rx.search(r"\b(?:session|round|meeting|met|meet|meets|held|hold|holds|convene\w*|"
                                        r"co-chair\w*|chaired)\b", sent) and \
                not rx.search(r"\b(?:not|never)\s+(?:\w+\s+)?(?:met|meet|been held|convened)\b", sent):
            T.add(dyad[0], dyad[1], "MEETS", i, "forum-meeting", 0.5)
        # "X and Y also took part": in the exercise or programme named last in the sentences before
        if not programmes and orgs and rx.search(r"\b(?:took|take|takes|taking)\s+part\b(?!\s+in\b)|"
                                                 r"\bparticipated\b(?!\s+in\b)", sent):
            last = next((ps[-1:] for ps in (_previous_programmes(parsed, ents, j) for j in range(i, max(0, i - 3), -1))
                         if ps), [])
            for p in last:
                for o in orgs:
                    T.add(o, p, "PARTICIPATES_IN", i, "took-part", 0.5)
        # "both countries' EU membership", "Ireland's EU membership": members of the body
        for mm in _MEMBERSHIP.finditer(sent):
            if rx.search(r"\b(?:bid|seek\w*|support\w*|path|road|push|quest|hopes?)\s+(?:for|to|towards)\s+$",
                         sent[max(0, mm.start() - 25):mm.start()]):
                continue  # "the path to Ukraine's EU membership": not yet a member
            body = _named_at(parsed, i, parsed.sents[i][0] + mm.start("org"), lab)
            who = list(dyad) if mm.group("both") else [c for c in [(gz.country_of(mm.group("c")) or "").lower()] if c in ents]
            if body is not None and lab.get(body.entity) == "Institution":
                for c in who:
                    T.add(c, body.entity, "MEMBER_OF", i, "membership", 0.6)
        # initiatives and missions
        for p in programmes:
            participants = [o for o, off in acts if o in orgs and o not in programmes and not rx.search(
                r"\b(?:released|issued|published|statement)\s+by\s+(?:the\s+)?$|\baccording to\s+(?:the\s+)?$",
                text[max(0, off - 30):off])]
            participants = list(dict.fromkeys(participants))
            if MEMBER.search(sent):
                for c in countries + list(dyad):
                    T.add(c, p, "MEMBER_OF", i, "member", 0.6)
                continue
            if gz.is_grouping(ents[p].name):
                continue  # a standing grouping (BRICS, the G20) has members (above), not participants
            if participants:
                for o in participants:
                    T.add(o, p, "PARTICIPATES_IN", i, "participant", 0.6)
            if not firms:
                named = [gz.country_of(x).lower() for x in rx.findall(r"[A-Z][\w ]*?(?=[\u2013-][A-Z])|(?<=[\u2013-])[A-Z]\w+",
                                                                      ents[p].name) if gz.country_of(x)]
                for c in dict.fromkeys(countries + named) if countries or named else (list(dyad) if not participants else []):
                    if (c, p) not in grouped:
                        T.add(c, p, "PARTICIPATES_IN", i, "country-programme", 0.5)
            if LAUNCH.search(sent):
                for pp in people or (leaders if rx.search(r"\bsidelines\b", sent) else []):
                    T.add(pp, p, "PARTICIPATES_IN", i, "launch", 0.5)
        # "A and B had agreed to codeshare", "A and B are also partners in the corridor"
        for am in _AGREED_TOGETHER.finditer(sent):
            pair = list(dict.fromkeys(e for e, o in acts if o < parsed.sents[i][0] + am.start() and
                                      lab[e] in ("Firm", "Institution")))[-2:]
            if len(pair) == 2 and rx.fullmatch(r"(?:\s*\([A-Z][A-Za-z]{1,9}\))?\s+and\s+(?:the\s+)?",
                                               text[_end_of(parsed, i, pair[0]):_start_of(parsed, i, pair[1])]):
                if am.group("noun"):  # partners in "the corridor": the last-named programme of that kind
                    what = next((x.entity for x in reversed(parsed.mentions) if x.start < parsed.sents[i][0] + am.start()
                                 and x.entity in ents and ents[x.entity].label in ("Initiative", "Institution") and
                                 ents[x.entity].name.lower().endswith(am.group("noun").lower())), None)
                    for e in pair if what else ():
                        T.add(e, what, "PARTICIPATES_IN", i, "partners-in", 0.5)
                else:
                    T.add(pair[0], pair[1], "PARTNERS_WITH", i, "agreed-together", 0.5)
        # PARTNERS_WITH between firms/bodies of different countries, or with a country
        jv = rx.search(r"(?:^|[,;]\s+|\s(?:to|in|of|for|from|with)\s+)([A-Z][\w .&’'-]*?)(?:\s+\([A-Z]{2,9}\))?(?:,\s+|\s+(?:is|was|became)\s+)(?:(?:a|an|the)\s+"
                       r"(?:[\w-]+\s+)?|(?:is\s+|was\s+)?owned\s+by\s+(?:a|an|the)\s+)(?:joint venture|consortium)\s+"
                       r"(?:of|among|owned by|led by)\s", sent)  # (and "X, owned by a consortium of A and B")
        jv_owners = [e for e, o in acts if jv and o >= parsed.sents[i][0] + jv.end() and lab[e] in ("Firm", "Institution")]
        jv_owners = list(dict.fromkeys(jv_owners))[:4]
        if len(jv_owners) >= 2:  # "KABIL is a joint venture of A, B and C": the owners partner and invest in it
            subj = [e for e, o in acts if parsed.sents[i][0] + jv.start(1) <= o < parsed.sents[i][0] + jv.end(1)
                    and lab[e] in ("Firm", "Institution", "Initiative")][:1]
            for a, b in combinations(jv_owners, 2):
                T.add(a, b, "PARTNERS_WITH", i, "joint-venture-owners", 0.6)
            for owner in jv_owners:
                for j in subj:
                    T.add(owner, j, "INVESTS_IN", i, "joint-venture", 0.5, implied="owned" not in jv.group())
        elif PARTNER.search(sent):
            bt = rx.search(r"\bbetween\s", sent)
            pair = [e for e, o in acts if bt and o > parsed.sents[i][0] + bt.start() and lab[e] in ("Firm", "Institution")]
            if len(pair) >= 2:  # "a joint venture between A and B"
                T.add(pair[0], pair[1], "PARTNERS_WITH", i, "partners-between", 0.6)
                jv = rx.search(r"([A-Z][^,]*),\s+(?:a|the)\s+joint venture\s+between", sent)
                subj = [e for e, o in acts if jv and parsed.sents[i][0] + jv.start(1) <= o < parsed.sents[i][0] + jv.end(1)
                        and lab[e] == "Firm"]
                for owner in pair[:2]:
                    for j in subj[:1]:
                        T.add(owner, j, "INVESTS_IN", i, "joint-venture", 0.5, implied=True)
            else:
                for a, b in _partner_pairs(sent, parsed.sents[i][0], acts, lab):
                    if home(a) != home(b) or home(a) is None:
                        T.add(a, b, "PARTNERS_WITH", i, "partners", 0.5)
            mt = rx.search(r"\b(?:cooperation|partnership|collaboration|ties)\s+with\s+(?:the\s+)?([A-Z]\w+)(?!['’]s)\b", sent)
            before = [e for e, o in acts if e in orgs and o < parsed.sents[i][0] + mt.start()] if mt else []
            if mt and gz.country_of(mt.group(1)) and before:
                T.add(before[-1], gz.country_of(mt.group(1)).lower(), "PARTNERS_WITH", i, "partners-with-country", 0.5)
        # "Firm X is building six patrol vessels for the Y Navy": X works for Y (no investment of X's)
        built_for = None
        bf = rx.search(r"\b(?:(?:is|are|was|were|will\s+be|has\s+been)\s+(?:currently\s+|now\s+|also\s+)?(?:building|constructing|"
                       r"manufacturing|making|producing|dredging)|(?:will|to)\s+(?:build|construct|manufacture|produce))\b"
                       r"[^.;]{0,120}?\bfor\s+(?:the\s+)?", sent)
        if bf:
            s0 = parsed.sents[i][0]
            maker = [e for e, o in acts if o < s0 + bf.start() and (lab[e] == "Firm" or lab[e] == "Country" and rx.match(
                r"\w+\s+(?:[a-z]+\s+)?(?:shipyards|yards|firms|companies|manufacturers|makers|builders|contractors)\b",
                text[o:o + 40]))][-1:]  # "Finnish shipyards will build four icebreakers for the U.S. Coast Guard"
            at = _named_at(parsed, i, s0 + bf.end(), lab)  # "for Indonesia's Ministry of Public Works": the ministry
            if maker and at is not None and lab.get(at.entity) in ("Country", "Institution", "Firm"):
                built_for = maker[0]
                if at.entity != home(maker[0]):
                    T.add(maker[0], at.entity, "SUPPLIES", i, "built-for", 0.5)
        # "X, which is owned by Y", "Y's Romanian subsidiary X", "X, a subsidiary of Y": Y has invested in X
        s0 = parsed.sents[i][0]
        for om in rx.finditer(r"(?:,\s+(?:which\s+is\s+|a\s+unit\s+|now\s+)?|(?<=[\w)])\s+(?:is|was)\s+(?:now\s+)?)"
                              r"(?:(?:majority|wholly|partly|fully)[- ])?(?:owned|controlled)\s+by\s+"
                              r"(?:the\s+)?|,\s+(?:a|the)\s+(?:[\w-]+\s+)?(?:subsidiary|unit|affiliate)\s+of\s+(?:the\s+)?", sent):
            owned = [e for e, o in acts if o < s0 + om.start() and lab[e] in ("Firm", "Institution")][-1:]
            if not om.group().startswith(","):  # "X is owned by Y": X is the subject, just before
                owned = [x.entity for x in parsed.in_sent(i) if x.entity in owned and
                         rx.fullmatch(r"(?:\s*\([A-Z][\w-]*\))?", text[x.end:s0 + om.start()])]
            at = _named_at(parsed, i, s0 + om.end(), lab)  # "owned by Canada's Davie Group": the group
            if owned and at is not None and lab.get(at.entity) in ("Firm", "Institution", "Country"):
                T.add(at.entity, owned[0], "INVESTS_IN", i, "owner", 0.5)
        for om in rx.finditer(r"\b(?:owns|controls|owned(?!\s+by))\s+(?:a\s+(?:majority|stake)\s+in\s+)?(?:the\s+)?([^.;]*?)(?=[.;]|,\s+(?:which|who|while|where|and)\b|$)", sent):
            owner = [e for e, o in acts if o < s0 + om.start() and lab[e] in ("Firm", "Institution")][-1:]
            owned = [e for e, o in acts if s0 + om.start(1) <= o < s0 + om.end(1) and lab[e] == "Firm"]
            for sub in owned if owner and not rx.search(r"\b(?:state|government)[- ]owned\s*$", sent[:om.start() + 5]) else []:
                if sub != owner[0]:  # "CSG owns Excalibur Army as well as the truck maker Tatra"
                    T.add(owner[0], sub, "INVESTS_IN", i, "owner", 0.5)
        for sm in rx.finditer(r"['’]s\s+(?:[A-Z][a-z]+\s+)?(?:subsidiary|unit|affiliate)\s+(?=[A-Z])", sent):
            owner = next((x for x in parsed.in_sent(i) if x.end == s0 + sm.start() and x.entity and
                          lab.get(x.entity) in ("Firm", "Institution")), None)
            sub = next((x for x in parsed.in_sent(i) if x.start == s0 + sm.end() and x.entity and lab.get(x.entity) == "Firm"), None)
            if owner is not None and sub is not None:
                T.add(owner.entity, sub.entity, "INVESTS_IN", i, "owner", 0.5)
        for pm in rx.finditer(r"\bpaid\s+[^.;]{0,70}?\bfor\s+(?:the\s+)?(?:(?:[a-z][\w-]*|\d[\w.%-]*)\s+){0,3}", sent):
            buyer = [e for e, o in acts if o < s0 + pm.start() and lab[e] in ("Firm", "Institution")][-1:]
            bought = [e for e, o in acts if o == s0 + pm.end() and lab[e] == "Firm"]
            if buyer and bought and buyer[0] != bought[0]:  # "State Grid paid $3 billion for power distributor CGE"
                amt = money(sent)
                T.add(buyer[0], bought[0], "INVESTS_IN", i, "acquisition", 0.6,
                      **({"amount": amt[0], "currency": amt[1]} if amt else {}))
        for wm in rx.finditer(r"\binvest\w*\s+[^.;]{0,50}?\bwith\s+(?:[A-Z][\w.-]*['’]s\s+)?(?:the\s+)?", sent):
            left = [e for e, o in acts if o < s0 + wm.start() and lab[e] == "Firm"][-1:]
            right = [e for e, o in acts if s0 + wm.end() - 1 <= o <= s0 + wm.end() + 1 and lab[e] == "Firm"]
            if left and right and left[0] != right[0] and home(left[0]) != home(right[0]):
                T.add(left[0], right[0], "PARTNERS_WITH", i, "invest-with", 0.5)  # "X will invest $1bn with Y's Z"
        for tm in rx.finditer(r"\b(?:travell?ed|went|flew|came|will\s+travel|is\s+travell?ing)\s+to\s+[A-Z][^.;,]{0,30}?\s+for\s+the\s+", sent):
            who = [e for e, o in acts if o < s0 + tm.start() and e in people][-1:]
            forum = [e for e, o in acts if o in (s0 + tm.end() - 4, s0 + tm.end()) and lab[e] == "Initiative"]
            for p_ in who:
                for f_ in forum:
                    T.add(p_, f_, "PARTICIPATES_IN", i, "travel-for", 0.5)  # "Boric travelled to China for the X Forum"
        # INVESTS_IN
        for a, b in _investor_of(parsed, i, lab):  # "X is one of the largest foreign investors in Y"
            T.add(a, b, "INVESTS_IN", i, "largest-investor", 0.6)
        for a, b in _funder_of(parsed, i, lab):  # "X is the largest financier of Y", "X is Y's largest donor"
            T.add(a, b, "FUNDS", i, "largest-funder", 0.6)
        s0 = parsed.sents[i][0]
        if any(not any(x.start <= s0 + v.start() < x.end for x in parsed.in_sent(i)) for v in INVEST.finditer(sent)):
            for m in parsed.in_sent(i):  # (an investment word outside names: not "the Board of Investment")
                if not m.entity or lab.get(m.entity) not in ("Firm", "Country", "Institution"):
                    continue
                after = text[m.end: parsed.sents[i][1]]
                tgt = None
                for x in parsed.in_sent(i):
                    if x.start > m.end and x.entity and lab.get(x.entity) in ("Place", "Country", "Firm") and \
                            not text.startswith(("-based", "-headquartered"), x.end) and rx.search(
                                r"\b(?:in|into|near|outside|at)\s+(?:the\s+)?(?:[\w\u00C0-\u024F]+-(?:based|headquartered)\s+(?:[a-z]+\s+)?)?$",
                                text[max(0, x.start - 60): x.start]):
                        tgt = x
                        break
                if lab[m.entity] == "Country" and m.kind in ("name", "capital") and \
                        rx.match(r"\s+(?:\w+\s+){0,4}?invest(?:s|ed|ing)?\b", after):
                    # "The UAE has committed to invest $75 billion in Indian infrastructure"
                    later = [x for x in parsed.in_sent(i) if x.start > m.end and x.entity and x.entity != m.entity
                             and lab.get(x.entity) in ("Country", "Place") and
                             rx.search(r"\bin\s+(?:the\s+)?$", text[max(0, x.start - 10):x.start])]
                    if later:
                        amt = money(sent)
                        T.add(m.entity, later[0].entity, "INVESTS_IN", i, "country-investment", 0.5,
                              **({"amount": amt[0], "currency": amt[1]} if amt else {}))
                elif lab[m.entity] == "Country" and m.kind == "demonym" and not rx.search(
                        r"\b(?:to|in|into)\s+(?:the\s+)?$", text[max(0, m.start - 8):m.start]) and not rx.search(
                        r"\b(?:invit\w+|urg\w+|encourag\w+|court\w*|woo\w*|attract\w*|lur\w+)\s+(?:more\s+)?$",
                        text[max(0, m.start - 20):m.start]) and not rx.search(
                        r"\b(?:hopes?|hoped|hoping|wish(?:es|ed)?|calls?\s+for|called\s+for)\s+(?:\w+\s+){0,3}?"
                        r"investments?\s+(?:by|from)\s+$", text[max(0, m.start - 60):m.start]) and \
                        rx.match(r"\s+(?:(?:direct|foreign|private|"
                                                                                     r"new|total|cumulative)\s+)*(?:investments?(?!\s+(?:firms?|funds?|banks?|compan(?:y|ies)|groups?|"
                                                                                     r"managers?|arms?|vehicles?|houses?)\b)|investors?|"
                                                                                     r"companies|firms|enterprises|businesses|"
                                                                                     r"carmakers|automakers)\b", after):
                    target = tgt.entity if tgt else next((c for c in dyad if c != m.entity), None)
                    amt = money(sent)
                    T.add(m.entity, target, "INVESTS_IN", i, "demonym-investment", 0.5,
                          **({"amount": amt[0], "currency": amt[1]} if amt else {}))
                elif (lab[m.entity] == "Firm" or lab[m.entity] == "Institution" and rx.match(
                        r"\s+(?:plans|planned|will|would|is|agreed|intends|pledged)\s+(?:to\s+)?invest\b", after)) and \
                        tgt and tgt.entity != m.entity and \
                        (INVEST.search(text[m.end:tgt.start]) or rx.match(r"['’]s\s+(?:\S+\s+){0,4}?investment", after)) and \
                        not _HIRED.search(sent) and m.entity != built_for and \
                        not _stake_of_another(parsed, i, m, tgt):  # (hired to build: no investment)
                    amt = money(text[m.end: tgt.start])
                    T.add(m.entity, tgt.entity, "INVESTS_IN", i, "firm-investment", 0.6,
                          **({"amount": amt[0], "currency": amt[1]} if amt else {}))
        for m in parsed.in_sent(i):  # "Zijin Mining, which runs copper mines in Bor and Majdanpek": it invests there
            if not m.entity or lab.get(m.entity) != "Firm":
                continue
            op = _OPERATES_IN.match(text, m.end, parsed.sents[i][1])
            if op is None:
                continue
            at, where = op.end(), []
            for x in parsed.in_sent(i):
                if x.start == at and x.entity and lab.get(x.entity) in ("Place", "Country") and x.entity != home(m.entity):
                    where.append(x.entity)
                    nxt = rx.match(r"(?:,\s*|\s+and\s+|\s+in\s+(?:[a-z]+\s+)?)", text[x.end:x.end + 20])
                    if nxt is None:
                        break
                    at = x.end + nxt.end()
            for w in where:
                T.add(m.entity, w, "INVESTS_IN", i, "operates-in", 0.5)
        # SUPPLIES: sellers before a sell verb, buyers before a buy verb, firms a deal is made with
        if firms or SELL.search(sent) or BUY.search(sent):
            names = [(m.start - parsed.sents[i][0], m.end - parsed.sents[i][0]) for m in parsed.in_sent(i) if m.entity]
            for f, b in _supplies(sent, parsed.sents[i][0], acts, lab, names):
                if b != home(f):
                    T.add(f, b, "SUPPLIES", i, "supply", 0.5)
        # SUPPLIES between the two countries read off trade wording ("X is the largest buyer of DEMONYM cocoa",
        # "the main destination of DEMONYM gold exports", "with X mainly exporting A and importing B")
        if len(dyad) == 2 and rx.search(r"\b(?:export|import|buyer|destination|purchaser|market|ships\b|shipped\b)", sent, re.I):
            s0 = parsed.sents[i][0]
            for m in parsed.in_sent(i):
                if m.entity not in dyad or m.kind not in ("name", "demonym", "capital"):
                    continue
                other = dyad[1] if m.entity == dyad[0] else dyad[0]
                if other not in countries:
                    continue
                after = text[m.end:parsed.sents[i][1]]
                sells = m.kind == "demonym" and rx.match(r"(?:\s+[a-z][\w-]*){0,3}\s+exports\b", after) or \
                    m.kind != "demonym" and rx.match(r"\s+(?:\w+ly\s+)?(?:export(?:s|ed|ing)?|sells?|sold|selling|ships|shipped)\b", after) or \
                    m.kind == "demonym" and rx.search(r"\b(?:buyers?|importers?|destinations?|purchasers?|markets?)\s+"
                                                      r"(?:of|for)\s+(?:the\s+)?$", text[s0:m.start])
                if sells:
                    T.add(m.entity, other, "SUPPLIES", i, "country-exports", 0.5)
                if m.kind != "demonym" and rx.match(r"\s+(?:\w+ly\s+)?(?:export\w*\s+[^,;]*?\s+and\s+)?"
                                                    r"import(?:s|ed|ing)?\b", after):
                    T.add(other, m.entity, "SUPPLIES", i, "country-imports", 0.5)
        # "France is India's second-largest defence supplier after Russia": both supply India
        for sm in rx.finditer(r"\b(?:is|was|remains|has been|became|has become|have become)\s+(?:also\s+)?"
                              r"(?:(?:today|now|still|already)\s+)?(?:one\s+of\s+|among\s+)?(?P<buyer>[A-Z][\w .’'-]*?)['’]s?\s+(?:[\w-]+\s+){0,3}?"
                              r"(?:supplier|exporter|source|provider)s?\b(?:\s+of\s+[a-z][\w\s-]*?)?(?:\s+after\s+(?P<other>[A-Z][\w .-]*))?",
                              sent):
            s0 = parsed.sents[i][0]
            buyer = next((x.entity for x in parsed.in_sent(i) if x.entity and lab.get(x.entity) == "Country" and
                          s0 + sm.start("buyer") <= x.start < s0 + sm.end("buyer")), None)
            seller = next((x.entity for x in reversed(parsed.in_sent(i)) if x.entity and x.end <= s0 + sm.start() and
                           lab.get(x.entity) in ("Country", "Firm")), None)
            others = [x.entity for x in parsed.in_sent(i) if sm.group("other") and x.entity and lab.get(x.entity) == "Country"
                      and s0 + sm.start("other") <= x.start < s0 + sm.end("other")]
            aid = rx.search(r"\b(?:provider|source)s?\s+of\s+(?:[\w-]+\s+){0,3}?(?:assistance|aid|ODA|loans|grants|financing|"
                            r"funding)\b", sent[sm.start():sm.end() + 50])  # "Japan has been Mongolia's biggest provider of development assistance"
            for f in [seller, *others]:
                if f and buyer and f != buyer:
                    T.add(f, buyer, "FUNDS" if aid else "SUPPLIES", i, "supplier-of", 0.5)
        # "Qatar was among the first foreign buyers of Baykar's drones": the firm supplies the buyer
        for bm in rx.finditer(r"\s+(?:is|was|are|were|has been|became)\s+(?:also\s+)?(?:one\s+of\s+|among\s+)the\s+"
                              r"(?:[\w-]+\s+){0,3}?(?:buyers|customers|clients|operators|users|importers)\s+of\s+(?:the\s+)?", sent):
            s0 = parsed.sents[i][0]
            buyer = next((e for e, o in reversed(acts) if o < s0 + bm.start() and lab[e] in ("Country", "Institution", "Firm")), None)
            seller = next((e for e, o in acts if o == s0 + bm.end() and lab[e] in ("Firm", "Country")), None)
            if buyer and seller and buyer != seller and home(seller) != buyer:
                T.add(seller, buyer, "SUPPLIES", i, "buyer-of", 0.5)
        # FUNDS
        fm = FUND.search(sent)
        if fm and rx.match(r"commit|pledge", fm.group()) and rx.match(r"[^.;,]{0,40}?\bin\s+(?:[a-z]+\s+){0,2}investments?\b",
                                                                       sent[fm.end():]):
            fm = None  # "X committed $450 million in fresh investment in Y": an investment (read above), no funding
        if fm:
            off = parsed.sents[i][0] + fm.start()
            give = rx.search(r"\b(?:given|gave|gives|give|provided|provides|provide|granted|grants|offered|offers|extended|"
                             r"extends|extend|sent|pledged|pledges)\s", sent[:fm.start()])
            if give:  # "X has given Y military aid": the giver before the verb, the receiver after it
                off = parsed.sents[i][0] + give.start()
            funders = [(e, o) for e, o in acts if o < off and lab[e] in ("Country", "Institution", "Firm")][::-1]
            if len(funders) > 1 and rx.search(r",\s+(?:(?:the|a|an)\s+|one\s+of\s+the\s+(?:[a-z]+\s+){0,2})?$",
                                              text[max(0, funders[0][1] - 40):funders[0][1]]) and \
                    rx.match(r"[^,;]*,\s+(?:\w+\s+){0,2}(?:a\s+|an\s+)?(?:[$€£¥₹]?[\d.,]+\s+(?:million|billion|bn|m)?\s*)?$",
                             text[funders[0][1]:off]):
                funders = funders[1:]  # "X, the UK's development finance institution, has committed": X
            funders = [e for e, _ in funders]
            if not funders:  # "Albanese pledged A$94.5 million for Vietnam": the leader's country funds
                funders = [home(p) for p, o in acts if o < off and p in people and home(p) in dyad][-1:]
                for c in funders:
                    lab.setdefault(c, "Country")
            frm = rx.match(r"\w*(?:\s+(?!from\b)[a-z]+){0,2}\s+from\s+(?:the\s+)?", sent[fm.start():]) or \
                rx.match(r"\s+from\s+(?:the\s+)?(?=[A-Z])", sent[fm.end():])  # "a line of credit from the X Bank"
            if frm:  # "with financing from the X Bank": the funder comes after "from"
                after = parsed.sents[i][0] + fm.start() + frm.end()
                funders = [(e, o) for e, o in acts if o >= after and lab[e] in ("Country", "Institution", "Firm")][:2]
                if len(funders) == 2 and lab[funders[0][0]] == "Country" and lab[funders[1][0]] != "Country" and \
                        rx.fullmatch(r"[A-Z][\w-]*\s+(?:[a-z][\w-]*\s+){1,3}", text[funders[0][1]:funders[1][1]]):
                    funders = funders[1:]  # "a grant from the German development bank KfW": KfW
                funders = [e for e, _ in funders][:1]
                off = parsed.sents[i][0]  # the recipient is what the sentence is about
                funders = funders if funders else []
            by = None if frm else rx.match(r"(?:financed|funded|bankrolled)\s+(?:(?:largely|partly|jointly|mainly|mostly|"
                                           r"entirely|fully|in\s+part)\s+)?by\s+(?:the\s+)?", sent[fm.start():])
            if by:  # "the line, financed largely by the X Bank": the funder comes after "by"
                after = parsed.sents[i][0] + fm.start() + by.end()
                funders = [e for e, o in acts if o >= after and lab[e] in ("Country", "Institution", "Firm")][:1]
            lender = rx.match(r"\w+\s+(?:agreement|deal|accord|facility|contract)\s+with\s+(?:the\s+)?", sent[fm.start():]) \
                if not frm and not by and rx.match(r"loan|credit", fm.group()) else None
            if lender:  # "Ghana signed a $480 million loan agreement with the X Bank": the bank lends, Ghana borrows
                after = parsed.sents[i][0] + fm.start() + lender.end()
                lent = [e for e, o in acts if o >= after and lab[e] in ("Country", "Institution", "Firm")][:1]
                borrower = [e for e in funders if e not in lent][:1]
                if lent and borrower:
                    amt = money(sent)
                    T.add(lent[0], borrower[0], "FUNDS", i, "loan-with", 0.5,
                          **({"amount": amt[0], "currency": amt[1]} if amt else {}))
                funders = []
            ms = parsed.in_sent(i)
            described = {m.start for m, x in zip(ms, ms[1:]) if m.kind == "demonym" and x.label != "Country" and
                         x.entity and rx.fullmatch(r"(?:\s+[a-z][\w-]*){1,3}\s+", text[m.end:x.start])}
            payable = ("Country", "Initiative", "Mission", "Institution", "Firm", "Place")
            if by:  # and what it pays for before the verb: one actor (not "the leaders", "the two countries")
                paid = [e for e, o in acts if o < off and lab[e] in payable and sum(p == o for _, p in acts) == 1][-1:]
            else:  # "lent $40 million to Ghanaian cocoa grinder X": X receives, not Ghana; not a channel (below)
                paid = [e for e, o in acts if o > off and lab[e] in payable and o not in described and
                        not rx.search(r"\b(?:through|via)\s+(?:the\s+)?$", text[max(0, o - 12):o])]
            recips = [res.located.get(e, (None,))[0] if lab[e] == "Place" else e for e in paid]  # a place: its country
            recips = [r for r in recips if r and r in ents or (r and len(r) == 3)]
            owned = {e for e, o in acts if lab[e] == "Country" and any(
                lab[b] in ("Institution", "Firm") and rx.fullmatch(r"[\w .-]*?['’]s\s+(?:[a-z][\w-]*\s+){0,3}", text[o:ob])
                for b, ob in acts if o < ob < o + 60)}
            recips = [r for r in recips if r not in owned and r not in funders[:1]]  # "a grant to Mexico's National Water Commission"
            to = [e for e, o in acts if o > off and e in recips and rx.search(r"\bto\s+(?:the\s+)?$", text[max(0, o - 8):o])]
            if to and not frm:  # "$500 million in Foreign Military Financing to the Armed Forces": the one it goes to
                recips = to + [r for r in recips if r not in to]
            if funders and lab[funders[0]] == "Firm" and rx.match(r"commit", sent[fm.start():]):
                # a firm committing money to a project or a place invests in it
                tgts = [e for e, o in acts if o > off and e != funders[0] and lab[e] in ("Place", "Country", "Firm", "Initiative")]
                if tgts:
                    amt = money(sent)
                    T.add(funders[0], tgts[0], "INVESTS_IN", i, "firm-commitment", 0.5,
                          **({"amount": amt[0], "currency": amt[1]} if amt else {}))
                recips = []
            if funders and recips:
                amt = money(sent)
                T.add(funders[0], recips[0], "FUNDS", i, "fund", 0.5,
                      **({"amount": amt[0], "currency": amt[1]} if amt else {}))
                via = rx.search(r"\b(?:through|via)\s+(?:its|their|the)\s+(?:[a-z][\w-]*\s+){0,4}", sent)
                chan = [e for e, o in acts if via and o == parsed.sents[i][0] + via.end() and
                        lab[e] in ("Institution", "Firm") and e != recips[0]]
                if lab[funders[0]] == "Country" and chan:  # "X will lend Y $1 billion through its development bank Z"
                    T.add(chan[0], recips[0], "FUNDS", i, "fund-channel", 0.5,
                          **({"amount": amt[0], "currency": amt[1]} if amt else {}))

    # a firm of unknown home that supplies or invests in one of the two countries is from the other
    if dyad:
        def country_of(eid: str) -> str | None:
            if ents[eid].label == "Country":
                return eid
            if eid in res.home:
                return res.home[eid][0]
            return res.located.get(eid, (None,))[0]
        guesses: dict[str, set[str]] = {}
        for t in T.ties.values():
            if t.type in ("SUPPLIES", "INVESTS_IN") and ents[t.source].label == "Firm" and t.source not in res.home:
                c = country_of(t.target)
                if c in dyad:
                    guesses.setdefault(t.source, set()).add(dyad[1] if c == dyad[0] else dyad[0])
        for firm, homes in guesses.items():
            if len(homes) == 1:  # a firm that sells to or invests in one side is from the other
                T.add(firm, homes.pop(), "BASED_IN", _first_sent(parsed, firm), "foreign-partner", 0.4, implied=True)
    # "the Joint Statement by A and B": the two issue it together, as signatories
    for k, m in enumerate(parsed.mentions):
        if not m.entity or m.entity not in ents or ents[m.entity].label != "Agreement" or m.entity in signed or \
                not rx.search(r"\b(?:statement|declaration|communiqu[eé])$", m.text, re.I) or \
                not rx.match(_ISSUED_BY, text[m.end:m.end + 14]):
            continue
        by = rx.match(_ISSUED_BY, text[m.end:m.end + 14])
        pos, who = m.end + by.end(), []
        for x in parsed.mentions[k + 1:]:
            if x.start != pos or not x.entity or x.entity not in ents or ents[x.entity].label != "Country":
                break
            who.append(x.entity)
            sep = rx.match(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?", text[x.end:x.end + 10])
            if not sep:
                break
            pos = x.end + sep.end()
        if len(who) >= 2:
            for c in who:
                T.add(c, m.entity, "SIGNS", m.sent, "issued-jointly", 0.5)
            signed.add(m.entity)
    # "In a joint statement, the two prime ministers welcomed...": those who speak in it issue it
    for m in parsed.mentions:
        if m.entity in ents and m.entity not in signed and m.source == "described" and \
                rx.fullmatch(r"joint\s+(?:statement|declaration|communiqu[eé])", m.text):
            acts = [a for a, _ in actors(m.sent) if a != m.entity and a in ents]
            who = [a for a in acts if ents[a].label == "Person"] or [a for a in acts if ents[a].label == "Country"] or list(dyad)
            for c in who:
                T.add(c, m.entity, "SIGNS", m.sent, "issued-jointly", 0.5)
            signed.add(m.entity)
    # "X signed a contract with Y": Y signs it too
    for j, m in enumerate(parsed.mentions):
        party = _deal_party(parsed, j) if m.source == "firm-deal" and m.entity in ents else None
        if party is not None and party.entity in ents and ents[party.entity].label in ("Firm", "Institution"):
            T.add(party.entity, m.entity, "SIGNS", m.sent, "deal-with", 0.5)
            signed.add(m.entity)
    # agreements never said to be signed: the two countries take part in them
    for eid, e in list(ents.items()):
        if e.label == "Agreement" and eid not in signed and eid not in issued:
            named = [m for m in parsed.mentions if m.entity == eid]
            if named and all(rx.search(r"\b(?:possible|potential|proposed|prospective|future|planned|eventual)\s+"
                                       r"(?:[\w\u2013-]+\s+){0,3}$", text[max(0, m.start - 50):m.start], re.I) for m in named):
                continue  # "a joint study on a possible Korea–Mexico economic partnership agreement": none yet
            parties = list(dyad)
            pair = rx.match(r"([A-Z][\w\u00C0-\u024F]*)[\u2013-]([A-Z][\w\u00C0-\u024F]*)\s", e.name)
            if pair:  # "the Türkiye-GCC free trade agreement": the two named in front are its parties
                named = []
                for part in pair.groups():
                    code = gz.country_of(part)
                    hit = code.lower() if code and code.lower() in ents else next(
                        (x for x, xe in ents.items() if x != eid and part in xe.aliases), None)
                    named.append(hit)
                if all(named):
                    parties = named
            own = next((own for m in parsed.mentions if m.entity == eid for own in [_between_parties(parsed, m.sent, eid)]
                        if len(own) == 2), [])
            if own:  # "the renewal of the currency swap agreement between A and B": its two parties, who signed it
                for c in own:
                    T.add(c, eid, "SIGNS", next(m.sent for m in parsed.mentions if m.entity == eid), "agreement-between", 0.5)
                continue
            for c in parties:
                T.add(c, eid, "PARTICIPATES_IN", _first_sent(parsed, eid), "agreement-parties", 0.4)
    # the document's two countries cooperate
    if dyad:
        best = next((i for i in range(len(parsed.sents)) if i not in parsed.headings and
                     PARTNER.search(parsed.sentence(i)) and
                     ({c for c, _ in actors(i)} >= set(dyad))), None)
        if best is None:
            best = next((i for i in range(len(parsed.sents)) if {c for c, _ in actors(i)} >= set(dyad)), 0)
        T.add(dyad[0], dyad[1], "PARTNERS_WITH", best, "dyad", 0.6)
    return list(T.ties.values())


_FORUM = re.compile(r"\b(?:commission|council|committee|dialogue|consultations|working group|task force|summit|"
                    r"cabinet|forum)\b", re.I)


_MEMBERSHIP = re.compile(r"(?:\b(?P<both>both countries|the two countries|both nations|the two nations|both sides)['’]|"
                         r"\b(?P<c>[A-Z][\w\u00C0-\u024F]*(?:\s[A-Z][\w\u00C0-\u024F]*)?)['’]s?)\s+"
                         r"(?:(?!future|possible|potential|eventual|prospective|planned|hoped)[a-z]+\s+)?"
                         r"(?P<org>[A-Z][\w-]*(?:\s[A-Z][\w-]*)*)\s+membership\b(?!\s+(?:bid|application|talks|"
                         r"aspirations?|process|path|hopes?|candidacy|negotiations|ambitions?|prospects?)|"
                         r"\s+(?:is|was|remains)\s+(?:not|off|un\w+)|\s+(?:would|could|might)\b)")
_AGREED_TOGETHER = re.compile(r"\s(?:have|had|has)?\s*agreed\s+to\s+(?:codeshare|cooperate|collaborate|partner|work\s+together|"
                              r"team\s+up|jointly\s+\w+)\b|\s(?:are|were)\s+(?:also\s+)?(?:\w+\s+)?partners\s+in\s+the\s+"
                              r"(?P<noun>[a-z]+)\b")


def _end_of(parsed: Parsed, i: int, eid: str) -> int:
    """Where the last mention of ``eid`` in sentence i ends."""
    return max(x.end for x in parsed.in_sent(i) if x.entity == eid)


def _start_of(parsed: Parsed, i: int, eid: str) -> int:
    """Where the first mention of ``eid`` in sentence i starts."""
    return min(x.start for x in parsed.in_sent(i) if x.entity == eid)


# "X, which runs copper mines in | A", "X, which makes tyres in the northern city of | A", "X operates a plant at | A"
_OPERATES_IN = re.compile(r"(?:\s*\([^()]*\))?,?\s+(?:which\s+|that\s+)?(?:already\s+|also\s+|now\s+)?(?:"
                          r"(?:runs|operates|owns|has)\s+(?:[\w-]+\s+){0,5}?(?:plants?|factor(?:y|ies)|mines?|facilit(?:y|ies)|"
                          r"refiner(?:y|ies)|smelters?|mills?|works|sites?|assembly\s+lines?)|"
                          r"(?:makes|assembles|builds|produces|manufactures)\s+(?:[\w-]+\s+){0,5}?(?:(?:at|in)\s+an?\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:plant|factory|facility)\s+)?)"
                          r"\s*(?:in|at|near)\s+(?:the\s+)?(?:[a-z]+\s+)?(?:(?:city|town|region|province|state|port)\s+of\s+)?")


# "the Joint Statement by | A and B", "Joint Statement between the | A and B", "Joint Statement of the | A and B"
_ISSUED_BY = r"\s+(?:by|between|of)\s+(?:the\s+)?"


def _bilateral(name: str, dyad: tuple[str, ...]) -> bool:
    """A forum of the two countries: both named in it ("A-B Joint Commission") or called joint/bilateral."""
    named = {gz.country_of(w) for w in rx.split(r"[\s\u2013-]+", name) if gz.country_of(w)}
    return bool(dyad) and {c.upper() for c in dyad} <= named or bool(
        rx.search(r"\b(?:joint|bilateral|binational|intergovernmental|high[- ]level|political consultations)\b", name, re.I))


def _previous_programmes(parsed: Parsed, ents: dict, i: int) -> list[str]:
    """Initiatives named in the sentence before sentence i."""
    return [m.entity for m in parsed.in_sent(i - 1) if m.entity in ents and ents[m.entity].label == "Initiative"] \
        if i > 0 else []


def _stake_of_another(parsed: Parsed, i: int, m, tgt) -> bool:
    """True when the investment between ``m`` and ``tgt`` is a stake someone named after ``m`` buys
    ("A partnered with B, and C bought a stake in X": C's stake, not A's)."""
    inv = INVEST.search(parsed.text[m.end:tgt.start])
    if not inv or not rx.match(r"(?:stake|stakes|equity)\b", inv.group()):
        return False
    return any(m.end < x.start < m.end + inv.start() and x.entity and x.entity != m.entity and
               x.label in ("Firm", "Person", "Institution", "Country") for x in parsed.in_sent(i))


def _named_at(parsed: Parsed, i: int, pos: int, lab: dict[str, str]):
    """The mention with an entity starting at ``pos`` in sentence i, passing over a possessive country
    ("Canada's Davie Group": the group)."""
    at = next((x for x in parsed.in_sent(i) if x.start == pos and x.entity), None)
    poss = at is not None and lab.get(at.entity) == "Country" and rx.match(r"['’]s\s+", parsed.text[at.end:at.end + 3])
    return next((x for x in parsed.in_sent(i) if x.start == at.end + poss.end() and x.entity), None) if poss else at


def _between_parties(parsed: Parsed, i: int, agreement: str) -> list[str]:
    """The two parties named right after an agreement in sentence i: "X between A and (B's) C"."""
    ms = [m for m in parsed.in_sent(i) if m.entity]
    text = parsed.text

    def at(pos: int):  # the mention starting at pos, passing over a possessive country ("Australia's C")
        m = next((x for x in ms if x.start == pos), None)
        poss = m and rx.match(r"['’]s\s+", text[m.end:m.end + 3])
        return next((x for x in ms if x.start == m.end + poss.end()), m) if poss else m

    for m in ms:
        if m.entity != agreement:
            continue
        bt = rx.match(r"(?:\s*\([^()]{1,12}\))?\s*" + _SIGNED_BETWEEN + r"(?:the\s+)?", text[m.end:m.end + 60])
        first = bt and at(m.end + bt.end())
        sep = first and rx.match(r"(?:\s*\([^()]{1,12}\))?\s+and\s+(?:the\s+)?", text[first.end:first.end + 30])
        second = sep and at(first.end + sep.end())
        if first:  # (a party the text names but no rule found is left out, not replaced by another's)
            return list(dict.fromkeys([first.entity] + ([second.entity] if second else [])))
    return []


_INVESTOR = re.compile(r"\s+(?:is|was|remains?|remained|became|has\s+become|ranks?\s+as|stands?\s+as|ranks?\s+among|"
                       r"(?:is|was)\s+among)\s+"
                       r"(?:also\s+)?(?:the\s+[^.;,]{0,60}?\s+and\s+)?(?:one\s+of\s+)?(?:the\s+|(?P<poss>[A-Z][\w\u00C0-\u024F ]*?)['’]s\s+)"
                       r"(?:[\w-]+\s+){0,3}?(?:investors?|sources?\s+of\s+(?:foreign\s+)?(?:direct\s+)?investment|"
                       r"sources?\s+of\s+FDI)\b(?:\s+in\s+(?:the\s+)?(?P<in>[A-Z][\w\u00C0-\u024F ]*[\w\u00C0-\u024F]))?")


def _investor_of(parsed: Parsed, i: int, lab: dict[str, str]) -> list[tuple[str, str]]:
    """Country pairs read off "A is one of the largest investors in B", "A remained B's fifth-largest
    source of foreign direct investment"."""
    out = []
    for m in parsed.in_sent(i):
        if not m.entity or lab.get(m.entity) != "Country" or m.kind not in ("name", "capital"):
            continue
        inv = _INVESTOR.match(parsed.text, m.end)
        where = inv and (inv.group("poss") or inv.group("in"))
        code = where and gz.country_of(where.strip())
        if code and code.lower() != m.entity:
            out.append((m.entity, code.lower()))
    return out


_FUNDER = re.compile(r"\s+(?:is|was|remains?|remained|became|has\s+become)\s+(?:also\s+)?(?:one\s+of\s+)?"
                     r"(?:(?:the\s+)?(?P<poss>[A-Z][\w\u00C0-\u024F ]*?)['’]s?\s+|the\s+)(?:[\w-]+\s+){0,2}?"
                     r"(?:financiers?|lenders?|donors?|creditors?|sources?\s+of\s+(?:official\s+development\s+assistance|"
                     r"development\s+(?:aid|assistance|finance)|aid|ODA|loans))\b(?P<of>\s+(?:of|to)\s+(?:the\s+)?)?")


def _funder_of(parsed: Parsed, i: int, lab: dict[str, str]) -> list[tuple[str, str]]:
    """Pairs read off "A is the largest financier of the X and of the Y", "A is B's largest source of ODA"."""
    out = []
    text = parsed.text
    for m in parsed.in_sent(i):
        if not m.entity or lab.get(m.entity) not in ("Country", "Institution", "Firm") or m.kind not in ("name", "capital"):
            continue
        fm = _FUNDER.match(text, m.end)
        if fm is None:
            continue
        code = fm.group("poss") and gz.country_of(fm.group("poss").strip())
        if code and code.lower() != m.entity:
            out.append((m.entity, code.lower()))
        at = fm.end() if fm.group("of") else None
        while at is not None:  # "of the A and of the B"
            x = _named_at(parsed, i, at, lab)
            if x is None or x.entity == m.entity:
                break
            out.append((m.entity, x.entity))
            more = rx.match(r"\s*(?:,|and)\s+(?:of\s+|to\s+)?(?:the\s+)?", text[x.end:x.end + 16])
            at = x.end + more.end() if more else None
    return out


_HIRED = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:hired|contracted|commissioned|engaged|selected|chosen)\s+by\s+")


def _joined_last(found: list[tuple[str, int]], sent: str, s0: int) -> list[str]:
    """The last of ``found`` (entity, offset) with those joined to it by "and" or commas ("A, B and C")."""
    out = found[-1:]
    for e, o in reversed(found[:-1]):
        if not rx.fullmatch(r"(?:[A-Z][\w’'.&-]*\s*)+(?:,|,?\s+and)\s+(?:the\s+)?", sent[o - s0:out[0][1] - s0]):
            break
        out.insert(0, (e, o))
    return list(dict.fromkeys(e for e, _ in out))


def _supplies(sent: str, s0: int, acts: list[tuple[str, int]], lab: dict[str, str],
              names: list[tuple[int, int]] = ()) -> list[tuple[str, str]]:
    """(seller, buyer) pairs of one sentence, one verb at a time (a word inside a name, such as the
    "supply" of "an MoU on gas supply", is no verb)."""
    out = []
    verbs = sorted([(m.start(), "sell") for m in SELL.finditer(sent)] + [(m.start(), "buy") for m in BUY.finditer(sent)] +
                   [(m.start(1), "sell") for m in CONTRACT_TO.finditer(sent)])
    verbs = [(v, k) for v, k in verbs if not any(a <= v < b for a, b in names)]
    for h in _HIRED.finditer(sent):  # "X, which was hired by Y to build ...": X works for Y
        sellers = [e for e, o in acts if o < s0 + h.start() and lab[e] == "Firm"][-1:]
        buyers = [e for e, o in acts if o >= s0 + h.end() and lab[e] in ("Firm", "Institution", "Country")][:2]
        buyers = sorted(buyers, key=lambda e: lab[e] == "Country")[:1]  # "by Kazakh state company X": X
        out += [(f, b) for f in sellers for b in buyers if f != b]
    bounds = [v for v, _ in verbs] + [len(sent)]
    for k, (pos, kind) in enumerate(verbs):
        lo = bounds[k - 1] if k else 0
        clause = rx.search(r",\s+(?:while|whereas|but|and)\s|;", sent[pos:])
        hi = min(bounds[k + 1], pos + clause.start()) if clause else bounds[k + 1]
        before = [e for e, o in acts if s0 + lo <= o < s0 + pos]
        after = [e for e, o in acts if s0 + pos < o < s0 + hi]
        if kind == "buy" and rx.match(r"\w+\s+(?:a\s+|an\s+)?(?:[\d.]+\s*(?:%|per\s?cent)\s+|\w+\s+)?(?:stake|shares?|equity)\b",
                                      sent[pos:]):
            continue  # buying a stake is an investment, not a purchase of goods
        if kind == "sell" and rx.match(r"\w+\s+(?:[\w.]+\s+){0,4}?(?:loans?|grants?|funding|financing|credits?|aid|assistance)\b",
                                       sent[pos:]):
            continue  # "provide loans of up to $3 billion to X" is funding
        if kind == "sell" and MONEY.match(sent[pos:].split(None, 1)[1] if len(sent[pos:].split(None, 1)) > 1 else ""):
            continue  # "provide £15 million to X" is funding, not a sale
        if kind == "sell" and rx.match(r"\w+\s+(?:[\w$€£¥₹.,]+\s+){0,6}?(?:in|of)\s+(?:\w+\s+)?(?:loans?|grants?|aid|funding|"
                                       r"financing|credits?|assistance|concessional)\b", sent[pos:]):
            continue  # "has provided more than 1 billion euros in loans to X" is funding
        maker = rx.search(r"\b(?:built|made|manufactured|produced|developed)\s+by\s+", sent[pos:hi])
        makers = [e for e, o in acts if maker and lab[e] == "Firm" and s0 + pos + maker.end() <= o < s0 + hi][:1]
        if kind == "sell" and makers:  # "the delivery of X drones, built by the manufacturer B, to the Air Force"
            sellers = makers
            buyers = [e for e in after if lab[e] in ("Firm", "Country", "Institution") and e not in makers][:1]
        elif kind == "sell":
            sellers = _joined_last([(e, o) for e, o in acts if s0 + lo <= o < s0 + pos and lab[e] in ("Firm", "Country") and
                                    not rx.search(r"\b(?:beat|beats|beaten|beating|defeated|outbid|edged\s+out|saw\s+off)"
                                                  r"\s+(?:[\w-]+\s+){0,3}$", sent[max(0, o - s0 - 50):o - s0])],
                                   sent, s0)  # (not the rival "X beat to supply Y")
            buyers = [e for e in after if lab[e] in ("Firm", "Country", "Institution")]
            bodies = [(e, o) for e, o in acts if e in buyers and lab[e] != "Country"]
            owners = {e for e, o in acts if e in buyers and lab[e] == "Country" and any(rx.fullmatch(
                r"[\w .-]+?['’]s\s+(?:[a-z][\w-]*\s+){0,3}", sent[o - s0:ob - s0]) for _, ob in bodies if ob > o)}
            buyers = [b for b in buyers if b not in owners]  # "supply Indonesia's state utility PLN": PLN
            deal = rx.search(r"\b(?:contract|deal|agreement|order)\b[^.;]*?\bwith\s+(?:the\s+)?(?=[^.;]*\bto\s+$)", sent[lo:pos])
            if deal:  # who signed the contract with whom
                signers = ("Firm", "Institution", "Country")
                party = [e for e, o in acts if s0 + lo + deal.end() <= o < s0 + pos and lab[e] in signers]
                subject = sorted([e for e, o in acts if s0 + lo <= o < s0 + lo + deal.start() and lab[e] in signers][-2:],
                                 key=lambda e: lab[e] == "Country")[:1] if party else []
                if subject and lab[subject[0]] == "Firm":  # "X signed a contract with Y's Ministry of Defence to supply":
                    buyers = sorted(party, key=lambda e: lab[e] == "Country")[:1]  # X sells, the ministry buys
                    sellers = subject
                elif subject and any(lab[e] == "Firm" for e in party):  # "the Ministry signed a contract with firm X to"
                    buyers, sellers = subject, [e for e in party if lab[e] == "Firm"][:1]
            pre = {e: sent[max(0, o - s0 - 8):o - s0] for e, o in acts if e in buyers}
            if any(rx.search(r"\bto\s+(?:the\s+)?$", p) for p in pre.values()):
                # "delivered 30 trains to Mexico for the X line": Mexico buys, the line is what they are for
                buyers = [b for b in buyers if not rx.search(r"\bfor\s+(?:the\s+)?$", pre.get(b, ""))]
        elif rx.match(r"\w+\s+(?:placed\s+|made\s+)?by\s+", sent[pos:]):  # "the acquisition by the Army of X systems from Y"
            by_end = pos + rx.match(r"\w+\s+(?:placed\s+|made\s+)?by\s+", sent[pos:]).end()
            buyers = [e for e, o in acts if s0 + by_end <= o < s0 + hi and lab[e] in ("Country", "Institution", "Firm")][:2]
            # "the order placed by Vietnamese carrier X": the carrier, not its country
            buyers = sorted(buyers, key=lambda e: lab[e] == "Country")[:1]
            sellers = [e for e, o in acts if e in after and e not in buyers and (lab[e] == "Firm" or (
                lab[e] == "Country" and rx.search(r"\bfrom\s+(?:the\s+)?$", sent[max(0, o - s0 - 10):o - s0])))]
            sellers = sorted(sellers, key=lambda e: lab[e] != "Firm")[:1]  # "from Norwegian firm X": X
        else:
            buyers = [e for e in before if lab[e] in ("Country", "Institution", "Firm")][-1:]
            sellers = [e for e, o in acts if e in after and (lab[e] == "Firm" or (
                lab[e] == "Country" and rx.search(r"\bfrom\s+(?:the\s+)?$", sent[max(0, o - s0 - 10):o - s0])))][:1]
        out += [(f, b) for f in sellers for b in buyers if f != b]
    if not verbs:
        dm = DEAL.search(sent)
        if dm:
            sellers = [e for e, o in acts if s0 + dm.end() <= o and lab[e] == "Firm"][:1]
            if not sellers and dm.group().rstrip().endswith("with"):
                # "Firm X signed a $120 million contract with the Y Authority": X works for Y
                sellers = [e for e, o in acts if o < s0 + dm.start() and lab[e] == "Firm"][-1:]
                acts = [(e, o) for e, o in acts if o >= s0 + dm.end() or e in sellers]
            buyers = list(dict.fromkeys(b for b, _ in acts if b not in sellers and lab[b] in ("Country", "Institution")))
            bodies = [b for b in buyers if lab[b] == "Institution"]
            out += [(f, b) for f in sellers for b in (bodies or buyers)]
    return out


def _partner_pairs(sent: str, s0: int, acts: list[tuple[str, int]], lab: dict[str, str]) -> list[tuple[str, str]]:
    """Pairs of firms/bodies that cooperate: per clause, "A (and B) ... with C" pairs each side."""
    out = []
    for cl in rx.finditer(r"[^;]+?(?=;|, and |, while |, whereas |$)", sent):
        if not PARTNER.search(cl.group()):
            continue
        orgs = [(e, o) for e, o in acts if lab[e] in ("Firm", "Institution") and s0 + cl.start() <= o < s0 + cl.end()]
        orgs = list(dict.fromkeys(e for e, _ in orgs))
        w = rx.search(r"\b(?:with|alongside)\s", cl.group())
        if w:
            left = [e for e, o in acts if e in orgs and o < s0 + cl.start() + w.start()]
            right = [e for e, o in acts if e in orgs and o > s0 + cl.start() + w.start()]
            if left and right:
                out += [(a, right[0]) for a in dict.fromkeys(left) if a != right[0]]
                continue
        out += list(combinations(orgs[:4], 2))
    return out
