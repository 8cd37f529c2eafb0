"""Reading iWlz messages: IO31 (indicatiebesluit) into the shapes `zorgzwaarte indiceer` uses, and the retour
messages AW34, AW36, AW310 with their retourcodes in Dutch.

Every invalid element is reported with its path; a message with any error yields nothing. When
ZORGZWAARTE_IWLZ_XSD points to a folder with the iWlz 2.2 XSDs, the message is also validated against them.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from lxml import etree
from stdnum.nl import bsn as stdnum_bsn

from zorgzwaarte.fouten import Fout, InvoerFout
from zorgzwaarte.iwlz.berichten import BASIS, BERICHTCODE, FUNCTIE_UIT_CODE, codes, ns, omschrijving
from zorgzwaarte.regels.profielen.catalogus import zoek_zzp

RETOUR = {
    "aw34": "AW34 (retour toewijzing)",
    "aw36": "AW36 (retour melding aanvang zorg)",
    "aw310": "AW310 (retour mutatie)",
}
GOEDGEKEURD = {"0200", "0233"}  # geen opmerking / niet beoordeeld


def pad(e: etree._Element) -> str:
    """The element's path from the root, with [n] where siblings share a name: /Bericht/Clienten/Client[2]/Bsn."""
    delen = []
    huidig: etree._Element | None = e
    while huidig is not None:
        naam = etree.QName(huidig).localname
        ouder = huidig.getparent()
        if ouder is not None:
            broers = [x for x in ouder if isinstance(x.tag, str) and etree.QName(x).localname == naam]
            if len(broers) > 1:
                naam += f"[{broers.index(huidig) + 1}]"
        delen.append(naam)
        huidig = ouder
    return "/" + "/".join(reversed(delen))


def parse(xml: bytes) -> etree._Element:
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        return etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        leeg = not xml.strip()
        raise InvoerFout.een(
            "bestand",
            "het bericht is leeg; verwacht een iWlz-bericht (XML)"
            if leeg
            else f"geen geldige XML (regel {exc.lineno}, kolom {exc.offset}): controleer of dit een iWlz-bericht is",
        ) from None


def xsd_fouten(xml: bytes, bericht: str) -> list[Fout]:
    """Validation against the official XSD when the schemas are available (ZORGZWAARTE_IWLZ_XSD)."""
    map_ = os.environ.get("ZORGZWAARTE_IWLZ_XSD")
    if not map_:
        return []
    bestand = Path(map_) / f"{bericht.upper()}.xsd"
    if not bestand.is_file():
        raise InvoerFout.een(
            "ZORGZWAARTE_IWLZ_XSD",
            f"het iWlz-schema {bestand.name} staat niet in de map {map_}; laat de beheerder ZORGZWAARTE_IWLZ_XSD "
            "instellen op de map met de iWlz 2.2-XSD's, of de variabele leeg laten",
        )
    schema = _schema(str(bestand))
    fouten: list[Fout] = [
        Fout(str(e.path or "/"), f"voldoet niet aan het iWlz-schema: {e.reason}") for e in schema.iter_errors(xml)
    ]
    return fouten


_SCHEMAS: dict[str, Any] = {}


def _schema(bestand: str) -> Any:
    import xmlschema

    if bestand not in _SCHEMAS:
        _SCHEMAS[bestand] = xmlschema.XMLSchema(bestand)
    return _SCHEMAS[bestand]


class Lezer:
    def __init__(self, root: etree._Element, bericht: str) -> None:
        self.root = root
        self.m = ns(bericht)
        self.fouten: list[Fout] = []

    def kind(self, e: etree._Element, naam: str, basis: bool = False) -> etree._Element | None:
        return e.find(f"{{{BASIS if basis else self.m}}}{naam}")

    def kinderen(self, e: etree._Element, naam: str) -> list[etree._Element]:
        return e.findall(f"{{{self.m}}}{naam}")

    def tekst(self, e: etree._Element | None, naam: str, verplicht: bool = True, basis: bool = False) -> str | None:
        if e is None:
            return None
        k = self.kind(e, naam, basis)
        if k is None or not (k.text or "").strip():
            if verplicht:
                self.fouten.append(Fout(f"{pad(e)}/{naam}", "verplicht element ontbreekt of is leeg"))
            return None
        return (k.text or "").strip()

    def code(
        self, e: etree._Element | None, naam: str, lijst: str, verplicht: bool = True, basis: bool = False
    ) -> str | None:
        waarde = self.tekst(e, naam, verplicht, basis)
        if waarde is not None and waarde not in codes()[lijst]:
            assert e is not None
            self.fouten.append(Fout(f"{pad(e)}/{naam}", f"'{waarde}' staat niet in de iWlz-codelijst {lijst}"))
            return None
        return waarde

    def datum(self, e: etree._Element | None, naam: str, verplicht: bool = True, basis: bool = False) -> str | None:
        waarde = self.tekst(e, naam, verplicht, basis)
        if waarde is None:
            return None
        try:
            return date.fromisoformat(waarde).isoformat()
        except ValueError:
            assert e is not None
            self.fouten.append(Fout(f"{pad(e)}/{naam}", f"'{waarde}' is geen geldige datum (JJJJ-MM-DD)"))
            return None


