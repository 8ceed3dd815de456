"""The rules engine: pure functions over a catalog.

``timing`` chooses the provision version, ``frames`` computes the fine frame,
``fines`` the specific fine, ``limitation`` and ``competence`` the procedural
answers, and ``assess`` puts them together.
"""
