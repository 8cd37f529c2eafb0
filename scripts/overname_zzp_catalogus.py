"""Take the ZZP catalogue over from the shared transcription into the project's own dated data file.

Facts copied (each with its bron): code and COD163 code with the official name (iWlz LDT_ZzpCode), sector, the
period a ZZP can be indicated, Wlz zorgprofiel, meerzorg, pgb, hours where the law gives them in text (9a/9b VV).

Expected level per domain (0-3, in halves) is *derived* from the profile's own sentence with the keyword scale
below; the sentence is kept beside the level so every level can be checked against the law's words. Levels
set by hand after review are listed in HANDMATIG with the reason; they win over the scale.

Run: python scripts/overname_zzp_catalogus.py ../shared [--controle]
(writes src/zorgzwaarte/regels/parameters/zzp_catalogus.yaml in the parameter schema; --controle only compares)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import yaml
from parameterschema import overname

# Domain -> how the client's level is measured (see regels/profielen/niveaus.py).
DOMEINEN = [
    "sociale_redzaamheid",
    "psychosociaal_cognitief",
    "adl",
    "mobiliteit",
    "verpleging",
    "gedragsproblematiek",
    "psychiatrische_problematiek",
]

# Keyword scale: (pattern on the lower-cased sentence, level). Checked in this order; the first match wins.
SCHAAL: list[tuple[str, float]] = [
    (r"extreme|zeer ernstige|zeer intensieve|niet of nauwelijks|volledig adl afhankelijk|geheel zorgafhankelijk", 3.0),
    (
        r"niet of in geringe mate|geen of in geringe mate|doorgaans geen|meestal geen|in het algemeen geen|geen sprake|"
        r"niet aan de orde|geen behoefte|geen hulp|zeer zelfstandig",
        0.0,
    ),
    # specific low phrases before the general ones ("enige hulp" is not "hulp nodig")
    (r"in geringe mate|hooguit|weinig", 0.5),
    (
        r"enige hulp|kan hulp nodig zijn|kan enige|in beperkte mate|voor een deel|af en toe toezicht|van enige gedrag|"
        r"onder controle|af en toe hulp|af en toe kan",
        1.0,
    ),
    (r"af en toe tot vaak|af en toe of vaak", 1.5),
    (
        r"vaak tot continu|vaak of continu|hulp en vaak overname|hulp of overname|regelmatig tot vaak|niet of met veel moeite|"
        r"hulp en regelmatig overname|continu toezicht en stimulatie|intensieve|hulp en soms overname|hulp of soms overname|"
        r"hulp en overname|in veel gevallen",
        2.5,
    ),
    (r"vaak hulp|maar vaak ook hulp", 2.0),
    (
        r"continu|volledige begeleiding|volledige hulp|overname van zorg nodig|overname nodig|is overname|voortdurend|"
        r"sprake van overname",
        3.0,
    ),
    (
        r"af en toe tot vaak|af en toe of vaak|toezicht en stimulatie|toezicht of stimulatie|begeleiding nodig in de vorm|"
        r"van passief tot actief",
        1.5,
    ),
    (
        r"vaak|veel hulp|veel sturing|doorgaans hulp|hulp nodig|behoefte aan hulp|regelmatig|ernstige|noodzakelijk|vereist|"
        r"nodig om|actief van aard|sprake van gedragsproblematiek|dagelijks|uitgebreide|toezicht en sturing nodig|"
        r"aandacht nodig",
        2.0,
    ),
    (
        r"af en toe|enige|soms|kan sprake zijn|kan ook|beperkt aantal|bij een deel|passief van aard|ondersteuning nodig",
        1.0,
    ),
    (r"weinig|grotendeels zelf|redelijk zelfstandig|meestal zelfstandig|zelf uitvoeren", 0.5),
]

# Reviewed by hand: (code, domein) -> (niveau, reden). The sentence stays the one the level is read from.
ZIN_10VV = "In het algemeen is sprake van noodzaak tot overname van zorg op al deze aspecten."
HANDMATIG: dict[tuple[str, str], tuple[float, str, str | None]] = {
    # 10 VV names its level for four domains in one sentence under 'mobiliteit' ("al deze aspecten": psychosociale/
    # cognitieve functies, sociale redzaamheid, mobiliteit en ADL); there is no separate ADL text.
    ("10 VV", "sociale_redzaamheid"): (3.0, "noodzaak tot overname op al deze aspecten", ZIN_10VV),
    ("10 VV", "psychosociaal_cognitief"): (3.0, "noodzaak tot overname op al deze aspecten", ZIN_10VV),
    ("10 VV", "mobiliteit"): (3.0, "noodzaak tot overname op al deze aspecten", ZIN_10VV),
    ("10 VV", "adl"): (
        3.0,
        "noodzaak tot overname op al deze aspecten (ADL genoemd in de zin bij mobiliteit)",
        ZIN_10VV,
    ),
    # 9a VV: the level sits in the first sentence; the scale read the third ('vereiste advisering').
    ("9a VV", "adl"): (
        3.0,
        "in het begin veelal overname van zorg",
        "Ten aanzien van de ADL is in het begin veelal sprake van overname van zorg.",
    ),
    ("9a VV", "sociale_redzaamheid"): (2.0, "begeleiding bij het weer oppakken van allerlei zaken", None),
    # 1 GGZ-B: symptoms under control; 'dagelijks' is about the structure, not the severity.
    ("1 GGZ-B", "psychiatrische_problematiek"): (1.0, "symptomen onder controle", None),
    ("2 GGZ-B", "psychiatrische_problematiek"): (1.0, "symptomen onder controle", None),
}

# Hard conditions written in the profile texts (and the law) - conditions, not distances.
VOORWAARDEN: dict[str, list[str]] = {
    "9 VV": ["herstel_na_opname"],
    "9a VV": ["geriatrische_revalidatie"],
    "9b VV": ["herstel_na_opname"],
    "10 VV": ["terminaal"],
    "7 GGZ-B": ["voortgezet_verblijf_ggz", "beveiliging_nodig"],
    **{f"{n} GGZ-B": ["voortgezet_verblijf_ggz"] for n in range(1, 7)},
    **{f"{n} LVG": ["lvg_behandeling"] for n in range(1, 6)},
    "1 SGLVG": ["lvg_behandeling"],
}
# Profiles that are excluded when a condition holds (the law routes that client elsewhere).
UITGESLOTEN_BIJ: dict[str, list[str]] = {
    # Voortgezet verblijf: "Omvang uitgedrukt in een ZZP GGZ voor de B-groep" (BIA 2014 bijlage 8 §3.2)
    **{f"{n} GGZ-C": ["voortgezet_verblijf_ggz"] for n in range(1, 7)},
}
VOORWAARDEN_BRON = {
    "terminaal": "Regeling langdurige zorg, bijlage A (10 VV: verblijf in verband met een naderend overlijden, "
    "doorgaans niet langer dan drie maanden)",
    "herstel_na_opname": "Regeling zorgaanspraken AWBZ (2012), bijlage 2, ZZP 9b VV: medisch-specialistische "
    "diagnostiek/interventie met opname is afgerond",
    "geriatrische_revalidatie": "Regeling zorgaanspraken AWBZ (2012), bijlage 2, ZZP 9a VV: revaliderende behandeling "
    "onder regie van de specialist ouderengeneeskunde",
    "beveiliging_nodig": "Regeling langdurige zorg, bijlage A (7 GGZ-B: beveiligd verblijf vanwege extreme "
    "gedragsproblematiek)",
    "voortgezet_verblijf_ggz": "Besluit zorgaanspraken AWBZ art. 13 lid 2; Beleidsregels indicatiestelling AWBZ "
    "2014, bijlage 8 §3.2 (na 365 dagen verblijf met behandeling)",
    "lvg_behandeling": "Beleidsregels indicatiestelling AWBZ 2014, bijlage 2 §3.4 en bijlage 8 §3.1 (verbijzondering "
    "LVG/SGLVG: verblijf gericht op behandeling gedurende een afgebakende periode)",
}

SECTOR_GRONDSLAGEN = {
    "VV": ["01", "02"],
    "VG": ["05"],
    "LVG": ["05"],
    "SGLVG": ["05"],
    "LG": ["04"],
    "ZGaud": ["06"],
    "ZGvis": ["06"],
    "GGZ-B": ["03"],
    "GGZ-C": ["03"],
}
GRONDSLAG_WOORDEN = {
    "01": "somatische",
    "02": "psychogeriatrische",
    "03": "psychiatrische",
    "04": "lichamelijke handicap",
    "05": "verstandelijke",
    "06": "zintuiglijke",
}
BRON_WIJZIGING = "Wijzigingsregeling Regeling zorgaanspraken AWBZ (BWBR0032537), art. II-IV"
PERIODE: dict[str, tuple[str | None, str]] = {
    # code -> (laatste dag waarop een nieuwe indicatie kan, bron)
    **{
        c: ("2012-12-31", BRON_WIJZIGING + " (beperking per 1 januari 2013)")
        for c in ("1 VV", "2 VV", "1 VG", "2 VG", "1 GGZ-B", "2 GGZ-B", "1 GGZ-C", "2 GGZ-C")
    },
    "3 VV": ("2013-12-31", BRON_WIJZIGING + " (beperking per 1 januari 2014)"),
    "9a VV": (
        "2012-12-31",
        "Regeling zorgaanspraken AWBZ versie 2014, bijlage 2 ('Vervallen'); Aanwijzing "
        "overheveling geriatrische revalidatiezorg naar de Zvw (BWBR0031752)",
    ),
    "9 VV": ("2011-12-31", "Regeling zorgaanspraken AWBZ versie 2012-01-01, bijlage 2 (gesplitst in 9a VV en 9b VV)"),
}
# code -> (eerste dag waarop een indicatie kan, bron) where it is not the start of the ZZP's in 2009
VAN: dict[str, tuple[str, str]] = {
    c: (
        "2012-01-01",
        "Regeling zorgaanspraken AWBZ versie 2012-01-01, bijlage 2 (eerste versie die ZZP 9a VV en 9b VV noemt; "
        "tot en met 31-12-2011 gold ZZP 9 VV)",
    )
    for c in ("9a VV", "9b VV")
}
AWBZ_VAN = "2009-01-01"
AWBZ_VAN_BRON = (
    "Aanwijzing voorbereiding invoering ZZP's AWBZ 2009 (BWBR0023018); Aanwijzing invoering "
    "prestatiebekostiging intramurale zorg op grond van ZZP's (BWBR0024676)"
)
AWBZ_TOT = "2014-12-31"
AWBZ_TOT_BRON = (
    "Wet langdurige zorg (BWBR0035917) art. 11.1.1: intrekking AWBZ per 1 januari 2015; daarna "
    "Wlz-zorgprofielen (Regeling langdurige zorg, bijlage A)"
)


LVG_BRON = "Beleidsregels indicatiestelling AWBZ 2014, bijlage 8 §3.1 (verbijzondering LVG/SGLVG: ten hoogste 3 jaar)"


def geldigheid(sector: str, awbz: dict[str, Any], wlz: dict[str, Any]) -> dict[str, Any]:
    """Maximum validity under the AWBZ (only from AWBZ sources) and under the Wlz, each with its bron."""
    uit: dict[str, Any] = {
        "geldigheid_max_maanden": None,
        "geldigheid_max_bron": None,
        "geldigheid_max_maanden_wlz": None,
        "geldigheid_max_wlz_bron": None,
    }
    if awbz.get("waarde") and "Zorgindicatieregeling" in awbz.get("bron", ""):
        uit["geldigheid_max_maanden"], uit["geldigheid_max_bron"] = awbz["waarde"] * 12, awbz["bron"]
    elif awbz.get("waarde"):
        uit["geldigheid_max_maanden_wlz"], uit["geldigheid_max_wlz_bron"] = awbz["waarde"] * 12, awbz["bron"]
    if sector in ("LVG", "SGLVG"):
        uit["geldigheid_max_maanden"], uit["geldigheid_max_bron"] = 36, LVG_BRON
    if wlz.get("waarde"):
        uit["geldigheid_max_maanden_wlz"], uit["geldigheid_max_wlz_bron"] = wlz["waarde"], wlz["bron"]
    return uit


WLZ_BRON = "Regeling langdurige zorg (BWBR0036014), bijlage A; Wet langdurige zorg art. 3.2.1 (in werking 2015-01-01)"
WLZ_2015_BRON = (
    "Regeling langdurige zorg, eerste versie 2014-12-29 (rlz_2014.md): zorgprofielen '(2015)' staan in "
    "de versie van 2015-07-27 niet meer in bijlage A"
)


def wlz_periode(zorgprofiel: str | None) -> dict[str, Any] | None:
    """Period a Wlz zorgprofiel can be indicated; the '(2015)' profiles were dropped from bijlage A on 2015-07-27."""
    if not zorgprofiel:
        return None
    if zorgprofiel.endswith("(2015)"):
        return {"van": "2015-01-01", "tot": "2015-07-26", "bron": WLZ_2015_BRON}
    return {"van": "2015-01-01", "tot": None, "bron": WLZ_BRON}


def zinnen(tekst: str) -> list[str]:
    return [z.strip() for z in re.split(r"(?<=[.!?])\s+", tekst) if z.strip()]


def niveau_uit_tekst(tekst: str) -> tuple[float | None, str, str]:
    """(level, sentence, keyword) from the first sentence that matches the scale."""
    for zin in zinnen(tekst):
        laag = zin.lower()
        for patroon, niveau in SCHAAL:
            m = re.search(patroon, laag)
            if m:
                return niveau, zin, m.group(0)
    return None, zinnen(tekst)[0] if tekst else "", ""


def compacte_code(code: str) -> str:
    return code.replace(" ", "").replace("-", "")


def cod163_index(codelijsten: dict[str, Any]) -> dict[str, tuple[str, str]]:
    uit: dict[str, tuple[str, str]] = {}
    for cod, omschr in codelijsten["LDT_ZzpCode"].items():
        kop, _, naam = str(omschr).partition(": ")
        uit[kop.replace(" ", "").upper()] = (str(cod), naam)
    return uit


def main() -> None:
    shared = Path(sys.argv[1])
    cat = yaml.safe_load((shared / "regelgeving/data/zzp_catalogus.yaml").read_text(encoding="utf-8"))
    codes = yaml.safe_load((shared / "iwlz/codelijsten.yaml").read_text(encoding="utf-8"))
    index = cod163_index(codes)
    uit = []
    for z in cat["zzp"]:
        code = z["code"]
        compact = compacte_code(code)
        sleutel = compact.upper().replace("9AVV", "9VVA").replace("9BVV", "9VVB")
        cod163, officiele_naam = index.get(sleutel, (None, None))
        profiel = z.get("profiel") or {}
        dom = profiel.get("domeinen") or {}
        domeinen: dict[str, Any] = {}
        for d in DOMEINEN:
            tekst = dom.get(d)
            if not tekst and (code, d) not in HANDMATIG:
                domeinen[d] = {"niveau": None, "zin": None, "reden": "geen tekst voor dit domein in het profiel"}
                continue
            niveau, zin, trefwoord = niveau_uit_tekst(tekst or "")
            item: dict[str, Any] = {"niveau": niveau, "zin": zin, "trefwoord": trefwoord or None}
            if (code, d) in HANDMATIG:
                niveau_h, reden, zin_h = HANDMATIG[(code, d)]
                item.update(niveau=niveau_h, handmatig=reden, trefwoord=None)
                if zin_h:
                    item["zin"] = zin_h
            domeinen[d] = item
        doel_tekst = (dom.get("begeleidingsdoel") or "").lower()
        doelen = [
            naam
            for naam, woord in (
                ("ontwikkeling", "ontwikkel"),
                ("stabilisatie", "stabilis"),
                ("begeleiding_bij_achteruitgang", "achteruitgang"),
            )
            if woord in doel_tekst
        ]
        grond_tekst = (dom.get("dominante_grondslag") or "").lower()
        grondslagen = [g for g, w in GRONDSLAG_WOORDEN.items() if w in grond_tekst] or SECTOR_GRONDSLAGEN[z["sector"]]
        tot, tot_bron = PERIODE.get(code, (AWBZ_TOT, AWBZ_TOT_BRON))
        uren = None
        ft = profiel.get("functies_en_tijd_per_week") or {}
        tt = ft.get("totaaltijd_uur_per_week_inclusief_dagbesteding")
        if tt:
            uren = {
                "min": tt["van"],
                "max": tt["tot"],
                "tekst_in_bron": tt["tekst_in_bron"],
                "bron": "Regeling zorgaanspraken AWBZ (BWBR0014855) versie 2012-01-01, bijlage 2, " + code,
            }
        wlz = z.get("wlz") or {}
        mz = z["meerzorg"]
        pgb = z.get("pgb_uitgesloten") or {}
        geldig = z.get("geldigheid_max_jaar") or {}
        geldig_wlz = z.get("geldigheid_max_maanden_wlz") or {}
        uit.append(
            {
                "code": compact,
                "code_lang": code,
                "aliassen": sorted(set(z.get("aliassen") or []) | {code, compact}),
                "cod163": cod163,
                "naam": officiele_naam or z.get("naam"),
                "naam_profiel": z.get("naam"),
                "sector": z["sector"],
                "sector_naam": z["sector_naam"],
                "nummer": str(z["nummer"]),
                "indiceerbaar": {
                    "van": VAN.get(code, (AWBZ_VAN, AWBZ_VAN_BRON))[0],
                    "tot": tot,
                    "bron_van": VAN.get(code, (AWBZ_VAN, AWBZ_VAN_BRON))[1],
                    "bron_tot": tot_bron,
                },
                "zorgprofiel_wlz": wlz.get("zorgprofiel"),
                "wlz_indiceerbaar": wlz_periode(wlz.get("zorgprofiel")),
                "zorgprofiel_wlz_bron": wlz.get("bron"),
                "meerzorg": {  # AWBZ: Rza art. 1a lid 2 onder a, read from regeling_zorgaanspraken.yaml
                    "wlz": bool(mz["rlz_bijlageA_ster"] or mz["rlz_art2_2_lid1b"]),
                    "bron": mz["bron"],
                },
                "pgb": {"mogelijk": not pgb.get("waarde", False), "regel": pgb.get("regel"), "bron": pgb.get("bron")},
                "uren_per_week": uren,
                "functies": ft.get("woonzorg_functies"),
                "verblijfskenmerken": profiel.get("verblijfskenmerken"),
                **geldigheid(z["sector"], geldig, geldig_wlz),
                "dominante_grondslagen": grondslagen,
                "dominante_grondslag_zin": dom.get("dominante_grondslag"),
                "begeleidingsdoelen": doelen,
                "begeleidingsdoel_zin": dom.get("begeleidingsdoel"),
                "voorwaarden": VOORWAARDEN.get(code, []),
                "uitgesloten_bij": UITGESLOTEN_BIJ.get(code, []),
                "profiel_bron": profiel.get("bron")
                or "Regeling zorgaanspraken AWBZ (BWBR0014855) versie 2012-01-01, bijlage 2",
                "domeinen": domeinen,
                "status": z.get("status_en_bijzonderheden") or [],
            }
        )
    # GGZ-W: named in the iWlz code list (LDT_ZzpCode 880-888) but with no profile text and no period in the
    # sources we hold: listed, never indicated by the rules, every figure unknown.
    for cod, omschr in sorted(codes["LDT_ZzpCode"].items()):
        kop, _, naam = str(omschr).partition(": ")
        if "GGZ W" not in kop:
            continue
        nummer = kop.split("GGZ")[0]
        uit.append(
            {
                "code": f"{nummer}GGZW",
                "code_lang": f"{nummer} GGZ-W",
                "aliassen": [f"{nummer} GGZ-W", kop],
                "cod163": str(cod),
                "naam": naam,
                "naam_profiel": None,
                "sector": "GGZ-W",
                "sector_naam": "Geestelijke gezondheidszorg, wonen",
                "nummer": nummer,
                "indiceerbaar": {
                    "van": None,
                    "tot": None,
                    "bron_van": "onbekend: periode niet in de regelgeving in ../shared",
                    "bron_tot": "iWlz 2.2 codelijst LDT_ZzpCode noemt de code",
                },
                "zorgprofiel_wlz": None,
                "zorgprofiel_wlz_bron": None,
                "meerzorg": {"wlz": False, "bron": "onbekend"},
                "pgb": {"mogelijk": False, "regel": "onbekend", "bron": None},
                "uren_per_week": None,
                "functies": None,
                "verblijfskenmerken": None,
                "geldigheid_max_maanden": None,
                "geldigheid_max_bron": None,
                "geldigheid_max_maanden_wlz": None,
                "geldigheid_max_wlz_bron": None,
                "dominante_grondslagen": ["03"],
                "dominante_grondslag_zin": None,
                "begeleidingsdoelen": [],
                "begeleidingsdoel_zin": None,
                "voorwaarden": [],
                "uitgesloten_bij": [],
                "profiel_bron": "iWlz 2.2 codelijst LDT_ZzpCode (alleen code en naam)",
                "domeinen": {
                    d: {"niveau": None, "zin": None, "reden": "geen profieltekst beschikbaar"} for d in DOMEINEN
                },
                "status": ["Alleen code en naam bekend (iWlz LDT_ZzpCode); niet indiceerbaar door deze regels."],
            }
        )
    doc = {
        "tabel": "zzp_catalogus",
        "omschrijving": "Zorgzwaartepakketten (ZZP) met cliëntprofiel, periode, meerzorg, pgb en Wlz-zorgprofiel",
        "bron": "Regeling zorgaanspraken AWBZ (BWBR0014855) bijlage 2; Regeling langdurige zorg (BWBR0036014) "
        "bijlage A en F; iWlz 2.2 codelijst LDT_ZzpCode (COD163)",
        "schaal": [{"patroon": p, "niveau": n} for p, n in SCHAAL],
        "voorwaarden_bron": VOORWAARDEN_BRON,
        "zzp": uit,
    }
    kop = (
        "# Gemaakt door scripts/overname_zzp_catalogus.py uit de transcriptie in ../shared; niet met de hand\n"
        "# wijzigen: pas het script (HANDMATIG) aan. Niveaus per domein zijn afgeleid; de zin staat erbij.\n"
    )
    overname("zzp_catalogus.yaml", doc, kop, sys.argv[2:])


if __name__ == "__main__":
    main()
