"""Scenarios of three or more outlets with look-alike figures, and whole-article clusters, end to end.

``cases/compare_scenarios.jsonl`` holds scenarios written from the comparator's general causes (the
same quantity in other words or the other language, look-alikes that must never pair, readings of a
series over time, cumulative tallies updated or lowered, two sources in one sentence, point-in-time
figures months apart).  ``cases/articles/*.json`` holds clusters of full-length wire articles with
their real disagreements labelled.  All stories and outlets are invented.
"""

from __future__ import annotations

import json
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from factcheck.checking import check_documents
from factcheck.compare import compare_claims
from factcheck.compare.checks import same_sentence
from factcheck.context import contextualise
from factcheck.extraction import extract_document
from factcheck.text.documents import parse_document

HERE = Path(__file__).parent / "cases"
SCENARIOS = [
    json.loads(line)
    for line in (HERE / "compare_scenarios.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]
CLUSTERS = {
    p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((HERE / "articles").glob("*.json"))
}
VERDICTS = {"consistent", "drift", "conflict", "trend", "no_pair"}


def verdicts(case: dict) -> list[tuple[str, str]]:
    """(expected, got) for every pair of a scenario; the list rule as ``check_documents`` applies it
    (one sentence, one time and one source), so two sources in one sentence may be compared."""
    claims, texts = [], {}
    for d in case["docs"]:
        doc = parse_document(
            d["text"], d["id"], fmt="text", source=d.get("source"), published=d.get("published")
        )
        texts[doc.id] = doc.raw
        claims.extend(contextualise(doc, extract_document(doc)))

    def skip(a, b):
        return (
            a.doc == b.doc
            and a.time == b.time
            and (a.source or "") == (b.source or "")
            and same_sentence(texts[a.doc], a, b)
        )

    findings = compare_claims(claims, include_consistent=True, skip=skip)
    by_pair = {frozenset(f.claims): f.verdict for f in findings if len(f.claims) == 2}
    for f in findings:
        for pair in combinations(f.claims, 2):
            by_pair.setdefault(frozenset(pair), f.verdict)
    out = []
    for pair in case["pairs"]:
        ids = []
        for side in (pair["a"], pair["b"]):
            found = [c.id for c in claims if c.doc == side["doc"] and c.text == side["text"]]
            ids.append(found[0] if found else None)
        got = by_pair.get(frozenset(ids), "no_pair") if None not in ids else "missing"
        out.append((pair["expect"], got))
    return out


# ------------------------------------------------------------------ validation of the case files


def test_scenario_files_are_valid():
    ids = [s["id"] for s in SCENARIOS]
    assert len(ids) == len(set(ids)) and all(i.startswith("scn-") for i in ids)
    assert len(SCENARIOS) >= 40
    assert {s["lang"] for s in SCENARIOS} == {"ar", "en", "mixed"}
    for s in SCENARIOS:
        docs = {d["id"]: d for d in s["docs"]}
        assert len(docs) >= 3, s["id"]
        assert len({d["source"] for d in s["docs"]}) == len(docs), s["id"]
        for d in s["docs"]:
            assert d["published"][:2] == "20" and d["text"].strip(), s["id"]
        for p in s["pairs"]:
            assert p["expect"] in VERDICTS, s["id"]
            for side in (p["a"], p["b"]):
                text = docs[side["doc"]]["text"]
                assert text.count(side["text"]) == 1, (s["id"], side)
    expected = Counter(p["expect"] for s in SCENARIOS for p in s["pairs"])
    assert all(expected[v] >= 15 for v in VERDICTS), expected


def test_article_files_are_valid():
    assert len(CLUSTERS) >= 10
    quiet = 0
    for name, cluster in CLUSTERS.items():
        assert cluster["id"] == name
        docs = {d["id"]: d for d in cluster["docs"]}
        assert 2 <= len(docs) <= 3, name
        assert len({d["lang"] for d in CLUSTERS[name]["docs"]} | {"ar", "en"}) == 2, name
        for d in cluster["docs"]:
            words = len(d["text"].split())
            assert 400 <= words <= 900, (name, d["id"], words)
            assert d["published"][:2] == "20" and d["source"], name
        for dis in cluster["disagreements"]:
            assert dis["verdict"] in {"drift", "conflict"}, name
            for side in (dis["a"], dis["b"]):
                assert docs[side["doc"]]["text"].count(side["text"]) == 1, (name, side)
        quiet += not cluster["disagreements"]
    assert quiet >= 3
    langs = {d["lang"] for c in CLUSTERS.values() for d in c["docs"]}
    assert langs == {"ar", "en"}


# ------------------------------------------------------------------ scenarios: verdict per pair

#: measured 2026-12-07 on the comparator as committed at a6d02b6 (253 pairs in 60 scenarios):
#: 169-170 right (66.8-67.2%); consistent 53-54/93, no_pair 74/92, trend 20/36, drift 11/15, conflict 11/17;
#: 15 expected no_pair paired as drift or conflict.  The floors sit a little under today's figures
#: so that a regression fails; raise them as the comparator improves.
PASS_RATE_FLOOR = 0.64
VERDICT_FLOORS = {"consistent": 0.52, "no_pair": 0.76, "trend": 0.50, "drift": 0.66, "conflict": 0.58}
FALSE_ALARMS_CAP = 17


def test_scenarios_pass_rate():
    tally: Counter = Counter()
    right: Counter = Counter()
    mix: Counter = Counter()
    mix_right: Counter = Counter()
    misses, false_alarms = [], []
    for case in SCENARIOS:
        for (expected, got), pair in zip(verdicts(case), case["pairs"], strict=True):
            tally[expected] += 1
            mix[case["lang"]] += 1
            if expected == got:
                right[expected] += 1
                mix_right[case["lang"]] += 1
                continue
            line = f"{case['id']}: {pair['a']['text']} / {pair['b']['text']}: {expected} -> {got}"
            misses.append(line)
            if expected == "no_pair" and got in ("drift", "conflict"):
                false_alarms.append(line)
    print({v: f"{right[v]}/{tally[v]}" for v in sorted(tally)})
    print({m: f"{mix_right[m]}/{mix[m]}" for m in sorted(mix)})
    print("\n".join(misses))
    total = sum(tally.values())
    assert sum(right.values()) / total >= PASS_RATE_FLOOR, "\n".join(misses)
    for verdict, floor in VERDICT_FLOORS.items():
        assert right[verdict] / tally[verdict] >= floor, (verdict, right[verdict], tally[verdict])
    assert len(false_alarms) <= FALSE_ALARMS_CAP, "\n".join(false_alarms)


# ------------------------------------------------------------------ whole-article clusters


def _check(cluster: dict):
    docs = [
        parse_document(d["text"], d["id"], fmt="text", source=d["source"], published=d["published"])
        for d in cluster["docs"]
    ]
    return check_documents(docs)


def _found(cluster: dict, result, dis: dict) -> list[str]:
    """Verdicts of the warning/error findings linking a claim on each side of a labelled disagreement
    (a claim is on a side when its span overlaps the side's text in that document)."""
    texts = {d["id"]: d["text"] for d in cluster["docs"]}

    def on(side):
        start = texts[side["doc"]].index(side["text"])
        end = start + len(side["text"])
        return {c.id for c in result.claims if c.doc == side["doc"] and c.start < end and c.end > start}

    a, b = on(dis["a"]), on(dis["b"])
    return [
        f.verdict
        for f in result.findings
        if f.level in ("warning", "error") and a & set(f.claims) and b & set(f.claims)
    ]


#: labelled disagreements the comparator finds today (cluster, a side's text); each must stay found
#: with its labelled verdict.  Not found today: art-01 6,450 vs 4,650 homes destroyed (conflict),
#: art-12 about 1.6 million vs 1.8 million returned IDPs (conflict) and about 210,000 vs 218,400
#: refugees returned from Lebanon (drift).
FOUND_TODAY = [
    ("art-04-alhol-camp", "About 26,500 people"),
    ("art-05-gaza-aid", "312 aid trucks"),
    ("art-05-gaza-aid", "188 trucks"),
    ("art-08-lebanon-strikes", "158 people"),
    ("art-08-lebanon-strikes", "About 112,000 people"),
    ("art-09-batna-quake", "About 9,600 people"),
]


@pytest.mark.parametrize(("name", "side"), FOUND_TODAY)
def test_labelled_disagreement_stays_found(name, side):
    cluster = CLUSTERS[name]
    dis = next(d for d in cluster["disagreements"] if d["a"]["text"] == side)
    assert dis["verdict"] in _found(cluster, _check(cluster), dis)


@pytest.mark.parametrize("name", [n for n, c in sorted(CLUSTERS.items()) if not c["disagreements"]])
def test_quiet_cluster_stays_quiet(name):
    result = _check(CLUSTERS[name])
    levels = Counter(f.level for f in result.findings)
    assert levels["error"] == 0 and levels["warning"] <= 1, [
        (f.level, f.message) for f in result.findings if f.level in ("error", "warning")
    ]
