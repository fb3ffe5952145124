"""`claimbase extract`: JSON Lines records (RECORD.md) on stdout, no database."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimbase.cli import app
from tests.cli_helpers import corpus_files, error_lines, run_cli

EVENT_KEYS = {"event_id", "doc_id", "doc", "sentence", "trigger", "event_type", "event_mode",
              "acled_event_type", "acled_sub_event_type", "actor", "recipient", "location",
              "date", "quantities", "attribution", "modality", "author_stance", "cluster_id",
              "corroboration", "extractor"}


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def article():
    return corpus_files(1, suffixes=(".txt",))[0]


@pytest.fixture(scope="module")
def events(article):
    result = CliRunner().invoke(app, ["extract", str(article)])
    assert result.exit_code == 0, result.output
    return _lines(result.stdout)


def test_event_records_follow_the_contract(article, events):
    text = article.read_text(encoding="utf-8")
    assert events, "the example article should yield events"
    ids = [r["event_id"] for r in events]
    assert len(ids) == len(set(ids))
    for rec in events:
        assert rec.keys() >= EVENT_KEYS
        assert rec["doc"]["ref"].endswith(article.name)
        trig, sent = rec["trigger"], rec["sentence"]
        assert text[trig["start"]:trig["end"]] == trig["text"]
        assert text[sent["start"]:sent["end"]] == sent["text"]
        assert rec["event_id"].startswith(rec["doc_id"] + ":")


@pytest.mark.parametrize("output,keys", [
    ("places", {"doc", "doc_id", "text", "start", "end", "gazetteer_id", "lat", "lon"}),
    ("attributions", {"doc", "doc_id", "source", "cue", "content", "modality",
                      "author_stance", "event_ids"}),
])
def test_other_outputs(article, output, keys):
    text = article.read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--output", output, str(article)])
    assert result.exit_code == 0, result.output
    records = _lines(result.stdout)
    assert records, f"no {output} in the example article"
    for rec in records:
        assert keys <= rec.keys()
        span = rec if output == "places" else rec["content"]
        assert text[span["start"]:span["end"]] == span["text"]


def test_stdin_gives_the_same_events(article, events):
    result = CliRunner().invoke(app, ["extract", "-"],
                                input=article.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    from_stdin = _lines(result.stdout)

    def strip(rec: dict) -> dict:
        return {k: v for k, v in rec.items() if k != "doc"}

    assert [strip(r) for r in from_stdin] == [strip(r) for r in events]


def test_bad_input_is_reported_and_good_ones_still_print(tmp_path, article, events):
    missing = tmp_path / "missing.html"
    result = CliRunner().invoke(app, ["extract", str(missing), str(article)])
    assert result.exit_code == 1
    errors = error_lines(result.stderr)
    assert len(errors) == 1 and str(missing) in errors[0], result.stderr
    assert _lines(result.stdout) == events


def test_the_installed_command_exits_1_on_a_bad_input(tmp_path):
    missing = tmp_path / "missing.txt"
    result = run_cli("extract", str(missing))
    assert result.returncode == 1
    lines = error_lines(result.stderr)
    assert len(lines) == 1 and lines[0].startswith(f"claimbase: {missing}: "), result.stderr
    assert result.stdout == ""


def test_unknown_output_is_a_usage_error(article):
    result = CliRunner().invoke(app, ["extract", "--output", "tweets", str(article)])
    assert result.exit_code == 2


def test_reference_date_anchors_relative_dates_of_an_undated_text(tmp_path):
    undated = tmp_path / "undated.txt"
    undated.write_text(
        "Government forces shelled the town of Saraqib yesterday, residents said. The "
        "shelling damaged a bakery and a school on the main road, according to a local "
        "council member who spoke by telephone. Families have been leaving the area for "
        "safer villages to the north, the council member added.\n", encoding="utf-8")
    runner = CliRunner()
    plain = _lines(runner.invoke(app, ["extract", str(undated)]).stdout)
    anchored = runner.invoke(app, ["extract", "--reference-date", "2020-01-04", str(undated)])
    assert anchored.exit_code == 0, anchored.output
    dated = _lines(anchored.stdout)
    assert plain and dated
    assert plain[0]["date"]["start"] is None  # nothing to count "yesterday" from
    assert dated[0]["date"]["text"] == "yesterday"
    assert (dated[0]["date"]["start"], dated[0]["date"]["precision"]) == ("2020-01-03", "day")


def test_a_published_date_beats_the_reference_date(tmp_path):
    dated = tmp_path / "dated.jsonl"
    dated.write_text(json.dumps({"text": "Rebels attacked an army checkpoint near Saraqib "
                                         "yesterday, a monitor said. The attackers used "
                                         "mortars and light weapons against the post, "
                                         "which guards the road to the provincial "
                                         "capital, and withdrew before dawn, according to "
                                         "the monitor, which relies on a network of "
                                         "sources on the ground.",
                                 "published": "2019-05-10"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--reference-date", "2020-01-04", str(dated)])
    assert result.exit_code == 0, result.output
    assert [r["date"]["start"] for r in _lines(result.stdout)][:1] == ["2019-05-09"]


def test_a_bad_reference_date_is_one_clear_line(article):
    result = CliRunner().invoke(app, ["extract", "--reference-date", "4 Jan", str(article)])
    assert result.exit_code == 1
    assert error_lines(result.stderr) == ["claimbase: --reference-date 4 Jan: not a date "
                                   "(expected YYYY-MM-DD)"]
