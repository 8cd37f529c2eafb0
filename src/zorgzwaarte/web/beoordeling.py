"""The assessment form (the "foto"), its live preview and the steps to a decision, in the browser.

The form is plain HTML posted to the server; HTMX sends it on every change to /voorbeeld, which computes the
decision from the values on screen without storing anything. Saving keeps a draft at any time (also an
incomplete one); "definitief maken" and "besluit vastleggen" go through the same services as the API.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from zorgzwaarte.rapporten.opmaak import profielgrafiek
from zorgzwaarte.regels.codes import codelijst, scoreschaal, vragen_per_categorie
from zorgzwaarte.regels.indicatie.normtijden import laatste_normtijden
from zorgzwaarte.regels.profielen.catalogus import catalogus

ZORGMOMENT_RIJEN = 6
LEEFKLIMAAT = (
    ("beschermende_woonomgeving", "Beschermende woonomgeving"),
    ("therapeutisch_leefklimaat", "Therapeutisch leefklimaat"),
    ("permanent_toezicht", "Permanent toezicht"),
)


def formulier_context() -> dict[str, Any]:
    """Everything the form shows that comes from the code lists and the law: questions, scales, handelingen."""
    handelingen = [
        (h.id, f"{h.functie} {h.activiteit_omschrijving}: {h.omschrijving} ({h.minuten} min)")
        for h in laatste_normtijden().values()
    ]
    return {
        "stoornissen": vragen_per_categorie("stoornis"),
        "beperkingen": vragen_per_categorie("beperking"),
        "schaal_stoornis": scoreschaal("stoornis"),
        "schaal_beperking": scoreschaal("beperking"),
        "grondslagen": codelijst("LDT_Grondslag"),
        "prognoses": codelijst("LDT_Prognose"),
        "handelingen": handelingen,
        "leefklimaat": LEEFKLIMAAT,
        "zorgmoment_rijen": ZORGMOMENT_RIJEN,
        "zzp_codes": [(z.code, z.naam) for z in catalogus()],
    }


def vergelijking(u: dict[str, Any]) -> dict[str, Any] | None:
    """Client vs chosen profile vs the nearest alternative, per domain: rows for the table and an SVG chart."""
    zzp = u.get("zzp")
    if not zzp or not zzp.get("domeinen"):
        return None
    alternatief = next((a for a in zzp.get("alternatieven") or [] if a.get("profiel_bekend")), None)
    alt_niveau = {d["domein"]: d.get("profiel_niveau") for d in (alternatief or {}).get("domeinen", [])}
    rijen = [
        {
            "naam": d["naam"],
            "client": d.get("client_niveau"),
            "profiel": d.get("profiel_niveau"),
            "alternatief": alt_niveau.get(d["domein"]),
            "toelichting": d.get("client_toelichting"),
        }
        for d in zzp["domeinen"]
    ]
    reeksen = [("client", "cliënt"), ("profiel", f"ZZP {zzp['code']}")]
    if alternatief:
        reeksen.append(("alternatief", f"ZZP {alternatief['code']}"))
    return {"rijen": rijen, "alternatief": alternatief, "grafiek": Markup(profielgrafiek(rijen, reeksen))}


def _getal(w: str) -> Any:
    w = w.strip().replace(",", ".")
    try:
        return float(w) if "." in w else int(w)
    except ValueError:
        return w  # left for validation: a Dutch message names the field


def formulier_naar_invoer(form: dict[str, list[str]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(invoer for the rules, draft metadata {aanvraagdatum, spoed}) from the posted form."""

    def een(naam: str) -> str:
        return (form.get(naam) or [""])[0].strip()

    invoer: dict[str, Any] = {}
    for veld in ("peildatum",):
        if een(veld):
            invoer[veld] = een(veld)
    dominant = een("grondslag_dominant")
    bijkomend = [g for g in form.get("grondslag_bijkomend", []) if g and g != dominant]
    if dominant or bijkomend:
        invoer["grondslagen"] = ([dominant] if dominant else []) + bijkomend
    if een("prognose"):
        invoer["prognose"] = een("prognose")
    invoer["leefklimaat"] = {k: een(k) == "ja" for k, _ in LEEFKLIMAAT}
    if een("etmalen_per_week"):
        invoer["etmalen_per_week"] = _getal(een("etmalen_per_week"))
    for soort, prefix in (("stoornisscores", "s_"), ("beperkingscores", "b_")):
        scores = {k[len(prefix) :]: _getal(v[0]) for k, v in form.items() if k.startswith(prefix) and v and v[0] != ""}
        if scores:
            invoer[soort] = scores
    momenten = []
    for i in range(ZORGMOMENT_RIJEN):
        handelingen = [h for h in form.get(f"zm{i}_handelingen", []) if h]
        per_week = een(f"zm{i}_per_week")
        if not handelingen and not per_week:
            continue
        momenten.append(
            {
                "per_week": _getal(per_week) if per_week else 0,
                "handelingen": handelingen,
                "twee_zorgverleners": een(f"zm{i}_twee") == "ja",
            }
        )
    if momenten:
        invoer["zorgmomenten"] = momenten
    if een("gekozen_zzp"):
        invoer["gekozen_zzp"] = een("gekozen_zzp")
    if een("motivering_afwijkend_profiel"):
        invoer["motivering_afwijkend_profiel"] = een("motivering_afwijkend_profiel")
    meta = {"aanvraagdatum": een("aanvraagdatum") or None, "spoed": een("spoed") == "ja"}
    return invoer, meta


