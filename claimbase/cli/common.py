"""Helpers shared by the ingest, extract, stats, demo and bench commands."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from claimbase.config import Settings
from claimbase.record import Document

err_console = Console(stderr=True, highlight=False)


def fail_text(subject: str, reason: str) -> str:
    """The one-line error for a bad input: `claimbase: <input>: <reason>`."""
    reason = " ".join(str(reason).split()) or "unknown error"
    return f"claimbase: {subject}: {reason}"


def fail_line(subject: str, reason: str) -> None:
    print(fail_text(subject, reason), file=sys.stderr, flush=True)


def die(subject: str, reason: str, code: int = 1) -> None:
    fail_line(subject, reason)
    raise typer.Exit(code)


def describe_input_error(err: Any) -> tuple[str, str]:
    """(input, reason) of an input error from the readers, whatever its exact shape."""
    subject = getattr(err, "input", None) or getattr(err, "ref", None) \
        or getattr(err, "path", None)
    reason = getattr(err, "reason", None) or getattr(err, "message", None)
    if subject is not None and reason is not None:
        return str(subject), str(reason)
    text = str(err)
    if subject is not None:
        return str(subject), text
    head, sep, tail = text.partition(": ")
    return (head, tail) if sep else ("input", text)


def make_settings(model: str | None = None, actors: Iterable[Path] | None = None,
                  max_bytes: int | None = None, workers: int | None = None,
                  batch_size: int | None = None,
                  broad_attributions: bool | None = None,
                  focus: str | None = None,
                  reference_date: str | None = None) -> Settings:
    settings = Settings()
    if focus:
        settings.place_focus = focus
    if reference_date:
        settings.reference_date = reference_date
    if broad_attributions is not None:
        settings.broad_attributions = broad_attributions
    if model:
        settings.spacy_model = model
    if actors:
        settings.actors_files = [Path(p) for p in actors]
    if max_bytes is not None:
        settings.max_bytes = max_bytes
    if batch_size:
        settings.batch_size = batch_size
    if workers is not None:
        settings.workers = workers
    settings.workers = max(1, settings.workers)
    return settings


def check_actor_files(paths: Iterable[Path] | None) -> None:
    for path in paths or []:
        if not Path(path).is_file():
            die(str(path), "--actors: no such file")


def check_reference_date(value: str | None) -> None:
    """A one-line error unless `value` (--reference-date) is None or a YYYY-MM-DD date."""
    from datetime import date

    if value is None:
        return
    try:
        date.fromisoformat(value)
    except ValueError:
        die(f"--reference-date {value}", "not a date (expected YYYY-MM-DD)")


def read_documents(inputs: list[str], settings: Settings,
                   errors: list[tuple[str, str]]) -> Iterator[Document]:
    """The documents of the inputs, in order; each bad input is reported on stderr and
    appended to `errors`."""
    from claimbase.ingest.readers import read_inputs

    for item in read_inputs(inputs, settings):
        if isinstance(item, Document):
            yield item
        else:
            subject, reason = describe_input_error(item)
            fail_line(subject, reason)
            errors.append((subject, reason))
