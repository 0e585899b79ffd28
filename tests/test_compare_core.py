"""The comparator on claims built by hand: verdicts, tolerance explanations, look-alikes, fingerprints."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.compare import compare_claims
from factcheck.compare.agree import compare
from factcheck.compare.checks import in_article
from factcheck.compare.findings import fingerprint
from factcheck.compare.rules import default
from factcheck.model import Claim

RULES = default()
CAMPS = ("al-Hol", "Roj")


def claim(
    n,
    value,
    *,
    bound="exact",
    precision=1,
    unit="person",
    time=None,
    source=None,
    doc="a",
    entities=CAMPS,
    low=None,
    high=None,
    text=None,
    subject_key=None,
    start=0,
):
    if bound in ("exact", "approx"):
        low = high = value
    elif bound in ("more_than", "at_least"):
        low, high = value, None
    elif bound in ("less_than", "at_most"):
        low, high = None, value
    return Claim(
        id=f"{doc}#{n}",
        doc=doc,
        text=text or str(value),
        start=start,
        end=start + 1,
        value=None if bound == "range" else value,
        low=low,
        high=high,
        bound=bound,
        approx=bound in ("approx", "range"),
        precision=precision,
        unit=unit,
        unit_text=None,
        source=source,
        time=time,
        entities=tuple(entities),
        subject_key=subject_key,
    )


def verdict(a, b):
    return compare(a, b, RULES).verdict


def test_canonical_drift_30k_vs_31k():
    a = claim(0, 30000, bound="approx", precision=1000, time="2025-11-13", source="CENTCOM")
    b = claim(1, 31000, bound="approx", precision=1000, time="2025-07", source="research reports", doc="b")
    result = compare(a, b, RULES)
    assert result.verdict == "drift"
    assert "1,000 apart (3.3%)" in result.explanation
    assert "both hedged" in result.explanation and "rounded to thousands" in result.explanation


def test_trend_is_never_an_error():
    old = claim(0, 70000, precision=1000, time="2019", source="CENTCOM")
    now = claim(1, 30000, bound="approx", precision=1000, time="2025-11-13", source="CENTCOM")
    findings = compare_claims([old, now])
    assert [(f.verdict, f.level) for f in findings] == [("trend", "info")]
    assert "-57.1%" in findings[0].explanation


def test_consistent_examples():
    assert (
        verdict(claim(0, 30000, bound="approx", precision=1000), claim(1, 29800, precision=100))
        == "consistent"
    )
    assert verdict(claim(0, 1500000, precision=100000), claim(1, 1500000, precision=1000)) == "consistent"
    assert verdict(claim(0, 22, bound="more_than"), claim(1, 25)) == "consistent"
    rng = claim(0, None, bound="range", low=2500, high=3000, precision=100)
    assert verdict(rng, claim(1, 2800, precision=100)) == "consistent"


def test_units_convert_with_pint():
    km = claim(0, 12, unit="km", entities=("Route",), precision=1)
    miles = claim(1, 7.5, unit="mile", entities=("Route",), precision=0.1)
    findings = compare_claims([km, miles], include_consistent=True)
    assert [f.verdict for f in findings] == ["consistent"]
    far = claim(2, 20, unit="mile", entities=("Route",), precision=1, doc="b")
    assert [f.verdict for f in compare_claims([km, far])] == ["conflict"]


def test_conflict_exact_counts():
    a = claim(0, 45, unit="killed", entities=("Idlib",), time="2025-03-02")
    b = claim(1, 60, unit="killed", entities=("Idlib",), time="2025-03-02", doc="b")
    assert verdict(a, b) == "conflict"
    assert verdict(claim(0, 5, unit="killed"), claim(1, 6, unit="killed")) == "conflict"


def test_look_alikes_are_never_paired():
    residents = claim(0, 31000, bound="approx", precision=1000)
    detainees = claim(1, 9000, bound="approx", precision=1000, unit="detainee", entities=())
    killed = claim(2, 5, unit="killed", entities=())
    arrested = claim(3, 5, unit="arrested", entities=())
    idlib = claim(4, 20000, unit="displaced", entities=("Idlib",))
    aleppo = claim(5, 20000, unit="displaced", entities=("Aleppo",))
    usd = claim(6, 5, unit="USD", entities=("Syria",))
    eur = claim(7, 5, unit="EUR", entities=("Syria",))
    assert (
        compare_claims(
            [residents, detainees, killed, arrested, idlib, aleppo, usd, eur], include_consistent=True
        )
        == []
    )


def test_fingerprint_ignores_offsets_and_order():
    a = claim(0, 30000, bound="approx", start=10, text="about 30,000 people")
    b = claim(1, 31000, bound="approx", start=99, doc="b", text="about 31,000 people")
    moved = claim(0, 30000, bound="approx", start=500, text="about  30,000 people")
    assert fingerprint("drift", [a, b]) == fingerprint("drift", [b, moved])
    changed = claim(0, 32000, bound="approx", start=10, text="about 32,000 people")
    assert fingerprint("drift", [a, b]) != fingerprint("drift", [changed, b])


def test_in_article_checks():
    text = (
        "Some 45 people were killed, including 30 children and 20 women. The range was 3,000–2,500 fighters."
    )
    total = claim(0, 45, unit="killed", text="45 people", start=text.index("45"))
    total = total.with_(end=total.start + 9)
    kids = claim(1, 30, unit="child", text="30 children", start=text.index("30 ch")).with_(
        end=text.index("30 ch") + 11
    )
    women = claim(2, 20, unit="woman", text="20 women", start=text.index("20 w")).with_(
        end=text.index("20 w") + 8
    )
    swapped = claim(
        3,
        None,
        bound="range",
        low=3000,
        high=2500,
        unit="fighter",
        text="3,000–2,500 fighters",
        start=text.index("3,000"),
    )
    checks = {f.check for f in in_article(text, [total, kids, women, swapped], RULES)}
    assert checks == {"parts_total", "range_order"}
    fine = claim(2, 10, unit="woman", text="10 women", start=text.index("20 w")).with_(
        end=text.index("20 w") + 8
    )
    assert {f.check for f in in_article(text, [total, kids, fine], RULES)} == set()


@given(
    st.integers(1, 10**7),
    st.integers(1, 10**7),
    st.sampled_from(["exact", "approx"]),
    st.sampled_from(["exact", "approx"]),
)
def test_verdict_is_symmetric(x, y, bx, by):
    a = claim(0, x, bound=bx, precision=1)
    b = claim(1, y, bound=by, precision=1, doc="b")
    assert verdict(a, b) == verdict(b, a)
    if x == y:
        assert verdict(a, b) == "consistent"


def test_place_scopes_nest_parties_must_match():
    from factcheck.compare.match import compatible_entities

    assert compatible_entities(("Damascus",), ("Syria",))  # a city within its country
    assert compatible_entities(("al-Hol", "Hasakah"), ("al-Hol",))
    assert compatible_entities(("al-Hol",), ("al-Hol", "Roj"))
    assert not compatible_entities(("Idlib",), ("Aleppo",))
    assert not compatible_entities(("al-Hol",), ("Roj",))
    assert not compatible_entities(("Lebanon",), ("Jordan",))
    assert not compatible_entities(("SDF",), ("ISIS",))
    assert not compatible_entities(("ISIS", "Syria"), ("Deir ez-Zor",))  # a party on one side only


def _plain_compatible(a, b):
    """The place test read straight from its definition (the oracle of ``compatible_entities``)."""
    from factcheck.compare.match import _PARTY_KINDS, PLACE_TYPES, _related, entity_type

    if a == b:
        return True
    places_a = [x for x in a if entity_type(x) in PLACE_TYPES]
    places_b = [y for y in b if entity_type(y) in PLACE_TYPES]
    kinds = {}
    for side, names in enumerate((a, b)):
        for name in names:
            if entity_type(name) not in PLACE_TYPES:
                kinds.setdefault(entity_type(name), (set(), set()))[side].add(name)
    if not all(not left or not right or left & right for left, right in kinds.values()):
        return False
    if any(bool(left) != bool(right) for kind, (left, right) in kinds.items() if kind in _PARTY_KINDS):
        return bool(set(a) & set(b) & set(places_a + places_b))
    if places_a and places_b:
        return all(any(_related(x, y) for y in places_b) for x in places_a) or all(
            any(_related(x, y) for x in places_a) for y in places_b
        )
    return bool(set(a) & set(b))


def _plain_one_place_within(a, b):
    """A single innermost place of one side strictly inside a place of the other (the oracle)."""
    from factcheck.compare.match import PLACE_TYPES, _ancestors, entity_type

    def innermost(places):
        return [x for x in places if not any(y != x and x in _ancestors(y) for y in places)]

    pa = [x for x in a if entity_type(x) in PLACE_TYPES]
    pb = [y for y in b if entity_type(y) in PLACE_TYPES]
    for one, other in ((innermost(pa), pb), (innermost(pb), pa)):
        if len(one) == 1 and other and one[0] not in other:
            inside = _ancestors(one[0])
            if any(y in inside for y in other) and not any(one[0] in _ancestors(y) for y in other):
                return True
    return False


#: scopes mixing camps, the province and country that hold them, other countries, armed groups, an
#: agency and a name no gazetteer lists
_NAMES = ("al-Hol", "Roj", "Hasakah", "Syria", "Damascus", "Lebanon", "SDF", "ISIS", "UN", "Place 9")


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_NAMES), max_size=4, unique=True),
    st.lists(st.sampled_from(_NAMES), max_size=4, unique=True),
)
def test_place_tests_read_each_scope_once_and_say_what_the_plain_tests_say(a, b):
    """``compatible_entities`` and ``_one_place_within`` read each scope once (its places, innermost
    places and other names by kind, cached): the answers of the plain definitions."""
    from factcheck.compare.match import _one_place_within, compatible_entities

    a, b = tuple(a), tuple(b)
    assert compatible_entities(a, b) == _plain_compatible(a, b) == compatible_entities(b, a)
    assert _one_place_within(a, b) == _plain_one_place_within(a, b)


# ---------------------------------------------------------------- the fast paths give the plain answers
#
# ``compare_claims`` and ``Ledger.claims`` are built for a million claims (per-claim profiles, pairs
# remembered only when they can meet twice, claims built without the frozen ``__init__``, the
# garbage collector paused); these tests hold them to the straightforward definitions.


def _plain_judge(a, b, rules, factor=1.0):
    """``judge`` as first written: every helper called on every pair."""
    from factcheck.compare import agree, timescope

    pa, pb = agree.point(a), agree.point(b, factor)
    ref_a = pa if pa is not None else agree._mid(agree.neighbourhood(a))
    ref_b = pb if pb is not None else agree._mid(agree.neighbourhood(b, factor))
    diff = abs(ref_a - ref_b) if ref_a is not None and ref_b is not None else None
    base = min(abs(ref_a), abs(ref_b)) if diff is not None else None
    rel = diff / base if diff is not None and base else None
    gap = timescope.gap_days(a.time, b.time)
    p = max(agree.step(a), agree.step(b, factor))

    def verdict(name, tolerance=None):
        return agree.Judgement(name, diff, rel, tolerance, p, gap, ref_a, ref_b)

    if gap is not None and gap > rules.trend_gap_days:
        return verdict("trend")
    if pa is not None and pb is not None:
        if agree._round_to(pa, p) == agree._round_to(pb, p):
            return verdict("consistent")
    else:
        lo_a, hi_a = agree.stated(a)
        lo_b, hi_b = agree.stated(b, factor)
        if agree._one_sided(lo_a, hi_a) and agree._one_sided(lo_b, hi_b):  # two bounds: neighbourhoods
            lo_a, hi_a = agree.neighbourhood(a)
            lo_b, hi_b = agree.neighbourhood(b, factor)
        half = p * rules.half_step
        if lo_a - half <= hi_b and lo_b - half <= hi_a:
            return verdict("consistent")
    lo_a, hi_a = agree._widened(a, 1.0, rules)
    lo_b, hi_b = agree._widened(b, factor, rules)
    allowance = (base or 1.0) * rules.drift_base
    overlaps = lo_a - allowance <= hi_b and lo_b - allowance <= hi_a
    tolerance = None
    if ref_a is not None and ref_b is not None and base:
        hedges = agree._hedge_width(a, ref_a, rules) + agree._hedge_width(b, ref_b, rules)
        widths = hedges + p * rules.half_step * 2
        tolerance = (widths + allowance) / base
    if overlaps and (rel is None or rel <= rules.drift_max):
        return verdict("drift", tolerance)
    return verdict("conflict", tolerance)


_BOUNDS = ["exact", "approx", "more_than", "at_least", "less_than", "at_most", "range"]
_TIMES = [None, "2019", "2020-02", "2020-02-29", "2019/2021", "2021-13", "nonsense"]


@st.composite
def any_claim(draw, n=0):
    number = st.one_of(st.integers(-(10**9), 10**9), st.floats(-1e9, 1e9, allow_nan=False))
    bound = draw(st.sampled_from(_BOUNDS))
    value = draw(number)
    low, high = value, value
    if bound == "range":
        low, high = sorted((draw(number), draw(number)))
    return claim(
        n,
        value,
        bound=bound,
        low=low,
        high=high,
        precision=draw(st.sampled_from([None, 0, 1, 0.1, 100, 1000, 1_000_000])),
        unit=draw(st.sampled_from(["person", "USD", "percent", None])),
        time=draw(st.sampled_from(_TIMES)),
        doc=draw(st.sampled_from("ab")),
    )


@given(any_claim(0), any_claim(1), st.sampled_from([1.0, 1000.0, 0.001, -2.0]))
def test_judge_is_the_plain_judge(a, b, factor):
    from factcheck.compare.agree import describe, explain, judge

    j = judge(a, b, RULES, factor)
    assert j == _plain_judge(a, b, RULES, factor)
    assert explain(a, b, j, RULES) == explain(a, b, j, RULES, described=(describe(a), describe(b)))


@given(any_claim(0), st.sampled_from([1.0, 1000.0, 0.001, -2.0]))
def test_profile_is_the_plain_helpers(c, factor):
    """A claim's profile (the helpers fused into one pass) is what each plain helper says."""
    import math

    from factcheck.compare import agree, timescope

    pt = agree.point(c, factor)
    near = agree.neighbourhood(c, factor)
    ref = pt if pt is not None else agree._mid(near)
    span = timescope.days(c.time) or (None, None)
    wide = agree._widened(c, factor, RULES)
    plain = (pt, *agree.stated(c, factor), ref, agree.step(c, factor), *wide,
             agree._hedge_width(c, ref, RULES), *span, *near)  # fmt: skip
    got = agree.profile(c, RULES, factor)
    assert len(got) == len(plain)
    for x, y in zip(got, plain, strict=True):
        assert x == y or (isinstance(x, float) and isinstance(y, float) and math.isnan(x) and math.isnan(y))


