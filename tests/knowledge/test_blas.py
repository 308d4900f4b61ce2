"""numpy's BLAS runs one thread once a brand index is built (knowledge.blas)."""

from __future__ import annotations

from threadpoolctl import threadpool_info

from knowledge.blas import one_blas_thread


def test_one_blas_thread_limits_every_blas_library_to_one_thread() -> None:
    one_blas_thread()
    one_blas_thread()  # idempotent
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas, "numpy should load a BLAS library"
    assert all(pool["num_threads"] == 1 for pool in blas)
