"""Bekostiging: tarieftabellen en contracten zorgkantoor-zorgaanbieder

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TIJD = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "tarieftabel",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("regels", sa.JSON(), nullable=False),
        sa.Column("vingerafdruk", sa.String(length=64), nullable=False),
        sa.Column(
            "geladen_door_id",
            sa.Integer(),
            sa.ForeignKey("gebruiker.id", name="fk_tarieftabel_geladen_door_id_gebruiker"),
            nullable=False,
        ),
        sa.Column(
            "organisatie_id",
            sa.Integer(),
            sa.ForeignKey("organisatie.id", name="fk_tarieftabel_organisatie_id_organisatie"),
            nullable=False,
        ),
        sa.Column("vastgelegd_op", TIJD, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_tarieftabel"),
    )
    op.create_table(
        "contract",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "zorgkantoor_id",
            sa.Integer(),
            sa.ForeignKey("organisatie.id", name="fk_contract_zorgkantoor_id_organisatie"),
            nullable=False,
        ),
        sa.Column(
            "zorgaanbieder_id",
            sa.Integer(),
            sa.ForeignKey("organisatie.id", name="fk_contract_zorgaanbieder_id_organisatie"),
            nullable=False,
        ),
        sa.Column("jaar", sa.Integer(), nullable=False),
        sa.Column("kwaliteitsopslag_per_dag", sa.String(length=20), nullable=False),
        sa.Column("afspraken", sa.JSON(), nullable=False),
        sa.Column("vastgelegd_op", TIJD, nullable=False),
        sa.Column("versie", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_contract"),
        sa.UniqueConstraint("zorgkantoor_id", "zorgaanbieder_id", "jaar", name="uq_contract_partijen_jaar"),
    )
    op.create_index("ix_contract_zorgkantoor_id", "contract", ["zorgkantoor_id"])
    op.create_index("ix_contract_zorgaanbieder_id", "contract", ["zorgaanbieder_id"])


def downgrade() -> None:
    op.drop_index("ix_contract_zorgaanbieder_id", table_name="contract")
    op.drop_index("ix_contract_zorgkantoor_id", table_name="contract")
    op.drop_table("contract")
    op.drop_table("tarieftabel")
