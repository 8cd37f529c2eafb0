"""Toewijzing: het zorgkantoor wijst een indicatiebesluit toe aan een zorgaanbieder (iWlz AW33); de intake van die aanbieder

Revision ID: 0009
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "toewijzing",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("indicatiebesluit_id", sa.Integer(), nullable=False),
        sa.Column("zorgaanbieder_id", sa.Integer(), nullable=False),
        sa.Column("zorgkantoor_id", sa.Integer(), nullable=False),
        sa.Column("leveringsvorm", sa.String(length=20), nullable=False),
        sa.Column("ingangsdatum", sa.Date(), nullable=False),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("overeenkomst_id", sa.Integer(), nullable=True),
        sa.Column("vastgelegd_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("versie", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["client.id"]),
        sa.ForeignKeyConstraint(["indicatiebesluit_id"], ["indicatiebesluit.id"]),
        sa.ForeignKeyConstraint(["zorgaanbieder_id"], ["organisatie.id"]),
        sa.ForeignKeyConstraint(["zorgkantoor_id"], ["organisatie.id"]),
        sa.ForeignKeyConstraint(["overeenkomst_id"], ["zorgleveringsovereenkomst.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_toewijzing_client_id", "toewijzing", ["client_id"], unique=False)
    op.create_index("ix_toewijzing_zorgaanbieder_id", "toewijzing", ["zorgaanbieder_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_toewijzing_zorgaanbieder_id", table_name="toewijzing")
    op.drop_index("ix_toewijzing_client_id", table_name="toewijzing")
    op.drop_table("toewijzing")
