"""Formats CI systems read: ``sarif`` (SARIF 2.1.0), ``junit`` (JUnit XML), ``github`` (workflow
commands plus the step summary) and ``line`` (``path:line:col: level check: message``).

Locations come from the claims' offsets in ``Document.raw`` (the text as read): lines and columns are
1-based and count Unicode code points. A finding is placed at its first claim in a checked document;
its other claims are related locations. Options (all optional): ``fail_on`` (junit failures; default
``error``), ``max_warnings``, ``accepted_reasons`` (fingerprint -> reason, for SARIF suppressions).
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from factcheck.io import json_text

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note", "none": "none"}
GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
GITHUB_CAP = 10  #: annotations of each kind GitHub shows for one step

RULES = {
    "reference": "A figure disagrees with a desk reference figure under claims/.",
    "cross_source": "A figure disagrees with the same quantity reported by another source.",
    "restated": "An article states one quantity twice with different values.",
    "change": "One source gives a quantity at two times: a change, not an error.",
    "suppression": "A factcheck: ignore directive that silences nothing (no reason, or an unknown check).",
}


def rule_description(check: str) -> str:
    """What a check reports: the comparison checks above, the in-article checks from their registry
    (``compare/checks.toml``)."""
    if check in RULES:
        return RULES[check]
    from factcheck.compare.checks import descriptions

    return descriptions().get(check, f"factcheck check '{check}'")


@dataclass(frozen=True, slots=True)
class Place:
    """Where a claim (or directive) stands in a checked file."""

    path: str  #: as shown: relative to the working folder when inside it, with forward slashes
    line: int
    col: int
    end_line: int
    end_col: int  #: column just after the last character
    text: str


def display_path(path: str) -> str:
    if path in ("-", ""):
        return "<stdin>"
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            return p.as_posix()
    return p.as_posix().removeprefix("./")


def position(raw: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset`` in ``raw``, columns in code points."""
    offset = max(0, min(offset, len(raw)))
    line = raw.count("\n", 0, offset) + 1
    col = offset - (raw.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _place(doc, start: int, end: int) -> Place:
    line, col = position(doc.raw, start)
    end_line, end_col = position(doc.raw, max(start, end))
    return Place(display_path(doc.path), line, col, end_line, end_col, doc.raw[start:end])


def locate(result: Any, finding: Any, claims: dict | None = None) -> list[Place]:
    """The places of a finding's claims in the checked documents, in claim order (``claims``: the
    result's claims by id, when the caller has them at hand)."""
    docs = {d.id: d for d in result.documents}
    if claims is None:
        claims = {c.id: c for c in result.claims}
    out = []
    for cid in finding.claims:
        c = claims.get(cid)
        if c is not None and c.doc in docs:
            out.append(_place(docs[c.doc], c.start, c.end))
    details = dict(finding.details)
    if not out and details.get("doc") in docs:
        out.append(_place(docs[details["doc"]], int(details.get("start", 0)), int(details.get("end", 0))))
    return out


def _others(result: Any, finding: Any) -> list[str]:
    """The claims of a finding outside the checked documents (reference figures, ledger), as text."""
    docs = {d.id for d in result.documents}
    consulted = {c.id: c for c in getattr(result, "consulted", [])}
    out = []
    for cid in finding.claims:
        c = consulted.get(cid)
        if c is not None and c.doc not in docs:
            out.append(f"{c.doc.removeprefix('ref:')}: {c.text}")
    return out


def _ordered(result: Any, findings: list, index: dict) -> list:
    """Errors first, then warnings, then info; within a level by file and position."""
    rank = {"error": 0, "warning": 1, "info": 2, "none": 3}

    def key(f: Any) -> tuple:
        places = locate(result, f, index)
        where = (places[0].path, places[0].line, places[0].col) if places else ("~", 0, 0)
        return (rank.get(f.level, 9), *where, f.check, f.id)

    return sorted(findings, key=key)


# ---------------------------------------------------------------- SARIF


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("factcheck")
    except Exception:
        return "0"


def _location(place: Place, message: str | None = None, index: int | None = None) -> dict:
    p = Path(place.path)
    artifact: dict[str, Any]
    if place.path == "<stdin>":
        artifact = {"uri": "stdin"}
    elif p.is_absolute():
        artifact = {"uri": p.as_uri()}
    else:
        artifact = {"uri": quote(place.path), "uriBaseId": "SRCROOT"}
    loc: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": artifact,
            "region": {
                "startLine": place.line,
                "startColumn": place.col,
                "endLine": place.end_line,
                "endColumn": place.end_col,
                "snippet": {"text": place.text},
            },
        }
    }
    if index is not None:
        loc["id"] = index
    if message:
        loc["message"] = {"text": message}
    return loc


