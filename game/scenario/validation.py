"""Turn pydantic's validation errors into positioned, author-friendly diagnostics."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ValidationError

from game.i18n import N_, LocalText, tx
from game.scenario.diagnostics import Diagnostic, did_you_mean
from game.scenario.prose import EMPTY_VERSION, LANGUAGE_HINT, UNKNOWN_LANGUAGE
from game.scenario.yaml_source import SourceMap
from game.scenario.yaml_surprises import YamlSurprises


def model_diagnostics(
    err: ValidationError, model: type[BaseModel], source: SourceMap, data: Any
) -> list[Diagnostic]:
    """One diagnostic per pydantic error, at the YAML node it concerns."""
    seen: set[tuple[int, int, str, str]] = set()
    out: list[Diagnostic] = []
    errors = err.errors(include_url=False)
    surprises = YamlSurprises(
        source, data, ((clean_loc(e["loc"], data), e["type"]) for e in errors)
    )
    for error in errors:
        loc = clean_loc(error["loc"], data)
        if error["type"] in _AT_KEY:
            # A problem of one version of a `{en: ..., es: ...}` text: point at that key.
            loc = (*loc, str(error["ctx"]["key"]))
        diagnostic = surprises.explain(loc) or _one(error, loc, model, source, data)
        key = (diagnostic.line, diagnostic.column, diagnostic.code, diagnostic.message)
        if key not in seen:  # unions report one failure per branch; keep the first
            seen.add(key)
            out.append(diagnostic)
    return out


# Errors of one language's version of a text, carrying that key in their context.
_AT_KEY = (UNKNOWN_LANGUAGE, EMPTY_VERSION)


def clean_loc(loc: tuple[Any, ...], data: Any) -> tuple[str | int, ...]:
    """Drop the union-branch labels pydantic inserts (`str`, `News`, `function-after[...]`)
    so the path matches the YAML document."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            path.append(part)
            node = node[part]
        elif isinstance(node, dict | list):
            # Either a union label, or a missing/unknown key (the last element).
            if part == loc[-1] and isinstance(part, str) and not _is_label(part):
                path.append(part)
            continue
    return tuple(path)


def _is_label(part: str) -> bool:
    return (
        "[" in part
        or part[:1].isupper()
        or part in {"str", "float", "int", "bool", "list", "dict", "date", "none", "literal"}
    )


