"""Desk reference figures: verified numbers in CSV or YAML files under ``claims/``.

Columns (CSV header or YAML keys): ``subject``, ``value`` or ``low``/``high``, ``bound``, ``unit``,
``source``, ``time``, ``url``, ``note``, and optionally ``precision`` and ``lang``.  ``subject``,
``unit``, ``source`` and a value are required.  ``bound`` defaults to ``exact`` for a value, ``range``
for low and high, ``at_least`` / ``at_most`` for low or high alone.  ``unit`` is a canonical unit or any
unit word the lexicon knows (``people`` -> ``person``, ``شخص`` -> ``person``).  Numbers may be grouped
(``31,000``) and use Arabic-Indic digits; ``precision`` defaults to the rounding step of the number as
written (``31,000`` -> 1000).  Every problem is reported as ``file:line: what is wrong``
(:class:`ConfigError`).

A YAML file is a list of figures or a mapping with a ``figures:`` list; a YAML file of another shape (an
accepted-findings file, say) is not a reference file and is skipped by :func:`load_references`.

Each figure becomes a :class:`~factcheck.model.Claim` with ``origin = "reference"``, ``doc = "ref:<file>"``
(a name for people: code reads ``origin``), id ``ref:<file>#<n>`` (n counts the figures from 1), and
``text``/``start``/``end`` the figure's row (or YAML entry) in the file, so the comparator treats it like any
stored claim.
"""

from __future__ import annotations

import csv
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from factcheck import cache as disk_cache
from factcheck.errors import ConfigError
from factcheck.model import BOUNDS, Claim

COLUMNS = ("subject", "value", "low", "high", "bound", "unit", "source", "time", "url", "note")
OPTIONAL_COLUMNS = ("precision", "lang")
_ALL_COLUMNS = COLUMNS + OPTIONAL_COLUMNS
_SUFFIXES = (".csv", ".yaml", ".yml")
_LEXICON = Path(__file__).resolve().parents[1] / "lexicon"
_NULLS = ("", "~", "null", "Null", "NULL")
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_TIME_POINT = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
_TIME = re.compile(rf"^{_TIME_POINT}(?:/{_TIME_POINT})?$")


@dataclass(frozen=True, slots=True)
class Reference:
    """One reference figure: the claim the comparator uses, plus what only the desk needs."""

    claim: Claim
    url: str | None
    note: str | None
    path: str
    line: int


# ---------------------------------------------------------------- units


def _fold_unit(text: str) -> str:
    from factcheck.text.normalize import normalize

    return " ".join(normalize(text).text.casefold().split())


@lru_cache(maxsize=1)
def known_units() -> tuple[frozenset[str], dict[str, str]]:
    """(canonical units, folded unit word -> canonical unit) from the lexicon files' ``[units.*]`` tables
    (built once per installed package and kept in the on-disk cache)."""
    return disk_cache.built("reference-units", _known_units)


def _known_units() -> tuple[frozenset[str], dict[str, str]]:
    canonical: set[str] = set()
    aliases: dict[str, str] = {}
    for path in sorted(_LEXICON.glob("*.toml")):
        try:
            data = disk_cache.toml(path.read_bytes())
        except (OSError, tomllib.TOMLDecodeError):
            continue  # the lexicon loader reports its own errors
        tables = data.get("units", {})
        for table in tables.values() if isinstance(tables, dict) else ():
            if not isinstance(table, dict):
                continue
            for word, unit in table.items():
                if isinstance(unit, str) and unit:
                    canonical.add(unit)
                    aliases.setdefault(_fold_unit(word), unit)
    for unit in canonical:
        aliases.setdefault(_fold_unit(unit), unit)
    return frozenset(canonical), aliases


@lru_cache(maxsize=1)
def _english_plurals() -> tuple[tuple[str, str], ...]:
    """The plural endings of English unit words and what replaces them (``[units.plural_suffixes]``)."""
    data = disk_cache.toml((_LEXICON / "en.toml").read_bytes())
    forms = data.get("units", {}).get("plural_suffixes", {}).get("forms", [])
    return tuple((a, b) for a, _, b in (str(f).partition(":") for f in forms))