def _sarif_result(
    result: Any, f: Any, rule_index: dict[str, int], suppression: dict | None, index: dict
) -> dict:
    places = locate(result, f, index)
    out: dict[str, Any] = {
        "ruleId": f.check,
        "ruleIndex": rule_index[f.check],
        "level": SARIF_LEVEL.get(f.level, "warning"),
        "message": {"text": f"{f.message}\n{f.explanation}"},
        "partialFingerprints": {"factcheckFinding/v1": f.id},
        "properties": {"verdict": f.verdict, "factcheckLevel": f.level, "claims": list(f.claims)},
    }
    if places:
        out["locations"] = [_location(places[0])]
    related = [_location(p, "related claim", i) for i, p in enumerate(places[1:], 1)]
    start = len(related) + 1
    related += [{"id": start + i, "message": {"text": text}} for i, text in enumerate(_others(result, f))]
    if related:
        out["relatedLocations"] = related
    if suppression:
        out["suppressions"] = [suppression]
    return out


def render_sarif(result: Any, *, color: bool = False, options: dict | None = None) -> str:
    index = {c.id: c for c in result.claims}
    options = options or {}
    reasons = options.get("accepted_reasons") or {}
    shown = _ordered(result, list(result.findings), index)
    entries: list[tuple[Any, dict | None]] = [(f, None) for f in shown]
    for f, why in getattr(result, "suppressed", []):
        entries.append((f, {"kind": "inSource", "justification": why or "suppressed in the article"}))
    for f in getattr(result, "accepted", []):
        why = reasons.get(f.id) or "accepted in the accepted-findings file"
        entries.append((f, {"kind": "external", "justification": why}))
    checks = sorted({f.check for f, _ in entries})
    rule_index = {c: i for i, c in enumerate(checks)}
    rules = [
        {
            "id": c,
            "name": "".join(w.capitalize() for w in c.split("_")),
            "shortDescription": {"text": rule_description(c)},
        }
        for c in checks
    ]
    sarif = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "version": _version(),
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {"SRCROOT": {"uri": Path.cwd().resolve().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": [_sarif_result(result, f, rule_index, s, index) for f, s in entries],
            }
        ],
    }
    return json_text(sarif, indent=2) + "\n"


# ---------------------------------------------------------------- JUnit


def render_junit(result: Any, *, color: bool = False, options: dict | None = None) -> str:
    index = {c.id: c for c in result.claims}
    from factcheck.gate import at_or_above

    options = options or {}
    fail_on = options.get("fail_on") or "error"
    max_warnings = options.get("max_warnings")
    suites: dict[str, ET.Element] = {}
    counts: dict[str, dict[str, int]] = {}
    root = ET.Element("testsuites", name="factcheck")

    def suite(name: str) -> ET.Element:
        if name not in suites:
            suites[name] = ET.SubElement(root, "testsuite", name=name)
            counts[name] = {"tests": 0, "failures": 0, "skipped": 0}
        return suites[name]

    def case(suite_name: str, classname: str, name: str) -> ET.Element:
        parent = suite(suite_name)
        counts[suite_name]["tests"] += 1
        return ET.SubElement(parent, "testcase", classname=classname, name=name, time="0")

    per_doc: dict[str, int] = {}
    for c in result.claims:
        per_doc[c.doc] = per_doc.get(c.doc, 0) + 1
    for doc in result.documents:
        path = display_path(doc.path)
        tc = case(path, path, "document")
        ET.SubElement(tc, "system-out").text = f"{per_doc.get(doc.id, 0)} claims checked in {path}"

    def finding_case(f: Any, skipped: str | None) -> None:
        places = locate(result, f, index)
        path = places[0].path if places else "factcheck"
        where = f"{places[0].path}:{places[0].line}:{places[0].col}" if places else path
        tc = case(path, path, f"{f.check} [{f.id}]: {f.message}")
        body = f"{where}: {f.level} {f.check}: {f.message}\n{f.explanation}"
        if skipped is not None:
            ET.SubElement(tc, "skipped", message=skipped)
            counts[path]["skipped"] += 1
        elif at_or_above(f.level, fail_on):
            ET.SubElement(tc, "failure", message=f.message, type=f.level).text = body
            counts[path]["failures"] += 1
        else:
            ET.SubElement(tc, "system-out").text = body

    for f in _ordered(result, list(result.findings), index):
        finding_case(f, None)
    for f, why in getattr(result, "suppressed", []):
        finding_case(f, f"suppressed in the article: {why}")
    for f in getattr(result, "accepted", []):
        finding_case(f, "accepted in the accepted-findings file")
    if max_warnings is not None:
        warnings = sum(f.level == "warning" for f in result.findings)
        tc = case("factcheck", "factcheck.gate", f"at most {max_warnings} warnings")
        if warnings > max_warnings:
            text = f"{warnings} warnings, more than --max-warnings {max_warnings}"
            ET.SubElement(tc, "failure", message=text, type="max_warnings").text = text
            counts["factcheck"]["failures"] += 1
    total = {"tests": 0, "failures": 0, "skipped": 0}
    for name, el in suites.items():
        for key, n in counts[name].items():
            el.set(key, str(n))
            total[key] += n
        el.set("errors", "0")
        el.set("time", "0")
    root.set("tests", str(total["tests"]))
    root.set("failures", str(total["failures"]))
    root.set("errors", "0")
    root.set("skipped", str(total["skipped"]))
    _xml_safe(root)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# ---------------------------------------------------------------- GitHub workflow commands


