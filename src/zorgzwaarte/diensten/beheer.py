"""Administration: the data directory and the administrator's supplement to the ZZP catalogue (in the database)."""

from __future__ import annotations

import json
import threading
import uuid
import weakref
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, delete, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker

from zorgzwaarte.diensten.invoer import Json, Ontvangen, aanvaard
from zorgzwaarte.diensten.werkeenheid import nu_utc, overgedragen
from zorgzwaarte.domein.aanvulling import AanvullingBestand
from zorgzwaarte.fouten import Fout, InvoerFout
from zorgzwaarte.opslag.database import database_url, maak_engine, sessiefabriek
from zorgzwaarte.opslag.gegevensversie import gegevensversie
from zorgzwaarte.opslag.modellen import ZzpAanvulling
from zorgzwaarte.regels.profielen.catalogus import GEEN_AANVULLING, Aanvulling, zoek_zzp


def valideer_aanvulling(data: Ontvangen[AanvullingBestand] | Json) -> AanvullingBestand:
    """The supplement, each ZZP code known and each figure one the text leaves 'onbekend'; else every problem."""
    bestand = aanvaard(AanvullingBestand, data)
    fouten = []
    for i, item in enumerate(bestand.zzp):
        z = zoek_zzp(item.code)
        if z is None:
            fouten.append(
                Fout(f"zzp.{i}.code", f"'{item.code}' is geen zorgzwaartepakket (zie 'zorgzwaarte codes zzp')")
            )
            continue
        for domein in item.domeinen:
            bestaand = z.domeinen.get(domein)
            if bestaand is not None and bestaand.niveau is not None:
                fouten.append(
                    Fout(
                        f"zzp.{i}.domeinen.{domein}",
                        f"{z.code} heeft voor {domein} al een niveau uit de wettekst; een aanvulling vult alleen 'onbekend'",
                    )
                )
        if item.uren_per_week is not None and z.uren_min is not None:
            fouten.append(Fout(f"zzp.{i}.uren_per_week", f"{z.code} heeft al uren uit de wettekst"))
    if fouten:
        raise InvoerFout(fouten)
    return bestand


def laad_aanvulling(
    fabriek: sessionmaker[Session], data: Ontvangen[AanvullingBestand] | Json, nu: datetime | None = None
) -> int:
    """Validate and store a supplement, replacing the previous one in one transaction. Returns the number of entries.

    Readers on any worker or host see either the old or the new supplement, never a mix; two loads at the same
    time are serialised (a table lock on PostgreSQL, the single writer on SQLite).
    """
    bestand = valideer_aanvulling(data)
    rijen = []
    tijd = nu or nu_utc()
    lading = str(uuid.uuid4())  # a fresh mark per load: every worker's cache sees that this load is new
    for item in bestand.zzp:
        z = zoek_zzp(item.code)
        assert z is not None
        inhoud = {**item.model_dump(mode="json"), "code": z.code}
        rijen.append(
            ZzpAanvulling(code=z.code, inhoud=json.dumps(inhoud, sort_keys=True), geladen_op=tijd, lading=lading)
        )
    with fabriek() as s, s.begin():
        if s.get_bind().dialect.name == "postgresql":
            s.execute(text("LOCK TABLE zzp_aanvulling IN EXCLUSIVE MODE"))
        s.execute(delete(ZzpAanvulling))
        s.add_all(rijen)
    return len(rijen)


# load mark -> supplement, per process; a mark is a fresh UUID per load, so it never names two different contents
_GELADEN: dict[str, Aanvulling] = {}
_GELADEN_SLOT = threading.Lock()
_GELADEN_MAX = 8
_LADING = select(ZzpAanvulling.__table__.c.lading).limit(1)  # built once: asked on every computing request


def huidige_aanvulling(s: Session) -> Aanvulling:
    """The supplement as stored; its fingerprint is the sha256 of the sorted (code, canonical JSON) pairs.

    Kept in memory per process under the mark of its load: a request asks only for that mark (one small query),
    and reads the rows again when another worker or host has loaded a new supplement since.
    """
    eerste = s.execute(_LADING).first()
    if eerste is None:
        return GEEN_AANVULLING
    if eerste.lading is not None and (bekend := _GELADEN.get(eerste.lading)) is not None:
        return bekend
    rijen = s.execute(select(ZzpAanvulling.code, ZzpAanvulling.inhoud, ZzpAanvulling.lading)).all()
    if not rijen:
        return GEEN_AANVULLING
    aanvulling = Aanvulling(tuple(sorted((code, inhoud) for code, inhoud, _ in rijen)))
    ladingen = {rij.lading for rij in rijen}
    if len(ladingen) == 1 and None not in ladingen:  # rows of one load (the table is replaced as a whole)
        with _GELADEN_SLOT:
            if len(_GELADEN) >= _GELADEN_MAX:
                _GELADEN.clear()
            _GELADEN[str(rijen[0].lading)] = aanvulling
    return aanvulling


# database -> (gegevensversie, supplement as read at it): the supplement table raises the data version
# (opslag/gegevensversie.py), so an equal version is the same supplement
_PER_VERSIE: weakref.WeakKeyDictionary[Engine, tuple[int, Aanvulling]] = weakref.WeakKeyDictionary()


def aanvulling_uit_database(fabriek: sessionmaker[Session]) -> Aanvulling:
    """The supplement in the database. In an API request (the token check's session handed to this thread,
    api/eendraad.py) it is kept per process under the data version read with the token: at the same version the
    request reads nothing more; at another one it reads the mark on the token check's connection (`huidige_
    aanvulling`). The version was read before the supplement, so what is kept is never older than its key."""
    sessie = overgedragen(fabriek)
    if sessie is None:
        with fabriek() as s:
            return huidige_aanvulling(s)
    engine = fabriek.kw["bind"]
    versie = gegevensversie(sessie)  # no query: read with the token
    bekend = _PER_VERSIE.get(engine)
    if bekend is not None and bekend[0] == versie:
        return bekend[1]
    aanvulling = huidige_aanvulling(sessie)
    with _GELADEN_SLOT:
        bekend = _PER_VERSIE.get(engine)
        if bekend is None or versie > bekend[0]:
            _PER_VERSIE[engine] = (versie, aanvulling)
    return aanvulling


def aanvulling_standaarddatabase() -> Aanvulling:
    """For the CLI: the supplement in the configured database, without creating or migrating one.

    No database yet, or one from before the supplement moved into it: no supplement.
    """
    url = database_url(maken=False)
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        return GEEN_AANVULLING
    engine = maak_engine(url)
    try:
        if not inspect(engine).has_table(ZzpAanvulling.__tablename__):
            return GEEN_AANVULLING
        return aanvulling_uit_database(sessiefabriek(engine))
    finally:
        engine.dispose()
