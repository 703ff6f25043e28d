"""The phase machine and the tariff ladder as a diagram: Mermaid (pastes into Markdown)
or Graphviz dot."""

from __future__ import annotations

from game.scenario.models import Scenario

_MOVES = {"propose", "accept", "reject", "walk_out"}


def _label(scenario: Scenario, trigger: str) -> str:
    action = next((a for a in scenario.actions if a.id == trigger), None)
    if action is not None:
        return f"{trigger} ({action.role})"
    return trigger if trigger in _MOVES else f"{trigger} (rule/event)"


def _edges(scenario: Scenario) -> list[tuple[str, str, str]]:
    phases = [p.id for p in scenario.phases]
    edges = []
    for transition in scenario.transitions:
        sources = phases if "*" in transition.sources() else transition.sources()
        label = _label(scenario, transition.trigger)
        if transition.when:
            label += " (if)"
        edges.extend((source, transition.dest, label) for source in sources)
    return edges


def _ladder_chain(scenario: Scenario) -> list[tuple[str, str, str]]:
    """(previous node, node, label) for each ladder step, from `threatened` upward."""
    ladder = scenario.tariff_ladder
    chain, previous = [], "threatened"
    for i, step in enumerate(ladder.steps if ladder else []):
        node = f"rate_{i + 1}"
        chain.append((previous, node, f"{step.rate:g}% from {step.date.isoformat()}"))
        previous = node
    return chain


def mermaid(scenario: Scenario) -> str:
    lines = ["stateDiagram-v2", f"    %% {scenario.title}: phase machine"]
    for phase in scenario.phases:
        lines.append(f"    {phase.id}: {phase.label.replace(':', ' -')} ({phase.actor})")
    lines.append(f"    [*] --> {scenario.first_phase}")
    for source, dest, label in _edges(scenario):
        lines.append(f"    {source} --> {dest}: {label}")
    ladder = scenario.tariff_ladder
    if ladder is not None:
        lines.append("    state tariff_ladder {")
        lines.append("        [*] --> threatened")
        for previous, node, label in _ladder_chain(scenario):
            lines.append(f"        {node}: {label}")
            lines.append(f"        {previous} --> {node}: clock")
        lines.append("        threatened --> suspended: deal")
        lines.append("        suspended --> threatened: resume")
        lines.append("        suspended --> lifted: lift")
        lines.append("    }")
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dot(scenario: Scenario) -> str:
    lines = [
        f"digraph {_quote(scenario.id)} {{",
        "    rankdir=LR;",
        f"    label={_quote(scenario.title)};",
        "    node [shape=box, style=rounded];",
        "    start [shape=point];",
        f"    start -> {_quote(scenario.first_phase)};",
    ]
    for phase in scenario.phases:
        shape = ", shape=ellipse" if phase.actor == "clock" else ""
        lines.append(
            f"    {_quote(phase.id)} [label={_quote(phase.label + ' (' + phase.actor + ')')}"
            f"{shape}];"
        )
    for source, dest, label in _edges(scenario):
        lines.append(f"    {_quote(source)} -> {_quote(dest)} [label={_quote(label)}];")
    ladder = scenario.tariff_ladder
    if ladder is not None:
        lines.append("    subgraph cluster_ladder {")
        lines.append(f"        label={_quote(ladder.label)};")
        lines.append('        threatened [label="threatened 0%"];')
        for previous, node, label in _ladder_chain(scenario):
            lines.append(f"        {node} [label={_quote(label)}];")
            lines.append(f'        {previous} -> {node} [label="clock"];')
        lines.append("    }")
    lines.append("}")
    return "\n".join(lines) + "\n"
