"""Write the part of ``curation.md`` that lists every key and every allowed value.

The text is read off the code: the classes a curation file writes (found from
:class:`~diplomodel.Dossier`'s fields), their JSON Schema (the rules each field's
validators carry), and each enum member's docstring. Run it after the model
changes; ``tests/test_docs.py`` fails while the page and the code differ::

    python docs/_generated/make_curation_rules.py
"""

from __future__ import annotations

import ast
import datetime as dt
import enum
import inspect
import json
import re
import textwrap
import types
import typing
from pathlib import Path
from typing import Any

import attrs

import diplomodel as dm
from diplomodel.loader import _KEY_OF_FIELD
from diplomodel.walk import references_of

PAGE = Path(__file__).resolve().parent.parent / "curation.md"
BEGIN = "<!-- rules: begin -->"
END = "<!-- rules: end -->"

# Written as a quote or as date words, never as their fields (see "Quotes" and "Dates").
_WRITTEN_AS_WORDS = {dm.Evidence: "quote", dm.FuzzyDate: "date words from the article"}

# Patterns of the model, in a curator's words; any other is shown as it is.
_PATTERN_WORDS = {
    r"^[a-z0-9]+(?:-[a-z0-9]+)*(?![\s\S])": "lower-case slug (letters, digits, single hyphens)",
    r"^(?:[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)(?![\s\S])": "language tag such as `en` or `zh-Hans`",
    r"^(?:Q[1-9][0-9]*)(?![\s\S])": "`Q` and digits",
    r"^(?:[1-9][0-9]*)(?![\s\S])": "digits",
}
_NOT_BLANK = "(?=[\\s\\S]*\\S)"
_ANY_TEXT = {r"^[^\ud800-\udfff]*(?![\s\S])", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?![\s\S])"}


def member_docstrings(cls: type[enum.Enum]) -> dict[str, str | None]:
    """Each member assigned in the class body, with the string literal right after it.

    That string is what Sphinx's autodoc shows as the member's docstring.
    """
    (body,) = ast.parse(textwrap.dedent(inspect.getsource(cls))).body
    if not isinstance(body, ast.ClassDef):
        raise TypeError(f"{cls.__name__} is not defined by a class statement")
    docstrings: dict[str, str | None] = {}
    for statement, following in zip(body.body, [*body.body[1:], None], strict=True):
        if isinstance(statement, ast.Assign):
            (target,) = statement.targets
            if not isinstance(target, ast.Name):
                raise TypeError(f"{cls.__name__} assigns to something other than a name")
            docstring = None
            if isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant):
                value = following.value.value
                docstring = value if isinstance(value, str) else None
            docstrings[target.id] = docstring
    return docstrings


def parts_of(annotation: Any) -> tuple[Any, bool, bool]:
    """The annotation's element type, whether it is a list, whether it may be absent."""
    optional = False
    if typing.get_origin(annotation) in (types.UnionType, typing.Union):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        optional = len(args) < len(typing.get_args(annotation))
        (annotation,) = args
    if typing.get_origin(annotation) is tuple:
        return typing.get_args(annotation)[0], True, optional
    return annotation, False, optional


def curated_classes() -> dict[type[Any], list[str]]:
    """Every class a curation file writes, with the tables it is written as, by a walk
    over :class:`~diplomodel.Dossier`'s fields."""
    found: dict[type[Any], list[str]] = {}

    def visit(cls: type[Any], prefix: str) -> None:
        hints = typing.get_type_hints(cls)
        for field in attrs.fields(cls):
            element, is_list, _ = parts_of(hints[field.name])
            if not field.init or not attrs.has(element) or element in _WRITTEN_AS_WORDS:
                continue
            table = f"{prefix}{field.name}"
            found.setdefault(element, []).append(f"[[{table}]]" if is_list else f"[{table}]")
            visit(element, f"{table}.")

    visit(dm.Dossier, "")
    return found


def curated_enums(classes: dict[type[Any], list[str]]) -> list[type[enum.Enum]]:
    """Every enum a curated class's field uses, in order of first use."""
    enums: dict[type[enum.Enum], None] = {}
    for cls in classes:
        for annotation in typing.get_type_hints(cls).values():
            element, _, _ = parts_of(annotation)
            if isinstance(element, type) and issubclass(element, enum.Enum):
                enums[element] = None
    return list(enums)


