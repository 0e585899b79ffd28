"""The comparator: same quantity? agree? (pure: claims in, findings out).

``compare_claims`` runs cross-source comparison over any set of claims (documents, ledger, reference
figures); ``checks.in_article`` the checks inside one document. Only pairs with at least one claim
from ``focus`` (the documents being checked) are reported.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable

from factcheck.compare import findings as fnd
from factcheck.compare.agree import Judgement, Profile, describe, explain, judged, profile
from factcheck.compare.match import (
    Facts,
    by_source_only,
    candidate_pairs,
    close_days,
    happens_on_a_day,
    identity_why,
    periodic,
    shifted,
)
from factcheck.compare.rules import Rules, default
from factcheck.compare.series import merge_series
from factcheck.compare.timescope import days
from factcheck.model import Claim, Finding, Level, Verdict, fast_builder


def relation(a: Claim, b: Claim) -> str:
    """The check a pair belongs to: restated in one article, across sources, or against a reference."""
    if a.origin == "reference" or b.origin == "reference":
        return "reference"
    if a.doc == b.doc and (a.source or "") == (b.source or ""):
        return "restated"
    return "cross_source"


def compare_claims(
    claims: Iterable[Claim],
    rules: Rules | None = None,
    *,
    focus: Callable[[Claim], bool] | None = None,
    include_consistent: bool = False,
    window: int | None = None,
    cross_source_only: bool = False,
    verdicts: frozenset[str] | None = None,
    progress=None,
    skip: Callable[[Claim, Claim], bool] | None = None,
    series: bool = True,
) -> list[Finding]:
    """Findings for pairs of claims about the same quantity (never all pairs: see ``match``).

    ``window`` overrides how many time-ordered neighbours each claim meets; ``cross_source_only``
    skips pairs from one source; ``verdicts`` keeps only those verdicts (ledger-wide runs); ``skip``
    drops pairs known to be distinct (two figures of one sentence: "5 killed and 19 arrested");
    ``series`` merges the trend findings of one quantity into one finding (see ``series``).

    Built for a million claims: what a claim contributes (its numbers for the verdict, its fingerprint
    and wording) is worked out once per claim, wording only for pairs kept, and the cyclic garbage
    collector is paused meanwhile (the claims and findings hold no cycles).
    """
    rules = rules or default()
    keep = _pair_filter(focus, cross_source_only, skip)
    levels = rules.levels
    build = fast_builder(Finding)
    build_judgement = fast_builder(Judgement)
    # per claim (by identity; the entry holds the claim, so its id stays its own): the numbers
    # ``judged`` reads, and (fingerprint, description, label); bounded, as pairs come block by block
    numbers: dict[int, tuple[Claim, Profile]] = {}
    texts: dict[int, tuple[Claim, str, str, str]] = {}
    out: list[Finding] = []
    seen: set[str] = set()
    in_trends: dict[str, Claim] = {}  # the claims of trend findings, for one finding per series
    agreeing: dict[str, set[str]] = {}  # claim id -> the other documents with a figure that agrees with it
    disputed: list[tuple[Finding, Claim, Claim]] = []  # conflicts and drifts across documents

    profiled = _per_claim(numbers, lambda c: profile(c, rules))
    texts_of = _per_claim(texts, _texts)

    collecting = gc.isenabled()
    gc.disable()
    try:
        articles = not cross_source_only
        if window is None and articles:
            window = rules.check_window
        known: dict[int, Facts] = {}
        for a, b, factor in candidate_pairs(
            claims, rules, window=window, progress=progress, articles=articles, keep=keep, known=known
        ):
            pa = profiled(a)
            pb = profiled(b) if factor == 1.0 else profile(b, rules, factor)
            result = judged(pa, pb, rules)
            if result[0] == "trend" and "cumulative" in (a.aggregation, b.aggregation):
                result = judged(pa, pb, rules, by_gap=False)  # a running total: by as-of date (over_time)
            verdict = result[0]
            if verdict == "consistent" and articles and a.doc != b.doc:  # (a ledger-wide run meets too
                # few neighbours per claim for it, and would hold a set per claim)
                agreeing.setdefault(a.id, set()).add(b.doc)
                agreeing.setdefault(b.id, set()).add(a.doc)
            if verdict == "consistent" and not include_consistent:
                continue  # (over_time keeps a consistent verdict)
            verdict = over_time(a, b, verdict, result[6], result[7], rules)
            if verdict != result[0]:
                result = (verdict, *result[1:])
            if verdict == "conflict" and by_source_only(a, b):
                continue  # one organisation's figures in two languages: far apart, likely two quantities
            if verdict == "consistent" and not include_consistent:
                continue
            if verdicts is not None and verdict not in verdicts:
                continue
            check = relation(a, b)
            level = levels.get(verdict, Level.INFO)
            weak = False
            if verdict in ("drift", "conflict"):
                if _too_far(result[6], result[7], rules) and not shifted(a.value, b.value):
                    continue  # 4 vs 55,432: not one quantity misreported (400,000 vs 40,000 may be)
                margin = _margin(a, b, verdict, check, result, rules, (known[id(a)], known[id(b)]))
                if margin < -1 or (margin == -1 and verdict != "conflict"):
                    continue
                if margin == -1:  # a conflict on thin evidence that the two are one quantity: a note
                    weak, level = True, levels.get("weak_conflict", Level.INFO)
            if check == "restated" and verdict == "trend":
                check = "change"  # "from 70,000 in 2019 to 30,000 now": one source, two times
            ta, tb = texts_of(a), texts_of(b)
            fid = fnd.pair_fingerprint(check, ta[1], tb[1])
            if fid in seen:
                continue
            seen.add(fid)
            if verdict == "trend":
                in_trends[a.id], in_trends[b.id] = a, b
            _verdict, difference, relative, tolerance = result[:4]
            details = []
            if difference is not None:
                details.append(("difference", float(difference)))
            if relative is not None:
                details.append(("relative", round(float(relative), 4)))
            if tolerance is not None:
                details.append(("tolerance", round(float(tolerance), 4)))
            found = build(
                fid,
                check,
                level,
                (a.id, b.id),
                f"{'possible ' if weak else ''}{verdict}: {tb[3]} vs {ta[3]}",
                explain(a, b, build_judgement(*result), rules, described=(ta[2], tb[2])),
                Verdict(verdict),
                tuple(details),
            )
            out.append(found)
            if verdict in ("drift", "conflict") and articles and a.doc != b.doc:
                disputed.append((found, a, b))
    finally:
        if collecting:
            gc.enable()
    if disputed and agreeing:
        out = _aligned(out, disputed, agreeing)
    out = fnd.sort_findings(out)
    return merge_series(out, in_trends) if series else out


def _aligned(
    out: list[Finding], disputed: list[tuple[Finding, Claim, Claim]], agreeing: dict[str, set[str]]
) -> list[Finding]:
    """``out`` without the disagreements of two figures that each agree with a figure of the other's
    report: two reports that both give 9,000 and 6,500 count two things (two shelters), so 9,000 in one
    against 6,500 in the other is a look-alike, not a misreport."""
    dropped = {
        id(f) for f, a, b in disputed if b.doc in agreeing.get(a.id, ()) and a.doc in agreeing.get(b.id, ())
    }
    return [f for f in out if id(f) not in dropped] if dropped else out


def _too_far(ref_a: float | None, ref_b: float | None, rules: Rules) -> bool:
    """Are two figures further apart than any misreport of one quantity (``match.max_ratio``)?"""
    if not ref_a or not ref_b:
        return False
    big, small = max(abs(ref_a), abs(ref_b)), min(abs(ref_a), abs(ref_b))
    return small > 0 and big / small > rules.max_ratio


def _evident(a: Claim, b: Claim, verdict: str, check: str, result: tuple, rules: Rules) -> bool:
    """Is the frame evidence that ``a`` and ``b`` are one quantity strong enough to raise ``verdict``?"""
    return _margin(a, b, verdict, check, result, rules) >= 0


def _margin(
    a: Claim, b: Claim, verdict: str, check: str, result: tuple, rules: Rules, facts: tuple = (None, None)
) -> int:
    """How much more frame evidence than ``verdict`` needs the pair has (negative: less). A conflict
    needs more than a drift; one article's own figures (``restated``) and figures far apart in size
    need more still."""
    need = rules.conflict_min if verdict == "conflict" else rules.drift_min
    if check == "restated":
        need += 1
    ref_a, ref_b = result[6], result[7]
    if verdict == "conflict" and ref_a and ref_b:
        big, small = max(abs(ref_a), abs(ref_b)), min(abs(ref_a), abs(ref_b))
        if small and big / small > rules.far_ratio and not shifted(a.value, b.value):
            need += 1
            if a.unit is None or b.unit is None:
                need += 1  # no noun of its own, far off: likelier a part ("eight of them") than a misreport
    return (identity_why(a, b, rules, *facts)[0] or 0) - need


def over_time(
    a: Claim, b: Claim, verdict: str, ref_a: float | None, ref_b: float | None, rules: Rules
) -> str:
    """The verdict once the frames' times and aggregation are read (DESIGN.md §5).

    A running total compares by its as-of date: a later figure that is not lower is an update (a
    trend), a lower one stays a disagreement. Totals over periods (a month's inflation, a year's
    revenue) stated for different periods are a trend whatever the gap. Point-in-time figures keep
    the verdict while their times are close (``judged`` made far ones a trend)."""
    if verdict in ("trend", "consistent"):
        return verdict
    da, db = days(a.time), days(b.time)
    if da is None or db is None:
        return verdict
    if (a.change == "previous") != (b.change == "previous"):
        return "trend"  # the value before a change ("from 11.50") against a reading after it
    updated = (a.change or b.change) and not (periodic(a) or periodic(b))
    if a.aggregation == "cumulative" or b.aggregation == "cumulative" or updated:
        # a running total, or a tally the text updates ("the toll rose to 121"; not a month's rate that
        # "rose to 1.4%"): compared by its as-of date
        if da[1] == db[1] or ref_a is None or ref_b is None:
            return verdict
        if abs(da[1] - db[1]) > rules.update_days and max(ref_a, ref_b) == (
            ref_a if da[1] > db[1] else ref_b
        ):
            return "trend"  # a running total weeks later and not lower: an update
        (later, later_value), (_earlier, earlier_value) = sorted(
            ((a, ref_a), (b, ref_b)), key=lambda x: days(x[0].time)[1], reverse=True
        )
        if later_value >= earlier_value and later.change == "update":
            return "trend"  # "the toll rose to 51"
        if later_value < earlier_value and later.change == "revised":
            return "trend"  # a stated correction
        return verdict
    gap = max(db[0] - da[1], da[0] - db[1], 0)
    if (periodic(a) or periodic(b)) and _said_within(da, db, rules):
        return "trend"  # a total said on a day inside another period (January's word on a year's total)
    if gap == 0:
        return verdict
    stated = a.time_basis == b.time_basis == "stated"  # both times say what period the figure is for
    if stated and min(da[1] - da[0], db[1] - db[0]) >= 27:
        return "trend"  # readings for different months, quarters or years
    spans = sorted((da[1] - da[0], db[1] - db[0]))
    if stated and spans[0] == 0 and spans[1] >= 27 and close_days(a.measure or b.measure) is not None:
        return "trend"  # a moving quantity's month (its average: "$68 a barrel in August") vs a later
        # day's reading ("about $66 on a Friday in September")
    said_on_days = da[0] == da[1] and db[0] == db[1]
    rates = _per_period(a) or _per_period(b)  # "126 billion pounds a year": the days are when it was said
    if (
        stated
        and (periodic(a) or periodic(b))
        and not (said_on_days and rates)
        and not _same_report(da, db, gap, rules)
    ):
        return "trend"  # a total over a period, stated for another period
    one_day = da[0] == da[1] and db[0] == db[1]
    if one_day and gap > 2 and (happens_on_a_day(a) or happens_on_a_day(b)):
        return "trend"  # what happened on different days: different events
    close = close_days(a.measure or b.measure)
    if close is not None and gap > close:
        return "trend"
    return verdict


def _same_report(da: tuple[int, int], db: tuple[int, int], gap: int, rules: Rules) -> bool:
    """Could two readings of a total over a period be one report's figure? A day is then when it was
    said, not the period: a day in the weeks after the other's period (a year's revenue "said on
    Monday" in January), or two days a day or two apart (Thursday's peak demand, reported on Friday)."""
    day_a, day_b = da[0] == da[1], db[0] == db[1]
    if day_a and day_b:
        return gap <= rules.day_report_days
    if day_a != day_b:
        day, period = (da, db) if day_a else (db, da)
        return 0 <= day[0] - period[1] <= rules.report_within_days
    return False