def _escape_data(text: str) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    # other control characters (a terminal escape in a file name) are shown, not obeyed, by the log
    return _LINE_BREAKING.sub(lambda m: f"%{ord(m[0]):02X}" if ord(m[0]) < 0x100 else m[0], text)


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _summary_markdown(result: Any) -> str:
    index = {c.id: c for c in result.claims}
    from factcheck.report import RENDERERS, render

    if "md" in RENDERERS:
        return render(result, "md")
    lines = ["## factcheck", ""]
    counts = {lv: sum(f.level == lv for f in result.findings) for lv in ("error", "warning", "info")}
    lines.append(
        f"{len(result.claims)} claims in {len(result.documents)} document(s): "
        f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info"
    )
    lines.append("")
    if result.findings:
        lines += ["| level | check | where | finding |", "| --- | --- | --- | --- |"]
        for f in _ordered(result, list(result.findings), index):
            places = locate(result, f, index)
            where = f"`{places[0].path}:{places[0].line}`" if places else ""
            text = f"{f.message}<br>{f.explanation}".replace("|", "\\|").replace("\n", " ")
            lines.append(f"| {f.level} | {f.check} | {where} | {text} |")
        lines.append("")
    accepted = len(getattr(result, "accepted", []))
    if accepted:
        from factcheck.baseline import not_shown_line

        lines += [not_shown_line(accepted), ""]
    suppressed = getattr(result, "suppressed", [])
    if suppressed:
        lines.append(f"{len(suppressed)} finding(s) suppressed in the article:")
        lines += [f"- ~~{f.message}~~ ({why})" for f, why in suppressed]
        lines.append("")
    return "\n".join(lines) + "\n"


def render_github(result: Any, *, color: bool = False, options: dict | None = None) -> str:
    index = {c.id: c for c in result.claims}
    out: list[str] = []
    shown = {"error": 0, "warning": 0, "notice": 0}
    hidden = {"error": 0, "warning": 0, "notice": 0}
    for f in _ordered(result, list(result.findings), index):
        kind = GITHUB_COMMAND.get(f.level)
        if kind is None:
            continue
        if shown[kind] >= GITHUB_CAP:
            hidden[kind] += 1
            continue
        shown[kind] += 1
        props = []
        places = locate(result, f, index)
        if places:
            p = places[0]
            props += [f"file={_escape_property(p.path)}", f"line={p.line}", f"col={p.col}"]
            if p.end_line == p.line:
                props.append(f"endColumn={p.end_col}")
            else:
                props.append(f"endLine={p.end_line}")
        props.append(f"title={_escape_property(f'factcheck {f.check}')}")
        message = _escape_data(f"{f.message}\n{f.explanation}")
        out.append(f"::{kind} {','.join(props)}::{message}")
    for kind, n in hidden.items():
        if n:
            out.append(
                f"{n} more {kind}{'s' if n != 1 else ''} not shown (GitHub shows {GITHUB_CAP} per step)"
            )
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        try:
            with open(summary, "a", encoding="utf-8") as fh:
                fh.write(_summary_markdown(result))
        except OSError as exc:
            from factcheck.errors import InputError

            raise InputError(f"cannot append the step summary: {exc.strerror or exc}", path=summary) from None
    return "\n".join(out) + ("\n" if out else "")


# ---------------------------------------------------------------- one line per finding


def render_line(result: Any, *, color: bool = False, options: dict | None = None) -> str:
    index = {c.id: c for c in result.claims}
    out = []
    for f in _ordered(result, list(result.findings), index):
        places = locate(result, f, index)
        where = f"{places[0].path}:{places[0].line}:{places[0].col}" if places else "factcheck"
        out.append(_one_line(f"{where}: {f.level} {f.check}: {f.message}"))
    return "\n".join(out) + ("\n" if out else "")


_LINE_BREAKING = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _one_line(text: str) -> str:
    """A report line that stays one line: a publisher's raw newline, carriage return or terminal escape
    in a message is shown escaped (``\\n``, ``\\x1b``), so a CI log never reads a line of its own
    (``::error::...``) out of article text."""
    return _LINE_BREAKING.sub(lambda m: ascii(m[0])[1:-1], text)


#: characters XML 1.0 cannot hold at all, even escaped
_NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_safe(root: ET.Element) -> None:
    """Replace what XML 1.0 cannot hold (control characters, lone surrogates) in every name, attribute
    and text of ``root`` by a visible escape (``\\x01``), so the JUnit file always parses."""

    def fix(text: str | None) -> str | None:
        if text is None or _NOT_XML.search(text) is None:
            return text
        return _NOT_XML.sub(lambda m: ascii(m[0])[1:-1], text)

    for el in root.iter():
        el.text = fix(el.text)
        el.tail = fix(el.tail)
        for key, value in el.attrib.items():
            el.attrib[key] = fix(value)
