"""``diplograph serve`` fails in one line with the right exit code, and says "serving" only once it listens."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from diplograph.cli import main

from .conftest import SRC, free_port


@pytest.mark.parametrize(("port", "says"), [
    ("99999", "'99999': must be 65535 or less (the highest port)"),
    ("65536", "'65536': must be 65535 or less"),
    ("0", "'0': must be more than 0"),
    ("http", "'http' is not a whole number"),
])
def test_a_port_out_of_range_is_a_usage_error(port: str, says: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--port", port])
    assert exit_.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert f"argument --port: {says}" in err[-1], err
    assert "Traceback" not in "\n".join(err)


def test_a_port_in_use_is_one_line_and_nothing_is_served() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
        done = subprocess.run([sys.executable, "-m", "diplograph", "serve", "--port", str(port), "--workers", "1"],
                              env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert lines == [f"diplograph: error: cannot listen on 127.0.0.1:{port}: Address already in use"], lines


def test_serving_is_said_once_the_socket_listens(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    log = tmp_path / "serve.log"
    with open(log, "wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "diplograph", "serve", "--port", str(port),
                                    "--workers", "1"], env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while "serving" not in log.read_text() and time.monotonic() < deadline:
            assert process.poll() is None, log.read_text()
            time.sleep(0.05)
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass  # refused here would mean "serving" came before the socket was bound
        text = log.read_text()
        assert text.count("serving memory at") == 1, text
        assert "without network" in text, text
    finally:
        process.terminate()
        process.wait(10)


def test_the_listening_socket_is_tcp_so_replies_are_not_held_back() -> None:
    """asyncio turns Nagle's algorithm off only for sockets that name IPPROTO_TCP (else 40 ms a request)."""
    from diplograph.server.http import bind

    sock = bind("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP
    finally:
        sock.close()
