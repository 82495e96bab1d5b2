#!/usr/bin/env bash
# Builds the .deb (installer/build-app-image.sh deb) and checks, as root with apt on this machine, that it
# installs, works and purges cleanly where there is no desktop (issue 13, point 13):
#   A. without xdg-utils (a server): `apt-get install --no-install-recommends ./….deb` leaves the package
#      configured; the installed launcher's --version, inspect and predict (the bundled model, taken out of
#      the installed jar) work from an empty folder; `apt-get purge` removes it and /opt/ecg-workbench.
#   B. with xdg-utils but no menu directory (/etc/xdg/menus missing: the post-install script's
#      xdg-desktop-menu used to fail there): installs configured, purges.
#   C. with xdg-utils and the menu directories of a desktop (/etc/xdg/menus, /usr/share/desktop-directories):
#      the menu entry is installed, and purge removes it.
# A runs only when xdg-utils is not installed, B and C only when /etc/xdg/menus does not exist (else D: a
# plain install, the commands and purge on this desktop machine): the
# machine is left as it was found (xdg-utils and the menu directories are removed again if this script added them).
# Used by .ci/run after `mvn -B verify`; needs apt lists (apt-get update) to fetch fakeroot and xdg-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" = 0 ] || { echo "installer/check-deb.sh installs a package: run it as root" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive OMP_WAIT_POLICY=PASSIVE
start=$(date +%s)
pkg=ecg-workbench
launcher=/opt/$pkg/bin/$pkg
entry=/usr/share/applications/$pkg-$pkg.desktop

fail() { echo "deb check failed: $*" >&2; exit 1; }
installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]; }

added_xdg=no added_dirs=()
scratch=$(mktemp -d)
cleanup() {
  installed "$pkg" && apt-get purge -y -qq "$pkg" >/dev/null 2>&1 || true
  [ "$added_xdg" = yes ] && apt-get purge -y -qq xdg-utils >/dev/null 2>&1 || true
  for d in "${added_dirs[@]}"; do rm -rf "$d"; done
  rm -rf "$scratch"
}
trap cleanup EXIT

command -v fakeroot >/dev/null || apt-get install -y -qq fakeroot >/dev/null
installed "$pkg" && fail "$pkg is installed already; purge it first (apt-get purge -y $pkg)"
installer/build-app-image.sh deb
deb=$(ls "$PWD"/target/installer/${pkg}_*_amd64.deb)
built=$(date +%s)

install_deb() {  # $1: the case; the rest: apt-get options
  local what=$1; shift
  echo "== $what: apt-get install $* $(basename "$deb")"
  apt-get install -y -q "$@" "$deb" > "$scratch/install.log" 2>&1 || { cat "$scratch/install.log" >&2; fail "$what: apt-get install failed"; }
  grep -E "$pkg:|xdg-" "$scratch/install.log" || true
  installed "$pkg" || { cat "$scratch/install.log" >&2; fail "$what: the package is not configured: $(dpkg-query -W -f='${Status}' $pkg)"; }
}

purge_deb() {
  local what=$1
  apt-get purge -y -q "$pkg" > "$scratch/purge.log" 2>&1 || { cat "$scratch/purge.log" >&2; fail "$what: apt-get purge failed"; }
  ! installed "$pkg" || fail "$what: still installed after purge"
  [ -z "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -v not-installed || true)" ] \
    || fail "$what: dpkg still knows $pkg after purge: $(dpkg-query -W -f='${Status}' $pkg)"
  [ ! -e "/opt/$pkg" ] || fail "$what: /opt/$pkg is left after purge"
  [ ! -e "$entry" ] || fail "$what: $entry is left after purge"
  echo "   purged"
}

run_commands() {
  local here=$PWD
  mkdir -p "$scratch/empty" && cd "$scratch/empty"
  local version inspect predict
  version=$("$launcher" --version) || fail "--version failed"
  [[ "$version" == "ECG Workbench "* ]] || fail "--version printed '$version'"
  # The sample and the bundled model travel inside the installed jar.
  (cd "$scratch" && jar xf "/opt/$pkg/lib/app/$pkg.jar" samples/A5432.hea samples/A5432.mat models/demo-resnet18-w025.ecgmodel)
  inspect=$("$launcher" inspect "$scratch/samples/A5432.hea" --json) || fail "inspect failed"
  grep -q '"id" : "A5432"' <<<"$inspect" || fail "inspect printed: $inspect"
  predict=$("$launcher" predict --model "$scratch/models/demo-resnet18-w025.ecgmodel" "$scratch/samples/A5432.hea") || fail "predict failed"
  [[ "$predict" == "A5432: "* ]] || fail "predict printed: $predict"
  [ -z "$(ls -A)" ] || fail "the commands left files in the working folder: $(ls -A)"
  echo "   $version"
  echo "   $predict"
  cd "$here"
}

ran_commands=no
if ! installed xdg-utils; then
  install_deb "A (no xdg-utils)" --no-install-recommends
  installed xdg-utils && fail "A: xdg-utils was installed with the package (it should only be recommended)"
  run_commands; ran_commands=yes
  purge_deb "A"
fi

if [ ! -e /etc/xdg/menus ]; then
  if ! installed xdg-utils; then
    apt-get install -y -qq --no-install-recommends xdg-utils >/dev/null || fail "cannot install xdg-utils"
    added_xdg=yes
  fi
  install_deb "B (xdg-utils, no menu directory)"
  [ "$ran_commands" = yes ] || { run_commands; ran_commands=yes; }
  purge_deb "B"

  # What a desktop has and a server lacks: xdg-desktop-menu needs both (menus, and .directory files).
  for d in /etc/xdg/menus /usr/share/desktop-directories; do
    [ -e "$d" ] || { mkdir -p "$d"; added_dirs+=("$d"); }
  done
  install_deb "C (xdg-utils and a menu directory)"
  [ -f "$entry" ] || fail "C: the menu entry $entry was not installed"
  echo "   menu entry: $entry"
  purge_deb "C"
fi
if [ "$ran_commands" = no ]; then  # a desktop machine: xdg-utils and a menu directory are there already
  install_deb "D (this machine's desktop)"
  run_commands
  purge_deb "D"
fi

end=$(date +%s)
echo "deb OK: $(du -h "$deb" | cut -f1) · build $((built - start)) s, install/run/purge checks $((end - built)) s"
