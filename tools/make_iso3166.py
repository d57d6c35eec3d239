"""Write ``src/diplomodel/data/iso3166-1.tsv`` from Debian's iso-codes ISO 3166-1 table.

Usage: ``python tools/make_iso3166.py [iso_3166-1.json [table.tsv]]``. The JSON file
comes with the iso-codes package (``/usr/share/iso-codes/json/iso_3166-1.json``
on Debian and Ubuntu). The table keeps, per country, the alpha-2, alpha-3 and
numeric codes and the English names; the last column adds the common English
short names a curator may write that the table lacks (``OTHER_NAMES``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SOURCE = Path("/usr/share/iso-codes/json/iso_3166-1.json")
SOURCE_VERSION = "4.15.0"
TARGET = Path(__file__).resolve().parent.parent / "src" / "diplomodel" / "data" / "iso3166-1.tsv"

OTHER_NAMES = {
    "BN": ["Brunei"],
    "CD": ["Democratic Republic of the Congo", "DR Congo"],
    "CI": ["Ivory Coast"],
    "CV": ["Cape Verde"],
    "FM": ["Micronesia"],
    "GB": ["the United Kingdom", "Britain", "Great Britain"],
    "KR": ["Republic of Korea"],
    "NL": ["the Netherlands"],
    "PH": ["the Philippines"],
    "PS": ["Palestine"],
    "RU": ["Russia"],
    "TL": ["East Timor"],
    "TR": ["Turkey"],
    "US": ["the United States", "the United States of America"],
    "VA": ["Vatican City", "Holy See", "the Holy See"],
}
"""Common English short names of countries whose ISO 3166-1 names differ (diplomodel's own)."""

COLUMNS = ("alpha2", "alpha3", "numeric", "name", "official_name", "common_name", "other_names")


def rows(source: Path) -> list[list[str]]:
    """The table's rows, sorted by alpha-2 code; checks that every added name is new."""
    entries = json.loads(source.read_text("utf-8"))["3166-1"]
    table: list[list[str]] = []
    taken: dict[str, str] = {}
    for entry in sorted(entries, key=lambda entry: entry["alpha_2"]):
        code = entry["alpha_2"]
        own = [entry.get(key, "") for key in ("name", "official_name", "common_name")]
        others = OTHER_NAMES.get(code, [])
        for name in [*own, *others]:
            if not name:
                continue
            if "\t" in name or ";" in name or taken.get(name, code) != code:
                raise SystemExit(f"name {name!r} of {code} cannot go in the table")
            taken[name] = code
        if set(others) & set(own):
            raise SystemExit(f"{code}: {sorted(set(others) & set(own))} are in iso-codes already")
        table.append([code, entry["alpha_3"], entry["numeric"], *own, ";".join(others)])
    unknown = set(OTHER_NAMES) - {row[0] for row in table}
    if unknown:
        raise SystemExit(f"OTHER_NAMES has codes not in the table: {sorted(unknown)}")
    return table


def main() -> None:
    """Write the table, with a header naming its source and license."""
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else TARGET
    header = [
        f"# ISO 3166-1 countries, from iso-codes {SOURCE_VERSION} (iso_3166-1.json),",
        "# https://salsa.debian.org/iso-codes-team/iso-codes, LGPL-2.1-or-later.",
        "# The other_names column is diplomodel's: common English short names the",
        "# iso-codes names lack. Regenerate with tools/make_iso3166.py.",
        "# Tab-separated; other_names are separated by semicolons.",
        "\t".join(COLUMNS),
    ]
    lines = [*header, *("\t".join(row) for row in rows(source))]
    target.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"wrote {len(lines) - len(header)} countries to {target.name}")


if __name__ == "__main__":
    main()
