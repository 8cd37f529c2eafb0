"""Tarieftabel per jaar laden: elke versie van de tabel noemt de versie waarop zij is gebouwd (`vorige_id`, uniek,
zodat van twee gelijktijdige ladingen op dezelfde versie er één wordt geweigerd in plaats van stil verloren te
gaan) en de jaren die haar bestand dekte (`dekking`). Bestaande tabellen zijn in hun geheel geladen: geen vorige,
geen dekking.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tarieftabel") as batch:
        batch.add_column(sa.Column("vorige_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("dekking", sa.JSON(), nullable=True))
        batch.create_unique_constraint("uq_tarieftabel_vorige_id", ["vorige_id"])
        batch.create_foreign_key("fk_tarieftabel_vorige_id_tarieftabel", "tarieftabel", ["vorige_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("tarieftabel") as batch:
        batch.drop_constraint("fk_tarieftabel_vorige_id_tarieftabel", type_="foreignkey")
        batch.drop_constraint("uq_tarieftabel_vorige_id", type_="unique")
        batch.drop_column("dekking")
        batch.drop_column("vorige_id")
