"""The care chain through the API: client -> beoordeling -> indicatiebesluit -> overeenkomst -> zorgplan -> zorg."""

from __future__ import annotations

from typing import Any

from tests.api.conftest import Api

BSN = "999990652"  # fictitious, passes the 11-proef (beyond the demo seed's numbers)
THUIS: dict[str, Any] = {
    "peildatum": "2014-03-10",
    "grondslagen": ["01"],
    "beperkingscores": {"0301": 3},
    "zorgmomenten": [{"per_week": 7, "handelingen": ["PV-1.1-2", "PV-1.2-1", "PV-1.2-4"]}],
    # recorded on the test clock's day, 1 December 2014: Zir art. 1 lid 4 and 5 ask whether an exemption applies
    "overgang_2014_uitzondering": "geen",
}


def maak_client(api: Api, bsn: str = BSN) -> dict[str, Any]:
    r = api.als("beoordelaar").post(
        "/api/v1/clienten",
        json={
            "bsn": bsn,
            "geslachtsnaam": "Testpersoon",
            "voorletters": "T.",
            "geboortedatum": "1940-02-01",
            "postcode": "3511 ab",
            "woonplaats": "Utrecht",
            "regio": "Midden (fictief)",
        },
    )
    assert r.status_code == 201, r.text
    return r.json()


