"""Rulesets and the one way in to the dated parameters.

The peildatum selects the regelset (``regelset_op``); the regelset reads its parameter files
(``regels/parameters/*.yaml``) and gives every parameter the value in force on the peildatum
(``Regelset.tabel``). This module is the only code that reads those files: a test fails on any other read.

Schema of a parameter file (docs/architectuur.md, "Parameters"): a tree of groups; a *parameter* is a mapping
with ``waarden`` (date -> value, a later date replaces an earlier one, ``null`` means vervallen) and ``bron``
(a list of verwijzingen: ``regeling`` = a key of ``bronnen.yaml``, ``artikel``, optional ``lid``,
``onderdeel``, ``toelichting`` and ``versie``). A mapping with ``bron`` but without ``waarden`` cites a rule the
code applies (no figure). Top-level ``tabel`` and ``beschrijving`` describe the file.

Read for a peildatum every parameter becomes ``{"waarde", "bron", "verwijzingen", "geldig_van", "geldig_tot"}``:
the value, the article in words, the structured verwijzingen with their wetten.overheid.nl address, and the
period of that value. The receipt hash covers exactly what the regelset reads: its definition in
``regelsets.yaml`` and the resolved parameters of its files on its peildatum (canonical JSON).
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

import yaml

from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.datums import binnen, voluit
from zorgzwaarte.regels.uitleg import Ontvangstbewijs

PAKKET = "zorgzwaarte.regels.parameters"
METADATA = ("tabel", "beschrijving")
TEKSTBESTANDEN = ("zzp_uitleg.yaml",)  # texts, not parameters: read whole with ``tekstbestand``
VERWIJZING_VELDEN = ("regeling", "artikel", "lid", "onderdeel", "toelichting", "versie")


class ParameterFout(ValueError):
    """A parameter file does not follow the schema (a programming error, found by the tests)."""


@cache
def _lees(bestand: str) -> dict[str, Any]:
    data = yaml.safe_load(resources.files(PAKKET).joinpath(bestand).read_bytes())
    if not isinstance(data, dict):
        raise ParameterFout(f"parameterbestand {bestand} is geen tabel")
    return data


def _datum(waarde: Any, waar: str) -> date:
    try:
        return date.fromisoformat(str(waarde))
    except ValueError as e:
        raise ParameterFout(f"{waar}: '{waarde}' is geen datum (JJJJ-MM-DD)") from e


# --- bronnen: the regelingen, each once -------------------------------------------------------------------------


@cache
def regelingen() -> dict[str, dict[str, Any]]:
    """Key -> {naam, bwb, versie} of every regeling the parameters cite (``bronnen.yaml``)."""
    return _lees("bronnen.yaml")


def wetten_adres(bwb: str, versie: str) -> str:
    """The wetten.overheid.nl address of one version of a regeling."""
    return f"https://wetten.overheid.nl/{bwb}/{versie}"


def verwijzing(ruw: dict[str, Any], waar: str = "") -> dict[str, Any]:
    """A structured verwijzing completed from the regeling: naam, BWBR-id, versie, address and the text in words."""
    onbekend = set(ruw) - set(VERWIJZING_VELDEN)
    if onbekend or "regeling" not in ruw:
        raise ParameterFout(f"{waar}: verwijzing met onbekende velden {sorted(onbekend)} of zonder regeling")
    regs = regelingen()
    if ruw["regeling"] not in regs:
        raise ParameterFout(f"{waar}: regeling '{ruw['regeling']}' staat niet in bronnen.yaml")
    reg = regs[ruw["regeling"]]
    versie = str(ruw.get("versie") or reg.get("versie") or "") or None
    bwb = reg.get("bwb")
    tekst = str(reg["naam"])
    if ruw.get("versie"):  # a version other than the one in bronnen.yaml is named in words
        tekst += f" (versie {ruw['versie']})"
    if ruw.get("artikel"):  # "Zorgindicatiebesluit art. 12", "Beleidsregels ..., bijlage 4 §4.4"
        tekst += f" {ruw['artikel']}" if str(ruw["artikel"]).startswith("art.") else f", {ruw['artikel']}"
    if ruw.get("lid"):
        tekst += f" lid {ruw['lid']}"
    if ruw.get("onderdeel"):
        tekst += f" onder {ruw['onderdeel']}"
    if ruw.get("toelichting"):
        toelichting = str(ruw["toelichting"])
        tekst += f" {toelichting}" if toelichting.startswith("(") else f", {toelichting}"
    return {
        "regeling": reg["naam"],
        "bwb": bwb,
        "artikel": ruw.get("artikel"),
        "lid": None if ruw.get("lid") is None else str(ruw["lid"]),
        "onderdeel": ruw.get("onderdeel"),
        "versie": versie,
        "adres": wetten_adres(bwb, versie) if bwb and versie else None,
        "tekst": tekst,
    }


def versie_op(regeling: dict[str, Any], peildatum: date) -> str:
    """The date to link a regeling on for a peildatum: the peildatum itself (wetten.overheid.nl shows the version
    'geldig op' the date in its address), held within the days the regeling was in force where ``bronnen.yaml``
    gives them (``in_werking``, ``vervallen_op``): an AWBZ regeling cited for a later day links its last day."""
    dag = peildatum
    if regeling.get("vervallen_op"):
        dag = min(dag, _datum(regeling["vervallen_op"], str(regeling["naam"])) - timedelta(days=1))
    if regeling.get("in_werking"):
        dag = max(dag, _datum(regeling["in_werking"], str(regeling["naam"])))
    return dag.isoformat()


@cache
def _genoemd_in_tekst(tekst: str) -> tuple[str, str] | None:
    """(key in bronnen.yaml, version named in words or None) of the regeling named earliest in a bron text."""
    beste: tuple[int, int, str, str] | None = None
    for sleutel, reg in regelingen().items():
        if not reg.get("bwb"):
            continue
        for naam in (str(reg["naam"]), str(reg["bwb"])):
            i = tekst.find(naam)
            if i >= 0 and (beste is None or (i, -len(naam)) < (beste[0], beste[1])):
                genoemd = re.match(r" \(versie (\d{4}-\d{2}-\d{2})\)", tekst[i + len(naam) :])
                beste = (i, -len(naam), sleutel, genoemd.group(1) if genoemd else "")
    return (beste[2], beste[3]) if beste else None


def adres_in_tekst(tekst: str, peildatum: date | None = None) -> str | None:
    """The wetten.overheid.nl address of the regeling named earliest in a bron text (the longest name at that place),
    or None. The one place that picks the version of a link: with a peildatum the version in force on that day
    (``versie_op``); without one (a text that belongs to no day, such as a public profile page) the version named in
    words right after the name ("Regeling zorgaanspraken AWBZ (versie 2011-01-01) art. 6", as ``verwijzing``
    writes it), otherwise the version of ``bronnen.yaml``."""
    genoemd = _genoemd_in_tekst(tekst)
    if genoemd is None:
        return None
    reg = regelingen()[genoemd[0]]
    versie = versie_op(reg, peildatum) if peildatum else genoemd[1] or str(reg["versie"])
    return wetten_adres(str(reg["bwb"]), versie)


def bron_tekst(verwijzingen: list[dict[str, Any]]) -> str:
    return "; ".join(v["tekst"] for v in verwijzingen)


# --- the schema and reading a parameter for a date ------------------------------------------------------------


def is_parameter(knoop: Any) -> bool:
    return isinstance(knoop, dict) and ("waarden" in knoop or "bron" in knoop)


@dataclass(frozen=True)
class Waarde:
    """One value of a parameter from its date on (``vervallen``: the parameter no longer applies)."""

    van: date
    waarde: Any
    verwijzingen: tuple[dict[str, Any], ...]
    vervallen: bool = False


@dataclass(frozen=True)
class Parameter:
    """One dated parameter: its values by date, each with its verwijzingen."""

    pad: str
    waarden: tuple[Waarde, ...]  # sorted by date
    verwijzingen: tuple[dict[str, Any], ...]  # of the parameter (a value may name its own)
    beschrijving: str | None = None

    def periode_op(self, peildatum: date | None) -> tuple[Waarde | None, date | None] | None:
        """(value, geldig_tot) in force on the peildatum (None = the newest); None when there is none."""
        if not self.waarden:
            return (None, None)
        gekozen: tuple[Waarde | None, date | None] | None = None
        for i, w in enumerate(self.waarden):
            if peildatum is None or w.van <= peildatum:
                tot = self.waarden[i + 1].van - timedelta(days=1) if i + 1 < len(self.waarden) else None
                gekozen = (w, tot)
        if gekozen is None or (gekozen[0] is not None and gekozen[0].vervallen):
            return None
        return gekozen

    def op(self, peildatum: date | None) -> dict[str, Any] | None:
        periode = self.periode_op(peildatum)
        if periode is None:
            return None
        w, tot = periode
        verw = list(w.verwijzingen if w is not None else self.verwijzingen)
        return {
            "waarde": w.waarde if w is not None else None,
            "bron": bron_tekst(verw),
            "verwijzingen": verw,
            "geldig_van": w.van.isoformat() if w is not None else None,
            "geldig_tot": tot.isoformat() if tot else None,
            "beschrijving": self.beschrijving,
        }


def _verwijzingen(ruw: Any, waar: str) -> tuple[dict[str, Any], ...]:
    if not isinstance(ruw, list) or not ruw:
        raise ParameterFout(f"{waar}: bron moet een lijst van verwijzingen zijn")
    return tuple(verwijzing(v, waar) for v in ruw)


def _parameter(pad: str, knoop: dict[str, Any]) -> Parameter:
    onbekend = set(knoop) - {"waarden", "bron", "beschrijving"}
    if onbekend:
        raise ParameterFout(f"{pad}: onbekende sleutels {sorted(onbekend)} naast waarden/bron")
    verw = _verwijzingen(knoop["bron"], pad) if "bron" in knoop else ()
    ruwe_waarden = knoop.get("waarden", {})
    if not isinstance(ruwe_waarden, dict):
        raise ParameterFout(f"{pad}: waarden moet een tabel datum -> {{waarde: ...}} zijn")
    waarden = []
    for d, item in ruwe_waarden.items():
        waar = f"{pad} ({d})"
        if not isinstance(item, dict) or not (set(item) <= {"waarde", "vervallen", "bron"}):
            raise ParameterFout(f"{waar}: een waarde is {{waarde: ...}} of {{vervallen: true}}, met eventueel bron")
        if ("waarde" in item) == bool(item.get("vervallen")):
            raise ParameterFout(f"{waar}: geef waarde of vervallen: true")
        eigen = _verwijzingen(item["bron"], waar) if "bron" in item else verw
        if not eigen:
            raise ParameterFout(f"{waar}: geen bron")
        waarden.append(Waarde(_datum(d, pad), item.get("waarde"), eigen, bool(item.get("vervallen"))))
    if not waarden and not verw:
        raise ParameterFout(f"{pad}: geen waarden en geen bron")
    return Parameter(pad, tuple(sorted(waarden, key=lambda w: w.van)), verw, knoop.get("beschrijving"))


def _parameters(knoop: dict[str, Any], pad: str) -> dict[str, Parameter]:
    uit: dict[str, Parameter] = {}
    for sleutel, kind in knoop.items():
        if not pad and sleutel in METADATA:
            continue
        kpad = f"{pad}.{sleutel}" if pad else str(sleutel)
        if is_parameter(kind):
            uit[kpad] = _parameter(kpad, kind)
        elif isinstance(kind, dict):
            uit.update(_parameters(kind, kpad))
        else:
            raise ParameterFout(f"{kpad}: een waarde zonder waarden/bron (elke waarde heeft een datum en een bron)")
    return uit


@cache
def parameters(bestand: str) -> dict[str, Parameter]:
    """Every parameter of a file by its dotted path; raises ParameterFout when the file breaks the schema."""
    return _parameters(_lees(bestand), "")


def _los_op(knoop: dict[str, Any], pad: str, peildatum: date | None, alle: dict[str, Parameter]) -> dict[str, Any]:
    uit: dict[str, Any] = {}
    for sleutel, kind in knoop.items():
        if not pad and sleutel in METADATA:
            continue
        kpad = f"{pad}.{sleutel}" if pad else str(sleutel)
        if kpad in alle:
            waarde = alle[kpad].op(peildatum)
            if waarde is not None:
                uit[str(sleutel)] = waarde
        else:
            uit[str(sleutel)] = _los_op(kind, kpad, peildatum, alle)
    return uit


@cache
def wijzigdata(bestand: str) -> tuple[date, ...]:
    """Every date on which a value of the file changes, sorted."""
    return tuple(sorted({w.van for p in parameters(bestand).values() for w in p.waarden}))


def periode_sleutel(bestanden: tuple[str, ...], peildatum: date | None) -> date | None:
    """The last change date on or before the peildatum: every peildatum of one period reads the same values."""
    if peildatum is None:
        return None
    eerder = [d for b in bestanden for d in wijzigdata(b) if d <= peildatum]
    return max(eerder) if eerder else peildatum


def _tabel(bestand: str, peildatum: date | None) -> dict[str, Any]:
    return _opgelost(bestand, periode_sleutel((bestand,), peildatum))


@cache
def _opgelost(bestand: str, peildatum: date | None) -> dict[str, Any]:
    return _los_op(_lees(bestand), "", peildatum, parameters(bestand))


def tekstbestand(bestand: str) -> dict[str, Any]:
    """A file of plain-Dutch texts next to the parameters (no figures of the law, so not dated: zzp_uitleg.yaml)."""
    if bestand not in TEKSTBESTANDEN:
        raise ParameterFout(f"{bestand} is geen tekstbestand")
    return _lees(bestand)


_GEEN_PARAMETERS = ("regelsets.yaml", "bronnen.yaml")  # the index of the regelsets and of the regelingen


def parameterbestanden() -> tuple[str, ...]:
    """Every parameter file of the package (not the regelset and regeling indexes, not the text files), by name:
    for code that reads each of them through ``tabel_op``, such as a worker's warm-up."""
    return tuple(
        sorted(
            p.name
            for p in resources.files(PAKKET).iterdir()
            if p.name.endswith(".yaml") and p.name not in _GEEN_PARAMETERS + TEKSTBESTANDEN
        )
    )


