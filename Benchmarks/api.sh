#!/usr/bin/env bash
# API load benchmark (never part of `swift test`). Prints one `name: value unit` line per figure.
#
#   Benchmarks/api.sh
#
# Starts `miniproc serve` (release build) on a free port with a scratch data
# directory, creates a cluster, then
#   - measures GET of the cluster with wrk (2 threads, 50 connections, 10 s):
#       api.get_cluster: N requests/s          (floor: 10,000)
#   - submits 100 word counts at once to that cluster, waits for all of them
#     and checks every output against the expected counts:
#       api.concurrent_jobs_done: 100 jobs
set -euo pipefail
cd "$(dirname "$0")/.."

JOBS=${JOBS:-100}
DURATION=${DURATION:-10s}

if ! command -v wrk >/dev/null; then
    echo "wrk is not installed; installing it" >&2
    apt-get install -y wrk >&2 || { apt-get update >&2 && apt-get install -y wrk >&2; }
fi
swift build -c release --product miniproc >&2

DATA=$(mktemp -d "${TMPDIR:-/tmp}/miniproc-api-bench.XXXXXX")
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT/v1/projects/bench/regions/us-central1"
.build/release/miniproc serve --port "$PORT" --data-dir "$DATA" >"$DATA/server.log" 2>&1 &
SERVER=$!
cleanup() {
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    rm -rf "$DATA"
}
trap cleanup EXIT

for _ in $(seq 1 100); do
    curl -sf "$BASE/clusters" >/dev/null && break
    sleep 0.1
done

# Wait for a long-running operation to be done; fail on an operation error.
wait_operation() {
    local name=$1
    for _ in $(seq 1 600); do
        local operation
        operation=$(curl -sf "http://127.0.0.1:$PORT/v1/$name")
        if echo "$operation" | grep -q '"done":true'; then
            if echo "$operation" | grep -q '"error"'; then echo "operation failed: $operation" >&2; exit 1; fi
            return
        fi
        sleep 0.1
    done
    echo "operation $name did not finish" >&2
    exit 1
}

created=$(curl -sf -X POST "$BASE/clusters" -H 'Content-Type: application/json' -d '{
  "clusterName": "bench", "projectId": "bench",
  "config": {"workerConfig": {"numInstances": 4, "machineTypeUri": "n1-standard-4"}}}')
wait_operation "$(echo "$created" | python3 -c 'import json, sys; print(json.load(sys.stdin)["name"])')"

# 1. GET throughput.
rate=$(wrk -t2 -c50 -d"$DURATION" "$BASE/clusters/bench" | awk '/Requests\/sec/ { printf "%d", $2 }')
echo "api.get_cluster: $rate requests/s"

# 2. Concurrent jobs: the same input, one output each.
mkdir -p "$DATA/storage/bench-in/words"
for part in 1 2 3 4; do
    for line in $(seq 1 200); do echo "alpha beta gamma alpha $part delta alpha beta $line"; done >"$DATA/storage/bench-in/words/part-$part.txt"
done
expected=$(cat "$DATA"/storage/bench-in/words/*.txt | tr ' ' '\n' | grep -v '^$' | sort | uniq -c | awk '{ print $2 "\t" $1 }' | sort)

submitters=()
for i in $(seq 1 "$JOBS"); do
    curl -sf -X POST "$BASE/jobs:submit" -H 'Content-Type: application/json' -d "{
      \"job\": {\"placement\": {\"clusterName\": \"bench\"}, \"reference\": {\"jobId\": \"job-$i\"},
                \"hadoopJob\": {\"mainJarFileUri\": \"file:///usr/lib/hadoop-mapreduce/hadoop-mapreduce-examples.jar\",
                               \"args\": [\"wordcount\", \"gs://bench-in/words\", \"gs://bench-out/job-$i\"]}}}" >/dev/null &
    submitters+=($!)
done
for pid in "${submitters[@]}"; do
    wait "$pid" || { echo "a job submission failed" >&2; exit 1; }
done

done_count=0
for _ in $(seq 1 3000); do
    listed=$(curl -sf "$BASE/jobs?pageSize=1000")
    active=$(echo "$listed" | python3 -c 'import json, sys; jobs = json.load(sys.stdin).get("jobs", []); print(sum(1 for j in jobs if j["status"]["state"] not in ("DONE", "ERROR", "CANCELLED")))')
    [ "$active" = "0" ] && break
    sleep 0.2
done
listed=$(curl -sf "$BASE/jobs?pageSize=1000")
done_count=$(echo "$listed" | python3 -c 'import json, sys; print(sum(1 for j in json.load(sys.stdin).get("jobs", []) if j["status"]["state"] == "DONE"))')
for i in $(seq 1 "$JOBS"); do
    got=$(cat "$DATA/storage/bench-out/job-$i"/part-r-* 2>/dev/null | sort)
    if [ "$got" != "$expected" ]; then
        echo "job-$i wrote wrong or no output" >&2
        exit 1
    fi
done
if [ "$done_count" != "$JOBS" ]; then
    echo "only $done_count of $JOBS jobs reached DONE" >&2
    exit 1
fi
echo "api.concurrent_jobs_done: $done_count jobs"
