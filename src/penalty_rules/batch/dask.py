"""National case logs on Dask: :func:`assess_table` over every partition (extra ``[dask]``).

A Dask DataFrame read from Parquet or CSV is assessed partition by partition, in
parallel on the workers of whatever cluster the client is connected to (threads of
one machine, or many machines): each partition is a pandas DataFrame, and the result
is a Dask DataFrame with the columns of :data:`~penalty_rules.batch.OUTPUT_COLUMNS`
and the partitions (and index) of the input.

The catalog: by default each worker uses the bundled catalog, loaded once per worker
process. A catalog built in memory can be given when the workers share the client's
process (threads); for worker processes, give the catalog files instead
(``catalog_files``) and each worker loads them once.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ..catalog.catalog import Catalog

__all__ = ["assess_dask", "output_meta"]


def output_meta() -> Any:
    """An empty pandas DataFrame with the columns and types :func:`assess_table` returns."""
    from .groups import _need_numpy, _need_pandas

    np, pd = _need_numpy(), _need_pandas()
    return pd.DataFrame({
        "document": pd.Categorical([]),
        "provision": pd.Categorical([]),
        "fine_min": pd.array([], dtype="Int64"),
        "fine_max": pd.array([], dtype="Int64"),
        "fine": pd.array([], dtype="Int64"),
        "time_barred": pd.array([], dtype="boolean"),
        "limitation_expires_on": np.array([], dtype="datetime64[s]"),
        "error": np.array([], dtype=object),
    })


@functools.lru_cache(maxsize=4)
def _catalog_from(files: tuple[str, ...]) -> Catalog:
    from ..catalog.loader import load_catalog

    return load_catalog(*files)


def _partition(frame: Any, catalog: Catalog | None, files: tuple[str, ...],
               today: date | None) -> Any:
    from . import assess_table

    if catalog is None and files:
        catalog = _catalog_from(files)
    result = assess_table(frame, catalog, today=today)
    # Categories differ from partition to partition: text columns leave as plain text.
    for name in ("document", "provision"):
        result[name] = result[name].astype(object)
    return result


def assess_dask(ddf: Any, catalog: Catalog | None = None, *,
                catalog_files: Sequence[str | Path] = (), today: date | None = None) -> Any:
    """Assess every row of the Dask DataFrame ``ddf`` (lazily: call ``.compute()``,
    ``.to_parquet()`` … on the result).

    The columns are those of :func:`~penalty_rules.batch.assess_table`; ``document`` and
    ``provision`` come back as text (object) columns.
    """
    try:
        import dask.dataframe  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: F401
    except ImportError:  # pragma: no cover - depends on the installation
        raise ImportError("penalty_rules.batch.dask needs dask: "
                          "pip install 'penalty_rules[dask]'") from None
    meta = output_meta()
    for name in ("document", "provision"):
        meta[name] = meta[name].astype(object)
    files = tuple(str(Path(f)) for f in catalog_files)
    return ddf.map_partitions(_partition, catalog, files, today, meta=meta)
