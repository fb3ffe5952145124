"""Every command the CLI registers is documented in README.md as `claimbase <name>`."""

from __future__ import annotations

import re
from typing import Any

import typer.main

from claimbase.cli import app
from tests.conftest import ROOT


def command_names(group: Any, prefix: str = "claimbase") -> list[str]:
    """`claimbase ingest`, `claimbase eval events`, …: every leaf and group, recursively."""
    names = []
    for name, cmd in sorted(group.commands.items()):
        if getattr(cmd, "hidden", False):
            continue
        full = f"{prefix} {name}"
        names.append(full)
        if isinstance(getattr(cmd, "commands", None), dict):  # a group (click or typer's)
            names.extend(command_names(cmd, full))
    return names


def test_walk_finds_the_core_commands():
    names = command_names(typer.main.get_command(app))
    for expected in ("claimbase ingest", "claimbase extract", "claimbase stats",
                     "claimbase demo", "claimbase bench", "claimbase eval",
                     "claimbase eval events", "claimbase gazetteer import"):
        assert expected in names


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [n for n in command_names(typer.main.get_command(app))
               if not re.search(re.escape(n) + r"(?![\w-])", readme)]
    assert not missing, f"README.md does not document: {', '.join(missing)}"


def test_readme_starts_with_the_two_make_commands():
    head = "\n".join((ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:40])
    assert "make demo" in head and "make test" in head
