"""The benchmark rule written as an OpenFisca tax-benefit system (for side-by-side figures).

The rule: the fine frame of the act "using a social network to post false or prohibited
content" is chosen by date (15/2020 Art. 101(1), then 174/2026 Art. 95(1) — the amounts
are read from the penalty_rules catalog, never typed here); both decrees state amounts
for organisations, so an individual's frame is half (minimum rounded up, maximum down);
the fine is the average of the frame, the minimum with two or more mitigating
circumstances (and the midpoint of the lower half with one).

OpenFisca is an optional benchmark dependency (``pip install penalty_rules[bench]``);
this module is imported only when it is installed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
from openfisca_core.entities import build_entity
from openfisca_core.model_api import DAY, Variable
from openfisca_core.parameters import ParameterNode
from openfisca_core.simulations import SimulationBuilder
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from penalty_rules import Catalog

LINEAGE = ("khoản 1 Điều 101 Nghị định 15/2020/NĐ-CP", "khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP")

Person = build_entity(key="person", plural="persons", label="A person or organisation",
                      is_person=True)


class is_individual(Variable):
    value_type = bool
    entity = Person
    definition_period = DAY
    label = "The offender is an individual (else an organisation)"


class mitigating(Variable):
    value_type = int
    entity = Person
    definition_period = DAY
    label = "Number of mitigating circumstances"


class fine(Variable):
    value_type = int
    entity = Person
    definition_period = DAY
    label = "The specific fine (VND)"

    def formula(person: Any, period: Any, parameters: Any) -> Any:
        frame = parameters(period).frame
        low = np.full(person.count, frame.min, dtype=np.int64)
        high = np.full(person.count, frame.max, dtype=np.int64)
        individual = person("is_individual", period)
        low = np.where(individual, low - low // 2, low)
        high = np.where(individual, high // 2, high)
        average = (low + high) // 2
        count = person("mitigating", period)
        return np.where(count >= 2, low, np.where(count == 1, (low + average) // 2, average))


def _frames(catalog: Catalog) -> dict[str, Any]:
    """The stated frames of the lineage as OpenFisca parameter values, by start date."""
    from penalty_rules import parse_citation

    mins: dict[str, Any] = {}
    maxs: dict[str, Any] = {}
    for text in LINEAGE:
        (provision,) = catalog.find(parse_citation(text))
        for span in catalog.timeline(provision).spans():
            version = span.value
            assert version.fine is not None and version.fine.kind == "frame"
            mins[span.start.isoformat()] = {"value": version.fine.min}
            maxs[span.start.isoformat()] = {"value": version.fine.max}
            if span.stop is not None:
                mins.setdefault(span.stop.isoformat(), {"value": None})
                maxs.setdefault(span.stop.isoformat(), {"value": None})
    return {"frame": {"min": {"values": mins}, "max": {"values": maxs}}}


class PenaltySystem(TaxBenefitSystem):
    """A one-rule OpenFisca system."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__([Person])
        self.parameters = ParameterNode("", data=_frames(catalog))
        for variable in (is_individual, mitigating, fine):
            self.add_variable(variable)


def one_person(system: PenaltySystem, day: date, individual: bool, count: int) -> int:
    """Build a 1-person simulation and compute its fine (what one assessment costs)."""
    period = day.isoformat()
    sim = SimulationBuilder().build_from_entities(system, {"persons": {"p": {
        "is_individual": {period: individual}, "mitigating": {period: count}}}})
    return int(sim.calculate("fine", period)[0])


def vector(system: PenaltySystem, day: date, individual: np.ndarray[Any, Any],
           count: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Compute the fine of ``len(count)`` offenders in one vectorised simulation."""
    period = day.isoformat()
    builder = SimulationBuilder()
    builder.create_entities(system)
    builder.declare_person_entity("person", [str(i) for i in range(len(count))]
                                  if len(count) <= 1000 else np.arange(len(count)).astype(str))
    sim = builder.build(system)
    sim.set_input("is_individual", period, individual)
    sim.set_input("mitigating", period, count)
    result: np.ndarray[Any, Any] = sim.calculate("fine", period)
    return result
