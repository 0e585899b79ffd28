"""The dev set's score in one process (fast iteration); ``score.py`` remains the reference.

usage: python bench/dev_eval.py [SET.jsonl] [--show] [--only dev-001,dev-002] [--alerts]

Builds each scenario's documents as ``score.py`` does (Markdown with front matter), runs
``check_documents`` without ledger or reference figures, and scores them with ``score.py``'s own
functions, imported from ``../shared/eval``. ``--show`` prints each miss with both sides' claims in
context (subject key, frame, time, source); ``--alerts`` prints the unlabelled alerts.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
EVAL = HERE.parent.parent / "shared" / "eval"


def _score_module():
    spec = importlib.util.spec_from_file_location("fc_score", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run_scenario(s: dict):
    from factcheck.checking import check_documents
    from factcheck.text.documents import parse_document

    docs, heads, texts = [], {}, {}
    for d in s["documents"]:
        head = f"---\nsource: {d['source']}\npublished: {d['published']}\nlang: {d['lang']}\n---\n"
        docs.append(parse_document(head + d["text"] + "\n", f"{d['id']}.md"))
        heads[d["id"]], texts[d["id"]] = len(head), d["text"]
    result = check_documents(docs)
    data = json.loads(json.dumps(result.to_dict()))
    where, claims = {}, {}
    for c in data["claims"]:
        doc = Path(str(c["doc"])).stem
        spans = [(c["start"] - heads[doc], c["end"] - heads[doc])]
        where[c["id"]] = (doc, spans)
        claims[c["id"]] = c
    return texts, where, data["findings"], claims


def describe(c: dict) -> str:
    frame = {k: c.get(k) for k in ("measure", "event", "owner", "modality", "aggregation") if c.get(k)}
    return (
        f"[{c['text']}] unit={c['unit']} key={c.get('subject_key')!r} ent={c.get('entities')} "
        f"time={c.get('time')} src={c.get('source')} {frame or ''}"
    )


def _why(claims, where, texts, pair, score) -> str:
    """The identity test's word on the pair's first claims (why they were or were not one quantity)."""
    from factcheck.compare.match import identity_why
    from factcheck.compare.rules import default
    from factcheck.model import Claim

    ids = []
    for side in ("a", "b"):
        doc, txt = pair[side]["doc"], pair[side]["text"]
        gold_spans = score.spans_of(texts[doc], txt)
        ids.append(
            [
                cid
                for cid, (d, sp) in where.items()
                if d == doc and any(score.overlaps(x, y) for x in sp for y in gold_spans)
            ]
        )
    if not ids[0] or not ids[1]:
        return "missing"
    a, b = (Claim.from_dict({**claims[i[0]], "entities": tuple(claims[i[0]]["entities"])}) for i in ids)
    strength, why = identity_why(a, b, default())
    return f"{why}={strength}" if why == "strength" else why


def main(argv: list[str]) -> int:
    score = _score_module()
    show, alerts = "--show" in argv, "--alerts" in argv
    only = None
    if "--only" in argv:
        only = set(argv[argv.index("--only") + 1].split(","))
    args = [a for a in argv if not a.startswith("--") and (only is None or ("," not in a and a not in only))]
    gold = Path(args[0]) if args else EVAL / "discrepancy-dev.jsonl"
    scenarios = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
    if only:
        scenarios = [s for s in scenarios if s["id"] in only]
    rows, unl = [], 0
    by: dict[str, list[int]] = {}
    for s in scenarios:
        texts, where, findings, claims = run_scenario(s)
        n = score.unlabelled_alerts(s["pairs"], texts, where, findings)
        unl += n
        if alerts and n:
            sides = []
            for pair in s["pairs"]:
                ids = []
                for side in ("a", "b"):
                    gold_spans = score.spans_of(texts[pair[side]["doc"]], pair[side]["text"])
                    ids.append(
                        {
                            cid
                            for cid, (d, sp) in where.items()
                            if d == pair[side]["doc"]
                            and any(score.overlaps(x, y) for x in sp for y in gold_spans)
                        }
                    )
                sides.append(ids)
            for f in findings:
                cs = set(f["claims"])
                if f["level"] in ("warning", "error") and not any(cs & a and cs & b for a, b in sides):
                    print(
                        f"{s['id']} ALERT {f['check']}/{f['verdict']}: "
                        + " || ".join(describe(claims[c]) for c in f["claims"] if c in claims)
                    )
        for pair in s["pairs"]:
            got = score.label_pair(pair, texts, where, findings)
            rows.append((s["id"], pair["verdict"], got))
            key = f"{s['kind']}:{pair['verdict']}"
            flagged = got in ("conflict", "drift", "arithmetic")
            b = by.setdefault(key, [0, 0])
            b[0] += flagged
            b[1] += 1
            wrong = (pair["verdict"] in score.POSITIVE) != flagged
            timed = pair["verdict"] in ("trend", "drift", "conflict")
            if show and (wrong or (timed and got != pair["verdict"])):
                sides = []
                for side in ("a", "b"):
                    doc, txt = pair[side]["doc"], pair[side]["text"]
                    gold_spans = score.spans_of(texts[doc], txt)
                    ids = [
                        cid
                        for cid, (d, sp) in where.items()
                        if d == doc and any(score.overlaps(x, y) for x in sp for y in gold_spans)
                    ]
                    sides.append(" / ".join(describe(claims[i]) for i in ids) or f"MISSING {txt!r}")
                mark = "MISS" if wrong else "verdict"
                why = _why(claims, where, texts, pair, score)
                mark += f" [{why}]"
                print(f"{s['id']} {mark} gold={pair['verdict']} got={got}")
                print(f"   A: {sides[0]}\n   B: {sides[1]}")
    pos = [r for r in rows if r[1] in score.POSITIVE]
    neg = [r for r in rows if r[1] not in score.POSITIVE]
    flag = ("conflict", "drift", "arithmetic")
    tp = sum(r[2] in flag for r in pos)
    fp = sum(r[2] in flag for r in neg)
    recall = tp / len(pos) if pos else 0.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    print(
        f"recall {recall:.3f} precision {precision:.3f} false alarms {fp}/{len(neg)} "
        f"unlabelled alerts {unl} in {len(scenarios)} scenarios"
    )
    for key, (f, n) in sorted(by.items()):
        print(f"  {key}: {f} of {n} flagged")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    sys.exit(main(sys.argv[1:]))
