"""How an AI delegation chooses among actions (moves outside the bargaining, such as a
review's verdict or a deployment), and how it says why.

Each action's worth is the expression its role declares under `preferences.actions`,
read on what the role can see. The `why:` of the chosen action may quote what the
role sees as `{name}` (a meter, flag or other expression name), so that a review's
verdict states the figures it judged: "apprehensions of 95,040 are under the deal's
threshold of 100,000: we certify". Only plain names are filled in; anything else in
braces is left as written (no format-string evaluation of scenario text).
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping

from game.ai.agent import Decision, Reason
from game.ai.preferences import Preferences
from game.engine.api import RoleView
from game.engine.moves import ACT, REJECT
from game.i18n import LocalText, tx
from game.scenario.models import Scenario

PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


def fill(text: str, env: Mapping[str, object]) -> str:
    """`text` with each `{name}` replaced by the value the role sees, numbers written
    as a reader expects them (whole numbers with thousands separators)."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in env:
            return match.group(0)
        return _show(env[name])

    if isinstance(text, LocalText) and len(text.versions) > 1:
        # Each language's version gets the same figures.
        versions = {lang: PLACEHOLDER.sub(value, v) for lang, v in text.versions.items()}
        return LocalText(PLACEHOLDER.sub(value, text), versions)
    return PLACEHOLDER.sub(value, text)


def placeholders(text: str) -> set[str]:
    """The names `text` quotes as `{name}` (for the scenario checks)."""
    return set(PLACEHOLDER.findall(text))


def _show(value: object) -> str:
    if isinstance(value, bool):
        return tx("yes") if value else tx("no")
    if isinstance(value, int | float):
        return f"{value:,.0f}" if float(value).is_integer() or abs(value) >= 100 else f"{value:g}"
    return str(value)


def choose_action(
    view: RoleView, prefs: Preferences, rng: random.Random, scenario: Scenario
) -> Decision:
    """The most valuable legal action, with the scenario's reason for it filled in with
    the figures the role sees, and the value of the next best."""
    moves = list(view.menu.moves)
    actions = [m for m in moves if m.kind == ACT]
    if not actions:
        kinds = {m.kind: m for m in moves}
        chosen = (kinds.get(REJECT) or moves[0]) if moves else view.menu.sample(rng)
        return Decision(chosen, ())
    scored = sorted(
        ((prefs.action_value(m.action, view.env), i, m) for i, m in enumerate(actions)),
        key=lambda t: (-t[0], t[1]),
    )
    value, _, move = scored[0]
    why = fill(prefs.action_values.get(move.action, (None, ""))[1], view.env)
    reasons = [Reason(why)] if why else []
    reasons.append(
        Reason(tx("Of what we can do now, this is worth most to us ({value}).", value=_pct(value)))
    )
    if len(scored) > 1:
        runner = scored[1][2]
        reasons.append(
            Reason(
                tx(
                    "The next best, “{action}”, is worth {value}.",
                    action=scenario.actions_by_id[runner.action].label,
                    value=_pct(scored[1][0]),
                )
            )
        )
    return Decision(move, tuple(reasons))


def _pct(x: float) -> str:
    return f"{round(100 * x)}%"
