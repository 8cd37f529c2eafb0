"""Issue 12 item 8 through the IO31 import: a zorgkantoor of another region that reads an IO31 about a client it
cannot see gets its own record (the same answer as for a BSN never seen), the other region's record stays as it
was and the attempt is audited with that client. A record the zorgkantoor registered itself and no longer sees
(moved to another regio by the beoordelaar) is named: 409 (docs/api.md, "Ook het bestaan van een BSN lekt niet")."""

from __future__ import annotations

from sqlalchemy import select, update

from tests.api.conftest import Api
from zorgzwaarte.demo.gegevens import REGIO
from zorgzwaarte.opslag.modellen import Indicatiebesluit, Organisatie

A = "/api/v1"
XML = {"content-type": "application/xml"}


def test_io31_van_een_andere_regio_maakt_een_eigen_registratie(api_beide: Api) -> None:
    api = api_beide
    with api.fabriek() as s:
        besluit = s.scalars(select(Indicatiebesluit).order_by(Indicatiebesluit.id)).first()
        assert besluit is not None
        origineel_id = besluit.client_id
    beoordelaar, zk = api.als("beoordelaar"), api.als("zorgkantoor")
    origineel = beoordelaar.get(f"{A}/clienten/{origineel_id}").json()
    io31 = beoordelaar.get(f"{A}/indicatiebesluiten/{besluit.id}/io31").content
    with api.fabriek() as s, s.begin():  # the zorgkantoor now serves another region
        s.execute(update(Organisatie).where(Organisatie.soort == "zorgkantoor").values(regio="Elders (fictief)"))
    assert zk.get(f"{A}/clienten/{origineel_id}").status_code == 404

    n = api.audit_aantal()
    r = zk.post(f"{A}/iwlz/io31", content=io31, headers=XML)
    assert r.status_code == 201, r.text
    kopie = r.json()["resultaten"][0]["client"]
    assert kopie["id"] != origineel_id and kopie["bsn"] == origineel["bsn"] and kopie["regio"] == "Elders (fictief)"
    regels = [(x.actie, x.client_id) for x in api.audit_sinds(n)]
    assert ("client.bsn_elders_bekend", origineel_id) in regels
    assert beoordelaar.get(f"{A}/clienten/{origineel_id}").json() == origineel  # untouched
    assert zk.get(f"{A}/clienten/{origineel_id}").status_code == 404

    # the zorgkantoor's own record is found the next time: no third record
    r2 = zk.post(f"{A}/iwlz/io31", content=io31, headers=XML)
    assert r2.status_code == 201 and r2.json()["resultaten"][0]["client"]["id"] == kopie["id"]

    # the beoordelaar moves that record back to the first region: the zorgkantoor no longer sees its own
    # registration and is told so, in Dutch, with nothing stored
    verplaatst = beoordelaar.patch(f"{A}/clienten/{kopie['id']}", json={"regio": REGIO, "versie": kopie["versie"]})
    assert verplaatst.status_code == 200, verplaatst.text
    n = api.audit_aantal()
    r3 = zk.post(f"{A}/iwlz/io31", content=io31, headers=XML)
    assert r3.status_code == 409, r3.text
    assert "uw organisatie heeft deze cliënt al eerder geregistreerd" in r3.json()["fouten"][0]["melding"]
    with api.fabriek() as s:
        assert s.scalars(select(Indicatiebesluit).where(Indicatiebesluit.client_id == kopie["id"])).all() != []
    assert all(x.actie != "iwlz.io31_import" or x.uitkomst != "toegestaan" for x in api.audit_sinds(n))
