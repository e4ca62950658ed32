#!/usr/bin/env bash
# Time from start to the first full screen, for the release binary and for `less` on the same
# files, in a 160x48 pseudo-terminal (tmux), and their ratio. Also the peak memory of the
# reading screen on the big article. See docs/performance.md.
#
#   cargo build --release && scripts/first-screen.sh [RUNS]
#
# Each case starts a tmux session running the command and reads the screen back as fast as tmux
# answers (a few milliseconds a read) until it shows what a full first screen must show: a line
# of the article (or the list's first sample) and a non-blank bottom row (the status bar, or
# less's prompt). The median of RUNS runs (default 5) is printed. The big article (~100 MB, the
# sample articles doubled over and over) is written to a temporary folder and deleted after.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
bin=target/release/sidenote
if [[ ! -x $bin ]]; then
  echo "first-screen: $bin is missing; run cargo build --release first" >&2
  exit 1
fi
for tool in tmux less /usr/bin/time; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "first-screen: $tool is needed" >&2
    exit 1
  fi
done

work=$(mktemp -d)
socket="sidenote-first-screen-$$"
tm() { tmux -L "$socket" "$@"; }
cleanup() {
  tm kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

export SIDENOTE_DATA_DIR="$work/data" SIDENOTE_CONFIG_DIR="$work/config"
mkdir -p "$work/library" "$SIDENOTE_DATA_DIR" "$SIDENOTE_CONFIG_DIR"
cp assets/samples/*.txt "$work/library/"
sample="$work/library/kremlin-silent-on-captured-soldiers.txt"

# ~100 MB: all samples, then the file doubled until it passes 100 MiB.
big="$work/big.txt"
for file in assets/samples/*.txt; do
  cat "$file"
  printf '\n\n'
done >"$big"
while (($(stat -c %s "$big") < 100 * 1024 * 1024)); do
  cat "$big" "$big" >"$big.2"
  mv "$big.2" "$big"
done
big_mb=$(($(stat -c %s "$big") / 1024 / 1024))

# A server that outlives the sessions, so starting one is not counted.
tm new-session -d -s keep -x 160 -y 48 "sleep 100000"

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# first_screen NEEDLE COMMAND...: milliseconds until the screen holds NEEDLE and a non-blank
# bottom row; 99999 when that takes over 60 s.
first_screen() {
  local needle=$1
  shift
  local start end screen
  start=$(now_ms)
  tm new-session -d -s run -x 160 -y 48 "$*"
  while true; do
    screen=$(tm capture-pane -p -t run 2>/dev/null || true)
    if [[ $screen == *"$needle"* ]] && [[ -n $(tail -n 1 <<<"$screen" | tr -d ' ') ]]; then
      end=$(now_ms)
      break
    fi
    if (($(now_ms) - start > 60000)); then
      end=$((start + 99999))
      break
    fi
  done
  tm kill-session -t run 2>/dev/null || true
  echo $((end - start))
}

# median CMD...: the median of `runs` runs of first_screen.
median() {
  local times=()
  for ((i = 0; i < runs; i++)); do
    times+=("$(first_screen "$@")")
    sleep 0.2
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}

first_words="As many as 300"
row() {
  local name=$1 needle=$2 ours=$3 theirs=$4
  local a b
  a=$(median "$needle" "$ours")
  b=$(median "$first_words" "$theirs")
  printf '%-34s %10s ms %10s ms %8s\n' "$name" "$a" "$b" \
    "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1fx", a / (b > 0 ? b : 1) }')"
}

echo "terminal 160x48, median of $runs runs; $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %13s %13s %8s\n' "case" "sidenote" "less" "ratio"
row "sample library (less: 1st sample)" "C0 D0 Q0" "$bin $work/library" "less $sample"
row "one sample article" "$first_words" "$bin $sample" "less $sample"
row "big article (${big_mb} MB)" "$first_words" "$bin $big" "less $big"

# Peak memory of the reading screen on the big article, after the background work has settled.
tm new-session -d -s mem -x 160 -y 48 \
  "/usr/bin/time -f %M -o $work/rss $bin $big"
sleep 8
tm send-keys -t mem q
for _ in $(seq 100); do
  [[ -s $work/rss ]] && break
  sleep 0.1
done
rss_kb=$(tail -n 1 "$work/rss" 2>/dev/null || echo 0)
echo "peak RSS of 'sidenote big.txt' after 8 s: $((rss_kb / 1024)) MB for a ${big_mb} MB file" \
  "($(awk -v r="$rss_kb" -v s="$(stat -c %s "$big")" 'BEGIN { printf "%.2f", r * 1024 / s }')x)"
