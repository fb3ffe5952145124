"""Web: the explorer, a Datasette plugin over the claimbase store."""
