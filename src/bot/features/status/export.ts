// Exports for coordinators, of their scope only: /export (and [⬇ Excel]) sends the status as an
// .xlsx; [📈 График] a PNG chart of progress by unit or by section; [📄 Отчёт об исполнении] the
// execution report .docx in the plan's own table layout.
import { Composer, InputFile } from "grammy";
import { loadExportPlans, loadStatusRows, loadUnitGroups } from "../../../../db/queries/status.js";
import { buildExecutionReport } from "../../../domain/exports/execution-docx.js";
import { CHART_BARS_MAX, type ChartBar, progressChartSvg } from "../../../domain/exports/progress-chart.js";
import { buildStatusWorkbook } from "../../../domain/exports/status-xlsx.js";
import { EXPORT_DATA, exportData, parseExportData } from "../../../domain/status/callback-data.js";
import { catalogOf } from "../../../domain/status/catalog.js";
import { computeStatus } from "../../../domain/status/compute-status.js";
import { percentDone } from "../../../domain/status/counts.js";
import { button, sectionName } from "../../../domain/status/format.js";
import { countByUnit } from "../../../domain/status/unit-counts.js";
import { unitTree } from "../../../domain/status/unit-tree.js";
import { renderChartPng } from "../../../exports/chart-png.js";
import type { BaseContext, BotContext } from "../../context.js";
import { answerPress } from "../../screen.js";
import { coordinatorPress, loadStatusReader, type StatusReader } from "./screens.js";

const composer = new Composer<BotContext>();
const CAPTION_MAX = 1024;

composer.chatType("private").command("export", async (ctx) => {
  const reader = await loadStatusReader(ctx);
  if (!reader) {
    await ctx.reply(ctx.t("export-not-coordinator"));
    return;
  }
  await sendWorkbook(ctx, reader, null);
});

composer.callbackQuery(EXPORT_DATA, async (ctx) => {
  const press = await coordinatorPress(ctx, parseExportData(ctx.callbackQuery.data), {
    stale: "export-stale",
    notCoordinator: "export-not-coordinator",
  });
  if (!press) return;
  const { button: b, reader } = press;
  await answerPress(ctx, ctx.t("export-preparing"));
  if (b.v === "xlsx") await sendWorkbook(ctx, reader, b.plan === 0 ? null : b.plan);
  else if (b.v === "docx") await sendExecutionReport(ctx, reader, b.plan);
  else await sendChart(ctx, reader, b.plan, b.by);
});

function t(ctx: BaseContext) {
  return ctx.t.bind(ctx) as (key: string, vars?: Record<string, string | number>) => string;
}