def test_volledige_keten(api_beide: Api) -> None:
    """The whole chain, on SQLite and on PostgreSQL."""
    api = api_beide
    b = api.als("beoordelaar")
    client = maak_client(api)
    assert client["postcode"] == "3511AB" and client["bsn"] == BSN

    r = b.post(
        f"/api/v1/clienten/{client['id']}/beoordelingen",
        json={"invoer": {"peildatum": "2014-03-10"}, "aanvraagdatum": "2014-03-01"},
    )
    assert r.status_code == 201, r.text
    beo = r.json()
    assert beo["status"] == "concept" and beo["invoer"]["client"]["geboortedatum"] == "1940-02-01"

    # an incomplete draft cannot be made definitive: the missing field is named
    r = b.post(f"/api/v1/beoordelingen/{beo['id']}/definitief", json={"versie": beo["versie"]})
    assert r.status_code == 422 and any(f["veld"] == "invoer.grondslagen" for f in r.json()["fouten"])

    r = b.put(
        f"/api/v1/beoordelingen/{beo['id']}",
        json={"invoer": THUIS, "aanvraagdatum": "2014-03-01", "versie": beo["versie"]},
    )
    assert r.status_code == 200, r.text
    beo = r.json()

    voorbeeld = b.post(f"/api/v1/beoordelingen/{beo['id']}/voorbeeld").json()
    assert voorbeeld["functies"][0]["functie"] == "PV" and voorbeeld["functies"][0]["klasse"] == 3

    r = b.post(f"/api/v1/beoordelingen/{beo['id']}/indicatiebesluit", json={"versie": beo["versie"]})
    assert r.status_code == 409  # not definitive yet

    beo = b.post(f"/api/v1/beoordelingen/{beo['id']}/definitief", json={"versie": beo["versie"]}).json()
    assert beo["status"] == "definitief"
    r = b.put(f"/api/v1/beoordelingen/{beo['id']}", json={"invoer": THUIS, "versie": beo["versie"]})
    assert r.status_code == 409  # a definitive assessment is immutable

    r = b.post(f"/api/v1/beoordelingen/{beo['id']}/indicatiebesluit", json={"versie": beo["versie"]})
    assert r.status_code == 201, r.text
    besluit = r.json()
    assert besluit["status"] == "geldig" and besluit["ruleset"]["naam"] == "AWBZ 2014"
    # dated on the day it is recorded (the test clock: 1 December 2014), not on the peildatum (Awb 3:40)
    assert besluit["besluitdatum"] == "2014-12-01" and besluit["geldig_van"] == "2014-12-01"
    # a PV decision taken between 1 September and 31 December 2014 holds six months (Zorgindicatieregeling art. 1 lid 4)
    assert besluit["resultaat"]["toelichting"] and besluit["geldig_tot"] == "2015-05-31"
    assert (
        b.post(f"/api/v1/beoordelingen/{beo['id']}/indicatiebesluit", json={"versie": beo["versie"]}).status_code == 409
    )

    # herindicatie: a correction, a new decision, the old one superseded
    cor = b.post(f"/api/v1/beoordelingen/{beo['id']}/correctie").json()
    assert cor["volgnummer"] == 2 and cor["vorige_id"] == beo["id"] and cor["status"] == "concept"
    meer = {**THUIS, "zorgmomenten": [*THUIS["zorgmomenten"], {"per_week": 7, "handelingen": ["PV-1.1-2"]}]}
    cor = b.put(f"/api/v1/beoordelingen/{cor['id']}", json={"invoer": meer, "versie": cor["versie"]}).json()
    cor = b.post(f"/api/v1/beoordelingen/{cor['id']}/definitief", json={"versie": cor["versie"]}).json()
    # an earlier besluitdatum only with a reason; it is kept with the decision (Awb 3:40)
    keuze = {"versie": cor["versie"], "besluitdatum": "2014-03-20"}
    r = b.post(f"/api/v1/beoordelingen/{cor['id']}/indicatiebesluit", json=keuze)
    assert r.status_code == 422 and r.json()["fouten"][0]["veld"] == "besluitdatum_reden"
    keuze["besluitdatum_reden"] = "mondeling meegedeeld op 20 maart"
    nieuw = b.post(f"/api/v1/beoordelingen/{cor['id']}/indicatiebesluit", json=keuze).json()
    assert (
        nieuw["besluitdatum"] == "2014-03-20"
        and nieuw["resultaat"]["besluitdatum_reden"] == keuze["besluitdatum_reden"]
    )
    besluiten = {x["id"]: x for x in b.get(f"/api/v1/clienten/{client['id']}/indicatiebesluiten").json()}
    assert (
        besluiten[besluit["id"]]["status"] == "vervangen"
        and besluiten[besluit["id"]]["vervangen_door_id"] == nieuw["id"]
    )
    assert besluiten[nieuw["id"]]["status"] == "geldig"

    # the zorgkantoor of the region agrees care with a provider
    zk = api.als("zorgkantoor")
    aanbieders = [o for o in zk.get("/api/v1/organisaties").json() if o["soort"] == "zorgaanbieder"]
    linde = next(o for o in aanbieders if "Linde" in o["naam"])
    r = zk.post(
        f"/api/v1/clienten/{client['id']}/overeenkomsten",
        json={"zorgaanbieder_id": linde["id"], "leveringsvorm": "verblijf", "ingangsdatum": "2014-04-01"},
    )
    assert r.status_code == 422 and r.json()["fouten"][0]["veld"] == "leveringsvorm"  # no stay indicated
    r = zk.post(
        f"/api/v1/clienten/{client['id']}/overeenkomsten",
        json={"zorgaanbieder_id": linde["id"], "leveringsvorm": "mpt", "ingangsdatum": "2014-04-01"},
    )
    assert r.status_code == 201, r.text
    ov = r.json()
    assert ov["indicatiebesluit_id"] == nieuw["id"] and ov["functies"][0]["functie"] == "PV"

    # now the provider sees the client and writes a zorgplan; too many planned hours are signalled
    p = api.als("linde")
    assert p.get(f"/api/v1/clienten/{client['id']}").status_code == 200
    plan = {
        "vastgesteld_op": "2014-04-01",
        "evaluatiedata": ["2014-10-01"],
        "domeinen": {
            "wonen": {
                "doelen": ["Thuis blijven wonen"],
                "mogelijkheden": "Kookt zelf",
                "beperkingen": "Wassen lukt niet alleen",
                "hulpbronnen": ["Partner"],
            }
        },
        "gepland": [{"functie": "PV", "uren_per_week": 20}],
    }
    r = p.post(f"/api/v1/overeenkomsten/{ov['id']}/zorgplannen", json=plan)
    assert r.status_code == 201, r.text
    zp = r.json()
    assert zp["signalen"] and zp["signalen"][0]["soort"] == "boven"
    zp = p.put(
        f"/api/v1/zorgplannen/{zp['id']}",
        json={**plan, "gepland": [{"functie": "PV", "uren_per_week": 6}], "versie": zp["versie"]},
    ).json()
    assert zp["signalen"] == [] and zp["versie"] == 2

    assert (
        p.post(
            f"/api/v1/clienten/{client['id']}/rapportages",
            json={"datum": "2014-04-03", "domein": "wonen", "tekst": "Goede start."},
        ).status_code
        == 201
    )
    r = p.post(
        f"/api/v1/clienten/{client['id']}/geleverde-zorg",
        json={
            "overeenkomst_id": ov["id"],
            "week": "2014-04-09",
            "uren": [{"functie": "PV", "uren": 8.5}],
            "afwezigheid": [{"van": "2014-04-11", "tot": "2014-04-12", "reden": "ziekenhuis"}],
        },
    )
    assert r.status_code == 201, r.text
    assert r.json()["week"] == "2014-04-07"  # stored as the Monday of the ISO week
    assert (
        p.post(
            f"/api/v1/clienten/{client['id']}/geleverde-zorg",
            json={"overeenkomst_id": ov["id"], "week": "2014-04-07", "uren": []},
        ).status_code
        == 409
    )

    tijdlijn = p.get(f"/api/v1/clienten/{client['id']}/tijdlijn").json()
    assert {i["soort"] for i in tijdlijn} >= {"indicatiebesluit", "overeenkomst", "zorgplan", "rapportage"}
    assert "beoordeling" not in {i["soort"] for i in tijdlijn}  # a provider does not see the assessment itself


