"""Toewijzing by the zorgkantoor (iWlz AW33) into the provider's intake, and the overeenkomst recorded from it
(issue 14 item 10): rights, refusals naming the field, nothing half stored, the AW33 valid."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from tests.api.conftest import Api
from tests.api.test_startpagina import _start
from tests.iwlz.conftest import bedrijfsregels, valideer_xsd
from zorgzwaarte.opslag.modellen import Gebruiker, Indicatiebesluit, Toewijzing, Zorgleveringsovereenkomst


def _client_van_anker(api: Api) -> tuple[int, int, Any, bool]:
    """A client with a valid granted decision and an agreement with anker only; linde's organisation id."""
    with api.fabriek() as s:
        linde = s.scalars(select(Gebruiker).where(Gebruiker.gebruikersnaam == "linde")).one()
        anker = s.scalars(select(Gebruiker).where(Gebruiker.gebruikersnaam == "anker")).one()
        for o in s.scalars(
            select(Zorgleveringsovereenkomst).where(Zorgleveringsovereenkomst.zorgaanbieder_id == anker.organisatie_id)
        ):
            ib = s.get(Indicatiebesluit, o.indicatiebesluit_id) if o.indicatiebesluit_id else None
            if ib is None or ib.status != "geldig" or ib.besluit != "toegekend":
                continue
            bij_linde = s.scalars(
                select(Zorgleveringsovereenkomst).where(
                    Zorgleveringsovereenkomst.client_id == o.client_id,
                    Zorgleveringsovereenkomst.zorgaanbieder_id == linde.organisatie_id,
                )
            ).first()
            if bij_linde is None:
                return o.client_id, linde.organisatie_id, ib.geldig_van, bool(ib.zzp_code)
    raise AssertionError("geen geschikte democliënt")


def test_toewijzing_naar_intake_en_overeenkomst(api: Api) -> None:
    client_id, linde_id, van, zzp = _client_van_anker(api)
    lv = "vpt" if zzp else "mpt"
    zk, linde, anker = api.als("zorgkantoor"), api.als("linde"), api.als("anker")
    assert all(i["client_id"] != client_id for i in _start(api, "linde")["intake"])
    # only the zorgkantoor assigns; a missing provider is named; nothing is stored on a refusal
    assert (
        linde.post(f"/api/v1/clienten/{client_id}/toewijzingen", json={"zorgaanbieder_id": linde_id}).status_code == 403
    )
    r = zk.post(
        f"/api/v1/clienten/{client_id}/toewijzingen", json={"leveringsvorm": "mpt", "ingangsdatum": van.isoformat()}
    )
    assert r.status_code == 422 and [f["veld"] for f in r.json()["fouten"]] == ["zorgaanbieder_id"], r.text
    with api.fabriek() as s:
        assert s.scalars(select(Toewijzing)).first() is None
    if zzp:  # an mpt of a ZZP needs a CoordinatorZorgThuis (CD050) that is not recorded: no invalid AW33
        r = zk.post(
            f"/api/v1/clienten/{client_id}/toewijzingen",
            json={"zorgaanbieder_id": linde_id, "leveringsvorm": "mpt", "ingangsdatum": van.isoformat()},
        )
        assert r.status_code == 201, r.text
        aw33 = zk.get(f"/api/v1/toewijzingen/{r.json()['id']}/aw33")
        assert aw33.status_code == 422 and "CD050" in aw33.json()["fouten"][0]["melding"]
        with api.fabriek() as s:
            s.delete(s.get(Toewijzing, r.json()["id"]))
            s.commit()
    r = zk.post(
        f"/api/v1/clienten/{client_id}/toewijzingen",
        json={"zorgaanbieder_id": linde_id, "leveringsvorm": lv, "ingangsdatum": van.isoformat()},
    )
    assert r.status_code == 201, r.text
    t = r.json()
    assert t["overeenkomst_id"] is None and t["leveringsvorm"] == lv
    xml = zk.get(f"/api/v1/toewijzingen/{t['id']}/aw33").content
    assert valideer_xsd(xml, "aw33") == [] and bedrijfsregels(xml, "aw33") == []

    intake = [i for i in _start(api, "linde")["intake"] if i["client_id"] == client_id]
    assert [(i["toewijzing_id"], i["leveringsvorm"]) for i in intake] == [(t["id"], lv)]
    assert linde.get(f"/api/v1/clienten/{client_id}").status_code == 200  # the intake makes the client visible
    assert anker.get(f"/api/v1/toewijzingen/{t['id']}").status_code == 404  # another provider's toewijzing
    assert anker.post(
        f"/api/v1/clienten/{client_id}/overeenkomsten",
        json={"leveringsvorm": lv, "ingangsdatum": van.isoformat(), "toewijzing_id": t["id"]},
    ).status_code in (404, 422)

    r = linde.post(
        f"/api/v1/clienten/{client_id}/overeenkomsten",
        json={"leveringsvorm": lv, "ingangsdatum": van.isoformat(), "toewijzing_id": t["id"]},
    )
    assert r.status_code == 201, r.text
    assert linde.get(f"/api/v1/toewijzingen/{t['id']}").json()["overeenkomst_id"] == r.json()["id"]
    assert all(i["client_id"] != client_id for i in _start(api, "linde")["intake"])
    r = linde.post(
        f"/api/v1/clienten/{client_id}/overeenkomsten",
        json={"leveringsvorm": lv, "ingangsdatum": van.isoformat(), "toewijzing_id": t["id"]},
    )
    assert r.status_code == 422 and r.json()["fouten"][0]["veld"] == "toewijzing_id"
