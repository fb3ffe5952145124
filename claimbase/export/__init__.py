"""Export: the event data in the formats other tools read.

    export("claimbase.db", "acled-csv", "events.csv", filters=Filters(country="SY"))

Formats: jsonl (any table; events as full RECORD.md records), acled-csv, geojson, gexf,
graphml, parquet, claimreview. Filters (`Filters`) select events; for the other tables they
select the rows of documents that hold a matching event.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from claimbase.export.query import ExportError, Filters, StoreReader

FORMATS = ("jsonl", "acled-csv", "geojson", "gexf", "graphml", "parquet", "claimreview")
BINARY = {"gexf", "graphml", "parquet"}
EVENT_ONLY = set(FORMATS) - {"jsonl", "claimreview"}

__all__ = ["FORMATS", "ExportError", "Filters", "export"]


@contextmanager
def _output(path: str | Path | None, binary: bool) -> Iterator[IO[Any]]:
    if path is None or str(path) == "-":
        yield sys.stdout.buffer if binary else sys.stdout
        return
    target = Path(path)
    if not target.parent.is_dir():
        raise ExportError(f"-o {path}: directory {target.parent} does not exist")
    with open(target, "wb" if binary else "w", encoding=None if binary else "utf-8",
              newline=None if binary else "") as fh:
        yield fh


def _timestamps(reader: StoreReader) -> dict[str, int]:
    """Unix time each document was stored (ACLED's `timestamp`)."""
    out = {}
    for doc_id, row in reader.documents_all(("ingested_at",)).items():
        try:
            out[doc_id] = int(datetime.fromisoformat(row["ingested_at"]).timestamp())
        except (TypeError, ValueError):
            continue
    return out


def _write_jsonl(reader: StoreReader, table: str, flt: Filters, out: IO[str]) -> int:
    rows = reader.iter_events(flt) if table == "events" else reader.iter_rows(table, flt)
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def _claims(reader: StoreReader, flt: Filters) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(attribution record, document row) pairs, documents looked up once each."""
    cache: dict[str, dict[str, Any]] = {}
    for att in reader.iter_rows("attributions", flt):
        doc_id = att.get("doc_id") or ""
        if doc_id not in cache:
            cache.clear()
            cache.update(reader.documents({doc_id}))
        yield att, cache.get(doc_id) or {}


def export(db: str, fmt: str, output: str | Path | None = None, table: str = "events",
           filters: Filters | None = None, all_events: bool = False) -> int:
    """Write the store's data in `fmt` to `output` (None or "-" = stdout); return the count."""
    if fmt not in FORMATS:
        raise ExportError(f"--format {fmt!r}: must be one of {', '.join(FORMATS)}")
    if table != "events" and fmt in EVENT_ONLY:
        raise ExportError(f"--table {table}: format {fmt} exports events only")
    flt = (filters or Filters()).validate()
    reader = StoreReader(db)
    if fmt == "jsonl":
        reader.table(table)
    with _output(output, fmt in BINARY) as out:
        if fmt == "jsonl":
            return _write_jsonl(reader, table, flt, out)
        if fmt == "claimreview":
            from claimbase.export.claimreview import write_claimreview

            return write_claimreview(_claims(reader, flt), out)
        if fmt == "acled-csv":
            from claimbase.export.acled import write_acled

            stamps = _timestamps(reader)
            return write_acled(reader.iter_events(flt, acled_only=not all_events), out,
                               timestamp=stamps.get)
        records = reader.iter_events(flt)
        if fmt == "geojson":
            from claimbase.export.geojson import write_geojson

            return write_geojson(records, out)
        if fmt == "parquet":
            from claimbase.export.parquet import write_parquet

            return write_parquet(records, out)
        from claimbase.export.graph import write_gexf, write_graphml

        return (write_gexf if fmt == "gexf" else write_graphml)(records, out)
