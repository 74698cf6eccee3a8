# Shell helpers shared by the scripts that drive a node process through its console (stdin on fd 3, output in a log).
# Sourced, not run.

# Waits up to $3 seconds for the node with PID $2 to print its ready line into log $1; prints the log's tail if not.
wait_node_ready() { # log pid seconds
  local tries=$(($3 * 20))
  for _ in $(seq 1 "$tries"); do
    grep -q "CallCenter node ready" "$1" && return 0
    kill -0 "$2" 2>/dev/null || break
    sleep 0.05
  done
  tail -30 "$1"; return 1
}

# Sends console command $2 on fd 3 and prints the first new line of log $1 that starts with prefix $3 ("STATUS ",
# "MEMORY "), without the prefix; "{}" and status 1 when none comes within 20 s.
node_command() { # log command prefix
  local before; before=$(grep -c "^$3" "$1")
  echo "$2" >&3
  for _ in $(seq 1 100); do
    [ "$(grep -c "^$3" "$1")" -gt "$before" ] && { grep "^$3" "$1" | tail -1 | cut -c$((${#3} + 1))-; return 0; }
    sleep 0.2
  done
  echo "{}"; return 1
}
