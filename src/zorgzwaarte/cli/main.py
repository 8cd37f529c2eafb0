"""The `zorgzwaarte` command."""

from __future__ import annotations

import errno
import json
import os
import sys
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console

from zorgzwaarte.cli.invoer import lees_json, lees_tekst, print_json, stop_met_fout
from zorgzwaarte.cli.nederlands import NederlandseTyper
from zorgzwaarte.cli.uitleg import toon_besluit
from zorgzwaarte.diensten.aanspraken import aanspraak_invoermodel, bereken_aanspraak, lijst_regels, versies
from zorgzwaarte.diensten.beheer import aanvulling_standaarddatabase, laad_aanvulling, valideer_aanvulling
from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.diensten.invoer import ontvang
from zorgzwaarte.diensten.regelsets import lees_peildatum, regelset_overzicht
from zorgzwaarte.diensten.varianten import variant_uit_tekst
from zorgzwaarte.domein.aanvulling import AanvullingBestand
from zorgzwaarte.domein.beoordeling import Beoordeling
from zorgzwaarte.fouten import InvoerFout, leesfout
from zorgzwaarte.opslag.database import DRADEN_STANDAARD
from zorgzwaarte.rapporten.opmaak import datum
from zorgzwaarte.regels.indicatie.normtijden import laatste_normtijden
from zorgzwaarte.regels.profielen.catalogus import catalogus

if TYPE_CHECKING:
    import polars as pl


