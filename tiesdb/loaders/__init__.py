"""Documents in, entities and ties out: read -> clean -> mentions -> resolve -> relate.

Public entry points (each a plain function):
- ``read(path)``: a file, a folder (recursive) or "-" for stdin -> Documents
- ``extract(doc)``: one Document -> Extraction (entities + ties with evidence)
- ``load(store, paths)``: read, extract and store, returning a LoadReport
"""
