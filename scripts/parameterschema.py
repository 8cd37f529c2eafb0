"""Convert parameter files of the old shapes to the one dated schema (docs/architectuur.md, "Parameters").

Old shapes: ``{waarde, bron}``, ``{waarden: [...], bron}``, ``{..., bron, geldig_van, geldig_tot}``, bare values and
``*_bron`` keys. New: every parameter ``{bron: [verwijzingen], waarden: {datum: {waarde: ...}}}``. A bron text
is split into verwijzingen (regeling key of bronnen.yaml, artikel, lid, onderdeel, toelichting).

Used once to convert the files (the result is committed) and by the overname_* scripts that generate files:
``python scripts/parameterschema.py FILE...`` rewrites files in place; a file already in the schema is refused.
"""

from __future__ import annotations

import re
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

# regeling names as the old bron texts write them -> key in bronnen.yaml (longest first)
NAMEN = {
    "NZa Administratie- en declaratievoorschriften ZZP-meerzorg AWBZ": "nza_meerzorg_awbz",
    "NZa Regeling declaratievoorschriften Wlz-zorg 2015": "nza_declaratie_wlz_2015",
    "NZa Regeling declaratievoorschriften Wlz-zorg 2016": "nza_declaratie_wlz_2016",
    "NZa Regeling declaratie AWBZ-zorg": "nza_declaratie_awbz",
    "Beleidsregels indicatiestelling AWBZ 2014": "beleidsregels_awbz_2014",
    "Beleidsregels indicatiestelling Wlz 2015": "beleidsregels_wlz_2015",
    "Besluit zorgaanspraken AWBZ": "besluit_zorgaanspraken",
    "Regeling zorgaanspraken AWBZ": "regeling_zorgaanspraken",
    "Regeling subsidies AWBZ": "regeling_subsidies_awbz",
    "Regeling langdurige zorg": "regeling_langdurige_zorg",
    "Besluit langdurige zorg": "besluit_langdurige_zorg",
    "Wet langdurige zorg": "wet_langdurige_zorg",
    "Zorgindicatiebesluit": "zorgindicatiebesluit",
    "Zorgindicatieregeling": "zorgindicatieregeling",
    "Rza": "regeling_zorgaanspraken",
    "iWlz 2.2": "iwlz_2_2",
    "iWlz-codelijst": "iwlz_2_2",
    "zorgzwaarte-methode": "methode",
    "idem Wlz": "nza_meerzorg_wlz",
}
ART = re.compile(r"^(art\. [0-9][0-9a-z.\-]*)(?: lid ([0-9a-z]+))?(?: onder ([a-z](?: en [a-z])?|[a-z]-[a-z]))?(.*)$")


def _splits(tekst: str) -> list[str]:
    """Split on ';' outside parentheses."""
    delen, diepte, huidig = [], 0, ""
    for teken in tekst:
        diepte += (teken == "(") - (teken == ")")
        if teken == ";" and diepte == 0:
            delen.append(huidig)
            huidig = ""
        else:
            huidig += teken
    return [*delen, huidig]


def verwijzingen(tekst: str, context: str | None) -> list[dict[str, Any]]:
    """Split an old bron text into structured verwijzingen; `context` is the regeling of texts without a name."""
    uit: list[dict[str, Any]] = []
    delen = [str(tekst)] if str(tekst).startswith("zorgzwaarte-methode") else _splits(str(tekst))
    for deel in (d.strip() for d in delen):
        if not deel:
            continue
        regeling = context
        rest = deel
        for naam in sorted(NAMEN, key=len, reverse=True):
            if deel.startswith(naam):
                regeling, rest = NAMEN[naam], deel[len(naam) :]
                break
        if regeling is None and uit:  # a note continuing the previous verwijzing
            vorige = uit[-1]
            vorige["toelichting"] = f"{vorige['toelichting']}; {deel}" if vorige.get("toelichting") else f"({deel})"
            continue
        if regeling is None:
            raise SystemExit(f"geen regeling herkend in bron: {deel!r}")
        v: dict[str, Any] = {"regeling": regeling}
        rest = re.sub(r"^\s*\(BWBR\d+\)", "", rest)
        m = re.match(r"^,?\s*\(?versie (\d{4}-\d{2}-\d{2})\)?", rest)
        if m:
            v["versie"] = m.group(1)
            rest = rest[m.end() :]
        rest = rest.lstrip(", ").strip()
        m = ART.match(rest)
        if m:
            v["artikel"] = m.group(1)
            if m.group(2):
                v["lid"] = m.group(2)
            if m.group(3):
                v["onderdeel"] = m.group(3)
            if m.group(4).strip():
                v["toelichting"] = m.group(4).strip().lstrip(",").strip()
        elif rest:
            if regeling == "methode":
                v["toelichting"] = rest.lstrip(":").strip()
            else:
                v["artikel"] = rest
        uit.append(v)
    return uit


