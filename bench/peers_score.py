"""Value P/R/F1 scorer for the uniform peer suites (the rules behind ``../shared/peers/RESULTS.md``).

Run ``python bench/peers_score.py`` to re-score every peer's stored predictions
(``<peers>/predictions/<peer>/<suite>.jsonl``) and print the numbers side by side with
``<peers>/results.json``; the exit status is 1 when any figure disagrees.

The peer data is read in place: ``$FACTCHECK_PEERS`` or, by default, ``<repo>/../shared/peers``.

Rules (recovered from the suites, the stored predictions and results.json; with them this module
reproduces every count and rate of results.json, for all 132 (suite, peer, subset) rows, exactly;
there is no residual difference):

* A suite case is ``{"id", "lang", "text", "expected": [item, ...]}``; a predicted item is
  ``{"text", "value", "low", "high", "unit"}`` (the peers' ``predicted`` list, already filtered to
  the suite's notion by their runner; ``raw_predicted`` is not scored).
* An expected item is *scorable* when it states a value, a low or a high. Relative ordinals ("last")
  and bare unit words ("percent", "fahrenheit") have none and are not scorable.
* A predicted item matches a scorable expected item when, for an expected value, the predicted value
  is equal (relative tolerance 1e-6, so 16399999.999999998 == 16.4 million); for an expected range
  (value null), when low and high are both equal (null equals null). Matching is one-to-one within a
  case: expected items in order, each taking the first unused predicted item that matches.
* An unmatched predicted item whose text contains, or lies inside, the text of an unscorable
  expected item ("fahrenheit", "last", "a percentage") is ignored: it is neither counted as a
  prediction nor as spurious. Every other predicted item counts, with or without a value.
* P = matched / counted predictions, R = matched / scorable expected items, F1 their harmonic mean,
  summed over the cases of the suite (micro-averaged).
* span = expected items (all, scorable or not) whose text equals the text of some predicted item
  (not one-to-one, values ignored; texts compared case-folded with whitespace runs collapsed, so
  "40 000" and "40\u202f000" are the same and Recognizers' lower-cased texts match), divided by the
  number of expected items; null when there are none.
* case exact = cases where every scorable expected item is matched and no counted prediction is left
  over, over the number of cases (a negative case with no prediction is exact); null with no cases.
* unit agree = among matched pairs where both name a unit, the share with the same name
  (case-insensitive); ``unit_pairs`` is that count.
* Subsets: ``python_supported_subset`` (cases whose ``not_supported`` list does not name python)
  and ``without_ignore_resolution`` (cases without ``ignore_resolution: true``).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

Item = Mapping[str, Any]
Case = Mapping[str, Any]

REPO = Path(__file__).resolve().parents[1]
REL_TOL = 1e-6
ABS_TOL = 1e-9
#: metric keys compared with results.json, in table order
METRICS = ("precision", "recall", "f1", "span_exact", "case_exact", "unit_agree")
COUNTS = ("cases", "expected", "predicted", "matched", "unit_pairs", "missing", "errors")


def peers_dir() -> Path:
    """The peers folder: ``$FACTCHECK_PEERS`` or ``<repo>/../shared/peers``."""
    env = os.environ.get("FACTCHECK_PEERS")
    return Path(env) if env else (REPO.parent / "shared" / "peers").resolve()


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """All JSON objects of a JSONL file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def suite_names(root: Path | None = None) -> list[str]:
    """Names of the suites in the peers folder, sorted."""
    return sorted(p.stem for p in (root or peers_dir()).glob("*.jsonl"))


def load_suite(name: str, root: Path | None = None) -> list[dict[str, Any]]:
    """The cases of one suite."""
    return read_jsonl((root or peers_dir()) / f"{name}.jsonl")


def load_predictions(peer: str, suite: str, root: Path | None = None) -> dict[str, dict[str, Any]] | None:
    """A peer's stored prediction rows for a suite, by case id (None when the peer did not run it)."""
    path = (root or peers_dir()) / "predictions" / peer / f"{suite}.jsonl"
    if not path.exists():
        return None
    return {row["id"]: row for row in read_jsonl(path)}


def load_results(root: Path | None = None) -> dict[str, Any]:
    """The peers' results.json."""
    return json.loads(((root or peers_dir()) / "results.json").read_text(encoding="utf-8"))


