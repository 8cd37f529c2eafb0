"""Tariff tables (CSV in the documented format) and contracts: read, validate, compute the effective daily tariff.

CSV columns (docs/bekostiging.md): prestatiecode, omschrijving, tarief, eenheid, ingangsdatum, einddatum, bron.
Separator `;` or `,`; decimal point or comma in `tarief`; dates JJJJ-MM-DD or DD-MM-JJJJ; empty einddatum = open.
Every problem is reported at once with its line number; nothing is accepted from a table with an error.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field, field_validator

from zorgzwaarte.diensten.invoer import Json, Ontvangen, aanvaard
from zorgzwaarte.domein.records import Invoer
from zorgzwaarte.domein.uitvoer_geld import (
    DagtariefRegel,
    DagtariefUit,
    DeclaratieUitkomst,
    RealisatieRegel,
    RealisatieTotaal,
    RealisatieUit,
)
from zorgzwaarte.domein.validatie import valideer
from zorgzwaarte.fouten import Fout, InvoerFout
from zorgzwaarte.regels.bekostiging.contract import (
    Afspraak,
    Contract,
    Tariefregel,
    controleer_tarieftabel,
    effectief_dagtarief,
    realisatie,
)

MAX_BESTAND = 20_000_000  # bytes of a tariff file (API body or web upload)


def csv_tekst(inhoud: bytes) -> str:
    """A tariff file's bytes as text, or the Dutch error on `bestand` (the API and the web page say the same)."""
    if len(inhoud) > MAX_BESTAND:
        raise InvoerFout.een("bestand", f"de tabel is groter dan {MAX_BESTAND // 1_000_000} MB")
    try:
        return inhoud.decode("utf-8")
    except UnicodeDecodeError:
        raise InvoerFout.een("bestand", "de tabel is geen UTF-8-tekst") from None


KOLOMMEN = ("prestatiecode", "omschrijving", "tarief", "eenheid", "ingangsdatum", "einddatum", "bron")


def _datum(waarde: Any) -> Any:
    if isinstance(waarde, str) and len(waarde) == 10 and waarde[2] == "-" and waarde[5] == "-":
        try:
            return datetime.strptime(waarde, "%d-%m-%Y").date()
        except ValueError:
            return waarde
    return waarde


class TariefRij(Invoer):
    prestatiecode: str = Field(min_length=1, max_length=20)
    omschrijving: str = Field(min_length=1)
    tarief: Decimal = Field(gt=0, max_digits=12)
    eenheid: Literal["dag", "etmaal", "uur", "dagdeel", "week", "maand", "jaar", "stuk"]
    ingangsdatum: date
    einddatum: date | None = None
    bron: str = Field(min_length=1)

    @field_validator("tarief", mode="before")
    @classmethod
    def _komma(cls, v: Any) -> Any:
        return v.replace(".", "").replace(",", ".") if isinstance(v, str) and "," in v else v

    @field_validator("ingangsdatum", "einddatum", mode="before")
    @classmethod
    def _nl_datum(cls, v: Any) -> Any:
        return None if v == "" else _datum(v)


def lees_tarieftabel(tekst: str) -> list[Tariefregel]:
    """Parse and validate a tariff table; raises InvoerFout listing every problem ('regel N.kolom', N the line in the
    file as an editor numbers it: the header is line 1)."""
    tekst = tekst.lstrip("\ufeff")
    if not tekst.strip():
        raise InvoerFout.een("bestand", "de tarieftabel is leeg")
    try:
        dialect = csv.Sniffer().sniff(tekst.splitlines()[0], delimiters=";,")
    except csv.Error:
        raise InvoerFout.een("bestand", "geen scheidingsteken gevonden (gebruik ; of ,)") from None
    lezer = csv.DictReader(io.StringIO(tekst), dialect=dialect)
    kop = [k.strip().lower() for k in (lezer.fieldnames or [])]
    ontbreekt = [k for k in KOLOMMEN if k not in kop]
    if ontbreekt:
        raise InvoerFout([Fout(k, "verplichte kolom ontbreekt in de kopregel") for k in ontbreekt])
    fouten: list[Fout] = []
    regels: list[Tariefregel] = []
    nummers: list[int] = []  # the line in the file of each row read (the header is line 1), as an editor shows it
    for rij in lezer:
        nummer = lezer.line_num
        schoon = {(k or "").strip().lower(): (v or "").strip() for k, v in rij.items() if k}
        extra = [k for k in schoon if k not in KOLOMMEN]
        if extra:
            fouten.append(Fout(f"regel {nummer}", f"onbekende kolom(men): {', '.join(extra)}"))
            continue
        try:
            r = valideer(TariefRij, schoon, voorvoegsel=f"regel {nummer}.")
        except InvoerFout as fout:
            fouten += fout.fouten
            continue
        regels.append(
            Tariefregel(r.prestatiecode, r.omschrijving, r.tarief, r.eenheid, r.ingangsdatum, r.einddatum, r.bron)
        )
        nummers.append(nummer)
    if not regels and not fouten:
        fouten.append(Fout("bestand", "de tarieftabel bevat geen regels"))
    if not fouten:
        fouten = controleer_tarieftabel(regels, nummers=nummers)
    if fouten:
        raise InvoerFout(fouten)
    return regels


