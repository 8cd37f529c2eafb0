"""Storage on both engines (SQLite and PostgreSQL): migrations, append-only audit, optimistic locking, round trips."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.exc import DatabaseError

from tests.conftest import Klok
from zorgzwaarte.demo.gegevens import vul_demo
from zorgzwaarte.diensten import records
from zorgzwaarte.diensten.toegang import Actor
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.fouten import Conflict
from zorgzwaarte.opslag.database import alembic_config, huidige_revisie, migreer, sessiefabriek
from zorgzwaarte.opslag.modellen import Auditregel, Basis, Client, Gebruiker


def test_migraties_vanaf_leeg(engine: Engine) -> None:
    """Alembic brings an empty database to head; the tables match the models; migrating again is a no-op."""
    from alembic.script import ScriptDirectory

    (kop,) = ScriptDirectory.from_config(alembic_config(engine)).get_heads()  # exactly one head
    assert huidige_revisie(engine) == kop
    tabellen = set(inspect(engine).get_table_names())
    assert set(Basis.metadata.tables) <= tabellen
    migreer(engine)
    assert huidige_revisie(engine) == kop


def test_auditlog_alleen_toevoegen(engine: Engine, klok: Klok) -> None:
    fabriek = sessiefabriek(engine)
    with Werkeenheid(fabriek, None, klok) as uow:
        uow.log("test.actie", "client", 1, 1)
    with pytest.raises(DatabaseError), engine.begin() as conn:
        conn.execute(text("UPDATE auditregel SET uitkomst = 'gewijzigd'"))
    with pytest.raises(DatabaseError), engine.begin() as conn:
        conn.execute(text("DELETE FROM auditregel"))
    with fabriek() as s:
        assert [a.uitkomst for a in s.scalars(select(Auditregel))] == ["toegestaan"]


def _actor(engine: Engine, gebruikersnaam: str) -> Actor:
    with sessiefabriek(engine)() as s:
        return Actor.van(s.scalars(select(Gebruiker).where(Gebruiker.gebruikersnaam == gebruikersnaam)).one())


def test_optimistisch_vergrendelen(engine: Engine, klok: Klok) -> None:
    """Two sessions load the same client; the second write is refused, never a lost update."""
    fabriek = sessiefabriek(engine)
    vul_demo(fabriek, aantal_clienten=2)
    s1, s2 = fabriek(), fabriek()
    c1 = s1.scalars(select(Client).order_by(Client.id)).first()
    c2 = s2.get(Client, c1.id)  # type: ignore[union-attr]
    assert c1 is not None and c2 is not None
    c1.woonplaats = "Zeist"
    s1.commit()
    c2.woonplaats = "Houten"
    from sqlalchemy.orm.exc import StaleDataError

    with pytest.raises(StaleDataError):
        s2.commit()
    s1.close()
    s2.close()
    # and through the service layer: a stale version is a Conflict
    beoordelaar = _actor(engine, "beoordelaar")
    with pytest.raises(Conflict), Werkeenheid(fabriek, beoordelaar, klok) as uow:
        records.client_wijzigen(uow, c1.id, {"versie": 1, "woonplaats": "Bunnik"})


def test_keten_via_diensten(engine: Engine, klok: Klok) -> None:
    fabriek = sessiefabriek(engine)
    vul_demo(fabriek, aantal_clienten=10)
    beoordelaar = _actor(engine, "beoordelaar")
    with Werkeenheid(fabriek, beoordelaar, klok) as uow:
        lijst = records.clienten_lijst(uow, None, 1, 50)
    assert lijst.totaal == 10
    cid = lijst.items[0].id
    with Werkeenheid(fabriek, beoordelaar, klok) as uow:
        besluiten = records.besluiten_van_client(uow, cid)
    assert besluiten and besluiten[0].resultaat["toelichting"]
    assert besluiten[0].ruleset.hash == besluiten[0].resultaat["ruleset"]["hash"]
    with fabriek() as s:
        regels = list(s.scalars(select(Auditregel).where(Auditregel.client_id == cid)))
    assert {r.actie for r in regels} >= {"client.lijst", "besluit.lijst"}
    assert isinstance(besluiten[0].geldig_van, str) and date.fromisoformat(besluiten[0].geldig_van)