def _dummy(cls: type[Any]) -> Any:
    """An object of ``cls`` whose every text names its field, unchecked: to ask
    :func:`~diplomodel.walk.references_of` which fields are references."""
    obj = object.__new__(cls)
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        element, is_list, optional = parts_of(hints[field.name])
        if attrs.has(element):
            value: Any = _dummy(element)
        elif element is str:
            value = field.name
        else:
            value = None if optional else field.default
        if is_list:
            value = (value,) if element is str or attrs.has(element) else ()
        object.__setattr__(obj, field.name, value)
    return obj


def reference_kinds() -> dict[tuple[type[Any], str], str]:
    """For each field that holds ids of other objects, what they must be: ``person or
    institution``."""
    kinds: dict[tuple[type[Any], str], str] = {}
    hints = typing.get_type_hints(dm.Dossier)
    sections = {f.name: parts_of(hints[f.name])[0] for f in attrs.fields(dm.Dossier) if f.init}
    for section, cls in sections.items():
        if section == "article":
            continue
        for reference in references_of(section, 0, _dummy(cls)):
            steps = re.sub(r"\[\d+\]", "", reference.path).split(".")[2:]
            owner = cls
            for step in steps[:-1]:
                owner = parts_of(typing.get_type_hints(owner)[step])[0]
            kinds[(owner, steps[-1])] = " or ".join(reference.kinds)
    return kinds


# The JSON Schema keywords the text below says in words. A keyword the model starts to
# use stops the script, rather than being left out of the page unsaid.
_FIELD_KEYWORDS = {
    *("type", "format", "pattern", "minLength", "enum", "minimum"),
    *("items", "minItems", "uniqueItems", "anyOf", "allOf", "$ref"),
}
_CLASS_KEYWORDS = {
    *("type", "description", "properties", "required", "additionalProperties"),
    *("anyOf", "allOf"),
}
_CONDITION_KEYWORDS = {"required", "properties", "type", "const", "minItems"}


def _said(schema: dict[str, Any], known: set[str], where: str) -> None:
    """Refuse a schema with a keyword this script cannot say in words."""
    unknown = sorted(set(schema) - known)
    if unknown:
        raise ValueError(f"{where}: teach make_curation_rules.py to say {unknown} in words")


def _text_rules(schema: dict[str, Any]) -> list[str]:
    rules = []
    pattern = schema.get("pattern")
    if (pattern and pattern.startswith("^" + _NOT_BLANK)) or schema.get("minLength"):
        rules.append("not blank")
    if pattern and pattern not in _ANY_TEXT and not pattern.startswith("^" + _NOT_BLANK):
        rules.append(_PATTERN_WORDS.get(pattern, f"matches `{pattern}`"))
    if "enum" in schema:
        codes = schema["enum"]
        shown = ", ".join(f"`{code}`" for code in codes[:3])
        rules.append(f"one of {len(codes)} codes: {shown}, …" if len(codes) > 3 else shown)
    if "minimum" in schema:
        rules.append(f"≥ {schema['minimum']}")
    return rules


def _describe(
    cls: type[Any], field: attrs.Attribute[Any], schema: dict[str, Any], refs: dict[Any, str]
) -> tuple[str, str]:
    """The field's type and its rules, in a curator's words."""
    element, is_list, _ = parts_of(typing.get_type_hints(cls)[field.name])
    if "anyOf" in schema:  # optional: the first option carries the rules
        schema = schema["anyOf"][0]
    item = schema.get("items", schema) if is_list else schema
    where = f"{cls.__name__}.{field.name}"
    _said(schema, _FIELD_KEYWORDS, where)
    _said(item, _FIELD_KEYWORDS, where)
    rules = _text_rules(item)
    if is_list and rules:
        rules = [f"each {rule}" for rule in rules]
    if element in _WRITTEN_AS_WORDS:
        kind = _WRITTEN_AS_WORDS[element]
    elif cls is dm.Article and field.name == "text":
        kind, rules = "path of the text file, relative to the curation file", ["not blank"]
    elif (cls, field.name) in refs:
        kind = f"id of {_a(refs[(cls, field.name)])}"
        rules = [rule for rule in rules if "lower-case slug" not in rule]
    elif field.name == "id":
        kind = "id"
    elif isinstance(element, type) and issubclass(element, enum.Enum):
        kind = f"one of the `{element.__name__}` values"
    elif attrs.has(element):
        kind = f"table ({element.__name__})"
    elif element is dt.date:
        kind = "TOML date"
    elif element is bool:
        kind = "true/false"
    elif element is int:
        kind = "whole number"
    elif element is float:
        kind = "number"
    else:
        kind = "text"
    if is_list:
        if element in _WRITTEN_AS_WORDS:
            kind = f"list of {kind}s"
        elif attrs.has(element):
            kind = f"list of tables ({element.__name__})"
        else:
            kind = f"list of {kind}"
        if "minItems" in schema:
            rules.insert(0, f"at least {schema['minItems']}")
        if schema.get("uniqueItems"):
            rules.append("no repeats")
    return kind, "; ".join(rules)


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def _condition(alternative: dict[str, Any]) -> str:
    _said(alternative, _CONDITION_KEYWORDS, "a rule across keys")
    words = [f"`{key}` given" for key in alternative.get("required", ())]
    for key, rule in alternative.get("properties", {}).items():
        if rule.get("type") == "null":
            words.append(f"`{key}` absent")
        elif "const" in rule:
            value = str(rule["const"]).lower() if isinstance(rule["const"], bool) else rule["const"]
            words.append(f"`{key}` is `{value}`")
        elif "minItems" in rule:
            words.append(f"`{key}` has at least {rule['minItems']}")
        _said(rule, _CONDITION_KEYWORDS, f"a rule across keys, at {key}")
    return ", ".join(dict.fromkeys(words))


