"""factcheck on the uniform peer suites, side by side with the peers (``../shared/peers/results.json``).

Run from the repository root::

    python bench/conformance.py                      # one table per suite, targets flagged
    python bench/conformance.py --misses recognizers-ar-number   # every missed / spurious case
    python bench/conformance.py --json reports/conformance.json  # also write the numbers
    python bench/conformance.py --excluding-judged   # also P/R/F1 without the cases judged wrong

``--excluding-judged`` drops, for each target suite, the cases listed in ``bench/suite_judged.toml``
(expectations that are arithmetically or linguistically wrong, or that contradict another case of
the same suite; the table "Suite expectations judged wrong" of ``bench/SUITE_NOTES.md``, which must
list the same ids) and prints the score on the rest next to the raw one. Cases we merely read
differently ("by design") stay counted.

Scoring is ``bench/peers_score.py`` (validated there against the peers' stored predictions).
Peer data is read in place from ``$FACTCHECK_PEERS`` (default ``<repo>/../shared/peers``).

How our output is mapped to each suite's notion (``extract_all(text, lang=case["lang"])`` every time;
every number expression is a candidate, then the suite's filter and shape apply):

==============  ===========================================  ======================================
suite family    expressions kept                             item(s) emitted per expression
==============  ===========================================  ======================================
number          every kind except ``ordinal`` (a year, a     one value item per stated number: the
                date part, a quantity are numbers there)     value, or each bound of a range; a
                                                             date's or phone's digit groups
quantulum3      every kind except ``ordinal``                the value; a range as low/high; an open
                                                             bound ("no more than 2") as its value
unit            expressions with a unit (money, quantity,    the value; ranges and open bounds
                temperature, volume, currency, dimension,    (bound more_than/at_least/less_than/
                age)                                         at_most/range) as low/high
percent         unit is a percentage                         as for unit suites
range           bound is range / more_than / at_least /      low/high (value null); an exact value
                less_than / at_most, or an exact value       stated as "equal to X" is [X, X]
                stated with an equality word ("يساوي X",
                "equals X")
ordinal         ``kind == "ordinal"``                        the value
==============  ===========================================  ======================================

The range suites (Recognizers-Text ``NumberRangeModel``) define "equal to X" as the closed interval
[X, X] (their items carry ``low == high`` with both ends inclusive: ar-range-0029/0033/0103,
en-range-0029/0033). Our claim keeps such a value exact (bound ``exact``, as in news), so the
mapping recognises the equality word at the start of the claim's text (``EQUALITY_WORDS``) and
emits that interval; a bare number or one hedged by "only"/"فقط" is not an interval there.

These filters are the ones the peers' runner applied (their "predicted" vs "raw_predicted"): unit
suites only count items with a unit, range suites only ranges, ordinal suites only ordinals.
Unit names are not compared (our units are pint names / lemmas, the suites use their own names).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peers_score import (
    REPO,
    CaseResult,
    Score,
    load_results,
    load_suite,
    norm_text,
    peers_dir,
    scorable,
    score_case,
    suite_names,
)

#: F1 targets from the issue
TARGETS: dict[str, float] = {
    "recognizers-ar-number": 0.95,
    "duckling-ar-numeral": 0.95,
    "recognizers-ar-range": 0.90,
    "recognizers-ar-percent": 0.90,
    "recognizers-en-number": 0.95,
    "quantulum3-en": 0.90,
}
INTERVAL_BOUNDS = frozenset({"range", "more_than", "at_least", "less_than", "at_most"})
#: words that open an "equal to X" statement (the range suites' degenerate interval [X, X])
EQUALITY_WORDS = ("يساوي", "تساوي", "ما يساوي", "equal to", "equals", "equaling", "is equal to", "=")
PERCENT_UNITS = frozenset({"percent", "percentage", "percentage_point", "%", "pct"})
PEERS = ("quantulum3", "quantulum3-clf", "recognizers", "pyarabic")
JUDGED_FILE = REPO / "bench" / "suite_judged.toml"
NOTES_FILE = REPO / "bench" / "SUITE_NOTES.md"
NOTES_SECTION = "## Suite expectations judged wrong"
_CASE_ID = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+)+-\d{4}\b")

Item = dict[str, Any]


def family(suite: str) -> str:
    """The suite family that decides the mapping (see the module docstring)."""
    if suite.endswith(("-numeral", "-number")):
        return "number"
    if suite.startswith("quantulum3-"):
        return "quantulum3"
    if suite.endswith("-ordinal"):
        return "ordinal"
    if suite.endswith("-range"):
        return "range"
    if suite.endswith("-percent"):
        return "percent"
    return "unit"


def _base(claim: Any) -> Item:
    return {
        "text": claim.text,
        "start": getattr(claim, "start", None),
        "end": getattr(claim, "end", None),
        "unit": claim.unit,
        "kind": getattr(claim, "kind", "quantity"),
        "bound": getattr(claim, "bound", None),
        "value": None,
        "low": None,
        "high": None,
    }


def as_value(claim: Any) -> Item:
    """Value item; a range (no value) keeps low/high; an open bound without a value gives its bound."""
    item = _base(claim)
    if claim.value is not None:
        item["value"] = claim.value
    elif claim.low is not None and claim.high is not None:
        item.update(low=claim.low, high=claim.high)
    else:
        item["value"] = claim.low if claim.low is not None else claim.high
    return item


def as_interval(claim: Any) -> Item:
    """Ranges and open bounds as low/high (value null); everything else as its value."""
    item = _base(claim)
    if claim.bound in INTERVAL_BOUNDS or claim.value is None:
        item.update(low=claim.low, high=claim.high)
    else:
        item["value"] = claim.value
    return item


#: kinds that hold several numbers and no value of their own: the number suites count each part
SPLIT_KINDS = frozenset({"date", "phone"})


def as_numbers(claim: Any) -> list[Item]:
    """One value item per number stated: the value, or each bound of a range; a date's or a phone
    number's digit groups (5/17/2018 is 5, 17 and 2018 to the number suites)."""
    if getattr(claim, "kind", None) in SPLIT_KINDS and claim.value is None:
        return [{**_base(claim), "value": int(part)} for part in re.findall(r"\d+", claim.text)]
    if claim.value is not None and claim.bound != "range":
        numbers = [claim.value]
    else:
        numbers = [n for n in (claim.low, claim.high) if n is not None]
        if not numbers and claim.value is not None:
            numbers = [claim.value]
    return [{**_base(claim), "value": n} for n in numbers]


