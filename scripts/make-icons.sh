#!/usr/bin/env bash
# Builds assets/fonts/LostOrderIcons.ttf: the icons the game shows (roles, stances, actions, the
# week, the notebook), cut from Lucide's icon font (ISC licence, https://lucide.dev) with
# PyPI's fonttools (pip install fonttools). Lucide comes from the npm registry. The result and
# the licence are committed; run this only to change the set (and update src/game/icons.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
version=1.62.0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "lucide-static@$version" >/dev/null 2>&1 && tar xzf lucide-static-*.tgz)
python3 -c "import fontTools" 2>/dev/null || { echo "missing fonttools: pip install fonttools" >&2; exit 1; }
# crown shield-check hand-coins hard-hat message-circle star chevrons-up chevron-up minus
# chevron-down chevrons-down handshake search users presentation gift calendar-days notebook-pen
# scroll-text check x trophy user lightbulb
unicodes="U+E1D6,U+E1FF,U+E5B8,U+E0EE,U+E116,U+E176,U+E074,U+E070,U+E11C,U+E06D,U+E071,U+E5C0,U+E151,U+E1A4,U+E4AE,U+E0E1,U+E2B9,U+E596,U+E45F,U+E06C,U+E1B2,U+E373,U+E19F,U+E1C2"
pyftsubset "$work/package/font/lucide.ttf" --unicodes="$unicodes" --no-hinting \
  --output-file=assets/fonts/LostOrderIcons.ttf
cp "$work/package/LICENSE" assets/fonts/LICENSE-Lucide.txt
ls -l assets/fonts/LostOrderIcons.ttf
