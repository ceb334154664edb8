"""Cleaning: drop the furniture of scraped pages before anything is read from the text.

General rules only: navigation and share buttons, "top of page"/"bottom of page", bylines,
photo captions repeated twice, picture credits ("| NDTV", "Picture: X/Reuters", "(AA Photo)",
"Photo by X", "Crown Copyright"), press-release headers and lines with no English words.
"""
from __future__ import annotations

import re
from dataclasses import replace

from tiesdb.graph.model import Document
from tiesdb.loaders import rx

_NAV = {
    "top of page", "bottom of page", "comments", "comment", "share", "share this", "share this article",
    "tweet", "print", "email", "e-mail", "facebook", "twitter", "whatsapp", "linkedin", "telegram",
    "text size", "close", "menu", "search", "pdf view", "site icon", "exit mobile version",
    "read more", "advertisement", "subscribe", "sign in", "log in", "login", "skip to content",
    "skip to main content", "back to top", "related", "related articles", "related news",
    "follow us", "copy link", "listen", "font size", "home", "bar_progress", "loading",
    "related stories", "related content", "related posts", "related links", "more stories", "more news",
    "you may also like", "you might also like", "recommended", "recommended stories", "most popular",
    "latest news", "latest stories", "more on this story", "read next", "also read", "see also",
    "top stories", "editor's picks", "in other news",
}
#: headings of a list of links to other stories: the list after them is furniture too
_RELATED = re.compile(r"^(?:related(?: stories| articles| news| content| posts| links)?|more (?:stories|news)|"
                      r"you (?:may|might) also like|recommended(?: stories)?|most popular|latest (?:news|stories)|"
                      r"more on this story|read next|also read|see also|top stories|editor's picks|in other news)\s*:?$",
                      re.I)
_NAV_PREFIX = re.compile(r"^\(?(?:(?:next|previous|prev|also read|read also|related|see also|watch|"
                         r"published|updated|posted|last updated|source|tags?|filed under|read more|more from|trending|most read)\s*[:|]|"
                         r"(?:additional )?(?:reporting|editing|writing|compiled|translated) by\b|"
                         r"(?:media )?(?:enquiries|inquiries|contacts?|press contacts?|for more information)\s*:)", re.I)
# "WARSAW (Reuters) -", "BEIJING, May 29 (Xinhua) --": a dateline; the city is kept, in title case
_DATELINE = re.compile(r"^([A-Z][A-Z.'/-]+(?: [A-Z][A-Z.'/-]+)*)((?:,\s*[A-Z][a-z]+\.? \d{1,2})?\s*(?:\([^)]{2,30}\))?\s*"
                       r"(?:--|[-\u2013\u2014]))\s+")
_BYLINE = re.compile(r"^([Bb]y|[Ww]ritten by|[Rr]eported by)\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+)*"
                     r"(\s*(,|and|&)\s*[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+)*)*(\s+in\s+[A-Z][\w ]+)?\s*$")
# A credit at the end of a caption: "... | NDTV", "... | Reuters".
_PIPE_CREDIT = re.compile(r"\s+\|\s*[A-Z][\w .&'-]{0,40}$")
_INLINE_CREDITS = [
    re.compile(r"\(\s*(?:photo|picture|image|file photo)\s*[:/|-]?\s*[\w .&/'-]{0,40}\)", re.I),
    re.compile(r"\(\s*[\w .&'-]{1,30}\s+(?:photo|picture|image)s?\s*\)", re.I),
    re.compile(r"\b(?:photo|picture|image|photograph)\s*(?:by|:|credit:?|courtesy(?: of)?)\s*"
               r"[A-Z][\w.&'-]*(?:[ /][A-Z][\w.&'-]*){0,4}\.?\s*$", re.I),
    re.compile(r"\bcrown copyright\.?", re.I),
    # "(Tânia Rêgo/Agência Brasil)" closing a caption: photographer/agency
    re.compile(r"\(\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*/\s*[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}\s*\)\s*$"),
    re.compile(r"\b(?:photo|picture|image)?\s*credit:\s*[^.\n]{0,60}\.?\s*$", re.I),
]


def is_noise_line(line: str) -> bool:
    """True for a line that is page furniture (navigation, byline, header, credit)."""
    s = " ".join(line.split()).strip()
    low = s.lower().strip(" .:|")
    if not low:
        return True
    if low in _NAV or _NAV_PREFIX.match(s):
        return True
    if not rx.search(r"[A-Za-z]{2}", s):  # no English word at all (another script, symbols)
        return True
    if _BYLINE.match(s) and len(s.split()) <= 12:
        return True
    if s.count(" | ") >= 2:  # "date | Press release | Distributed by ..."
        return True
    if " | " in s and (len(s.split()) <= 4 or any(rx.match(r"(?:published|updated|posted|last updated)\b", part.strip(), re.I)
                                                  for part in s.split(" | "))):
        return True  # "BUSINESS | Investment", "By AFP staff | Published 9:42 GMT, 3 June 2025"
    if rx.fullmatch(r"[-\u2013\u2014]\s*[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2}", s):
        return True  # "- AFP": an agency's sign-off
    if rx.fullmatch(r"[A-Z][\w.'’&-]*(\s+[A-Z][\w.'’&-]*){0,2}", s) and len(s) < 30:
        return True  # a bare name on its own line: a credit, a channel or a logo
    return False


def _strip_credits(line: str) -> str:
    line = _PIPE_CREDIT.sub("", line)
    for pat in _INLINE_CREDITS:
        line = pat.sub("", line)
    return " ".join(line.split())


def _key(line: str) -> str:
    return rx.sub(r"\W+", " ", _strip_credits(line)).lower().strip()


def clean_text(text: str) -> str:
    """The text without page furniture, one paragraph per block separated by a blank line.

    Examples
    --------
    >>> clean_text("top of page\\n\\nIndia and Japan met.\\n\\nComments\\nbottom of page")
    'India and Japan met.'
    """
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    keys = [_key(line) for line in lines]
    drop = set()
    for i in range(len(lines) - 1):
        a, b = keys[i], keys[i + 1]
        # a caption printed twice (the second copy often with a credit added)
        tail = lines[i + 1].split()[len(a.split()):len(a.split()) + 1]
        credit = b.startswith(a) and len(b) - len(a) <= 40 and not (tail and tail[0][0].islower())
        if a and b and (a == b or (len(a) > 20 and (credit or a.startswith(b)))):
            drop.add(i + 1)  # keep one copy of the caption, without its credit
    related = False
    for i, line in enumerate(lines):  # "Related stories" and the bulleted links under it
        if _RELATED.match(line.strip(" .|")):
            related = True
        elif related and rx.match(r"[-\u2013\u2014\u2022*>]\s", line):
            drop.add(i)
        else:
            related = False
    out = []
    for i, line in enumerate(lines):
        if i in drop or is_noise_line(line):
            continue
        line = _strip_credits(line)
        line = _DATELINE.sub(lambda m: m.group(1).title() + ".\n\n", line)
        if line and not is_noise_line(line):
            out.append(line)
    return "\n\n".join(out)


def clean(doc: Document) -> Document:
    """A copy of ``doc`` whose text is ``clean_text(doc.text)``; id, title and date are kept."""
    return replace(doc, text=clean_text(doc.text))
