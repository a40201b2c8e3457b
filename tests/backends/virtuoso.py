"""Starting a private Virtuoso Open Source instance for tests (Debian package ``virtuoso-opensource``)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

VSP = Path("/var/lib/virtuoso-opensource-7/vsp")
VAD = Path("/usr/share/virtuoso-opensource-7/vad")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Virtuoso:
    """A running instance: its SPARQL endpoint and how to stop it."""

    process: subprocess.Popen[bytes]
    folder: Path
    isql_port: int
    http_port: int

    @property
    def sparql_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    def isql(self, statement: str) -> str:
        isql = shutil.which("isql-vt") or shutil.which("isql")
        assert isql is not None
        done = subprocess.run([isql, str(self.isql_port), "dba", "dba", f"exec={statement}"],
                              capture_output=True, text=True, timeout=60)
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql {statement!r} failed: {done.stdout}{done.stderr}")
        return done.stdout

    def log(self) -> str:
        path = self.folder / "virtuoso.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else "(no log)"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


def start_virtuoso(folder: Path, wait: float = 90.0) -> Virtuoso:
    """Start Virtuoso on 127.0.0.1 with a fresh database in *folder*; SPARQL updates allowed.

    Raises
    ------
    RuntimeError
        Virtuoso is not installed or did not come up (the message carries its log).
    """
    binary = shutil.which("virtuoso-t")
    if binary is None:
        raise RuntimeError("virtuoso-t is not installed (Debian package virtuoso-opensource)")
    folder.mkdir(parents=True, exist_ok=True)
    isql_port, http_port = free_port(), free_port()
    d = folder.resolve()
    ini = f"""[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{isql_port}
LiteMode = 0
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2
DirsAllowed = ., {d}, {VAD}
VADInstallDir = {VAD}/
CheckpointInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {VSP}
MaxClientConnections = 4
ServerThreads = 4
DavRoot = DAV
EnabledDavVSP = 0

[Client]
SQL_PREFETCH_ROWS = 100

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
MaxQueryCostEstimationTime = 400
DefaultGraph = urn:diplograph:none
"""
    (d / "virtuoso.ini").write_text(ini)
    log = open(d / "stdout.log", "wb")  # noqa: SIM115 - kept open for the process's lifetime
    process = subprocess.Popen([binary, "+foreground", "+configfile", str(d / "virtuoso.ini")],
                               cwd=d, stdout=log, stderr=subprocess.STDOUT, env={**os.environ})
    v = Virtuoso(process, d, isql_port, http_port)
    deadline = time.monotonic() + wait
    last = ""
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"virtuoso-t exited with {process.returncode}: {v.log()}")
        try:
            r = httpx.get(v.sparql_url, params={"query": "ASK {}"},
                          headers={"Accept": "application/sparql-results+json"}, timeout=5)
            if r.status_code == 200:
                break
            last = f"HTTP {r.status_code}"
        except httpx.HTTPError as exc:
            last = str(exc)
        time.sleep(0.5)
    else:
        v.stop()
        raise RuntimeError(f"Virtuoso did not answer within {wait:.0f} s ({last}): {v.log()}")
    v.isql('GRANT SPARQL_UPDATE TO "SPARQL";')
    v.isql("DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);")
    return v
