"""Yearly planning from case logs: reading logs, enforcement targets, reform what-ifs."""
