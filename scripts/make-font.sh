#!/usr/bin/env bash
# Builds assets/fonts/LostOrderSans.otf: a subset of Noto Sans CJK SC (Regular) covering Latin,
# general punctuation, arrows and symbols used by the UI, CJK punctuation, every CJK Unified
# Ideograph (U+4E00–U+9FFF) and the full-width forms. Needs Debian's fonts-noto-cjk and PyPI's
# fonttools (pip install fonttools). The result is committed; run this only to rebuild it.
set -euo pipefail
cd "$(dirname "$0")/.."
src=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
[ -f "$src" ] || { echo "missing $src: apt-get install fonts-noto-cjk" >&2; exit 1; }
python3 -c "import fontTools" 2>/dev/null || { echo "missing fonttools: pip install fonttools" >&2; exit 1; }
unicodes="U+0020-007E,U+00A0-00FF,U+2000-206F,U+2190-21FF,U+2200-22FF,U+2460-24FF,U+2500-257F,U+25A0-25FF,U+2600-26FF,U+2713-2717,U+3000-303F,U+4E00-9FFF,U+FF00-FFEF"
# Index 2 of the collection is Noto Sans CJK SC.
pyftsubset "$src" --font-number=2 --unicodes="$unicodes" \
  --layout-features='*' --no-hinting \
  --output-file=assets/fonts/LostOrderSans.otf
cp /usr/share/doc/fonts-noto-cjk/copyright assets/fonts/LICENSE-NotoSansCJK.txt
ls -l assets/fonts/LostOrderSans.otf