@given(st.lists(st.sampled_from(_BOUNDS), min_size=2, max_size=2), st.sampled_from([0.0, 1.0, 7.0, 1000.0]))
def test_tolerance_sources_wording(bounds, step):
    from factcheck.compare.agree import _STEP_NAMES, _tolerance_sources, fmt

    a, b = (claim(k, 5, bound=bound) for k, bound in enumerate(bounds))
    hedged = [c for c in (a, b) if c.bound == "approx"]
    parts = []
    if len(hedged) == 2:
        parts.append(f"both hedged (about: ±{RULES.approx * 100:.0f}%)")
    elif hedged:
        parts.append(f"one hedged (about: ±{RULES.approx * 100:.0f}%)")
    if any(c.bound == "range" for c in (a, b)):
        parts.append("a range")
    if step > 1:
        parts.append(f"rounded to {_STEP_NAMES.get(step, fmt(step))}")
    parts.append(f"rule allowance {RULES.drift_base * 100:.0f}%")
    assert _tolerance_sources(a, b, step, RULES) == parts


def _plain_pairs(claims, rules, window, articles):
    """``candidate_pairs`` as first written: every pair of ids remembered."""
    from collections import defaultdict

    from factcheck.compare.match import _time_order, block_keys, conversion, similar_subjects

    blocks = defaultdict(list)
    for c in claims:
        if c.kind == "quantity":
            for key in block_keys(c, articles):
                blocks[key].append(c)
    seen = set()
    for members in blocks.values():
        if len(members) < 2:
            continue
        members.sort(key=_time_order)
        for i, a in enumerate(members):
            for b in members[i + 1 : i + 1 + window]:
                pair = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                if a.id == b.id or pair in seen:
                    continue
                seen.add(pair)
                if similar_subjects(a, b, rules):
                    factor = conversion(a, b)
                    if factor is not None:
                        yield a, b, factor