def resolve_unit(text: str) -> str | None:
    """The canonical unit for ``text`` (a canonical unit or a unit word of the lexicon), or None."""
    canonical, aliases = known_units()
    if text in canonical:
        return text
    folded = _fold_unit(text)
    if folded in aliases:
        return aliases[folded]
    for suffix, repl in _english_plurals():  # trucks, kilometres
        if folded.endswith(suffix) and folded[: -len(suffix)] + repl in aliases:
            return aliases[folded[: -len(suffix)] + repl]
    return None


def _unit_hint(text: str) -> str:
    from rapidfuzz import fuzz, process

    aliases = known_units()[1]
    best = process.extractOne(_fold_unit(text), list(aliases), scorer=fuzz.ratio, score_cutoff=75)
    return f" (did you mean '{aliases[best[0]]}'?)" if best else ""


# ---------------------------------------------------------------- one figure


class _Bad(Exception):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def _number(text: str, name: str) -> tuple[int | float, Decimal]:
    """The value of a number as written and the rounding step it implies."""
    from factcheck.text.normalize import normalize

    folded = normalize(text).text.strip()
    if not _NUMBER.match(folded):
        raise _Bad(f"{name} '{text}' is not a number")
    body = folded.replace(",", "").lstrip("+")
    try:
        exact = Decimal(body)
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        raise _Bad(f"{name} '{text}' is not a number") from None
    if not exact.is_finite() or abs(exact) > Decimal("1e300"):  # every number stays a finite float
        raise _Bad(f"{name} '{text[:40]}' is too large to compare (more than 1e300)")
    if "." in body:
        step = Decimal(1).scaleb(-(len(body) - body.index(".") - 1))
        return float(exact), step
    n = abs(int(exact))
    step = Decimal(1)
    while n and n % 10 == 0:
        n //= 10
        step *= 10
    return int(exact), step


def _plain(step: Decimal) -> int | float:
    return int(step) if step >= 1 else float(step)


def _figure(cells: dict[str, str | None], lines: dict[str, int]) -> dict[str, Any]:
    """Check one figure's cells; the claim fields it gives (``text`` etc. are added by the caller)."""

    def bad(message: str, column: str | None = None) -> _Bad:
        return _Bad(message, lines.get(column) if column else None)

    for column in ("subject", "unit", "source"):
        if not cells.get(column):
            raise bad(f"'{column}' is missing", column)
    subject, written_unit, source = cells["subject"], cells["unit"], cells["source"]
    assert subject and written_unit and source
    unit = resolve_unit(written_unit)
    if unit is None:
        raise bad(f"unknown unit '{written_unit}'{_unit_hint(written_unit)}", "unit")
    numbers: dict[str, int | float | None] = {}
    steps: list[Decimal] = []
    for column in ("value", "low", "high"):
        text = cells.get(column)
        if text:
            try:
                numbers[column], step = _number(text, column)
            except _Bad as exc:
                raise bad(str(exc), column) from None
            steps.append(step)
        else:
            numbers[column] = None
    value, low, high = numbers["value"], numbers["low"], numbers["high"]
    bound = cells.get("bound")
    if bound and bound not in BOUNDS:
        raise bad(f"unknown bound '{bound}' (one of {', '.join(BOUNDS)})", "bound")
    if not bound:
        if value is not None:
            bound = "approx" if low is not None or high is not None else "exact"
        elif low is not None and high is not None:
            bound = "range"
        elif low is not None:
            bound = "at_least"
        elif high is not None:
            bound = "at_most"
        else:
            raise bad("give a value, or low and/or high")
    if bound == "range":
        if value is not None:
            raise bad("a range has low and high, not a value", "value")
        if low is None or high is None:
            raise bad("a range needs both low and high", "high" if low is not None else "low")
    elif bound in ("exact", "approx"):
        if value is None:
            raise bad(f"bound '{bound}' needs a value", "bound")
        low = value if low is None else low
        high = value if high is None else high
        if not low <= value <= high:
            raise bad(f"value {value} is not between low {low} and high {high}", "value")
    elif bound in ("more_than", "at_least"):
        if high is not None:
            raise bad(f"bound '{bound}' takes no high", "high")
        if value is None:
            value = low
        if value is None:
            raise bad(f"bound '{bound}' needs a value", "bound")
        low = value if low is None else low
    else:  # less_than, at_most
        if low is not None:
            raise bad(f"bound '{bound}' takes no low", "low")
        if value is None:
            value = high
        if value is None:
            raise bad(f"bound '{bound}' needs a value", "bound")
        high = value if high is None else high
    if low is not None and high is not None and low > high:
        raise bad(f"low {low} is above high {high}", "low")
    if cells.get("precision"):
        try:
            precision, _ = _number(cells["precision"] or "", "precision")
        except _Bad as exc:
            raise bad(str(exc), "precision") from None
        if precision <= 0:
            raise bad("precision must be above 0", "precision")
    else:
        precision = _plain(min(steps))  # a range is as precise as its finer bound (2,500–3,000: 100)
    time = cells.get("time")
    if time and not _TIME.match(time):
        raise bad(f"time '{time}' is not an ISO date, month, year or interval (2025-07, 2019/2025)", "time")
    url = cells.get("url")
    if url and not re.match(r"^https?://\S+$", url):
        raise bad(f"url '{url}' is not an http(s) address", "url")
    from factcheck.lexicon import script_pattern

    lang = cells.get("lang") or ("ar" if script_pattern("ar").search(subject) else "en")
    from factcheck.lexicon import LANGS

    if lang not in LANGS:
        raise bad(f"unknown lang '{lang}' ({' or '.join(LANGS)})", "lang")
    from factcheck.context import describe_subject

    entities, key = describe_subject(subject, unit)
    if not key:
        from factcheck.ledger.store import normalise_key  # the SQLite store only when it is needed

        key = normalise_key(subject)
    return {
        "value": value, "low": low, "high": high, "bound": bound, "approx": bound in ("approx", "range"),
        "precision": precision, "unit": unit, "unit_text": written_unit, "subject": subject,
        "subject_key": key, "source": source, "source_text": source, "cue": None,
        "time": time or None, "lang": lang, "entities": entities,
    }  # fmt: skip