def scorable(item: Item) -> bool:
    """An expected item counts when it states a value, a low or a high."""
    return any(item.get(key) is not None for key in ("value", "low", "high"))


def same_number(a: float | int | None, b: float | int | None) -> bool:
    """Numbers equal within the tolerance; None only equals None."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=REL_TOL, abs_tol=ABS_TOL)


def item_matches(expected: Item, predicted: Item) -> bool:
    """Value equality for a plain value; low and high equality for an expected range."""
    if expected.get("value") is not None:
        return predicted.get("value") is not None and same_number(expected["value"], predicted["value"])
    return same_number(expected.get("low"), predicted.get("low")) and same_number(
        expected.get("high"), predicted.get("high")
    )


def match_case(expected: Sequence[Item], predicted: Sequence[Item]) -> list[tuple[int, int]]:
    """One-to-one (expected index, predicted index) value matches, greedy in expected order."""
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for i, exp in enumerate(expected):
        if not scorable(exp):
            continue
        for j, pred in enumerate(predicted):
            if j not in used and item_matches(exp, pred):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def norm_text(text: Any) -> str:
    """Surface text for span comparison: case-folded, runs of whitespace (incl. U+202F) as one space."""
    return " ".join(str(text).split()).casefold()


def span_hits(expected: Sequence[Item], predicted: Sequence[Item]) -> int:
    """Expected items whose normalised text equals some predicted item's text (values ignored)."""
    texts = {norm_text(p.get("text")) for p in predicted}
    return sum(1 for exp in expected if norm_text(exp.get("text")) in texts)


def covers_unscorable(expected: Sequence[Item], pred: Item) -> bool:
    """Predicted text contains, or lies inside, the text of an expected item that is not scorable."""
    text = norm_text(pred.get("text"))
    for exp in expected:
        if not scorable(exp):
            other = norm_text(exp.get("text"))
            if other and text and (other in text or text in other):
                return True
    return False


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


@dataclass
class Score:
    """Counts and rates of one peer (or of factcheck) on one suite or subset."""

    cases: int = 0
    expected: int = 0
    predicted: int = 0
    matched: int = 0
    expected_all: int = 0
    span_hits: int = 0
    exact_cases: int = 0
    unit_pairs: int = 0
    unit_same: int = 0
    missing: int = 0
    errors: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.matched, self.expected)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def span_exact(self) -> float | None:
        return self.span_hits / self.expected_all if self.expected_all else None

    @property
    def case_exact(self) -> float | None:
        return self.exact_cases / self.cases if self.cases else None

    @property
    def unit_agree(self) -> float | None:
        return self.unit_same / self.unit_pairs if self.unit_pairs else None

    def to_dict(self) -> dict[str, Any]:
        """Counts plus rates, with the key names of results.json."""
        data = asdict(self)
        data.update({m: getattr(self, m) for m in METRICS})
        return data


@dataclass
class CaseResult:
    """How one case scored: its matched pairs and the unmatched items on either side."""

    case: Case
    predicted: list[Item]
    pairs: list[tuple[int, int]]

    @property
    def missed(self) -> list[Item]:
        """Scorable expected items no prediction matched."""
        hit = {i for i, _ in self.pairs}
        return [e for i, e in enumerate(self.case["expected"]) if scorable(e) and i not in hit]

    @property
    def ignored(self) -> list[Item]:
        """Unmatched predicted items that cover an unscorable expected item (neither right nor wrong)."""
        hit = {j for _, j in self.pairs}
        expected = self.case["expected"]
        return [p for j, p in enumerate(self.predicted) if j not in hit and covers_unscorable(expected, p)]

    @property
    def spurious(self) -> list[Item]:
        """Predicted items that matched nothing and are not ignored."""
        hit = {j for _, j in self.pairs}
        expected = self.case["expected"]
        return [
            p for j, p in enumerate(self.predicted) if j not in hit and not covers_unscorable(expected, p)
        ]

    @property
    def exact(self) -> bool:
        return not self.missed and not self.spurious


