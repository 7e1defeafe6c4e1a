#!/usr/bin/env python3
"""Ingest on a Dask cluster: `newskb extract` on the workers, `newskb load` here.

usage: dask-ingest.py --scheduler ADDR|local --workers N [--parts P]
                      [--newskb PATH] [--keep-shards DIR] --db FILE INPUT...

The input's records are cut into P equal runs (default: 2 per worker); each
worker runs `newskb extract --part K/P INPUT...` and sends its shard back;
the shards are then loaded in input order into --db with `newskb load`, so
the knowledge base is the one `newskb ingest INPUT...` gives (the test
tests/golden/dask_ingest.sh compares them).

--scheduler local starts a Dask LocalCluster of N worker processes on this
machine; an address (tcp://host:8786) uses a running cluster, whose workers
must have the newskb binary (--newskb, the same path on each) and see the
INPUTs at the same paths (a shared file system). Shards travel back through
Dask, so they need no shared storage. Each worker reads the whole input
once to count its records (reading is ~1 GB/s; extraction ~2 MB/s).

Exit status: that of `newskb load` (0 stored, 1 some records rejected), or
2 when a worker's extract failed or the cluster could not be used.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time


def extract_part(newskb, part, parts, inputs):
    """Runs on a worker: one part's shard, as bytes, with extract's stderr and status."""
    r = subprocess.run([newskb, "extract", "--part", f"{part}/{parts}", *inputs],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return part, r.returncode, r.stdout, r.stderr.decode("utf-8", "replace")


def default_newskb():
    here = os.path.dirname(os.path.abspath(__file__))
    built = os.path.join(here, "..", "build", "newskb")
    return os.path.abspath(built) if os.path.exists(built) else "newskb"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scheduler", required=True, help="a Dask scheduler address, or 'local'")
    ap.add_argument("--workers", type=int, default=2, help="worker processes for 'local' (default 2)")
    ap.add_argument("--parts", type=int, default=0, help="shards (default: 2 per worker)")
    ap.add_argument("--newskb", default=default_newskb(), help="the newskb binary (same path on every worker)")
    ap.add_argument("--keep-shards", metavar="DIR", help="keep the shards in DIR (default: a temporary folder)")
    ap.add_argument("--db", required=True, help="the knowledge base to load into")
    ap.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders, as newskb ingest takes them")
    a = ap.parse_args()
    if "-" in a.inputs:
        ap.error("inputs must be files or folders the workers can read, not -")
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        print("dask-ingest.py: Dask distributed is not installed (Debian: apt-get install python3-distributed)",
              file=sys.stderr)
        return 2
    inputs = [os.path.abspath(p) for p in a.inputs]
    t0 = time.monotonic()
    if a.scheduler == "local":
        cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        cluster = None
        client = Client(a.scheduler)
    workers = max(1, len(client.scheduler_info()["workers"]))
    parts = a.parts or 2 * workers
    shard_dir = a.keep_shards or tempfile.mkdtemp(prefix="newskb-shards-")
    os.makedirs(shard_dir, exist_ok=True)
    paths = [os.path.join(shard_dir, f"part-{k:05d}.jsonl") for k in range(parts)]
    failed = 0
    try:
        futures = [client.submit(extract_part, a.newskb, k, parts, inputs, pure=False) for k in range(parts)]
        for fut in as_completed(futures):
            k, rc, shard, err = fut.result()
            sys.stderr.write("".join(f"part {k}/{parts}: {line}\n" for line in err.splitlines()))
            if rc not in (0, 1):
                failed += 1
                continue
            with open(paths[k], "wb") as f:
                f.write(shard)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    t1 = time.monotonic()
    if failed:
        print(f"dask-ingest.py: {failed} of {parts} extracts failed; nothing loaded", file=sys.stderr)
        return 2
    rc = subprocess.run([a.newskb, "load", "--no-progress", "--db", a.db, *paths]).returncode
    t2 = time.monotonic()
    if not a.keep_shards:
        for p in paths:
            os.remove(p)
        os.rmdir(shard_dir)
    print(f"dask-ingest.py: {parts} parts on {workers} workers: extract {t1 - t0:.2f} s "
          f"(with the cluster's start), load {t2 - t1:.2f} s, total {t2 - t0:.2f} s", file=sys.stderr)
    return rc


if __name__ == "__main__":
    sys.exit(main())
