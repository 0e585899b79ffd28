"""One language engine (issue 11): no language in code.

Every word list, clitic, article, conjunction, punctuation set and script character class lives in data
(``factcheck/lexicon/{ar,en}.toml``, one per language, ``factcheck/text/scripts.toml``) and is
read through their loaders; adding a language means adding data files. Two rules over the string
constants of every ``factcheck/**/*.py`` (read with :mod:`ast`, so docstrings and comments may quote
examples in any language):

1. no constant holds an Arabic-script character, written or escaped (``"\\u0627"`` in a raw regex): a
   character is Arabic when its Unicode name says so, so no range is typed here;
2. no set, list or tuple literal lists natural-language words the product reads in text: flagged when it
   holds two or more lowercase words that the loaded lexicons read as words of text (their surface
   words) and that are none of the product's canonical names (the values the lexicons map words to, and
   the registries of :mod:`factcheck.model`, :mod:`factcheck.lexicon`, :mod:`factcheck.context`), and
   such words are at least half of its lowercase words. ``("exact", "approx")`` are bound names, not
   English; ``("the", "a", "an")`` is English.

And one rule over comparisons: 3. no code branches on a language code (``lang == "ar"``,
``self.lang != "en"``, ``"ar" == x.lang``): how a language is read (its noun phrases, whether its speech
verbs agree with their speaker, where a month's day goes) is a property its lexicon states
(``[grammar]``, ``[speech_rules]``, ``[time_rules]``), so a third language chooses the readings it needs
in data.

No module is exempt: the loaders themselves hold no literals (they read the data's own keys).
"""

from __future__ import annotations

import ast
import dataclasses
import re
import tomllib
import unicodedata
from functools import cache
from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "factcheck"
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|N\{([^}]+)\})")
_WORD = re.compile(r"[a-z]+")


def _arabic(text: str) -> list[str]:
    """The Arabic-script characters of ``text``, written or as ``\\uXXXX`` / ``\\N{...}`` escapes."""
    chars = set(text)
    for m in _ESCAPE.finditer(text):
        if m.group(3):
            chars.add(m.group(3).upper())  # a character name
        else:
            chars.add(chr(int(m.group(1) or m.group(2), 16)))
    return sorted(c for c in chars if (c if len(c) > 1 else unicodedata.name(c, "")).startswith("ARABIC"))


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


# ---------------------------------------------------------------- what the product reads as words


def _walk(x, surface: set[str], names: set[str]) -> None:
    """Collect the strings a loaded lexicon matches in text (``surface``) and those it maps them to."""
    if isinstance(x, str):
        surface.update(_WORD.findall(x))
    elif hasattr(x, "by_first"):  # phrase indexes: phrases -> values
        for entries in x.by_first.values():
            for toks, value in entries:
                _walk(toks, surface, names)
                _name_or_walk(value, surface, names)
    elif hasattr(x, "kind") and hasattr(x, "tag"):  # a number word: its kind and tag are names
        names.update((x.kind, x.tag))
    elif dataclasses.is_dataclass(x) and not isinstance(x, type):
        for f in dataclasses.fields(x):
            if f.name in ("lang", "path", "script") or f.name.endswith("memo"):
                continue
            _walk(getattr(x, f.name), surface, names)
    elif isinstance(x, dict):
        for key, value in x.items():
            _walk(key, surface, names)
            _name_or_walk(value, surface, names)
    elif isinstance(x, (frozenset, set, tuple, list)):
        for item in x:
            _walk(item, surface, names)


def _name_or_walk(value, surface: set[str], names: set[str]) -> None:
    if isinstance(value, str):
        names.add(value)
    elif not isinstance(value, (int, float, bool)) and value is not None:
        _walk(value, surface, names)


def _registry_names() -> set[str]:
    """The product's canonical names: its registries and the field names of its value objects."""
    from factcheck import lexicon, model
    from factcheck.compare import relations
    from factcheck.context import data, kinds

    names: set[str] = set()
    for module in (model, lexicon, kinds, data, relations):
        for attr, value in vars(module).items():
            if attr.isupper() and isinstance(value, (tuple, frozenset)):
                names.update(v for v in value if isinstance(v, str))
    for value in vars(model).values():
        if dataclasses.is_dataclass(value) and isinstance(value, type):
            names.update(f.name for f in dataclasses.fields(value))
    return names


@cache
def language_words() -> frozenset[str]:
    """Lowercase words the shipped lexicons read in text that are no canonical name of the product."""
    from factcheck import lexicon
    from factcheck.context import data

    surface: set[str] = set()
    names = _registry_names()
    for lang in lexicon.LANGS:
        _walk(lexicon.get(lang), surface, names)
        raw = resources.files("factcheck.lexicon").joinpath(f"{lang}.toml").read_bytes()
        _walk(
            data.build(tomllib.loads(raw.decode("utf-8"))["context"], f"{lang}.toml", lang=lang),
            surface,
            names,
        )
    return frozenset(surface - names)


# ---------------------------------------------------------------- the rules


