"""The store: schema and migrations, refusing what it cannot open, ingest and import semantics.

Tests taking ``ledgers`` run on both backends (a SQLite file and a PostgreSQL database, see
``ledger_backends``); the others are about the SQLite file itself."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from ledger_backends import backend_fixture, ledgers_fixture  # noqa: F401  (fixtures)

from factcheck.errors import ConfigError, LedgerError, UsageError
from factcheck.ledger import SCHEMA_VERSION, ClaimFilter, DocumentRecord, default_ledger_path, open_ledger
from factcheck.ledger.migrations import MIGRATIONS, time_bounds
from factcheck.ledger.store import content_hash, normalise_key
from factcheck.model import Claim


def claim(doc: str = "a.txt", i: int = 0, **changes: object) -> Claim:
    base = Claim(
        id=f"{doc}#{i}", doc=doc, text="about 30,000 people", start=10 * i, end=10 * i + 19, value=30000,
        low=30000, high=30000, bound="approx", approx=True, precision=10000, unit="person",
        unit_text="people", subject="people in al-Hol camp", subject_key="people hol camp",
        source="CENTCOM", source_text="US Central Command", cue="said", time="2025-11", lang="en",
        entities=("al-Hol", "CENTCOM"),
    )  # fmt: skip
    return base.with_(**changes)


def record(doc: str = "a.txt", text: str = "text", **changes: object) -> DocumentRecord:
    fields = {"path": doc, "publisher": "Reuters", "published": "2025-11-13", "lang": "en"}
    fields.update(changes)  # type: ignore[arg-type]
    return DocumentRecord(id=doc, content_hash=content_hash(text), **fields)  # type: ignore[arg-type]


def raw_bytes(path: Path) -> bytes:
    return path.read_bytes()


# ---------------------------------------------------------------- schema


def test_new_ledger_has_current_schema_wal_and_indexes(tmp_path: Path) -> None:
    path = tmp_path / "claims" / "ledger.db"  # the folder is created
    with open_ledger(path) as ledger:
        conn = ledger.conn
        assert ledger.version == SCHEMA_VERSION == MIGRATIONS[-1].version
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        applied = [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
        assert applied == [m.version for m in MIGRATIONS]
        plans = {
            "unit": "SELECT id FROM claims WHERE unit = 'person'",
            "subject_key": "SELECT id FROM claims WHERE subject_key = 'x'",
            "time": "SELECT id FROM claims WHERE time_start <= '2025' AND time_end >= '2024'",
            "entity": "SELECT claim_id FROM claim_entities WHERE entity = 'CENTCOM'",
            "doc": "SELECT id FROM claims WHERE doc = 'a'",
        }
        for name, sql in plans.items():
            plan = " ".join(str(r[-1]) for r in conn.execute("EXPLAIN QUERY PLAN " + sql))
            assert "USING" in plan and "INDEX" in plan, (name, plan)
        columns = {r[1] for r in conn.execute("PRAGMA table_info(claims)")}
        assert {"value_text", "subject_key", "time_start", "time_end", "end"} <= columns
        doc_columns = {r[1] for r in conn.execute("PRAGMA table_info(documents)")}
        assert {"id", "path", "publisher", "published", "lang", "content_hash", "ingested_at"} <= doc_columns


def test_empty_file_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    path.write_bytes(b"")
    with open_ledger(path) as ledger:
        assert ledger.version == SCHEMA_VERSION
        assert ledger.counts() == (0, 0)


def test_upgrade_from_schema_v1_keeps_data(tmp_path: Path) -> None:
    """A ledger written by the v1 code (entities as JSON in claims) upgrades to the current schema."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for step in MIGRATIONS[0].steps:
        assert isinstance(step, str)
        conn.execute(step)
    conn.execute("INSERT INTO schema_migrations VALUES (1, 'documents and claims', '2025-01-01T00:00')")
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO documents (id, path, publisher, published, lang, content_hash, ingested_at) "
        "VALUES ('old.txt', 'old.txt', 'Shafaq News', '2025-11-13', 'ar', 'abc', '2025-11-13T00:00:00+00:00')"
    )
    v1_row = (
        "old.txt#0", "old.txt", 0, "نحو 30 ألفاً", "نحو 30 ألفاً", 5, 17, 30000, 30000, 30000, "approx", 1,
        10000, "person", "شخص", "النازحين", "نازحين event:displaced nationality:Syria", "CENTCOM", "القيادة",
        "ذكرت", "2025-07", "ar",
        '["الهول", "الروج"]',
    )  # fmt: skip
    conn.execute(f"INSERT INTO claims VALUES ({', '.join('?' * len(v1_row))})", v1_row)
    conn.execute(
        "INSERT INTO claims VALUES ('old.txt#1', 'old.txt', 1, '2.5 km', '2.5 km', 30, 36, 2.5, 2.5, 2.5, "
        "'exact', 0, 0.1, 'km', 'km', NULL, NULL, NULL, NULL, NULL, '2019/2021', 'en', '[]')"
    )
    conn.execute("COMMIT")
    conn.close()

    with open_ledger(path) as ledger:
        assert ledger.version == SCHEMA_VERSION
        first, second = ledger.claims()
        applied = [r[0] for r in ledger.conn.execute("SELECT version FROM schema_migrations")]
        bounds = ledger.conn.execute("SELECT time_start, time_end FROM claims ORDER BY seq").fetchall()
        columns = {r[1] for r in ledger.conn.execute("PRAGMA table_info(claims)")}
    assert applied == [m.version for m in MIGRATIONS]
    assert "entities" not in columns
    assert {"measure", "event", "modality", "aggregation", "time_basis", "goods"} <= columns
    assert first.measure is None and first.modality is None  # frames of old rows: unknown, not guessed
    # v5: the tags older versions appended to the key are frame fields; the key keeps its words
    assert (first.subject_key, first.event, first.owner) == ("نازحين", "displaced", "Syria")
    assert (second.subject_key, second.event, second.owner) == (None, None, None)
    assert first.goods is None
    assert first.entities == ("الهول", "الروج")
    assert (first.value, first.approx, first.time, first.unit) == (30000, True, "2025-07", "person")
    assert isinstance(first.value, int)
    assert second.entities == () and second.value == 2.5 and isinstance(second.value, float)
    assert bounds == [("2025-07-01", "2025-07-31"), ("2019-01-01", "2021-12-31")]


