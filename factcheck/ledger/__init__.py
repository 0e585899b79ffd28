"""The claim ledger: a SQLite store of published claims, desk reference figures, CSV/JSONL exchange and
pandas frames (see :mod:`.store`, :mod:`.reference`, :mod:`.io`, :mod:`.frame`).

Nothing is imported until used (``factcheck check`` only needs the store): pandas only when
:func:`frame` runs, rapidfuzz only for fuzzy subjects.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "frame": "frames",
    "read_claims": "io",
    "write_claims": "io",
    "SCHEMA_VERSION": "migrations",
    "Reference": "reference",
    "load_references": "reference",
    "read_reference_file": "reference",
    "reference_figures": "reference",
    "ClaimFilter": "store",
    "DocumentRecord": "store",
    "IngestResult": "store",
    "Ledger": "store",
    "content_hash": "store",
    "default_ledger_path": "store",
    "normalise_key": "store",
    "open_ledger": "store",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'factcheck.ledger' has no attribute {name!r}")
    return getattr(importlib.import_module(f"factcheck.ledger.{module}"), name)
