"""Alembic environment: run with the engine handed over by zorgzwaarte.opslag.database.migreer."""

from __future__ import annotations

from alembic import context

from zorgzwaarte.opslag.modellen import Basis

config = context.config
engine = config.attributes["engine"]

with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=Basis.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
