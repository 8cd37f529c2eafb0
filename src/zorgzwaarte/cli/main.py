"""The `zorgzwaarte` command."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from zorgzwaarte.cli.invoer import lees_json, print_json, stop_met_fout
from zorgzwaarte.cli.uitleg import toon_besluit
from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.indicatie.normtijden import normtijden
from zorgzwaarte.regels.regelset import regelsets

app = typer.Typer(
    help="zorgzwaarte: van beoordeling tot indicatiebesluit (AWBZ 2014, Wlz).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
codes_app = typer.Typer(help="Codelijsten en tabellen uit de regelgeving.", no_args_is_help=True)
app.add_typer(codes_app, name="codes")


@codes_app.command("handelingen")
def codes_handelingen(
    als_json: Annotated[bool, typer.Option("--json", help="Als JSON-array")] = False,
) -> None:
    """De handelingen uit de normtijdentabellen PV en VP (Beleidsregels indicatiestelling AWBZ 2014, bijlage 4 en 5)."""
    regelset = regelsets("indicatie")[-1]
    handelingen = list(normtijden(regelset).values())
    if als_json:
        print_json([h.als_dict() for h in handelingen])
        return
    console = Console()
    for h in handelingen:
        console.print(f"{h.id:10} {h.functie} {h.activiteit:5} {h.minuten:>5g} min  {h.omschrijving}")


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


def main() -> None:
    app()
