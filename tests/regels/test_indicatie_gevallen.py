"""The readable case file for the AWBZ 2014 trechtermodel; each case names its article."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import TESTS, als_json, laad_gevallen
from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.fouten import InvoerFout

GEVALLEN = [
    *laad_gevallen(TESTS / "regels" / "cases" / "indicatie_awbz_2014.yaml"),
    *laad_gevallen(TESTS / "regels" / "cases" / "indicatie_wlz_2015.yaml"),
    *laad_gevallen(TESTS / "regels" / "cases" / "indicatie_wlz_versies.yaml"),
]


def vergelijk(verwacht: dict[str, Any], uitkomst: dict[str, Any], artikel: str) -> None:
    for sleutel, waarde in verwacht.items():
        if sleutel == "functies":
            gekregen = {f["functie"]: f for f in uitkomst["functies"]}
            assert set(gekregen) == set(waarde), f"functies {sorted(gekregen)} ≠ {sorted(waarde)} ({artikel})"
            for functie, velden in waarde.items():
                for veld, w in velden.items():
                    assert gekregen[functie][veld] == w, (
                        f"{functie}.{veld}: {gekregen[functie][veld]!r} ≠ {w!r} ({artikel})"
                    )
        elif sleutel == "ruleset_naam":
            assert uitkomst["ruleset"]["naam"] == waarde, (
                f"regelset {uitkomst['ruleset']['naam']} ≠ {waarde} ({artikel})"
            )
        elif sleutel == "toelichting_bevat" and isinstance(waarde, list):
            # every piece in some step's outcome or bron
            teksten = [f"{st['uitkomst']} | {st['bron']}" for st in uitkomst["toelichting"]]
            for stuk in waarde:
                assert any(stuk in t for t in teksten), f"geen stap met {stuk!r} ({artikel})"
        elif sleutel == "toelichting_bevat":
            bronnen = [s["bron"] for s in uitkomst["toelichting"]]
            assert any(waarde in b for b in bronnen), f"geen stap met bron '{waarde}' ({artikel}): {bronnen}"
        elif sleutel == "toelichting_uitkomst_bevat":
            assert any(waarde in s["uitkomst"] for s in uitkomst["toelichting"]), f"'{waarde}' ({artikel})"
        elif sleutel == "waarschuwing_bevat":
            for stuk in waarde:
                assert any(stuk in w for w in uitkomst["waarschuwingen"]), (
                    f"'{stuk}' niet in {uitkomst['waarschuwingen']}"
                )
        elif sleutel == "zzp":
            for veld, w in waarde.items():
                assert uitkomst["zzp"][veld] == w, f"zzp.{veld}: {uitkomst['zzp'][veld]!r} ≠ {w!r} ({artikel})"
        elif sleutel == "additionele_uren_pv":
            pv = next(f for f in uitkomst["functies"] if f["functie"] == "PV")
            assert (pv.get("additionele_uren_per_week", 0) > 0) is waarde
        else:
            assert uitkomst[sleutel] == waarde, f"{sleutel}: {uitkomst[sleutel]!r} ≠ {waarde!r} ({artikel})"


@pytest.mark.parametrize("geval", GEVALLEN, ids=[g["naam"] for g in GEVALLEN])
def test_geval(geval: dict[str, Any]) -> None:
    verwachte_fout = geval.get("fout") or (geval.get("verwacht") or {}).get("fout")
    if verwachte_fout:
        with pytest.raises(InvoerFout) as fout:
            bereken_indicatie(als_json(geval["invoer"]))
        velden = [f.veld for f in fout.value.fouten]
        assert verwachte_fout in velden, f"{velden} ({geval['artikel']})"
        return
    uitkomst = bereken_indicatie(als_json(geval["invoer"])).als_dict()
    vergelijk(als_json(geval["verwacht"]), uitkomst, geval["artikel"])
    # every step of the trail names its rule and its bron
    assert uitkomst["toelichting"], "geen toelichting"
    for stap in uitkomst["toelichting"]:
        assert stap["regel"] and stap["uitkomst"] and stap["bron"], stap
