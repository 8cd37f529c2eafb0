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
    assert "ADL: niveau 2,5" in f["wonen_beperkingen"][0]
    assert (f["plan0_functie"], f["plan1_functie"], f["plan1_uren"]) == (["ZZP"], ["PV"], ["4,5"])


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