def tabel_op(bestand: str, peildatum: date | None = None) -> dict[str, Any]:
    """A parameter file that belongs to no regelset (iWlz code lists, the ZZP catalogue, the declaration rules),
    resolved for a peildatum (None = the newest values). Regelset files are read with ``Regelset.tabel``."""
    return _tabel(bestand, peildatum)


def reeks(bestand: str, pad: str) -> list[dict[str, Any]]:
    """Every period of one parameter (for rules that apply per day, such as the declaration)."""
    p = parameters(bestand)[pad]
    uit = []
    for w in p.waarden:
        waarde = p.op(w.van)
        if waarde is not None:
            uit.append(waarde)
    return uit


PARAMETER_SLEUTELS = frozenset({"waarde", "bron", "verwijzingen", "geldig_van", "geldig_tot", "beschrijving"})


def alleen_waarden(tabel: dict[str, Any]) -> dict[str, Any]:
    """A resolved table with every parameter replaced by its value (for code that cites the bron elsewhere)."""
    uit: dict[str, Any] = {}
    for k, v in tabel.items():
        if isinstance(v, dict) and set(v) == PARAMETER_SLEUTELS:
            uit[k] = v["waarde"]
        elif isinstance(v, dict):
            uit[k] = alleen_waarden(v)
        else:
            uit[k] = v
    return uit


