"""Meerzorg under the Wlz: Regeling langdurige zorg art. 2.2, per version of the text (parameters/meerzorg_wlz.yaml).

Lid 1: a right to more care than the zorgprofiel or ZZP gives, as far as the Wlz-uitvoerder or zorgkantoor judges
more care necessary (aanhef), and (a) the indicated zorgprofiel is one of the list, (b) the insured had on 31 December
2014 a right to one of the listed ZZPs, or (c) the need of care also consists of one of the listed forms of care.
Lid 2: under a or b only with a need of care at least 25% above the care in the ZZP (or zorgprofiel).

The indicatiebesluit says whether meerzorg is possible and on which ground; the judgement of lid 1 aanhef and the
figure of lid 2 belong to the zorgkantoor, and the decision says so. A fact the assessment did not give (which ZZP
the client had on 31 December 2014, the zorgprofiel where the texts have none) makes that ground 'onbekend', never
'no': the outcome is then None unless another ground already holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from zorgzwaarte.domein.beoordeling import EerdereIndicatie
from zorgzwaarte.regels.datums import nl
from zorgzwaarte.regels.getallen import fmt
from zorgzwaarte.regels.profielen.catalogus import zoek_zzp
from zorgzwaarte.regels.regelset import reeks, tabel_op
from zorgzwaarte.regels.uitleg import Toelichting


@dataclass(frozen=True)
class MeerzorgWlz:
    mogelijk: bool | None  # None: no ground holds and one is unknown
    grond: str  # in words, for the decision
    gronden: tuple[str, ...]  # "onder a", "onder b", "onder c"


def parameters(peildatum: date) -> dict[str, Any]:
    """Art. 2.2 in the version of the Regeling in force on the peildatum (the newest text in the sources after it)."""
    return tabel_op("meerzorg_wlz.yaml", peildatum)


def versiedata() -> list[date]:
    """The first day of each version of art. 2.2 in the sources (the periods the vectorised path reads)."""
    return [date.fromisoformat(str(w["geldig_van"])) for w in reeks("meerzorg_wlz.yaml", "zzp_onderdeel_b")]


def zzp_op_peildag(eerdere: Sequence[EerdereIndicatie] | None, peildag: date) -> list[str] | None:
    """The ZZPs of the earlier indicatiebesluiten that held on the peildag (None: not established)."""
    if eerdere is None:
        return None
    uit = []
    for e in eerdere:
        if e.geldig_van <= peildag and (e.geldig_tot is None or e.geldig_tot >= peildag):
            z = zoek_zzp(e.zzp)
            uit.append(z.code if z else e.zzp)
    return uit


def _ja_nee(x: bool | None) -> str:
    return "onbekend" if x is None else "voldaan" if x else "niet voldaan"


def gronden_wlz(
    zorgprofiel: str | None,
    eerdere: Sequence[EerdereIndicatie] | None,
    bijzondere_zorg: Sequence[str],
    p: dict[str, Any],
    geboortedatum: date | None,
    uitleg: Toelichting,
) -> tuple[bool | None, bool | None, bool]:
    """Rlz art. 2.2 lid 1 onder a, b and c (the parameters ``p`` of one version), each a step with its article:
    voldaan (True), niet voldaan (False) or onbekend (None; onder c is never unknown: the forms given)."""
    a, b, c = p["zorgprofielen_onderdeel_a"], p["zzp_onderdeel_b"], p["zorg_onderdeel_c"]

    # onder a: the indicated zorgprofiel
    onder_a: bool | None = None if zorgprofiel is None else zorgprofiel in a["waarde"]
    uitleg.stap(
        "Meerzorg onder a: zorgprofiel",
        (
            "het zorgprofiel staat niet in de teksten van de regeling: onbekend"
            if zorgprofiel is None
            else f"zorgprofiel '{zorgprofiel}' staat {'wel' if onder_a else 'niet'} in de lijst van onder a"
        )
        + f" ({_ja_nee(onder_a)})",
        a["bron"],
    )

    # onder b: the right to a ZZP on the peildag (31 December 2014), from the earlier indicatiebesluiten
    peildag = date.fromisoformat(str(b["waarde"]["peildag"]))
    lijst_b = list(b["waarde"]["zzp"])
    onder_b: bool | None
    if geboortedatum is not None and geboortedatum > peildag:
        onder_b = False
        tekst_b = f"de cliënt is geboren na {nl(peildag)} en had toen geen recht op een zorgzwaartepakket"
    elif (op_peildag := zzp_op_peildag(eerdere, peildag)) is None:
        onder_b = None
        tekst_b = (
            f"niet opgegeven op welk zorgzwaartepakket de cliënt op {nl(peildag)} recht had (eerdere "
            "indicatiebesluiten): onbekend"
        )
    else:
        treffers = [z for z in op_peildag if z in lijst_b]
        onder_b = bool(treffers)
        tekst_b = (
            f"op {nl(peildag)} recht op {', '.join(treffers)}, dat in de lijst van onder b staat"
            if treffers
            else f"op {nl(peildag)} recht op {', '.join(op_peildag) or 'geen zorgzwaartepakket'}; "
            f"niet in de lijst van onder b ({', '.join(lijst_b)})"
        )
        gebreken = [str(b["waarde"]["tekstgebrek"][z]) for z in treffers if z in b["waarde"]["tekstgebrek"]]
        if gebreken:
            tekst_b += f" (let op: {'; '.join(gebreken)})"
    uitleg.stap("Meerzorg onder b: zorgzwaartepakket op 31 december 2014", f"{tekst_b} ({_ja_nee(onder_b)})", b["bron"])

    # onder c: the need of care also consists of one of the listed forms of care
    namen = c["waarde"]
    onder_c = bool(bijzondere_zorg)
    uitleg.stap(
        "Meerzorg onder c: bijzondere zorg",
        (
            f"de behoefte aan zorg bestaat ook uit {', '.join(namen.get(x, x) for x in bijzondere_zorg)}"
            if onder_c
            else "geen van de vormen van zorg van onder c opgegeven"
        )
        + f" ({_ja_nee(onder_c)})",
        c["bron"],
    )
    return onder_a, onder_b, onder_c


def meerzorg_wlz(
    zorgprofiel: str | None,
    eerdere: Sequence[EerdereIndicatie] | None,
    bijzondere_zorg: Sequence[str],
    peildatum: date,
    geboortedatum: date | None,
    uitleg: Toelichting,
) -> MeerzorgWlz:
    """Rlz art. 2.2 lid 1 onder a, b and c and lid 2 for the zorgprofiel of the decision, each step with its article
    in the version of the peildatum. ``zorgprofiel`` None: the texts give no profile (onder a onbekend)."""
    p = parameters(peildatum)
    a, b, c = p["zorgprofielen_onderdeel_a"], p["zzp_onderdeel_b"], p["zorg_onderdeel_c"]
    procent, oordeel = p["min_procent_lid_2"], p["oordeel_zorgkantoor"]
    onder_a, onder_b, onder_c = gronden_wlz(zorgprofiel, eerdere, bijzondere_zorg, p, geboortedatum, uitleg)

    gronden = tuple(g for g, ok in (("onder a", onder_a), ("onder b", onder_b), ("onder c", onder_c)) if ok)
    mogelijk: bool | None = True if gronden else None if None in (onder_a, onder_b) else False
    voorbehoud = f"het recht bestaat voor zover {oordeel['waarde']} meer zorg nodig oordeelt (lid 1, aanhef)"
    if mogelijk:
        grond = f"art. 2.2 lid 1 {' en '.join(gronden)}"
        if set(gronden) & {"onder a", "onder b"}:
            grond += (
                f"; onder a of b alleen bij een behoefte aan zorg van minimaal {procent['waarde']}% boven de zorg in "
                "het zorgzwaartepakket (lid 2)" + ("" if "onder c" not in gronden else "; onder c zonder die eis")
            )
        grond += f"; {voorbehoud}"
        bron = "; ".join(x["bron"] for x, ok in ((a, onder_a), (b, onder_b), (c, onder_c)) if ok)
        bron += f"; {procent['bron']}" if set(gronden) & {"onder a", "onder b"} else ""
    elif mogelijk is None:
        onbekend = [g for g, ok in (("onder a", onder_a), ("onder b", onder_b)) if ok is None]
        grond = (
            f"onbekend: art. 2.2 lid 1 onder c is niet voldaan en {' en '.join(onbekend)} kan niet worden vastgesteld "
            "(zie de toelichting)"
        )
        bron = "; ".join(x["bron"] for x in (a, b, c))
    else:
        grond = "art. 2.2 lid 1 onder a, b en c zijn niet voldaan"
        bron = "; ".join(x["bron"] for x in (a, b, c))
    uitleg.stap(
        "Meerzorg",
        f"Meerzorg {'mogelijk' if mogelijk else 'onbekend' if mogelijk is None else 'niet mogelijk'}: {grond}",
        f"{bron}; {oordeel['bron']}",
    )
    return MeerzorgWlz(mogelijk, grond, gronden)


def _en(delen: Sequence[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    return delen[0] if len(delen) == 1 else f"{', '.join(delen[:-1])} en {delen[-1]}"


@dataclass(frozen=True)
class MeerzorgWlzAanspraak:
    """The answer of the calculator "Meer zorg dan het zorgzwaartepakket" for a Wlz peildatum (Rlz art. 2.2)."""

    aanspraak: bool | None  # None: a fact that decides is unknown (see opmerkingen)
    grond: str | None  # "onder a", "onder a en c", ... (the grounds that hold, lid 2 included)
    drempel_uren_per_week: Decimal | None  # lid 2: the hours of the ZZP + 25%
    versie: str  # the version of the Regeling langdurige zorg whose text was applied
    bron: str
    opmerkingen: tuple[str, ...]
    drempel_leeg: str | None = None  # why lid 2 sets no threshold here (None: the hours are unknown or it is set)


def meerzorg_wlz_aanspraak(
    zorgprofiel: str | None,
    zzp_op_peildag: Sequence[str] | None,
    bijzondere_zorg: Sequence[str],
    zzp_uren_per_week: Decimal | None,
    zorgbehoefte_uren_per_week: Decimal | None,
    p: dict[str, Any],
    uitleg: Toelichting,
) -> MeerzorgWlzAanspraak:
    """Rlz art. 2.2 in the version of the peildatum, for one who asks: lid 1 onder a (the zorgprofiel), onder b (the
    ZZPs the client had a right to on 31 December 2014; None: not known, [] none), onder c (the listed forms of
    care), and lid 2 where a or b holds: the need of care at least 25% above the care in the ZZP. The judgement of
    lid 1 aanhef (whether more care is needed) belongs to the Wlz-uitvoerder or zorgkantoor: the answer says so and
    never takes it. A fact left out stays unknown: the answer is then None unless another ground holds. ``p``: the
    parameters of art. 2.2 read through the regelset of the peildatum (meerzorg_wlz.yaml)."""
    b, procent, oordeel = p["zzp_onderdeel_b"], p["min_procent_lid_2"], p["oordeel_zorgkantoor"]
    peildag = date.fromisoformat(str(b["waarde"]["peildag"]))
    eerdere = (
        None
        if zzp_op_peildag is None
        else [EerdereIndicatie(zzp=z, geldig_van=peildag, geldig_tot=peildag) for z in zzp_op_peildag]
    )
    onder_a, onder_b, onder_c = gronden_wlz(zorgprofiel, eerdere, bijzondere_zorg, p, None, uitleg)
    opmerkingen: list[str] = []

    # lid 2: only for onder a or b; the need of care against the care in the ZZP + 25%
    via_ab: bool | None = True if (onder_a or onder_b) else None if None in (onder_a, onder_b) else False
    drempel: Decimal | None = None
    lid_2: bool | None = None
    if via_ab is False:
        tekst_2 = "niet van toepassing: onder a en b zijn niet voldaan"
    elif zzp_uren_per_week is None or zorgbehoefte_uren_per_week is None:
        tekst_2 = (
            "onbekend: niet opgegeven hoeveel uur zorg per week in het zorgzwaartepakket zit en hoeveel de cliënt "
            "nodig heeft"
        )
    else:
        drempel = zzp_uren_per_week * (1 + Decimal(str(procent["waarde"])) / 100)
        lid_2 = zorgbehoefte_uren_per_week >= drempel
        tekst_2 = (
            f"zorgbehoefte {fmt(zorgbehoefte_uren_per_week)} uur per week tegen drempel {fmt(drempel)} uur "
            f"({fmt(zzp_uren_per_week)} + {procent['waarde']}%): {_ja_nee(lid_2)}"
        )
    uitleg.stap(f"Meerzorg lid 2: minimaal {procent['waarde']}% meer zorg", tekst_2, procent["bron"])

    ab: bool | None = False if False in (via_ab, lid_2) else True if via_ab and lid_2 else None
    aanspraak: bool | None = True if onder_c or ab else None if ab is None else False
    delen = [g for g, ok in (("a", onder_a and ab), ("b", onder_b and ab), ("c", onder_c)) if ok]
    grond = f"onder {_en(delen)}" if delen else None
    if aanspraak is None:
        if lid_2 is None and via_ab is not False:
            opmerkingen.append(
                f"Onder a of b geeft alleen recht op meer zorg als de cliënt minstens {procent['waarde']}% meer zorg "
                "nodig heeft dan in het zorgzwaartepakket zit (lid 2). Vul beide aantallen uren in om dat te toetsen."
            )
        if onder_b is None and not onder_a:
            opmerkingen.append(
                f"Of onder b geldt, hangt af van het zorgzwaartepakket waarop de cliënt op {nl(peildag)} recht had; "
                "dat is niet opgegeven."
            )
        if onder_a is None and not onder_b:
            opmerkingen.append(
                "Of onder a geldt, is onbekend: de regeling noemt geen zorgprofiel bij dit zorgzwaartepakket."
            )
    wie = oordeel["waarde"]
    if aanspraak is False:
        reden = (
            f"de zorgbehoefte is niet minstens {procent['waarde']}% hoger dan de zorg in het zorgzwaartepakket (lid 2)"
            if via_ab
            else "onder a, b en c zijn niet voldaan"
        )
        conclusie = f"niet mogelijk: {reden}"
    else:
        opmerkingen.append(
            f"Of er werkelijk meer zorg komt, beoordeelt {wie}: het recht bestaat voor zover {wie} meer zorg nodig "
            "vindt (art. 2.2 lid 1, aanhef). Deze berekening neemt dat oordeel niet."
        )
        conclusie = (
            f"mogelijk op grond van art. 2.2 lid 1 {grond}, voor zover {wie} meer zorg nodig vindt (lid 1, aanhef)"
            if aanspraak
            else "onbekend: een gegeven dat de uitkomst bepaalt, is niet opgegeven (zie de stappen hierboven)"
        )
    uitleg.stap("Meerzorg", conclusie, f"{oordeel['bron']}; {procent['bron']}")
    versie = str(oordeel["verwijzingen"][0]["versie"])
    bron = f"Regeling langdurige zorg (versie {versie}) art. 2.2"
    leeg = (
        None
        if drempel is not None or via_ab is not False
        else "geen: de eis van lid 2 geldt alleen voor onder a en b, en die zijn niet voldaan"
    )
    return MeerzorgWlzAanspraak(aanspraak, grond, drempel, versie, bron, tuple(opmerkingen), leeg)
