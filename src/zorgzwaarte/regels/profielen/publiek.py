"""Plain-language explanation of every zorgzwaartepakket and Wlz zorgprofiel, for clients and families.

Everything is put together from the catalogue (``zzp_catalogus.yaml``) and the project's plain-language texts
(``zzp_uitleg.yaml``, each with its bron); nothing here is written per profile in code. Hours per week come
from the law where its text gives them (9a/9b VV), else from the administrator's supplement, shown as
indicative with its source, else "onbekend" with the reason.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, Literal

from zorgzwaarte.regels.datums import voluit
from zorgzwaarte.regels.profielen.catalogus import Zzp, zoek_zzp
from zorgzwaarte.regels.regelset import tabel_op, tekstbestand

UrenSoort = Literal["wet", "indicatief", "onbekend"]


@dataclass(frozen=True)
class Tekst:
    """A plain-language text and where it comes from."""

    tekst: str
    bron: str


@dataclass(frozen=True)
class Wettekst:
    naam: str
    adres: str


@dataclass(frozen=True)
class DomeinUitleg:
    domein: str
    kop: str
    voorbeeld: str
    niveau: float | None
    gewoon: str
    zin_regeling: str | None
    bron: str


@dataclass(frozen=True)
class UrenUitleg:
    soort: UrenSoort
    min: float | None
    max: float | None
    uitleg: str
    standing: str | None
    bron: str | None

    @property
    def tekst(self) -> str:
        if self.min is None or self.max is None:
            return "onbekend"
        if self.min == self.max:
            return f"gemiddeld {getal(self.min)} uur per week"
        return f"{getal(self.min)} tot {getal(self.max)} uur per week"


@dataclass(frozen=True)
class Gebeurtenis:
    datum: date | None
    tekst: str
    bron: str
    zie: tuple[str, ...] = ()
    zorgprofiel: str | None = None


@dataclass(frozen=True)
class ProfielUitleg:
    code: str
    code_lang: str
    naam: str
    sector: str
    sector_kop: str
    zorgprofiel_wlz: str | None
    samenvatting: tuple[Tekst, ...]
    inhoud: tuple[Tekst, ...]
    domeinen: tuple[DomeinUitleg, ...]
    uren: UrenUitleg
    meerzorg: tuple[Tekst, ...]
    meerzorg_mogelijk: bool
    pgb: Tekst
    pgb_mogelijk: bool | None
    wlz: Tekst
    wanneer: tuple[Gebeurtenis, ...]
    wetteksten: tuple[Wettekst, ...]
    profiel_bron: str

    def teksten(self) -> list[str]:
        """Every plain-language text on the page (for the readability check)."""
        uit = [t.tekst for t in (*self.samenvatting, *self.inhoud, *self.meerzorg, self.pgb, self.wlz)]
        uit += [d.gewoon for d in self.domeinen] + [d.voorbeeld for d in self.domeinen]
        uit += [g.tekst for g in self.wanneer] + [self.uren.uitleg]
        return uit


@dataclass(frozen=True)
class SectorGroep:
    sector: str
    kop: str
    uitleg: Tekst
    profielen: tuple[ProfielUitleg, ...]


@dataclass(frozen=True)
class DomeinVergelijking:
    domein: str
    kop: str
    a: DomeinUitleg
    b: DomeinUitleg
    verschil: str


@dataclass(frozen=True)
class Vergelijking:
    a: ProfielUitleg
    b: ProfielUitleg
    domeinen: tuple[DomeinVergelijking, ...]


def getal(x: float) -> str:
    """Dutch number: 25.5 -> '25,5', 18.0 -> '18'."""
    return (f"{x:.1f}".rstrip("0").rstrip(".")).replace(".", ",")


@cache
def teksten() -> dict[str, Any]:
    return tekstbestand("zzp_uitleg.yaml")


def _sector(sector: str) -> dict[str, Any]:
    for s in teksten()["sectoren"]:
        if s["sector"] == sector or sector in (s.get("ook") or ()):
            return dict(s)
    raise KeyError(sector)


def _wettekst(sleutel: str) -> Wettekst:
    w = teksten()["wetteksten"][sleutel]
    return Wettekst(w["naam"], w["adres"])


def _wetteksten(zzp: Zzp) -> tuple[Wettekst, ...]:
    bron = zzp.profiel_bron
    uit = []
    if "bijlage A" in bron:
        uit.append(_wettekst("rlz_bijlage_a"))
    if "bijlage F" in bron:
        uit.append(_wettekst("rlz_bijlage_f"))
    if "Regeling zorgaanspraken" in bron and "2012" in bron:
        uit.append(_wettekst("rza_2012"))
    if zzp.indiceerbaar_van is not None:
        uit.append(_wettekst("rza_2014"))
    return tuple(dict.fromkeys(uit))


def _domeinen(zzp: Zzp) -> tuple[DomeinUitleg, ...]:
    t = teksten()
    uit = []
    for naam, d in t["domeinen"].items():
        niveau = zzp.domeinen.get(naam)
        if niveau is not None and niveau.niveau is not None:
            gewoon = t["niveaus"][d["soort"]][float(niveau.niveau)]
            uit.append(DomeinUitleg(naam, d["kop"], d["voorbeeld"], niveau.niveau, gewoon, niveau.zin, niveau.bron))
        else:
            zin = niveau.zin if niveau else None
            gewoon = t["niveaus"]["onbekend" if zzp.indiceerbaar_van else "geen_profiel"]
            uit.append(DomeinUitleg(naam, d["kop"], d["voorbeeld"], None, gewoon, zin, zzp.profiel_bron))
    return tuple(uit)


def _samenvatting(zzp: Zzp, sector: dict[str, Any], domeinen: tuple[DomeinUitleg, ...]) -> tuple[Tekst, ...]:
    t = teksten()
    uit = [Tekst(f"{sector['tekst']}", sector["bron"])]
    grond = [t["grondslagen"][g] for g in zzp.dominante_grondslagen if g in t["grondslagen"]]
    if grond and zzp.profiel_bekend:
        uit.append(Tekst(f"De oorzaak is meestal {_opsomming(grond, 'of')}.", t["grondslagen_bron"]))
    for v in zzp.voorwaarden:
        if v in t["voorwaarden"]:
            uit.append(Tekst(t["voorwaarden"][v]["tekst"], t_voorwaarde_bron(v)))
    doelen = [t["doelen"][d] for d in zzp.begeleidingsdoelen if d in t["doelen"]]
    if doelen:
        uit.append(Tekst(f"Het doel is meestal: {_opsomming(doelen, 'of')}.", zzp.profiel_bron))
    kort = {k: v["kort"] for k, v in t["domeinen"].items()}
    veel = [kort[d.domein] for d in domeinen if d.niveau is not None and d.niveau >= 2.5 and d.domein in _HULP]
    if veel:
        uit.append(Tekst(f"U heeft veel hulp nodig bij {_opsomming(veel, 'en')}.", zzp.profiel_bron))
    return tuple(uit)


_HULP = ("sociale_redzaamheid", "psychosociaal_cognitief", "adl", "mobiliteit")


def t_voorwaarde_bron(voorwaarde: str) -> str:
    bronnen: dict[str, str] = tabel_op("zzp_catalogus.yaml")["voorwaarden_bron"]["waarde"]
    return bronnen.get(voorwaarde, "Regeling zorgaanspraken AWBZ bijlage 2")


def _opsomming(woorden: list[str], voegwoord: str) -> str:
    if len(woorden) == 1:
        return woorden[0]
    return f"{', '.join(woorden[:-1])} {voegwoord} {woorden[-1]}"


@cache
def _ruw(code: str) -> dict[str, Any]:
    for z in tabel_op("zzp_catalogus.yaml")["zzp"]["waarde"]:
        if z["code"] == code:
            return dict(z)
    raise KeyError(code)


def _inhoud(zzp: Zzp, sector: dict[str, Any]) -> tuple[Tekst, ...]:
    t = teksten()
    i = t["inhoud"]
    uit = [Tekst(t["verblijf"]["tekst"], t["verblijf"]["bron"])]
    ruw = _ruw(zzp.code)
    functies = ruw.get("functies")
    uren = ruw.get("uren_per_week") or {}
    if functies:
        bron = uren.get("bron") or zzp.profiel_bron
        delen = [
            f"{i['wet']['functies'][f]}: {i['wet']['ja'] if aan else i['wet']['nee']}." for f, aan in functies.items()
        ]
        uit.append(Tekst(f"{i['wet']['tekst']} {' '.join(delen)}", bron))
        if "dagbesteding" in str(uren.get("tekst_in_bron", "")).lower():
            uit.append(Tekst(i["wet"]["dagbesteding"], bron))
        uit.append(Tekst(i["wet"]["behandeling"], bron))
    elif "behandel" in zzp.naam.lower():
        uit.append(Tekst(i["naam_behandeling"]["tekst"], zzp.profiel_bron))
    elif sector.get("behandeling") in ("met", "zonder"):
        uit.append(Tekst(i[f"sector_{sector['behandeling']}"]["tekst"], sector["bron"]))
    else:
        uit.append(Tekst(i["onbekend"]["tekst"], zzp.profiel_bron))
    return tuple(uit)


def _aanvulling_uren(zzp: Zzp, items: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The newest supplement entry with hours for this ZZP (by geldig_van), if any."""
    kandidaten = [i for i in items if i["code"] == zzp.code and i.get("uren_per_week")]
    return max(kandidaten, key=lambda i: str(i["geldig_van"])) if kandidaten else None


