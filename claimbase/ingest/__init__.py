"""Ingest: readers for every input kind, header metadata, boilerplate marking."""
