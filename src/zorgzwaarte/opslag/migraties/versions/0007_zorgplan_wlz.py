"""Zorgplan: de plichten van de Wlz (art. 8.1.1 en 8.1.3): bespreking, afschrift, zorgverleners, persoonlijk plan

Revision ID: 0007
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("zorgplan") as batch_op:
        batch_op.add_column(sa.Column("besproken_op", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("afschrift_op", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("zorgverleners", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("persoonlijk_plan", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("zorgplan") as batch_op:
        for kolom in ("persoonlijk_plan", "zorgverleners", "afschrift_op", "besproken_op"):
            batch_op.drop_column(kolom)
