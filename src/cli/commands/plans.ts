// `srok plans [--json]`: every stored plan, newest first.
import { z } from "zod";
import { listPlans, statusText } from "../../../db/queries/plans.js";
import { formatPeriod } from "../preview.js";
import { loadConfig, parseCommand, print, withDatabase } from "../support.js";

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommand(args, {
    usage: "plans [--json]",
    options: { json: { type: "boolean" } },
    positionals: z.tuple([], { error: "команда plans не принимает аргументов" }),
  });
  const plans = await withDatabase(await loadConfig(), (db) => listPlans(db));
  if (values.json) {
    print(JSON.stringify({ plans }, null, 2));
    return 0;
  }
  if (plans.length === 0) {
    print("Планов пока нет. Загрузить: srok import FILE");
    return 0;
  }
  const rows = [
    ["id", "статус", "период", "пунктов", "назначений", "название"],
    ...plans.map((p) => [
      String(p.id),
      statusText(p.status),
      formatPeriod({ start: p.periodStart, end: p.periodEnd }),
      String(p.items),
      String(p.assignments),
      p.title,
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const numeric = new Set([0, 3, 4]);
  for (const r of rows) {
    print(
      r
        .map((cell, c) =>
          c === r.length - 1 ? cell : numeric.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!),
        )
        .join("  "),
    );
  }
  return 0;
}
