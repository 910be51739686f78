#!/usr/bin/env bash
# Install the built .deb for real (dpkg -i), start Parallax the way a desktop menu does (the Exec
# line of the installed desktop entry, field codes removed), under a virtual X display, check that
# its window carries the WM_CLASS the desktop entry names in StartupWMClass, and save a screenshot
# of that window to docs/screenshots/deb-launch.png.
#
# usage: scripts/deb-launch-shot.sh [PACKAGE.deb] [--wait SECONDS]
#   Without a path it takes the newest .deb under the cargo target directory (build it first with
#   scripts/check-packaging.sh). Needs root (or sudo) for dpkg -i; installs Xvfb, ImageMagick and
#   x11-utils when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

say() { printf 'deb-launch-shot: %s\n' "$*"; }
fail() { printf 'deb-launch-shot: FAILED: %s\n' "$*" >&2; exit 1; }

app_id=io.github.parallax.Parallax
out=docs/screenshots/deb-launch.png
deb="" wait_s=8
while [ $# -gt 0 ]; do
  case $1 in
    --wait) wait_s=$2; shift 2 ;;
    *.deb) deb=$1; shift ;;
    *) fail "unknown argument $1 (usage: $0 [PACKAGE.deb] [--wait SECONDS])" ;;
  esac
done
if [ -z "$deb" ]; then
  target_dir=${CARGO_TARGET_DIR:-target}
  deb=$(find "$target_dir/debian" -maxdepth 1 -name 'parallax_*.deb' -printf '%T@ %p\n' 2>/dev/null \
    | sort -rn | sed -n 1p | cut -d' ' -f2- || true)
  [ -n "$deb" ] || fail "no .deb under $target_dir/debian: run scripts/check-packaging.sh first"
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo -n true 2>/dev/null || fail "dpkg -i needs root: run this script as root or with sudo"
  sudo=(sudo -n)
fi
export DEBIAN_FRONTEND=noninteractive
tools=()
command -v Xvfb >/dev/null || tools+=(xvfb xauth)
convert -version 2>/dev/null | grep ImageMagick >/dev/null || tools+=(imagemagick)
command -v xwininfo >/dev/null || tools+=(x11-utils)
apt_install deb-launch-shot "${tools[@]}"

# --- install ---------------------------------------------------------------------------------
say "dpkg -i $deb"
if ! "${sudo[@]}" dpkg -i "$deb"; then
  say "dpkg -i left dependencies unresolved: apt-get install -f"
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -f -y -q --no-install-recommends </dev/null
fi
dpkg-query -W -f='${Status} ${Version}\n' parallax | grep 'install ok installed' >/dev/null \
  || fail "parallax is not installed after dpkg -i"
entry=/usr/share/applications/$app_id.desktop
[ -f "$entry" ] || fail "the package did not install $entry"
say "installed: $(dpkg-query -W -f='${Package} ${Version}' parallax); menu entry $entry"

# --- launch as the menu does -----------------------------------------------------------------
exec_line=$(sed -n 's/^Exec=//p' "$entry" | sed -n 1p)
wm_class=$(sed -n 's/^StartupWMClass=//p' "$entry" | sed -n 1p)
# A menu launched with no files drops the field codes (%f %F %u %U ...).
read -r -a cmd <<<"$(sed -E 's/(^| )%[fFuUdDnNickvm]//g' <<<"$exec_line")"
say "Exec=$exec_line -> running: ${cmd[*]}"
command -v "${cmd[0]}" >/dev/null || fail "${cmd[0]} is not on PATH after installation"

display=:$((90 + RANDOM % 9))
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
chmod 700 "$XDG_RUNTIME_DIR"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp -noreset >/dev/null 2>&1 &
xvfb=$!
app=""
trap '[ -n "$app" ] && kill "$app" 2>/dev/null; kill "$xvfb" 2>/dev/null' EXIT
sleep 1
log=$(mktemp)
(cd "$HOME" && DISPLAY=$display exec "${cmd[@]}") >"$log" 2>&1 &
app=$!
sleep "$wait_s"
if ! kill -0 "$app" 2>/dev/null; then
  cat "$log" >&2
  fail "the app exited before the screenshot (its output is above)"
fi

# --- check the window and take the shot --------------------------------------------------------
tree=$(DISPLAY=$display xwininfo -root -tree)
window=$(grep -F "(\"\" \"$wm_class\")" <<<"$tree" | sed -n 1p | awk '{print $1}' || true)
[ -n "$window" ] || window=$(grep -F "\"$wm_class\")" <<<"$tree" | sed -n 1p | awk '{print $1}' || true)
mkdir -p "$(dirname "$out")"
if [ -n "$window" ]; then
  say "window $window has WM_CLASS $wm_class, as StartupWMClass says"
  DISPLAY=$display import -window "$window" "$out"
else
  say "windows on the display:"
  grep -E '^ +0x' <<<"$tree" >&2 || true
  DISPLAY=$display import -window root "$out"
  fail "no window with WM_CLASS $wm_class (StartupWMClass): the app id passed to with_app_id differs; a full-screen shot is in $out"
fi
say "wrote $out"
