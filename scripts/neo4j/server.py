#!/usr/bin/env python3
"""Run a throw-away Neo4j 5.26 Community server for tiesdb's tests and benchmarks.

    scripts/neo4j-server fetch            # jars from Maven Central into the cache (once)
    eval "$(scripts/neo4j-server start)"  # prints export NEO4J_URI=... NEO4J_USER=... NEO4J_PASSWORD=...
    scripts/neo4j-server status
    scripts/neo4j-server stop             # stops it and deletes its data
    scripts/neo4j-server stop --keep      # stops it, keeps its data: `start --reuse` restarts it
    scripts/neo4j-server admin -- database import full ...   # neo4j-admin on a stopped server's home

The jars live in ${TIESDB_CACHE:-~/.cache/tiesdb}/neo4j-5.26/lib, outside the repo. `start` runs
org.neo4j.server.CommunityEntryPoint on 127.0.0.1 with a free port, a home/conf/data folder of
its own under a temp dir, HTTP off, a small heap, and auth on with a generated password; it
waits until Bolt answers. The state (pid, URI, password, folder) is kept in a JSON file
(--state, default $TIESDB_NEO4J_STATE or <cache>/neo4j-server.json) that `stop` and `status` read.
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
POM = HERE / "neo4j" / "pom.xml"
CACHE = Path(os.environ.get("TIESDB_CACHE") or Path.home() / ".cache" / "tiesdb") / "neo4j-5.26"
LIB = CACHE / "lib"
FETCHED = CACHE / "FETCHED"
DEFAULT_STATE = Path(os.environ.get("TIESDB_NEO4J_STATE") or CACHE.parent / "neo4j-server.json")
HEAP = os.environ.get("TIESDB_NEO4J_HEAP", "512m")
PAGECACHE = os.environ.get("TIESDB_NEO4J_PAGECACHE", "64m")
USER = "neo4j"
JVM_FLAGS = [
    "-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow", "-XX:+ExitOnOutOfMemoryError",
    "-Dfile.encoding=UTF-8", "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
]


def fail(message: str) -> None:
    print(f"neo4j-server: {message}", file=sys.stderr)
    sys.exit(1)


def fetch(force: bool = False) -> None:
    """Copy org.neo4j:neo4j and its dependencies into LIB with Maven."""
    if FETCHED.exists() and not force:
        print(f"neo4j jars already in {LIB}", file=sys.stderr)
        return
    if shutil.which("mvn") is None:
        fail("mvn not found; install Maven (apt-get install maven) and Java 17")
    tmp = CACHE / "lib.partial"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    cmd = ["mvn", "-q", "-B", "-Dstyle.color=never", "-f", str(POM), "dependency:copy-dependencies",
           f"-DoutputDirectory={tmp}", "-DincludeScope=runtime"]
    print("fetching Neo4j jars with Maven (first time: a few minutes) ...", file=sys.stderr)
    if subprocess.run(cmd).returncode != 0:
        fail("mvn dependency:copy-dependencies failed (is Maven Central reachable?)")
    shutil.rmtree(LIB, ignore_errors=True)
    tmp.rename(LIB)
    FETCHED.write_text(time.strftime("%Y-%m-%dT%H:%M:%S\n"))
    print(f"{len(list(LIB.glob('*.jar')))} jars in {LIB}", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def read_state(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie child of ours counts as dead
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return True


def write_conf(home: Path, port: int) -> None:
    conf = home / "conf"
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "neo4j.conf").write_text("\n".join([
        f"server.bolt.listen_address=127.0.0.1:{port}",
        f"server.bolt.advertised_address=127.0.0.1:{port}",
        "server.default_listen_address=127.0.0.1",
        "server.http.enabled=false",
        "server.https.enabled=false",
        "server.bolt.tls_level=DISABLED",
        "dbms.security.auth_enabled=true",
        f"server.memory.pagecache.size={PAGECACHE}",
        "db.tx_log.rotation.retention_policy=1 files",
        "dbms.usage_report.enabled=false",
        "server.config.strict_validation.enabled=false",
        "server.logs.gc.enabled=false",
        "",
    ]))


def wait_and_set_password(uri: str, port: int, password: str, proc: subprocess.Popen, log: Path,
                          timeout: float) -> None:
    """Wait until Bolt answers, then replace the default password neo4j/neo4j."""
    import neo4j

    deadline = time.time() + timeout
    last = ""
    while time.time() < deadline:
        if proc.poll() is not None:
            tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
            fail(f"the server exited with code {proc.returncode}; log tail:\n{tail}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                pass
            with neo4j.GraphDatabase.driver(uri, auth=(USER, "neo4j")) as d:
                with d.session(database="system") as s:
                    s.run("ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO $pw", pw=password).consume()
            break
        except neo4j.exceptions.AuthError:  # already changed (a retry after a lost answer)
            break
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError) as e:
            last = str(e).splitlines()[0] if str(e) else type(e).__name__
            time.sleep(0.3)
    else:
        fail(f"Bolt did not answer on {uri} within {timeout:.0f}s ({last}); see {log}")
    with neo4j.GraphDatabase.driver(uri, auth=(USER, password)) as d:
        while time.time() < deadline:  # the default database may still be starting
            try:
                with d.session(database="neo4j") as s:
                    s.run("RETURN 1").consume()
                return
            except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError) as e:
                last = str(e).splitlines()[0] if str(e) else type(e).__name__
                time.sleep(0.3)
    fail(f"the neo4j database did not come online within {timeout:.0f}s ({last}); see {log}")


def start(state_path: Path, timeout: float, reuse: bool = False) -> None:
    if not FETCHED.exists():
        fail(f"no Neo4j jars in {LIB}; run: scripts/neo4j-server fetch")
    try:
        import neo4j  # noqa: F401  (start talks Bolt to the server to set the password)
    except ImportError:
        fail(f"the neo4j Python driver is missing for {sys.executable}: pip install neo4j")
    if shutil.which("java") is None:
        fail("java not found; Neo4j 5.26 needs Java 17 or 21 (apt-get install openjdk-17-jre-headless)")
    state = read_state(state_path)
    if state and alive(state["pid"]):
        fail(f"already running (pid {state['pid']}, {state['uri']}); stop it first: "
             f"scripts/neo4j-server stop --state {state_path}")
    if reuse and not (state and Path(state["home"]).is_dir()):
        fail(f"nothing to reuse: no stopped server's home in {state_path} (stop --keep keeps one)")
    home = Path(state["home"]) if reuse else Path(tempfile.mkdtemp(prefix="tiesdb-neo4j-"))
    port = free_port()
    write_conf(home, port)
    log = home / "server.log"
    extra = os.environ.get("TIESDB_NEO4J_JVM_OPTS", "").split()
    flags = JVM_FLAGS
    if any(x.startswith("-XX:+Use") and x.endswith("GC") for x in extra):  # another collector
        flags = [x for x in JVM_FLAGS if x != "-XX:+UseG1GC"]
    cmd = ["java", f"-Xmx{HEAP}", f"-Xms{HEAP}", *flags, *extra, "-cp", f"{LIB}/*",
           "org.neo4j.server.CommunityEntryPoint", f"--home-dir={home}",
           f"--config-dir={home / 'conf'}"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                cwd=home, start_new_session=True)
    uri = f"bolt://127.0.0.1:{port}"
    password = state["password"] if reuse else secrets.token_urlsafe(16)
    state = {"pid": proc.pid, "uri": uri, "user": USER, "password": password, "home": str(home),
             "log": str(log)}
    state_path.parent.mkdir(parents=True, exist_ok=True)
    state_path.write_text(json.dumps(state, indent=2))
    t0 = time.time()
    try:
        wait_and_set_password(uri, port, password, proc, log, timeout)
    except BaseException:
        stop(state_path, quiet=True)
        raise
    print(f"Neo4j up on {uri} in {time.time() - t0:.1f}s (pid {proc.pid}, home {home})",
          file=sys.stderr)
    print(f"export NEO4J_URI={uri} NEO4J_USER={USER} NEO4J_PASSWORD={password} NEO4J_DATABASE=neo4j")


def stop(state_path: Path, quiet: bool = False, keep: bool = False) -> None:
    state = read_state(state_path)
    if not state:
        if not quiet:
            print("not running", file=sys.stderr)
        return
    pid = state["pid"]
    if alive(pid):
        os.kill(pid, signal.SIGTERM)
        for _ in range(150):  # up to 30 s for a clean shutdown
            if not alive(pid):
                break
            time.sleep(0.2)
        else:
            os.kill(pid, signal.SIGKILL)
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass
    if keep:
        if not quiet:
            print(f"stopped pid {pid}; its data is kept in {state['home']} (start --reuse)", file=sys.stderr)
        return
    shutil.rmtree(state["home"], ignore_errors=True)
    state_path.unlink(missing_ok=True)
    if not quiet:
        print(f"stopped pid {pid}", file=sys.stderr)


def admin(state_path: Path, args: list[str]) -> int:
    """Run neo4j-admin (org.neo4j.cli.AdminTool) with ``args`` on a stopped server's home."""
    state = read_state(state_path)
    if not state or not Path(state["home"]).is_dir():
        fail(f"no server home in {state_path}; start one, then stop it with --keep")
    if alive(state["pid"]):
        fail(f"the server is running (pid {state['pid']}); stop it with --keep first")
    home = Path(state["home"])
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    cmd = ["java", f"-Xmx{HEAP}", *[x for x in JVM_FLAGS if x != "-XX:+UseG1GC"], "-cp", f"{LIB}/*",
           "org.neo4j.cli.AdminTool", *args]
    return subprocess.run(cmd, env=env, cwd=home).returncode