def is_equality(claim: Any) -> bool:
    """An exact value stated with an equality word ("يساوي ٢٠", "equals 20")."""
    if getattr(claim, "bound", None) != "exact" or claim.value is None:
        return False
    head = norm_text(claim.text).casefold()
    return any(head.startswith(norm_text(w).casefold()) for w in EQUALITY_WORDS)


def is_percent(claim: Any) -> bool:
    """A claim whose unit is a percentage."""
    return bool(claim.unit) and str(claim.unit).casefold() in PERCENT_UNITS


def map_claims(suite: str, claims: Iterable[Any]) -> list[Item]:
    """Our expressions as the suite's predicted items (the table in the module docstring)."""
    fam = family(suite)
    items: list[Item] = []
    for claim in claims:
        if fam == "ordinal":
            if claim.kind == "ordinal":
                items.append(as_value(claim))
            continue
        if claim.kind == "ordinal":
            continue
        if fam == "number":
            items.extend(as_numbers(claim))
        elif fam == "quantulum3":
            items.append(as_value(claim))
        elif fam == "range":
            if claim.bound in INTERVAL_BOUNDS:
                items.append(as_interval(claim))
            elif is_equality(claim):
                items.append({**_base(claim), "low": claim.value, "high": claim.value})
        elif fam == "percent":
            if is_percent(claim):
                items.append(as_interval(claim))
        elif claim.unit:
            items.append(as_interval(claim))
    return [item for item in items if scorable(item)]


def load_extractor() -> Callable[..., list[Any]]:
    """``factcheck.extract_all`` from the working tree (or the installed package)."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from factcheck import extract_all

    return extract_all


def load_judged(path: Path = JUDGED_FILE) -> dict[str, str]:
    """Case id -> reason for the suite cases judged wrong (``bench/suite_judged.toml``)."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    judged: dict[str, str] = {}
    for entry in data.get("case", []):
        if entry["id"] in judged:
            raise ValueError(f"{path}: case {entry['id']} listed twice")
        judged[entry["id"]] = entry["reason"]
    return judged


def notes_judged_ids(path: Path = NOTES_FILE) -> set[str]:
    """Case ids in the first column of the "judged wrong" table of ``SUITE_NOTES.md``."""
    ids: set[str] = set()
    inside = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            inside = line.strip() == NOTES_SECTION
            continue
        if inside and line.startswith("|"):
            ids.update(_CASE_ID.findall(line.split("|")[1]))
    return ids


