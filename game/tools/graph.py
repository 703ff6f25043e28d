"""The phase machine and the tariff ladder as a diagram: Mermaid (pastes into Markdown)
or Graphviz dot."""

from __future__ import annotations

from game.scenario.models import Scenario

_MOVES = {"propose", "accept", "reject", "walk_out"}


def _label(scenario: Scenario, trigger: str) -> str:
    action = scenario.actions_by_id.get(trigger)
    if action is not None:
        return f"{trigger} ({action.role})"
    return trigger if trigger in _MOVES else f"{trigger} (rule/event)"


def ending_node(ending_id: str) -> str:
    """Diagram id of an ending (Mermaid state ids take no hyphens)."""
    return "ending_" + ending_id.replace("-", "_")


def _ends(scenario: Scenario, trigger: str) -> str | None:
    """The ending an action's own effects reach, if it ends the game."""
    action = scenario.actions_by_id.get(trigger)
    return next((e.end for e in action.then if e.end is not None), None) if action else None


def _edges(scenario: Scenario) -> list[tuple[str, str, str]]:
    """(from, to, label): moves between phases; an action that ends the game leads to
    its ending, not to the phase its transition names (play stops there)."""
    phases = [p.id for p in scenario.phases]
    edges: list[tuple[str, str, str]] = []
    for transition in scenario.transitions:
        sources = phases if "*" in transition.sources() else transition.sources()
        label = _label(scenario, transition.trigger)
        if transition.when:
            label += " (if)"
        ending = _ends(scenario, transition.trigger)
        dest = ending_node(ending) if ending else transition.dest
        edges.extend((source, dest, label) for source in sources)
    return edges


def _endings_drawn(scenario: Scenario) -> list[tuple[str, str]]:
    """(node, title) of the endings some edge leads to."""
    reached = {dest for _, dest, _ in _edges(scenario)}
    return [(ending_node(e.id), e.title) for e in scenario.endings if ending_node(e.id) in reached]


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
    for node, title in _endings_drawn(scenario):
        lines.append(f"    {node}: Ending - {title.replace(':', ' -')}")
    for source, dest, label in _edges(scenario):
        lines.append(f"    {source} --> {dest}: {label}")
    for node, _ in _endings_drawn(scenario):
        lines.append(f"    {node} --> [*]")
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
    for node, title in _endings_drawn(scenario):
        lines.append(
            f"    {_quote(node)} [label={_quote('Ending: ' + title)}, shape=doubleoctagon];"
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
