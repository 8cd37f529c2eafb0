"""Hoogstens één eerste lading van de tarieftabel (migration 0016, docs/bekostiging.md "Laden per jaar"): a unique
`vorige_id` lets any number of NULLs through, so two first loads at the same moment were both stored and the second
silently dropped the first one's years. The partial unique index `uq_tarieftabel_eerste_lading` allows one version
built on nothing with a `dekking`; tables loaded whole before 0014 (no vorige, no dekking) stay allowed, on SQLite
and PostgreSQL."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, func, insert, select, text
from sqlalchemy.exc import IntegrityError

from tests.conftest import Klok
from zorgzwaarte.demo.gegevens import vul_demo
from zorgzwaarte.diensten.bekostiging import tarieftabel_laden
from zorgzwaarte.diensten.toegang import Actor
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.fouten import MigratieGestopt
from zorgzwaarte.opslag.database import alembic_config, huidige_revisie, maak_engine, migreer, sessiefabriek
from zorgzwaarte.opslag.modellen import Basis, Gebruiker, Tarieftabel
from zorgzwaarte.regels.profielen.catalogus import GEEN_AANVULLING

INDEX = "uq_tarieftabel_eerste_lading"
KOP = "prestatiecode;omschrijving;tarief;eenheid;ingangsdatum;einddatum;bron\n"
BESTAND_2017 = KOP + "4VV;ZZP 4VV;160,00;dag;2017-01-01;2017-12-31;NZa tariefbeschikking 2017 (test)\n"


def _indexen(engine: Engine, schema: str | None = None) -> dict[str, str]:
    """The indexes of table tarieftabel as the database itself writes them (name: definition without schema)."""
    with engine.connect() as c:
        if engine.dialect.name == "sqlite":
            rijen = c.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tarieftabel'")
            ).all()
            return {naam: re.sub(r"\s+", " ", sql or "") for naam, sql in rijen}
        rijen = c.execute(
            text("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'tarieftabel' AND schemaname = :s"),
            {"s": schema or "public"},
        ).all()
        return {naam: definitie.replace(f"{schema or 'public'}.", "") for naam, definitie in rijen}


def _heeft_index(engine: Engine) -> bool:
    return INDEX in _indexen(engine)


def test_model_en_migraties_geven_dezelfde_indexen(engine: Engine, tmp_path: Path) -> None:
    """The tables the models create (`create_all`) have the same indexes on tarieftabel, as the database writes
    them, as the migrations make: the partial index is declared in both places alike (Alembic's comparison cannot
    read an index on an expression, so this compares the database's own definition)."""
    gemigreerd = _indexen(engine)
    assert INDEX in gemigreerd and "WHERE" in gemigreerd[INDEX].upper()
    if engine.dialect.name == "sqlite":
        model = maak_engine(f"sqlite:///{tmp_path / 'model.sqlite'}")
        Basis.metadata.create_all(model)
        assert {k: v for k, v in _indexen(model).items() if not k.startswith("sqlite_autoindex")} == {
            k: v for k, v in gemigreerd.items() if not k.startswith("sqlite_autoindex")
        }
        model.dispose()
        return
    with engine.begin() as c:
        c.execute(text("CREATE SCHEMA model"))
    try:
        Basis.metadata.create_all(engine.execution_options(schema_translate_map={None: "model"}))
        assert _indexen(engine, "model") == gemigreerd
    finally:
        with engine.begin() as c:
            c.execute(text("DROP SCHEMA model CASCADE"))


def test_migratie_0016_heen_en_terug(engine: Engine) -> None:
    """Head has the index; a downgrade to 0014 removes it, migrating up again brings it back."""
    assert _heeft_index(engine)
    command.downgrade(alembic_config(engine), "0014")
    assert not _heeft_index(engine)
    migreer(engine)
    assert _heeft_index(engine)


def _tabel(fabriek: Any, naam: str, **kolommen: Any) -> None:
    """A version stored directly, with only the columns given (as an older revision or another load wrote it)."""
    with fabriek() as s, s.begin():
        g = s.scalars(select(Gebruiker).where(Gebruiker.gebruikersnaam == "zorgkantoor")).one()
        s.execute(
            insert(Tarieftabel).values(
                naam=naam,
                regels=[],
                vingerafdruk="0" * 64,
                geladen_door_id=g.id,
                organisatie_id=g.organisatie_id,
                vastgelegd_op=datetime(2016, 1, 1, tzinfo=UTC),
                **kolommen,
            )
        )


def _aantal(engine: Engine) -> int:
    with sessiefabriek(engine)() as s:
        return int(s.scalar(select(func.count()).select_from(Tarieftabel)) or 0)


def test_de_opslag_weigert_een_tweede_eerste_lading(engine: Engine) -> None:
    """A second version built on nothing with a dekking is refused by the database itself (IntegrityError), so no
    code path can store it; a table loaded whole (no dekking, as before 0014) is not a first load and stays allowed."""
    fabriek = sessiefabriek(engine)
    vul_demo(fabriek, aantal_clienten=1)  # the demo's table: loaded whole, no vorige, no dekking
    dekking = {"jaren": [2017], "vanaf": None, "tekst": "2017"}
    _tabel(fabriek, "eerste lading", dekking=dekking)
    with pytest.raises(IntegrityError):
        _tabel(fabriek, "nog een eerste lading", dekking=dekking)
    _tabel(fabriek, "heel geladen")  # neither vorige_id nor dekking
    assert _aantal(engine) == 3


def test_oude_hele_tabellen_upgraden_en_de_volgende_lading_bouwt_op_de_nieuwste(engine: Engine, klok: Klok) -> None:
    """A database from before 0014 with two tables loaded whole (vorige_id and dekking NULL) migrates to head, and
    the next load is built on the newest of them (vorige_id), not refused as a second first load."""
    command.downgrade(alembic_config(engine), "0013")
    fabriek = sessiefabriek(engine)
    vul_demo(fabriek, aantal_clienten=1, aanvulling=GEEN_AANVULLING)  # stores the demo's table loaded whole
    _tabel(fabriek, "Tweede hele tabel")
    migreer(engine)
    assert _heeft_index(engine) and _aantal(engine) == 2
    with fabriek() as s:
        nieuwste = s.scalars(select(Tarieftabel).order_by(Tarieftabel.id.desc())).first()
        assert nieuwste is not None and (nieuwste.vorige_id, nieuwste.dekking) == (None, None)
        g = s.scalars(select(Gebruiker).where(Gebruiker.gebruikersnaam == "zorgkantoor")).one()
        actor = Actor.van(g)
    with Werkeenheid(fabriek, actor, klok) as uow:
        t = tarieftabel_laden(uow, "NZa 2017", BESTAND_2017, nieuwste.id)
    assert (t.vorige_id, t.dekking) == (nieuwste.id, "2017")
    assert _aantal(engine) == 3


def test_migratie_0016_zegt_het_als_de_wedloop_al_gebeurde(engine: Engine) -> None:
    """A database that between 0014 and 0016 stored two first loads (the race this index prevents) is not migrated
    on with a bare database error: the migration stops before changing anything and says which versions, in Dutch."""
    command.downgrade(alembic_config(engine), "0014")
    fabriek = sessiefabriek(engine)
    vul_demo(fabriek, aantal_clienten=1)
    with fabriek() as s, s.begin():
        s.execute(text("DELETE FROM tarieftabel"))
    dekking = {"jaren": [2017], "vanaf": None, "tekst": "2017"}
    _tabel(fabriek, "eerste", dekking=dekking)
    _tabel(fabriek, "tegelijk", dekking=dekking)
    with pytest.raises(MigratieGestopt, match="2 eerste ladingen") as fout:
        migreer(engine)
    assert "Alleen de nieuwste geldt" in str(fout.value)
    assert huidige_revisie(engine) == "0014" and not _heeft_index(engine) and _aantal(engine) == 2
