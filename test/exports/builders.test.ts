// The export builders on their own: sheet names Excel accepts, the chart's SVG and PNG (size, and
// that its Cyrillic labels really render when a font is there), states in the workbook.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createI18n, translator } from "../../src/bot/i18n.js";
import { CHART_BARS_MAX, progressChartSvg } from "../../src/domain/exports/progress-chart.js";
import { buildStatusWorkbook, sheetName } from "../../src/domain/exports/status-xlsx.js";
import type { ExportAssignment, ExportPlan } from "../../src/domain/exports/types.js";
import { findChartFont, renderChartPng, textRenders } from "../../src/exports/chart-png.js";

const t = translator(
  createI18n({
    onMissing: (m) => {
      throw new Error(m);
    },
  }),
  "ru",
);
const legend = { done: "выполнено", overdue: "просрочено", open: "не выполнено" };

function pngSize(png: Uint8Array) {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

describe("sheet names", () => {
  it("cut to 31 characters, without []:*?/\\, unique whatever the case", () => {
    const taken = new Set<string>();
    expect(sheetName("План [2021]: этап 1/2 * ? \\ итог", taken)).toBe("План 2021 этап 1 2 итог");
    expect(sheetName("План [2021]: этап 1/2 * ? \\ итог", taken)).toBe("План 2021 этап 1 2 итог (2)");
    const long = "Очень длинное название плана мероприятий на год";
    expect(sheetName(long, taken)).toHaveLength(31);
    expect(sheetName(long.toUpperCase(), taken)).toMatch(/ \(2\)$/);
    expect(sheetName("   ", taken)).toBe("План");
    for (const name of taken) expect(name.length).toBeLessThanOrEqual(31);
  });
});

describe("the progress chart", () => {
  const bars = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      label: `Школа № ${i + 1} «Гимназия»`,
      done: i,
      total: 40,
      overdue: 3,
    }));

  it("has the stated size: 900 wide, 118 + 28 per bar high, at most 30 bars", () => {
    expect(progressChartSvg({ title: "T", subtitle: "S", bars: bars(4), legend })).toMatchObject({
      width: 900,
      height: 230,
    });
    expect(progressChartSvg({ title: "T", subtitle: "S", bars: bars(100), legend }).height).toBe(
      118 + 28 * CHART_BARS_MAX,
    );
    const svg = progressChartSvg({ title: "План <НОК & ДОД>", subtitle: "", bars: bars(1), legend }).svg;
    expect(svg).toContain("План &lt;НОК &amp; ДОД&gt;");
    expect(svg).toContain("0/40 · 0 %");
  });

  it("renders to a PNG of that size, its Cyrillic labels drawn with the font srok ships", () => {
    const chart = progressChartSvg({
      title: "Выполнение по исполнителям",
      subtitle: "НОК ДОД",
      bars: bars(7),
      legend,
    });
    const png = renderChartPng(chart);
    expect([...png.png.slice(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
    expect(pngSize(png.png)).toEqual({ width: 900, height: 314 });
    expect({ width: png.width, height: png.height }).toEqual({ width: 900, height: 314 });
    expect(findChartFont({})).toMatch(/dejavu-fonts-ttf[\\/]ttf[\\/]DejaVuSans\.ttf$/);
    expect(png.textRendered).toBe(true);
    // Without any font resvg draws no text at all: that is what the check detects.
    expect(textRenders({ font: { loadSystemFonts: false, fontFiles: [] } })).toBe(false);
  });
});

describe("the workbook", () => {
  it("writes each assignment's state by the review rules", async () => {
    const a = (over: Partial<ExportAssignment>): ExportAssignment => ({
      id: 1,
      itemId: 1,
      unitId: 1,
      unitName: "Школа № 1",
      roleName: "Образовательные организации",
      due: "2021-10-29",
      status: "open",
      reviewState: "none",
      doneAt: null,
      doneByName: null,
      comment: null,
      evidence: { files: [], links: [], texts: [] },
      ...over,
    });
    const plan: ExportPlan = {
      plan: {
        id: 1,
        title: "План",
        status: "published",
        markCountsAsDone: false,
        periodStart: "2021-01-01",
        periodEnd: "2021-12-31",
      },
      sections: [],
      items: [
        {
          id: 1,
          sectionId: null,
          number: "1",
          title: "Заседание",
          deadlineRaw: "до 29.10.2021",
          executors: ["Образовательные организации"],
          result: null,
          position: 0,
          needsAcceptedReport: false,
        },
      ],
      assignments: [
        a({}),
        a({ id: 2, unitName: "Школа № 2", due: "2021-10-01" }),
        a({
          id: 3,
          unitName: "Школа № 3",
          status: "done",
          reviewState: "pending",
          doneAt: "2021-10-20T21:30:00Z",
        }),
        a({ id: 4, unitName: "Школа № 4", reviewState: "returned", comment: "нет подписи" }),
        a({
          id: 5,
          unitName: "Школа № 5",
          status: "done",
          doneAt: "2021-10-20T08:00:00Z",
          doneByName: "Ирина",
          evidence: { files: [], links: [], texts: ["сделано"] },
        }),
      ],
    };
    const bytes = await buildStatusWorkbook(
      { today: "2021-10-25", zone: "Asia/Vladivostok", plans: [plan] },
      t,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    const ws = wb.worksheets[1]!;
    const cells = (r: number, c: number[]) => c.map((col) => ws.getRow(r).getCell(col).value);
    expect([2, 3, 4, 5, 6].map((r) => cells(r, [5, 7, 8, 9, 10, 11, 12, 13]))).toEqual([
      ["Школа № 1", "не выполнено", null, null, null, null, null, null],
      ["Школа № 2", "просрочено", 24, null, null, null, null, null],
      // Marked at 21:30 UTC = 07:30 on the 21st in Vladivostok; the plan waits for the review.
      [
        "Школа № 3",
        "ждёт проверки отчёта",
        null,
        new Date("2021-10-21T00:00:00Z"),
        null,
        "ждёт проверки",
        null,
        null,
      ],
      ["Школа № 4", "возвращено на доработку", null, null, null, "возвращён", null, "нет подписи"],
      ["Школа № 5", "выполнено", null, new Date("2021-10-20T00:00:00Z"), "Ирина", null, "текст отчёта", null],
    ]);
    expect(ws.getRow(2).getCell(4).numFmt).toBe("dd.mm.yyyy");
    const summary = wb.worksheets[0]!.getRow(2).values as unknown[];
    expect(summary.slice(1)).toEqual(["План", 5, 1, 4, 1, 20, 1]);
  });
});
