"""Write the seed dossier to JSON and read it back: nothing is lost."""

import sys
import tempfile
from pathlib import Path

import diplomodel as dm

dossier = dm.load_seed()
with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "seed.json"
    path.write_text(dm.to_json(dossier), encoding="utf-8")
    again = dm.from_json(path.read_text("utf-8"), dm.Dossier)
    print(f"wrote {path.stat().st_size} bytes of JSON")

print(f"read back equal: {again == dossier}")
print(
    f"people: {len(again.people)}, events: {len(again.events)}, statements: {len(again.statements)}"
)
sys.exit(0 if again == dossier else 1)
