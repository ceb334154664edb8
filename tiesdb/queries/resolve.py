"""Turn what a user typed ("JAXA", "japanese", "ind") into one entity of the store."""
from __future__ import annotations

from tiesdb.graph.model import Entity
from tiesdb.graph.backend import Backend


def resolve(store: Backend, name: str) -> Entity:
    """The one entity whose id, name or any alias is ``name`` (case-insensitive).

    An exact id or name match wins over an alias match. Raises ValueError listing the
    candidates (label and id) when the name is ambiguous, and with suggestions when unknown.

    Examples
    --------
    >>> resolve(store, "japanese").id          # doctest: +SKIP
    'jpn'
    """
    if not name or not name.strip():
        raise ValueError("empty entity name")
    found = store.find(name)
    if len(found) > 1:
        key = name.strip().lower()
        exact = [e for e in found if key in (e.id.lower(), e.name.lower())]
        if len(exact) == 1:
            return exact[0]
        cands = "; ".join(f"{e.name} ({e.label}, id {e.id})" for e in sorted(found, key=lambda e: e.id))
        raise ValueError(f"{name!r} is ambiguous: {cands}; use the id")
    if not found:
        hint = _suggest(store, name)
        raise ValueError(f"no entity called {name!r}"
                         + (f"; did you mean {hint}?" if hint else "; list names with: tiesdb query "
                            "\"MATCH (n) RETURN n.name, labels(n) LIMIT 50\""))
    return found[0]


def _suggest(store: Backend, name: str, n: int = 5) -> str:
    """Up to ``n`` names containing the typed text (or sharing its first word)."""
    key = name.strip().lower()
    words = key.split()
    rows = store.query("MATCH (x) WHERE x.name IS NOT NULL WITH x, $k AS k, $w AS w "
                       "WHERE lower(x.name) CONTAINS k OR any(a IN x.aliases WHERE lower(a) CONTAINS k) "
                       "OR lower(x.name) STARTS WITH w RETURN x.name ORDER BY x.name LIMIT $n",
                       {"k": key, "w": words[0] if words else key, "n": n}).rows
    return ", ".join(repr(r[0]) for r in rows)
