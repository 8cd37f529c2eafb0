"""The decision letter and the zorgplan read as the client reads them (a colleague walked the product as a client):
no assessor wording, no bare codes, no repeated words, the sources of the decision's own regime, the zorgplan said
to 'u' in words, and no false 0 hours."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from tests.conftest import TESTS, laad_gevallen
from zorgzwaarte.diensten.brieven import (
    bron_van_het_stelsel,
    let_op_voor_client,
    onderwerpen_voor_u,
    plicht_voor_u,
)
from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.rapporten.opmaak import codes_in_woorden
from zorgzwaarte.rapporten.pdf import _omgeving
from zorgzwaarte.regels.zorgplan import zorgplan_plichten
from zorgzwaarte.web.zorglevering import voorinvulling, zorgplan_uit_formulier

VIGNET_2014 = laad_gevallen(TESTS / "regels" / "cases" / "vignetten_awbz_2014.yaml")[0]
VIGNET_WLZ = laad_gevallen(TESTS / "regels" / "cases" / "vignetten_wlz_2016.yaml")[0]
RLZ_WAARSCHUWING = (
    "De zorgprofielen en hun maximale geldigheid komen uit de Regeling langdurige zorg (versie 2015-07-27), de "
    "nieuwste tekst in de bronnen. Latere wijzigingen van die regeling zijn niet meegenomen."
)


def _brief(**extra: Any) -> str:
    b = {
        "besluitdatum": date(2016, 5, 9),
        "id": 10,
        "stelsel": "Wlz",
        "besluit": "toegekend",
        "verblijf": True,
        "zzp_code": "6VV",
        "geldig_van": date(2016, 5, 9),
        "ruleset": {"naam": "Wlz 2015", "versie": "2015.3", "hash": "abc"},
    }
    c = {"naam": "G. Brouwer", "postcode": "3991EF", "bsn": "999990111", "geboortedatum": date(1943, 5, 9)}
    context: dict[str, Any] = {"afzender": "Indicatieorgaan", "aanhef": "Geachte heer Brouwer", "b": b, "c": c}
    context["res"] = {"zzp": {"naam": "Beschermd wonen"}, "functies": [], "toelichting": []}
    return _omgeving().get_template("besluitbrief.html").render(**{**context, **extra})


def _stap(besluit: dict[str, Any], regel: str) -> dict[str, Any]:
    return next(s for s in besluit["toelichting"] if s["regel"] == regel)


def test_let_op_in_woorden_van_de_client_en_de_volledige_tekst_in_de_bijlage() -> None:
    """Item 1: the Wlz letter told the client 'Latere wijzigingen van die regeling zijn niet meegenomen'. The client
    is told what is uncertain, what it means and whom to ask; the assessor's wording stays in the appendix."""
    let_op = let_op_voor_client([RLZ_WAARSCHUWING], "Indicatieorgaan Midden")
    assert len(let_op) == 1
    assert "Latere wijzigingen" not in let_op[0] and "bronnen" not in let_op[0]
    assert "Vraag het Indicatieorgaan Midden" in let_op[0] and "bezwaar" in let_op[0]
    html = _brief(let_op=let_op, waarschuwingen=[RLZ_WAARSCHUWING])
    brief, bijlage = html.split('<h1 class="bijlage">')
    assert "Let op" in brief and "Latere wijzigingen" not in brief and "Vraag het Indicatieorgaan Midden" in brief
    assert "Latere wijzigingen van die regeling zijn niet meegenomen" in bijlage


def test_regelset_na_verificatie_noemt_de_datum_en_een_onbekende_waarschuwing_blijft_eerlijk() -> None:
    regelset = (
        "De regelset Wlz 2021 is gecontroleerd tegen de wetteksten tot en met 01-01-2026. Latere wijzigingen in "
        "de wet of de regels zijn in deze uitkomst niet verwerkt."
    )
    let_op = let_op_voor_client([regelset, "Iets nieuws dat de regels melden.", regelset], "X")
    assert let_op[0].startswith("Wij hebben de regels gebruikt zoals die golden tot en met 01-01-2026.")
    assert "niet alles zeker" in let_op[1] and len(let_op) == 2


