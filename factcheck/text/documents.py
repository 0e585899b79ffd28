"""Reading documents (plain text, Markdown with front matter, HTML) into :class:`Document`.

``Document.raw`` is the text as read; ``Document.view`` is a same-length copy with markup and
metadata masked, which is what the extractor reads. Offsets in one are offsets in the other.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field

from factcheck.errors import InputError
from factcheck.model import DocumentMeta
from factcheck.text.masking import blank, html_view, markdown_view, mask_urls

MAX_BYTES = 20 * 1024 * 1024
_SEED_HEADER = re.compile(r"\A[\ufeff\s]*date\s+(\d{4}-\d{2}-\d{2})\s+(.+?)\s*[-–]\s*(.+?)\s*$", re.M)
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
_HTML_HINT = re.compile(r"\A\s*(?:<!doctype html|<html|<head|<body|<article|<p[\s>]|<div[\s>])", re.I)
_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([a-zA-Z:_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_HTML_LANG = re.compile(r"<html\b[^>]*\blang\s*=\s*[\"']?([a-zA-Z-]+)", re.I)
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
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
    sample = text[:200_000]
    return "ar" if len(_ARABIC.findall(sample)) > len(_LATIN.findall(sample)) else "en"


def _check_bytes(data: bytes, name: str) -> str:
    if len(data) > MAX_BYTES:
        raise InputError(
            f"file too large ({len(data) // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)",
            path=name,
        )
    if b"\x00" in data[:65536]:
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


def _front_matter(text: str, path: str) -> tuple[dict, int]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    import yaml  # lazily: only Markdown with front matter needs it

    try:
        data = yaml.safe_load(m.group(1) or "") or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 2
        raise InputError(
            f"invalid YAML front matter: {getattr(exc, 'problem', exc)}", path=path, line=line
        ) from None
    if not isinstance(data, dict):
        raise InputError("front matter is not a mapping of fields", path=path, line=1)
    return data, m.end()


def _iso(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    m = re.match(r"(\d{4}-\d{2}-\d{2})", text)
    return m.group(1) if m else (text or None)


def _html_meta(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for tag in _META.findall(text[:200_000]):
        attrs = {a.lower(): (b or c or d) for a, b, c, d in _ATTR.findall(tag)}
        key = (attrs.get("property") or attrs.get("name") or "").lower()
        if key and "content" in attrs:
            found.setdefault(key, attrs["content"])
    return found


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
    if fmt == "html":
        view = html_view(raw)
        tags = _html_meta(raw)
        title = _TITLE.search(raw[:200_000])
        lang_m = _HTML_LANG.search(raw[:5000])
        meta = {
            "title": html_lib.unescape(title.group(1)).strip() if title else tags.get("og:title"),
            "publisher": tags.get("og:site_name"),
            "published": _iso(tags.get("article:published_time") or tags.get("date")),
            "url": tags.get("og:url"),
            "lang": (lang_m.group(1)[:2].lower() if lang_m else None),
        }
    elif fmt == "md":
        data, body = _front_matter(raw, path)
        view = markdown_view(raw, body)
        meta = {
            "title": data.get("title"),
            "publisher": data.get("source") or data.get("publisher"),
            "published": _iso(data.get("published") or data.get("date")),
            "url": data.get("url"),
            "lang": data.get("lang"),
        }
        if data.get("id"):
            doc_id = str(data["id"])
    else:
        view = mask_urls(raw)
    header = _SEED_HEADER.match(view)
    if header:
        meta.setdefault("published", None)
        meta["published"] = meta.get("published") or header.group(1)
        meta["publisher"] = meta.get("publisher") or header.group(2).strip()
        meta["dateline"] = header.group(3).strip()
        view = blank(view[: header.end()]) + view[header.end() :]
    if lang and lang != "auto":
        meta["lang"] = lang
    elif meta.get("lang") not in ("ar", "en"):
        meta["lang"] = None
    if source:
        meta["publisher"] = source
    if published:
        meta["published"] = _iso(published)
    clean = {k: (str(v) if v is not None else None) for k, v in meta.items()}
    return Document(doc_id, path, raw, view, fmt, DocumentMeta(**clean))


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
