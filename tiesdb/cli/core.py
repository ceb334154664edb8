"""Commands that put documents in and get rows out: load, extract, forget, documents, stats, query, eval."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tiesdb.cli import cli, emit, info, open_store, output_options, store_option


class _ProgressBar:
    """`progress(done, total, path)` callback: a rich bar on a terminal when there are more than 3 files."""

    def __init__(self) -> None:
        self.bar = self.task = None

    def __call__(self, done: int, total: int, path: str) -> None:
        if self.bar is None:
            if total <= 3 or not sys.stderr.isatty():
                return
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("loading", total=total)
        self.bar.update(self.task, completed=done, description=Path(path).name[:40])

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@store_option
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary line.")
def load(paths: tuple[str, ...], store_path: Path | None, quiet: bool) -> None:
    """Read documents, extract entities and ties, and store them.

    PATHS are files (.txt .md .html .pdf, tie sheets .csv/.json), folders (read recursively) or
    "-" for standard input. Loading a document again changes nothing.

    \b
    Example:
        tiesdb load article.html statement.pdf notes/
        curl -s https://example.org/story | tiesdb load -
    """
    from tiesdb.loaders import load as load_paths

    bar = _ProgressBar()
    try:
        with open_store(store_path, create=True) as db:
            report = load_paths(db, list(paths), progress=bar)
    finally:
        bar.close()
    for path, reason in report.skipped:
        click.echo(f"Skipped {path}: {reason}", err=True)
    info(report.summary())
    if report.skipped:
        sys.exit(1)


@cli.command()
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True,
              help="json prints the interchange format of SCHEMA.md (loadable with tiesdb load).")
def extract(path: str, fmt: str) -> None:
    """Extract entities and ties from one document without touching any store.

    \b
    Example:
        tiesdb extract article.txt --format json > article.ties.json
        # fix it by hand, then: tiesdb load article.ties.json
    """
    from tiesdb.loaders import extract as extract_doc, read

    docs = read(path)
    if len(docs) != 1:
        raise click.UsageError(f"{path} holds {len(docs)} documents; extract reads one file")
    ex = extract_doc(docs[0])
    if fmt == "json":
        click.echo(json.dumps(ex.to_dict(), indent=2, ensure_ascii=False))
        return
    names = {e.id: e.name for e in ex.entities}
    emit([{"id": e.id, "label": e.label, "name": e.name, "aliases": e.aliases} for e in ex.entities],
         title=f"{len(ex.entities)} entities")
    emit([{"source": names[t.source], "type": t.type, "target": names[t.target], "evidence": t.evidence}
          for t in ex.ties], title=f"{len(ex.ties)} ties")


@cli.command()
@click.argument("doc_id")
@store_option
def forget(doc_id: str, store_path: Path | None) -> None:
    """Remove a document, its ties and the entities only it mentioned.

    \b
    Example:
        tiesdb documents
        tiesdb forget germany-india-1a2b3c4d
    """
    with open_store(store_path) as db:
        gone = db.forget(doc_id)
    info(f"Forgot {doc_id}: {gone['ties']} ties and {gone['nodes']} entities removed")


@cli.command()
@store_option
@output_options
def documents(store_path: Path | None, fmt: str | None) -> None:
    """List the stored documents.

    \b
    Example:
        tiesdb documents --csv > documents.csv
    """
    with open_store(store_path, read_only=True) as db:
        emit(db.documents(), fmt, columns=["id", "title", "date", "words", "path"])


@cli.command()
@store_option
@output_options
def stats(store_path: Path | None, fmt: str | None) -> None:
    """Count documents, nodes by label and ties by type.

    \b
    Example:
        tiesdb stats --json
    """
    with open_store(store_path, read_only=True) as db:
        s = db.stats()
    if fmt in ("json", "nl"):
        click.echo(json.dumps(s, indent=2 if fmt == "json" else None))
        return
    rows = [{"kind": "documents", "name": "", "count": s["documents"]}]
    rows += [{"kind": "label", "name": k, "count": v} for k, v in s["labels"].items()]
    rows += [{"kind": "tie type", "name": k, "count": v} for k, v in s["types"].items()]
    emit(rows, fmt, title=f"{s['nodes']} nodes, {s['ties']} ties")


@cli.command()
@click.argument("cypher")
@click.option("-p", "--param", "params", nargs=2, multiple=True, metavar="NAME VALUE",
              help="A $parameter; repeatable. Values that parse as JSON (numbers, lists) are used as such.")
@click.option("--write", is_flag=True, help="Allow the query to change the store.")
@store_option
@output_options
def query(cypher: str, params: tuple[tuple[str, str], ...], write: bool, store_path: Path | None,
          fmt: str | None) -> None:
    """Run a Cypher query (read-only unless --write).

    \b
    Example:
        tiesdb query "MATCH (f:Firm)-[t:INVESTS_IN]->(c:Country {name: \\$c}) RETURN f.name, t.amount" -p c India
        tiesdb query "MATCH (a)-[t]->(b) RETURN type(t) AS type, count(*) AS n" --csv
    """
    from tiesdb.queries.cypher import rows_to_records

    values = {name: _param_value(v) for name, v in params}
    with open_store(store_path, read_only=not write) as db:
        result = db.query(cypher, values, write=write)
    emit(rows_to_records(result, plain=fmt in ("json", "nl", "csv")), fmt, columns=result.columns)


def _param_value(text: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


@cli.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@output_options
def eval_(gold_dir: Path, fmt: str | None) -> None:
    """Score extraction against annotated articles (articles/NAME.txt + gold/NAME.json).

    Prints precision, recall and F1 overall, per tie type and per label, with the matching
    rules of SCHEMA.md.

    \b
    Example:
        tiesdb eval my-annotated-articles/
    """
    from tiesdb.loaders.evaluate import evaluate

    scores = evaluate(gold_dir)
    if fmt in ("json", "nl"):
        click.echo(json.dumps(scores, indent=2 if fmt == "json" else None))
        return
    rows = [{"measure": k, **v} for k, v in scores.items() if isinstance(v, dict) and "f1" in v]
    for group in ("per_type", "per_label"):
        rows += [{"measure": f"{group[4:]} {k}", **v} for k, v in scores.get(group, {}).items()]
    emit(rows, fmt, columns=["measure", "p", "r", "f1", "pred", "gold"])
