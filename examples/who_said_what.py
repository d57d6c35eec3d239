"""Who said what, in which mode, and through which channel it reached the article."""

from collections import defaultdict

import diplomodel as dm

dossier = dm.load_seed()
by_speaker: defaultdict[str, list[dm.Statement]] = defaultdict(list)
for statement in dossier.statements:
    for speaker in statement.speakers:
        by_speaker[speaker].append(statement)

for speaker, statements in by_speaker.items():
    print(dossier.get(speaker).name)
    for statement in statements:
        channel = dossier.get(statement.channel).name if statement.channel else "the article"
        words = statement.content.quote
        short = words if len(words) <= 70 else words[:67] + "..."
        print(f"  [{statement.mode.value}, via {channel}] {short}")
