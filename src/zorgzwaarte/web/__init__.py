"""The web application (server-rendered: Jinja2 + HTMX, NL Design System CSS). An adapter over the services.

Its public part, for the API that serves it: the static folder, the installer of the routes, and the Dutch HTML
error page the API gives a browser that asks for a page (`wil_html`, `html_foutpagina`)."""

from zorgzwaarte.web.afhankelijkheden import html_foutpagina, wil_html
from zorgzwaarte.web.app import STATIC, installeer_web

__all__ = ["STATIC", "html_foutpagina", "installeer_web", "wil_html"]
