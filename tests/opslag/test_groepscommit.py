"""The group commit of audit lines (diensten/werkeenheid.py), on SQLite and PostgreSQL: a unit of work that only
read commits its audit lines together with those of other reads finishing at the same time, and still returns
only once its own lines are committed (NEN 7513: no answer without its audit line); a unit that wrote commits its
change and its lines in one transaction as before."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import Engine, event, func, select

from tests.conftest import Klok
from zorgzwaarte.diensten.werkeenheid import Werkeenheid, alleen_gelezen, groepscommit
from zorgzwaarte.opslag.database import sessiefabriek
from zorgzwaarte.opslag.modellen import Auditregel, Organisatie


def _audit(engine: Engine, actie: str) -> list[str | None]:
    with engine.connect() as c:
        return list(c.scalars(select(Auditregel.details).where(Auditregel.actie == actie)))


def _lees(fabriek: Any, klok: Klok, details: str) -> None:
    with Werkeenheid(fabriek, None, klok) as uow:
        uow.sessie.scalar(select(func.count()).select_from(Organisatie))
        uow.log("test.lezen", details=details)


def _commits(engine: Engine) -> list[int]:
    teller = [0]

    def commit(_c: Any) -> None:
        teller[0] += 1

    event.listen(engine, "commit", commit)
    return teller


def test_lezingen_die_samen_wachten_gaan_in_een_commit(engine: Engine, klok: Klok) -> None:
    """Eight reads that queue while the writer's turn is taken are committed by one commit, each line once, and
    none of them returns before that commit."""
    fabriek = sessiefabriek(engine)
    groep = groepscommit(fabriek)
    teller = _commits(engine)
    klaar: list[str] = []

    def lezer(i: int) -> None:
        _lees(fabriek, klok, f"lezer {i}")
        klaar.append(f"lezer {i}")

    with groep._beurt:  # a commit under way: the reads queue behind it
        draden = [threading.Thread(target=lezer, args=(i,)) for i in range(8)]
        for d in draden:
            d.start()
        while len(groep._wachtrij) < 8:
            threading.Event().wait(0.01)
        assert klaar == [] and _audit(engine, "test.lezen") == []  # nobody answered before its line is in
    for d in draden:
        d.join(timeout=60)
    assert sorted(klaar) == sorted(f"lezer {i}" for i in range(8))
    assert sorted(d or "" for d in _audit(engine, "test.lezen")) == sorted(klaar)
    assert teller[0] == 1  # one commit for the eight reads


def test_veel_gelijktijdige_lezingen_elk_hun_regel(engine: Engine, klok: Klok) -> None:
    fabriek = sessiefabriek(engine)
    teller = _commits(engine)

    def lezer(i: int) -> None:
        for j in range(15):
            _lees(fabriek, klok, f"{i}-{j}")

    draden = [threading.Thread(target=lezer, args=(i,)) for i in range(6)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(timeout=120)
    regels = _audit(engine, "test.lezen")
    assert sorted(d or "" for d in regels) == sorted(f"{i}-{j}" for i in range(6) for j in range(15))
    assert 1 <= teller[0] <= 90


def test_mislukte_groepscommit_laat_elke_lezing_mislukken(engine: Engine, klok: Klok) -> None:
    """When the commit of a group fails, every read of the group fails (its answer is an error, never a 2xx
    without its line); the next read writes its line again."""
    fabriek = sessiefabriek(engine)
    groep = groepscommit(fabriek)
    fouten: list[BaseException] = []

    class Stuk(Exception):
        pass

    def weiger(_c: Any, _cur: Any, sql: str, *_: Any) -> None:
        if sql.lstrip().upper().startswith("INSERT INTO AUDITREGEL"):
            raise Stuk("schijf vol")

    def lezer(i: int) -> None:
        try:
            _lees(fabriek, klok, f"mislukt {i}")
        except Stuk as exc:
            fouten.append(exc)

    event.listen(engine, "before_cursor_execute", weiger)
    with groep._beurt:
        draden = [threading.Thread(target=lezer, args=(i,)) for i in range(4)]
        for d in draden:
            d.start()
        while len(groep._wachtrij) < 4:
            threading.Event().wait(0.01)
    for d in draden:
        d.join(timeout=60)
    event.remove(engine, "before_cursor_execute", weiger)
    assert len(fouten) == 4
    assert _audit(engine, "test.lezen") == []
    _lees(fabriek, klok, "daarna")
    assert _audit(engine, "test.lezen") == ["daarna"]


def test_een_schrijvende_eenheid_commit_zelf(engine: Engine, klok: Klok) -> None:
    """A unit that wrote is not a read: its change and its audit line are one transaction (a refused change
    leaves neither)."""
    fabriek = sessiefabriek(engine)
    with Werkeenheid(fabriek, None, klok) as uow:
        uow.sessie.scalar(select(func.count()).select_from(Organisatie))
        assert alleen_gelezen(uow.sessie)
        uow.sessie.add(Organisatie(naam="Testzorg", soort="zorgaanbieder"))
        assert not alleen_gelezen(uow.sessie)
        uow.sessie.flush()
        assert not alleen_gelezen(uow.sessie)  # flushed: still a write
        uow.log("test.schrijven", "organisatie")
    assert _audit(engine, "test.schrijven") == [None]
    with pytest.raises(ValueError), Werkeenheid(fabriek, None, klok) as uow:
        uow.sessie.add(Organisatie(naam="Niet bewaard", soort="zorgaanbieder"))
        uow.log("test.schrijven", "organisatie", details="geweigerd")
        raise ValueError("geweigerd")
    with fabriek() as s:
        assert s.scalar(select(func.count()).where(Organisatie.naam == "Niet bewaard")) == 0
    assert _audit(engine, "test.schrijven") == [None, "geweigerd; ValueError"]  # the refusal, with its outcome
