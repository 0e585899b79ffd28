"""``factcheck extract`` end to end: formats, standard input, and bad input with exit 2."""

from __future__ import annotations

import csv
import io
import json
import os
import stat

import pytest


def test_formats_agree(cli, seed_path):
    as_json = json.loads(cli("extract", str(seed_path), "--format", "json").stdout)
    as_jsonl = [
        json.loads(line) for line in cli("extract", str(seed_path), "--format", "jsonl").stdout.splitlines()
    ]
    rows = list(
        csv.DictReader(io.StringIO(cli("extract", str(seed_path), "--format", "csv").stdout.decode()))
    )
    assert as_json == as_jsonl
    assert [r["text"] for r in rows] == [c["text"] for c in as_json]
    table = cli("extract", str(seed_path), "--format", "table").stdout.decode()
    assert "8 claims" in table and "fighter" in table


def test_stdin_and_all(cli, seed_text):
    proc = cli("extract", "-", "--format", "json", "--all", stdin=seed_text.encode())
    assert proc.returncode == 0
    rows = json.loads(proc.stdout)
    kinds = {r["kind"] for r in rows}
    assert {"quantity", "year", "date", "period"} <= kinds
    assert all(r["doc"] == "stdin" for r in rows)
    for r in rows:
        assert seed_text[r["start"] : r["end"]] == r["text"]


def test_output_file(cli, seed_path, tmp_path):
    out = tmp_path / "claims.json"
    proc = cli("extract", str(seed_path), "--format", "json", "-o", str(out))
    assert proc.returncode == 0 and proc.stdout == b""
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 8


def _one_line_error(proc, name: str) -> str:
    assert proc.returncode == 2, proc.stderr
    err = proc.stderr.decode()
    assert err.count("\n") == 1, err
    assert name in err
    assert proc.stdout == b""
    return err


def test_binary_file(cli, tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 10)
    assert "binary" in _one_line_error(cli("extract", str(path)), str(path))


def test_invalid_utf8(cli, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("قال 30 ألف".encode() + b" caf\xe9 30,000 people")
    assert "UTF-8" in _one_line_error(cli("extract", str(path)), str(path))


def test_huge_file(cli, tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.write(b"about 30,000 people. " * (50 * 1024 * 1024 // 21 + 1))
    assert "too large" in _one_line_error(cli("extract", str(path)), str(path))


def test_folder_and_missing(cli, tmp_path):
    assert "folder" in _one_line_error(cli("extract", str(tmp_path)), str(tmp_path))
    missing = tmp_path / "nope.md"
    assert "no such file" in _one_line_error(cli("extract", str(missing)), str(missing))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable(cli, tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("30 people")
    path.chmod(0)
    try:
        _one_line_error(cli("extract", str(path)), str(path))
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_one_bad_file_prints_nothing(cli, seed_path, tmp_path):
    missing = tmp_path / "missing.txt"
    proc = cli("extract", str(seed_path), str(missing), "--format", "json")
    _one_line_error(proc, str(missing))


def test_usage_error_exit_2(cli):
    assert cli("extract").returncode == 2
    assert cli("extract", "x", "--format", "yaml").returncode == 2
    assert cli().returncode == 2
