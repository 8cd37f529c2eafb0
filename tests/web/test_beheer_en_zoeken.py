"""Beheerder: user management and the audit log in Dutch time; everyone: search by BSN and by full name (issue 14,
items 6, 17 and 18)."""

from __future__ import annotations

import re
from typing import Any

from tests.web.conftest import KLOK, axe_overtredingen, schermafdruk
from tests.web.test_intake import bsn
from tests.web.test_web import aanmelden


def test_gebruikersbeheer(pagina: Any) -> None:
    aanmelden(pagina, "beheerder")
    pagina.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Gebruikers").click()
    pagina.get_by_label("Gebruikersnaam").fill("nieuwe.collega")
    pagina.get_by_label("Naam", exact=True).fill("Nieuwe Collega")
    pagina.get_by_label("Wachtwoord", exact=True).fill("kort")
    pagina.get_by_label("Rol").select_option("beoordelaar")
    pagina.get_by_label("Organisatie").select_option(index=1)
    pagina.get_by_role("button", name="Gebruiker aanmaken").click()
    assert pagina.locator("#wachtwoord-fout").is_visible()  # too short, named at the field
    assert pagina.get_by_label("Gebruikersnaam").input_value() == "nieuwe.collega"
    pagina.get_by_label("Wachtwoord", exact=True).fill("een-lang-wachtwoord")
    organisaties = pagina.get_by_label("Organisatie").locator("option").all_inner_texts()
    pagina.get_by_label("Organisatie").select_option(label=next(o for o in organisaties if "indicatieorgaan" in o))
    pagina.get_by_role("button", name="Gebruiker aanmaken").click()
    assert pagina.get_by_role("status").inner_text() == "Gebruiker nieuwe.collega aangemaakt."
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "beheer-gebruikers")
    # the beheerder's own row offers no button that would only be refused
    eigen = pagina.locator("tbody tr", has_text="Ben Beheer")
    assert eigen.get_by_role("button", name="Uitschakelen").count() == 0
    assert "Dit bent u; uzelf uitschakelen kan niet." in eigen.inner_text()
    rij = pagina.locator("tbody tr", has_text="nieuwe.collega")
    rij.get_by_role("button", name="Uitschakelen").click()
    assert pagina.get_by_role("status").inner_text() == "Gebruiker nieuwe.collega is uitgeschakeld."
    rij = pagina.locator("tbody tr", has_text="nieuwe.collega")
    rij.locator("summary").click()
    rij.get_by_label("Nieuw wachtwoord voor nieuwe.collega").fill("nog-een-ander-wachtwoord")
    rij.get_by_role("button", name="Wachtwoord instellen").click()
    assert "Nieuw wachtwoord ingesteld voor nieuwe.collega" in pagina.get_by_role("status").inner_text()
    pagina.get_by_role("button", name="Afmelden").click()
    # a disabled user cannot sign in
    pagina.get_by_label("Gebruikersnaam").fill("nieuwe.collega")
    pagina.get_by_label("Wachtwoord").fill("nog-een-ander-wachtwoord")
    pagina.get_by_role("button", name="Aanmelden").click()
    assert "/aanmelden" in pagina.url and pagina.get_by_role("alert").is_visible()
    aanmelden(pagina, "beheerder")
    pagina.goto("/beheer/gebruikers")
    pagina.locator("tbody tr", has_text="nieuwe.collega").get_by_role("button", name="Inschakelen").click()
    pagina.get_by_role("button", name="Afmelden").click()
    pagina.get_by_label("Gebruikersnaam").fill("nieuwe.collega")
    pagina.get_by_label("Wachtwoord").fill("nog-een-ander-wachtwoord")
    pagina.get_by_role("button", name="Aanmelden").click()
    pagina.wait_for_url("**/start")


def test_auditlog_in_nederlandse_tijd_en_foute_paginering(pagina: Any) -> None:
    aanmelden(pagina, "beheerder")
    pagina.goto("/audit")
    eerste = pagina.locator("tbody tr td").first.inner_text()
    # Europe/Amsterdam, zone shown, the date in the one style of the screens ('30 november 2026 05:17:33 CET')
    assert re.fullmatch(r"\d{1,2} [a-z]+ \d{4} \d{2}:\d{2}:\d{2} CES?T", eerste), eerste
    pagina.goto("/audit?pagina_nr=abc")
    assert "'abc' is geen paginanummer" in pagina.locator("main").inner_text()  # a page, not raw JSON
    pagina.goto("/clienten?pagina_nr=-1")
    assert pagina.get_by_role("alert").is_visible()  # the beheerder may not list clients, but gets a page


def test_zoeken_op_bsn_en_volledige_naam(pagina: Any) -> None:
    aanmelden(pagina, "beoordelaar")
    nummer = bsn(5)
    pagina.goto("/clienten/nieuw")
    pagina.get_by_label("Burgerservicenummer").fill(nummer)
    pagina.get_by_label("Achternaam").fill("Zoektest")
    pagina.get_by_label("Tussenvoegsel (niet verplicht)").fill("van der")
    pagina.get_by_label("Voorletters (niet verplicht)").fill("W.")
    pagina.get_by_label("Geboortedatum").fill("01-01-1940")
    pagina.get_by_role("button", name="Cliënt vastleggen").click()
    client_url = pagina.url
    pagina.goto("/clienten")
    with pagina.expect_response(lambda r: "/clienten?zoek=" in r.url):
        pagina.get_by_label("Zoek op naam of woonplaats").fill("van der Zoektest")
    pagina.wait_for_function("() => document.querySelector('#resultaten').innerText.includes('Zoektest')")
    pagina.get_by_label("Burgerservicenummer (precies)").fill(nummer)
    pagina.get_by_role("button", name="Zoek op BSN").click()
    assert pagina.url == client_url and nummer not in pagina.url
    pagina.goto("/clienten")
    pagina.get_by_label("Burgerservicenummer (precies)").fill("123456789")
    pagina.get_by_role("button", name="Zoek op BSN").click()
    assert pagina.locator("#bsn-fout").is_visible()