def _dag(d: Any) -> date:
    return date.fromisoformat(str(d))


def parameter(
    waarde: Any, bron: Any, van: Any, tot: Any = None, context: str | None = None, beschrijving: str | None = None
) -> dict[str, Any]:
    p: dict[str, Any] = {}
    if beschrijving:
        p["beschrijving"] = beschrijving
    p["bron"] = verwijzingen(bron, context) if isinstance(bron, str) else bron
    p["waarden"] = {str(van): {"waarde": waarde}}
    if tot:
        p["waarden"][(_dag(tot) + timedelta(days=1)).isoformat()] = {"vervallen": True}
    return p


def citaat(bron: str, context: str | None = None) -> dict[str, Any]:
    return {"bron": verwijzingen(bron, context)}


KERN = {"waarde", "waarden", "bron", "geldig_van", "geldig_tot"}


def knoop(k: Any, van: str, bron: str | None, context: str | None) -> Any:
    """Convert one node: a mapping with bron/waarde becomes a parameter, other mappings are groups."""
    if isinstance(k, dict) and ("bron" in k or "waarde" in k):
        eigen_van = k.get("geldig_van", van)
        tot = k.get("geldig_tot")
        b = k.get("bron", bron)
        rest = {x: y for x, y in k.items() if x not in KERN}
        if "waarde" in k and not rest:
            w = k["waarde"]
        elif "waarden" in k and not rest:
            w = k["waarden"]
        elif "waarde" in k or "waarden" in k:
            w = {x: y for x, y in k.items() if x not in {"bron", "geldig_van", "geldig_tot"}}
        else:
            w = rest
        return parameter(w, b, eigen_van, tot, context)
    if isinstance(k, dict) and k and bron and all(not isinstance(x, (dict, list)) for x in k.values()):
        return parameter(k, bron, van, None, context)  # a group of bare values (e.g. the names of the texts)
    if isinstance(k, dict):
        uit: dict[str, Any] = {}
        for sleutel, kind in k.items():
            if isinstance(sleutel, str) and sleutel.endswith("_bron") and isinstance(kind, str):
                doel = sleutel[: -len("_bron")]
                if doel in k:
                    raise SystemExit(f"{sleutel} naast {doel}: met de hand omzetten")
                uit[doel] = citaat(kind, context)
            else:
                uit[sleutel] = knoop(kind, van, bron, context)
        return uit
    if bron is None:
        raise SystemExit(f"waarde zonder bron: {k!r}")
    return parameter(k, bron, van, None, context)


def bestand(data: dict[str, Any], van: str, bron: str, context: str | None, tabel: str) -> dict[str, Any]:
    uit: dict[str, Any] = {"tabel": tabel}
    if data.get("omschrijving"):
        uit["beschrijving"] = data["omschrijving"]
    weg = {"tabel", "omschrijving", "bron", "geldig_van", "geldig_tot", "overgenomen_met", "eenheid", "regeling"}
    for sleutel, kind in data.items():
        if sleutel in weg:
            continue
        uit[sleutel] = knoop(kind, van, bron, context)
    return uit


def dump(data: dict[str, Any], kop: str) -> str:
    tekst = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=118)
    return kop + tekst


def kop_van(pad: Path) -> str:
    regels = []
    for r in pad.read_text(encoding="utf-8").splitlines():
        if not r.startswith("#"):
            break
        regels.append(r)
    return "\n".join(regels) + "\n" if regels else ""


P = Path(__file__).resolve().parent.parent / "src/zorgzwaarte/regels/parameters"
KOP = "# parameterschema: zie docs/architectuur.md (Parameters)\n"


def schrijf(naam: str, data: dict[str, Any], kop: str) -> None:
    (P / naam).write_text(dump(data, kop + KOP), encoding="utf-8")


def lees(naam: str) -> tuple[dict[str, Any], str]:
    pad = P / naam
    tekst = pad.read_text(encoding="utf-8")
    if "parameterschema:" in tekst[:2000]:
        raise SystemExit(f"{naam} is al omgezet")
    return yaml.safe_load(tekst), kop_van(pad)


