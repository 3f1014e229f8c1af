#!/usr/bin/env bash
# One command for the storage load run: installs and starts Azurite (in memory) unless one already listens on
# 127.0.0.1:10002, runs the load run, stops what it started. Options pass through, e.g. --tickets 20000.
set -euo pipefail
cd "$(dirname "$0")/.."
started=""
if ! (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
  [ -d node_modules/azurite ] || npm ci --silent
  node_modules/.bin/azurite-table --inMemoryPersistence --tableHost 127.0.0.1 --tablePort 10002 --skipApiVersionCheck --disableTelemetry --silent &
  started=$!
  trap 'kill "$started" 2>/dev/null || true' EXIT
  for _ in $(seq 1 60); do (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null && break; sleep 0.5; done
fi
dotnet run -c Release --project benchmarks/AfterSales.LoadRun -- "$@"
