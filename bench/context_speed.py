"""Throughput of extraction alone and of extraction + claims in context, side by side in one run.

Run from the repository root::

    python bench/context_speed.py            # best of 3 CPU-time runs per corpus
    python bench/context_speed.py --runs 5
    python bench/context_speed.py --plain    # context with the plain scans (the fast paths' oracle)

Corpora: the Arabic seed article and the English news article, each repeated 100 times. For each,
``extract_document`` and then ``contextualise`` on its claims are timed in CPU time
(``time.process_time``; the machine may be shared), best of ``--runs``. Prints extraction MB/s,
extraction + context MB/s and the ratio (extraction + context) / extraction; the issue asks that
it stays within 2x. The package is imported from this checkout (not an installed copy), so a
second work tree measures its own code.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = (
    ("ar", ROOT / "seeds" / "000_1d7393a2437e1f4a.txt"),
    ("en", ROOT / "bench" / "corpus" / "en_article.txt"),
)
MB = 1_000_000


def measure(path: Path, repeat: int, runs: int, plain: bool = False) -> tuple[int, float, float]:
    """(bytes, best extraction seconds, best context seconds) of the file repeated ``repeat`` times
    (``plain``: context read with the plain scans, ``contextualise(..., plain=True)``)."""
    from factcheck.context import contextualise
    from factcheck.extraction import extract_document
    from factcheck.text.documents import parse_document

    raw = path.read_text(encoding="utf-8") * repeat
    doc = parse_document(raw, "x.txt")
    best_e = best_c = float("inf")
    for _ in range(runs):
        t0 = time.process_time()
        claims = extract_document(doc)
        t1 = time.process_time()
        contextualise(doc, claims, plain=plain)
        t2 = time.process_time()
        best_e, best_c = min(best_e, t1 - t0), min(best_c, t2 - t1)
    return len(raw.encode("utf-8")), best_e, best_c


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per corpus; the best is kept")
    parser.add_argument("--repeat", type=int, default=100, help="copies of each article")
    parser.add_argument("--plain", action="store_true", help="context with the plain scans")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    print(
        f"{'corpus':6} {'MB':>6} {'extract s':>9} {'context s':>9} {'extract MB/s':>12} "
        f"{'+context MB/s':>13} {'ratio':>6}"
    )
    for name, path in CORPORA:
        size, e, c = measure(path, args.repeat, args.runs, args.plain)
        print(
            f"{name:6} {size / MB:6.2f} {e:9.3f} {c:9.3f} {size / MB / e:12.2f} "
            f"{size / MB / (e + c):13.2f} {(e + c) / e:5.2f}x"
        )


if __name__ == "__main__":
    main()
