"""The `claimbase` command: a thin Typer CLI over the library.

Each command group lives in its own module with a `register(app, eval_app)` function; the
modules are listed in COMMAND_MODULES, in the order their commands appear in `--help`.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="claimbase",
    help="Sourced event data from conflict and geopolitical news: who did what to whom, "
    "where, when, and who says so.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score claimbase against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

COMMAND_MODULES = [
    "ingest",      # claimbase ingest
    "extract",     # claimbase extract
    "export",      # claimbase export
    "stats",       # claimbase stats
    "link",        # claimbase link
    "serve",       # claimbase serve
    "gazetteer",   # claimbase gazetteer import|build|lookup
    "demo",        # claimbase demo
    "bench",       # claimbase bench
    "evaluate",    # claimbase eval events|places|ucdp|polnear|plover|linking
]

for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(f"claimbase.cli.{_name}")
    except ModuleNotFoundError as exc:  # a command group not written yet
        if exc.name != f"claimbase.cli.{_name}":
            raise
        continue
    _module.register(app, eval_app)


def main() -> None:
    app()
