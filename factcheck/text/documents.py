"""Reading documents (plain text, Markdown with front matter, HTML) into :class:`Document`.

``Document.raw`` is the text as read; ``Document.view`` is a same-length copy with markup and
metadata masked, which is what the extractor reads. Offsets in one are offsets in the other.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from functools import cache

from factcheck.errors import InputError
from factcheck.model import DocumentMeta
from factcheck.text.dates import DateError, parse_date
from factcheck.text.masking import _NextChar, blank, html_view, markdown_view, mask_urls

MAX_BYTES = 20 * 1024 * 1024
_SEED_HEADER = re.compile(r"\A[\ufeff\s]*date\s+(\d{4}-\d{2}-\d{2})\s+(.+?)\s*[-–]\s*(.+?)\s*$", re.M)
#: the seed header is read in the first characters only (its regex backtracks on one long line)
_HEADER_SPAN = 1024


@cache
def _dateline() -> re.Pattern[str]:
    """A wire dateline opening the text, where the reporter filed from (not where the figures are):
    "BAGHDAD, Nov 14 (Tigris Wire) - ", "HASAKAH, Syria, Oct 6 - ", "GAZA (Outlet) - " (a date or an
    outlet is needed), or a place, a dash, the outlet and a colon as Arabic wires write it. Built once;
    the commas of every script come from ``text/scripts.toml``."""
    from factcheck.text import scripts

    stop = r"\s\d:." + scripts.char_class(scripts.get().commas) + r"\-–—"
    return re.compile(
        r"\A\s{0,200}+(?P<head>(?P<place>[A-Z][A-Z'.-]{1,30}+(?:[ /][A-Z][A-Z'.-]{1,30}+){0,3}+)"
        r"(?:, [A-Z][a-z]{2,15}+(?=,))?(?P<date>, [A-Z][a-z]{2,8}+\.? \d{1,2}+)?"
        r"(?P<outlet> \([^()\n]{1,60}+\))? [-–—] )"
        rf"|\A\s{{0,200}}+(?P<ahead>(?P<aplace>[^{stop}]{{2,20}}+(?: [^{stop}]{{2,20}}+)?) [-–—] "
        r"[^:\n]{2,60}+: ?)"
    )


#: front matter after a byte-order mark (read as a space), with any line ending (\n, \r\n, \r)
_FRONT_MATTER = re.compile(
    r"\A[\ufeff ]?---[ \t]*(?:\r\n?|\n)(.*?(?:\r\n?|\n))?---[ \t]*(?:\r\n?|\n|\Z)", re.S
)
_HTML_HINT = re.compile(r"\A\s*(?:<!doctype html|<html|<head|<body|<article|<p[\s>]|<div[\s>])", re.I)
_META_START = re.compile(r"<meta\b", re.I)
_ATTR = re.compile(r"""(?<![a-zA-Z:_-])([a-zA-Z:_-]++)\s*+=\s*+(?:"([^"]*+)"|'([^']*+)'|([^\s>]++))""")
_TITLE_START = re.compile(r"<title", re.I)
_TITLE_END = re.compile(r"</title>", re.I)
_LINE_BREAK = re.compile(r"\r\n?|\n")
#: front matter: at most this many values once aliases are expanded ("billion laughs" refused)
MAX_YAML_NODES = 10_000
#: front-matter fields read as text
_TEXT_FIELDS = ("title", "source", "publisher", "url", "id")
_HTML_LANG = re.compile(r"<html\b[^>]*\blang\s*=\s*[\"']?([a-zA-Z-]+)", re.I)
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True, slots=True)
class Document:
    """A document as read: its id, path, raw text, masked view, metadata and language."""

    id: str
    path: str
    raw: str
    view: str
    format: str
    meta: DocumentMeta = field(default_factory=DocumentMeta)

    @property
    def lang(self) -> str:
        return self.meta.lang or detect_lang(self.view)


def detect_lang(text: str) -> str:
    """``ar`` when Arabic letters outnumber Latin ones, else ``en``."""
    from factcheck.lexicon import script_pattern

    sample = text[:200_000]
    arabic = script_pattern("ar", "blocks")  # the script's Unicode blocks (scripts.toml)
    return "ar" if len(arabic.findall(sample)) > len(_LATIN.findall(sample)) else "en"


