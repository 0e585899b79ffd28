"""The accepted-findings file (``claims/accepted.toml``): findings the desk has looked at and accepted.

One ``[[accepted]]`` table per finding::

    [[accepted]]
    fingerprint = "fd65b665f235953b"     # the finding's stable id (required)
    check = "reference"                  # required
    claims = ["about 45,000 people", "..."]
    documents = ["article.md"]
    reason = "confirmed with UNHCR"      # required, not empty
    who = "Jane Doe"
    when = 2025-11-20
    expires = 2026-01-31                 # optional: after this date the entry no longer suppresses

``check`` suppresses exactly the findings whose fingerprint is listed (and not expired); entries that match
nothing among the documents checked are *stale*, and expired entries are reported too. Every problem in
the file is a :class:`ConfigError` ``file:line: what is wrong``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.errors import ConfigError, UsageError
from factcheck.model import Finding

HEADER = (
    "# Accepted findings: `factcheck check` does not report these (matched by fingerprint).\n"
    "# Written by `factcheck baseline --reason ...`; edit reasons or add `expires = YYYY-MM-DD` freely.\n"
)
_TABLE = re.compile(r"^\s*\[\[\s*accepted\s*\]\]\s*(#.*)?$")
_FINGERPRINT = re.compile(r"^[0-9a-f]{6,64}$")
_FIELDS = ("fingerprint", "check", "claims", "documents", "reason", "who", "when", "expires")


@dataclass(frozen=True, slots=True)
class Entry:
    """One accepted finding."""

    fingerprint: str
    check: str
    reason: str
    claims: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    who: str | None = None
    when: dt.date | None = None
    expires: dt.date | None = None
    line: int | None = None  #: where its table starts in the file (for messages)

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today


@dataclass(slots=True)
class Applied:
    """The outcome of applying the accepted findings to a run."""

    shown: list[Finding]
    accepted: list[Finding] = field(default_factory=list)
    stale: list[tuple[str, str]] = field(default_factory=list)  #: (fingerprint, why)
    notes: list[str] = field(default_factory=list)  #: one line per stale or expired entry, file:line first


# ---------------------------------------------------------------- reading


def _table_lines(text: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), 1) if _TABLE.match(line)]


def _key_line(text: str, start: int | None, key: str) -> int | None:
    """The line of ``key = ...`` in the table starting at line ``start``."""
    if start is None:
        return None
    lines = text.splitlines()
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for n in range(start, len(lines)):
        if re.match(r"^\s*\[", lines[n]):  # the next table
            break
        if pattern.match(lines[n]):
            return n + 1
    return start


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise ValueError(value)


def load(path: str | os.PathLike[str]) -> list[Entry]:
    """The entries of the accepted-findings file at ``path`` (none when it does not exist)."""
    p = Path(path)
    where = str(path)
    if not p.exists():
        return []
    if p.is_dir():
        raise ConfigError("is a folder, not an accepted-findings file", path=where)
    if not p.is_file():
        raise ConfigError("is not a regular file (a named pipe or device?)", path=where)
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not valid UTF-8 (byte {exc.start})", path=where) from None
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror or exc}", path=where) from None
    return parse(text, where)


def parse(text: str, where: str = "accepted.toml") -> list[Entry]:
    """Parse the text of an accepted-findings file; ``where`` names it in errors."""
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise ConfigError("invalid TOML: nested too deeply", path=where) from None
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        what = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc)) or "invalid TOML"
        raise ConfigError(f"invalid TOML: {what}", path=where, line=int(m[1]) if m else None) from None
    unknown = sorted(set(data) - {"accepted"})
    if unknown:
        line = next(
            (
                n
                for n, ln in enumerate(text.splitlines(), 1)
                if re.match(rf"^\s*\[*\s*[\"']?{re.escape(unknown[0])}\b", ln)
            ),
            None,
        )
        raise ConfigError(
            f"unknown key '{unknown[0]}' (the file holds [[accepted]] tables only)", path=where, line=line
        )
    tables = data.get("accepted", [])
    if not isinstance(tables, list):
        raise ConfigError("'accepted' must be a list of [[accepted]] tables", path=where, line=1)
    starts = _table_lines(text)
    entries: list[Entry] = []
    seen: dict[str, int | None] = {}
    for i, table in enumerate(tables):
        start = starts[i] if i < len(starts) else None

        def bad(key: str | None, what: str, start: int | None = start) -> ConfigError:
            line = _key_line(text, start, key) if key else start
            return ConfigError(what, path=where, line=line)

        if not isinstance(table, dict):
            raise bad(None, "each [[accepted]] entry must be a table")
        extra = sorted(set(table) - set(_FIELDS))
        if extra:
            raise bad(extra[0], f"unknown key '{extra[0]}' (known: {', '.join(_FIELDS)})")
        for key in ("fingerprint", "check", "reason"):
            value = table.get(key)
            if value is None:
                raise bad(None, f"[[accepted]] entry has no '{key}'")
            if not isinstance(value, str) or not value.strip():
                raise bad(key, f"'{key}' must be a non-empty string")
        fp = table["fingerprint"].strip()
        if not _FINGERPRINT.match(fp):
            raise bad("fingerprint", f"'fingerprint' {fp!r} is not a finding id (hex digits)")
        if fp in seen:
            raise bad("fingerprint", f"fingerprint {fp} is accepted twice (first at line {seen[fp]})")
        seen[fp] = start
        lists: dict[str, tuple[str, ...]] = {}
        for key in ("claims", "documents"):
            value = table.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise bad(key, f"'{key}' must be a list of strings")
            lists[key] = tuple(value)
        who = table.get("who")
        if who is not None and not isinstance(who, str):
            raise bad("who", "'who' must be a string")
        dates: dict[str, dt.date | None] = {}
        for key in ("when", "expires"):
            try:
                dates[key] = _date(table.get(key))
            except ValueError:
                raise bad(key, f"'{key}' must be a date (YYYY-MM-DD), not {table.get(key)!r}") from None
        entries.append(
            Entry(
                fingerprint=fp,
                check=table["check"].strip(),
                reason=table["reason"].strip(),
                claims=lists["claims"],
                documents=lists["documents"],
                who=who,
                when=dates["when"],
                expires=dates["expires"],
                line=start,
            )
        )
    return entries


# ---------------------------------------------------------------- writing


def _table(e: Entry):
    """The ``[[accepted]]`` table of ``e`` (tomlkit escapes control characters such as U+007F)."""
    import tomlkit

    t = tomlkit.table()
    t["fingerprint"] = e.fingerprint
    t["check"] = e.check
    t["claims"] = list(e.claims)
    if e.documents:
        t["documents"] = list(e.documents)
    t["reason"] = e.reason
    if e.who:
        t["who"] = e.who
    if e.when:
        t["when"] = e.when
    if e.expires:
        t["expires"] = e.expires
    return t


def dumps(entries: Iterable[Entry]) -> str:
    """The file's text for ``entries`` (TOML; dates as TOML dates)."""
    import tomlkit

    doc = tomlkit.document()
    for line in HEADER.splitlines():
        doc.add(tomlkit.comment(line.removeprefix("# ")))
    tables = tomlkit.aot()
    for e in entries:
        tables.append(_table(e))
    if tables:
        doc["accepted"] = tables
    return tomlkit.dumps(doc)


