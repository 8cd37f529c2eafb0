"""The one way adapter input becomes a service's input model (docs/architectuur.md, "Invoer").

An adapter (API, web, CLI, iWlz, batch) parses what it received with `ontvang(Model, data)` and passes the result
to the service, whose parameter is typed `Ontvangen[Model]`. The service takes the model with `aanvaard(Model, x)`
at the point where it uses the input.

Input that does not fit the model is not raised in the adapter: `ontvang` hands over a `Geweigerd` holding the
Dutch errors, and `aanvaard` raises them inside the service's unit of work, after the service has logged its
attempt and checked role and record. So a refused input keeps the order of checks (403 and 404 before 422) and is
audited as the attempt it was (its own action, uitkomst "ongeldig", with the client of the record in the path),
and nothing is stored. The refusal a user sees is the same `InvoerFout` as ever: API 422
`{"fouten":[{"veld","melding"}]}`, CLI exit 2, web form with the message next to the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeAlias, TypeVar

from pydantic import BaseModel

from zorgzwaarte.domein.validatie import valideer
from zorgzwaarte.fouten import InvoerFout

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Geweigerd:
    """Input the adapter could not read as the model: every problem, in Dutch, raised by `aanvaard`."""

    fout: InvoerFout


Ontvangen: TypeAlias = M | Geweigerd
"""What an adapter hands a service: the input model, or the refusal of what it received."""

Json: TypeAlias = Mapping[str, Any]
"""Raw JSON, as in-process callers of the computing services give it (a stored assessment, a batch row, a test)."""


def ontvang(model: type[M], data: Any, voorvoegsel: str = "") -> M | Geweigerd:
    """Adapter side: raw input (API JSON, web form values, a CLI file) read as `model`; a model passes as it is.
    `voorvoegsel` goes before every field path of a refusal (e.g. "contract.")."""
    if isinstance(data, model):
        return data
    try:
        return valideer(model, data, voorvoegsel)
    except InvoerFout as fout:
        return Geweigerd(fout)


def aanvaard(model: type[M], invoer: M | Geweigerd | Json, voorvoegsel: str = "") -> M:
    """Service side: the input model where the service uses it, or the refusal raised as `InvoerFout` (in the
    service's unit of work, so it is audited). Raw JSON from an in-process caller (a script, a test) is read here
    with the same validation as `ontvang` (`voorvoegsel` as there)."""
    if isinstance(invoer, Geweigerd):
        raise invoer.fout
    if isinstance(invoer, model):
        return invoer
    return valideer(model, invoer, voorvoegsel)
