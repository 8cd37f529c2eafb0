"""Alembic environment: run with the engine handed over by zorgzwaarte.opslag.database.migreer.

SQLite cannot drop a constraint, so a batch migration rebuilds the table (copy, drop, rename). With foreign keys
on, dropping a table that other rows refer to fails, so on SQLite the check is switched off for the migration
(only possible outside a transaction), every reference is verified with `PRAGMA foreign_key_check` before the
migration commits, and the check is switched on again (Alembic docs, batch mode and foreign keys).

After the migrations every table gets the triggers of the data version it lacks (opslag/gegevensversie.py)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from zorgzwaarte.opslag.gegevensversie import zorg_voor_triggers
from zorgzwaarte.opslag.modellen import Basis

config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        connection.execute(text("PRAGMA foreign_keys=OFF"))
        connection.commit()
    try:
        with connection.begin():
            context.configure(connection=connection, target_metadata=Basis.metadata, render_as_batch=True)
            with context.begin_transaction():
                context.run_migrations()
            # a table added or rebuilt (SQLite batch) by a migration gets its data version triggers
            zorg_voor_triggers(connection)
            if sqlite:
                fout = connection.execute(text("PRAGMA foreign_key_check")).first()
                if fout is not None:
                    raise RuntimeError(f"migratie breekt een verwijzing: tabel {fout[0]}, rij {fout[1]}")
    finally:
        if sqlite:
            connection.execute(text("PRAGMA foreign_keys=ON"))
            connection.commit()
