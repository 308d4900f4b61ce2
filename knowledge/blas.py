"""One BLAS thread per process: the service's parallelism is its requests, not one product.

numpy's OpenBLAS starts a thread per core for a large enough matrix-vector product (the
exact in-memory search of a brand's vectors) and then keeps those threads spinning, waiting
for more work, long after the product is done. Measured on a 2-core machine over a brand of
10,000 items: a draft cost 46 CPU-ms for 24 ms of wall time, 19 of those CPU-ms spent by
OpenBLAS's second thread spinning; with one thread, 27 CPU-ms and the same wall time. Under
concurrent load that spinning takes the other core from the other requests. A lone large
product still uses both cores: ``knowledge.brandindex.similarities`` runs it as two halves
on two threads, which finish and sleep.
"""

from __future__ import annotations

import functools
import logging

log = logging.getLogger(__name__)


@functools.cache
def one_blas_thread() -> None:
    """Limit numpy's BLAS to one thread in this process (once; later calls do nothing)."""
    import numpy  # noqa: F401  (threadpoolctl limits the libraries loaded so far)
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    log.debug("numpy BLAS limited to one thread")
