"""What the documents app adds to the shared mechanisms (see collectif/registry.py)."""

from collectif import registry  # noqa: F401

# --- Hostile-input suite ----------------------------------------------------------------------
