"""Semantic checks of an assessment against the code lists and the ruleset (after the structural check)."""

from __future__ import annotations

from zorgzwaarte.domein.beoordeling import Beoordeling
from zorgzwaarte.fouten import Fout, InvoerFout
from zorgzwaarte.regels.codes import codelijst
from zorgzwaarte.regels.datums import voluit
from zorgzwaarte.regels.indicatie.normtijden import Handeling

GELDIGE_SCORES = {0, 1, 2, 3, 9}
BEADEMING = {"chronische_invasieve_beademing", "non_invasieve_beademing"}
BIA = "Beleidsregels indicatiestelling AWBZ 2014"


def thuisbeademing(b: Beoordeling) -> bool:
    """The client is beademd at home (invasive or non-invasive), as the assessment states in bijzondere_zorg."""
    return bool(BEADEMING & set(b.bijzondere_zorg))


def controleer_thuisbeademing(b: Beoordeling, i: int, zm_handelingen: list[Handeling], fouten: list[Fout]) -> None:
    """A zorgmoment with handelingen of the home ventilation schedule (bijlage 5 §5.3): only for a client who is
    beademd, and a handeling the text gives a range of minutes for needs the minutes when it stands alone."""
    zm = b.zorgmomenten[i]
    for j, hid in enumerate(zm.handelingen):
        if any(t.id == hid and t.thuisbeademing for t in zm_handelingen) and not thuisbeademing(b):
            fouten.append(
                Fout(
                    f"zorgmomenten.{i}.handelingen.{j}",
                    f"handeling '{hid}' hoort bij thuisbeademing: geef bij bijzondere zorg de beademing op "
                    f"(chronische invasieve of niet-invasieve beademing) ({BIA}, bijlage 5 §5.3)",
                )
            )
    bereik = [h for h in zm_handelingen if h.minuten_tot is not None]
    alleen = len(zm.handelingen) == 1 and len(bereik) == 1
    if alleen and zm.minuten_per_keer is None:
        h = bereik[0]
        fouten.append(
            Fout(
                f"zorgmomenten.{i}.minuten_per_keer",
                f"vul in hoeveel minuten per keer '{h.omschrijving}' duurt: de tekst geeft {h.minuten:g} tot "
                f"{h.minuten_tot:g} minuten, afhankelijk van de cliënt ({BIA}, bijlage 5 §5.3)",
            )
        )
    elif alleen and zm.minuten_per_keer is not None:
        h = bereik[0]
        assert h.minuten_tot is not None
        if not h.minuten <= zm.minuten_per_keer <= h.minuten_tot:
            fouten.append(
                Fout(
                    f"zorgmomenten.{i}.minuten_per_keer",
                    f"ligt niet tussen {h.minuten:g} en {h.minuten_tot:g} minuten ({BIA}, bijlage 5 §5.3)",
                )
            )
    elif zm.minuten_per_keer is not None:
        fouten.append(
            Fout(
                f"zorgmomenten.{i}.minuten_per_keer",
                "hoort alleen bij een zorgmoment met één handeling waarvoor de tekst een bandbreedte van minuten geeft "
                f"(uitzuigen bij thuisbeademing; samen met een andere handeling wordt uitzuigen niet apart "
                f"geïndiceerd, {BIA}, bijlage 5 §5.3)",
            )
        )


