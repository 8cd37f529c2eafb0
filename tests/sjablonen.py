"""Template databases: migrate (and fill with the demo) once per test session, copy per test.

Migrating a database and making the demo (five argon2 password hashes, then clients, decisions and plans) cost most
of a storage or API test's time. A test still gets a database of its own, exactly as migrating and filling would
have made it (the same migrations, the same demo for the same day), but as a copy of a template made the first time
a test asks for that kind of database (per pytest-xdist worker: the templates live in the session's temp folder).

SQLite templates are copied with SQLite's backup API (a consistent copy, whatever the WAL holds); PostgreSQL ones
are databases on the test server from which `CREATE DATABASE ... TEMPLATE` makes the test's database anew.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import date
from pathlib import Path

import psycopg
from argon2 import PasswordHasher
from sqlalchemy import Engine, make_url

Vulling = Callable[[Engine], None]


# argon2id at its lowest cost (one pass over 8 KiB): the same algorithm and code path, a thousand times cheaper
SNELLE_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@contextmanager
def snelle_wachtwoorden() -> Iterator[None]:
    """Passwords hashed in this block are hashed with argon2id at its lowest cost. The demo's five accounts are
    made so in the tests' templates and the browser tests' server: checking such a hash (each login of a test) then
    costs a millisecond instead of a tenth of a second. Checking reads the cost from the hash itself, so the login
    code runs unchanged; tests/veiligheid/test_aanmelden.py holds the product itself to argon2id's full cost."""
    from zorgzwaarte.diensten import auth

    echt = auth._hasher
    auth._hasher = SNELLE_HASHER
    try:
        yield
    finally:
        auth._hasher = echt


def leeg(_: Engine) -> None:
    """No data: only the migrated schema."""


def demo(aantal_clienten: int, vandaag: date, systeem: str = "") -> tuple[str, Vulling]:
    """The demo as `vul_demo` makes it with `aantal_clienten` clients on `vandaag` (tests/api/conftest.py's Api).
    The demo draws new UUIDs (clients' register ids, Wlz indications) each time it is made, so two systems in one
    test that must not share them each name their own `systeem`: each gets a template of its own."""

    def vul(engine: Engine) -> None:
        from zorgzwaarte.demo.gegevens import vul_demo
        from zorgzwaarte.opslag.database import sessiefabriek

        with snelle_wachtwoorden():
            vul_demo(sessiefabriek(engine), aantal_clienten=aantal_clienten, vandaag=vandaag)

    return f"demo-{aantal_clienten}-{vandaag.isoformat()}{systeem}", vul


class Sjablonen:
    """The session's templates, by name; `map_` is a folder of the session's own."""

    def __init__(self, map_: Path) -> None:
        self.map = map_
        self._sqlite: dict[str, Path] = {}
        self._postgres: dict[tuple[str, str], str] = {}

    def sqlite(self, doel: Path, naam: str = "leeg", vul: Vulling = leeg) -> Engine:
        """An engine on `doel`, a copy of the migrated template `naam` (made with `vul` the first time)."""
        from zorgzwaarte.opslag.database import maak_engine, migreer

        if naam not in self._sqlite:
            bron = self.map / f"{naam}.sqlite"
            e = maak_engine(f"sqlite:///{bron}")
            migreer(e)
            vul(e)
            e.dispose()
            self._sqlite[naam] = bron
        with closing(sqlite3.connect(self._sqlite[naam])) as b, closing(sqlite3.connect(doel)) as d:
            b.backup(d)
        return maak_engine(f"sqlite:///{doel}")

    def postgres(self, url: str, naam: str = "leeg", vul: Vulling = leeg) -> Engine:
        """An engine on the database of `url`, made anew as a copy of the migrated template `naam` on that server
        (made with `vul` the first time). Connections left open on the old database are ended."""
        from zorgzwaarte.opslag.database import maak_engine, migreer

        doel = make_url(url)
        db = doel.database
        assert db, url
        # the server's maintenance database, in libpq's own URL form (no SQLAlchemy driver name)
        beheer = doel.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
        sleutel = (beheer, naam)
        sjabloon = self._postgres.get(sleutel)
        if sjabloon is None:
            sjabloon = f"zz_sjabloon_{len(self._postgres)}"
            with psycopg.connect(beheer, autocommit=True) as c:
                c.execute(f'DROP DATABASE IF EXISTS "{sjabloon}"')
                c.execute(f'CREATE DATABASE "{sjabloon}"')
            e = maak_engine(doel.set(database=sjabloon).render_as_string(hide_password=False))
            migreer(e)
            vul(e)
            e.dispose()
            self._postgres[sleutel] = sjabloon
        with psycopg.connect(beheer, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
            c.execute(f'CREATE DATABASE "{db}" TEMPLATE "{sjabloon}"')
        return maak_engine(url)
