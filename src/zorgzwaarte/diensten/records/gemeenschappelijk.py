"""What every aggregate's use cases share: paging bounds, the optimistic version check, Dutch dates."""

from __future__ import annotations

from datetime import date

from zorgzwaarte.domein.grenzen import MAX_PAGINA, MAX_PER_PAGINA
from zorgzwaarte.fouten import Conflict, InvoerFout


def pagina_grenzen(pagina: int, per_pagina: int) -> tuple[int, int]:
    if not 1 <= pagina <= MAX_PAGINA:
        raise InvoerFout.een("pagina", f"moet tussen 1 en {MAX_PAGINA} liggen")
    if not 1 <= per_pagina <= MAX_PER_PAGINA:
        raise InvoerFout.een("per_pagina", f"moet tussen 1 en {MAX_PER_PAGINA} liggen")
    return (pagina - 1) * per_pagina, per_pagina


def controleer_versie(gelezen: int, huidig: int) -> None:
    if gelezen != huidig:
        raise Conflict(
            f"het record is intussen gewijzigd (u had versie {gelezen}, nu is het versie {huidig}); laad het opnieuw"
        )


def _nl(d: date) -> str:
    return d.strftime("%d-%m-%Y")
