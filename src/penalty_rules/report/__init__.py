"""Rendering assessments and traces as text (vi/en) and JSON."""
