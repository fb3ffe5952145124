"""`claimbase export`: the store's events in jsonl, ACLED CSV, GeoJSON, GEXF, GraphML,
Parquet or schema.org ClaimReview."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimbase.export import FORMATS, ExportError, Filters, export
from claimbase.export.query import TABLES, default_db

_KINDS = "author, person, organization, media, anonymous or rumor"
_MODALITIES = "asserted, hedged, future, hypothetical, negated or question"
_DB_HELP = "Store: a SQLite path or database URL (default $CLAIMBASE_DB or claimbase.db)."
Text = str | None


def export_command(
    fmt: Annotated[str, typer.Option("--format", "-f", help=" | ".join(FORMATS))] = "jsonl",
    db: Annotated[Text, typer.Option("--db", help=_DB_HELP)] = None,
    table: Annotated[str, typer.Option(help="jsonl only: " + " | ".join(TABLES))] = "events",
    output: Annotated[Path | None, typer.Option("-o", "--output",
                                                help="Output file (default stdout).")] = None,
    since: Annotated[Text, typer.Option(help="Events on or after YYYY-MM-DD.")] = None,
    until: Annotated[Text, typer.Option(help="Events on or before YYYY-MM-DD.")] = None,
    country: Annotated[Text, typer.Option(help="ISO2, ISO3 or country name.")] = None,
    actor: Annotated[Text, typer.Option(help="Actor id or name (actor or recipient).")] = None,
    event_type: Annotated[Text, typer.Option(help="PLOVER or ACLED event type.")] = None,
    source_kind: Annotated[Text, typer.Option(help=_KINDS)] = None,
    modality: Annotated[Text, typer.Option(help=_MODALITIES)] = None,
    all_events: Annotated[bool, typer.Option("--all",
                                             help="acled-csv: also non-ACLED events.")] = False,
) -> None:
    """Export events (or another table) from the store.

    ClaimReview output never carries a reviewRating: claimbase reports who claims what, it does not rate claims.
    """
    filters = Filters(since=since, until=until, country=country, actor=actor,
                      event_type=event_type, source_kind=source_kind, modality=modality)
    if table not in TABLES:
        raise _fail(f"--table {table!r}: must be one of {', '.join(TABLES)}")
    try:
        n = export(db or default_db(), fmt, output, table=table, filters=filters,
                   all_events=all_events)
    except ExportError as exc:
        raise _fail(str(exc)) from None
    if output is not None:
        typer.echo(f"wrote {n} {'rows' if fmt != 'claimreview' else 'claim reviews'} "
                   f"to {output}", err=True)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(2)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("export")(export_command)
