"""Link: re-posts, event clusters, corroboration, contradictions and source profiles."""
