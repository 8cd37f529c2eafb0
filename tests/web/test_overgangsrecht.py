"""The assessment form asks what the overgangsrecht ZZP 1-3 needs (Wijzigingsregeling Rza 2012 art. II-III):
earlier indicatiebesluiten and a stay in the Zvw or forensic care; a draft keeps them; axe finds nothing."""

from __future__ import annotations

from typing import Any

from tests.web.conftest import axe_overtredingen, schermafdruk
from tests.web.test_beoordelaar import nieuwe_beoordeling


def test_eerdere_indicaties_op_het_formulier(pagina: Any) -> None:
    nieuwe_beoordeling(pagina)
    pagina.get_by_label("Peildatum (dag van het onderzoek)").fill("02-06-2014")
    pagina.get_by_label("Dominante grondslag").select_option("01")
    blok = pagina.locator("#eerdere-indicaties")
    blok.get_by_label("Had de cliënt eerder een indicatiebesluit voor een zorgzwaartepakket?").select_option("ja")
    blok.get_by_label("Besluit 1: zorgzwaartepakket").select_option("5VV")
    blok.get_by_label("Besluit 1: geldig van").fill("01-01-2010")
    blok.get_by_label("Besluit 1: geldig tot en met (leeg: geen einde)").fill("31-12-2011")
    pagina.get_by_label("Komt de cliënt direct uit een verblijf in de Zvw", exact=False).select_option("nee")
    pagina.get_by_role("button", name="Concept opslaan").click()
    assert pagina.get_by_role("status").inner_text() == "Concept opgeslagen."
    blok = pagina.locator("#eerdere-indicaties")
    assert blok.get_by_label("Besluit 1: zorgzwaartepakket").input_value() == "5VV"
    assert blok.get_by_label("Besluit 1: geldig van").input_value() == "01-01-2010"  # Dutch date, kept
    assert blok.get_by_label("Besluit 1: geldig tot en met (leeg: geen einde)").input_value() == "31-12-2011"
    assert pagina.get_by_label("Komt de cliënt direct uit een verblijf in de Zvw", exact=False).input_value() == "nee"
    assert axe_overtredingen(pagina) == []
    blok.scroll_into_view_if_needed()
    schermafdruk(pagina, "beoordeling-eerdere-indicaties")
