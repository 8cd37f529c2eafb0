"""A house number "-3" was accepted for a client: the huisnummer is a number from 1 (at most 99999, as in the BAG),
optionally with a huisletter or toevoeging after it; anything else is refused with a Dutch 422 that names the
huisnummer, in the API (new and changed client) and nothing is stored. The web form: tests/web/test_huisnummer.py."""

from __future__ import annotations

import pytest

from tests.api.conftest import Api
from tests.web.test_intake import bsn
from zorgzwaarte.domein.records import controleer_huisnummer


@pytest.mark.parametrize("goed", ["1", "12", "12A", "12 a", "12-2", "1 bis", "99999", "12a-3"])
def test_goede_huisnummers(goed: str) -> None:
    assert controleer_huisnummer(f" {goed} ") == goed


@pytest.mark.parametrize("fout", ["-3", "0", "012", "abc", "100000", "3.5", "12 -", "12 A B C"])
def test_foute_huisnummers(fout: str) -> None:
    with pytest.raises(ValueError, match="huisnummer"):
        controleer_huisnummer(fout)


def test_api_weigert_een_negatief_huisnummer(api: Api) -> None:
    client = {"bsn": bsn(61), "geslachtsnaam": "Huisnummertest", "geboortedatum": "1940-02-03", "huisnummer": "-3"}
    r = api.als("beoordelaar").post("/api/v1/clienten", json=client)
    assert r.status_code == 422, r.text
    assert r.json()["fouten"][0]["veld"] == "huisnummer" and "huisnummer" in r.json()["fouten"][0]["melding"]
    assert api.als("beoordelaar").post("/api/v1/clienten/zoeken", json={"bsn": bsn(61)}).status_code == 404
    c = api.eerste_client("beoordelaar")
    r = api.als("beoordelaar").patch(f"/api/v1/clienten/{c['id']}", json={"versie": c["versie"], "huisnummer": "0"})
    assert r.status_code == 422 and r.json()["fouten"][0]["veld"] == "huisnummer"
    r = api.als("beoordelaar").patch(f"/api/v1/clienten/{c['id']}", json={"versie": c["versie"], "huisnummer": "7 B"})
    assert r.status_code == 200 and r.json()["huisnummer"] == "7 B"
