"""From the records to a `WlzIndicatie` (serve) and back (consume).

Serve: what the records hold, with the fixed choices of the IO31 export (soort 1 CIZ, financiering 1 Wlz, geheime
cliënt 2, naamgebruik 1, adressoort 01 BRP, landcode NL). What the records do not hold stays empty (stoornis with its
diagnose, Wzd, contactpersonen): never invented. The parts get UUIDs derived from the decision's own UUID, so they
are stable as long as the decision is.

Consume: an answer is checked whole (types, dates, UUIDs, every code against its code list) before anything is
stored; the result has the shape io31_lezen gives, so both are stored by the same service.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from zorgzwaarte.domein.validatie import valideer
from zorgzwaarte.iwlz.berichten import codes, meerzorg_code, omschrijving
from zorgzwaarte.regels.profielen.catalogus import zoek_zzp

SOORT_CIZ = "1"  # COD169: CIZ indicatie
FINANCIERING_WLZ = "1"  # COD998: Wlz


def deel_uuid(wortel: str, *sleutel: str) -> str:
    """A stable version-4-shaped UUID for a part of a record, derived from the record's own random UUID."""
    return str(uuid.UUID(bytes=hashlib.sha256("|".join((wortel, *sleutel)).encode()).digest()[:16], version=4))


def _met_id(d: dict[str, Any], sleutel: str) -> dict[str, Any]:
    return {**d, "id": d[sleutel]}  # the deprecated `id` carries the same value


def _huisnummer(tekst: str | None) -> tuple[int | None, str | None]:
    tekst = (tekst or "").strip()
    cijfers = ""
    while tekst and tekst[0].isdigit():
        cijfers, tekst = cijfers + tekst[0], tekst[1:]
    rest = tekst.strip(" -") or None
    return (int(cijfers) if cijfers else None), rest


def wlzindicatie(gegevens: dict[str, Any]) -> dict[str, Any]:
    """A WlzIndicatie from what diensten.register.wlzindicatie_raadplegen returns."""
    b, c, invoer = gegevens["besluit"], gegevens["client"], gegevens["beoordeling"]
    wortel = b["wlzindicatie_id"]
    zzp = (b["resultaat"] or {}).get("zzp") or {}
    grondslagen = (b["resultaat"] or {}).get("grondslagen") or invoer.get("grondslagen") or []
    beperkingen: dict[str, list[dict[str, Any]]] = {}
    for vraag, score in sorted((invoer.get("beperkingscores") or {}).items()):
        bs = {
            "beperkingScoreID": deel_uuid(wortel, "beperkingscore", vraag),
            "beperkingVraag": vraag,
            "beperkingScore": str(score),
            "commentaar": None,
        }
        beperkingen.setdefault(str(int(vraag[:2])), []).append(_met_id(bs, "beperkingScoreID"))
    huisnummer, toevoeging = _huisnummer(c.get("huisnummer"))
    adres = None
    if c.get("postcode") or c.get("woonplaats") or huisnummer:
        adres = _met_id(
            {
                "adresID": deel_uuid(c["register_id"], "adres"),
                "adresSoort": "01",
                "straatnaam": c.get("straat"),
                "huisnummer": huisnummer,
                "huisletter": None,
                "huisnummerToevoeging": toevoeging,
                "postcode": c.get("postcode"),
                "plaatsnaam": c.get("woonplaats"),
                "landCode": "NL",
                "aanduidingWoonadres": None,
                # the register requires a date; the records know since when this address is recorded here
                "ingangsdatum": str(c["vastgelegd_op"])[:10],
                "einddatum": None,
            },
            "adresID",
        )
    client = _met_id(
        {
            "clientID": c["register_id"],
            "bsn": c["bsn"],
            "geheimeClient": "2",
            "geboorteDatum": c["geboortedatum"],
            "geboortedatumGebruik": None,
            "geslacht": c["geslacht"],
            "burgerlijkeStaat": None,
            "geslachtsnaam": c["geslachtsnaam"],
            "voorvoegselGeslachtsnaam": c.get("voorvoegsel"),
            "partnernaam": None,
            "voorvoegselPartnernaam": None,
            "voornamen": c.get("voornamen"),
            "roepnaam": None,
            "voorletters": "".join(ch for ch in (c.get("voorletters") or "") if ch.isalpha()) or None,
            "naamGebruik": "1",
            "leefeenheid": None,
            "agbcodeHuisarts": None,
            "communicatieVorm": None,
            "taal": None,
            "commentaar": None,
            "contactPersoon": [],
            "contactGegevens": []
            if adres is None
            else [
                _met_id(
                    {
                        "contactGegevensID": deel_uuid(c["register_id"], "contactgegevens"),
                        "clientID": c["register_id"],
                        "contactPersoonID": None,
                        "adres": adres,
                        "telefoon": None,
                        "email": None,
                    },
                    "contactGegevensID",
                )
            ],
        },
        "clientID",
    )
    return {
        "wlzindicatieID": wortel,
        "bsn": c["bsn"],
        "besluitnummer": b["id"],
        "soortWlzindicatie": SOORT_CIZ,
        "afgiftedatum": b["besluitdatum"],
        "ingangsdatum": b["geldig_van"],
        "einddatum": b["geldig_tot"],
        "meerzorg": meerzorg_code(bool(b["verblijf"]), zzp),
        "initieelVerantwoordelijkZorgkantoor": gegevens["uzovi"],
        "vervaldatum": b["vervaldatum"],
        "commentaar": None,
        "grondslag": [
            _met_id({"grondslagID": deel_uuid(wortel, "grondslag", g), "grondslag": g, "volgorde": i}, "grondslagID")
            for i, g in enumerate(grondslagen, start=1)
        ],
        "geindiceerdZorgzwaartepakket": []
        if not zzp.get("cod163")
        else [
            _met_id(
                {
                    "geindiceerdZorgzwaartepakketID": deel_uuid(wortel, "zzp", zzp["cod163"]),
                    "zzpCode": zzp["cod163"],
                    "ingangsdatum": b["geldig_van"],
                    "einddatum": b["geldig_tot"],
                    "voorkeurClient": None,
                    "instellingVoorkeur": None,
                    "financiering": FINANCIERING_WLZ,
                    "commentaar": None,
                },
                "geindiceerdZorgzwaartepakketID",
            )
        ],
        "beperking": [
            _met_id(
                {
                    "beperkingID": deel_uuid(wortel, "beperking", categorie),
                    "categorie": categorie,
                    "duur": None,
                    "commentaar": None,
                    "beperkingScore": scores,
                    "beperkingScores": scores,
                },
                "beperkingID",
            )
            for categorie, scores in beperkingen.items()
        ],
        "stoornis": [],
        "stoornisScore": [
            _met_id(
                {
                    "stoornisScoreID": deel_uuid(wortel, "stoornisscore", vraag),
                    "stoornisVraag": vraag,
                    "stoornisScore": str(score),
                    "commentaar": None,
                },
                "stoornisScoreID",
            )
            for vraag, score in sorted((invoer.get("stoornisscores") or {}).items())
        ],
        "wzd": None,
        "client": client,
    }


