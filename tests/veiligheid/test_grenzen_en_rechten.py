"""Issue 12, items 2, 3, 9 and 10: bounded numbers (audited), model lengths equal to the database's, the regio
only changed by the beoordelaar, and every audit line of a request that names a client carries that client."""

from __future__ import annotations

from typing import Any, Literal, get_args, get_origin

import pytest
from pydantic import BaseModel
from sqlalchemy import String, select

from tests.api.conftest import Api
from zorgzwaarte.domein import records as d
from zorgzwaarte.opslag import modellen as m
from zorgzwaarte.opslag.modellen import Auditregel


@pytest.mark.parametrize(
    "pad",
    [
        "/api/v1/clienten/9223372036854775808",
        "/api/v1/clienten/2147483648",
        "/api/v1/clienten/2147483648/beoordelingen",
        "/api/v1/indicatiebesluiten/99999999999999999999999",
        "/api/v1/clienten?pagina=4611686018427387904",
        "/api/v1/clienten?per_pagina=100000",
        "/api/v1/audit?pagina=100000000000000000000",
        "/api/v1/audit?client_id=9223372036854775808",
    ],
)
def test_getallen_buiten_het_bereik_geven_422_met_auditregel(api_beide: Api, pad: str) -> None:
    """Item 2: ids and page numbers beyond the database's integer range: 422 (never 500), and audited."""
    api = api_beide
    rol = "beheerder" if "/audit" in pad else "beoordelaar"
    c = api.als(rol)
    n = api.audit_aantal()
    r = c.get(pad)
    assert r.status_code == 422, r.text
    assert r.json()["fouten"][0]["melding"]
    regels = api.audit_sinds(n)
    assert [(a.actie, a.uitkomst, a.gebruikersnaam) for a in regels] == [("verzoek.ongeldig", "ongeldig", rol)]
    assert pad.split("?")[0] in (regels[0].details or "")


def test_grote_getallen_in_de_inhoud_geven_422(api_beide: Api) -> None:
    """Item 2: numbers in a body (organisatie_id, versie, overeenkomst_id) are bounded too."""
    api = api_beide
    c = api.eerste_client("linde")
    r = api.als("linde").patch(f"/api/v1/clienten/{c['id']}", json={"versie": 2**63, "woonplaats": "Utrecht"})
    assert r.status_code == 422, r.text
    r = api.als("linde").post(
        f"/api/v1/clienten/{c['id']}/geleverde-zorg", json={"overeenkomst_id": 2**40, "week": "2014-11-24"}
    )
    assert r.status_code == 422, r.text
    r = api.als("beheerder").post(
        "/api/v1/gebruikers",
        json={
            "gebruikersnaam": "nieuw",
            "naam": "N",
            "wachtwoord": "lang-genoeg-1",
            "rol": "beheerder",
            "organisatie_id": 2**33,
        },
    )
    assert r.status_code == 422, r.text


def _literals(soort: Any) -> list[str]:
    if get_origin(soort) is Literal:
        return [str(a) for a in get_args(soort)]
    return [w for a in get_args(soort) for w in _literals(a)]


PAREN: list[tuple[type[BaseModel], type[m.Basis]]] = [
    (d.ClientNieuw, m.Client),
    (d.ClientWijziging, m.Client),
    (d.GebruikerNieuw, m.Gebruiker),
    (d.RapportageNieuw, m.Rapportage),
]


@pytest.mark.parametrize(("model", "tabel"), PAREN, ids=lambda x: x.__name__)
def test_maximale_lengte_gelijk_aan_de_database(model: type[BaseModel], tabel: type[m.Basis]) -> None:
    """Item 3: every text field stored in a String(n) column has max_length n in the input model."""
    kolommen = tabel.__table__.columns  # type: ignore[attr-defined]
    gecontroleerd = 0
    for naam, veld in model.model_fields.items():
        if naam not in kolommen or not isinstance(kolommen[naam].type, String) or kolommen[naam].type.length is None:
            continue
        if naam in ("bsn", "postcode", "geslacht", "rol", "wachtwoord_hash"):
            continue  # normalised by a validator or a fixed list, never longer than the column
        keuzes = _literals(veld.annotation)
        if keuzes:  # a fixed list of values: each must fit
            assert max(len(k) for k in keuzes) <= kolommen[naam].type.length, naam
            gecontroleerd += 1
            continue
        maxima = [getattr(x, "max_length", None) for x in veld.metadata]
        assert kolommen[naam].type.length in maxima, (
            f"{model.__name__}.{naam}: {maxima} != {kolommen[naam].type.length}"
        )
        gecontroleerd += 1
    assert gecontroleerd >= 1


def test_lang_voorvoegsel_geeft_422_en_wordt_niet_opgeslagen(api_beide: Api) -> None:
    """Item 3: PATCH with a 5,000-character voorvoegsel: 422 on both databases, nothing stored."""
    api = api_beide
    c = api.eerste_client("beoordelaar")
    r = api.als("beoordelaar").patch(
        f"/api/v1/clienten/{c['id']}", json={"versie": c["versie"], "voorvoegsel": "v" * 5000}
    )
    assert r.status_code == 422, r.text
    assert r.json()["fouten"][0]["veld"] == "voorvoegsel"
    assert api.als("beoordelaar").get(f"/api/v1/clienten/{c['id']}").json()["voorvoegsel"] == c["voorvoegsel"]


