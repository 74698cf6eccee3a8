#!/usr/bin/env bash
# SIPp load run against a real node (Release build, temp SQLite file, loopback). See sipp/load/README.md.
#   sipp/load/run.sh --quick          ~4 min: 300 agents, 20/50/100 calls/s for 10 s each, a small media and ceiling run
#   sipp/load/run.sh                  full: 1000 agents, 50/100/200/500 calls/s for 60 s each, 500 calls x 60 s media
#   sipp/load/run.sh --no-audio       the same call steps signalling only (SDP offered and answered, no RTP), no media run
# Every step is bounded (SIPp -timeout, `timeout` around every process); the node is stopped on exit.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
. sipp/lib.sh
load="$root/sipp/load"

agents=1000 hold_ms=1000 step_seconds=60 rates="50 100 200 500" reg_rates="200 500 1000" reg_seconds=10
media_calls=500 media_seconds=60 ceiling=1 port=15060 out="" dll="" heap_per_step=0 audio=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) agents=300 step_seconds=10 rates="20 50 100" reg_rates="200 500" reg_seconds=5 media_calls=100 media_seconds=15 ;;
    --agents) agents=$2; shift ;;
    --hold-ms) hold_ms=$2; shift ;;
    --step-seconds) step_seconds=$2; shift ;;
    --rates) rates=$2; shift ;;
    --reg-rates) reg_rates=$2; shift ;;
    --reg-seconds) reg_seconds=$2; shift ;;
    --media-calls) media_calls=$2; shift ;;
    --media-seconds) media_seconds=$2; shift ;;
    --no-ceiling) ceiling=0 ;;
    --heap-per-step) heap_per_step=1 ;;
    --no-audio) audio=0 ;;
    --port) port=$2; shift ;;
    --out) out=$2; shift ;;
    --node-dll) dll=$2; shift ;;
    -h|--help) sed -n 2,6p "$0"; echo "options: --agents N --hold-ms MS --step-seconds S --rates 'R1 R2' --reg-rates 'R1 R2'"
               echo "         --reg-seconds S --media-calls N (0 = skip) --media-seconds S --no-ceiling --port P --out DIR"
               echo "         --node-dll FILE (an already built CallCenter.Node.dll: no build)"
               echo "         --heap-per-step (after each call step, wait for the SIP legs to go and log the heap: finds leaks)"
               echo "         --no-audio (call steps signalling only: customers offer SDP but send no RTP, agents echo none; no media run)"; exit 0 ;;
    *) echo "unknown option $1 (--help)"; exit 2 ;;
  esac
  shift
done

command -v sipp >/dev/null || { echo "sipp is not installed (apt-get install -y sip-tester)"; exit 2; }
command -v jq >/dev/null || { echo "jq is not installed"; exit 2; }
# Signalling only: the agents' SIPp echoes no RTP, the customers' sends none (customer.xml reads the global "audio").
if [ "$audio" = 1 ]; then echo_rtp=(-rtp_echo) customer_audio=(); else echo_rtp=() customer_audio=(-set audio off); fi
if [ "$audio" = 0 ] && [ "$media_calls" -gt 0 ]; then media_calls=0; skipped_media=1; else skipped_media=0; fi
if [ -n "$out" ]; then mkdir -p "$out" && work=$(cd "$out" && pwd); else work=$(mktemp -d /tmp/callcenter-load.XXXXXX); fi
out=$work
node_pid="" agent_pid=""
cleanup() {
  [ -n "$agent_pid" ] && kill "$agent_pid" 2>/dev/null
  if [ -n "$node_pid" ] && kill -0 "$node_pid" 2>/dev/null; then
    echo quit >&3 2>/dev/null; sleep 2; kill "$node_pid" 2>/dev/null
  fi
  [ -n "${sampler_pid:-}" ] && kill "$sampler_pid" 2>/dev/null
  wait 2>/dev/null
}
trap cleanup EXIT
log() { echo "[$(date +%H:%M:%S)] $*" | tee -a "$out/run.log" >&2; }