def als_waarde_en_bron(tabel: dict[str, Any]) -> dict[str, Any]:
    """A resolved table in the layout the Wlz rules were written against: a parameter as ``{waarde, bron}`` (a
    table value also spread out: ``{**waarde, waarde, bron}``), a citation as ``<naam>_bron``. Transitional:
    the values and brons are those of the one schema, read through the regelset like any other."""
    uit: dict[str, Any] = {}
    for k, v in tabel.items():
        if isinstance(v, dict) and set(v) == PARAMETER_SLEUTELS:
            if v["geldig_van"] is None and v["waarde"] is None:
                uit[f"{k}_bron"] = v["bron"]
            elif isinstance(v["waarde"], dict):
                uit[k] = {**v["waarde"], "waarde": v["waarde"], "bron": v["bron"]}
            else:
                uit[k] = {"waarde": v["waarde"], "bron": v["bron"]}
        elif isinstance(v, dict):
            uit[k] = als_waarde_en_bron(v)
        else:
            uit[k] = v
    return uit


def _canoniek(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":")).encode()


# --- variants: a regelset with some parameters changed (docs/wat-als.md) ---------------------------------------


@dataclass(frozen=True)
class Wijziging:
    """One parameter of a variant with another value (kept as canonical JSON so a regelset stays hashable)."""

    bestand: str
    pad: str
    waarde_json: str

    @property
    def waarde(self) -> Any:
        return json.loads(self.waarde_json)

    @staticmethod
    def van(bestand: str, pad: str, waarde: Any) -> Wijziging:
        return Wijziging(bestand, pad, json.dumps(waarde, sort_keys=True, ensure_ascii=False, separators=(",", ":")))


