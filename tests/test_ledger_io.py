"""CSV and JSONL exchange: an exact round trip, and ``file:line`` errors that leave the ledger untouched."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import articles
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ledger_backends import module_ledgers_fixture  # noqa: F401  (fixture)

from factcheck.cli import main
from factcheck.errors import InputError
from factcheck.ledger import open_ledger, read_claims, write_claims
from factcheck.ledger.io import csv_row
from factcheck.model import BOUNDS, CLAIM_FIELDS, FRAME_FIELDS, Claim

ROOT = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------- any claim survives both formats

_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
_text = st.text(_chars, min_size=1, max_size=40)
_optional = st.one_of(st.none(), _text)
_number = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63) + 1, max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0.1, 30000.0, 1e16, 2.5e-7, -0.0]),
)


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    start = draw(st.integers(0, 10**6))
    return Claim(
        id=draw(_text), doc=draw(_text), text=draw(_text), start=start, end=start + draw(st.integers(0, 500)),
        value=draw(_number), low=draw(_number), high=draw(_number), bound=draw(st.sampled_from(BOUNDS)),
        approx=draw(st.booleans()), precision=draw(_number), unit=draw(_optional), unit_text=draw(_optional),
        subject=draw(_optional), subject_key=draw(_optional), source=draw(_optional),
        source_text=draw(_optional), cue=draw(_optional), time=draw(_optional),
        lang=draw(st.sampled_from(["ar", "en"])), entities=tuple(draw(st.lists(_text, max_size=3))),
        **{name: draw(_optional) for name in FRAME_FIELDS},  # the frame, the goods included
    )  # fmt: skip


def same(a: Claim, b: Claim) -> bool:
    """Equal, with numbers of the same type (30000 is not 30000.0)."""
    return a == b and all(
        type(getattr(a, n)) is type(getattr(b, n)) for n in ("value", "low", "high", "precision")
    )


def round_trip(items: list[Claim], fmt: str) -> list[Claim]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"claims.{fmt}"
        with path.open("w", encoding="utf-8", newline="") as out:
            write_claims(items, out, fmt)
        return read_claims(str(path))


@settings(max_examples=150, deadline=None)
@given(st.lists(claims(), max_size=4, unique_by=lambda c: c.id))
def test_any_claims_survive_csv_and_jsonl(items: list[Claim]) -> None:
    for fmt in ("csv", "jsonl"):
        back = round_trip(items, fmt)
        assert len(back) == len(items)
        for got, want in zip(back, items, strict=True):
            assert same(got, want), fmt


@pytest.fixture(scope="module")
def one_ledger(module_ledgers):
    """One empty ledger per backend for the property below (emptied before each example)."""
    return module_ledgers.new()


@settings(max_examples=40, deadline=None)
@given(st.lists(claims(), min_size=1, max_size=4, unique_by=lambda c: c.id))
def test_any_claims_survive_the_ledger(one_ledger, items: list[Claim]) -> None:
    with open_ledger(one_ledger) as ledger:
        with ledger.transaction() as conn:
            conn.execute("DELETE FROM claims")
            conn.execute("DELETE FROM documents")
        ledger.import_claims(items)
        back = {c.id: c for c in ledger.claims()}
    for want in items:
        assert same(back[want.id], want)


def test_csv_cells_are_plain() -> None:
    c = Claim("d#0", "d", "نحو 30 ألفاً", 3, 15, 30000, 29500.0, None, "approx", True, 10000, "person", None)
    row = dict(zip(CLAIM_FIELDS, csv_row(c.with_(entities=("الهول", "CENTCOM"))), strict=True))
    assert row["value"] == "30000" and row["low"] == "29500.0" and row["high"] == ""
    assert row["approx"] == "true" and row["entities"] == '["الهول", "CENTCOM"]'


# ---------------------------------------------------------------- the real corpus, through the CLI


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("io")
    articles.write_corpus(folder / "news", 1000)
    db = folder / "ledger.db"
    assert main(["ingest", str(ROOT / "seeds"), str(folder / "news"), "--ledger", str(db), "--quiet"]) == 0
    return db


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_export_import_export_is_exact(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    first, second = tmp_path / f"first.{fmt}", tmp_path / f"second.{fmt}"
    empty = tmp_path / "empty.db"
    assert main(["claims", "export", "--ledger", str(ledger), "-o", str(first)]) == 0
    assert main(["claims", "import", str(first), "--ledger", str(empty)]) == 0
    assert main(["claims", "export", "--ledger", str(empty), "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    with open_ledger(ledger) as a, open_ledger(empty) as b:
        originals, copies = list(a.claims()), list(b.claims())
    assert len(originals) > 5000
    assert all(same(x, y) for x, y in zip(originals, copies, strict=True))
    out = capsys.readouterr().out
    assert f"{len(originals)} claims imported: {len(originals)} new, 0 updated" in out


def test_export_to_stdout_and_by_suffix(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["claims", "export", "--ledger", str(ledger), "--unit", "km"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.startswith('{"id": ') and '"unit": "km"' in line for line in lines)
    target = tmp_path / "km.csv"
    assert main(["claims", "export", "--ledger", str(ledger), "--unit", "km", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").splitlines()[0] == ",".join(CLAIM_FIELDS)
    assert len(target.read_text(encoding="utf-8").splitlines()) == len(lines) + 1


# ---------------------------------------------------------------- bad files

# an export written before claim frames: the frame columns are optional on import
HEADER = ",".join(CLAIM_FIELDS[: -len(FRAME_FIELDS)])
GOOD = "a#0,a,about 30 people,0,15,30,30,30,approx,true,10,person,people,,,,,,,en,"


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("id,doc,text\n" + GOOD + "\n", 1, "header lacks column(s) bound, lang, start, end, approx"),
        (f"{HEADER}\n{GOOD}\n{GOOD.replace('a#0', 'a#1')},extra\n", 3, "row has 22 fields"),
        (HEADER + "\n" + GOOD.replace(",30,30,30,", ',30,"30,000",30,') + "\n", 2, "'low' must be a number"),
        (f"{HEADER}\n{GOOD.replace('approx,true', 'roughly,true')}\n", 2, "unknown bound 'roughly'"),
        (f"{HEADER}\n{GOOD.replace('approx,true', 'approx,maybe')}\n", 2, "'approx' must be true or false"),
        (f"{HEADER}\n{GOOD.replace(',0,15,', ',20,15,')}\n", 2, "'start' (20) is after 'end' (15)"),
        (f"{HEADER}\n{GOOD}\n{GOOD}\n", 3, "claim id 'a#0' already given on line 2"),
        (
            HEADER + "\n" + GOOD.replace("about 30 people", '"two\nlines"') + '\na#1,a,"bad"quote,0,1\n',
            4,
            "malformed CSV",
        ),
        (f"{HEADER}\n{GOOD}not-json\n", 2, "'entities' must be a JSON list"),
        (f"{HEADER}\n{GOOD.replace(',en,', ',fr,')}\n", 2, "unknown lang 'fr'"),
    ],
)
def test_bad_csv_row(tmp_path: Path, content: str, line: int, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_claims(str(path))
    assert str(err.value).startswith(f"{path}:{line}: ")
    assert message in str(err.value)


GOOD_JSON = (
    '{"id": "a#0", "doc": "a", "text": "30 people", "start": 0, "end": 9, "value": 30, "low": 30, '
    '"high": 30, "bound": "exact", "approx": false, "precision": 10, "unit": "person", '
    '"unit_text": "people", "lang": "en"}'
)


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        (f"{GOOD_JSON}\n\n{GOOD_JSON[:-5]}\n", 3, "broken JSON"),
        (f"{GOOD_JSON}\n[1, 2]\n", 2, "expected one claim object a line"),
        (GOOD_JSON.replace('"start": 0', '"start": "0"') + "\n", 1, "'start' must be a whole number"),
        (GOOD_JSON.replace('"value": 30', '"value": "30"') + "\n", 1, "'value' must be a finite number"),
        (GOOD_JSON.replace('"approx": false', '"approx": "no"') + "\n", 1, "'approx' must be true or false"),
        (GOOD_JSON.replace('"id": "a#0", ', "") + "\n", 1, "'id' is missing"),
        (GOOD_JSON.replace('"bound": "exact"', '"bound": "exactly"') + "\n", 1, "unknown bound"),
        (GOOD_JSON.replace('"lang": "en"', '"lang": "en", "entities": "x"') + "\n", 1, "'entities' must be"),
    ],
)
def test_bad_jsonl_line(tmp_path: Path, content: str, line: int, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_claims(str(path))
    assert str(err.value).startswith(f"{path}:{line}: ") and message in str(err.value)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes(
        GOOD_JSON.encode() + b"\n" + GOOD_JSON.replace("people", "caf\xe9").encode("latin-1") + b"\n"
    )
    with pytest.raises(InputError, match=r"latin.jsonl:2: not UTF-8"):
        read_claims(str(path))


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("bad.csv", f"{HEADER}\n{GOOD}\n{GOOD.replace('a#0', 'a#1').replace(',0,15,', ',x,15,')}\n", 3),
        ("bad.jsonl", f"{GOOD_JSON}\n{{oops\n", 2),
    ],
)
def test_bad_import_leaves_the_ledger_untouched(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str, line: int
) -> None:
    copy = tmp_path / "ledger.db"
    copy.write_bytes(ledger.read_bytes())
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    good = tmp_path / "good.jsonl"
    good.write_text(GOOD_JSON.replace("a#0", "z#0") + "\n", encoding="utf-8")
    before = copy.read_bytes()
    code = main(["claims", "import", str(good), str(bad), "--ledger", str(copy)])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.startswith(f"factcheck: error: {bad}:{line}: ") and err.count("\n") == 1
    assert copy.read_bytes() == before
    fresh = tmp_path / "fresh.db"
    assert main(["claims", "import", str(bad), "--ledger", str(fresh)]) == 2
    assert not fresh.exists()


def test_import_from_stdin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO((GOOD_JSON + "\n").encode("utf-8"))))
    assert main(["claims", "import", "-", "--ledger", str(tmp_path / "l.db")]) == 0
    assert capsys.readouterr().out == "1 claims imported: 1 new, 0 updated\n"


def test_an_older_export_imports_with_its_tags_as_frame_fields(tmp_path: Path) -> None:
    """Exports written before version 5 carry ``event:``/``party:``/``nationality:`` tags in the subject
    key; they import with the tags in ``event`` and ``owner`` and only the words in the key."""
    old = tmp_path / "old.jsonl"
    tagged = GOOD_JSON.replace(
        '"lang": "en"', '"lang": "en", "subject_key": "person fighters event:killed party:SDF"'
    )
    several = GOOD_JSON.replace("a#0", "a#1").replace(
        '"lang": "en"',
        '"lang": "en", "subject_key": "event:injured event:killed nationality:Iraq", "owner": "ISIS"',
    )
    old.write_text(tagged + "\n" + several + "\n", encoding="utf-8")
    first, second = read_claims(str(old))
    assert (first.subject_key, first.event, first.owner) == ("person fighters", "killed", "SDF")
    assert (second.subject_key, second.event, second.owner) == (
        None,
        None,
        "ISIS",
    )  # no one event; owner kept


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["people", "camp", "event:killed", "event:injured", "party:SDF", "nationality:Iraq"])
    ),
    st.sampled_from([None, "displaced"]),
    st.sampled_from([None, "ISIS"]),
)
def test_untagging_keeps_every_word_and_fills_only_empty_fields(words, event, owner) -> None:
    from factcheck.ledger.migrations import untagged

    key = " ".join(words) or None
    got_key, got_event, got_owner = untagged(key, event, owner)
    plain = [w for w in words if ":" not in w]
    assert got_key == (" ".join(plain) or None)
    events = {w[6:] for w in words if w.startswith("event:")}
    assert got_event == (event or (events.pop() if len(events) == 1 else None))
    owners = [w.split(":")[1] for w in words if w.startswith(("party:", "nationality:"))]
    assert got_owner == owner or (owner is None and got_owner in owners)
    assert untagged(got_key, got_event, got_owner) == (got_key, got_event, got_owner)  # once is enough
