"""`claimbase bench`: the pipeline against bare spaCy on the same texts."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from claimbase.bench import TARGET_RATIO
from tests.cli_helpers import corpus_files, error_lines, run_cli

PEAK_PROBE = """
from claimbase.bench import peak_rss_mb, reset_peak_rss
reset_peak_rss()
before = peak_rss_mb()
block = bytearray(64 * 1024 * 1024)
block[::4096] = b"x" * len(block[::4096])  # touch every page
grown = peak_rss_mb()
del block
reset_peak_rss()
print(before, grown, peak_rss_mb())
"""


def test_peak_memory_is_measured_and_reset():
    """In a fresh process (a test process reuses freed memory): a 64 MB block raises the
    peak, and a reset brings it back down."""
    out = subprocess.run([sys.executable, "-c", PEAK_PROBE], capture_output=True, text=True,
                         check=True).stdout
    before, grown, after = map(float, out.split())
    assert before > 0
    assert grown >= before + 50
    assert after < grown - 50


@pytest.fixture(scope="module")
def bench_json(tmp_path_factory):
    files = corpus_files(3, suffixes=(".txt",))
    folder = tmp_path_factory.mktemp("bench")
    for path in files:
        (folder / path.name).write_bytes(path.read_bytes())
    result = run_cli("bench", str(folder), "--limit", "2", "--repeat", "2", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_bench_reports_both_runs_on_the_same_texts(bench_json):
    bare, full = bench_json["bare_spacy"], bench_json["pipeline"]
    parser = bench_json["parser_only"]
    assert bench_json["documents"] == bare["documents"] == full["documents"] == 2
    assert bare["tokens"] == full["tokens"] == parser["tokens"] > 100
    for run in (bare, parser, full):
        assert run["seconds"] > 0
        assert run["docs_per_s"] == pytest.approx(run["documents"] / run["seconds"], rel=1e-2)
        assert run["tokens_per_s"] == pytest.approx(run["tokens"] / run["seconds"], rel=1e-2)
        assert run["peak_rss_mb"] > 50  # a spaCy model is loaded
    assert bench_json["ratio"] == pytest.approx(full["docs_per_s"] / bare["docs_per_s"],
                                                rel=1e-2)
    assert bare["cpu_seconds"] > 0 and full["cpu_seconds"] > 0
    assert bench_json["cpu_ratio"] == pytest.approx(
        bare["cpu_seconds"] / full["cpu_seconds"], rel=1e-2)
    assert bench_json["stages_ratio"] == pytest.approx(
        full["docs_per_s"] / parser["docs_per_s"], rel=1e-2)
    assert bench_json["target_ratio"] == TARGET_RATIO
    assert bench_json["meets_target"] == (bench_json["ratio"] >= TARGET_RATIO)
    assert bench_json["batch_size"] == 32


def test_bench_missing_path_is_one_line(tmp_path):
    result = run_cli("bench", str(tmp_path / "nothing.jsonl"))
    assert result.returncode == 1
    errors = error_lines(result.stderr)
    assert len(errors) == 1 and "nothing.jsonl" in errors[0]
