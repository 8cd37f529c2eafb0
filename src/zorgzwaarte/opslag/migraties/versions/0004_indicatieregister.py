"""Indicatieregister (iWlz-netwerkmodel): stabiele UUID's, vervaldatum, notificaties uit en in

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TIJD = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("organisatie") as batch_op:
        batch_op.add_column(sa.Column("notificatie_url", sa.String(length=500), nullable=True))
    with op.batch_alter_table("client") as batch_op:
        batch_op.add_column(sa.Column("register_id", sa.String(length=36), nullable=True))
    with op.batch_alter_table("indicatiebesluit") as batch_op:
        batch_op.add_column(sa.Column("wlzindicatie_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("vervaldatum", sa.Date(), nullable=True))
        batch_op.create_index("ix_indicatiebesluit_wlzindicatie_id", ["wlzindicatie_id"], unique=False)

    # every existing client and every existing Wlz decision gets its own random (version 4) UUID, once
    conn = op.get_bind()
    client = sa.table("client", sa.column("id", sa.Integer), sa.column("register_id", sa.String))
    for (cid,) in conn.execute(sa.select(client.c.id)).all():
        conn.execute(client.update().where(client.c.id == cid).values(register_id=str(uuid.uuid4())))
    besluit = sa.table(
        "indicatiebesluit",
        sa.column("id", sa.Integer),
        sa.column("stelsel", sa.String),
        sa.column("wlzindicatie_id", sa.String),
    )
    for (bid,) in conn.execute(sa.select(besluit.c.id).where(besluit.c.stelsel == "Wlz")).all():
        conn.execute(besluit.update().where(besluit.c.id == bid).values(wlzindicatie_id=str(uuid.uuid4())))
    # a unique index rather than a rebuilt table (SQLite would have to copy 'client', which others refer to)
    op.create_index("uq_client_register_id", "client", ["register_id"], unique=True)

    op.create_table(
        "notificatie_uit",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("notificatie_id", sa.String(length=36), nullable=False),
        sa.Column("event_type", sa.String(length=60), nullable=False),
        sa.Column("subject", sa.String(length=60), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column(
            "indicatiebesluit_id",
            sa.Integer(),
            sa.ForeignKey("indicatiebesluit.id", name="fk_notificatie_uit_indicatiebesluit_id_indicatiebesluit"),
            nullable=False,
        ),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column(
            "ontvanger_organisatie_id",
            sa.Integer(),
            sa.ForeignKey("organisatie.id", name="fk_notificatie_uit_ontvanger_organisatie_id_organisatie"),
            nullable=False,
        ),
        sa.Column("ontvanger_id_type", sa.String(length=10), nullable=False),
        sa.Column("ontvanger_id", sa.String(length=20), nullable=False),
        sa.Column("aangemaakt_op", TIJD, nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("pogingen", sa.Integer(), nullable=False),
        sa.Column("volgende_poging_op", TIJD, nullable=True),
        sa.Column("bezorgd_op", TIJD, nullable=True),
        sa.Column("laatste_fout", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notificatie_uit")),
        sa.UniqueConstraint("notificatie_id", name="uq_notificatie_uit_notificatie_id"),
    )
    with op.batch_alter_table("notificatie_uit") as batch_op:
        batch_op.create_index("ix_notificatie_uit_status", ["status"], unique=False)

    op.create_table(
        "notificatie_in",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("notificatie_id", sa.String(length=36), nullable=False),
        sa.Column("sleutel", sa.String(length=64), nullable=False),
        sa.Column(
            "organisatie_id",
            sa.Integer(),
            sa.ForeignKey("organisatie.id", name="fk_notificatie_in_organisatie_id_organisatie"),
            nullable=False,
        ),
        sa.Column("afzender_id_type", sa.String(length=10), nullable=False),
        sa.Column("afzender_id", sa.String(length=40), nullable=False),
        sa.Column("event_type", sa.String(length=60), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("tijdstip", sa.String(length=40), nullable=False),
        sa.Column("ontvangen_op", TIJD, nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("pogingen", sa.Integer(), nullable=False),
        sa.Column("volgende_poging_op", TIJD, nullable=True),
        sa.Column("laatste_fout", sa.Text(), nullable=True),
        sa.Column("indicatiebesluit_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notificatie_in")),
        sa.UniqueConstraint("sleutel", name="uq_notificatie_in_sleutel"),
    )


def downgrade() -> None:
    op.drop_table("notificatie_in")
    op.drop_table("notificatie_uit")
    with op.batch_alter_table("indicatiebesluit") as batch_op:
        batch_op.drop_index("ix_indicatiebesluit_wlzindicatie_id")
        batch_op.drop_column("vervaldatum")
        batch_op.drop_column("wlzindicatie_id")
    op.drop_index("uq_client_register_id", table_name="client")
    with op.batch_alter_table("client") as batch_op:
        batch_op.drop_column("register_id")
    with op.batch_alter_table("organisatie") as batch_op:
        batch_op.drop_column("notificatie_url")
