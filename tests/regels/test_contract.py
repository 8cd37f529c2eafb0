"""Tariff tables and contracts: the effective daily tariff as zorgzwaarte + prestatie (zorgzwaartebekostiging)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from zorgzwaarte.diensten.tarieven import lees_tarieftabel
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.bekostiging.contract import (
    Afspraak,
    Contract,
    Tariefregel,
    controleer_tarieftabel,
    effectief_dagtarief,
    realisatie,
)

KOP = "prestatiecode;omschrijving;tarief;eenheid;ingangsdatum;einddatum;bron\n"


def regel(code: str, tarief: str, van: date, tot: date | None = None, bron: str = "fictief (test)") -> Tariefregel:
    return Tariefregel(code, code, Decimal(tarief), "dag", van, tot, bron)


TABEL = [
    regel("Z405", "150.25", date(2016, 1, 1), date(2016, 12, 31)),
    regel("Z405", "155.10", date(2017, 1, 1)),
    regel("NHC405", "22.30", date(2016, 1, 1)),
    regel("NIC405", "3.05", date(2016, 1, 1), bron="Tarieftabel zorgkantoor (test)"),
]
CONTRACT = Contract(
    "ZK", "Aanbieder", 2016, (Afspraak("Z405", Decimal("96.5"), 36500, "NHC405", "NIC405"),), Decimal("1.50")
)


def test_dagtarief_is_zorgzwaarte_plus_prestatie_rekenkundig_afgerond() -> None:
    """Zorgzwaarte = 150.25 x 96.5% = 144.99125 -> 144.99 (rekenkundige afronding, NZa); prestatie = NHC + NIC + opslag."""
    d = effectief_dagtarief(CONTRACT, TABEL, "Z405", date(2016, 3, 1))
    assert (d.zorgzwaarte, d.prestatie, d.totaal) == (Decimal("144.99"), Decimal("26.85"), Decimal("171.84"))
    assert d.fictief
    assert [s.regel for s in d.toelichting.stappen] == [
        "Zorgzwaarte",
        "NHC",
        "NIC",
        "Kwaliteitsopslag",
        "Dagtarief",
        "Herkomst",
    ]
    assert all(s.bron for s in d.toelichting.stappen)


def test_dagtarief_volgt_de_ingangsdatum_van_het_tarief() -> None:
    contract = Contract("ZK", "A", 2017, (Afspraak("Z405", Decimal(100), 1),))
    assert effectief_dagtarief(contract, TABEL, "Z405", date(2017, 1, 1)).totaal == Decimal("155.10")


@pytest.mark.parametrize(
    ("contract", "dag", "regel_"),
    [
        (CONTRACT, date(2017, 3, 1), "Contractjaar"),
        (Contract("ZK", "A", 2016, (Afspraak("Z999", Decimal(100), 1),)), date(2016, 3, 1), "Maximumtarief"),
        (Contract("ZK", "A", 2016, (Afspraak("Z405", Decimal(100), 1, nhc="NHC999"),)), date(2016, 3, 1), "NHC"),
    ],
)
def test_ontbrekend_tarief_of_afspraak_geeft_onbekend(contract: Contract, dag: date, regel_: str) -> None:
    """Never invent a tariff: a missing figure makes the daily tariff 'onbekend', and the trail says which."""
    d = effectief_dagtarief(contract, TABEL, contract.afspraken[0].prestatiecode, dag)
    assert d.totaal is None
    assert d.toelichting.stappen[-1].regel == regel_ and "onbekend" in d.toelichting.stappen[-1].uitkomst


def test_overlappende_perioden_worden_geweigerd() -> None:
    fouten = controleer_tarieftabel([regel("Z1", "1", date(2016, 1, 1)), regel("Z1", "2", date(2016, 6, 1))])
    assert [f.veld for f in fouten] == ["regel 2.ingangsdatum"]
    assert (
        controleer_tarieftabel(
            [regel("Z1", "1", date(2016, 1, 1), date(2016, 5, 31)), regel("Z1", "2", date(2016, 6, 1))]
        )
        == []
    )


def test_csv_met_komma_en_nederlandse_datum() -> None:
    tabel = lees_tarieftabel(KOP + "Z1;ZZP 1;1.234,56;dag;01-01-2016;31-12-2016;bron\n")
    assert tabel[0].tarief == Decimal("1234.56") and tabel[0].einddatum == date(2016, 12, 31)


def test_csv_fouten_per_regel_en_niets_half_opgeslagen() -> None:
    tekst = (
        KOP
        + "Z1;ZZP 1;140,00;dag;2016-01-01;;bron\nZ2;ZZP 2;0;etmaal;2016-02-30;;bron\nZ3;;1;maand;2016-01-01;2015-01-01;\n"
    )
    with pytest.raises(InvoerFout) as e:
        lees_tarieftabel(tekst)
    velden = {f.veld for f in e.value.fouten}
    assert {"regel 3.tarief", "regel 3.ingangsdatum", "regel 4.omschrijving", "regel 4.bron"} <= velden


def test_csv_zonder_verplichte_kolom() -> None:
    with pytest.raises(InvoerFout) as e:
        lees_tarieftabel("prestatiecode,tarief\nZ1,3\n")
    assert {f.veld for f in e.value.fouten} == {"omschrijving", "eenheid", "ingangsdatum", "einddatum", "bron"}


def test_csv_drie_decimalen_geweigerd() -> None:
    with pytest.raises(InvoerFout) as e:
        lees_tarieftabel(KOP + "Z1;ZZP 1;140.125;dag;2016-01-01;;bron\n")
    assert [f.veld for f in e.value.fouten] == ["regel 2.tarief"]


def test_realisatie_tegen_productieafspraak() -> None:
    rijen = realisatie(CONTRACT, {"Z405": 36135, "Z406": 10})
    assert [(r.prestatiecode, r.afgesproken_dagen, r.gerealiseerde_dagen) for r in rijen] == [
        ("Z405", 36500, 36135),
        ("Z406", 0, 10),
    ]
    assert rijen[0].percentage == Decimal("99.00") and rijen[1].percentage is None


def test_csv_regelnummer_is_de_regel_in_het_bestand() -> None:
    """The error names the line an editor shows (header = line 1), also after an empty line and for a check over
    the whole table (two tariffs for one prestatie on one day)."""
    tekst = KOP + "Z1;ZZP 1;140,00;dag;2016-01-01;;bron\n\nZ1;ZZP 1;150,00;dag;2016-06-01;;bron\n"
    with pytest.raises(InvoerFout) as e:
        lees_tarieftabel(tekst)
    assert [f.veld for f in e.value.fouten] == ["regel 4.ingangsdatum"]
    assert "(regel 2)" in e.value.fouten[0].melding
