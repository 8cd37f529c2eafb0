"""The overeenkomst form refuses a leveringsvorm the Wlz version in force does not allow (Wlz art. 3.3.1 lid 1 and
art. 3.3.2 lid 1 onder a, version 2021-01-01): the Dutch message names the field and the article, nothing is stored,
the page passes axe."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select

from tests.web.conftest import KLOK, axe_overtredingen, klok_op, schermafdruk
from tests.web.test_intake import bsn
from tests.web.test_web import aanmelden


def _client_met_vpt_elders(web_engine: Any, nummer: int = 71) -> int:
    """A client of linde's organisation (BSN `bsn(nummer)`) with a Wlz decision from 2022 and a volledig pakket thuis
    from another provider (a copy of a demo decision with verblijf, dated into the 2021 text)."""
    from zorgzwaarte.opslag.database import sessiefabriek
    from zorgzwaarte.opslag.modellen import Client, Gebruiker, Indicatiebesluit, Organisatie, Zorgleveringsovereenkomst

    nu = KLOK()
    with sessiefabriek(web_engine)() as s, s.begin():
        linde = s.scalars(select(Gebruiker).where(Gebruiker.gebruikersnaam == "linde")).one()
        ander = s.scalars(
            select(Organisatie).where(Organisatie.soort == "zorgaanbieder", Organisatie.id != linde.organisatie_id)
        ).first()
        voorbeeld = s.scalars(
            select(Indicatiebesluit).where(Indicatiebesluit.besluit == "toegekend", Indicatiebesluit.verblijf)
        ).first()
        assert ander is not None and voorbeeld is not None
        c = Client(
            bsn=bsn(nummer),
            geslachtsnaam="Vos",
            voorletters="P.",
            geboortedatum=date(1950, 3, 3),
            fictief=True,
            aangemaakt_door_organisatie_id=linde.organisatie_id,
            vastgelegd_op=nu,
        )
        s.add(c)
        s.flush()
        kolommen = {
            k.key: getattr(voorbeeld, k.key)
            for k in Indicatiebesluit.__mapper__.column_attrs
            if k.key not in ("id", "versie", "wlzindicatie_id", "vervangen_door_id", "beoordeling_id")
        }
        ib = Indicatiebesluit(
            **{**kolommen, "client_id": c.id, "stelsel": "Wlz", "geldig_van": date(2022, 1, 1), "geldig_tot": None}
        )
        ib.status, ib.zorgaanbieder_id, ib.besluitdatum = "geldig", linde.organisatie_id, date(2021, 12, 20)
        s.add(ib)
        s.flush()
        s.add(
            Zorgleveringsovereenkomst(
                client_id=c.id,
                zorgaanbieder_id=ander.id,
                indicatiebesluit_id=ib.id,
                zzp_code=ib.zzp_code,
                functies=[],
                leveringsvorm="vpt",
                ingangsdatum=date(2022, 1, 1),
                vastgelegd_op=nu,
            )
        )
        return c.id


def _vastleggen(pagina: Any, leveringsvorm: str, ingangsdatum: str) -> str:
    if not pagina.get_by_label("Leveringsvorm").is_visible():  # the form is open while there is no overeenkomst
        pagina.get_by_text("Overeenkomst vastleggen (op het geldende indicatiebesluit)").click()
    pagina.get_by_label("Leveringsvorm").select_option(label=leveringsvorm)
    pagina.get_by_label("Ingangsdatum").fill(ingangsdatum)
    pagina.get_by_role("button", name="Overeenkomst vastleggen").click()
    return str(pagina.get_by_role("alert").inner_text())


def test_overeenkomst_leveringsvorm_die_de_versie_niet_toestaat(pagina: Any, web_engine: Any) -> None:
    """Wlz (versie 2021-01-01) art. 3.3.2 lid 1 onder a: a second volledig pakket thuis by another provider is
    refused; art. 3.3.1 lid 1: a modulair pakket thuis beside a volledig pakket thuis is refused too."""
    with klok_op(datetime(2022, 2, 15, 9, 0, tzinfo=UTC)):  # the decision runs from 1 January 2022
        client_id = _client_met_vpt_elders(web_engine)
        aanmelden(pagina, "linde")
        pagina.goto(f"/clienten/{client_id}/zorg")
        assert "Uw organisatie heeft nog geen overeenkomst" in pagina.locator("main").inner_text()
        melding = _vastleggen(pagina, "volledig pakket thuis", "01-03-2022")
        assert "Leveringsvorm:" in melding and "andere zorgaanbieder" in melding
        assert "art. 3.3.2 lid 1 onder a" in melding and "versie 2021-01-01" in melding and "Wlz 2021" in melding
        assert pagina.get_by_label("Leveringsvorm").input_value() == "vpt"  # the input stays
        assert pagina.get_by_label("Ingangsdatum").input_value() == "01-03-2022"
        assert axe_overtredingen(pagina) == []
        schermafdruk(pagina, "overeenkomst-leveringsvorm-geweigerd")
        melding = _vastleggen(pagina, "modulair pakket thuis", "01-03-2022")
        assert "Leveringsvorm:" in melding and "modulair pakket thuis kan daar niet naast" in melding
        assert "art. 3.3.1 lid 1" in melding
        assert "Uw organisatie heeft nog geen overeenkomst" in pagina.locator("main").inner_text()  # nothing stored
