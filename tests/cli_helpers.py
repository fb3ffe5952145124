"""Running the real `claimbase` command in tests, and a few small articles to feed it."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT


def run_cli(*args: str, stdin: str | None = None, timeout: int = 900,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m claimbase ARGS…` in a subprocess, as a user would run it."""
    return subprocess.run([sys.executable, "-m", "claimbase", *args], input=stdin,
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                          env={**os.environ, **(env or {})})


def corpus_files(n: int, suffixes: tuple[str, ...] = (".txt", ".md")) -> list[Path]:
    """The first n example articles (the project's own demo corpus)."""
    files = sorted(p for p in CORPUS.glob("*") if p.suffix in suffixes) if CORPUS.is_dir() \
        else []
    if len(files) < n:
        pytest.skip(f"examples/corpus has fewer than {n} articles ({len(files)})")
    return files[:n]


def copy_corpus(dest: Path, n: int) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for path in corpus_files(n):
        target = dest / path.name
        shutil.copyfile(path, target)
        out.append(target)
    return out


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("claimbase: ")]


def table_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "events", "attributions", "places", "quantities")}
