"""/aanspraken showed labels made from code names ("Zzp uren per week"): every field of every rule now has a Dutch
title in its schema (domein.aanspraken.VELDTITELS), and the form shows it."""

from __future__ import annotations

from typing import Any

from tests.web.conftest import axe_overtredingen, schermafdruk
from zorgzwaarte.diensten.aanspraken import lijst_regels
from zorgzwaarte.domein.aanspraken import VELDTITELS
from zorgzwaarte.regels.aanspraken.regeling import REGELS


def test_elk_veld_heeft_een_nederlandse_titel() -> None:
    """Each field has its title from VELDTITELS, or its own where one name means different things per rule ('soort':
    a rolstoel's repair or a stay abroad)."""
    for regel in lijst_regels():
        for v in regel.invoer:
            eigen = REGELS[regel.naam].invoer.model_fields[v.veld].title
            assert v.veld in VELDTITELS and v.titel == (eigen or VELDTITELS[v.veld]), (regel.naam, v.veld, v.titel)


def test_meerzorg_formulier_toont_de_titels(pagina: Any) -> None:
    pagina.goto("/aanspraken/meerzorg")
    labels = pagina.locator("main label, main legend").all_inner_texts()
    assert "Uren zorg per week in het zorgzwaartepakket (niet verplicht)" in labels, labels
    assert "Uren zorg per week die de cliënt nodig heeft (niet verplicht)" in labels
    assert not any("Zzp" in t or "_" in t for t in labels), labels
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "aanspraak-meerzorg")
