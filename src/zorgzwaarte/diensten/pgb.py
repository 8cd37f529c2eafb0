"""The pgb question from outside (CLI, API, the web screen /pgb): validated input, the rules core's answer as JSON."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from zorgzwaarte.diensten.invoer import Json, Ontvangen, aanvaard
from zorgzwaarte.domein.records import Invoer
from zorgzwaarte.domein.uitvoer_geld import PgbUitkomst
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.bekostiging.pgb import PgbVraag, pgb_bij_verblijf
from zorgzwaarte.regels.leveringsvormen import Wooninitiatief
from zorgzwaarte.regels.profielen.catalogus import catalogus

KLEINSCHALIG_ALLEEN_JA = (
    "'ja' alleen is niet genoeg: of de cliënt in een kleinschalig wooninitiatief woont volgt uit de feiten die de "
    "regeling noemt (Blz art. 3.1.4 lid 2 en 3; in 2014 Rsa art. 1.1.1 onder u). Geef ze op bij wooninitiatief: "
    "het aantal bewoners met een pgb, of zij de zorg samen inkopen, of zij op één adres of binnen 100 meter wonen, "
    "of er een gemeenschappelijke ruimte is en of de cliënt bij een ouder of pleegouder inwoont"
)


class WooninitiatiefInvoer(Invoer):
    """The facts of the woonsituatie; a fact left out is unknown, never assumed."""

    bewoners_met_pgb: int | None = Field(
        default=None,
        ge=0,
        le=100_000,
        description="aantal bewoners dat een pgb ontvangt (Blz art. 3.1.4 lid 2 onder a)",
    )
    gezamenlijke_inkoop: bool | None = Field(
        default=None, description="de bewoners kopen de zorg samen in door hun budgetten te bundelen (lid 2 onder a)"
    )
    een_adres_of_binnen_straal: bool | None = Field(
        default=None, description="één woonadres of woonadressen binnen honderd meter (lid 2 onder b)"
    )
    gemeenschappelijke_ruimte: bool | None = Field(
        default=None, description="ten minste één gemeenschappelijke verblijfsruimte (lid 2 onder b)"
    )
    inwonend_bij_ouder: bool | None = Field(
        default=None, description="de cliënt woont in bij een ouder, pleegouder of pleegoudervoogd (lid 3)"
    )


class PgbInvoer(Invoer):
    zzp: str = Field(min_length=1, max_length=10)
    van: date
    tot: date
    # null: not known; the answer then says what the amount depends on (never assumed). Left out of the JSON: false.
    begeleiding_groep: bool | None = Field(
        default=False,
        description="de variant met begeleiding in een groep (null: onbekend, het antwoord geeft dan het bedrag per "
        "mogelijkheid)",
    )
    vervoer: bool | None = Field(
        default=False, description="begeleiding in een groep inclusief vervoer (null: onbekend)"
    )
    in_instelling: bool | None = Field(
        default=False, description="de cliënt verblijft in een instelling (null: onbekend)"
    )
    wooninitiatief: WooninitiatiefInvoer | None = Field(
        default=None,
        description="de feiten van de woonsituatie, als de verhoging voor een kleinschalig wooninitiatief gevraagd wordt",
    )
    kleinschalig_wooninitiatief: bool | None = Field(
        default=None,
        description="vervallen: 'nee' (false) blijft geldig en vraagt geen verhoging; 'ja' (true) wordt geweigerd, "
        "geef dan de feiten bij wooninitiatief",
    )
    eerder_3lvg_met_pgb: bool | None = Field(
        default=None,
        description="Wlz: de cliënt had vlak vóór 2015 ZZP 3 LVG met een pgb (Rlz art. 5.5 lid 2; nodig bij 3 LVG)",
    )


def bereken_pgb(data: Ontvangen[PgbInvoer] | Json) -> PgbUitkomst:
    v = aanvaard(PgbInvoer, data)
    if v.kleinschalig_wooninitiatief:
        raise InvoerFout.een("kleinschalig_wooninitiatief", KLEINSCHALIG_ALLEEN_JA)
    w = v.wooninitiatief
    vraag = PgbVraag(
        zzp=v.zzp,
        van=v.van,
        tot=v.tot,
        begeleiding_groep=v.begeleiding_groep,
        vervoer=v.vervoer,
        in_instelling=v.in_instelling,
        wooninitiatief=None if w is None else Wooninitiatief(**w.model_dump()),
        eerder_3lvg_met_pgb=v.eerder_3lvg_met_pgb,
    )
    return PgbUitkomst.model_validate(pgb_bij_verblijf(vraag).als_dict())


def zzp_keuzes() -> list[tuple[str, list[tuple[str, str]]]]:
    """The zorgzwaartepakketten as a client picks one on the pgb screen: per sector, code and name ("4 VV – Beschut
    wonen met intensieve begeleiding en uitgebreide verzorging"), in the order of the catalogue."""
    groepen: dict[str, list[tuple[str, str]]] = {}
    for z in catalogus():
        groepen.setdefault(z.sector_naam, []).append((z.code, f"{z.code_lang} – {z.naam}"))
    return list(groepen.items())
