"""`claimbase bench [PATH]`: pipeline throughput against bare spaCy on the same texts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from claimbase.bench import TARGET_RATIO, BenchResult, run_bench
from claimbase.cli.common import die, fail_line
from claimbase.cli.ingest import ModelOption


def bench_table(result: BenchResult) -> Table:
    table = Table(title="claimbase bench", title_justify="left")
    for header in ("run", "docs/s", "tokens/s", "seconds", "CPU s", "peak RSS MB"):
        table.add_column(header, justify="left" if header == "run" else "right")
    for run in (result.bare, result.parser, result.pipeline):
        if run is None:
            continue
        rss = f"{run.peak_rss_mb:.0f}" if run.peak_rss_mb is not None else "n/a"
        table.add_row(run.name, f"{run.docs_per_s:.2f}", f"{run.tokens_per_s:,.0f}",
                      f"{run.seconds:.2f}", f"{run.cpu_seconds:.2f}", rss)
    return table


def bench_notes(result: BenchResult) -> str:
    verdict = "[green]meets[/green]" if result.meets_target else "[red]below[/red]"
    return (f"{result.bare.documents} documents ({result.characters:,} characters) from "
            f"{result.source}\nmodel {result.model}, batch size {result.batch_size}; "
            f"{result.events} events\npipeline / bare = [bold]{result.ratio:.2f}[/bold] "
            f"({verdict} the {TARGET_RATIO:.2f} target); on CPU time "
            f"{result.cpu_ratio:.2f}\npipeline / its own parser alone (what the stages "
            f"cost) = {result.stages_ratio:.2f}")


def bench(
    path: Annotated[Path | None, typer.Argument(
        help="A file or folder of documents (e.g. a .jsonl corpus); default: the demo "
             "corpus.", show_default=False)] = None,
    model: ModelOption = None,
    limit: Annotated[int | None, typer.Option(
        "--limit", min=1, help="Use only the first N documents.")] = None,
    batch_size: Annotated[int | None, typer.Option(
        "--batch-size", min=1, help="nlp.pipe batch size for both runs (default: 32).")] = None,
    repeat: Annotated[int, typer.Option(
        "--repeat", min=1, help="Alternate the two runs N times; the fastest of each counts."
    )] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead.")] = False,
) -> None:
    """Time the full pipeline against a bare nlp.pipe of the same model (docs/s, tokens/s,
    their ratio, peak memory)."""
    if path is not None and not path.exists():
        die(str(path), "no such file or directory")
    try:
        result = run_bench(path, model=model, limit=limit, batch_size=batch_size,
                           on_error=fail_line, repeat=repeat)
    except (FileNotFoundError, ValueError) as exc:
        die(str(path or "bench"), str(exc))
    if as_json:
        print(json.dumps(result.as_dict(), indent=2))
    else:
        console = Console()
        console.print(bench_table(result))
        console.print(bench_notes(result), highlight=False, soft_wrap=True)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("bench")(bench)