#: the ledger-like strategy draws many claims; on a loaded machine drawing them may exceed hypothesis'
#: time checks, which measure the machine, not the code
_SLOW_OK = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def ledger_like(draw):
    """Claims with repeated ids, several entities (several blocks), shared documents and sources."""
    out = []
    for k in range(draw(st.integers(0, 40))):
        n = draw(st.integers(0, 12))  # repeated numbers: repeated ids
        doc = draw(st.sampled_from("abc"))
        out.append(
            claim(
                n,
                draw(st.sampled_from([100, 110, 120, 200])),
                bound=draw(st.sampled_from(["exact", "approx"])),
                doc=doc,
                source=draw(st.sampled_from([None, "OCHA", "UNHCR"])),
                time=draw(st.sampled_from(_TIMES[:5])),
                unit=draw(st.sampled_from(["person", "person", "km", "mile"])),
                entities=draw(st.sampled_from([(), ("al-Hol",), ("al-Hol", "Roj"), ("Roj",), ("Syria",)])),
                subject_key=draw(st.sampled_from([None, "camp residents", "residents"])),
                start=k,
            )
        )
    return out


@_SLOW_OK
@given(ledger_like(), st.sampled_from([1, 2, 3]), st.booleans())
def test_candidate_pairs_are_the_plain_pairs(claims, window, articles):
    from factcheck.compare.match import candidate_pairs

    def ids(pairs):
        return [(a.id, a.start, b.id, b.start, factor) for a, b, factor in pairs]

    plain = list(_plain_pairs(claims, RULES, window, articles))
    assert ids(candidate_pairs(claims, RULES, window=window, articles=articles)) == ids(plain)

    def keep(a, b):
        return (a.source or a.doc) != (b.source or b.doc)

    kept = candidate_pairs(claims, RULES, window=window, articles=articles, keep=keep)
    assert ids(kept) == ids((a, b, f) for a, b, f in plain if keep(a, b))