def indicatie_awbz() -> None:
    d, kop = lees("indicatie_awbz_2014.yaml")
    bron = "Beleidsregels indicatiestelling AWBZ 2014"
    # klassen: the band table is the value; the two citations stay citations
    klassen = {}
    for f, k in d.pop("klassen").items():
        klassen[f] = {
            "banden": parameter(k["banden"], k["bron"], "2014-01-01"),
            "boven_hoogste": citaat(k["boven_hoogste"]),
        }
    g = d["geldigheid"]
    overgang = g.pop("overgang_2014")
    g["overgang_2014"] = {
        "bron": [
            {"regeling": "zorgindicatieregeling", "artikel": "art. 1", "lid": "3"},
            {"regeling": "zorgindicatieregeling", "artikel": "art. 1", "lid": "4"},
        ],
        "waarden": {"2014-01-01": {"waarde": overgang}},
    }
    functies = g.pop("overgang_2014_functies")
    uit = bestand(d, "2014-01-01", bron, None, "indicatie")
    uit["klassen"] = klassen
    uit["geldigheid"]["overgang_2014_functies"] = parameter(
        functies, "Zorgindicatieregeling art. 1 lid 3 en 4", "2014-01-01"
    )
    volgorde = ["tabel", "zorgmoment", "klassen"]
    uit = {k: uit[k] for k in volgorde} | {k: v for k, v in uit.items() if k not in volgorde}
    schrijf("indicatie_awbz_2014.yaml", uit, kop)


def eenvoudig(naam: str, tabel: str, van: str, bron: str, context: str | None = None) -> None:
    d, kop = lees(naam)
    schrijf(naam, bestand(d, van, bron, context, tabel), kop)


def declaratie() -> None:
    d, kop = lees("declaratie.yaml")
    regimes = d.pop("regelsets")
    waarden: dict[str, Any] = {}
    for r in regimes:
        bron = r.pop("bron")
        van = r.pop("geldig_van")
        r.pop("geldig_tot", None)
        waarden[str(van)] = {"waarde": r, "bron": verwijzingen(bron, None)}
    uit: dict[str, Any] = {"tabel": "declaratie"}
    uit["afwezigheid"] = {
        "beschrijving": "Bekostigde afwezigheid per periode (de regeling die op de dag van afwezigheid geldt)",
        "waarden": waarden,
    }
    uit["redenen"] = parameter(
        d["redenen"],
        "NZa Regeling declaratie AWBZ-zorg art. 5; NZa Regeling declaratievoorschriften Wlz-zorg 2016 art. 5.3",
        "2009-01-01",
    )
    s = d["schoolvakantie_maximum"]
    uit["schoolvakantie_maximum"] = parameter(
        s["waarde"],
        "NZa Regeling declaratievoorschriften Wlz-zorg 2016 art. 5.3 onder c",
        "2016-01-01",
        beschrijving=s["toelichting"],
    )
    dt = d["dagtelling"]
    uit["dagtelling"] = parameter(
        {"opnamedag_telt": dt["opnamedag_telt"], "ontslagdag_telt": dt["ontslagdag_telt"]}, dt["methode"], "2009-01-01"
    )
    m = d["meerzorg"]
    uit["meerzorg"] = {
        "dagen_per_week": parameter(m["dagen_per_week"], m["bron"], "2009-01-01"),
        "afronding": parameter(m["afronding"], m["bron"], "2009-01-01"),
    }
    mo = d["modulair"]
    uit["modulair"] = {"afronding_minuten": parameter(mo["afronding_minuten"], mo["bron"], "2009-01-01")}
    schrijf("declaratie.yaml", uit, kop)


def rza() -> None:
    d, kop = lees("regeling_zorgaanspraken.yaml")
    uit: dict[str, Any] = {"tabel": "regeling_zorgaanspraken"}
    uit["versies"] = parameter(d["versies"], "Regeling zorgaanspraken AWBZ", "2012-01-01")
    uit["artikelen"] = parameter(d["artikelen"], "Regeling zorgaanspraken AWBZ", "2012-01-01")
    uit["waarden"] = {
        k: parameter(
            {x: y for x, y in v.items() if x not in {"bron", "geldig_van", "geldig_tot"}}
            if set(v) - {"waarde", "bron", "geldig_van", "geldig_tot"}
            else v["waarde"],
            v["bron"],
            v["geldig_van"],
            v.get("geldig_tot"),
            "regeling_zorgaanspraken",
        )
        for k, v in d["waarden"].items()
    }
    for sleutel, kind in d.items():
        if sleutel not in {"tabel", "regeling", "versies", "artikelen", "waarden"}:
            uit[sleutel] = knoop(kind, "2012-01-01", "Regeling zorgaanspraken AWBZ", "regeling_zorgaanspraken")
    schrijf("regeling_zorgaanspraken.yaml", uit, kop)


