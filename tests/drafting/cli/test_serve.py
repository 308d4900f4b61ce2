"""``crisisdraft serve --workers N``: real processes, each worker on its own socket."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.servers import free_port, process

pytestmark = pytest.mark.slow

SERVE = [str(Path(sys.executable).parent / "crisisdraft"), "serve"]


def _listening_inodes(port: int) -> set[str]:
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "0A":  # LISTEN
                inodes.add(fields[9])
    return inodes


def _workers_listening(supervisor: int, port: int) -> dict[int, str]:
    """Worker pid -> the inode of the listening socket it holds on ``port``."""
    listening = _listening_inodes(port)
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            if int(stat[stat.rindex(")") + 2 :].split()[1]) != supervisor:
                continue
            for fd in (entry / "fd").iterdir():
                target = os.readlink(fd)
                if target.startswith("socket:[") and target[8:-1] in listening:
                    found[int(entry.name)] = target[8:-1]
        except (OSError, ValueError):
            continue
    return found


def _wait_for_workers(supervisor: int, port: int, n: int, timeout: float = 60) -> dict[int, str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = _workers_listening(supervisor, port)
        if len(found) == n:
            return found
        time.sleep(0.2)
    raise AssertionError(f"expected {n} workers listening on {port}, found {found}")


def _env(tmp_path: Path) -> dict[str, str]:
    # /health never reaches Chroma, so nothing needs to listen at this URL.
    return {"CRISISDRAFT_DATA_DIR": str(tmp_path), "CRISISDRAFT_CHROMA_URL": "http://127.0.0.1:9"}


def test_each_worker_listens_on_its_own_socket_and_a_dead_one_is_replaced(
    tmp_path: Path,
) -> None:
    port = free_port()
    args = [*SERVE, "--port", str(port), "--workers", "2"]
    with process(args, port=port, env=_env(tmp_path), log=tmp_path / "serve.log") as proc:
        workers = _wait_for_workers(proc.pid, port, 2)
        assert len(set(workers.values())) == 2  # two sockets (SO_REUSEPORT), not one shared
        assert httpx.get(f"http://127.0.0.1:{port}/health", timeout=30).status_code == 200
        killed = next(iter(workers))
        os.kill(killed, signal.SIGKILL)
        deadline = time.monotonic() + 60
        while killed in (again := _workers_listening(proc.pid, port)) or len(again) < 2:
            assert time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
            time.sleep(0.2)
        assert httpx.get(f"http://127.0.0.1:{port}/health", timeout=30).status_code == 200
    assert proc.returncode == 0  # SIGTERM: the workers were stopped, then the supervisor
    assert not any(Path(f"/proc/{pid}").exists() for pid in again)


def test_a_taken_port_stops_the_server_with_a_fix(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        out = subprocess.run(
            [*SERVE, "--port", str(port), "--workers", "2"],
            env={**os.environ, **_env(tmp_path)},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert out.returncode == 1
    assert "failed at startup" in out.stderr and "port" in out.stderr


def test_several_workers_need_a_chroma_server(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "CRISISDRAFT_CHROMA_URL"}
    out = subprocess.run(
        [*SERVE, "--workers", "2"],
        env={**env, "CRISISDRAFT_DATA_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 2
    assert "CRISISDRAFT_CHROMA_URL" in out.stderr
