"""Hostile documents, one class per test: YAML bombs, impossible dates, hidden front matter, binary
tails, wrongly typed fields, invisible characters written as entities. Each refusal is one line on
stderr naming the file (and line), exit 2, never a traceback; each control is read as before."""

from __future__ import annotations

import pytest

from factcheck.checking import check_documents
from factcheck.errors import InputError
from factcheck.extraction import extract_document
from factcheck.text.documents import parse_document, read_document

EN_BODY = "About 30,000 people were displaced from the camp.\n"
AR_BODY = "نزح نحو 30 ألف شخص من المخيم.\n"


def billion_laughs(levels: int = 9) -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    names = "abcdefghijklmnop"
    for i in range(1, levels):
        lines.append(f"{names[i]}: &{names[i]} [" + ", ".join([f"*{names[i - 1]}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def refused(cli, tmp_path, name: str, content: str | bytes, *words: str, line: int | None = None):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    result = cli("extract", str(path), timeout=60)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2, err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    where = f"{path}:{line}:" if line is not None else f"{path}:"
    assert where in err, err
    for word in words:
        assert word in err, err
    assert result.stdout == b""  # nothing half-written
    return err


@pytest.mark.parametrize("body", [EN_BODY, AR_BODY])
def test_yaml_alias_bomb_is_refused_quickly(cli, tmp_path, body):
    bomb = "---\ntitle: t\n" + billion_laughs() + "---\n" + body
    assert len(bomb.encode()) < 1024  # a 1 KB file that would expand to a billion strings
    refused(cli, tmp_path, "bomb.md", bomb, "aliases")


def test_recursive_alias_is_refused(tmp_path):
    with pytest.raises(InputError, match="more than"):
        parse_document("---\nlist: &a [1, *a]\n---\n" + EN_BODY, "loop.md")


def test_a_few_aliases_still_read():
    doc = parse_document(
        "---\nbase: &b {source: Example Wire}\nother: *b\ntitle: Camps\n---\n" + EN_BODY, "ok.md"
    )
    assert doc.meta.title == "Camps"
    assert [c.value for c in extract_document(doc)] == [30000]


@pytest.mark.parametrize(
    ("field", "words"),
    [
        ("published: 2024-13-45", ("2024-13-45", "calendar")),
        ("published: 2023-02-29", ("2023-02-29", "calendar")),
        ("published: not-a-date", ("not-a-date", "YYYY-MM-DD")),
        ("date: 13/11/2025", ("13/11/2025", "YYYY-MM-DD")),
        ("published: [2024-01-01]", ("a list",)),
    ],
)
@pytest.mark.parametrize("body", [EN_BODY, AR_BODY])
def test_impossible_or_garbage_dates_are_refused_with_their_line(cli, tmp_path, field, words, body):
    refused(cli, tmp_path, "dated.md", f"---\ntitle: t\n{field}\n---\n" + body, *words, line=3)


def test_dates_elsewhere_use_the_same_reader(tmp_path):
    with pytest.raises(InputError, match=r"head\.html:3: published: '2025-99-01'"):
        parse_document(
            '<html><head>\n<title>t</title>\n<meta property="article:published_time" content="2025-99-01">'
            "</head><body><p>About 30,000 people.</p></body></html>",
            "head.html",
        )
    with pytest.raises(InputError, match=r"seed\.txt:1: published: '2025-02-30'"):
        parse_document("date 2025-02-30 Wire- Beirut\n" + AR_BODY, "seed.txt")
    with pytest.raises(InputError, match="--published"):
        parse_document(EN_BODY, "a.txt", published="garbage")
    # real dates in every form read the same way
    good = parse_document("---\npublished: 2024-2-9T10:00:00+03:00\n---\n" + EN_BODY, "a.md")
    assert good.meta.published == "2024-02-09"
    assert parse_document(EN_BODY, "a.txt", published="2024-02-29").meta.published == "2024-02-29"


def test_lone_surrogate_and_control_characters_in_yaml(cli, tmp_path):
    refused(cli, tmp_path, "surrogate.md", '---\ntitle: "\\ud800"\n---\n' + AR_BODY, "surrogate", line=2)
    refused(cli, tmp_path, "control.md", "---\ntitle: a\x01b\n---\n" + EN_BODY, "YAML")
    refused(cli, tmp_path, "deep.md", "---\ntitle: " + "[" * 3000 + "\n---\n" + EN_BODY, "YAML")


def test_fields_of_the_wrong_type(cli, tmp_path):
    refused(cli, tmp_path, "list.md", "---\ntitle: t\nsource: [a, b]\n---\n" + AR_BODY, "'source'", line=3)
    refused(cli, tmp_path, "map.md", "---\ntitle: {x: 1}\n---\n" + EN_BODY, "'title'", line=2)
    doc = parse_document("---\nid: 12345\ntitle: 2024\nsource: Example Wire\n---\n" + EN_BODY, "n.md")
    assert (doc.id, doc.meta.title, doc.meta.publisher) == ("12345", "2024", "Example Wire")


@pytest.mark.parametrize("body", [EN_BODY, AR_BODY])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_front_matter_after_a_bom_and_with_any_line_ending(tmp_path, body, newline, bom):
    text = "---\ntitle: Camps\nsource: Example Wire\npublished: 2025-07-15\n---\n" + body
    path = tmp_path / "article.md"
    path.write_bytes(bom + text.replace("\n", newline).encode("utf-8"))
    doc = read_document(str(path))
    assert (doc.meta.title, doc.meta.publisher, doc.meta.published) == ("Camps", "Example Wire", "2025-07-15")
    claims = extract_document(doc)
    assert [c.value for c in claims] == [30000]
    assert all(doc.raw[c.start : c.end] == c.text for c in claims)
    assert "published" not in doc.view and "Camps" not in doc.view  # the front matter is masked


def test_nul_bytes_anywhere_are_refused(cli, tmp_path):
    tail = (EN_BODY * 4000).encode() + b"\x00\x01binary"
    assert tail.index(b"\x00") > 65536
    refused(cli, tmp_path, "tail.txt", tail, "binary")
    refused(cli, tmp_path, "tail_ar.txt", (AR_BODY * 3000).encode() + b"\x00", "binary")


ENTITY_CASES = [
    ("<p>The toll rose to 1{x}3 people.</p>", "en"),
    ("<p>ارتفعت الحصيلة إلى 1{x}3 قتيلا.</p>", "ar"),
]


@pytest.mark.parametrize(("template", "lang"), ENTITY_CASES)
@pytest.mark.parametrize("written", ["\u202e", "&#x202E;", "&#8238;", "&#X202e;"])
@pytest.mark.parametrize("ext", ["html", "md"])
def test_bidi_override_inside_a_figure_raw_or_as_entity(template, lang, written, ext):
    text = template.format(x=written)
    if ext == "md":
        text = text.replace("<p>", "").replace("</p>", "\n")
    result = check_documents([parse_document(text, f"figure.{ext}")])
    found = [f for f in result.findings if f.check == "hidden_characters"]
    assert len(found) == 1, (text, result.findings)
    assert found[0].level == "error" and "U+202E" in found[0].message


@pytest.mark.parametrize("written", ["&rlm;", "&#x200F;", "\u200f"])
def test_zero_width_mark_as_entity_is_a_warning(written):
    text = f"<p>Some 4{written}5 families left.</p>"
    found = [f for f in check_documents([parse_document(text, "w.html")]).findings]
    assert [(f.check, f.level) for f in found] == [("hidden_characters", "warning")]


@pytest.mark.parametrize("ext", ["html", "md"])
def test_visible_entities_in_figures_stay_quiet(ext):
    text = "About 30&nbsp;000 people and 1&#44;200 families left; 40&#x25; of them returned.\n"
    doc = parse_document(text if ext == "md" else f"<p>{text}</p>", f"quiet.{ext}")
    claims = extract_document(doc)
    assert [c.value for c in claims][:2] == [30000, 1200]
    assert not [f for f in check_documents([doc]).findings if f.check == "hidden_characters"]
