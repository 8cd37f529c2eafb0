"""Warm-up of a server worker: build what the first requests would otherwise build, before the worker serves.

Everything here is kept per process for as long as it lives and is the same for every user: the parsed parameter
files and every regelset resolved for each period of its values, the regelsets' fingerprints (the receipt's and
the read cache's `regelsets_kenmerk`), the ZZP catalogue, the ZZP supplement as stored (kept under the mark of its
load, diensten/beheer.py) and the statements every request runs (SQLAlchemy compiles a statement once per engine).
Without this the first previews and indications of each worker parsed YAML and hashed every parameter while users
waited (docs/benchmarks.md). Nothing of a user or a client is read or kept here.
"""

from __future__ import annotations

import time
from dataclasses import replace

from sqlalchemy.orm import Session, sessionmaker

from zorgzwaarte.diensten.auth import lees_token_en_versie
from zorgzwaarte.diensten.beheer import huidige_aanvulling
from zorgzwaarte.diensten.leescache import regelsets_kenmerk
from zorgzwaarte.diensten.toegang import ROLNAMEN, _zichtbare_client_vraag
from zorgzwaarte.regels.profielen.catalogus import catalogus, meerzorg_onder_a
from zorgzwaarte.regels.regelset import (
    TEKSTBESTANDEN,
    onderwerpen,
    parameterbestanden,
    regelingen,
    regelsets,
    tabel_op,
    tekstbestand,
    wijzigdata,
)


def regels_inlezen() -> int:
    """Parse every parameter file and resolve it for each period of its values; every regelset's fingerprint for
    each of its periods; the read cache's fingerprint. Returns the number of (file, period) tables resolved."""
    regelingen()
    for bestand in TEKSTBESTANDEN:
        tekstbestand(bestand)
    tabellen = 0
    for onderwerp in onderwerpen():
        for r in regelsets(onderwerp):
            data = {r.geldig_van} | {
                d for b in r.bestanden for d in wijzigdata(b) if r.geldig_van <= d and r.geldt_op(d)
            }
            for d in sorted(data):
                op_dag = replace(r, peildatum=d)
                op_dag.kenmerk  # noqa: B018  (fills the fingerprint cache of this period)
                for b in r.bestanden:
                    op_dag.tabel(b)
                    tabellen += 1
    for bestand in parameterbestanden():  # also read outside a regelset (`tabel_op`): the newest values and each period
        for dag in (None, *wijzigdata(bestand)):
            tabel_op(bestand, dag)
            tabellen += 1
    regelsets_kenmerk()
    catalogus()
    meerzorg_onder_a()
    return tabellen


def statements_voorbereiden(fabriek: sessionmaker[Session]) -> None:
    """Run once the statements that (almost) every request runs, so each is compiled before the first request:
    the token check with the data version (an unknown token: no row), the ZZP supplement (read and kept), one
    client by id for each role (id 0: no row). Reads no user's or client's data."""
    with fabriek() as s:
        lees_token_en_versie(s.connection(), "")
        huidige_aanvulling(s)
        for rol in ROLNAMEN:
            for met_regio in (False, True):
                s.scalars(_zichtbare_client_vraag(rol, met_regio), {"client_id": 0, "org": 0, "regio": None}).first()
        s.rollback()


def opwarmen(fabriek: sessionmaker[Session]) -> float:
    """Everything above, in seconds; run by a worker before it accepts connections (api/app.py)."""
    begin = time.perf_counter()
    regels_inlezen()
    statements_voorbereiden(fabriek)
    return time.perf_counter() - begin
