"""The timeline of the seed: what took place, and what is planned or tentative."""

import diplomodel as dm

dossier = dm.load_seed()
entries = dossier.timeline()

print("Past and ongoing")
for entry in entries:
    if not entry.is_planned:
        when = entry.date.edtf if entry.date else "undated"
        print(f"  {when:<24} {entry.event.name}")

print("Planned or tentative")
for entry in entries:
    if entry.is_planned and entry.date is not None:
        print(
            f"  {entry.date.earliest or '..'} to {entry.date.latest or '..'} "
            f"({entry.date.text!r}, "
            f"{entry.event.status.value}): {entry.event.name}"
        )
