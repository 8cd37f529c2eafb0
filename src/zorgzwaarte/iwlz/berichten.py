"""iWlz 2.2 messages: build IO31, AW33, AW35, AW39 (lxml) and read IO31 and the retour messages AW34/AW36/AW310.

Namespaces follow the schemas: a message's own elements are in its namespace (e.g. .../io31/schema); the children
of the shared composite types (CDT_*: naam, geboortedatum, adres, bericht-identificatie) are in the basisschema
namespace. Header constants (BerichtCode, BerichtVersie 5, BerichtSubversie 2, XSD versions 1.0.0) come from
the iWlz 2.2 release (iWlz2.2-v1.0).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import Any

import yaml
from lxml import etree

from zorgzwaarte.fouten import InvoerFout

BASIS = "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema"
BERICHTCODE = {"io31": "388", "aw33": "352", "aw34": "353", "aw35": "354", "aw36": "355", "aw39": "358", "aw310": "359"}
BERICHTVERSIE, BERICHTSUBVERSIE, XSDVERSIE = "5", "2", "1.0.0"
FINANCIERING = {"Wlz": "1", "AWBZ": "4"}  # LDT_Financiering: 1 Wlz, 4 Anders (AWBZ is not Wlz)
LEVERINGSVORM = {"verblijf": "4", "vpt": "5", "mpt": "7", "pgb": "2"}
GROEPSFUNCTIES = ("64", "82")  # behandeling and begeleiding groep (LDT_FunctieCode)
# iWlz business rule TR046: the leveringsstatus a mutatiecode allows. 12 (niet nu) -> 5 einde zorgvraag (3 would
# need a classification nobody gave); 17/19/21 -> 5; 18 (aanbieder kan nog niet) and 20 (beëindigd, toewijzing
# aanhouden) -> 2 wacht op voorkeur, which needs a LeveringsstatusClassificatie 13-19 (CD090, CS131)
LEVERINGSSTATUS_BIJ_MUTATIE = {"12": "5", "17": "5", "18": "2", "19": "5", "20": "2", "21": "5"}
FUNCTIE_UIT_CODE = {"31": "PV", "41": "VP", "63": "BH-IND", "64": "BH-GRP", "71": "KVB", "81": "BG-IND", "82": "BG-GRP"}


def ns(bericht: str) -> str:
    return f"http://www.istandaarden.nl/iwlz/2_2/{bericht}/schema"


@cache
def codes() -> dict[str, dict[str, str]]:
    data = yaml.safe_load(resources.files("zorgzwaarte.iwlz").joinpath("codes.yaml").read_bytes())
    return {k: {str(c): str(o) for c, o in v.items()} for k, v in data.items()}


def omschrijving(lijst: str, code: str) -> str:
    return codes().get(lijst, {}).get(code, "onbekende code")


# --- building ---------------------------------------------------------------------------------------------------


class Bouwer:
    """Tiny helper: elements in the message namespace unless told otherwise."""

    def __init__(self, bericht: str) -> None:
        self.bericht = bericht
        self.m = ns(bericht)
        self.root = etree.Element(f"{{{self.m}}}Bericht", nsmap={bericht: self.m, "iwlz": BASIS})

    def el(
        self, ouder: etree._Element, naam: str, tekst: str | int | None = None, basis: bool = False
    ) -> etree._Element:
        e = etree.SubElement(ouder, f"{{{BASIS if basis else self.m}}}{naam}")
        if tekst is not None:
            e.text = str(tekst)
        return e

    def opt(self, ouder: etree._Element, naam: str, tekst: Any, basis: bool = False) -> None:
        if tekst not in (None, ""):
            self.el(ouder, naam, tekst, basis)

    def xml(self) -> bytes:
        inhoud: bytes = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        return inhoud


@dataclass(frozen=True)
class Kop:
    """Header fields (the CLI and API fill them; see docs/iwlz.md)."""

    ontvanger: str
    identificatie: str
    dagtekening: date
    afzender: str | None = None


def meerzorg_code(verblijf: bool, zzp: dict[str, Any]) -> str | None:
    """LDT_JaNee for "meerzorg zou van toepassing kunnen zijn" (IO31 Meerzorg, Indicatieregister meerzorg, both
    optional): only for a decision with verblijf and only where the decision knows the answer. A GGZ-W profile
    without a profile text does not (meerzorg_mogelijk None): nothing is sent, never a guessed "2" (nee)."""
    mogelijk = zzp.get("meerzorg_mogelijk")
    if not verblijf or mogelijk is None:
        return None
    return "1" if mogelijk else "2"


def berichtidentificatie(*delen: Any) -> str:
    """A stable identification of at most 12 characters: 'ZZ' + 10 hex digits of a hash of the content."""
    h = hashlib.sha256("|".join(str(d) for d in delen).encode()).hexdigest()[:10].upper()
    return f"ZZ{h}"


def _header(b: Bouwer, kop: Kop) -> None:
    h = b.el(b.root, "Header")
    b.el(h, "BerichtCode", BERICHTCODE[b.bericht])
    b.el(h, "BerichtVersie", BERICHTVERSIE)
    b.el(h, "BerichtSubversie", BERICHTSUBVERSIE)
    if kop.afzender is not None:
        b.el(h, "Afzender", kop.afzender)
    b.el(h, "Ontvanger", kop.ontvanger)
    bi = b.el(h, "BerichtIdentificatie")
    b.el(bi, "Identificatie", kop.identificatie, basis=True)
    b.el(bi, "Dagtekening", kop.dagtekening.isoformat(), basis=True)
    xv = b.el(h, "XsdVersie")
    b.el(xv, "BasisschemaXsdVersie", XSDVERSIE, basis=True)
    b.el(xv, "BerichtXsdVersie", XSDVERSIE, basis=True)


def _geboortedatum(b: Bouwer, ouder: etree._Element, datum: str) -> None:
    g = b.el(ouder, "Geboortedatum")
    b.el(g, "Datum", datum, basis=True)


def _naam(b: Bouwer, ouder: etree._Element, naam: dict[str, Any], volledig: bool) -> None:
    n = b.el(ouder, "Naam")
    gn = b.el(n, "Geslachtsnaam", basis=True)
    b.el(gn, "Achternaam", naam["geslachtsnaam"], basis=True)
    b.opt(gn, "Voorvoegsel", naam.get("voorvoegsel"), basis=True)
    b.opt(n, "Voornamen", naam.get("voornamen"), basis=True)
    letters = "".join(ch for ch in (naam.get("voorletters") or "") if ch.isalpha())[:6]
    b.opt(n, "Voorletters", letters, basis=True)
    if volledig:
        b.el(n, "NaamGebruik", naam.get("naamgebruik", "1"), basis=True)


def _client_volledig(b: Bouwer, ouder: etree._Element, client: dict[str, Any], aw33: bool = False) -> etree._Element:
    c = b.el(ouder, "Client")
    b.el(c, "Bsn", client["bsn"])
    b.el(c, "GeheimeClient", client.get("geheim", "2"))
    _geboortedatum(b, c, client["geboortedatum"])
    b.el(c, "Geslacht", client.get("geslacht", "0"))
    _naam(b, c, client["naam"], volledig=True)
    b.el(c, "Leefeenheid", client.get("leefeenheid", "9"))
    if aw33:
        b.el(c, "Partneropname", client.get("partneropname", "2"))
    cg = b.el(c, "Contactgegevens")
    contact = b.el(cg, "Contact")
    b.el(contact, "Soort", "01")
    adres = client.get("adres") or {}
    huisnr = "".join(ch for ch in str(adres.get("huisnummer") or "") if ch.isdigit())
    if not (huisnr and adres.get("postcode")):
        # iWlz business rule TR006: a Contact has a telephone number or an address with house number and postcode
        raise InvoerFout.een(
            "client.adres",
            "het adres van de cliënt is niet volledig: een iWlz-bericht vraagt huisnummer en postcode "
            "(bedrijfsregel TR006); vul het adres van de cliënt aan",
        )
    if adres:
        a = b.el(contact, "Adres")
        huis = b.el(a, "Huis", basis=True)
        b.el(huis, "Huisnummer", int(huisnr), basis=True)
        b.opt(a, "Postcode", adres.get("postcode"), basis=True)
        b.opt(a, "Straatnaam", (adres.get("straat") or "")[:24] or None, basis=True)
        b.opt(a, "Plaatsnaam", adres.get("woonplaats"), basis=True)
        b.el(a, "LandCode", "NL", basis=True)
    return c


def _indicatie(
    b: Bouwer,
    c: etree._Element,
    besluit: dict[str, Any],
    beoordeling: dict[str, Any],
    besluitnummer: int,
    toewijzing: dict[str, Any] | None = None,
) -> etree._Element:
    ind = b.el(c, "Indicatie")
    b.el(ind, "Besluitnummer", besluitnummer)
    b.el(ind, "Soort", "1")  # CIZ-indicatie
    grondslagen = besluit.get("grondslagen") or beoordeling.get("grondslagen") or []
    if grondslagen:
        gs = b.el(ind, "Grondslagen")
        b.el(gs, "Grondslag01", grondslagen[0], basis=True)
        if len(grondslagen) > 1:
            b.el(gs, "Grondslag02", grondslagen[1], basis=True)
    b.el(ind, "Afgiftedatum", besluit["besluitdatum"])
    b.el(ind, "Ingangsdatum", besluit["geldig_van"])
    b.opt(ind, "Einddatum", besluit.get("geldig_tot"))
    zzp = besluit.get("zzp") or {}
    if b.bericht == "io31":  # optional (minOccurs 0, no business rule asks for it): left out where unknown
        b.opt(ind, "Meerzorg", meerzorg_code(bool(besluit.get("verblijf")), zzp))
    beperkingen: dict[str, list[tuple[str, int]]] = {}
    for vraag, score in sorted((beoordeling.get("beperkingscores") or {}).items()):
        beperkingen.setdefault(str(int(vraag[:2])), []).append((vraag, score))
    if beperkingen:
        bp = b.el(ind, "Beperkingen")
        for categorie, scores in beperkingen.items():
            be = b.el(bp, "Beperking")
            b.el(be, "Categorie", categorie)
            bs = b.el(be, "BeperkingScores")
            for vraag, score in scores:
                s = b.el(bs, "BeperkingScore")
                b.el(s, "Vraag", vraag)
                b.el(s, "Score", score)
    financiering = FINANCIERING.get(besluit.get("stelsel", "AWBZ"), "4")
    functies = besluit.get("functies") or []
    if any(f["functie"] == "VP-TOEZICHT" for f in functies):
        # No correct encoding in iWlz 2.2 (docs/iwlz.md, tests/iwlz/test_io31.py): functiecode 41 only takes the
        # hour klassen K0-K7 (TR008; KD01-KD09 belong to 64/82), one line 41 per period (TR035, TR101), an Opslag
        # only on K7 (TR010). The toezicht in dagdelen (BIA 2014 bijlage 5 §5.4) comes beside the hours of
        # verpleging, so it is neither folded into them nor sent as a second line: the message is refused.
        raise InvoerFout.een(
            "beoordeling.toezicht_thuisbeademing",
            f"dit besluit kan niet als iWlz-bericht {b.bericht.upper()} worden verstuurd: het bevat verpleegkundig "
            "toezicht bij thuisbeademing in dagdelen (BIA 2014 bijlage 5 §5.4), en iWlz 2.2 kent voor verpleging "
            "alleen klassen in uren per week (bedrijfsregel TR008) en één regel verpleging tegelijk (TR035, TR101). "
            "Een bericht zonder het toezicht zou een onvolledig besluit doorgeven. Stuur het zorgkantoor daarom de "
            "besluitbrief (PDF, op de cliëntpagina bij dit besluit): die noemt het toezicht met het aantal dagdelen "
            "per week",
        )
    if functies:
        gf = b.el(ind, "GeindiceerdeFuncties")
        for f in functies:
            e = b.el(gf, "GeindiceerdeFunctie")
            b.el(e, "FunctieCode", f["functiecode"])
            b.el(e, "Ingangsdatum", f["ingangsdatum"])
            b.opt(e, "Einddatum", f.get("einddatum"))
            b.el(e, "Klasse", f["klasse_code"])
            b.el(e, "Leveringsvoorwaarde", "1")  # volgens afspraak op geplande tijden (zorg zonder verblijf)
            if f["functiecode"] in GROEPSFUNCTIES:
                vervoer = (beoordeling.get("dagdelen") or {}).get("vervoer")
                if vervoer is None:  # CD022 and CS107: with groepszorg, vervoer nodig (1) or niet nodig (2)
                    raise InvoerFout.een(
                        "beoordeling.dagdelen.vervoer",
                        "geef aan of vervoer nodig is voor de zorg in groepsverband (waar of onwaar); "
                        "een iWlz-bericht vraagt dat (bedrijfsregels CD022 en CS107)",
                    )
                b.el(e, "Vervoer", "1" if vervoer else "2")
            b.el(e, "Financiering", financiering)
    stoornissen = sorted((beoordeling.get("stoornisscores") or {}).items())
    if stoornissen:
        ss = b.el(ind, "StoornisScores")
        for vraag, score in stoornissen:
            s = b.el(ss, "StoornisScore")
            b.el(s, "Vraag", vraag)
            b.el(s, "Score", score)
    if toewijzing and b.bericht == "aw33" and not zzp and functies:
        tf = b.el(ind, "ToegewezenFuncties")
        for f in functies:
            e = b.el(tf, "ToegewezenFunctie")
            b.el(e, "FunctieCode", f["functiecode"])
            b.el(e, "Instelling", toewijzing["instelling"])
            b.el(e, "Zorgkantoor", toewijzing["zorgkantoor"])
            b.el(e, "Soort", "1")
            b.el(e, "Toewijzingsdatum", toewijzing["datum"])
            b.el(e, "Toewijzingstijd", toewijzing["tijd"])
            b.el(e, "Ingangsdatum", toewijzing["ingangsdatum"])
            # TR016: the toewijzing lies within the indication: without an own end, it ends with the function
            b.opt(e, "Einddatum", toewijzing.get("einddatum") or f.get("einddatum") or besluit.get("geldig_tot"))
            b.el(e, "Klasse", f["klasse_code"])
    if zzp.get("cod163"):
        gz = b.el(ind, "GeindiceerdeZorgzwaartepakketten")
        e = b.el(gz, "GeindiceerdZorgzwaartepakket")
        b.el(e, "ZzpCode", zzp["cod163"])
        b.el(e, "Ingangsdatum", besluit["geldig_van"])
        b.opt(e, "Einddatum", besluit.get("geldig_tot"))
        b.el(e, "Klasse", f"KE{besluit.get('etmalen_verblijf') or 7}")
        b.el(e, "Financiering", financiering)
        if toewijzing and b.bericht == "aw33":
            tz = b.el(ind, "ToegewezenZorgzwaartepakketten")
            t = b.el(tz, "ToegewezenZorgzwaartepakket")
            b.el(t, "ZzpCode", zzp["cod163"])
            b.el(t, "Instelling", toewijzing["instelling"])
            b.el(t, "Zorgkantoor", toewijzing["zorgkantoor"])
            b.el(t, "Soort", "1")
            b.el(t, "Toewijzingsdatum", toewijzing["datum"])
            b.el(t, "Toewijzingstijd", toewijzing["tijd"])
            lv = toewijzing["leveringsvorm"]
            if lv == LEVERINGSVORM["mpt"]:  # CD050: an mpt of a ZZP names its CoordinatorZorgThuis, unknown here
                raise InvoerFout.een(
                    "leveringsvorm",
                    "een modulair pakket thuis op een zorgzwaartepakket vraagt in het AW33-bericht de coördinator zorg "
                    "thuis (iWlz-bedrijfsregel CD050); die legt dit systeem niet vast, dus het bericht wordt niet gemaakt",
                )
            if lv != LEVERINGSVORM["pgb"]:
                b.el(t, "ToewijzingPercentage", "10000")  # CD040: the whole ZZP to this instelling (100,00 %)
            b.el(t, "Ingangsdatum", toewijzing["ingangsdatum"])
            # TR016: the toewijzing lies within the indication: without an own end, it ends with the indication
            b.opt(t, "Einddatum", toewijzing.get("einddatum") or besluit.get("geldig_tot"))
            if lv in (LEVERINGSVORM["verblijf"], LEVERINGSVORM["vpt"]):
                b.el(t, "Klasse", f"KE{besluit.get('etmalen_verblijf') or 7}")  # CD051
            b.el(t, "Leveringsvorm", lv)
            if lv in (LEVERINGSVORM["verblijf"], LEVERINGSVORM["vpt"]):
                b.el(t, "Dossierhouder", toewijzing["instelling"])  # CD073: the instelling the ZZP goes to
            if lv == LEVERINGSVORM["verblijf"]:
                b.el(t, "Opname", "1")  # CD052: verblijf means the client is admitted there
    return ind


def io31(
    kop: Kop, client: dict[str, Any], besluit: dict[str, Any], beoordeling: dict[str, Any], besluitnummer: int
) -> bytes:
    """IO31: indicatiebesluit from the indicatieorgaan to the zorgkantoor."""
    b = Bouwer("io31")
    _header(b, Kop(kop.ontvanger, kop.identificatie, kop.dagtekening))
    cl = b.el(b.root, "Clienten")
    c = _client_volledig(b, cl, client)
    _indicatie(b, c, besluit, beoordeling, besluitnummer)
    return b.xml()


def aw33(
    kop: Kop,
    client: dict[str, Any],
    besluit: dict[str, Any],
    beoordeling: dict[str, Any],
    besluitnummer: int,
    toewijzing: dict[str, Any],
) -> bytes:
    """AW33: toewijzing from the zorgkantoor to the zorgaanbieder (Afzender = zorgkantoor, Ontvanger = AGB)."""
    b = Bouwer("aw33")
    _header(b, kop)
    cl = b.el(b.root, "Clienten")
    c = _client_volledig(b, cl, client, aw33=True)
    _indicatie(b, c, besluit, beoordeling, besluitnummer, toewijzing)
    return b.xml()


def _client_kort(b: Bouwer, ouder: etree._Element, client: dict[str, Any]) -> etree._Element:
    c = b.el(ouder, "Client")
    b.el(c, "Bsn", client["bsn"])
    _geboortedatum(b, c, client["geboortedatum"])
    b.el(c, "Geslacht", client.get("geslacht", "0"))
    _naam(b, c, client["naam"], volledig=False)
    return c


def aw35(kop: Kop, client: dict[str, Any], levering: dict[str, Any]) -> bytes:
    """AW35: melding aanvang zorg from the zorgaanbieder to the zorgkantoor."""
    b = Bouwer("aw35")
    _header(b, kop)
    c = _client_kort(b, b.el(b.root, "Clienten"), client)
    if levering.get("zzp_cod163"):
        g = b.el(b.el(c, "GeleverdeZorgzwaartepakketten"), "GeleverdZorgzwaartepakket")
        b.el(g, "Besluitnummer", levering["besluitnummer"])
        b.el(g, "ZzpCode", levering["zzp_cod163"])
        b.el(g, "ToewijzingIngangsdatum", levering["toewijzing_ingangsdatum"])
        b.el(g, "Begindatum", levering["begindatum"])
        b.el(g, "Instelling", levering["instelling"])
        if levering["leveringsvorm"] in (LEVERINGSVORM["verblijf"], LEVERINGSVORM["vpt"]):
            b.el(g, "Klasse", levering["klasse"])  # CD051: etmalen per week with verblijf or vpt
        b.el(g, "Leveringsstatus", "4")  # in zorg
        b.el(g, "Leveringsvorm", levering["leveringsvorm"])
        b.el(g, "StatusAanlevering", "1")
    else:
        gf = b.el(c, "GeleverdeFuncties")
        for f in levering["functies"]:
            g = b.el(gf, "GeleverdeFunctie")
            b.el(g, "Besluitnummer", levering["besluitnummer"])
            b.el(g, "FunctieCode", f["functiecode"])
            b.el(g, "ToewijzingIngangsdatum", levering["toewijzing_ingangsdatum"])
            b.el(g, "Begindatum", levering["begindatum"])
            b.el(g, "Instelling", levering["instelling"])
            b.el(g, "Klasse", f["klasse_code"])
            b.el(g, "StatusAanlevering", "1")
    return b.xml()


def aw39(kop: Kop, client: dict[str, Any], mutatie: dict[str, Any]) -> bytes:
    """AW39: mutatie / einde zorg from the zorgaanbieder to the zorgkantoor (mutatiecode from LDT_MutatieCode)."""
    b = Bouwer("aw39")
    _header(b, kop)
    c = _client_kort(b, b.el(b.root, "Clienten"), client)
    if mutatie.get("zzp_cod163"):
        m = b.el(b.el(c, "MutatieZorgzwaartepakketten"), "MutatieZorgzwaartepakket")
        b.el(m, "Besluitnummer", mutatie["besluitnummer"])
        b.el(m, "ZzpCode", mutatie["zzp_cod163"])
        b.el(m, "ToewijzingIngangsdatum", mutatie["toewijzing_ingangsdatum"])
        b.opt(m, "Begindatum", mutatie.get("begindatum"))
        b.el(m, "Instelling", mutatie["instelling"])
        b.el(m, "Mutatiecode", mutatie["mutatiecode"])
        b.el(m, "Mutatiedatum", mutatie["mutatiedatum"])
        b.el(m, "Leveringsstatus", LEVERINGSSTATUS_BIJ_MUTATIE[mutatie["mutatiecode"]])
        b.opt(m, "LeveringsstatusClassificatie", mutatie.get("leveringsstatus_classificatie"))
        b.el(m, "Leveringsvorm", mutatie["leveringsvorm"])
        b.opt(m, "InstellingBestemming", mutatie.get("instelling_bestemming"))  # CD020: with 17 and 21 only
        b.el(m, "StatusAanlevering", "1")
    else:
        mf = b.el(c, "MutatieFuncties")
        for f in mutatie["functies"]:
            m = b.el(mf, "MutatieFunctie")
            b.el(m, "Besluitnummer", mutatie["besluitnummer"])
            b.el(m, "FunctieCode", f["functiecode"])
            b.el(m, "ToewijzingIngangsdatum", mutatie["toewijzing_ingangsdatum"])
            b.opt(m, "Begindatum", mutatie.get("begindatum"))
            b.el(m, "Instelling", mutatie["instelling"])
            b.el(m, "Mutatiecode", mutatie["mutatiecode"])
            b.el(m, "Mutatiedatum", mutatie["mutatiedatum"])
            b.opt(m, "InstellingBestemming", mutatie.get("instelling_bestemming"))  # CD020: with 17 and 21 only
            b.el(m, "StatusAanlevering", "1")
    return b.xml()


def tijd(moment: datetime) -> str:
    return moment.strftime("%H:%M:%S")
