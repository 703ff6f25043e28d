"""The historical path of June 2019, as moves (shared by tests and the example save)."""

from __future__ import annotations

from game.engine import Move

EBRARD_FIRST_OFFER = {
    "guard": "token",
    "smuggling": "gang_crackdown",
    "asylum_capacity": "asylum_thousands",
}
JOINT_DECLARATION = {
    "guard": "southern_6000",
    "smuggling": "crackdown_and_assets",
    "mpp": "whole_border_with_services",
    "asylum_terms": "regional_review",
    "review": "days_45_90",
    # The US side of the Joint Declaration: faster asylum decisions, and working with
    # Mexico's development plan for Central America.
    "us_asylum": "faster",
    "development": "welcome_plan",
}
US_SAFE_THIRD_COUNTRY = dict(JOINT_DECLARATION, asylum_terms="safe_third_country")

HISTORICAL_MOVES = [
    Move.propose("mexico", EBRARD_FIRST_OFFER),
    Move("us", "reject"),
    Move.propose("mexico", JOINT_DECLARATION),
    Move.propose("us", US_SAFE_THIRD_COUNTRY),
    Move("mexico", "reject"),
    Move.propose("us", JOINT_DECLARATION),
    Move("mexico", "accept"),
    Move.act("mexico", "overdeliver"),
    Move.act("mexico", "enforce_with_screening"),
    Move.act("mexico", "hold_course"),  # 1 July
    Move.act("mexico", "report_and_press_us"),  # 22 July, the 45-day review
    Move.act("us", "certify_progress"),
    Move.act("mexico", "hold_course"),  # 1 August
    Move.act("mexico", "hold_course"),  # 1 September
    Move.act("mexico", "report_and_press_us"),  # 5 September, the 90-day review
    Move.act("us", "certify_progress"),
]


def write_example_save() -> None:
    """Regenerate `saves/historical-2019.brink.json` (needed after editing the scenario,
    since a save records the scenario file's hash): `python -m tests.scenarios.historical`."""
    from pathlib import Path

    from game.engine import apply, new_game
    from game.rules.ruleset import load_ruleset
    from game.saves import capture, write_save

    state = new_game(load_ruleset("roosevelt-room-2019"), seed=2019)
    for move in HISTORICAL_MOVES:
        apply(state, move)
    save = capture(
        state,
        {"us": "historical", "mexico": "historical"},
        {"label": "The historical path, June–October 2019"},
    )
    save.meta["saved"] = "2026-11-24T00:00:00+00:00"  # fixed: changes only with the game
    root = Path(__file__).resolve().parents[2]
    write_save(save, root / "saves" / "historical-2019.brink.json")


if __name__ == "__main__":
    write_example_save()
