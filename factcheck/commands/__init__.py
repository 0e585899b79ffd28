"""Sub-commands of the ``factcheck`` CLI (see :mod:`factcheck.cli`)."""
