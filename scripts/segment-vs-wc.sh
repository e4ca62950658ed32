#!/usr/bin/env bash
# Throughput of `sidenote segment` end to end against `wc -w` on the same ~20 MB news file, timed
# side by side in one run, best of RUNS (default 7) for each, alternating so that both see the
# same machine load; MB/s are decimal megabytes (10^6 bytes) per second. wc runs in the caller's
# locale (in a UTF-8 locale it decodes characters, as sidenote does). See docs/performance.md.
#
#   scripts/segment-vs-wc.sh [RUNS] [FORMAT]
#   SIDENOTE_BEFORE=/tmp/sidenote-old scripts/segment-vs-wc.sh    # adds a row for another build
#
# Builds the release binary first. The news file is made the way benches/segment.rs makes its
# text: the paragraphs of the five sample articles (blocks between blank lines in the wrapped
# samples, lines in the others), in a fixed pseudo-random order, separated by blank lines, every
# digit of a copy rewritten so that no two copies are the same. FORMAT is json (default) or text.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-7}
format=${2:-json}
cargo build --release --quiet
bin=target/release/sidenote

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
news="$work/news.txt"

# The paragraphs, each ended by a record separator (0x1E) for awk to pick from.
for file in assets/samples/*.txt; do
  text=$(<"$file")
  if [[ $text == *$'\n\n'* ]]; then
    awk 'BEGIN { RS = "" } { printf "%s\036", $0 }' "$file"
  else
    awk 'NF { printf "%s\036", $0 }' "$file"
  fi
done >"$work/paragraphs"
awk -v target=$((20 * 1024 * 1024)) 'BEGIN { RS = "\036" }
  { paragraphs[n++] = $0 }
  END {
    state = 12345
    size = 0
    while (size < target) {
      state = (state * 1103515245 + 12345) % 2147483648
      p = paragraphs[int(state / 65536) % n]
      gsub(/[0-9]/, int(state / 8) % 10, p)
      printf "%s\n\n", p
      size += length(p) + 2
    }
  }' "$work/paragraphs" >"$news"
bytes=$(stat -c %s "$news")

# Each tool runs once per round, the two alternating, caches warm after the first round; the
# best wall time and the best CPU time (user + system) of each are kept, in milliseconds. CPU
# time says more than wall time on a loaded machine, where a run may wait for a core.
TIMEFORMAT='%3R %3U %3S'
declare -A wall cpu
measure() {
  local tool=$1 real user sys
  shift
  read -r real user sys < <({ time "$@" >/dev/null; } 2>&1)
  real=$(awk -v t="$real" 'BEGIN { printf "%d", t * 1000 }')
  user=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')
  if [[ -z ${wall[$tool]:-} ]] || ((real < wall[$tool])); then wall[$tool]=$real; fi
  if [[ -z ${cpu[$tool]:-} ]] || ((user < cpu[$tool])); then cpu[$tool]=$user; fi
}
before=${SIDENOTE_BEFORE:-}
tools=(sidenote wc)
[[ -n $before ]] && tools=(sidenote before wc)
for ((i = 0; i < runs; i++)); do
  measure sidenote "$bin" segment --format "$format" "$news"
  [[ -n $before ]] && measure before "$before" segment --format "$format" "$news"
  measure wc wc -w "$news"
done

mbps() { awk -v b="$bytes" -v ms="$1" 'BEGIN { printf "%.0f", (ms > 0 ? b / 1e6 / (ms / 1e3) : 0) }'; }
echo "news file: $bytes bytes, $(wc -w <"$news") words; best of $runs; $(nproc) cores;" \
  "load: $(cut -d' ' -f1-3 /proc/loadavg); LC_ALL=${LC_ALL:-} LANG=${LANG:-}"
printf '%-34s %8s %8s %10s %8s\n' "" "wall ms" "MB/s" "CPU ms" "MB/s"
for tool in "${tools[@]}"; do
  case $tool in
    sidenote) name="sidenote segment --format $format" ;;
    before) name="$before (SIDENOTE_BEFORE)" ;;
    *) name="wc -w" ;;
  esac
  printf '%-34s %8s %8s %10s %8s\n' "$name" "${wall[$tool]}" "$(mbps "${wall[$tool]}")" \
    "${cpu[$tool]}" "$(mbps "${cpu[$tool]}")"
done
awk -v sw="${wall[sidenote]}" -v ww="${wall[wc]}" -v sc="${cpu[sidenote]}" -v wcpu="${cpu[wc]}" \
  'BEGIN { printf "sidenote speed / wc speed: %.2f by wall time, %.2f by CPU time\n", ww / sw, wcpu / sc }'
