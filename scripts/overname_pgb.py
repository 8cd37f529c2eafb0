"""Take the pgb figures over from the law texts themselves (the text wins over any transcription).

Reads Regeling subsidies AWBZ 2014 (art. 2.6.6 lid 2 amounts, lid 4 raises, bijlage 2: ZZP -> klassen) and
Regeling langdurige zorg 2015 (art. 5.13 lid 1 amounts, lid 3-4 raises, bijlage C), checks them against the
shared transcription (pgb.yaml) and prints the project's parameter file.

Run: python scripts/overname_pgb.py ../shared/regelgeving [--controle]
(writes src/zorgzwaarte/regels/parameters/pgb.yaml in the parameter schema; --controle only compares)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import yaml
from parameterschema import overname

from zorgzwaarte.regels.regelset import tabel_op

VORMEN = {
    "a": "persoonlijke_verzorging",
    "b": "verpleging",
    "c": "begeleiding_individueel",
    "d": "begeleiding_groep",
    "e": "begeleiding_groep_inclusief_vervoer",
}


def bedragen(tekst: str, begin: str) -> dict[str, dict[int, int]]:
    """The five lists 'a. persoonlijke verzorging: 1e klasse 1: € 1.486 ...' after the line starting with `begin`."""
    start = tekst.index(begin)
    uit: dict[str, dict[int, int]] = {}
    for letter, vorm in VORMEN.items():
        m = re.search(rf"\n{letter}\. [^:]+: (.+?)\s*\n", tekst[start:])
        assert m, (begin, letter)
        paren = re.findall(r"klasse (\d+):\s*€\s*([\d.]+)", m.group(1))
        uit[vorm] = {int(k): int(v.replace(".", "")) for k, v in paren}
    return uit


def bedrag_na(tekst: str, zin: str) -> int:
    m = re.search(re.escape(zin) + r"\s*€\s*(\d{1,3}(?:[.\s]\d{3})*)", tekst)
    assert m, zin
    return int(re.sub(r"[\s.]", "", m.group(1)))


def klasse(cel: str) -> int | None:
    cel = cel.strip()
    return None if cel.startswith("---") or not cel else int(cel)


def omzetting(tekst: str, kop: str, kolom_zzp: int, kolom_pv: int) -> dict[str, list[dict[str, int | None]]]:
    """ZZP -> variants of klassen (second variant = with begeleiding groep) from the table after `kop`."""
    start = tekst.index(kop)
    uit: dict[str, list[dict[str, int | None]]] = {}
    for regel in tekst[start:].splitlines()[1:]:
        if regel.startswith("### "):
            break
        if not regel.startswith("|") or regel.startswith("|:") or "*Sector" in regel:
            continue
        cellen = [c.strip() for c in regel.strip().strip("|").split("|")]
        zzp = cellen[kolom_zzp].replace(" ", "")
        if not re.match(r"^\d+[a-zA-Z]*[A-Z]+", zzp) or len(cellen) < kolom_pv + 4:
            continue
        pv, vp, bgi, bgg = (klasse(c) for c in cellen[kolom_pv : kolom_pv + 4])
        code = zzp.replace("ZGAUD", "ZGaud").replace("ZGVIS", "ZGvis")  # the catalogue's spelling
        variant = {"persoonlijke_verzorging": pv, "verpleging": vp, "begeleiding_individueel": bgi, "begeleiding_groep": bgg}
        if variant not in uit.setdefault(code, []):
            uit[code].append(variant)
    return uit


def main() -> None:
    map_ = Path(sys.argv[1])
    rsa = (map_ / "rsa_2014.md").read_text(encoding="utf-8")
    rlz = (map_ / "rlz_2015.md").read_text(encoding="utf-8")
    awbz = bedragen(rsa, "2. Indien de verzekerde beschikt over een indicatiebesluit waaruit blijkt dat hij is aangewezen op verblijf bedraagt")
    wlz = bedragen(rlz, "1.  Een persoonsgebonden budget voor een verzekerde die blijkens een indicatiebesluit")
    transcriptie = yaml.safe_load((map_ / "data" / "pgb.yaml").read_text(encoding="utf-8"))
    for naam, eigen in (("awbz_2014_met_verblijfsindicatie", awbz), ("wlz_2015", wlz)):
        for vorm, lijst in transcriptie[naam]["bedragen"].items():
            zij = {r["klasse"]: r["max_bruto_eur_per_jaar"] for r in lijst if "max_bruto_eur_per_jaar" in r}
            assert zij == eigen[vorm], (naam, vorm, zij, eigen[vorm])
    om_awbz = omzetting(rsa, "### Bijlage  2", 0, 2)
    om_wlz = omzetting(rlz, "### Bijlage C", 1, 2)
    catalogus = {z["code"] for z in tabel_op("zzp_catalogus.yaml")["zzp"]["waarde"]}
    onbekend = (set(om_awbz) | set(om_wlz)) - catalogus
    assert not onbekend, onbekend
    rsa_bron = "Regeling subsidies AWBZ (BWBR0019161), versie 2014-12-04"
    rlz_bron = "Regeling langdurige zorg (BWBR0036014), versie 2015-07-27"
    doc: dict[str, Any] = {
        "omschrijving": "Persoonsgebonden budget bij een indicatie voor verblijf: ZZP -> klassen -> maximumbedragen per jaar",
        "bron": f"{rsa_bron} art. 2.6.6 en bijlage 2; {rlz_bron} art. 5.13 en bijlage C",
        "overgenomen_met": "scripts/overname_pgb.py (uit de wettekst; gecontroleerd tegen ../shared/regelgeving/data/pgb.yaml)",
        "regelingen": [
            {
                "naam": "Regeling subsidies AWBZ 2014",
                "geldig_van": "2014-01-01",
                "geldig_tot": "2014-12-31",
                "bedragen_per_jaar": awbz,
                "bedragen_bron": f"{rsa_bron}, art. 2.6.6 lid 2",
                "som_bron": f"{rsa_bron}, art. 2.6.6 lid 3",
                "omzetting": om_awbz,
                "omzetting_bron": f"{rsa_bron}, art. 2.6.6 lid 4 en bijlage 2",
                "ophoging_niet_in_instelling": bedrag_na(rsa, "Indien de verzekerde niet in een instelling verblijft, hoogt het zorgkantoor het bruto persoonsgebonden budget vervolgens op met"),
                "ophoging_kleinschalig_wooninitiatief": bedrag_na(rsa, "Het zorgkantoor verhoogt het aldus opgehoogde persoonsgebonden budget vervolgens op met"),
                "kleinschalig_vereist": ["persoonlijke_verzorging", "begeleiding_individueel"],
                "ophoging_bron": f"{rsa_bron}, art. 2.6.6 lid 4",
                "pro_rata_bron": f"{rsa_bron}, art. 2.6.6 lid 6",
                "grens_per_dag": 300,
                "grens_bron": f"{rsa_bron}, art. 2.6.6 lid 7-8",
            },
            {
                "naam": "Regeling langdurige zorg 2015",
                "geldig_van": "2015-01-01",
                "geldig_tot": "2015-12-31",
                "bedragen_per_jaar": wlz,
                "bedragen_bron": f"{rlz_bron}, art. 5.13 lid 1",
                "som_bron": f"{rlz_bron}, art. 5.14",
                "omzetting": om_wlz,
                "omzetting_bron": f"{rlz_bron}, art. 5.13 lid 2 en bijlage C",
                "ophoging_niet_in_instelling": bedrag_na(rlz, "Indien de verzekerde niet in een instelling verblijft hoogt het zorgkantoor het persoonsgebonden budget op met"),
                "ophoging_kleinschalig_wooninitiatief": bedrag_na(rlz, "Het zorgkantoor verhoogt het persoonsgebonden budget met"),
                "kleinschalig_vereist": [],
                "ophoging_bron": f"{rlz_bron}, art. 5.13 lid 3-4",
                "pro_rata_bron": f"{rlz_bron}, art. 5.14",
                "grens_per_dag": None,
                "grens_bron": None,
            },
        ],
    }
    overname("pgb.yaml", doc, "", sys.argv[2:])


if __name__ == "__main__":
    main()
