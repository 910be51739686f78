#!/usr/bin/env bash
# Regenerates docs/examples/: every export of the seed story, and the HTML
# report as headless Chromium draws it (Debian: apt-get install chromium).
# Run after a change to the analysis or to a report format.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/parallax
out=docs/examples
mkdir -p "$out"
for name in report.html report.md facts.csv quotes.csv timeline.csv timeline.svg corpus.jsonl; do
  "$bin" export seeds -o "$out/$name" --title "Albania cuts ties with Iran (seed story)" --force
done
"$bin" export seeds -o "$out/view.png" --size 1600x1000 --force
"$bin" export seeds -o "$out/timeline-pane.png" --pane timeline --size 1600x1000 --scale 2 --force
if command -v chromium >/dev/null; then
  profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    --hide-scrollbars --window-size=1100,3000 --screenshot="$PWD/$out/report-chromium.png" \
    "file://$PWD/$out/report.html" 2>/dev/null
  rm -rf "$profile"
else
  echo "examples.sh: no chromium; report-chromium.png not refreshed" >&2
fi
