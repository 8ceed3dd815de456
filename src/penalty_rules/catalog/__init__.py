"""The dated catalog: file format, loader and look-ups."""
