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
