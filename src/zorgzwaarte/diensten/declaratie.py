"""Declare a period: the machine contract of `zorgzwaarte declareer`, on the vectorised engine of the rules core."""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal
from typing import Any, Literal

import numpy as np
from pydantic import Field, model_validator

from zorgzwaarte.diensten.invoer import Json, Ontvangen, aanvaard
from zorgzwaarte.domein.records import AfwezigheidReden, Invoer
from zorgzwaarte.domein.uitvoer_geld import DeclaratieUitkomst
from zorgzwaarte.fouten import Fout, InvoerFout
from zorgzwaarte.regels.bekostiging.declaratie import (
    GEEN_EINDE,
    ONBEKEND,
    Afwezigheden,
    Populatie,
    afwezigheid_stappen,
    bedragen_in_centen,
    classificeer,
    controleer_periode,
    dagnummer,
    parameters,
    reden_codes,
    wlz_2015_per_rij,
)
from zorgzwaarte.regels.bekostiging.tarief import meerzorg_dagtarief
from zorgzwaarte.regels.getallen import euro_uit_centen

BRON_DECLARATIE = (
    "NZa Regeling declaratievoorschriften Wlz-zorg 2016 art. 4.1; NZa Regeling declaratie AWBZ-zorg art. 4.1"
)
BRON_PERIODE = "NZa Regeling declaratievoorschriften Wlz-zorg 2016 art. 3.10 (vier weken of een kalendermaand)"


class Periode(Invoer):
    van: date
    tot: date

    @model_validator(mode="after")
    def _soort(self) -> Periode:
        if self.tot < self.van:
            raise ValueError("tot ligt vóór van")
        maand = self.van.day == 1 and self.tot == date(
            self.van.year, self.van.month, calendar.monthrange(self.van.year, self.van.month)[1]
        )
        if not (maand or (self.tot - self.van).days == 27):
            raise ValueError("een declaratieperiode is een kalendermaand of vier weken (28 dagen)")
        return self


class Tarief(Invoer):
    prestatie: str = Field(min_length=1)
    bedrag_per_dag: Decimal = Field(ge=0, max_digits=10, decimal_places=2)
    bron: str | None = None
    fictief: bool = False


class Afwezigheid(Invoer):
    van: date
    tot: date
    reden: AfwezigheidReden
    toestemming: bool = Field(default=False, description="toestemming Wlz-uitvoerder voor afwezigheid na 91 dagen")

    @model_validator(mode="after")
    def _periode(self) -> Afwezigheid:
        if self.tot < self.van:
            raise ValueError("tot ligt vóór van")
        return self


class Meerzorg(Invoer):
    uren_per_week: dict[Literal["woonzorg", "dagbesteding", "behandeling"], Decimal]
    tarief_per_uur: dict[Literal["woonzorg", "dagbesteding", "behandeling"], Decimal]

    @model_validator(mode="after")
    def _zelfde(self) -> Meerzorg:
        if set(self.uren_per_week) != set(self.tarief_per_uur):
            raise ValueError("geef voor elke deelprestatie uren én een tarief per uur")
        return self


class ClientRegel(Invoer):
    id: str = Field(min_length=1)
    prestatie: str
    bsn: str | None = Field(default=None, description="om de regel te vergelijken met de vastgelegde indicatie")
    zzp: str | None = Field(default=None, description="het gedeclareerde zorgzwaartepakket, bijvoorbeeld 5VV")
    opname: date
    ontslag: date | None = None
    afwezigheid: list[Afwezigheid] = Field(default_factory=list)
    behandeling: bool | None = Field(default=None, description="ZZP inclusief behandeling (AWBZ 2014 en Wlz 2015)")
    schoolvakantie_max_dagen: int | None = Field(default=None, ge=0, le=366)
    meerzorg: Meerzorg | None = None
    logeeropvang: bool = Field(
        default=False,
        description="de dagen van deze regel zijn etmalen logeeropvang (Wlz art. 3.1.1 lid 1 onder g; Blz art. 3.1.3); "
        "een eigen prestatiecode van de NZa staat niet in de bronnen",
    )
    logeeropvang_eerder_dit_jaar: int | None = Field(
        default=None,
        ge=0,
        le=366,
        description="etmalen logeeropvang die eerder in hetzelfde kalenderjaar zijn gedeclareerd",
    )

    @model_validator(mode="after")
    def _data(self) -> ClientRegel:
        if self.ontslag and self.ontslag < self.opname:
            raise ValueError("ontslag ligt vóór opname")
        if self.logeeropvang_eerder_dit_jaar is not None and not self.logeeropvang:
            raise ValueError("logeeropvang_eerder_dit_jaar hoort alleen bij een regel met logeeropvang: true")
        return self


