"""``--diff BASE``: which lines of the checked files were added or changed since a git revision.

The change is the three-dot diff ``BASE...HEAD`` plus what is not committed yet: the working tree is
compared with the merge base of BASE and HEAD (``git diff -U0 <merge-base> -- FILES``), so line numbers
are those of the files as they are on disk, which is what the checker reads. A file git does not track
counts as entirely new. A file git sees as renamed (``git mv``, or the move staged) is compared with its
old path, so only the lines changed in the move count. Hunks are read from the ``@@ -a,b +c,d @@`` headers.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable
from pathlib import Path

from factcheck.errors import UsageError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_NEW_FILE = re.compile(r"^\+\+\+ (?:\"(.*)\"|(.*?))\s*$")
ALL_LINES = None  #: marker in the result: every line of the file counts as changed


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=120,
        )
    except FileNotFoundError:
        raise UsageError("--diff needs git, and git is not installed") from None
    except subprocess.TimeoutExpired:
        raise UsageError("--diff: git took too long to answer") from None


def _unquote(path: str) -> str:
    """Undo git's C-style quoting of a path (only what core.quotePath=false leaves: \\" \\\\ \\t \\n)."""
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n"}.get(m[1], m[1]), path)


def parse_hunks(diff: str, top: Path) -> dict[Path, set[int]]:
    """Added or changed line numbers (of the new side) per file, from ``git diff -U0`` output."""
    out: dict[Path, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            m = _NEW_FILE.match(line)
            name = _unquote(m[1]) if m and m[1] is not None else (m[2] if m else "")
            if name == "/dev/null" or not name:
                current = None
                continue
            if name.startswith("b/"):
                name = name[2:]
            current = out.setdefault((top / name).resolve(), set())
            continue
        m = _HUNK.match(line)
        if m and current is not None:
            start = int(m[1])
            count = 1 if m[2] is None else int(m[2])
            current.update(range(start, start + count))
    return out


def changed_lines(base: str, files: Iterable[str], cwd: Path | None = None) -> dict[Path, set[int] | None]:
    """For each of ``files`` (resolved path): the set of changed line numbers (1-based), or ``None``
    when the whole file is new to git. :class:`UsageError` outside a git work tree or for a bad BASE."""
    here = (cwd or Path.cwd()).resolve()
    paths = [Path(f).resolve() for f in files if f != "-"]
    probe = paths[0].parent if paths else here
    top_proc = _git(["rev-parse", "--show-toplevel"], probe)
    if top_proc.returncode != 0:
        raise UsageError(f"--diff needs a git repository, and {probe} is not inside one")
    top = Path(top_proc.stdout.strip()).resolve()
    rev = _git(["rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], top)
    if rev.returncode != 0 or not rev.stdout.strip():
        raise UsageError(f"--diff: '{base}' is not a revision of the git repository at {top}")
    merge_base = _git(["merge-base", rev.stdout.strip(), "HEAD"], top)
    if merge_base.returncode != 0 or not merge_base.stdout.strip():
        raise UsageError(f"--diff: '{base}' and HEAD have no common ancestor in {top}")
    inside = [p for p in paths if p == top or top in p.parents]
    result: dict[Path, set[int] | None] = {p: ALL_LINES for p in paths if p not in inside}
    if not inside:
        return result
    rel = [os.path.relpath(p, top) for p in inside]
    tracked_proc = _git(["ls-files", "--full-name", "-z", "--", *rel], top)
    tracked = {(top / t).resolve() for t in tracked_proc.stdout.split("\0") if t}
    base_rev = merge_base.stdout.strip()
    # a renamed article is compared with its old self (git's rename detection), so moving it does not
    # make every old finding new: the rename's source must be in the pathspec, so find it first
    names = _git(["diff", "--name-status", "-z", "-M", "--no-ext-diff", base_rev], top)
    fields = names.stdout.split("\0") if names.returncode == 0 else []
    wanted = {r.replace(os.sep, "/") for r in rel}
    sources: list[str] = []
    i = 0
    while i < len(fields):
        status = fields[i]
        if status.startswith(("R", "C")) and i + 2 < len(fields):
            if fields[i + 2] in wanted:
                sources.append(fields[i + 1])
            i += 3
        else:
            i += 2
    diff = _git(
        ["diff", "-U0", "--no-color", "--no-ext-diff", "-M", base_rev, "--", *rel, *sources],
        top,
    )
    if diff.returncode != 0:
        raise UsageError(f"--diff: git diff failed: {diff.stderr.strip().splitlines()[-1:] or ['?']}")
    hunks = parse_hunks(diff.stdout, top)
    for p in inside:
        result[p] = hunks.get(p, set()) if p in tracked else ALL_LINES
    return result


def line_of(text: str, offset: int) -> int:
    """1-based line number of ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1


def restrict(result, base: str, cwd: Path | None = None) -> int:
    """Keep only findings with a claim (or, for a directive finding, the directive) on a changed line;
    the others are dropped from ``result.findings`` (and from ``.accepted`` and ``.suppressed``, so
    counts are of the change too). Returns how many shown findings were dropped."""
    docs = [d for d in result.documents if d.path != "-"]
    changed = changed_lines(base, [d.path for d in docs], cwd)
    by_doc: dict[str, tuple[str, set[int] | None]] = {}
    for d in result.documents:
        if d.path == "-":
            by_doc[d.id] = (d.raw, ALL_LINES)  # standard input: nothing to compare with, keep all
        else:
            by_doc[d.id] = (d.raw, changed.get(Path(d.path).resolve(), set()))
    spans = {c.id: (c.doc, c.start, c.end) for c in result.claims}

    def touched(doc: str, start: int, end: int) -> bool:
        if doc not in by_doc:
            return False
        raw, lines = by_doc[doc]
        if lines is ALL_LINES:
            return True
        first, last = line_of(raw, start), line_of(raw, max(start, end - 1))
        return any(n in lines for n in range(first, last + 1))

    def in_diff(f) -> bool:
        details = dict(f.details)
        places = [spans[c] for c in f.claims if c in spans]
        if not f.claims and "doc" in details:
            places = [(details["doc"], details.get("start", 0), details.get("end", 0))]
        return any(touched(*p) for p in places)

    kept = [f for f in result.findings if in_diff(f)]
    dropped = len(result.findings) - len(kept)
    result.findings = kept
    result.accepted = [f for f in result.accepted if in_diff(f)]
    result.suppressed = [(f, why) for f, why in result.suppressed if in_diff(f)]
    return dropped
