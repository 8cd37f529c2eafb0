"""What a client saw wrong in the decision letter (walking the product): the postcode as on an envelope, the Wlz
zorgprofiel named (and not in an AWBZ letter), article numbers never given a decimal comma, dates that do not break."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from zorgzwaarte.rapporten.opmaak import functienaam, postcode, profielgrafiek, voor_client
from zorgzwaarte.rapporten.pdf import _omgeving


def _brief(stelsel: str) -> str:
    b: dict[str, Any] = {
        "besluitdatum": date(2026, 11, 30),
        "id": 5,
        "stelsel": stelsel,
        "besluit": "toegekend",
        "verblijf": True,
        "zzp_code": "7VV",
        "zorgprofiel": "VV Beschermd wonen met zeer intensieve zorg",
        "geldig_van": date(2026, 11, 30),
        "geldig_tot": None,
        "ruleset": {"naam": "Wlz 2021", "versie": "2021.2", "hash": "abc"},
    }
    c = {
        "naam": "J. Bakker",
        "straat": "Kerkweg",
        "huisnummer": "3",
        "postcode": "1234AB",
        "woonplaats": "Amersfoort",
        "bsn": "123456721",
        "geboortedatum": date(1950, 2, 3),
    }
    res = {"zzp": {"naam": "Beschermd wonen"}, "etmalen_verblijf": 7, "functies": [], "toelichting": []}
    return (
        _omgeving()
        .get_template("besluitbrief.html")
        .render(
            afzender="Indicatieorgaan", aanhef="Geachte heer Bakker", peildatum=date(2022, 6, 14), b=b, c=c, res=res
        )
    )


def test_postcode_op_de_envelop() -> None:
    assert postcode("1234AB") == "1234 AB"
    assert postcode("1234 ab") == "1234 AB"
    assert postcode(None) == ""
    assert "1234 AB Amersfoort" in _brief("Wlz")


def test_zorgprofiel_alleen_in_een_wlz_brief_en_met_naam() -> None:
    """Wlz art. 3.2.3: the indicatiebesluit names the zorgprofiel; an AWBZ letter has none."""
    assert "Zorgprofiel in de Wlz: VV Beschermd wonen met zeer intensieve zorg" in _brief("Wlz")
    assert "VV Beschermd wonen met zeer intensieve zorg" not in _brief("AWBZ")


def test_datums_in_de_tabel_breken_niet_af() -> None:
    html = _brief("Wlz")
    assert "td.datum { white-space: nowrap; }" in html
    assert '<td class="datum">30 november 2026</td>' in html


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        (
            "Regeling langdurige zorg bijlage A en art. 2.2 lid 1 onder a-b; 6.5 uur",
            "Regeling langdurige zorg bijlage A en art. 2.2 lid 1 onder a-b; 6,5 uur",
        ),
        ("artikel 3.1 geldt; 2.5 etmaal", "artikel 3.1 geldt; 2,5 etmaal"),
        (
            "Berekend: 7VV Wonen (afstand 0,268); alternatieven: 4VV (0,5), 8VV (0,75)",
            "Berekend: 7VV Wonen; alternatieven: 4VV, 8VV",
        ),
    ],
)
def test_artikelnummer_houdt_zijn_punt(tekst: str, verwacht: str) -> None:
    assert voor_client(tekst) == verwacht


def test_domeinnaam_past_links_van_de_grafiek() -> None:
    """'Psychosociale/cognitieve functies' was cut off at the left edge of the chart."""
    naam = "Psychosociale/cognitieve functies"
    svg = profielgrafiek([{"naam": naam, "client": 1.5}, {"naam": "ADL", "client": 2.0}], [("client", "cliënt")])
    x = float(re.search(rf'<text x="([\d.]+)"[^>]*text-anchor="end">{re.escape(naam)}<', svg).group(1))  # type: ignore[union-attr]
    assert x - 6.6 * len(naam) >= 0


def test_zorgplan_noemt_de_functie_voluit() -> None:
    """The zorgplan for the client said 'ZZP 20,5' and 'BG-IND': codes a client does not know."""
    from jinja2 import nodes

    assert functienaam("BG-IND") == "Begeleiding individueel"
    assert functienaam("ZZP") == "Zorgzwaartepakket"
    env = _omgeving()
    assert env.loader is not None
    bron = env.loader.get_source(env, "zorgplan.html")[0]
    filters = {f.name for f in env.parse(bron).find_all(nodes.Filter)}
    assert "functienaam" in filters
