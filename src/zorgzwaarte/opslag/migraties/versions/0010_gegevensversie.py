"""De gegevensversie: één teller die databasetriggers ophogen bij elke wijziging van elke tabel behalve de auditlog
(opslag/gegevensversie.py). De leescache gebruikt hem om te weten dat er niets veranderd is.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from zorgzwaarte.opslag.gegevensversie import verwijder_triggers, zorg_voor_triggers

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    tabel = op.create_table(
        "gegevensversie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("versie", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gegevensversie")),
    )
    op.bulk_insert(tabel, [{"id": 1, "versie": 0}])
    zorg_voor_triggers(op.get_bind())


def downgrade() -> None:
    verwijder_triggers(op.get_bind())
    op.drop_table("gegevensversie")
