"""The `zorgzwaarte` command."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from zorgzwaarte.cli.invoer import lees_json, print_json, stop_met_fout
from zorgzwaarte.cli.uitleg import toon_besluit
from zorgzwaarte.diensten.aanspraken import bereken_aanspraak, lijst_regels
from zorgzwaarte.diensten.beheer import huidige_aanvulling, laad_aanvulling
from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.indicatie.normtijden import laatste_normtijden
from zorgzwaarte.regels.profielen.catalogus import catalogus

app = typer.Typer(
    help="zorgzwaarte: van beoordeling tot indicatiebesluit (AWBZ 2014, Wlz).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
codes_app = typer.Typer(help="Codelijsten en tabellen uit de regelgeving.", no_args_is_help=True)
app.add_typer(codes_app, name="codes")
beheer_app = typer.Typer(help="Beheer: aanvullingen op de parameters.", no_args_is_help=True)
app.add_typer(beheer_app, name="beheer")


@codes_app.command("handelingen")
def codes_handelingen(
    als_json: Annotated[bool, typer.Option("--json", help="Als JSON-array")] = False,
) -> None:
    """De handelingen uit de normtijdentabellen PV en VP (Beleidsregels indicatiestelling AWBZ 2014, bijlage 4 en 5)."""
    handelingen = list(laatste_normtijden().values())
    if als_json:
        print_json([h.als_dict() for h in handelingen])
        return
    console = Console()
    for h in handelingen:
        console.print(f"{h.id:10} {h.functie} {h.activiteit:5} {h.minuten:>5g} min  {h.omschrijving}")


@codes_app.command("zzp")
def codes_zzp(
    als_json: Annotated[bool, typer.Option("--json", help="Als JSON-array")] = False,
) -> None:
    """De zorgzwaartepakketten (Regeling zorgaanspraken AWBZ bijlage 2; iWlz COD163), met aanvullingen van de beheerder."""
    try:
        aanvulling = huidige_aanvulling()
    except (OSError, ValueError) as exc:
        stop_met_fout(InvoerFout.een("aanvulling", f"de aanvulling in de datamap is onleesbaar: {exc}"))
    lijst = catalogus(None, aanvulling)
    if als_json:
        print_json([z.als_dict() for z in lijst])
        return
    console = Console(highlight=False)
    for z in lijst:
        van = z.indiceerbaar_van.isoformat() if z.indiceerbaar_van else "onbekend"
        tot = z.indiceerbaar_tot.isoformat() if z.indiceerbaar_tot else ("heden" if z.indiceerbaar_van else "onbekend")
        console.print(f"{z.code:8} {z.cod163 or '—':4} {van} – {tot:10} {z.naam}")


@beheer_app.command("zzp-aanvulling")
def beheer_zzp_aanvulling(
    bestand: Annotated[str, typer.Argument(help="JSON-bestand met de aanvulling, of - voor standaardinvoer")],
) -> None:
    """Laad cijfers die de regeling alleen als afbeelding geeft (uren, profielniveaus), met bron en datum."""
    try:
        aantal = laad_aanvulling(lees_json(bestand))
    except InvoerFout as fout:
        stop_met_fout(fout)
    Console().print(
        f"Aanvulling geladen: {aantal} zorgzwaartepakket(ten). Nieuwe besluiten noemen de aanvulling in hun kenmerk."
    )


@app.command("indiceer")
def indiceer_cmd(
    bestand: Annotated[str, typer.Argument(help="JSON-bestand met de beoordeling, of - voor standaardinvoer")],
    uitleg: Annotated[bool, typer.Option("--uitleg", help="Toon de Nederlandse uitleg in plaats van JSON")] = False,
) -> None:
    """Bereken het indicatiebesluit bij een beoordeling (JSON)."""
    try:
        besluit = bereken_indicatie(lees_json(bestand))
    except InvoerFout as fout:
        stop_met_fout(fout)
    if uitleg:
        toon_besluit(besluit, Console(highlight=False))
    else:
        print_json(besluit.als_dict())


@app.command("aanspraak")
def aanspraak_cmd(
    naam: Annotated[str | None, typer.Argument(help="Naam van de regel (zie --lijst)")] = None,
    bestand: Annotated[str | None, typer.Argument(help="JSON-bestand met de invoer, of - voor standaardinvoer")] = None,
    lijst: Annotated[bool, typer.Option("--lijst", help="Toon de regels, hun velden en perioden")] = False,
    als_json: Annotated[bool, typer.Option("--json", help="Met --lijst: als JSON")] = False,
) -> None:
    """Bereken een aanspraak uit de Regeling zorgaanspraken AWBZ (art. 1a-16, bijlage 1)."""
    if lijst:
        regels = lijst_regels()
        if als_json:
            print_json(regels)
            return
        console = Console(highlight=False)
        for r in regels:
            console.print(
                f"[bold]{r['naam']}[/bold] ({r['artikel']}), in werking {r['in_werking']['van']} t/m {r['in_werking']['tot']}"
            )
            for v in r["invoer"]:
                console.print(f"   {v['veld']}{'' if v['verplicht'] else ' (optioneel)'}: {v['type']}")
        return
    if naam is None or bestand is None:
        stop_met_fout(InvoerFout.een("naam" if naam is None else "bestand", "geef NAAM en FILE, of gebruik --lijst"))
    try:
        print_json(bereken_aanspraak(naam, lees_json(bestand)))
    except InvoerFout as fout:
        stop_met_fout(fout)


def main() -> None:
    app()
