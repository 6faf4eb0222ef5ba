#!/usr/bin/env bash
# Benchmarks (never part of `swift test`). Each prints one `name: value unit` line per figure.
#
#   Benchmarks/run.sh wordcount SIZE     word count of a Zipf corpus (e.g. 1G) vs `tr | sort | uniq -c` and `wc -w`
#   Benchmarks/run.sh terasort ROWS      terasort of gensort-ASCII records (e.g. 10000000) vs `LC_ALL=C sort`
#   Benchmarks/run.sh streaming SIZE     streaming jobs (e.g. 256M): `cat`/`cat` vs `cat | LC_ALL=C sort`, and the
#                                        Python word count of Examples/streaming vs the same scripts in a shell pipeline
#   Benchmarks/run.sh scheduler          1,000,000 containers placed on a 1,000-node resource manager,
#                                        then a 1,000-node simulated cluster created and deleted
#   Benchmarks/run.sh simulate           24 h of a cluster of up to 500 workers under ~10,000 jobs, on virtual time
#   Benchmarks/run.sh api                GET of a cluster under load, and 100 concurrent job submissions, against
#                                        `miniproc serve` (this one builds the server stack; see Benchmarks/api.sh)
#
# Inputs are generated once under bench-data/ (or $MINIPROC_BENCH_DIR) and reused.
# Only the engine and the jobs are built, in release mode: no server stack.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = api ]; then exec Benchmarks/api.sh; fi
swift build -c release --product miniproc-bench >&2
exec .build/release/miniproc-bench "$@"