def uren_uitleg(zzp: Zzp, aanvulling: list[dict[str, Any]]) -> UrenUitleg:
    """Hours per week: from the law text, else the administrator's figure (indicative), else 'onbekend' and why."""
    t = teksten()["uren"]
    if zzp.uren_min is not None and zzp.uren_max is not None and zzp.uren_bron and "Aanvulling" not in zzp.uren_bron:
        return UrenUitleg("wet", zzp.uren_min, zzp.uren_max, t["wet"], None, zzp.uren_bron)
    item = _aanvulling_uren(zzp, aanvulling)
    if item is not None:
        u = item["uren_per_week"]
        periode = f"geldig vanaf {voluit(date.fromisoformat(str(item['geldig_van'])))}"
        if item.get("geldig_tot"):
            periode += f" tot en met {voluit(date.fromisoformat(str(item['geldig_tot'])))}"
        bron = f"Aanvulling beheerder: {item['bron']} ({periode})"
        return UrenUitleg(
            "indicatief",
            float(u["min"]),
            float(u["max"]),
            t["aanvulling_uitleg"],
            t["aanvulling"].format(bron=item["bron"]),
            bron,
        )
    reden = t["onbekend_afbeelding"] if zzp.indiceerbaar_van else t["onbekend_code"]
    return UrenUitleg("onbekend", None, None, reden, None, zzp.profiel_bron)


