"""``factcheck compare`` over a real ledger: ingest two sources, then the drift between them."""

from __future__ import annotations

import json


def test_compare_reports_cross_source_drift(cli, tmp_path):
    a = tmp_path / "centcom.md"
    a.write_text(
        "---\nsource: Example Wire\npublished: 2025-11-13\n---\n"
        "US Central Command said about 30,000 people now live in the al-Hol and Roj camps.\n",
        encoding="utf-8",
    )
    b = tmp_path / "reports.md"
    b.write_text(
        "---\nsource: Research Desk\npublished: 2025-07-20\n---\n"
        "According to UN reports, about 31,000 people were living in the al-Hol and Roj camps"
        " in July 2025.\n",
        encoding="utf-8",
    )
    decoy = tmp_path / "detainees.md"
    decoy.write_text(
        "---\nsource: Other Wire\npublished: 2025-07-20\n---\n"
        "Officials said about 9,000 detainees are held in prisons in northeast Syria.\n",
        encoding="utf-8",
    )
    ledger = tmp_path / "ledger.db"
    ingest = cli("ingest", str(a), str(b), str(decoy), "--ledger", str(ledger), cwd=tmp_path)
    assert ingest.returncode == 0, ingest.stderr
    proc = cli("compare", "--ledger", str(ledger), "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    findings = json.loads(proc.stdout)
    assert [(f["check"], f["verdict"]) for f in findings] == [("cross_source", "drift")]
    assert "1,000 apart (3.3%)" in findings[0]["explanation"]
    text = cli("compare", "--ledger", str(ledger), cwd=tmp_path).stdout.decode()
    assert "drift" in text and "claims compared" in text


def test_compare_without_ledger_exits_2(cli, tmp_path):
    proc = cli("compare", "--ledger", str(tmp_path / "none.db"), cwd=tmp_path)
    assert proc.returncode == 2 and b"none.db" in proc.stderr