def test_newer_schema_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    open_ledger(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = raw_bytes(path)
    with pytest.raises(LedgerError, match="newer than this factcheck") as err:
        open_ledger(path)
    assert str(err.value).startswith(f"{path}:")
    assert raw_bytes(path) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is a text file, not a database\n" * 100, "not a SQLite ledger"),
        (None, "is a folder"),
    ],
)
def test_unopenable_path_is_refused(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "ledger.db"
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    with pytest.raises(LedgerError, match=message) as err:
        open_ledger(path)
    assert "\n" not in str(err.value) and str(path) in str(err.value)
    if content is not None:
        assert path.read_bytes() == content
        assert not Path(f"{path}-wal").exists()


def test_other_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE people (name TEXT)")
    conn.commit()
    conn.close()
    before = raw_bytes(path)
    with pytest.raises(LedgerError, match="not a factcheck ledger"):
        open_ledger(path)
    assert raw_bytes(path) == before


def test_missing_ledger_without_create(ledgers) -> None:
    where = ledgers.new("none.db")
    with pytest.raises(LedgerError, match="no ledger here") as err:
        open_ledger(where, create=False)
    assert str(err.value).startswith(f"{where}: ")
    if ledgers.is_pg:
        assert not default_ledger_path(str(where)).is_file()  # no schema was created
    else:
        assert not Path(where).exists()


def test_open_and_close_leave_the_file_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    with open_ledger(path) as ledger:
        ledger.ingest([(record(), lambda: [claim()])])
    before = raw_bytes(path)
    with open_ledger(path) as ledger:
        assert len(list(ledger.claims())) == 1
    assert raw_bytes(path) == before


# ---------------------------------------------------------------- ingest and import


def test_ingest_adds_skips_and_replaces(ledgers) -> None:
    calls: list[str] = []

    def claims_of(doc: str, n: int, **changes: object):
        def make() -> list[Claim]:
            calls.append(doc)
            return [claim(doc, i, **changes) for i in range(n)]

        return make

    with open_ledger(ledgers.new()) as ledger:
        first = ledger.ingest([(record("a"), claims_of("a", 3)), (record("b"), claims_of("b", 2))])
        assert (first.added, first.replaced, first.unchanged, first.claims) == (2, 0, 0, 5)
        again = ledger.ingest([(record("a"), claims_of("a", 3)), (record("b"), claims_of("b", 2))])
        assert (again.added, again.replaced, again.unchanged, again.claims) == (0, 0, 2, 0)
        assert calls == ["a", "b"]  # unchanged documents are not extracted again
        changed = ledger.ingest([(record("a", "new text"), claims_of("a", 1, value=31000, entities=("x",)))])
        assert (changed.added, changed.replaced, changed.claims) == (0, 1, 1)
        moved = ledger.ingest([(record("b", published="2025-12-01"), claims_of("b", 2))])
        assert moved.replaced == 1  # metadata is part of the document's state
        stored = list(ledger.claims(ClaimFilter(doc="a")))
        entities = ledger.conn.execute("SELECT COUNT(*) FROM claim_entities").fetchone()[0]
        assert [c.value for c in stored] == [31000]
        assert entities == 1 + 2 * 2  # the replaced document's old entities are gone
        assert ledger.counts() == (2, 3)
        assert first.summary() == "2 documents added, 0 replaced, 0 unchanged; 5 claims stored"


def test_a_failing_batch_stores_nothing(ledgers) -> None:
    def boom() -> list[Claim]:
        raise RuntimeError("extractor crashed")

    with open_ledger(ledgers.new()) as ledger:
        ledger.ingest([(record("a"), lambda: [claim("a")])])
        with pytest.raises(RuntimeError):
            ledger.ingest([(record("b"), lambda: [claim("b")]), (record("c"), boom)])
        assert ledger.counts() == (1, 1)
        # the same claim id under two documents is refused and rolled back as a whole
        with pytest.raises(LedgerError, match="cannot store"):
            ledger.ingest([(record("d"), lambda: [claim("d")]), (record("e"), lambda: [claim("d")])])
        assert ledger.counts() == (1, 1)


def test_values_read_back_exactly(ledgers) -> None:
    claims = [
        claim("a", 0),
        claim("a", 1, value=30000.0, low=29500.0, high=None, precision=0.5, bound="at_least", approx=False),
        claim("a", 2, value=None, low=2500, high=3000, bound="range", entities=()),
        claim("a", 3, value=2**70, low=None, high=None, subject=None, source=None, time=None),
        claim("a", 4, value=-0.000125, text="سالب 0.000125", lang="ar", entities=("ب", "أ", "ب")),
    ]
    with open_ledger(ledgers.new()) as ledger:
        ledger.ingest([(record("a"), lambda: claims)])
        back = list(ledger.claims())
    assert back[:3] == claims[:3] and back[4] == claims[4]
    for got, want in zip(back[:3], claims[:3], strict=True):
        for name in ("value", "low", "high", "precision"):
            assert type(getattr(got, name)) is type(getattr(want, name))
    assert back[3].value == float(2**70)  # beyond SQLite's integers: kept as a float


def test_import_adds_and_updates_by_id(ledgers) -> None:
    with open_ledger(ledgers.new()) as ledger:
        ledger.ingest([(record("a"), lambda: [claim("a", 0), claim("a", 1)])])
        new, updated = ledger.import_claims([claim("a", 1, value=1), claim("z", 0), claim("z", 1)])
        assert (new, updated) == (2, 1)
        ids = [c.id for c in ledger.claims()]
        assert ids == ["a#0", "a#1", "z#0", "z#1"]
        assert next(c for c in ledger.claims() if c.id == "a#1").value == 1
        docs = {d.id: d for d in ledger.documents()}
        assert docs["z"].content_hash is None and docs["z"].lang == "en"


# ---------------------------------------------------------------- queries


def test_claim_filters(ledgers) -> None:
    with open_ledger(ledgers.new()) as ledger:
        ledger.ingest(
            [
                (record("a"), lambda: [claim("a", 0), claim("a", 1, unit="km", time="2019")]),
                (
                    record("b", publisher="Shafaq News", published="2024-01-02"),
                    lambda: [claim("b", 0, source=None, source_text=None, entities=("Roj",), time=None)],
                ),
            ]
        )

        def ids(**kw: object) -> list[str]:
            return [c.id for c in ledger.claims(ClaimFilter(**kw))]  # type: ignore[arg-type]

        assert ids(unit="km") == ["a#1"]
        assert ids(source="centcom") == ["a#0", "a#1"]  # case-insensitive substring of the attribution
        assert ids(source="shafaq") == ["b#0"]  # or of the publisher
        assert ids(source="100%") == []
        assert ids(since="2025") == ["a#0", "a#1"]
        assert ids(entity="Roj") == ["b#0"]
        assert ids(time_from="2020-01-01", time_to="2025-12-31") == ["a#0"]
        assert ids(subject_keys=()) == []
        assert ids(doc="b") == ["b#0"]
        assert len(list(ledger.claims(limit=2))) == 2
        with pytest.raises(UsageError, match="not a date"):
            ids(since="last week")


def test_fuzzy_subject(ledgers) -> None:
    with open_ledger(ledgers.new()) as ledger:
        subjects = ("people in al-Hol camp", "النازحين في مخيم الهول", "the unemployment rate")
        ledger.import_claims(
            [claim("a", i, subject=s, subject_key=normalise_key(s)) for i, s in enumerate(subjects)]
        )
        assert ledger.match_subject("al Hol camp people") == (normalise_key("people in al-Hol camp"),)
        assert ledger.match_subject("نازحين مخيم الهول") == (normalise_key("النازحين في مخيم الهول"),)
        assert ledger.match_subject("giraffes") == ()


def test_normalise_key() -> None:
    assert normalise_key("The people in  al-Hol camp!") == "people al hol camp"
    assert normalise_key("النازحين في مخيمَي الهول والروج") == normalise_key("نازحين مخيمي هول روج")
    assert normalise_key("٣٠ ألف") == "30 الف"


def test_time_bounds() -> None:
    assert time_bounds("2019") == ("2019-01-01", "2019-12-31")
    assert time_bounds("2024-02") == ("2024-02-01", "2024-02-29")
    assert time_bounds("2025-10-01/2025-11-06") == ("2025-10-01", "2025-11-06")
    assert time_bounds("2014/2017") == ("2014-01-01", "2017-12-31")
    assert time_bounds(None) == (None, None)
    assert time_bounds("last summer") == (None, None)


# ---------------------------------------------------------------- where the ledger lives


def test_default_ledger_path(tmp_path: Path) -> None:
    assert default_ledger_path("x/y.db", cwd=tmp_path) == Path("x/y.db")
    assert default_ledger_path(cwd=tmp_path) == tmp_path / "claims" / "ledger.db"
    project = tmp_path / "project"
    (project / "sub").mkdir(parents=True)
    (project / "pyproject.toml").write_text('[tool.factcheck]\nledger = "data/l.db"\n', encoding="utf-8")
    assert default_ledger_path(cwd=project / "sub") == project.resolve() / "data" / "l.db"
    (project / "sub" / "factcheck.toml").write_text("fail_on = 'error'\n", encoding="utf-8")
    assert default_ledger_path(cwd=project / "sub") == (project / "sub").resolve() / "claims" / "ledger.db"
    (project / "sub" / "factcheck.toml").write_text('ledger = "a"\nledger = "b"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"factcheck.toml:\d+: cannot read configuration"):
        default_ledger_path(cwd=project / "sub")