def judged_out_of_sync(judged: dict[str, str], path: Path = NOTES_FILE) -> list[str]:
    """Differences between ``suite_judged.toml`` and the notes' table (empty when in sync)."""
    notes = notes_judged_ids(path)
    problems = [f"{i}: in suite_judged.toml, not in {path.name}" for i in sorted(set(judged) - notes)]
    problems += [f"{i}: in {path.name}, not in suite_judged.toml" for i in sorted(notes - set(judged))]
    return problems


def score_without(run: SuiteRun, excluded: set[str]) -> tuple[Score, int]:
    """The suite's score with the ``excluded`` cases left out, and how many were left out."""
    score = Score()
    dropped = 0
    for result in run.cases:
        if result.case["id"] in excluded:
            dropped += 1
            continue
        score_case(result.case, result.predicted, score)
    return score, dropped


@dataclass
class SuiteRun:
    """Our score on one suite, with per-case detail and timing."""

    suite: str
    score: Score
    cases: list[CaseResult]
    seconds: float
    errors: list[tuple[str, str]]

    @property
    def texts_per_s(self) -> float:
        return len(self.cases) / self.seconds if self.seconds else 0.0


def run_suite(suite: str, extract_all: Callable[..., list[Any]], root: Path | None = None) -> SuiteRun:
    """Extract every case of a suite and score it."""
    cases = load_suite(suite, root)
    outputs: list[list[Any]] = []
    errors: list[tuple[str, str]] = []
    start = time.perf_counter()
    for case in cases:
        try:
            outputs.append(list(extract_all(case["text"], lang=case.get("lang"))))
        except Exception as exc:  # an engine bug must not stop the benchmark
            outputs.append([])
            errors.append((case["id"], f"{type(exc).__name__}: {exc}"))
    seconds = time.perf_counter() - start
    score = Score()
    details = [
        score_case(case, map_claims(suite, out), score) for case, out in zip(cases, outputs, strict=True)
    ]
    score.errors = len(errors)
    return SuiteRun(suite, score, details, seconds, errors)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def peer_rows(results: dict[str, Any]) -> dict[str, dict[str, dict[str, Any]]]:
    """results.json as suite -> peer -> entry."""
    rows: dict[str, dict[str, dict[str, Any]]] = {}
    for entry in results["results"]:
        rows.setdefault(entry["suite"], {})[entry["peer"]] = entry
    return rows


def print_table(run: SuiteRun, peers: dict[str, dict[str, Any]]) -> None:
    """One suite: our row, then the peers' rows from results.json, then the target verdict."""
    s = run.score
    print(f"\n### {run.suite} ({s.cases} cases, {s.expected} scorable expected values)")
    print(f"| {'system':14} | {'P':>5} | {'R':>5} | {'F1':>5} | {'span':>5} | {'case':>5} | {'texts/s':>8} |")
    print(f"|{'-' * 16}|{'-' * 7}|{'-' * 7}|{'-' * 7}|{'-' * 7}|{'-' * 7}|{'-' * 10}|")
    errs = f"  ({s.errors} errors)" if s.errors else ""
    print(
        f"| {'factcheck':14} | {_fmt(s.precision)} | {_fmt(s.recall)} | {_fmt(s.f1)} | {_fmt(s.span_exact)} "
        f"| {_fmt(s.case_exact)} | {run.texts_per_s:8.0f} |{errs}"
    )
    for name in PEERS:
        entry = peers.get(name)
        if not entry or not entry.get("ran"):
            print(f"| {name:14} | {'-':>5} | {'-':>5} | {'-':>5} | {'-':>5} | {'-':>5} | {'-':>8} |")
            continue
        a = entry["all"]
        print(
            f"| {name:14} | {_fmt(a['precision'])} | {_fmt(a['recall'])} | {_fmt(a['f1'])} "
            f"| {_fmt(a['span_exact'])} | {_fmt(a['case_exact'])} | {entry['texts_per_s']:8.0f} |"
        )
    target = TARGETS.get(run.suite)
    if target is not None:
        verdict = "MET" if s.f1 >= target else "NOT MET"
        print(f"target: F1 >= {target:.2f}: {verdict} (F1 {s.f1:.3f})")


def _show(items: Sequence[dict[str, Any]]) -> str:
    parts = []
    for it in items:
        num = it.get("value") if it.get("value") is not None else f"[{it.get('low')}, {it.get('high')}]"
        extra = f" {it['unit']}" if it.get("unit") else ""
        kind = f" <{it['kind']}>" if it.get("kind") else ""
        parts.append(f"{it.get('text')!r}={num}{extra}{kind}")
    return "; ".join(parts) or "(none)"