def io31_lezen(xml: bytes) -> dict[str, Any]:
    """Parse an IO31 message; raises InvoerFout with every invalid element and its path."""
    root = parse(xml)
    lz = Lezer(root, "io31")
    if root.tag != f"{{{lz.m}}}Bericht":
        raise InvoerFout.een(
            "/" + etree.QName(root).localname, f"dit is geen IO31-bericht (verwacht {{{lz.m}}}Bericht)"
        )
    lz.fouten.extend(xsd_fouten(xml, "io31"))
    header = lz.kind(root, "Header")
    if header is None:
        lz.fouten.append(Fout("/Bericht/Header", "verplicht element ontbreekt"))
    else:
        berichtcode = lz.tekst(header, "BerichtCode")
        if berichtcode and berichtcode != BERICHTCODE["io31"]:
            lz.fouten.append(Fout("/Bericht/Header/BerichtCode", f"'{berichtcode}' is niet 388 (IO31)"))
        lz.code(header, "Ontvanger", "LDT_ZorgkantoorCode")
    bi = lz.kind(header, "BerichtIdentificatie") if header is not None else None
    kop = {
        "ontvanger": lz.tekst(header, "Ontvanger", False) if header is not None else None,
        "identificatie": lz.tekst(bi, "Identificatie", True, basis=True) if bi is not None else None,
        "dagtekening": lz.datum(bi, "Dagtekening", True, basis=True) if bi is not None else None,
    }
    clienten_el = lz.kind(root, "Clienten")
    clienten = [] if clienten_el is None else lz.kinderen(clienten_el, "Client")
    if not clienten:
        lz.fouten.append(Fout("/Bericht/Clienten/Client", "het bericht bevat geen cliënt"))
    uit = [_client(lz, c) for c in clienten]
    if lz.fouten:
        raise InvoerFout(lz.fouten)
    eerste = uit[0]
    return {"bericht": "IO31", "header": kop, **eerste, "aantal_clienten": len(uit), "clienten": uit}


