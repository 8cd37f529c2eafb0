"""Form <-> service conversions of the web app (no browser): what the forms send is what the services read."""

from __future__ import annotations

from zorgzwaarte.web.beoordeling import formulier_naar_invoer, invoer_naar_formulier
from zorgzwaarte.web.zorglevering import voorinvulling, zorgplan_naar_formulier, zorgplan_uit_formulier


def test_beoordeling_heen_en_terug() -> None:
    form = {
        "peildatum": ["2014-03-10"],
        "aanvraagdatum": ["2014-02-20"],
        "spoed": ["ja"],
        "grondslag_dominant": ["02"],
        "grondslag_bijkomend": ["01", "02"],
        "permanent_toezicht": ["ja"],
        "etmalen_per_week": ["7"],
        "s_0101": ["3"],
        "b_0301": ["2"],
        "zm0_per_week": ["3,5"],
        "zm0_handelingen": ["PV-1.1-2"],
        "zm0_twee": ["ja"],
    }
    invoer, meta = formulier_naar_invoer(form)
    assert invoer["grondslagen"] == ["02", "01"]  # dominant first, no duplicate
    assert invoer["zorgmomenten"] == [{"per_week": 3.5, "handelingen": ["PV-1.1-2"], "twee_zorgverleners": True}]
    assert invoer["leefklimaat"]["permanent_toezicht"] and not invoer["leefklimaat"]["beschermende_woonomgeving"]
    assert meta == {"aanvraagdatum": "2014-02-20", "spoed": True}
    terug = invoer_naar_formulier(invoer, meta)
    assert formulier_naar_invoer(terug) == (invoer, meta)


def test_zorgplan_heen_en_terug_en_voorinvulling() -> None:
    plan = {
        "domeinen": {
            d: {"doelen": ["a", "b"], "wensen": [], "mogelijkheden": "m", "beperkingen": "", "hulpbronnen": ["x"]}
            for d in ("wonen", "werken_dagbesteding", "leren", "sociale_contacten")
        },
        "gepland": [{"functie": "PV", "uren_per_week": 4.5}],
        "evaluatiedata": ["2014-09-01"],
        "vastgesteld_op": "2014-03-01",
        "versie": 2,
    }
    uit = zorgplan_uit_formulier(zorgplan_naar_formulier(plan))
    assert uit["domeinen"] == plan["domeinen"] and uit["gepland"] == [{"functie": "PV", "uren_per_week": "4.5"}]
    assert uit["versie"] == 2 and uit["evaluatiedata"] == ["2014-09-01"]
    besluit = {
        "verblijf": True,
        "resultaat": {
            "functies": [{"functie": "PV", "minuten_per_week": 270}],
            "zzp": {"domeinen": [{"naam": "ADL", "client_niveau": 2.5, "client_toelichting": "hoogste"}]},
        },
    }
    f = voorinvulling(besluit)
    assert "ADL: u kunt het niet zelf, iemand moet het van u overnemen" in f["wonen_beperkingen"][0]
    assert (f["plan0_functie"], f["plan1_functie"], f["plan1_uren"]) == (["ZZP"], ["PV"], ["4,5"])
    assert f["plan0_uren"] == [""] and "onbekend" in f["plan0_hint"][0]


def test_fouten_staan_bij_hun_veld() -> None:
    from zorgzwaarte.fouten import Fout
    from zorgzwaarte.web.beoordeling import fouten_per_veld

    fv = fouten_per_veld(
        [
            Fout("invoer.grondslagen", "a"),
            Fout("stoornisscores.0101", "b"),
            Fout("zorgmomenten.1.per_week", "c"),
            Fout("leefklimaat.permanent_toezicht", "d"),
            Fout("peildatum", "e"),
        ]
    )
    assert fv == {"grondslag_dominant": "a", "s_0101": "b", "zm1": "c", "permanent_toezicht": "d", "peildatum": "e"}


def test_zorgplanfouten_bij_hun_veld() -> None:
    from zorgzwaarte.fouten import Fout
    from zorgzwaarte.web.zorglevering import plan_fouten_per_veld

    fv = plan_fouten_per_veld(
        [
            Fout("gepland.0.uren_per_week", "a"),
            Fout("gepland.1.functie", "b"),
            Fout("evaluatiedata.0", "c"),
            Fout("vastgesteld_op", "d"),
            Fout("domeinen.wonen.doelen", "e"),
        ]
    )
    assert fv == {
        "plan0_uren": "a",
        "plan1_functie": "b",
        "evaluatie1": "c",
        "vastgesteld_op": "d",
        "wonen_doelen": "e",
    }


