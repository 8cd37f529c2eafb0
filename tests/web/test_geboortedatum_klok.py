"""The client form refuses a birth date after today on the server's clock (the test server's clock says 1 December
2014, tests/web/conftest.py), with the Dutch message at the field and the form kept; the rule and the API:
tests/api/test_geboortedatum_klok.py."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from tests.web.conftest import axe_overtredingen
from tests.web.test_intake import bsn
from tests.web.test_web import aanmelden


def test_webformulier_weigert_een_geboortedatum_na_vandaag_op_de_klok(pagina: Any) -> None:
    aanmelden(pagina, "beoordelaar")
    pagina.goto("/clienten/nieuw")
    pagina.get_by_label("Burgerservicenummer").fill(bsn(63))
    pagina.get_by_label("Achternaam").fill("Kloktest")
    pagina.get_by_label("Geboortedatum").fill("02-12-2014")
    pagina.get_by_role("button", name="Cliënt vastleggen").click()
    expect(pagina.locator("#geboortedatum-fout")).to_contain_text("ligt in de toekomst: vandaag is het 1 december 2014")
    expect(pagina.get_by_label("Geboortedatum")).to_have_value("02-12-2014")
    assert pagina.url.endswith("/clienten/nieuw")
    assert axe_overtredingen(pagina) == []
