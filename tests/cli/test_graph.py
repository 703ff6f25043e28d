"""`brink graph`: every phase and transition appears, in Mermaid and in dot."""

from __future__ import annotations

from game.cli.main import main


def test_mermaid_has_every_phase_and_edge(capsys, flagship):
    assert main(["graph", "roosevelt-room-2019"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("stateDiagram-v2\n")
    scenario = flagship.scenario
    for phase in scenario.phases:
        assert f"    {phase.id}: " in out
    assert f"[*] --> {scenario.first_phase}" in out
    assert "mexico_turn --> us_turn: propose" in out
    assert "implementation --> enforcement: overdeliver (mexico)" in out
    assert "rate_5: 25% from 2019-10-01" in out
    assert out.count("-->") >= len(scenario.transitions)


def test_dot_is_balanced(capsys):
    assert main(["graph", "roosevelt-room-2019", "--format", "dot"]) == 0
    out = capsys.readouterr().out
    assert out.startswith('digraph "roosevelt-room-2019" {')
    assert out.count("{") == out.count("}")
    assert '"review" -> "monitoring" [label="certify_progress (us)"];' in out


def test_an_action_that_ends_the_game_leads_to_its_ending(tmp_path, capsys):
    from tests.scenario.test_error_docs import BASE

    text = BASE.replace(
        "rules:",
        "actions:\n"
        "  - id: close_border\n"
        "    label: Close the border\n"
        "    role: us\n"
        "    then: [{end: stalemate}]\n"
        "    source: designer\n"
        "rules:",
    ).replace(
        "  - {trigger: reject, source: answer, dest: talks}\n",
        "  - {trigger: reject, source: answer, dest: talks}\n"
        "  - {trigger: close_border, source: answer, dest: talks}\n",
    )
    path = tmp_path / "closure.yaml"
    path.write_text(text)
    assert main(["graph", str(path)]) == 0
    out = capsys.readouterr().out
    assert "    ending_stalemate: Ending - Stalemate\n" in out
    assert "    answer --> ending_stalemate: close_border (us)\n" in out
    assert "    ending_stalemate --> [*]\n" in out
    assert "answer --> talks: close_border" not in out
    assert main(["graph", str(path), "--format", "dot"]) == 0
    dot = capsys.readouterr().out
    assert '"answer" -> "ending_stalemate" [label="close_border (us)"];' in dot
    assert '"ending_stalemate" [label="Ending: Stalemate", shape=doubleoctagon];' in dot
