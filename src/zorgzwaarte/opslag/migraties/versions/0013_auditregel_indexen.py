"""Auditlog: de index op (client_id, tijdstip) vervalt. Elke lezing schrijft een auditregel, en elke index van de
tabel is een pagina meer per commit; deze index (met de tijd als tekst in elke regel, ingevoegd op de plek van de
cliënt) kostte de meeste: gemiddeld 4,5 pagina's per commit, meer dan tabel en andere indexen samen. Zoeken op
cliënt gebruikt `ix_auditregel_client_id` (op SQLite in volgorde van id, zodat de nieuwste regels van een cliënt
zonder sorteren komen), zoeken op periode `ix_auditregel_tijdstip` (docs/api.md, Audit).

Revision ID: 0013
Revises: 0010
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_auditregel_client_tijd", table_name="auditregel")


def downgrade() -> None:
    op.create_index("ix_auditregel_client_tijd", "auditregel", ["client_id", "tijdstip"], unique=False)
