"""Parquet: one row per event, the flat columns plus quantities and the chain as lists."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from claimbase.export.flat import FLAT_FIELDS, FLOAT_FIELDS, INT_FIELDS, flatten

QUANTITY = pa.struct([("kind", pa.string()), ("text", pa.string()), ("low", pa.int64()),
                      ("best", pa.int64()), ("high", pa.int64()), ("of", pa.string())])
LINK = pa.struct([("source_kind", pa.string()), ("source_text", pa.string())])
BATCH = 10_000


def _type(name: str) -> pa.DataType:
    if name in INT_FIELDS:
        return pa.int64()
    if name in FLOAT_FIELDS:
        return pa.float64()
    return pa.string()


SCHEMA = pa.schema(
    [(name, _type(name)) for name, _ in FLAT_FIELDS]
    + [("fatalities", pa.int64()), ("attribution_chain", pa.string()),
       ("corroborating_documents", pa.int64()),
       ("quantities", pa.list_(QUANTITY)), ("chain", pa.list_(LINK))]
)


def parquet_row(record: dict[str, Any]) -> dict[str, Any]:
    row = flatten(record)
    row["quantities"] = [{k: q.get(k) for k in QUANTITY.names}
                         for q in record.get("quantities") or []]
    row["chain"] = [{k: link.get(k) for k in LINK.names}
                    for link in (record.get("attribution") or {}).get("chain") or []]
    return row


def write_parquet(records: Iterable[dict[str, Any]], out: IO[bytes] | str) -> int:
    """Write the events in row groups of BATCH; return the number of rows."""
    n = 0
    with pq.ParquetWriter(out, SCHEMA) as writer:
        batch: list[dict[str, Any]] = []
        for rec in records:
            batch.append(parquet_row(rec))
            if len(batch) >= BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=SCHEMA))
                n += len(batch)
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=SCHEMA))
        n += len(batch)
    return n
