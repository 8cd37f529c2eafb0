"""The data version (`gegevensversie`): one counter in the database that triggers raise on every INSERT, UPDATE and
DELETE of every table except those in `VRIJGESTELD`. Equal counters mean equal data, so a read that already ran at
this version can be answered from the read cache (diensten/leescache.py).

Triggers, not Python events: a write by raw SQL, by another worker process or by another host on the same
PostgreSQL raises the counter too, in the same transaction as the write. A write that is rolled back leaves the
counter as it was; a committed one makes the new counter and the new data visible at the same moment.

- SQLite has only row triggers: three per table (`gv_<tabel>_ins/_upd/_del`), each adds one.
- PostgreSQL: one function `gegevensversie_ophogen()` and per table one statement trigger `gv_<tabel>` that fires
  BEFORE the statement, so a writing transaction takes the counter's row lock before any row lock of its own
  statement: writers queue on the counter in one order and cannot deadlock on it.

`zorg_voor_triggers` (run by every migration, see migraties/env.py) gives every table that lacks them its triggers:
a table added by a later migration, or rebuilt by an SQLite batch migration (which drops the table's triggers).
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, inspect, select, text
from sqlalchemy.orm import Session

from zorgzwaarte.opslag.modellen import Gegevensversie

TABEL = "gegevensversie"

# Tables whose writes do not raise the counter, each with the reason. Nothing cached may depend on them.
VRIJGESTELD: dict[str, str] = {
    "auditregel": "elke lezing schrijft een auditregel; de auditlog zelf wordt nooit uit de leescache gelezen",
    "alembic_version": "alleen migraties schrijven hier; een migratie wijzigt ook de tabellen die wel tellen",
    TABEL: "de teller zelf (een trigger op de teller zou zichzelf ophogen)",
}

# Columns whose updates alone do not raise the counter, per table, each with the reason. Nothing cached may read them.
# An UPDATE that sets another column of the table still raises it (the trigger lists the other columns: SQLite
# `UPDATE OF`, PostgreSQL `UPDATE OF`, both fire when a listed column is in the statement's SET).
VRIJE_KOLOMMEN: dict[str, dict[str, str]] = {
    "token": {
        "laatst_gebruikt_op": "het moment van laatste gebruik (voor het afmelden na stilte) wordt elke minuut per "
        "actieve sessie bijgewerkt; zou dat tellen, dan leegde elke actieve gebruiker de leescache van iedereen. "
        "Intrekken, verlopen en aanmaken van een token tellen wel",
    },
}

_FUNCTIE_PG = f"""CREATE OR REPLACE FUNCTION gegevensversie_ophogen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE {TABEL} SET versie = versie + 1 WHERE id = 1;
    RETURN NULL;
END $$"""


def _update_kolommen(conn: Connection, tabel: str) -> list[str] | None:
    """The columns whose update raises the counter, or None for all (a table without free columns)."""
    vrij = VRIJE_KOLOMMEN.get(tabel)
    if not vrij:
        return None
    return [k["name"] for k in inspect(conn).get_columns(tabel) if k["name"] not in vrij]


def _achtervoegsel(kolommen: list[str] | None) -> str:
    """Part of a trigger's name that says which columns it watches: a column added later gives a new name, so the
    old trigger counts as missing and is replaced at the next migration run."""
    if kolommen is None:
        return ""
    return "_" + hashlib.sha256(",".join(kolommen).encode()).hexdigest()[:8]


def _sqlite_triggers(tabel: str, kolommen: list[str] | None = None) -> dict[str, str]:
    bijwerken = "UPDATE" if kolommen is None else "UPDATE OF " + ", ".join(f'"{k}"' for k in kolommen)
    soorten = (("ins", "INSERT"), ("upd" + _achtervoegsel(kolommen), bijwerken), ("del", "DELETE"))
    return {
        f"gv_{tabel}_{kort}": f'CREATE TRIGGER "gv_{tabel}_{kort}" AFTER {soort} ON "{tabel}" '
        f"BEGIN UPDATE {TABEL} SET versie = versie + 1 WHERE id = 1; END"
        for kort, soort in soorten
    }


def _pg_trigger(tabel: str, kolommen: list[str] | None = None) -> tuple[str, str]:
    naam = f"gv_{tabel}{_achtervoegsel(kolommen)}"
    bijwerken = "UPDATE" if kolommen is None else "UPDATE OF " + ", ".join(f'"{k}"' for k in kolommen)
    return naam, (
        f'CREATE TRIGGER "{naam}" BEFORE INSERT OR {bijwerken} OR DELETE OR TRUNCATE ON "{tabel}" '
        "FOR EACH STATEMENT EXECUTE FUNCTION gegevensversie_ophogen()"
    )


def _verwachte_triggers(conn: Connection, tabel: str) -> dict[str, str]:
    kolommen = _update_kolommen(conn, tabel)
    if conn.dialect.name == "postgresql":
        naam, sql = _pg_trigger(tabel, kolommen)
        return {naam: sql}
    return _sqlite_triggers(tabel, kolommen)


def _bestaande_triggers(conn: Connection) -> set[str]:
    if conn.dialect.name == "postgresql":
        sql = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
    else:
        sql = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    return {r[0] for r in conn.execute(text(sql))}


def _getelde_tabellen(conn: Connection) -> list[str]:
    return sorted(t for t in inspect(conn).get_table_names() if t not in VRIJGESTELD)


def tabellen_zonder_trigger(conn: Connection) -> list[str]:
    """Tables (not exempt) whose writes would not raise the counter, or whose update trigger misses a column."""
    bestaand = _bestaande_triggers(conn)
    return [t for t in _getelde_tabellen(conn) if not set(_verwachte_triggers(conn, t)) <= bestaand]


def zorg_voor_triggers(conn: Connection) -> None:
    """Give every counted table its triggers (idempotent); a trigger of a table that watches an outdated list of
    columns is replaced. Does nothing before the counter's migration."""
    if TABEL not in inspect(conn).get_table_names():
        return
    bestaand = _bestaande_triggers(conn)
    if conn.dialect.name == "postgresql":
        conn.execute(text(_FUNCTIE_PG))
    for t in _getelde_tabellen(conn):
        verwacht = _verwachte_triggers(conn, t)
        for naam in sorted(bestaand - set(verwacht)):
            if _van_tabel(naam, t, conn.dialect.name):
                conn.execute(
                    text(f'DROP TRIGGER "{naam}"' + (f' ON "{t}"' if conn.dialect.name == "postgresql" else ""))
                )
        for naam, sql in verwacht.items():
            if naam not in bestaand:
                conn.execute(text(sql))


