"""De ZZP-aanvulling van de beheerder in de database (was een bestand in de datamap), zodat alle werkers en hosts
op één database dezelfde aanvulling lezen. Een bestaande aanvulling in de datamap wordt eenmalig overgenomen.

Revision ID: 0012
Revises: 0006
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    tabel = op.create_table(
        "zzp_aanvulling",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("inhoud", sa.Text(), nullable=False),
        sa.Column("geladen_op", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_zzp_aanvulling")),
    )
    # the supplement as the file of earlier versions kept it (already validated when it was loaded)
    oud = Path(os.environ.get("ZORGZWAARTE_DATA", "data")) / "aanvullingen" / "zzp.json"
    if oud.is_file():
        nu = datetime.now(UTC)
        items = json.loads(oud.read_text(encoding="utf-8"))["zzp"]
        op.bulk_insert(
            tabel,
            [{"code": i["code"], "inhoud": json.dumps(i, sort_keys=True), "geladen_op": nu} for i in items],
        )


def downgrade() -> None:
    op.drop_table("zzp_aanvulling")
