"""Two ways YAML reads unquoted text differently from what its author meant, explained
when the models then reject the result:

- the words `yes`, `no`, `on`, `off`, `true`, `false` become true/false (BRK011);
- in a `{ … }` mapping a comma ends the value, and the rest of the text becomes a key
  of its own (BRK012).

The loader (:mod:`game.scenario.yaml_source`) records both as it builds the data; here a
model error at such a place becomes one diagnostic that says to quote the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from game.i18n import tx
from game.scenario.diagnostics import Diagnostic
from game.scenario.yaml_source import SourceMap

Loc = tuple[str | int, ...]


class YamlSurprises:
    def __init__(self, source: SourceMap, data: Any, errors: Iterable[tuple[Loc, str]]) -> None:
        """`errors`: (path, pydantic error type) of every model error of the document."""
        self.source = source
        self.data = data
        # Where text was expected and YAML read a plain yes/no word.
        self.wanted_text = {
            loc
            for loc, kind in errors
            if kind == "string_type" and source.boolean_word(loc) is not None
        }

    def explain(self, loc: Loc) -> Diagnostic | None:
        """The diagnostic for a model error at `loc`, if YAML's reading caused it."""
        cut = self.source.split_from(loc)
        if cut is not None:
            return self._cut(loc, cut)
        if loc in self.wanted_text:
            return self._yes_no(loc)
        return None

    def _cut(self, loc: Loc, cut: Loc) -> Diagnostic:
        field, before, rest = cut[-1], _value_at(self.data, cut), loc[-1]
        if isinstance(before, int) and str(rest).isdigit():  # `start: 144,000`
            return self.source.diagnostic(
                cut,
                "BRK012",
                tx(
                    "the comma in `{before},{rest}` cut the number in two: YAML read "
                    "`{rest2}` as another key",
                    before=before,
                    rest=rest,
                    rest2=rest,
                ),
                hint=tx(
                    "write numbers without thousands separators: {field}: {before}{rest}",
                    field=field,
                    before=before,
                    rest=rest,
                ),
                span=len(f"{before},{rest}"),
            )
        return self.source.diagnostic(
            cut,
            "BRK012",
            tx(
                "a comma cut the text of `{field}` in two: YAML read `{rest}` as another key",
                field=field,
                rest=rest,
            ),
            hint=tx(
                'put the whole text in quotes: {field}: "{before}, {rest}"',
                field=field,
                before=before,
                rest=rest,
            ),
            span=len(str(before)),
        )

    def _yes_no(self, loc: Loc) -> Diagnostic:
        word = self.source.boolean_word(loc)
        if isinstance(loc[-1], int):  # an item of a list of texts
            what, quoted = f"item {loc[-1] + 1} of `{loc[-2]}`", f'"{word}"'
        else:
            what, quoted = f"`{loc[-1]}`", f'{loc[-1]}: "{word}"'
        return self.source.diagnostic(
            loc,
            "BRK011",
            tx(
                "{what} must be text, but YAML read `{word}` as a yes/no value",
                what=what,
                word=word,
            ),
            hint=tx(
                "put it in quotes: {quoted} (YAML reads unquoted yes, no, on, off, true and "
                "false as yes/no values)",
                quoted=quoted,
            ),
            span=len(str(word)),
        )


def _value_at(data: Any, loc: Loc) -> Any:
    for part in loc:
        data = data[part]
    return data
