// /status: how the plans in the coordinator's scope stand, drilled down by section, role, unit and
// item in one message edited in place. «4.3», «пункт 4.3» or `/status 4.3` opens an item. Rights
// are checked on every press (status-screens.ts); a scoped coordinator sees only their subtree.
import { Composer } from "grammy";
import { setNeedsAcceptedReport } from "../../../../db/queries/review.js";
import { findItemsByNumber, loadItemDetail, loadOverdueCandidates } from "../../../../db/queries/status.js";
import { coordinatesEverything } from "../../../domain/permissions.js";
import { parseStatusData, STATUS_DATA, statusData } from "../../../domain/status/callback-data.js";
import { button, buttonText, escapeHtml, shorten } from "../../../domain/status/format.js";
import { overdueByUnit } from "../../../domain/status/overdue.js";
import { applyOnce } from "../../apply-once.js";
import type { BaseContext, BotContext } from "../../context.js";
import { answerPress, editInPlace } from "../../screen.js";
import { remindUnits } from "./overdue.js";
import {
  buildStatusScreen,
  coordinatorPress,
  loadStatusReader,
  STATUS_REFUSALS,
  type StatusReader,
} from "./screens.js";

const composer = new Composer<BotContext>();
const HTML = { parse_mode: "HTML" as const, link_preview_options: { is_disabled: true } };

/** «4.3», «4.3.», «пункт 4.3», «п. 12» → the item number; null for anything else. */
export function itemNumberOf(text: string, opts: { bare: boolean }): string | null {
  const clean = text.trim().replace(/\s+/g, " ");
  const named = /^(?:пункт|п\.?)\s?(\d{1,3}(?:\.\d{1,3}){0,3})\.?$/i.exec(clean);
  if (named) return named[1] as string;
  if (!opts.bare) return null;
  // Bare numbers need a dot inside: a lone «7» is too often something else.
  const bare = /^(\d{1,3}(?:\.\d{1,3}){1,3})\.?$/.exec(clean);
  return bare ? (bare[1] as string) : null;
}

const privateChat = composer.chatType("private");

privateChat.command("status", async (ctx) => {
  const reader = await loadStatusReader(ctx);
  if (!reader) {
    await ctx.reply(ctx.t("status-not-coordinator"));
    return;
  }
  const arg = ctx.match.trim();
  const number = arg
    ? (itemNumberOf(arg, { bare: true }) ?? itemNumberOf(`пункт ${arg}`, { bare: false }))
    : null;
  if (number) {
    await openItemByNumber(ctx, reader, number, true);
    return;
  }
  await sendStatus(ctx, reader);
});

// Typed «4.3» or «пункт 4.3»: coordinators only; for anyone else the message goes on.
privateChat.on("message:text", async (ctx, next) => {
  const named = itemNumberOf(ctx.message.text, { bare: false });
  const number = named ?? itemNumberOf(ctx.message.text, { bare: true });
  if (!number) return next();
  const reader = await loadStatusReader(ctx);
  if (!reader) return next();
  const shown = await openItemByNumber(ctx, reader, number, named !== null);
  if (!shown) return next();
});

composer.callbackQuery(STATUS_DATA, async (ctx) => {
  const press = await coordinatorPress(ctx, parseStatusData(ctx.callbackQuery.data), STATUS_REFUSALS);
  if (!press) return;
  const { button: b, reader } = press;
  if (b.v === "remind") {
    await answerPress(ctx, await remindItem(ctx, reader, b.item), true);
    return;
  }
  if (b.v === "needs") {
    await setNeeds(ctx, reader, b.item, b.on === 1);
    return;
  }
  const screen = await buildStatusScreen(ctx, reader, b);
  if (!screen.ok) {
    await answerPress(ctx, ctx.t(screen.key), true);
    return;
  }
  await answerPress(ctx);
  // From the morning summary: a new message; from a status message: edited in place.
  if (b.v === "open") await ctx.reply(screen.view.text, { ...HTML, reply_markup: screen.view.reply_markup });
  else await editInPlace(ctx, screen.view.text, screen.view.reply_markup);
});

/** Sends the /status overview (or the only plan's screen) as a new message. */
export async function sendStatus(ctx: BaseContext, reader: StatusReader): Promise<void> {
  const screen = await buildStatusScreen(ctx, reader, { v: "open" });
  if (!screen.ok) {
    await ctx.reply(ctx.t(screen.key));
    return;
  }
  await ctx.reply(screen.view.text, { ...HTML, reply_markup: screen.view.reply_markup });
}

