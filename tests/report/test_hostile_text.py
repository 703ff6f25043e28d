"""Reports escape scenario and save text for their format: markup in a label, a note or a
file name stays text, and a `|` never splits a table cell."""

from __future__ import annotations

import html.parser
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from game.cli.main import main
from game.report.compare import Team, compare_html, compare_markdown
from game.report.debrief import build_debrief
from game.report.escape import md
from game.report.render import to_html, to_markdown
from game.rules.ruleset import load_ruleset
from game.saves import capture
from game.sim.runner import play_game
from tests.conftest import ROOT

EXAMPLE = ROOT / "saves" / "historical-2019.brink.json"
HOSTILE = (
    '<script>alert(1)</script> <img src=x onerror="alert(2)"> '
    "[click](javascript:alert(3)) <javascript:alert(4)> a|b \\| &amp;"
)
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "div", "strong",
    "em", "table", "tr", "th", "td", "ul", "ol", "li", "blockquote", "span", "svg", "text",
    "polyline", "line", "circle", "path", "g", "rect", "thead", "tbody", "code",
}  # fmt: skip


URL_ATTRIBUTES = {"href", "src", "xlink:href", "action", "formaction", "srcset"}


class _Page(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def assert_safe_html(page: str) -> None:
    parser = _Page()
    parser.feed(page)
    for tag, attrs in parser.tags:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            assert name not in URL_ATTRIBUTES, (tag, name, value)  # no links at all
    assert "<script" not in page.lower() and "<img" not in page.lower()


def _unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)(?:\\\\)*\|", line))


def assert_safe_markdown(text: str) -> None:
    lowered = text.lower()
    assert "<script" not in lowered and "<img" not in lowered
    assert "<javascript:" not in lowered  # an autolink
    # As a Markdown viewer shows it (raw HTML allowed, as CommonMark does): no markup and
    # no link comes out of the data.
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    assert_safe_html(rendered)
    assert "<a " not in rendered
    # Every table keeps its shape: each row has as many cells as its header.
    header_cells = None
    for line in text.splitlines():
        if not line.startswith("|"):
            header_cells = None
            continue
        cells = _unescaped_pipes(line)
        if header_cells is None:
            header_cells = cells
        assert cells == header_cells, line


def _hostile_scenario(tmp_path: Path) -> Path:
    """The tiny scenario of docs/errors.md with markup in every label people read."""
    doc = (ROOT / "docs" / "errors.md").read_text()
    base = re.search(r"```yaml base\n(.*?)```", doc, re.S).group(1)  # type: ignore[union-attr]
    quoted = json.dumps(HOSTILE)  # a JSON string is a YAML string
    for plain in (
        "Tiny talks",
        "United States delegation",
        "Guard deployment",
        "No deployment",
        "About 6000 troops",
        "Fewer crossings",
        "Apprehensions",
        "It worked.",
        "Nothing changed.",
        "Stalemate",
        "Mike Pence",
    ):
        base = base.replace(plain, quoted)
    path = tmp_path / "hostile.yaml"
    path.write_text(base)
    return path


def test_hostile_scenario_text_is_escaped_in_every_report(tmp_path):
    ruleset = load_ruleset(_hostile_scenario(tmp_path))
    debriefs = []
    for seed in range(4):
        state = play_game(ruleset, seed, {"us": "random", "mexico": "random"})
        save = capture(state, {"us": "random", "mexico": "random"}, {"label": HOSTILE})
        debriefs.append(build_debrief(save, ruleset))
    for debrief in debriefs:
        markdown = to_markdown(debrief)
        assert "&lt;script&gt;" in markdown  # shown as text, not dropped
        assert_safe_markdown(markdown)
        assert_safe_html(to_html(debrief))
    teams = [Team(f"{HOSTILE} {i}", d) for i, d in enumerate(debriefs)]
    assert_safe_markdown(compare_markdown(teams))
    page = compare_html(teams)
    assert_safe_html(page)
    # The HTML class table keeps its columns although labels hold `|`.
    first_row = page.split("<tr>")[2].split("</tr>")[0]
    assert first_row.count("<td>") == 6


def test_hostile_save_note_and_file_name_through_the_cli(tmp_path, capsys):
    data = json.loads(EXAMPLE.read_text())
    data["moves"][0]["note"] = HOSTILE
    data["meta"]["label"] = HOSTILE
    save = tmp_path / "<img src=x onerror=alert(1)>|team.brink.json"
    save.write_text(json.dumps(data))
    assert main(["report", str(save)]) == 0
    markdown = capsys.readouterr().out
    assert "&lt;script&gt;" in markdown
    assert_safe_markdown(markdown)
    out = tmp_path / "debrief.html"
    assert main(["report", str(save), "-o", str(out)]) == 0
    assert_safe_html(out.read_text())
    assert main(["report", "--class", str(save), str(EXAMPLE)]) == 0
    assert_safe_markdown(capsys.readouterr().out)
    assert main(["report", "--class", str(save), str(EXAMPLE), "-o", str(out)]) == 0
    assert_safe_html(out.read_text())


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_markdown_escape_keeps_text_out_of_markup(text):
    escaped = md(text)
    assert "\n" not in escaped and "\r" not in escaped
    assert "<" not in escaped and "[" not in escaped.replace("\\[", "")
    assert _unescaped_pipes(f"| {escaped} |") == 2


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_report_file_gets_the_users_usual_permissions(tmp_path, umask):
    import os

    old = os.umask(umask)
    try:
        out = tmp_path / "debrief.html"
        assert main(["report", str(EXAMPLE), "-o", str(out)]) == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize(
    "target, message",
    [
        ("/dev/null", "not a regular file"),
        ("missing/debrief.md", "does not exist"),
        ("afile/debrief.md", "is not a folder"),
        ("", "is a folder"),
    ],
)
def test_report_refuses_targets_that_are_not_files(tmp_path, capsys, target, message):
    (tmp_path / "afile").write_text("x")
    path = target if target.startswith("/") else str(tmp_path / target)
    assert main(["report", str(EXAMPLE), "-o", path]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert Path("/dev/null").exists() and not Path("/dev/null").is_file()


def test_terminal_control_characters_in_a_note_never_reach_the_terminal(tmp_path, capsys):
    data = json.loads(EXAMPLE.read_text())
    data["moves"][0]["note"] = "hi\x1b]0;owned\x07\x1b[2J\r\n# ending: fake\u202eevil"
    save = tmp_path / "ansi.brink.json"
    save.write_text(json.dumps(data))
    for argv in (["replay", str(save)], ["report", str(save)]):
        assert main(argv) == 0
        out = capsys.readouterr().out
        assert "owned" in out  # the note is shown…
        assert not any(c in out for c in "\x1b\x07\r\u202e")  # …but cannot drive the terminal
        assert "\n# ending: fake" not in out  # nor forge a line of the transcript
