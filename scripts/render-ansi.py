#!/usr/bin/env python3
"""Renders a `tmux capture-pane -p -e` dump (text + SGR colour codes) to a PNG."""
import re
import sys
import unicodedata

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
BASE16 = [(0, 0, 0), (205, 49, 49), (13, 188, 121), (229, 229, 16), (36, 114, 200), (188, 63, 188), (17, 168, 205), (229, 229, 229),
          (102, 102, 102), (241, 76, 76), (35, 209, 139), (245, 245, 67), (59, 142, 234), (214, 112, 214), (41, 184, 219), (255, 255, 255)]
DEFAULT_FG, DEFAULT_BG = (220, 220, 220), (24, 24, 28)


def palette(n):
    if n < 16:
        return BASE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return steps[n // 36], steps[(n // 6) % 6], steps[n % 6]
    level = 8 + (n - 232) * 10
    return level, level, level


def apply_sgr(params, state):
    codes = [int(p) if p else 0 for p in params.split(";")] or [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            state.update(fg=None, bg=None, bold=False, dim=False, reverse=False)
        elif c == 1: state["bold"] = True
        elif c == 2: state["dim"] = True
        elif c == 22: state.update(bold=False, dim=False)
        elif c == 7: state["reverse"] = True
        elif c == 27: state["reverse"] = False
        elif 30 <= c <= 37: state["fg"] = BASE16[c - 30]
        elif 90 <= c <= 97: state["fg"] = BASE16[c - 90 + 8]
        elif 40 <= c <= 47: state["bg"] = BASE16[c - 40]
        elif 100 <= c <= 107: state["bg"] = BASE16[c - 100 + 8]
        elif c == 39: state["fg"] = None
        elif c == 49: state["bg"] = None
        elif c in (38, 48) and i + 1 < len(codes):
            key = "fg" if c == 38 else "bg"
            if codes[i + 1] == 5 and i + 2 < len(codes):
                state[key] = palette(codes[i + 2]); i += 2
            elif codes[i + 1] == 2 and i + 4 < len(codes):
                state[key] = tuple(codes[i + 2:i + 5]); i += 4
        i += 1


def render(text, out):
    font = ImageFont.truetype(FONT_DIR + "DejaVuSansMono.ttf", 15)
    bold = ImageFont.truetype(FONT_DIR + "DejaVuSansMono-Bold.ttf", 15)
    cell_w, cell_h = round(font.getlength("M")), 19
    lines = text.rstrip("\n").split("\n")
    cols = 0
    rows = []
    for line in lines:
        state = dict(fg=None, bg=None, bold=False, dim=False, reverse=False)
        cells = []
        for token in re.split(r"(\x1b\[[0-9;]*m)", line):
            if token.startswith("\x1b["):
                apply_sgr(token[2:-1], state)
                continue
            for ch in token:
                wide = unicodedata.east_asian_width(ch) in "WF"
                cells.append((ch, dict(state), wide))
                if wide:
                    cells.append(("", dict(state), False))
        rows.append(cells)
        cols = max(cols, len(cells))
    image = Image.new("RGB", (cols * cell_w + 16, len(rows) * cell_h + 16), DEFAULT_BG)
    draw = ImageDraw.Draw(image)
    for y, cells in enumerate(rows):
        for x, (ch, st, wide) in enumerate(cells):
            fg, bg = st["fg"] or DEFAULT_FG, st["bg"] or DEFAULT_BG
            if st["reverse"]:
                fg, bg = bg, fg
            if st["dim"]:
                fg = tuple((a + b) // 2 for a, b in zip(fg, bg))
            px, py = 8 + x * cell_w, 8 + y * cell_h
            draw.rectangle([px, py, px + cell_w * (2 if wide else 1) - 1, py + cell_h - 1], fill=bg)
            if ch.strip():
                draw.text((px, py + 1), ch, font=bold if st["bold"] else font, fill=fg)
    image.save(out)


if __name__ == "__main__":
    render(open(sys.argv[1], encoding="utf-8", errors="replace").read(), sys.argv[2])
