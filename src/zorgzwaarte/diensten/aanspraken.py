"""Compute an entitlement from the Regeling zorgaanspraken AWBZ, and list the rules (for CLI, API and web)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from zorgzwaarte.diensten.invoer import Json, Ontvangen, aanvaard
from zorgzwaarte.domein.aanspraken import KEUZETEKSTEN, REGELTITELS, RIJTITELS, UITVOERTITELS, AanspraakInvoer
from zorgzwaarte.domein.uitvoer_regels import AanspraakRegel, AanspraakUitkomst, RegelingVersie
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.aanspraken.regeling import REGELS, Regel, Rza, WlzUitkomst, artikel_perioden
from zorgzwaarte.regels.profielen.catalogus import zoek_zzp
from zorgzwaarte.regels.regelset import Regelset, regelingen, regelset_op, regelsets, wetten_adres


def versie_van(regelset: Regelset, regeling: str = "regeling_zorgaanspraken") -> RegelingVersie:
    """One version of a regeling (by default the Regeling zorgaanspraken): its dates, what changed, and its address
    on wetten.overheid.nl."""
    reg = regelingen()[regeling]
    return RegelingVersie(
        versie=regelset.versie,
        geldig_van=regelset.geldig_van.isoformat(),
        geldig_tot=regelset.geldig_tot.isoformat() if regelset.geldig_tot else None,
        adres=wetten_adres(str(reg["bwb"]), regelset.versie),
        toelichting=regelset.bron,
    )


def versies() -> list[RegelingVersie]:
    """Every version of the Regeling zorgaanspraken AWBZ the product applies, oldest first."""
    return [versie_van(r) for r in regelsets("aanspraken")]


def aanspraak_invoermodel(naam: str) -> type[AanspraakInvoer]:
    """The input model of the rule `naam` (what an adapter parses the body with), or a Dutch error on `naam`."""
    regel = REGELS.get(naam)
    if regel is None:
        raise InvoerFout.een("naam", f"'{naam}' is geen regel; kies uit: {', '.join(REGELS)}")
    return regel.invoer


def bereken_aanspraak(naam: str, data: Ontvangen[AanspraakInvoer] | Json) -> AanspraakUitkomst:
    """The rule `naam` applied to its input (the model of `aanspraak_invoermodel(naam)`)."""
    invoer = aanvaard(aanspraak_invoermodel(naam), data)
    regel = REGELS[naam]
    if regel.wlz is not None and regel.wlz_onderwerp is not None and regel.volgens_wlz(invoer.peildatum):
        return _volgens_wlz(regel, invoer, regel.wlz, regel.wlz_onderwerp)
    regelset = regelset_op("aanspraken", invoer.peildatum)
    uitkomst = regel.functie(invoer, Rza(regelset, invoer.peildatum))
    return AanspraakUitkomst.model_validate(
        {
            "regel": regel.naam,
            "regeling": str(regelingen()["regeling_zorgaanspraken"]["naam"]),
            "artikel": regel.artikel,
            "peildatum": invoer.peildatum.isoformat(),
            "versie": regelset.versie,
            "versie_gebruikt": versie_van(regelset),
            **uitkomst.velden,
            "bron": uitkomst.bron,
            "opmerkingen": uitkomst.opmerkingen,
            "leeg_betekent": uitkomst.leeg_betekent,
            "toelichting": uitkomst.uitleg.als_lijst(invoer.peildatum),
            "ruleset": regelset.ontvangstbewijs.als_dict(),
        }
    )


def wlz_versie(regelset: Regelset) -> RegelingVersie:
    """One version of a Wlz text a rule follows (Regeling langdurige zorg): its dates and address."""
    return versie_van(regelset, regelset.definitie["regelingen"][0])


def wlz_versies(regel: Regel) -> list[RegelingVersie]:
    """The versions of the Wlz text a rule follows from 2015, oldest first (none for a rule of the AWBZ only)."""
    return [wlz_versie(r) for r in regelsets(regel.wlz_onderwerp)] if regel.wlz_onderwerp else []


def _volgens_wlz(
    regel: Regel, invoer: AanspraakInvoer, functie: Callable[[Any, Regelset], WlzUitkomst], onderwerp: str
) -> AanspraakUitkomst:
    """A peildatum under the Wlz: the rule's Wlz text (its regelset for the peildatum), with the same answer fields."""
    regelset = regelset_op(onderwerp, invoer.peildatum)
    uitkomst = functie(invoer, regelset)
    return AanspraakUitkomst.model_validate(
        {
            "regel": regel.naam,
            "regeling": str(regelingen()[regelset.definitie["regelingen"][0]]["naam"]),
            "artikel": regel.wlz_artikel or regel.artikel,
            "peildatum": invoer.peildatum.isoformat(),
            "versie": regelset.versie,
            "versie_gebruikt": wlz_versie(regelset),
            **uitkomst.velden,
            "bron": uitkomst.bron,
            "opmerkingen": [*uitkomst.opmerkingen, *regelset.waarschuwingen(invoer.peildatum)],
            "leeg_betekent": uitkomst.leeg_betekent,
            "toelichting": uitkomst.uitleg.als_lijst(invoer.peildatum),
            "ruleset": regelset.ontvangstbewijs.als_dict(),
        }
    )


