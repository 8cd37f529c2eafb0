"""The indicatiebesluit: the decision letter as a PDF."""

from fastapi import APIRouter
from fastapi.responses import Response

from zorgzwaarte.diensten.brieven import besluitbrief
from zorgzwaarte.rapporten.brieven import besluitbrief_pdf
from zorgzwaarte.web.afhankelijkheden import Ingelogd, WebId

router = APIRouter(include_in_schema=False)


@router.get("/besluiten/{besluit_id}/brief.pdf")
def besluit_brief(scherm: Ingelogd, besluit_id: WebId) -> Response:
    """The decision letter as a PDF, for whoever may read the decision."""
    pdf = besluitbrief_pdf(scherm.doe(besluitbrief, besluit_id, str(scherm.request.base_url)))
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"content-disposition": f'attachment; filename="indicatiebesluit-{besluit_id}.pdf"'},
    )
