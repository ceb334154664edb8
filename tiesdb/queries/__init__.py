"""Questions about the ties graph, Cypher result formatting, and export/import.

>>> from tiesdb.queries import ties, neighbors, path, top, timeline, why   # doctest: +SKIP
>>> report = ties(store, "India", "Japan", since=datetime.date(2024, 1, 1))
>>> from tiesdb.queries.export import export, select, import_graph         # doctest: +SKIP
>>> export(select(store, around=["India"], depth=1), "india.gexf")
"""
from tiesdb.queries.cypher import format_value, rows_to_records, to_plain
from tiesdb.queries.export import import_graph, read, select
from tiesdb.queries.relations import DyadReport, members, neighbors, path, ties, timeline, top, why
from tiesdb.queries.resolve import resolve

__all__ = ["resolve", "members", "ties", "DyadReport", "neighbors", "path", "top", "timeline", "why",
           "rows_to_records", "format_value", "to_plain", "select", "read", "import_graph"]