# ---- inputs: the agents, their passwords, the node's configuration, the audio -----------------------------------
sip_port=$port agent_port=$((port + 1)) reg_port=$((port + 2)) customer_port=$((port + 3)) uas_port=$((port + 4))
{ echo SEQUENTIAL; for i in $(seq -f %05g 1 "$agents"); do echo "agent$i;secret-$i;"; done; } > "$work/agents.csv"
{
  echo 'callcenter {'
  echo '  domain = "127.0.0.1"'
  echo '  # Short dialog probes: a call whose phone vanished without a BYE is ended within ~40 s (5 s + 64*T1), so the'
  echo '  # "nothing stuck" check after each step sees such calls cleared. All SIPp phones here answer them (-aa).'
  echo '  sip { probe-interval = 5s }'
  echo '  # SIPp answers only the first challenge, and only with MD5.'
  echo '  registrar { algorithms = [MD5, SHA-256] }'
  echo '  queues { support { strategy = round-robin, ring-timeout = 10s, max-size = 100000 } }'
  echo '  agents {'
  for i in $(seq -f %05g 1 "$agents"); do echo "    agent$i { password = \"secret-$i\", queues = [support] }"; done
  echo '  }'
  echo '}'
} > "$work/node.hocon"
# The customers' audio: the A-law payload of the bundled pcap, streamed by SIPp in 20 ms packets.
python3 - "$work/pcma.raw" <<'PY' || { echo "cannot extract audio from /usr/share/sip-tester/g711a.pcap"; exit 2; }
import struct, sys
data = open('/usr/share/sip-tester/g711a.pcap', 'rb').read()
offset, audio = 24, bytearray()
while offset + 16 <= len(data):
    length = struct.unpack('<I', data[offset + 8:offset + 12])[0]
    audio += data[offset + 16 + 54:offset + 16 + length]  # Ethernet 14 + IPv4 20 + UDP 8 + RTP 12
    offset += 16 + length
open(sys.argv[1], 'wb').write(audio)
PY

if [ -z "$dll" ]; then
  log "building the node (Release)"
  dotnet build src/CallCenter.Node -c Release -nologo -v quiet > "$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
  dll=$root/src/CallCenter.Node/bin/Release/net10.0/CallCenter.Node.dll
fi

# ---- the node, fed commands through a fifo; its PID is the process measured in /proc ----------------------------
mkfifo "$work/stdin"
dotnet "$dll" --config "$work/node.hocon" --sip-port "$sip_port" --bind 127.0.0.1 --rtp-ports 20000-39999 \
  --db "$work/callcenter.db" --http-port 0 < "$work/stdin" > "$work/node.log" 2>&1 &
node_pid=$!
exec 3> "$work/stdin"
wait_node_ready "$work/node.log" "$node_pid" 120 || exit 1
log "node pid $node_pid ready on 127.0.0.1:$sip_port, $agents agents, SQLite $work/callcenter.db"

# CPU ticks and RSS of the node every 0.5 s: "epoch_ms ticks rss_kB".
( while kill -0 $node_pid 2>/dev/null; do
    read -r -a stat < /proc/$node_pid/stat 2>/dev/null || break
    rss=$(awk '/^VmRSS/ {print $2}' /proc/$node_pid/status 2>/dev/null)
    echo "$(date +%s%3N) $((stat[13] + stat[14])) ${rss:-0}"
    sleep 0.5
  done ) > "$work/proc.txt" &
sampler_pid=$!
ticks=$(getconf CLK_TCK)
# The node's CPU time so far (user + system), in clock ticks.
cpu_ticks() { local stat; read -r -a stat < /proc/$node_pid/stat 2>/dev/null && echo $((stat[13] + stat[14])) || echo 0; }

