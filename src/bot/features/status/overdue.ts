// /overdue: everything late in the coordinator's scope, by unit, with [🔔 unit] and [🔔 Напомнить
// всем] buttons. A reminder is one message per member of the unit, through the outbox, at most
// once a day per unit (the outbox key carries the unit and the day).
import { Composer } from "grammy";
import { loadUnitRecipients } from "../../../../db/queries/review.js";
import { loadOverdueCandidates, queueUnitReminder } from "../../../../db/queries/status.js";
import type { IsoDate } from "../../../domain/plan/types.js";
import { OVERDUE_DATA, parseOverdueData } from "../../../domain/status/callback-data.js";
import { foldOccurrences, overdueByUnit } from "../../../domain/status/overdue.js";
import { composeReminder, type ReminderItem, renderOverdue } from "../../../domain/status/render-overdue.js";
import { applyOnce } from "../../apply-once.js";
import { TASKS_OPEN } from "../../callback-data.js";
import type { BaseContext, BotContext } from "../../context.js";
import { i18nForOthers, translator } from "../../i18n.js";
import { answerPress, editInPlace } from "../../screen.js";
import {
  coordinatorPress,
  loadStatusReader,
  mayCoordinate,
  STATUS_REFUSALS,
  type StatusReader,
} from "./screens.js";

const composer = new Composer<BotContext>();
const HTML = { parse_mode: "HTML" as const, link_preview_options: { is_disabled: true } };

composer.chatType("private").command("overdue", async (ctx) => {
  const reader = await loadStatusReader(ctx);
  if (!reader) {
    await ctx.reply(ctx.t("status-not-coordinator"));
    return;
  }
  const view = await overdueView(ctx, reader, 0);
  await ctx.reply(view.text, { ...HTML, reply_markup: view.reply_markup });
});

composer.callbackQuery(OVERDUE_DATA, async (ctx) => {
  const press = await coordinatorPress(ctx, parseOverdueData(ctx.callbackQuery.data), STATUS_REFUSALS);
  if (!press) return;
  const { button: b, reader } = press;
  if (b.v === "open" || b.v === "page") {
    await answerPress(ctx);
    const view = await overdueView(ctx, reader, b.v === "page" ? b.page : 0);
    if (b.v === "open") await ctx.reply(view.text, { ...HTML, reply_markup: view.reply_markup });
    else await editInPlace(ctx, view.text, view.reply_markup);
    return;
  }
  if (b.v === "unit" && !(await mayCoordinate(ctx, reader, b.unit))) {
    await answerPress(ctx, ctx.t("status-no-access"), true);
    return;
  }
  const units = overdueByUnit(
    await loadOverdueCandidates(ctx.app.deps.db, reader.today, reader.scope, {
      ...(b.v === "unit" ? { unitIds: [b.unit] } : {}),
    }),
    reader.today,
    reader.scope,
  );
  const plan = units.map((u) => ({
    unitId: u.unitId,
    unitName: u.unitName,
    items: foldOccurrences(u.items).map((i) => ({
      number: i.number,
      title: i.title,
      planTitle: i.planTitle,
      due: i.due,
    })),
  }));
  await answerPress(ctx, await remindUnits(ctx, reader, plan, "overdue"), true);
});

/** The /overdue screen, page `page`. */
async function overdueView(ctx: BaseContext, reader: StatusReader, page: number) {
  const candidates = await loadOverdueCandidates(ctx.app.deps.db, reader.today, reader.scope);
  const units = overdueByUnit(candidates, reader.today, reader.scope);
  return renderOverdue({ units, today: reader.today, page }, ctx.t.bind(ctx));
}

/** A unit to remind and what to remind it of. */
export interface UnitReminder {
  unitId: number;
  unitName: string;
  items: ReminderItem[];
}

/**
 * Queues the reminders (one message per member of each unit, in their language) in one
 * transaction with this update, and returns the answer for the press: how many units were
 * reminded, skipped (reminded today already), or had nobody to tell.
 */
export async function remindUnits(
  ctx: BaseContext,
  reader: StatusReader,
  units: readonly UnitReminder[],
  reason: string,
): Promise<string> {
  if (units.length === 0) return ctx.t("status-reminded-none");
  const { db, clock } = ctx.app.deps;
  const at = clock();
  const messages = new Map<number, { userId: number; payload: ReturnType<typeof composeReminder> }[]>();
  for (const u of units) {
    const recipients = await loadUnitRecipients(db, u.unitId);
    messages.set(
      u.unitId,
      recipients.map((r) => ({
        userId: r.userId,
        payload: composeReminder(
          {
            unitName: u.unitName,
            items: u.items,
            today: reader.today,
            language: r.language,
            tasksData: TASKS_OPEN,
          },
          translator(i18nForOthers(), r.language),
        ),
      })),
    );
  }
  const result = await applyOnce(ctx, async (trx) => {
    const counts = { queued: 0, already: 0, nobody: 0 };
    for (const u of units) {
      const outcome = await queueUnitReminder(trx, {
        unitId: u.unitId,
        day: reader.today as IsoDate,
        by: reader.actor.userId,
        at,
        messages: messages.get(u.unitId) ?? [],
        reason,
      });
      counts[outcome]++;
    }
    return counts;
  });
  if (!result.applied) return ctx.t("status-reminded", { count: units.length });
  const { queued, already, nobody } = result.value;
  const lines: string[] = [];
  if (queued > 0) lines.push(ctx.t("status-reminded", { count: queued }));
  if (already > 0) lines.push(ctx.t("status-reminded-skipped", { count: already }));
  if (nobody > 0) lines.push(ctx.t("status-reminded-nobody"));
  return lines.join("\n");
}

export const overdue = composer;