def _type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " | ".join(_type(s) for s in schema["anyOf"])
    if "enum" in schema:
        return " | ".join(str(x) for x in schema["enum"])
    if schema.get("type") == "array":
        return f"lijst van {_type(schema.get('items', {}))}"
    if schema.get("format") == "date":
        return "datum"
    namen = {"string": "tekst", "number": "getal", "integer": "geheel getal", "boolean": "ja/nee", "null": "leeg"}
    return namen.get(str(schema.get("type")), "object")


def _soort(schema: dict[str, Any]) -> tuple[str, list[str]]:
    """A form control for a field: datum, ja_nee, getal, geheel_getal, tekst, keuze or meerkeuze (with the options)."""
    varianten = [s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"]
    s = varianten[0] if varianten else schema
    if s.get("type") == "array":
        return "meerkeuze", [str(x) for x in s.get("items", {}).get("enum", [])]
    if "enum" in s:
        return "keuze", [str(x) for x in s["enum"]]
    if s.get("format") == "date":
        return "datum", []
    soorten = {"boolean": "ja_nee", "number": "getal", "integer": "geheel_getal"}
    return soorten.get(str(s.get("type")), "tekst"), []


def genoemde_profielen(regel: Regel) -> list[str]:
    """The zorgzwaartepakketten a rule's own parameters name (e.g. the list of art. 1a lid 2 onder a), in order."""
    nummers = {a.split()[0] for a in regel.artikelen}
    codes: list[str] = []
    for w in regelsets("aanspraken")[-1].tabel("regeling_zorgaanspraken.yaml")["waarden"].values():
        artikelen = {str(v["artikel"] or "") for v in w["verwijzingen"]}
        if not any(re.fullmatch(rf"art\. {re.escape(a)}", x) for a in nummers for x in artikelen):
            continue
        waarde = w.get("waarde")
        for x in waarde if isinstance(waarde, list) else [waarde]:
            z = zoek_zzp(x) if isinstance(x, str) else None
            if z is not None and z.code not in codes:
                codes.append(z.code)
    return codes


def _omschrijving(veld: str, tekst: str | None, regel: Regel) -> str | None:
    """A field's help text; the peildatum (shared by every rule) names the article of the rule it chooses."""
    if veld != "peildatum" or not tekst:
        return tekst
    wlz = f"; vanaf 2015 {regel.wlz_artikel}" if regel.wlz_artikel else ""
    return f"{tekst} ({regel.artikel}{wlz})"


def lijst_regels() -> list[AanspraakRegel]:
    """Every rule with its article, input and output fields, the periods it is in force and the versions."""
    alle = regelsets("aanspraken")
    uit = []
    for regel in REGELS.values():
        schema = regel.invoer.model_json_schema()
        verplicht = set(schema.get("required", []))
        velden = []
        for veld, s in schema["properties"].items():
            titel = s.get("title") or veld
            kolommen: list[dict[str, Any]] = []
            ref = s.get("$ref") or s.get("items", {}).get("$ref")
            definitie = schema["$defs"][ref.split("/")[-1]] if ref else {}
            if s.get("type") == "array" and "properties" in definitie:  # a list of rows (rolstoel: wijzigingen)
                rij = definitie
                kolommen = [
                    {
                        "veld": k,
                        "titel": ks.get("title") or k,
                        "soort": _soort(ks)[0],
                        "verplicht": k in rij.get("required", []),
                        "omschrijving": ks.get("description"),
                    }
                    for k, ks in rij["properties"].items()
                ]
            elif ref:
                s = {**s, **definitie}
            soort, keuzes = ("rijen", []) if kolommen else _soort(s)
            velden.append(
                {
                    "veld": veld,
                    "titel": titel,
                    "type": _type(s),
                    "soort": soort,
                    "keuzes": keuzes,
                    "keuze_teksten": {k: KEUZETEKSTEN.get(veld, {}).get(k, k.replace("_", " ")) for k in keuzes},
                    "verplicht": veld in verplicht,
                    "omschrijving": _omschrijving(veld, s.get("description"), regel),
                    "kolommen": kolommen,
                    "rij_titel": RIJTITELS.get(veld) if kolommen else None,
                }
            )
        perioden = []
        for a in regel.artikelen:
            a_van, a_tot = artikel_perioden(a)
            perioden.append({"artikel": a, "van": a_van.isoformat(), "tot": a_tot.isoformat()})
        van = max(date.fromisoformat(p["van"]) for p in perioden)
        tot = min(date.fromisoformat(p["tot"]) for p in perioden)
        uit.append(
            AanspraakRegel.model_validate(
                {
                    "naam": regel.naam,
                    "titel": REGELTITELS.get(regel.naam, regel.naam.replace("_", " ").capitalize()),
                    "artikel": regel.artikel,
                    "invoer": velden,
                    "uitvoer": list(regel.uitvoer),
                    "uitvoer_titels": {
                        k: UITVOERTITELS.get(k, k.replace("_", " ").capitalize()) for k in regel.uitvoer
                    },
                    "in_werking": {"van": van.isoformat(), "tot": tot.isoformat()},
                    "perioden": perioden,
                    "profielen": genoemde_profielen(regel),
                    "versies": [
                        v.versie for v in alle if v.geldig_van <= tot and (v.geldig_tot is None or v.geldig_tot >= van)
                    ],
                    "wlz_artikel": regel.wlz_artikel,
                    "wlz_versies": wlz_versies(regel),
                }
            )
        )
    return uit
