"""The client's zorgplan letter cites the rules that held for the care (regels.zorgplan.zorgplan_regels, following
``zorgplan_plichten_gelden``): care that started before 2015 names the AWBZ's Besluit zorgplanbespreking AWBZ-zorg
(its text is not in ../shared/regelgeving: named, never quoted) and cites no Wlz article; care in natura under the
Wlz cites art. 8.1.1 and 8.1.3; a Wlz pgb says those articles do not hold (art. 8.1.1 lid 1). Read as the client
reads it (pdftotext)."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.api.conftest import Api
from tests.api.test_startpagina import _zorgplan_pdf_tekst
from tests.api.test_zorgplan_uren_onbekend import PLAN, _overeenkomst
from zorgzwaarte.opslag.modellen import Zorgleveringsovereenkomst

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (make system) ontbreekt")

VOLLEDIG = {
    **PLAN,
    "zorgverleners": "Team Noord",
    "evaluatiedata": ["2014-12-15"],
    "persoonlijk_plan": None,
}


def _brief(api: Api, tmp_path: Path, ingang: date, leveringsvorm: str, vastgesteld: str) -> str:
    ov_id = _overeenkomst(api, {"min": 10, "max": 13.5, "bron": "b"})
    with api.fabriek() as s:
        ov = s.get(Zorgleveringsovereenkomst, ov_id)
        assert ov is not None
        ov.ingangsdatum, ov.leveringsvorm = ingang, leveringsvorm
        s.commit()
    plan = {**VOLLEDIG, "vastgesteld_op": vastgesteld, "evaluatiedata": [vastgesteld]}
    r = api.als("linde").post(f"/api/v1/overeenkomsten/{ov_id}/zorgplannen", json=plan)
    assert r.status_code == 201, r.text
    return _zorgplan_pdf_tekst(api, r.json()["id"], tmp_path)


def test_awbz_zorg_noemt_het_besluit_zorgplanbespreking_en_geen_wlz(api: Api, tmp_path: Path) -> None:
    """Care from 1 March 2013 (AWBZ), the letter printed in 2026: the AWBZ's besluit, no Wlz article or duty."""
    api.klok.moment = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    tekst = _brief(api, tmp_path, date(2013, 3, 1), "verblijf", "2013-03-20")
    assert "Uw zorg begon op 1 maart 2013, vóór 1 januari 2015. Toen gold de AWBZ" in tekst, tekst
    assert "Besluit zorgplanbespreking AWBZ-zorg" in tekst
    assert "wetten.overheid.nl/BWBR0025521/2013-03-01" in tekst, tekst
    assert "Wet langdurige zorg" not in tekst and "art. 8.1" not in tekst, tekst
    assert "minstens twee keer per jaar" not in tekst and "persoonlijk plan" not in tekst.lower()
    assert "Afgesproken: 20 maart 2013." in tekst


def test_wlz_zorg_in_natura_noemt_de_wlz_artikelen(api: Api, tmp_path: Path) -> None:
    """The counterpart (so the test above can fail): care from 2026 in natura cites Wlz art. 8.1.1 and 8.1.3."""
    api.klok.moment = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    tekst = _brief(api, tmp_path, date(2026, 11, 1), "verblijf", "2026-11-30")
    assert "Wet langdurige zorg art. 8.1.1 lid 1 onder a" in tekst and "art. 8.1.1 lid 6" in tekst, tekst
    assert "Besluit zorgplanbespreking AWBZ-zorg" not in tekst and "Toen gold de AWBZ" not in tekst


def test_wlz_pgb_zegt_dat_de_zorgplanregels_niet_gelden(api: Api, tmp_path: Path) -> None:
    api.klok.moment = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    tekst = _brief(api, tmp_path, date(2026, 11, 1), "pgb", "2026-11-30")
    assert (
        "persoonsgebonden budget (pgb). De regels van de Wet langdurige zorg over het zorgplan gelden dan niet" in tekst
    )
    assert "art. 8.1.1 lid 1" in tekst and "art. 8.1.1 lid 6" not in tekst and "lid 1 onder a" not in tekst, tekst
