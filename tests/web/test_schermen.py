"""Screens (issue 14, item 19): no sideways scrolling at 1366 px and on a phone (390 px), a compact header on a
phone, visible focus on every control, radio targets of at least 24 px."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.conftest import schermafdruk
from tests.web.test_web import aanmelden

PAGINAS = [
    ("linde", "/start"),
    ("linde", "zorg"),
    ("beoordelaar", "/clienten"),
    ("beoordelaar", "/clienten/1/beoordelingen/nieuw"),
    ("zorgkantoor", "/start"),
    ("beheerder", "/audit"),
    ("beheerder", "/beheer/gebruikers"),
]


@pytest.mark.parametrize("breedte", [1366, 390])
def test_geen_zijwaarts_scrollen(pagina: Any, breedte: int) -> None:
    pagina.set_viewport_size({"width": breedte, "height": 900})
    ingelogd = None
    for gebruiker, pad in PAGINAS:
        if gebruiker != ingelogd:
            pagina.context.clear_cookies()
            aanmelden(pagina, gebruiker)
            ingelogd = gebruiker
        if pad == "zorg":
            pagina.goto("/start")
            pagina.locator("main table a").first.click()
            pagina.get_by_role("link", name="Zorgplan, rapportage en geleverde zorg").click()
        else:
            pagina.goto(pad)
        breed = pagina.evaluate("document.documentElement.scrollWidth")
        assert breed <= breedte, f"{pad} is {breed} px breed op {breedte} px"
    if breedte == 390:
        kop = pagina.locator("header.zz-kop").bounding_box()
        assert kop is not None and kop["height"] <= 110  # compact on a phone
        schermafdruk(pagina, "audit-telefoon", breedte=390, hoogte=844)


def test_zichtbare_focus_en_grote_keuzerondjes(pagina: Any) -> None:
    aanmelden(pagina, "beoordelaar")
    pagina.goto("/clienten/1/beoordelingen/nieuw")
    rondje = pagina.locator("#s_0101-2").bounding_box()
    assert rondje is not None and rondje["width"] >= 24 and rondje["height"] >= 24
    for selector in ("#s_0101-2", "#peildatum", "button[value=opslaan]", "#grondslag_dominant", "a.utrecht-link"):
        element = pagina.locator(selector).first
        element.focus()
        pagina.keyboard.press("Shift+Tab")
        pagina.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies
        stijl = pagina.evaluate(
            "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth] }"
        )
        assert stijl[0] != "none" and stijl[1] != "0px", selector
