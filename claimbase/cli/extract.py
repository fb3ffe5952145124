"""`claimbase extract PATH…`: print one JSON record per line (RECORD.md), no database."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated

import typer

from claimbase.cli.common import (
    check_actor_files,
    check_reference_date,
    fail_line,
    make_settings,
    read_documents,
)
from claimbase.cli.ingest import (
    ActorsOption,
    BroadOption,
    FocusOption,
    MaxBytesOption,
    ModelOption,
    ReferenceDateOption,
    WorkersOption,
)
from claimbase.config import Settings
from claimbase.record import Document
from claimbase.store.runner import process_documents


class Output(StrEnum):
    events = "events"
    attributions = "attributions"
    places = "places"


def extract(
    inputs: Annotated[list[str], typer.Argument(
        help="Files, directories, URLs, or - for standard input.", show_default=False)],
    output: Annotated[Output, typer.Option(
        "--output", "-o", help="Which records to print.")] = Output.events,
    actors: ActorsOption = None,
    model: ModelOption = None,
    workers: WorkersOption = None,
    max_bytes: MaxBytesOption = None,
    broad_attributions: BroadOption = None,
    focus: FocusOption = None,
    reference_date: ReferenceDateOption = None,
) -> None:
    """Print the records of documents as JSON lines (events, attributions or places)."""
    check_actor_files(actors)
    check_reference_date(reference_date)
    settings = make_settings(model=model, actors=actors, max_bytes=max_bytes,
                             workers=workers, broad_attributions=broad_attributions,
                             focus=focus, reference_date=reference_date)
    failed: list[tuple[str, str]] = []
    docs = read_documents(inputs, settings, failed)
    try:
        _print_records(docs, settings, output.value, failed)
    except BrokenPipeError:  # `claimbase extract … | head`: the reader has gone
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    raise typer.Exit(1 if failed else 0)


def _print_records(docs: Iterable[Document], settings: Settings, output: str,
                   failed: list[tuple[str, str]]) -> None:
    out = sys.stdout
    for outcome in process_documents(docs, settings, workers=settings.workers):
        if not outcome.ok or outcome.rows is None:
            fail_line(outcome.ref, outcome.error or "failed")
            failed.append((outcome.ref, outcome.error or "failed"))
            continue
        for record in outcome.rows.records(output):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("extract")(extract)
