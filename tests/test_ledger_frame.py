"""``factcheck.ledger.frame``: the ledger as a pandas DataFrame with proper dtypes (both backends)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from ledger_backends import backend_fixture, ledgers_fixture  # noqa: F401  (fixtures)

from factcheck.errors import LedgerError
from factcheck.ledger import DocumentRecord, frame, open_ledger
from factcheck.ledger.frames import EXTRA_COLUMNS
from factcheck.model import CLAIM_FIELDS, Claim

ROOT = Path(__file__).resolve().parent.parent


def _claim(doc: str, i: int, **changes: object) -> Claim:
    base = Claim(
        f"{doc}#{i}", doc, "about 30,000 people", 0, 19, 30000, 30000, 30000, "approx", True, 10000, "person",
        "people", subject="people in al-Hol camp", subject_key="people hol camp", source="CENTCOM",
        time="2025-11", entities=("al-Hol",),
    )  # fmt: skip
    return base.with_(**changes)


@pytest.fixture
def ledger(ledgers) -> Path:
    db = ledgers.new()
    with open_ledger(db) as ledger:
        ledger.ingest(
            [
                (
                    DocumentRecord("a", "a.txt", "Shafaq News", "2025-11-13", "ar", "h1"),
                    lambda: [
                        _claim("a", 0),
                        _claim("a", 1, value=None, low=2500, high=3000.5, bound="range"),
                    ],
                ),
                (
                    DocumentRecord("b", "b.md", "Reuters", "2024-03-01T09:30:00+03:00", "en", "h2"),
                    lambda: [
                        _claim(
                            "b", 0, unit="km", precision=None, entities=(), subject="road", subject_key="road"
                        )
                    ],
                ),
                (DocumentRecord("c", "c.txt", None, None, "en", "h3"), lambda: [_claim("c", 0, value=2.5)]),
            ]
        )
    return db


def test_dtypes(ledger: Path) -> None:
    df = frame(ledger)
    assert list(df.columns) == [*CLAIM_FIELDS, *EXTRA_COLUMNS]
    assert len(df) == 4
    for name in ("value", "low", "high", "precision"):
        assert df[name].dtype == "Float64", name
    assert df["value"].isna().tolist() == [False, True, False, False]
    assert df.loc[1, "high"] == 3000.5 and df.loc[3, "value"] == 2.5
    assert df["start"].dtype == "Int64" and df["end"].dtype == "Int64"
    assert df["approx"].dtype == "boolean"
    for name in ("unit", "bound", "lang"):
        assert isinstance(df[name].dtype, pd.CategoricalDtype), name
    assert pd.api.types.is_datetime64_any_dtype(df["published"])
    assert df.loc[0, "published"] == pd.Timestamp("2025-11-13")
    assert df.loc[2, "published"] == pd.Timestamp("2024-03-01 06:30:00")  # in UTC
    assert pd.isna(df.loc[3, "published"])
    assert df.loc[0, "entities"] == ("al-Hol",) and df.loc[2, "entities"] == ()
    assert df.loc[0, "publisher"] == "Shafaq News" and df.loc[0, "time_start"] == "2025-11-01"


def test_filters(ledger: Path) -> None:
    assert frame(ledger, unit="km")["id"].tolist() == ["b#0"]
    assert frame(ledger, source="reuters")["id"].tolist() == ["b#0"]
    assert frame(ledger, since="2025-01-01")["id"].tolist() == ["a#0", "a#1", "c#0"]  # c: by claim time
    assert frame(ledger, subject="al Hol camp people")["doc"].tolist() == ["a", "a", "c"]
    empty = frame(ledger, unit="furlong")
    assert empty.empty and empty["value"].dtype == "Float64"


def test_missing_ledger(tmp_path: Path) -> None:
    with pytest.raises(LedgerError, match="no ledger here"):
        frame(tmp_path / "none.db")
    assert not (tmp_path / "none.db").exists()


def test_pandas_is_imported_only_by_frame() -> None:
    code = (
        "import sys, factcheck.ledger, factcheck.commands.ingest, factcheck.commands.claims; "
        "assert 'pandas' not in sys.modules, 'pandas imported'; "
        "assert 'rapidfuzz' not in sys.modules, 'rapidfuzz imported'"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
