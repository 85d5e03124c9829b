#!/usr/bin/env bash
# CPU (ms) and context switches by thread name of a running JVM, with PostgreSQL's processes,
# over an interval: bench/tools/thread-cpu.sh <java pid> <seconds>
# Used for the per-thread figures in docs/BENCHMARKS.md (session 13): start a bench, wait for
# its measured part, run this against the bench's pid (pgrep -f BenchMain).
set -euo pipefail
pid=$1
seconds=$2
snap() {
  for t in /proc/"$pid"/task/* $(for p in $(pgrep postgres || true); do echo /proc/"$p"; done); do
    [[ -r $t/stat ]] || continue
    name=$(tr ' ' '_' < "$t"/comm)
    # utime + stime, counted after the ")" that ends the name (names may hold spaces)
    cpu=$(sed 's/.*) //' "$t"/stat 2>/dev/null | awk '{print $12 + $13}' || echo 0)
    switches=$(awk '/^voluntary_ctxt/{v=$2} /^nonvoluntary_ctxt/{n=$2} END{print v+n}' "$t"/status 2>/dev/null || echo 0)
    echo "$(basename "$t") $name $cpu $switches"
  done | sort
}
before=$(mktemp); after=$(mktemp)
trap 'rm -f "$before" "$after"' EXIT
snap > "$before"; sleep "$seconds"; snap > "$after"
ticks=$(getconf CLK_TCK)
echo "cpu_ms switches thread"
# joined on the thread id: id, name, cpu, switches (before), name, cpu, switches (after)
join "$before" "$after" | awk -v t="$ticks" '{c[$2]+=($6-$3)*1000/t; s[$2]+=$7-$4}
  END {for (k in c) if (c[k] > 0 || s[k] > 0) printf "%d %d %s\n", c[k], s[k], k}' | sort -rn | head -25
