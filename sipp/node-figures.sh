#!/usr/bin/env bash
# Issue 5's node figures: time from process start to ready (median of 5 starts) and the memory of an idle node and of
# one with 1,000 registered agents. Release build, temp folders, loopback only; every process is bounded and stopped.
#   sipp/node-figures.sh [--agents N] [--starts N] [--port P] [--node-dll FILE]
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
. sipp/lib.sh

agents=1000 starts=5 port=16060 dll=""
while [ $# -gt 0 ]; do
  case "$1" in
    --agents) agents=$2; shift ;;
    --starts) starts=$2; shift ;;
    --port) port=$2; shift ;;
    --node-dll) dll=$2; shift ;;
    -h|--help) sed -n 2,4p "$0"; exit 0 ;;
    *) echo "unknown option $1 (--help)"; exit 2 ;;
  esac
  shift
done
command -v sipp >/dev/null || { echo "sipp is not installed (apt-get install -y sip-tester)"; exit 2; }
command -v jq >/dev/null || { echo "jq is not installed"; exit 2; }
if [ -z "$dll" ]; then
  dotnet build src/CallCenter.Node -c Release -nologo -v quiet >/dev/null || { echo "build failed"; exit 1; }
  dll="$root/src/CallCenter.Node/bin/Release/net10.0/CallCenter.Node.dll"
fi
work=$(mktemp -d /tmp/callcenter-node-figures.XXXXXX)
node_pid=""
cleanup() { [ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null; exec 3>&- 2>/dev/null; wait 2>/dev/null; }
trap cleanup EXIT

# Starts the node in folder $1 with the remaining arguments, stdin from a fifo on fd 3; waits for its ready line.
start_node() { # folder args...
  local dir=$1; shift
  mkdir -p "$dir" && rm -f "$dir/stdin" && mkfifo "$dir/stdin"
  (cd "$dir" && exec timeout 600 dotnet "$dll" --sip-port "$port" --bind 127.0.0.1 --rtp-ports 30000-30999 --http-port 0 "$@" \
    < stdin > node.log 2>&1) &
  node_pid=$!
  exec 3> "$dir/stdin"
  wait_node_ready "$dir/node.log" "$node_pid" 60
}
stop_node() { echo quit >&3; exec 3>&-; wait "$node_pid" 2>/dev/null; node_pid=""; }
memory() { # folder -> "rss_MiB managed_MiB_after_full_collection"
  local managed rss
  managed=$(node_command "$1/node.log" collect "MEMORY " | jq .managedBytes)
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$(pgrep -P "$node_pid" -f CallCenter.Node.dll | head -1)/status" 2>/dev/null)
  [ -z "$rss" ] && rss=$(awk '/^VmRSS/ {print $2}' "/proc/$(pgrep -f "dotnet $dll" | head -1)/status")
  awk -v r="$rss" -v m="$managed" 'BEGIN { printf "%.0f %.1f", r / 1024, m / 1048576 }'
}

# ---- start to ready: the no-argument command (built-in sample, SQLite in the working folder), fresh folder each time
times=()
for i in $(seq 1 "$starts"); do
  t0=$(date +%s%3N)
  start_node "$work/start-$i" || { echo "start $i failed"; exit 1; }
  times+=($(( $(date +%s%3N) - t0 )))
  stop_node
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }')

# ---- memory: idle (the sample), then a node configured with N agents, before and after they all register ----------
start_node "$work/idle" || exit 1
read -r idle_rss idle_managed <<< "$(memory "$work/idle")"
stop_node

{ echo SEQUENTIAL; for i in $(seq -f %05g 1 "$agents"); do echo "agent$i;secret-$i;"; done; } > "$work/agents.csv"
{
  echo 'callcenter { domain = "127.0.0.1", registrar { algorithms = [MD5, SHA-256] }'
  echo '  queues { support { strategy = round-robin } }'
  echo '  agents {'
  for i in $(seq -f %05g 1 "$agents"); do echo "    agent$i { password = \"secret-$i\", queues = [support] }"; done
  echo '  } }'
} > "$work/agents.hocon"
start_node "$work/agents" --config "$work/agents.hocon" || exit 1
read -r configured_rss configured_managed <<< "$(memory "$work/agents")"
(cd "$work/agents" && timeout 180 sipp "127.0.0.1:$port" -sf "$root/sipp/load/register.xml" -inf "$work/agents.csv" \
  -auth_uri 127.0.0.1 -key domain 127.0.0.1 -key contact_port $((port + 1)) -key expires 3600 -i 127.0.0.1 -p $((port + 2)) \
  -r 200 -m "$agents" -l 200 -nostdin -timeout 150s -timeout_error -trace_stat -stf reg.csv > sipp.out 2>&1)
registered=$(awk -F';' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "SuccessfulCall(C)") c = i } END { print $c }' "$work/agents/reg.csv")
read -r reg_rss reg_managed <<< "$(memory "$work/agents")"
stop_node

cat <<TABLE
Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), .NET $(dotnet --version); load average $(cut -d' ' -f1-3 /proc/loadavg)

| figure | value |
|---|---|
| start → ready, no arguments (median of $starts; each: ${times[*]} ms) | $median ms |
| idle node (built-in sample, 2 agents): RSS / managed heap after a full collection | $idle_rss MiB / $idle_managed MiB |
| $agents agents configured, none registered: RSS / managed | $configured_rss MiB / $configured_managed MiB |
| $agents agents registered ($registered REGISTERs answered 200): RSS / managed | $reg_rss MiB / $reg_managed MiB |
TABLE
echo "(details in $work)"