status() { node_command "$work/node.log" status "STATUS "; }
# CPU % of one core and peak RSS (MiB) between two epoch_ms marks.
proc_window() { # from_ms to_ms
  awk -v a="$1" -v b="$2" -v hz="$ticks" '$1 >= a && $1 <= b { if (!n++) { t0 = $1; c0 = $2 } t1 = $1; c1 = $2; if ($3 > m) m = $3 }
    END { if (n > 1 && t1 > t0) printf "%.0f %.0f", 100 * (c1 - c0) / hz / ((t1 - t0) / 1000), m / 1024; else printf "- %.0f", m / 1024 }' "$work/proc.txt"
}
# Percentiles (ms) of the response times of a -trace_rtt file.
percentiles() { # rtt.csv
  awk -F';' 'NR > 1 && $2 != "" { print $2 }' "$1" | sort -n | awk '{ v[NR] = $1 } END {
    if (!NR) { print "- - -"; exit } printf "%s %s %s", v[int(NR * 0.50 + 0.5) ? int(NR * 0.50 + 0.5) : 1], v[int(NR * 0.95 + 0.5)], v[int(NR * 0.99 + 0.5)] }'
}
# A column of the last line of a SIPp statistics CSV.
stat_column() { # stats.csv column-name
  awk -F';' -v c="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i } END { print (k ? $k : "-") }' "$1" 2>/dev/null
}
repartition() { # stats.csv: "<1:n <2:n ..." from the cumulative response-time repartition of the last line
  awk -F';' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i ~ /^ResponseTimeRepartition[^_]*_/) { k[i] = substr($i, index($i, "_") + 1) } next }
    { line = $0 } END { n = split(line, f, ";"); s = ""; for (i = 1; i <= n; i++) if (i in k) s = s sprintf("%s:%s ", k[i], f[i]); print s }' "$1"
}
# Waits until the node has no open call, nothing queued and every agent Available; prints "ok" or what is left.
# Up to 60 s: a call whose phone vanished takes up to 5 s (probe interval) + 32 s (64*T1, the probe's timeout) to end.
settled() {
  local s left=""
  for _ in $(seq 1 60); do
    s=$(status)
    left=$(echo "$s" | jq -r '[(if .openCalls > 0 then "\(.openCalls) open calls" else empty end),
      (if .queued > 0 then "\(.queued) queued" else empty end),
      ([.agents[] | select(.presence != "Available")] | if length > 0 then "\(length) agents not Available (\(map(.presence) | unique | join(",")))" else empty end)] | join("; ")' 2>/dev/null)
    [ -z "$left" ] && { echo ok; return 0; }
    sleep 1
  done
  echo "STUCK: $left"; return 1
}

# Runs SIPp in its own folder; statistics every second, every response time. Prints the folder.
run_sipp() { # name timeout_s args...
  local name=$1 limit=$2; shift 2
  mkdir -p "$out/$name"
  ln -sf "$work/pcma.raw" "$out/$name/pcma.raw"
  (cd "$out/$name" && timeout $((limit + 30)) sipp "$@" -nostdin -trace_stat -stf stats.csv -fd 1 -trace_rtt -rtt_freq 1 \
    -trace_err -timeout "${limit}s" -timeout_error > sipp.out 2>&1; echo $? > exit.code)
  echo "$out/$name"
}

# ---- agents: one SIPp answering for all of them, then one registering all of them ------------------------------
start_agents() { # hold_ms
  [ -n "$agent_pid" ] && { kill "$agent_pid" 2>/dev/null; wait "$agent_pid" 2>/dev/null; agent_pid=""; }
  (cd "$work" && exec timeout 3600 sipp -sf "$load/agent.xml" -p "$agent_port" -mp 40000 "${echo_rtp[@]}" -aa -d "$1" -i 127.0.0.1 -mi 127.0.0.1 \
    -nostdin -trace_err > /dev/null 2>&1) &
  agent_pid=$!
  sleep 1
  # A SIPp that cannot bind its port exits at once: then another process owns the agents' port; stop here.
  kill -0 "$agent_pid" 2>/dev/null || { echo "the agents' SIPp did not start (port $agent_port or media port 40000 busy?):"
    tail -5 "$work"/agent_*_errors.log 2>/dev/null; exit 1; }
}
start_agents "$hold_ms"
registration_rate=$((agents < 500 ? agents : 500))
dir=$(run_sipp register 120 "127.0.0.1:$sip_port" -sf "$load/register.xml" -inf "$work/agents.csv" -auth_uri 127.0.0.1 \
  -key domain 127.0.0.1 -key contact_port "$agent_port" -key expires 3600 -i 127.0.0.1 -p "$reg_port" \
  -r "$registration_rate" -m "$agents" -l 200)
log "registered $(stat_column "$dir/stats.csv" 'SuccessfulCall(C)') of $agents agents (failed $(stat_column "$dir/stats.csv" 'FailedCall(C)')); $(settled)"
baseline=$(node_command "$work/node.log" collect "MEMORY " | jq .managedBytes)
log "managed heap after registration (full collection): $((baseline / 1024)) KiB"

summary="$out/summary.md"
: > "$summary"

