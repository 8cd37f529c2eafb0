"""Overgangsrecht ZZP 1-2 and 3 VV (Wijzigingsregeling Regeling zorgaanspraken AWBZ 2012 art. II and III): cases in
tests/regels/cases/wijzigingsregeling_rza_2012_art_II_III.yaml, per lid and at each boundary."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tests.conftest import TESTS, als_json, laad_gevallen
from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.fouten import InvoerFout

GEVALLEN = laad_gevallen(TESTS / "regels" / "cases" / "wijzigingsregeling_rza_2012_art_II_III.yaml")
VIGNETTEN = {v["zzp"]: v["invoer"] for v in laad_gevallen(TESTS / "regels" / "cases" / "vignetten_awbz_2014.yaml")}


def licht(invoer: dict[str, Any]) -> dict[str, Any]:
    """A vignette with every score capped at 1: a client whose best profile is a ZZP 1 or 2."""
    uit = copy.deepcopy(invoer)
    uit["stoornisscores"] = {k: min(v, 1) for k, v in uit["stoornisscores"].items()}
    uit["beperkingscores"] = {k: min(v, 1) for k, v in uit["beperkingscores"].items()}
    return uit


BASIS = {
    "vv": {**licht(VIGNETTEN["4VV"]), "verpleegkundige_aandacht": 1},
    "vg": licht(VIGNETTEN["3VG"]),
}
ARTIKEL = {"art. II": "ZZP 1VV", "art. III": "ZZP 3VV"}


def overgang(zzp: dict[str, Any], artikel: str) -> dict[str, Any]:
    return next(o for o in zzp["overgangsrecht"] if o["bron"].split(" lid ")[0].endswith(artikel))


@pytest.mark.parametrize("geval", GEVALLEN, ids=[g["naam"] for g in GEVALLEN])
def test_geval(geval: dict[str, Any]) -> None:
    invoer = {**BASIS[geval["basis"]], **als_json(geval["invoer"])}
    if "fout" in geval:
        with pytest.raises(InvoerFout) as e:
            bereken_indicatie(invoer)
        assert [f.veld for f in e.value.fouten] == [geval["fout"]], geval["artikel"]
        return
    uit = bereken_indicatie(invoer).als_dict()
    zzp = uit["zzp"]
    codes = {zzp["code"], *(a["code"] for a in zzp["alternatieven"])}
    v = geval["verwacht"]
    assert set(v.get("kandidaat", [])) <= codes, (codes, geval["artikel"])
    assert not set(v.get("geen_kandidaat", [])) & codes, (codes, geval["artikel"])
    if "berekend" in v:
        assert zzp["berekend"] == v["berekend"], geval["artikel"]
    for artikel, mogelijk in v.get("overgangsrecht", {}).items():
        o = overgang(zzp, artikel)
        assert o["mogelijk"] is mogelijk, (o, geval["artikel"])
        # the trail has a step for the article, citing it, that says why
        (stap,) = [s for s in uit["toelichting"] if s["regel"].startswith("Overgangsrecht") and s["bron"] == o["bron"]]
        assert o["reden"] in stap["uitkomst"] and artikel in stap["bron"]
    for artikel, lid in v.get("bron", {}).items():
        assert overgang(zzp, artikel)["bron"].endswith(lid), geval["artikel"]
    kandidaten = next(s for s in uit["toelichting"] if s["regel"] == "Kandidaat-profielen")
    for code in v.get("geen_kandidaat", []):
        assert f"{code} (" in kandidaten["uitkomst"], "the candidate step says why a profile is not possible"


def test_gekozen_zzp_alleen_met_grond_uit_het_overgangsrecht() -> None:
    """The assessor may choose ZZP 2 VV after 2012 only where a ground of art. II applies (with a motivation)."""
    keuze = {"gekozen_zzp": "2VV", "motivering_afwijkend_profiel": "past beter bij de situatie thuis"}
    zonder = {"aanvraagdatum": "2014-02-01", "eerdere_indicaties": [], "na_zvw_of_forensisch_verblijf": False}
    with pytest.raises(InvoerFout) as e:
        bereken_indicatie({**BASIS["vv"], **zonder, **keuze})
    assert [f.veld for f in e.value.fouten] == ["gekozen_zzp"]
    met = {**zonder, "na_zvw_of_forensisch_verblijf": True}
    assert bereken_indicatie({**BASIS["vv"], **met, **keuze}).als_dict()["zzp"]["code"] == "2VV"


def test_wlz_kent_dit_overgangsrecht_niet() -> None:
    """The Wijzigingsregeling changes the Regeling zorgaanspraken AWBZ: no such step under the Wlz (2015+)."""
    invoer = {**BASIS["vv"], "peildatum": "2016-06-01", "blijvend": True, "aanvraagdatum": "2012-12-31"}
    invoer["zorg_24_uur_nabijheid"] = "fysieke_problemen"
    uit = bereken_indicatie(invoer).als_dict()
    assert uit["stelsel"] == "Wlz"
    assert not any(s["regel"].startswith("Overgangsrecht ZZP") for s in uit["toelichting"])
