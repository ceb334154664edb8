"""``python -m tiesdb.loaders FILE...``: print the extract JSON of each document (one per line
when several, a single indented object for one)."""
from __future__ import annotations

import json
import sys

from tiesdb.loaders import LoadError, extract, read


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m tiesdb.loaders FILE|FOLDER|- ...", file=sys.stderr)
        return 2
    out, failed = [], 0
    for path in argv:
        try:
            docs = read(path)
        except LoadError as e:
            print(f"Error: {e}", file=sys.stderr)
            failed += 1
            continue
        out += [extract(d).to_dict() for d in docs]
    if len(out) == 1:
        print(json.dumps(out[0], ensure_ascii=False, indent=1))
    else:
        for x in out:
            print(json.dumps(x, ensure_ascii=False))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
