"""Interactive network views: one self-contained, offline HTML file per view.

>>> from tiesdb.viz import view                                   # doctest: +SKIP
>>> view(db.subgraph(around=["jpn"], depth=2), "japan.html", title="Around Japan")
"""
from __future__ import annotations

from tiesdb.viz.page import DEFAULT_MAX_NODES, PHYSICS_MAX_NODES, cap, render, view, view_data

__all__ = ["view", "view_data", "render", "cap", "screenshot", "DEFAULT_MAX_NODES", "PHYSICS_MAX_NODES"]


def screenshot(html: str, png: str, **kw):
    """Save a PNG of the view in ``html`` (see ``tiesdb.viz.browser.screenshot``)."""
    from tiesdb.viz.browser import screenshot as shot

    return shot(html, png, **kw)
