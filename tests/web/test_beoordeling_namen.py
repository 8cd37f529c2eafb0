"""Two assessments of one client were both called "Beoordeling versie 1" on the timeline and the form: they are
now told apart by their kind (AWBZ or Wlz, from the regelset of the peildatum) and their peildatum."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from tests.web.conftest import axe_overtredingen, schermafdruk
from tests.web.test_web import aanmelden
from zorgzwaarte.opslag import modellen as m
from zorgzwaarte.opslag.database import sessiefabriek
from zorgzwaarte.rapporten.opmaak import datum


def _tweede_beoordeling(web_engine: Any) -> tuple[int, int, str]:
    """A second assessment (Wlz, peildatum 7 March 2016) beside a client's existing one; returns ids and its date."""
    with sessiefabriek(web_engine)() as s, s.begin():
        eerste = s.scalars(select(m.Beoordeling).order_by(m.Beoordeling.id)).first()
        assert eerste is not None
        invoer = {**eerste.invoer, "peildatum": "2016-03-07"}
        tweede = m.Beoordeling(
            client_id=eerste.client_id,
            status="concept",
            volgnummer=1,
            invoer=invoer,
            beoordelaar_id=eerste.beoordelaar_id,
            organisatie_id=eerste.organisatie_id,
            spoed=False,
            vastgelegd_op=eerste.vastgelegd_op,
            versie=1,
        )
        s.add(tweede)
        s.flush()
        return eerste.client_id, tweede.id, str(eerste.invoer["peildatum"])


def test_tijdlijn_en_formulier_noemen_stelsel_en_peildatum(pagina: Any, web_engine: Any) -> None:
    client_id, tweede, eerste_peildatum = _tweede_beoordeling(web_engine)
    aanmelden(pagina, "beoordelaar")
    pagina.goto(f"/clienten/{client_id}")
    tijdlijn = pagina.locator("ol.zz-tijdlijn").inner_text()
    assert "Beoordeling Wlz, peildatum 7 maart 2016 (versie 1, concept)" in tijdlijn, tijdlijn
    assert f"peildatum {datum(eerste_peildatum)} (versie" in tijdlijn
    assert "Beoordeling versie 1" not in tijdlijn
    pagina.goto(f"/beoordelingen/{tweede}")
    kop = pagina.get_by_role("heading", level=1).inner_text()
    assert kop == "Beoordeling Wlz, peildatum 7 maart 2016 (versie 1, concept)"
    assert pagina.title().startswith("Beoordeling Wlz, peildatum 7 maart 2016")
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "beoordeling-kop")
