"""The seed as pandas DataFrames: one per table, joined on ids (needs diplomodel[pandas])."""

import pandas as pd

import diplomodel as dm

frames = {name: pd.DataFrame(rows) for name, rows in dm.to_records(dm.load_seed()).items()}

print("Statements per reporting channel")
channels = frames["statements"]["channel"].fillna("(none)")
print(channels.value_counts().sort_index().to_string())

print("\nEvents per person")
participations = frames["participations"].merge(
    frames["people"], left_on="participant", right_on="id"
)
print(participations.groupby("name")["event"].count().sort_values(ascending=False).to_string())

print("\nConsensus items by status")
print(frames["consensus_items"]["status"].value_counts().sort_index().to_string())
