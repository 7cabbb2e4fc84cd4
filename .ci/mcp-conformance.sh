#!/usr/bin/env bash
# MCP conformance: starts the server on a free loopback port (the real app via `npm start`
# when server/main.ts exists, else test/mcp/serve-for-conformance.ts; force the fallback with
# MCP_CONFORMANCE_SERVER=router), runs the scenarios of @modelcontextprotocol/conformance
# against http://127.0.0.1:PORT/mcp, stops the server, and exits non-zero if any scenario fails.
set -uo pipefail
cd "$(dirname "$0")/.."

CONFORMANCE="@modelcontextprotocol/conformance@0.1.13"
SCENARIOS=(server-initialize ping tools-list resources-list prompts-list dns-rebinding-protection logging-set-level server-sse-multiple-streams)

PORT="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
WORK="$(mktemp -d)"
# A clean, offline, open configuration: temporary index, no key, no model, no rate limit.
export HOST=127.0.0.1 PORT INDEX_DIR="$WORK/index" LOG_LEVEL="${LOG_LEVEL:-warn}" WATCH_INDEX=false \
  RATE_LIMIT_PER_MINUTE=0 API_KEY="" OPENAI_API_KEY="" OPENAI_BASE_URL="" ALLOWED_HOSTS="" CORS_ORIGINS=""

set -m # the server gets its own process group, so npm, tsx and node stop together
if [[ -f server/main.ts && "${MCP_CONFORMANCE_SERVER:-app}" != "router" ]]; then
  echo "mcp-conformance: starting the app (npm start) on port $PORT" >&2
  npm start --silent >"$WORK/server.log" 2>&1 &
else
  echo "mcp-conformance: starting the bare MCP router on port $PORT" >&2
  npx tsx test/mcp/serve-for-conformance.ts >"$WORK/server.log" 2>&1 &
fi
SERVER_PID=$!
set +m

stop_server() {
  kill -TERM -- "-$SERVER_PID" 2>/dev/null
  wait "$SERVER_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap stop_server EXIT

# Ready when /mcp answers (400: no session yet); give ingest and start-up up to 90 s.
ready=""
for _ in $(seq 1 180); do
  code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/mcp" || true)"
  if [[ "$code" != "000" ]]; then ready=1; break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
  sleep 0.5
done
if [[ -z "$ready" ]]; then
  echo "mcp-conformance: the server did not start; its log:" >&2
  cat "$WORK/server.log" >&2
  exit 1
fi

failed=()
for scenario in "${SCENARIOS[@]}"; do
  echo "=== $scenario" >&2
  if ! npx -y "$CONFORMANCE" server --url "http://127.0.0.1:$PORT/mcp" --scenario "$scenario" >"$WORK/$scenario.txt" 2>&1; then
    failed+=("$scenario")
    cat "$WORK/$scenario.txt" >&2
  else
    grep -E '^Passed:' "$WORK/$scenario.txt" >&2 || true
  fi
done

if ((${#failed[@]} > 0)); then
  echo "mcp-conformance: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "mcp-conformance: all ${#SCENARIOS[@]} scenarios passed" >&2
