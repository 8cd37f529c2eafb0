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
from typing import Any

from zorgzwaarte.domein.beoordeling import EerdereIndicatie
from zorgzwaarte.regels.datums import nl
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
