// `srok publish PLAN_ID [--replaces OLD_ID]`: publish a draft, or a corrected version of a plan.
import { z } from "zod";
import { PlanStateError, publishPlan } from "../../../db/queries/plans.js";
import { plural } from "../../domain/text/plural.js";
import { CliError, loadConfig, parseCommand, print, usageError, withDatabase } from "../support.js";

const USAGE = "publish PLAN_ID [--replaces OLD_ID]";

const planId = (what: string) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `${what} — номер плана из srok plans (целое число)`)
    .transform(Number)
    .refine((n) => n > 0, `${what} — номер плана из srok plans (целое число)`);

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, {
    usage: USAGE,
    options: { replaces: { type: "string" } },
    positionals: z.tuple([planId("PLAN_ID")], { error: "укажите номер плана" }),
  });
  const [id] = positionals;
  let replaces: number | undefined;
  if (values.replaces !== undefined) {
    const r = planId("OLD_ID").safeParse(values.replaces);
    if (!r.success) throw usageError(`${r.error.issues[0]?.message}; использование: srok ${USAGE}`);
    replaces = r.data;
  }

  const result = await withDatabase(await loadConfig(), async (db) => {
    try {
      return await publishPlan(db, id, { by: null, at: new Date(), replaces });
    } catch (e) {
      if (e instanceof PlanStateError) throw new CliError(e.message);
      throw e;
    }
  });

  const created = result.rolesCreated.length > 0 ? ` (новых: ${result.rolesCreated.length})` : "";
  print(
    `План ${id} опубликован.`,
    `Ролей: ${result.roles}${created} · создано исполнителей по умолчанию: ${result.unitsCreated}` +
      ` · сроков: ${result.occurrences} · назначений: ${result.assignments}`,
  );
  if (result.waitingForEvents > 0)
    print(
      `Ждут события: ${plural(result.waitingForEvents, "пункт", "пункта", "пунктов")} — сроки появятся, когда дату события внесут в боте (/event).`,
    );
  const r = result.replaced;
  if (r) {
    print(
      `Заменяет план ${r.planId}: без изменений ${r.unchanged}, изменено ${r.changed}, новых ${r.added}, удалено ${r.removed}.`,
      `Перенесено отметок: ${r.carried}, отчётов: ${r.reports}.`,
    );
  }
  return 0;
}
