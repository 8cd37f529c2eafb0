"""The typed answer of POST /indiceer and /beoordelingen/{id}/voorbeeld (IndicatieUitkomst) fits every outcome the
rules core can give: every readable case file (AWBZ 2014, Wlz 2015 and later versions, the overgangsrecht of the
Wijzigingsregeling Rza 2012 art. II-III with its 'niet vastgesteld', the vignetten of every ZZP) and every
assessment of the demo. A closed model that is narrower than the core turns a valid assessment into a 500."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.api.conftest import Api
from tests.conftest import als_json
from tests.regels.test_indicatie_gevallen import GEVALLEN as INDICATIE
from tests.regels.test_overgangsrecht import BASIS
from tests.regels.test_overgangsrecht import GEVALLEN as OVERGANGSRECHT
from tests.regels.test_profielkeuze import VIGNETTEN, VIGNETTEN_WLZ
from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.domein.uitvoer_regels import IndicatieUitkomst
from zorgzwaarte.fouten import InvoerFout


def _invoeren() -> list[tuple[str, dict[str, Any]]]:
    uit = [(g["naam"], als_json(g["invoer"])) for g in INDICATIE]
    uit += [(g["naam"], {**BASIS[g["basis"]], **als_json(g["invoer"])}) for g in OVERGANGSRECHT]
    uit += [(f"vignet AWBZ {v['zzp']}", als_json(v["invoer"])) for v in VIGNETTEN]
    uit += [(f"vignet Wlz {v['zzp']}", als_json(v["invoer"])) for v in VIGNETTEN_WLZ]
    return uit


INVOEREN = _invoeren()


@pytest.mark.parametrize("invoer", [i for _, i in INVOEREN], ids=[n for n, _ in INVOEREN])
def test_elke_uitkomst_past_in_het_model(invoer: dict[str, Any]) -> None:
    try:
        uitkomst = bereken_indicatie(invoer).als_dict()
    except InvoerFout:
        return  # a refused assessment answers 422, not this model
    model = IndicatieUitkomst.model_validate(uitkomst)
    # nothing is lost or changed on the way out
    assert model.model_dump(mode="json", exclude_unset=True) == json.loads(json.dumps(uitkomst, default=str))


def test_er_is_een_uitkomst_met_niet_vastgesteld_overgangsrecht() -> None:
    """The case that broke the model: art. II/III 'niet vastgesteld' (mogelijk null) is among the inputs above."""
    gezien = []
    for _, invoer in INVOEREN:
        try:
            zzp = bereken_indicatie(invoer).als_dict().get("zzp") or {}
        except InvoerFout:
            continue
        gezien += [o["mogelijk"] for o in zzp.get("overgangsrecht") or []]
    assert None in gezien and True in gezien and False in gezien


def test_voorbeeld_van_elke_demobeoordeling(api: Api) -> None:
    """Every assessment of the demo gives its preview (200), never a 500."""
    c = api.als("beoordelaar")
    clienten = c.get("/api/v1/clienten", params={"per_pagina": 200}).json()["items"]
    gezien = 0
    for k in clienten:
        for b in c.get(f"/api/v1/clienten/{k['id']}/beoordelingen").json():
            r = c.post(f"/api/v1/beoordelingen/{b['id']}/voorbeeld")
            assert r.status_code in (200, 422), (b["id"], r.status_code, r.text[:300])
            gezien += r.status_code == 200
    assert gezien > 0