function dotted(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

/** A file name without characters file systems refuse. */
function fileName(base: string, ext: string): string {
  return `${base
    .replace(/[\\/:*?"<>|\n\r\t]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 80)}.${ext}`;
}

/** The .xlsx of every plan in scope (`planId` null) or of one. */
async function sendWorkbook(ctx: BaseContext, reader: StatusReader, planId: number | null): Promise<void> {
  const plans = await loadExportPlans(
    ctx.app.deps.db,
    reader.scope,
    planId === null ? {} : { planIds: [planId] },
  );
  if (plans.length === 0) {
    await ctx.reply(ctx.t("export-nothing"));
    return;
  }
  await ctx.replyWithChatAction("upload_document").catch(() => undefined);
  const bytes = await buildStatusWorkbook({ today: reader.today, zone: reader.zone, plans }, t(ctx));
  const name = fileName(
    `Статус ${planId === null ? "планов" : `плана ${planId}`} на ${dotted(reader.today)}`,
    "xlsx",
  );
  await ctx.replyWithDocument(new InputFile(bytes, name), {
    caption: ctx.t("export-xlsx-caption", { date: dotted(reader.today) }),
  });
}

/** The execution report .docx of one plan. */
async function sendExecutionReport(ctx: BaseContext, reader: StatusReader, planId: number): Promise<void> {
  const [plan] = await loadExportPlans(ctx.app.deps.db, reader.scope, { planIds: [planId] });
  if (!plan) {
    await ctx.reply(ctx.t("export-nothing"));
    return;
  }
  await ctx.replyWithChatAction("upload_document").catch(() => undefined);
  const bytes = await buildExecutionReport(plan, { today: reader.today, zone: reader.zone }, t(ctx));
  await ctx.replyWithDocument(
    new InputFile(
      bytes,
      fileName(`Информация об исполнении плана ${planId} на ${dotted(reader.today)}`, "docx"),
    ),
    { caption: ctx.t("export-docx-caption", { date: dotted(reader.today) }) },
  );
}

/** The bars of a plan's chart: by unit (the top units the reader sees) or by section. */
async function chartBars(
  ctx: BaseContext,
  reader: StatusReader,
  planId: number,
  by: "u" | "s",
): Promise<{ title: string; bars: ChartBar[] } | null> {
  const { db } = ctx.app.deps;
  const rows = await loadStatusRows(db, { planIds: [planId], scope: reader.scope, grain: "item" });
  const plan = computeStatus(rows, reader.today, reader.scope).plans[0];
  if (!plan) return null;
  const catalog = catalogOf(rows);
  const bar = (label: string, c: { done: number; total: number; overdue: number }) => ({
    label,
    done: c.done,
    total: c.total,
    overdue: c.overdue,
  });
  if (by === "s") {
    const bars = plan.sections.map((s) => {
      const section = s.sectionId === null ? undefined : catalog.sections.get(s.sectionId);
      return bar(section ? sectionName(section) : ctx.t("status-no-section"), s.counts);
    });
    return { title: plan.plan.title, bars };
  }
  const groups = await loadUnitGroups(db, planId, reader.today, reader.scope);
  const tree = unitTree(
    countByUnit(groups, plan.plan.markCountsAsDone, reader.scope),
    rows.units,
    reader.scope,
  );
  // One top unit (a municipal coordinator): chart its units below, and its own work if any.
  const only = tree.roots.length === 1 ? (tree.roots[0] as number) : null;
  const ids =
    only !== null && (tree.children.get(only)?.length ?? 0) > 0
      ? (tree.children.get(only) ?? [])
      : tree.roots;
  const bars = ids.map((id) =>
    bar(catalog.units.get(id)?.name ?? "", tree.counts.get(id)?.subtree ?? plan.counts),
  );
  if (only !== null && ids !== tree.roots) {
    const own = tree.counts.get(only)?.own;
    if (own && own.total > 0) bars.unshift(bar(catalog.units.get(only)?.name ?? "", own));
  }
  // The laggards first when not all fit.
  if (bars.length > CHART_BARS_MAX) bars.sort((a, b) => percentDone(a) - percentDone(b));
  return { title: plan.plan.title, bars };
}

/** The PNG chart of a plan, with a button for the other grouping. */
async function sendChart(
  ctx: BaseContext,
  reader: StatusReader,
  planId: number,
  by: "u" | "s",
): Promise<void> {
  const data = await chartBars(ctx, reader, planId, by);
  if (!data || data.bars.length === 0) {
    await ctx.reply(ctx.t("export-nothing"));
    return;
  }
  const kind = by === "u" ? ctx.t("export-chart-title-units") : ctx.t("export-chart-title-sections");
  const svg = progressChartSvg({
    title: kind,
    subtitle: ctx.t("export-chart-subtitle", { plan: data.title, date: dotted(reader.today) }),
    bars: data.bars,
    legend: {
      done: ctx.t("export-chart-legend-done"),
      overdue: ctx.t("export-chart-legend-overdue"),
      open: ctx.t("export-chart-legend-open"),
    },
  });
  const png = renderChartPng(svg);
  const lines = [ctx.t("export-chart-caption", { title: kind, plan: data.title })];
  if (data.bars.length > CHART_BARS_MAX)
    lines.push(ctx.t("export-chart-more", { shown: CHART_BARS_MAX, total: data.bars.length }));
  // Without a font the bars have no labels: the caption carries the figures.
  if (!png.textRendered)
    for (const b of data.bars.slice(0, CHART_BARS_MAX))
      lines.push(`${b.label}: ${b.done}/${b.total} (${percentDone(b)} %)`);
  let caption = lines.join("\n");
  if (caption.length > CAPTION_MAX) caption = `${caption.slice(0, CAPTION_MAX - 1)}…`;
  const other = by === "u" ? "s" : "u";
  await ctx.replyWithPhoto(new InputFile(png.png, `chart-${planId}-${by}.png`), {
    caption,
    reply_markup: {
      inline_keyboard: [
        [
          button(
            other === "s" ? ctx.t("export-chart-other") : ctx.t("export-chart-other-units"),
            exportData({ v: "chart", plan: planId, by: other }),
          ),
        ],
      ],
    },
  });
}

export const exportFeature = composer;
