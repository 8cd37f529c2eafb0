"""The readable case file for the Regeling zorgaanspraken AWBZ; each case names its article."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import TESTS, als_json, laad_gevallen
from zorgzwaarte.diensten.aanspraken import bereken_aanspraak, lijst_regels
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.aanspraken.regeling import REGELS

GEVALLEN = laad_gevallen(TESTS / "regels" / "cases" / "aanspraken.yaml")


@pytest.mark.parametrize("geval", GEVALLEN, ids=[g["naam"] for g in GEVALLEN])
def test_geval(geval: dict[str, Any]) -> None:
    invoer = als_json(geval["invoer"])
    if "fout" in geval:
        with pytest.raises(InvoerFout) as fout:
            bereken_aanspraak(geval["regel"], invoer)
        assert geval["fout"] in {f.veld for f in fout.value.fouten}, (geval["artikel"], fout.value.fouten)
        return
    uitkomst = bereken_aanspraak(geval["regel"], invoer)
    uit = uitkomst.als_json()  # compared with the case file as the API gives it
    for veld, waarde in als_json(geval["verwacht"]).items():
        assert uit[veld] == waarde, f"{veld}: {uit[veld]!r} ≠ {waarde!r} ({geval['artikel']})"
    for veld, items in als_json(geval.get("bevat", {})).items():
        assert set(items) <= set(uit[veld]), f"{veld}: {items!r} niet in {uit[veld]!r} ({geval['artikel']})"
    for veld, items in als_json(geval.get("bevat_niet", {})).items():
        assert not set(items) & set(uit[veld]), f"{veld}: {items!r} in {uit[veld]!r} ({geval['artikel']})"
    versie = uitkomst.versie
    # AWBZ: the Regeling zorgaanspraken; from 2015 (Wlz, meerzorg) the Regeling langdurige zorg
    regeling, bwb = (
        ("Regeling langdurige zorg", "BWBR0036014")
        if uitkomst.peildatum >= "2015-01-01"
        else ("Regeling zorgaanspraken AWBZ", "BWBR0014855")
    )
    assert uitkomst.bron.startswith(f"{regeling} (versie {versie})")
    assert uitkomst.versie_gebruikt.adres == f"https://wetten.overheid.nl/{bwb}/{versie}"
    for stap in uitkomst.toelichting:
        assert stap.regel and stap.uitkomst and stap.bron
        if stap.bron.startswith(regeling):  # every step cites the version used, and links
            assert f"(versie {versie})" in stap.bron, stap  # the text in force on the peildatum ('geldig op')
            assert stap.bron_adres == f"https://wetten.overheid.nl/{bwb}/{uitkomst.peildatum}", stap
    if regeling == "Regeling langdurige zorg" and uitkomst.aanspraak is not False:  # lid 1 aanhef: never taken
        assert any("beoordeelt de Wlz-uitvoerder of het zorgkantoor" in o for o in uitkomst.opmerkingen)


def test_elke_regel_heeft_gevallen() -> None:
    assert {g["regel"] for g in GEVALLEN} == set(REGELS)


def test_lijst_noemt_velden_en_perioden() -> None:
    lijst = {r.naam: r for r in lijst_regels()}
    assert lijst["buitenland"].in_werking.model_dump() == {"van": "2011-01-01", "tot": "2012-12-31"}
    assert lijst["buitenland"].versies == ["2011-01-01", "2011-05-01", "2011-08-01", "2012-01-01"]
    assert lijst["meerzorg"].in_werking.model_dump() == {"van": "2012-01-01", "tot": "2014-12-31"}
    assert lijst["doventolk"].in_werking.model_dump() == {"van": "2011-01-01", "tot": "2014-12-31"}
    assert lijst["vaccinaties"].versies == [
        "2011-01-01",
        "2011-05-01",
        "2011-08-01",
        "2012-01-01",
        "2013-01-01",
        "2014-01-01",
        "2014-02-06",
        "2014-11-24",
    ]
    velden = {v.veld: v for v in lijst["rolstoel_overname"].invoer}
    assert velden["aanschafprijs"].verplicht and not velden["wijzigingen"].verplicht


def test_tekstgebreken_worden_gemeld() -> None:
    """Art. 7 lid 3 (niet-bestaand vierde lid) and art. 16 (twee leden 2) are reported, never silently applied."""
    doventolk = bereken_aanspraak("doventolk", {"peildatum": "2014-05-01", "sessie_minuten": 60})
    assert any("vierde lid" in o for o in doventolk.opmerkingen)
    vacc = bereken_aanspraak("vaccinaties", {"peildatum": "2014-05-01", "geboortedatum": "2014-01-01"})
    assert any("twee leden met nummer 2" in o for o in vacc.opmerkingen)
