"""In-article arithmetic: relations between the figures of one article, checked by one interval solver.

The case files hold, for each relation type and language, passages that must raise the check and clean
controls that must stay silent (every word order, Eastern Arabic digits, number words, hedged inputs).
The properties generate correct breakdowns, shares and changes (never flagged) and ones off by more
than the stated precision allows (always flagged).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.checking import check_documents
from factcheck.compare.checks import descriptions, registry
from factcheck.compare.relations import _validate, interval, steps
from factcheck.errors import ConfigError
from factcheck.text.documents import parse_document

CASES = Path(__file__).parent / "cases"
ARITHMETIC = ("parts_total", "percent_of", "percent_change", "rate", "conversion", "restatement")


def _cases(lang: str) -> list[dict]:
    with open(CASES / f"arithmetic_{lang}.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


ALL = [(lang, i, case) for lang in ("en", "ar") for i, case in enumerate(_cases(lang), 1)]


def _arithmetic(text: str):
    result = check_documents([parse_document(text, "article.txt")])
    return [f for f in result.findings if f.check in ARITHMETIC], result


@pytest.mark.parametrize(("lang", "line", "case"), ALL, ids=[f"{lang}-{i}" for lang, i, _ in ALL])
def test_case(lang, line, case):
    found, result = _arithmetic(case["text"])
    assert {f.check for f in found} == set(case["expect"]), [f.message for f in found]
    ids = {c.id for c in result.claims}
    for f in found:
        # the computation is shown: the derived range, the stated figure and what it allows
        assert ("=" in f.message or " is " in f.message) and "allows" in f.explanation
        assert "stated" in f.explanation and any(ch.isdigit() for ch in f.explanation)
        assert len(f.claims) >= 2 and set(f.claims) <= ids
        assert f.level == registry()[f.check]["level"]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_relation_type_has_five_triggers_and_five_controls(lang):
    cases = _cases(lang)
    triggers = Counter(c["check"] for c in cases if c["expect"])
    controls = Counter(c["check"] for c in cases if not c["expect"])
    for check in ARITHMETIC:
        assert triggers[check] >= 5 and controls[check] >= 5, check
    for c in cases:
        assert c["lang"] == lang and set(c["expect"]) <= {c["check"]}


def test_arabic_cases_use_eastern_digits_and_number_words():
    texts = [c["text"] for c in _cases("ar")]
    assert sum(any("٠" <= ch <= "٩" for ch in t) for t in texts) >= 20
    assert any("٫" in t for t in texts)
    assert any("عشرة" in t or "والعشرون" in t for t in texts)


def test_every_arithmetic_check_is_registered_with_a_level_and_description():
    from factcheck.suppress import CHECKS

    for check in ARITHMETIC:
        assert check in registry() and descriptions()[check]
        assert check in CHECKS  # inline "ignore" knows it


def test_sarif_rules_use_the_registry_description():
    from factcheck.report.machine import render_sarif

    result = check_documents([parse_document("The pipeline runs 120 km (95 miles) to the coast.", "a.txt")])
    sarif = json.loads(render_sarif(result))
    rules = {r["id"]: r["shortDescription"]["text"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["conversion"] == descriptions()["conversion"]


def test_inline_ignore_silences_an_arithmetic_check():
    text = (
        '[factcheck: ignore rate reason="the desk checked the census figure"]\n'
        "The province has 300 doctors for 1.5 million people, or 5 doctors per 10,000 residents.\n"
    )
    result = check_documents([parse_document(text, "a.txt")])
    from factcheck.suppress import apply_inline

    apply_inline(result)
    assert [f.check for f, _ in result.suppressed] == ["rate"]
    assert "suppression" not in {f.check for f in result.findings}
    assert "rate" not in {f.check for f in result.findings}


def test_the_seed_gets_no_arithmetic_finding(seed_text):
    found, _ = _arithmetic(seed_text)
    assert found == []


def test_a_malformed_arithmetic_section_names_the_file_and_key():
    with pytest.raises(ConfigError) as err:
        _validate({"arithmetic": {"parts": "including"}}, "factcheck/lexicon/en.toml")
    assert "factcheck/lexicon/en.toml" in str(err.value) and "arithmetic.parts" in str(err.value)
    with pytest.raises(ConfigError, match=r"arithmetic\.fractions\.x"):
        _validate({"arithmetic": {"fractions": {"x": 2}}}, "ar.toml")
    with pytest.raises(ConfigError, match="unknown key"):
        _validate({"arithmetic": {"partz": ["x"]}}, "ar.toml")


def test_precision_follows_the_last_significant_place():
    assert steps(41200, 1) == (100, 100)
    assert steps(1850, 1) == (10, 10)
    assert steps(7000, 1000) == (100, 1000)  # one significant digit: exact to a tenth unless hedged
    assert interval(98, None, None, "exact", 1) == (97.5, 98.5)
    assert interval(1_500_000, None, None, "approx", 100_000) == (1_450_000, 1_550_000)
    assert interval(45, None, None, "more_than", 1) == (44.5, 46)


# ---------------------------------------------------------------- properties

SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: exact integers whose last digit is not zero: their precision is 1
exact = st.integers(min_value=11, max_value=9_000).filter(lambda n: n % 10)


def _fires(text: str, check: str) -> bool:
    return any(f.check == check for f in _arithmetic(text)[0])


@SLOW
@given(st.lists(exact, min_size=2, max_size=4), st.integers(-3, 3), st.sampled_from(["en", "ar"]))
def test_a_breakdown_fires_only_when_it_does_not_add_up(parts, off, lang):
    total = sum(parts) + off * (len(parts) + 1)
    if total % 10 == 0 or total <= 0:
        return  # a round total is read to ±5: not an exact count
    wrong = off != 0  # exact counts of whole things: any difference is an error
    if lang == "en":
        listed = ", ".join(f"{p} trucks" for p in parts[:-1]) + f" and {parts[-1]} trucks"
        text = f"The crossings let in {listed} this week, for a total of {total} trucks."
    else:
        listed = " و".join(f"{p} شاحنة" for p in parts)
        text = f"دخلت عبر المعابر {listed} هذا الأسبوع، ليصبح المجموع {total} شاحنة."
    assert _fires(text, "parts_total") == wrong, text


@SLOW
@given(st.integers(2, 98), st.integers(1_001, 90_000).filter(lambda n: n % 10), st.integers(-40, 40))
def test_a_share_fires_only_when_the_count_is_off_beyond_precision(pct, base, off):
    count = round(pct * base / 100) + off
    if count <= 0 or count % 10 == 0:
        return
    # the count allowed by 'pct' (±0.5 points) of 'base' (an exact count, like the count itself)
    lo, hi = (pct - 0.5) / 100 * base, (pct + 0.5) / 100 * base
    margin = 0.004 * hi + 1
    if lo - margin <= count <= lo + margin or hi - margin <= count <= hi + margin:
        return  # within the solver's slack for rounded conversion factors: not asserted either way
    wrong = not lo <= count <= hi
    text = f"{pct}% of the {base:,} households surveyed, or {count:,} households, said they skipped meals."
    assert _fires(text, "percent_of") == wrong, text


@SLOW
@given(st.integers(101, 9_000).filter(lambda n: n % 10), st.integers(101, 9_000).filter(lambda n: n % 10))
def test_a_change_fires_only_when_the_percentage_is_off(before, after):
    if before == after:
        return
    true = (after - before) / before * 100
    verb = "rose" if after > before else "fell"
    right = round(abs(true))
    # the stated percentage at ±0.5, against the values at ±0.5 each
    lo = abs((after - 0.5) - (before + 0.5)) / (before + 0.5) * 100
    hi = abs((after + 0.5) - (before - 0.5)) / (before - 0.5) * 100
    lo, hi = min(lo, hi), max(lo, hi)
    text = f"Bread prices {verb} {right}% to {after:,} pounds from {before:,} pounds."
    assert not _fires(text, "percent_change"), text
    wrong = right + 3 if right + 3 > hi + 0.5 + 0.01 * hi else right + 10
    half = steps(wrong, 1)[0] / 2  # "100%" is read to ±5, "97%" to ±0.5
    if wrong - half > hi * 1.0001:
        text = f"Bread prices {verb} {wrong}% to {after:,} pounds from {before:,} pounds."
        assert _fires(text, "percent_change"), text
    assert lo <= abs(true) <= hi
