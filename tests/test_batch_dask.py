"""The Dask path on a local cluster gives the rows of assess_table (skipped without dask)."""

from __future__ import annotations

from pathlib import Path

import pytest

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from penalty_rules import bundled_catalog  # noqa: E402
from penalty_rules.batch import OUTPUT_COLUMNS, assess_table  # noqa: E402
from penalty_rules.batch.dask import assess_dask  # noqa: E402

CATALOG = bundled_catalog()


def _log(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    ended = pd.Timestamp("2021-03-01") + pd.to_timedelta(rng.integers(0, 2000, n), unit="D")
    texts = ["điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP",
             "khoản 1 Điều 101 Nghị định 15/2020/NĐ-CP", "Điều 999 Nghị định 174/2026/NĐ-CP"]
    return pd.DataFrame({
        "provision": [texts[i] for i in rng.integers(0, 3, n)],
        "offender_kind": pd.Categorical.from_codes(rng.integers(0, 2, n),
                                                   ["individual", "organization"]),
        "committed_on": (ended - pd.to_timedelta(rng.integers(0, 30, n), unit="D")).values,
        "ended_on": ended.values,
        "detected_on": (ended + pd.to_timedelta(rng.integers(0, 30, n), unit="D")).values,
        "decided_on": (ended + pd.to_timedelta(rng.integers(30, 700, n), unit="D")).values,
        "mitigating": rng.integers(0, 3, n).astype("int8"),
        "aggravating": rng.integers(0, 2, n).astype("int8"),
    })


def _same(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    assert list(got.columns) == list(OUTPUT_COLUMNS)
    for name in OUTPUT_COLUMNS:
        left = got[name].astype(object).where(got[name].notna(), None).tolist()
        right = expected[name].astype(object).where(expected[name].notna(), None).tolist()
        assert left == right, name


@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::ResourceWarning",
                            "ignore::UserWarning")
def test_local_cluster_from_parquet(tmp_path: Path) -> None:
    log = _log(600)
    dd.from_pandas(log, npartitions=4).to_parquet(tmp_path / "log")
    with distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=2,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster):
        ddf = dd.read_parquet(tmp_path / "log")
        result = assess_dask(ddf).compute()
    expected = assess_table(log, CATALOG)
    _same(result.reset_index(drop=True), expected.reset_index(drop=True))
    assert result["error"].notna().sum() == (log["provision"].str.startswith("Điều 999")).sum()