def test_bijlage_noemt_functies_en_grondslagen_in_woorden() -> None:
    """Item 2: 'toegang tot: PV, VP, BG', 'uitwisselbaar met 04' and 'Zorgmoment 1 (PV)' were codes only."""
    assert codes_in_woorden("Somatische ziekte/aandoening (01) geeft toegang tot: PV, VP, BG, BH, VB, KVB") == (
        "Somatische ziekte/aandoening (01) geeft toegang tot: persoonlijke verzorging (PV), verpleging (VP), "
        "begeleiding (BG), behandeling (BH), verblijf (VB), kortdurend verblijf (KVB)"
    )
    assert codes_in_woorden("Somatische ziekte/aandoening, uitwisselbaar met 04: 9 profielen mogelijk: 4VV") == (
        "Somatische ziekte/aandoening, uitwisselbaar met lichamelijke handicap (functiestoornis) (04): 9 profielen "
        "mogelijk: 4VV"
    )
    assert (
        codes_in_woorden("Zorgmoment 1 (PV): 3 handelingen")
        == "Zorgmoment 1 (persoonlijke verzorging, PV): 3 handelingen"
    )
    assert codes_in_woorden("Indicatiecriteria BG-IND") == "Indicatiecriteria begeleiding individueel (BG-IND)"
    html = _brief(
        bijlage=[{"regel": "Indicatiecriteria PV", "uitkomst": "functies: PV, VP", "bron": "Bia 2014 bijlage 4"}]
    )
    assert "Indicatiecriteria persoonlijke verzorging (PV):</strong> functies: persoonlijke verzorging (PV)" in html


def test_niet_beoordeeld_staat_er_een_keer() -> None:
    """Item 3: 'Verpleegkundige aandacht: niet beoordeeld (niet beoordeeld)' (Rza art. 1a lid 1, client levels)."""
    invoer = copy.deepcopy(VIGNET_2014["invoer"])
    invoer.pop("verpleegkundige_aandacht")
    stap = _stap(bereken_indicatie(invoer).als_dict(), "Niveaus van de cliënt per domein")
    assert "Verpleegkundige aandacht: niet beoordeeld;" in stap["uitkomst"] + ";"
    assert "niet beoordeeld (niet beoordeeld)" not in stap["uitkomst"]


def test_awbz_2014_noemt_de_awbz_bron_van_het_clientprofiel() -> None:
    """Item 4: a 2014 decision cited 'Regeling langdurige zorg 2015' as the source of its profile texts. It cites the
    cliëntprofiel of the Regeling zorgaanspraken AWBZ (art. 1 onder e, bijlage 2) and says the Rlz 2015 text is only
    where the levels were transcribed from; its meerzorg step cites the Rza only."""
    besluit = bereken_indicatie(VIGNET_2014["invoer"]).als_dict()
    assert besluit["stelsel"] == "AWBZ"
    bron = _stap(besluit, "Best passend cliëntprofiel")["bron"]
    assert "cliëntprofiel: Regeling zorgaanspraken AWBZ (BWBR0014855) art. 1 onder e en bijlage 2" in bron
    assert "profielteksten: Regeling langdurige zorg" not in bron
    assert "overgenomen uit de gelijke tekst in Regeling langdurige zorg" in bron
    meerzorg = _stap(besluit, "Meerzorg")
    assert meerzorg["bron"].startswith("Regeling zorgaanspraken AWBZ") and "langdurige zorg" not in meerzorg["bron"]


def test_wlz_noemt_het_zorgprofiel_van_de_rlz_en_meerzorg_uit_de_rlz() -> None:
    """Item 4, Wlz 2015+: the zorgprofiel of Rlz bijlage A; meerzorg Rlz art. 2.2, not the AWBZ regulation."""
    besluit = bereken_indicatie(VIGNET_WLZ["invoer"]).als_dict()
    assert besluit["stelsel"] == "Wlz"
    assert "profielteksten: Regeling langdurige zorg" in _stap(besluit, "Best passend cliëntprofiel")["bron"]
    meerzorg = _stap(besluit, "Meerzorg")
    assert "Regeling zorgaanspraken AWBZ" not in meerzorg["bron"] and "art. 2.2" in meerzorg["bron"]
    assert "1a lid 2" not in meerzorg["uitkomst"]


