"""Collection settings for the doctests of the package (``--doctest-modules`` over ``src``).

The compiled loop of the batch path (``batch/kernel.py``) imports numba when it is
imported; without the extra ``[batch]`` there is nothing in it to collect.
"""

from __future__ import annotations

import importlib.util

collect_ignore = ([] if importlib.util.find_spec("numba") is not None
                  else ["src/penalty_rules/batch/kernel.py"])