# ---------------------------------------------------------------- files

#: (line, start offset, end offset, cells by column, line of each cell when known)
_Record = tuple[int, int, int, dict[str, str | None], dict[str, int]]


def _csv_records(text: str, path: str) -> Iterator[_Record]:
    """(line, start, end, cells, column lines) for each data row of a CSV file."""
    lines = re.findall(r"[^\n]*\n|[^\n]+$", text)
    offsets = [0]
    for piece in lines:
        offsets.append(offsets[-1] + len(piece))
    position = 0

    def feed() -> Iterator[str]:
        nonlocal position
        while position < len(lines):
            position += 1
            yield lines[position - 1]

    reader = csv.reader(feed(), strict=True)
    try:
        header = next(reader, None)
        if not header:
            raise ConfigError("empty reference file: expected a header row", path=path, line=1)
        header = [h.strip() for h in header]
        for name in header:
            if name not in _ALL_COLUMNS:
                raise ConfigError(
                    f"unknown column '{name}' (a reference file has {', '.join(COLUMNS)})", path=path, line=1
                )
        if len(set(header)) != len(header):
            raise ConfigError("a column is named twice", path=path, line=1)
        while True:
            first = position
            row = next(reader, None)
            if row is None:
                return
            if not any(cell.strip() for cell in row):
                continue
            line = first + 1
            if len(row) != len(header):
                why = f"row has {len(row)} fields, the header {len(header)}"
                raise ConfigError(why, path=path, line=line)
            cells = {name: (cell.strip() or None) for name, cell in zip(header, row, strict=True)}
            start, end = offsets[first], offsets[position]
            end -= len(text[start:end]) - len(text[start:end].rstrip("\r\n"))
            yield line, start, end, cells, {}
    except csv.Error as exc:
        raise ConfigError(f"malformed CSV: {exc}", path=path, line=position) from None


