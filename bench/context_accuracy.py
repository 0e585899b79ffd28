"""Per-field accuracy of claims in context (subject entities, source, time) on the case files, and
agreement across languages on the parallel passages.

    python bench/context_accuracy.py [--verbose]

Reads tests/cases/context_ar.jsonl and context_en.jsonl; each passage lists its claims (found
by their text) with the expected entities, source and time. Then tests/cases/parallel_context.jsonl:
the same passage written in Arabic and in English (the same figures from the same bodies and places);
a passage agrees when its Arabic and English claims, in order, get the same source, entities and
currency (``factcheck.context.places.currency_for`` of the unit, given the claim's places and its
source's country), and its source is the expected canonical name.

The frame passages (issue 11: a claim labels one of ``FRAME_FIELDS``: measure, event, owner, group,
scope, modality, aggregation, time_basis, change, unit; a key left out is not checked, ``null``
expects none) are scored apart, per language, each field over the claims that label it, with their
time, source and entities: the ``ar frame:`` / ``en frame:`` lines (``--verbose`` lists the misses).
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
#: the claim-frame fields (issue 11) and the unit: a case claim that carries the key is checked on it
#: (``null`` expects no value), one that leaves it out is not
FRAME_FIELDS = (
    "measure",
    "event",
    "owner",
    "group",
    "scope",
    "modality",
    "aggregation",
    "time_basis",
    "change",
    "unit",
)


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
                if f in want:
                    results.append((f, False, f"{case['id']}: claim {want['text']!r} not extracted"))
            continue
        checks = {
            "entities": (sorted(got.entities) == sorted(want.get("entities", ())), got.entities),
            "source": (source_key(got.source) == source_key(want.get("source")), got.source),
            "time": (got.time == want.get("time"), got.time),
        }
        for f, (ok, g) in checks.items():
            if f not in want:  # the frame cases label only what they are about
                continue
            w = want[f]
            results.append((f, ok, f"{case['id']} {want['text']!r} {f}: got {g!r}, want {w!r}"))
    return results


def is_frame_case(case: dict) -> bool:
    """A passage written for the claim frame: one of its claims labels a frame field or the unit."""
    return any(f in want for want in case["claims"] for f in FRAME_FIELDS)


def score(lang: str) -> tuple[dict[str, float], list[str], int]:
    """Accuracy per field, the failures, and the number of passages scored (all but the frame ones)."""
    cases = load(lang)
    totals = {f: [0, 0] for f in FIELDS}
    failures = []
    for case in cases:
        if is_frame_case(case):  # scored by frame_score, with their time, source and entities
            continue
        for f, ok, detail in check(case, lang):
            totals[f][1] += 1
            totals[f][0] += ok
            if not ok:
                failures.append(detail)
    scored = sum(not is_frame_case(case) for case in cases)
    return {f: (a / b if b else 1.0) for f, (a, b) in totals.items()}, failures, scored


def _match(case: dict, lang: str) -> list[tuple[dict, object]]:
    """Each expected claim of a passage with the extracted claim it names (None when not extracted)."""
    doc = parse_document(case["text"], case["id"], lang=lang, published=case.get("published"))
    claims = contextualise(doc, extract_document(doc))
    used: set[int] = set()
    pairs = []
    for want in case["claims"]:
        target = fold(want["text"])
        got = None
        for i, c in enumerate(claims):
            if i not in used and (target in fold(c.text) or fold(c.text) in target):
                got = c
                used.add(i)
                break
        pairs.append((want, got))
    return pairs


def _frame_value(field: str, value):
    """Owners and sources compare folded; entities as a sorted list; the other fields as they are."""
    if field in ("owner", "source"):
        return source_key(value)
    if field == "entities":
        return sorted(value or ())
    return value


def frame_score(lang: str) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """(correct, labelled) per frame field and unit, and time, source and entities over the same
    frame passages, each over the claims that label it, and the misses. The frame passages are kept
    out of :func:`score`, so their harder constructions' time shows apart."""
    fields = (*FRAME_FIELDS, "time", "source", "entities")
    totals = {f: [0, 0] for f in fields}
    misses = []
    for case in load(lang):
        if not is_frame_case(case):
            continue
        for want, got in _match(case, lang):
            for f in fields:
                if f not in want:
                    continue
                totals[f][1] += 1
                if got is None:
                    misses.append(f"{case['id']} {want['text']!r} {f}: not extracted")
                    continue
                g = getattr(got, f, None)
                ok = _frame_value(f, g) == _frame_value(f, want[f])
                totals[f][0] += ok
                if not ok:
                    misses.append(f"{case['id']} {want['text']!r} {f}: got {g!r}, want {want[f]!r}")
    return {f: (a, b) for f, (a, b) in totals.items()}, misses


def load_parallel() -> list[dict]:
    path = CASES / "parallel_context.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _currency(claim) -> str | None:
    """The ISO code of a claim's currency unit given its places and its source's country, None for
    other units (the unit itself when the installed factcheck has no ``currency_for``)."""
    try:
        from factcheck.context.places import currency_for
    except ImportError:
        return claim.unit
    return currency_for(claim.unit, [*claim.entities, claim.source or ""])


def frame(text: str, lang: str, published: str | None) -> list[tuple]:
    """(source, sorted entities, currency) of each quantity of a passage, in order."""
    doc = parse_document(text, "p", lang=lang, published=published)
    claims = contextualise(doc, extract_document(doc))
    return [(c.source, tuple(sorted(c.entities)), _currency(c)) for c in claims if c.kind == "quantity"]


def parallel() -> tuple[int, int, int, list[str]]:
    """(passages, agreeing across languages, agreeing and with the expected source, failures)."""
    cases = load_parallel()
    same = right = 0
    failures = []
    for case in cases:
        ar = frame(case["ar"], "ar", case.get("published"))
        en = frame(case["en"], "en", case.get("published"))
        agree = bool(ar) and ar == en
        same += agree
        ok = agree and all(src == case["source"] for src, _e, _c in ar)
        right += ok
        if not ok:
            failures.append(f"{case['id']}: ar {ar} / en {en} (want source {case['source']!r})")
    return len(cases), same, right, failures


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
    for lang in ("ar", "en"):
        counts, misses = frame_score(lang)
        cells = "  ".join(f"{f} {a / b:.3f} ({a}/{b})" for f, (a, b) in counts.items() if b)
        print(f"{lang} frame: {cells}")
        if args.verbose:
            for line in misses:
                print("  " + line)
    n, same, right, failures = parallel()
    print(
        f"parallel: {n} passages  same source, entities and currency in both languages "
        f"{same}/{n} ({same / n:.3f}); with the expected canonical source {right}/{n} ({right / n:.3f})"
    )
    if args.verbose:
        for line in failures:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
