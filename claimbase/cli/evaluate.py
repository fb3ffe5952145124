"""`claimbase eval …`: each scorer module in claimbase.eval registers its own command."""

from __future__ import annotations

import importlib

import typer

SCORERS = ["events", "attribution", "places", "linking"]


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    for name in SCORERS:
        try:
            module = importlib.import_module(f"claimbase.eval.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"claimbase.eval.{name}":
                raise
            continue
        module.register(eval_app)
