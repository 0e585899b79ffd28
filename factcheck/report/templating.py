"""Jinja rendering of the reports: ``text`` (terminal), ``md`` (GitHub/GitLab) and ``html`` (desk).

One environment per kind of output, over the package's ``templates/`` and, in front of it, an optional
user folder (``templates =`` in ``[tool.factcheck]``, relative to the configuration file, or
``options["templates"]``) whose files override the package's by name. Undefined names are errors
(StrictUndefined). Document text is only ever *data* given to a template, never a template itself.

Every value a template prints passes through the environment's ``finalize``: HTML escapes it and shows
bidi embedding/override/isolate controls as visible markers; Markdown backslash-escapes what Markdown
would read as syntax; text drops terminal control characters and shows bidi controls as markers. A
template marks its own markup as already safe with the filters below (they return safe strings).
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Jinja and MarkupSafe are imported when a template is rendered, not before
    from markupsafe import Markup

PACKAGE_TEMPLATES = Path(__file__).parent / "templates"
TEMPLATES = {"text": "report.txt.j2", "md": "report.md.j2", "html": "report.html.j2"}

#: bidi embeddings, overrides and isolates: in document text they could reorder what the reader sees
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
#: what a report in HTML shows as an inert marker: bidi controls and control characters (an escape
#: sequence in an article would otherwise reach whoever reads the file in a terminal)
_HTML_MARKED = re.compile("[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")  # a value never breaks a line
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~#!&$])")
_ANSI = {
    "error": "\033[1;31m",
    "warning": "\033[33m",
    "info": "\033[36m",
    "none": "\033[2m",
    "bold": "\033[1m",
}
_RESET = "\033[0m"

_ENVS: dict[tuple[str, str | None], Any] = {}


def bidi_name(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def _marker(ch: str) -> str:
    return f"⟦{bidi_name(ch)}⟧"


# ---------------------------------------------------------------- per-kind escaping


def _html_finalize(value: Any) -> Any:
    """Shows bidi controls as markers; escaping itself is Jinja's autoescape (done in C)."""
    if value is None:
        return ""
    if type(value) is str and _HTML_MARKED.search(value) is not None:
        return html_text(value)
    return value


def _html_marker(m: re.Match[str]) -> str:
    kind = "bidi control" if BIDI_CONTROLS.match(m[0]) else "control character"
    return f'<span class="bidi-ctl" title="{kind} {bidi_name(m[0])}">{_marker(m[0])}</span>'


def html_text(value: Any) -> Markup:
    """Escaped HTML with bidi controls and control characters shown as visible, inert markers."""
    from markupsafe import Markup, escape

    text = escape(value)
    if _HTML_MARKED.search(text) is None:
        return text
    return Markup(_HTML_MARKED.sub(_html_marker, str(text)))


class MdSafe(str):
    """Markdown written by a template filter: printed as is."""

    __slots__ = ()


def md_text(value: Any) -> MdSafe:
    """Literal text in Markdown: one line, syntax characters backslash-escaped, bidi controls shown."""
    text = " ".join(str(value).split())
    text = BIDI_CONTROLS.sub(lambda m: _marker(m[0]), text)
    text = _TERMINAL_CONTROLS.sub("", text)
    return MdSafe(_MD_SPECIAL.sub(r"\\\1", text))


def _md_finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, MdSafe) or not isinstance(value, str):
        return value
    return md_text(value)


class TextSafe(str):
    """Terminal text written by a template filter (colour codes, bidi isolates): printed as is."""

    __slots__ = ()


def terminal_text(value: Any) -> str:
    text = BIDI_CONTROLS.sub(lambda m: _marker(m[0]), str(value))
    return _TERMINAL_CONTROLS.sub(lambda m: f"\\x{ord(m[0]):02x}", text)


def _text_finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, TextSafe) or not isinstance(value, str):
        return value
    return terminal_text(value)


# ---------------------------------------------------------------- filters


def _html_num(value: Any) -> Any:
    """A figure that keeps its order in any paragraph direction."""
    from markupsafe import Markup

    return Markup(f'<bdi dir="ltr" class="num">{html_text(value)}</bdi>')


def _html_mixed(value: Any) -> Any:
    """English text that quotes Arabic names: each Arabic run isolated, so "(التقارير السنوية, 2025-07)"
    keeps its comma and date where an English reader expects them."""
    from markupsafe import Markup

    text = str(html_text(value))
    return Markup(_rtl_run().sub(lambda m: f"<bdi>{m[0]}</bdi>", text))


