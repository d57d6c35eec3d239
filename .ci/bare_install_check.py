"""Run in a venv holding a plain `pip install .`: the seed loads, and nothing but
diplomodel's three runtime dependencies (and what they need in turn) is installed."""

from importlib import metadata

from pip._vendor.packaging.requirements import Requirement  # the venv's own pip

import diplomodel

diplomodel.load_seed()


def name(text: str) -> str:
    return text.lower().replace("_", "-")


def runtime_requirements(package: str) -> set[str]:
    """What ``package`` needs when no extra is asked for, on this Python."""
    found = set()
    for text in metadata.requires(package) or []:
        requirement = Requirement(text)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            found.add(name(requirement.name))
    return found


direct = runtime_requirements("diplomodel")
assert direct == {"attrs", "cattrs", "python-dateutil"}, direct
needed, todo = set(), list(direct)
while todo:
    package = todo.pop()
    if package in needed:
        continue
    needed.add(package)
    todo.extend(runtime_requirements(package))
installed = {name(d.metadata["Name"]) for d in metadata.distributions()}
extra = installed - needed - {"diplomodel", "pip", "setuptools", "wheel"}
assert not extra, f"installed but not needed at run time: {sorted(extra)}"
print(f"bare install: diplomodel with {sorted(needed)}")
