"""Bundled audit data (economic series, body registry)."""
