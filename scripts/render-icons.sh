#!/usr/bin/env bash
# Render the app icon from its SVG sources into every file the packages and the app use:
#   assets/icons/hicolor/NxN/apps/parallax.png  (N = 16 32 48 64 128 256 512; installed by the .deb)
#   assets/icons/hicolor/scalable/apps/parallax.svg
#   assets/icon-256.png                          (the window icon, embedded with include_bytes!)
#   assets/parallax.ico                          (Windows)
#   assets/parallax.icns                         (macOS)
# The rendered files are committed; run this again only after editing assets/parallax*.svg.
# Needs: rsvg-convert (librsvg2-bin), convert (imagemagick), png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

need=()
command -v rsvg-convert >/dev/null || need+=(librsvg2-bin)
convert -version 2>/dev/null | grep ImageMagick >/dev/null || need+=(imagemagick)
command -v png2icns >/dev/null || need+=(icnsutils)
apt_install render-icons "${need[@]}"

sizes=(16 32 48 64 128 256 512)
for n in "${sizes[@]}"; do
  src=assets/parallax.svg
  [ "$n" -eq 16 ] && src=assets/parallax-16.svg
  dir=assets/icons/hicolor/${n}x${n}/apps
  mkdir -p "$dir"
  rsvg-convert -w "$n" -h "$n" "$src" -o "$dir/parallax.png"
done
mkdir -p assets/icons/hicolor/scalable/apps
cp assets/parallax.svg assets/icons/hicolor/scalable/apps/parallax.svg
cp assets/icons/hicolor/256x256/apps/parallax.png assets/icon-256.png

png() { echo "assets/icons/hicolor/$1x$1/apps/parallax.png"; }
# Windows: one .ico holding the sizes Explorer and the taskbar ask for.
convert "$(png 16)" "$(png 32)" "$(png 48)" "$(png 64)" "$(png 128)" "$(png 256)" assets/parallax.ico
# macOS: png2icns picks the icns type from each PNG's size.
png2icns assets/parallax.icns "$(png 16)" "$(png 32)" "$(png 48)" "$(png 128)" "$(png 256)" "$(png 512)" >/dev/null
echo "render-icons: wrote ${#sizes[@]} PNG sizes and the SVG into assets/icons/hicolor, icon-256.png, parallax.ico, parallax.icns"
