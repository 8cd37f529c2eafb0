"""Plain-Dutch rendering of an indicatiebesluit for the terminal: dates and amounts in the one style of screens and
letters ("1 juni 2011", ``rapporten.opmaak.datum`` and ``leesbaar``), as the web shows the same decision."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from zorgzwaarte.rapporten.opmaak import datum, leesbaar
from zorgzwaarte.regels.indicatie.besluit import FUNCTIENAMEN, Indicatiebesluit


def toon_besluit(besluit: Indicatiebesluit, console: Console) -> None:
    console.print(f"[bold]Indicatiebesluit[/bold] van {datum(besluit.besluitdatum)}: [bold]{besluit.besluit}[/bold]")
    if besluit.geldig_tot_overlijden:
        console.print(f"Geldig vanaf {datum(besluit.geldig_van)} tot het overlijden")
    elif besluit.geldig_tot is None and besluit.besluit == "toegekend":
        console.print(f"Geldig vanaf {datum(besluit.geldig_van)}, voor onbepaalde tijd")
    else:
        console.print(f"Geldig van {datum(besluit.geldig_van)} tot en met {datum(besluit.geldig_tot)}")
    if besluit.verblijf:
        console.print(f"Zorg met verblijf, {besluit.etmalen_verblijf} etmalen per week")
        if besluit.zzp:
            if besluit.stelsel == "Wlz" and besluit.zzp.get("zorgprofiel_wlz"):
                console.print(f"Zorgprofiel: [bold]{besluit.zzp['zorgprofiel_wlz']}[/bold]")
            if besluit.zzp.get("code"):
                console.print(f"Zorgzwaartepakket: [bold]{besluit.zzp['code']}[/bold] {besluit.zzp['naam']}")
            else:
                console.print("Zorgzwaartepakket: [bold]nog te kiezen door de beoordelaar[/bold]")
            if besluit.zzp.get("professioneel_oordeel_nodig"):
                for reden in besluit.zzp.get("redenen_oordeel") or []:
                    console.print(f"Professioneel oordeel: {leesbaar(reden)}")
    if besluit.functies:
        tabel = Table(title="Geïndiceerde functies")
        for kop in ("Functie", "Omvang", "Klasse", "Ingang", "Einde"):
            tabel.add_column(kop)
        for f in besluit.functies:
            if f.eenheid == "uren" and f.minuten_per_week is not None:
                omvang = f"{float(f.minuten_per_week) / 60:.1f} uur per week".replace(".", ",")
            elif f.omvang is not None:
                omvang = f"{f.omvang} {f.eenheid} per week"
            else:
                omvang = "geen klasse"
            tabel.add_row(
                FUNCTIENAMEN[f.functie],
                omvang,
                "—" if f.klasse is None else str(f.klasse),
                datum(f.ingangsdatum),
                datum(f.einddatum) if f.einddatum else "tot overlijden" if besluit.geldig_tot_overlijden else "—",
            )
        console.print(tabel)
    for grond in besluit.afwijzingsgronden:
        console.print(f"Reden van afwijzing: {leesbaar(grond)}")
    for waarschuwing in besluit.waarschuwingen:
        console.print(f"[bold]Let op:[/bold] {leesbaar(waarschuwing)}")
    console.print("\n[bold]Toelichting[/bold]")
    for i, stap in enumerate(besluit.toelichting, start=1):
        console.print(f"{i}. [bold]{stap.regel}[/bold]: {leesbaar(stap.uitkomst)}")
        console.print(f"   [dim]Bron: {stap.bron}[/dim]")
    r = besluit.ruleset
    console.print(f"\nBerekend met regelset {r.naam}, versie {r.versie}, kenmerk {r.hash}")
    if r.geverifieerd_tot:
        console.print(f"Regelset gecontroleerd tegen de wetteksten tot en met {datum(r.geverifieerd_tot)}")
