"""Gazetteer names at a token: a long list of names sharing two first words ("al -" opens hundreds)
is narrowed by the third word before the names are tried (``entities._first_fit`` with the
gazetteer's ``third_memo``); trying every one in turn (``_first_fit_plain``) is its oracle, on real
Arabic and English text and on made-up names sharing their first words."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.context import _abbreviations, data, entities, tokens

HERE = Path(__file__).parent
ROOT = HERE.parent


@cache
def _doc(lang: str) -> tokens.Doc:
    out: list[str] = []
    for name in (f"context_{lang}", f"extract_{lang}"):
        with open(HERE / "cases" / f"{name}.jsonl", encoding="utf-8") as fh:
            out += [json.loads(line)["text"] for line in fh if line.strip()]
    for path in sorted((HERE / "cases" / "articles").glob("*.json")):
        docs = json.loads(path.read_text(encoding="utf-8"))["docs"]
        out += [d["text"] for d in docs if d.get("lang") == lang]
    extra = ROOT / ("seeds/000_1d7393a2437e1f4a.txt" if lang == "ar" else "bench/corpus/en_article.txt")
    out.append(extra.read_text(encoding="utf-8"))
    text = "\n\n".join(out)
    return tokens.read(text, text, _abbreviations())


def _pair(d, lex, gaz, i: int, end: int):
    """The ``pair_memo`` entry at token ``i`` (as ``exact_at`` makes it)."""
    entities.exact_at(d, lex, gaz, i, end)
    return gaz.pair_memo.get((lex.lang, d.texts[i], d.texts[i + 1] if i + 1 < end else None))


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_first_fit_equals_plain_at_every_token(lang):
    d, lex, gaz = _doc(lang), data.get(lang), data.gazetteer()
    narrowed = 0
    for i in range(len(d)):
        for end in (len(d), min(len(d), i + 2), min(len(d), i + 3), min(len(d), i + 5)):
            if end <= i:
                continue
            pair = _pair(d, lex, gaz, i, end)
            if not pair:
                continue
            narrowed += len(pair) > entities._MANY
            assert entities._first_fit(d, lex, pair, i, end, gaz) == entities._first_fit_plain(
                d, lex, pair, i, end
            ), (lang, d.texts[i : i + 4])
    if lang == "en":
        assert narrowed  # "al -" before a name: the narrowing is exercised


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_scan_equals_a_scan_trying_every_name(lang, monkeypatch):
    d, lex, gaz = _doc(lang), data.get(lang), data.gazetteer()
    fast = entities.scan(d, lambda _i: lex, gaz, 0, len(d), lex)
    with monkeypatch.context() as m:
        m.setattr(
            entities,
            "_first_fit",
            lambda doc, lx, pair, i, end, _gaz=None: entities._first_fit_plain(doc, lx, pair, i, end),
        )
        gaz.pair_memo.clear()
        gaz.word_memo.clear()
        plain = entities.scan(d, lambda _i: lex, gaz, 0, len(d), lex)
    assert fast == plain and len(fast) > 100


_WORDS = ["al", "-", "hol", "roj", "qaeda", "shabaab", "nusra", "front", "camp", "state", "x"]
_NAMES = st.lists(
    st.tuples(st.sampled_from(["al", "x"]), st.lists(st.sampled_from(_WORDS), max_size=3)),
    min_size=12,
    max_size=40,
)


@settings(max_examples=80, deadline=None)
@given(_NAMES, st.lists(st.sampled_from(["al -", "x -", *_WORDS]), min_size=1, max_size=10))
def test_first_fit_equals_plain_on_made_up_names(names, words):
    """Many names sharing their first two words, against any run of those words."""
    rows = sorted({" ".join([first, "-", *rest]) for first, rest in names})
    gaz = data.load_gazetteer("canonical,type,ar,en\n" + "".join(f"{n},other,,{n}\n" for n in rows), "x.csv")
    lex = data.get("en")
    text = " ".join(words)
    d = tokens.read(text, text, _abbreviations())
    for i in range(len(d)):
        for end in range(i + 1, len(d) + 1):
            pair = _pair(d, lex, gaz, i, end)
            if pair:
                assert entities._first_fit(d, lex, pair, i, end, gaz) == entities._first_fit_plain(
                    d, lex, pair, i, end
                )


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_token_offsets_are_the_token_pattern_matches(lang):
    """``tokens.read`` finds its tokens by one split and their offsets by running sums: the same
    tokens and offsets as every match of the token pattern, on text with every kind of gap."""
    d = _doc(lang)
    text = d.norm.text
    plain = [(m.group(), m.start()) for m in tokens._TOKEN.finditer(text)]
    assert list(zip(d.texts, d.starts, strict=True)) == plain
    odd = "  a,b\n\n12.5% — «x»\t" + text[:500] + " \u00a0end."
    e = tokens.read(odd, odd, _abbreviations())
    assert list(zip(e.texts, e.starts, strict=True)) == [
        (m.group(), m.start()) for m in tokens._TOKEN.finditer(e.norm.text)
    ]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_according_is_skipped_only_where_no_phrase_starts(lang):
    """``Finder.sentence`` skips ``according`` where the "according to" index's pair memo says no
    phrase starts at the token with the next one: there ``match_phrase`` (the first thing
    ``according`` asks) finds none, at every token of real text and every sentence end."""
    from factcheck.context.tokens import match_phrase

    d, lex = _doc(lang), data.get(lang)
    index = lex.according
    for a, b in d.sentences:
        for i in range(a, b):
            match_phrase(lex, index, d.texts, i, b)  # fills the memo as the finder would
    skipped = 0
    for a, b in d.sentences:
        for i in range(a, b):
            if index.pair_memo.get((d.texts[i], d.texts[i + 1] if i + 1 < b else None)) == ():
                skipped += 1
                assert match_phrase(lex, index, d.texts, i, b) == (0, None)
    assert skipped > 10