def _check_bytes(data: bytes, name: str) -> str:
    if len(data) > MAX_BYTES:
        raise InputError(
            f"file too large ({len(data) // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)",
            path=name,
        )
    if b"\x00" in data:
        raise InputError("binary file (NUL bytes), not a text document", path=name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 (byte {exc.start}); save the file as UTF-8", path=name) from None
    if text.startswith("\ufeff"):
        text = " " + text[1:]  # keep offsets: the BOM becomes a space
    return text


def guess_format(path: str, text: str) -> str:
    """``html``, ``md`` or ``text`` from the file name, else from the content."""
    lower = path.lower()
    if lower.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if lower.endswith((".md", ".markdown", ".mdown")):
        return "md"
    if _HTML_HINT.match(text):
        return "html"
    if _FRONT_MATTER.match(text):
        return "md"
    return "text"


def _line_of(text: str, offset: int) -> int:
    """1-based line of ``offset`` in ``text`` (any line ending)."""
    return len(_LINE_BREAK.findall(text, 0, offset)) + 1


def _one_line(message: str) -> str:
    return " ".join(str(message).split())


def _front_matter(text: str, path: str) -> tuple[dict, int, dict[str, int]]:
    """The front matter's fields, where the body starts, and the line of each field."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0, {}
    data, lines = _load_yaml(m.group(1) or "", path)
    return data, m.end(), lines


@cache
def _yaml_loader():
    import yaml  # lazily: only Markdown with front matter needs it

    class Loader(yaml.SafeLoader):
        """Safe YAML whose timestamps stay text: :func:`parse_date` reads dates (with a line)."""

    Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)
    return Loader


def _load_yaml(source: str, path: str) -> tuple[dict, dict[str, int]]:
    """Front matter (``source``, starting on line 2) as a mapping; one-line errors with a line.

    Aliases are expanded at most :data:`MAX_YAML_NODES` values deep in total, so a "billion
    laughs" bomb is refused before it is built; strings with a lone surrogate are refused.
    """
    import yaml

    loader = None
    try:
        loader = _yaml_loader()(source)  # the reader refuses control characters here
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        _check_nodes(node, path)
        data = loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line if mark is not None else 0) + 2
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"invalid YAML front matter: {_one_line(problem)}", path=path, line=line) from None
    except RecursionError:
        raise InputError("invalid YAML front matter: nested too deeply", path=path, line=2) from None
    finally:
        if loader is not None:
            loader.dispose()
    if not isinstance(data, dict):
        raise InputError("front matter is not a mapping of fields", path=path, line=1)
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                lines.setdefault(key.value, value.start_mark.line + 2)
    return data, lines


def _check_nodes(root, path: str) -> None:
    """Refuse alias expansion past the budget and lone surrogates, before anything is built."""
    import yaml

    seen = 0
    stack = [root]
    while stack:
        node = stack.pop()
        seen += 1
        if seen > MAX_YAML_NODES:
            raise InputError(
                f"YAML front matter expands to more than {MAX_YAML_NODES} values "
                "(anchors and aliases used as a bomb?)",
                path=path,
                line=node.start_mark.line + 2,
            )
        if isinstance(node, yaml.ScalarNode):
            if _SURROGATE.search(node.value):
                raise InputError(
                    "YAML front matter has a lone surrogate escape (not a character)",
                    path=path,
                    line=node.start_mark.line + 2,
                )
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _text_field(data: dict, key: str, path: str, lines: dict[str, int]) -> str | None:
    """A front-matter field read as text: numbers become text, lists and mappings are refused."""
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    kind = "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else "not text"
    if isinstance(value, bool):
        kind = "a yes/no value (quote it)"
    line = lines.get(key, 1)
    raise InputError(f"front matter field '{key}' is {kind}, expected text", path=path, line=line)


def _date(value: object, path: str, line: int | None, what: str = "published") -> str | None:
    try:
        return parse_date(value)
    except DateError as exc:
        raise InputError(f"{what}: {exc}", path=path, line=line) from None


def _html_meta(text: str) -> dict[str, tuple[str, int]]:
    """``<meta>`` tags of the head: key -> (content, offset of the tag)."""
    found: dict[str, tuple[str, int]] = {}
    head = text[:200_000]
    gt = _NextChar(head, ">")
    pos = 0
    while (m := _META_START.search(head, pos)) is not None:
        close = gt.at(m.end())
        if close == -1:
            break  # no '>' after this tag, nor after any later one
        tag = head[m.start() : close + 1]
        attrs = {a.lower(): (b or c or d) for a, b, c, d in _ATTR.findall(tag)}
        key = (attrs.get("property") or attrs.get("name") or "").lower()
        if key and "content" in attrs:
            found.setdefault(key, (attrs["content"], m.start()))
        pos = close + 1
    return found


def _html_title(text: str) -> str | None:
    head = text[:200_000]
    start = _TITLE_START.search(head)
    if start is None:
        return None
    close = head.find(">", start.end())
    if close == -1:
        return None
    end = _TITLE_END.search(head, close + 1)
    return head[close + 1 : end.start()] if end else None


def parse_document(
    raw: str,
    path: str = "-",
    *,
    fmt: str | None = None,
    lang: str | None = None,
    source: str | None = None,
    published: str | None = None,
) -> Document:
    """Build a :class:`Document` from text already in memory."""
    import html as html_lib

    fmt = fmt or guess_format(path, raw)
    meta: dict[str, str | None] = {}
    doc_id = path if path != "-" else "stdin"
    date: object = None  # the document's own date, and the line it is on
    date_line: int | None = None
    if fmt == "html":
        view = html_view(raw)
        tags = _html_meta(raw)
        title = _html_title(raw)
        lang_m = _HTML_LANG.search(raw[:5000])
        when = tags.get("article:published_time") or tags.get("date")
        if when:
            date, date_line = when[0], _line_of(raw, when[1])
        meta = {
            "title": html_lib.unescape(title).strip() if title is not None else _tag(tags, "og:title"),
            "publisher": _tag(tags, "og:site_name"),
            "url": _tag(tags, "og:url"),
            "lang": (lang_m.group(1)[:2].lower() if lang_m else None),
        }
    elif fmt == "md":
        data, body, lines = _front_matter(raw, path)
        view = markdown_view(raw, body)
        key = "published" if data.get("published") else "date"
        date, date_line = data.get(key), lines.get(key)
        texts = {k: _text_field(data, k, path, lines) for k in _TEXT_FIELDS}
        meta = {
            "title": texts["title"],
            "publisher": texts["source"] or texts["publisher"],
            "url": texts["url"],
            "lang": data.get("lang") if isinstance(data.get("lang"), str) else None,
        }
        if texts["id"]:
            doc_id = texts["id"]
    else:
        view = mask_urls(raw)
    head = view[:_HEADER_SPAN].replace("\r", "\n")  # a lone CR ends the header line too
    header = _SEED_HEADER.match(head)
    if header and header.end() == len(head) and len(view) > len(head):
        header = None  # the header line runs past the span read: not a header
    if header:
        if not date:
            date, date_line = header.group(1), _line_of(raw, header.start(1))
        meta["publisher"] = meta.get("publisher") or header.group(2).strip()
        meta["dateline"] = header.group(3).strip()
        view = blank(view[: header.end()]) + view[header.end() :]
    else:
        view, meta["dateline"] = _without_dateline(view)
    if lang and lang != "auto":
        meta["lang"] = lang
    elif meta.get("lang") not in _langs():
        meta["lang"] = None
    if source:
        meta["publisher"] = source
    if published:
        meta["published"] = _date(published, path, None, "--published")
    else:
        meta["published"] = _date(date, path, date_line)
    clean = {k: (str(v) if v is not None else None) for k, v in meta.items()}
    return Document(doc_id, path, raw, view, fmt, DocumentMeta(**clean))


def _without_dateline(view: str) -> tuple[str, str | None]:
    """The text with its opening wire dateline blanked (offsets kept), and the dateline's place. A
    dateline says where the story was filed: its place is no place of the figures after it."""
    m = _dateline().match(view[:_HEADER_SPAN])
    if m is None or (m.group("head") and not (m.group("date") or m.group("outlet"))):
        return view, None
    head = "head" if m.group("head") else "ahead"
    a, b = m.span(head)
    return view[:a] + blank(view[a:b]) + view[b:], m.group("place" if head == "head" else "aplace")


def _tag(tags: dict[str, tuple[str, int]], key: str) -> str | None:
    found = tags.get(key)
    return found[0] if found else None


def read_document(
    path: str,
    *,
    lang: str | None = None,
    source: str | None = None,
    published: str | None = None,
    fmt: str | None = None,
) -> Document:
    """Read a file (or ``-`` for standard input) into a :class:`Document`; one-line errors."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        name = "<stdin>"
    else:
        name = path
        if os.path.isdir(path):
            raise InputError("is a folder, not a document", path=path)
        try:
            size = os.path.getsize(path)
            if size > MAX_BYTES:
                raise InputError(
                    f"file too large ({size // (1024 * 1024)} MB; the limit is "
                    f"{MAX_BYTES // (1024 * 1024)} MB)",
                    path=path,
                )
            with open(path, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except FileNotFoundError:
            raise InputError("no such file", path=path) from None
        except PermissionError:
            raise InputError("permission denied", path=path) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None
    text = _check_bytes(data, name)
    return parse_document(text, path, fmt=fmt, lang=lang, source=source, published=published)


def _langs() -> tuple[str, ...]:
    """The languages the lexicons know (a third one is a new data file)."""
    from factcheck.lexicon import LANGS

    return LANGS
