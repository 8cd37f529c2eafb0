"""Indicatiestelling: the trechtermodel from assessment ('foto') to indicatiebesluit."""