class AfspraakInvoer(Invoer):
    prestatiecode: str = Field(min_length=1)
    percentage: Decimal = Field(gt=0, le=100, decimal_places=2)
    productie_dagen: int = Field(ge=0)
    nhc: str | None = None
    nic: str | None = None


class ContractBasis(Invoer):
    """What a contract agrees; the parties are named by the file (names) or by the caller and an id (API)."""

    jaar: int = Field(ge=2009, le=2100)
    kwaliteitsopslag_per_dag: Decimal = Field(default=Decimal(0), ge=0, decimal_places=2)
    afspraken: list[AfspraakInvoer] = Field(min_length=1)

    @field_validator("afspraken")
    @classmethod
    def _uniek(cls, v: list[AfspraakInvoer]) -> list[AfspraakInvoer]:
        codes = [a.prestatiecode for a in v]
        dubbel = sorted({c for c in codes if codes.count(c) > 1})
        if dubbel:
            raise ValueError(f"prestatie {', '.join(dubbel)} staat meer dan eens in het contract")
        return v


class ContractInvoer(ContractBasis):
    """The file format: the parties by name."""

    zorgkantoor: str = Field(min_length=1)
    aanbieder: str = Field(min_length=1)


class DagInvoer(Invoer):
    dag: date


def lees_dag(waarde: str) -> date:
    return valideer(DagInvoer, {"dag": waarde}).dag


def lees_contract(data: Ontvangen[ContractInvoer] | Json) -> Contract:
    """The contract as the rules read it; a refusal names its fields under `contract.`."""
    c = aanvaard(ContractInvoer, data, voorvoegsel="contract.")
    return Contract(
        c.zorgkantoor,
        c.aanbieder,
        c.jaar,
        tuple(Afspraak(a.prestatiecode, a.percentage, a.productie_dagen, a.nhc, a.nic) for a in c.afspraken),
        c.kwaliteitsopslag_per_dag,
    )


def dagtarieven(contract: Contract, tabel: list[Tariefregel], dag: date) -> DagtariefUit:
    """The effective daily tariff of every agreed prestatie on one day, each with its trail."""
    regels = [
        DagtariefRegel.model_validate(effectief_dagtarief(contract, tabel, a.prestatiecode, dag).als_dict())
        for a in contract.afspraken
    ]
    return DagtariefUit(
        zorgkantoor=contract.zorgkantoor,
        aanbieder=contract.aanbieder,
        jaar=contract.jaar,
        dag=dag.isoformat(),
        tarieven=regels,
        fictief=any(r.fictief for r in regels),
    )


def realisatie_overzicht(contract: Contract, declaratie: Any) -> RealisatieUit:
    """Realisation vs production agreement from the output of `zorgzwaarte declareer` (its `regels`)."""
    if isinstance(declaratie, DeclaratieUitkomst):
        declaratie = declaratie.als_json()
    if not isinstance(declaratie, dict) or not isinstance(declaratie.get("regels"), list):
        raise InvoerFout.een("declaratie.regels", "verwacht de uitvoer van 'zorgzwaarte declareer' (met 'regels')")
    dagen: dict[str, int] = {}
    for i, r in enumerate(declaratie["regels"]):
        if not isinstance(r, dict) or not isinstance(r.get("prestatie"), str) or not isinstance(r.get("dagen"), int):
            raise InvoerFout.een(
                f"declaratie.regels[{i}]", "elke regel heeft een prestatie (tekst) en dagen (geheel getal)"
            )
        dagen[r["prestatie"]] = dagen.get(r["prestatie"], 0) + r["dagen"]
    uit = realisatie(contract, dagen)
    return RealisatieUit(
        zorgkantoor=contract.zorgkantoor,
        aanbieder=contract.aanbieder,
        jaar=contract.jaar,
        regels=[RealisatieRegel.model_validate(r.als_dict()) for r in uit],
        totaal=RealisatieTotaal(
            afgesproken_dagen=sum(r.afgesproken_dagen for r in uit),
            gerealiseerde_dagen=sum(r.gerealiseerde_dagen for r in uit),
        ),
    )
