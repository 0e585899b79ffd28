"""Small file helpers shared by the commands (atomic writes)."""

from __future__ import annotations

import os
import tempfile

from factcheck.errors import InputError


def write_atomic(path: str, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and rename: never a half-written file."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".factcheck-", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", path=path) from None


def emit(text: str, output: str | None) -> None:
    """Write ``text`` to ``output`` (atomically) or, without one, to standard output."""
    if output:
        write_atomic(output, text)
    else:
        import sys

        sys.stdout.write(text)
