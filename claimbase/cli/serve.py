"""`claimbase serve`: the explorer — Datasette over the store, read-only, on localhost."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

LOOPBACK_NAMES = {"localhost", "ip6-localhost"}
# Datasette settings that keep the table page fast on a million events: no facet
# suggestions (they scan every column), short facet time limits, small pages.
SETTINGS = {
    "suggest_facets": "off",
    "facet_time_limit_ms": "40",
    "sql_time_limit_ms": "3000",
    "default_page_size": "50",
    "truncate_cells_html": "300",
    "num_sql_threads": "4",
}


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def store_path(db: str) -> Path:
    """The SQLite file to serve, or a one-line error naming the problem."""
    from claimbase.web.plugin import _inspect_file

    if "://" in db and not db.startswith("sqlite:///"):
        raise ValueError(f"--db {db}: the explorer serves a SQLite store file only "
                         "(export from PostgreSQL with `claimbase export`)")
    path = Path(db.removeprefix("sqlite:///")).expanduser()
    if not path.is_file():
        raise ValueError(f"--db {path}: no such database file")
    if _inspect_file(str(path)) is None:
        raise ValueError(f"--db {path}: not a claimbase store (no events table with records)")
    return path


def being_written(path: Path) -> bool:
    """A non-empty write-ahead log means a writer has changes not yet in the main file."""
    wal = path.with_name(path.name + "-wal")
    return wal.is_file() and wal.stat().st_size > 0


def datasette_args(path: Path, host: str, port: int, public: bool) -> list[str]:
    """The `datasette serve` arguments: immutable when nothing is writing, else read-only."""
    args = ["serve"]
    args += [str(path)] if being_written(path) else ["-i", str(path)]
    args += ["--host", host, "--port", str(port)]
    settings = dict(SETTINGS)
    if public:
        settings["allow_download"] = "off"
    for key, value in settings.items():
        args += ["--setting", key, value]
    return args


def serve_command(
    db: Annotated[str | None, typer.Option(help="SQLite store (default $CLAIMBASE_DB or "
                                           "claimbase.db).")] = None,
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8001,
    public: Annotated[bool, typer.Option("--public", help="Allow binding to a non-loopback "
                                         "address (anyone who can reach it can read the "
                                         "store).")] = False,
) -> None:
    """Browse the store in Datasette: facets, search, map, event and actor pages."""
    from claimbase.store import default_db

    try:
        path = store_path(db or default_db())
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    if not is_loopback(host):
        if not public:
            typer.echo(f"error: --host {host} is not a loopback address; add --public to "
                       "serve the store to the network", err=True)
            raise typer.Exit(2)
        typer.echo(f"WARNING: serving {path} on {host}:{port} to the network, read-only and "
                   "without authentication: anyone who can reach this address can read it.",
                   err=True)
    from claimbase.web.plugin import _inspect_file

    if "events_fts" not in (_inspect_file(str(path)) or {}).get("tables", ()):
        typer.echo("note: the store has no events_fts table, so full-text search is off",
                   err=True)
    if being_written(path):
        typer.echo(f"note: {path} has a non-empty write-ahead log (a writer is active); "
                   "serving it read-only instead of immutable.", err=True)
    typer.echo(f"claimbase explorer: http://{host}:{port}/{path.stem}/events", err=True)
    from datasette.cli import cli

    cli.main(args=datasette_args(path, host, port, public), prog_name="claimbase serve")


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("serve")(serve_command)