def _meerzorg(zzp: Zzp) -> tuple[tuple[Tekst, ...], bool]:
    t = teksten()["meerzorg"]
    if zzp.indiceerbaar_van is None:
        return (Tekst(t["onbekend"], zzp.meerzorg_bron),), False
    uit = [Tekst(t["onder_a"] if zzp.meerzorg_awbz else t["alleen_onder_b"], t["bron"])]
    if zzp.zorgprofiel_wlz:
        uit.append(Tekst(t["wlz_ja"] if zzp.meerzorg_wlz else t["wlz_nee"], zzp.meerzorg_bron))
    return tuple(uit), zzp.meerzorg_awbz


def _pgb(zzp: Zzp) -> tuple[Tekst, bool | None]:
    t = teksten()["pgb"]
    ruw = _ruw(zzp.code)["pgb"]
    if ruw.get("regel") == "onbekend" or not zzp.pgb_bron:
        return Tekst(t["onbekend"], zzp.pgb_bron or zzp.profiel_bron), None
    if zzp.pgb_mogelijk:
        return Tekst(t["ja"], zzp.pgb_bron), True
    tekst = t["nee"]
    if "eerder budgethouder" in str(ruw.get("regel") or ""):
        tekst += " " + t["eerder_budgethouder"]
    return Tekst(tekst, zzp.pgb_bron), False


def _wlz(zzp: Zzp) -> Tekst:
    t = teksten()["wlz"]
    if zzp.zorgprofiel_wlz:
        tekst = t["wel"]
        if zzp.wlz_tot:
            tekst += " " + t["tot"].format(datum=voluit(zzp.wlz_tot))
        return Tekst(tekst, zzp.wlz_bron or zzp.profiel_bron)
    return Tekst(t["geen"], t["geen_bron"])


