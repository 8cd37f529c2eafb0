"""What every aggregate's use cases share: paging bounds, the optimistic version check, Dutch dates, the start of
a list of a client's records, a record as its zorgaanbieder may see it, and the output model of a stored record."""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel

from zorgzwaarte.diensten.datums import voluit
from zorgzwaarte.diensten.toegang import Actor, eis, zichtbare_client
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.domein.grenzen import MAX_PAGINA, MAX_PER_PAGINA
from zorgzwaarte.domein.records import iso
from zorgzwaarte.fouten import Conflict, InvoerFout, NietGevonden
from zorgzwaarte.opslag.modellen import Toewijzing, Zorgleveringsovereenkomst
from zorgzwaarte.regels.regelset import regelset_op


def pagina_grenzen(pagina: int, per_pagina: int) -> tuple[int, int]:
    if not 1 <= pagina <= MAX_PAGINA:
        raise InvoerFout.een("pagina", f"moet tussen 1 en {MAX_PAGINA} liggen")
    if not 1 <= per_pagina <= MAX_PER_PAGINA:
        raise InvoerFout.een("per_pagina", f"moet tussen 1 en {MAX_PER_PAGINA} liggen")
    return (pagina - 1) * per_pagina, per_pagina


def lijst_van_client(uow: Werkeenheid, client_id: int, actie: str, objecttype: str, recht: str) -> Actor:
    """The start of every list of a client's records: the read logged with the client, the right checked and the
    client visible to the actor (404 otherwise). Returns the actor, who narrows the list further."""
    actor = uow.ingelogd()
    uow.log(actie, objecttype, None, client_id)
    eis(actor, recht)
    zichtbare_client(uow.sessie, actor, client_id)
    return actor


A = TypeVar("A", Zorgleveringsovereenkomst, Toewijzing)


def record_van_aanbieder(uow: Werkeenheid, tabel: type[A], record_id: int, naam: str) -> A:
    """A record that names its zorgaanbieder, as the actor may see it: a provider only its own, every role only
    those of clients it may see; otherwise "<naam> niet gevonden" (404, existence not revealed)."""
    actor = uow.ingelogd()
    r = uow.sessie.get(tabel, record_id)
    if r is None or (actor.rol == "zorgaanbieder" and r.zorgaanbieder_id != actor.organisatie_id):
        raise NietGevonden(f"{naam} niet gevonden")
    zichtbare_client(uow.sessie, actor, r.client_id)
    return r


def controleer_versie(gelezen: int, huidig: int) -> None:
    if gelezen != huidig:
        raise Conflict(
            f"het record is intussen gewijzigd (u had versie {gelezen}, nu is het versie {huidig}); laad het opnieuw"
        )


def _nl(d: date) -> str:
    """A date in a text the screen or letter shows: '1 december 2014' (diensten.datums, one style everywhere)."""
    return voluit(d)


def beoordeling_omschrijving(invoer: dict[str, Any], volgnummer: int, status: str) -> str:
    """'Beoordeling Wlz, peildatum 6 januari 2015 (versie 1, concept)': the kind (AWBZ or Wlz, from the regelset of the
    peildatum) and the peildatum tell two assessments of one client apart; the version says which correction."""
    stelsel, peildatum = "", invoer.get("peildatum")
    try:
        dag = date.fromisoformat(str(peildatum))
    except ValueError:
        dag = None
    if dag is not None:
        with contextlib.suppress(InvoerFout):
            stelsel = f" {regelset_op('indicatie', dag).stelsel}"
    wanneer = f", peildatum {_nl(dag)}" if dag else ", peildatum onbekend"
    return f"Beoordeling{stelsel}{wanneer} (versie {volgnummer}, {status})"


U = TypeVar("U", bound=BaseModel)


def uit_record(model: type[U], record: object, **anders: Any) -> U:
    """The output model of a stored record: each field of `model` from the record's attribute of the same name (a
    date or moment as ISO text); `anders` gives the fields the record does not hold as such (a display name, the
    signals, the ruleset receipt)."""
    velden = {
        naam: _als_uitvoer(getattr(record, naam))
        for naam in model.model_fields
        if naam not in anders and hasattr(record, naam)
    }
    return model(**velden, **anders)


def _als_uitvoer(waarde: Any) -> Any:
    return iso(waarde) if isinstance(waarde, date) else waarde