def met_wijzigingen(tabel: dict[str, Any], bestand: str, wijzigingen: tuple[Wijziging, ...]) -> dict[str, Any]:
    """A resolved table with the variant's values in place (a copy: the cached table stays the basis)."""
    eigen = [w for w in wijzigingen if w.bestand == bestand]
    if not eigen:
        return tabel
    uit = copy.deepcopy(tabel)
    for w in eigen:
        knoop = uit
        for deel in w.pad.split("."):
            knoop = knoop[deel]
        knoop["waarde"] = w.waarde
    return uit


# --- rulesets ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Regelset:
    onderwerp: str
    naam: str
    versie: str
    geldig_van: date
    geldig_tot: date | None
    stelsel: str
    bron: str
    bestanden: tuple[str, ...]
    geverifieerd_tot: date
    definitie: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)
    peildatum: date | None = None
    wijzigingen: tuple[Wijziging, ...] = ()  # a variant (docs/wat-als.md): parameters with another value
    toelichting: str | None = None  # of the variant

    def geldt_op(self, peildatum: date) -> bool:
        return binnen(peildatum, self.geldig_van, self.geldig_tot)

    @property
    def leesdatum(self) -> date:
        """The date the parameters are read for: the peildatum, or the first day of the regelset."""
        return self.peildatum or self.geldig_van

    def tabel(self, bestand: str) -> dict[str, Any]:
        """The parameters of one of the regelset's files, each with its value on the peildatum."""
        if bestand not in self.bestanden:
            raise KeyError(f"{bestand} hoort niet bij regelset {self.naam}")
        return met_wijzigingen(_tabel(bestand, self.leesdatum), bestand, self.wijzigingen)

    def parameterlijst(self) -> list[dict[str, Any]]:
        """Every parameter the regelset reads on its peildatum: file, path, value, validity and bron."""
        uit = []
        for bestand in self.bestanden:
            for pad, p in parameters(bestand).items():
                waarde = p.op(self.leesdatum)
                if waarde is not None:
                    for w in self.wijzigingen:
                        if (w.bestand, w.pad) == (bestand, pad):
                            waarde = {**waarde, "waarde": w.waarde, "variant": True}
                    uit.append({"bestand": bestand, "pad": pad, **waarde})
        return uit

    @property
    def is_variant(self) -> bool:
        return bool(self.wijzigingen)

    @property
    def ontvangstbewijs(self) -> Ontvangstbewijs:
        naam = f"{self.naam} (variant)" if self.is_variant else self.naam
        return Ontvangstbewijs(naam, self.versie, self.kenmerk, self.geverifieerd_tot.isoformat())

    @property
    def kenmerk(self) -> str:
        """Fingerprint of exactly what the regelset reads: its definition and its resolved parameters.

        A variant's fingerprint also covers its wijzigingen, so it never equals the basis."""
        sleutel = periode_sleutel(self.bestanden, self.leesdatum) or self.leesdatum
        basis = _kenmerk(self.onderwerp, self.naam, self.versie, sleutel)
        if not self.wijzigingen:
            return basis
        h = hashlib.sha256(basis.encode())
        h.update(_canoniek([[w.bestand, w.pad, w.waarde_json] for w in self.wijzigingen]))
        return h.hexdigest()[:16]

    def waarschuwingen(self, peildatum: date) -> list[str]:
        """Dutch sentences for a peildatum after the newest law text this regelset was checked against."""
        if self.geldig_tot is None and peildatum > self.geverifieerd_tot:
            return [
                f"De regelset {self.naam} is gecontroleerd tegen de wetteksten tot en met "
                f"{self.geverifieerd_tot.strftime('%d-%m-%Y')}. Latere wijzigingen in de wet of de regels zijn "
                "in deze uitkomst niet verwerkt."
            ]
        return []

    def periode_tekst(self) -> str:
        """The period in words for an error message: 'AWBZ 2014 (1 januari 2014 t/m 31 december 2014)'."""
        tot = voluit(self.geldig_tot) if self.geldig_tot else "heden"
        return f"{self.naam} ({voluit(self.geldig_van)} t/m {tot})"