def _field_names(model: type[BaseModel], path: tuple[str | int, ...]) -> list[str]:
    """Allowed field names of the model that sits at `path`, for "did you mean" hints."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return []
        current = _inner_model(fields[part].annotation)
        if current is None:
            return []
    fields = getattr(current, "model_fields", None)
    return list(fields) if fields else []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _one(
    error: Any, loc: tuple[str | int, ...], model: type[BaseModel], source: SourceMap, data: Any
) -> Diagnostic:
    kind = error["type"]
    where = ".".join(str(p) for p in loc) or tx("the document")
    if kind == "missing":
        parent = loc[:-1]
        name = loc[-1] if loc else "?"
        return source.diagnostic(
            parent,
            "BRK101",
            tx("`{name}` is required in {value}", name=name, value=_describe(parent)),
            at_key=bool(parent),
            hint=tx("add `{name}:` here", name=name),
        )
    if kind == "extra_forbidden":
        name = str(loc[-1]) if loc else "?"
        allowed = _field_names(model, loc[:-1])
        return source.diagnostic(
            loc,
            "BRK102",
            tx("unknown field `{name}` in {value}", name=name, value=_describe(loc[:-1])),
            at_key=True,
            span=len(name),
            hint=did_you_mean(name, allowed),
        )
    if kind in _AT_KEY:
        unknown = kind == UNKNOWN_LANGUAGE
        return source.diagnostic(
            loc,
            "BRK104",
            ".".join(str(p) for p in loc[:-1]) + ": " + _plain_message(error),
            at_key=unknown,
            span=len(str(loc[-1])) if unknown else 1,
            hint=tx(LANGUAGE_HINT),
        )
    message = _plain_message(error)
    code = (
        "BRK103"
        if kind.endswith("_type") or kind in {"model_type", "dict_type", "list_type"}
        else "BRK104"
    )
    value = _value_at(data, loc)
    hint = None
    if kind == "literal_error":
        hint = tx("expected {expected}", expected=str(error.get("ctx", {}).get("expected", "")))
    elif kind == "string_pattern_mismatch":
        hint = tx("use lower-case letters, digits and underscores, starting with a letter")
    elif kind.startswith(("date_", "datetime_")):
        hint = tx("write a date as year-month-day, e.g. 2019-06-05")
    elif kind.endswith("_parsing") and re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", str(value)):
        hint = tx(
            "write numbers without thousands separators: {value}", value=str(value).replace(",", "")
        )
    span = len(str(value)) if isinstance(value, str | int | float) else 1
    return source.diagnostic(loc, code, where + ": " + message, hint=hint, span=span)


def _plain_message(error: Any) -> str:
    """The problem in the reader's language: our own wording for pydantic's common error
    types, else pydantic's (English) message."""
    ctx = error.get("ctx") or {}
    known = _PYDANTIC_WORDS.get(str(error.get("type", "")))
    if known is not None:
        try:
            return tx(known, **{k: _ctx_text(v) for k, v in ctx.items()})
        except (KeyError, IndexError):
            pass
    raised = ctx.get("error")
    if isinstance(raised, ValueError) and raised.args and isinstance(raised.args[0], LocalText):
        # Our own validators raise a `tx` sentence: keep it, with its translations
        # (pydantic's `msg` would be its English, after "Value error, ").
        return raised.args[0]
    # An error type we have no words for: a sentence in the reader's language, with
    # pydantic's own (English) message as the detail.
    detail = str(error["msg"]).removeprefix("Value error, ")
    return tx("this value is not accepted here ({detail})", detail=detail)


def _ctx_text(value: Any) -> str:
    return (
        value if isinstance(value, str) else repr(value) if isinstance(value, bytes) else str(value)
    )


# pydantic's error types an author meets most, in words that can be translated. The
# placeholders are the error's context (`ge`, `expected`, `pattern`, …).
_PYDANTIC_WORDS = {
    "string_type": N_("expected text"),
    "int_type": N_("expected a whole number"),
    "int_parsing": N_("expected a whole number"),
    "int_from_float": N_("expected a whole number, not a fraction"),
    "float_type": N_("expected a number"),
    "float_parsing": N_("expected a number"),
    "bool_type": N_("expected true or false"),
    "bool_parsing": N_("expected true or false"),
    "date_type": N_("expected a date (YYYY-MM-DD)"),
    "date_parsing": N_("expected a date (YYYY-MM-DD)"),
    "date_from_datetime_parsing": N_("expected a date (YYYY-MM-DD)"),
    "dict_type": N_("expected a mapping of `key: value` lines"),
    "list_type": N_("expected a list of `- ` items"),
    "literal_error": N_("expected {expected}"),
    "enum": N_("expected {expected}"),
    "string_pattern_mismatch": N_("does not match the required form `{pattern}`"),
    "string_too_short": N_("text too short: at least {min_length} characters"),
    "string_too_long": N_("text too long: at most {max_length} characters"),
    "too_short": N_("too few items: at least {min_length}"),
    "too_long": N_("too many items: at most {max_length}"),
    "greater_than": N_("must be greater than {gt}"),
    "greater_than_equal": N_("must be at least {ge}"),
    "less_than": N_("must be less than {lt}"),
    "less_than_equal": N_("must be at most {le}"),
    "finite_number": N_("must be a finite number"),
    # A text given per language (game.scenario.prose).
    UNKNOWN_LANGUAGE: N_("`{key}` is not a language of the game (en, es)"),
    EMPTY_VERSION: N_("the `{key}` version must be non-empty text"),
}


def _describe(path: tuple[str | int, ...]) -> str:
    return "`" + ".".join(str(p) for p in path) + "`" if path else tx("the scenario")


def _value_at(data: Any, loc: tuple[str | int, ...]) -> Any:
    node = data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node
