"""Elke lading van de ZZP-aanvulling krijgt een eigen kenmerk (`lading`, een UUID op elke rij van die lading),
zodat elk werkproces de aanvulling in het geheugen kan houden en met één kleine vraag ziet of er een nieuwe is.
Een bestaande aanvulling krijgt één kenmerk voor al haar rijen.

Revision ID: 0011
Revises: 0005
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("zzp_aanvulling", sa.Column("lading", sa.String(length=36), nullable=True))
    op.execute(sa.text("UPDATE zzp_aanvulling SET lading = :lading").bindparams(lading=str(uuid.uuid4())))


def downgrade() -> None:
    with op.batch_alter_table("zzp_aanvulling") as batch:
        batch.drop_column("lading")
