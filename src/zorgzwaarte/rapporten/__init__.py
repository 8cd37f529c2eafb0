"""Documents for people: PDF summaries and letters (Jinja2 + WeasyPrint), Dutch dates and euros via Babel."""
