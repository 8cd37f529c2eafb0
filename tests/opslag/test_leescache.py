"""The read cache (diensten/leescache.py): a hit gives the same answer and the same audit lines as a miss; nobody
gets another actor's answer; a write (also by another connection or process) is seen at the next read; a refused
read is refused again; cached answers equal uncached ones under interleaved writes and reads (hypothesis)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from tests.conftest import Klok
from zorgzwaarte.demo.gegevens import vul_demo
from zorgzwaarte.diensten import records as r
from zorgzwaarte.diensten.leescache import leescache, leescache_van
from zorgzwaarte.diensten.toegang import Actor
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.fouten import NietGevonden, Verboden
from zorgzwaarte.opslag.database import maak_engine, migreer, sessiefabriek
from zorgzwaarte.opslag.modellen import Auditregel, Beoordeling, Client, Gebruiker

Dienst = Callable[..., Any]
AUDITVELDEN = ("gebruiker_id", "rol", "organisatie_id", "actie", "objecttype", "object_id", "client_id", "uitkomst")
AUDITVELDEN += ("details",)


@pytest.fixture
def fabriek(engine: Engine) -> sessionmaker[Session]:
    f = sessiefabriek(engine)
    vul_demo(f, aantal_clienten=6)
    return f


def _actor(fabriek: sessionmaker[Session], gebruikersnaam: str) -> Actor:
    with fabriek() as s:
        return Actor.van(s.scalars(select(Gebruiker).where(Gebruiker.gebruikersnaam == gebruikersnaam)).one())


def _eerste(fabriek: sessionmaker[Session], model: Any) -> int:
    with fabriek() as s:
        return int(s.scalars(select(model.id).order_by(model.id)).first())


def _laatste_audit_id(fabriek: sessionmaker[Session]) -> int:
    with fabriek() as s:
        return int(s.scalar(select(Auditregel.id).order_by(Auditregel.id.desc())) or 0)


def _audit_na(fabriek: sessionmaker[Session], na: int) -> list[tuple[Any, ...]]:
    """The audit lines written after line `na`, without their id and moment."""
    with fabriek() as s:
        return [
            tuple(getattr(a, k) for k in AUDITVELDEN)
            for a in s.scalars(select(Auditregel).where(Auditregel.id > na).order_by(Auditregel.id))
        ]


def _lees(
    fabriek: sessionmaker[Session], actor: Actor, klok: Klok, dienst: Dienst, *args: Any
) -> tuple[Any, list[tuple[Any, ...]]]:
    """One unit of work that calls the service: its answer (as JSON data) and the audit lines it wrote."""
    na = _laatste_audit_id(fabriek)
    with Werkeenheid(fabriek, actor, klok) as uow:
        antwoord = dienst(uow, *args)
    data = [x.model_dump() for x in antwoord] if isinstance(antwoord, list) else antwoord.model_dump()
    return data, _audit_na(fabriek, na)


def _diensten(fabriek: sessionmaker[Session]) -> list[tuple[Dienst, tuple[Any, ...]]]:
    client, beoordeling = _eerste(fabriek, Client), _eerste(fabriek, Beoordeling)
    return [
        (r.clienten_lijst, (None, 1, 25)),
        (r.clienten_lijst, ("de", 1, 2)),
        (r.client_lezen, (client,)),
        (r.client_tijdlijn, (client,)),
        (r.besluiten_van_client, (client,)),
        (r.beoordeling_voorbeeld, (beoordeling,)),
    ]


def test_een_treffer_geeft_hetzelfde_antwoord_en_dezelfde_auditregels(fabriek: sessionmaker[Session]) -> None:
    """NEN 7513: every answer from the cache has its own audit line, the same as the service wrote on the miss."""
    klok, beoordelaar = Klok(), _actor(fabriek, "beoordelaar")
    cache = leescache_van(fabriek)
    for dienst, args in _diensten(fabriek):
        treffers = cache.treffers
        mis = _lees(fabriek, beoordelaar, klok, dienst, *args)
        raak = _lees(fabriek, beoordelaar, klok, dienst, *args)
        assert cache.treffers == treffers + 1, dienst.__name__
        assert raak == mis, dienst.__name__
        assert mis[1], f"{dienst.__name__} schreef geen auditregel"
        assert mis == _lees(fabriek, beoordelaar, klok, dienst.__wrapped__, *args)  # type: ignore[attr-defined]


def test_een_ander_krijgt_nooit_het_antwoord_van_een_ander(fabriek: sessionmaker[Session]) -> None:
    """Another user (even of the same role and organisation), role or organisation misses, and is refused or gets
    only what it may see."""
    klok, cache = Klok(), leescache_van(fabriek)
    beoordelaar, linde, anker = (_actor(fabriek, n) for n in ("beoordelaar", "linde", "anker"))
    collega = replace(beoordelaar, gebruiker_id=beoordelaar.gebruiker_id + 1000, gebruikersnaam="collega")
    _lees(fabriek, beoordelaar, klok, r.clienten_lijst, None, 1, 25)
    treffers = cache.treffers
    lijst_collega = _lees(fabriek, collega, klok, r.clienten_lijst, None, 1, 25)
    assert cache.treffers == treffers
    assert lijst_collega[1][0][0] == collega.gebruiker_id  # its own audit line, under its own name
    for aanbieder in (linde, anker):
        lijst, _ = _lees(fabriek, aanbieder, klok, r.clienten_lijst, None, 1, 25)
        ongecached, _ = _lees(fabriek, aanbieder, klok, r.clienten_lijst.__wrapped__, None, 1, 25)  # type: ignore[attr-defined]
        assert lijst == ongecached
    assert cache.treffers == treffers
    zichtbaar = {x["id"] for x in _lees(fabriek, linde, klok, r.clienten_lijst, None, 1, 100)[0]["items"]}
    with fabriek() as s:
        verborgen = [c for c in s.scalars(select(Client.id)) if c not in zichtbaar]
    assert verborgen, "de demo heeft cliënten die De Linde niet ziet"
    _lees(fabriek, beoordelaar, klok, r.client_lezen, verborgen[0])
    with pytest.raises(NietGevonden):
        _lees(fabriek, linde, klok, r.client_lezen, verborgen[0])


def test_een_geweigerde_lezing_wordt_uit_een_warme_cache_weer_geweigerd(fabriek: sessionmaker[Session]) -> None:
    klok = Klok()
    beoordelaar, linde = _actor(fabriek, "beoordelaar"), _actor(fabriek, "linde")
    beoordeling = _eerste(fabriek, Beoordeling)
    _lees(fabriek, beoordelaar, klok, r.beoordeling_voorbeeld, beoordeling)  # warm
    for _ in range(2):
        na = _laatste_audit_id(fabriek)
        with pytest.raises(Verboden):
            _lees(fabriek, linde, klok, r.beoordeling_voorbeeld, beoordeling)
        assert [a[AUDITVELDEN.index("uitkomst")] for a in _audit_na(fabriek, na)] == ["geweigerd"]
    for _ in range(2):
        na = _laatste_audit_id(fabriek)
        with pytest.raises(NietGevonden):
            _lees(fabriek, beoordelaar, klok, r.client_lezen, 999_999)
        assert [a[AUDITVELDEN.index("uitkomst")] for a in _audit_na(fabriek, na)] == ["niet_gevonden"]


def test_een_schrijfactie_van_een_andere_verbinding_wordt_bij_de_volgende_lezing_gezien(
    engine: Engine, fabriek: sessionmaker[Session]
) -> None:
    klok, beoordelaar = Klok(), _actor(fabriek, "beoordelaar")
    client = _eerste(fabriek, Client)
    _lees(fabriek, beoordelaar, klok, r.client_lezen, client)
    _lees(fabriek, beoordelaar, klok, r.client_tijdlijn, client)
    ander = maak_engine(engine.url.render_as_string(hide_password=False))  # another pool, as another host
    with ander.begin() as conn:
        conn.execute(text("UPDATE client SET woonplaats = 'Elders' WHERE id = :i"), {"i": client})
    ander.dispose()
    assert _lees(fabriek, beoordelaar, klok, r.client_lezen, client)[0]["woonplaats"] == "Elders"
    if engine.dialect.name == "sqlite":  # and from another process
        programma = (
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute(\"UPDATE client SET woonplaats = 'Nog verder' WHERE id = ?\", (int(sys.argv[2]),)); c.commit()"
        )
        subprocess.run([sys.executable, "-c", programma, str(engine.url.database), str(client)], check=True)
        assert _lees(fabriek, beoordelaar, klok, r.client_lezen, client)[0]["woonplaats"] == "Nog verder"


def test_een_eenheid_die_schreef_gebruikt_de_cache_niet(fabriek: sessionmaker[Session]) -> None:
    """A unit that changed data neither reads nor fills the cache: the version it reads counts its own uncommitted
    change, which a rollback gives back to the next write of someone else."""
    klok, beoordelaar, cache = Klok(), _actor(fabriek, "beoordelaar"), leescache_van(fabriek)
    client = _eerste(fabriek, Client)
    _lees(fabriek, beoordelaar, klok, r.client_lezen, client)
    with pytest.raises(RuntimeError), Werkeenheid(fabriek, beoordelaar, klok) as uow:
        assert r.client_lezen(uow, client).woonplaats != "Binnen"  # a hit; the version is now read
        uow.sessie.execute(text("UPDATE client SET woonplaats = 'Binnen' WHERE id = :i"), {"i": client})
        assert r.client_lezen(uow, client).woonplaats == "Binnen"  # its own change, not the cached answer
        raise RuntimeError("terugdraaien")
    with fabriek.kw["bind"].begin() as conn:  # the next write takes the version the rolled back one had
        conn.execute(text("UPDATE client SET postcode = '1234AB' WHERE id = :i"), {"i": client})
    gelezen = _lees(fabriek, beoordelaar, klok, r.client_lezen, client)[0]
    assert (gelezen["woonplaats"], gelezen["postcode"]) != ("Binnen", None)
    assert gelezen["postcode"] == "1234AB" and gelezen["woonplaats"] != "Binnen"

    @leescache("test.schrijft_zelf")
    def schrijvend(uow: Werkeenheid, i: int) -> int:
        uow.sessie.execute(text("UPDATE client SET woonplaats = 'Zelf' WHERE id = :i"), {"i": i})
        return i

    voor = len(cache)
    with Werkeenheid(fabriek, beoordelaar, klok) as uow:
        schrijvend(uow, client)
    assert len(cache) == voor  # a service that wrote is not kept


def test_een_nieuwe_dag_is_een_nieuwe_sleutel(fabriek: sessionmaker[Session]) -> None:
    """The preview of a final assessment is dated today: the next Dutch day does not get yesterday's answer."""
    klok, beoordelaar, cache = Klok(), _actor(fabriek, "beoordelaar"), leescache_van(fabriek)
    beoordeling = _eerste(fabriek, Beoordeling)
    _lees(fabriek, beoordelaar, klok, r.beoordeling_voorbeeld, beoordeling)
    treffers = cache.treffers
    klok.moment += timedelta(days=1)
    _lees(fabriek, beoordelaar, klok, r.beoordeling_voorbeeld, beoordeling)
    assert cache.treffers == treffers


