"""What does each source say about this meeting? Four reports of one meeting, merged.

Reads the test corpus of four short reports of the Lisbon talks of Portugal's and
Norway's foreign ministers: three that agree, and one that contradicts them.
"""

from pathlib import Path

import diplomodel as dm

REPORTS = Path(__file__).parent.parent / "tests" / "fixtures" / "merge"
MEETING = "pt-no-foreign-ministers-talks-2025-03"

corpus = dm.Corpus.load(
    REPORTS / f"{name}.toml" for name in ("preview", "report", "review", "contradicting")
)
publisher = {d.article.id: d.article.publisher for d in corpus.dossiers}


def by(articles: tuple[str, ...]) -> str:
    return " and ".join(publisher[a] for a in articles)


talks = corpus.get(MEETING, dm.Event)
print(f"{talks.name} ({len(corpus.sources(MEETING))} sources)")
print("  also called: " + "; ".join(corpus.names(MEETING)[1:]))
dated = [
    f"{said.value.edtf} ('{said.value.text}') by {by(said.articles)}"
    for said in corpus.attestations(MEETING, "date")
]
print("  dated " + "; ".join(dated))
places = [
    f"{said.value.name} by {by(said.articles)}" for said in corpus.attestations(MEETING, "place")
]
print("  held in " + "; ".join(places))
for report in corpus.history(MEETING):
    print(f"  {report.status.value} on {report.published} by {publisher[report.article]}")
for said in corpus.attestations(MEETING, "participants"):
    who = corpus.name_of(said.value.participant)
    print(f"  {who} as {said.value.part.value} by {by(said.articles)}")
for dossier in corpus.dossiers:
    for statement in dossier.statements:
        speakers = " and ".join(corpus.name_of(s) for s in statement.speakers)
        print(f"  {dossier.article.publisher} quotes {speakers}: {statement.content.quote}")
for item in corpus.consensus_where(party="ana-ferreira"):
    articles = tuple(a for a, _version in corpus.sources(item.id))
    print(f"  {item.status.value}: {item.content.quote} (by {by(articles)})")

print(f"\nWhere the sources disagree ({len(corpus.conflicts)}):")
for conflict in corpus.conflicts:
    values = "; ".join(
        f"{dm.to_json(v, indent=None)} by {publisher[a]}" for a, v in conflict.values
    )
    print(f"  {conflict.id}.{conflict.field}: {values}")
