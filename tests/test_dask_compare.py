"""``factcheck compare`` partitioned by blocking key, on Dask: exactly the single-process findings.

The partition is checked twice: in one process (each part compared alone, for many part counts, on
claims built to link blocks: figures naming two places, one article repeating a figure under another
place), and on a real local Dask cluster of two worker processes over 100,000 claims read in slices
from SQLite, from PostgreSQL and from a Parquet export.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from ledger_backends import Ledgers

from factcheck.compare import ledger_findings
from factcheck.compare.findings import sort_findings
from factcheck.ledger import ClaimFilter, DocumentRecord, open_ledger
from factcheck.model import Claim
from factcheck.scale.partition import Summary, keys_of, plan, split, summarise

pytest.importorskip("dask.distributed")
pytest.importorskip("pyarrow")

ROOT = Path(__file__).resolve().parent.parent
UNITS = ("person", "fighter", "detainee", "USD", "km", "t", "percent")
SOURCES = ("UNHCR", "OCHA", "WHO", "Reuters", "AFP", "SANA", "SDF", "local council")


def make_claims(n: int, seed: int = 11) -> list[Claim]:
    """``n`` claims, eight per document, over ~n/25 quantities that drift, conflict and change over time.

    About 3% name two places (their block and a partner's), and about 1% repeat the previous figure of
    their article word for word under another place (one fingerprint in two blocks): both tie blocks
    together, which the partition must respect."""
    rng = random.Random(seed)
    quantities = max(2, n // 25)
    out: list[Claim] = []
    for i in range(n):
        doc = f"doc{i // 8:06d}"
        s = rng.randrange(quantities)
        unit = UNITS[s % len(UNITS)]
        base = 100 * (1 + (s * 7919) % 997)
        value: int | float = int(base * (1 + rng.uniform(-0.06, 0.06)))
        if rng.random() < 0.04:
            value *= 3  # a conflict
        if rng.random() < 0.2:
            value = value + 0.5
        bound = rng.choice(("exact", "approx", "approx", "more_than"))
        entities: tuple[str, ...] = (f"Place{s}",)
        if rng.random() < 0.03:
            entities = (f"Place{s}", f"Place{s ^ 1}")
        text = f"{value:,} {unit}"
        if out and out[-1].doc == doc and rng.random() < 0.01:
            prev = out[-1]
            s, unit, value, bound, text = (
                int(prev.subject_key.split()[0][7:]),
                prev.unit,
                prev.value,
                prev.bound,
                prev.text,
            )
            entities = (f"Place{rng.randrange(quantities)}",)
        out.append(
            Claim(
                id=f"{doc}#{i % 8}",
                doc=doc,
                text=text,
                start=0,
                end=len(text),
                value=value,
                low=value,
                high=None if bound == "more_than" else value,
                bound=bound,
                approx=bound == "approx",
                precision=10,
                unit=unit,
                unit_text=unit,
                subject=f"subject {s}",
                subject_key=f"subject{s} camp",
                source=rng.choice(SOURCES),
                time=f"{rng.choice(range(2018, 2026))}-{rng.randint(1, 12):02d}",
                lang="en",
                entities=entities,
            )
        )
    return out


def dumps(findings) -> list[str]:
    return [json.dumps(f.to_dict(), ensure_ascii=False, sort_keys=True) for f in findings]


# ---------------------------------------------------------------- the partition, in one process


def test_linked_blocks_share_a_part() -> None:
    claims = make_claims(4000, seed=3)
    summary = summarise(claims)
    assert any(len(group) > 1 for group in summary.links)
    for parts in (2, 5):
        owner = plan(summary, parts)
        for c in claims:
            assert len({owner[k] for k in keys_of(c)}) == 1  # a claim's blocks are in one part
        by_fp: dict[tuple, set[int]] = {}
        for c in claims:
            by_fp.setdefault((c.doc, c.text, c.value, c.unit), set()).add(owner[keys_of(c)[0]])
        assert all(len(p) == 1 for p in by_fp.values())  # a repeated figure's blocks too
        assert len(set(owner.values())) == parts  # and every part has work


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_parts_compared_alone_give_the_single_process_findings(seed: int) -> None:
    claims = make_claims(6000, seed=seed)
    want = ledger_findings(claims, include_trends=True)
    assert len(want) > 300 and {f.verdict for f in want} >= {"drift", "conflict", "trend"}
    halves = [claims[: len(claims) // 2], claims[len(claims) // 2 :]]  # two slices, split on a document
    summary = Summary()
    for half in halves:
        summary.merge(summarise(half))
    for parts in (1, 2, 7):
        owner = plan(summary, parts)
        pieces = [split(half, owner, parts) for half in halves]
        got = []
        for p in range(parts):
            got += ledger_findings(pieces[0][p] + pieces[1][p], include_trends=True)
        assert dumps(sort_findings(got)) == dumps(want), parts


# ---------------------------------------------------------------- on a Dask cluster


@pytest.fixture(scope="module")
def client():
    from dask.distributed import Client

    from factcheck.scale import local_cluster

    cluster = local_cluster(2)
    with Client(cluster) as made:
        yield made
    cluster.close()


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A SQLite ledger of 100,000 claims and its single-process findings (trends included)."""
    db = tmp_path_factory.mktemp("big") / "ledger.db"
    with open_ledger(db) as ledger:
        ledger.import_claims(make_claims(100_000))
        loaded = list(ledger.claims())
    return db, dumps(ledger_findings(loaded, include_trends=True))


@pytest.mark.slow
def test_100k_claims_on_two_workers_from_sqlite(client, big: tuple[Path, list[str]]) -> None:
    from factcheck.scale import compare_distributed, ledger_slices

    db, want = big
    slices = ledger_slices(db, ClaimFilter(), 8)
    assert len(slices) == 8
    run = compare_distributed(slices, client=client, include_trends=True)
    assert run.claims == 100_000 and run.workers == 2 and run.parts == 8
    assert len(want) > 5000
    assert dumps(run.findings) == want
    assert set(run.peak_mb) == set(client.scheduler_info()["workers"])


@pytest.mark.slow
def test_100k_claims_from_parquet(client, big: tuple[Path, list[str]], tmp_path: Path) -> None:
    from factcheck.scale import compare_distributed, parquet_slices
    from factcheck.scale.parquet import read_parquet, write_parquet

    db, want = big
    with open_ledger(db) as ledger:
        claims = list(ledger.claims())
    parquet = tmp_path / "claims.parquet"
    assert write_parquet(claims, parquet, row_group=30_000) == 100_000
    assert list(read_parquet(parquet)) == claims
    slices = parquet_slices(parquet)
    assert len(slices) == 4  # row groups end on a document boundary
    assert dumps(compare_distributed(slices, client=client, include_trends=True).findings) == want


def test_claims_read_in_slices_from_postgresql(client, tmp_path: Path) -> None:
    from factcheck.scale import compare_distributed, ledger_slices

    claims = make_claims(12_000, seed=8)
    want = dumps(ledger_findings(claims, include_trends=True))
    pg = Ledgers("postgresql", tmp_path)
    try:
        url = pg.new()
        with open_ledger(url) as ledger:  # ingested in batches of documents: few round trips
            by_doc: dict[str, list[Claim]] = {}
            for c in claims:
                by_doc.setdefault(c.doc, []).append(c)
            batch = [(DocumentRecord(doc, lang="en"), lambda cs=cs: cs) for doc, cs in by_doc.items()]
            for i in range(0, len(batch), 250):
                ledger.ingest(batch[i : i + 250])
        slices = ledger_slices(url, ClaimFilter(), 6)
        assert len(slices) == 6
        run = compare_distributed(slices, client=client, include_trends=True)
        assert run.claims == 12_000
        assert dumps(run.findings) == want
        since = ClaimFilter(since="2024")  # the filters of the single-process path apply to each slice
        with open_ledger(url) as ledger:
            recent = list(ledger.claims(since))
        run = compare_distributed(ledger_slices(url, since, 6), client=client)
        assert run.claims == len(recent) < 12_000
        assert dumps(run.findings) == dumps(ledger_findings(recent))
    finally:
        pg.cleanup()


def factcheck(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


@pytest.mark.slow
def test_cli_workers_and_parquet_match_the_single_process_output(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    with open_ledger(db) as ledger:
        ledger.import_claims(make_claims(20_000, seed=5))
    single = factcheck("compare", "--ledger", str(db), "--format", "jsonl")
    assert single.returncode == 0, single.stderr
    assert single.stdout.count("\n") > 500
    on_dask = factcheck("compare", "--ledger", str(db), "--format", "jsonl", "--workers", "2")
    assert on_dask.returncode == 0, on_dask.stderr
    assert on_dask.stdout == single.stdout

    parquet = tmp_path / "claims.parquet"
    exported = factcheck("claims", "export", "--ledger", str(db), "-o", str(parquet))
    assert exported.returncode == 0, exported.stderr
    from_file = factcheck("compare", "--parquet", str(parquet), "--format", "jsonl", "--workers", "2")
    assert from_file.returncode == 0, from_file.stderr
    assert from_file.stdout == single.stdout
    alone = factcheck("compare", "--parquet", str(parquet), "--format", "jsonl")
    assert alone.stdout == single.stdout


def test_cli_errors(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    with open_ledger(db) as ledger:
        ledger.import_claims(make_claims(16))
    both = factcheck("compare", "--ledger", str(db), "--workers", "2", "--scheduler", "tcp://127.0.0.1:1")
    assert both.returncode == 2 and both.stderr.count("\n") == 1 and "not both" in both.stderr
    zero = factcheck("compare", "--ledger", str(db), "--workers", "0")
    assert zero.returncode == 2 and "--workers must be at least 1" in zero.stderr
    missing = factcheck("compare", "--parquet", str(tmp_path / "none.parquet"))
    assert missing.returncode == 2 and "none.parquet" in missing.stderr and missing.stderr.count("\n") == 1
    stdout = factcheck("claims", "export", "--ledger", str(db), "--format", "parquet")
    assert stdout.returncode == 2 and "-o FILE.parquet" in stdout.stderr