# the tables the overname_* scripts make: file -> (tabel, valid from, bron, the keys that are one parameter each)
GEGENEREERD: dict[str, tuple[str, str, str, list[str]]] = {
    "normtijden_awbz_2014.yaml": ("normtijden", "2014-01-01", "", ["handelingen"]),
    "pgb.yaml": ("pgb", "2014-01-01", "", ["regelingen"]),
    "zzp_catalogus.yaml": ("zzp_catalogus", "2009-01-01", "", ["schaal", "zzp"]),
}


def in_schema(naam: str, d: dict[str, Any]) -> dict[str, Any]:
    """A generated table (old shape, as an overname script builds it) in the schema: each named key is one
    parameter whose value is the whole table; `<naam>_bron` texts become citations."""
    tabel, van, bron, sleutels = GEGENEREERD[naam]
    uit: dict[str, Any] = {"tabel": tabel}
    if d.get("omschrijving"):
        uit["beschrijving"] = d["omschrijving"]
    for k in sleutels:
        uit[k] = parameter(
            d[k],
            d.get("bron", bron)
            if k != "schaal"
            else "zorgzwaarte-methode (niveaus afgeleid uit de profieltekst; zie docs/profielkeuze.md)",
            van,
        )
    for k, v in d.items():
        if k.endswith("_bron") and isinstance(v, str):
            uit[k[: -len("_bron")]] = citaat(v)
    return uit


def geheel(naam: str) -> None:
    """Convert a generated table of the old shape in place (used once)."""
    d, kop = lees(naam)
    schrijf(naam, in_schema(naam, d), kop)


def overname(naam: str, d: dict[str, Any], kop: str, argv: list[str]) -> None:
    """What an overname script does with its table: write it into the project file in the schema (its own
    parameters replaced, parameters added by hand to that file kept), or with `--controle` only compare and exit 1
    when the project file differs from the text."""
    pad = P / naam
    bestaand = yaml.safe_load(pad.read_text(encoding="utf-8")) if pad.exists() else {}
    nieuw = {**bestaand, **in_schema(naam, d)}
    if "--controle" in argv:
        verschil = sorted(k for k in set(nieuw) | set(bestaand) if nieuw.get(k) != bestaand.get(k))
        if verschil:
            raise SystemExit(f"{naam} wijkt af van de tekst in: {', '.join(verschil)}")
        print(f"{naam}: gelijk aan de tekst")
        return
    schrijf(naam, nieuw, kop or (kop_van(pad).replace(KOP, "") if pad.exists() else ""))
    print(f"{naam} geschreven")


def codelijsten() -> None:
    d, kop = lees("iwlz_codelijsten.yaml")
    uit = {k: parameter(v, "iWlz 2.2 Basisschema.xsd (codelijst " + k + ")", "2020-06-22") for k, v in d.items()}
    schrijf("iwlz_codelijsten.yaml", {"tabel": "iwlz_codelijsten", **uit}, kop)


def regelsets() -> None:
    d, kop = lees("regelsets.yaml")
    for sets in d.values():
        for r in sets:
            verw = verwijzingen(r.pop("bron"), None)
            r["regelingen"] = sorted({v["regeling"] for v in verw}, key=[v["regeling"] for v in verw].index)
    (P / "regelsets.yaml").write_text(kop + KOP + yaml.safe_dump(d, allow_unicode=True, sort_keys=False, width=118))


def wlz_versies() -> None:
    """The Wlz files per version of the texts (added in the old shape, converted here)."""
    for jaar in ("2015", "2021", "2024", "2026"):
        eenvoudig(f"indicatie_wlz_{jaar}.yaml", "indicatie_wlz", f"{jaar}-01-01", "Wet langdurige zorg")


def converteer_alles() -> None:
    indicatie_awbz()
    eenvoudig("indicatie_wlz_2015.yaml", "indicatie_wlz", "2015-01-01", "Wet langdurige zorg")
    eenvoudig("profielkeuze.yaml", "profielkeuze", "2009-01-01", "zorgzwaarte-methode (zie docs/profielkeuze.md)")
    eenvoudig("signalen.yaml", "signalen", "2009-01-01", "zorgzwaarte-methode (geen wettelijk getal)")
    eenvoudig(
        "scoreschalen.yaml", "scoreschalen", "2014-01-01", "Beleidsregels indicatiestelling AWBZ 2014, bijlage 1 §3.1"
    )
    declaratie()
    rza()
    for naam in GEGENEREERD:
        geheel(naam)
    codelijsten()
    regelsets()


def main(paden: list[str]) -> None:
    if paden == ["alles"]:
        converteer_alles()
    elif paden == ["wlz"]:
        wlz_versies()
    else:
        raise SystemExit("gebruik: python scripts/parameterschema.py alles")


if __name__ == "__main__":
    main(sys.argv[1:])
