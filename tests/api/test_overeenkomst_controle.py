"""Refusals with a clear message when an overeenkomst or zorgplan does not fit the indication (issue 14, item 13)."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest

from zorgzwaarte.diensten.records import controleer_evaluatiedata, controleer_overeenkomst_op_indicatie
from zorgzwaarte.fouten import InvoerFout


def besluit(**k: Any) -> Any:
    basis = {"geldig_van": date(2014, 3, 10), "geldig_tot": date(2029, 3, 9), "verblijf": False, "zzp_code": None}
    return SimpleNamespace(**{**basis, **k})


def fouten(*args: Any) -> list[tuple[str, str]]:
    with pytest.raises(InvoerFout) as f:
        controleer_overeenkomst_op_indicatie(*args)
    return [(x.veld, x.melding) for x in f.value.fouten]


def test_ingangsdatum_binnen_de_geldigheid_van_het_besluit() -> None:
    assert fouten("mpt", date(2014, 3, 9), None, besluit()) == [
        ("ingangsdatum", "ligt vóór het begin van het indicatiebesluit (10 maart 2014)")
    ]
    assert fouten("mpt", date(2029, 3, 10), None, besluit()) == [
        ("ingangsdatum", "ligt na het einde van het indicatiebesluit (9 maart 2029)")
    ]
    controleer_overeenkomst_op_indicatie("mpt", date(2014, 3, 10), None, besluit())


def test_vpt_vraagt_een_zzp_en_verblijf_een_verblijfsindicatie() -> None:
    """A volledig pakket thuis delivers a zorgzwaartepakket at home: not on a functions-only indication."""
    assert fouten("vpt", date(2014, 4, 1), None, besluit())[0][0] == "leveringsvorm"
    assert fouten("verblijf", date(2014, 4, 1), None, besluit()) == [
        ("leveringsvorm", "verblijf vraagt een indicatie met verblijf")
    ]
    controleer_overeenkomst_op_indicatie("vpt", date(2014, 4, 1), None, besluit(verblijf=True, zzp_code="5VV"))


def test_einddatum_niet_voor_ingangsdatum() -> None:
    assert fouten("mpt", date(2014, 4, 1), date(2014, 3, 31), besluit()) == [("einddatum", "ligt vóór de ingangsdatum")]


def test_evaluatie_niet_voor_het_zorgplan() -> None:
    with pytest.raises(InvoerFout) as f:
        controleer_evaluatiedata(date(2014, 6, 1), [date(2014, 9, 1), date(2014, 5, 31)])
    assert [(x.veld, x.melding) for x in f.value.fouten] == [
        ("evaluatiedata.1", "ligt vóór de datum van het zorgplan (1 juni 2014)")
    ]
    controleer_evaluatiedata(date(2014, 6, 1), [date(2014, 6, 1)])
