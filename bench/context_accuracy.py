"""Per-field accuracy of claims in context (subject entities, source, time) on the case files.

    python bench/context_accuracy.py [--verbose]

Reads tests/cases/context_ar.jsonl and context_en.jsonl; each passage lists its claims (found
by their text) with the expected entities, source and time.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from factcheck.context import contextualise
from factcheck.extraction import extract_document
from factcheck.lexicon import fold
from factcheck.text.documents import parse_document

CASES = Path(__file__).resolve().parent.parent / "tests" / "cases"
FIELDS = ("entities", "source", "time")


def load(lang: str) -> list[dict]:
    path = CASES / f"context_{lang}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def source_key(text: str | None) -> str | None:
    """Sources compare folded, without English articles and surrounding punctuation."""
    if text is None:
        return None
    key = re.sub(r"^(the|a|an)\s+", "", fold(text).strip(" \"'.,،()"))
    return " ".join(key.split())


def check(case: dict, lang: str) -> list[tuple[str, bool, str]]:
    """(field, correct, detail) for every expected claim of one passage."""
    doc = parse_document(case["text"], case["id"], lang=lang, published=case.get("published"))
    claims = contextualise(doc, extract_document(doc))
    used: set[int] = set()
    results = []
    for want in case["claims"]:
        target = fold(want["text"])
        got = None
        for i, c in enumerate(claims):
            if i not in used and (target in fold(c.text) or fold(c.text) in target):
                got = c
                used.add(i)
                break
        if got is None:
            for f in FIELDS:
                results.append((f, False, f"{case['id']}: claim {want['text']!r} not extracted"))
            continue
        checks = {
            "entities": (sorted(got.entities) == sorted(want["entities"]), got.entities, want["entities"]),
            "source": (source_key(got.source) == source_key(want["source"]), got.source, want["source"]),
            "time": (got.time == want["time"], got.time, want["time"]),
        }
        for f, (ok, g, w) in checks.items():
            results.append((f, ok, f"{case['id']} {want['text']!r} {f}: got {g!r}, want {w!r}"))
    return results


def score(lang: str) -> tuple[dict[str, float], list[str], int]:
    """Accuracy per field, the failures, and the number of passages."""
    cases = load(lang)
    totals = {f: [0, 0] for f in FIELDS}
    failures = []
    for case in cases:
        for f, ok, detail in check(case, lang):
            totals[f][1] += 1
            totals[f][0] += ok
            if not ok:
                failures.append(detail)
    return {f: (a / b if b else 1.0) for f, (a, b) in totals.items()}, failures, len(cases)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="list every failure")
    args = parser.parse_args(argv)
    for lang in ("ar", "en"):
        acc, failures, n = score(lang)
        cells = "  ".join(f"{f} {acc[f]:.3f}" for f in FIELDS)
        print(f"{lang}: {n} passages  {cells}")
        if args.verbose:
            for line in failures:
                print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
