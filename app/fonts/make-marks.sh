#!/usr/bin/env bash
# Rebuilds the "Inspector Marks" subsets in this folder from their upstream
# fonts. Run by hand when a mark is added (the marks test names what is
# missing); the app and the tests only use the committed .woff2 files.
#
# Needs: fontTools with brotli (Debian python3-fonttools + python3-brotli;
# PYTHON=/usr/bin/python3 if another python3 comes first in PATH), Debian's
# fonts-dejavu-core, and npm (for the Noto symbol fonts, from @fontsource).
set -euo pipefail
cd "$(dirname "$0")"

# Symbols DejaVu Sans draws (regular and bold). Typographic punctuation
# (– — ’ “ ” … ×) stays with the text font; these are the UI's marks.
DEJAVU='U+00B7,U+2190-2193,U+21E9,U+2212,U+2219,U+2260,U+2264-2265,U+22EF,U+2502,U+258D,U+25AE,U+25B2,U+25B4,U+25B6,U+25B8,U+25BE,U+25C0,U+25C6,U+25CB,U+25CF,U+25D0,U+25E6,U+2600,U+2610-2611,U+263E,U+26A0,U+2713,U+2715,U+2717,U+275A,U+27F2'
DEJAVU_SERIF='U+2913'              # ⤓ (not in DejaVu Sans)
NOTO_SYMBOLS_2='U+23EA,U+23F1,U+23F8' # ⏪ ⏱ ⏸ (in no DejaVu or Liberation font)
NOTO_SYMBOLS='U+24D8'              # ⓘ

DEJAVU_DIR=${DEJAVU_DIR:-/usr/share/fonts/truetype/dejavu} # where Debian puts fonts-dejavu-core
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent @fontsource/noto-sans-symbols-2@5.3.0 @fontsource/noto-sans-symbols@5.3.0 >/dev/null \
  && for t in *.tgz; do mkdir "${t%.tgz}" && tar xzf "$t" -C "${t%.tgz}"; done)

subset() { # source, unicodes, output
  "${PYTHON:-python3}" -m fontTools.subset "$1" --unicodes="$2" --flavor=woff2 --layout-features='' --no-hinting --desubroutinize \
    --name-IDs='*' --output-file="$3"
}
subset "$DEJAVU_DIR/DejaVuSans.ttf" "$DEJAVU" marks-dejavu-sans.woff2
subset "$DEJAVU_DIR/DejaVuSans-Bold.ttf" "$DEJAVU" marks-dejavu-sans-bold.woff2
subset "$DEJAVU_DIR/DejaVuSerif.ttf" "$DEJAVU_SERIF" marks-dejavu-serif.woff2
subset "$DEJAVU_DIR/DejaVuSerif-Bold.ttf" "$DEJAVU_SERIF" marks-dejavu-serif-bold.woff2
subset "$work"/fontsource-noto-sans-symbols-2-*/package/files/noto-sans-symbols-2-symbols-400-normal.woff2 "$NOTO_SYMBOLS_2" marks-noto-sans-symbols-2.woff2
subset "$work"/fontsource-noto-sans-symbols-5*/package/files/noto-sans-symbols-symbols-400-normal.woff2 "$NOTO_SYMBOLS" marks-noto-sans-symbols.woff2
ls -l *.woff2
