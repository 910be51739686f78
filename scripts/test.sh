#!/usr/bin/env bash
# Run every test of Parallax, snapshot tests included: ./scripts/test.sh
#
# On a fresh Debian or Ubuntu machine that has only the Rust toolchain, this script first checks for
# the system packages the build and the tests need, and installs the missing ones with apt-get (as
# root, or through sudo when that works without a password). It never asks a question, so it runs
# unattended in CI. Without root or sudo it prints the install command and stops; on a system
# without dpkg it says what is needed and goes on.
#
# The packages:
#   gcc, libc6-dev       the linker that cargo calls (rustup does not bring one), and the C
#                        compiler of the binary's allocator (mimalloc)
#   libvulkan1           the Vulkan loader, which wgpu opens at run time
#   mesa-vulkan-drivers  lavapipe, a Vulkan driver on the CPU: the snapshot tests render the app
#                        with wgpu without a GPU or a display
#
# Then it runs the doc-tests, then every other test target (all of them, even after a failure), and
# ends with one line that adds up all of them: "total: N passed, N failed, N skipped".
# Extra arguments go to the second cargo call, e.g. ./scripts/test.sh -- --nocapture
# ./scripts/test.sh --setup-only does only the system package check (.ci/run calls it before clippy).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

say() { printf 'test.sh: %s\n' "$*"; }

needed_packages=(gcc libc6-dev libvulkan1 mesa-vulkan-drivers)

ensure_system_packages() {
  if [ "$(uname -s)" != Linux ] || ! command -v dpkg-query >/dev/null 2>&1; then
    say "not a Debian-like system: make sure a C linker and a Vulkan driver (or a GPU) are present"
    return 0
  fi
  local missing=() pkg
  for pkg in "${needed_packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep 'install ok installed' >/dev/null; then
      missing+=("$pkg")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "system packages present: ${needed_packages[*]}"
    return 0
  fi
  apt_install test.sh "${missing[@]}"
}

ensure_system_packages
if [ "${1:-}" = --setup-only ]; then
  exit 0
fi

if ! command -v cargo >/dev/null 2>&1; then
  say "cargo not found: install the Rust toolchain with rustup first"
  exit 1
fi

# Each test binary prints its own "test result:" line, and the last of them may belong to a target
# without tests (the binary's unit tests: "0 passed"). So the output is also read, and the script
# ends with one line that adds up every test binary, doc-tests included.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
color=auto
[ -t 1 ] && color=always

status=0
say "cargo test --doc"
cargo test --color "$color" --doc 2>&1 | tee -a "$log" || status=1
say "cargo test --all-targets --no-fail-fast $*"
cargo test --color "$color" --all-targets --no-fail-fast "$@" 2>&1 | tee -a "$log" || status=1

sed 's/\x1b\[[0-9;]*m//g' "$log" | awk '
  /^test result: / {
    for (i = 1; i <= NF; i++) {
      if ($(i) ~ /^passed;?$/) passed += $(i - 1)
      if ($(i) ~ /^failed;?$/) failed += $(i - 1)
      if ($(i) ~ /^ignored;?$/) ignored += $(i - 1)
    }
    binaries++
  }
  END {
    printf "test.sh: %d test binaries (doc-tests included)\n", binaries
    printf "total: %d passed, %d failed, %d skipped\n", passed, failed, ignored
  }'
exit "$status"