app = NederlandseTyper(
    help="zorgzwaarte: van beoordeling tot indicatiebesluit (AWBZ 2014, Wlz).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
codes_app = NederlandseTyper(help="Codelijsten en tabellen uit de regelgeving.", no_args_is_help=True)
app.add_typer(codes_app, name="codes")
beheer_app = NederlandseTyper(help="Beheer: aanvullingen op de parameters.", no_args_is_help=True)
app.add_typer(beheer_app, name="beheer")
regelset_app = NederlandseTyper(help="Regelsets: de parameters per peildatum, met bron.", no_args_is_help=True)
app.add_typer(regelset_app, name="regelset")


def _kort(waarde: object, breedte: int = 60) -> str:
    tekst = str(waarde)
    return tekst if len(tekst) <= breedte else tekst[: breedte - 1] + "…"


@regelset_app.command("toon")
def regelset_toon(
    peildatum: Annotated[
        str | None, typer.Option("--peildatum", help="Datum (31-12-2014); zonder: alle regelsets")
    ] = None,
    onderwerp: Annotated[str, typer.Option("--onderwerp", help="indicatie, aanspraken of pgb")] = "indicatie",
    als_json: Annotated[bool, typer.Option("--json", help="Als JSON")] = False,
) -> None:
    """Toon de parameters van een regelset: pad, waarde, geldigheid en bron (met adres op wetten.overheid.nl)."""
    try:
        overzicht = regelset_overzicht(onderwerp, lees_peildatum(peildatum) if peildatum else None)
    except InvoerFout as fout:
        stop_met_fout(fout)
    if als_json:
        print_json(overzicht)
        return

    def dag(iso: str | None, anders: str) -> str:  # dates for people as screens and errors write them (1 juni 2011)
        return datum(str(iso)) if iso else anders

    console = Console(highlight=False, soft_wrap=True)
    for rs in overzicht:
        console.print(
            f"[bold]{rs['naam']}[/bold] (versie {rs['versie']}, {dag(rs['geldig_van'], '—')} t/m "
            f"{dag(rs['geldig_tot'], 'heden')}), gecontroleerd tegen de wetteksten tot en met "
            f"{dag(rs['geverifieerd_tot'], 'onbekend')}, kenmerk {rs['kenmerk']}"
        )
        for p in rs["parameters"]:
            geldig = f"{dag(p['geldig_van'], '—')} t/m {dag(p['geldig_tot'], 'heden')}"
            console.print(f"  {p['bestand']}:{p['pad']} = {_kort(p['waarde'])}  ({geldig})")
            console.print(f"      bron: {p['bron']}" + (f" <{p['adressen'][0]}>" if p["adressen"] else ""))


def _dag(d: date | str | None) -> str:
    """A date in the one style of screens and letters ('1 juni 2011'); an open end is 'heden'."""
    return datum(d) if d else "heden"


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
    lijst = catalogus(None, aanvulling_standaarddatabase())
    if als_json:
        print_json([z.als_dict() for z in lijst])
        return
    console = Console(highlight=False)
    for z in lijst:
        van = datum(z.indiceerbaar_van) if z.indiceerbaar_van else "onbekend"
        tot = datum(z.indiceerbaar_tot) if z.indiceerbaar_tot else ("heden" if z.indiceerbaar_van else "onbekend")
        console.print(f"{z.code:8} {z.cod163 or '—':4} {van:>17} – {tot:17} {z.naam}")


@beheer_app.command("zzp-aanvulling")
def beheer_zzp_aanvulling(
    bestand: Annotated[str, typer.Argument(help="JSON-bestand met de aanvulling, of - voor standaardinvoer")],
) -> None:
    """Laad cijfers die de regeling alleen als afbeelding geeft (uren, profielniveaus), met bron en datum.

    De aanvulling komt in de database (alle werkers en hosts lezen dezelfde) en vervangt de vorige.
    """
    from zorgzwaarte.opslag.database import maak_engine, migreer, sessiefabriek

    try:
        data = valideer_aanvulling(ontvang(AanvullingBestand, lees_json(bestand)))  # before creating a database
        engine = maak_engine()
        migreer(engine)
        aantal = laad_aanvulling(sessiefabriek(engine), data)
    except InvoerFout as fout:
        stop_met_fout(fout)
    Console().print(
        f"Aanvulling geladen: {aantal} zorgzwaartepakket(ten). Nieuwe besluiten noemen de aanvulling in hun kenmerk."
    )


@app.command("indiceer")
def indiceer_cmd(
    bestand: Annotated[str, typer.Argument(help="JSON-bestand met de beoordeling, of - voor standaardinvoer")],
    uitleg: Annotated[bool, typer.Option("--uitleg", help="Toon de Nederlandse uitleg in plaats van JSON")] = False,
    variant: Annotated[
        str | None, typer.Option("--variant", help="Variantbestand (YAML): rekenen met gewijzigde parameters")
    ] = None,
) -> None:
    """Bereken het indicatiebesluit bij een beoordeling (JSON); met --variant volgens een variant (docs/wat-als.md)."""
    try:
        regels = variant_uit_tekst(lees_tekst(variant)) if variant else None
        beoordeling = ontvang(Beoordeling, lees_json(bestand))
        besluit = bereken_indicatie(beoordeling, aanvulling_standaarddatabase(), variant=regels)
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
    """Bereken een aanspraak uit de Regeling zorgaanspraken AWBZ (art. 1a-16, bijlage 1; versies 2011-2014)."""
    if lijst:
        regels = lijst_regels()
        if als_json:
            print_json(regels)
            return
        console = Console(highlight=False)
        for r in regels:
            console.print(
                f"[bold]{r.naam}[/bold] ({r.artikel}), in werking {_dag(r.in_werking.van)} t/m {_dag(r.in_werking.tot)}"
                f"; versies {', '.join(r.versies)}"
            )
            if r.wlz_artikel:  # meerzorg: from 2015 the Regeling langdurige zorg
                console.print(
                    f"   vanaf {_dag(r.wlz_versies[0].geldig_van)}: {r.wlz_artikel}; versies "
                    + ", ".join(f"{v.versie} ({v.adres})" for v in r.wlz_versies),
                    soft_wrap=True,
                )
            for v in r.invoer:
                console.print(f"   {v.veld}{'' if v.verplicht else ' (optioneel)'}: {v.type}")
        console.print("\n[bold]Versies van de regeling[/bold] (de peildatum kiest de versie)")
        for x in versies():
            console.print(f"   {x.versie}: {_dag(x.geldig_van)} t/m {_dag(x.geldig_tot)}  {x.adres}", soft_wrap=True)
        return
    if naam is None or bestand is None:
        stop_met_fout(
            InvoerFout.een(
                "naam" if naam is None else "bestand", "geef de naam van de regel en het bestand, of gebruik --lijst"
            )
        )
    try:
        print_json(bereken_aanspraak(naam, ontvang(aanspraak_invoermodel(naam), lees_json(bestand))))
    except InvoerFout as fout:
        stop_met_fout(fout)


db_app = NederlandseTyper(help="Database: migraties.", no_args_is_help=True)
app.add_typer(db_app, name="db")
gebruiker_app = NederlandseTyper(help="Gebruikers beheren.", no_args_is_help=True)
app.add_typer(gebruiker_app, name="gebruiker")


@db_app.command("migreer")
def db_migreer() -> None:
    """Breng de database op de nieuwste versie (Alembic); maakt de SQLite-database aan als die er niet is."""
    from zorgzwaarte.opslag.database import huidige_revisie, maak_engine, migreer

    engine = maak_engine()
    migreer(engine)
    Console().print(f"Database op versie {huidige_revisie(engine)} ({engine.url.render_as_string(hide_password=True)})")


@app.command("demo")
def demo_cmd(aantal: Annotated[int, typer.Option(help="Aantal fictieve cliënten")] = 50) -> None:
    """Vul een lege database met fictieve demogegevens (zorgkantoor, twee aanbieders, beoordelaar, cliënten)."""
    from zorgzwaarte.demo.gegevens import laad_demo_aanvulling, vul_demo
    from zorgzwaarte.diensten.werkeenheid import nu_utc, vandaag_nl
    from zorgzwaarte.opslag.database import maak_engine, migreer, sessiefabriek

    engine = maak_engine()
    migreer(engine)
    geladen = laad_demo_aanvulling(sessiefabriek(engine))  # first: the demo's decisions then know those hours
    uit = vul_demo(sessiefabriek(engine), aantal, vandaag=vandaag_nl(nu_utc()))
    if geladen:
        Console().print("Gemiddelde uren van VV 5-10 en LG 6-7 geladen als aanvulling (indicatief, met bron).")
    Console().print("Demogegevens aangemaakt." if uit["aangemaakt"] else "De database bevat al gegevens; niets gedaan.")


@gebruiker_app.command("nieuw")
def gebruiker_nieuw(
    gebruikersnaam: Annotated[str, typer.Option(help="Inlognaam (kleine letters, cijfers, . _ -)")],
    naam: Annotated[str, typer.Option(help="Volledige naam")],
    rol: Annotated[str, typer.Option(help="beoordelaar, zorgaanbieder, zorgkantoor of beheerder")],
    organisatie: Annotated[int, typer.Option(help="Id van de organisatie")],
    wachtwoord: Annotated[
        str,
        typer.Option(prompt=True, hide_input=True, confirmation_prompt=True, help="Wachtwoord (minstens 10 tekens)"),
    ],
) -> None:
    """Maak een gebruiker aan (vanaf de opdrachtregel, als systeembeheer)."""
    from sqlalchemy import func, select

    from zorgzwaarte.diensten.auth import hash_wachtwoord
    from zorgzwaarte.domein.records import GebruikerNieuw
    from zorgzwaarte.domein.validatie import valideer
    from zorgzwaarte.opslag.database import maak_engine, migreer, sessiefabriek
    from zorgzwaarte.opslag.modellen import Gebruiker, Organisatie

    try:
        g = valideer(
            GebruikerNieuw,
            {
                "gebruikersnaam": gebruikersnaam,
                "naam": naam,
                "rol": rol,
                "organisatie_id": organisatie,
                "wachtwoord": wachtwoord,
            },
        )
        engine = maak_engine()
        migreer(engine)
        with sessiefabriek(engine)() as s:
            if s.get(Organisatie, g.organisatie_id) is None:
                raise InvoerFout.een("organisatie", f"organisatie {g.organisatie_id} bestaat niet")
            if s.scalar(select(func.count()).where(Gebruiker.gebruikersnaam == g.gebruikersnaam)):
                raise InvoerFout.een("gebruikersnaam", "bestaat al")
            s.add(
                Gebruiker(
                    gebruikersnaam=g.gebruikersnaam,
                    naam=g.naam,
                    rol=g.rol,
                    organisatie_id=g.organisatie_id,
                    wachtwoord_hash=hash_wachtwoord(g.wachtwoord),
                )
            )
            s.commit()
    except InvoerFout as fout:
        stop_met_fout(fout)
    Console().print(f"Gebruiker {gebruikersnaam} aangemaakt.")


HEALTHCHECK_S = 30  # how long a worker may take to answer uvicorn's health check (its default: 5 s)


@app.command("serveer")
def serveer(
    host: Annotated[str, typer.Option(help="Adres om op te luisteren")] = "127.0.0.1",
    poort: Annotated[int, typer.Option(help="Poort")] = 8000,
    demo: Annotated[bool, typer.Option("--demo", help="Vul een lege database met fictieve demogegevens")] = False,
    workers: Annotated[
        int,
        typer.Option("--workers", help="Aantal werkprocessen; elk bedient verzoeken met een eigen databaseverbinding"),
    ] = 1,
    draden: Annotated[
        int,
        typer.Option(
            "--draden",
            help=f"Aantal verzoeken dat één werkproces tegelijk verwerkt (standaard {DRADEN_STANDAARD}); elk "
            "werkproces houdt evenveel databaseverbindingen open, plus twee (zie docs/productie.md bij PostgreSQL)",
        ),
    ] = DRADEN_STANDAARD,
) -> None:
    """Start de toepassing (API en web): migreert de database, vult eventueel demogegevens en toont de URL.

    Migraties en demogegevens gebeuren één keer, in dit proces, vóórdat de werkprocessen starten; elk werkproces
    maakt de toepassing met `zorgzwaarte.api.app:maak_app_voor_werkproces` en leest alles (ook de ZZP-aanvulling) uit de database.
    """
    import uvicorn

    from zorgzwaarte.cli.werkprocessen import (
        VerdeeldeWerkprocessen,
        Werkprocessen,
        controleer_poort,
        verdelen_kan,
        werkproces_socket,
    )
    from zorgzwaarte.demo.gegevens import DEMO_GEBRUIKERS, laad_demo_aanvulling, vul_demo
    from zorgzwaarte.diensten.werkeenheid import nu_utc, vandaag_nl
    from zorgzwaarte.opslag.database import maak_engine, migreer, sessiefabriek

    if workers < 1:
        stop_met_fout(InvoerFout.een("--workers", "het aantal werkprocessen moet 1 of meer zijn"))
    if draden < 1:
        stop_met_fout(
            InvoerFout.een("--draden", "het aantal gelijktijdige verzoeken per werkproces moet 1 of meer zijn")
        )
    os.environ["ZORGZWAARTE_DRADEN"] = str(draden)  # read by every worker (api.app.draden_per_werkproces)
    try:  # before migrating: a port in use is an error at once (also for one worker, `make run`)
        sock = werkproces_socket(host, poort) if workers > 1 else None
        if workers == 1:
            controleer_poort(host, poort)
    except OSError as fout:
        reden = "is al in gebruik" if fout.errno == errno.EADDRINUSE else "is op deze machine niet te gebruiken"
        stop_met_fout(InvoerFout.een("--poort", f"poort {poort} op adres {host} {reden}"))
    engine = maak_engine()
    migreer(engine)
    console = Console(highlight=False)
    if demo:  # the supplement first: the demo's decisions then know those hours; the story runs to today
        laad_demo_aanvulling(sessiefabriek(engine))
        vul_demo(sessiefabriek(engine), vandaag=vandaag_nl(nu_utc()))
    url = f"http://{host}:{poort}"
    console.print(f"[bold]zorgzwaarte[/bold] draait op {url}  (webtoepassing; API-documentatie: {url}/docs)")
    console.print(f"Database: {engine.url.render_as_string(hide_password=True)}")
    if workers > 1:
        console.print(f"Werkprocessen: {workers}")
    if demo:
        console.print("Demo-accounts (fictief):")
        for gnaam, _naam, rol, _org, ww in DEMO_GEBRUIKERS:
            console.print(f"  {rol:14} gebruikersnaam [bold]{gnaam}[/bold]  wachtwoord [bold]{ww}[/bold]")
    engine.dispose()  # the workers open their own connections
    instellingen: dict[str, Any] = {  # no access log: it would only be filtered away (the audit log records the use)
        "factory": True,
        "host": host,
        "port": poort,
        "workers": workers,
        "log_level": "warning",
        "access_log": False,
        # uvicorn kills a worker that does not answer its health check within 5 s, also while the worker still
        # imports the program: on a busy machine every worker was killed and started again, and none ever served
        "timeout_worker_healthcheck": HEALTHCHECK_S,
    }
    if sock is None:
        uvicorn.run("zorgzwaarte.api.app:maak_app_voor_werkproces", **instellingen)
        return
    # as uvicorn.run does for workers > 1; this process accepts the connections and hands each to the worker with
    # the fewest open connections (cli/werkprocessen.py, where a worker also leaves Ctrl-C to this process)
    config = uvicorn.Config("zorgzwaarte.api.app:maak_app_voor_werkproces", **instellingen)
    if verdelen_kan():
        VerdeeldeWerkprocessen(config, sock).run()
    else:
        Werkprocessen(config, sockets=[sock]).run()


iwlz_app = NederlandseTyper(help="iWlz-berichten (2.2): IO31 uit en in, retourberichten lezen.", no_args_is_help=True)
app.add_typer(iwlz_app, name="iwlz")
iwlz_export_app = NederlandseTyper(help="Berichten maken.", no_args_is_help=True)
iwlz_app.add_typer(iwlz_export_app, name="export")


register_app = NederlandseTyper(
    help="iWlz-netwerkmodel: indicaties uit het Indicatieregister halen, notificaties bezorgen.", no_args_is_help=True
)
iwlz_app.add_typer(register_app, name="register")
EXIT_NETWERK = 1


def _register_omgeving(gebruikersnaam: str | None) -> tuple[Any, Any]:
    from zorgzwaarte.diensten.register import actor_van_gebruiker
    from zorgzwaarte.opslag.database import maak_engine, migreer, sessiefabriek

    engine = maak_engine()
    migreer(engine)
    fabriek = sessiefabriek(engine)
    if gebruikersnaam is None:
        return fabriek, None
    with fabriek() as s:
        return fabriek, actor_van_gebruiker(s, gebruikersnaam)


def _stop_netwerk(veld: str, melding: str) -> NoReturn:
    sys.stderr.write(json.dumps({"fouten": [{"veld": veld, "melding": melding}]}, ensure_ascii=False, indent=2) + "\n")
    raise SystemExit(EXIT_NETWERK)


@register_app.command("haal")
def register_haal(
    wlzindicatie_id: Annotated[str, typer.Option("--id", help="wlzindicatieID (UUID) van de indicatie")],
    gebruiker: Annotated[
        str, typer.Option(help="Gebruikersnaam van het zorgkantoor of de zorgaanbieder namens wie u ophaalt")
    ],
) -> None:
    """Haal een Wlz-indicatie uit het ingestelde Indicatieregister (QIR-0001 of QIR-0002, OAuth2-token) en sla haar op
    zoals een ingelezen IO31; dezelfde versie twee keer wordt één keer opgeslagen. Exit 2 bij ongeldige invoer of een
    ongeldig antwoord (niets opgeslagen), 1 als het register of de autorisatieserver niet meewerkt."""
    from zorgzwaarte.diensten.werkeenheid import nu_utc
    from zorgzwaarte.fouten import DienstFout
    from zorgzwaarte.iwlz.register.netwerk import NetwerkFout, OnbekendeIndicatie
    from zorgzwaarte.iwlz.register.werk import haal_en_bewaar

    try:
        fabriek, actor = _register_omgeving(gebruiker)
        uit = haal_en_bewaar(fabriek, nu_utc, actor, wlzindicatie_id)
    except InvoerFout as fout:
        stop_met_fout(fout)
    except NetwerkFout as exc:
        _stop_netwerk("register", exc.melding)
    except OnbekendeIndicatie as exc:
        _stop_netwerk("id", str(exc))
    except DienstFout as exc:
        _stop_netwerk("client", exc.melding)
    ib = uit["indicatiebesluit"]
    print_json(
        {
            "opgeslagen": uit["nieuw"],
            "melding": "Opgeslagen." if uit["nieuw"] else "Deze versie was al opgeslagen; niets gewijzigd.",
            "indicatiebesluit_id": ib["id"],
            "wlzindicatie_id": ib["wlzindicatie_id"],
            "client_id": uit["client"]["id"],
            "zzp_code": ib["zzp_code"],
            "geldig_van": ib["geldig_van"],
            "geldig_tot": ib["geldig_tot"],
            "vervaldatum": ib["vervaldatum"],
        }
    )


@register_app.command("bezorg")
def register_bezorg() -> None:
    """Bezorg de wachtende notificaties (zendNotificatie) één keer; mislukte komen later terug (oplopende wachttijd).
    Draai dit periodiek, bijvoorbeeld elke minuut."""
    from zorgzwaarte.diensten.werkeenheid import nu_utc
    from zorgzwaarte.iwlz.register.werk import bezorg_wachtende

    try:
        fabriek, _ = _register_omgeving(None)
        print_json(bezorg_wachtende(fabriek, nu_utc))
    except InvoerFout as fout:
        stop_met_fout(fout)


@register_app.command("verwerk")
def register_verwerk(
    gebruiker: Annotated[str, typer.Option(help="Gebruikersnaam van het zorgkantoor of de zorgaanbieder")],
) -> None:
    """Haal op wat ontvangen notificaties aankondigen en nog niet is opgehaald (bijvoorbeeld toen het register plat lag)."""
    from zorgzwaarte.diensten.werkeenheid import nu_utc
    from zorgzwaarte.iwlz.register.werk import verwerk_inbox

    try:
        fabriek, actor = _register_omgeving(gebruiker)
        print_json(verwerk_inbox(fabriek, nu_utc, actor))
    except InvoerFout as fout:
        stop_met_fout(fout)


def _lees_bytes(bestand: str) -> bytes:
    import sys
    from pathlib import Path

    try:
        return sys.stdin.buffer.read() if bestand == "-" else Path(bestand).read_bytes()
    except OSError:
        raise InvoerFout.een("bestand", f"bestand '{bestand}' bestaat niet of kan niet worden gelezen") from None


@iwlz_export_app.command("io31")
def iwlz_export_io31(
    bestand: Annotated[str, typer.Argument(help="JSON {client: {...}, beoordeling: <invoer van indiceer>} of -")],
    ontvanger: Annotated[str, typer.Option(help="Zorgkantoorcode (LDT_ZorgkantoorCode)")] = "5509",
    besluitnummer: Annotated[int | None, typer.Option(help="Besluitnummer; standaard afgeleid uit de inhoud")] = None,
    dagtekening: Annotated[str | None, typer.Option(help="Dagtekening JJJJ-MM-DD; standaard de besluitdatum")] = None,
) -> None:
    """Maak het IO31-bericht (indicatiebesluit CIZ -> zorgkantoor) bij de beoordeling."""
    import sys
    from datetime import date

    from zorgzwaarte.iwlz.uitwisseling import exporteer_io31

    try:
        try:
            dag = date.fromisoformat(dagtekening) if dagtekening else None
        except ValueError:
            raise InvoerFout.een("dagtekening", "is geen geldige datum (JJJJ-MM-DD)") from None
        xml = exporteer_io31(lees_json(bestand), ontvanger, besluitnummer, dag, aanvulling_standaarddatabase())
    except InvoerFout as fout:
        stop_met_fout(fout)
    sys.stdout.write(xml.decode("utf-8"))


@iwlz_app.command("import")
def iwlz_import(bestand: Annotated[str, typer.Argument(help="IO31-bericht (XML) of -")]) -> None:
    """Lees een IO31-bericht en toon cliënt, grondslagen, scores, ZZP en functies als JSON."""
    from zorgzwaarte.iwlz.lezen import io31_lezen

    try:
        print_json(io31_lezen(_lees_bytes(bestand)))
    except InvoerFout as fout:
        stop_met_fout(fout)


@iwlz_app.command("retour")
def iwlz_retour(bestand: Annotated[str, typer.Argument(help="AW34-, AW36- of AW310-bericht (XML) of -")]) -> None:
    """Lees een retourbericht en toon de retourcodes in het Nederlands."""
    from zorgzwaarte.iwlz.lezen import retour_lezen

    try:
        print_json(retour_lezen(_lees_bytes(bestand)))
    except InvoerFout as fout:
        stop_met_fout(fout)


@app.command("declareer")
def declareer_cmd(
    bestand: Annotated[str, typer.Argument(help="JSON met periode, tarieven en cliënten, of -")],
    pdf: Annotated[
        str | None, typer.Option(help="Schrijf ook een PDF-overzicht van de periode naar dit bestand")
    ] = None,
    contract: Annotated[
        str | None, typer.Option(help="Contract (JSON): zet in de PDF de realisatie naast de productieafspraak")
    ] = None,
    csv: Annotated[str | None, typer.Option(help="Schrijf ook de regels als CSV (;) naar dit bestand")] = None,
) -> None:
    """Declareer een periode: dagen in zorg en bekostigde afwezigheid per cliënt, met toelichting per regel."""
    from pathlib import Path

    from zorgzwaarte.diensten.declaratie import DeclaratieInvoer, declareer

    try:
        uitkomst = declareer(ontvang(DeclaratieInvoer, lees_json(bestand)))
        realisatie = None
        if contract:
            from zorgzwaarte.diensten.tarieven import ContractInvoer, lees_contract, realisatie_overzicht

            realisatie = realisatie_overzicht(
                lees_contract(ontvang(ContractInvoer, lees_json(contract), "contract.")), uitkomst
            )
        if pdf:
            from zorgzwaarte.diensten.werkeenheid import nu_utc, vandaag_nl
            from zorgzwaarte.rapporten.pdf import declaratie_pdf

            aanbieder = realisatie.aanbieder if realisatie else None
            try:
                Path(pdf).write_bytes(
                    declaratie_pdf(
                        uitkomst,
                        aanbieder=aanbieder,
                        realisatie=realisatie,
                        gemaakt_op=vandaag_nl(nu_utc()),  # the day on the clock of the services
                    )
                )
            except OSError as exc:
                raise InvoerFout.een("pdf", f"kan '{pdf}' niet schrijven ({exc.__class__.__name__})") from None
        if csv:
            from zorgzwaarte.rapporten.csv_export import declaratie_csv

            try:
                Path(csv).write_text(declaratie_csv(uitkomst), encoding="utf-8")
            except OSError as exc:
                raise InvoerFout.een("csv", f"kan '{csv}' niet schrijven ({exc.__class__.__name__})") from None
        print_json(uitkomst)
    except InvoerFout as fout:
        stop_met_fout(fout)


@app.command("pgb")
def pgb_cmd(
    zzp: Annotated[str, typer.Argument(help="Zorgzwaartepakket, bijv. 5VV")],
    van: Annotated[str, typer.Option(help="Eerste dag van de subsidieperiode (JJJJ-MM-DD)")],
    tot: Annotated[str, typer.Option(help="Laatste dag (zelfde kalenderjaar)")],
    begeleiding_groep: Annotated[bool, typer.Option(help="Variant met begeleiding groep")] = False,
    vervoer: Annotated[bool, typer.Option(help="Begeleiding groep inclusief vervoer")] = False,
    in_instelling: Annotated[bool, typer.Option(help="De cliënt verblijft in een instelling")] = False,
    kleinschalig: Annotated[
        bool, typer.Option(help="Vervallen: geef de feiten van het wooninitiatief (de opties hieronder)")
    ] = False,
    bewoners_met_pgb: Annotated[
        int | None, typer.Option(help="Kleinschalig wooninitiatief: aantal bewoners met een pgb (Blz art. 3.1.4)")
    ] = None,
    gezamenlijke_inkoop: Annotated[
        bool | None,
        typer.Option(
            "--gezamenlijke-inkoop/--geen-gezamenlijke-inkoop", help="De bewoners kopen de zorg samen in (bundeling)"
        ),
    ] = None,
    een_adres: Annotated[
        bool | None,
        typer.Option("--een-adres/--niet-een-adres", help="De bewoners wonen op één adres of binnen 100 meter"),
    ] = None,
    gemeenschappelijke_ruimte: Annotated[
        bool | None,
        typer.Option(
            "--gemeenschappelijke-ruimte/--geen-gemeenschappelijke-ruimte",
            help="Er is een gemeenschappelijke verblijfsruimte",
        ),
    ] = None,
    inwonend_bij_ouder: Annotated[
        bool | None,
        typer.Option(
            "--inwonend-bij-ouder/--niet-inwonend-bij-ouder", help="De cliënt woont in bij een ouder of pleegouder"
        ),
    ] = None,
    eerder_3lvg_met_pgb: Annotated[
        bool | None,
        typer.Option(
            "--eerder-3lvg-met-pgb/--niet-eerder-3lvg-met-pgb",
            help="Wlz: de cliënt had vlak vóór 2015 ZZP 3 LVG met een pgb (Rlz art. 5.5 lid 2; nodig bij 3 LVG)",
        ),
    ] = None,
) -> None:
    """Maximaal pgb bij een indicatie voor verblijf (AWBZ 2014, Wlz 2015), met toelichting per stap."""
    from zorgzwaarte.diensten.pgb import KLEINSCHALIG_ALLEEN_JA, PgbInvoer, bereken_pgb

    feiten = {
        "bewoners_met_pgb": bewoners_met_pgb,
        "gezamenlijke_inkoop": gezamenlijke_inkoop,
        "een_adres_of_binnen_straal": een_adres,
        "gemeenschappelijke_ruimte": gemeenschappelijke_ruimte,
        "inwonend_bij_ouder": inwonend_bij_ouder,
    }
    try:
        if kleinschalig:
            raise InvoerFout.een(
                "--kleinschalig",
                KLEINSCHALIG_ALLEEN_JA.replace(
                    "Geef ze op bij wooninitiatief:",
                    "Geef ze op met --bewoners-met-pgb, --gezamenlijke-inkoop, --een-adres, "
                    "--gemeenschappelijke-ruimte en --niet-inwonend-bij-ouder (of de tegenovergestelde opties):",
                ),
            )
        print_json(
            bereken_pgb(
                ontvang(
                    PgbInvoer,
                    {
                        "zzp": zzp,
                        "van": van,
                        "tot": tot,
                        "begeleiding_groep": begeleiding_groep,
                        "vervoer": vervoer,
                        "in_instelling": in_instelling,
                        "wooninitiatief": feiten if any(x is not None for x in feiten.values()) else None,
                        "eerder_3lvg_met_pgb": eerder_3lvg_met_pgb,
                    },
                )
            )
        )
    except InvoerFout as fout:
        stop_met_fout(fout)


tarieven_app = NederlandseTyper(
    help="Tarieftabellen (CSV) en contracten: controleren en dagtarieven uitleggen.", no_args_is_help=True
)
app.add_typer(tarieven_app, name="tarieven")


@tarieven_app.command("controleer")
def tarieven_controleer(
    bestand: Annotated[str, typer.Argument(help="Tarieftabel (CSV, zie docs/bekostiging.md) of -")],
) -> None:
    """Controleer een tarieftabel en print haar als JSON; elke fout met regelnummer en kolom."""
    from zorgzwaarte.diensten.tarieven import lees_tarieftabel

    try:
        print_json([r.als_dict() for r in lees_tarieftabel(lees_tekst(bestand))])
    except InvoerFout as fout:
        stop_met_fout(fout)


@tarieven_app.command("dagtarief")
def tarieven_dagtarief(
    contract: Annotated[str, typer.Argument(help="Contract (JSON, zie docs/bekostiging.md)")],
    tarieven: Annotated[str, typer.Option(help="Tarieftabel (CSV)")],
    dag: Annotated[str, typer.Option(help="Dag (JJJJ-MM-DD)")],
) -> None:
    """Het effectieve dagtarief per afgesproken prestatie: zorgzwaarte + prestatie, met toelichting."""
    from zorgzwaarte.diensten.tarieven import ContractInvoer, dagtarieven, lees_contract, lees_dag, lees_tarieftabel

    try:
        c = lees_contract(ontvang(ContractInvoer, lees_json(contract), "contract."))
        print_json(dagtarieven(c, lees_tarieftabel(lees_tekst(tarieven)), lees_dag(dag)))
    except InvoerFout as fout:
        stop_met_fout(fout)


@tarieven_app.command("realisatie")
def tarieven_realisatie(
    contract: Annotated[str, typer.Argument(help="Contract (JSON)")],
    declaratie: Annotated[str, typer.Option(help="Uitvoer van 'zorgzwaarte declareer' (JSON)")],
) -> None:
    """Realisatie tegenover de productieafspraak: gedeclareerde dagen per prestatie."""
    from zorgzwaarte.diensten.tarieven import ContractInvoer, lees_contract, realisatie_overzicht

    try:
        print_json(
            realisatie_overzicht(
                lees_contract(ontvang(ContractInvoer, lees_json(contract), "contract.")), lees_json(declaratie)
            )
        )
    except InvoerFout as fout:
        stop_met_fout(fout)


batch_app = NederlandseTyper(
    help="Populaties: indiceren en declareren in één keer (CSV of Parquet).", no_args_is_help=True
)
app.add_typer(batch_app, name="batch")


@batch_app.command("indiceer")
def batch_indiceer(
    invoer: Annotated[str, typer.Argument(help="Tabel met beoordelingen (.csv of .parquet); zie docs/batch.md")],
    uit: Annotated[str, typer.Option("--uit", help="Uitvoertabel (.csv of .parquet)")],
    zorgmomenten: Annotated[
        str | None, typer.Option(help="Tabel met zorgmomenten (id, per_week, handelingen, twee_zorgverleners)")
    ] = None,
    blok: Annotated[int, typer.Option(help="Rijen per blok (twee tegelijk, een per processorkern)")] = 1 << 17,
) -> None:
    """Bereken de indicatiebesluiten van een hele tabel met beoordelingen (gevectoriseerd)."""
    from pathlib import Path

    from rich.progress import Progress

    from zorgzwaarte.batch.indicatie import indiceer_tabel, schrijf

    try:
        if blok < 1:
            raise InvoerFout.een("blok", "geef een aantal rijen per blok van 1 of meer")
        df = _lees_tabel(invoer, "invoer")
        zm = _lees_tabel(zorgmomenten, "zorgmomenten") if zorgmomenten else None
        _verplichte_kolommen(df)
    except InvoerFout as fout:
        stop_met_fout(fout)
    with Progress(transient=True) as voortgang:
        taak = voortgang.add_task("Indiceren", total=df.height)
        resultaat = indiceer_tabel(df, zm, blok, lambda klaar: voortgang.update(taak, completed=klaar))
    schrijf(resultaat, Path(uit))
    met_fout = resultaat["fout"].is_not_null().sum()
    Console().print(
        f"{resultaat.height} beoordelingen, {resultaat.height - met_fout} besluiten, {met_fout} met een fout "
        f"(kolom 'fout'): {uit}"
    )


@batch_app.command("wat-als")
def batch_wat_als(
    invoer: Annotated[str, typer.Argument(help="Tabel met beoordelingen (.csv of .parquet), als bij 'batch indiceer'")],
    variant: Annotated[str, typer.Option("--variant", help="Variantbestand (YAML); zie docs/wat-als.md")],
    uit: Annotated[str, typer.Option("--uit", help="Uitvoertabel (.csv of .parquet): basis en variant naast elkaar")],
    zorgmomenten: Annotated[
        str | None, typer.Option(help="Tabel met zorgmomenten (id, per_week, handelingen, twee_zorgverleners)")
    ] = None,
    tarieven: Annotated[
        str | None, typer.Option(help="Tabel: prestatie (5VV, PV3), bedrag_per_maand of bedrag_per_dag")
    ] = None,
    blok: Annotated[int, typer.Option(help="Rijen per blok")] = 250_000,
) -> None:
    """Wat als de regels veranderen? Reken een populatie door met de basis en met een variant, naast elkaar."""
    from pathlib import Path

    from rich.progress import Progress

    from zorgzwaarte.batch.indicatie import schrijf
    from zorgzwaarte.batch.wat_als import geldeffect, in_blokken, lees_tarieven, samenvatting

    try:
        regels = variant_uit_tekst(lees_tekst(variant))
        df = _lees_tabel(invoer, "invoer")
        zm = _lees_tabel(zorgmomenten, "zorgmomenten") if zorgmomenten else None
        tarief = lees_tarieven(_lees_tabel(tarieven, "tarieven")) if tarieven else None
        _verplichte_kolommen(df)
    except InvoerFout as fout:
        stop_met_fout(fout)
    with Progress(transient=True, console=Console(stderr=True)) as voortgang:
        taak = voortgang.add_task("Basis en variant doorrekenen", total=df.height)
        resultaat, onder = in_blokken(df, zm, regels, blok, lambda klaar: voortgang.update(taak, completed=klaar))
    schrijf(resultaat, Path(uit))
    overzicht = samenvatting(resultaat, regels, onder)
    if tarief is not None:
        overzicht["geld"] = geldeffect(resultaat, tarief)
    print_json(overzicht)


def _lees_tabel(pad: str, veld: str) -> pl.DataFrame:
    """A CSV or Parquet table, or a Dutch InvoerFout naming the option."""
    from pathlib import Path

    import polars as pl

    from zorgzwaarte.batch.indicatie import lees

    if not Path(pad).is_file():
        raise InvoerFout.een(veld, f"bestand '{pad}' bestaat niet")
    try:
        return lees(Path(pad))
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise InvoerFout.een(veld, leesfout(exc, f"tabel '{pad}'")) from None


def _verplichte_kolommen(df: pl.DataFrame) -> None:
    for kolom in ("id", "peildatum", "geboortedatum", "grondslagen"):
        if kolom not in df.columns:
            raise InvoerFout.een(kolom, "verplichte kolom ontbreekt")


@batch_app.command("declareer")
def batch_declareer(
    populatie: Annotated[str, typer.Argument(help="Tabel: id, prestatie, opname, ontslag, behandeling")],
    tarieven: Annotated[str, typer.Option(help="Tabel: prestatie, bedrag_per_dag")],
    van: Annotated[str, typer.Option(help="Eerste dag van de periode (JJJJ-MM-DD)")],
    tot: Annotated[str, typer.Option(help="Laatste dag van de periode (JJJJ-MM-DD)")],
    uit: Annotated[str, typer.Option("--uit", help="Uitvoertabel (.csv of .parquet)")],
    afwezigheid: Annotated[str | None, typer.Option(help="Tabel: id, van, tot, reden, toestemming")] = None,
) -> None:
    """Declareer een periode voor een hele populatie (dezelfde regels als 'zorgzwaarte declareer')."""
    from pathlib import Path

    from zorgzwaarte.batch.declaratie import declareer_tabel
    from zorgzwaarte.batch.indicatie import lees, schrijf
    from zorgzwaarte.diensten.declaratie import Periode
    from zorgzwaarte.domein.validatie import valideer

    try:
        periode = valideer(Periode, {"van": van, "tot": tot}, voorvoegsel="periode.")
        resultaat = declareer_tabel(
            lees(Path(populatie)),
            lees(Path(afwezigheid)) if afwezigheid else None,
            lees(Path(tarieven)),
            periode.van,
            periode.tot,
        )
    except InvoerFout as fout:
        stop_met_fout(fout)
    except OSError as exc:
        stop_met_fout(InvoerFout.een("bestand", leesfout(exc, "tabel")))
    schrijf(resultaat.drop("bedrag_centen"), Path(uit))
    from babel.numbers import format_currency

    totaal = Decimal(int(resultaat["bedrag_centen"].sum())) / 100
    Console().print(
        f"{resultaat.height} regels, {int(resultaat['dagen'].sum())} dagen, "
        f"totaal {format_currency(totaal, 'EUR', locale='nl_NL')}: {uit}"
    )


def main() -> None:
    app()