def _client(lz: Lezer, c: etree._Element) -> dict[str, Any]:
    bsn = lz.tekst(c, "Bsn")
    if bsn is not None and not (len(bsn) == 9 and stdnum_bsn.is_valid(bsn)):
        lz.fouten.append(Fout(f"{pad(c)}/Bsn", "dit BSN voldoet niet aan de 11-proef"))
    geb = lz.kind(c, "Geboortedatum")
    geboortedatum = lz.datum(geb, "Datum", basis=True) if geb is not None else None
    if geb is None:
        lz.fouten.append(Fout(f"{pad(c)}/Geboortedatum", "verplicht element ontbreekt"))
    naam_el = lz.kind(c, "Naam")
    naam: dict[str, Any] = {}
    if naam_el is None:
        lz.fouten.append(Fout(f"{pad(c)}/Naam", "verplicht element ontbreekt"))
    else:
        gn = lz.kind(naam_el, "Geslachtsnaam", basis=True)
        naam = {
            "geslachtsnaam": lz.tekst(gn, "Achternaam", basis=True) if gn is not None else None,
            "voorvoegsel": lz.tekst(gn, "Voorvoegsel", False, basis=True) if gn is not None else None,
            "voorletters": lz.tekst(naam_el, "Voorletters", False, basis=True),
            "voornamen": lz.tekst(naam_el, "Voornamen", False, basis=True),
        }
    client = {
        "bsn": bsn,
        "geboortedatum": geboortedatum,
        "geslacht": lz.code(c, "Geslacht", "LDT_Geslacht"),
        "naam": naam,
    }
    ind = lz.kind(c, "Indicatie")
    if ind is None:
        lz.fouten.append(Fout(f"{pad(c)}/Indicatie", "verplicht element ontbreekt"))
        return {"client": client}
    grondslagen = []
    gs = lz.kind(ind, "Grondslagen")
    if gs is not None:
        for n in ("Grondslag01", "Grondslag02"):
            g = lz.code(gs, n, "LDT_Grondslag", n == "Grondslag01", basis=True)
            if g:
                grondslagen.append(g)
    stoornisscores: dict[str, int] = {}
    ss = lz.kind(ind, "StoornisScores")
    for s in [] if ss is None else lz.kinderen(ss, "StoornisScore"):
        vraag, score = lz.code(s, "Vraag", "LDT_StoornisVraag"), lz.code(s, "Score", "LDT_StoornisScore")
        if vraag and score:
            stoornisscores[vraag] = int(score)
    beperkingscores: dict[str, int] = {}
    bp = lz.kind(ind, "Beperkingen")
    for b in [] if bp is None else lz.kinderen(bp, "Beperking"):
        lz.code(b, "Categorie", "LDT_BeperkingCategorie")
        bs = lz.kind(b, "BeperkingScores")
        for s in [] if bs is None else lz.kinderen(bs, "BeperkingScore"):
            vraag, score = lz.code(s, "Vraag", "LDT_BeperkingVraag"), lz.code(s, "Score", "LDT_BeperkingScore")
            if vraag and score:
                beperkingscores[vraag] = int(score)
    functies = []
    gf = lz.kind(ind, "GeindiceerdeFuncties")
    for f in [] if gf is None else lz.kinderen(gf, "GeindiceerdeFunctie"):
        code = lz.code(f, "FunctieCode", "LDT_FunctieCode")
        klasse_code = lz.code(f, "Klasse", "LDT_Klasse")
        functies.append(
            {
                "functie": FUNCTIE_UIT_CODE.get(code or "", code),
                "functiecode": code,
                "klasse_code": klasse_code,
                "klasse": _klasse_nummer(klasse_code),
                "ingangsdatum": lz.datum(f, "Ingangsdatum"),
                "einddatum": lz.datum(f, "Einddatum", False),
            }
        )
    zzps = []
    gz = lz.kind(ind, "GeindiceerdeZorgzwaartepakketten")
    for z in [] if gz is None else lz.kinderen(gz, "GeindiceerdZorgzwaartepakket"):
        cod163 = lz.code(z, "ZzpCode", "LDT_ZzpCode")
        eigen = zoek_zzp(cod163) if cod163 else None
        zzps.append(
            {
                "code": eigen.code if eigen else None,
                "cod163": cod163,
                "naam": omschrijving("LDT_ZzpCode", cod163 or ""),
                "ingangsdatum": lz.datum(z, "Ingangsdatum"),
                "einddatum": lz.datum(z, "Einddatum", False),
                "klasse_code": lz.code(z, "Klasse", "LDT_Klasse"),
            }
        )
    besluitnummer = lz.tekst(ind, "Besluitnummer")
    if besluitnummer is not None and not besluitnummer.isdigit():
        lz.fouten.append(Fout(f"{pad(ind)}/Besluitnummer", "moet een getal zijn"))
    meerzorg = lz.code(ind, "Meerzorg", "LDT_JaNee", False)
    return {
        "client": client,
        "grondslagen": grondslagen,
        "stoornisscores": stoornisscores,
        "beperkingscores": beperkingscores,
        "functies": functies,
        "zzp": zzps[0] if len(zzps) == 1 else (zzps or None),
        "indicatie": {
            "besluitnummer": int(besluitnummer) if besluitnummer and besluitnummer.isdigit() else None,
            "soort": lz.code(ind, "Soort", "LDT_SoortIndicatie"),
            "afgiftedatum": lz.datum(ind, "Afgiftedatum"),
            "ingangsdatum": lz.datum(ind, "Ingangsdatum"),
            "einddatum": lz.datum(ind, "Einddatum", False),
            "meerzorg": None if meerzorg is None else meerzorg == "1",
        },
    }


def _klasse_nummer(code: str | None) -> int | None:
    if not code or code == "99":
        return None
    cijfers = "".join(ch for ch in code if ch.isdigit())
    return int(cijfers) if cijfers else None


def retour_lezen(xml: bytes) -> dict[str, Any]:
    """AW34, AW36 or AW310: every retourcode with the element it belongs to, in Dutch."""
    root = parse(xml)
    bericht = next((b for b in RETOUR if root.tag == f"{{{ns(b)}}}Bericht"), None)
    if bericht is None:
        raise InvoerFout.een("/" + etree.QName(root).localname, "dit is geen AW34-, AW36- of AW310-retourbericht")
    fouten = xsd_fouten(xml, bericht)
    if fouten:
        raise InvoerFout(fouten)
    m = ns(bericht)
    header = root.find(f"{{{m}}}Header")
    codes_ = []
    for rc in root.iter(f"{{{m}}}RetourCode"):
        code = (rc.text or "").strip()
        lijst = rc.getparent()  # RetourCodes; the codes belong to its parent element
        element = lijst.getparent() if lijst is not None else None
        codes_.append(
            {
                "pad": pad(element if element is not None else rc),
                "code": code,
                "omschrijving": omschrijving("LDT_RetourCode", code),
            }
        )
    if header is None:
        raise InvoerFout.een("/Bericht/Header", "verplicht element ontbreekt")
    afgekeurd = [c for c in codes_ if c["code"] not in GOEDGEKEURD]
    return {
        "bericht": bericht.upper(),
        "omschrijving": RETOUR[bericht],
        "identificatie_retour": (header.findtext(f"{{{m}}}IdentificatieRetour") or "").strip() or None,
        "dagtekening_retour": (header.findtext(f"{{{m}}}DagtekeningRetour") or "").strip() or None,
        "retourcodes": codes_,
        "goedgekeurd": not afgekeurd,
        "samenvatting": "Bericht goedgekeurd"
        if not afgekeurd
        else f"{len(afgekeurd)} melding(en): " + "; ".join(f"{c['code']} {c['omschrijving']}" for c in afgekeurd[:5]),
    }
