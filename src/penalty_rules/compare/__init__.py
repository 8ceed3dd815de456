"""Comparing catalog contents: decree versions act by act, and coverage of the bundled data."""
