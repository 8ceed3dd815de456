"""Typed, frozen pydantic models of the legal domain."""
