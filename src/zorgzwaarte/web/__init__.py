"""The web application (server-rendered: Jinja2 + HTMX, NL Design System CSS). An adapter over the services."""

from zorgzwaarte.web.app import STATIC, installeer_web

__all__ = ["STATIC", "installeer_web"]
