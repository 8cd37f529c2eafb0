"""Tariff tables and contracts: the effective daily tariff as zorgzwaarte + prestatie, and realisation vs agreement.

A tariff table holds dated maximum tariffs per prestatiecode (loaded from CSV by the service layer; the project
ships no official NZa tariffs, because the law texts it has do not contain them). A contract between a
zorgkantoor and a provider agrees, per year and per prestatie, a percentage of the maximum tariff and a number of
production days, plus an optional quality component per day. The effective daily tariff explains itself:

    zorgzwaarte = maximum tarief van de zorgprestatie x afgesproken percentage   (the client's ZZP)
    prestatie   = NHC + NIC (as in the table, 100%) + kwaliteitsopslag per dag  (what the provider delivers)
    dagtarief   = zorgzwaarte + prestatie
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import pairwise

from zorgzwaarte.fouten import Fout
from zorgzwaarte.regels.bekostiging.tarief import rekenkundig
from zorgzwaarte.regels.datums import binnen
from zorgzwaarte.regels.datums import nl as nl_datum
from zorgzwaarte.regels.uitleg import Toelichting

EENHEDEN = ("dag", "etmaal", "uur", "dagdeel", "week", "maand", "jaar", "stuk")
BRON_CONTRACT = "Zorgleveringsovereenkomst zorgkantoor-aanbieder (contractafspraak)"
BRON_ZZB = "Zorgzwaartebekostiging: tarief = zorgzwaarte (ZZP) + prestatie (NHC, NIC, opslagen)"


@dataclass(frozen=True)
class Tariefregel:
    """One dated maximum tariff (one row of the documented CSV format, docs/bekostiging.md)."""

    prestatiecode: str
    omschrijving: str
    tarief: Decimal
    eenheid: str
    ingangsdatum: date
    einddatum: date | None
    bron: str
    # which load brought the row (the table's name and when it was stored); not part of the tariff itself
    herkomst: tuple[str, str] | None = field(default=None, compare=False)

    @property
    def fictief(self) -> bool:
        return "fictief" in self.bron.lower()

    def geldt_op(self, dag: date) -> bool:
        return binnen(dag, self.ingangsdatum, self.einddatum)

    def als_dict(self) -> dict[str, object]:
        herkomst = {"geladen_met": self.herkomst[0], "geladen_op": self.herkomst[1]} if self.herkomst else {}
        return {
            "prestatiecode": self.prestatiecode,
            "omschrijving": self.omschrijving,
            "tarief": str(self.tarief),
            "eenheid": self.eenheid,
            "ingangsdatum": self.ingangsdatum.isoformat(),
            "einddatum": self.einddatum.isoformat() if self.einddatum else None,
            "bron": self.bron,
            "fictief": self.fictief,
            **herkomst,
        }


def controleer_tarieftabel(
    regels: Sequence[Tariefregel], veld: str = "regel", nummers: Sequence[int] | None = None
) -> list[Fout]:
    """Content checks over the whole table: periods in order and no two tariffs for one prestatie on one day.
    A problem names its row by `nummers` (e.g. the line in the file it was read from), else by its position (1, 2, …)."""
    fouten: list[Fout] = []
    if nummers is None:
        nummers = range(1, len(regels) + 1)
    for i, r in zip(nummers, regels, strict=True):
        if r.einddatum is not None and r.einddatum < r.ingangsdatum:
            fouten.append(Fout(f"{veld} {i}.einddatum", "einddatum ligt voor de ingangsdatum"))
        if r.tarief.as_tuple().exponent < -2:  # type: ignore[operator]
            fouten.append(Fout(f"{veld} {i}.tarief", "een tarief heeft hoogstens twee decimalen (centen)"))
    per_code: dict[str, list[tuple[int, Tariefregel]]] = {}
    for i, r in zip(nummers, regels, strict=True):
        per_code.setdefault(r.prestatiecode, []).append((i, r))
    for code, lijst in per_code.items():
        lijst.sort(key=lambda x: x[1].ingangsdatum)
        for (i, a), (j, b) in pairwise(lijst):
            if a.einddatum is None or b.ingangsdatum <= a.einddatum:
                fouten.append(
                    Fout(
                        f"{veld} {j}.ingangsdatum",
                        f"prestatie {code} heeft op {nl_datum(b.ingangsdatum)} al een tarief (regel {i}); "
                        "perioden mogen elkaar niet overlappen",
                    )
                )
    return fouten


def tarief_op(regels: Iterable[Tariefregel], prestatiecode: str, dag: date) -> Tariefregel | None:
    for r in regels:
        if r.prestatiecode == prestatiecode and r.geldt_op(dag):
            return r
    return None


@dataclass(frozen=True)
class Afspraak:
    """Per prestatie: percentage of the maximum tariff, production days, and the NHC/NIC prestatiecodes."""

    prestatiecode: str
    percentage: Decimal
    productie_dagen: int
    nhc: str | None = None
    nic: str | None = None


@dataclass(frozen=True)
class Contract:
    zorgkantoor: str
    aanbieder: str
    jaar: int
    afspraken: tuple[Afspraak, ...]
    kwaliteitsopslag_per_dag: Decimal = Decimal(0)

    def afspraak(self, prestatiecode: str) -> Afspraak | None:
        return next((a for a in self.afspraken if a.prestatiecode == prestatiecode), None)


@dataclass
class Dagtarief:
    prestatiecode: str
    dag: date
    zorgzwaarte: Decimal | None
    prestatie: Decimal | None
    totaal: Decimal | None
    fictief: bool
    toelichting: Toelichting = field(default_factory=Toelichting)

    def als_dict(self) -> dict[str, object]:
        def tekst(x: Decimal | None) -> str | None:
            return None if x is None else str(x)

        return {
            "prestatiecode": self.prestatiecode,
            "dag": self.dag.isoformat(),
            "zorgzwaarte": tekst(self.zorgzwaarte),
            "prestatie": tekst(self.prestatie),
            "dagtarief": tekst(self.totaal),
            "fictief": self.fictief,
            "toelichting": self.toelichting.als_lijst(self.dag),
        }


def effectief_dagtarief(contract: Contract, tabel: Sequence[Tariefregel], prestatiecode: str, dag: date) -> Dagtarief:
    """The contract's daily tariff for one prestatie on one day, explained step by step.

    A missing tariff or agreement is not an error of the calculation but a finding: the result is 'onbekend'
    (None) and the trail says what is missing.
    """
    t = Toelichting()
    uit = Dagtarief(prestatiecode, dag, None, None, None, False, t)
    if dag.year != contract.jaar:
        t.stap("Contractjaar", f"{nl_datum(dag)} valt buiten het contractjaar {contract.jaar}: onbekend", BRON_CONTRACT)
        return uit
    afspraak = contract.afspraak(prestatiecode)
    if afspraak is None:
        t.stap("Afspraak", f"geen afspraak over prestatie {prestatiecode} in het contract: onbekend", BRON_CONTRACT)
        return uit
    maximum = tarief_op(tabel, prestatiecode, dag)
    if maximum is None:
        t.stap(
            "Maximumtarief",
            f"geen tarief voor {prestatiecode} op {nl_datum(dag)} in de tarieftabel: onbekend",
            BRON_ZZB,
        )
        return uit
    fictief = maximum.fictief
    zorgzwaarte = rekenkundig(maximum.tarief * afspraak.percentage / 100)
    t.stap(
        "Zorgzwaarte",
        f"maximumtarief {prestatiecode} € {maximum.tarief} per {maximum.eenheid} x {afspraak.percentage}% = € {zorgzwaarte}",
        f"{maximum.bron}; {BRON_CONTRACT}",
    )
    prestatie = Decimal(0)
    for soort, code in (("NHC", afspraak.nhc), ("NIC", afspraak.nic)):
        if not code:
            continue
        component = tarief_op(tabel, code, dag)
        if component is None:
            t.stap(soort, f"geen tarief voor {code} op {nl_datum(dag)} in de tarieftabel: onbekend", BRON_ZZB)
            uit.zorgzwaarte = zorgzwaarte
            return uit
        fictief = fictief or component.fictief
        prestatie += component.tarief
        t.stap(soort, f"{code}: € {component.tarief} per {component.eenheid}", component.bron)
    if contract.kwaliteitsopslag_per_dag:
        prestatie += contract.kwaliteitsopslag_per_dag
        t.stap("Kwaliteitsopslag", f"€ {contract.kwaliteitsopslag_per_dag} per dag", BRON_CONTRACT)
    prestatie = rekenkundig(prestatie)
    totaal = zorgzwaarte + prestatie
    t.stap("Dagtarief", f"zorgzwaarte € {zorgzwaarte} + prestatie € {prestatie} = € {totaal}", BRON_ZZB)
    if fictief:
        t.stap("Herkomst", "fictief tarief (demo): geen officieel tarief", maximum.bron)
    uit.zorgzwaarte, uit.prestatie, uit.totaal, uit.fictief = zorgzwaarte, prestatie, totaal, fictief
    return uit


@dataclass(frozen=True)
class Realisatie:
    prestatiecode: str
    afgesproken_dagen: int
    gerealiseerde_dagen: int

    @property
    def percentage(self) -> Decimal | None:
        if not self.afgesproken_dagen:
            return None
        return rekenkundig(Decimal(self.gerealiseerde_dagen) * 100 / self.afgesproken_dagen)

    def als_dict(self) -> dict[str, object]:
        p = self.percentage
        return {
            "prestatiecode": self.prestatiecode,
            "afgesproken_dagen": self.afgesproken_dagen,
            "gerealiseerde_dagen": self.gerealiseerde_dagen,
            "verschil_dagen": self.gerealiseerde_dagen - self.afgesproken_dagen,
            "realisatie_percentage": None if p is None else str(p),
        }


def realisatie(contract: Contract, dagen_per_prestatie: Mapping[str, int]) -> list[Realisatie]:
    """Declared days against the production agreement, per prestatie (also prestaties declared without agreement)."""
    codes = [a.prestatiecode for a in contract.afspraken]
    codes += sorted(c for c in dagen_per_prestatie if c not in codes)
    uit = []
    for code in codes:
        a = contract.afspraak(code)
        uit.append(Realisatie(code, a.productie_dagen if a else 0, int(dagen_per_prestatie.get(code, 0))))
    return uit