def _yaml_records(text: str, path: str) -> Iterator[_Record]:
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line = mark.line + 1 if mark else None
        raise ConfigError(f"broken YAML: {problem}", path=path, line=line) from None
    items = _yaml_figures(root)
    if items is None:
        return
    for item in items:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.MappingNode):
            raise ConfigError("a figure must be a mapping of column: value", path=path, line=line)
        cells: dict[str, str | None] = {}
        lines: dict[str, int] = {}
        for key, value in item.value:
            name = str(key.value).strip()
            if name not in _ALL_COLUMNS:
                raise ConfigError(
                    f"unknown column '{name}' (a reference figure has {', '.join(COLUMNS)})",
                    path=path,
                    line=key.start_mark.line + 1,
                )
            if name in cells:
                raise ConfigError(f"'{name}' is given twice", path=path, line=key.start_mark.line + 1)
            if not isinstance(value, yaml.ScalarNode):
                line = value.start_mark.line + 1
                raise ConfigError(f"'{name}' must be a single value", path=path, line=line)
            raw = str(value.value).strip()
            cells[name] = None if (value.style is None and raw in _NULLS) or not raw else raw
            lines[name] = value.start_mark.line + 1
        start, end = item.start_mark.index, item.end_mark.index
        end = start + len(text[start:end].rstrip())
        yield line, start, end, cells, lines


def _yaml_figures(root: Any) -> list[Any] | None:
    """The figure nodes of a reference YAML document, or None when it is not a reference file."""
    import yaml

    if root is None:
        return []
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == "figures":
                if isinstance(value, yaml.SequenceNode):
                    return list(value.value)
                return [] if isinstance(value, yaml.ScalarNode) and value.value in _NULLS else [value]
        return None
    if isinstance(root, yaml.SequenceNode):
        first = root.value[0] if root.value else None
        if isinstance(first, yaml.MappingNode) and not any(
            k.value in ("subject", "unit", "value") for k, _ in first.value
        ):
            return None  # a list of something else
        return list(root.value)
    return None


def is_reference_file(path: str | Path) -> bool:
    """Whether :func:`load_references` reads ``path`` (a CSV, or a YAML file shaped like references)."""
    p = Path(path)
    if p.suffix.lower() == ".csv":
        return True
    if p.suffix.lower() not in (".yaml", ".yml"):
        return False
    import yaml

    try:
        return _yaml_figures(yaml.compose(p.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)) is not None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return True  # let the reader report the problem


def _display(path: Path) -> str:
    """``path`` relative to the working folder when it is inside it (stable claim ids), else as given."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def read_reference_file(path: str | Path) -> list[Reference]:
    """Every figure of one reference file; :class:`ConfigError` ``file:line: ...`` on the first problem.

    The file is named relative to the working folder when inside it: ``doc`` is ``ref:claims/x.csv``.
    """
    where = _display(Path(path))
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 text ({exc.reason})", path=where) from None
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror or exc}", path=where) from None
    records = _csv_records if Path(path).suffix.lower() == ".csv" else _yaml_records
    doc = f"ref:{where}"
    out: list[Reference] = []
    for line, start, end, cells, lines in records(text, where):
        try:
            fields = _figure(cells, lines)
        except _Bad as exc:
            raise ConfigError(str(exc), path=where, line=exc.line or line) from None
        n = len(out) + 1
        claim = Claim(
            id=f"{doc}#{n}", doc=doc, text=text[start:end], start=start, end=end, **fields, origin="reference"
        )
        out.append(Reference(claim, cells.get("url"), cells.get("note"), where, line))
    return out


def reference_files(folder: str | Path = "claims") -> list[Path]:
    """The reference files directly in ``folder`` (sorted), none when it does not exist."""
    base = Path(folder)
    if not base.is_dir():
        return []
    found = [p for p in base.iterdir() if p.is_file() and p.suffix.lower() in _SUFFIXES]
    return sorted(p for p in found if not p.name.startswith(".") and is_reference_file(p))


def reference_figures(folder: str | Path = "claims") -> list[Reference]:
    """Every figure of every reference file in ``folder``."""
    return [ref for path in reference_files(folder) for ref in read_reference_file(path)]


def load_references(folder: str | Path = "claims") -> list[Claim]:
    """The reference figures in ``folder`` as claims, for the comparator."""
    return [ref.claim for ref in reference_figures(folder)]
