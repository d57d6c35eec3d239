"""The model classes: frozen, keyword-only, and strict about what they hold."""

from __future__ import annotations

import ast
import inspect
import itertools
import textwrap

import attrs
import pytest
from conftest import cite

import diplomodel as dm
from diplomodel.statements import SpeechAct


def test_objects_are_frozen(tiny: dm.Dossier) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        tiny.people[0].name = "Someone"  # type: ignore[misc]


def test_fields_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        dm.Evidence("Wang", 0, 4)  # type: ignore[misc]


def test_evidence_offsets_must_span_the_quote() -> None:
    assert dm.Evidence(quote="Wang", start=10, end=14).end == 14
    with pytest.raises(ValueError, match="span 5 code points"):
        dm.Evidence(quote="Wang", start=10, end=15)
    with pytest.raises(ValueError, match="start"):
        dm.Evidence(quote="Wang", start=-1, end=3)
    with pytest.raises(ValueError, match="quote: must not be empty"):
        dm.Evidence(quote=" ", start=0, end=1)


def test_evidence_sorts_in_reading_order() -> None:
    spans = [dm.Evidence(quote="b", start=5, end=6), dm.Evidence(quote="a", start=1, end=2)]
    assert [s.quote for s in sorted(spans)] == ["a", "b"]


def test_ids_are_slugs() -> None:
    with pytest.raises(ValueError, match="slug id"):
        dm.Country(id="China", name="China", alpha2="CN", alpha3="CHN", evidence=(cite("Beijing"),))


def test_person_name_is_family_and_given_name_in_either_order() -> None:
    common = {
        "id": "p",
        "family_name": "Moriyama",
        "given_name": "Hiroshi",
        "evidence": (cite("Wang"),),
    }
    assert dm.Person(name="Hiroshi Moriyama", **common).name == "Hiroshi Moriyama"
    assert dm.Person(name="Moriyama Hiroshi", **common).family_name == "Moriyama"
    with pytest.raises(ValueError, match="family and given names"):
        dm.Person(name="H. Moriyama", **common)


def test_country_codes_follow_iso_3166() -> None:
    with pytest.raises(ValueError, match="alpha3"):
        dm.Country(id="cn", name="China", alpha2="CN", alpha3="CN", evidence=(cite("Beijing"),))


def test_a_consensus_needs_two_sides() -> None:
    with pytest.raises(ValueError, match="two sides"):
        dm.ConsensusItem(
            id="c", parties=("a",), status=dm.ConsensusStatus.AGREED, content=cite("Wang")
        )


def test_series_and_number_go_together() -> None:
    with pytest.raises(ValueError, match="series and number"):
        dm.Event(
            id="e",
            name="e",
            kind=dm.EventKind.MEETING,
            status=dm.EventStatus.PLANNED,
            number=10,
            evidence=(cite("Wang"),),
        )


def test_cameo_codes_come_from_the_plover_table() -> None:
    code = dm.cameo_code("042")
    assert (code.plover, code.mode, code.label) == ("CONSULT", "visit", "Make a visit")
    assert dm.cameo_code("036").context == "diplomatic"
    with pytest.raises(dm.DiplomodelError, match="'0999' is not a CAMEO code"):
        dm.cameo_code("0999")


def test_repeated_topics_are_refused() -> None:
    with pytest.raises(ValueError, match="repeats"):
        dm.Statement(
            id="s",
            speakers=("a",),
            mode=dm.StatementMode.PARAPHRASE,
            act=SpeechAct.CLAIM,
            content=cite("Wang"),
            topics=("x", "x"),
            evidence=(cite("Wang"),),
        )


def test_get_finds_objects_by_id_and_checks_their_kind(tiny: dm.Dossier) -> None:
    assert tiny.get("wang-yi").id == "wang-yi"
    assert tiny.get("wang-yi", dm.Person).family_name == "Wang"
    assert "talks" in tiny
    assert "nobody" not in tiny
    with pytest.raises(LookupError, match="no object with id 'nobody'"):
        tiny.get("nobody")
    with pytest.raises(LookupError, match="'talks' is an event, not a person"):
        tiny.get("talks", dm.Person)


