"""Facets that stay fast on a million events.

An immutable store never changes while it is served, so the counts of the *unfiltered*
events table are computed once, in a background thread at startup, and served from memory.
Filtered views (a facet clicked, a search) run Datasette's ordinary time-limited facet query
when at most LIVE_MAX_ROWS rows match, and are reported as timed out otherwise (also when
the total was not counted, see `claimbase.web.plugin.skip_count`).
"""

from __future__ import annotations

import re
import sqlite3
import threading
from typing import Any
from urllib.parse import quote

from datasette.database import Results
from datasette.facets import ColumnFacet

TYPE = "claimbase"
# Above this many matching rows a live facet cannot finish in time: it is reported as timed
# out at once instead of spending the facet time limit to find out.
LIVE_MAX_ROWS = 20_000
_COLUMN = re.compile(r"^\s*select\s+(\[[^\]]+\]|\S+)\s+as value", re.IGNORECASE)
_WHERE = re.compile(r"\swhere\s", re.IGNORECASE)


class FacetCache:
    """Unfiltered facet rows per (database, table, column), filled by a background thread."""

    def __init__(self, size: int) -> None:
        self.size = size  # rows kept per column (facet size + 1, as Datasette asks)
        self.rows: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
        self.done = threading.Event()

    def fill(self, jobs: list[tuple[str, str, str, str]]) -> None:
        """Compute every (db name, path, table, column) in turn; set `done` at the end."""
        try:
            for name, path, table, column in jobs:
                self.rows[(name, table, column)] = _count(path, table, column, self.size)
        finally:
            self.done.set()

    def start(self, jobs: list[tuple[str, str, str, str]]) -> None:
        threading.Thread(target=self.fill, args=(jobs,), daemon=True,
                         name="claimbase-facets").start()


def _count(path: str, table: str, column: str, limit: int) -> list[dict[str, Any]]:
    conn = sqlite3.connect(f"file:{quote(path)}?mode=ro&immutable=1", uri=True)
    try:
        sql = (f'select "{column}" as value, count(*) as count from "{table}" '
               f'where "{column}" is not null group by "{column}" '
               f"order by count desc, value limit {int(limit)}")
        return [{"value": v, "count": c} for v, c in conn.execute(sql)]
    finally:
        conn.close()


class _CachedDatasette:
    """Stands in for Datasette inside one facet call: facet SQL comes from the cache."""

    def __init__(self, real: Any, cache: FacetCache, table: str) -> None:
        self._real, self._cache, self._table = real, cache, table

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    async def execute(self, database: str, sql: str, *args: Any, **kwargs: Any) -> Any:
        match = _COLUMN.match(sql)
        column = match.group(1).strip("[]") if match else None
        rows = self._cache.rows.get((database, self._table, column or ""))
        if rows is None:
            return await self._real.execute(database, sql, *args, **kwargs)
        return Results(rows, False, [("value",), ("count",)])


class StoreFacet(ColumnFacet):
    """A column facet (`{"claimbase": column}` in metadata) with cached unfiltered counts."""

    type = TYPE

    async def facet_results(self) -> Any:
        cache: FacetCache | None = getattr(self.ds, "_claimbase_facet_cache", None)
        usable = (cache is not None and self.table is not None and not self.params
                  and not _WHERE.search(self.sql)
                  and self.get_facet_size() + 1 == cache.size)
        if not usable:
            unknown = self.row_count is None and self.request.args.get("_nocount")
            if unknown or (self.row_count is not None and self.row_count > LIVE_MAX_ROWS):
                return [], [c["config"].get("column") or c["config"]["simple"]
                             for c in self.get_configs()]
            return await super().facet_results()
        real = self.ds
        self.ds = _CachedDatasette(real, cache, self.table)
        try:
            return await super().facet_results()
        finally:
            self.ds = real

    async def suggest(self) -> list[Any]:
        return []