@cache
def _kenmerk(onderwerp: str, naam: str, versie: str, leesdatum: date) -> str:
    rs = next(r for r in regelsets(onderwerp) if r.naam == naam and r.versie == versie)
    rs = replace(rs, peildatum=leesdatum)
    h = hashlib.sha256()
    h.update(_canoniek(rs.definitie))
    h.update(_canoniek(rs.parameterlijst()))
    return h.hexdigest()[:16]


def _regelset(onderwerp: str, r: dict[str, Any]) -> Regelset:
    bronnen = [verwijzing({"regeling": k}, f"regelsets.{onderwerp}") for k in r["regelingen"]]
    return Regelset(
        onderwerp=onderwerp,
        naam=r["naam"],
        versie=str(r["versie"]),
        geldig_van=_datum(r["geldig_van"], r["naam"]),
        geldig_tot=_datum(r["geldig_tot"], r["naam"]) if r.get("geldig_tot") else None,
        stelsel=r["stelsel"],
        bron=str(r.get("toelichting") or bron_tekst(bronnen)),
        bestanden=tuple(r["bestanden"]),
        geverifieerd_tot=_datum(r["geverifieerd_tot"], r["naam"]),
        definitie=r,
    )


@cache
def _regelsets(onderwerp: str) -> tuple[Regelset, ...]:
    return tuple(_regelset(onderwerp, r) for r in _lees("regelsets.yaml")[onderwerp])


