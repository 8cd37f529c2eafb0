"""Wat als (zorgkantoor, beheerder): a variant of the rules over the region's current decisions or an uploaded
population; shifts per klasse/ZZP with a chart, money per month, changed clients (audited when opened), CSV and
PDF (docs/wat-als.md)."""

from typing import Any

import polars as pl
from fastapi import APIRouter
from fastapi.responses import Response
from starlette.datastructures import UploadFile

from zorgzwaarte.batch.indicatie import als_tabel, lees_bytes
from zorgzwaarte.batch.wat_als import lees_tarieven
from zorgzwaarte.diensten.varianten import variant_samenvatting, variant_uit_tekst, voorbeeldvarianten
from zorgzwaarte.diensten.wat_als import client_wat_als, regio_populatie, wat_als_toegang
from zorgzwaarte.diensten.werkeenheid import vandaag_nl
from zorgzwaarte.fouten import Fout, InvoerFout, NietGevonden, leesfout
from zorgzwaarte.rapporten.wat_als import UITKOMST_NAMEN, grafieken, wat_als_pdf
from zorgzwaarte.web import wat_als_runs
from zorgzwaarte.web.afhankelijkheden import Form, Formulier, Ingelogd, Scherm, WebFout, WebId

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
        raise InvoerFout.een(veld, leesfout(exc, "tabel")) from None


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
    """Check the variant and the population, then start the run (wat_als_runs): the page shows its progress and,
    when done, the result with CSV and PDF of the stored result."""
    regio = scherm.doe(wat_als_toegang)
    fouten: list[Fout] = []
    tekst = form.een("variant")
    populatie = form.een("populatie", "regio" if regio else "upload")
    run_id, meta = None, None
    try:
        form.eis_csrf()
        tekst = await _variant_tekst(form)
        variant = variant_uit_tekst(tekst)
        tarieven = await _tabel(form, "tarieven", "Tarieven")
        tarief = lees_tarieven(tarieven) if tarieven is not None else None
        client_ids: dict[str, int] = {}
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
        extra = {"v": variant_samenvatting(variant), "variant_tekst": tekst, "client_ids": client_ids}
        run_id = wat_als_runs.start(scherm.wie.gebruiker_id, df, zm, variant, tarief, extra)
        meta = {"status": "bezig", "gedaan": 0, "totaal": df.height}  # just started: the page shows what it knows
    except InvoerFout as fout:
        fouten = fout.fouten
    return scherm.toon(
        "wat_als/wat_als.html",
        status=422 if fouten else 200,
        regio=regio, voorbeelden=voorbeeldvarianten(), variant=tekst, populatie=populatie, fouten=fouten,
        run_id=run_id, meta=meta,
    )  # fmt: skip


def _run(scherm: Scherm, run_id: str) -> dict[str, Any]:
    scherm.doe(wat_als_toegang)
    try:
        return wat_als_runs.status(run_id, scherm.wie.gebruiker_id)
    except NietGevonden as fout:
        raise WebFout(scherm, fout) from None


@router.get("/wat-als/runs/{run_id}")
def wat_als_run(scherm: Ingelogd, run_id: str) -> Response:
    """The run's progress (polled by the page), or its result once done."""
    meta = _run(scherm, run_id)
    if meta["status"] != "klaar":
        return scherm.toon("wat_als/voortgang.html", run_id=run_id, meta=meta)
    uit, tabel = wat_als_runs.uitkomst(run_id, scherm.wie.gebruiker_id)
    s = uit["s"]
    gewijzigd = tabel.filter(pl.col("gewijzigd")).head(MAX_GETOOND).to_dicts()
    for rij in gewijzigd:
        rij["client_id"] = uit["client_ids"].get(rij["id"])
    return scherm.toon(
        "wat_als/voortgang.html", run_id=run_id, meta=meta, s=s, v=uit["v"], grafieken=grafieken(s),
        namen=UITKOMST_NAMEN, gewijzigd=gewijzigd, max_getoond=MAX_GETOOND, variant=uit["variant_tekst"],
    )  # fmt: skip


@router.get("/wat-als/runs/{run_id}/wat_als.csv")
def wat_als_csv(scherm: Ingelogd, run_id: str) -> Response:
    """The full table of a finished run (as `batch wat-als --uit`), from the stored result."""
    _run(scherm, run_id)
    _, tabel = wat_als_runs.uitkomst(run_id, scherm.wie.gebruiker_id)
    return Response(
        tabel.write_csv(),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="wat_als.csv"'},
    )


@router.get("/wat-als/runs/{run_id}/wat_als.pdf")
def wat_als_pdf_download(scherm: Ingelogd, run_id: str) -> Response:
    """The PDF summary of a finished run, from the stored result."""
    _run(scherm, run_id)
    uit, _ = wat_als_runs.uitkomst(run_id, scherm.wie.gebruiker_id)
    return Response(
        wat_als_pdf(uit["s"], uit["v"], vandaag_nl(scherm.nu())),
        media_type="application/pdf",
        headers={"content-disposition": 'attachment; filename="wat_als.pdf"'},
    )


@router.post("/wat-als/clienten/{client_id}")
async def wat_als_client(scherm: Ingelogd, form: Form, client_id: WebId) -> Response:
    """One changed client opened: the decision now and with the variant, each with its trail (audited)."""
    try:
        form.eis_csrf()
        variant = variant_uit_tekst(form.een("variant"))
    except InvoerFout as fout:
        return scherm.toon("fout.html", status=422, melding="; ".join(f.melding for f in fout.fouten))
    c = scherm.doe(client_wat_als, client_id, variant)
    return scherm.toon("wat_als/client.html", c=c, variant=form.een("variant"))
