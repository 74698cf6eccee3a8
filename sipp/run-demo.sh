#!/usr/bin/env bash
# The proof of concept's demonstration by hand, on loopback: a node with two agents (alice, bob), both agents
# registering with digest auth and answering with an audio echo, then 5 customer calls at 1 call/s with G.711 audio.
# Prints the per-agent split (the node's status) and the call records. Needs sipp and sqlite3 (optional).
#   sipp/run-demo.sh [sip-port]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
port=${1:-5070}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

cat > "$work/demo.hocon" <<HOCON
callcenter {
  domain = "127.0.0.1"
  # SIPp answers only the first challenge, and only with MD5.
  registrar { algorithms = [MD5, SHA-256] }
  queues {
    support { strategy = round-robin }
  }
  agents {
    alice { password = "alice-secret", queues = [support] }
    bob { password = "bob-secret", queues = [support] }
  }
}
HOCON

dotnet build src/CallCenter.Node -c Release -nologo -v quiet >/dev/null
mkfifo "$work/stdin"
dotnet src/CallCenter.Node/bin/Release/net10.0/CallCenter.Node.dll --config "$work/demo.hocon" --sip-port "$port" \
  --bind 127.0.0.1 --rtp-ports 21000-21199 --db "$work/callcenter.db" --http-port 0 < "$work/stdin" > "$work/node.log" 2>&1 &
exec 3> "$work/stdin"
for _ in $(seq 1 120); do grep -q "CallCenter node ready" "$work/node.log" && break; sleep 0.5; done
grep -q "CallCenter node ready" "$work/node.log" || { cat "$work/node.log"; exit 1; }

cd "$work"
# The agents' phones run in the background until the script ends (the trap stops them and the node).
timeout 120 sipp -sf "$root/sipp/agent-answer.xml" -p $((port + 1)) -mp 16000 -rtp_echo -d 3000 -i 127.0.0.1 -mi 127.0.0.1 -nostdin >/dev/null 2>&1 &
timeout 120 sipp -sf "$root/sipp/agent-answer.xml" -p $((port + 2)) -mp 16010 -rtp_echo -d 3000 -i 127.0.0.1 -mi 127.0.0.1 -nostdin >/dev/null 2>&1 &
for agent in alice:$((port + 1)) bob:$((port + 2)); do
  name=${agent%%:*}; contact=${agent##*:}
  timeout 20 sipp "127.0.0.1:$port" -sf "$root/sipp/agent-register.xml" -m 1 -s "$name" -au "$name" -ap "$name-secret" \
    -auth_uri 127.0.0.1 -key domain 127.0.0.1 -key contact_port "$contact" -key expires 3600 -i 127.0.0.1 -p $((port + 10)) -nostdin >/dev/null \
    && echo "$name registered" || { echo "$name failed to register"; exit 1; }
done

echo "5 customers call sip:support@127.0.0.1 at 1 call/s ..."
timeout 90 sipp "127.0.0.1:$port" -sf "$root/sipp/customer.xml" -s support -key domain 127.0.0.1 -r 1 -m 5 -l 5 \
  -p $((port + 20)) -mp 17000 -i 127.0.0.1 -mi 127.0.0.1 -nostdin -timeout 80s >/dev/null \
  && echo "all 5 calls completed" || echo "some calls failed (sipp exit $?)"
sleep 3
echo status >&3
sleep 2
grep '^STATUS ' "$work/node.log" | tail -1 | sed 's/^STATUS //'
if command -v sqlite3 >/dev/null; then
  sqlite3 -header -column "$work/callcenter.db" \
    "SELECT call_id, agent_id, disposition, round(wait_seconds, 1) AS wait_s, round(talk_seconds, 1) AS talk_s FROM call_records ORDER BY arrived_at;"
fi
echo quit >&3