def controleer(b: Beoordeling, tabel: dict[str, Handeling], functies_thuis: bool = True) -> None:
    """Raise InvoerFout listing every problem, each with its field path, in Dutch.

    ``functies_thuis``: the ruleset indicates functies en klassen (AWBZ), so the facts the VP rules need must be
    given: the medical necessity (bijlage 5 §3) and, for a moment with a '*' handeling, who is responsible for the
    nursing (bijlage 5 §3.1). Never assumed.
    """
    fouten: list[Fout] = []
    grondslagen = codelijst("LDT_Grondslag")
    for i, g in enumerate(b.grondslagen):
        if g not in grondslagen:
            fouten.append(Fout(f"grondslagen.{i}", f"'{g}' is geen grondslag uit de iWlz-codelijst LDT_Grondslag"))
    if len(set(b.grondslagen)) != len(b.grondslagen):
        fouten.append(Fout("grondslagen", "een grondslag staat er meer dan eens in"))
    for veld, lijst in (("stoornisscores", "LDT_StoornisVraag"), ("beperkingscores", "LDT_BeperkingVraag")):
        vragen = codelijst(lijst)
        for code, score in getattr(b, veld).items():
            if code not in vragen:
                fouten.append(Fout(f"{veld}.{code}", f"'{code}' is geen vraag uit de iWlz-codelijst {lijst}"))
            if score not in GELDIGE_SCORES:
                fouten.append(
                    Fout(
                        f"{veld}.{code}",
                        f"score {score} bestaat niet: alleen 0, 1, 2, 3 of 9 (niet beoordeeld)",
                    )
                )
    if b.prognose is not None and b.prognose not in codelijst("LDT_Prognose"):
        fouten.append(Fout("prognose", f"'{b.prognose}' is geen code uit de iWlz-codelijst LDT_Prognose (1-5)"))
    heeft_vp = False
    for i, zm in enumerate(b.zorgmomenten):
        for j, h in enumerate(zm.handelingen):
            if h not in tabel:
                fouten.append(
                    Fout(
                        f"zorgmomenten.{i}.handelingen.{j}",
                        f"handeling '{h}' bestaat niet in de normtijden (zie 'zorgzwaarte codes handelingen')",
                    )
                )
        bekend = [tabel[h] for h in zm.handelingen if h in tabel]
        controleer_thuisbeademing(b, i, bekend, fouten)
        heeft_vp = heeft_vp or any(h.functie == "VP" for h in bekend)
        sterren = [h.id for h in bekend if h.medisch_specialistisch]
        if functies_thuis and sterren and zm.medisch_specialist_verantwoordelijk is None:
            fouten.append(
                Fout(
                    f"zorgmomenten.{i}.medisch_specialist_verantwoordelijk",
                    f"vul in of een medisch specialist verantwoordelijk is voor de verpleging bij "
                    f"{', '.join(sterren)}: dan valt die verpleging onder de Zorgverzekeringswet "
                    "(Beleidsregels indicatiestelling AWBZ 2014, bijlage 5 §3.1)",
                )
            )
    heeft_vp = (
        heeft_vp
        or b.toezicht_thuisbeademing is not None
        or bool(b.begeleiden_zelfzorg and b.begeleiden_zelfzorg.vp_minuten_per_week)
    )
    if functies_thuis and heeft_vp and b.vp_medische_noodzaak is None:
        fouten.append(
            Fout(
                "vp_medische_noodzaak",
                "vul in of een arts de medische noodzaak van de verpleging heeft vastgesteld (waar of onwaar); "
                "zonder dat gegeven kan verpleging niet beoordeeld worden "
                "(Beleidsregels indicatiestelling AWBZ 2014, bijlage 5 §3)",
            )
        )
    if b.client.geboortedatum > b.peildatum:
        fouten.append(Fout("client.geboortedatum", f"ligt na de peildatum {voluit(b.peildatum)}"))
    besluitdatum = b.besluitdatum or b.peildatum
    if b.besluitdatum and b.besluitdatum < b.peildatum:
        fouten.append(Fout("besluitdatum", f"ligt vóór de peildatum {voluit(b.peildatum)} van de beoordeling"))
    if b.aanvraagdatum and b.aanvraagdatum > besluitdatum:
        fouten.append(Fout("aanvraagdatum", f"ligt na de besluitdatum {voluit(besluitdatum)}"))
    if b.geldig_tot_gewenst and b.geldig_tot_gewenst < besluitdatum:
        fouten.append(Fout("geldig_tot_gewenst", f"ligt vóór de besluitdatum {voluit(besluitdatum)}"))
    bgi = b.begeleiding_individueel
    if bgi is not None and "oefenen" in bgi.activiteiten:
        # Bijlage 6 §4.1, tabel, voetnoot 2: oefenen goes with activities 1 and 2; its time is added to theirs
        if not {"structuur_regie", "vaardigheden"} & set(bgi.activiteiten):
            fouten.append(
                Fout(
                    "begeleiding_individueel.activiteiten",
                    "oefenen gaat samen met structuur en regie (1) of vaardigheden (2): kies ook een van die "
                    "activiteiten (Beleidsregels indicatiestelling AWBZ 2014, bijlage 6 §4.1)",
                )
            )
        if bgi.oefenen_uren_per_week is None:
            fouten.append(
                Fout(
                    "begeleiding_individueel.oefenen_uren_per_week",
                    "vul in hoeveel van de uren per week voor oefenen zijn: oefenen telt ten hoogste 3 uur "
                    "(Beleidsregels indicatiestelling AWBZ 2014, bijlage 6 §4.1)",
                )
            )
        elif bgi.oefenen_uren_per_week > bgi.uren_per_week:
            fouten.append(
                Fout(
                    "begeleiding_individueel.oefenen_uren_per_week",
                    "is meer dan het totaal aantal uren begeleiding per week",
                )
            )
    elif bgi is not None and bgi.oefenen_uren_per_week:
        fouten.append(Fout("begeleiding_individueel.oefenen_uren_per_week", "hoort alleen bij de activiteit oefenen"))
    if b.mantelzorg.aftrek and not b.mantelzorg.wens_aftrek:
        fouten.append(
            Fout(
                "mantelzorg.wens_aftrek",
                "mantelzorg wordt alleen afgetrokken als de cliënt dat wenst: zet op true",
            )
        )
    if b.motivering_afwijkend_profiel is not None and not b.motivering_afwijkend_profiel.strip():
        fouten.append(Fout("motivering_afwijkend_profiel", "mag niet leeg zijn"))
    if fouten:
        raise InvoerFout(fouten)