def test_zorgaanbieder_mag_de_regio_niet_wijzigen(api_beide: Api) -> None:
    """Item 9: a provider moving its client to another regio gets 403 (audited, with the client); the
    zorgkantoor keeps seeing the client. The beoordelaar may change the regio."""
    api = api_beide
    c = api.eerste_client("linde")
    n = api.audit_aantal()
    r = api.als("linde").patch(f"/api/v1/clienten/{c['id']}", json={"versie": c["versie"], "regio": "Elders"})
    assert r.status_code == 403, r.text
    assert [(a.actie, a.uitkomst, a.client_id) for a in api.audit_sinds(n)] == [
        ("client.wijzigen", "geweigerd", c["id"])
    ]
    # same regio, other fields: allowed
    r = api.als("linde").patch(
        f"/api/v1/clienten/{c['id']}", json={"versie": c["versie"], "regio": c["regio"], "woonplaats": "Zeist"}
    )
    assert r.status_code == 200, r.text
    r = api.als("beoordelaar").patch(
        f"/api/v1/clienten/{c['id']}", json={"versie": r.json()["versie"], "regio": "Elders"}
    )
    assert r.status_code == 200, r.text


def _ids(api: Api, gebruiker: str) -> dict[str, Any]:
    """A record of each kind of one client the provider has a zorgplan for."""
    with api.fabriek() as s:
        org = s.scalars(select(m.Gebruiker.organisatie_id).where(m.Gebruiker.gebruikersnaam == gebruiker)).one()
        z = s.scalars(
            select(m.Zorgplan)
            .join(m.Zorgleveringsovereenkomst, m.Zorgplan.overeenkomst_id == m.Zorgleveringsovereenkomst.id)
            .where(m.Zorgleveringsovereenkomst.zorgaanbieder_id == org)
        ).first()
        assert z is not None
        b = s.scalars(select(m.Indicatiebesluit).where(m.Indicatiebesluit.client_id == z.client_id)).first()
        bo = s.scalars(select(m.Beoordeling).where(m.Beoordeling.client_id == z.client_id)).first()
        assert b and bo
        return {
            "client": z.client_id,
            "zorgplan": z.id,
            "overeenkomst": z.overeenkomst_id,
            "besluit": b.id,
            "beoordeling": bo.id,
        }


def test_elke_auditregel_van_een_verzoek_over_een_client_noemt_de_client(api: Api) -> None:
    """Item 10: refused and failed attempts on a client's record carry the client (also besluit.vastleggen and
    zorgplan.aanmaken, whose object does not exist yet)."""
    ids = _ids(api, "linde")
    verzoeken = [
        ("zorgkantoor", "POST", f"/api/v1/beoordelingen/{ids['beoordeling']}/indicatiebesluit", {"versie": 1}),
        ("linde", "POST", f"/api/v1/beoordelingen/{ids['beoordeling']}/indicatiebesluit", {"versie": 1}),
        ("beoordelaar", "POST", f"/api/v1/beoordelingen/{ids['beoordeling']}/indicatiebesluit", {"versie": 999}),
        ("beoordelaar", "POST", f"/api/v1/overeenkomsten/{ids['overeenkomst']}/zorgplannen", {}),
        ("zorgkantoor", "POST", f"/api/v1/overeenkomsten/{ids['overeenkomst']}/zorgplannen", {}),
        ("linde", "POST", f"/api/v1/overeenkomsten/{ids['overeenkomst']}/zorgplannen", {"domeinen": 1}),
        ("beoordelaar", "GET", f"/api/v1/zorgplannen/{ids['zorgplan']}", None),
        ("zorgkantoor", "GET", f"/api/v1/beoordelingen/{ids['beoordeling']}", None),
        ("linde", "PUT", f"/api/v1/beoordelingen/{ids['beoordeling']}", {"versie": 1}),
        ("beoordelaar", "PUT", f"/api/v1/zorgplannen/{ids['zorgplan']}", {"versie": 1}),
        ("beheerder", "GET", f"/api/v1/indicatiebesluiten/{ids['besluit']}", None),
        ("beheerder", "GET", f"/api/v1/overeenkomsten/{ids['overeenkomst']}", None),
        ("beheerder", "GET", f"/api/v1/clienten/{ids['client']}/zorgplannen", None),
    ]
    for rol, methode, pad, body in verzoeken:
        c = api.als(rol)
        n = api.audit_aantal()
        r = c.request(methode, pad, json=body)
        assert r.status_code in (403, 404, 409, 422), (rol, pad, r.status_code, r.text)
        regels: list[Auditregel] = api.audit_sinds(n)
        assert regels, (rol, pad)
        for a in regels:
            assert a.client_id == ids["client"], (rol, pad, a.actie, a.uitkomst, a.client_id)
