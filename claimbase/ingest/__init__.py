"""Ingest: readers for every input kind, header metadata, boilerplate marking.

- `readers.read_inputs(inputs, settings)` -> `Document` per article, `InputError` per bad
  input (txt, md, html, json, jsonl, directories, `-`, http(s) pages, RSS/Atom, WARC, .gz);
  `readers.document_from_dict(obj, ref)` builds a `Document` from a JSON object.
- `clean.mark_boilerplate` (stage "clean") fills `doc.boilerplate` and `doc.markup`.
- `metadata.read_metadata` (stage "metadata") fills the still-empty `doc.meta` fields.
- `header` finds and reads the page header; `cues` holds the shared patterns (markup, lines,
  dates) and loads the cue lexicon `claimbase/data/boilerplate.yaml`; `language` guesses the
  language from `claimbase/data/languages.yaml`.
"""
