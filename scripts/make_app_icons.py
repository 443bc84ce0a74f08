#!/usr/bin/env python3
"""Draw the home-screen icons of the web app manifest (run once; the PNGs are
committed in overrides/assets/offline/). The motif is the favicon's: three
people (circles) joined in a network, white on the course's indigo."""

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "offline"
INDIGO = (63, 81, 181, 255)
WHITE = (255, 255, 255, 255)


def icon(size, content_scale):
    """The favicon's 24x24 drawing, scaled to ``content_scale`` of the icon."""
    image = Image.new("RGBA", (size, size), INDIGO)
    draw = ImageDraw.Draw(image)
    unit = size * content_scale / 24
    offset = size * (1 - content_scale) / 2

    def at(x, y):
        return offset + x * unit, offset + y * unit

    points = [at(12, 5), at(5, 18), at(19, 18)]
    draw.line(points + points[:1], fill=WHITE, width=max(2, round(1.5 * unit)), joint="curve")
    for x, y in points:
        radius = 3 * unit
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=WHITE)
    return image


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    icon(192, 0.8).save(OUT / "icon-192.png", optimize=True)
    icon(512, 0.8).save(OUT / "icon-512.png", optimize=True)
    icon(512, 0.6).save(OUT / "icon-maskable-512.png", optimize=True)  # inside the 80% safe zone


if __name__ == "__main__":
    main()
