"""Machine contract of `zorgzwaarte codes zzp`, `beheer zzp-aanvulling` and the `zzp` part of `indiceer`."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.cli.helpers import fouten, zorgzwaarte

DEMENTIE: dict[str, Any] = {
    "peildatum": "2014-03-03",
    "client": {"geboortedatum": "1935-01-01"},
    "grondslagen": ["02"],
    "leefklimaat": {"beschermende_woonomgeving": True, "permanent_toezicht": True},
    "etmalen_per_week": 7,
    "stoornisscores": {"0101": 3, "0102": 3, "0103": 3, "0104": 3, "0201": 3, "0202": 3, "0401": 1, "0601": 1},
    "beperkingscores": {"0101": 3, "0102": 2, "0104": 3, "0301": 3, "0302": 2, "0305": 2, "0201": 2, "0211": 3},
    "verpleegkundige_aandacht": 2,
    "begeleidingsdoel": "begeleiding_bij_achteruitgang",
}


@pytest.fixture(autouse=True)
def eigen_datamap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZORGZWAARTE_DATA", str(tmp_path / "data"))


def test_codes_zzp_json_alle_sectoren() -> None:
    p = zorgzwaarte("codes", "zzp", "--json")
    assert p.returncode == 0, p.stderr
    lijst = json.loads(p.stdout)
    codes = {z["code"] for z in lijst}
    for verwacht in (
        "1VV",
        "9aVV",
        "9bVV",
        "10VV",
        "8VG",
        "5LVG",
        "1SGLVG",
        "7LG",
        "4ZGaud",
        "5ZGvis",
        "7GGZB",
        "6GGZC",
        "5GGZW",
    ):
        assert verwacht in codes
    vijf = next(z for z in lijst if z["code"] == "5VV")
    assert vijf["cod163"] == "754" and vijf["sector"] == "VV"
    assert vijf["zorgprofiel_wlz"] == "VV Beschermd wonen met intensieve dementiezorg"
    assert vijf["uren_per_week"].startswith("onbekend")
    assert vijf["indiceerbaar"]["van"] == "2009-01-01"
    drie = next(z for z in lijst if z["code"] == "3VV")
    assert drie["indiceerbaar"]["tot"] == "2013-12-31"


def test_indiceer_met_verblijf_geeft_zzp() -> None:
    p = zorgzwaarte("indiceer", "-", invoer=json.dumps(DEMENTIE))
    assert p.returncode == 0, p.stderr
    uit = json.loads(p.stdout)
    assert uit["verblijf"] is True
    z = uit["zzp"]
    assert (z["code"], z["cod163"], z["sector"]) == ("5VV", "754", "VV")
    assert z["uren_per_week"] is None and z["meerzorg_mogelijk"] is False
    assert z["zorgprofiel_wlz"] and isinstance(z["alternatieven"], list) and z["alternatieven"]
    assert {"code", "afstand"} <= set(z["alternatieven"][0])
    assert z["domeinen"] and {"domein", "client_niveau", "profiel_niveau", "zin"} <= set(z["domeinen"][0])


def test_aanvulling_beheerder_vult_onbekend_en_staat_in_kenmerk() -> None:
    psych = {
        "peildatum": "2014-03-03",
        "client": {"geboortedatum": "1975-01-01"},
        "grondslagen": ["03"],
        "leefklimaat": {"beschermende_woonomgeving": True},
        "etmalen_per_week": 7,
        "beperkingscores": {"0101": 2, "0301": 1},
        "stoornisscores": {"0601": 2, "0201": 2},
    }
    voor = json.loads(zorgzwaarte("indiceer", "-", invoer=json.dumps(psych)).stdout)
    assert voor["zzp"]["professioneel_oordeel_nodig"] is True and voor["zzp"]["afstand"] is None
    aanvulling = {
        "zzp": [
            {
                "code": "4 GGZ-C",
                "bron": "Rza bijlage 2, afbeelding 4C GGZ (overgenomen door beheer)",
                "geldig_van": "2009-01-01",
                "domeinen": {
                    "sociale_redzaamheid": 2,
                    "adl": 1,
                    "psychosociaal_cognitief": 2,
                    "psychiatrische_problematiek": 2,
                },
            }
        ]
    }
    p = zorgzwaarte("beheer", "zzp-aanvulling", "-", invoer=json.dumps(aanvulling))
    assert p.returncode == 0, p.stderr
    na = json.loads(zorgzwaarte("indiceer", "-", invoer=json.dumps(psych)).stdout)
    assert na["zzp"]["code"] == "4GGZC" and na["zzp"]["afstand"] == 0.0
    assert "+aanvulling-" in na["ruleset"]["versie"]
    assert any("Aanvulling beheerder" in (d["bron"] or "") for d in na["zzp"]["domeinen"])


@pytest.mark.parametrize(
    ("aanvulling", "veld"),
    [
        (
            {"zzp": [{"code": "99XX", "bron": "ergens vandaan", "geldig_van": "2009-01-01", "domeinen": {"adl": 1}}]},
            "zzp.0.code",
        ),
        (
            {"zzp": [{"code": "5VV", "bron": "ergens vandaan", "geldig_van": "2009-01-01", "domeinen": {"adl": 1}}]},
            "zzp.0.domeinen.adl",
        ),
        (
            {"zzp": [{"code": "4GGZC", "bron": "ergens vandaan", "geldig_van": "2009-01-01", "domeinen": {"adl": 4}}]},
            "zzp.0.domeinen",
        ),
        ({"zzp": [{"code": "4GGZC", "geldig_van": "2009-01-01", "domeinen": {"adl": 1}}]}, "zzp.0.bron"),
        (
            {
                "zzp": [
                    {
                        "code": "4GGZC",
                        "bron": "ergens vandaan",
                        "geldig_van": "2009-01-01",
                        "uren_per_week": {"min": 9, "max": 5},
                    }
                ]
            },
            "zzp.0.uren_per_week",
        ),
    ],
)
def test_aanvulling_ongeldig_wordt_niet_opgeslagen(aanvulling: dict[str, Any], veld: str) -> None:
    meldingen = fouten(zorgzwaarte("beheer", "zzp-aanvulling", "-", invoer=json.dumps(aanvulling)))
    assert veld in meldingen, meldingen
    assert not (Path(os.environ["ZORGZWAARTE_DATA"]) / "zorgzwaarte.sqlite").exists()  # not even a database made
    assert zorgzwaarte("codes", "zzp", "--json").returncode == 0  # and reading still works without one
