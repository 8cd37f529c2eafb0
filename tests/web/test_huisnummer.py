"""The client form refuses a house number "-3" with the Dutch message at the field (see tests/api/test_huisnummer.py
for the rule and the API)."""

from __future__ import annotations

from typing import Any

from tests.web.conftest import axe_overtredingen, schermafdruk
from tests.web.test_intake import bsn
from tests.web.test_web import aanmelden


def test_webformulier_weigert_een_negatief_huisnummer(pagina: Any) -> None:
    aanmelden(pagina, "beoordelaar")
    pagina.goto("/clienten/nieuw")
    pagina.get_by_label("Burgerservicenummer").fill(bsn(62))
    pagina.get_by_label("Achternaam").fill("Huisnummertest")
    pagina.get_by_label("Geboortedatum").fill("03-02-1940")
    pagina.get_by_label("Huisnummer (niet verplicht)").fill("-3")
    pagina.get_by_role("button", name="Cliënt vastleggen").click()
    assert pagina.url.endswith("/clienten/nieuw")
    assert "het huisnummer is een getal vanaf 1" in pagina.locator("main").inner_text()
    assert pagina.get_by_label("Huisnummer (niet verplicht)").input_value() == "-3"
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "huisnummer-fout")
