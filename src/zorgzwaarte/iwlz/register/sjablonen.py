"""The query templates the register accepts (policy, as the PDP of the network applies it: RFC0014 §5.1) and the
query text this system sends when it fetches from a register. One description of the fields serves both.

QIR-0001 (initieel verantwoordelijk zorgkantoor): filter on wlzindicatieID and the caller's own UZOVI code.
QIR-0002 (zorgaanbieder): filter on wlzindicatieID and the caller's own AGB code. A query may ask for fewer fields
than the template, never for more, and only through these two filters (no aliases, fragments or directives).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    ObjectValueNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    ValueNode,
    VariableNode,
    value_from_ast_untyped,
)

Boom = dict[str, "Boom | None"]


def _velden(*namen: str) -> Boom:
    return dict.fromkeys(namen)


ADRES = _velden(
    "adresID",
    "adresSoort",
    "straatnaam",
    "huisnummer",
    "huisnummerToevoeging",
    "postcode",
    "plaatsnaam",
    "landCode",
    "aanduidingWoonadres",
    "ingangsdatum",
    "einddatum",
)
CONTACTGEGEVENS: Boom = {
    "contactGegevensID": None,
    "adres": ADRES,
    "email": _velden("emailID", "emailadres", "ingangsdatum", "einddatum"),
    "telefoon": _velden("telefoonID", "telefoonnummer", "landnummer", "ingangsdatum", "einddatum"),
}
NAAM = ("voornamen", "roepnaam", "voorletters", "geslachtsnaam", "voorvoegselGeslachtsnaam", "partnernaam")
CONTACTPERSOON: Boom = {
    **_velden("contactPersoonID", "relatieNummer", "volgorde", "soortRelatie", "rol", "relatie", *NAAM),
    **_velden("voorvoegselPartnernaam", "naamGebruik", "geslacht", "geboorteDatum", "geboortedatumGebruik"),
    **_velden("ingangsdatum", "einddatum"),
    "contactGegevens": CONTACTGEGEVENS,
}
CLIENT: Boom = {
    **_velden("clientID", "bsn", "geheimeClient", "geboorteDatum", "geboortedatumGebruik", "geslacht"),
    **_velden("burgerlijkeStaat", "geslachtsnaam", "voorvoegselGeslachtsnaam", "partnernaam", "voorvoegselPartnernaam"),
    **_velden("voornamen", "roepnaam", "voorletters", "naamGebruik", "leefeenheid", "agbcodeHuisarts"),
    **_velden("communicatieVorm", "taal", "commentaar"),
    "contactGegevens": CONTACTGEGEVENS,
    "contactPersoon": CONTACTPERSOON,
}
WLZINDICATIE: Boom = {
    **_velden("wlzindicatieID", "bsn", "besluitnummer", "soortWlzindicatie", "afgiftedatum", "ingangsdatum"),
    **_velden("einddatum", "meerzorg", "initieelVerantwoordelijkZorgkantoor", "vervaldatum", "commentaar"),
    "grondslag": _velden("grondslagID", "grondslag", "volgorde"),
    "geindiceerdZorgzwaartepakket": _velden(
        "geindiceerdZorgzwaartepakketID",
        "zzpCode",
        "ingangsdatum",
        "einddatum",
        "voorkeurClient",
        "instellingVoorkeur",
        "financiering",
        "commentaar",
    ),
    "beperking": {
        **_velden("beperkingID", "categorie", "duur", "commentaar"),
        "beperkingScore": _velden("beperkingScoreID", "beperkingVraag", "beperkingScore", "commentaar"),
    },
    "stoornis": _velden(
        "stoornisID", "grondslag", "diagnoseCodelijst", "diagnoseSubCodelijst", "ziektebeeldStoornis", "prognose"
    )
    | _velden("commentaar"),
    "stoornisScore": _velden("stoornisScoreID", "stoornisVraag", "stoornisScore", "commentaar"),
    "wzd": _velden("wzdID", "wzdVerklaring", "ingangsdatum", "einddatum"),
    "client": CLIENT,
}


@dataclass(frozen=True)
class Sjabloon:
    naam: str
    filterveld: str  # the second filter besides wlzindicatieID
    variabele: str
    omschrijving: str


SJABLONEN = {
    "QIR-0001": Sjabloon(
        "QIR-0001",
        "initieelVerantwoordelijkZorgkantoor",
        "initieelVerantwoordelijkZorgkantoor",
        "zorgkantoor: wlzindicatieID en de eigen UZOVI-code",
    ),
    "QIR-0002": Sjabloon(
        "QIR-0002", "agbCodeInstelling", "agbCodeInstelling", "zorgaanbieder: wlzindicatieID en de eigen AGB-code"
    ),
}


def _selectie(boom: Boom, inspringing: str) -> str:
    regels = []
    for naam, kind in boom.items():
        if kind is None:
            regels.append(f"{inspringing}{naam}")
        else:
            regels.append(f"{inspringing}{naam} {{\n{_selectie(kind, inspringing + '  ')}\n{inspringing}}}")
    return "\n".join(regels)


def query_tekst(sjabloon: str) -> str:
    """The query this system sends with a template (equal, field for field, to the published one)."""
    s = SJABLONEN[sjabloon]
    return (
        f"query WlzIndicatie($wlzIndicatieID: UUID!, ${s.variabele}: String!) {{\n"
        f"  wlzIndicatie(where: {{wlzindicatieID: {{eq: $wlzIndicatieID}}, {s.filterveld}: {{eq: ${s.variabele}}}}}) {{\n"
        f"{_selectie(WLZINDICATIE, '    ')}\n  }}\n}}\n"
    )


def variabelen(sjabloon: str, wlzindicatie_id: str, eigen_code: str) -> dict[str, str]:
    return {"wlzIndicatieID": wlzindicatie_id, SJABLONEN[sjabloon].variabele: eigen_code}


@dataclass(frozen=True)
class Verzoek:
    sjabloon: str
    wlzindicatie_id: str
    filterwaarde: str


class Geweigerd(Exception):
    """The query is not one of the templates (the PDP refuses it)."""

    def __init__(self, melding: str) -> None:
        super().__init__(melding)
        self.melding = melding


def _binnen(selectie: SelectionSetNode | None, boom: Boom, pad: str) -> None:
    if selectie is None:
        raise Geweigerd(f"'{pad}' moet velden kiezen")
    for s in selectie.selections:
        if not isinstance(s, FieldNode):
            raise Geweigerd("fragmenten horen niet bij een querysjabloon")
        naam = s.name.value
        if s.alias is not None or s.arguments or s.directives:
            raise Geweigerd(f"'{pad}.{naam}': aliassen, argumenten en directives horen niet bij het sjabloon")
        if naam not in boom:
            raise Geweigerd(f"het veld '{pad}.{naam}' valt buiten het querysjabloon")
        kind = boom[naam]
        if kind is None:
            if s.selection_set is not None:
                raise Geweigerd(f"'{pad}.{naam}' heeft geen onderliggende velden")
        else:
            _binnen(s.selection_set, kind, f"{pad}.{naam}")


def _waarde(node: ValueNode, variabelen_: dict[str, Any]) -> Any:
    if isinstance(node, VariableNode):
        return variabelen_.get(node.name.value)
    return value_from_ast_untyped(node, variabelen_)


def _eq(node: ValueNode, veld: str, variabelen_: dict[str, Any]) -> Any:
    if not isinstance(node, ObjectValueNode) or [f.name.value for f in node.fields] != ["eq"]:
        raise Geweigerd(f"het filter '{veld}' moet de vorm {{eq: ...}} hebben")
    return _waarde(node.fields[0].value, variabelen_)


def herken(document: DocumentNode, variabelen_: dict[str, Any]) -> Verzoek:
    """Which template this (schema-valid) query is, with its filter values; Geweigerd when it is none of them."""
    operaties = list(document.definitions)
    if len(operaties) != 1 or not isinstance(operaties[0], OperationDefinitionNode):
        raise Geweigerd("stuur precies één query volgens QIR-0001 of QIR-0002, zonder fragmenten")
    op = operaties[0]
    if op.operation != OperationType.QUERY or op.directives:
        raise Geweigerd("alleen een query volgens QIR-0001 of QIR-0002 is toegestaan")
    velden = op.selection_set.selections
    if len(velden) != 1 or not isinstance(velden[0], FieldNode) or velden[0].name.value != "wlzIndicatie":
        raise Geweigerd("vraag alleen het veld wlzIndicatie op (QIR-0001 of QIR-0002)")
    veld = velden[0]
    if veld.alias is not None or veld.directives:
        raise Geweigerd("aliassen en directives horen niet bij het querysjabloon")
    where = next((a.value for a in veld.arguments or () if a.name.value == "where"), None)
    if not isinstance(where, ObjectValueNode):
        raise Geweigerd("het filter 'where' ontbreekt (wlzindicatieID en de eigen UZOVI- of AGB-code)")
    filters = {f.name.value: f.value for f in where.fields}
    sjabloon = next(
        (s for s in SJABLONEN.values() if set(filters) == {"wlzindicatieID", s.filterveld}),
        None,
    )
    if sjabloon is None:
        raise Geweigerd(
            "filter op precies wlzindicatieID en initieelVerantwoordelijkZorgkantoor (QIR-0001) "
            "of wlzindicatieID en agbCodeInstelling (QIR-0002)"
        )
    wlz_id = _eq(filters["wlzindicatieID"], "wlzindicatieID", variabelen_)
    code = _eq(filters[sjabloon.filterveld], sjabloon.filterveld, variabelen_)
    if not isinstance(wlz_id, str) or not isinstance(code, str) or not code:
        raise Geweigerd(f"vul wlzindicatieID en {sjabloon.filterveld} in")
    _binnen(veld.selection_set, WLZINDICATIE, "wlzIndicatie")
    return Verzoek(sjabloon.naam, wlz_id, code)
