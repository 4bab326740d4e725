#!/usr/bin/env bash
# Installs the Debian libraries Qt (PySide6) needs: for the offscreen platform the tests use and
# for the X11 window `make run` opens. Does nothing when they are all present.
set -euo pipefail
pkgs=(libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0
      libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
      libxcb-render-util0 libxcb-xinerama0 libxcb-shape0 libxcb-randr0 libxcb-xkb1
      fonts-dejavu-core)
command -v dpkg >/dev/null 2>&1 || { echo "Not a Debian system: install Qt's libraries yourself."; exit 0; }
missing=()
for p in "${pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "Qt needs these Debian packages; install them as root: apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installing Qt's system libraries: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
