"""Use cases: validate raw input, call the rules core, (later) store in one transaction and audit."""
