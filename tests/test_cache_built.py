"""Built objects and compiled regular expressions in the on-disk cache: equal to building them, keyed
so a change is never served stale, harmless when the folder is unwritable or an entry is damaged."""

from __future__ import annotations

import os
import re

import pytest

from factcheck import cache, lexicon


def test_built_is_made_once_then_served(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path))
    calls = []

    def make():
        calls.append(1)
        return {"words": frozenset({"نحو", "about"}), "n": 3}

    assert cache.built("demo", make) == make()
    calls.clear()
    assert cache.built("demo", make) == {"words": frozenset({"نحو", "about"}), "n": 3}
    assert calls == []  # served from disk
    assert cache.built("demo", make, parts=[b"other input"])["n"] == 3
    assert calls == [1]  # other inputs, another entry


def test_built_follows_a_changed_package_file(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path))
    monkeypatch.setattr(cache, "_FINGERPRINT", [b"package as installed"])
    assert cache.built("demo", lambda: 1) == 1
    monkeypatch.setattr(cache, "_FINGERPRINT", [b"a data file changed"])
    assert cache.built("demo", lambda: 2) == 2


def test_fingerprint_covers_data_files():
    before = cache.package_fingerprint()
    cache._FINGERPRINT.clear()
    path = os.path.join(os.path.dirname(cache.__file__), "lexicon", "en.toml")
    stat = os.stat(path)
    try:
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
        assert cache.package_fingerprint() != before
    finally:
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        cache._FINGERPRINT.clear()


def test_built_survives_damaged_entries_and_unwritable_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path))
    cache.built("demo", lambda: [1, 2])
    for entry in (tmp_path / "built").iterdir():
        entry.write_bytes(b"\x80not a pickle")
    assert cache.built("demo", lambda: [1, 2]) == [1, 2]
    blocked = tmp_path / "ro"
    blocked.mkdir()
    os.chmod(blocked, 0o500)
    monkeypatch.setenv("FACTCHECK_CACHE", str(blocked / "sub"))
    try:
        assert cache.built("demo", lambda: "still built") == "still built"
    finally:
        os.chmod(blocked, 0o700)


def test_cached_lexicon_equals_a_fresh_build(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path))
    for lang in lexicon.LANGS:
        fresh = lexicon.build(lexicon.shipped_data(lang), f"factcheck/lexicon/{lang}.toml")
        lexicon.get.cache_clear()
        first = lexicon.get(lang)  # built and stored
        lexicon.get.cache_clear()
        served = lexicon.get(lang)  # read back
        assert served is not first
        for lex in (first, served):
            assert lex.numbers == fresh.numbers
            assert lex.units_after.by_first == fresh.units_after.by_first
            assert lex.dual_units.by_first == fresh.dual_units.by_first
            assert lex.word_pattern() == fresh.word_pattern()
    lexicon.get.cache_clear()


PATTERNS = [
    r"\d|(?<![^\W\d_])(?:و|ب)?(?:ال)?(?:خمس(?:ة|ون)?|ثلاث)(?![^\W\d_])",
    r"(?P<year>\d{4})-(?P<month>\d{2})",
    r"(?i)\bpercent\b",
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_cached_regex_is_the_compiled_regex(tmp_path, monkeypatch, pattern):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path))
    first = cache.regex(pattern)
    served = cache.regex(pattern)  # from the stored program
    plain = re.compile(pattern)
    for compiled in (first, served):
        assert compiled == plain  # same pattern, flags and program
        assert compiled.groupindex == plain.groupindex
        for text in ("نحو خمسة آلاف", "وبخمسين", "2025-07 was 5 PERCENT", "ثلاثة"):
            assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert list((tmp_path / "regex").iterdir())


def test_damaged_regex_entry_is_compiled_again(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path))
    cache.regex(PATTERNS[1])
    for entry in (tmp_path / "regex").iterdir():
        entry.write_bytes(b"damaged")
    assert cache.regex(PATTERNS[1]) == re.compile(PATTERNS[1])


_PRELOAD_PROBE = """
import json, re, sys
from re import _compiler
from factcheck import cache
patterns = json.loads(sys.argv[1])
cache.preload_regexes()
found = [(str, p, f) in re._cache for p, f in patterns]
same = [re.compile(p, f) == _compiler.compile(p, f) for p, f in patterns]
text = "Nahw 5 PERCENT, نحو خمسة 2025-07"
matches = [[m.span() for m in re.compile(p, f).finditer(text)] for p, f in patterns]
cache.save_regexes()
print(json.dumps({"found": found, "same": same, "matches": matches}))
"""


def _preload_run(tmp_path, patterns):
    import json
    import subprocess
    import sys

    env = {**os.environ, "FACTCHECK_CACHE": str(tmp_path)}
    proc = subprocess.run(
        [sys.executable, "-c", _PRELOAD_PROBE, json.dumps(patterns)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(proc.stdout)


def test_regex_programs_are_preloaded_into_re_cache(tmp_path):
    patterns = [[p, 0] for p in PATTERNS] + [[r"percent|نحو", int(re.I)]]
    first = _preload_run(tmp_path, patterns)  # compiled as usual, then stored
    assert first["found"] == [False] * len(patterns)
    second = _preload_run(tmp_path, patterns)  # found in re's cache before any compile
    assert second["found"] == [True] * len(patterns)
    assert second["same"] == [True] * len(patterns)
    assert second["matches"] == first["matches"]
    for entry in (tmp_path / "regex").iterdir():
        entry.write_bytes(b"damaged")
    third = _preload_run(tmp_path, patterns)  # a damaged file: compiled as usual
    assert third["found"] == [False] * len(patterns) and third["same"] == [True] * len(patterns)


def test_old_entries_of_a_kind_are_pruned_when_a_new_one_is_stored(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path))
    monkeypatch.setattr(cache, "_FINGERPRINT", [b"release 1"])
    cache.built("demo", lambda: 1)
    cache.built("other", lambda: 1)
    old = {p.name for p in (tmp_path / "built").iterdir()}
    for entry in (tmp_path / "built").iterdir():
        os.utime(entry, (1_000_000, 1_000_000))  # long unused
    monkeypatch.setattr(cache, "_FINGERPRINT", [b"release 2"])
    cache.built("demo", lambda: 2)
    names = {p.name for p in (tmp_path / "built").iterdir()}
    assert len(names) == 2 and names & old == {n for n in old if n.startswith("other-")}


def test_cached_context_data_and_cues_equal_a_fresh_build(tmp_path, monkeypatch):
    from factcheck.compare import relations
    from factcheck.context import data

    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path))
    for lang in lexicon.LANGS:
        relations.cues.cache_clear()
        relations.cues(lang)  # built and stored
        relations.cues.cache_clear()
        assert relations.cues(lang) == relations._cues(lang)  # read back
        data.get.cache_clear()
        stored = data.get(lang)
        data.get.cache_clear()
        served, fresh = data.get(lang), data._load(lang)
        assert served is not stored
        for name in ("verbs", "pronouns", "gentilics", "events", "stop_words", "weekdays"):
            assert getattr(served, name) == getattr(fresh, name)
        assert served.qualifiers.by_first == fresh.qualifiers.by_first
    relations.cues.cache_clear()
    data.get.cache_clear()
