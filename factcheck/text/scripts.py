"""Writing systems as data: ``scripts.toml`` loaded once, validated, with the character classes and
punctuation sets that code builds its patterns from.

What belongs to a script rather than a language lives here: its Unicode blocks and letters, the marks
normalisation drops, its digits and separators, the letter forms folded as one, its comma, semicolon,
question mark and sentence ends. Code never spells these characters: it asks :func:`get`.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache
from importlib import resources
from typing import NamedTuple

from factcheck.datafile import DataReader
from factcheck.errors import ConfigError

PATH = "factcheck/text/scripts.toml"
Ranges = tuple[tuple[str, str], ...]


class Script(NamedTuple):
    """The characters of one writing system (see ``scripts.toml`` for each field's meaning)."""

    name: str
    rtl: bool
    blocks: Ranges
    core: Ranges
    letters: Ranges
    vowels: Ranges
    marks: Ranges
    tatweel: str
    invisible: Ranges
    digits: tuple[str, ...]
    decimal_separator: str
    group_separator: str
    percent_sign: str
    comma: str
    comma_groups_digits: bool
    semicolon: str
    question_mark: str
    sentence_ends: tuple[str, ...]
    ends_need_space: bool
    folds: dict[str, str]


class Scripts(NamedTuple):
    """Every script, and the sets code reads across them (strings of characters, in file order)."""

    by_name: dict[str, Script]
    commas: str
    semicolons: str
    question_marks: str
    #: commas that group thousands between digits ("١،٢٣٤")
    group_commas: str
    #: sentence ends that need a space (or the end) after them, and those that do not
    spaced_ends: str
    bare_ends: str
    #: decimal digits other than ASCII ("٠" … "۹")
    digits: str

    def rtl_blocks(self) -> Ranges:
        """The blocks of the right-to-left scripts."""
        return tuple(r for s in self.by_name.values() if s.rtl for r in s.blocks)


def char_class(ranges: Ranges | str) -> str:
    """The body of a regex character class (``[...]``) holding ``ranges`` or the characters of a string."""
    if isinstance(ranges, str):
        return "".join(re.escape(c) for c in ranges)
    return "".join(re.escape(a) if a == b else f"{re.escape(a)}-{re.escape(b)}" for a, b in ranges)


def one_of(chars: str) -> str:
    """A regex matching one of ``chars`` (a plain character when there is one; never matches when none)."""
    if len(chars) == 1:
        return re.escape(chars)
    return f"[{char_class(chars)}]" if chars else "(?!)"


def _ranges(r: DataReader, key: str) -> Ranges:
    out = []
    for i, item in enumerate(r.strings(key, [])):
        if len(item) == 1:
            out.append((item, item))
        elif len(item) == 3 and item[1] == "-" and item[0] <= item[2]:
            out.append((item[0], item[2]))
        else:
            raise r.fail(f"{key}[{i}]", f"{item!r}: expected a character or a range 'first-last'")
    return tuple(out)


def _char(r: DataReader, key: str) -> str:
    value = r.get(key, str, "")
    if len(value) > 1:
        raise r.fail(key, f"{value!r}: expected one character")
    return value


def _script(r: DataReader, name: str) -> Script:
    k = f"{name}."
    digits = tuple(r.strings(k + "digits", []))
    for i, run in enumerate(digits):
        if len(run) != 10 or any(unicodedata.digit(c, -1) != n for n, c in enumerate(run)):
            raise r.fail(f"{k}digits[{i}]", "expected the ten digits 0 to 9 of one set")
    folds = r.mapping(k + "folds", str)
    for a, b in folds.items():
        if len(a) != 1 or len(b) != 1:
            raise r.fail(f"{k}folds.{a}", "expected one character folded to one character")
    ends = tuple(r.strings(k + "sentence_ends", []))
    if any(len(e) != 1 for e in ends):
        raise r.fail(k + "sentence_ends", "expected single characters")
    return Script(
        name=name,
        rtl=bool(r.get(k + "rtl", bool)),
        blocks=_ranges(r, k + "blocks"),
        core=_ranges(r, k + "core"),
        letters=_ranges(r, k + "letters"),
        vowels=_ranges(r, k + "vowels"),
        marks=_ranges(r, k + "marks"),
        tatweel=_char(r, k + "tatweel"),
        invisible=_ranges(r, k + "invisible"),
        digits=digits,
        decimal_separator=_char(r, k + "decimal_separator"),
        group_separator=_char(r, k + "group_separator"),
        percent_sign=_char(r, k + "percent_sign"),
        comma=_char(r, k + "comma"),
        comma_groups_digits=bool(r.get(k + "comma_groups_digits", bool, False)),
        semicolon=_char(r, k + "semicolon"),
        question_mark=_char(r, k + "question_mark"),
        sentence_ends=ends,
        ends_need_space=bool(r.get(k + "ends_need_space", bool, False)),
        folds=dict(folds),
    )


def build(data: dict, path: str = PATH) -> Scripts:
    """Validate a parsed scripts file and gather its cross-script sets."""
    r = DataReader(data, path)
    by_name = {}
    for name, table in data.items():
        if not isinstance(table, dict):
            raise r.fail(name, "expected a table per script")
        by_name[name] = _script(r, name)
    every = list(by_name.values())
    return Scripts(
        by_name=by_name,
        commas="".join(s.comma for s in every),
        semicolons="".join(s.semicolon for s in every),
        question_marks="".join(s.question_mark for s in every),
        group_commas="".join(s.comma for s in every if s.comma_groups_digits),
        spaced_ends="".join(e for s in every if s.ends_need_space for e in s.sentence_ends),
        bare_ends="".join(e for s in every if not s.ends_need_space for e in s.sentence_ends),
        digits="".join(d for s in every for d in s.digits),
    )


@cache
def get() -> Scripts:
    """The shipped scripts (loaded once per process)."""
    from factcheck import cache as disk_cache

    try:
        data = disk_cache.toml(resources.files(__package__).joinpath("scripts.toml").read_bytes())
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=PATH) from None
    return build(data)