# ---- registrations per second (refreshes of the same agents, digest each time) -----------------------------------
{
  echo "### Registrations (REGISTER + 401 + REGISTER with MD5 digest + 200), $reg_seconds s per step"
  echo
  echo "| offered/s | registered | failed | achieved/s | REGISTER→200 p50/p95/p99 ms | node CPU % | peak RSS MiB |"
  echo "|---:|---:|---:|---:|---:|---:|---:|"
} >> "$summary"
for rate in $reg_rates; do
  from=$(date +%s%3N)
  dir=$(run_sipp "register-$rate" $((reg_seconds + 60)) "127.0.0.1:$sip_port" -sf "$load/register.xml" -inf "$work/agents.csv" \
    -auth_uri 127.0.0.1 -key domain 127.0.0.1 -key contact_port "$agent_port" -key expires 3600 -i 127.0.0.1 -p "$reg_port" \
    -r "$rate" -m $((rate * reg_seconds)) -l $((rate * 5)))
  to=$(date +%s%3N)
  ok=$(stat_column "$dir/stats.csv" 'SuccessfulCall(C)') failed=$(stat_column "$dir/stats.csv" 'FailedCall(C)')
  elapsed=$(awk -F';' 'NR > 1 { print $5 }' "$dir/stats.csv" | tail -1 | awk -F: '{ print $1 * 3600 + $2 * 60 + $3 + $4 / 1e6 }')
  read -r p50 p95 p99 <<< "$(percentiles "$dir"/*_rtt.csv)"
  read -r cpu rss <<< "$(proc_window "$from" "$to")"
  achieved=$(awk -v n="$ok" -v t="$elapsed" 'BEGIN { printf (t > 0 ? "%.0f" : "-"), n / t }')
  echo "| $rate | $ok | $failed | $achieved | $p50 / $p95 / $p99 | $cpu | $rss |" >> "$summary"
  log "registrations at $rate/s: $ok ok, $failed failed, $achieved/s achieved, p99 $p99 ms"
done

# The heap after a full collection once every SIP leg has gone (they linger 64 x T1 = 32 s for retransmissions):
# equal after equal steps means nothing is kept per call.
# With dotnet-gcdump installed (dotnet tool install -g dotnet-gcdump) a heap dump of each such moment lands in the
# output folder, to compare by type: `dotnet-gcdump report FILE`.
heap_after_legs_gone() { # dump-name
  for _ in $(seq 1 50); do [ "$(status | jq .sipCalls)" = 0 ] && break; sleep 1; done
  echo "heap after the step, SIP legs gone: $(($(node_command "$work/node.log" collect "MEMORY " | jq .managedBytes) / 1024)) KiB"
  local gcdump; gcdump=$(command -v dotnet-gcdump || echo "$HOME/.dotnet/tools/dotnet-gcdump")
  [ -x "$gcdump" ] && timeout 60 "$gcdump" collect -p "$node_pid" -o "$out/$1.gcdump" > /dev/null 2>&1
}

