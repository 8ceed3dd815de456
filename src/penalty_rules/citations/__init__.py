"""Reading and writing Vietnamese legal citations.

:mod:`penalty_rules.models.letters` holds the point-letter order;
:mod:`penalty_rules.citations.parse` turns text into a
:class:`~penalty_rules.models.citation.Citation`; formatting lives on the model.
"""
