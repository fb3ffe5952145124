"""`claimbase stats`: what the store holds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from claimbase.cli.common import die
from claimbase.cli.ingest import DbOption, open_store
from claimbase.store import default_db


def _counts_table(title: str, rows: list[tuple[Any, ...]], headers: tuple[str, ...]) -> Table:
    table = Table(title=title, title_justify="left")
    for n, header in enumerate(headers):
        table.add_column(header, justify="right" if n == len(headers) - 1 else "left")
    for row in rows:
        table.add_row(*("—" if v is None else str(v) for v in row))
    if not rows:
        table.add_row(*(["(none)"] + [""] * (len(headers) - 1)))
    return table


def render_stats(stats: dict[str, Any], location: str) -> Group:
    """The Rich summary: totals, events by type, claims by source kind, top actors, places."""
    totals = Table(title="Totals", show_header=False, title_justify="left")
    totals.add_column("what", style="bold")
    totals.add_column("n", justify="right")
    for key in ("documents", "events", "attributions", "places"):
        totals.add_row(key, str(stats[key]))
    return Group(
        Text(f"claimbase store: {location}", style="bold"),
        totals,
        _counts_table("Events by type", list(stats["events_by_type"].items()),
                      ("event type", "events")),
        _counts_table("Claims by source kind", list(stats["claims_by_source_kind"].items()),
                      ("source kind", "events")),
        _counts_table("Claims by modality", list(stats["claims_by_modality"].items()),
                      ("modality", "events")),
        _counts_table("Top actors", [(a["actor"], a["events"]) for a in stats["top_actors"]],
                      ("actor", "events")),
        _counts_table("Top places",
                      [(p["place"], p["country"], p["events"]) for p in stats["top_places"]],
                      ("place", "country", "events")),
        _counts_table("Outlets", [(o["outlet"], o["documents"]) for o in stats["outlets"]],
                      ("outlet", "documents")),
    )


def stats(
    db: DbOption = None,
    top: Annotated[int, typer.Option("--top", min=1, help="How many actors/places.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead.")] = False,
    sources: Annotated[bool, typer.Option(
        "--sources", help="Source profiles per outlet and author: claims by source kind, "
        "hedged share, disputes of other outlets, re-posting ties.")] = False,
) -> None:
    """Summarise the store: documents, events by type, claims by source kind, top actors
    and places (with --sources: the source profiles)."""
    target = db or default_db()
    if "://" not in target and not Path(target).exists():
        die(f"--db {target}", "no such store (run `claimbase ingest` first)")
    store = open_store(target)
    if sources:
        from claimbase.cli.link import render_profiles, source_profiles_of

        profiles = source_profiles_of(store)
        store.close()
        if as_json:
            print(json.dumps({"sources": profiles}, ensure_ascii=False, indent=2))
        else:
            Console().print(render_profiles(profiles))
        return
    data = store.stats(top=top)
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        Console().print(render_stats(data, store.location), soft_wrap=True)
    store.close()


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("stats")(stats)
