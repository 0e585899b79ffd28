"""The comparator on claims built by hand: verdicts, tolerance explanations, look-alikes, fingerprints."""

from __future__ import annotations

from hypothesis import given
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
    far = claim(2, 20, unit="mile", entities=("Route",), precision=1)
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
