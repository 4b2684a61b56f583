"""TrueType copies of Debian's Noto CJK SC fonts, for the PDFs Chromium prints (reports/print-fonts.ts).

Chromium's PDF writer embeds only TrueType-outline fonts; the CFF outlines of fonts-noto-cjk come out as
Type 3 glyph drawings, one small font per glyph range, which readers cannot use as a font (no hinting, some
print shops and PDF checkers refuse them). This converts the simplified-Chinese faces the reports use (sans and
serif, regular and bold) to TrueType outlines (cubic curves to quadratic within 1 unit of 1000), keeping every
other table, and writes them to the folder given. Run by scripts/ensure-browser.sh with Debian's python3-fonttools;
one face per core (about 2 minutes on 2 cores). A face already written from the same source is kept.

usage: truetype-cjk-fonts.py OUT_DIR
"""

import os
import sys
from multiprocessing import Pool

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

NOTO = "/usr/share/fonts/opentype/noto"
# PostScript name of the face -> the collection that holds it (fonts-noto-cjk).
FACES = {
    "NotoSansCJKsc-Regular": "NotoSansCJK-Regular.ttc",
    "NotoSansCJKsc-Bold": "NotoSansCJK-Bold.ttc",
    "NotoSerifCJKsc-Regular": "NotoSerifCJK-Regular.ttc",
    "NotoSerifCJKsc-Bold": "NotoSerifCJK-Bold.ttc",
}
# Largest distance between a cubic curve and its quadratic replacement, in font units (1000 to the em).
MAX_ERROR = 1.0


def face_of(collection, postscript_name):
    for font in collection.fonts:
        if font["name"].getDebugName(6) == postscript_name:
            return font
    raise SystemExit(f"{postscript_name}: not in the collection")


def to_truetype(font):
    glyph_set = font.getGlyphSet()
    order = font.getGlyphOrder()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        # TrueType contours run the other way round from PostScript ones.
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"


def convert(job):
    postscript_name, collection_file, out_dir = job
    source = os.path.join(NOTO, collection_file)
    target = os.path.join(out_dir, postscript_name + ".ttf")
    if not os.path.exists(source):
        print(f"govscore: {source} missing (fonts-noto-cjk); {postscript_name} not converted", file=sys.stderr)
        return
    if os.path.exists(target) and os.path.getmtime(target) >= os.path.getmtime(source):
        return
    font = face_of(TTCollection(source), postscript_name)
    to_truetype(font)
    font.save(target + ".part")
    os.replace(target + ".part", target)
    print(f"govscore: wrote {target}", file=sys.stderr)


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    # One face per core: the conversion is pure computation.
    with Pool(min(len(FACES), os.cpu_count() or 1)) as pool:
        pool.map(convert, [(name, file, out_dir) for name, file in FACES.items()])


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])
