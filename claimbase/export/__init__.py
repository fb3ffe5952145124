"""Export: the event data in the formats other tools read."""