# ---- calls: customers call the queue at each rate; agents answer after a 50 ms ring and hang up after hold_ms ----
call_step() { # name rate seconds target -> one table row
  local name=$1 rate=$2 seconds=$3 target=$4 before after from to dir
  local ticks_from ticks_to per_call="-"
  before=$(status | jq -c .mediaTotals)
  ticks_from=$(cpu_ticks)
  from=$(date +%s%3N)
  dir=$(run_sipp "$name" $((seconds + 60 + hold_ms / 1000)) "$target" -sf "$load/customer.xml" -s support -key domain 127.0.0.1 -aa \
    -i 127.0.0.1 -mi 127.0.0.1 -p "$customer_port" -mp 41000 -r "$rate" -m $((rate * seconds)) -l $((rate * (hold_ms / 1000 + 5) + 100)) \
    "${customer_audio[@]}")
  to=$(date +%s%3N)
  ticks_to=$(cpu_ticks)
  local ok failed p50 p95 p99 cpu rss left rtp=""
  ok=$(stat_column "$dir/stats.csv" 'SuccessfulCall(C)') failed=$(stat_column "$dir/stats.csv" 'FailedCall(C)')
  # The node's CPU time over the step divided by the calls that succeeded: what one carried call costs.
  if [ "$target" = "127.0.0.1:$sip_port" ]; then
    per_call=$(awk -v t=$((ticks_to - ticks_from)) -v hz="$ticks" -v n="$ok" 'BEGIN { printf (n > 0 ? "%.0f" : "-"), t / hz * 1e6 / n }')
  fi
  read -r p50 p95 p99 <<< "$(percentiles "$dir"/*_rtt.csv)"
  read -r cpu rss <<< "$(proc_window "$from" "$to")"
  if [ "$target" = "127.0.0.1:$sip_port" ]; then
    left=$(settled)
    after=$(status | jq -c .mediaTotals)
    rtp=$(jq -rn --argjson a "$before" --argjson b "$after" '
      def d(f): (($b | f) - ($a | f));
      (d(.customer.received) + d(.agent.received)) as $inbound | (d(.customer.lost) + d(.agent.lost)) as $lost |
      "\(d(.customer.forwarded) + d(.agent.forwarded)) | \($lost) (\(if $inbound > 0 then ($lost * 10000 / $inbound | floor) / 100 else 0 end) %) | \(d(.customer.held))"')
  else
    left="-"; rtp="- | - | -"
  fi
  echo "| $rate | $((rate * seconds)) | $ok | $failed | $p50 / $p95 / $p99 | $(repartition "$dir/stats.csv") | $cpu | $per_call | $rss | $rtp | $left |"
  log "$name: $rate/s x $seconds s: $ok ok, $failed failed, set-up p50/p95/p99 $p50/$p95/$p99 ms, CPU $cpu % ($per_call µs per call), RSS $rss MiB, $left"
  [ "$heap_per_step" = 1 ] && [ "$left" != "-" ] && log "$name: $(heap_after_legs_gone "$name") (registration: $((baseline / 1024)) KiB)"
}
header="| calls/s | offered | successful | failed | INVITE→200 p50/p95/p99 ms | response-time repartition (ms:calls) | node CPU % | node CPU µs per successful call | peak RSS MiB | RTP relayed | RTP lost | RTP held (not bridged yet) | after the step |"
rule="|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|"
if [ "$audio" = 1 ]; then media_line="PCMA 50 packets/s from each customer echoed by each agent"
else media_line="signalling only (SDP offered and answered, no RTP from customers or agents)"; fi
{ echo; echo "### Calls through the node: $step_seconds s per step, agents hold ${hold_ms} ms after a 50 ms ring, $media_line"; echo; echo "$header"; echo "$rule"; } >> "$summary"
step=0
for rate in $rates; do
  # Numbered: the same rate may be repeated, and each step needs a folder of its own.
  step=$((step + 1))
  call_step "calls-$step-$rate" "$rate" "$step_seconds" "127.0.0.1:$sip_port" >> "$summary"
done

# ---- media: many concurrent bridged calls held long, RTP 50 packets/s each way -----------------------------------
[ "$skipped_media" = 1 ] && log "--no-audio: no media run"
if [ "$media_calls" -gt 0 ]; then
  start_agents $((media_seconds * 1000))
  before=$(status | jq -c .mediaTotals)
  # Ramp in over at most half the hold, so that every call is up at once for the second half.
  ramp=$((media_seconds / 2 < 10 ? media_seconds / 2 : 10)); ramp=$((ramp > 0 ? ramp : 1))
  media_rate=$(((media_calls + ramp - 1) / ramp))
  from=$(date +%s%3N)
  mkdir -p "$out/media"
  ln -sf "$work/pcma.raw" "$out/media/pcma.raw"
  (cd "$out/media" && timeout $((media_seconds + 120)) sipp "127.0.0.1:$sip_port" -sf "$load/customer.xml" -s support -key domain 127.0.0.1 -aa \
    -i 127.0.0.1 -mi 127.0.0.1 -p "$customer_port" -mp 41000 -r "$media_rate" -m "$media_calls" -l $((media_calls + 10)) \
    -nostdin -trace_stat -stf stats.csv -fd 1 -trace_rtt -rtt_freq 1 -trace_err -timeout $((media_seconds + 90))s -timeout_error \
    > sipp.out 2>&1; echo $? > exit.code) &
  media_sipp=$!
  # At the plateau (all calls ramped in, half the hold gone): the heap after a full collection, per active call.
  sleep $((ramp + (media_seconds - ramp) / 2))
  peak=$(status)
  active=$(echo "$peak" | jq .openCalls)
  peak_heap=$(node_command "$work/node.log" collect "MEMORY " | jq .managedBytes)
  wait $media_sipp
  to=$(date +%s%3N)
  left=$(settled)
  # The SIP legs linger 32 s (64 x T1) to answer retransmissions; "none kept" is measured once they are gone.
  for _ in $(seq 1 50); do [ "$(status | jq .sipCalls)" = 0 ] && break; sleep 1; done
  lingering=$(status | jq .sipCalls)
  [ "$lingering" = 0 ] || left="$left; STUCK: $lingering SIP calls 50 s after the run"
  after=$(status | jq -c .mediaTotals)
  dir=$out/media
  ok=$(stat_column "$dir/stats.csv" 'SuccessfulCall(C)') failed=$(stat_column "$dir/stats.csv" 'FailedCall(C)')
  read -r cpu rss <<< "$(proc_window "$from" "$to")"
  after_heap=$(node_command "$work/node.log" collect "MEMORY " | jq .managedBytes)
  {
    echo
    echo "### Media: $media_calls calls ramped in at $media_rate/s, each bridged for $media_seconds s, PCMA 50 packets/s each way"
    echo
    echo "| calls | successful | failed | active at plateau | managed heap per active call | heap after the run vs after registration | node CPU % | peak RSS MiB | packets in (customer / agent) | relayed | lost | loss % | held | after the run |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    jq -rn --argjson a "$before" --argjson b "$after" --arg calls "$media_calls" --arg ok "$ok" --arg failed "$failed" \
      --arg active "$active" --arg base "$baseline" --arg peak "$peak_heap" --arg final "$after_heap" --arg cpu "$cpu" --arg rss "$rss" --arg left "$left" '
      def d(f): (($b | f) - ($a | f));
      (d(.customer.received) + d(.agent.received)) as $inbound | (d(.customer.lost) + d(.agent.lost)) as $lost |
      ($active | tonumber) as $n |
      "| \($calls) | \($ok) | \($failed) | \($n) | \(if $n > 0 then "\((($peak | tonumber) - ($base | tonumber)) / $n / 1024 | floor) KiB" else "-" end) | \((($final | tonumber) - ($base | tonumber)) / 1024 | floor) KiB | \($cpu) | \($rss) | \(d(.customer.received)) / \(d(.agent.received)) | \(d(.customer.forwarded) + d(.agent.forwarded)) | \($lost) | \(if $inbound > 0 then ($lost * 100000 / $inbound | floor) / 1000 else 0 end) | \(d(.customer.held)) | \($left) |"'
  } >> "$summary"
  log "media: $ok ok, $failed failed, $active active at the plateau, heap $((baseline / 1024)) -> $((peak_heap / 1024)) -> $((after_heap / 1024)) KiB, $left"
  start_agents "$hold_ms"
fi

# ---- ceiling: the same customers straight against a SIPp UAS (agent.xml) on this machine --------------------------
if [ "$ceiling" = 1 ]; then
  echo quit >&3; wait "$node_pid" 2>/dev/null; node_pid=""
  (cd "$work" && exec timeout 3600 sipp -sf "$load/agent.xml" -p "$uas_port" -mp 42000 "${echo_rtp[@]}" -aa -d "$hold_ms" -i 127.0.0.1 -mi 127.0.0.1 \
    -nostdin -trace_err > /dev/null 2>&1) &
  uas_pid=$!
  sleep 1
  { echo; echo "### Ceiling: the same customers straight against a SIPp UAS (agent.xml: same ring, hold and echo), no node, $media_line"; echo; echo "$header"; echo "$rule"; } >> "$summary"
  step=0
  for rate in $rates; do
    step=$((step + 1))
    call_step "ceiling-$step-$rate" "$rate" "$step_seconds" "127.0.0.1:$uas_port" >> "$summary"
  done
  [ -n "$uas_pid" ] && kill "$uas_pid" 2>/dev/null
  # Ratio per rate: successful calls through the node / straight to the UAS, and the set-up p99 of each.
  {
    echo; echo "### Node / ceiling"; echo
    echo "| calls/s | successful, node / ceiling | set-up p99 ms, node / ceiling |"; echo "|---:|---:|---:|"
    step=0
    for rate in $rates; do
      step=$((step + 1)) node_dir="$out/calls-$step-$rate" ceiling_dir="$out/ceiling-$step-$rate"
      n_ok=$(stat_column "$node_dir/stats.csv" 'SuccessfulCall(C)') c_ok=$(stat_column "$ceiling_dir/stats.csv" 'SuccessfulCall(C)')
      n_p99=$(percentiles "$node_dir"/*_rtt.csv | awk '{ print $3 }') c_p99=$(percentiles "$ceiling_dir"/*_rtt.csv | awk '{ print $3 }')
      echo "| $rate | $n_ok / $c_ok = $(awk -v a="$n_ok" -v b="$c_ok" 'BEGIN { printf (b > 0 ? "%.2f" : "-"), a / b }') | $n_p99 / $c_p99 |"
    done
  } >> "$summary"
fi

{
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(. /etc/os-release; echo "$PRETTY_NAME"), .NET $(dotnet --version), $(sipp -v 2>&1 | grep -o 'SIPp v[^ ]*' | head -1); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} >> "$summary"
echo
cat "$summary"
echo
echo "Details (SIPp statistics, response times, node log) in $out"
