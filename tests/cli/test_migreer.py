"""`zorgzwaarte db migreer` when the data stops a migration (migration 0016, docs/bekostiging.md "Laden per jaar"):
the migration's Dutch message on stderr and exit 1, the database unchanged, never a traceback."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import delete, func, insert, select

from tests.cli.helpers import zorgzwaarte
from zorgzwaarte.demo.gegevens import vul_demo
from zorgzwaarte.opslag.database import huidige_revisie, maak_engine, migreer, sessiefabriek
from zorgzwaarte.opslag.modellen import Gebruiker, Tarieftabel


def test_twee_eerste_ladingen_van_voor_0016_stoppen_de_migratie_met_een_melding(tmp_path: Path) -> None:
    """A database at 0014 where two first loads of the tariff table were both stored (the race 0016 prevents): the
    migration names the versions and what to do, exit 1, and changes nothing."""
    url = f"sqlite:///{tmp_path / 'oud.sqlite'}"
    e = maak_engine(url)
    migreer(e, "0014")
    fabriek = sessiefabriek(e)
    vul_demo(fabriek, aantal_clienten=1)
    with fabriek() as s, s.begin():
        s.execute(delete(Tarieftabel))
        g = s.scalars(select(Gebruiker).where(Gebruiker.gebruikersnaam == "zorgkantoor")).one()
        for naam in ("eerste", "tegelijk"):
            s.execute(
                insert(Tarieftabel).values(
                    naam=naam,
                    regels=[],
                    vingerafdruk="0" * 64,
                    dekking={"jaren": [2017], "vanaf": None, "tekst": "2017"},
                    geladen_door_id=g.id,
                    organisatie_id=g.organisatie_id,
                    vastgelegd_op=datetime(2017, 1, 1, tzinfo=UTC),
                )
            )
    p = zorgzwaarte("db", "migreer", omgeving={"ZORGZWAARTE_DATABASE_URL": url})
    assert p.returncode == 1, (p.stdout, p.stderr)
    assert "Traceback" not in p.stderr and p.stdout == ""
    assert "Migratie 0016 kan niet verder" in p.stderr and "2 eerste ladingen" in p.stderr
    assert huidige_revisie(e) == "0014"
    with fabriek() as s:
        assert s.scalar(select(func.count()).select_from(Tarieftabel)) == 2
    e.dispose()
