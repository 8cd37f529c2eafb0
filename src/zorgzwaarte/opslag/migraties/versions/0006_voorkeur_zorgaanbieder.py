"""Indicatiebesluit: de zorgaanbieder van voorkeur (de intake van die aanbieder)

Revision ID: 0006
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain column with an index: a foreign key would make SQLite rebuild 'indicatiebesluit', which others refer to
    with op.batch_alter_table("indicatiebesluit") as batch_op:
        batch_op.add_column(sa.Column("zorgaanbieder_id", sa.Integer(), nullable=True))
        batch_op.create_index("ix_indicatiebesluit_zorgaanbieder_id", ["zorgaanbieder_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("indicatiebesluit") as batch_op:
        batch_op.drop_index("ix_indicatiebesluit_zorgaanbieder_id")
        batch_op.drop_column("zorgaanbieder_id")
