"""Identifiers and the small field validators every model class shares.

Every validator raises :class:`~diplomodel.errors.FieldError` naming the field
(or the item of a list field, ``aliases[2]``) and saying in words what is
wrong, with the value quoted by :func:`~diplomodel.errors.shorten`. Each also
carries ``json_schema(is_array)``, the JSON Schema keywords that say the same
rule, from which :func:`~diplomodel.json_schema` is built.
:func:`broken_rules` runs every rule of a class on a set of field values and
returns all that fail, not only the first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence, Sized
from typing import Any, ClassVar

import attrs

from .errors import FieldError, shorten

__all__ = [
    "END",
    "ID_PATTERN",
    "MAX_ITEM_ERRORS",
    "NON_BLANK_PATTERN",
    "NO_SURROGATE_PATTERN",
    "TOPIC_PATTERN",
    "ItemFieldError",
    "brief",
    "broken_rules",
    "field_rules",
    "is_id",
    "matches",
    "non_empty",
    "non_empty_if_given",
    "non_empty_items",
    "require_whole_number",
    "schema_keywords",
    "valid_id",
    "valid_ids",
    "valid_topics",
]

END = r"(?![\s\S])"
"""End of string in both Python ``re`` and ECMA-262, unlike ``$``, which also matches
before a final newline in Python."""

NO_SURROGATE_PATTERN = rf"^[^\ud800-\udfff]*{END}"
"""Any string without lone surrogates: every string diplomodel reads is valid Unicode."""

NON_BLANK_PATTERN = rf"^(?=[\s\S]*\S)[^\ud800-\udfff]*{END}"
"""A string with more than white space (and no lone surrogates)."""

ID_PATTERN = rf"^[a-z0-9]+(?:-[a-z0-9]+)*{END}"
"""Ids are lower-case slugs: ``wang-huning``, ``cpc-central-committee``."""

TOPIC_PATTERN = ID_PATTERN
"""Topics are slugs too: ``bilateral-relations``, ``seafood-imports``."""

_ID = re.compile(ID_PATTERN)

# Ids recur through a dossier (every reference repeats one): a valid one is matched
# once. Bounded, so that reading many articles keeps it small.
_KNOWN_IDS: set[str] = set()
_KNOWN_IDS_KEPT = 1 << 16
_KNOWN_ID_LENGTH = 80  # longer ones, rare, are matched each time: the memory stays small


def is_id(value: object) -> bool:
    """Whether ``value`` is a well-formed id."""
    if not isinstance(value, str):
        return False
    if value in _KNOWN_IDS:
        return True
    if _ID.match(value) is None:
        return False
    if len(value) <= _KNOWN_ID_LENGTH:
        if len(_KNOWN_IDS) >= _KNOWN_IDS_KEPT:
            _KNOWN_IDS.clear()
        _KNOWN_IDS.add(value)
    return True


def schema_keywords(
    keywords: Callable[[bool], dict[str, Any]], *, exact: bool = False
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a validator its ``json_schema(is_array)``: the JSON Schema keywords of its rule.

    ``exact`` says that the keywords are the whole rule (``json_schema_exact``), so
    that a reader which checks them, such as the fast JSON reader's structs, need
    not run the validator too. Leave it false where the keywords say less than the
    validator checks.
    """

    def attach(validator: Callable[..., None]) -> Callable[..., None]:
        validator.json_schema = keywords  # type: ignore[attr-defined]
        validator.json_schema_exact = exact  # type: ignore[attr-defined]
        return validator

    return attach


def require_whole_number(field: str, value: object) -> None:
    """Raise a :class:`FieldError` unless ``value`` is an ``int`` (not a bool, not a float).

    Reading JSON refuses other numbers already; this keeps an object built in
    Python to the type it declares, so that it is written alike by every writer.
    """
    if not isinstance(value, int) or isinstance(value, bool):
        raise FieldError(field, f"must be a whole number, got {shorten(value)}")


