"""Scale of cross-source comparison: ledgers of 100,000, 300,000 and 1,000,000 generated claims.

Run from the repository root::

    python bench/compare_bench.py                 # 100k, 300k, 1M claims (each in a fresh process)
    python bench/compare_bench.py --sizes 100000  # one size
    python bench/compare_bench.py --sizes '' --dask-sizes 1000000,10000000 --workers 1,2
                                                  # Dask runs (needs factcheck[scale])

Each size runs in its own process (so peak memory is that size's own), builds a SQLite ledger of
generated claims (many subjects, units, sources and times; 1 in 5 claims restates another figure with
drift), then times ``factcheck compare``'s engine over the whole ledger: load from SQLite, block,
compare neighbours. Prints seconds, claims/s, peak RSS and the time ratio against n log n growth.

With ``--dask-sizes``, each size also runs ``factcheck compare --workers N`` for each N of
``--workers`` (a fresh local Dask cluster each time, claims read in slices from the same SQLite
ledger), after the single-process path in the same process: time (and the cluster's start-up apart),
peak memory of each worker, the speed-up against the single-process path, and a check that the
findings are the same.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
UNITS = ["person", "displaced", "killed", "injured", "detainee", "fighter", "USD", "t", "km", "percent"]
SOURCES = [
    "CENTCOM",
    "UNHCR",
    "OCHA",
    "WHO",
    "Reuters",
    "AFP",
    "SANA",
    "SDF",
    "research reports",
    "local council",
]


def generate(n: int, seed: int = 7):
    """``n`` claims over ~n/20 subjects: each subject has a base figure that drifts over time."""
    from factcheck.model import Claim

    rng = random.Random(seed)
    subjects = max(1, n // 20)
    out = []
    for i in range(n):
        s = rng.randrange(subjects)
        unit = UNITS[s % len(UNITS)]
        base = 1000 * (1 + (s * 7919) % 97)
        year = rng.choice([2019, 2020, 2021, 2022, 2023, 2024, 2025])
        value = round(base * (1 + rng.uniform(-0.08, 0.08)) * (1.5 if year < 2022 else 1), -2)
        bound = rng.choice(["exact", "approx", "approx", "more_than"])
        low, high = (value, None) if bound == "more_than" else (value, value)
        out.append(
            Claim(
                id=f"doc{i // 8}#{i % 8}",
                doc=f"doc{i // 8}",
                text=f"{value:,.0f}",
                start=0,
                end=1,
                value=value,
                low=low,
                high=high,
                bound=bound,
                approx=bound == "approx",
                precision=100,
                unit=unit,
                unit_text=unit,
                subject=f"subject {s}",
                subject_key=f"subject{s} camp",
                source=rng.choice(SOURCES),
                time=f"{year}-{rng.randint(1, 12):02d}",
                lang="en",
                entities=(f"Place{s}",),
            )
        )
    return out


def fill(path: Path, n: int) -> None:
    """The generated claims into a new SQLite ledger, in bulk (one transaction, no per-claim lookups)."""
    from factcheck.ledger.store import _INSERT_CLAIM, Ledger

    with Ledger.open(path) as ledger, ledger.transaction() as conn:
        claims = generate(n)
        docs = sorted({c.doc for c in claims})
        conn.executemany(
            "INSERT INTO documents (id, lang, ingested_at) VALUES (?, 'en', '2025-12-01')",
            [(d,) for d in docs],
        )
        conn.executemany(_INSERT_CLAIM, [ledger._row(c, int(c.id.rsplit("#", 1)[1]), c.doc) for c in claims])
        conn.executemany(
            "INSERT INTO claim_entities (claim_id, pos, entity) VALUES (?, ?, ?)",
            [(c.id, i, e) for c in claims for i, e in enumerate(c.entities)],
        )


def one_dask(n: int, workers: list[int]) -> dict:
    from dask.distributed import Client

    from factcheck.compare import ledger_findings
    from factcheck.ledger.store import ClaimFilter, Ledger
    from factcheck.scale import PARTS_PER_WORKER, compare_distributed, ledger_slices, local_cluster

    out: dict = {"n": n, "runs": []}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ledger.db"
        fill(path, n)
        t0, c0 = time.perf_counter(), time.process_time()
        with Ledger.open(path, create=False) as ledger:
            loaded = list(ledger.claims())
        single = ledger_findings(loaded)
        out["single_s"] = time.perf_counter() - t0
        out["single_cpu_s"] = time.process_time() - c0
        out["single_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        out["findings"] = len(single)
        want = [f.to_dict() for f in single]
        del loaded, single
        for w in workers:
            t1 = time.perf_counter()
            cluster = local_cluster(w)
            client = Client(cluster)
            t2, c2 = time.perf_counter(), time.process_time()
            before = client.run(time.process_time)
            try:
                run = compare_distributed(
                    ledger_slices(path, ClaimFilter(), w * PARTS_PER_WORKER), client=client
                )
                t3 = time.perf_counter()
                after = client.run(time.process_time)
                cpu = time.process_time() - c2 + sum(after[k] - before[k] for k in after)
            finally:
                client.close()
                cluster.close()
            out["runs"].append(
                {
                    "workers": w,
                    "start_s": t2 - t1,
                    "compare_s": t3 - t2,
                    "cpu_s": cpu,
                    "peak_mb": sorted(run.peak_mb.values()),
                    "same": [f.to_dict() for f in run.findings] == want,
                }
            )
    return out


def one_size(n: int) -> dict:
    from factcheck.compare import ledger_findings
    from factcheck.ledger.store import Ledger

    claims = generate(n)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ledger.db"
        with Ledger.open(path) as ledger:
            ledger.import_claims(claims)
        del claims
        t0 = time.perf_counter()
        with Ledger.open(path, create=False) as ledger:
            loaded = list(ledger.claims())
        t1 = time.perf_counter()
        findings = ledger_findings(loaded)
        t2 = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "n": n,
        "load_s": t1 - t0,
        "compare_s": t2 - t1,
        "total_s": t2 - t0,
        "findings": len(findings),
        "peak_mb": peak_mb,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,300000,1000000")
    parser.add_argument("--dask-sizes", default="", help="sizes to also run on Dask, e.g. 1000000,10000000")
    parser.add_argument("--workers", default="1,2", help="Dask worker counts for --dask-sizes")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--one-dask", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_size(args.one)))
        return 0
    workers = [int(x) for x in args.workers.split(",") if x]
    if args.one_dask:
        print(json.dumps(one_dask(args.one_dask, workers)))
        return 0
    for n in (int(x) for x in args.dask_sizes.split(",") if x):
        proc = subprocess.run(
            [sys.executable, __file__, "--one-dask", str(n), "--workers", args.workers],
            capture_output=True,
            text=True,
            cwd=REPO,
        )
        if proc.returncode != 0:
            print(f"{n:>11,} claims: did not finish ({proc.stderr.strip().splitlines()[-1:]})", flush=True)
            continue
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        print(
            f"{n:>11,} claims: single process {row['single_s']:7.1f} s ({row['single_cpu_s']:.1f} CPU s), "
            f"peak {row['single_peak_mb']:,.0f} MB, {row['findings']:,} findings",
            flush=True,
        )
        for run in row["runs"]:
            peaks = ", ".join(f"{mb:,.0f}" for mb in run["peak_mb"])
            print(
                f"{'':13}Dask, {run['workers']} worker{'s' if run['workers'] > 1 else ' '}: "
                f"{run['compare_s']:7.1f} s ({run['cpu_s']:.1f} CPU s in all; + {run['start_s']:.1f} s "
                "cluster start), "
                f"speed-up x{row['single_s'] / run['compare_s']:.2f}, peak per worker {peaks} MB, "
                f"findings {'identical' if run['same'] else 'DIFFERENT'}",
                flush=True,
            )
    rows = []
    for n in (int(x) for x in args.sizes.split(",") if x):
        proc = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, cwd=REPO, check=True
        )
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(
            f"{n:>9,} claims: load {row['load_s']:6.1f} s, compare {row['compare_s']:6.1f} s, "
            f"total {row['total_s']:6.1f} s ({n / row['total_s']:,.0f} claims/s), "
            f"{row['findings']:,} findings, peak {row['peak_mb']:,.0f} MB",
            flush=True,
        )
    for row in rows[1:]:
        first = rows[0]
        growth = row["total_s"] / first["total_s"]
        nlogn = (row["n"] * math.log(row["n"])) / (first["n"] * math.log(first["n"]))
        print(
            f"{first['n']:,} -> {row['n']:,}: time x{growth:.2f}, n log n x{nlogn:.2f}, "
            f"ratio {growth / nlogn:.2f} (<= 1 means no faster than n log n)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
