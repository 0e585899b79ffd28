"""A small on-disk cache for work every process would otherwise redo (parsed data files, compiled
templates), so the command line starts fast. Entries are keyed by a hash of their source, so a
changed file is never served stale; an unwritable cache folder only costs speed.

The folder is ``$FACTCHECK_CACHE``, else ``$XDG_CACHE_HOME/factcheck``, else ``~/.cache/factcheck``.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
import tomllib
from pathlib import Path
from typing import Any

_VERSION = b"1"


def folder() -> Path:
    base = os.environ.get("FACTCHECK_CACHE")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "factcheck" if xdg else Path.home() / ".cache" / "factcheck"


def _store(path: Path, payload: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.replace(tmp, path)
    except OSError:
        pass


def toml(data: bytes) -> dict[str, Any]:
    """``tomllib.loads`` of ``data``, served from the cache when the same bytes were parsed before.

    Raises ``tomllib.TOMLDecodeError`` / ``UnicodeDecodeError`` like the parser (errors are not cached).
    """
    digest = hashlib.sha1(_VERSION + data).hexdigest()
    path = folder() / "toml" / f"{digest}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    parsed = tomllib.loads(data.decode("utf-8"))
    try:
        payload = marshal.dumps(parsed)
    except ValueError:  # dates and times are not marshallable: parse every time
        return parsed
    _store(path, payload)
    return parsed


def jinja_bytecode_cache():
    """A Jinja bytecode cache in the cache folder (None when it cannot be created)."""
    import jinja2

    target = folder() / "jinja"
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(target))
