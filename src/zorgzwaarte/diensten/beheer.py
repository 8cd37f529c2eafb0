"""Administration: the data directory and the administrator's supplement to the ZZP catalogue (in the database)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker

from zorgzwaarte.domein.aanvulling import AanvullingBestand
from zorgzwaarte.domein.validatie import valideer
from zorgzwaarte.fouten import Fout, InvoerFout
from zorgzwaarte.opslag.database import database_url, maak_engine, sessiefabriek
from zorgzwaarte.opslag.modellen import ZzpAanvulling
from zorgzwaarte.regels.profielen.catalogus import GEEN_AANVULLING, Aanvulling, zoek_zzp


def valideer_aanvulling(data: Any) -> AanvullingBestand:
    bestand = valideer(AanvullingBestand, data)
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


def laad_aanvulling(fabriek: sessionmaker[Session], data: Any, nu: datetime | None = None) -> int:
    """Validate and store a supplement, replacing the previous one in one transaction. Returns the number of entries.

    Readers on any worker or host see either the old or the new supplement, never a mix; two loads at the same
    time are serialised (a table lock on PostgreSQL, the single writer on SQLite).
    """
    bestand = valideer_aanvulling(data)
    rijen = []
    tijd = nu or datetime.now(UTC)
    for item in bestand.zzp:
        z = zoek_zzp(item.code)
        assert z is not None
        inhoud = {**item.model_dump(mode="json"), "code": z.code}
        rijen.append(ZzpAanvulling(code=z.code, inhoud=json.dumps(inhoud, sort_keys=True), geladen_op=tijd))
    with fabriek() as s, s.begin():
        if s.get_bind().dialect.name == "postgresql":
            s.execute(text("LOCK TABLE zzp_aanvulling IN EXCLUSIVE MODE"))
        s.execute(delete(ZzpAanvulling))
        s.add_all(rijen)
    return len(rijen)


def huidige_aanvulling(s: Session) -> Aanvulling:
    """The supplement as stored; its fingerprint is the sha256 of the sorted (code, canonical JSON) pairs."""
    rijen = s.execute(select(ZzpAanvulling.code, ZzpAanvulling.inhoud)).all()
    return Aanvulling(tuple(sorted((code, inhoud) for code, inhoud in rijen))) if rijen else GEEN_AANVULLING


def aanvulling_uit_database(fabriek: sessionmaker[Session]) -> Aanvulling:
    with fabriek() as s:
        return huidige_aanvulling(s)


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