def print_misses(run: SuiteRun) -> None:
    """Each case with a missed expected value or a spurious prediction."""
    bad = [r for r in run.cases if not r.exact]
    print(
        f"\n## {run.suite}: {len(bad)} of {len(run.cases)} cases not exact "
        f"({sum(len(r.missed) for r in bad)} missed, {sum(len(r.spurious) for r in bad)} spurious)"
    )
    for r in bad:
        expected = [e for e in r.case["expected"] if scorable(e)]
        print(f"\n{r.case['id']} [{r.case.get('lang')}] {r.case['text']!r}")
        print(f"  expected: {_show(expected)}")
        print(f"  ours:     {_show(r.predicted)}")
        if r.missed:
            print(f"  missed:   {_show(r.missed)}")
        if r.spurious:
            print(f"  spurious: {_show(r.spurious)}")
        wrong_span = [
            e for e in expected if norm_text(e["text"]) not in {norm_text(p["text"]) for p in r.predicted}
        ]
        if wrong_span and not r.missed:
            print(f"  (values right; span differs for {_show(wrong_span)})")
    for case_id, message in run.errors:
        print(f"\nERROR {case_id}: {message}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="factcheck on the peer suites, next to the peers.")
    parser.add_argument(
        "--misses",
        metavar="SUITE",
        action="append",
        default=[],
        help="print every missed / spurious case of SUITE (repeatable; 'all' for every suite)",
    )
    parser.add_argument("--json", metavar="FILE", type=Path, help="write the numbers as JSON")
    parser.add_argument("--suite", action="append", default=[], help="only these suites (repeatable)")
    parser.add_argument("--peers", type=Path, default=None, help="peers folder (default: $FACTCHECK_PEERS)")
    parser.add_argument(
        "--excluding-judged",
        action="store_true",
        help="also score each target suite without the cases judged wrong (bench/suite_judged.toml)",
    )
    args = parser.parse_args(argv)
    judged = load_judged() if args.excluding_judged else {}
    if args.excluding_judged:
        problems = judged_out_of_sync(judged)
        for problem in problems:
            print(f"suite_judged.toml out of sync: {problem}", file=sys.stderr)
        if problems:
            return 2
    root = args.peers or peers_dir()
    names = suite_names(root)
    unknown = [s for s in [*args.suite, *args.misses] if s != "all" and s not in names]
    if unknown:
        print(f"unknown suite(s): {', '.join(unknown)}; known: {', '.join(names)}", file=sys.stderr)
        return 2
    selected = args.suite or (names if not args.misses or "all" in args.misses else args.misses)
    try:
        extract_all = load_extractor()
    except ImportError as exc:
        print(f"factcheck.extract_all is not importable yet: {exc}", file=sys.stderr)
        return 2
    peers = peer_rows(load_results(root))
    runs = [run_suite(suite, extract_all, root) for suite in selected]
    for run in runs:
        print_table(run, peers.get(run.suite, {}))
    print("\n## targets")
    for run in runs:
        target = TARGETS.get(run.suite)
        if target is not None:
            flag = "MET" if run.score.f1 >= target else "NOT MET"
            print(f"{run.suite:26} F1 {run.score.f1:.3f}  target {target:.2f}  {flag}")
    excluded: dict[str, tuple[Score, int]] = {}
    if args.excluding_judged:
        print("\n## targets without the cases judged wrong (bench/suite_judged.toml)")
        for run in runs:
            if run.suite not in TARGETS:
                continue
            s, dropped = excluded[run.suite] = score_without(run, set(judged))
            print(
                f"{run.suite:26} raw P {run.score.precision:.3f} R {run.score.recall:.3f} "
                f"F1 {run.score.f1:.3f}"
                f" | minus {dropped:2d} judged wrong: P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}"
            )
    for run in runs:
        if run.suite in args.misses or "all" in args.misses:
            print_misses(run)
    if args.json:
        data = {
            run.suite: {
                **run.score.to_dict(),
                "texts_per_s": run.texts_per_s,
                "target_f1": TARGETS.get(run.suite),
                "errors_detail": run.errors,
                **(
                    {
                        "excluding_judged": {
                            **excluded[run.suite][0].to_dict(),
                            "dropped": excluded[run.suite][1],
                        }
                    }
                    if run.suite in excluded
                    else {}
                ),
            }
            for run in runs
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
