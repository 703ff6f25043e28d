"""The fast front end for common expressions, by the name the rules know it by: it lives
in `game.scenario.expression_syntax`, where the scenario checks read its trees too."""

from game.scenario.expression_syntax import quick_parse

__all__ = ["quick_parse"]
