"""Rlz art. 2.2 (meerzorg onder de Wlz) per version, case by case (tests/regels/cases/meerzorg_wlz.yaml), and in the
indicatiebesluit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.domein.beoordeling import EerdereIndicatie
from zorgzwaarte.regels.profielen.catalogus import zoek_zzp
from zorgzwaarte.regels.profielen.meerzorg import meerzorg_wlz
from zorgzwaarte.regels.uitleg import Toelichting

GEVALLEN = yaml.safe_load((Path(__file__).parent / "cases" / "meerzorg_wlz.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("geval", GEVALLEN, ids=[g["naam"] for g in GEVALLEN])
def test_rlz_art_2_2(geval: dict[str, Any]) -> None:
    inv, verwacht = geval["invoer"], geval["verwacht"]
    zzp = zoek_zzp(inv["zzp"]) if inv["zzp"] else None
    eerdere = inv.get("eerdere_indicaties")
    uitleg = Toelichting()
    uit = meerzorg_wlz(
        zzp.zorgprofiel_wlz if zzp else None,
        None if eerdere is None else [EerdereIndicatie.model_validate(e) for e in eerdere],
        inv.get("bijzondere_zorg", []),
        inv["peildatum"],
        inv["geboortedatum"],
        uitleg,
    )
    artikel = geval["artikel"]
    assert uit.mogelijk is verwacht["mogelijk"], (artikel, uit)
    assert list(uit.gronden) == verwacht["gronden"], artikel
    for tekst in verwacht.get("grond_bevat", []):
        assert tekst in uit.grond, (artikel, uit.grond)
    for tekst in verwacht.get("grond_bevat_niet", []):
        assert tekst not in uit.grond, (artikel, uit.grond)
    stappen = " ".join(f"{s.uitkomst} {s.bron}" for s in uitleg.stappen)
    assert all("Regeling langdurige zorg" in s.bron and "art. 2.2" in s.bron for s in uitleg.stappen)
    if "bron_bevat" in verwacht:
        assert verwacht["bron_bevat"] in uitleg.stappen[-1].bron, artikel
    if "stap_bevat" in verwacht:
        assert verwacht["stap_bevat"] in stappen, artikel
    if "stap_bevat_niet" in verwacht:
        assert verwacht["stap_bevat_niet"] not in stappen, artikel


def test_rlz_art_2_2_lid_1_onder_b_in_het_besluit() -> None:
    """Rlz art. 2.2 lid 1 onder b in the decision: a Wlz assessment that gets 7 VV (zorgprofiel not in onder a) leaves
    meerzorg unknown without the earlier decisions; with the client's ZZP 7 VG of 31-12-2014 it is possible on onder b."""
    invoer = {
        "peildatum": "2016-05-01",
        "client": {"geboortedatum": "1970-01-01"},
        "grondslagen": ["04"],
        "leefklimaat": {"permanent_toezicht": True},
        "blijvend": True,
        "stoornisscores": {"0601": 3},
        "beperkingscores": {"0101": 3, "0104": 3},
    }
    zonder = bereken_indicatie(invoer).als_dict()
    assert zonder["zzp"]["code"] == "7VV"
    assert zonder["zzp"]["meerzorg_mogelijk"] is None and "onder b" in zonder["zzp"]["meerzorg_grond"]
    met = bereken_indicatie(
        {**invoer, "eerdere_indicaties": [{"zzp": "7VG", "geldig_van": "2013-01-01", "geldig_tot": "2014-12-31"}]}
    ).als_dict()
    assert met["zzp"]["meerzorg_mogelijk"] is True
    assert met["zzp"]["meerzorg_grond"].startswith("art. 2.2 lid 1 onder b;")
    stap = next(s for s in met["toelichting"] if s["regel"] == "Meerzorg")
    assert "art. 2.2" in stap["bron"] and stap["bron_adres"].endswith("/2016-05-01")
