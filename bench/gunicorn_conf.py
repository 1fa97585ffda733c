"""gunicorn's configuration for bench/run.py: the production server, plus a count of the
requests each worker has handled, written to a file the benchmark reads
(BENCH_REQUEST_COUNTS, SLOTS counters of 8 bytes).

The benchmark divides the workers' CPU by the requests they handled, not by the responses wrk
received: when wrk stops, the requests it leaves waiting in the listen queue are still served,
and their CPU is counted with the page (bench/run.py drains it). One small write per request,
into memory."""

import mmap
import os
import struct

SLOTS = 256
COUNTER = struct.Struct("<Q")

_counts = None


def post_fork(server, worker):
    global _counts
    path = os.environ.get("BENCH_REQUEST_COUNTS")
    if path:  # not for bench/soak.py, which counts nothing
        with open(path, "r+b") as file:
            _counts = mmap.mmap(file.fileno(), SLOTS * COUNTER.size)


def post_request(worker, req, environ, resp):
    # Each worker writes its own slot (its spawn number): no two processes write the same bytes.
    if _counts is not None:
        COUNTER.pack_into(_counts, COUNTER.size * (worker.age % SLOTS), worker.nr)


def read_total(counts):
    """The requests handled by every worker so far, from the counters' bytes."""
    return sum(value for (value,) in COUNTER.iter_unpack(counts[: SLOTS * COUNTER.size]))
