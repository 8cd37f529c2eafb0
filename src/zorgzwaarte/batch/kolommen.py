"""The batch's table columns and the per-client assessment (`zorgzwaarte indiceer`) they stand for, both ways.

One list (KOLOMMEN) says which column holds which key of the assessment, so a population from the database
becomes batch tables (``als_tabel``) and a table row goes back to the per-client path (``invoer_uit_rij``) for the
rows the vectorised rules leave to it (docs/batch.md).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl

from zorgzwaarte.regels.indicatie.vector import vragen

# (column, path in the assessment, kind); kinds: datum, bool, int, float, tekst, lijst (codes separated by ';'),
# grondslagen (a list of two-digit codes: a CSV reader may have made 1 of 01)
KOLOMMEN: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("peildatum", ("peildatum",), "datum"),
    ("geboortedatum", ("client", "geboortedatum"), "datum"),
    ("grondslagen", ("grondslagen",), "grondslagen"),
    ("beschermende_woonomgeving", ("leefklimaat", "beschermende_woonomgeving"), "bool"),
    ("therapeutisch_leefklimaat", ("leefklimaat", "therapeutisch_leefklimaat"), "bool"),
    ("permanent_toezicht", ("leefklimaat", "permanent_toezicht"), "bool"),
    ("etmalen_per_week", ("etmalen_per_week",), "int"),
    ("prognose", ("prognose",), "tekst"),
    ("blijvend", ("blijvend",), "bool"),
    ("verpleegkundige_aandacht", ("verpleegkundige_aandacht",), "int"),
    ("begeleidingsdoel", ("begeleidingsdoel",), "tekst"),
    ("bijzonderheden", ("bijzonderheden",), "lijst"),
    ("bijzondere_zorg", ("bijzondere_zorg",), "lijst"),
    ("zorg_24_uur_nabijheid", ("zorg_24_uur_nabijheid",), "tekst"),
    ("vp_medische_noodzaak", ("vp_medische_noodzaak",), "bool"),
    ("overgang_2014_uitzondering", ("overgang_2014_uitzondering",), "tekst"),
    ("zelfstandig_wonen_leerbaar", ("zelfstandig_wonen_leerbaar",), "bool"),
    ("levensverwachting_korter_dan_3_maanden", ("levensverwachting_korter_dan_3_maanden",), "bool"),
    # gebruikelijke zorg (bijlage 3), mantelzorg (stap 3), kortdurend verblijf: computed by the batch itself
    ("gebruikelijke_zorger_aanwezig", ("huishouden", "gebruikelijke_zorger_aanwezig"), "bool"),
    ("kortdurende_zorgsituatie", ("huishouden", "kortdurende_zorgsituatie"), "bool"),
    ("overbelasting", ("huishouden", "overbelasting"), "bool"),
    ("intieme_zorg_door_ouder_geweigerd", ("huishouden", "intieme_zorg_door_ouder_geweigerd"), "bool"),
    ("mantelzorg_wens_aftrek", ("mantelzorg", "wens_aftrek"), "bool"),
    ("ontlasting_mantelzorger_nodig", ("ontlasting_mantelzorger_nodig",), "bool"),
    # computed per client (vector.PER_CLIENT_REDENEN)
    ("begeleiding_uren_per_week", ("begeleiding_individueel", "uren_per_week"), "float"),
    ("begeleiding_activiteiten", ("begeleiding_individueel", "activiteiten"), "lijst"),
    ("begeleiding_oefenen_uren_per_week", ("begeleiding_individueel", "oefenen_uren_per_week"), "float"),
    ("behandeling_doel", ("behandeling_individueel", "doel"), "tekst"),
    ("begeleiding_groep_dagdelen", ("dagdelen", "begeleiding_groep"), "int"),
    ("behandeling_groep_dagdelen", ("dagdelen", "behandeling_groep"), "int"),
    ("behandeling_groep_doel", ("behandeling_groep_doel",), "tekst"),
    ("school_werk_dagdelen", ("dagdelen", "school_werk"), "float"),
    ("school_werk_weken_per_jaar", ("dagdelen", "school_werk_weken_per_jaar"), "int"),
    ("vervoer", ("dagdelen", "vervoer"), "bool"),
    ("uitzondering_ondoelmatigheid", ("uitzondering_ondoelmatigheid",), "bool"),
    ("respijtzorg", ("respijtzorg",), "bool"),
    ("geldig_tot_gewenst", ("geldig_tot_gewenst",), "datum"),
    ("besluitdatum", ("besluitdatum",), "datum"),
    ("aanvraagdatum", ("aanvraagdatum",), "datum"),
    ("spoed", ("spoed",), "bool"),
    ("zorgbehoefte_minstens_een_jaar", ("zorgbehoefte_minstens_een_jaar",), "bool"),
    ("geen_recht_wlz", ("geen_recht_wlz",), "lijst"),
    ("jeugdige_jeugdwet", ("jeugdige_jeugdwet",), "bool"),
    ("zorg_aangevangen_op", ("zorg_aangevangen_op",), "datum"),
    ("verblijf_in_instelling", ("verblijf_in_instelling",), "bool"),
    ("gekozen_zzp", ("gekozen_zzp",), "tekst"),
    ("na_zvw_of_forensisch_verblijf", ("na_zvw_of_forensisch_verblijf",), "bool"),
    # eerdere indicatiebesluiten voor een ZZP (overgangsrecht ZZP 1-3): "2VV:2012-01-01:2012-12-31;4VV:2013-02-01"
    # (zzp:geldig_van[:geldig_tot], gescheiden door ';'), "geen" = geen eerder besluit, leeg = niet vastgesteld
    ("eerdere_indicaties", ("eerdere_indicaties",), "eerdere"),
    ("motivering_afwijkend_profiel", ("motivering_afwijkend_profiel",), "tekst"),
    # onderwijsaftrek, begeleiden bij zelfzorg, toezicht bij thuisbeademing (BIA bijlage 4/5 §4.2, §4.4, §5.4)
    ("onderwijs_naar_school", ("onderwijs", "naar_school"), "bool"),
    ("onderwijs_clusterindicatie", ("onderwijs", "clusterindicatie"), "tekst"),
    ("onderwijs_onderwijssoort", ("onderwijs", "onderwijssoort"), "tekst"),
    ("onderwijs_zorg_op_school_gevraagd", ("onderwijs", "zorg_op_school_gevraagd"), "bool"),
    ("onderwijs_eerder_indicatie_zorg_op_school", ("onderwijs", "eerder_indicatie_zorg_op_school"), "bool"),
    ("onderwijs_tabelrij", ("onderwijs", "tabelrij"), "tekst"),
    ("begeleiden_pv_minuten_per_week", ("begeleiden_zelfzorg", "pv_minuten_per_week"), "float"),
    ("begeleiden_vp_minuten_per_week", ("begeleiden_zelfzorg", "vp_minuten_per_week"), "float"),
    ("toezicht_dagdelen_per_week", ("toezicht_thuisbeademing", "dagdelen_per_week"), "int"),
    *(
        (f"toezicht_{c}", ("toezicht_thuisbeademing", c), "bool")
        for c in (
            "noodzaak_permanent_toezicht",
            "toezicht_door_mantelzorg_in_huishouden",
            "ontlasting_mantelzorg_nodig",
            "positief_advies_centrum_thuisbeademing",
            "andere_vormen_toezicht_niet_doelmatig",
        )
    ),
)
# minutes per week per function taken off (stap 2 voorliggend, stap 3 mantelzorg): one column per list and function
AFTREK_LIJSTEN = {"voorliggend": ("voorliggend",), "mantelzorg": ("mantelzorg", "aftrek")}
AFTREK_FUNCTIES = {"pv": "PV", "vp": "VP", "bg": "BG-IND"}
ZORGMOMENT_KOLOMMEN: tuple[tuple[str, str], ...] = (
    ("per_week", "float"),
    ("handelingen", "lijst"),
    ("twee_zorgverleners", "bool"),
    ("gebruikelijke_zorg", "bool"),
    ("medisch_specialist_verantwoordelijk", "bool"),
    ("minuten_per_keer", "float"),
)
SOORT = {
    "datum": pl.Utf8,
    "bool": pl.Boolean,
    "int": pl.Int64,
    "float": pl.Float64,
    "tekst": pl.Utf8,
    "lijst": pl.Utf8,
    "grondslagen": pl.Utf8,
    "eerdere": pl.Utf8,
}
GEEN = "geen"  # eerdere_indicaties: established that there is none (an empty list)
WAAR = ("1", "true", "ja", "waar")
ONWAAR = ("0", "false", "nee", "onwaar")


def _haal(b: dict[str, Any], pad: tuple[str, ...]) -> Any:
    for sleutel in pad:
        if not isinstance(b, dict):
            return None
        b = b.get(sleutel)  # type: ignore[assignment]
    return b


def _naar_kolom(waarde: Any, soort: str) -> Any:
    if waarde is None:
        return None
    if soort in ("lijst", "grondslagen"):
        return ";".join(str(x) for x in waarde)
    if soort == "eerdere":
        return (
            ";".join(
                ":".join(str(e[k]) for k in ("zzp", "geldig_van", "geldig_tot") if e.get(k) is not None) for e in waarde
            )
            or GEEN
        )
    if soort == "datum":
        return waarde.isoformat() if isinstance(waarde, date) else str(waarde)
    return waarde


def _uit_kolom(waarde: Any, soort: str) -> Any:
    """A table cell as the per-client input wants it; None (or an empty text) = not given."""
    if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
        return None
    if soort in ("lijst", "grondslagen"):
        lijst = [x.strip() for x in str(waarde).split(";") if x.strip()]
        return [x.zfill(2) for x in lijst] if soort == "grondslagen" else lijst
    if soort == "eerdere":  # the per-client path checks each part and names eerdere_indicaties.N.<veld>
        if str(waarde).strip().lower() == GEEN:
            return []
        delen = [[d.strip() for d in x.split(":")] for x in str(waarde).split(";") if x.strip()]
        return [dict(zip(("zzp", "geldig_van", "geldig_tot"), d, strict=False)) for d in delen]
    if soort == "datum":
        return waarde.isoformat() if isinstance(waarde, date) else str(waarde).strip()
    if soort == "bool" and isinstance(waarde, str):
        tekst = waarde.strip().lower()
        return True if tekst in WAAR else False if tekst in ONWAAR else waarde
    if soort == "tekst":
        return str(waarde).strip()
    return waarde


def als_tabel(invoer: list[dict[str, Any]]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Per-client inputs (the shape of `zorgzwaarte indiceer`) as batch tables (regio wat-als, tests)."""
    svragen, bvragen = vragen()
    rijen, momenten = [], []
    for i, b in enumerate(invoer):
        rij: dict[str, Any] = {"id": str(i)}
        for kolom, pad, soort in KOLOMMEN:
            rij[kolom] = _naar_kolom(_haal(b, pad), soort)
        for lijst, pad in AFTREK_LIJSTEN.items():
            for kort, functie in AFTREK_FUNCTIES.items():
                minuten = [float(a["minuten_per_week"]) for a in _haal(b, pad) or [] if a["functie"] == functie]
                rij[f"{lijst}_{kort}_minuten"] = sum(minuten) if minuten else None
        rij["aanleren"] = ";".join(
            a["functie"] + (":vertraagd" if a.get("vertraagde_leerbaarheid") else "") for a in b.get("aanleren", [])
        )
        for a in b.get(
            "aanleren", []
        ):  # aanleertijd (BIA bijlage 4 §4.4 activiteit 2.5, bijlage 5 §4.4 activiteit 1.9)
            rij[f"aanleertijd_{a['functie'].lower()}_minuten"] = a.get("aanleertijd_minuten_per_week")
        for q in svragen:
            rij[f"s{q}"] = (b.get("stoornisscores") or {}).get(q)
        for q in bvragen:
            rij[f"b{q}"] = (b.get("beperkingscores") or {}).get(q)
        rijen.append(rij)
        for zm in b.get("zorgmomenten", []):
            momenten.append({"id": str(i), **{k: _naar_kolom(zm.get(k), soort) for k, soort in ZORGMOMENT_KOLOMMEN}})
    schema = {
        "id": pl.Utf8,
        **{k: SOORT[soort] for k, _, soort in KOLOMMEN},
        **{f"{lijst}_{kort}_minuten": pl.Float64 for lijst in AFTREK_LIJSTEN for kort in AFTREK_FUNCTIES},
        "aanleren": pl.Utf8,
        "aanleertijd_pv_minuten": pl.Float64,
        "aanleertijd_vp_minuten": pl.Float64,
        **{f"s{q}": pl.Int64 for q in svragen},
        **{f"b{q}": pl.Int64 for q in bvragen},
    }
    schema_zm = {"id": pl.Utf8, **{k: SOORT[soort] for k, soort in ZORGMOMENT_KOLOMMEN}}
    return pl.DataFrame(rijen, schema=schema), pl.DataFrame(momenten, schema=schema_zm)