def score_case(case: Case, predicted: Sequence[Item], score: Score) -> CaseResult:
    """Score one case into ``score`` and return the per-case detail."""
    expected = list(case["expected"])
    pairs = match_case(expected, predicted)
    score.cases += 1
    score.expected += sum(1 for e in expected if scorable(e))
    result = CaseResult(case, list(predicted), pairs)
    score.predicted += len(predicted) - len(result.ignored)
    score.matched += len(pairs)
    score.expected_all += len(expected)
    score.span_hits += span_hits(expected, predicted)
    for i, j in pairs:
        unit_e, unit_p = expected[i].get("unit"), predicted[j].get("unit")
        if unit_e and unit_p:
            score.unit_pairs += 1
            score.unit_same += str(unit_e).casefold() == str(unit_p).casefold()
    score.exact_cases += result.exact
    return result


def score_suite(
    cases: Iterable[Case],
    predictions: Mapping[str, Sequence[Item] | Mapping[str, Any]],
    keep: Callable[[Case], bool] | None = None,
) -> Score:
    """Score predictions (case id -> list of items, or a stored prediction row) over a suite."""
    score = Score()
    for case in cases:
        if keep is not None and not keep(case):
            continue
        row = predictions.get(case["id"])
        if row is None:
            score.missing += 1
            items: Sequence[Item] = []
        elif isinstance(row, Mapping):
            score.errors += bool(row.get("error"))
            items = row.get("predicted") or []
        else:
            items = row
        score_case(case, items, score)
    return score


def python_supported(case: Case) -> bool:
    """Recognizers-Text case that the spec does not mark as unsupported in python."""
    marks = case.get("not_supported") or []
    return "python" not in marks


def resolution_checked(case: Case) -> bool:
    """Case whose spec does not say ``IgnoreResolution``."""
    return not case.get("ignore_resolution")


#: results.json subset key -> case filter
SUBSETS: dict[str, Callable[[Case], bool]] = {
    "python_supported_subset": python_supported,
    "without_ignore_resolution": resolution_checked,
}


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _differences(ours: Mapping[str, Any], theirs: Mapping[str, Any]) -> list[str]:
    """Keys where our figure differs from results.json."""
    bad = []
    for key in (*COUNTS, *METRICS):
        if key not in theirs:
            continue
        a, b = ours.get(key), theirs[key]
        if a is None or b is None:
            if a is not b:
                bad.append(key)
        elif not math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12):
            bad.append(key)
    return bad


def validate(root: Path | None = None, verbose: bool = True) -> int:
    """Re-score all stored peer predictions; print ours vs results.json; return the number of mismatches."""
    root = root or peers_dir()
    results = load_results(root)
    suites = {name: load_suite(name, root) for name in suite_names(root)}
    mismatches = 0
    rows = 0
    header = f"{'suite':26} {'peer':15} {'subset':26} " + " ".join(f"{m[:10]:>13}" for m in METRICS)
    if verbose:
        print(header)
        print("-" * len(header))
    for entry in results["results"]:
        if not entry.get("ran"):
            continue
        preds = load_predictions(entry["peer"], entry["suite"], root)
        if preds is None:
            print(f"{entry['suite']} / {entry['peer']}: no stored predictions", file=sys.stderr)
            mismatches += 1
            continue
        for subset in ("all", *SUBSETS):
            if subset not in entry:
                continue
            keep = SUBSETS.get(subset)
            ours = score_suite(suites[entry["suite"]], preds, keep).to_dict()
            theirs = entry[subset]
            bad = _differences(ours, theirs)
            rows += 1
            mismatches += bool(bad)
            if verbose:
                cells = " ".join(f"{_fmt(ours[m]):>6}/{_fmt(theirs.get(m)):>6}" for m in METRICS)
                flag = "  MISMATCH " + ",".join(bad) if bad else ""
                print(f"{entry['suite']:26} {entry['peer']:15} {subset:26} {cells}{flag}")
    if verbose:
        print(
            f"\n{rows} (suite, peer, subset) rows compared (cells: ours/results.json); "
            f"{mismatches} with any differing count or rate"
        )
    return mismatches


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peers", type=Path, default=None, help="peers folder (default: $FACTCHECK_PEERS)")
    parser.add_argument("--quiet", action="store_true", help="only print the summary line")
    args = parser.parse_args(argv)
    bad = validate(args.peers, verbose=not args.quiet)
    if args.quiet:
        print(f"mismatching rows: {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
