"""Inline SVG charts for the HTML reports: no script, no network, every label escaped."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

GREEN, RED, GREY, BLUE, LIGHT = "#2f9e44", "#e03131", "#868e96", "#1c7ed6", "#a5d8ff"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # 0..1
    threshold: float | None = None
    ok: bool | None = None
    note: str = ""


def _pct(value: float) -> str:
    return f"{value * 100:.1f}%"


def bar_chart(
    bars: Sequence[Bar], *, width: int = 640, row: int = 26, title: str = "", label_w: int = 130
) -> Markup:
    """Horizontal bars of rates in [0, 1] with an optional threshold tick per bar."""
    value_w = 64
    plot_w = width - label_w - value_w
    height = row * len(bars) + 24
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        x = label_w + tick * plot_w
        parts.append(
            f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height - 20}" '
            f'stroke="#e9ecef"/><text x="{x:.1f}" y="{height - 6}" font-size="10" '
            f'text-anchor="middle" fill="{GREY}">{int(tick * 100)}%</text>'
        )
    for i, bar in enumerate(bars):
        y = i * row + 4
        value = min(max(bar.value, 0.0), 1.0)
        colour = GREY if bar.ok is None else GREEN if bar.ok else RED
        parts.append(
            f'<text x="{label_w - 8}" y="{y + row / 2 + 1:.1f}" font-size="12" '
            f'text-anchor="end" dominant-baseline="middle">{escape(bar.label)}</text>'
        )
        parts.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{plot_w}" height="{row - 10}" '
            f'fill="#f1f3f5" rx="3"/>'
        )
        parts.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{value * plot_w:.1f}" '
            f'height="{row - 10}" fill="{colour}" rx="3"><title>{escape(bar.label)}: '
            f"{_pct(value)}{escape(bar.note)}</title></rect>"
        )
        if bar.threshold is not None:
            tx = label_w + bar.threshold * plot_w
            parts.append(
                f'<line x1="{tx:.1f}" y1="{y}" x2="{tx:.1f}" y2="{y + row - 4}" '
                f'stroke="#212529" stroke-width="2"><title>threshold '
                f"{_pct(bar.threshold)}</title></line>"
            )
        parts.append(
            f'<text x="{width - value_w + 6}" y="{y + row / 2 + 1:.1f}" '
            f'font-size="12" dominant-baseline="middle">{_pct(value)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def paired_chart(
    rows: Sequence[tuple[str, float | None, float | None]], *, width: int = 640, title: str = ""
) -> Markup:
    """Before/after bars per metric (light: before, dark: after)."""
    label_w, value_w, row = 130, 110, 34
    plot_w = width - label_w - value_w
    height = row * len(rows) + 10
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for i, (label, before, after) in enumerate(rows):
        y = i * row + 4
        parts.append(
            f'<text x="{label_w - 8}" y="{y + row / 2:.1f}" font-size="12" '
            f'text-anchor="end" dominant-baseline="middle">{escape(label)}</text>'
        )
        for j, (value, colour) in enumerate(((before, LIGHT), (after, BLUE))):
            if value is None:
                continue
            parts.append(
                f'<rect x="{label_w}" y="{y + 3 + j * 13}" '
                f'width="{min(max(value, 0), 1) * plot_w:.1f}" height="11" '
                f'fill="{colour}" rx="2"><title>{"before" if j == 0 else "after"}: '
                f"{_pct(value)}</title></rect>"
            )
        if before is not None and after is not None:
            delta = after - before
            colour = GREEN if delta > 1e-9 else RED if delta < -1e-9 else GREY
            parts.append(
                f'<text x="{width - value_w + 6}" y="{y + row / 2:.1f}" font-size="12" '
                f'dominant-baseline="middle" fill="{colour}">{_pct(after)} '
                f"({delta * 100:+.1f})</text>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def histogram(
    values: Sequence[float], *, bins: int = 10, width: int = 640, height: int = 140, title: str = ""
) -> Markup:
    """Distribution of case scores in [0, 1]."""
    counts = [0] * bins
    for v in values:
        counts[min(int(max(v, 0.0) * bins), bins - 1)] += 1
    top = max(counts) or 1
    bar_w = (width - 40) / bins
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for i, n in enumerate(counts):
        h = (height - 36) * n / top
        x = 20 + i * bar_w
        colour = GREEN if i == bins - 1 else BLUE
        parts.append(
            f'<rect x="{x + 2:.1f}" y="{height - 20 - h:.1f}" width="{bar_w - 4:.1f}" '
            f'height="{h:.1f}" fill="{colour}"><title>{i / bins:.1f}–'
            f"{(i + 1) / bins:.1f}: {n} case(s)</title></rect>"
        )
        if n:
            parts.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{height - 24 - h:.1f}" '
                f'font-size="10" text-anchor="middle">{n}</text>'
            )
        parts.append(
            f'<text x="{x + bar_w / 2:.1f}" y="{height - 6}" font-size="10" '
            f'text-anchor="middle" fill="{GREY}">{i / bins:.1f}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
