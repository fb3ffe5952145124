"""`claimbase link`: re-posts, event clusters, corroboration and contradictions."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from claimbase.cli.common import die
from claimbase.store import default_db


def open_existing(db: str | None) -> Any:
    from claimbase.cli.ingest import open_store

    target = db or default_db()
    if "://" not in target and not Path(target).exists():
        die(f"--db {target}", "no such store (run `claimbase ingest` first)")
    return open_store(target)


def link(
    db: Annotated[str | None, typer.Option("--db", help="Store: SQLite path or URL.")] = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Cluster every event anew.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead.")] = False,
) -> None:
    """Link the store: group re-posts, cluster events reported by several documents,
    count corroboration and find contradictions. Incremental unless --rebuild."""
    from claimbase.link.run import link_store

    store = open_existing(db)
    report = link_store(store, rebuild=rebuild)
    store.close()
    if as_json:
        print(json.dumps(asdict(report)))
        return
    table = Table(title="Linking", show_header=False, title_justify="left")
    table.add_column("what", style="bold")
    table.add_column("n", justify="right")
    for key, value in asdict(report).items():
        table.add_row(key.replace("_", " "), str(value))
    Console().print(table)


def render_profiles(profiles: list[dict[str, Any]]) -> Table:
    table = Table(title="Source profiles (neutral counts; claimbase rates no outlet)",
                  title_justify="left")
    for col in ("kind", "name", "docs", "events", "author", "person", "org", "media",
                "anonymous", "rumor", "hedged", "disputes", "re-posts of", "re-posted by"):
        table.add_column(col, justify="left" if col in ("kind", "name") else "right")
    for p in profiles:
        share = p["source_kind_share"]
        table.add_row(
            p["kind"], p["name"], str(p["documents"]), str(p["events"]),
            *(f"{share[k]:.0%}" for k in ("author", "person", "organization", "media",
                                          "anonymous", "rumor")),
            f"{p['hedged_share']:.0%}", str(p["disputes"]),
            ", ".join(p["reposts_of"]) or "—", ", ".join(p["reposted_by"]) or "—")
    return table


def source_profiles_of(store: Any) -> list[dict[str, Any]]:
    from claimbase.link.profiles import source_profiles

    docs = [{k: v for k, v in d.items() if k != "text"} for d in store.iter_rows("documents")]
    return source_profiles(docs, store.iter_event_records(), store.iter_rows("reposts"))


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("link")(link)
