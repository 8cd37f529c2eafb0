"""The pure rules core: no I/O beyond reading its own packaged parameter files, no clock, no database, no web.

One module per legal subject. Adapters (CLI, API, web, batch, iWlz) call in; nothing here imports them.
"""