def offences(source: str, where: str = "<source>") -> list[str]:
    """Every language literal in ``source`` (one line each: place, what)."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    slots = {  # attribute names
        id(n.value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Assign) and any(getattr(t, "id", None) == "__slots__" for t in n.targets)
    }
    words = language_words()
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            found = _arabic(node.value)
            if found:
                out.append(f"{where}:{node.lineno}: Arabic script in a string: {node.value[:50]!r}")
        elif isinstance(node, (ast.Set, ast.List, ast.Tuple)) and id(node) not in slots:
            lower = [
                e.value
                for e in node.elts
                if isinstance(e, ast.Constant) and isinstance(e.value, str) and _WORD.fullmatch(e.value)
            ]
            hits = [w for w in lower if w in words]
            if len(hits) >= 2 and 2 * len(hits) >= len(lower):
                out.append(f"{where}:{node.lineno}: a list of words read in text: {hits[:8]}")
        elif isinstance(node, ast.Compare) and _on_a_language(node):
            out.append(f"{where}:{node.lineno}: a branch on a language code ({ast.unparse(node)[:60]})")
    return out


def _on_a_language(node: ast.Compare) -> bool:
    """``lang == "ar"``, ``doc.lang != "en"``, ``"ar" == lang``: a name ending in ``lang`` tested for
    equality with a language the lexicons hold."""
    from factcheck import lexicon

    sides = [node.left, *node.comparators]
    named = any(
        (isinstance(x, ast.Name) and x.id.endswith("lang"))
        or (isinstance(x, ast.Attribute) and x.attr.endswith("lang"))
        for x in sides
    )
    coded = any(isinstance(x, ast.Constant) and x.value in lexicon.LANGS for x in sides)
    equality = all(isinstance(op, (ast.Eq, ast.NotEq)) for op in node.ops)
    return named and coded and equality


def _modules() -> list[Path]:
    return sorted(ROOT.rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT.parent)))
def test_no_language_literals_in_code(path: Path):
    found = offences(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT.parent)))
    assert not found, "language belongs in the lexicon files or scripts.toml:\n" + "\n".join(found)


# the literals this test replaced, as they were written: each must still be caught
REMOVED = [
    '_STOP = frozenset({"the", "a", "an", "of", "in", "on", "at", "for", "to", "and", "or", "by"})',
    '_STOP_AR = frozenset({"في", "من", "على"})',
    'PREFIXES = ("وال", "بال", "لل", "ال")',
    '_SENTENCE_END = re.compile(r"[.!?](?=\\s|$)|[؟؛]|\\n")',
    '_ARABIC = re.compile(r"[\\u0600-\\u06ff]")',
    '_LETTERS = re.compile(r"[a-z\\u0621-\\u063a]")',
    '_ALEF = "\\N{ARABIC LETTER ALEF}"',
    "_SKIP = frozenset({'also', 'has', 'had', 'have', 'previously', 'earlier', 'would', 'will'})",
    'def f(t):\n    return t not in ("and", "as")',
    '_MONTHS = frozenset({"may", "march", "mar", "jun", "jan", "dec"})',
    'def f(tok):\n    return tok in ("a", "an", "its", "their", "his", "her")',
    'def f(tok):\n    return tok == "عن"',
    'np = self.ar_np(lex, j, b) if lang == "ar" else self.en_np_after(lex, j, b)',
    'def f(self):\n    return self.day(k, end) if self.lang == "en" else None',
    'ok = "ar" != c.lang',
]


@pytest.mark.parametrize("source", REMOVED)
def test_a_re_added_literal_is_caught(source: str):
    assert offences(source)


@pytest.mark.parametrize(
    "source",
    [
        '"""Docstrings may quote "وقال" and "the"."""',
        'BOUNDS = ("exact", "approx", "more_than")',
        'x = c.unit in ("person", "family")',
        'if kind in ("hundred", "scale", "dual"):\n    pass',
        'FIELDS = ("start", "end", "value", "unit", "source", "time")',
        'tags = ("address", "article", "aside", "blockquote", "div")',
        "same = a.lang == b.lang",
        'lang = None if args.lang in (None, "auto") else args.lang',
    ],
)
def test_canonical_names_and_docstrings_pass(source: str):
    assert not offences(source)


def test_arithmetic_reads_the_unit_table():
    """``[arithmetic.units]`` holds only the words ``[units.after]`` lacks; the arithmetic reads the
    words of its units from the main table."""
    from factcheck import lexicon
    from factcheck.compare.relations import cues
    from factcheck.lexicon import phrase_tokens

    for lang in lexicon.LANGS:
        data = tomllib.loads(resources.files("factcheck.lexicon").joinpath(f"{lang}.toml").read_text("utf-8"))
        after = {phrase_tokens(k) for k in data["units"]["after"]}
        own = data["arithmetic"].get("units", {})
        assert not [k for k in own if phrase_tokens(k) in after], lang
        names = set(data["arithmetic"]["unit_names"])
        read = cues(lang).units
        assert {phrase_tokens(k) for k, v in data["units"]["after"].items() if v in names} <= set(read)
