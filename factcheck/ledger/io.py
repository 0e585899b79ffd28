"""Claims to and from CSV and JSONL, losslessly: export, import into an empty ledger, export again gives
the same bytes.

CSV has one column per claim field (DESIGN.md §4, in contract order): an empty cell is null, numbers are
written as Python writes them (``30000`` stays an integer, ``30000.0`` a float), ``approx`` is
``true``/``false`` and ``entities`` a JSON array.  JSONL is one claim JSON object a line.  Reading checks
every row and stops at the first bad one with ``file:line: what is wrong``.
"""

from __future__ import annotations

import csv
import json
import math
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from factcheck.errors import InputError, UsageError
from factcheck.io import json_text
from factcheck.ledger.migrations import untagged
from factcheck.model import BOUNDS, CLAIM_FIELDS, Claim

FORMATS = ("csv", "jsonl")
_SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl"}
_REQUIRED_TEXT = ("id", "doc", "text", "bound", "lang")
_INTS = ("start", "end")
_NUMBERS = ("value", "low", "high", "precision")
_OPTIONAL_TEXT = ("unit", "unit_text", "subject", "subject_key", "source", "source_text", "cue", "time")
_LANGS = ("ar", "en")
_INT = re.compile(r"^[+-]?\d+$")


def format_of(path: str | None, explicit: str | None = None, default: str = "jsonl") -> str:
    """The format to use: ``explicit``, else from the file suffix, else ``default``."""
    if explicit:
        if explicit not in FORMATS:
            raise UsageError(f"unknown format '{explicit}' (choose {', '.join(FORMATS)})")
        return explicit
    if path and path != "-":
        return _SUFFIXES.get(Path(path).suffix.lower(), default)
    return default


# ---------------------------------------------------------------- writing


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else ""  # what JSON writes too: null
    if isinstance(value, (list, tuple)):
        return json.dumps(list(value), ensure_ascii=False) if value else ""
    return str(value)


def csv_row(claim: Claim) -> list[str]:
    """The CSV cells of ``claim``, in :data:`CLAIM_FIELDS` order."""
    return [_cell(getattr(claim, name)) for name in CLAIM_FIELDS]


def json_line(claim: Claim) -> str:
    """The claim's JSON object on one line (no newline)."""
    return json_text(claim.to_dict())


def write_claims(claims: Iterable[Claim], out: IO[str], fmt: str, with_kind: bool = False) -> int:
    """Write ``claims`` to ``out`` as ``csv`` or ``jsonl``; the number written. The one claim CSV of
    every command (``claims export``, ``extract --format csv``; ``with_kind`` adds the ``kind`` column of
    ``extract --all``, which the reader ignores): what it writes, :func:`read_claims` reads back."""
    n = 0
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        # the minimal writer does not quote a lone "\r" (only its line ending): quote such rows fully
        careful = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
        writer.writerow([*CLAIM_FIELDS, "kind"] if with_kind else CLAIM_FIELDS)
        for claim in claims:
            row = csv_row(claim) + ([claim.kind] if with_kind else [])
            (careful if any("\r" in cell for cell in row) else writer).writerow(row)
            n += 1
    else:
        for claim in claims:
            out.write(json_line(claim) + "\n")
            n += 1
    return n


# ---------------------------------------------------------------- reading


class _Bad(Exception):
    """A field is wrong; the reader adds file and line."""


def _check(data: dict[str, Any]) -> Claim:
    """Validate a claim given as JSON-typed values and build it."""
    for name in _REQUIRED_TEXT:
        value = data.get(name)
        if not isinstance(value, str) or not value:
            raise _Bad(f"'{name}' is missing" if value in (None, "") else f"'{name}' must be text")
    for name in _INTS:
        value = data.get(name)
        if value is None:
            raise _Bad(f"'{name}' is missing")
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < _INT64:
            raise _Bad(f"'{name}' must be a whole number from 0 to 2**63 - 1, not {_short(value)}")
    if data["start"] > data["end"]:
        raise _Bad(f"'start' ({data['start']}) is after 'end' ({data['end']})")
    for name in _NUMBERS:
        value = data.get(name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not _finite(value):
            why = f"must be a finite number (at most {_LIMIT:.3g}) or null, not {_short(value)}"
            raise _Bad(f"'{name}' {why}")
    for name in _OPTIONAL_TEXT:
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            raise _Bad(f"'{name}' must be text or null, not {_short(value)}")
    for name in (*_REQUIRED_TEXT, *_OPTIONAL_TEXT):
        _unicode(name, data.get(name))
    if data["bound"] not in BOUNDS:
        raise _Bad(f"unknown bound '{data['bound']}' (one of {', '.join(BOUNDS)})")
    if not isinstance(data.get("approx"), bool):
        raise _Bad(f"'approx' must be true or false, not {data.get('approx')!r}")
    if data["lang"] not in _LANGS:
        raise _Bad(f"unknown lang '{data['lang']}' (ar or en)")
    entities = data.get("entities") or []
    if not isinstance(entities, list) or not all(isinstance(e, str) for e in entities):
        raise _Bad("'entities' must be a list of names")
    for entity in entities:
        _unicode("entities", entity)
    key, event, owner = untagged(data.get("subject_key"), data.get("event"), data.get("owner"))
    fields = {**{k: data.get(k) for k in CLAIM_FIELDS}, "entities": entities}
    return Claim.from_dict({**fields, "subject_key": key, "event": event, "owner": owner})


_INT64 = 2**63


#: the largest magnitude a stored number may have: what a float holds (any finite value a ledger holds
#: exports and imports again; comparisons cope with a conversion to another unit overflowing)
_LIMIT = sys.float_info.max


def _finite(value: int | float) -> bool:
    """A number that stays finite as a float (a 400-digit integer does not)."""
    try:
        return math.isfinite(float(value)) and abs(value) <= _LIMIT
    except OverflowError:
        return False


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:40]}... ({len(text)} characters)"


