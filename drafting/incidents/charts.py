"""Inline SVG charts for self-contained reports: no script, no external file, labels escaped."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape

COLOURS = {"negative": "#c0392b", "neutral": "#9aa3b2", "positive": "#1f8a4c"}
TARGET = "#3867d6"
FONT = 'font-family="system-ui, sans-serif" font-size="11"'


@dataclass(frozen=True)
class Stack:
    start: datetime
    negative: int
    neutral: int
    positive: int


def _svg(width: int, height: int, body: list[str], title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="{escape(title)}" {FONT}>'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def sentiment_bars(
    stacks: Sequence[Stack],
    *,
    title: str,
    span: tuple[datetime, datetime] | None,
    markers: Sequence[datetime] = (),
    width: int = 760,
    height: int = 240,
) -> str:
    """Stacked bars of post sentiment per time bucket; the incident shaded, updates marked."""
    left, right, top, bottom = 40, 10, 10, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    if not stacks:
        return _svg(width, 60, ['<text x="10" y="30">No posts in this period.</text>'], title)
    t0 = stacks[0].start.timestamp()
    step = (stacks[1].start.timestamp() - t0) if len(stacks) > 1 else 3600.0
    t1 = stacks[-1].start.timestamp() + step
    peak = max(1, *(s.negative + s.neutral + s.positive for s in stacks))

    def x(at: float) -> float:
        return left + (at - t0) / (t1 - t0) * plot_w

    body = [
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" '
        'stroke="#555"/>'
    ]
    if span is not None:
        a, b = max(t0, span[0].timestamp()), min(t1, span[1].timestamp())
        if b >= a:
            body.append(
                f'<rect x="{x(a):.1f}" y="{top}" width="{max(2.0, x(b) - x(a)):.1f}" '
                f'height="{plot_h}" fill="#fdebd0" opacity="0.8"><title>incident open'
                "</title></rect>"
            )
    bar_w = max(1.0, plot_w / len(stacks) - 2)
    for s in stacks:
        y = top + plot_h
        for label in ("negative", "neutral", "positive"):
            value = getattr(s, label)
            if not value:
                continue
            h = value / peak * plot_h
            y -= h
            body.append(
                f'<rect x="{x(s.start.timestamp()) + 1:.1f}" y="{y:.1f}" '
                f'width="{bar_w:.1f}" height="{h:.1f}" fill="{COLOURS[label]}">'
                f"<title>{escape(f'{s.start:%d %b %H:%M} {label}: {value}')}</title></rect>"
            )
    for at in markers:
        if t0 <= at.timestamp() <= t1:
            mx = x(at.timestamp())
            body.append(
                f'<line x1="{mx:.1f}" y1="{top}" x2="{mx:.1f}" y2="{top + plot_h}" '
                f'stroke="{TARGET}" stroke-dasharray="3 2"><title>'
                f"{escape(f'update posted {at:%d %b %H:%M}')}</title></line>"
            )
    for i in (0, len(stacks) // 2, len(stacks) - 1):
        s = stacks[i]
        body.append(
            f'<text x="{x(s.start.timestamp()):.1f}" y="{height - 24}">'
            f"{escape(f'{s.start:%d %b %H:%M}')}</text>"
        )
    body.append(f'<text x="4" y="{top + 10}">{peak}</text><text x="4" y="{top + plot_h}">0</text>')
    legend_x = left
    for label, colour in COLOURS.items():
        body.append(
            f'<rect x="{legend_x}" y="{height - 12}" width="10" height="10" '
            f'fill="{colour}"/><text x="{legend_x + 14}" y="{height - 3}">{label}</text>'
        )
        legend_x += 90
    body.append(
        f'<rect x="{legend_x}" y="{height - 12}" width="10" height="10" fill="#fdebd0"/>'
        f'<text x="{legend_x + 14}" y="{height - 3}">incident open</text>'
    )
    body.append(
        f'<line x1="{legend_x + 120}" y1="{height - 7}" x2="{legend_x + 140}" '
        f'y2="{height - 7}" stroke="{TARGET}" stroke-dasharray="3 2"/>'
        f'<text x="{legend_x + 144}" y="{height - 3}">update posted</text>'
    )
    return _svg(width, height, body, title)


def hbars(
    items: Sequence[tuple[str, float]],
    *,
    title: str,
    unit: str = "",
    targets: Sequence[tuple[float, str]] = (),
    width: int = 760,
    colour: str = "#5b6b85",
) -> str:
    """Horizontal bars with labels; optional vertical target lines (value, label)."""
    if not items:
        return _svg(width, 40, ['<text x="10" y="24">Nothing to show.</text>'], title)
    label_w, right, row_h, top = 230, 70, 22, 22
    height = top + row_h * len(items) + 10
    plot_w = width - label_w - right
    peak = max([v for _, v in items] + [t for t, _ in targets] + [1e-9])
    body = []
    for i, (label, value) in enumerate(items):
        y = top + i * row_h
        w = value / peak * plot_w
        short = label if len(label) <= 36 else label[:35] + "…"
        body.append(
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{escape(short)}'
            f"<title>{escape(label)}</title></text>"
        )
        body.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{max(1.0, w):.1f}" height="15" '
            f'fill="{colour}"/><text x="{label_w + w + 4:.1f}" y="{y + 14}">'
            f"{escape(_num(value) + unit)}</text>"
        )
    for value, label in targets:
        tx = label_w + value / peak * plot_w
        body.append(
            f'<line x1="{tx:.1f}" y1="{top - 4}" x2="{tx:.1f}" y2="{height - 6}" '
            f'stroke="{TARGET}" stroke-dasharray="4 3"/><text x="{tx + 3:.1f}" '
            f'y="{top - 8}" fill="{TARGET}">{escape(label)}</text>'
        )
    return _svg(width, height, body, title)


def _num(value: float) -> str:
    return f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"
