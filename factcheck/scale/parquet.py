"""Claims to and from Parquet (``claims export --format parquet``; ``compare --parquet``), with pyarrow.

One column per claim field in contract order (:data:`factcheck.model.CLAIM_FIELDS`): text as strings,
``start``/``end`` int64, ``approx`` bool, ``entities`` a list of strings, and value/low/high/precision
as float64 with ``number_is_int`` (a bit per number: 1 value, 2 low, 4 high, 8 precision) saying which
were integers, so 30000 and 30000.0 read back as they were written (integers beyond 2**53 are not
exact in float64).  Row groups end on a document boundary, so each row group is a slice of the ledger
that :mod:`factcheck.scale` may read and summarise on its own.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from factcheck.errors import InputError
from factcheck.model import CLAIM_FIELDS, Claim, claim_builder

NUMBERS = ("value", "low", "high", "precision")
#: claims per row group (cut at the next document boundary)
ROW_GROUP = 65_536
_INT_FIELDS = ("start", "end")
_FIELD_ORDER = tuple(f for f in Claim.__dataclass_fields__)  # declaration order, with kind and origin


def _schema():
    import pyarrow as pa

    columns = []
    for name in CLAIM_FIELDS:
        if name in NUMBERS:
            columns.append(pa.field(name, pa.float64()))
        elif name in _INT_FIELDS:
            columns.append(pa.field(name, pa.int64()))
        elif name == "approx":
            columns.append(pa.field(name, pa.bool_()))
        elif name == "entities":
            columns.append(pa.field(name, pa.list_(pa.string())))
        else:
            columns.append(pa.field(name, pa.string()))
    columns.append(pa.field("number_is_int", pa.int8()))
    return pa.schema(columns)


def _table(rows: list[Claim]):
    import pyarrow as pa

    data: dict[str, list[Any]] = {name: [] for name in CLAIM_FIELDS}
    flags = []
    for c in rows:
        bits = 0
        for i, name in enumerate(NUMBERS):
            v = getattr(c, name)
            if isinstance(v, int) and not isinstance(v, bool):
                bits |= 1 << i
        flags.append(bits)
        for name in CLAIM_FIELDS:
            v = getattr(c, name)
            if name in NUMBERS and v is not None:
                v = float(v)
            elif name == "entities":
                v = list(v)
            data[name].append(v)
    data["number_is_int"] = flags
    return pa.Table.from_pydict(data, schema=_schema())


def write_parquet(
    claims: Iterable[Claim],
    path: str | os.PathLike[str],
    *,
    row_group: int = ROW_GROUP,
    inputs: Iterable[Any] = (),
) -> int:
    """Write ``claims`` (in ledger order) to ``path`` atomically (never over one of ``inputs``); the
    number written."""
    from factcheck.io import refuse_overwrite

    refuse_overwrite(path, inputs)
    pq = _pyarrow_parquet()
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp{os.getpid()}")
    n = 0
    try:
        with pq.ParquetWriter(tmp, _schema(), compression="zstd") as writer:
            batch: list[Claim] = []
            for claim in claims:
                if len(batch) >= row_group and claim.doc != batch[-1].doc:
                    writer.write_table(_table(batch), row_group_size=len(batch))
                    batch = []
                batch.append(claim)
                n += 1
            if batch or n == 0:
                writer.write_table(_table(batch), row_group_size=max(1, len(batch)))
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"cannot write: {exc.strerror or exc}", path=str(path)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return n


def _pyarrow_parquet():
    try:
        import pyarrow.parquet as pq
    except ImportError:
        from factcheck.errors import UsageError

        raise UsageError("Parquet needs pyarrow: pip install 'factcheck[scale]'") from None
    return pq


def _open(path: str | os.PathLike[str]):
    pq = _pyarrow_parquet()
    import pyarrow as pa

    try:
        handle = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        why = getattr(exc, "strerror", None) or str(exc).splitlines()[0]
        raise InputError(f"not a readable Parquet claims file ({why})", path=str(path)) from None
    missing = [n for n in (*CLAIM_FIELDS, "number_is_int") if n not in handle.schema_arrow.names]
    if missing:
        raise InputError(f"not a claims export: no column(s) {', '.join(missing)}", path=str(path))
    return handle


def row_groups(path: str | os.PathLike[str]) -> int:
    """How many row groups (slices) the file holds."""
    return _open(path).num_row_groups


def read_row_group(path: str | os.PathLike[str], index: int) -> list[Claim]:
    """The claims of one row group, in file order."""
    handle = _open(path)
    return list(_claims(handle.read_row_group(index, columns=[*CLAIM_FIELDS, "number_is_int"])))


def read_parquet(path: str | os.PathLike[str]) -> Iterator[Claim]:
    """Every claim of the file, in file order."""
    handle = _open(path)
    for i in range(handle.num_row_groups):
        yield from _claims(handle.read_row_group(i, columns=[*CLAIM_FIELDS, "number_is_int"]))


def _claims(table) -> Iterator[Claim]:
    build = claim_builder()
    columns = {name: table.column(name).to_pylist() for name in (*CLAIM_FIELDS, "number_is_int")}
    flags = columns.pop("number_is_int")
    for name in NUMBERS:
        bit = 1 << NUMBERS.index(name)
        values = columns[name]
        for i, v in enumerate(values):
            if v is not None and flags[i] & bit:
                values[i] = int(v)
    columns["entities"] = [tuple(e) if e else () for e in columns["entities"]]
    columns["kind"] = ["quantity"] * table.num_rows
    columns["origin"] = ["ledger"] * table.num_rows  # claims exported from a ledger
    ordered = [columns[name] for name in _FIELD_ORDER]
    for values in zip(*ordered, strict=True):
        yield build(*values)
