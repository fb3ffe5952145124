"""Geo: the offline gazetteer and the geoparser."""