def onderwerpen() -> list[str]:
    return list(_lees("regelsets.yaml"))


def regelsets(onderwerp: str) -> list[Regelset]:
    return list(_regelsets(onderwerp))


def regelset_met(onderwerp: str, bestand: str) -> Regelset:
    """The first regelset of an onderwerp that reads this file (for paths that serve a whole regelset)."""
    return next(r for r in regelsets(onderwerp) if bestand in r.bestanden)


def _aaneengesloten(sets: list[Regelset]) -> list[str]:
    """The periods in words, consecutive regelsets of one name (the versions of one regeling) as one period."""
    groepen: list[list[Regelset]] = []
    for r in sets:
        vorige = groepen[-1][-1] if groepen else None
        if (
            vorige
            and vorige.naam == r.naam
            and vorige.geldig_tot
            and vorige.geldig_tot + timedelta(days=1) == r.geldig_van
        ):
            groepen[-1].append(r)
        else:
            groepen.append([r])
    return [replace(g[0], geldig_tot=g[-1].geldig_tot).periode_tekst() for g in groepen]


def regelset_op(onderwerp: str, peildatum: date, veld: str = "peildatum") -> Regelset:
    """The ruleset in force on the peildatum (read for that date), or a Dutch error naming the field."""
    sets = regelsets(onderwerp)
    for r in sets:
        if r.geldt_op(peildatum):
            return replace(r, peildatum=peildatum)
    beschikbaar = ", ".join(_aaneengesloten(sets))
    raise InvoerFout.een(
        veld,
        f"er is geen regelset voor peildatum {voluit(peildatum)}; beschikbaar: {beschikbaar}",
    )
