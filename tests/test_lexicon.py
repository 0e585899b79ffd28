"""Language data files: the shipped ones load; a broken one fails with ``file: key: what is wrong``."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from factcheck import lexicon
from factcheck.context import data as context_data
from factcheck.errors import ConfigError


def shipped(lang: str) -> dict:
    return tomllib.loads(resources.files("factcheck.lexicon").joinpath(f"{lang}.toml").read_text("utf-8"))


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_shipped_lexicons_load(lang):
    lex = lexicon.get(lang)
    assert (
        lex.lang == lang and len(lex.numbers) > 50 and lex.hedges_before.by_first and lex.units_after.by_first
    )


def _broken(tmp_path, lang: str, mutate) -> str:
    data = shipped(lang)
    mutate(data)
    path = tmp_path / f"{lang}.toml"
    lines = []

    def dump(prefix: str, table: dict) -> None:
        scalars = {k: v for k, v in table.items() if not isinstance(v, dict)}
        if scalars:
            lines.append(f"[{prefix}]")
            for k, v in scalars.items():
                lines.append(f"{_key(k)} = {_value(v)}")
        for k, v in table.items():
            if isinstance(v, dict):
                dump(f"{prefix}.{_key(k)}" if prefix else _key(k), v)

    dump("", data)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _key(k: str) -> str:
    return '"' + k.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return _key(v)
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    return repr(v)


@pytest.mark.parametrize(
    ("lang", "mutate", "where"),
    [
        ("en", lambda d: d["numbers"].setdefault("gizmo", {"any": {"x": 1}}), "numbers.gizmo"),
        ("ar", lambda d: d["hedges"]["before"].update({"sometimes": ["ربما"]}), "hedges.before.sometimes"),
        ("en", lambda d: d["hedges"]["before"]["approx"].append(7), "hedges.before.approx["),
        ("ar", lambda d: d["units"]["after"].update({"شيء": 3.5}), "units.after.شيء"),
        ("en", lambda d: d["meta"].update({"lang": "fr"}), "meta.lang"),
    ],
)
def test_broken_lexicon_names_file_and_key(tmp_path, lang, mutate, where):
    path = _broken(tmp_path, lang, mutate)
    with pytest.raises(ConfigError) as err:
        lexicon.load_file(path)
    message = str(err.value)
    assert message.startswith(path + ": ") and where in message
    assert "\n" not in message


def test_unreadable_lexicon(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[meta\nlang = 'en'", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML"):
        lexicon.load_file(bad)


def test_context_data_validates(tmp_path):
    with pytest.raises(ConfigError, match=r"events\.killed"):
        context_data.build(
            {"meta": {"lang": "en"}, "speech": {"verbs": {"any": ["said"]}}, "events": {"killed": [3]}},
            "ctx.toml",
        )


def test_one_lexicon_file_per_language_owns_the_context_tables():
    """Each language is one data file: extraction's tables and, under ``[context]``, those of the
    passes after it (no second file per language); a mistake in a context table is reported with its
    file and the key as the file writes it."""
    from importlib import resources

    from factcheck.lexicon import LANGS, shipped_data

    context_files = [
        p.name for p in resources.files("factcheck.context").iterdir() if p.name.endswith(".toml")
    ]
    assert not [name for name in context_files if name.removesuffix(".toml") in LANGS]
    for lang in LANGS:
        tables = shipped_data(lang)["context"]
        assert {"speech", "time", "frame", "events"} <= tables.keys()
        assert context_data.get(lang).lang == lang  # built from those tables
    broken = {**shipped_data("en")["context"], "events": {"killed": [3]}}
    with pytest.raises(ConfigError) as info:
        context_data.build(broken, "factcheck/lexicon/en.toml", lang="en", prefix="context.")
    assert str(info.value).startswith("factcheck/lexicon/en.toml: context.events.killed:")


@pytest.mark.parametrize("start", [0, 13, True, "7"])
def test_a_fiscal_years_start_month_is_checked(start):
    """``[context.time.fiscal_year] start`` is a month: anything else names the file and the key."""
    from factcheck.lexicon import shipped_data

    tables = shipped_data("ar")["context"]
    fiscal = {**tables["time"]["fiscal_year"], "start": start}
    broken = {**tables, "time": {**tables["time"], "fiscal_year": fiscal}}
    with pytest.raises(ConfigError, match=r"context\.time\.fiscal_year\.start"):
        context_data.build(broken, "factcheck/lexicon/ar.toml", lang="ar", prefix="context.")
    assert context_data.build(tables, "factcheck/lexicon/ar.toml", lang="ar").fiscal_year_start == 7


@pytest.mark.parametrize(
    ("phrase", "spec"),
    [("the first # months of", "01/09"), ("the first # months of", "#/#"), ("the # # months of", "01/#")],
)
def test_a_qualifiers_number_slot_is_checked(phrase, spec):
    """A time qualifier with ``#`` (any number of months, 2 to 11) has one ``#`` and a spec naming it."""
    from factcheck.lexicon import shipped_data

    tables = shipped_data("en")["context"]
    broken = {**tables, "time": {**tables["time"], "qualifiers": {phrase: spec}}}
    with pytest.raises(ConfigError, match=r"context\.time\.qualifiers"):
        context_data.build(broken, "factcheck/lexicon/en.toml", lang="en", prefix="context.")


def test_a_qualifiers_number_slot_takes_digits_and_number_words():
    """ "the first # months of" = "01/#" stands for the months 2 to 11 written in digits or words."""
    built = context_data.get("en").qualifiers.by_first["the"]
    specs = {toks: spec for toks, spec in built}
    assert specs[("the", "first", "9", "months", "of")] == "01/09"
    assert specs[("the", "first", "nine", "months", "of")] == "01/09"
    assert specs[("the", "first", "eleven", "months", "of")] == "01/11"
    assert ("the", "first", "12", "months", "of") not in specs
