"""Bundled catalog data."""