def test_a_dossier_reports_every_problem_at_once(tiny: dm.Dossier) -> None:
    bad_person = attrs.evolve(tiny.people[1], id="wang-yi", country="fr")
    with pytest.raises(dm.ValidationError) as caught:
        attrs.evolve(tiny, people=(tiny.people[0], bad_person))
    paths = {problem.path for problem in caught.value.problems}
    # The renamed person also leaves the references to takeshi-iwaya dangling.
    assert paths == {
        '$.people[1] ("wang-yi").id',
        '$.people[1] ("wang-yi").country',
        '$.events[0] ("talks").participants[1].participant',
        '$.consensus_items[0] ("hold-talks").parties[1]',
    }


def test_institution_parents_may_not_form_a_cycle(tiny: dm.Dossier) -> None:
    a = dm.Institution(
        id="a", name="A", kind=dm.InstitutionKind.PARTY, parent="b", evidence=(cite("Wang"),)
    )
    b = dm.Institution(
        id="b", name="B", kind=dm.InstitutionKind.PARTY, parent="a", evidence=(cite("Wang"),)
    )
    with pytest.raises(dm.ValidationError, match="cycle"):
        attrs.evolve(tiny, institutions=(*tiny.institutions, a, b))


def test_shorten_keeps_error_values_to_a_few_dozen_characters() -> None:
    from diplomodel.errors import shorten

    assert shorten("x" * 5_000_000) == repr("x" * 40) + "\u2026"
    assert shorten(list(range(100_000))) == "[0, 1, 2, 3, ...]"
    assert shorten(10**5000 - 1) == "an integer of about 5000 digits"
    assert len(shorten({"k" * 100: [[[[1]]]] * 50})) <= 80
    assert shorten("short") == "'short'"


def test_reprs_are_short_and_name_the_object() -> None:
    seed = dm.load_seed()
    for entity in seed.entities():
        text = repr(entity)
        assert len(text) < 120, text
        assert text.startswith(f"{type(entity).__name__}(id={entity.id!r}")
    person = seed.get("wang-yi", dm.Person)
    assert repr(person) == f"Person(id='wang-yi', name={person.name!r})"
    statement = seed.statements[0]
    assert statement.content.quote[:20] in repr(statement)
    article = repr(seed.article)
    assert len(article) < 160
    assert seed.article.publisher in article
    assert seed.article.published.isoformat() in article
    assert seed.article.text[:200] not in article
    parts = [
        *(role for person in seed.people for role in person.roles),
        *(p for event in seed.events for p in event.participants),
        *(event.place for event in seed.events if event.place),
        *seed.article.artifacts,
        *seed.uncited,
        *(evidence for entity in seed.entities() for evidence in getattr(entity, "evidence", ())),
    ]
    assert parts
    assert all(len(repr(part)) < 200 for part in parts)
    huge = dm.Evidence(quote="w" * 100_000, start=0, end=100_000)
    assert len(repr(huge)) < 100


def test_every_enum_member_of_the_model_has_a_docstring() -> None:
    kinds = (
        dm.ArtifactKind,
        dm.InstitutionKind,
        dm.EventKind,
        dm.EventStatus,
        dm.ParticipantPart,
        dm.StatementMode,
        dm.ConsensusStatus,
    )
    for kind in kinds:
        (body,) = ast.parse(textwrap.dedent(inspect.getsource(kind))).body
        assert isinstance(body, ast.ClassDef)
        statements = body.body
        documented = {
            target.id
            for statement, following in itertools.pairwise(statements)
            if isinstance(statement, ast.Assign)
            for target in statement.targets
            if isinstance(target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        }
        assert documented == set(kind.__members__), kind


def test_shorten_cuts_long_strings_at_a_word_and_never_in_the_middle() -> None:
    from diplomodel.errors import shorten

    assert shorten("a" * 47) == repr("a" * 47)
    words = "Hiroshi Moriyama of the Liberal Democratic Party and more words here"
    assert shorten(words) == repr("Hiroshi Moriyama of the Liberal") + "\u2026"
    assert shorten(words, 80) == repr(words)
    assert "..." not in shorten("x" * 48 + " y")