def _van_tabel(naam: str, tabel: str, dialect: str) -> bool:
    """Is `naam` a counter trigger of `tabel` (and not of a table whose name starts the same)?"""
    if dialect == "postgresql":
        return naam == f"gv_{tabel}" or (naam.startswith(f"gv_{tabel}_") and len(naam) == len(f"gv_{tabel}_") + 8)
    rest = naam.removeprefix(f"gv_{tabel}_")
    return rest != naam and (rest in ("ins", "del", "upd") or (rest.startswith("upd_") and len(rest) == 12))


def verwijder_triggers(conn: Connection) -> None:
    """Every counter trigger (and PostgreSQL's function): the downgrade of migration 0010."""
    for naam in sorted(_bestaande_triggers(conn)):
        if not naam.startswith("gv_"):
            continue
        if conn.dialect.name == "postgresql":
            tabel = conn.execute(
                text("SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname = :n"), {"n": naam}
            ).scalar_one()
            conn.execute(text(f'DROP TRIGGER "{naam}" ON {tabel}'))
        else:
            conn.execute(text(f'DROP TRIGGER "{naam}"'))
    if conn.dialect.name == "postgresql":
        conn.execute(text("DROP FUNCTION IF EXISTS gegevensversie_ophogen()"))


_SLEUTEL = "zorgzwaarte.gegevensversie"  # Session.info: the counter as this session first read it

# The counter as a column of another statement (built once): the token check reads it in the same statement as the
# token (diensten/auth.py), so a request's reads before its work are one round trip; `onthoud` keeps it.
VERSIE_KOLOM = select(Gegevensversie.versie).where(Gegevensversie.id == 1).scalar_subquery().label("gegevensversie")
_VERSIE = select(Gegevensversie.versie).where(Gegevensversie.id == 1)


def gegevensversie(sessie: Session) -> int:
    """The data version as this session first read it (one SELECT per session, then remembered in `sessie.info`).

    Read it FIRST in a unit of work, before the data it keys. Each statement may see a newer snapshot than the one
    before it (PostgreSQL READ COMMITTED gives every statement its own snapshot; SQLite without an explicit BEGIN
    the same), so data read after the counter is at least as new as the counter says, never older: a result
    cached under this version is never older than its key. Read the other way round, a write committed between
    the two reads would put old data under the new version, and every later reader would get it."""
    versie = sessie.info.get(_SLEUTEL)
    if versie is None:
        versie = sessie.connection().execute(_VERSIE).scalar_one()  # Core: no ORM execution for one number
        sessie.info[_SLEUTEL] = versie
    return int(versie)


def onthoud(sessie: Session, versie: int) -> None:
    """The counter as read by an earlier statement of this session (`VERSIE_KOLOM`), before any data of the unit
    of work that continues the session: `gegevensversie(sessie)` then answers it without a query."""
    sessie.info.setdefault(_SLEUTEL, int(versie))