# --- hypothesis: interleaved writes and reads, cached against uncached ---------------------------------------


@pytest.fixture(scope="module")
def gedeelde_fabriek(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sessionmaker[Session]]:
    e = maak_engine(f"sqlite:///{tmp_path_factory.mktemp('leescache') / 'db.sqlite'}")
    migreer(e)
    f = sessiefabriek(e)
    vul_demo(f, aantal_clienten=6)
    yield f
    e.dispose()


STAP = st.one_of(
    st.tuples(st.just("lees"), st.integers(0, 5), st.sampled_from(["beoordelaar", "linde", "anker", "zorgkantoor"])),
    st.tuples(st.just("schrijf"), st.integers(0, 5), st.sampled_from(["woonplaats", "regio", "besluit", "naam"])),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stappen=st.lists(STAP, min_size=1, max_size=12))
def test_gecachte_antwoorden_zijn_gelijk_aan_ongecachte(
    gedeelde_fabriek: sessionmaker[Session], stappen: list[tuple[str, int, str]]
) -> None:
    f, klok = gedeelde_fabriek, Klok()
    with f() as s:
        clienten = list(s.scalars(select(Client.id).order_by(Client.id)))
    for soort, i, wat in stappen:
        client = clienten[i % len(clienten)]
        if soort == "schrijf":
            with f.kw["bind"].begin() as conn:
                if wat == "woonplaats":
                    conn.execute(text("UPDATE client SET woonplaats = woonplaats || 'x' WHERE id = :i"), {"i": client})
                elif wat == "regio":
                    conn.execute(
                        text(
                            "UPDATE client SET regio = CASE WHEN regio IS NULL THEN 'Midden (fictief)' END WHERE id = :i"
                        ),
                        {"i": client},
                    )
                elif wat == "besluit":
                    conn.execute(
                        text("UPDATE indicatiebesluit SET status = 'vervallen' WHERE client_id = :i"), {"i": client}
                    )
                else:
                    conn.execute(
                        text("UPDATE client SET geslachtsnaam = 'Aa' || geslachtsnaam WHERE id = :i"), {"i": client}
                    )
            continue
        actor = _actor(f, wat)
        for dienst, args in (
            (r.clienten_lijst, (None, 1, 25)),
            (r.client_lezen, (client,)),
            (r.client_tijdlijn, (client,)),
            (r.besluiten_van_client, (client,)),
        ):
            uitkomsten = []
            for d in (dienst, dienst.__wrapped__):  # type: ignore[attr-defined]
                try:
                    uitkomsten.append(_lees(f, actor, klok, d, *args))
                except (NietGevonden, Verboden) as fout:
                    uitkomsten.append(type(fout).__name__)
            assert uitkomsten[0] == uitkomsten[1], dienst.__name__
