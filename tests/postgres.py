"""A throwaway PostgreSQL server for the tests: initdb in a temp dir, started on a free port, stopped afterwards.

Runs the server as user `postgres` when the tests run as root (initdb refuses root). ZORGZWAARTE_TEST_PG_URL
points the tests at an existing server instead.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _bin(naam: str) -> str:
    kandidaten = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{naam}"))
    if kandidaten:
        return kandidaten[-1]
    gevonden = shutil.which(naam)
    if not gevonden:
        raise RuntimeError(
            f"PostgreSQL-programma '{naam}' niet gevonden; 'make test' installeert het Debian-pakket postgresql"
        )
    return gevonden


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresServer:
    """A throwaway server in a temp dir: `url` once started; `stop()` and `start()` again (a database restart)."""

    def __init__(self) -> None:
        self.root = os.geteuid() == 0
        self.basis = Path(tempfile.mkdtemp(prefix="zz-pg-"))
        self.data = self.basis / "data"
        self.poort = _vrije_poort()
        self.url = f"postgresql://app@127.0.0.1:{self.poort}/zorgzwaarte_test"

    def _als_eigenaar(self, *cmd: str) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *cmd] if self.root else list(cmd)

    def maak(self) -> None:
        if self.root:
            shutil.chown(self.basis, "postgres")
        subprocess.run(
            self._als_eigenaar(
                _bin("initdb"), "-D", str(self.data), "-U", "app", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"
            ),
            check=True,
            capture_output=True,
        )
        self.start()
        subprocess.run(
            [_bin("createdb"), "-h", "127.0.0.1", "-p", str(self.poort), "-U", "app", "zorgzwaarte_test"],
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        subprocess.run(
            self._als_eigenaar(
                _bin("pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.basis / "server.log"),
                "-w",
                "-o",
                f"-p {self.poort} -k {self.basis} -c listen_addresses=127.0.0.1 -c fsync=off",
                "start",
            ),
            check=True,
            capture_output=True,
        )
        for _ in range(50):
            if (
                subprocess.run(
                    [_bin("pg_isready"), "-h", "127.0.0.1", "-p", str(self.poort)], capture_output=True
                ).returncode
                == 0
            ):
                break
            time.sleep(0.1)

    def stop(self) -> None:
        subprocess.run(
            self._als_eigenaar(_bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "stop"), capture_output=True
        )

    def ruim_op(self) -> None:
        self.stop()
        shutil.rmtree(self.basis, ignore_errors=True)


@contextmanager
def eigen_postgres_server() -> Iterator[PostgresServer]:
    """A server of the test's own, which it may stop and start."""
    server = PostgresServer()
    try:
        server.maak()
        yield server
    finally:
        server.ruim_op()


@contextmanager
def postgres_server() -> Iterator[str]:
    url = os.environ.get("ZORGZWAARTE_TEST_PG_URL")
    if url:
        yield url
        return
    with eigen_postgres_server() as server:
        yield server.url