def test_dubbel_bsn_is_conflict(api: Api) -> None:
    maak_client(api)
    r = api.als("beoordelaar").post(
        "/api/v1/clienten", json={"bsn": BSN, "geslachtsnaam": "X", "geboortedatum": "1950-01-01"}
    )
    assert r.status_code == 409


def test_zoeken_op_bsn_in_body_en_nooit_in_log(api: Api) -> None:
    client = maak_client(api)
    n = api.audit_aantal()
    r = api.als("beoordelaar").post("/api/v1/clienten/zoeken", json={"bsn": f"{BSN[:4]} {BSN[4:7]} {BSN[7:]}"})
    assert r.status_code == 200 and r.json()["id"] == client["id"]
    assert api.als("linde").post("/api/v1/clienten/zoeken", json={"bsn": BSN}).status_code == 404
    for regel in api.audit_sinds(0):
        assert BSN not in (regel.details or "")
    assert all("bsn" not in pad.lower() for pad in api.app.openapi()["paths"])
    assert api.audit_aantal() > n


def test_gelijktijdige_wijziging_geeft_conflict(api: Api) -> None:
    client = maak_client(api)
    b = api.als("beoordelaar")
    eerste = b.patch(f"/api/v1/clienten/{client['id']}", json={"versie": client["versie"], "woonplaats": "Zeist"})
    tweede = b.patch(f"/api/v1/clienten/{client['id']}", json={"versie": client["versie"], "woonplaats": "Houten"})
    assert eerste.status_code == 200 and tweede.status_code == 409
    assert "gewijzigd" in tweede.json()["fouten"][0]["melding"]
    assert b.get(f"/api/v1/clienten/{client['id']}").json()["woonplaats"] == "Zeist"


def test_paginering_en_filter(api: Api) -> None:
    b = api.als("beoordelaar")
    eerste = b.get("/api/v1/clienten", params={"pagina": 1, "per_pagina": 4}).json()
    tweede = b.get("/api/v1/clienten", params={"pagina": 2, "per_pagina": 4}).json()
    assert eerste["totaal"] == 10 and len(eerste["items"]) == 4 and len(tweede["items"]) == 4
    assert not {c["id"] for c in eerste["items"]} & {c["id"] for c in tweede["items"]}
    assert b.get("/api/v1/clienten", params={"per_pagina": 500}).status_code == 422
    assert b.get("/api/v1/clienten", params={"pagina": "x"}).status_code == 422
    gefilterd = b.get("/api/v1/clienten", params={"zoek": eerste["items"][0]["geslachtsnaam"]}).json()
    assert gefilterd["totaal"] >= 1


def test_aanmelden(api: Api) -> None:
    a = api.anoniem
    r = a.post("/api/v1/auth/token", data={"username": "linde", "password": "fout-wachtwoord"})
    assert r.status_code == 401 and r.json()["fouten"][0]["melding"] == "onjuiste gebruikersnaam of wachtwoord"
    assert a.get("/api/v1/mij").status_code == 401
    assert a.get("/api/v1/mij", headers={"Authorization": "Bearer onzin"}).status_code == 401
    mij = api.als("zorgkantoor").get("/api/v1/mij").json()
    assert mij["rol"] == "zorgkantoor" and mij["organisatie"]["regio"] == "Midden (fictief)"
    # tokens expire
    api.klok.moment = api.klok.moment.replace(year=2015)
    assert api.als("zorgkantoor").get("/api/v1/mij").status_code == 401


def test_uitloggen_trekt_token_in(api: Api) -> None:
    c = api.als("beheerder")
    assert c.post("/api/v1/auth/uitloggen").status_code == 204
    assert c.get("/api/v1/mij").status_code == 401


def test_regeling_en_rekenen_via_api(api: Api) -> None:
    c = api.als("zorgkantoor")
    assert c.get("/api/v1/aanspraken").status_code == 200
    r = c.post("/api/v1/aanspraken/meldtermijn", json={"peildatum": "2014-03-01", "aanvang_zorg": "2014-03-03"})
    assert r.json()["uiterste_meldingsdatum"] == "2014-03-17"
    assert c.post("/api/v1/aanspraken/onbekend", json={}).status_code == 422
    r = c.post("/api/v1/indiceer", json={**THUIS, "client": {"geboortedatum": "1940-01-01"}})
    assert r.status_code == 200 and r.json()["functies"][0]["klasse"] == 3
    assert c.post("/api/v1/indiceer", json={"peildatum": "2010-01-01"}).status_code == 422
