"""Migration 0005 on a database WITH data, on both engines: the client table is rebuilt on SQLite (batch) while
assessments, decisions, agreements and audit lines refer to it; nothing is lost and the BSN becomes unique per
registering organisation (docs/api.md, "Ook het bestaan van een BSN lekt niet")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, inspect, select, text
from sqlalchemy.exc import IntegrityError

from tests.conftest import _leeg_postgres
from zorgzwaarte.demo.gegevens import vul_demo
from zorgzwaarte.opslag.database import huidige_revisie, maak_engine, migreer, sessiefabriek
from zorgzwaarte.opslag.modellen import Auditregel, Beoordeling, Client, Indicatiebesluit, Organisatie
from zorgzwaarte.regels.profielen.catalogus import GEEN_AANVULLING

VOOR = "0007"  # the revision before 0005 in the chain


@pytest.fixture(params=["sqlite", "postgresql"])
def ongemigreerd(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        e = maak_engine(f"sqlite:///{tmp_path / 'oud.sqlite'}")
    else:
        e = _leeg_postgres(request.getfixturevalue("postgres_url"))
    yield e
    e.dispose()


def _tellingen(engine: Engine) -> dict[str, int]:
    with sessiefabriek(engine)() as s:
        return {
            m.__tablename__: s.scalar(select(func.count()).select_from(m)) or 0
            for m in (Client, Beoordeling, Indicatiebesluit, Auditregel)
        }


def test_migratie_0005_met_gegevens(ongemigreerd: Engine) -> None:
    """A populated database at the previous revision migrates to head; every row stays, and the same BSN may now
    be registered once per organisation (a second registration by the same organisation is refused)."""
    migreer(ongemigreerd, VOOR)
    fabriek = sessiefabriek(ongemigreerd)
    vul_demo(fabriek, aantal_clienten=5, aanvulling=GEEN_AANVULLING)  # that revision stores no supplement this way
    voor = _tellingen(ongemigreerd)
    assert voor["client"] == 5 and voor["indicatiebesluit"] > 0
    migreer(ongemigreerd)
    assert huidige_revisie(ongemigreerd) != VOOR
    assert _tellingen(ongemigreerd) == voor
    uniek = {u["name"] for u in inspect(ongemigreerd).get_unique_constraints("client")}
    assert "uq_client_bsn_organisatie" in uniek and "uq_client_bsn" not in uniek
    if ongemigreerd.dialect.name == "sqlite":
        with ongemigreerd.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    with fabriek() as s, s.begin():
        bestaand = s.scalars(select(Client).order_by(Client.id)).first()
        assert bestaand is not None
        ander = s.scalars(select(Organisatie).where(Organisatie.id != bestaand.aangemaakt_door_organisatie_id)).first()
        assert ander is not None
        kopie = dict(
            bsn=bestaand.bsn,
            geslachtsnaam="Kopie",
            geboortedatum=bestaand.geboortedatum,
            vastgelegd_op=datetime(2015, 1, 1, tzinfo=UTC),
        )
        s.add(Client(**kopie, aangemaakt_door_organisatie_id=ander.id))
    with pytest.raises(IntegrityError), fabriek() as s, s.begin():
        s.add(Client(**kopie, aangemaakt_door_organisatie_id=ander.id))
