"""Adapter for the iWlz-netwerkmodel: the Indicatieregister as GraphQL (serve), notifications with
`zendNotificatie` (notify) and fetching from a register with an OAuth2 token (consume). See docs/iwlz.md."""