def _zet(b: dict[str, Any], pad: tuple[str, ...], waarde: Any) -> None:
    for sleutel in pad[:-1]:
        b = b.setdefault(sleutel, {})
    b[pad[-1]] = waarde


def invoer_uit_rij(rij: dict[str, Any], momenten: list[dict[str, Any]]) -> dict[str, Any]:
    """One table row (and its zorgmomenten) as the per-client input; absent or empty cells are left out."""
    b: dict[str, Any] = {}
    for kolom, pad, soort in KOLOMMEN:
        waarde = _uit_kolom(rij.get(kolom), soort)
        if waarde is not None:
            _zet(b, pad, waarde)
    for lijst, pad in AFTREK_LIJSTEN.items():
        for kort, functie in AFTREK_FUNCTIES.items():
            minuten = _uit_kolom(rij.get(f"{lijst}_{kort}_minuten"), "float")
            if minuten:
                _zet(b, pad, [*(_haal(b, pad) or []), {"functie": functie, "minuten_per_week": minuten}])
    for code in _uit_kolom(rij.get("aanleren"), "lijst") or []:
        functie, _, vertraagd = code.partition(":")
        a = {"functie": functie, "vertraagde_leerbaarheid": vertraagd == "vertraagd"}
        aanleertijd = _uit_kolom(rij.get(f"aanleertijd_{functie.lower()}_minuten"), "float")
        if aanleertijd is not None:
            a["aanleertijd_minuten_per_week"] = aanleertijd
        b.setdefault("aanleren", []).append(a)
    for soort, sleutel in (("s", "stoornisscores"), ("b", "beperkingscores")):
        scores = {k[1:]: int(v) for k, v in rij.items() if k[:1] == soort and k[1:].isdigit() and v is not None}
        if scores:
            b[sleutel] = scores
    b["zorgmomenten"] = [
        {
            k: w
            for k, soort in ZORGMOMENT_KOLOMMEN
            if (w := _uit_kolom(zm.get(k), soort)) is not None or k == "handelingen"
        }
        for zm in momenten
    ]
    return b
