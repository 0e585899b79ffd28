"""A small on-disk cache for work every process would otherwise redo (parsed data files, built
language data, compiled regular expressions and templates), so the command line starts fast. Entries
are keyed by a hash of everything they are made from (the data, the code that builds them, the
factcheck and Python versions), so a changed file is never served stale; an unwritable or damaged
cache folder only costs speed.

The folder is ``$FACTCHECK_CACHE``, else ``$XDG_CACHE_HOME/factcheck``, else ``~/.cache/factcheck``.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import re

_VERSION = b"1"
T = TypeVar("T")


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


#: built entries and regex programs not rewritten for this long are removed when a new one is stored
_STALE_SECONDS = 30 * 24 * 3600


def _prune(where: Path, prefix: str, keep: str) -> None:
    """Remove the entries of ``where`` named ``prefix...`` other than ``keep`` that are older than
    :data:`_STALE_SECONDS` (each edit or upgrade makes new entries; old ones would pile up)."""
    import time

    limit = time.time() - _STALE_SECONDS
    try:
        with os.scandir(where) as entries:
            for entry in entries:
                if entry.name.startswith(prefix) and entry.name != keep:
                    with contextlib.suppress(OSError):
                        if entry.stat().st_mtime < limit:
                            os.unlink(entry.path)
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
    import tomllib

    parsed = tomllib.loads(data.decode("utf-8"))
    try:
        payload = marshal.dumps(parsed)
    except ValueError:  # dates and times are not marshallable: parse every time
        return parsed
    _store(path, payload)
    return parsed


def _environment() -> bytes:
    """What every entry depends on besides its own inputs: this format, factcheck, Python."""
    from factcheck import __version__

    return b"\0".join((_VERSION, __version__.encode(), sys.version.encode(), b""))


_FINGERPRINT: list[bytes] = []


def package_fingerprint() -> bytes:
    """The name, size and modification time of every file of the installed package (code and data),
    so built data is never served after any of them changed (read once per process, about 1 ms)."""
    if _FINGERPRINT:
        return _FINGERPRINT[0]
    root = os.path.dirname(os.path.abspath(__file__))
    digest = hashlib.sha1()
    pending = [root]
    while pending:
        where = pending.pop()
        with os.scandir(where) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        pending.append(entry.path)
                elif not entry.name.endswith((".pyc", ".pyo")):
                    st = entry.stat()
                    digest.update(f"{entry.path}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    _FINGERPRINT.append(digest.digest())
    return _FINGERPRINT[0]


def key(kind: str, parts: Iterable[bytes] = ()) -> str:
    """The hash naming an entry of ``kind`` made from ``parts``."""
    digest = hashlib.sha1(_environment() + kind.encode() + b"\0")
    for part in parts:
        digest.update(len(part).to_bytes(8, "little") + part)
    return digest.hexdigest()


def built(kind: str, make: Callable[[], T], parts: Iterable[bytes] = ()) -> T:
    """``make()``, served from the cache when it was built before from the same package (kept with
    pickle): language data indexed for matching.

    The key covers every file of the package (:func:`package_fingerprint`), factcheck's and Python's
    versions and ``parts`` (any other bytes the object is built from, such as a user's file), so an
    entry is never served after a data file or the code that builds it changed. The cache folder is
    the user's own, as trusted as their home folder.
    """
    import pickle

    path = folder() / "built" / f"{kind}-{key(kind, [package_fingerprint(), *parts])}.pickle"
    try:
        return pickle.loads(path.read_bytes())
    except Exception:  # missing, damaged or made by other code: build it again
        pass
    made = make()
    try:
        payload = pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # not picklable: build it every time
        return made
    _store(path, payload)
    _prune(path.parent, f"{kind}-", path.name)
    return made


def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` for a long pattern (a lexicon's word list): the compiled program
    is kept on disk, so a new process skips parsing and compiling it. The program is the regex
    engine's own (``_sre``), keyed by the Python version; anything unexpected falls back to
    ``re.compile``.
    """
    import re

    name = key("regex", [pattern.encode("utf-8", "surrogatepass"), str(int(flags)).encode()])
    path = folder() / "regex" / f"pattern-{name}.marshal"
    try:
        import _sre

        return _sre.compile(pattern, *marshal.loads(path.read_bytes()))
    except Exception:  # missing, damaged, or an engine that compiles differently
        pass
    compiled = re.compile(pattern, flags)
    try:
        program = _program(pattern, int(flags))
        import _sre

        if _sre.compile(pattern, *program) == compiled:  # the same program the engine made itself
            _store(path, marshal.dumps(program))
            _prune(path.parent, "pattern-", path.name)
    except Exception:
        pass
    return compiled


#: re's own cache entries put there by :func:`preload_regexes` (their programs are stored already)
_PRELOADED: set[tuple[Any, ...]] = set()
#: at most this many programs are kept (``re`` itself keeps 512 compiled patterns)
_MAX_PROGRAMS = 400


def _programs_path() -> Path:
    return folder() / "regex" / f"programs-{key('regex-programs')}.marshal"


def _regex_table() -> dict[Any, Any] | None:
    """``re``'s own cache of compiled patterns, when it is the dict keyed by (type, pattern, flags) this
    code was written for (CPython 3.11 to 3.13), else None."""
    import re

    table = getattr(re, "_cache", None)
    return table if isinstance(table, dict) and hasattr(re, "_MAXCACHE") else None


def preload_regexes() -> None:
    """Put the compiled programs of the regular expressions earlier runs compiled (module-level
    patterns of factcheck and the libraries it uses) into ``re``'s own cache, so each ``re.compile``
    of them finds its compiled pattern instead of parsing and compiling it again (10-15 ms a start).

    A program is the regex engine's own, validated by it when loaded; entries are keyed by pattern
    and flags, and the file by the Python version, so nothing is served for another pattern or engine.
    """
    table = _regex_table()
    if table is None:
        return
    try:
        import _sre

        entries = marshal.loads(_programs_path().read_bytes())
    except Exception:  # nothing stored yet, or unreadable: compile as usual
        return
    if not isinstance(entries, dict):
        return
    for (is_bytes, pattern, flags), program in list(entries.items())[:_MAX_PROGRAMS]:
        cache_key = (bytes if is_bytes else str, pattern, flags)
        if cache_key in table:
            continue
        try:
            table[cache_key] = _sre.compile(pattern, *program)
        except Exception:  # not a program this engine accepts
            continue
        _PRELOADED.add(cache_key)


def save_regexes() -> None:
    """Store the programs of the patterns this process compiled that were not preloaded (nothing is
    written once every pattern of a run is stored)."""
    import re

    table = _regex_table()
    if table is None:
        return
    new = [
        k
        for k in list(table)
        if k not in _PRELOADED
        and len(k) == 3
        and k[0] in (str, bytes)
        and isinstance(k[2], int)
        and not k[2] & (re.DEBUG | re.TEMPLATE)
    ]
    if not new:
        return
    path = _programs_path()
    try:
        entries = marshal.loads(path.read_bytes())
        if not isinstance(entries, dict) or len(entries) + len(new) > _MAX_PROGRAMS:
            entries = {}
    except Exception:
        entries = {}
    for kind, pattern, flags in new:
        try:
            entries[(kind is bytes, pattern, flags)] = _program(pattern, flags)
        except Exception:
            continue
    _store(path, marshal.dumps(entries))


def _program(pattern: str | bytes, flags: int) -> tuple[Any, ...]:
    """The arguments ``re`` gives ``_sre.compile`` for ``pattern`` (after the pattern itself)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for group, index in groupindex.items():
        indexgroup[index] = group
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def jinja_bytecode_cache():
    """A Jinja bytecode cache in the cache folder (None when it cannot be created)."""
    import jinja2

    target = folder() / "jinja"
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(target))
