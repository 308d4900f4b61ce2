"""Draw the extension's icons (a speech bubble on a teal square) as PNGs, with no dependencies.

Run from the repository root: python3 extension/icons/make_icons.py
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

TEAL = (15, 95, 92)
WHITE = (255, 255, 255)


def rounded(x: float, y: float, x0: float, y0: float, x1: float, y1: float, r: float) -> bool:
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r and x0 <= x <= x1 and y0 <= y <= y1


def inside_tail(x: float, y: float) -> bool:
    # A triangle below the bubble's lower left: (0.30,0.66) (0.46,0.66) (0.26,0.84)
    ax, ay, bx, by, cx, cy = 0.30, 0.66, 0.46, 0.66, 0.26, 0.84
    d1 = (x - bx) * (ay - by) - (ax - bx) * (y - by)
    d2 = (x - cx) * (by - cy) - (bx - cx) * (y - cy)
    d3 = (x - ax) * (cy - ay) - (cx - ax) * (y - ay)
    neg = d1 < 0 or d2 < 0 or d3 < 0
    pos = d1 > 0 or d2 > 0 or d3 > 0
    return not (neg and pos)


def colour(x: float, y: float) -> tuple[int, int, int, int]:
    """The icon at (x, y) in the unit square; alpha 0 outside the rounded square."""
    if not rounded(x, y, 0.0, 0.0, 1.0, 1.0, 0.22):
        return (0, 0, 0, 0)
    bubble = rounded(x, y, 0.16, 0.2, 0.84, 0.68, 0.12) or inside_tail(x, y)
    if bubble:
        for top in (0.31, 0.42, 0.53):
            end = 0.72 if top < 0.5 else 0.56
            if rounded(x, y, 0.28, top, end, top + 0.055, 0.027):
                return (*TEAL, 255)
        return (*WHITE, 255)
    return (*TEAL, 255)


def png(size: int) -> bytes:
    samples = 4
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    r, g, b, a = colour((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            alpha = acc[3] / (samples * samples)
            rgb = [round(c / acc[3]) if acc[3] else 0 for c in acc[:3]]
            row += bytes([*rgb, round(alpha)])
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
            + chunk(b"IEND", b""))


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    for size in (16, 32, 48, 128):
        (here / f"icon{size}.png").write_bytes(png(size))
        print(f"icon{size}.png")
