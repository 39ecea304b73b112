#!/usr/bin/env bash
# Installs the system packages the build and tests need. The terminal game and its tests need
# none beyond the Rust toolchain; the window (a later issue) will add its packages here.
set -euo pipefail
packages=()
if [ ${#packages[@]} -gt 0 ]; then
  apt-get update
  apt-get install -y --no-install-recommends "${packages[@]}"
fi
echo "system packages: ${packages[*]:-none needed}"
