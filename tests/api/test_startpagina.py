"""Home page per role: the assessor's werkvoorraad with the legal deadline (Zorgindicatiebesluit art. 12)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from tests.api.conftest import Api
from zorgzwaarte.diensten.startpagina import startpagina
from zorgzwaarte.diensten.toegang import Actor
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.opslag.modellen import Auditregel, Gebruiker


def _start(api: Api, gebruikersnaam: str) -> dict[str, Any]:
    with api.fabriek() as s:
        actor = Actor.van(s.scalars(select(Gebruiker).where(Gebruiker.gebruikersnaam == gebruikersnaam)).one())
    with Werkeenheid(api.fabriek, actor, api.klok) as w:
        return startpagina(w)


def test_werkvoorraad_zes_weken_en_twee_bij_spoed(api: Api) -> None:
    """Art. 12 lid 1: six weeks after the aanvraag; lid 2: two weeks with spoed. Sorted by deadline."""
    client_id = api.eerste_client("beoordelaar")["id"]
    b = api.als("beoordelaar")
    for aanvraag, spoed in (("2014-11-20", False), ("2014-11-25", True)):
        r = b.post(
            f"/api/v1/clienten/{client_id}/beoordelingen",
            json={"invoer": {"peildatum": "2014-11-25"}, "aanvraagdatum": aanvraag, "spoed": spoed},
        )
        assert r.status_code == 201, r.text
    voor = api.audit_aantal()
    w = _start(api, "beoordelaar")["werkvoorraad"]
    assert [(x["aanvraagdatum"], x["uiterste_beslisdatum"], x["spoed"]) for x in w] == [
        ("2014-11-25", "2014-12-09", True),
        ("2014-11-20", "2015-01-01", False),
    ]
    assert w[0]["dagen_over"] == 8  # the test clock says 1 December 2014
    assert "Zorgindicatiebesluit art. 12 lid 2" in w[0]["termijn"]
    assert api.audit_aantal() == voor + 1
    with api.fabriek() as s:
        assert s.scalars(select(Auditregel).order_by(Auditregel.id.desc())).first().actie == "startpagina"  # type: ignore[union-attr]


def test_zorgaanbieder_ziet_alleen_eigen_clienten(api: Api) -> None:
    linde = {c["client_id"] for c in _start(api, "linde")["in_zorg"]}
    anker = {c["client_id"] for c in _start(api, "anker")["in_zorg"]}
    assert linde and anker and not (linde & anker)
    assert set(_start(api, "beheerder")) == {"rol", "vandaag"}
