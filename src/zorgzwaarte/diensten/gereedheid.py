"""Readiness (GET /gereed): can this process serve a request?

Three things a request needs: the database answers, its migrations are the newest this program carries (no pending
revision, and not a newer one this program does not know), and the regelsets load. The database costs one round trip
per check (`SELECT version_num FROM alembic_version`; on PostgreSQL in autocommit, so no BEGIN and ROLLBACK around
it, and without the pool's check of a rested connection: the statement is that check, and on a connection that died
it is tried once more on a new one). The program's migrations and the regelsets are read once per process: the files
do not change while it runs. No login, no client data: the answer names only what is wrong."""

from __future__ import annotations

import logging
from functools import cache

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from zorgzwaarte.domein.uitvoer_beheer import Gereedheid
from zorgzwaarte.fouten import Fout
from zorgzwaarte.opslag.database import zonder_rustcontrole
from zorgzwaarte.opslag.migratiestand import migraties, revisies_in_database
from zorgzwaarte.regels.regelset import onderwerpen, regelsets

LOG = logging.getLogger(__name__)
MIGREER = "draai `zorgzwaarte db migreer` (of start `zorgzwaarte serveer`, dat eerst migreert)"


class NietGereed(Exception):
    """What keeps this process from serving requests: each problem with what it is about (`database`,
    `migraties`, `regelsets`) and a Dutch message for the beheerder (HTTP 503)."""

    def __init__(self, fouten: list[Fout]) -> None:
        super().__init__("; ".join(f"{f.veld}: {f.melding}" for f in fouten))
        self.fouten = fouten


@cache
def regelsets_laden() -> tuple[int, tuple[Fout, ...]]:
    """Every regelset of every onderwerp loaded once per process (its parameter files read and checked against the
    schema, each parameter read on the regelset's first day for its receipt): how many load, and a Dutch message
    for each one that does not (its cause in the server log). A worker calls this before it starts listening
    (api.app.maak_app_voor_werkproces), so its first request does not wait for the files."""
    try:
        alle = [r for onderwerp in onderwerpen() for r in regelsets(onderwerp)]
    except Exception:
        LOG.exception("de lijst van regelsets kon niet worden gelezen")
        return 0, (Fout("regelsets", "de lijst van regelsets (regelsets.yaml) kon niet worden gelezen"),)
    fouten = []
    for r in alle:
        try:
            r.ontvangstbewijs  # noqa: B018 (reads and checks every parameter of the regelset on its first day)
        except Exception:
            LOG.exception("regelset %s (versie %s) laadt niet", r.naam, r.versie)
            fouten.append(
                Fout("regelsets", f"de regelset {r.naam} (versie {r.versie}) kon niet worden geladen; zie het log")
            )
    return len(alle) - len(fouten), tuple(fouten)


class _Onbereikbaar(Exception):
    pass


def _revisies(engine: Engine) -> frozenset[str]:
    """The database's migration revisions in one round trip; a connection that died meanwhile (the database
    restarted) is replaced once. _Onbereikbaar when no connection answers; SQLAlchemyError when the answer is an
    error (no table alembic_version)."""
    for poging in (1, 2):
        try:
            with zonder_rustcontrole():
                verbinding = engine.connect()
        except SQLAlchemyError as exc:
            raise _Onbereikbaar(exc.__class__.__name__) from exc
        try:
            if engine.dialect.name != "sqlite":  # SQLite sends nothing for BEGIN; its isolation stays as it is
                verbinding.execution_options(isolation_level="AUTOCOMMIT")
            return revisies_in_database(verbinding)
        except DBAPIError as exc:
            if not exc.connection_invalidated:
                raise
            if poging == 2:
                raise _Onbereikbaar(exc.__class__.__name__) from exc
        finally:
            verbinding.close()
    raise AssertionError("onbereikbaar")  # pragma: no cover


def _database(engine: Engine) -> tuple[str | None, list[Fout]]:
    """The database's migration (None when it cannot be read) and what is wrong with it."""
    try:
        revisies = _revisies(engine)
    except _Onbereikbaar as exc:
        LOG.warning("gereedheid: de database antwoordt niet (%s)", exc)
        return None, [Fout("database", "de database antwoordt niet")]
    except SQLAlchemyError as exc:
        LOG.warning("gereedheid: de migratiestand is niet te lezen (%s)", exc.__class__.__name__)
        return None, [Fout("migraties", f"de database heeft geen migratiestand (tabel alembic_version); {MIGREER}")]
    m = migraties()
    stand = ", ".join(sorted(revisies))
    verwacht = ", ".join(sorted(m.koppen))
    if revisies == m.koppen:
        return stand, []
    if not revisies:
        return None, [Fout("migraties", f"de database is nog niet gemigreerd; {MIGREER}")]
    if revisies - m.bekend:
        return stand, [
            Fout(
                "migraties",
                f"de database staat op migratie {stand}, die deze versie van het programma niet kent (een nieuwere "
                f"versie heeft haar gemigreerd; dit programma verwacht {verwacht}): start de nieuwe versie",
            )
        ]
    return stand, [
        Fout("migraties", f"de database staat op migratie {stand}; dit programma verwacht {verwacht}: {MIGREER}")
    ]


def gereedheid(engine: Engine) -> Gereedheid:
    """Ready to serve: the database's migration and the number of regelsets; else NietGereed with every reason."""
    aantal, regelset_fouten = regelsets_laden()
    migratie, fouten = _database(engine)
    fouten += regelset_fouten
    if fouten or migratie is None:
        raise NietGereed(fouten)
    return Gereedheid(status="gereed", migratie=migratie, regelsets=aantal)
