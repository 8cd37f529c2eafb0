"""One router per subject; assembled in web/app.py."""