class DeclaratieInvoer(Invoer):
    periode: Periode
    tarieven: list[Tarief] = Field(min_length=1)
    clienten: list[ClientRegel]


def declareer(data: Ontvangen[DeclaratieInvoer] | Json) -> DeclaratieUitkomst:
    inv = aanvaard(DeclaratieInvoer, data)
    fouten: list[Fout] = []
    tarief_index: dict[str, int] = {}
    for i, t in enumerate(inv.tarieven):
        if t.prestatie in tarief_index:
            fouten.append(Fout(f"tarieven.{i}.prestatie", f"prestatie '{t.prestatie}' staat er twee keer in"))
        tarief_index[t.prestatie] = i
    for i, c in enumerate(inv.clienten):
        if c.prestatie not in tarief_index:
            fouten.append(Fout(f"clienten.{i}.prestatie", f"er is geen tarief voor prestatie '{c.prestatie}'"))
    if fouten:
        raise InvoerFout(fouten)
    controleer_periode(inv.periode.van)
    codes = reden_codes()
    client_sleutel = {cid: k for k, cid in enumerate(dict.fromkeys(c.id for c in inv.clienten))}
    behandeling = np.array(
        [ONBEKEND if c.behandeling is None else int(c.behandeling) for c in inv.clienten], dtype=np.int8
    )
    wlz2015_per_keer, wlz2015_school = wlz_2015_per_rij([c.prestatie for c in inv.clienten], behandeling)
    pop = Populatie(
        client=np.array([client_sleutel[c.id] for c in inv.clienten], dtype=np.int64),
        prestatie=np.array([tarief_index[c.prestatie] for c in inv.clienten], dtype=np.int64),
        opname=np.array([dagnummer(c.opname) for c in inv.clienten], dtype=np.int64),
        ontslag=np.array([dagnummer(c.ontslag) if c.ontslag else GEEN_EINDE for c in inv.clienten], dtype=np.int64),
        behandeling=behandeling,
        school_max=np.array(
            [ONBEKEND if c.schoolvakantie_max_dagen is None else c.schoolvakantie_max_dagen for c in inv.clienten],
            dtype=np.int64,
        ),
        wlz2015_per_keer=wlz2015_per_keer,
        wlz2015_school=wlz2015_school,
    )
    # absences belong to the client: each one applies to every row of that client (one ZZP per day)
    rijen_per_client: dict[str, list[int]] = {}
    for i, c in enumerate(inv.clienten):
        rijen_per_client.setdefault(c.id, []).append(i)
    lijst = [(r, a) for c in inv.clienten for a in c.afwezigheid for r in rijen_per_client[c.id]]
    lijst = list({(r, a.van, a.tot, a.reden): (r, a) for r, a in lijst}.values())
    afw = Afwezigheden(
        rij=np.array([i for i, _ in lijst], dtype=np.int64),
        van=np.array([dagnummer(a.van) for _, a in lijst], dtype=np.int64),
        tot=np.array([dagnummer(a.tot) for _, a in lijst], dtype=np.int64),
        reden=np.array([codes[a.reden] for _, a in lijst], dtype=np.int8),
        toestemming=np.array([a.toestemming for _, a in lijst], dtype=np.bool_),
    )
    p0, p1 = dagnummer(inv.periode.van), dagnummer(inv.periode.tot)
    k = classificeer(pop, afw, p0, p1)
    tarief_centen = np.array([int(t.bedrag_per_dag * 100) for t in inv.tarieven], dtype=np.int64)
    bedragen = bedragen_in_centen(k.dagen, tarief_centen[pop.prestatie])
    rs = parameters()["regelsets"]
    regels: list[dict[str, Any]] = []
    totaal = int(bedragen.sum())
    for i, c in enumerate(inv.clienten):
        t = inv.tarieven[tarief_index[c.prestatie]]
        uitleg = [
            {
                "regel": "Dagen in zorg",
                "uitkomst": f"{int(k.zorgdagen[i])} dagen in zorg in de periode (opname {c.opname.isoformat()}"
                + (f", ontslag {c.ontslag.isoformat()}" if c.ontslag else "")
                + f"); aanwezig {int(k.aanwezig[i])} dagen",
                "bron": f"{parameters()['dagtelling']['methode']}; {BRON_DECLARATIE}",
            }
        ]
        for j in np.flatnonzero(afw.rij == i):
            a = lijst[int(j)][1]
            if k.afw_dagen[j] == 0:
                continue
            regime = rs[int(k.afw_regime[j])] if k.afw_regime[j] >= 0 else rs[-1]
            uitleg += afwezigheid_stappen(
                regime,
                a.reden,
                f"{a.van.isoformat()} t/m {a.tot.isoformat()}",
                int(k.afw_dagen[j]),
                int(k.afw_bekostigd[j]),
                [int(x) for x in k.afw_oorzaken[j]],
                behandeling_bekend=c.behandeling is not None,
                schoolvakantie_max_bekend=c.schoolvakantie_max_dagen is not None,
                prestatie=c.prestatie,
                behandeling=c.behandeling,
            )
        if k.dubbel_geblokkeerd[i]:
            uitleg.append(
                {
                    "regel": "Eén ZZP per cliënt per dag",
                    "uitkomst": f"{int(k.dubbel_geblokkeerd[i])} dagen niet gedeclareerd: op die dagen declareert al "
                    "een andere regel van deze cliënt",
                    "bron": "NZa ZZP-meerzorg art. 5.5; declaratie op cliëntniveau art. 4.1",
                }
            )
        uitleg.append(
            {
                "regel": "Bedrag",
                "uitkomst": f"{int(k.dagen[i])} dagen x € {euro_uit_centen(int(tarief_centen[pop.prestatie[i]]))} = "
                f"€ {euro_uit_centen(int(bedragen[i]))}" + (" (fictief tarief)" if t.fictief else ""),
                "bron": t.bron or BRON_DECLARATIE,
            }
        )
        regels.append(
            {
                "client": c.id,
                "prestatie": c.prestatie,
                **({"logeeropvang": True} if c.logeeropvang else {}),
                "dagen": int(k.dagen[i]),
                "tarief": euro_uit_centen(int(tarief_centen[pop.prestatie[i]])),
                "bedrag": euro_uit_centen(int(bedragen[i])),
                "dagen_aanwezig": int(k.aanwezig[i]),
                "dagen_afwezig_bekostigd": int(k.afwezig_bekostigd[i]),
                "dagen_afwezig_niet_bekostigd": int(k.afwezig_niet[i]),
                "toelichting": uitleg,
            }
        )
        if c.meerzorg is not None:
            dag, stappen = meerzorg_dagtarief(
                {str(k): v for k, v in c.meerzorg.uren_per_week.items()},
                {str(k): v for k, v in c.meerzorg.tarief_per_uur.items()},
            )
            mz_dagen = int(k.aanwezig[i])
            centen = int(dag * 100) * mz_dagen
            totaal += centen
            regels.append(
                {
                    "client": c.id,
                    "prestatie": f"{c.prestatie}-meerzorg",
                    "dagen": mz_dagen,
                    "tarief": euro_uit_centen(int(dag * 100)),
                    "bedrag": euro_uit_centen(centen),
                    "toelichting": [
                        {
                            "regel": "Meerzorgtarief per dag",
                            "uitkomst": "; ".join(stappen),
                            "bron": parameters()["meerzorg"]["bron"],
                        },
                        {
                            "regel": "Meerzorgdagen",
                            "uitkomst": f"{mz_dagen} dagen aanwezig; meerzorg alleen op dagen dat de "
                            "zorg geleverd wordt en het ZZP gedeclareerd kan worden",
                            "bron": "NZa ZZP-meerzorg art. 5.2 en 5.5",
                        },
                    ],
                }
            )
    return DeclaratieUitkomst.model_validate(
        {
            "periode": {"van": inv.periode.van.isoformat(), "tot": inv.periode.tot.isoformat()},
            "regels": regels,
            "totaal": euro_uit_centen(totaal),
            "aantal_clienten": len(client_sleutel),
            "bron": f"{BRON_DECLARATIE}; {BRON_PERIODE}",
            "fictieve_tarieven": any(t.fictief for t in inv.tarieven),
        }
    )
