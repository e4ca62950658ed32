#!/usr/bin/env bash
# Captures docs/images/reading-screen.png from a real terminal: the release binary runs in xterm on
# a virtual X display, on a copy of the sample library with a few tags made by `sidenote tag`, and
# the window is photographed after a few keys.
#
# Needs Debian's xvfb, xterm, xdotool, imagemagick and fonts-dejavu-core (the script says which
# are missing). Nothing is written outside a temporary folder except the PNG.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in Xvfb xterm xdotool import; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install xvfb xterm xdotool imagemagick fonts-dejavu-core)" >&2; exit 1; }
done
cargo build --release --quiet
bin="$PWD/target/release/sidenote"
work=$(mktemp -d)
trap 'kill "${xvfb:-}" "${term:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/data" "$work/config" "$work/lib"
cp assets/samples/*.txt "$work/lib/"
export SIDENOTE_DATA_DIR="$work/data" SIDENOTE_CONFIG_DIR="$work/config" USER=reader
nis="$work/lib/nis-briefs-parliamentary-committee.txt"
"$bin" tag "$nis" --sentence 1 --tag claim --note "300 killed / 2,700 injured: compare the MP report (100 / 1,000)"
"$bin" tag "$nis" --sentence 3 --tag quote
"$bin" tag "$nis" --sentence 3 --tag claim
"$bin" tag "$nis" --sentence 4 --tag claim --note "NIS assessment, not independently verified"
"$bin" tag "$nis" --sentence 5 --tag quote
"$bin" tag "$work/lib/kremlin-silent-on-captured-soldiers.txt" --sentence 2 --tag denial
"$bin" tag "$work/lib/mp-reports-100-killed-1000-injured.txt" --sentence 3 --tag claim

display=":$((RANDOM % 400 + 100))"
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
export DISPLAY="$display"
cat >"$work/run" <<RUN
#!/bin/sh
cd "$work" && TERM=xterm-256color exec "$bin" lib
RUN
chmod +x "$work/run"
xterm -geometry 130x34+0+0 -fa 'DejaVu Sans Mono' -fs 11 -bg '#1e1e1e' -fg '#d4d4d4' -e "$work/run" &
term=$!
sleep 3
window=$(xdotool search --sync --class xterm | head -1)
# Down to the second article (the list sorts by title), open it, down to its first tagged sentence.
xdotool windowfocus --sync "$window" 2>/dev/null || true
for key in g j Return j; do
  xdotool key "$key"
  sleep 0.3
done
sleep 1
mkdir -p docs/images
import -window "$window" docs/images/reading-screen.png
echo "wrote docs/images/reading-screen.png"