def append_to(text: str, entries: Sequence[Entry], where: str = "accepted.toml") -> str:
    """``text`` (an accepted-findings file, already valid) with ``entries`` appended as new tables;
    everything already written, the desk's comments and layout included, is kept as it was."""
    import tomlkit

    if not text.strip():
        return dumps(entries)
    doc = tomlkit.parse(text)
    tables = doc.get("accepted")
    if tables is None or (not isinstance(tables, tomlkit.items.AoT) and not tables):
        if tables is not None:  # ``accepted = []``: becomes the tables
            del doc["accepted"]
        doc["accepted"] = tomlkit.aot()
        tables = doc["accepted"]
    for e in entries:
        t = _table(e)
        if isinstance(tables, tomlkit.items.AoT):
            t.trivia.indent = "\n"
            tables.append(t)
        else:  # an inline array of inline tables: stay inline
            inline = tomlkit.inline_table()
            inline.update(t.value)
            tables.append(inline)
    out = tomlkit.dumps(doc)
    parse(out, where)  # what is written must read back
    return out


def who_am_i(cwd: str | os.PathLike[str] | None = None) -> str:
    """``git config user.name``, else ``$USER``, else ``unknown``."""
    try:
        proc = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, cwd=cwd, timeout=10
        )
        name = proc.stdout.strip()
        if proc.returncode == 0 and name:
            return name
    except (OSError, subprocess.SubprocessError):
        pass
    return os.environ.get("USER") or os.environ.get("USERNAME") or "unknown"


