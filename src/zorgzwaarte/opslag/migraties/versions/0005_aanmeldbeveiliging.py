"""Aanmeldbeveiliging: mislukte aanmeldpogingen per account en per adres, laatst gebruikt per token (sessie
verloopt na inactiviteit), BSN uniek per registrerende organisatie (het bestaan van een BSN elders lekt niet)

Revision ID: 0005
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0007"
branch_labels = None
depends_on = None

TIJD = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "aanmeldblokkade",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("soort", sa.String(length=10), nullable=False),
        sa.Column("sleutel", sa.String(length=100), nullable=False),
        sa.Column("mislukt", sa.Integer(), nullable=False),
        sa.Column("laatste_mislukking", TIJD, nullable=False),
        sa.Column("geblokkeerd_tot", TIJD, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aanmeldblokkade")),
        sa.UniqueConstraint("soort", "sleutel", name="uq_aanmeldblokkade_soort_sleutel"),
    )
    with op.batch_alter_table("token") as batch_op:
        batch_op.add_column(sa.Column("laatst_gebruikt_op", TIJD, nullable=True))
    with op.batch_alter_table("client") as batch_op:
        batch_op.drop_constraint("uq_client_bsn", type_="unique")
        batch_op.create_index("ix_client_bsn", ["bsn"], unique=False)
        batch_op.create_unique_constraint("uq_client_bsn_organisatie", ["bsn", "aangemaakt_door_organisatie_id"])


def downgrade() -> None:
    with op.batch_alter_table("client") as batch_op:
        batch_op.drop_constraint("uq_client_bsn_organisatie", type_="unique")
        batch_op.drop_index("ix_client_bsn")
        batch_op.create_unique_constraint("uq_client_bsn", ["bsn"])
    with op.batch_alter_table("token") as batch_op:
        batch_op.drop_column("laatst_gebruikt_op")
    op.drop_table("aanmeldblokkade")
