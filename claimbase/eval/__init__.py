"""Evaluation: score claimbase against gold data; floors pinned in tests/floors.json."""
