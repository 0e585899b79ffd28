"""The on-disk cache of parsed data files: same result as parsing, never stale, harmless when unwritable."""

from __future__ import annotations

import os
import tomllib

from factcheck import cache


def test_cached_parse_equals_parse_and_follows_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "c"))
    data = 'a = 1\n[b]\nc = ["x", "نحو"]\n'.encode()
    assert cache.toml(data) == tomllib.loads(data.decode())
    assert list((tmp_path / "c" / "toml").iterdir())  # stored
    assert cache.toml(data) == tomllib.loads(data.decode())  # served from the cache
    changed = data.replace(b"1", b"2")
    assert cache.toml(changed)["a"] == 2  # a changed file is never served stale


def test_unwritable_cache_still_parses(tmp_path, monkeypatch):
    target = tmp_path / "ro"
    target.mkdir()
    os.chmod(target, 0o500)
    monkeypatch.setenv("FACTCHECK_CACHE", str(target / "sub"))
    try:
        assert cache.toml(b"x = 3\n") == {"x": 3}
    finally:
        os.chmod(target, 0o700)


def test_corrupt_entry_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path))
    data = b"y = 4\n"
    cache.toml(data)
    for entry in (tmp_path / "toml").iterdir():
        entry.write_bytes(b"not marshal")
    assert cache.toml(data) == {"y": 4}
