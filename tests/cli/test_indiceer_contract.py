"""Machine contract of `zorgzwaarte indiceer` and `zorgzwaarte codes handelingen` (issue: rules core)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.helpers import fouten, zorgzwaarte

VOORBEELD = Path(__file__).parents[2] / "examples" / "thuis_pv_vp.json"
GOED: dict[str, Any] = json.loads(VOORBEELD.read_text(encoding="utf-8"))


def met(**wijzigingen: Any) -> str:
    data = copy.deepcopy(GOED)
    data.update(wijzigingen)
    return json.dumps(data)


def test_codes_handelingen_json_een_object_per_handeling() -> None:
    """Beleidsregels indicatiestelling AWBZ 2014, bijlage 4 en 5 §4.4: every handeling with a minute value."""
    p = zorgzwaarte("codes", "handelingen", "--json")
    assert p.returncode == 0, p.stderr
    lijst = json.loads(p.stdout)
    # bijlage 4 §4.4: 44 PV handelingen with minutes; bijlage 5 §4.4: 36 VP handelingen with minutes; bijlage 5
    # §5.3: 9 handelingen of the thuisbeademing schedule with their own time (uitzuigen 5 tot 10 minuten)
    assert sum(h["functie"] == "PV" for h in lijst) == 44
    assert sum(h["functie"] == "VP" and not h["thuisbeademing"] for h in lijst) == 36
    assert sum(h["thuisbeademing"] for h in lijst) == 9
    uitzuigen = next(h for h in lijst if h["id"] == "VP-TB-1")
    assert (uitzuigen["minuten"], uitzuigen["minuten_tot"]) == (5, 10)
    ids = [h["id"] for h in lijst]
    assert len(set(ids)) == len(ids)
    for h in lijst:
        assert h["functie"] in ("PV", "VP")
        assert isinstance(h["minuten"], int | float) and h["minuten"] > 0
        assert h["activiteit"] and h["omschrijving"]
    wassen = next(h for h in lijst if h["id"] == "PV-1.1-2")
    assert (wassen["activiteit"], wassen["omschrijving"], wassen["minuten"]) == ("1.1", "Gehele lichaam", 20)


def test_indiceer_bestand_geeft_json_besluit() -> None:
    p = zorgzwaarte("indiceer", str(VOORBEELD))
    assert p.returncode == 0, p.stderr
    uit = json.loads(p.stdout)
    assert uit["besluit"] == "toegekend" and uit["verblijf"] is False
    assert {f["functie"]: (f["klasse"], f["klasse_code"]) for f in uit["functies"]} == {
        "PV": (3, "K3"),
        "VP": (2, "K2"),
    }
    assert (
        set(uit["ruleset"]) == {"naam", "versie", "hash", "geverifieerd_tot"} and uit["ruleset"]["naam"] == "AWBZ 2014"
    )
    for f in uit["functies"]:
        assert {
            "functie",
            "functiecode",
            "minuten_per_week",
            "klasse",
            "klasse_code",
            "ingangsdatum",
            "einddatum",
        } <= set(f)
    assert uit["geldig_van"] == "2014-03-10" and uit["geldig_tot"] == "2029-03-09"


def test_indiceer_stdin_en_uitleg() -> None:
    p = zorgzwaarte("indiceer", "-", "--uitleg", invoer=VOORBEELD.read_text(encoding="utf-8"))
    assert p.returncode == 0, p.stderr
    assert "Indicatiebesluit" in p.stdout and "bijlage 4 §4.4" in p.stdout and "Toelichting" in p.stdout


def test_ruleset_hash_is_stabiel() -> None:
    a = json.loads(zorgzwaarte("indiceer", str(VOORBEELD)).stdout)["ruleset"]
    b = json.loads(zorgzwaarte("indiceer", "-", invoer=VOORBEELD.read_text(encoding="utf-8")).stdout)["ruleset"]
    assert a == b and len(a["hash"]) == 16


@pytest.mark.parametrize(
    ("invoer", "veld", "in_melding"),
    [
        (met(grondslagen=["08"]), "grondslagen.0", "LDT_Grondslag"),
        (met(grondslagen=[]), "grondslagen", "kort"),
        (met(stoornisscores={"0107": 2}), "stoornisscores.0107", "LDT_StoornisVraag"),
        (met(beperkingscores={"0301": 4}), "beperkingscores.0301", "0, 1, 2, 3 of 9"),
        (met(stoornisscores={"0101": -1}), "stoornisscores.0101", "0, 1, 2, 3 of 9"),
        (
            met(zorgmomenten=[{"per_week": 7, "handelingen": ["PV-9.9-9"]}]),
            "zorgmomenten.0.handelingen.0",
            "bestaat niet",
        ),
        (
            met(zorgmomenten=[{"per_week": 0, "handelingen": ["PV-1.1-1"]}]),
            "zorgmomenten.0.per_week",
            "groter",
        ),
        (met(peildatum="2014-02-30"), "peildatum", "datum"),
        (met(peildatum="2010-06-01"), "peildatum", "regelset"),
        (met(client={"geboortedatum": "2015-01-01"}), "client.geboortedatum", "na de peildatum"),
        (met(client={}), "client.geboortedatum", "ontbreekt"),
        (met(prognose="7"), "prognose", "LDT_Prognose"),
        (met(etmalen_per_week=8), "etmalen_per_week", "hoogstens 7"),
        (met(onbekend_veld=1), "onbekend_veld", "geen bekend veld"),
        (met(aanvraagdatum="2014-04-01"), "aanvraagdatum", "na de besluitdatum"),
        (
            met(mantelzorg={"aftrek": [{"functie": "PV", "minuten_per_week": 10}]}),
            "mantelzorg.wens_aftrek",
            "wenst",
        ),
    ],
)
def test_ongeldige_invoer_exit_2_met_veld_en_melding(invoer: str, veld: str, in_melding: str) -> None:
    meldingen = fouten(zorgzwaarte("indiceer", "-", invoer=invoer))
    assert veld in meldingen, meldingen
    assert in_melding in meldingen[veld], meldingen[veld]


def test_ontbrekende_peildatum() -> None:
    data = copy.deepcopy(GOED)
    del data["peildatum"]
    assert "ontbreekt" in fouten(zorgzwaarte("indiceer", "-", invoer=json.dumps(data)))["peildatum"]


def test_alle_problemen_tegelijk() -> None:
    invoer = met(
        grondslagen=["01", "99"],
        stoornisscores={"0107": 5},
        zorgmomenten=[{"per_week": 1, "handelingen": ["X"]}],
    )
    meldingen = fouten(zorgzwaarte("indiceer", "-", invoer=invoer))
    assert {"grondslagen.1", "stoornisscores.0107", "zorgmomenten.0.handelingen.0"} <= set(meldingen)


def test_geen_json_en_geen_bestand() -> None:
    assert "geen geldige JSON" in fouten(zorgzwaarte("indiceer", "-", invoer="{kapot"))["bestand"]
    assert "bestaat niet" in fouten(zorgzwaarte("indiceer", "/bestaat/niet.json"))["bestand"]
    assert "JSON-object" in fouten(zorgzwaarte("indiceer", "-", invoer="[1, 2]"))["(invoer)"]
