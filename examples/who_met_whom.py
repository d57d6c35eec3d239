"""Who met whom, when, and in what part: every pair of people at each event of the seed."""

import datetime as dt

import diplomodel as dm

dossier = dm.load_seed()
people = {person.id for person in dossier.people}

meetings = sorted(
    dossier.interactions(),
    # An open start ("until March") has no first day: it sorts first.
    key=lambda m: (m.date.earliest or dt.date.min) if m.date else dt.date.max,
)
for meeting in meetings:
    first, second = meeting.first, meeting.second
    if first.participant not in people or second.participant not in people:
        continue  # people only: leave out delegations, parties and outlets
    when = meeting.date.edtf if meeting.date else "undated"
    print(
        f"{when:<12} {dossier.get(first.participant).name} ({first.part.value})"
        f" met {dossier.get(second.participant).name} ({second.part.value})"
        f" at {meeting.event.name}"
    )
