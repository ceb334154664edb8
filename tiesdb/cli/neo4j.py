"""Neo4j commands: `tiesdb neo4j init|status|bulk-import`, `tiesdb push` (embedded -> Neo4j), `tiesdb pull`.

The server comes from NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE.
"""
from __future__ import annotations

from pathlib import Path

import click

from tiesdb.cli import cli, emit, info, output_options, store_option


def _embedded_path(store_path: Path | None) -> Path | None:
    """This command's --store, else the group's --store / TIESDB_STORE (None: the default)."""
    obj = click.get_current_context().find_root().obj or {}
    return store_path or obj.get("store")


class _Progress:
    """`progress(kind, done)` callback: a status line every 100,000 rows."""

    def __init__(self) -> None:
        self.shown: dict[str, int] = {}

    def __call__(self, kind: str, done: int) -> None:
        if done // 100_000 > self.shown.get(kind, 0):
            self.shown[kind] = done // 100_000
            info(f"  {done:,} {kind} ...")


@cli.group("neo4j")
def neo4j_group() -> None:
    """Set up and inspect the Neo4j database that `--backend neo4j` uses.

    \b
    Example:
        export NEO4J_URI=bolt://localhost:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=secret
        tiesdb neo4j init && tiesdb neo4j status
    """


@neo4j_group.command("init")
def neo4j_init() -> None:
    """Create tiesdb's constraints and indexes in Neo4j (safe to run again).

    \b
    Example:
        tiesdb neo4j init
    """
    from tiesdb.graph.neo4j import Neo4jStore

    with Neo4jStore.from_env() as neo:
        stmts = neo.init()
        info(f"{len(stmts)} constraints and indexes in place on {neo.path}")


@neo4j_group.command("status")
@output_options
def neo4j_status(fmt: str | None) -> None:
    """Show the server, its version and what the tiesdb graph in it holds.

    \b
    Example:
        tiesdb neo4j status --json
    """
    from tiesdb.graph.neo4j import Neo4jStore

    with Neo4jStore.from_env() as neo:
        s = neo.stats()
        emit([{"uri": neo.uri, "database": neo.database or "(default)", "server": neo.server_agent,
               "documents": s["documents"], "nodes": s["nodes"], "ties": s["ties"]}], fmt)


@cli.command()
@store_option
@click.option("--batch", type=click.IntRange(1, 100_000), default=5000, show_default=True,
              help="Rows per transaction.")
@click.option("--inflight", type=click.IntRange(1, 8), default=2, show_default=True,
              help="Batches sent at once (3 or more can help on a server with more cores).")
def push(store_path: Path | None, batch: int, inflight: int) -> None:
    """Copy the embedded store into Neo4j (MERGE on ids: safe to re-run, resumes if cut).

    \b
    Example:
        tiesdb push --store tiesdb-data
    """
    from tiesdb.graph.neo4j import Neo4jStore, push as push_graph
    from tiesdb.graph.store import Store

    with Store(_embedded_path(store_path), read_only=True) as store, Neo4jStore.from_env() as neo:
        info(f"pushing {store.path} to {neo.path} ...")
        report = push_graph(store, neo, batch=batch, inflight=inflight, progress=_Progress())
    click.echo(report.summary("pushed"))


@neo4j_group.command("bulk-import")
@store_option
@click.option("--neo4j-admin", "admin", envvar="TIESDB_NEO4J_ADMIN", default="neo4j-admin", show_default=True,
              help="The neo4j-admin command of the Neo4j 5 installation (env TIESDB_NEO4J_ADMIN).")
@click.option("--database", envvar="NEO4J_DATABASE", default="neo4j", show_default=True,
              help="The database to fill (env NEO4J_DATABASE).")
@click.option("--overwrite", is_flag=True, help="Replace what the database holds (a new server's "
              "`neo4j` database already exists, empty, so a first import needs this).")
@click.option("--files", "folder", type=click.Path(file_okay=False, path_type=Path),
              help="Write the import files here and keep them (default: a temporary folder).")
@click.option("--files-only", is_flag=True, help="Only write the files (to --files) and print the "
              "neo4j-admin command, e.g. to run it on the server's machine.")
def neo4j_bulk_import(store_path: Path | None, admin: str, database: str, overwrite: bool,
                      folder: Path | None, files_only: bool) -> None:
    """Fill an empty Neo4j from the embedded store with neo4j-admin (offline, fastest).

    For a first load of a large store into a server of your own: stop the server, run this,
    start the server, then `tiesdb neo4j init`. It writes the store as neo4j-admin CSV (with
    the engine's COPY) and runs `neo4j-admin database import full`. For a running server or
    Aura use `tiesdb push`.

    \b
    Example:
        tiesdb neo4j bulk-import --neo4j-admin /opt/neo4j/bin/neo4j-admin --overwrite
        tiesdb neo4j bulk-import --files-only --files neo4j-import/
    """
    import shutil
    import tempfile
    import time

    from tiesdb.graph.store import Store
    from tiesdb.queries.export.neo4j_csv import admin_import, admin_import_args, write_store_csv

    if files_only and folder is None:
        raise click.UsageError("--files-only needs --files FOLDER")
    out = folder or Path(tempfile.mkdtemp(prefix="tiesdb-neo4j-import-"))
    try:
        t0 = time.perf_counter()
        with Store(_embedded_path(store_path), read_only=True) as store:
            n = write_store_csv(store, out)
        t_files = time.perf_counter() - t0
        if files_only:
            info(f"wrote {n['nodes']:,} nodes, {n['ties']:,} ties and {n['documents']:,} documents to {out} "
                 f"in {t_files:.1f}s; with the server stopped, run:")
            click.echo(" ".join(["neo4j-admin", *admin_import_args(out, database, overwrite)]))
            return
        t_import = admin_import(out, admin, database, overwrite)
    finally:
        if folder is None:
            shutil.rmtree(out, ignore_errors=True)
    total = t_files + t_import
    click.echo(f"imported {n['documents']} documents, {n['nodes']} nodes and {n['ties']} ties into "
               f"{database} in {total:.1f}s ({n['ties'] / total:,.0f} ties/s: files {t_files:.1f}s, "
               f"neo4j-admin {t_import:.1f}s)")
    info("next: start the server, then run `tiesdb neo4j init` (constraints and indexes)")


@cli.command()
@store_option
@click.option("--batch", type=click.IntRange(1, 100_000), default=5000, show_default=True,
              help="Rows per transaction.")
def pull(store_path: Path | None, batch: int) -> None:
    """Copy the Neo4j graph into an embedded store (created if missing; safe to re-run).

    \b
    Example:
        tiesdb pull --store local.db
    """
    from tiesdb.graph.neo4j import Neo4jStore, pull as pull_graph
    from tiesdb.graph.store import Store

    with Neo4jStore.from_env() as neo, Store(_embedded_path(store_path), create=True) as store:
        info(f"pulling {neo.path} into {store.path} ...")
        report = pull_graph(neo, store, batch=batch, progress=_Progress())
    click.echo(report.summary("pulled"))