def _per_period(c: Claim) -> bool:
    """A rate per period ("a year", "daily"), not a total over a stated period."""
    return bool(c.aggregation and c.aggregation.startswith("per_"))


def _said_within(da: tuple[int, int], db: tuple[int, int], rules: Rules) -> bool:
    """One side a single day in the first weeks of the other's year: a year's total said then cannot
    be that year's (it had barely begun); it is the year before's ("said on 8 January 2024": 2023's)."""
    for day, period in ((da, db), (db, da)):
        if (
            day[0] == day[1]
            and period[1] - period[0] >= _A_YEAR
            and 0 <= day[0] - period[0] <= rules.report_within_days
        ):
            return True
    return False


#: days in a year, less a few (a year's period, as its first and last day count it)
_A_YEAR = 360

#: how many claims' numbers and wordings ``compare_claims`` keeps at once (pairs come block by block:
#: a claim meets its few neighbours in a row; small keeps the memo in the processor's cache)
_MEMO = 4096


def _per_claim(cache: dict, make: Callable[[Claim], object]) -> Callable[[Claim], object]:
    """``make(c)`` memoised on the claim's identity in ``cache`` (the entry holds the claim, so its id
    stays its own); bounded, as pairs come block by block."""

    def get(c: Claim):
        got = cache.get(id(c))
        if got is None:
            if len(cache) >= _MEMO:
                cache.clear()
            got = cache[id(c)] = (c, make(c))
        return got[1]

    return get


