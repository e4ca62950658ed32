#!/bin/sh
# sidenote compare next to sidenote export --format jsonl over the same generated folders of
# 1,000 and 4,000 tagged articles (the libraries benches/compare.rs writes), in one run: each
# command REPS times (default 5), the median of each, the ratios, and the load average.
# Usage: cargo build --release && scripts/compare-vs-export.sh [REPS] [FOLDER_1000 FOLDER_4000]
set -eu
reps=${1:-5}
bin=${SIDENOTE_BIN:-target/release/sidenote}
data=$(mktemp -d)
export SIDENOTE_DATA_DIR="$data" SIDENOTE_CONFIG_DIR="$data"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_of() { # prints seconds of one run of "$@"
    s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N); echo "$e - $s" | bc
}
for dir in "$2" "$3"; do
    c=$(for i in $(seq "$reps"); do time_of "$bin" compare "$dir"; done | median)
    x=$(for i in $(seq "$reps"); do time_of "$bin" export --format jsonl "$dir"; done | median)
    echo "$dir: compare ${c}s export ${x}s ratio $(echo "scale=2; $c / $x" | bc) load $(cut -d' ' -f1-3 /proc/loadavg)"
done
rm -rf "$data"
