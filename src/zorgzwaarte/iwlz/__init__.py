"""iWlz 2.2 messages (adapter): build IO31/AW33/AW35/AW39 and read IO31 and retour messages (docs/iwlz.md)."""
