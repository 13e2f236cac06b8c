#!/bin/sh
# Example bench script for "actions": { "kind": "command" } (see examples/station-command-bench.json).
# The harness runs one command per action; this script stands in for the lab's own tools (relay board, EV emulator,
# card reader emulator). Replace each branch with the command that does it on your bench. Exit 0 = done; any other
# exit code makes the case INCONCLUSIVE with this script's stderr as the reason. BENCH_LOG, when set, gets one line
# per action (the tests read it).
set -eu
what="$1"
shift
[ -n "${BENCH_LOG:-}" ] && echo "$what $*" >> "$BENCH_LOG"
case "$what" in
  plug-in)      echo "plug in: EVSE $1 connector $2" ;;       # e.g. relay-ctl cp-state B --evse "$1"
  plug-out)     echo "plug out: EVSE $1 connector $2" ;;      # e.g. relay-ctl cp-state A --evse "$1"
  card)         echo "present card $1 ($2) at EVSE $3" ;;     # e.g. nfc-emu present "$1"
  reboot)       echo "power-cycle the station" ;;             # e.g. pdu-ctl cycle outlet-3
  network)      echo "network online: $1" ;;                 # e.g. switch-ctl port 12 "$1"
  parking-bay)  echo "parking bay occupied: $1 at EVSE $2" ;;
  *)            echo "bench.sh: unknown action $what" >&2; exit 3 ;;
esac
