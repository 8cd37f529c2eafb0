"""Where a database stands against the migrations this program carries (the readiness check, GET /gereed).

The program's own migrations are read from the scripts once per process; the database's revision costs one
query (`SELECT version_num FROM alembic_version`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text

from zorgzwaarte.opslag.database import MIGRATIES


@dataclass(frozen=True)
class Migraties:
    """The migrations of this program: the newest (`koppen`, one unless the history branches) and every one."""

    koppen: frozenset[str]
    bekend: frozenset[str]


@cache
def migraties() -> Migraties:
    scripts = ScriptDirectory(str(MIGRATIES))
    return Migraties(
        koppen=frozenset(scripts.get_heads()),
        bekend=frozenset(s.revision for s in scripts.walk_revisions()),
    )


def revisies_in_database(verbinding: Connection) -> frozenset[str]:
    """The revisions Alembic recorded in the database (empty: never migrated). Fails when its table is missing."""
    return frozenset(str(r) for r in verbinding.execute(text("SELECT version_num FROM alembic_version")).scalars())
