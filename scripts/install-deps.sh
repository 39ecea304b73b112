#!/usr/bin/env bash
# Installs the system packages the game and its tests need (Debian/Ubuntu, as root or with sudo).
# Building needs none beyond the Rust toolchain; running the window needs Vulkan (Mesa's
# lavapipe works without a GPU) and the X11 client libraries; the window test needs Xvfb; the
# browser tests need Chromium and a CJK font (WenQuanYi Micro Hei, 5 MB) so Chinese is not boxes.
set -euo pipefail
packages=(
  libvulkan1 mesa-vulkan-drivers
  libx11-6 libxcursor1 libxrandr2 libxi6 libxkbcommon-x11-0
  xvfb xauth
  imagemagick xdotool
  chromium fonts-wqy-microhei
)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