def _class_rules(schema: dict[str, Any]) -> list[str]:
    """The rules across fields, in words."""
    _said(schema, _CLASS_KEYWORDS, str(schema["description"]))
    rules = []
    if "anyOf" in schema:
        rules.append("Either " + "; or ".join(map(_condition, schema["anyOf"])) + ".")
    for case in schema.get("allOf", ()):
        ((key, test),) = case["if"]["properties"].items()
        for then_key, then in case["then"]["properties"].items():
            words = _text_rules(then) or ["as given"]
            rule = f"When `{key}` is `{test['const']}`, `{then_key}` is {words[0]}"
            rules.append(rule if rule.endswith("…") else f"{rule}.")
    return rules


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _default(field: attrs.Attribute[Any]) -> str:
    default = field.default
    factory = getattr(default, "factory", None)  # attrs.Factory: a fresh empty list
    if factory is not None:
        default = factory()
    if default is None:
        return "optional"
    if default == ():
        return "optional (empty list)"
    shown = str(default).lower() if isinstance(default, bool) else json.dumps(default)
    return f"optional (`{shown}`)"


def rules_block() -> str:
    """The Markdown that sits between the markers in ``curation.md``."""
    classes = curated_classes()
    refs = reference_kinds()
    schema = dm.json_schema()["$defs"]
    lines = [
        BEGIN,
        "",
        "### Keys of each table",
        "",
        "Every key a table may hold. A required key must be given; an optional one may be",
        "left out (its default in brackets). `at least 1` means a list that must not be",
        "empty; `no repeats`, a list that holds no value twice.",
    ]
    for cls, tables in classes.items():
        own = schema[cls.__name__]
        lines += ["", f"#### {cls.__name__}", ""]
        lines += [f"Written as {', '.join(f'`{t}`' for t in tables)}. {own['description']}", ""]
        lines += ["| key | needed | type | rules |", "| --- | --- | --- | --- |"]
        for field in attrs.fields(cls):
            if not field.init:
                continue
            key = _KEY_OF_FIELD.get((cls, field.name), field.name)
            needed = "required" if field.name in own["required"] else _default(field)
            kind, rules = _describe(cls, field, own["properties"][field.name], refs)
            lines.append(f"| `{key}` | {needed} | {_cell(kind)} | {_cell(rules)} |")
        extra = _class_rules(own)
        if extra:
            lines += ["", *(f"- {rule}" for rule in extra)]
    lines += ["", "### Allowed values", ""]
    lines += ["Each value is written as in the first column, in double quotes."]
    for enum_cls in curated_enums(classes):
        docs = member_docstrings(enum_cls)
        lines += ["", f"#### {enum_cls.__name__}", "", schema[enum_cls.__name__]["description"]]
        lines += ["", "| value | meaning |", "| --- | --- |"]
        for name, member in enum_cls.__members__.items():
            summary = " ".join((docs.get(name) or "").split("\n\n")[0].split())
            lines.append(f"| `{member.value}` | {_cell(summary)} |")
    lines += ["", END]
    return "\n".join(lines)


def current_block(page: str) -> str:
    """The block between the markers of ``page``, markers included."""
    start = page.index(BEGIN)
    return page[start : page.index(END, start) + len(END)]


def main() -> None:
    """Rewrite the block in ``curation.md``."""
    page = PAGE.read_text("utf-8")
    PAGE.write_text(page.replace(current_block(page), rules_block()), "utf-8")


if __name__ == "__main__":
    main()
