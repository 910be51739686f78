#!/usr/bin/env bash
# Build the Debian package of Parallax and check it as a user's machine would see it:
#   1. validate the desktop entry (desktop-file-validate) and the AppStream metainfo
#      (appstreamcli validate --no-net);
#   2. build the .deb with cargo-deb (a release build: slow on a small machine);
#   3. check that the package holds the binary, the desktop entry, the metainfo and every icon size,
#      and that its Depends cover every shared library the binary names for dlopen;
#   4. unpack it into a scratch root, validate that tree (appstreamcli validate-tree), and run
#      parallax --version from it.
# Not part of every CI run: it takes a release build. Installs what it needs (apt tools, cargo-deb)
# when missing. Prints the path of the .deb at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

say() { printf 'check-packaging: %s\n' "$*"; }
fail() { printf 'check-packaging: FAILED: %s\n' "$*" >&2; exit 1; }

app_id=io.github.parallax.Parallax
desktop=packaging/linux/$app_id.desktop
metainfo=packaging/linux/$app_id.metainfo.xml
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | sed -n 1p)

# --- tools -------------------------------------------------------------------------------------
apt_missing=()
command -v desktop-file-validate >/dev/null || apt_missing+=(desktop-file-utils)
command -v appstreamcli >/dev/null || apt_missing+=(appstream)
command -v dpkg-shlibdeps >/dev/null || apt_missing+=(dpkg-dev)   # cargo-deb's $auto
command -v strings >/dev/null || apt_missing+=(binutils)
apt_install check-packaging "${apt_missing[@]}"
if ! cargo deb --version >/dev/null 2>&1; then
  say "installing cargo-deb: cargo install --locked cargo-deb"
  cargo install --locked cargo-deb
fi

# --- 1. metadata files -------------------------------------------------------------------------
say "desktop-file-validate $desktop"
desktop-file-validate "$desktop" || fail "desktop entry is not valid"
say "appstreamcli validate --no-net $metainfo"
appstreamcli validate --no-net --explain "$metainfo" || fail "metainfo is not valid"

# --- 2. the package ----------------------------------------------------------------------------
say "cargo deb (release build)"
deb_log=$(mktemp)
cargo deb | tee "$deb_log"
deb=$(tail -n1 "$deb_log")
rm -f "$deb_log"
[ -f "$deb" ] || fail "cargo deb did not report a .deb file (last line: $deb)"
say "built $deb ($(du -h "$deb" | cut -f1))"

# --- 3. contents and dependencies --------------------------------------------------------------
contents=$(dpkg-deb --contents "$deb" | awk '{print $NF}' | sed 's|^\./|/|')
expected=(/usr/bin/parallax
  "/usr/share/applications/$app_id.desktop"
  "/usr/share/metainfo/$app_id.metainfo.xml"
  /usr/share/icons/hicolor/scalable/apps/parallax.svg)
for n in 16 32 48 64 128 256 512; do
  expected+=("/usr/share/icons/hicolor/${n}x${n}/apps/parallax.png")
done
for f in "${expected[@]}"; do
  grep -qx "$f" <<<"$contents" || fail "the package lacks $f"
done
say "package holds all ${#expected[@]} expected files"

synopsis=$(sed -n 's/^description = "\(.*\)"$/\1/p' Cargo.toml | sed -n 1p)
if [ ${#synopsis} -gt 79 ]; then
  say "WARNING: the package synopsis (Cargo.toml [package] description) is ${#synopsis} characters;"
  say "         Debian allows 79, so cargo-deb carries the rest over into the long description"
fi
depends=$(dpkg-deb --field "$deb" Depends)
say "Depends: $depends"
say "Recommends: $(dpkg-deb --field "$deb" Recommends)"

# --- 4. scratch root ---------------------------------------------------------------------------
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"
say "unpacked into scratch root $root"

# Every library the binary names for dlopen must come from a package it depends on. The names
# are read from the binary itself; each is mapped to its package through this machine's dpkg
# database (a library that is not installed here cannot be checked and is reported).
# (Names can sit glued to the end of other strings: keep from the last "lib" on.)
sonames=$(strings "$root/usr/bin/parallax" | grep -oE 'lib[A-Za-z0-9_+-]+\.so\.[0-9]+' \
  | sed -E 's/.*(lib[A-Za-z0-9_+-]+\.so\.[0-9]+)$/\1/' | sort -u)
unchecked=()
for so in $sonames; do
  path=$(ldconfig -p | awk -v so="$so" '$1 == so && !found {print $NF; found = 1}')
  if [ -z "$path" ]; then unchecked+=("$so"); continue; fi
  # By file name in any folder: dpkg records /lib/... on merged-/usr systems where the loader says /usr/lib/...
  pkg=$(dpkg -S "*/$(basename "$(readlink -f "$path")")" 2>/dev/null | sed -n 1p | cut -d: -f1) || pkg=""
  if [ -z "$pkg" ]; then unchecked+=("$so"); continue; fi
  if grep -qE "(^|[ ,|])$pkg([ ,(|]|$)" <<<"$depends"; then
    say "  $so -> $pkg: declared"
  elif [ "$pkg" = libc6 ] || [ "$pkg" = libgcc-s1 ]; then
    say "  $so -> $pkg: essential"
  else
    fail "the binary loads $so (package $pkg), which Depends does not declare"
  fi
done
[ ${#unchecked[@]} -eq 0 ] || say "  not installed here, so not checked: ${unchecked[*]}"

say "appstreamcli validate-tree --no-net (the installed tree)"
appstreamcli validate-tree --no-net "$root" || fail "the installed tree does not validate"

say "running $root/usr/bin/parallax --version"
out=$("$root/usr/bin/parallax" --version) || fail "parallax --version exited with an error"
echo "$out"
[ "$out" = "parallax $version" ] || fail "expected 'parallax $version', got '$out'"

say "OK: $deb"
