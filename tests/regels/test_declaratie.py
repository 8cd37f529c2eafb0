"""Declaration of ZZP days and billable absence (NZa declaratieregels AWBZ 2014, Wlz 2015, Wlz 2016)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from tests.conftest import TESTS, als_json, laad_gevallen
from zorgzwaarte.diensten.declaratie import declareer
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.bekostiging.tarief import afronden_op_vijf_minuten, meerzorg_dagtarief

GEVALLEN = laad_gevallen(TESTS / "regels" / "cases" / "declaratie.yaml")


def invoer(periode: dict[str, Any], client: dict[str, Any], prestatie: str = "ZZP") -> dict[str, Any]:
    return {
        "periode": periode,
        "tarieven": [{"prestatie": prestatie, "bedrag_per_dag": "100.00", "fictief": True}],
        "clienten": [{"id": "c1", "prestatie": prestatie, "ontslag": None, **client}],
    }


@pytest.mark.parametrize("geval", GEVALLEN, ids=[g["naam"] for g in GEVALLEN])
def test_geval(geval: dict[str, Any]) -> None:
    data = als_json(invoer(geval["periode"], geval["client"], geval.get("prestatie", "ZZP")))
    if "fout" in geval:
        with pytest.raises(InvoerFout) as e:
            declareer(data)
        assert [f.veld for f in e.value.fouten] == [geval["fout"]], geval["artikel"]
        assert "1 januari 2014" in e.value.fouten[0].melding or "01-01-2014" in e.value.fouten[0].melding
        return
    eerste = declareer(data).regels[0]
    regel = eerste.als_json()  # compared with the case file as the API gives it
    for veld, waarde in als_json(geval["verwacht"]).items():
        assert regel[veld] == waarde, f"{veld}: {regel[veld]} ≠ {waarde} ({geval['artikel']})"
    assert Decimal(eerste.bedrag) == Decimal(eerste.dagen) * 100
    assert all(s.regel and s.uitkomst and s.bron for s in eerste.toelichting)


def test_een_zzp_per_client_per_dag() -> None:
    data = invoer({"van": "2016-03-01", "tot": "2016-03-31"}, {"opname": "2015-01-01", "ontslag": "2016-03-16"})
    data["clienten"].append({"id": "c1", "prestatie": "ZZP", "opname": "2016-03-10"})
    uit = declareer(data)
    assert [r.dagen for r in uit.regels] == [15, 16]  # the overlap 10-15 March is billed once
    assert any("Eén ZZP" in s.regel for s in uit.regels[1].toelichting)
    assert uit.totaal == "3100.00"


def test_meerzorg_per_dag_met_nza_afronding() -> None:
    """NZa ZZP-meerzorg art. 3-5: sum(hours x tariff) / 7, each step rounded on cents."""
    dag, stappen = meerzorg_dagtarief(
        {"woonzorg": Decimal("10.333"), "behandeling": Decimal("2")},
        {"woonzorg": Decimal("45.005"), "behandeling": Decimal("80")},
    )
    # 10.33 x 45.01 = 464.9533 -> 464.95; 2.00 x 80.00 = 160.00; 624.95 / 7 = 89.2785.. -> 89.28
    assert dag == Decimal("89.28") and len(stappen) == 3
    data = invoer(
        {"van": "2016-03-01", "tot": "2016-03-31"},
        {
            "opname": "2015-01-01",
            "meerzorg": {"uren_per_week": {"woonzorg": "7"}, "tarief_per_uur": {"woonzorg": "50"}},
            "afwezigheid": [{"van": "2016-03-01", "tot": "2016-03-02", "reden": "ziekenhuis"}],
        },
    )
    regels = declareer(data).regels
    assert regels[1].prestatie == "ZZP-meerzorg" and regels[1].tarief == "50.00" and regels[1].dagen == 29


@pytest.mark.parametrize(
    ("minuten", "verwacht"), [("12", "10"), ("12.5", "15"), ("17.4", "15"), ("2", "0"), ("3", "5")]
)
def test_vijf_minuten_afronding(minuten: str, verwacht: str) -> None:
    """NZa Wlz 2016 art. 4.3: without a written agreement, to the nearest multiple of five minutes."""
    assert afronden_op_vijf_minuten(Decimal(minuten)) == Decimal(verwacht)


@pytest.mark.parametrize(
    ("wijziging", "veld"),
    [
        ({"periode": {"van": "2016-03-01", "tot": "2016-03-20"}}, "periode"),
        ({"tarieven": [{"prestatie": "X", "bedrag_per_dag": "1"}]}, "clienten.0.prestatie"),
        ({"tarieven": [{"prestatie": "ZZP", "bedrag_per_dag": "1.234"}]}, "tarieven.0.bedrag_per_dag"),
        ({"clienten": [{"id": "c", "prestatie": "ZZP", "opname": "2016-02-30"}]}, "clienten.0.opname"),
        (
            {
                "clienten": [
                    {
                        "id": "c",
                        "prestatie": "ZZP",
                        "opname": "2016-01-01",
                        "afwezigheid": [{"van": "2016-03-02", "tot": "2016-03-01", "reden": "vakantie"}],
                    }
                ]
            },
            "clienten.0.afwezigheid.0",
        ),
        (
            {
                "clienten": [
                    {
                        "id": "c",
                        "prestatie": "ZZP",
                        "opname": "2016-01-01",
                        "afwezigheid": [{"van": "2016-03-01", "tot": "2016-03-01", "reden": "uitje"}],
                    }
                ]
            },
            "clienten.0.afwezigheid.0.reden",
        ),
    ],
)
def test_ongeldige_invoer(wijziging: dict[str, Any], veld: str) -> None:
    data = {**invoer({"van": "2016-03-01", "tot": "2016-03-31"}, {"opname": "2015-01-01"}), **wijziging}
    with pytest.raises(InvoerFout) as fout:
        declareer(data)
    assert any(f.veld.startswith(veld) for f in fout.value.fouten), fout.value.fouten