@pytest.mark.parametrize("wlz", [False, True])
def test_een_opgeslagen_besluit_krijgt_in_de_brief_de_bron_van_zijn_stelsel(wlz: bool) -> None:
    """Decisions stored before this fix carry the old bron: the letter cites the regime's own source."""
    oud = "Regeling zorgaanspraken AWBZ art. 1a lid 1; Zorgindicatiebesluit art. 13 lid 2; profielteksten: "
    profiel = "Regeling langdurige zorg (BWBR0036014), versie 2015-07-27, bijlage A, zorgprofiel 'VV X'"
    stap = bron_van_het_stelsel({"regel": "Best passend cliëntprofiel", "uitkomst": "u", "bron": oud + profiel}, wlz)
    assert ("cliëntprofiel: Regeling zorgaanspraken AWBZ" in stap["bron"]) is not wlz
    meerzorg = bron_van_het_stelsel(
        {
            "regel": "Meerzorg",
            "uitkomst": "u",
            "bron": "Regeling zorgaanspraken AWBZ (BWBR0014855) art. 1a lid 2 onder a; Regeling langdurige zorg "
            "(BWBR0036014), versie 2015-07-27 bijlage A (aanduiding *) en art. 2.2 lid 1 onder a-b en lid 2",
            "bron_adres": "oud",
        },
        wlz,
    )
    assert meerzorg["bron"].startswith("Regeling langdurige zorg" if wlz else "Regeling zorgaanspraken AWBZ")
    assert meerzorg["bron_adres"] != "oud" and ("BWBR0036014" in meerzorg["bron_adres"]) is wlz


def test_zorgplan_spreekt_de_client_aan_met_u() -> None:
    """Item 5: 'Nog te doen door ons' and the subjects spoke of 'de cliënt' in a letter to 'u' (Wlz art. 8.1.1)."""
    plan = {"vastgesteld_op": "2018-01-15", "domeinen": {}, "evaluatiedata": []}
    plichten = zorgplan_plichten(date(2018, 1, 15), plan, date(2018, 2, 1))
    assert {p["soort"] for p in plichten} >= {"bespreking_onbekend", "afschrift", "onderwerp_ontbreekt"}
    teksten = [plicht_voor_u(p, plan) for p in plichten]
    assert all("cliënt" not in t and t[0].isupper() for t in teksten)
    assert "Wij geven u een afschrift (kopie) van dit plan en schrijven op wanneer u het kreeg." in teksten
    assert "In dit plan staat nog niet: wie voor welk deel van uw zorg zorgt. Dat bespreken wij met u." in teksten
    assert all("cliënt" not in o["onderwerp"] and "cliënt" not in o["plaats"] for o in onderwerpen_voor_u())


def test_waar_u_hulp_bij_nodig_heeft_in_woorden() -> None:
    """Item 5: 'niveau 2,21 (gemiddelde van 14 scores)' became the help in words (Bia 2014 bijlage 1 §3.1 scale)."""
    domeinen = [
        {"naam": "Sociale redzaamheid", "client_niveau": 2.21, "client_toelichting": "gemiddelde van 14 scores"},
        {"naam": "Mobiliteit", "client_niveau": 1.0, "client_toelichting": "gemiddelde van 14 scores"},
        {"naam": "Gedragsproblematiek", "client_niveau": 0.0, "client_toelichting": "hoogste score"},
        {"naam": "Verpleegkundige aandacht", "client_niveau": None, "client_toelichting": "niet beoordeeld"},
    ]
    tekst = voorinvulling({"verblijf": False, "resultaat": {"zzp": {"domeinen": domeinen}}})["wonen_beperkingen"][0]
    assert tekst == (
        "Uit de indicatie:\nSociale redzaamheid: u kunt het maar voor een deel zelf, iemand moet u helpen\n"
        "Mobiliteit: u doet het zelf, maar iemand moet erop letten of u aanmoedigen"
    )


@pytest.mark.parametrize(
    ("uren", "verwacht", "hint"),
    [
        ({"min": 14.5, "max": 14.5, "bron": "b"}, "14,5", None),
        ({"min": 10, "max": 13.5, "bron": "b"}, "", "Het zorgzwaartepakket geeft 10 tot 13,5 uur per week"),
        (None, "", "De uren van dit zorgzwaartepakket zijn onbekend"),
    ],
)
def test_zzp_uren_nooit_een_valse_nul(uren: dict[str, Any] | None, verwacht: str, hint: str | None) -> None:
    """Item 6: a new zorgplan said '0,0' hours for the ZZP even when its hours were known."""
    f = voorinvulling({"verblijf": True, "resultaat": {"zzp": {"uren_per_week": uren}, "functies": []}})
    assert (f["plan0_functie"], f["plan0_uren"]) == (["ZZP"], [verwacht])
    assert (hint is None) == ("plan0_hint" not in f)
    if hint:
        assert f["plan0_hint"][0].startswith(hint)
    # a plan row without hours is not stored as 0 (the record refuses it with a Dutch error)
    assert zorgplan_uit_formulier({"plan0_functie": ["ZZP"], "plan0_uren": [""]})["gepland"][0]["uren_per_week"] is None
