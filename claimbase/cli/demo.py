"""`claimbase demo`: ingest the bundled example corpus, link it, and show what came out."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from claimbase.cli.common import die, err_console
from claimbase.cli.ingest import DbOption, WorkersOption, run_ingest
from claimbase.cli.stats import render_stats

PACKAGE_DIR = Path(__file__).resolve().parent.parent
CORPUS_CANDIDATES = (
    PACKAGE_DIR / "data" / "corpus",                     # bundled with the package
    PACKAGE_DIR.parent / "examples" / "corpus",          # a source checkout
)


def find_corpus() -> Path | None:
    """The demo corpus: bundled with the package, else `examples/corpus` of the checkout."""
    for path in CORPUS_CANDIDATES:
        if path.is_dir() and any(p.is_file() for p in path.iterdir()):
            return path
    return None


def run_linking(store: Any) -> str:
    """Link the store; a one-line note of what linking found."""
    from claimbase.link.run import link_store

    report = link_store(store)
    return (f"linked: {report.reposts} re-posts, {report.events} events in "
            f"{report.clusters} clusters ({report.multi_report_clusters} reported by several "
            f"documents), {report.contradictions} contradictions")


def demo(
    db: DbOption = None,
    corpus: Annotated[Path | None, typer.Option(
        "--corpus", help="Another folder of articles to use instead of the bundled one.")] = None,
    workers: WorkersOption = None,
) -> None:
    """Ingest the example corpus, link it, and print a summary of the store."""
    source = corpus or find_corpus()
    if source is None or not source.is_dir():
        die("demo", "no example corpus found (expected examples/corpus/ in the checkout "
            "or claimbase/data/corpus/ in the package)")
    if not any(p.is_file() for p in source.rglob("*")):
        die(str(source), "no articles in the demo corpus folder")
    err_console.print(f"[bold]claimbase demo[/bold]: ingesting {source}", soft_wrap=True)
    store, report = run_ingest([str(source)], db, workers=workers)
    err_console.print(run_linking(store), soft_wrap=True)
    console = Console()
    console.print(render_stats(store.stats(), store.location), soft_wrap=True)
    target = shlex.quote(store.location)
    console.print(f"\nOpen the explorer:  [bold]claimbase serve --db {target}[/bold]"
                  f"\nSummary again:      claimbase stats --db {target}", soft_wrap=True)
    store.close()
    raise typer.Exit(1 if report.failed else 0)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("demo")(demo)
