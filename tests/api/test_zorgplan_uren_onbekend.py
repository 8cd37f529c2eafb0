"""A zorgplan without planned hours: its PDF for the client says "onbekend" and why (which input is missing), never
a blank section or a 0 (Wlz art. 8.1.3 lid 2: the client gets a copy of the plan)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.api.conftest import Api
from tests.api.test_startpagina import _zorgplan_pdf_tekst
from zorgzwaarte.opslag.modellen import Gebruiker, Indicatiebesluit, Zorgleveringsovereenkomst

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (make system) ontbreekt")

PLAN = {"vastgesteld_op": "2014-12-01", "domeinen": {"wonen": {"doelen": ["Zelf koffie zetten"]}}}


def _overeenkomst(api: Api, zzp_uren: dict[str, object] | str | None) -> int:
    """linde's first overeenkomst; with a zorgzwaartepakket 5 VV whose hours are `zzp_uren` ("geen": no ZZP)."""
    with api.fabriek() as s:
        linde = s.scalars(select(Gebruiker).where(Gebruiker.gebruikersnaam == "linde")).one()
        ov = s.scalars(
            select(Zorgleveringsovereenkomst).where(Zorgleveringsovereenkomst.zorgaanbieder_id == linde.organisatie_id)
        ).first()
        assert ov is not None and ov.indicatiebesluit_id is not None
        ib = s.get(Indicatiebesluit, ov.indicatiebesluit_id)
        assert ib is not None
        if zzp_uren == "geen":
            ib.zzp_code = None
        else:
            ib.zzp_code = "5VV"
            ib.resultaat = {**ib.resultaat, "zzp": {**(ib.resultaat.get("zzp") or {}), "uren_per_week": zzp_uren}}
        s.commit()
        return ov.id


@pytest.mark.parametrize(
    ("zzp_uren", "waarom"),
    [
        (None, "de uren van uw zorgzwaartepakket (5 VV) zijn niet bekend: de regeling geeft ze alleen als afbeelding"),
        ({"min": 10, "max": 13.5, "bron": "b"}, "uw zorgzwaartepakket (5 VV) geeft 10 tot 13,5 uur per week"),
        ("geen", "Dat bespreken wij met u."),
    ],
)
def test_zorgplan_zonder_uren_zegt_onbekend_en_waarom(
    api: Api, tmp_path: Path, zzp_uren: dict[str, object] | str | None, waarom: str
) -> None:
    from datetime import UTC, datetime

    api.klok.moment = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)  # the letter's duties are those of the Wlz of today
    ov_id = _overeenkomst(api, zzp_uren)
    r = api.als("linde").post(f"/api/v1/overeenkomsten/{ov_id}/zorgplannen", json=PLAN)
    assert r.status_code == 201, r.text
    tekst = _zorgplan_pdf_tekst(api, r.json()["id"], tmp_path)
    assert "Geplande zorg per week Uren per week: onbekend. In dit zorgplan zijn nog geen uren zorg per week" in tekst
    assert waarom in tekst, tekst


def test_zorgplanbrief_van_awbz_zorg_op_een_dag_in_2014(api: Api, tmp_path: Path) -> None:
    """On the test clock (1 december 2014) an agreement that started under the AWBZ gets its zorgplan letter without
    Wlz duties (art. 8.1.1 and 8.1.3 hold from 2015 on) instead of failing on the Wlz table."""
    ov_id = _overeenkomst(api, {"min": 10, "max": 13.5, "bron": "b"})
    r = api.als("linde").post(f"/api/v1/overeenkomsten/{ov_id}/zorgplannen", json=PLAN)
    assert r.status_code == 201, r.text
    tekst = _zorgplan_pdf_tekst(api, r.json()["id"], tmp_path)
    assert "Uren per week: onbekend" in tekst
    assert "nog niet opgeschreven op welke dag wij dit plan met u hebben besproken" not in tekst, tekst


def test_zorgplanbrief_van_wlz_zorg_noemt_de_ontbrekende_bespreking(api: Api, tmp_path: Path) -> None:
    """The counterpart: the same plan without a bespreking for care that started under the Wlz (2026) does name the
    missing zorgplanbespreking (Wlz art. 8.1.1 lid 1), so the test above can fail."""
    from datetime import UTC, date, datetime

    api.klok.moment = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    ov_id = _overeenkomst(api, {"min": 10, "max": 13.5, "bron": "b"})
    with api.fabriek() as s:
        ov = s.get(Zorgleveringsovereenkomst, ov_id)
        assert ov is not None
        ov.ingangsdatum = date(2026, 11, 1)
        s.commit()
    r = api.als("linde").post(
        f"/api/v1/overeenkomsten/{ov_id}/zorgplannen", json={**PLAN, "vastgesteld_op": "2026-11-30"}
    )
    assert r.status_code == 201, r.text
    tekst = _zorgplan_pdf_tekst(api, r.json()["id"], tmp_path)
    assert "nog niet opgeschreven op welke dag wij dit plan met u hebben besproken" in tekst, tekst
