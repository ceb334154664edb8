"""Open views in Debian's headless Chromium through playwright: screenshots, tests, benchmarks.

playwright is a test/docs extra (``pip install tiesdb[test]``); the browser is the system's
``/usr/bin/chromium`` (``scripts/setup-chromium``), never one downloaded by playwright.
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
    "--no-first-run", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str | None:
    """The Chromium to drive (``$TIESDB_CHROMIUM`` or /usr/bin/chromium), None when missing."""
    path = os.environ.get("TIESDB_CHROMIUM") or CHROMIUM
    return path if Path(path).exists() or shutil.which(path) else None


def missing() -> str | None:
    """Why views cannot be driven here (no playwright, no chromium), or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright; never `playwright install`)"
    if chromium_path() is None:
        return f"no Chromium at {CHROMIUM} (run scripts/setup-chromium)"
    return None


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium (playwright Browser), closed on exit."""
    reason = missing()
    if reason:
        raise RuntimeError(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Visit:
    """A page opened with every non-file request blocked, and what happened on it."""
    page: Any
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def open_view(browser: Any, html: str | Path, *, width: int = 1280, height: int = 800,
              timeout: float = 60.0) -> Visit:
    """Load ``html`` from file:// in a fresh page and wait until the view says it is ready.

    Requests other than file:// are aborted and listed in ``blocked``; console errors and
    page errors go to ``errors``; any alert/confirm/prompt is dismissed and listed in ``dialogs``.
    """
    page = browser.new_page(viewport={"width": width, "height": height})
    visit = Visit(page)

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith(("file:", "data:", "blob:")):
            r.continue_()
        else:
            visit.blocked.append(url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: visit.errors.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: visit.errors.append(f"page: {e}"))
    page.on("dialog", lambda d: (visit.dialogs.append(d.message), d.dismiss()))
    page.goto(Path(html).resolve().as_uri())
    page.wait_for_function("window.tiesdbReady === true", timeout=timeout * 1000)
    return visit


def screenshot(html: str | Path, png: str | Path, *, width: int = 1280, height: int = 800,
               browser: Any = None) -> Path:
    """Save a PNG of the view in ``html`` once it is laid out; returns the PNG path.

    ``browser``: a playwright Browser to reuse (one playwright per thread); else one is started.
    """
    png = Path(png)
    png.parent.mkdir(parents=True, exist_ok=True)
    if browser is None:
        with chromium() as b:
            return screenshot(html, png, width=width, height=height, browser=b)
    visit = open_view(browser, html, width=width, height=height)
    try:
        visit.page.screenshot(path=str(png))
    finally:
        visit.page.close()
    return png


if __name__ == "__main__":  # python -m tiesdb.viz.browser VIEW.html OUT.png [WIDTH HEIGHT]
    import sys

    if len(sys.argv) not in (3, 5):
        sys.exit("usage: python -m tiesdb.viz.browser VIEW.html OUT.png [WIDTH HEIGHT]")
    size = {"width": int(sys.argv[3]), "height": int(sys.argv[4])} if len(sys.argv) == 5 else {}
    print(screenshot(sys.argv[1], sys.argv[2], **size))
