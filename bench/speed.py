"""Speed of factcheck next to quantulum3, measured side by side in one run.

Run from the repository root (needs ``pip install quantulum3`` for part a)::

    python bench/speed.py                 # all parts on news articles and on number-dense texts
    python bench/speed.py --news-only     # only the news-article corpora
    python bench/speed.py --skip-startup  # only the throughput parts

(a) English: one corpus (the English peer-suite texts plus a few news paragraphs written for this
    benchmark, repeated to ~1 MB) through ``factcheck.extract_all`` (text by text) and through
    quantulum3's ``parser.parse`` (sentence by sentence, as it is normally used; on a ~100 KB prefix,
    scaled, so the script stays well under two minutes); texts/s, MB/s and the ratio ours/quantulum3,
    plus both systems' F1 on the quantulum3-en suite (quantulum3 re-run here, next to results.json).
(b) Arabic: MB/s of ``extract_all`` on the Arabic suite texts plus the seed article(s), repeated to
    ~2 MB, with the process pinned to one CPU.
(c) Start-up: wall time of ``factcheck extract seeds/<seed>.txt`` and ``factcheck check ... --no-ledger``
    next to ``python -c pass``, run in turn (round by round, median of 7), with the package's bytecode
    compiled first (as a normal install has it; this machine sets ``PYTHONDONTWRITEBYTECODE``) and the
    on-disk cache warm; and whether pandas or pint were imported on that path.
(d) Memory: peak resident memory of ``factcheck extract`` on the English news article repeated to 8 MB.

(a) and (b) measure ``extract_all`` (extraction alone) and ``factcheck.extract`` (extraction plus
context: subject, source, time, frame), the figure the acceptance targets are about.
Throughput excludes imports and the first call (reported separately as warm-up).
Peer suites are read from ``$FACTCHECK_PEERS`` (default ``<repo>/../shared/peers``).

The run ends with every acceptance target of issue 17, measured in this run, marked PASS or FAIL.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from conformance import load_extractor, run_suite
from peers_score import REPO, Score, load_results, load_suite, peers_dir, score_case, suite_names

MB = 1_000_000
MiB = 1 << 20
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
HEAVY = ("pandas", "pint", "numpy", "jinja2", "rapidfuzz", "quantulum3", "sklearn")

#: English news paragraphs written for this benchmark (not taken from any source)
NEWS_EN = [
    "The ministry said on Tuesday that more than 22,000 people had been displaced by the floods, "
    "up from about 15,000 a week earlier. Officials put the cost of the damage at $1.2 billion, "
    "roughly 3.5% of the province's annual output.",
    "According to the central bank, inflation slowed to 4.8 percent in October from 6.1 percent in "
    "September, the lowest rate since 2021. The bank kept its key rate at 12.25% and said it expected "
    "growth of between 2 and 2.5 percent next year.",
    "Rescue teams recovered 47 bodies from the rubble, and at least 130 others were injured, the civil "
    "defence agency said. Nearly two thirds of the 1,800 buildings in the district were damaged.",
    "The company reported revenue of £3.4bn for the fiscal year 2024-25, an increase of 9 per cent, "
    "and said it would cut 1,200 jobs, about one in ten of its workforce, over the next 18 months.",
    "Temperatures reached 48.5 degrees Celsius in the city on Sunday, and the power grid lost close to "
    "900 megawatts of capacity. Some 3 million households were without electricity for up to six hours.",
    "The convoy of 35 trucks carried 420 tonnes of flour and 60,000 litres of fuel across the border, "
    "a UN spokesperson said, adding that the 12-km road had been closed for four days.",
    "Turnout was 61.3%, compared with 58 percent in the previous election, and the ruling party won "
    "187 of the 350 seats, two fewer than it needed for an outright majority.",
]


#: acceptance targets measured in this run: (what, measured, target text, passed)
RESULTS: list[tuple[str, str, str, bool]] = []


def record_target(what: str, value: float, limit: float, unit: str, *, at_most: bool) -> None:
    """Record one acceptance target of issue 17 (printed with PASS/FAIL at the end)."""
    passed = value <= limit if at_most else value >= limit
    RESULTS.append((what, f"{value:.2f}{unit}", f"{'<=' if at_most else '>='} {limit:g}{unit}", passed))


def print_targets() -> None:
    if not RESULTS:
        return
    print("\nAcceptance (issue 17), measured in this run:")
    width = max(len(what) for what, *_ in RESULTS)
    for what, measured, limit, passed in RESULTS:
        print(f"  {'PASS' if passed else 'FAIL'}  {what:<{width}}  {measured:>12}  (target {limit})")


def extract_in_context(text: str, lang: str | None = None) -> list[Any]:
    """Extraction plus context (``factcheck.extract``): the claims with subject, source, time, frame."""
    from factcheck import extract

    return extract(text, lang=lang)


def pin_one_cpu() -> str:
    """Pin this process to one CPU (Linux); returns a description."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def suite_texts(lang: str, root: Path | None = None) -> list[str]:
    """Texts of every peer-suite case in a language, suite by suite."""
    return [
        case["text"]
        for name in suite_names(root)
        for case in load_suite(name, root)
        if case.get("lang") == lang and case["text"].strip()
    ]


