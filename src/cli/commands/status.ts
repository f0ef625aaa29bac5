// `srok status [--json] [--date YYYY-MM-DD]`: how every draft and published plan stands, for
// scripts and operators. Counts as of today in DEFAULT_TIMEZONE (or --date); the same numbers the
// coordinators see in /status (src/domain/status/compute-status.ts).
import { DateTime } from "luxon";
import { z } from "zod";
import { loadStatusRows } from "../../../db/queries/status.js";
import { catalogOf } from "../../domain/status/catalog.js";
import { computeStatus } from "../../domain/status/compute-status.js";
import { percentDone } from "../../domain/status/counts.js";
import type { StatusReport } from "../../domain/status/types.js";
import { loadConfig, parseCommand, print, usageError, withDatabase } from "../support.js";

const USAGE = "status [--json] [--date YYYY-MM-DD]";

/** The shape `srok status --json` prints (product.md, «Interfaces»). */
export interface StatusJson {
  date: string;
  plans: {
    id: number;
    title: string;
    status: "draft" | "published";
    assignments: { total: number; done: number; open: number; overdue: number; pendingReview: number };
    units: { unit: string; role: string; total: number; done: number; open: number; overdue: number }[];
  }[];
}

/** The report as JSON for scripts. */
export function statusJson(report: StatusReport, catalog: ReturnType<typeof catalogOf>): StatusJson {
  return {
    date: report.today,
    plans: report.plans.map((p) => ({
      id: p.plan.id,
      title: p.plan.title,
      status: p.plan.status,
      assignments: {
        total: p.counts.total,
        done: p.counts.done,
        open: p.counts.open,
        overdue: p.counts.overdue,
        pendingReview: p.counts.pendingReview,
      },
      units: p.units.map((u) => {
        const unit = catalog.units.get(u.unitId);
        return {
          unit: unit?.name ?? String(u.unitId),
          role: (unit && catalog.roles.get(unit.roleId)?.name) ?? "",
          total: u.counts.total,
          done: u.counts.done,
          open: u.counts.open,
          overdue: u.counts.overdue,
        };
      }),
    })),
  };
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommand(args, {
    usage: USAGE,
    options: { json: { type: "boolean" }, date: { type: "string" } },
    positionals: z.tuple([], { error: "команда status не принимает аргументов" }),
  });
  const config = await loadConfig();
  let today: string;
  if (values.date !== undefined) {
    const d = DateTime.fromISO(values.date, { zone: "utc" });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date) || !d.isValid)
      throw usageError(`дата «${values.date}» не читается, нужна ГГГГ-ММ-ДД; использование: srok ${USAGE}`);
    today = values.date;
  } else {
    today = DateTime.now().setZone(config.defaultTimezone).toISODate() as string;
  }
  const { report, catalog } = await withDatabase(config, async (db) => {
    const rows = await loadStatusRows(db, { statuses: ["draft", "published"], grain: "unit" });
    return { report: computeStatus(rows, today, "all"), catalog: catalogOf(rows) };
  });
  if (values.json) {
    print(JSON.stringify(statusJson(report, catalog), null, 2));
    return 0;
  }
  if (report.plans.length === 0) {
    print("Планов пока нет. Загрузить: srok import FILE");
    return 0;
  }
  print(`Состояние планов на ${today.slice(8, 10)}.${today.slice(5, 7)}.${today.slice(0, 4)}`);
  for (const p of report.plans) {
    const c = p.counts;
    const state = p.plan.status === "draft" ? "черновик" : "опубликован";
    print(
      "",
      `${p.plan.id}. ${p.plan.title} (${state})`,
      `   назначений ${c.total}: выполнено ${c.done} (${percentDone(c)} %), не выполнено ${c.open}, просрочено ${c.overdue}` +
        (c.pendingReview > 0 ? `, отчётов ждут проверки ${c.pendingReview}` : ""),
    );
  }
  return 0;
}
