# Shared by the scripts in this folder (source it: . "$(dirname "$0")/lib.sh").
#
# apt_install WHO PACKAGE...
#   Installs the packages with apt-get, never asking a question: as root, or through sudo when that
#   works without a password. Without either it prints the install command and exits 1. WHO prefixes
#   the messages (the calling script's name). With no packages it does nothing.

apt_install() {
  local who=$1
  shift
  [ $# -gt 0 ] || return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      printf '%s: missing system packages: %s\n' "$who" "$*" >&2
      printf '%s: install them, then run this script again:\n' "$who" >&2
      printf '%s:   sudo apt-get install -y --no-install-recommends %s\n' "$who" "$*" >&2
      exit 1
    fi
  fi
  printf '%s: installing %s with apt-get\n' "$who" "$*"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "$@" </dev/null
  printf '%s: installed: %s\n' "$who" "$*"
}