def _wanneer(zzp: Zzp) -> tuple[Gebeurtenis, ...]:
    t = teksten()
    w = t["wanneer"]
    uit: list[Gebeurtenis] = []
    if zzp.indiceerbaar_van and zzp.indiceerbaar_tot:
        tekst = w["periode"].format(van=voluit(zzp.indiceerbaar_van), tot=voluit(zzp.indiceerbaar_tot))
        uit.append(Gebeurtenis(zzp.indiceerbaar_van, tekst, zzp.indiceerbaar_bron))
    elif zzp.indiceerbaar_van:
        uit.append(
            Gebeurtenis(
                zzp.indiceerbaar_van, w["periode_open"].format(van=voluit(zzp.indiceerbaar_van)), zzp.indiceerbaar_bron
            )
        )
    else:
        uit.append(Gebeurtenis(None, w["niet"], zzp.indiceerbaar_bron))
    for wijziging in t["wijzigingen"]:
        if zzp.code in wijziging["codes"]:
            datum = date.fromisoformat(str(wijziging["datum"]))
            uit.append(
                Gebeurtenis(
                    datum, " ".join(wijziging["tekst"].split()), wijziging["bron"], tuple(wijziging.get("zie") or ())
                )
            )
    if zzp.wlz_van:
        tekst = t["wlz"]["wel"]
        uit.append(Gebeurtenis(zzp.wlz_van, tekst, zzp.wlz_bron or zzp.profiel_bron, zorgprofiel=zzp.zorgprofiel_wlz))
        if zzp.wlz_tot:
            uit.append(Gebeurtenis(zzp.wlz_tot, t["wlz"]["tot"].format(datum=voluit(zzp.wlz_tot)), zzp.wlz_bron or ""))
    return tuple(sorted(uit, key=lambda g: g.datum or date.min))


def leg_uit(zzp: Zzp, aanvulling: list[dict[str, Any]] | None = None) -> ProfielUitleg:
    """The whole plain-language page of one profile, every text with its bron."""
    sector = _sector(zzp.sector)
    domeinen = _domeinen(zzp)
    meerzorg, meerzorg_mogelijk = _meerzorg(zzp)
    pgb, pgb_mogelijk = _pgb(zzp)
    return ProfielUitleg(
        code=zzp.code,
        code_lang=zzp.code_lang,
        naam=zzp.naam,
        sector=zzp.sector,
        sector_kop=sector["kop"],
        zorgprofiel_wlz=zzp.zorgprofiel_wlz,
        samenvatting=_samenvatting(zzp, sector, domeinen),
        inhoud=_inhoud(zzp, sector),
        domeinen=domeinen,
        uren=uren_uitleg(zzp, aanvulling or []),
        meerzorg=meerzorg,
        meerzorg_mogelijk=meerzorg_mogelijk,
        pgb=pgb,
        pgb_mogelijk=pgb_mogelijk,
        wlz=_wlz(zzp),
        wanneer=_wanneer(zzp),
        wetteksten=_wetteksten(zzp),
        profiel_bron=zzp.profiel_bron,
    )


def overzicht(uitleggen: list[ProfielUitleg]) -> list[SectorGroep]:
    """The profiles grouped by sector, in the order of the plain-language texts (VV, VG, LVG/SGLVG, ...)."""
    uit = []
    for s in teksten()["sectoren"]:
        sectoren = {s["sector"], *(s.get("ook") or ())}
        profielen = tuple(u for u in uitleggen if u.sector in sectoren)
        if profielen:
            uit.append(SectorGroep(s["sector"], s["kop"], Tekst(s["tekst"], s["bron"]), profielen))
    return uit


def _plat(tekst: str) -> str:
    zonder = unicodedata.normalize("NFKD", tekst.lower())
    return "".join(c for c in zonder if not unicodedata.combining(c))


def zoek(term: str, uitleggen: list[ProfielUitleg], lijst: list[Zzp] | None = None) -> list[ProfielUitleg]:
    """Profiles by code ('5VV', 'ZZP 5 VV', COD163) or by words (all words must occur in name, sector or text)."""
    term = term.strip()
    if not term:
        return []
    z = zoek_zzp(term, lijst)
    if z is not None:
        return [u for u in uitleggen if u.code == z.code]
    woorden = _plat(term).split()
    uit = []
    for u in uitleggen:
        tekst = _plat(" ".join([u.code, u.code_lang, u.naam, u.sector_kop, u.zorgprofiel_wlz or "", *u.teksten()]))
        if all(w in tekst for w in woorden):
            uit.append(u)
    return uit


def vergelijk(a: ProfielUitleg, b: ProfielUitleg) -> Vergelijking:
    """Two profiles side by side per domain, with the levels the profile texts give and what differs."""
    t = teksten()["vergelijk"]
    rijen = []
    for da, db in zip(a.domeinen, b.domeinen, strict=True):
        if da.niveau is None or db.niveau is None:
            verschil = t["onbekend"]
        elif da.niveau == db.niveau:
            verschil = t["gelijk"]
        else:
            soort = teksten()["domeinen"][da.domein]["soort"]
            verschil = t["meer"][soort].format(code=(a if da.niveau > db.niveau else b).code_lang)
        rijen.append(DomeinVergelijking(da.domein, da.kop, da, db, verschil))
    return Vergelijking(a, b, tuple(rijen))
