"""Home page per role: the assessor's werkvoorraad with the legal deadline (Zorgindicatiebesluit art. 12)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tests.api.conftest import Api
from zorgzwaarte.diensten.startpagina import startpagina
from zorgzwaarte.diensten.toegang import Actor
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.opslag.modellen import Auditregel, Gebruiker


def _start(api: Api, gebruikersnaam: str) -> dict[str, Any]:
    with api.fabriek() as s:
        actor = Actor.van(s.scalars(select(Gebruiker).where(Gebruiker.gebruikersnaam == gebruikersnaam)).one())
    with Werkeenheid(api.fabriek, actor, api.klok) as w:
        return startpagina(w)


def test_werkvoorraad_zes_weken_en_twee_bij_spoed(api: Api) -> None:
    """Art. 12 lid 1: six weeks after the aanvraag; lid 2: two weeks with spoed. Sorted by deadline."""
    client_id = api.eerste_client("beoordelaar")["id"]
    b = api.als("beoordelaar")
    for aanvraag, spoed in (("2014-11-20", False), ("2014-11-25", True)):
        r = b.post(
            f"/api/v1/clienten/{client_id}/beoordelingen",
            json={"invoer": {"peildatum": "2014-11-25"}, "aanvraagdatum": aanvraag, "spoed": spoed},
        )
        assert r.status_code == 201, r.text
    voor = api.audit_aantal()
    w = _start(api, "beoordelaar")["werkvoorraad"]
    assert [(x["aanvraagdatum"], x["uiterste_beslisdatum"], x["spoed"]) for x in w] == [
        ("2014-11-25", "2014-12-09", True),
        ("2014-11-20", "2015-01-01", False),
    ]
    assert w[0]["dagen_over"] == 8  # the test clock says 1 December 2014
    assert "Zorgindicatiebesluit art. 12 lid 2" in w[0]["termijn"]
    assert api.audit_aantal() == voor + 1
    with api.fabriek() as s:
        assert s.scalars(select(Auditregel).order_by(Auditregel.id.desc())).first().actie == "startpagina"  # type: ignore[union-attr]


def test_zorgaanbieder_ziet_alleen_eigen_clienten(api: Api) -> None:
    linde = {c["client_id"] for c in _start(api, "linde")["in_zorg"]}
    anker = {c["client_id"] for c in _start(api, "anker")["in_zorg"]}
    assert linde and anker and not (linde & anker)
    assert set(_start(api, "beheerder")) == {"rol", "vandaag"}


def _zorgplan_pdf_tekst(api: Api, zorgplan_id: int, map: Path) -> str:
    """The client's zorgplan PDF as a reader sees it (poppler's pdftotext), whitespace collapsed."""
    from zorgzwaarte.diensten.brieven import zorgplanbrief
    from zorgzwaarte.rapporten.brieven import zorgplanbrief_pdf

    with api.fabriek() as s:
        actor = Actor.van(s.scalars(select(Gebruiker).where(Gebruiker.gebruikersnaam == "linde")).one())
    with Werkeenheid(api.fabriek, actor, api.klok) as w:
        pdf = zorgplanbrief_pdf(zorgplanbrief(w, zorgplan_id))
    (map / "zorgplan.pdf").write_bytes(pdf)
    uit = subprocess.run(["pdftotext", str(map / "zorgplan.pdf"), "-"], check=True, capture_output=True, text=True)
    return " ".join(uit.stdout.split())


def test_zorgplanplichten_wlz_op_de_startpagina(api: Api, tmp_path: Path) -> None:
    """Wlz art. 8.1.3 lid 1 and 8.1.1 lid 6 on the provider's home page: no zorgplan six weeks after the start of
    care is signalled with the article; a complete plan with a copy and a recent bespreking is not; AWBZ care
    (before 2015) and pgb are outside these articles."""
    from datetime import UTC, date, datetime

    from zorgzwaarte.opslag.modellen import Zorgleveringsovereenkomst, Zorgplan

    with api.fabriek() as s:
        linde = s.scalars(select(Gebruiker).where(Gebruiker.gebruikersnaam == "linde")).one()
        ov = s.scalars(
            select(Zorgleveringsovereenkomst).where(Zorgleveringsovereenkomst.zorgaanbieder_id == linde.organisatie_id)
        ).first()
        assert ov is not None
        s.query(Zorgplan).filter(Zorgplan.overeenkomst_id == ov.id).delete()
        ov.ingangsdatum, ov.einddatum, ov.leveringsvorm = date(2016, 1, 4), None, "verblijf"
        s.commit()
        ov_id, client_id = ov.id, ov.client_id
    plichten = _start(api, "linde")["zorgplanplichten"]
    assert [p["soort"] for p in plichten if p["client_id"] == client_id] == ["zorgplan_nodig"]  # before the start
    assert all(p["client_id"] == client_id for p in plichten)  # the others are in AWBZ care (2014)

    api.klok.moment = datetime(2016, 2, 16, 9, 0, tzinfo=UTC)  # 6 weeks and 1 day after the start
    eigen = [p for p in _start(api, "linde")["zorgplanplichten"] if p["client_id"] == client_id]
    assert [p["soort"] for p in eigen] == ["zorgplan_te_laat"]
    assert "art. 8.1.3 lid 1" in eigen[0]["bron"] and "15-02-2016" in eigen[0]["melding"]

    api.klok.moment = datetime(2016, 3, 1, 9, 0, tzinfo=UTC)
    p = api.als("linde")
    plan = {
        "vastgesteld_op": "2016-02-10",
        "besproken_op": "2016-02-01",
        "afschrift_op": "2016-02-11",
        "zorgverleners": "Persoonlijk begeleider Sanne; verpleegkundige voor medicatie; overleg elke week",
        "persoonlijk_plan": "Het plan van mevrouw over haar dagritme is overgenomen in 'wonen'.",
        "evaluatiedata": ["2016-07-15"],
        "domeinen": {"wonen": {"doelen": ["Zelf koffie zetten"], "wensen": ["Elke dag naar buiten"]}},
    }
    fout = p.post(f"/api/v1/overeenkomsten/{ov_id}/zorgplannen", json={**plan, "afschrift_op": "2016-01-01"})
    assert fout.status_code == 422, fout.text  # a copy before the plan existed is refused, nothing stored
    assert "afschrift" in fout.json()["fouten"][0]["melding"]
    r = p.post(f"/api/v1/overeenkomsten/{ov_id}/zorgplannen", json=plan)
    assert r.status_code == 201, r.text
    assert r.json()["besproken_op"] == "2016-02-01" and r.json()["zorgverleners"].startswith("Persoonlijk")
    assert not [p for p in _start(api, "linde")["zorgplanplichten"] if p["client_id"] == client_id]
    tekst = _zorgplan_pdf_tekst(api, r.json()["id"], tmp_path)
    for verwacht in (
        "Uw zorgplan",
        "Besproken met u op 1 februari 2016",
        "Zelf koffie zetten",
        "Persoonlijk begeleider Sanne",
        "Het plan van mevrouw over haar dagritme",
        "minstens twee keer per jaar",
        "art. 8.1.1 lid 1 onder b",
    ):
        assert verwacht in tekst, verwacht

    api.klok.moment = datetime(2016, 8, 2, 9, 0, tzinfo=UTC)  # six months and a day after the bespreking
    eigen = [p for p in _start(api, "linde")["zorgplanplichten"] if p["client_id"] == client_id]
    assert [p["soort"] for p in eigen] == ["evaluatie_te_laat"] and "art. 8.1.1 lid 6" in eigen[0]["bron"]


def test_werkvoorraad_wlz_volgt_blz_3_2_4_per_versie(api: Api) -> None:
    """A Wlz draft (peildatum from 2015) has the term of Blz art. 3.2.4 of the version in force, not the AWBZ spoed
    rule: six weeks (lid 1); two when care is already given on the aanvraagdatum (2015 text: any care; from 2024:
    only a stay in an institution); a spoed flag alone does not shorten a Wlz term."""
    client_id = api.eerste_client("beoordelaar")["id"]
    b = api.als("beoordelaar")
    concepten = [
        # (peildatum, aanvraag, spoed, zorg begonnen, verblijf in instelling)
        ("2016-03-01", "2016-03-01", False, "2016-02-01", None),  # Wlz 2015: any care already given -> 2 weeks
        ("2024-03-01", "2024-03-02", False, "2024-02-01", False),  # Wlz 2024: care at home -> 6 weeks
        ("2024-03-01", "2024-03-03", False, "2024-02-01", True),  # Wlz 2024: stay in an institution -> 2 weeks
        ("2024-03-01", "2024-03-04", False, "2024-02-01", None),  # not yet said: the shorter term, with the reason
        ("2024-03-01", "2024-03-05", True, None, None),  # spoed without care already given: six weeks
    ]
    for peildatum, aanvraag, spoed, begonnen, instelling in concepten:
        invoer: dict[str, Any] = {"peildatum": peildatum}
        if begonnen:
            invoer["zorg_aangevangen_op"] = begonnen
        if instelling is not None:
            invoer["verblijf_in_instelling"] = instelling
        r = b.post(
            f"/api/v1/clienten/{client_id}/beoordelingen",
            json={"invoer": invoer, "aanvraagdatum": aanvraag, "spoed": spoed},
        )
        assert r.status_code == 201, r.text
    rijen = {w["aanvraagdatum"]: w for w in _start(api, "beoordelaar")["werkvoorraad"]}
    assert rijen["2016-03-01"]["uiterste_beslisdatum"] == "2016-03-15"
    assert "Wlz 2015" in rijen["2016-03-01"]["termijn"] and "art. 3.2.4" in rijen["2016-03-01"]["termijn"]
    assert rijen["2024-03-02"]["uiterste_beslisdatum"] == "2024-04-13"
    assert not rijen["2024-03-02"]["spoed"]
    assert "Besluit langdurige zorg (versie 2024-01-01) art. 3.2.4 lid 1" in rijen["2024-03-02"]["termijn"]
    assert rijen["2024-03-03"]["uiterste_beslisdatum"] == "2024-03-17"
    assert "art. 3.2.4 lid 2" in rijen["2024-03-03"]["termijn"] and "Wlz 2024" in rijen["2024-03-03"]["termijn"]
    assert rijen["2024-03-04"]["uiterste_beslisdatum"] == "2024-03-18"
    assert "als de zorg die al begonnen is verblijf in een instelling is" in rijen["2024-03-04"]["termijn"]
    assert rijen["2024-03-05"]["uiterste_beslisdatum"] == "2024-04-16"
    assert "Zorgindicatiebesluit" not in rijen["2024-03-05"]["termijn"]