def _plain_compare(claims, *, include_consistent=False, window=None, cross_source_only=False, verdicts=None):
    """``compare_claims`` as first written: judged, worded and fingerprinted pair by pair."""
    import dataclasses

    from factcheck.compare import _margin, _too_far, over_time, relation
    from factcheck.compare import findings as fnd
    from factcheck.compare.agree import explain

    out, seen = [], set()
    agreeing, disputed = set(), []  # (claim, other document) pairs that agree; cross-document disputes
    window = window or (RULES.window if cross_source_only else RULES.check_window)
    for a, b, factor in _plain_pairs(claims, RULES, window, not cross_source_only):
        if cross_source_only and (a.source or a.doc) == (b.source or b.doc):
            continue
        result = _plain_judge(a, b, RULES, factor)
        if result.verdict == "consistent" and not cross_source_only and a.doc != b.doc:
            agreeing |= {(a.id, b.doc), (b.id, a.doc)}
        timed = over_time(a, b, result.verdict, result.ref_a, result.ref_b, RULES)
        result = dataclasses.replace(result, verdict=timed)
        if result.verdict == "consistent" and not include_consistent:
            continue
        if verdicts is not None and result.verdict not in verdicts:
            continue
        check = relation(a, b)
        level, weak = RULES.levels.get(result.verdict, "info"), False
        if timed in ("drift", "conflict"):
            if _too_far(result.ref_a, result.ref_b, RULES):
                continue
            margin = _margin(a, b, timed, check, dataclasses.astuple(result), RULES)
            if margin < -1 or (margin == -1 and timed != "conflict"):
                continue
            if margin == -1:
                level, weak = RULES.levels.get("weak_conflict", "info"), True
        if check == "restated" and result.verdict == "trend":
            check = "change"
        finding = fnd.make(
            check,
            level,
            [a, b],
            f"{'possible ' if weak else ''}{result.verdict}: {fnd.label(b)} vs {fnd.label(a)}",
            explain(a, b, result, RULES),
            verdict=result.verdict,
            difference=None if result.difference is None else float(result.difference),
            relative=None if result.relative is None else round(float(result.relative), 4),
            tolerance=None if result.tolerance is None else round(float(result.tolerance), 4),
        )
        if finding.id not in seen:
            seen.add(finding.id)
            out.append(finding)
            if timed in ("drift", "conflict") and a.doc != b.doc:
                disputed.append((finding, a, b))
    # two figures that each agree with one of the other's document count two things: no dispute
    dropped = [f for f, a, b in disputed if (a.id, b.doc) in agreeing and (b.id, a.doc) in agreeing]
    out = [f for f in out if f not in dropped]
    return sorted(out, key=lambda f: (fnd.LEVEL_ORDER.get(f.level, 9), f.check, f.id))