def _texts(c: Claim) -> tuple[Claim, str, str, str]:
    """A claim, its fingerprint, its description and its label (the label from the description)."""
    described = describe(c)
    bits = [b for b in (c.source, c.time) if b]
    return c, fnd.claim_fingerprint(c), described, described + (f" ({', '.join(bits)})" if bits else "")


def _pair_filter(
    focus: Callable[[Claim], bool] | None,
    cross_source_only: bool,
    skip: Callable[[Claim, Claim], bool] | None,
) -> Callable[[Claim, Claim], bool] | None:
    """The pairs ``compare_claims`` keeps whatever their verdict, as one test (None: all)."""
    if focus is None and not cross_source_only and skip is None:
        return None
    if focus is None and skip is None:
        return lambda a, b: (a.source or a.doc) != (b.source or b.doc)

    def keep(a: Claim, b: Claim) -> bool:
        if focus is not None and not (focus(a) or focus(b)):
            return False
        if cross_source_only and (a.source or a.doc) == (b.source or b.doc):
            return False
        return not (skip is not None and skip(a, b))

    return keep


def ledger_findings(claims: Iterable[Claim], *, include_trends: bool = False, progress=None) -> list[Finding]:
    """Ledger-wide comparison (``factcheck compare``): each claim against its nearest neighbours in
    time from other sources; drifts and conflicts (and trends when asked)."""
    verdicts = frozenset({"drift", "conflict", "trend"} if include_trends else {"drift", "conflict"})
    return compare_claims(claims, window=2, cross_source_only=True, verdicts=verdicts, progress=progress)


__all__ = ["compare_claims", "ledger_findings", "relation"]
