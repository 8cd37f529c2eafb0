"""Wat als (zorgkantoor, beheerder): a variant of the rules over the region's current decisions or an uploaded
population; shifts per klasse/ZZP with a chart, money per month, changed clients (audited when opened), CSV and
PDF (docs/wat-als.md)."""

from typing import Any

import polars as pl
from fastapi import APIRouter
from fastapi.responses import Response
from starlette.datastructures import UploadFile

from zorgzwaarte.batch.indicatie import als_tabel, lees_bytes
from zorgzwaarte.batch.wat_als import geldeffect, lees_tarieven, samenvatting, wat_als_tabel
from zorgzwaarte.diensten.varianten import variant_samenvatting, variant_uit_tekst, voorbeeldvarianten
from zorgzwaarte.diensten.wat_als import client_wat_als, regio_populatie, wat_als_toegang
from zorgzwaarte.fouten import Fout, InvoerFout
from zorgzwaarte.rapporten.wat_als import UITKOMST_NAMEN, grafieken, wat_als_pdf
from zorgzwaarte.web.afhankelijkheden import Form, Formulier, Ingelogd

router = APIRouter(include_in_schema=False)
MAX_GETOOND = 200  # changed rows listed on the page; the CSV has them all


async def _bestand(form: Formulier, naam: str) -> tuple[bytes, str]:
    bestand = form.bestanden.get(naam)
    if isinstance(bestand, UploadFile):
        return await bestand.read(), bestand.filename or ""
    return b"", ""


async def _tabel(form: Formulier, naam: str, veld: str) -> pl.DataFrame | None:
    inhoud, bestandsnaam = await _bestand(form, naam)
    if not inhoud:
        return None
    try:
        return lees_bytes(inhoud, bestandsnaam)
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise InvoerFout.een(veld, f"tabel kan niet worden gelezen ({exc.__class__.__name__})") from None


async def _variant_tekst(form: Formulier) -> str:
    inhoud, _ = await _bestand(form, "variant_bestand")
    if inhoud:
        try:
            return inhoud.decode("utf-8")
        except UnicodeDecodeError:
            raise InvoerFout.een("Variantbestand", "het variantbestand is geen tekst (UTF-8)") from None
    tekst = form.een("variant")
    if not tekst:
        raise InvoerFout.een("Variant", "kies een voorbeeld, plak een variant of kies een bestand")
    return tekst


@router.get("/wat-als")
def wat_als_pagina(scherm: Ingelogd) -> Response:
    """The form: a variant (example, pasted or uploaded) and a population (region or upload)."""
    regio = scherm.doe(wat_als_toegang)
    voorbeelden = voorbeeldvarianten()
    return scherm.toon(
        "wat_als/wat_als.html", regio=regio, voorbeelden=voorbeelden, variant=next(iter(voorbeelden.values())),
        populatie="regio" if regio else "upload", fouten=[], s=None,
    )  # fmt: skip


@router.post("/wat-als")
async def wat_als_doorrekenen(scherm: Ingelogd, form: Form) -> Response:
    """Run the variant; `uitvoer=csv` or `uitvoer=pdf` downloads instead of showing the page."""
    regio = scherm.doe(wat_als_toegang)
    fouten: list[Fout] = []
    s: dict[str, Any] | None = None
    v: dict[str, Any] | None = None
    tabel: pl.DataFrame | None = None
    tekst = form.een("variant")
    populatie = form.een("populatie", "regio" if regio else "upload")
    client_ids: dict[str, int] = {}
    try:
        form.eis_csrf()
        tekst = await _variant_tekst(form)
        variant = variant_uit_tekst(tekst)
        tarieven = await _tabel(form, "tarieven", "Tarieven")
        if populatie == "regio":
            rijen = scherm.doe(regio_populatie)
            if not rijen:
                raise InvoerFout.een("Populatie", "er zijn geen geldende besluiten met een beoordeling in uw regio")
            df, regio_zm = als_tabel([invoer for _, invoer in rijen])
            zm: pl.DataFrame | None = regio_zm
            client_ids = {str(i): cid for i, (cid, _) in enumerate(rijen)}
        else:
            upload = await _tabel(form, "populatie_bestand", "Beoordelingen")
            if upload is None:
                raise InvoerFout.een("Beoordelingen", "kies een tabel met beoordelingen (CSV of Parquet)")
            df = upload
            for kolom in ("id", "peildatum", "geboortedatum", "grondslagen"):
                if kolom not in df.columns:
                    raise InvoerFout.een("Beoordelingen", f"verplichte kolom '{kolom}' ontbreekt")
            zm = await _tabel(form, "zorgmomenten", "Zorgmomenten")
        tabel, onder = wat_als_tabel(df, zm, variant)
        s = samenvatting(tabel, variant, onder)
        if tarieven is not None:
            s["geld"] = geldeffect(tabel, lees_tarieven(tarieven))
        v = variant_samenvatting(variant)
    except InvoerFout as fout:
        fouten = fout.fouten
    if s is not None and v is not None and tabel is not None:
        if form.een("uitvoer") == "csv":
            return Response(
                tabel.write_csv(),
                media_type="text/csv; charset=utf-8",
                headers={"content-disposition": 'attachment; filename="wat_als.csv"'},
            )
        if form.een("uitvoer") == "pdf":
            return Response(
                wat_als_pdf(s, v, scherm.nu().date()),
                media_type="application/pdf",
                headers={"content-disposition": 'attachment; filename="wat_als.pdf"'},
            )
    gewijzigd = tabel.filter(pl.col("gewijzigd")).head(MAX_GETOOND).to_dicts() if tabel is not None and s else []
    for rij in gewijzigd:
        rij["client_id"] = client_ids.get(rij["id"])
    return scherm.toon(
        "wat_als/wat_als.html",
        status=422 if fouten else 200,
        regio=regio, voorbeelden=voorbeeldvarianten(), variant=tekst, populatie=populatie, fouten=fouten,
        s=s, v=v, grafieken=grafieken(s) if s else {}, namen=UITKOMST_NAMEN, gewijzigd=gewijzigd,
        max_getoond=MAX_GETOOND,
    )  # fmt: skip


@router.post("/wat-als/clienten/{client_id}")
async def wat_als_client(scherm: Ingelogd, form: Form, client_id: int) -> Response:
    """One changed client opened: the decision now and with the variant, each with its trail (audited)."""
    try:
        form.eis_csrf()
        variant = variant_uit_tekst(form.een("variant"))
    except InvoerFout as fout:
        return scherm.toon("fout.html", status=422, melding="; ".join(f.melding for f in fout.fouten))
    c = scherm.doe(client_wat_als, client_id, variant)
    return scherm.toon("wat_als/client.html", c=c, variant=form.een("variant"))
