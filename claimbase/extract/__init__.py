"""Extract: events, attributions, modality, stance and quantities from a parsed document."""