# --- consume: the answer of a register, checked whole -----------------------------------------------------------

# COD list of the register -> the same list in the iWlz 2.2 Basisschema (src/zorgzwaarte/iwlz/codes.yaml)
LIJST = {
    "COD169": "LDT_SoortIndicatie",
    "COD260": "LDT_JaNee",
    "COD736": "LDT_Grondslag",
    "COD824": "LDT_StoornisVraag",
    "COD827": "LDT_StoornisScore",
    "COD539": "LDT_BeperkingCategorie",
    "COD825": "LDT_BeperkingVraag",
    "COD828": "LDT_BeperkingScore",
    "COD163": "LDT_ZzpCode",
    "COD998": "LDT_Financiering",
    "COD046": "LDT_Geslacht",
    "COD001": "LDT_ZorgkantoorCode",
}


def _code(lijst: str, waarde: str | None) -> str | None:
    if waarde is not None and waarde not in codes()[LIJST[lijst]]:
        raise ValueError(f"'{waarde}' staat niet in codelijst {lijst}")
    return waarde


class _Deel(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Grondslag(_Deel):
    grondslag: str
    volgorde: int

    _c = field_validator("grondslag")(lambda v: _code("COD736", v))


class Score(_Deel):
    vraag: str
    score: str


class StoornisScore(_Deel):
    stoornisVraag: str
    stoornisScore: str

    _v = field_validator("stoornisVraag")(lambda v: _code("COD824", v))
    _s = field_validator("stoornisScore")(lambda v: _code("COD827", v))


class BeperkingScore(_Deel):
    beperkingVraag: str
    beperkingScore: str

    _v = field_validator("beperkingVraag")(lambda v: _code("COD825", v))
    _s = field_validator("beperkingScore")(lambda v: _code("COD828", v))


class Beperking(_Deel):
    categorie: str
    beperkingScore: list[BeperkingScore] | None = None

    _c = field_validator("categorie")(lambda v: _code("COD539", v))


class Zzp(_Deel):
    zzpCode: str
    ingangsdatum: date
    einddatum: date | None = None
    financiering: str

    _z = field_validator("zzpCode")(lambda v: _code("COD163", v))
    _f = field_validator("financiering")(lambda v: _code("COD998", v))


class RegisterClient(_Deel):
    clientID: uuid.UUID
    bsn: str = Field(pattern=r"^\d{9}$")
    geboorteDatum: date
    geslacht: str
    geslachtsnaam: str = Field(min_length=1)
    voorvoegselGeslachtsnaam: str | None = None
    voornamen: str | None = None
    voorletters: str | None = None

    _g = field_validator("geslacht")(lambda v: _code("COD046", v))


class WlzIndicatieAntwoord(_Deel):
    wlzindicatieID: uuid.UUID
    bsn: str = Field(pattern=r"^\d{9}$")
    besluitnummer: int = Field(ge=1)
    soortWlzindicatie: str
    afgiftedatum: date
    ingangsdatum: date
    einddatum: date | None = None
    vervaldatum: date | None = None
    meerzorg: Literal["1", "2"] | None = None
    initieelVerantwoordelijkZorgkantoor: str
    grondslag: list[Grondslag] | None = None
    geindiceerdZorgzwaartepakket: list[Zzp] | None = None
    beperking: list[Beperking] | None = None
    stoornisScore: list[StoornisScore] | None = None
    client: RegisterClient

    _s = field_validator("soortWlzindicatie")(lambda v: _code("COD169", v))
    _z = field_validator("initieelVerantwoordelijkZorgkantoor")(lambda v: _code("COD001", v))


def lees_antwoord(data: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Check one WlzIndicatie from a register; returns (item in the io31_lezen shape, herkomst). Raises InvoerFout
    with every problem and its path in the answer (`wlzIndicatie.0.client.bsn`): then nothing is stored."""
    w = valideer(WlzIndicatieAntwoord, data, "wlzIndicatie.0.")
    if w.bsn != w.client.bsn:
        from zorgzwaarte.fouten import InvoerFout

        raise InvoerFout.een("wlzIndicatie.0.client.bsn", "wijkt af van het BSN van de indicatie")
    zzps = w.geindiceerdZorgzwaartepakket or []
    zzp = None
    if zzps:
        z = zzps[0]
        eigen = zoek_zzp(z.zzpCode)
        zzp = {
            "code": eigen.code if eigen else None,
            "cod163": z.zzpCode,
            "naam": omschrijving("LDT_ZzpCode", z.zzpCode),
            "ingangsdatum": z.ingangsdatum.isoformat(),
            "einddatum": z.einddatum.isoformat() if z.einddatum else None,
            "klasse_code": None,
        }
    item = {
        "client": {
            "bsn": w.client.bsn,
            "geboortedatum": w.client.geboorteDatum.isoformat(),
            "geslacht": w.client.geslacht,
            "naam": {
                "geslachtsnaam": w.client.geslachtsnaam,
                "voorvoegsel": w.client.voorvoegselGeslachtsnaam,
                "voorletters": w.client.voorletters,
                "voornamen": w.client.voornamen,
            },
        },
        "grondslagen": [g.grondslag for g in sorted(w.grondslag or [], key=lambda g: g.volgorde)],
        "stoornisscores": {s.stoornisVraag: int(s.stoornisScore) for s in w.stoornisScore or []},
        "beperkingscores": {
            s.beperkingVraag: int(s.beperkingScore) for b in w.beperking or [] for s in b.beperkingScore or []
        },
        "functies": [],
        "zzp": zzp,
        "indicatie": {
            "besluitnummer": w.besluitnummer,
            "soort": w.soortWlzindicatie,
            "afgiftedatum": w.afgiftedatum.isoformat(),
            "ingangsdatum": w.ingangsdatum.isoformat(),
            "einddatum": w.einddatum.isoformat() if w.einddatum else None,
            "meerzorg": None if w.meerzorg is None else w.meerzorg == "1",
        },
    }
    inhoud = json.dumps(data, sort_keys=True, default=str).encode()
    herkomst = {
        "bron": "iWlz Indicatieregister",
        "toelichting": f"Opgehaald uit het Indicatieregister (WlzIndicatie {w.wlzindicatieID}, besluitnummer {w.besluitnummer})",
        "ruleset_naam": "extern (Indicatieregister)",
        "ruleset_versie": str(w.wlzindicatieID),
        "ruleset_hash": hashlib.sha256(inhoud).hexdigest()[:16],
        "wlzindicatie_id": str(w.wlzindicatieID),
        "vervaldatum": w.vervaldatum.isoformat() if w.vervaldatum else None,
    }
    return item, herkomst