def repeat_to(units: Sequence[str], target_bytes: int) -> list[str]:
    """The units repeated (in order) until their UTF-8 size reaches ``target_bytes``."""
    out: list[str] = []
    size = 0
    while size < target_bytes:
        for unit in units:
            out.append(unit)
            size += len(unit.encode("utf-8"))
            if size >= target_bytes:
                break
    return out


def nbytes(texts: Sequence[str]) -> int:
    """Total UTF-8 size."""
    return sum(len(t.encode("utf-8")) for t in texts)


def prefix(texts: Sequence[str], max_bytes: int) -> list[str]:
    """The leading texts up to about ``max_bytes``."""
    out: list[str] = []
    size = 0
    for text in texts:
        if size >= max_bytes:
            break
        out.append(text)
        size += len(text.encode("utf-8"))
    return out


_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")


def sentences(text: str) -> list[str]:
    """A plain sentence split (end punctuation followed by space)."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def timed(func: Callable[[str], Any], texts: Sequence[str], budget: float) -> tuple[int, int, float]:
    """Run ``func`` over texts until done or ``budget`` seconds pass: (texts done, bytes done, seconds)."""
    done = size = 0
    start = time.perf_counter()
    elapsed = 0.0
    for text in texts:
        func(text)
        done += 1
        size += len(text.encode("utf-8"))
        elapsed = time.perf_counter() - start
        if elapsed > budget:
            break
    return done, size, elapsed


def rate_line(name: str, done: int, size: int, seconds: float, total: int, note: str = "") -> float:
    """Print texts/s and MB/s; return MB/s."""
    mbs = size / MB / seconds if seconds else float("inf")
    tps = done / seconds if seconds else float("inf")
    scope = "all" if done >= total else f"first {done} texts ({size / 1000:.0f} KB), scaled"
    print(f"  {name:12} {tps:10.0f} texts/s {mbs:8.3f} MB/s   ({seconds:.2f} s on {scope}){note}")
    return mbs


def quantulum_items(quantities: Sequence[Any]) -> list[dict[str, Any]]:
    """quantulum3 quantities as scorer items: a midpoint±half-width without '±' in the text is a range."""
    items = []
    for q in quantities:
        unit = q.unit.name if q.unit is not None and q.unit.name != "dimensionless" else None
        item: dict[str, Any] = {"text": q.surface, "value": q.value, "low": None, "high": None, "unit": unit}
        if q.uncertainty and "±" not in q.surface and "+/-" not in q.surface:
            item.update(value=None, low=q.value - q.uncertainty, high=q.value + q.uncertainty)
        items.append(item)
    return items


#: a wire-style English article written for this benchmark (the seed's story, news-like number density)
ARTICLE_EN = (REPO / "bench" / "corpus" / "en_article.txt").read_text(encoding="utf-8")


#: the figures a fact-checker checks in ARTICLE_EN (dates and years are time, not claims)
ARTICLE_GOLD = [
    {"text": "more than 22 security operations", "value": 22},
    {"text": "five members", "value": 5},
    {"text": "19 others", "value": 19},
    {"text": "70,000", "value": 70000},
    {"text": "about 30,000", "value": 30000},
    {"text": "between 2,500 and 3,000 active fighters", "value": None, "low": 2500, "high": 3000},
    {"text": "roughly 9,000 detainees", "value": 9000},
    {"text": "about 31,000 people", "value": 31000},
]


def article_f1(extract_all: Callable[..., list[Any]], q3: Any) -> None:
    """F1 of both systems on the benchmark article itself (the text the speed was measured on)."""
    case = {"id": "en-article", "text": ARTICLE_EN, "expected": ARTICLE_GOLD}
    ours_items = [
        {"text": c.text, "value": c.value if c.bound != "range" else None, "low": c.low, "high": c.high}
        for c in extract_all(ARTICLE_EN, lang="en")
        if c.kind == "quantity"
    ]
    theirs_items = [item for sent in sentences(ARTICLE_EN) for item in quantulum_items(q3.parse(sent))]
    print("  F1 on that article (the claims a fact-checker checks; dates and years are not claims):")
    for name, items in (("factcheck", ours_items), ("quantulum3", theirs_items)):
        score = Score()
        score_case(case, items, score)
        print(f"    {name:<10} P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f}")


def part_english(
    extract_all: Callable[..., list[Any]], target: int, q3_bytes: int, budget: float, dense: bool = False
) -> None:
    """(a) English throughput, ours vs quantulum3, and F1 on quantulum3-en.

    The default corpus is news articles (``bench/corpus/en_article.txt``); ``dense`` uses the
    peer-suite texts plus number-packed paragraphs instead (about ten times more numbers per byte).
    """
    if dense:
        units, label = suite_texts("en") + NEWS_EN, "English suite texts + news paragraphs, number-dense"
    else:
        units, label = [ARTICLE_EN], "a news article, bench/corpus/en_article.txt"
    corpus = repeat_to(units, target)
    total = nbytes(corpus)
    print(f"\n(a) English: {len(corpus)} texts, {total / MB:.2f} MB ({len(units)} distinct: {label})")
    t0 = time.perf_counter()
    extract_all(NEWS_EN[0], lang="en")
    warm_ours = time.perf_counter() - t0
    done, size, secs = timed(lambda t: extract_all(t, lang="en"), corpus, budget)
    ours = rate_line("extract", done, size, secs, len(corpus), f"  first call {warm_ours:.2f} s")
    t0 = time.perf_counter()
    extract_in_context(NEWS_EN[0], lang="en")
    warm_ctx = time.perf_counter() - t0
    done, size, secs = timed(lambda t: extract_in_context(t, lang="en"), corpus, budget)
    ours_ctx = rate_line("+ context", done, size, secs, len(corpus), f"  first call {warm_ctx:.2f} s")

    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser as q3
    q3.parse(NEWS_EN[0])
    warm_q3 = time.perf_counter() - t0
    sample = prefix(corpus, q3_bytes)
    split = [sentences(t) for t in sample]

    start = time.perf_counter()
    for text_sentences in split:
        for sentence in text_sentences:
            q3.parse(sentence)
    q3_secs = time.perf_counter() - start
    theirs = rate_line(
        "quantulum3",
        len(sample),
        nbytes(sample),
        q3_secs,
        len(corpus),
        f"  import + first call {warm_q3:.2f} s; sentence by sentence",
    )
    print(f"  ratio factcheck extract / quantulum3 (MB/s): {ours / theirs:.1f}x")
    print(f"  ratio factcheck extract + context / quantulum3 (MB/s): {ours_ctx / theirs:.1f}x")
    if not dense:
        record_target("English: extract + context vs quantulum3", ours_ctx / theirs, 50, "x", at_most=False)
        record_target("English: extract + context MB/s", ours_ctx, 3, " MB/s", at_most=False)
    if not dense:
        article_f1(extract_all, q3)

    run = run_suite("quantulum3-en", extract_all)
    live = Score()
    for case in load_suite("quantulum3-en"):
        score_case(case, quantulum_items(q3.parse(case["text"])), live)
    stored = next(
        (
            e["all"]
            for e in load_results()["results"]
            if e["suite"] == "quantulum3-en" and e["peer"] == "quantulum3"
        ),
        None,
    )
    print("  F1 on quantulum3-en (quantulum3's own test sentences):")
    print(f"    factcheck  P {run.score.precision:.3f} R {run.score.recall:.3f} F1 {run.score.f1:.3f}")
    print(
        f"    quantulum3 P {live.precision:.3f} R {live.recall:.3f} F1 {live.f1:.3f} (re-run here)"
        + (f"; results.json F1 {stored['f1']:.3f}" if stored else "")
    )
    print(f"    factcheck F1 - quantulum3 F1 = {run.score.f1 - live.f1:+.3f}")


def part_arabic(
    extract_all: Callable[..., list[Any]], target: int, budget: float, dense: bool = False
) -> None:
    """(b) Arabic throughput on one CPU: the seed article (news), or the number-dense suite texts."""
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    if dense:
        units, label = suite_texts("ar") + seeds, "Arabic suite texts + seed, number-dense"
    else:
        units, label = seeds, "the seed article(s), news"
    corpus = repeat_to(units, target)
    total = nbytes(corpus)
    print(f"\n(b) Arabic: {len(corpus)} texts, {total / MB:.2f} MB ({len(units)} distinct: {label})")
    t0 = time.perf_counter()
    extract_all(units[0], lang="ar")
    warm = time.perf_counter() - t0
    done, size, secs = timed(lambda t: extract_all(t, lang="ar"), corpus, budget)
    rate_line("extract", done, size, secs, len(corpus), f"  first call {warm:.2f} s")
    t0 = time.perf_counter()
    extract_in_context(units[0], lang="ar")
    warm = time.perf_counter() - t0
    done, size, secs = timed(lambda t: extract_in_context(t, lang="ar"), corpus, budget)
    ours_ctx = rate_line("+ context", done, size, secs, len(corpus), f"  first call {warm:.2f} s")
    if not dense:
        record_target("Arabic: extract + context MB/s", ours_ctx, 3, " MB/s", at_most=False)
    for path, text in zip(SEEDS, seeds, strict=True):
        runs = []
        for _ in range(5):
            t0 = time.perf_counter()
            claims = extract_all(text, lang="ar")
            runs.append(time.perf_counter() - t0)
        print(
            f"  seed {path.name}: {len(text)} chars, {len(claims)} expressions, "
            f"{statistics.median(runs) * 1000:.1f} ms (median of 5)"
        )


def _wall(cmd: Sequence[str]) -> tuple[float, int]:
    """Wall time of one run of a command, and its exit code."""
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, check=False)
    return time.perf_counter() - t0, proc.returncode


def compile_bytecode() -> str:
    """Compile the package's bytecode (a normal install has it; ``PYTHONDONTWRITEBYTECODE`` or an
    editable install may not), so start-up is measured as users run it."""
    import compileall

    import factcheck

    folder = Path(factcheck.__file__).parent
    ok = compileall.compile_dir(str(folder), quiet=1)
    return f"bytecode of {folder} compiled" if ok else "bytecode compilation reported errors"


_PROBE = """
import contextlib, io, json, sys
from factcheck.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main(["extract", sys.argv[1]])
heavy = [m for m in json.loads(sys.argv[2]) if m in sys.modules]
print(json.dumps({"code": code, "heavy": heavy, "modules": len(sys.modules)}))
"""


def console_script() -> str | None:
    """The ``factcheck`` entry point next to this interpreter (not a pyenv shim), else the one on PATH."""
    local = Path(sys.executable).parent / "factcheck"
    if local.exists():
        return str(local)
    return shutil.which("factcheck")


def part_startup(runs: int = 7) -> None:
    """(c) CLI start-up vs a bare interpreter (run in turn, round by round), and heavy imports."""
    if not SEEDS:
        print("\n(c) start-up: no seeds/*.txt")
        return
    seed = str(SEEDS[0].relative_to(REPO))
    exe = console_script()
    cli = [exe, "extract", seed] if exe else [sys.executable, "-m", "factcheck", "extract", seed]
    shown = "factcheck" if exe else "python -m factcheck"
    check = [*cli[:-2], "check", seed, "--no-ledger"]
    bare_cmd = [sys.executable, "-c", "pass"]
    print(f"\n(c) start-up (median of {runs} rounds, wall time; entry point {cli[0]}; {compile_bytecode()})")
    for cmd in (cli, check):  # the on-disk cache warm, as after a first run
        subprocess.run(cmd, cwd=REPO, capture_output=True, check=False)
    times: dict[str, list[float]] = {"bare": [], "extract": [], "check": []}
    codes = {}
    for _ in range(runs):
        for name, cmd in (("bare", bare_cmd), ("extract", cli), ("check", check)):
            took, codes[name] = _wall(cmd)
            times[name].append(took)
    bare, ours, checked = (statistics.median(times[k]) for k in ("bare", "extract", "check"))
    print(f"  python -c pass                   {bare * 1000:7.0f} ms")
    print(
        f"  {shown} extract {seed}  {ours * 1000:7.0f} ms  (exit {codes['extract']}); "
        f"difference {(ours - bare) * 1000:.0f} ms, ratio {ours / bare:.1f}x"
    )
    if codes["extract"] != 0:
        print("  WARNING: the extract command failed, so its time is not meaningful")
    print(
        f"  {shown} check {seed} --no-ledger  {checked * 1000:7.0f} ms  (exit {codes['check']}); "
        f"ratio {checked / bare:.1f}x python -c pass"
    )
    record_target("start-up: check of the seed / python -c pass", checked / bare, 3, "x", at_most=True)
    record_target("start-up: extract of the seed / python -c pass", ours / bare, 2.5, "x", at_most=True)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, seed, json.dumps(HEAVY)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    try:
        probe = json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        print(f"  import probe failed: {proc.stderr.strip()[-400:]}")
        return
    flagged = [m for m in ("pandas", "pint") if m in probe["heavy"]]
    print(
        f"  imported on the extract path (cli.main, exit {probe['code']}): "
        f"{', '.join(probe['heavy']) or 'none of ' + ', '.join(HEAVY)} ({probe['modules']} modules)"
    )
    print(f"  pandas or pint imported: {'YES: ' + ', '.join(flagged) if flagged else 'no'}")


_PEAK = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False).returncode
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def part_memory(size: int) -> None:
    """(d) Peak resident memory of ``factcheck extract`` (JSON Lines) on the English news article
    repeated to ``size`` bytes (in a fresh process: its only child is the command)."""
    import tempfile

    exe = console_script()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "news-en.txt"
        path.write_text("\n\n".join(repeat_to([ARTICLE_EN], size)), encoding="utf-8")
        mb = path.stat().st_size / MB
        cmd = [exe] if exe else [sys.executable, "-m", "factcheck"]
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", _PEAK, *cmd, "extract", str(path), "--format", "jsonl"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        )
        took = time.perf_counter() - t0
    try:
        code, peak_kib = (int(x) for x in proc.stdout.split())
    except ValueError:
        print(f"\n(d) memory: the measurement failed: {proc.stderr.strip()[-400:]}")
        return
    peak = peak_kib * 1024 / MiB
    print(f"\n(d) memory: factcheck extract of {mb:.1f} MB (English news, JSON Lines)")
    print(f"  peak resident memory {peak:.0f} MiB ({peak / mb:.1f} MiB per MB), {took:.1f} s, exit {code}")
    if size >= 8 * MB:
        record_target(f"memory: peak of extract on {mb:.0f} MB", peak, 100, " MiB", at_most=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="factcheck speed next to quantulum3.")
    parser.add_argument("--en-bytes", type=int, default=1 * MB, help="English corpus size (default 1 MB)")
    parser.add_argument("--ar-bytes", type=int, default=2 * MB, help="Arabic corpus size (default 2 MB)")
    parser.add_argument("--q3-bytes", type=int, default=100_000, help="quantulum3 prefix (default 100 KB)")
    parser.add_argument(
        "--budget",
        type=float,
        default=40.0,
        help="seconds per factcheck throughput run before scaling from a prefix (default 40)",
    )
    parser.add_argument("--skip-english", action="store_true")
    parser.add_argument("--skip-arabic", action="store_true")
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument(
        "--mem-bytes", type=int, default=8 * MB, help="input size of the memory run (default 8 MB)"
    )
    parser.add_argument("--dense-only", action="store_true", help="only the number-dense corpora")
    parser.add_argument("--news-only", action="store_true", help="only the news-article corpora")
    args = parser.parse_args(argv)
    kinds = [False, True]
    if args.dense_only:
        kinds = [True]
    elif args.news_only:
        kinds = [False]
    print(f"peers: {peers_dir()}; python {sys.version.split()[0]}; {pin_one_cpu()}")
    try:
        extract_all = load_extractor()
    except ImportError as exc:
        print(f"factcheck.extract_all is not importable yet: {exc}", file=sys.stderr)
        return 2
    for dense in kinds:
        if not args.skip_english:
            part_english(extract_all, args.en_bytes, args.q3_bytes, args.budget, dense)
        if not args.skip_arabic:
            part_arabic(extract_all, args.ar_bytes, args.budget, dense)
    if not args.skip_startup:
        part_startup()
    if not args.skip_memory:
        part_memory(args.mem_bytes)
    print_targets()
    return 0


if __name__ == "__main__":
    sys.exit(main())
