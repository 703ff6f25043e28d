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
    Move.act("us", "certify_progress"),
    Move.act("us", "certify_progress"),
]