def entries_for(
    findings: Sequence[Finding],
    claim_text: dict[str, str],
    claim_doc: dict[str, str],
    *,
    reason: str,
    who: str,
    when: dt.date,
    expires: dt.date | None = None,
) -> list[Entry]:
    """New entries accepting ``findings`` (claims named by their text; ``claim_doc``: the document of
    each claim read from a document or the ledger, a desk's reference figures left out)."""
    if not reason.strip():
        raise UsageError("--reason must say why the findings are accepted")
    out = []
    for f in findings:
        docs = [claim_doc[c] for c in f.claims if c in claim_doc]
        out.append(
            Entry(
                fingerprint=f.id,
                check=f.check,
                reason=reason.strip(),
                claims=tuple(claim_text.get(c, c) for c in f.claims),
                documents=tuple(dict.fromkeys(docs)),
                who=who,
                when=when,
                expires=expires,
            )
        )
    return out


def merge(old: Sequence[Entry], new: Sequence[Entry]) -> tuple[list[Entry], int, int]:
    """``old`` with the entries of ``new`` not accepted yet appended: (entries, added, already there).
    Existing entries keep their reason, author and date."""
    have = {e.fingerprint for e in old}
    merged = list(old)
    added = 0
    for e in new:
        if e.fingerprint in have:
            continue
        have.add(e.fingerprint)
        merged.append(e)
        added += 1
    return merged, added, len(new) - added


def save(path: str | os.PathLike[str], entries: Iterable[Entry]) -> None:
    """Write the file afresh, atomically (never half-written)."""
    from factcheck.io import write_atomic

    write_atomic(str(path), dumps(entries))


def update(path: str | os.PathLike[str], new: Sequence[Entry]) -> tuple[list[Entry], int, int]:
    """Accept ``new`` in the file at ``path``: one locked read-merge-write, so concurrent runs keep
    each other's entries, and the file's comments and layout are kept. (entries, added, already)."""
    from factcheck.io import locked, write_atomic

    where = str(path)
    with locked(path):
        p = Path(path)
        text = ""
        if p.exists():
            if not p.is_file():
                raise ConfigError("is not a regular file", path=where)
            try:
                text = p.read_text(encoding="utf-8")
            except UnicodeDecodeError as exc:
                raise ConfigError(f"not valid UTF-8 (byte {exc.start})", path=where) from None
            except OSError as exc:
                raise ConfigError(f"cannot read: {exc.strerror or exc}", path=where) from None
        old = parse(text, where)
        merged, added, already = merge(old, new)
        if added or not p.exists():
            have = {e.fingerprint for e in old}
            fresh = [e for e in merged if e.fingerprint not in have]
            write_atomic(where, append_to(text, fresh, where))
    return merged, added, already


# ---------------------------------------------------------------- applying


def apply(
    findings: Sequence[Finding],
    entries: Sequence[Entry],
    *,
    documents: Iterable[str] = (),
    also_matched: Iterable[str] = (),
    today: dt.date | None = None,
    where: str = "accepted.toml",
) -> Applied:
    """Split ``findings`` into shown and accepted.

    An entry matching nothing is stale when it names no documents or names one of ``documents`` (the
    documents checked): an entry about another article is not judged by a run that did not read it.
    ``also_matched`` are fingerprints of findings seen but already silenced another way (inline).
    """
    today = today or dt.date.today()
    checked = set(documents)
    active = {e.fingerprint: e for e in entries if not e.expired(today)}
    result = Applied(shown=[])
    matched: set[str] = set(also_matched)
    for f in findings:
        if f.id in active:
            result.accepted.append(f)
            matched.add(f.id)
        else:
            result.shown.append(f)
            if any(e.fingerprint == f.id for e in entries):
                matched.add(f.id)
    for e in entries:
        at = f"{where}:{e.line}" if e.line else where
        if e.expired(today):
            why = f"expired on {e.expires.isoformat()}" if e.expires else "expired"
            result.stale.append((e.fingerprint, why))
            result.notes.append(f"{at}: accepted finding {e.fingerprint} ({e.check}) {why}; shown again")
        elif e.fingerprint not in matched and (not e.documents or checked & set(e.documents)):
            why = "matches no finding any more"
            result.stale.append((e.fingerprint, why))
            result.notes.append(f"{at}: accepted finding {e.fingerprint} ({e.check}) {why}; remove it")
    return result


def not_shown_line(n: int) -> str:
    """``N accepted findings not shown`` (``1 accepted finding not shown``)."""
    return f"{n} accepted finding{'' if n == 1 else 's'} not shown"
