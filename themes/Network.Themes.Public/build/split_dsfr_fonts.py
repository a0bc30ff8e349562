#!/usr/bin/python3
"""Splits each DSFR font into a Latin file and a file with the rest of its characters, and rewrites the style
sheet's @font-face rules to declare both with their unicode-range.

Why: a page in French only needs the Latin file (about half the full font), so its first load carries half the
font bytes; a page that shows other characters (a Polish or Romanian name, an arrow) fetches the second file too,
so no glyph of the original font is lost.

Usage: split_dsfr_fonts.py DIST_FONTS_FOLDER WEB_ROOT_DSFR_FOLDER
  Reads DIST_FONTS_FOLDER/*.woff2, writes WEB_ROOT_DSFR_FOLDER/fonts/NAME.latin.woff2 and NAME.ext.woff2 (only
  when missing or older than their source), and rewrites WEB_ROOT_DSFR_FOLDER/dsfr.min.css (only when it still
  has the original rules). Debian's python3-fonttools and python3-brotli do the work.
"""
import os
import re
import sys

try:
    from fontTools import subset
    from fontTools.ttLib import TTFont
    import brotli  # noqa: F401 (fontTools needs it to write woff2)
except ImportError:
    sys.exit("split_dsfr_fonts.py: python3-fonttools and python3-brotli are missing (apt-get install python3-fonttools python3-brotli, or run ./build.sh)")

# Basic Latin, Latin-1, the combining accents, the French ligatures and the usual punctuation and symbols
# (the "latin" range web font services use, with the whole combining block for text not in NFC).
LATIN = [(0x0000, 0x00FF), (0x0131, 0x0131), (0x0152, 0x0153), (0x02BB, 0x02BC), (0x02C6, 0x02C6), (0x02DA, 0x02DA),
         (0x02DC, 0x02DC), (0x0300, 0x036F), (0x2000, 0x206F), (0x20AC, 0x20AC), (0x2122, 0x2122), (0x2191, 0x2191),
         (0x2193, 0x2193), (0x2212, 0x2212), (0x2215, 0x2215), (0xFEFF, 0xFEFF), (0xFFFD, 0xFFFD)]

FONT_FACE = re.compile(r'@font-face\{([^}]*?)src:url\(fonts/([A-Za-z0-9_-]+)\.woff2\) format\("woff2"\)(?:,url\(fonts/[A-Za-z0-9_-]+\.woff\) format\("woff"\))?([^}]*)\}')


def in_latin(code):
    return any(low <= code <= high for low, high in LATIN)


def ranges(codes):
    """Code points as CSS unicode-range text, runs joined: U+41-5A,U+61."""
    parts, start, previous = [], None, None
    for code in sorted(codes):
        if start is None:
            start = previous = code
        elif code == previous + 1:
            previous = code
        else:
            parts.append((start, previous))
            start = previous = code
    if start is not None:
        parts.append((start, previous))
    return ",".join(f"U+{low:X}" if low == high else f"U+{low:X}-{high:X}" for low, high in parts)


def write_subset(source, target, codes):
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = subset.load_font(source, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codes)
    subsetter.subset(font)
    subset.save_font(font, target, options)


def split(dist_fonts, web_root):
    fonts_out = os.path.join(web_root, "fonts")
    os.makedirs(fonts_out, exist_ok=True)
    # Font name -> its files, each with the unicode-range of the characters it holds: (suffix, range).
    parts = {}
    for file in sorted(os.listdir(dist_fonts)):
        if not file.endswith(".woff2"):
            continue
        name = file[:-len(".woff2")]
        source = os.path.join(dist_fonts, file)
        codes = set(TTFont(source).getBestCmap())
        parts[name] = []
        for suffix, part in (("latin", [c for c in codes if in_latin(c)]), ("ext", [c for c in codes if not in_latin(c)])):
            if not part:
                continue
            target = os.path.join(fonts_out, f"{name}.{suffix}.woff2")
            if not os.path.exists(target) or os.path.getmtime(target) < os.path.getmtime(source):
                write_subset(source, target, part)
            parts[name].append((suffix, ranges(part)))

    style_sheet = os.path.join(web_root, "dsfr.min.css")
    with open(style_sheet, encoding="utf-8") as stream:
        css = stream.read()

    def rewrite(match):
        descriptors, name, trailing = match.group(1), match.group(2), match.group(3)
        if name not in parts:
            return match.group(0)
        return "".join(f"@font-face{{{descriptors}src:url(fonts/{name}.{suffix}.woff2) format(\"woff2\"){trailing};unicode-range:{declared}}}"
                       for suffix, declared in parts[name])

    rewritten, count = FONT_FACE.subn(rewrite, css)
    if count:
        with open(style_sheet, "w", encoding="utf-8") as stream:
            stream.write(rewritten)
        print(f"split_dsfr_fonts.py: {count} @font-face rules split into Latin and other characters")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    split(sys.argv[1], sys.argv[2])
