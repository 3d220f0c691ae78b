#!/usr/bin/env bash
# The browsers and services the tests need, from Debian's packages, installed only when missing:
# Chromium, Firefox ESR, WebKitGTK's driver and MiniBrowser, a virtual display, and a sound server that
# plays into nothing. No test tool downloads a browser of its own.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

packages=(chromium fonts-dejavu-core firefox-esr webkit2gtk-driver xvfb xauth pulseaudio)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "browsers: all installed (chromium $(dpkg-query -W -f='${Version}' chromium), firefox-esr $(dpkg-query -W -f='${Version}' firefox-esr), webkit2gtk-driver $(dpkg-query -W -f='${Version}' webkit2gtk-driver))"
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "browsers: installing ${missing[*]}"
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
