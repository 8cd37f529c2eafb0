"""/aanspraken showed labels made from code names ("Zzp uren per week"): every field of every rule now has a Dutch
title in its schema (domein.aanspraken.VELDTITELS), and the form shows it."""

from __future__ import annotations

from typing import Any

from tests.web.conftest import axe_overtredingen, schermafdruk
from zorgzwaarte.diensten.aanspraken import lijst_regels
from zorgzwaarte.domein.aanspraken import VELDTITELS


def test_elk_veld_heeft_een_nederlandse_titel() -> None:
    for regel in lijst_regels():
        for v in regel.invoer:
            assert v.veld in VELDTITELS and v.titel == VELDTITELS[v.veld], (regel.naam, v.veld, v.titel)


def test_meerzorg_formulier_toont_de_titels(pagina: Any) -> None:
    pagina.goto("/aanspraken/meerzorg")
    labels = pagina.locator("main label, main legend").all_inner_texts()
    assert "Uren zorg per week in het zorgzwaartepakket (niet verplicht)" in labels, labels
    assert "Uren zorg per week die de cliënt nodig heeft (niet verplicht)" in labels
    assert not any("Zzp" in t or "_" in t for t in labels), labels
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "aanspraak-meerzorg")