def field_rules(validator: Any) -> tuple[Any, ...]:
    """The validators of one attrs field, one by one (attrs joins a list into one)."""
    if validator is None:
        return ()
    inner = getattr(validator, "_validators", None)  # attrs' and_() of a list of validators
    return tuple(inner) if inner is not None else (validator,)


@schema_keywords(lambda _is_array: {"pattern": ID_PATTERN}, exact=True)
def valid_id(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: ``value`` is an id (``None`` passes, for optional references)."""
    if value is not None and not is_id(value):
        raise FieldError(
            attribute.name,
            f"must be a slug id of lower-case letters, digits and single hyphens "
            f"(such as 'wang-yi'), got {shorten(value)}",
        )


class ItemFieldError(FieldError):
    """Several items of one list field that break its rule, each a :class:`FieldError`."""

    def __init__(self, errors: Sequence[FieldError]) -> None:
        self.errors = tuple(errors)
        first = self.errors[0]
        more = f" (and {len(self.errors) - 1} more)" if len(self.errors) > 1 else ""
        super().__init__(first.field, first.message + more)


MAX_ITEM_ERRORS = 20
"""The most items of one list field whose errors are spelled out; the rest are counted."""


def _raise_items(field: str, bad_items: Iterable[tuple[int, str]]) -> None:
    """Raise the errors of the bad items of a list field (index, message), if there are any."""
    errors: list[FieldError] = []
    more = 0
    for index, message in bad_items:
        if len(errors) < MAX_ITEM_ERRORS:
            errors.append(FieldError(f"{field}[{index}]", message))
        else:
            more += 1
    if more:
        errors.append(FieldError(field, f"and {more} more items break the same rules"))
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ItemFieldError(errors)


def _unique_slugs(noun: str) -> Callable[[Any, attrs.Attribute[Any], tuple[object, ...]], None]:
    def bad_items(value: tuple[object, ...]) -> Iterator[tuple[int, str]]:
        seen: set[object] = set()
        for index, item in enumerate(value):
            if not is_id(item):
                yield (
                    index,
                    f"must be a slug {noun} of lower-case letters, digits and single "
                    f"hyphens, got {shorten(item)}",
                )
            elif item in seen:
                yield index, f"repeats the {noun} {shorten(item)}"
            seen.add(item)

    def validate(
        _instance: Any, attribute: attrs.Attribute[Any], value: tuple[object, ...]
    ) -> None:
        if all(map(is_id, value)) and len(set(value)) == len(value):
            return  # the usual case, told without walking the items one by one
        _raise_items(attribute.name, bad_items(value))

    validate.__doc__ = (
        f"attrs validator: every item of the tuple is a slug {noun}, and none repeats."
    )
    return schema_keywords(
        lambda _is_array: {"items": {"pattern": ID_PATTERN}, "uniqueItems": True}
    )(validate)


valid_ids = _unique_slugs("id")
valid_topics = _unique_slugs("topic")


@schema_keywords(
    lambda is_array: (
        {"minItems": 1} if is_array else {"minLength": 1, "pattern": NON_BLANK_PATTERN}
    ),
    exact=True,
)
def non_empty(_instance: Any, attribute: attrs.Attribute[Any], value: Sized) -> None:
    """attrs validator: a string with more than white space, or a non-empty tuple."""
    if isinstance(value, str):
        if not value or value.isspace():  # as "not value.strip()", without a copy
            raise FieldError(
                attribute.name, f"must not be empty or only white space, got {shorten(value)}"
            )
    elif len(value) == 0:
        raise FieldError(attribute.name, "must not be empty")


@schema_keywords(lambda _is_array: {"minLength": 1, "pattern": NON_BLANK_PATTERN}, exact=True)
def non_empty_if_given(instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """attrs validator: ``None``, or a string with more than white space."""
    if value is not None:
        non_empty(instance, attribute, value)


@schema_keywords(
    lambda _is_array: {"items": {"minLength": 1, "pattern": NON_BLANK_PATTERN}}, exact=True
)
def non_empty_items(
    _instance: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]
) -> None:
    """attrs validator: every string of the tuple has more than white space."""
    _raise_items(
        attribute.name,
        (
            (index, f"must not be empty or only white space, got {shorten(item)}")
            for index, item in enumerate(value)
            if not item or item.isspace()
        ),
    )


def quote_label(text: str) -> str:
    """Words as a one-line label: white space collapsed, cut at a word to about 60 characters."""
    words = " ".join(text.split())
    if len(words) <= 60:
        return words
    cut = words.rfind(" ", 0, 58)
    return words[: cut if cut > 20 else 58] + "\u2026"


def brief(text: str) -> str:
    """``repr`` of a name or quote for an object's repr: cut to about 32 characters."""
    return repr(text) if len(text) <= 36 else repr(text[:32]) + "\u2026"


@attrs.frozen
class matches:  # noqa: N801 - used like attrs' own lower-case validators
    """attrs validator: the whole string matches ``pattern``, described in ``words``."""

    pattern: re.Pattern[str]
    """The pattern the whole value must match."""
    words: str
    """What the pattern means, for the error message: "two capital letters"."""

    json_schema_exact: ClassVar[bool] = True
    """The pattern of :meth:`json_schema` is the whole rule."""

    def __call__(self, _instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
        if self.pattern.fullmatch(value) is None:
            raise FieldError(attribute.name, f"must be {self.words}, got {shorten(value)}")

    def json_schema(self, _is_array: bool) -> dict[str, Any]:
        """The rule as JSON Schema: the pattern anchored at both ends of the string."""
        if self.pattern.flags & ~re.UNICODE:
            raise ValueError("a pattern with flags has no JSON Schema form")
        return {"pattern": f"^(?:{self.pattern.pattern}){END}"}


def broken_rules(
    cls: type[Any], values: Mapping[str, Any], broken: Collection[str] = ()
) -> list[FieldError]:
    """Every field rule of ``cls`` that ``values`` (field name to value) break.

    Unlike building the object, which stops at the first broken rule, this runs
    each field's validator on its own; fields missing from ``values`` take
    their defaults, except the ``broken`` ones (fields whose values could not
    be read), and a rule that needs a missing field is skipped. When every
    field is there and every field rule holds, the class's cross-field check
    (``__attrs_post_init__``) runs too.
    """
    shell = object.__new__(cls)  # a bare instance, so that rules can read other fields
    fields = attrs.fields(cls)
    present: list[attrs.Attribute[Any]] = []
    derived: list[tuple[attrs.Attribute[Any], Callable[[Any], Any]]] = []
    for field in fields:
        default: Any = field.default
        if field.name in broken:
            continue
        if field.name in values:
            value = values[field.name]
        elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            if default.takes_self:
                derived.append((field, default.factory))  # set once the plain fields are
                continue
            value = default.factory()
        elif default is not attrs.NOTHING:
            value = default
        else:
            continue
        object.__setattr__(shell, field.name, value)
        present.append(field)
    for field, factory in derived:
        try:
            object.__setattr__(shell, field.name, factory(shell))
        except (AttributeError, ValueError, TypeError):
            continue  # derived from a missing or broken field, which is reported on its own
        present.append(field)
    errors: list[FieldError] = []
    for field in present:
        if field.validator is None:
            continue
        try:
            field.validator(shell, field, getattr(shell, field.name))
        except ItemFieldError as error:
            errors += error.errors
        except FieldError as error:
            errors.append(error)
        except AttributeError:
            continue  # the rule reads a missing field, which is reported on its own
        except (ValueError, TypeError) as error:
            errors.append(FieldError(field.name, str(error)))
    check = getattr(cls, "__attrs_post_init__", None)
    if not errors and check is not None and len(present) == len(fields):
        try:
            check(shell)
        except FieldError as error:
            errors.append(error)
        except (ValueError, TypeError):
            pass  # not a field rule (a dossier's own checks): the caller reports it
    return errors
