"""Bundled registries: laws (legal bases) and public bodies."""
