"""A long fuzz run: the properties of tests/test_fuzz.py at random, until the time is up.

    python bench/fuzz.py --minutes 10

Each round runs every property (extract, check in one format, baseline TOML, ledger round trip)
with fresh random examples (not derandomised, unlike CI). A failure is shrunk by hypothesis, printed
with its minimal example, counted, and the run goes on. Exit 1 if anything failed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--examples", type=int, default=50, help="examples per property per round")
    args = parser.parse_args()

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from test_fuzz import (
        FORMATS,
        check_baseline,
        check_extract,
        check_formats,
        check_ledger_round_trip,
        documents,
    )

    long = settings(
        deadline=None,
        max_examples=args.examples,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    count = {"examples": 0}

    def counted(fn):
        def inner(*a):
            count["examples"] += 1
            with tempfile.TemporaryDirectory() as folder:
                fn(Path(folder), *a)

        return inner

    @long
    @given(documents(max_fragments=80))
    def extract(doc):
        counted(check_extract)(*doc)

    @long
    @given(documents(max_fragments=80), st.sampled_from(FORMATS))
    def formats(doc, fmt):
        counted(check_formats)(*doc, fmt)

    @settings(long, max_examples=max(1, args.examples // 5))
    @given(documents(), st.text(min_size=1, max_size=40).filter(str.strip))
    def baseline(doc, reason):
        counted(check_baseline)(*doc, reason)

    @settings(long, max_examples=max(1, args.examples // 5))
    @given(st.lists(documents(), min_size=1, max_size=4), st.sampled_from(["jsonl", "csv"]))
    def ledger(docs, fmt):
        counted(check_ledger_round_trip)(docs, fmt)

    properties = {"extract": extract, "formats": formats, "baseline": baseline, "ledger": ledger}
    failures: dict[str, int] = {}
    deadline = time.monotonic() + args.minutes * 60
    rounds = 0
    start = time.monotonic()
    while time.monotonic() < deadline:
        rounds += 1
        for name, prop in properties.items():
            if time.monotonic() >= deadline:
                break
            try:
                prop()
            except Exception:
                failures[name] = failures.get(name, 0) + 1
                print(f"--- {name} failed (round {rounds}):", file=sys.stderr)
                traceback.print_exc(limit=3)
    elapsed = time.monotonic() - start
    print(
        f"fuzz: {rounds} rounds, {count['examples']} examples in {elapsed / 60:.1f} min; "
        f"failures: {failures or 'none'}"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
