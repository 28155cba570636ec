#!/usr/bin/env python3
"""Writes cell-marks.css: the live grid cells' marks as background images.

The grid draws a mark in every cell it shows (up to 63 a row, thousands a
screen). As text, each cell held a line of its own to shape, lay out and
paint: about half of what drawing the rows cost. As a background image a
cell is one box. The images are the very glyphs the marks' font draws
(bold, as the cells were; a free slot's regular), each placed in a box one
em high where a line of that text would put it, and filled with the ink its
step has in globals.css: an image has one colour, so a mark whose ink
follows the theme has one image per theme.

Run by hand when a step's mark or ink changes (test/ui/cell-marks.test.ts
fails, naming the step, when this file is stale); the app and the tests use
the committed CSS. Needs fontTools (Debian python3-fonttools) and Debian's
fonts-dejavu-core.
"""
import re
from pathlib import Path
from urllib.parse import quote

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

HERE = Path(__file__).parent
DEJAVU_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
BOLD = HERE / "marks-dejavu-sans-bold.woff2"
REGULAR = HERE / "marks-dejavu-sans.woff2"
CLOCKS = HERE / "marks-noto-sans-symbols-2.woff2"

# What a cell shows, by its selector's condition: the step's glyph
# (lib/format/vocabulary.ts), the face that drew it, and its ink (a variable
# of globals.css, light and dark, or one colour on the problems' solid fill).
MARKS = [
    ("requested", "[data-step='requested']", "▲", BOLD, "--ink-blue"),
    ("replied", "[data-step='replied']", "✓", BOLD, "--ink-green"),
    ("failed", "[data-step='failed']", "✗", BOLD, "#fff"),
    ("host_acked", "[data-step='host_acked']", "·", BOLD, "--ink-sky"),
    ("spm_acked", "[data-step='spm_acked']", "∙", BOLD, "--ink-grey"),
    ("free", "[data-step='free']", "◦", REGULAR, "--faint"),
    ("mismatched_reply", "[data-step='mismatched_reply']", "≠", BOLD, "#000"),
    ("unknown", "[data-step='unknown']", "?", DEJAVU_BOLD, "#000"),  # the text font's, not ours: DejaVu Sans, as Debian's
]
STUCK = ("stuck", "[data-stuck]", "⏱", CLOCKS, "#000")

# Where a line of text with line-height 1 puts its baseline: the text font's
# (DejaVu Sans) ascent and descent share the em's leading equally.
LINE = TTFont(str(DEJAVU_BOLD))
BASELINE_EM = (LINE["hhea"].ascent + LINE["hhea"].descent + LINE["head"].unitsPerEm) / 2 / LINE["head"].unitsPerEm


def inks() -> dict[str, tuple[str, str]]:
    """globals.css's `--name: light-dark(#light, #dark);` variables."""
    css = (HERE.parent / "globals.css").read_text()
    return {m[1]: (m[2], m[3]) for m in re.finditer(r"(--[\w-]+):\s*light-dark\((#[0-9a-fA-F]+),\s*(#[0-9a-fA-F]+)\)", css)}


def glyph(char: str, font_path: Path) -> tuple[str, int, int]:
    """The glyph's outline as SVG path data in a box of its advance by one em (y down from the top), its advance and em."""
    font = TTFont(str(font_path))
    upm = font["head"].unitsPerEm
    glyphs = font.getGlyphSet()
    name = font.getBestCmap()[ord(char)]
    pen = SVGPathPen(glyphs, lambda v: f"{round(v)}")
    # font units have y up from the baseline; the image has y down from the box's top
    glyphs[name].draw(TransformPen(pen, (1, 0, 0, -1, 0, round(BASELINE_EM * upm))))
    return pen.getCommands(), glyphs[name].width, upm


def image(path: str, advance: int, upm: int, colour: str) -> str:
    svg = f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {advance} {upm}'><path fill='{colour}' d='{path}'/></svg>"
    return 'url("data:image/svg+xml,' + quote(svg, safe=" '=/:.,-") + '")'


def main() -> None:
    palette = inks()
    light, dark = [], []
    for step, condition, char, font_path, ink in [*MARKS, STUCK]:
        path, advance, upm = glyph(char, font_path)
        # a stuck cell shows the clock whatever its step
        selector = f".slot-track > .step{condition}" + ("" if step == "stuck" else ":not([data-stuck])")
        size = f"{advance / upm:.3f}em 1em"
        note = f"/* {step} {char} U+{ord(char):04X} from {font_path.name}, {ink} */"
        if ink.startswith("#"):
            light += [note, f"{selector} {{ background-image: {image(path, advance, upm, ink)}; background-size: {size}; }}"]
            continue
        on_light, on_dark = palette[ink]
        light += [note, f"{selector} {{ background-image: {image(path, advance, upm, on_light)}; background-size: {size}; }}"]
        dark += [f"/* {step} on dark */", f"SCOPE {selector} {{ background-image: {image(path, advance, upm, on_dark)}; }}"]
    out = [
        "/*",
        " * The live grid cells' marks, as background images (app/fonts/make-cell-marks.py",
        " * wrote this file from the fonts it names and globals.css's inks: do not edit by hand).",
        " */",
        *light,
        "",
        "/* the dark theme's inks: the system's, unless the page says light; or the page's */",
        "@media (prefers-color-scheme: dark) {",
        *[line.replace("SCOPE", ":root:not([data-theme='light'])") for line in dark],
        "}",
        *[line.replace("SCOPE", ":root[data-theme='dark']") for line in dark],
    ]
    (HERE / "cell-marks.css").write_text("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
