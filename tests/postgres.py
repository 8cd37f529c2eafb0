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


@contextmanager
def postgres_server() -> Iterator[str]:
    url = os.environ.get("ZORGZWAARTE_TEST_PG_URL")
    if url:
        yield url
        return
    root = os.geteuid() == 0
    basis = Path(tempfile.mkdtemp(prefix="zz-pg-"))
    data = basis / "data"
    poort = _vrije_poort()

    def als_eigenaar(*cmd: str) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *cmd] if root else list(cmd)

    if root:
        shutil.chown(basis, "postgres")
    subprocess.run(
        als_eigenaar(_bin("initdb"), "-D", str(data), "-U", "app", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"),
        check=True,
        capture_output=True,
    )
    log = basis / "server.log"
    subprocess.run(
        als_eigenaar(
            _bin("pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(log),
            "-w",
            "-o",
            f"-p {poort} -k {basis} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start",
        ),
        check=True,
        capture_output=True,
    )
    try:
        for _ in range(50):
            if (
                subprocess.run(
                    [_bin("pg_isready"), "-h", "127.0.0.1", "-p", str(poort)], capture_output=True
                ).returncode
                == 0
            ):
                break
            time.sleep(0.1)
        subprocess.run(
            [_bin("createdb"), "-h", "127.0.0.1", "-p", str(poort), "-U", "app", "zorgzwaarte_test"],
            check=True,
            capture_output=True,
        )
        yield f"postgresql://app@127.0.0.1:{poort}/zorgzwaarte_test"
    finally:
        subprocess.run(als_eigenaar(_bin("pg_ctl"), "-D", str(data), "-m", "fast", "stop"), capture_output=True)
        shutil.rmtree(basis, ignore_errors=True)