def test_beheerder_ontgrendelt_na_te_veel_mislukte_aanmeldpogingen(pagina: Any, web_engine: Any) -> None:
    """Issue 14 item 18 / issue 12 item 11: an account locked after too many failed logins is shown as such in the
    user list, and the beheerder unlocks it there; then the user signs in at once."""
    from datetime import timedelta

    from sqlalchemy import select

    from zorgzwaarte.diensten.auth import hash_wachtwoord
    from zorgzwaarte.opslag.database import sessiefabriek
    from zorgzwaarte.opslag.modellen import Aanmeldblokkade, Gebruiker, Organisatie

    nu = KLOK()  # the server's clock: locked for the next 15 minutes as the server counts them
    with sessiefabriek(web_engine)() as s, s.begin():
        org = s.scalars(select(Organisatie).where(Organisatie.soort == "zorgaanbieder")).first()
        assert org is not None
        s.add(
            Gebruiker(
                gebruikersnaam="geblokkeerd.account",
                naam="Geblokkeerd Account",
                rol="zorgaanbieder",
                organisatie_id=org.id,
                wachtwoord_hash=hash_wachtwoord("het-goede-wachtwoord"),
                actief=True,
            )
        )
        s.add(
            Aanmeldblokkade(
                soort="account",
                sleutel="geblokkeerd.account",
                mislukt=10,
                laatste_mislukking=nu,
                geblokkeerd_tot=nu + timedelta(minutes=15),
            )
        )
    # locked: even the right password is refused, in Dutch
    pagina.goto("/aanmelden")
    pagina.get_by_label("Gebruikersnaam").fill("geblokkeerd.account")
    pagina.get_by_label("Wachtwoord").fill("het-goede-wachtwoord")
    pagina.get_by_role("button", name="Aanmelden").click()
    assert "te veel mislukte aanmeldpogingen" in pagina.get_by_role("alert").inner_text()

    aanmelden(pagina, "beheerder")
    pagina.goto("/beheer/gebruikers")
    rij = pagina.locator("tbody tr", has_text="geblokkeerd.account")
    assert "tijdelijk geblokkeerd tot" in rij.inner_text() and "10 mislukte aanmeldpogingen" in rij.inner_text()
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "beheer-gebruikers-geblokkeerd")
    rij.get_by_role("button", name="Ontgrendelen").click()
    assert (
        pagina.get_by_role("status").inner_text() == "geblokkeerd.account is ontgrendeld en kan direct weer aanmelden."
    )
    rij = pagina.locator("tbody tr", has_text="geblokkeerd.account")
    assert "geblokkeerd tot" not in rij.inner_text() and rij.get_by_role("button", name="Ontgrendelen").count() == 0
    pagina.get_by_role("button", name="Afmelden").click()
    pagina.get_by_label("Gebruikersnaam").fill("geblokkeerd.account")
    pagina.get_by_label("Wachtwoord").fill("het-goede-wachtwoord")
    pagina.get_by_role("button", name="Aanmelden").click()
    pagina.wait_for_url("**/start")


def test_scrollvakken_zijn_met_het_toetsenbord_te_bereiken(pagina: Any) -> None:
    """A wide table scrolls inside its own box on a phone; that box takes keyboard focus (arrow keys scroll it) and
    is named after the table (axe: scrollable-region-focusable)."""
    aanmelden(pagina, "beheerder")
    pagina.set_viewport_size({"width": 360, "height": 800})
    pagina.goto("/beheer/gebruikers")
    vak = pagina.get_by_role("region", name="Alle gebruikers")
    assert vak.evaluate("e => e.scrollWidth > e.clientWidth")  # it really scrolls at this width
    vak.focus()
    assert vak.evaluate("e => document.activeElement === e")
    pagina.keyboard.press("ArrowRight")
    pagina.keyboard.press("ArrowRight")
    pagina.wait_for_function("e => e.scrollLeft > 0", arg=vak.element_handle(), timeout=5000)  # scrolls (smoothly)
    assert axe_overtredingen(pagina) == []


def test_elk_scrollvak_in_de_sjablonen_is_focusbaar_en_benoemd() -> None:
    """Every overflow box (`div.zz-tabel`) in every template has tabindex=0, role=region and a name."""
    import pathlib

    sjablonen = pathlib.Path(__file__).resolve().parents[2] / "src" / "zorgzwaarte" / "web" / "sjablonen"
    vakken = [
        (pad.name, tag)
        for pad in sjablonen.rglob("*.html")
        for tag in re.findall(r"<div class=\"zz-tabel\"[^>]*>", pad.read_text(encoding="utf-8"))
    ]
    assert len(vakken) >= 10
    fout = [v for v in vakken if not all(a in v[1] for a in ('tabindex="0"', 'role="region"', "aria-label="))]
    assert fout == []
