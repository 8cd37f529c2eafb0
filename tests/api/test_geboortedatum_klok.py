"""The check that a client's birth date is not in the future uses the unit's clock (the server clock tests set), not
the machine's `date.today()`: on the clock's day a later birth date is refused with a Dutch 422 naming the field and
nothing is stored; on a clock set years ahead a birth date after the machine's today is accepted."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.api.conftest import Api
from tests.web.test_intake import bsn


def _client(nummer: int, geboortedatum: str) -> dict[str, str]:
    return {"bsn": bsn(nummer), "geslachtsnaam": "Kloktest", "geboortedatum": geboortedatum}


def test_geboortedatum_na_de_dag_van_de_klok_wordt_geweigerd(api: Api) -> None:
    """Clock at 1 December 2014 (conftest.Klok): 2 December 2014 is tomorrow, 1 December 2014 is today."""
    beoordelaar = api.als("beoordelaar")
    r = beoordelaar.post("/api/v1/clienten", json=_client(71, "2014-12-02"))
    assert r.status_code == 422, r.text
    assert r.json()["fouten"] == [
        {"veld": "geboortedatum", "melding": "ligt in de toekomst: vandaag is het 1 december 2014"}
    ]
    assert beoordelaar.post("/api/v1/clienten/zoeken", json={"bsn": bsn(71)}).status_code == 404
    r = beoordelaar.post("/api/v1/clienten", json=_client(72, "2014-12-01"))
    assert r.status_code == 201, r.text


def test_geboortedatum_volgt_de_klok_niet_de_machine(api: Api) -> None:
    """With the clock in 2040 a child born in 2039 (after the machine's today) is accepted; 2041 is refused."""
    api.klok.moment = datetime(2040, 6, 1, 9, 0, tzinfo=UTC)
    beoordelaar = api.als("beoordelaar")
    assert beoordelaar.post("/api/v1/clienten", json=_client(73, "2039-05-04")).status_code == 201
    r = beoordelaar.post("/api/v1/clienten", json=_client(74, "2041-01-01"))
    assert r.status_code == 422 and r.json()["fouten"][0]["veld"] == "geboortedatum", r.text
    assert "1 juni 2040" in r.json()["fouten"][0]["melding"]


def test_een_onaannemelijke_geboortedatum_blijft_geweigerd(api: Api) -> None:
    r = api.als("beoordelaar").post("/api/v1/clienten", json=_client(75, "1889-12-31"))
    assert r.status_code == 422 and r.json()["fouten"][0]["veld"] == "geboortedatum", r.text
