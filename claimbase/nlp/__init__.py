"""NLP: the spaCy pipeline, the entity ruler and the actor dictionary."""
