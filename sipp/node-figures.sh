#!/usr/bin/env bash
# The node's figures for BENCHMARKS.md ("Node"): time from process start to ready (median of --runs runs of the
# no-argument command, each in a fresh directory so the SQLite file is created every time), and memory (RSS and the
# managed heap after a full collection) of an idle node and of one with --agents configured, then registered by SIPp.
#   sipp/node-figures.sh [--runs 5] [--agents 1000] [--port 17060] [--out DIR]
# Loopback only; every process is bounded by `timeout` and stopped on exit. Needs the .NET SDK, sipp and jq.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

runs=5 agents=1000 port=17060 out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift ;;
    --agents) agents=$2; shift ;;
    --port) port=$2; shift ;;
    --out) out=$2; shift ;;
    -h|--help) sed -n 2,6p "$0"; exit 0 ;;
    *) echo "unknown option $1 (--help)"; exit 2 ;;
  esac
  shift
done

command -v sipp >/dev/null || { echo "sipp is not installed (apt-get install -y sip-tester)"; exit 2; }
command -v jq >/dev/null || { echo "jq is not installed"; exit 2; }
if [ -n "$out" ]; then mkdir -p "$out" && work=$(cd "$out" && pwd); else work=$(mktemp -d /tmp/callcenter-figures.XXXXXX); fi

node_pid=""
stop_node() {
  [ -z "$node_pid" ] && return
  if kill -0 "$node_pid" 2>/dev/null; then
    echo quit >&3 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$node_pid" 2>/dev/null || break; sleep 0.1; done
    kill "$node_pid" 2>/dev/null
  fi
  wait "$node_pid" 2>/dev/null
  exec 3>&-
  node_pid=""
}
trap stop_node EXIT
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

log "building the node (Release)"
dotnet build src/CallCenter.Node -c Release -nologo -v quiet > "$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
dll=$root/src/CallCenter.Node/bin/Release/net10.0/CallCenter.Node.dll

# Starts the node in directory $1 with the options after it; sets ready_ms, the milliseconds from launch to its ready
# line (not a $(...) call: node_pid and fd 3 must stay in this shell).
start_node() { # dir options...
  local dir=$1; shift
  mkdir -p "$dir" && rm -f "$dir/stdin" && mkfifo "$dir/stdin"
  local from; from=$(date +%s%N)
  (cd "$dir" && exec timeout 900 dotnet "$dll" --sip-port "$port" --bind 127.0.0.1 --rtp-ports 30000-30999 --http-port 0 "$@" \
    < stdin > node.log 2>&1) &
  node_pid=$!
  exec 3> "$dir/stdin"
  until grep -q "CallCenter node ready" "$dir/node.log" 2>/dev/null; do
    kill -0 "$node_pid" 2>/dev/null || { tail -20 "$dir/node.log" >&2; exit 1; }
    [ $(( ($(date +%s%N) - from) / 1000000 )) -gt 120000 ] && { echo "not ready within 120 s" >&2; exit 1; }
    sleep 0.01
  done
  ready_ms=$(( ($(date +%s%N) - from) / 1000000 ))
}

# The node's own process: `dotnet X.dll` runs in place, as the child of the `timeout` wrapper.
node_process() { pgrep -P "$node_pid" dotnet; }

# Sends a command and prints the JSON after the prefix of the first answer line.
node_command() { # dir command prefix
  local before; before=$(grep -c "^$3" "$1/node.log")
  echo "$2" >&3
  for _ in $(seq 1 150); do
    [ "$(grep -c "^$3" "$1/node.log")" -gt "$before" ] && { grep "^$3" "$1/node.log" | tail -1 | cut -c$((${#3} + 1))-; return 0; }
    sleep 0.2
  done
  echo "{}"
}

# "RSS MiB / managed MiB": RSS as the kernel counts it, then the managed heap after a full compacting collection.
memory() { # dir
  local pid rss managed
  pid=$(node_process)
  rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")
  managed=$(node_command "$1" collect "MEMORY " | jq .managedBytes)
  awk -v r="$rss" -v m="$managed" 'BEGIN { printf "%.1f / %.1f", r / 1024, m / 1048576 }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# ---- start to ready: the no-argument command (built-in sample) in a fresh directory each time ------------------
times=()
for run in $(seq 1 "$runs"); do
  start_node "$work/start-$run"
  times+=("$ready_ms")
  log "run $run: ready after $ready_ms ms"
  [ "$run" -eq "$runs" ] && { sleep 5; idle=$(memory "$work/start-$run"); log "idle (sample, 2 agents): $idle MiB"; }
  stop_node
done
ready_median=$(printf '%s\n' "${times[@]}" | median)

# ---- memory with many agents: configured, then all registered (MD5 digest, SIPp injection file) -----------------
dir=$work/agents
mkdir -p "$dir"
{ echo SEQUENTIAL; for i in $(seq -f %05g 1 "$agents"); do echo "agent$i;secret-$i;"; done; } > "$dir/agents.csv"
{
  echo 'callcenter {'
  echo '  domain = "127.0.0.1"'
  echo '  registrar { algorithms = [MD5, SHA-256] }'
  echo '  queues { support { strategy = round-robin } }'
  echo '  agents {'
  for i in $(seq -f %05g 1 "$agents"); do echo "    agent$i { password = \"secret-$i\", queues = [support] }"; done
  echo '  }'
  echo '}'
} > "$dir/node.hocon"
start_node "$dir" --config "$dir/node.hocon" --db "$dir/callcenter.db"
log "$agents agents configured: ready after $ready_ms ms"
sleep 5
configured=$(memory "$dir")
log "$agents agents configured, none registered: $configured MiB"
(cd "$dir" && timeout 300 sipp "127.0.0.1:$port" -sf "$root/sipp/load/register.xml" -inf agents.csv -auth_uri 127.0.0.1 \
  -key domain 127.0.0.1 -key contact_port $((port + 3)) -key expires 3600 -i 127.0.0.1 -p $((port + 2)) \
  -r 200 -m "$agents" -l 200 -nostdin -timeout 240s -timeout_error > sipp.out 2>&1)
registered=$(node_command "$dir" status "STATUS " | jq .registeredAgents)
[ "$registered" = "$agents" ] || { echo "only $registered of $agents agents registered (see $dir/sipp.out)"; exit 1; }
sleep 5
loaded=$(memory "$dir")
log "$agents agents registered: $loaded MiB"
stop_node

summary="$work/summary.md"
{
  echo "| measure | value |"
  echo "|---|---:|"
  echo "| start to ready, no-argument command (median of $runs; runs: ${times[*]} ms) | $ready_median ms |"
  echo "| idle node (built-in sample: 1 queue, 2 agents): RSS / managed heap | $idle MiB |"
  echo "| $agents agents configured, none registered: RSS / managed heap | $configured MiB |"
  echo "| $agents agents registered: RSS / managed heap | $loaded MiB |"
} > "$summary"
cat "$summary"
log "logs and the summary: $work"
