"""Scale of cross-source comparison: ledgers of 100,000, 300,000 and 1,000,000 generated claims.

Run from the repository root::

    python bench/compare_bench.py                 # 100k, 300k, 1M claims (each in a fresh process)
    python bench/compare_bench.py --sizes 100000  # one size

Each size runs in its own process (so peak memory is that size's own), builds a SQLite ledger of
generated claims (many subjects, units, sources and times; 1 in 5 claims restates another figure with
drift), then times ``factcheck compare``'s engine over the whole ledger: load from SQLite, block,
compare neighbours. Prints seconds, claims/s, peak RSS and the time ratio against n log n growth.
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
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_size(args.one)))
        return 0
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
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
    first = rows[0]
    for row in rows[1:]:
        growth = row["total_s"] / first["total_s"]
        nlogn = (row["n"] * math.log(row["n"])) / (first["n"] * math.log(first["n"]))
        print(
            f"{first['n']:,} -> {row['n']:,}: time x{growth:.2f}, n log n x{nlogn:.2f}, "
            f"ratio {growth / nlogn:.2f} (<= 1 means no faster than n log n)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