@cache
def _rtl_run() -> re.Pattern[str]:
    """A run of right-to-left script (``scripts.toml``), words joined by spaces, tatweel, ()/-."""
    from factcheck.text.scripts import char_class, get

    s = get()
    letters = f"[{char_class(s.rtl_blocks())}]+"
    joins = "".join(char_class(x.tatweel) for x in s.by_name.values() if x.rtl)
    return re.compile(rf"{letters}(?:[\s{joins}()/-]+{letters})*")


def _html_auto(value: Any) -> Any:
    """Text of unknown direction: an isolate whose direction comes from its first strong letter."""
    from markupsafe import Markup

    return Markup(f'<bdi dir="auto">{html_text(value)}</bdi>')


def _md_cell(value: Any) -> MdSafe:
    return md_text(value if value not in (None, "") else "–")


def _text_isolate(value: Any) -> TextSafe:
    """First-strong isolate for the terminal: Arabic cells stay in place in an English line."""
    return TextSafe("\u2068" + terminal_text(value) + "\u2069")


def _paint(context: Any, value: Any, style: str) -> TextSafe:
    """Colour for the terminal, when the context's ``color`` is on."""
    text = terminal_text(value)
    if not context.get("color") or style not in _ANSI:
        return TextSafe(text)
    return TextSafe(_ANSI[style] + text + _RESET)


def _pad(value: Any, width: int, right: bool = False) -> str:
    text = str(value)
    fill = " " * max(0, width - len(text))
    return fill + text if right else text + fill


# ---------------------------------------------------------------- environment


def user_templates(options: dict | None = None) -> Path | None:
    """The user template folder: ``options["templates"]``, else config ``templates``, else None."""
    from factcheck.errors import ConfigError

    options = options or {}
    if options.get("templates"):
        folder = Path(options["templates"])
        where = str(folder)
    else:
        try:
            from factcheck.config import load_config
        except ImportError:  # pragma: no cover - older trees: read the section directly
            load_config = None
        if load_config is not None:
            config = load_config()
            if config.templates is None:
                return None
            folder, where = config.templates, str(config.path)
        else:
            from factcheck.ledger.store import _find_config

            found = _find_config(Path.cwd().resolve())
            if found is None or "templates" not in found[1]:
                return None
            value = found[1]["templates"]
            if not isinstance(value, str) or not value:
                raise ConfigError("'templates' must be a folder path", path=str(found[0]))
            folder, where = found[0].parent / value, str(found[0])
    if not folder.is_dir():
        raise ConfigError(f"template folder not found: {folder}", path=where)
    return folder


def environment(kind: str, folder: Path | None = None):
    """The Jinja environment for ``kind`` (``text``, ``md`` or ``html``), cached per user folder."""
    key = (kind, str(folder) if folder else None)
    env = _ENVS.get(key)
    if env is not None:
        return env
    import jinja2

    from factcheck.cache import jinja_bytecode_cache

    search = [str(folder), str(PACKAGE_TEMPLATES)] if folder else [str(PACKAGE_TEMPLATES)]
    finalize = {"html": _html_finalize, "md": _md_finalize, "text": _text_finalize}[kind]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(search),
        autoescape=kind == "html",
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        bytecode_cache=jinja_bytecode_cache(),
    )
    env.filters["pad"] = _pad
    if kind == "html":
        env.filters.update(num=_html_num, mixed=_html_mixed, auto=_html_auto, literal=html_text)
    elif kind == "md":
        env.filters.update(cell=_md_cell, literal=md_text)
    else:
        env.filters.update(isolate=_text_isolate, literal=terminal_text, paint=jinja2.pass_context(_paint))
    _ENVS[key] = env
    return env


def render_format(kind: str, result: Any, *, color: bool = False, options: dict | None = None) -> str:
    """Render ``result`` with the ``kind`` template (``options["template"]`` names another one)."""
    from factcheck.report.context import build_context

    options = dict(options or {})
    env = environment(kind, user_templates(options))
    context = build_context(result, options)
    color = bool(color) and not os.environ.get("NO_COLOR") and kind == "text"
    context["color"] = color
    name = options.get("template") or TEMPLATES[kind]
    return env.get_template(name).render(context)


def render_text(result: Any, *, color: bool = False, options: dict | None = None) -> str:
    return render_format("text", result, color=color, options=options)


def render_md(result: Any, *, color: bool = False, options: dict | None = None) -> str:
    return render_format("md", result, color=False, options=options)


def render_html(result: Any, *, color: bool = False, options: dict | None = None) -> str:
    return render_format("html", result, color=False, options=options)
