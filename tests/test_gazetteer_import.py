"""`claimbase gazetteer import|build|lookup`: GeoNames-format dumps extend the index."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from claimbase.geo import build as builder
from claimbase.geo.gazetteer import Context, Gazetteer
from tests.conftest import shared_path

# Our own made-up rows in the 19-column GeoNames dump format.
ROWS = [
    ["-901", "Qaryat al-Ikhtibar", "Qaryat al-Ikhtibar", "Ikhtibar,Al Ikhtibar", "35.11",
     "39.22", "P", "PPL", "SY", "", "07", "", "", "", "1200", "", "250", "Asia/Damascus",
     "2024-01-01"],
    ["-902", "Wadi Tajriba", "Wadi Tajriba", "", "34.50", "39.90", "H", "WAD", "SY", "", "07",
     "", "", "", "0", "", "300", "Asia/Damascus", "2024-01-01"],
    ["-903", "Mintaqat Tajriba", "Mintaqat Tajriba", "", "35.0", "40.1", "A", "ADM1", "SY", "",
     "77", "", "", "", "5000", "", "", "Asia/Damascus", "2024-01-01"],
]


@pytest.fixture()
def index(resources, tmp_path) -> Path:
    """A private copy of the built index, so imports do not touch the shared one."""
    target = tmp_path / "gazetteer.sqlite"
    shutil.copy(resources.gazetteer.path, target)
    return target


def _dump(tmp_path: Path, name: str = "sample.txt") -> Path:
    path = tmp_path / name
    path.write_text("\n".join("\t".join(r) for r in ROWS) + "\n", encoding="utf-8")
    return path


def test_import_own_rows_and_admin_names(index, tmp_path):
    assert builder.import_dump(index, _dump(tmp_path)) == {"new": 3, "merged": 0}
    gaz = Gazetteer.open(index)
    village = gaz.resolve("Al Ikhtibar")
    assert (village.lat, village.lon, village.country) == (35.11, 39.22, "SY")
    assert village.admin1 == "Deir ez-Zor"  # code 07 named by the index, in English
    assert gaz.resolve("Mintaqat Tajriba").feature == "admin1"
    assert "sample.txt" in gaz.meta()["imports"]
    # importing the same file again replaces its rows instead of doubling them
    assert builder.import_dump(index, _dump(tmp_path)) == {"new": 3, "merged": 0}
    assert len([c for c in Gazetteer.open(index).candidates("Wadi Tajriba")]) == 1


def test_import_replaces_the_index_file_whole(index, tmp_path):
    """Readers open the index immutable, so an import writes a new file over it: a reader
    opened before keeps reading the file it opened, a new one sees the imported places, and
    a failed import leaves the index as it was."""
    before = Gazetteer.open(index)
    assert not before.has_name("Qaryat al-Ikhtibar")
    inode = index.stat().st_ino
    builder.import_dump(index, _dump(tmp_path))
    assert index.stat().st_ino != inode
    assert before.resolve("Aleppo").country == "SY"  # the old file, still consistent
    assert Gazetteer.open(index).has_name("Qaryat al-Ikhtibar")
    bad = tmp_path / "bad.txt"
    bad.write_text("\t".join(ROWS[0][:5]) + "\n", encoding="utf-8")
    size = index.stat().st_size
    with pytest.raises(ValueError):
        builder.import_dump(index, bad)
    assert index.stat().st_size == size and "bad.txt" not in Gazetteer.open(index).meta()["imports"]
    assert not list(index.parent.glob("*.importing"))


def test_import_a_country_zip(index, tmp_path):
    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(_dump(tmp_path, "SY.txt"), "SY.txt")
        zf.writestr("readme.txt", "not data")
    assert builder.import_dump(index, archive) == {"new": 3, "merged": 0}


def test_bad_dumps_give_one_line_errors(index, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("only\tthree\tcolumns\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.txt:1: expected 19 tab-separated"):
        builder.import_dump(index, bad)
    cli = [sys.executable, "-m", "claimbase", "gazetteer", "import", str(tmp_path / "nope.txt"),
           "--gazetteer", str(index)]
    out = subprocess.run(cli, capture_output=True, text=True)
    assert out.returncode == 1
    assert out.stderr.strip() == f"claimbase: {tmp_path / 'nope.txt'}: no such file"


def test_cli_lookup_json(index):
    cli = [sys.executable, "-m", "claimbase", "gazetteer", "lookup", "Baghuz", "--json",
           "--gazetteer", str(index), "-n", "1"]
    out = subprocess.run(cli, capture_output=True, text=True, check=True)
    assert '"gazetteer_id": "geonames:171943"' in out.stdout


def test_import_whos_on_first_syria_iraq(index):
    """The shared 33k-row Syria/Iraq file adds villages the built-in index lacks."""
    dump = shared_path("data", "geo", "gazetteer_sy_iq.tsv")
    gaz = Gazetteer.open(index)
    assert gaz.resolve("Tayr Ma`lah") is None or gaz.resolve("Tayr Ma`lah").country != "SY"
    stats = builder.import_dump(index, dump)
    assert stats["new"] + stats["merged"] == 33_447 and stats["new"] > 32_000
    gaz = Gazetteer.open(index)
    syria = Context(countries=Counter({"SY": 3}))
    village = gaz.resolve("Tayr Ma`lah", syria)
    assert village.country == "SY" and village.admin1 == "Homs"
    # a place the index knew keeps its entry and gains the imported spellings
    assert gaz.resolve("Al Tanf", syria).gazetteer_id == "geonames:172344"
    assert [c.gid for c in gaz.candidates("Dayr az Zawr") if c.feature == "admin1"] == [
        "geonames:170792"]
