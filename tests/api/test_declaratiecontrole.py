"""The declaration check against the records (issue 14, item 16): no indication, another ZZP, days outside the
validity, no overeenkomst; audited without the BSN."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from tests.api.conftest import WACHTWOORD, Api
from zorgzwaarte.diensten.auth import aanmelden
from zorgzwaarte.diensten.declaratiecontrole import declaratie_controleren
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.opslag.modellen import Auditregel, Client, Indicatiebesluit, Zorgleveringsovereenkomst


def declaratie(regels: list[dict[str, Any]], van: str = "2014-06-01", tot: str = "2014-06-30") -> dict[str, Any]:
    return {
        "periode": {"van": van, "tot": tot},
        "tarieven": [{"prestatie": "Z405", "bedrag_per_dag": "100.00", "fictief": True}],
        "clienten": regels,
    }


def test_regels_vergeleken_met_indicatie_en_overeenkomst(api: Api) -> None:
    with api.fabriek() as s:
        o = s.scalars(select(Zorgleveringsovereenkomst).where(Zorgleveringsovereenkomst.zzp_code.is_not(None))).first()
        assert o is not None
        ib = s.get(Indicatiebesluit, o.indicatiebesluit_id)
        c = s.get(Client, o.client_id)
        assert ib is not None and c is not None and ib.zzp_code
        bsn, zzp, begin = c.bsn, ib.zzp_code, max(ib.geldig_van, o.ingangsdatum)
    maand = begin.replace(day=1) + timedelta(days=32)
    van, tot = maand.replace(day=1), (maand.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    _, actor = aanmelden(api.fabriek, "zorgkantoor", WACHTWOORD["zorgkantoor"], api.klok)
    regels = [
        {"id": "goed", "prestatie": "Z405", "opname": van.isoformat(), "bsn": bsn, "zzp": zzp},
        {"id": "ander", "prestatie": "Z405", "opname": van.isoformat(), "bsn": bsn, "zzp": "10VV"},
        {"id": "zonder", "prestatie": "Z405", "opname": van.isoformat()},
        {"id": "onbekend", "prestatie": "Z405", "opname": van.isoformat(), "bsn": "999991540"},
    ]
    n = api.audit_aantal()
    with Werkeenheid(api.fabriek, actor, api.klok) as w:
        uit = declaratie_controleren(w, declaratie(regels, van.isoformat(), tot.isoformat()))
    assert uit.controle["goed"] == []
    assert uit.controle["ander"] == [f"ander zorgzwaartepakket: gedeclareerd 10VV, geïndiceerd {zzp}"]
    assert uit.controle["zonder"] == ["geen BSN op deze regel: niet te vergelijken met een indicatie"]
    assert uit.controle["onbekend"] in (
        ["geen cliënt met dit BSN in uw regio"],
        ["het BSN op deze regel is niet geldig"],
    )
    nieuw = api.audit_sinds(n)
    assert any(a.actie == "declaratie.controleren" for a in nieuw)
    assert all(bsn not in (a.details or "") for a in nieuw)  # the BSN is never logged

    # a period before the declaration rules (NZa Regeling declaratie AWBZ-zorg art. 9: from 1 January 2014) has no
    # rules: a clear error on the period, no guess (issue 11, item 15)
    with pytest.raises(InvoerFout) as fout, Werkeenheid(api.fabriek, actor, api.klok) as w:
        declaratie_controleren(w, declaratie([{**regels[0], "opname": "2009-01-01"}], "2009-01-01", "2009-01-31"))
    assert [f.veld for f in fout.value.fouten] == ["periode.van"]
    # the first weeks of 2014, partly before the indication (6 January 2014): days outside its validity
    with Werkeenheid(api.fabriek, actor, api.klok) as w:
        uit = declaratie_controleren(w, declaratie([{**regels[0], "opname": "2014-01-01"}], "2014-01-01", "2014-01-28"))
    assert any(b.startswith("dagen buiten de geldigheid van de indicatie") for b in uit.controle["goed"])
    with api.fabriek() as s:
        assert s.scalars(select(Auditregel).where(Auditregel.actie == "declaratie.controleren")).first() is not None
