"""The web application (server-rendered: Jinja2 + HTMX, NL Design System CSS). An adapter over the services."""
