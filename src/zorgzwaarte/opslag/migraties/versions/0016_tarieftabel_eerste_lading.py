"""Tarieftabel: hoogstens één eerste lading. `vorige_id` is uniek (0014), maar een unieke beperking laat meer dan één
NULL toe: twee beheerders die tegelijk de allereerste tabel laden, kregen allebei gelijk, en de tweede liet de jaren
van de eerste stil vallen. Een gedeeltelijke unieke index (`uq_tarieftabel_eerste_lading`, op SQLite en
PostgreSQL) laat nu hoogstens één versie toe die op niets is gebouwd en een `dekking` heeft; de tweede lading krijgt
409. Tabellen die vóór 0014 in hun geheel zijn geladen (geen vorige, geen dekking) vallen er buiten: daarvan mogen er
meer zijn.

Revision ID: 0016
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from zorgzwaarte.fouten import MigratieGestopt

revision = "0016"
down_revision = "0014"
branch_labels = None
depends_on = None

INDEX = "uq_tarieftabel_eerste_lading"
EERSTE_LADING = "vorige_id IS NULL AND dekking IS NOT NULL"


def upgrade() -> None:
    dubbel = [
        r[0] for r in op.get_bind().execute(sa.text(f"SELECT id FROM tarieftabel WHERE {EERSTE_LADING} ORDER BY id"))
    ]
    if len(dubbel) > 1:  # the race this index prevents already happened: say so instead of failing on the index
        raise MigratieGestopt(
            f"Migratie 0016 kan niet verder: de tarieftabel heeft {len(dubbel)} eerste ladingen die op niets zijn "
            f"gebouwd (versies {', '.join(map(str, dubbel))}), geladen door twee beheerders tegelijk. Alleen de "
            f"nieuwste geldt; de jaren van de andere ontbreken erin. Beslis welke versie blijft, maak van de andere "
            f"een voortzetting (vorige_id) of verwijder ze, en migreer dan opnieuw."
        )
    op.create_index(
        INDEX,
        "tarieftabel",
        [sa.text("coalesce(vorige_id, 0)")],
        unique=True,
        sqlite_where=sa.text(EERSTE_LADING),
        postgresql_where=sa.text(EERSTE_LADING),
    )


def downgrade() -> None:
    op.drop_index(INDEX, table_name="tarieftabel")
