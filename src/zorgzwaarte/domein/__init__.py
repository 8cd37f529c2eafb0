"""Pydantic models shared by the core and the adapters: the vocabulary of the law."""
