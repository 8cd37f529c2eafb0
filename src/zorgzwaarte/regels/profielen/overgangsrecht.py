"""Overgangsrecht ZZP 1-2 and 3 VV (Wijzigingsregeling Regeling zorgaanspraken AWBZ 2012, BWBR0032537).

Art. II: ZZP 1 and 2 VV, 1B and 2B GGZ, 1C and 2C GGZ, 1 and 2 VG as they read on 31 December 2012 remain
applicable to a client who
  lid 1 a. on 31 December 2012 had an indicatiebesluit for such a ZZP, or
  lid 1 b. after 31 December 2012 got such an indicatiebesluit on an aanvraag made before that moment;
  lid 2 a. had an indicatiebesluit for a ZZP 3 or higher and is afterwards assigned one of them, or
  lid 2 b. immediately before a Zvw stay (Bzv art. 2.10) or a forensic stay had an indicatiebesluit for a ZZP and
           immediately after that stay is assigned a ZZP 1 or 2.
Art. III: the same for ZZP 3 VV with 31 December 2013 and, in lid 2 a, a ZZP 4 or higher.

Reading of "een aanvraag die gedaan is voor dat tijdstip": the moment is the end of 31 December (the sentence says
"na 31 december" for what happens from 1 January on), so an aanvraag on 31 December itself counts. "Een zodanig
ZZP" in lid 1 a: any ZZP the lid names. "ZZP 3 of hoger" in lid 2 a: by the number of the ZZP in any sector (9a
and 9b count as 9). Each fact comes from the assessment (aanvraagdatum, eerdere_indicaties,
na_zvw_of_forensisch_verblijf); a fact that is not given is never assumed: then the outcome is 'niet vastgesteld'.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from zorgzwaarte.domein.beoordeling import Beoordeling
from zorgzwaarte.fouten import Fout, InvoerFout
from zorgzwaarte.regels.datums import nl
from zorgzwaarte.regels.profielen.catalogus import Zzp, zoek_zzp


@dataclass(frozen=True)
class Overgang:
    """The outcome of the overgangsrecht for the ZZPs of one article: possible, not possible or not established."""

    zzp: tuple[str, ...]
    mogelijk: bool | None  # None: not established (a fact is missing)
    reden: str
    bron: str

    def als_dict(self) -> dict[str, Any]:
        return {"zzp": list(self.zzp), "mogelijk": self.mogelijk, "reden": self.reden, "bron": self.bron}


def nummer(zzp: Zzp) -> int:
    """The number of a ZZP (9a and 9b VV count as 9)."""
    cijfers = ""
    for teken in zzp.code:
        if not teken.isdigit():
            break
        cijfers += teken
    return int(cijfers or 0)


def eerdere_zzps(b: Beoordeling, lijst: list[Zzp]) -> list[tuple[Zzp, date, date | None]]:
    """The earlier indicatiebesluiten as (ZZP, geldig_van, geldig_tot); an unknown code is an error naming the field."""
    uit: list[tuple[Zzp, date, date | None]] = []
    fouten: list[Fout] = []
    for i, e in enumerate(b.eerdere_indicaties or []):
        z = zoek_zzp(e.zzp, lijst)
        if z is None:
            fouten.append(Fout(f"eerdere_indicaties.{i}.zzp", f"'{e.zzp}' is geen zorgzwaartepakket (bijv. 4VV)"))
            continue
        uit.append((z, e.geldig_van, e.geldig_tot))
    if fouten:
        raise InvoerFout(fouten)
    return uit


def regel_voor(zzp: Zzp, regels: dict[str, Any]) -> dict[str, Any] | None:
    """The parameter (verblijf.overgangsrecht_zzp.*) whose lid 1 names this ZZP, or None."""
    return next((r for r in regels.values() if zzp.code in r["waarde"]["zzp"]), None)


def toets(b: Beoordeling, regel: dict[str, Any], eerder: list[tuple[Zzp, date, date | None]]) -> Overgang:
    """Whether the ZZPs of one article stay indicatable for this client on the peildatum (after the peildag)."""
    w, bron = regel["waarde"], regel["bron"]
    codes = tuple(w["zzp"])
    peildag = date.fromisoformat(str(w["peildag"]))
    grens = w["eerder_vanaf"]
    op_peildag = [z for z, van, tot in eerder if z.code in codes and van <= peildag and (tot is None or peildag <= tot)]
    if op_peildag:
        return Overgang(
            codes, True, f"op {nl(peildag)} een indicatiebesluit voor ZZP {op_peildag[0].code}", f"{bron} lid 1 onder a"
        )
    if b.aanvraagdatum is not None and b.aanvraagdatum <= peildag:
        return Overgang(
            codes,
            True,
            f"de aanvraag is gedaan op {nl(b.aanvraagdatum)}, niet na {nl(peildag)}",
            f"{bron} lid 1 onder b",
        )
    hoger = [z for z, van, _ in eerder if nummer(z) >= grens and van <= b.peildatum]
    if hoger:
        return Overgang(
            codes,
            True,
            f"eerder een indicatiebesluit voor ZZP {hoger[0].code} ({grens} of hoger)",
            f"{bron} lid 2 onder a",
        )
    if b.na_zvw_of_forensisch_verblijf:
        return Overgang(
            codes,
            True,
            "onmiddellijk aansluitend op een verblijf in de Zvw of de forensische zorg, met daarvoor een "
            "indicatiebesluit voor een ZZP",
            f"{bron} lid 2 onder b",
        )
    ontbreekt = [
        naam
        for naam, waarde in (
            ("de datum van de aanvraag", b.aanvraagdatum),
            ("eerdere indicatiebesluiten voor een ZZP", b.eerdere_indicaties),
            (
                "of de cliënt direct uit een verblijf in de Zvw of de forensische zorg komt",
                b.na_zvw_of_forensisch_verblijf,
            ),
        )
        if waarde is None
    ]
    if ontbreekt:
        return Overgang(
            codes,
            None,
            f"na {nl(peildag)} alleen met een grond uit het overgangsrecht; niet vastgesteld, want niet opgegeven: "
            + "; ".join(ontbreekt),
            bron,
        )
    return Overgang(
        codes,
        False,
        f"na {nl(peildag)} alleen met een grond uit het overgangsrecht, en die is er niet: aanvraag van "
        f"{nl(b.aanvraagdatum)} (na {nl(peildag)}), op {nl(peildag)} geen indicatiebesluit voor zo'n ZZP, "
        f"nooit eerder een ZZP {grens} of hoger, niet aansluitend op een verblijf in de Zvw of de forensische zorg",
        bron,
    )