@_SLOW_OK  # the plain oracle meets up to 64 neighbours per claim when checking articles
@given(ledger_like(), st.booleans(), st.sampled_from([None, 1, 3]))
def test_compare_claims_is_the_plain_comparison(claims, cross_source_only, window):
    from factcheck.compare import ledger_findings

    for options in ({}, {"include_consistent": True}, {"verdicts": frozenset({"drift", "conflict"})}):
        got = compare_claims(
            claims, window=window, cross_source_only=cross_source_only, series=False, **options
        )
        plain = _plain_compare(claims, window=window, cross_source_only=cross_source_only, **options)
        assert [f.to_dict() for f in got] == [f.to_dict() for f in plain]
        types = [type(v) for f in got for _k, v in f.details]
        assert types == [type(v) for f in plain for _k, v in f.details]
    drifts = frozenset({"drift", "conflict"})
    ledger = _plain_compare(claims, window=2, cross_source_only=True, verdicts=drifts)
    assert ledger_findings(claims) == ledger


@_SLOW_OK
@given(ledger_like())
def test_trend_series_are_one_finding(claims):
    """With unique ids, each series of trend findings sharing claims becomes one finding holding all
    their claims, in time order; every other finding is kept as it is."""
    from factcheck.compare.series import merge_series

    unique = list({c.id: c for c in claims}.values())
    pairs = compare_claims(unique, include_consistent=True, series=False)
    merged = compare_claims(unique, include_consistent=True)
    by_id = {c.id: c for c in unique}
    assert merged == merge_series(pairs, by_id)
    trends = [f for f in merged if f.verdict == "trend"]
    seen = [c for f in trends for c in f.claims]
    assert len(seen) == len(set(seen))  # no claim in two series
    assert {f.id for f in merged if f.verdict != "trend"} == {f.id for f in pairs if f.verdict != "trend"}
    covered = {c for f in pairs if f.verdict == "trend" for c in f.claims}
    assert set(seen) == covered