def _unicode(name: str, value: Any) -> None:
    """Refuse text that cannot be stored or written as UTF-8 (a lone surrogate such as ``\\ud800``)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            bad = f"U+{ord(value[exc.start]):04X}"
            raise _Bad(f"'{name}' holds {bad}, a lone surrogate: not valid Unicode text") from None


def _parse_cell(name: str, cell: str) -> Any:
    if name in _INTS:
        if not _INT.match(cell):
            raise _Bad(
                f"'{name}' must be a whole number, not {_short(cell)}" if cell else f"'{name}' is missing"
            )
        if len(cell) > 30:
            raise _Bad(f"'{name}' must be a whole number from 0 to 2**63 - 1, not {_short(cell)}")
        return int(cell)
    if name in _NUMBERS:
        if cell == "":
            return None
        if _INT.match(cell):
            if len(cell.lstrip("+-0")) > 309:
                raise _Bad(f"'{name}' must be a finite number (at most {_LIMIT:.3g}), not {_short(cell)}")
            return int(cell)
        try:
            return float(cell)
        except ValueError:
            raise _Bad(f"'{name}' must be a number, not {cell!r}") from None
    if name == "approx":
        folded = cell.strip().lower()
        if folded in ("true", "1"):
            return True
        if folded in ("false", "0"):
            return False
        raise _Bad(f"'approx' must be true or false, not {cell!r}")
    if name == "entities":
        if cell == "":
            return []
        try:
            return json.loads(cell)
        except json.JSONDecodeError:
            raise _Bad(f"'entities' must be a JSON list of names, not {cell!r}") from None
    return cell if cell != "" else None


@contextmanager
def _open(path: str) -> Iterator[Iterator[str]]:
    """The file's lines, decoded one at a time so a decoding error names its line (``-`` is stdin)."""
    if path == "-":
        yield _decoded(sys.stdin.buffer, path)
        return
    p = Path(path)
    if p.is_dir():
        raise InputError("is a folder, not a claims file", path=path)
    from factcheck.io import check_input_file

    check_input_file(path)  # a named pipe would hang the read
    try:
        handle = p.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from exc
    with handle:
        yield _decoded(handle, path)


def _decoded(handle: IO[bytes], path: str) -> Iterator[str]:
    for number, raw in enumerate(handle, 1):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError("not UTF-8 text", path=path, line=number) from None
        yield text.removeprefix("\ufeff") if number == 1 else text


def _iter_csv(handle: Iterator[str], path: str) -> Iterator[tuple[int, Claim]]:
    reader = csv.reader(handle, strict=True)
    line = 1
    try:
        header = next(reader, None)
        if not header:
            raise InputError("empty file: expected a header row", path=path, line=1)
        missing = [c for c in (*_REQUIRED_TEXT, *_INTS, "approx") if c not in header]
        if missing:
            raise InputError(f"header lacks column(s) {', '.join(missing)}", path=path, line=1)
        if len(set(header)) != len(header):
            raise InputError("header repeats a column", path=path, line=1)
        while True:
            line = reader.line_num + 1
            row = next(reader, None)
            if row is None:
                return
            if not row:
                continue
            if len(row) != len(header):
                raise InputError(f"row has {len(row)} fields, the header {len(header)}", path=path, line=line)
            data: dict[str, Any] = {}
            try:
                for name, cell in zip(header, row, strict=True):
                    if name in CLAIM_FIELDS:
                        data[name] = _parse_cell(name, cell)
                yield line, _check(data)
            except _Bad as exc:
                raise InputError(str(exc), path=path, line=line) from None
    except csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}", path=path, line=line) from None


def _iter_jsonl(handle: Iterator[str], path: str) -> Iterator[tuple[int, Claim]]:
    for line, text in enumerate(handle, 1):
        if not text.strip():
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            why = f"broken JSON: {exc.msg} (column {exc.colno})"
            raise InputError(why, path=path, line=line) from None
        except (ValueError, RecursionError) as exc:  # a 5,000-digit integer, arrays nested too deep
            raise InputError(f"unreadable JSON: {str(exc)[:120]}", path=path, line=line) from None
        if not isinstance(data, dict):
            raise InputError("expected one claim object a line", path=path, line=line)
        try:
            yield line, _check(data)
        except _Bad as exc:
            raise InputError(str(exc), path=path, line=line) from None


def read_claims(path: str, fmt: str | None = None) -> list[Claim]:
    """Every claim of a CSV or JSONL file (``-`` is stdin), checked; :class:`InputError` with
    ``file:line`` on the first bad row, including a claim id given twice."""
    kind = format_of(path, fmt)
    seen: dict[str, int] = {}
    claims: list[Claim] = []
    with _open(path) as handle:
        rows = _iter_csv(handle, path) if kind == "csv" else _iter_jsonl(handle, path)
        for line, claim in rows:
            if claim.id in seen:
                why = f"claim id '{claim.id}' already given on line {seen[claim.id]}"
                raise InputError(why, path=path, line=line)
            seen[claim.id] = line
            claims.append(claim)
    return claims
