"""REST API adapter (FastAPI)."""