def invoer_naar_formulier(invoer: dict[str, Any], meta: dict[str, Any]) -> dict[str, list[str]]:
    """The stored draft back into form values (so a saved draft opens as it was left)."""
    f: dict[str, list[str]] = {}
    if invoer.get("peildatum"):
        f["peildatum"] = [str(invoer["peildatum"])]
    if meta.get("aanvraagdatum"):
        f["aanvraagdatum"] = [str(meta["aanvraagdatum"])]
    f["spoed"] = ["ja" if meta.get("spoed") else ""]
    gr = list(invoer.get("grondslagen") or [])
    if gr:
        f["grondslag_dominant"], f["grondslag_bijkomend"] = [gr[0]], gr[1:]
    if invoer.get("prognose"):
        f["prognose"] = [str(invoer["prognose"])]
    for k, _ in LEEFKLIMAAT:
        f[k] = ["ja" if (invoer.get("leefklimaat") or {}).get(k) else ""]
    if invoer.get("etmalen_per_week") is not None:
        f["etmalen_per_week"] = [str(invoer["etmalen_per_week"])]
    for soort, prefix in (("stoornisscores", "s_"), ("beperkingscores", "b_")):
        for k, v in (invoer.get(soort) or {}).items():
            f[f"{prefix}{k}"] = [str(v)]
    for veld in ("gekozen_zzp", "motivering_afwijkend_profiel"):
        if invoer.get(veld):
            f[veld] = [str(invoer[veld])]
    for i, zm in enumerate((invoer.get("zorgmomenten") or [])[:ZORGMOMENT_RIJEN]):
        f[f"zm{i}_per_week"] = [str(zm.get("per_week", ""))]
        f[f"zm{i}_handelingen"] = list(zm.get("handelingen") or [])
        f[f"zm{i}_twee"] = ["ja" if zm.get("twee_zorgverleners") else ""]
    return f


def fouten_per_veld(fouten: list[Any]) -> dict[str, str]:
    """Map the rules' field paths to the form's field ids, so each message stands next to its field.

    `grondslagen` -> grondslag_dominant, `stoornisscores.0101` -> s_0101, `zorgmomenten.0.per_week` -> zm0,
    `leefklimaat.x` -> x; other paths by their first segment.
    """
    uit: dict[str, str] = {}
    for f in fouten:
        delen = str(f.veld).removeprefix("invoer.").split(".")
        kop = delen[0]
        if kop == "grondslagen":
            sleutel = "grondslag_dominant"
        elif kop in ("stoornisscores", "beperkingscores") and len(delen) > 1:
            sleutel = ("s_" if kop == "stoornisscores" else "b_") + delen[1]
        elif kop == "zorgmomenten" and len(delen) > 1:
            sleutel = f"zm{delen[1]}"
        elif kop == "leefklimaat" and len(delen) > 1:
            sleutel = delen[1]
        else:
            sleutel = kop
        uit.setdefault(sleutel, f.melding)
    return uit