def test_het_formulier_dekt_elke_invoer_van_de_regels() -> None:
    """Every input of the assessment the rules read has a place on the web form (issue 14, item 4)."""
    from typing import get_args

    from zorgzwaarte.domein.beoordeling import Beoordeling
    from zorgzwaarte.web.beoordeling import ALLE_VELDEN, EIGEN_SLEUTELS, LABELS, LITERALS

    gedekt = EIGEN_SLEUTELS | {v.pad[0] for v in ALLE_VELDEN}
    assert set(Beoordeling.model_fields) - gedekt == set()
    for naam, soort in LITERALS.items():
        assert set(get_args(soort)) == set(LABELS[naam]), naam  # every code value has a Dutch label


def test_alle_invoer_heen_en_terug() -> None:
    """A full assessment survives the form both ways; a key the form does not know is carried unchanged."""
    from zorgzwaarte.domein.beoordeling import Beoordeling

    invoer = {
        "peildatum": "2014-03-10",
        "grondslagen": ["05", "01"],
        "prognose": "3",
        "leefklimaat": {
            "beschermende_woonomgeving": True,
            "therapeutisch_leefklimaat": False,
            "permanent_toezicht": False,
        },
        "etmalen_per_week": 7,
        "stoornisscores": {"0101": 2},
        "beperkingscores": {"0301": 3},
        "zorgmomenten": [
            {"per_week": 7, "handelingen": ["PV-1.1-2"], "twee_zorgverleners": False, "omschrijving": "ochtend"},
            {"per_week": 3.5, "handelingen": ["VP-1.2-5"], "twee_zorgverleners": True, "gebruikelijke_zorg": True},
            {"per_week": 14, "handelingen": ["VP-TB-1"], "twee_zorgverleners": False, "minuten_per_keer": 7.5},
        ],
        "dagdelen": {
            "begeleiding_groep": 4,
            "behandeling_groep": 1,
            "school_werk": 2.5,
            "school_werk_weken_per_jaar": 40,
        },
        "begeleiding_individueel": {"uren_per_week": 3.5, "activiteiten": ["structuur_regie", "toezicht"]},
        "behandeling_individueel": {"doel": "cslm"},
        "behandeling_groep_doel": "herstel_aanleren",
        "vp_medische_noodzaak": False,
        "voorliggend": [{"functie": "PV", "minuten_per_week": 30, "omschrijving": "douchestoel"}],
        "mantelzorg": {"wens_aftrek": True, "aftrek": [{"functie": "PV", "minuten_per_week": 60}]},
        "huishouden": {"gebruikelijke_zorger_aanwezig": True, "overbelasting": True},
        "aanleren": [
            {"functie": "PV", "vertraagde_leerbaarheid": False, "aanleertijd_minuten_per_week": 30},
            {"functie": "VP", "vertraagde_leerbaarheid": True},
        ],
        "begeleiden_zelfzorg": {"pv_minuten_per_week": 30, "vp_minuten_per_week": 45.5},
        "onderwijs": {
            "naar_school": True,
            "clusterindicatie": "LG_ZMLK",
            "onderwijssoort": "voortgezet_speciaal_onderwijs",
            "zorg_op_school_gevraagd": False,
            "eerder_indicatie_zorg_op_school": True,
            "tabelrij": "somatische_aandoening",
        },
        "toezicht_thuisbeademing": {
            "dagdelen_per_week": 6,
            "noodzaak_permanent_toezicht": True,
            "toezicht_door_mantelzorg_in_huishouden": True,
            "ontlasting_mantelzorg_nodig": False,
            "positief_advies_centrum_thuisbeademing": True,
            "andere_vormen_toezicht_niet_doelmatig": True,
        },
        "ontlasting_mantelzorger_nodig": True,
        "respijtzorg": True,
        "zorg_24_uur_nabijheid": "zware_regieproblemen",
        "blijvend": True,
        "uitzondering_ondoelmatigheid": True,
        "geldig_tot_gewenst": "2016-01-01",
        "verpleegkundige_aandacht": "2",
        "begeleidingsdoel": "stabilisatie",
        "bijzonderheden": ["terminaal", "lvg_behandeling"],
        "bijzondere_zorg": ["non_invasieve_beademing"],
        "gekozen_zzp": "5VV",
        "motivering_afwijkend_profiel": "omdat",
        "eerdere_indicaties": [
            {"zzp": "5VV", "geldig_van": "2010-01-01", "geldig_tot": "2011-12-31"},
            {"zzp": "2VV", "geldig_van": "2012-01-01"},
        ],
        "na_zvw_of_forensisch_verblijf": False,
        "nieuw_veld_van_later": {"x": 1},
    }
    meta = {"aanvraagdatum": "2014-02-20", "spoed": False}
    terug, meta2 = formulier_naar_invoer(invoer_naar_formulier(invoer, meta))
    assert meta2 == meta
    assert terug == invoer
    Beoordeling.model_validate(
        {**{k: v for k, v in terug.items() if k != "nieuw_veld_van_later"}, "client": {"geboortedatum": "1940-01-01"}}
    )


