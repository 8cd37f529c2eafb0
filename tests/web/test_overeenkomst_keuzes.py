"""The zorgleveringsovereenkomst form proposes only the leveringsvormen the valid indicatiebesluit allows, and its help
says why the others are missing (Wlz art. 3.3.1 lid 1, art. 3.3.2 lid 1); the service still refuses the others
(tests/web/test_web.py: a tampered form)."""

from __future__ import annotations

from typing import Any

from tests.web.conftest import axe_overtredingen, schermafdruk
from tests.web.test_leveringsvormen import _client_met_vpt_elders
from tests.web.test_web import aanmelden


def test_indicatie_zonder_verblijf_stelt_geen_verblijf_voor(pagina: Any) -> None:
    aanmelden(pagina, "linde")
    pagina.locator("main table a").first.click()  # the first demo client: functies en klassen at home
    pagina.get_by_role("link", name="Zorgplan, rapportage en geleverde zorg").click()
    pagina.get_by_text("Overeenkomst vastleggen (op het geldende indicatiebesluit)").click()
    veld = pagina.get_by_label("Leveringsvorm")
    assert veld.locator("option").evaluate_all("os => os.map(o => o.value)") == ["mpt", "pgb"]
    uitleg = pagina.locator("#leveringsvorm-uitleg").inner_text()
    assert "modulair pakket thuis of persoonsgebonden budget" in uitleg
    assert (
        "volledig pakket thuis, want een volledig pakket thuis vraagt een indicatie met een zorgzwaartepakket" in uitleg
    )
    assert "leveringsvorm-uitleg" in (veld.get_attribute("aria-describedby") or "")
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "overeenkomst-leveringsvormen-thuis")


def test_indicatie_met_verblijf_stelt_alles_voor(pagina: Any, web_engine: Any) -> None:
    client_id = _client_met_vpt_elders(web_engine, nummer=72)  # a ZZP with verblijf
    aanmelden(pagina, "linde")
    pagina.goto(f"/clienten/{client_id}/zorg")
    veld = pagina.get_by_label("Leveringsvorm")
    assert veld.locator("option").evaluate_all("os => os.map(o => o.value)") == ["verblijf", "vpt", "mpt", "pgb"]
    assert pagina.locator("#leveringsvorm-uitleg").count() == 0
