"""The auditor: checks that flag regulations to amend, with evidence and citations.

Also home of the economic series (:mod:`~penalty_rules.audit.indices`) and the body
registry (:mod:`~penalty_rules.audit.bodies`) the checks read.
"""
