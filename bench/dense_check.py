"""``check`` on one huge, number-dense document next to ``extract`` on it, size by size.

Run from the repository root::

    python bench/dense_check.py                     # 1, 2, 5 and 20 MB
    python bench/dense_check.py --sizes 0.5,1,2     # other sizes (MB)
    python bench/dense_check.py --corpus cases      # the arithmetic case passages instead

The document is one text: every document of the dev set (``../shared/eval/discrepancy-dev.jsonl``,
Arabic and English news; ``--corpus cases``: the arithmetic case passages of ``tests/cases``) joined
by blank lines and repeated to the size asked. Each size runs in a fresh process, which first checks
the corpus once (imports, the unit registry, lexicons: one-off costs kept out of the timings), then
times, on the whole document (no ledger, no reference figures): extraction alone
(``extract_document``), what ``factcheck extract`` does (extraction, then ``contextualise``: each
claim's subject, source, time and frame), and ``check_documents([doc])``. Printed per size: the three
times, check against the ``extract`` command's work (the ratio issue 16 bounds: check within 4x
``extract``) and against extraction alone, claims, findings, and the peak resident memory of the
process after extract and after check. Issue 16 also asks for time and memory linear in the claims.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "discrepancy-dev.jsonl"


def corpus(name: str) -> str:
    """The texts the document repeats, joined by blank lines."""
    if name == "dev":
        scenarios = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
        texts = [d["text"] for s in scenarios for d in s["documents"]]
    else:
        texts = []
        for lang in ("en", "ar"):
            path = ROOT / "tests" / "cases" / f"arithmetic_{lang}.jsonl"
            lines = path.read_text(encoding="utf-8").splitlines()
            texts += [json.loads(line)["text"] for line in lines if line]
    return "\n\n".join(texts) + "\n\n"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(size_mb: float, name: str) -> dict:
    """One size, in this process: times, claims, findings and peak memory."""
    sys.path.insert(0, str(ROOT))
    from factcheck.checking import check_documents
    from factcheck.context import contextualise
    from factcheck.extraction import extract_document
    from factcheck.text.documents import parse_document

    base = corpus(name)
    check_documents([parse_document(base, "warm.txt", published="2025-06-01")])  # one-off costs
    text = base * max(1, round(size_mb * 1e6 / len(base.encode("utf-8"))))  # MB of the UTF-8 file
    doc = parse_document(text, "dense.txt", published="2025-06-01")
    start = time.perf_counter()
    claims = extract_document(doc)
    extraction = time.perf_counter() - start
    claims = contextualise(doc, claims)
    extract = time.perf_counter() - start
    after_extract = _peak_mb()
    del claims
    start = time.perf_counter()
    result = check_documents([doc])
    check = time.perf_counter() - start
    return {
        "mb": len(text.encode("utf-8")) / 1e6,
        "chars": len(text),
        "extraction": extraction,
        "extract": extract,
        "check": check,
        "claims": len(result.claims),
        "findings": len(result.findings),
        "peak_extract": after_extract,
        "peak_check": _peak_mb(),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,2,5,20", help="document sizes in MB, comma-separated")
    ap.add_argument("--corpus", choices=("dev", "cases"), default="dev" if DEV.is_file() else "cases")
    ap.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child is not None:
        print(json.dumps(measure(args.child, args.corpus)))
        return 0
    sizes = [float(s) for s in args.sizes.split(",") if s.strip()]
    print(f"corpus: {args.corpus}; each size in a fresh process (warmed up on the corpus once)")
    head = f"{'size':>8} {'extraction':>10} {'extract':>9} {'check':>9} {'ratio':>6} {'(alone)':>8}"
    print(f"{head} {'claims':>9} {'findings':>9} {'peak MB (extract / check)':>26}")
    rows = []
    for size in sizes:
        run = subprocess.run(
            [sys.executable, __file__, "--child", str(size), "--corpus", args.corpus],
            capture_output=True,
            text=True,
            check=False,
        )
        if run.returncode != 0:
            print(f"{size:>6g}MB failed: {(run.stderr.strip().splitlines() or ['?'])[-1]}")
            continue
        r = json.loads(run.stdout.strip().splitlines()[-1])
        rows.append(r)
        print(
            f"{r['mb']:>6.1f}MB {r['extraction']:>9.1f}s {r['extract']:>8.1f}s {r['check']:>8.1f}s "
            f"{r['check'] / r['extract']:>6.2f} {r['check'] / r['extraction']:>8.2f} {r['claims']:>9,} "
            f"{r['findings']:>9,} {r['peak_extract']:>12.0f} / {r['peak_check']:>6.0f}",
            flush=True,
        )
    print("ratio: check / extract (extraction and context, what `factcheck extract` runs; issue 16: <= 4);")
    print("(alone): check / extraction without context")
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        grow = b["chars"] / a["chars"]
        print(
            f"{a['mb']:.1f} -> {b['mb']:.1f} MB (x{grow:.1f}): check time x{b['check'] / a['check']:.1f}, "
            f"claims x{b['claims'] / a['claims']:.1f}, peak memory x{b['peak_check'] / a['peak_check']:.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