def status(state_path: Path) -> int:
    state = read_state(state_path)
    if state and alive(state["pid"]):
        print(f"running: pid {state['pid']} {state['uri']} (home {state['home']})")
        return 0
    print("not running")
    return 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["fetch", "start", "stop", "status", "env", "admin"])
    ap.add_argument("--state", type=Path, default=DEFAULT_STATE, help="state file (pid, URI, password)")
    ap.add_argument("--timeout", type=float, default=180, help="seconds to wait for Bolt (start)")
    ap.add_argument("--force", action="store_true", help="fetch again even if the jars are there")
    ap.add_argument("--keep", action="store_true", help="stop: keep the server's data for start --reuse")
    ap.add_argument("--reuse", action="store_true", help="start: restart the server stopped with --keep")
    argv = sys.argv[1:]
    cut = argv.index("--") if "--" in argv else len(argv)  # after "--": neo4j-admin's own arguments
    args, rest = ap.parse_args(argv[:cut]), argv[cut + 1:]
    if args.command == "fetch":
        fetch(args.force)
    elif args.command == "start":
        start(args.state, args.timeout, args.reuse)
    elif args.command == "stop":
        stop(args.state, keep=args.keep)
    elif args.command == "admin":
        sys.exit(admin(args.state, rest))
    elif args.command == "env":
        state = read_state(args.state)
        if not state:
            fail("not running")
        print(f"export NEO4J_URI={state['uri']} NEO4J_USER={state['user']} "
              f"NEO4J_PASSWORD={state['password']} NEO4J_DATABASE=neo4j")
    else:
        sys.exit(status(args.state))


if __name__ == "__main__":
    main()
