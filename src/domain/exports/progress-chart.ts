// A chart of progress (by unit or by section) as SVG: one horizontal bar per row, done in green,
// overdue in red, the rest grey, with the label and «30/36 · 83 %». Pure; rendered to PNG by
// src/exports/chart-png.ts.
import { escapeHtml, shorten } from "../digest/format.js";
import { percentDone } from "../status/counts.js";

export interface ChartBar {
  label: string;
  done: number;
  total: number;
  overdue: number;
}

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

/** At most this many bars: more would not read on a phone. */
export const CHART_BARS_MAX = 30;

const WIDTH = 900;
const LABEL_W = 300;
const VALUE_W = 120;
const ROW_H = 28;
const BAR_H = 18;
const TOP = 78;
const BOTTOM = 40;
const PAD = 20;
const FONT = "DejaVu Sans, Liberation Sans, Noto Sans, Arial, sans-serif";

/** SVG text is XML: escape quotes too. */
function xml(s: string): string {
  return escapeHtml(s).replace(/'/g, "&#39;");
}

/**
 * The chart of `bars` (the first CHART_BARS_MAX of them) under a title and a subtitle, with a
 * legend. Its size depends only on the number of bars: width 900, height 118 + 28 per bar.
 */
export function progressChartSvg(data: {
  title: string;
  subtitle: string;
  bars: readonly ChartBar[];
  legend: { done: string; overdue: string; open: string };
}): ChartSvg {
  const bars = data.bars.slice(0, CHART_BARS_MAX);
  const height = TOP + Math.max(1, bars.length) * ROW_H + BOTTOM;
  const barW = WIDTH - LABEL_W - VALUE_W - 2 * PAD;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT}">`,
    `<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${PAD}" y="32" font-size="20" font-weight="bold" fill="#1f2933">${xml(shorten(data.title, 80))}</text>`,
    `<text x="${PAD}" y="56" font-size="14" fill="#52606d">${xml(shorten(data.subtitle, 110))}</text>`,
  ];
  bars.forEach((b, i) => {
    const y = TOP + i * ROW_H;
    const x = PAD + LABEL_W;
    const doneW = b.total === 0 ? 0 : (barW * b.done) / b.total;
    const lateW = b.total === 0 ? 0 : (barW * b.overdue) / b.total;
    parts.push(
      `<text x="${PAD + LABEL_W - 8}" y="${y + BAR_H - 4}" font-size="13" text-anchor="end" fill="#1f2933">${xml(shorten(b.label, 40))}</text>`,
      `<rect x="${x}" y="${y}" width="${barW}" height="${BAR_H}" fill="#e4e7eb"/>`,
      `<rect x="${x}" y="${y}" width="${doneW.toFixed(1)}" height="${BAR_H}" fill="#2f9e44"/>`,
      `<rect x="${(x + doneW).toFixed(1)}" y="${y}" width="${lateW.toFixed(1)}" height="${BAR_H}" fill="#e03131"/>`,
      `<text x="${x + barW + 8}" y="${y + BAR_H - 4}" font-size="13" fill="#1f2933">${b.done}/${b.total} · ${percentDone(b)} %</text>`,
    );
  });
  const ly = height - 16;
  const legend = [
    { color: "#2f9e44", text: data.legend.done },
    { color: "#e03131", text: data.legend.overdue },
    { color: "#e4e7eb", text: data.legend.open },
  ];
  legend.forEach((l, i) => {
    const lx = PAD + LABEL_W + i * 150;
    parts.push(
      `<rect x="${lx}" y="${ly - 11}" width="12" height="12" fill="${l.color}"/>`,
      `<text x="${lx + 18}" y="${ly}" font-size="12" fill="#52606d">${xml(l.text)}</text>`,
    );
  });
  parts.push("</svg>");
  return { svg: parts.join(""), width: WIDTH, height };
}
