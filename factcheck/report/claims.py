"""Claims as JSON, JSON Lines, CSV or a terminal table (``factcheck extract``, ``claims export``)."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable, Iterable
from typing import TextIO

from factcheck.io import json_text
from factcheck.model import Claim


def claim_rows(claims: Iterable[Claim], with_kind: bool = False) -> list[dict]:
    return [c.to_dict(with_kind=with_kind) for c in claims]


def write_json(claims: Iterable[Claim], out: TextIO, with_kind: bool = False) -> None:
    """One JSON array, written claim by claim: the text of ``json.dumps(rows, indent=2)``."""
    first = True
    for c in claims:
        item = json_text(c.to_dict(with_kind=with_kind), indent=2).replace("\n", "\n  ")
        out.write(("[\n  " if first else ",\n  ") + item)
        first = False
    out.write("[]\n" if first else "\n]\n")


def write_jsonl(claims: Iterable[Claim], out: TextIO, with_kind: bool = False) -> None:
    for c in claims:
        out.write(json_text(c.to_dict(with_kind=with_kind)) + "\n")


def write_csv(claims: Iterable[Claim], out: TextIO, with_kind: bool = False) -> None:
    """The ledger's claim CSV (:func:`factcheck.ledger.io.write_claims`): ``claims import`` reads it."""
    from factcheck.ledger.io import write_claims

    write_claims(claims, out, "csv", with_kind)


def _text(write: Callable[[Iterable[Claim], TextIO, bool], None]) -> Callable[..., str]:
    def render(claims: Iterable[Claim], with_kind: bool = False) -> str:
        buf = io.StringIO()
        write(claims, buf, with_kind)
        return buf.getvalue()

    render.__doc__ = f"The text :func:`{write.__name__}` writes."
    return render


to_json = _text(write_json)
to_jsonl = _text(write_jsonl)
to_csv = _text(write_csv)


def format_value(c: Claim) -> str:
    """``about 30,000``-style rendering of the value or interval (language-neutral)."""

    def num(x: float | int | None) -> str:
        if x is None:
            return "?"
        if isinstance(x, float) and not x.is_integer():
            return f"{x:,.6g}" if abs(x) < 1e6 else f"{x:,.2f}"
        return f"{int(x):,}"

    if c.bound == "range":
        core = f"{num(c.low)}–{num(c.high)}"
    elif c.value is not None:
        core = num(c.value)
    else:
        core = num(c.low if c.low is not None else c.high)
    marks = {"approx": "~", "more_than": ">", "at_least": "≥", "less_than": "<", "at_most": "≤"}
    prefix = marks.get(c.bound, "~" if c.approx and c.bound == "range" else "")
    return prefix + core


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf" else 1 for ch in text)


def _cell(text: str, width: int) -> str:
    text = " ".join(text.split())
    if _width(text) > width:
        text = text[: width - 1] + "…"
    return text + " " * max(0, width - _width(text))


def frame_summary(c: Claim) -> str:
    """The frame fields a reader needs, in a few words: "inflation · killed · cumulative · target"
    (defaults, actual and point in time, are left out; a time from the publication date is marked)."""
    bits = [c.measure, c.event, c.owner, c.group, "part" if c.scope == "part" else None]
    if c.aggregation and c.aggregation != "point":
        bits.append(c.aggregation.replace("_", " "))
    if c.modality and c.modality != "actual":
        bits.append(c.modality)
    if c.change:
        bits.append(c.change)
    if c.time_basis and c.time_basis != "stated":
        bits.append(f"as of {c.time_basis}")
    return " · ".join(b for b in bits if b)


def write_table(claims: Iterable[Claim], out: TextIO, with_kind: bool = False) -> None:
    """A plain terminal table, one claim a line (bidi isolates keep Arabic cells in place)."""
    cols = [
        ("doc", 16),
        ("text", 30),
        ("value", 14),
        ("unit", 10),
        ("subject", 24),
        ("source", 20),
        ("time", 21),
        ("frame", 40),
    ]
    if with_kind:
        cols.insert(1, ("kind", 11))
    out.write("  ".join(_cell(name, w) for name, w in cols).rstrip() + "\n")
    count = 0
    for c in claims:
        count += 1
        values = {
            "doc": c.doc,
            "kind": c.kind,
            "text": c.text,
            "value": format_value(c) if c.kind == "quantity" else "",
            "unit": c.unit or "",
            "subject": c.subject or "",
            "source": c.source or "",
            "time": c.time or "",
            "frame": frame_summary(c),
        }
        row = []
        for name, w in cols:
            cell = _cell(str(values[name]), w)
            if name in ("text", "subject", "source", "doc"):
                cell = "\u2068" + cell + "\u2069"
            row.append(cell)
        out.write("  ".join(row).rstrip() + "\n")
    out.write(f"{count} {'expressions' if with_kind else 'claims'}\n")


to_table = _text(write_table)


FORMATS = {"table": to_table, "json": to_json, "jsonl": to_jsonl, "csv": to_csv}
#: the same formats written to a text stream as the claims come (``factcheck extract`` of a large input)
WRITERS = {"table": write_table, "json": write_json, "jsonl": write_jsonl, "csv": write_csv}
