"""The phase machine, the tariff ladder and any other deadlines as a diagram: Mermaid
(pastes into Markdown) or Graphviz dot. Labels are in the reader's language (the
scenario's texts localised, dates as the reader writes them); ids stay as written."""

from __future__ import annotations

from game.i18n import _, localise, tx_date
from game.scenario.models import Scenario

_MOVES = {"propose", "accept", "reject", "walk_out"}


def _label(scenario: Scenario, trigger: str) -> str:
    action = scenario.actions_by_id.get(trigger)
    if action is not None:
        return f"{trigger} ({action.role})"
    return trigger if trigger in _MOVES else _("{trigger} (rule/event)").format(trigger=trigger)


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
            label = _("{label} (if)").format(label=label)
        ending = _ends(scenario, transition.trigger)
        dest = ending_node(ending) if ending else transition.dest
        edges.extend((source, dest, label) for source in sources)
    return edges


def _endings_drawn(scenario: Scenario) -> list[tuple[str, str]]:
    """(node, title) of the endings some edge leads to."""
    reached = {dest for _, dest, _ in _edges(scenario)}
    return [
        (ending_node(e.id), localise(e.title))
        for e in scenario.endings
        if ending_node(e.id) in reached
    ]


def _from(date: object) -> str:
    return localise(tx_date(str(date)))


def _ladder_chain(scenario: Scenario) -> list[tuple[str, str, str]]:
    """(previous node, node, label) for each ladder step, from `threatened` upward."""
    ladder = scenario.tariff_ladder
    chain, previous = [], "threatened"
    for i, step in enumerate(ladder.steps if ladder else []):
        node = f"rate_{i + 1}"
        chain.append(
            (
                previous,
                node,
                _("{rate}% from {date}").format(rate=f"{step.rate:g}", date=_from(step.date)),
            )
        )
        previous = node
    return chain


def _deadline_chains(scenario: Scenario) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    """(id, label, [(previous node, node, label)]) for each declared deadline; node names
    carry the deadline's id, since a diagram's state names are shared by all its parts."""
    out = []
    for deadline in scenario.deadlines:
        chain, previous = [], f"{deadline.id}_threatened"
        for i, step in enumerate(deadline.steps):
            node = f"{deadline.id}_step_{i + 1}"
            what = localise(step.label) or _("level {level}").format(
                level=f"{deadline.level_of(i):g}"
            )
            chain.append(
                (previous, node, _("{what} from {date}").format(what=what, date=_from(step.date)))
            )
            previous = node
        out.append((deadline.id, localise(deadline.label), chain))
    return out


def mermaid(scenario: Scenario) -> str:
    title = _("{title}: phase machine").format(title=localise(scenario.title))
    clock, ending = _("clock"), _("Ending")
    lines = ["stateDiagram-v2", f"    %% {title}"]
    for phase in scenario.phases:
        label = localise(phase.label).replace(":", " -")
        lines.append(f"    {phase.id}: {label} ({phase.actor})")
    lines.append(f"    [*] --> {scenario.first_phase}")
    for node, title in _endings_drawn(scenario):
        lines.append(f"    {node}: {ending} - {title.replace(':', ' -')}")
    for source, dest, label in _edges(scenario):
        lines.append(f"    {source} --> {dest}: {label}")
    for node, _title in _endings_drawn(scenario):
        lines.append(f"    {node} --> [*]")
    ladder = scenario.tariff_ladder
    if ladder is not None:
        lines.append("    state tariff_ladder {")
        lines.append("        [*] --> threatened")
        for previous, node, label in _ladder_chain(scenario):
            lines.append(f"        {node}: {label}")
            lines.append(f"        {previous} --> {node}: {clock}")
        lines.append("        threatened --> suspended: " + _("deal"))
        lines.append("        suspended --> threatened: " + _("resume"))
        lines.append("        suspended --> lifted: " + _("lift"))
        lines.append("    }")
    for ident, label, chain in _deadline_chains(scenario):
        lines.append(f"    state {ident}_deadline {{")
        lines.append(f"        %% {label.replace(':', ' -')}")
        lines.append(f"        [*] --> {ident}_threatened")
        for previous, node, step in chain:
            lines.append(f"        {node}: {step.replace(':', ' -')}")
            lines.append(f"        {previous} --> {node}: {clock}")
        lines.append("    }")
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dot(scenario: Scenario) -> str:
    clock, ending = _("clock"), _("Ending")
    lines = [
        f"digraph {_quote(scenario.id)} {{",
        "    rankdir=LR;",
        f"    label={_quote(localise(scenario.title))};",
        "    node [shape=box, style=rounded];",
        "    start [shape=point];",
        f"    start -> {_quote(scenario.first_phase)};",
    ]
    for phase in scenario.phases:
        shape = ", shape=ellipse" if phase.actor == "clock" else ""
        lines.append(
            f"    {_quote(phase.id)} [label={_quote(f'{localise(phase.label)} ({phase.actor})')}"
            f"{shape}];"
        )
    for node, title in _endings_drawn(scenario):
        lines.append(
            f"    {_quote(node)} [label={_quote(ending + ': ' + title)}, shape=doubleoctagon];"
        )
    for source, dest, label in _edges(scenario):
        lines.append(f"    {_quote(source)} -> {_quote(dest)} [label={_quote(label)}];")
    ladder = scenario.tariff_ladder
    if ladder is not None:
        lines.append("    subgraph cluster_ladder {")
        lines.append(f"        label={_quote(localise(ladder.label))};")
        lines.append(f"        threatened [label={_quote(_('threatened') + ' 0%')}];")
        for previous, node, label in _ladder_chain(scenario):
            lines.append(f"        {node} [label={_quote(label)}];")
            lines.append(f"        {previous} -> {node} [label={_quote(clock)}];")
        lines.append("    }")
    for ident, label, chain in _deadline_chains(scenario):
        lines.append(f"    subgraph cluster_{ident} {{")
        lines.append(f"        label={_quote(label)};")
        lines.append(f"        {ident}_threatened [label={_quote(_('threatened'))}];")
        for previous, node, step in chain:
            lines.append(f"        {node} [label={_quote(step)}];")
            lines.append(f"        {previous} -> {node} [label={_quote(clock)}];")
        lines.append("    }")
    lines.append("}")
    return "\n".join(lines) + "\n"
