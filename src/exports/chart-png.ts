// Rendering a chart's SVG to PNG with @resvg/resvg-js: no browser, no system canvas. resvg draws
// text only with a font it has loaded: srok ships DejaVu Sans (npm dejavu-fonts-ttf, Cyrillic
// included) so labels render on any machine; SROK_CHART_FONT overrides it, system fonts are the last
// resort. Whether text really renders is checked once, and the caller is told (it then puts the
// figures in the caption).
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { Resvg, type ResvgRenderOptions } from "@resvg/resvg-js";
import type { ChartSvg } from "../domain/exports/progress-chart.js";

/** The font shipped with srok, if the package is installed. */
function shippedFont(): string | null {
  try {
    return createRequire(import.meta.url).resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
  } catch {
    return null;
  }
}

/** Font files with Cyrillic glyphs, in order of preference. */
const FONT_CANDIDATES = [
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/TTF/DejaVuSans.ttf",
  "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
  "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
  "/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf",
  "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
  "/usr/share/fonts/noto/NotoSans-Regular.ttf",
  "/System/Library/Fonts/Supplemental/Arial.ttf",
  "C:\\Windows\\Fonts\\arial.ttf",
];

let cached: { options: ResvgRenderOptions; textRenders: boolean } | null = null;

/** The font file to use: SROK_CHART_FONT when it exists, else the first candidate present. */
export function findChartFont(env: NodeJS.ProcessEnv = process.env): string | null {
  const own = env.SROK_CHART_FONT;
  if (own && existsSync(own)) return own;
  const shipped = shippedFont();
  if (shipped && existsSync(shipped)) return shipped;
  return FONT_CANDIDATES.find((f) => existsSync(f)) ?? null;
}

/** True when resvg draws something for a line of Cyrillic text with these options. */
export function textRenders(options: ResvgRenderOptions): boolean {
  const probe =
    '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="24">' +
    '<text x="2" y="18" font-size="16" font-family="DejaVu Sans, Liberation Sans, Noto Sans, Arial, sans-serif">Жж</text></svg>';
  try {
    const pixels = new Resvg(probe, options).render().pixels;
    for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) return true;
    return false;
  } catch {
    return false;
  }
}

function renderOptions(): { options: ResvgRenderOptions; textRenders: boolean } {
  if (cached) return cached;
  const font = findChartFont();
  const options: ResvgRenderOptions = font
    ? {
        font: { loadSystemFonts: false, fontFiles: [font], defaultFontFamily: "DejaVu Sans" },
        logLevel: "off",
      }
    : { font: { loadSystemFonts: true }, logLevel: "off" };
  let ok = textRenders(options);
  if (!ok && font) {
    // A font whose family name is not one the chart asks for: let resvg pick from the system.
    options.font = { loadSystemFonts: true, fontFiles: [font] };
    ok = textRenders(options);
  }
  cached = { options, textRenders: ok };
  return cached;
}

export interface RenderedChart {
  png: Buffer;
  width: number;
  height: number;
  /** False when no font was found: the labels are missing and the caption must carry them. */
  textRendered: boolean;
}

/** Renders the chart at its own size (1 px per SVG unit). */
export function renderChartPng(chart: ChartSvg): RenderedChart {
  const { options, textRenders: ok } = renderOptions();
  const image = new Resvg(chart.svg, {
    ...options,
    fitTo: { mode: "original" },
    background: "#ffffff",
  }).render();
  return { png: image.asPng(), width: image.width, height: image.height, textRendered: ok };
}
