"""Countries are checked against the shipped ISO 3166-1 table: codes, their pairing, names."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import diplomodel as dm
from diplomodel.countries import IsoCountry, iso_countries, iso_country

ROOT = Path(__file__).parent.parent
ISO_JSON = Path("/usr/share/iso-codes/json/iso_3166-1.json")
TABLE = ROOT / "src" / "diplomodel" / "data" / "iso3166-1.tsv"


def _china(**change: Any) -> dict[str, Any]:
    data = dm.to_dict(dm.load_seed().get("cn", dm.Country))
    data.update(change)
    return data


def _problems(data: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(dm.ValidationError) as caught:
        dm.from_dict(data, dm.Country)
    return {problem.path: problem.message for problem in caught.value.problems}


def test_the_table_has_every_assigned_country_with_its_source_and_license() -> None:
    table = iso_countries()
    assert len(table) == 249
    assert len({row.alpha3 for row in table.values()}) == 249
    assert len({row.numeric for row in table.values()}) == 249
    head = TABLE.read_text("utf-8").splitlines()[:3]
    assert "iso-codes 4.15.0" in head[0]
    assert "LGPL-2.1-or-later" in head[1]
    china = iso_country("CN")
    assert (china.alpha3, china.numeric, china.name) == ("CHN", "156", "China")
    assert iso_country("KOR").names == ("Korea, Republic of", "South Korea", "Republic of Korea")


def test_no_name_belongs_to_two_countries() -> None:
    owner: dict[str, str] = {}
    for row in iso_countries().values():
        for name in row.names:
            assert owner.setdefault(name, row.alpha2) == row.alpha2, name


@pytest.mark.skipif(
    not ISO_JSON.is_file() or not (ROOT / "tools").is_dir(),
    reason="needs the iso-codes package and a source checkout",
)
def test_the_table_matches_iso_codes_and_its_script_rewrites_it_unchanged(tmp_path: Path) -> None:
    source = json.loads(ISO_JSON.read_text("utf-8"))["3166-1"]
    table = iso_countries()
    assert {entry["alpha_2"] for entry in source} == set(table)
    for entry in source:
        row = table[entry["alpha_2"]]
        assert row.alpha3 == entry["alpha_3"]
        assert row.numeric == entry["numeric"]
        assert row.name == entry["name"]
        assert row.official_name == entry.get("official_name")
        assert row.common_name == entry.get("common_name")
    remade = tmp_path / "iso3166-1.tsv"
    script = ROOT / "tools" / "make_iso3166.py"
    subprocess.run([sys.executable, str(script), str(ISO_JSON), str(remade)], check=True)
    assert remade.read_bytes() == TABLE.read_bytes()


def test_an_unknown_code_is_not_found() -> None:
    with pytest.raises(dm.NotFoundError, match="'PRU' is not an ISO 3166-1"):
        iso_country("PRU")
    with pytest.raises(dm.NotFoundError):
        iso_country(["CN"])  # type: ignore[arg-type]


def test_an_unassigned_alpha2_is_refused() -> None:
    problems = _problems(_china(alpha2="XX"))
    assert problems == {"$.alpha2": "'XX' is not an assigned ISO 3166-1 alpha-2 code"}


def test_an_unassigned_alpha3_is_refused_for_peru() -> None:
    problems = _problems(_china(name="Peru", alpha2="PE", alpha3="PRU"))
    assert problems == {"$.alpha3": "'PRU' is not an assigned ISO 3166-1 alpha-3 code"}
    assert dm.from_dict(_china(name="Peru", alpha2="PE", alpha3="PER"), dm.Country).alpha3 == "PER"


def test_an_alpha3_of_another_country_names_the_right_pair() -> None:
    problems = _problems(_china(alpha3="JPN"))
    assert list(problems) == ["$.alpha3"]
    message = problems["$.alpha3"]
    assert "'JPN' is the alpha-3 code of Japan (JP/JPN)" in message
    assert "CN/CHN" in message


def test_a_name_not_of_the_country_names_the_accepted_ones() -> None:
    problems = _problems(_china(name="Japan"))
    assert list(problems) == ["$.name"]
    assert "'Japan' is not a name of CN" in problems["$.name"]
    assert "'China'" in problems["$.name"]
    assert "People's Republic of China" in problems["$.name"]


@pytest.mark.parametrize(
    ("alpha2", "name"),
    [
        ("KR", "South Korea"),
        ("KR", "Korea, Republic of"),
        ("KP", "North Korea"),
        ("RU", "Russia"),
        ("RU", "Russian Federation"),
        ("VN", "Vietnam"),
        ("TW", "Taiwan"),
        ("US", "the United States"),
        ("US", "United States of America"),
        ("GB", "Britain"),
        ("CZ", "Czechia"),
        ("TR", "Turkey"),
    ],
)
def test_the_tables_names_and_common_short_names_are_accepted(alpha2: str, name: str) -> None:
    row: IsoCountry = iso_country(alpha2)
    country = dm.from_dict(_china(name=name, alpha2=alpha2, alpha3=row.alpha3), dm.Country)
    assert (country.alpha2, country.alpha3, country.name) == (alpha2, row.alpha3, name)


def test_a_country_built_in_python_is_checked_the_same_way() -> None:
    seed_china = dm.load_seed().get("cn", dm.Country)
    with pytest.raises(dm.errors.FieldError) as caught:
        dm.Country(id="cn", name="China", alpha2="CN", alpha3="JPN", evidence=seed_china.evidence)
    assert caught.value.field == "alpha3"
    with pytest.raises(dm.errors.FieldError) as caught:
        dm.Country(id="cn", name="Chine", alpha2="CN", alpha3="CHN", evidence=seed_china.evidence)
    assert caught.value.field == "name"


def test_every_country_problem_is_reported_at_once_and_the_name_waits_for_its_code() -> None:
    problems = _problems(_china(id="China", name="Cathay", alpha2="ZZ", alpha3="ZZZ"))
    # With no country for "ZZ", neither the name nor the pairing can be checked.
    assert set(problems) == {"$.id", "$.alpha2", "$.alpha3"}


SMALL_TEXT = "Officials of Peru and South Korea met in Lima."


def _curation(tmp_path: Path, countries: str) -> Path:
    (tmp_path / "small.txt").write_text(SMALL_TEXT, "utf-8")
    curation = tmp_path / "small.toml"
    curation.write_text(
        '[article]\nid = "small"\ntext = "small.txt"\npublisher = "Example News"\n'
        "published = 2025-01-14\n" + countries,
        "utf-8",
    )
    return curation


def test_a_curation_with_the_wrong_code_for_peru_fails_at_its_key(tmp_path: Path) -> None:
    curation = _curation(
        tmp_path,
        '[[countries]]\nid = "pe"\nname = "Peru"\nalpha2 = "PE"\nalpha3 = "PRU"\n'
        'evidence = ["Peru"]\n'
        '[[countries]]\nid = "kr"\nname = "Korea"\nalpha2 = "KR"\nalpha3 = "KOR"\n'
        'evidence = ["South Korea"]\n',
    )
    with pytest.raises(dm.CurationError) as caught:
        dm.load(curation)
    problems = {problem.path: problem.message for problem in caught.value.problems}
    assert set(problems) == {'countries[0] ("pe").alpha3', 'countries[1] ("kr").name'}
    assert "'PRU'" in problems['countries[0] ("pe").alpha3']
    assert "'South Korea'" in problems['countries[1] ("kr").name']


def test_a_curation_with_iso_names_and_codes_loads(tmp_path: Path) -> None:
    curation = _curation(
        tmp_path,
        '[[countries]]\nid = "pe"\nname = "Peru"\nalpha2 = "PE"\nalpha3 = "PER"\n'
        'evidence = ["Peru"]\n'
        '[[countries]]\nid = "kr"\nname = "South Korea"\nalpha2 = "KR"\nalpha3 = "KOR"\n'
        'evidence = ["South Korea"]\n',
    )
    dossier = dm.load(curation)
    assert [(c.alpha2, c.alpha3) for c in dossier.countries] == [("PE", "PER"), ("KR", "KOR")]


def test_importing_the_package_does_not_read_the_table() -> None:
    code = (
        "import diplomodel, diplomodel.countries as c\n"
        "assert c.iso_countries.cache_info().currsize == 0\n"
        "c.iso_country('CN')\n"
        "assert c.iso_countries.cache_info().currsize == 1\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
