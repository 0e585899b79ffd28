"""The claim ledger: a SQLite store of published claims, desk reference figures, CSV/JSONL exchange and
pandas frames (see :mod:`.store`, :mod:`.reference`, :mod:`.io`, :mod:`.frame`).

Nothing heavy is imported here: pandas only when :func:`frame` runs, rapidfuzz only for fuzzy subjects.
"""

from factcheck.ledger.frame import frame
from factcheck.ledger.io import read_claims, write_claims
from factcheck.ledger.migrations import SCHEMA_VERSION
from factcheck.ledger.reference import Reference, load_references, read_reference_file, reference_figures
from factcheck.ledger.store import (
    ClaimFilter,
    DocumentRecord,
    IngestResult,
    Ledger,
    content_hash,
    default_ledger_path,
    normalise_key,
    open_ledger,
)

__all__ = [
    "SCHEMA_VERSION",
    "ClaimFilter",
    "DocumentRecord",
    "IngestResult",
    "Ledger",
    "Reference",
    "content_hash",
    "default_ledger_path",
    "frame",
    "load_references",
    "normalise_key",
    "open_ledger",
    "read_claims",
    "read_reference_file",
    "reference_figures",
    "write_claims",
]