def test_seed_like_series_is_one_trend():
    old = claim(0, 70000, time="2019", source="CENTCOM")
    mid = claim(1, 31000, bound="approx", precision=1000, time="2025-07", source="reports", doc="b")
    now = claim(2, 30000, bound="approx", precision=1000, time="2025-11-13", source="CENTCOM")
    found = compare_claims([old, mid, now])
    trends = [f for f in found if f.verdict == "trend"]
    assert len(trends) == 1 and trends[0].claims == (old.id, mid.id, now.id)
    message = trends[0].message
    assert "70,000" in message and message.index("70,000") < message.index("30,000")
    assert [f.verdict for f in found if f.verdict != "trend"] == ["drift"]


@_SLOW_OK
@given(ledger_like())
def test_pair_fingerprints_and_sorting(claims):
    import itertools

    from factcheck.compare.findings import (
        LEVEL_ORDER,
        claim_fingerprint,
        fingerprint,
        pair_fingerprint,
        sort_findings,
    )

    for a, b in itertools.pairwise(claims):
        assert pair_fingerprint("x", claim_fingerprint(a), claim_fingerprint(b)) == fingerprint("x", [a, b])
    findings = compare_claims(claims, include_consistent=True)
    findings += compare_claims(claims, cross_source_only=True)
    shuffled = findings[::-1] + findings[: len(findings) // 2]  # equal keys too: the sort must be stable
    plain = sorted(shuffled, key=lambda f: (LEVEL_ORDER.get(f.level, 9), f.check, f.id))
    assert [id(f) for f in sort_findings(shuffled)] == [id(f) for f in plain]


def test_fast_claims_are_ordinary_claims():
    import dataclasses

    import pytest

    from factcheck.model import Finding, fast_builder, make_claim

    c = claim(0, 30000, bound="approx", entities=("al-Hol",))
    values = [getattr(c, f.name) for f in dataclasses.fields(Claim)]
    built = make_claim(values)
    assert type(built) is Claim and built == c and hash(built) == hash(c) and repr(built) == repr(c)
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.value = 1  # type: ignore[misc]
    # rows written before claim frames omit the frame fields (and the origin, last): they default
    from factcheck.model import FRAME_FIELDS

    assert make_claim(values[: -len(FRAME_FIELDS) - 1]) == c
    assert make_claim(values[: -len(FRAME_FIELDS) - 1]).origin == "article"
    with pytest.raises(ValueError):
        make_claim(values[: -len(FRAME_FIELDS) - 2])
    f = Finding("id", "cross_source", "warning", ("a#0", "b#0"), "m", "e", "drift", (("relative", 0.1),))
    g = fast_builder(Finding)(*(getattr(f, x.name) for x in dataclasses.fields(Finding)))
    assert type(g) is Finding and g == f and g.to_dict() == f.to_dict()


def test_compare_restores_the_garbage_collector():
    import gc

    import pytest

    a = claim(0, 30000, bound="approx", precision=1000, source="CENTCOM")
    b = claim(1, 45000, bound="approx", precision=1000, source="OCHA", doc="b")
    assert gc.isenabled()
    assert compare_claims([a, b]) and gc.isenabled()
    gc.disable()
    try:
        assert compare_claims([a, b]) and not gc.isenabled()
    finally:
        gc.enable()

    def boom(x, y):
        raise RuntimeError("skip failed")

    with pytest.raises(RuntimeError):
        compare_claims([a, b], skip=boom)
    assert gc.isenabled()


def test_ledger_claims_read_back_as_rows_say(tmp_path, monkeypatch):
    import gc

    from factcheck.ledger import store

    claims = [
        claim(k, 1000 + k, bound=["exact", "approx", "range"][k % 3], low=1000, high=1000 + k,
              doc="abc"[k % 3], source=[None, "OCHA"][k % 2], time=["2025-07", None][k % 2],
              entities=[(), ("al-Hol",), ("al-Hol", "Roj")][k % 3],
              subject_key=["camp residents", None][k % 2])
        for k in range(11)
    ]  # fmt: skip
    # every frame field stored, the last one (goods) too
    claims = [c.with_(measure=["price", None][k % 2], goods=["diesel", None, "bread"][k % 3])
              for k, c in enumerate(claims)]  # fmt: skip
    with store.Ledger.open(tmp_path / "l.db") as ledger:
        ledger.import_claims(claims)
    monkeypatch.setattr(store, "_LOAD_BATCH", 3)  # several batches, the last one short
    with store.Ledger.open(tmp_path / "l.db", create=False) as ledger:
        plain = [store.row_claim(row) for row in ledger.claim_rows()]
        assert list(ledger.claims()) == plain
        assert [c.approx for c in plain] == [type(c.approx) is bool and c.approx for c in plain]
        assert sorted(plain, key=lambda c: c.id) == sorted(claims, key=lambda c: c.id)
        assert {c.goods for c in plain} == {"diesel", None, "bread"}
        assert {c.origin for c in plain} == {c.origin for c in ledger.claims()} == {"ledger"}
        assert gc.isenabled()
        gc.disable()
        try:
            assert list(ledger.claims(limit=4)) == plain[:4] and not gc.isenabled()
        finally:
            gc.enable()


@st.composite
def framed_claim(draw, n=0):
    """Claims whose frames vary in what ``identity_why`` reads: units (currency words, pounds),
    events, owners (a country's nationals, an armed group's fighters), places, values with swapped
    digits."""
    from dataclasses import replace

    c = claim(
        n,
        draw(st.sampled_from([1835, 1853, 48, 84, 3.5, 120_000, 0.5, None])),
        unit=draw(st.sampled_from(["person", "killed", "lb", "pound", "EGP", "USD", "km", "mile", None])),
        subject_key=draw(st.sampled_from([None, "people", "camp residents", "lb wheat", "fighter"])),
        entities=draw(st.sampled_from([(), ("Egypt",), ("Syria",), ("al-Hol",), ("Lebanon", "Syria")])),
    )
    return replace(
        c,
        event=draw(st.sampled_from([None, "killed", "injured"])),
        owner=draw(st.sampled_from([None, "Syria", "Egypt", "SDF", "ISIS"])),
    )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(framed_claim(), min_size=2, max_size=6),
    st.lists(
        st.sampled_from(["2025-01", "2024-10/2025-03", "2025-02/2025-03", "2025-03-02", None]), min_size=3
    ),
)
def test_identity_facts_and_remembered_verdicts_are_the_plain_ones(claims, times):
    """The per-claim facts ``identity_why`` reads (shared by signature, memoised) are what the plain
    functions say, and a verdict remembered by signature is the one worked out in full."""
    from dataclasses import replace

    from factcheck.compare import match

    claims = claims + [  # times decide between running totals, and between a day's count and a total
        replace(claims[0], time=times[0], aggregation="cumulative"),
        replace(claims[0], time=times[1], aggregation="cumulative", doc="b"),
        replace(claims[0], time=times[2], time_basis="stated", doc="c"),
    ]
    for c in claims:
        f = match.facts(c)
        assert f == match._facts_read(c, f.sig)
        assert (f.concept, f.event, f.generic, f.scope, f.countries, f.nationals) == (
            match.concept(c),
            match.event_of(c),
            match.generic(c),
            match.scope(c),
            match._countries(c),
            match.nationals_of(c),
        )
    match._known.clear()
    for a in claims:  # every pair's verdict remembered first: a key too coarse shows as a wrong recall
        for b in claims:
            match.identity_why(a, b, RULES)
    for a in claims:
        for b in claims:
            fa, fb = match.facts(a), match.facts(b)
            assert match._same_units_of(a, b, fa, fb) == match._same_units(a, b)
            plain, why = match._identity(a, b, fa, fb, RULES)
            if plain is not None:
                plain += match.transposed(a.value, b.value)
            assert match.identity_why(a, b, RULES) == ((plain or None), why)


@pytest.mark.parametrize("groups", [["family"], [["family"]], [["family", 3]]])
def test_same_count_groups_are_checked(monkeypatch, groups):
    """``concepts.toml`` ``[same_count] groups``: lists of two or more nouns, else a one-line error
    naming the file (a bare string would be read letter by letter)."""
    from factcheck.compare import match
    from factcheck.errors import ConfigError

    assert match.same_count()["household"] == "family"  # the shipped table
    monkeypatch.setattr(match, "_concept_data", lambda: {"same_count": {"groups": groups}})
    with pytest.raises(ConfigError, match=r"concepts\.toml.*same_count\.groups"):
        match.same_count.__wrapped__()
