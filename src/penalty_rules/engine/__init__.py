"""The rules engine: pure functions over a catalog.

``timing`` chooses the provision version, ``frames`` computes the fine frame,
``fines`` the specific fine, ``limitation`` and ``competence`` the procedural
answers, and ``assess`` puts them together. ``memo`` keeps, per catalog, the stage
results that only the rules and a few facts determine (the answers stay those of the
pure functions).
"""
