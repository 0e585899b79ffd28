"""File helpers shared by the commands: atomic writes, locked read-merge-write, and the refusal rules.

* :func:`write_atomic` writes a temporary file next to the target and renames it over the target, so a
  reader never sees half a file and a failed write leaves nothing behind (the temporary file is removed
  whatever goes wrong). The file gets the mode a plain ``open()`` would give it: an existing file keeps
  its mode, a new one gets ``0o666 & ~umask`` (not the ``0o600`` of ``mkstemp``).
* :func:`locked` serialises a read-merge-write of one file across processes with an exclusive
  ``flock`` on a hidden lock file next to it (``.NAME.lock``, left in place: removing a lock file races).
* :func:`refuse_overwrite` stops an output that would land on one of the run's inputs (the article,
  the ledger, the accepted-findings file...), compared after resolving symbolic links and ``..``.
* :func:`check_input_file` refuses what is not a regular file (a named pipe would hang the read, a
  device never ends) before anything is read.
* :func:`document_id` is a document's identity: its canonical path, relative to the project folder
  when it lies inside it, so ``a.md``, ``./a.md``, ``dir/../a.md`` and a symbolic link to it are one
  document.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

from factcheck.errors import InputError, UsageError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _real(path: str | os.PathLike[str]) -> str:
    return os.path.realpath(os.fspath(path))


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and rename: never a half-written file."""
    with atomic_file(path) as fh:
        fh.write(text)


@contextmanager
def atomic_file(path: str | os.PathLike[str]) -> Iterator[IO[str]]:
    """A text handle whose content replaces ``path`` when the block ends without an error; on any
    error (a full disk, Ctrl-C) the temporary file is removed and ``path`` is left as it was.

    A symbolic link is followed (the file it points to is replaced, the link stays); a target that is
    not a regular file (``/dev/null``, a named pipe) is written to directly, never replaced."""
    where = os.fspath(path)
    try:
        st = os.stat(where)  # follows links: /dev/stdout is the pipe or terminal behind it
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", path=where) from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise InputError("is a folder; name a file to write the output to", path=where)
    target = _real(where)
    if st is not None and not stat.S_ISREG(st.st_mode):
        try:
            with open(where, "w", encoding="utf-8", newline="") as fh:
                yield fh
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror or exc}", path=where) from None
        return
    folder = os.path.dirname(target)
    tmp = None
    try:
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".factcheck-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", path=where) from None
    finally:
        if tmp is not None:
            with suppress(OSError):
                os.unlink(tmp)


@contextmanager
def locked(path: str | os.PathLike[str]) -> Iterator[None]:
    """Hold an exclusive lock for updating ``path`` (blocks until other holders are done).

    The lock is an ``flock`` on ``.NAME.lock`` beside the file: every factcheck process that rewrites
    the file takes it around its read-merge-write, so concurrent runs never lose each other's entries.
    Where locking is not available (no ``fcntl``, a read-only folder) the update goes ahead unlocked
    and the atomic write still keeps the file whole."""
    target = Path(_real(path))
    lock = target.parent / f".{target.name}.lock"
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666 & ~_umask())
    except OSError as exc:
        raise InputError(f"cannot lock for writing: {exc.strerror or exc}", path=os.fspath(path)) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _same(a: str, b: str) -> bool:
    if _real(a) == _real(b):
        return True
    try:
        return os.path.samefile(a, b)  # hard links
    except OSError:
        return False


def refuse_overwrite(
    output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str] | None], *, what: str = "-o"
) -> None:
    """:class:`UsageError` when writing ``output`` would replace one of ``inputs``."""
    out = os.fspath(output)
    if out == "-":
        return
    for given in inputs:
        if not isinstance(given, (str, os.PathLike)) or os.fspath(given) in ("-", ""):
            continue  # nothing, standard input, or a server ledger (postgresql://)
        if _same(out, os.fspath(given)):
            raise UsageError(
                f"{what} {out} would overwrite the input {os.fspath(given)}; write the output somewhere else"
            )


def check_input_file(path: str) -> None:
    """:class:`InputError` for an input that is neither a regular file nor a folder (a named pipe,
    a device, a socket): reading it could hang or never end. ``-`` (standard input) is fine."""
    if path == "-":
        return
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # missing or unreadable: the reader gives its own one-line error
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return
    kind = (
        "a named pipe"
        if stat.S_ISFIFO(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "not a regular file"
    )
    raise InputError(f"is {kind}, not a regular file; pipe it to '-' instead", path=path)


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def document_id(path: str, project: Path | None = None) -> str:
    """The identity of the document at ``path``: its canonical path (links and ``..`` resolved),
    relative to the project folder when inside it, else absolute; ``stdin`` for ``-``."""
    if path == "-":
        return "stdin"
    if project is None:
        from factcheck.ledger.paths import project_folder

        project = project_folder()
    real = Path(_real(path))
    try:
        return real.relative_to(_real(project)).as_posix()
    except ValueError:
        return real.as_posix()


def read_documents(
    paths: Iterable[str], *, lang: str | None = None, source: str | None = None, published: str | None = None
) -> list:
    """Read each document once (one-line errors), identified by :func:`document_id`; a path given
    twice under two spellings is read once."""
    from dataclasses import replace

    from factcheck.ledger.paths import project_folder
    from factcheck.text.documents import read_document

    project = project_folder()
    docs = []
    seen: set[str] = set()
    for p in paths:
        check_input_file(p)
        if not _utf8(p):  # undecodable bytes in the name: it could not be stored or reported
            shown = os.fsencode(p).decode("utf-8", "backslashreplace")
            raise InputError("the file name is not valid UTF-8; rename the file", path=shown)
        key = document_id(p, project)
        if key in seen:  # the same file named twice (two documents may still share a front-matter id)
            continue
        seen.add(key)
        doc = read_document(p, lang=lang, source=source, published=published)
        if doc.id == p or (p == "-" and doc.id == "stdin"):  # not named by its front matter
            doc = replace(doc, id=key)
        docs.append(doc)
    return docs


def emit(text: str, output: str | None, *, inputs: Iterable[str | os.PathLike[str] | None] = ()) -> None:
    """Write ``text`` to ``output`` (atomically) or, without one, to standard output."""
    if output and output != "-":
        refuse_overwrite(output, inputs)
        write_atomic(output, text)
    else:
        sys.stdout.write(text)


def _finite_only(value: object) -> object:
    if isinstance(value, float):
        return value if value == value and value not in (float("inf"), float("-inf")) else None
    if isinstance(value, dict):
        return {k: _finite_only(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite_only(v) for v in value]
    return value


def json_text(value: object, *, indent: int | None = None) -> str:
    """JSON (UTF-8 text, not ASCII escapes) that is always valid JSON: a number that is not finite
    (which JSON cannot hold; ``json.dumps`` would write a bare ``Infinity``) becomes ``null``."""
    import json

    try:
        return json.dumps(value, ensure_ascii=False, indent=indent, allow_nan=False)
    except ValueError:
        return json.dumps(_finite_only(value), ensure_ascii=False, indent=indent, allow_nan=False)