def test_concept_houdt_wat_is_getypt() -> None:
    """'Concept opslaan' never drops a value: an invalid number stays as typed, a missing count stays missing."""
    invoer, _ = formulier_naar_invoer(
        {"zm0_per_week": ["vaak"], "zm0_handelingen": ["PV-1.1-2"], "zm1_handelingen": ["PV-1.2-1"], "zm_aantal": ["2"]}
    )
    assert invoer["zorgmomenten"][0]["per_week"] == "vaak"
    assert "per_week" not in invoer["zorgmomenten"][1]


def test_handeling_zoeken() -> None:
    from zorgzwaarte.web.beoordeling import handeling_uit_tekst

    assert handeling_uit_tekst("PV-1.1-2 · PV Wassen: iets") == "PV-1.1-2"
    assert handeling_uit_tekst("PV-1.1-2") == "PV-1.1-2"
    assert handeling_uit_tekst("bestaat-niet") == "bestaat-niet"  # kept as typed: the check names it


def test_zorgmoment_toevoegen_en_verwijderen() -> None:
    from zorgzwaarte.web.beoordeling import formulieractie

    form = {"zm_aantal": ["3"], "zm0_per_week": ["1"], "zm1_per_week": ["2"], "zm2_per_week": ["3"], "x": ["y"]}
    weg = formulieractie(form, "zm_weg:1")
    assert weg is not None
    assert (weg["zm_aantal"], weg["zm0_per_week"], weg["zm1_per_week"], weg["x"]) == (["2"], ["1"], ["3"], ["y"])
    assert "zm2_per_week" not in weg
    erbij = formulieractie(form, "zm_erbij")
    assert erbij is not None and erbij["zm_aantal"] == ["4"]
    assert formulieractie(form, "opslaan") is None


def test_groep_niet_beoordeeld_in_een_keer() -> None:
    """One action per question group: every unanswered question gets 9 (niet beoordeeld), answers stay."""
    from zorgzwaarte.regels.codes import vragen_per_categorie
    from zorgzwaarte.web.beoordeling import formulieractie

    categorie, vragen = next(iter(vragen_per_categorie("stoornis").items()))
    eerste = vragen[0][0]
    uit = formulieractie({f"s_{eerste}": ["2"]}, f"groep9:s_:{categorie}")
    assert uit is not None and uit[f"s_{eerste}"] == ["2"]
    assert all(uit[f"s_{code}"] == ["9"] for code, _ in vragen[1:])


def test_meldingen_noemen_het_veld_zoals_op_het_scherm() -> None:
    """Issue 14 item 8: 'Zorgmoment 3: keer per week', never `invoer.zorgmomenten.2.per_week`."""
    from zorgzwaarte.web.beoordeling import veldnaam

    assert veldnaam("invoer.zorgmomenten.2.per_week") == "Zorgmoment 3: keer per week"
    assert veldnaam("grondslagen") == "Dominante grondslag"
    assert veldnaam("dagdelen.begeleiding_groep") == "Dagdelen begeleiding in een groep per week"
    assert veldnaam("stoornisscores.0101").startswith("Stoornis ")
    assert veldnaam("begeleiding_individueel.uren_per_week") == "Begeleiding individueel: uren per week"


def test_eerdere_indicaties_nooit_of_niet_ingevuld() -> None:
    """Overgangsrecht ZZP 1-3: 'nee, nooit' is an empty list (established), nothing filled in is no key (not
    established); an error on a row stands next to that row's field and is named as on screen."""
    from zorgzwaarte.fouten import Fout
    from zorgzwaarte.web.beoordeling import fouten_per_veld, veldnaam

    nooit, _ = formulier_naar_invoer({"ei_bekend": ["nee"]})
    assert nooit["eerdere_indicaties"] == []
    assert invoer_naar_formulier(nooit, {})["ei_bekend"] == ["nee"]
    leeg, _ = formulier_naar_invoer({"ei_bekend": [""]})
    assert "eerdere_indicaties" not in leeg
    assert fouten_per_veld([Fout("invoer.eerdere_indicaties.1.zzp", "x")]) == {"ei1_zzp": "x"}
    assert veldnaam("eerdere_indicaties.1.geldig_van") == "Eerder indicatiebesluit 2: geldig van"