/**
 * Opens the item with this number as a new message; several plans having it: asks which.
 * Returns false (nothing sent) when no visible item has it and `sayNotFound` is false.
 */
async function openItemByNumber(
  ctx: BaseContext,
  reader: StatusReader,
  number: string,
  sayNotFound: boolean,
): Promise<boolean> {
  const { db } = ctx.app.deps;
  const found = [];
  for (const item of await findItemsByNumber(db, number)) {
    if (reader.scope === "all") found.push(item);
    else if (((await loadItemDetail(db, item.itemId, reader.scope))?.assignments.length ?? 0) > 0)
      found.push(item);
  }
  if (found.length === 0) {
    if (sayNotFound) await ctx.reply(ctx.t("status-item-not-found", { number: escapeHtml(number) }), HTML);
    return sayNotFound;
  }
  if (found.length > 1) {
    const keyboard = found.map((f) => [
      button(
        buttonText(`${f.planTitle}: ${f.number} ${f.title}`, 60),
        statusData({ v: "item", item: f.itemId, page: 0 }),
      ),
    ]);
    const lines = found.map(
      (f) =>
        `• ${escapeHtml(shorten(f.planTitle, 80))}: ${escapeHtml(f.number)} ${escapeHtml(shorten(f.title, 80))}`,
    );
    await ctx.reply([ctx.t("status-item-choose", { number: escapeHtml(number) }), "", ...lines].join("\n"), {
      ...HTML,
      reply_markup: { inline_keyboard: keyboard },
    });
    return true;
  }
  const screen = await buildStatusScreen(ctx, reader, {
    v: "item",
    item: (found[0] as (typeof found)[number]).itemId,
    page: 0,
  });
  if (!screen.ok) {
    await ctx.reply(ctx.t(screen.key));
    return true;
  }
  await ctx.reply(screen.view.text, { ...HTML, reply_markup: screen.view.reply_markup });
  return true;
}

/**
 * [📎 Засчитывать только принятый отчёт] / [✅ Засчитывать отметку] on an item: a coordinator over
 * the whole deployment sets whether the item counts as done only with an accepted report.
 */
async function setNeeds(
  ctx: BotContext,
  reader: StatusReader,
  itemId: number,
  value: boolean,
): Promise<void> {
  if (!coordinatesEverything(reader.actor)) {
    await answerPress(ctx, ctx.t("status-configure-refused"), true);
    return;
  }
  const at = ctx.app.deps.clock();
  await applyOnce(ctx, (trx) => setNeedsAcceptedReport(trx, { itemId, value, by: reader.actor.userId, at }));
  const screen = await buildStatusScreen(ctx, reader, { v: "item", item: itemId, page: 0 });
  if (!screen.ok) {
    await answerPress(ctx, ctx.t(screen.key), true);
    return;
  }
  await answerPress(ctx, ctx.t(value ? "status-needs-set-on" : "status-needs-set-off"));
  await editInPlace(ctx, screen.view.text, screen.view.reply_markup);
}

/** [🔔 Напомнить не выполнившим] on an item: every unit in scope not done with it. */
async function remindItem(ctx: BaseContext, reader: StatusReader, itemId: number): Promise<string> {
  const detail = await loadItemDetail(ctx.app.deps.db, itemId, reader.scope);
  if (!detail) return ctx.t("status-stale");
  if (reader.scope !== "all" && detail.assignments.length === 0) return ctx.t("status-no-access");
  // Late occurrences by the shared rule; open ones not yet due are reminded of too.
  const late = overdueByUnit(
    await loadOverdueCandidates(ctx.app.deps.db, reader.today, reader.scope, { itemId }),
    reader.today,
    reader.scope,
  );
  const lateDue = new Map(late.map((u) => [u.unitId, u.items[0]?.due ?? null]));
  const units = new Map<number, { unitId: number; unitName: string; due: string | null }>();
  for (const a of detail.assignments) {
    const open = a.status === "open" || lateDue.has(a.unitId);
    if (!open) continue;
    const u = units.get(a.unitId) ?? { unitId: a.unitId, unitName: a.unitName, due: null };
    const due = lateDue.get(a.unitId) ?? a.due;
    if (due !== null && (u.due === null || due < u.due)) u.due = due;
    units.set(a.unitId, u);
  }
  const item = detail.item;
  return remindUnits(
    ctx,
    reader,
    [...units.values()].map((u) => ({
      unitId: u.unitId,
      unitName: u.unitName,
      items: [{ number: item.number, title: item.title, planTitle: detail.plan.title, due: u.due }],
    })),
    `item:${itemId}`,
  );
}

export const status = composer;
