"""Authorisation by role AND organisation for every endpoint, and audit completeness (NEN 7513 style).

The client used here has an agreement with De Linde: visible to the assessor, De Linde and the zorgkantoor of its
region; invisible to Het Anker (404, never 403, so its existence is not leaked); the beheerder sees no client data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import select

from tests.api.conftest import Api
from tests.iwlz.conftest import valideer_xsd
from tests.iwlz.test_aw_en_retour import retour
from zorgzwaarte.demo.gegevens import demo_tarieven_csv
from zorgzwaarte.opslag.modellen import (
    Beoordeling,
    Client,
    Contract,
    GeleverdeZorg,
    Indicatiebesluit,
    Organisatie,
    Toewijzing,
    Zorgleveringsovereenkomst,
    Zorgplan,
)

ROLLEN = ("beoordelaar", "linde", "anker", "zorgkantoor", "beheerder")
VOLLEDIG = {
    "peildatum": "2014-03-10",
    "grondslagen": ["01"],
    "beperkingscores": {"0301": 3},
    "zorgmomenten": [{"per_week": 7, "handelingen": ["PV-1.1-2"]}],
    "overgang_2014_uitzondering": "geen",  # decided on the test clock's day in December 2014 (Zir art. 1 lid 4-5)
}


@dataclass
class Ctx:
    client_id: int
    overeenkomst_id: int
    zorgplan_id: int
    besluit_id: int
    concept_id: int  # a complete draft (for definitief)
    definitief_id: int  # definitive, no decision yet
    linde_id: int
    contract_id: int
    api: Api
    toewijzing_id: int = 0
    toewijzing_body: dict[str, Any] | None = None

    def versie(self, model: Any, ident: int) -> int:
        with self.api.fabriek() as s:
            return int(s.get(model, ident).versie)


def maak_ctx(api: Api) -> Ctx:
    with api.fabriek() as s:
        linde = s.scalars(select(Organisatie).where(Organisatie.naam.like("%Linde%"))).one()
        ov = s.scalars(
            select(Zorgleveringsovereenkomst)
            .where(Zorgleveringsovereenkomst.zorgaanbieder_id == linde.id)
            .order_by(Zorgleveringsovereenkomst.id)
        ).first()
        assert ov is not None
        zp = s.scalars(select(Zorgplan).where(Zorgplan.overeenkomst_id == ov.id)).one()
        ib = s.scalars(select(Indicatiebesluit).where(Indicatiebesluit.client_id == ov.client_id)).first()
        assert ib is not None
        contract = s.scalars(select(Contract).where(Contract.zorgaanbieder_id == linde.id)).first()
        assert contract is not None
        ids = (ov.client_id, ov.id, zp.id, ib.id, linde.id, contract.id)
        zk = s.scalars(select(Organisatie).where(Organisatie.soort == "zorgkantoor")).first()
        assert zk is not None
        t = Toewijzing(  # the zorgkantoor's toewijzing of the agreement's decision to linde (AW33)
            client_id=ov.client_id,
            indicatiebesluit_id=ov.indicatiebesluit_id,
            zorgaanbieder_id=linde.id,
            zorgkantoor_id=zk.id,
            leveringsvorm=ov.leveringsvorm,
            ingangsdatum=ov.ingangsdatum,
            vastgelegd_op=ov.vastgelegd_op,
        )
        s.add(t)
        s.commit()
        toewijzing = (
            t.id,
            {
                "zorgaanbieder_id": linde.id,
                "indicatiebesluit_id": ov.indicatiebesluit_id,
                "leveringsvorm": ov.leveringsvorm,
                "ingangsdatum": ov.ingangsdatum.isoformat(),
            },
        )
    b = api.als("beoordelaar")
    concept = b.post(f"/api/v1/clienten/{ids[0]}/beoordelingen", json={"invoer": VOLLEDIG}).json()
    defi = b.post(f"/api/v1/clienten/{ids[0]}/beoordelingen", json={"invoer": VOLLEDIG}).json()
    defi = b.post(f"/api/v1/beoordelingen/{defi['id']}/definitief", json={"versie": defi["versie"]}).json()
    assert defi["status"] == "definitief"
    return Ctx(ids[0], ids[1], ids[2], ids[3], concept["id"], defi["id"], ids[4], ids[5], api, *toewijzing)


@dataclass
class Eindpunt:
    methode: str
    pad: str  # OpenAPI path template
    url: Callable[[Ctx], str]
    body: Callable[[Ctx], Any] | None
    verwacht: dict[str, int]
    audit: bool = True  # must write at least one audit line for every caller
    xml: Callable[[Ctx], bytes] | None = None  # raw body (XML, or CSV) instead of JSON
    inhoudstype: str = "application/xml"


def alle(code: int, **uitzonderingen: int) -> dict[str, int]:
    return {r: uitzonderingen.get(r, code) for r in ROLLEN}


def plan(ctx: Ctx) -> dict[str, Any]:
    return {
        "vastgesteld_op": "2014-05-01",
        "domeinen": {"wonen": {"doelen": ["Veilig wonen"]}},
        "gepland": [{"functie": "ZZP", "uren_per_week": 0}],
    }


_week = iter(range(100))


def geleverd(ctx: Ctx) -> dict[str, Any]:
    with ctx.api.fabriek() as s:
        laatste = s.scalars(
            select(GeleverdeZorg.week)
            .where(GeleverdeZorg.overeenkomst_id == ctx.overeenkomst_id)
            .order_by(GeleverdeZorg.week.desc())
        ).first()
    from datetime import timedelta

    assert laatste is not None
    return {"overeenkomst_id": ctx.overeenkomst_id, "week": (laatste + timedelta(weeks=1)).isoformat(), "uren": []}


A = "/api/v1"
EINDPUNTEN = [
    Eindpunt("GET", f"{A}/clienten", lambda c: f"{A}/clienten", None, alle(200, beheerder=403)),
    Eindpunt(
        "POST",
        f"{A}/clienten",
        lambda c: f"{A}/clienten",
        lambda c: {"bsn": "abc", "geslachtsnaam": "X", "geboortedatum": "1950-01-01"},
        alle(422, zorgkantoor=403, beheerder=403),
    ),
    Eindpunt(
        "POST",
        f"{A}/clienten/zoeken",
        lambda c: f"{A}/clienten/zoeken",
        lambda c: {"bsn": "123456782"},
        alle(404, beheerder=403),
    ),
    Eindpunt(
        "GET",
        f"{A}/clienten/{{client_id}}",
        lambda c: f"{A}/clienten/{c.client_id}",
        None,
        alle(200, anker=404, beheerder=403),
    ),
    Eindpunt(
        "PATCH",
        f"{A}/clienten/{{client_id}}",
        lambda c: f"{A}/clienten/{c.client_id}",
        lambda c: {"versie": c.versie(Client, c.client_id), "woonplaats": "Zeist"},
        alle(200, anker=404, zorgkantoor=403, beheerder=403),
    ),
    Eindpunt(
        "GET",
        f"{A}/clienten/{{client_id}}/tijdlijn",
        lambda c: f"{A}/clienten/{c.client_id}/tijdlijn",
        None,
        alle(200, anker=404, beheerder=403),
    ),
    Eindpunt(
        "GET",
        f"{A}/clienten/{{client_id}}/beoordelingen",
        lambda c: f"{A}/clienten/{c.client_id}/beoordelingen",
        None,
        alle(403, beoordelaar=200),
    ),
    Eindpunt(
        "POST",
        f"{A}/clienten/{{client_id}}/beoordelingen",
        lambda c: f"{A}/clienten/{c.client_id}/beoordelingen",
        lambda c: {"invoer": {}},
        alle(403, beoordelaar=201),
    ),
    Eindpunt(
        "GET",
        f"{A}/beoordelingen/{{beoordeling_id}}",
        lambda c: f"{A}/beoordelingen/{c.concept_id}",
        None,
        alle(403, beoordelaar=200),
    ),
    Eindpunt(
        "PUT",
        f"{A}/beoordelingen/{{beoordeling_id}}",
        lambda c: f"{A}/beoordelingen/{c.concept_id}",
        lambda c: {"invoer": VOLLEDIG, "versie": c.versie(Beoordeling, c.concept_id)},
        alle(403, beoordelaar=200),
    ),
    Eindpunt(
        "POST",
        f"{A}/beoordelingen/{{beoordeling_id}}/voorbeeld",
        lambda c: f"{A}/beoordelingen/{c.concept_id}/voorbeeld",
        None,
        alle(403, beoordelaar=200),
    ),
    Eindpunt(
        "POST",
        f"{A}/beoordelingen/{{beoordeling_id}}/definitief",
        lambda c: f"{A}/beoordelingen/{c.concept_id}/definitief",
        lambda c: {"versie": c.versie(Beoordeling, c.concept_id)},
        alle(403, beoordelaar=200),
    ),
    Eindpunt(
        "POST",
        f"{A}/beoordelingen/{{beoordeling_id}}/correctie",
        lambda c: f"{A}/beoordelingen/{c.definitief_id}/correctie",
        None,
        alle(403, beoordelaar=201),
    ),
    Eindpunt(
        "POST",
        f"{A}/beoordelingen/{{beoordeling_id}}/indicatiebesluit",
        lambda c: f"{A}/beoordelingen/{c.definitief_id}/indicatiebesluit",
        lambda c: {"versie": c.versie(Beoordeling, c.definitief_id)},
        alle(403, beoordelaar=201),
    ),
    Eindpunt(
        "GET",
        f"{A}/clienten/{{client_id}}/indicatiebesluiten",
        lambda c: f"{A}/clienten/{c.client_id}/indicatiebesluiten",
        None,
        alle(200, anker=404, beheerder=403),
    ),
    Eindpunt(
        "GET",
        f"{A}/indicatiebesluiten/{{besluit_id}}",
        lambda c: f"{A}/indicatiebesluiten/{c.besluit_id}",
        None,
        alle(200, anker=404, beheerder=403),
    ),
    Eindpunt(
        "GET",
        f"{A}/indicatiebesluiten/{{besluit_id}}/brief",
        lambda c: f"{A}/indicatiebesluiten/{c.besluit_id}/brief",
        None,
        alle(200, anker=404, beheerder=403),
    ),
    Eindpunt(
        "GET",
        f"{A}/clienten/{{client_id}}/overeenkomsten",
        lambda c: f"{A}/clienten/{c.client_id}/overeenkomsten",
        None,
        alle(200, anker=404, beheerder=403),
    ),
    Eindpunt(
        "POST",
        f"{A}/clienten/{{client_id}}/overeenkomsten",
        lambda c: f"{A}/clienten/{c.client_id}/overeenkomsten",
        lambda c: {"zorgaanbieder_id": c.linde_id, "leveringsvorm": "pgb", "ingangsdatum": "2014-06-01"},
        alle(201, beoordelaar=403, anker=404, beheerder=403),
    ),
    Eindpunt(
        "GET",
        f"{A}/overeenkomsten/{{overeenkomst_id}}",
        lambda c: f"{A}/overeenkomsten/{c.overeenkomst_id}",
        None,
        alle(200, anker=404, beheerder=403),
    ),
    Eindpunt(
        "PATCH",
        f"{A}/overeenkomsten/{{overeenkomst_id}}",
        lambda c: f"{A}/overeenkomsten/{c.overeenkomst_id}",
        lambda c: {"versie": c.versie(Zorgleveringsovereenkomst, c.overeenkomst_id), "einddatum": None},
        alle(200, beoordelaar=403, anker=404, beheerder=403),
    ),
    Eindpunt(
        "POST",
        f"{A}/overeenkomsten/{{overeenkomst_id}}/zorgplannen",
        lambda c: f"{A}/overeenkomsten/{c.overeenkomst_id}/zorgplannen",
        plan,
        alle(403, linde=201, anker=404),
    ),
    Eindpunt(
        "GET",
        f"{A}/clienten/{{client_id}}/zorgplannen",
        lambda c: f"{A}/clienten/{c.client_id}/zorgplannen",
        None,
        alle(403, linde=200, anker=404),
    ),
    Eindpunt(
        "GET",
        f"{A}/zorgplannen/{{zorgplan_id}}",
        lambda c: f"{A}/zorgplannen/{c.zorgplan_id}",
        None,
        alle(403, linde=200, anker=404),
    ),
    Eindpunt(
        "PUT",
        f"{A}/zorgplannen/{{zorgplan_id}}",
        lambda c: f"{A}/zorgplannen/{c.zorgplan_id}",
        lambda c: {**plan(c), "versie": c.versie(Zorgplan, c.zorgplan_id)},
        alle(403, linde=200, anker=404),
    ),
    Eindpunt(
        "GET",
        f"{A}/clienten/{{client_id}}/rapportages",
        lambda c: f"{A}/clienten/{c.client_id}/rapportages",
        None,
        alle(403, linde=200, anker=404),
    ),
    Eindpunt(
        "POST",
        f"{A}/clienten/{{client_id}}/rapportages",
        lambda c: f"{A}/clienten/{c.client_id}/rapportages",
        lambda c: {"datum": "2014-06-02", "tekst": "Rustige week."},
        alle(403, linde=201, anker=404),
    ),
    Eindpunt(
        "GET",
        f"{A}/clienten/{{client_id}}/geleverde-zorg",
        lambda c: f"{A}/clienten/{c.client_id}/geleverde-zorg",
        None,
        alle(403, linde=200, zorgkantoor=200, anker=404),
    ),
    Eindpunt(
        "POST",
        f"{A}/clienten/{{client_id}}/geleverde-zorg",
        lambda c: f"{A}/clienten/{c.client_id}/geleverde-zorg",
        geleverd,
        alle(403, linde=201, anker=404),
    ),
    Eindpunt(
        "GET",
        f"{A}/indicatiebesluiten/{{besluit_id}}/io31",
        lambda c: f"{A}/indicatiebesluiten/{c.besluit_id}/io31",
        None,
        alle(403, beoordelaar=200, zorgkantoor=200),
    ),
    Eindpunt(
        "POST",
        f"{A}/iwlz/io31",
        lambda c: f"{A}/iwlz/io31",
        None,
        alle(403, beoordelaar=201, zorgkantoor=201),
        xml=lambda c: io31_van(c),
    ),
    Eindpunt(
        "GET",
        f"{A}/clienten/{{client_id}}/toewijzingen",
        lambda c: f"{A}/clienten/{c.client_id}/toewijzingen",
        None,
        alle(403, linde=200, anker=404, zorgkantoor=200),
    ),
    Eindpunt(
        "POST",
        f"{A}/clienten/{{client_id}}/toewijzingen",
        lambda c: f"{A}/clienten/{c.client_id}/toewijzingen",
        lambda c: c.toewijzing_body,
        alle(403, zorgkantoor=201),
    ),
    Eindpunt(
        "GET",
        f"{A}/toewijzingen/{{toewijzing_id}}",
        lambda c: f"{A}/toewijzingen/{c.toewijzing_id}",
        None,
        alle(403, linde=200, anker=404, zorgkantoor=200),
    ),
    Eindpunt(
        "GET",
        f"{A}/toewijzingen/{{toewijzing_id}}/aw33",
        lambda c: f"{A}/toewijzingen/{c.toewijzing_id}/aw33",
        None,
        alle(403, linde=200, anker=404, zorgkantoor=200),
    ),
    Eindpunt(
        "GET",
        f"{A}/overeenkomsten/{{overeenkomst_id}}/aw33",
        lambda c: f"{A}/overeenkomsten/{c.overeenkomst_id}/aw33",
        None,
        alle(403, zorgkantoor=200),
    ),
    Eindpunt(
        "GET",
        f"{A}/overeenkomsten/{{overeenkomst_id}}/aw35",
        lambda c: f"{A}/overeenkomsten/{c.overeenkomst_id}/aw35",
        None,
        alle(403, linde=200, anker=404),
    ),
    Eindpunt(
        "POST",
        f"{A}/overeenkomsten/{{overeenkomst_id}}/aw39",
        lambda c: f"{A}/overeenkomsten/{c.overeenkomst_id}/aw39",
        lambda c: {"mutatiecode": "19", "mutatiedatum": "2014-12-01"},
        alle(403, linde=200, anker=404),
    ),
    Eindpunt(
        "POST",
        f"{A}/iwlz/retour",
        lambda c: f"{A}/iwlz/retour",
        None,
        alle(200, beheerder=403),
        xml=lambda c: retour("aw36", ["0200"]),
    ),
    Eindpunt(
        "POST",
        f"{A}/tarieven",
        lambda c: f"{A}/tarieven?naam=Test",
        None,
        alle(403, zorgkantoor=201, beheerder=201),
        xml=lambda c: demo_tarieven_csv().encode("utf-8"),
        inhoudstype="text/csv",
    ),
    Eindpunt("GET", f"{A}/tarieven", lambda c: f"{A}/tarieven", None, alle(200)),
    Eindpunt(
        "POST",
        f"{A}/tarieven/voorbeeld",
        lambda c: f"{A}/tarieven/voorbeeld?naam=Test",
        None,
        alle(403, zorgkantoor=200, beheerder=200),
        xml=lambda c: demo_tarieven_csv().encode("utf-8"),
        inhoudstype="text/csv",
    ),
    Eindpunt("GET", f"{A}/tarieven/jaar/{{jaar}}", lambda c: f"{A}/tarieven/jaar/2016", None, alle(200)),
    Eindpunt(
        "POST",
        f"{A}/contracten",
        lambda c: f"{A}/contracten",
        lambda c: {
            "zorgaanbieder_id": c.linde_id,
            "jaar": 2017 + next(_week),
            "afspraken": [{"prestatiecode": "4VV", "percentage": 97, "productie_dagen": 100}],
        },
        alle(403, zorgkantoor=201),
    ),
    Eindpunt(
        "GET",
        f"{A}/contracten/{{contract_id}}",
        lambda c: f"{A}/contracten/{c.contract_id}",
        None,
        alle(403, linde=200, zorgkantoor=200, anker=404),
    ),
    Eindpunt(
        "GET",
        f"{A}/contracten/{{contract_id}}/dagtarief",
        lambda c: f"{A}/contracten/{c.contract_id}/dagtarief?dag=2014-03-01",
        None,
        alle(403, linde=200, zorgkantoor=200, anker=404),
    ),
    Eindpunt(
        "POST",
        f"{A}/contracten/{{contract_id}}/realisatie",
        lambda c: f"{A}/contracten/{c.contract_id}/realisatie",
        lambda c: {"regels": [{"prestatie": "4VV", "dagen": 31}]},
        alle(403, linde=200, zorgkantoor=200, anker=404),
    ),
    Eindpunt("GET", f"{A}/audit", lambda c: f"{A}/audit", None, alle(403, beheerder=200)),
    Eindpunt("GET", f"{A}/audit/export", lambda c: f"{A}/audit/export", None, alle(403, beheerder=200)),
    Eindpunt(
        "POST",
        f"{A}/gebruikers",
        lambda c: f"{A}/gebruikers",
        lambda c: {
            "gebruikersnaam": f"nieuw{next(_week)}",
            "naam": "Nieuwe Beoordelaar",
            "wachtwoord": "lang-genoeg-ww",
            "rol": "beoordelaar",
            "organisatie_id": 2,
        },
        alle(403, beheerder=201),
    ),
    Eindpunt(
        "POST",
        f"{A}/indicatiebesluiten/{{besluit_id}}/vervallen",
        lambda c: f"{A}/indicatiebesluiten/{c.besluit_id}/vervallen",
        lambda c: {"vervaldatum": "geen datum", "versie": 1},
        alle(403, beoordelaar=422),
    ),
    Eindpunt("GET", f"{A}/iwlz/notificaties", lambda c: f"{A}/iwlz/notificaties", None, alle(403, beheerder=200)),
    Eindpunt(
        "POST",
        f"{A}/iwlz/notificaties/{{notificatie_id}}/opnieuw",
        lambda c: f"{A}/iwlz/notificaties/999999/opnieuw",
        None,
        alle(403, beheerder=404),
    ),
    Eindpunt("GET", f"{A}/aanmeldblokkades", lambda c: f"{A}/aanmeldblokkades", None, alle(403, beheerder=200)),
    Eindpunt(
        "POST",
        f"{A}/gebruikers/{{gebruiker_id}}/ontgrendelen",
        lambda c: f"{A}/gebruikers/1/ontgrendelen",
        None,
        alle(403, beheerder=200),
    ),
]
# Routes without client data: no audit line required (but authentication still is).
ZONDER_CLIENTGEGEVENS = {
    ("POST", f"{A}/auth/token"),
    ("POST", f"{A}/auth/uitloggen"),
    ("GET", f"{A}/mij"),
    ("GET", f"{A}/aanspraken"),
    ("POST", f"{A}/aanspraken/{{naam}}"),
    ("POST", f"{A}/indiceer"),
    ("POST", f"{A}/declareer"),  # computes from the body only; stores and reads no record
    ("POST", f"{A}/declareer/pdf"),
    ("POST", f"{A}/pgb"),
    ("GET", f"{A}/organisaties"),
    ("GET", "/gezondheid"),
    ("GET", "/gereed"),  # the readiness probe: no login, no client data (tests/api/test_gereed.py)
    ("POST", f"{A}/iwlz/io31/export"),  # computes from the body only; stores and reads no client record
    ("GET", f"{A}/iwlz/indicatieregister/schema.graphql"),  # the public schema
    # GraphQL answers in its own error format (RFC0040); roles, organisation codes and audit: tests/register
    ("POST", f"{A}/iwlz/indicatieregister/graphql"),
    ("POST", f"{A}/iwlz/netwerkpunt/graphql"),
}


def io31_van(ctx: Ctx) -> bytes:
    r = ctx.api.als("beoordelaar").get(f"{A}/indicatiebesluiten/{ctx.besluit_id}/io31")
    assert r.status_code == 200
    return r.content


@pytest.mark.parametrize("eindpunt", EINDPUNTEN, ids=[f"{e.methode} {e.pad}" for e in EINDPUNTEN])
def test_rol_en_organisatie_per_eindpunt(api: Api, eindpunt: Eindpunt) -> None:
    ctx = maak_ctx(api)
    # the assessor last: its (permitted) writes change state the other roles' checks do not depend on
    for rol in ("linde", "anker", "zorgkantoor", "beheerder", "beoordelaar"):
        api.als(rol)  # log in first: the login has its own audit line
        body = eindpunt.body(ctx) if eindpunt.body else None
        inhoud = eindpunt.xml(ctx) if eindpunt.xml else None  # built before counting: fetching it is audited too
        voor = api.audit_aantal()
        if inhoud is not None:
            r = api.als(rol).request(
                eindpunt.methode, eindpunt.url(ctx), content=inhoud, headers={"content-type": eindpunt.inhoudstype}
            )
        else:
            r = api.als(rol).request(eindpunt.methode, eindpunt.url(ctx), json=body)
        assert r.status_code == eindpunt.verwacht[rol], f"{rol}: {r.status_code} {r.text[:300]}"
        if r.status_code >= 400:
            assert "fouten" in r.json() and r.json()["fouten"][0]["melding"]
        elif r.headers["content-type"].startswith("application/xml"):
            bericht = eindpunt.pad.rsplit("/", 1)[-1]
            assert valideer_xsd(r.content, bericht) == [], bericht
        if eindpunt.audit:
            nieuw = api.audit_sinds(voor)
            assert nieuw, f"{rol}: {eindpunt.methode} {eindpunt.pad} schreef geen auditregel"
            uitkomst = {200: "toegestaan", 201: "toegestaan", 403: "geweigerd", 404: "niet_gevonden", 422: "ongeldig"}
            assert uitkomst[r.status_code] in {a.uitkomst for a in nieuw}, [a.uitkomst for a in nieuw]
            assert all(a.gebruikersnaam == rol for a in nieuw)
            if "{client_id}" in eindpunt.pad and r.status_code < 300:
                assert ctx.client_id in {a.client_id for a in nieuw}


def test_elk_eindpunt_staat_in_de_tabel(api: Api) -> None:
    """A new route without a line here fails: every route is checked for roles and audit."""
    routes = {(m.upper(), pad) for pad, item in api.app.openapi()["paths"].items() for m in item}
    gedekt = {(e.methode, e.pad) for e in EINDPUNTEN} | ZONDER_CLIENTGEGEVENS
    assert routes == gedekt, f"niet gedekt: {routes - gedekt}; verouderd: {gedekt - routes}"


def test_auditlog_is_onveranderlijk_en_opvraagbaar(api: Api) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import DatabaseError

    maak_ctx(api)
    lijst = api.als("beheerder").get("/api/v1/audit", params={"per_pagina": 5}).json()
    assert lijst["totaal"] > 0 and len(lijst["items"]) == 5
    export = api.als("beheerder").get("/api/v1/audit/export")
    assert export.headers["content-type"].startswith("text/csv") and export.text.startswith("id;tijdstip;")
    with pytest.raises(DatabaseError), api.engine.begin() as conn:
        conn.execute(text("UPDATE auditregel SET uitkomst = 'x'"))
    with pytest.raises(DatabaseError), api.engine.begin() as conn:
        conn.execute(text("DELETE FROM auditregel"))
