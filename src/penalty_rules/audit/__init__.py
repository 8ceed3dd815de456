"""The auditor: checks that flag regulations to amend, with evidence and citations.

Also home of the economic series (:mod:`~penalty_rules.audit.indices`). The checks also
read two registries: bodies (:mod:`~penalty_rules.catalog.bodies`) and the laws
behind each decree (:mod:`~penalty_rules.catalog.laws`).
"""
