// /event: a coordinator records the date of an event relative deadlines wait for («поступления
// информации о результатах НОКО»). The bot lists the distinct events of published plans, asks
// for the date (ДД.ММ.ГГГГ or «сегодня»; a dialogue with state in the database, /cancel works),
// records it (audited) and answers with the deadlines it created: «Пункт 8: до 14.10 (10 дней)».
import { Composer } from "grammy";
import { getPlan } from "../../../../db/queries/plans.js";
import { type AwaitedEvent, listAwaitedEvents, recordEvent } from "../../../../db/queries/publish.js";
import { addDays, isoDate, isValidDate } from "../../../domain/calendar/iso-date.js";
import { canManagePlans } from "../../../domain/permissions.js";
import type { IsoDate } from "../../../domain/plan/types.js";
import { applyOnce } from "../../apply-once.js";
import type { BotContext, BotConversation, ConversationContext } from "../../context.js";
import { currentActor } from "../../reader.js";
import { type BotFeature, defineConversation } from "../../runtime/feature.js";
import { answerPress, refuse, show } from "../../screen.js";
import { readerToday } from "../plans/upload.js";
import { EVENTS_DATA, parseEventsData } from "./callback-data.js";
import { renderEventAsk, renderEventRecorded, renderEventsList } from "./view.js";

export const EVENT_CONVERSATION = "events-date";

/** An abandoned dialogue stops taking text after this long. */
const WAIT_MS = 30 * 60_000;
const HTML = { parse_mode: "HTML" as const, link_preview_options: { is_disabled: true } };

export type EventDate = { ok: true; date: IsoDate } | { ok: false; reason: "format" | "invalid" | "future" };

/**
 * Reads the date a coordinator typed: «04.10.2020», «4.10.20», «сегодня», «вчера». A date after
 * `today` is refused: an event is recorded once it happened.
 */
export function parseEventDate(text: string, today: IsoDate): EventDate {
  const s = text
    .trim()
    .toLowerCase()
    .replace(/\s*г(ода|\.)?\s*$/, "")
    .replace(/\s+/g, "");
  let date: IsoDate;
  if (s === "сегодня" || s === "today") date = today;
  else if (s === "вчера" || s === "yesterday") date = addDays(today, -1);
  else {
    const m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})$/.exec(s);
    if (!m) return { ok: false, reason: "format" };
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const [month, day] = [Number(m[2]), Number(m[1])];
    if (!isValidDate(year, month, day)) return { ok: false, reason: "invalid" };
    date = isoDate(year, month, day);
  }
  return date > today ? { ok: false, reason: "future" } : { ok: true, date };
}

/** The awaited event an item of a published plan waits for, or null. */
async function eventOfItem(ctx: BotContext, itemId: number): Promise<AwaitedEvent | null> {
  const events = await listAwaitedEvents(ctx.app.deps.db);
  return events.find((e) => e.items.some((i) => i.itemId === itemId)) ?? null;
}

const composer = new Composer<BotContext>();

composer.chatType("private").command("event", async (ctx) => {
  const actor = await currentActor(ctx);
  if (!canManagePlans(actor)) return void (await ctx.reply(ctx.t("events-coordinators-only")));
  await show(ctx, renderEventsList(await listAwaitedEvents(ctx.app.deps.db), ctx.t));
});

composer.callbackQuery(EVENTS_DATA, async (ctx) => {
  const b = parseEventsData(ctx.callbackQuery.data);
  if (!b) return refuse(ctx, ctx.t("events-stale"));
  const actor = await currentActor(ctx);
  if (!canManagePlans(actor)) return refuse(ctx, ctx.t("events-coordinators-only"));
  // «Сегодня» of a question no dialogue waits for any more.
  if (b.t === "td") return refuse(ctx, ctx.t("events-stale"));
  if (!(await eventOfItem(ctx, b.item))) return refuse(ctx, ctx.t("events-stale"));
  await answerPress(ctx);
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(EVENT_CONVERSATION, b.item);
});

type Start = { ok: true; event: AwaitedEvent } | { ok: false; key: string };
type Recorded = { done: true; text: string } | { done: false; key: string };

async function eventDialogue(conversation: BotConversation, ctx: ConversationContext, itemId: number) {
  const start = await conversation.external(async (outer): Promise<Start> => {
    if (!canManagePlans(await currentActor(outer))) return { ok: false, key: "events-coordinators-only" };
    const event = await eventOfItem(outer, itemId);
    return event ? { ok: true, event } : { ok: false, key: "events-stale" };
  });
  if (!start.ok) {
    await ctx.reply(ctx.t(start.key));
    return;
  }
  const ask = renderEventAsk(start.event, ctx.t);
  await ctx.reply(ask.text, { ...HTML, reply_markup: ask.reply_markup });
  for (;;) {
    const next = await conversation.wait({ maxMilliseconds: WAIT_MS });
    let typed: string;
    const data = next.callbackQuery?.data;
    if (data !== undefined) {
      const b = parseEventsData(data);
      if (b?.t !== "td") return await conversation.halt({ next: true });
      if (b.item !== itemId) {
        await answerPress(next, ctx.t("events-stale"), true);
        continue;
      }
      await answerPress(next);
      typed = "сегодня";
    } else {
      if (next.message?.document || next.message?.text?.startsWith("/"))
        return await conversation.halt({ next: true });
      const text = next.message?.text?.trim();
      if (!text) {
        await next.reply(ctx.t("events-hint"));
        continue;
      }
      typed = text;
    }
    const name = start.event.name;
    const r = await conversation.external((outer) => recordTyped(outer, name, typed));
    if (!r.done) {
      await next.reply(ctx.t(r.key));
      continue;
    }
    await next.reply(r.text, HTML);
    return;
  }
}

/** Reads the typed date and records the event (once per update); the answer, or why not. */
async function recordTyped(outer: BotContext, name: string, typed: string): Promise<Recorded> {
  const { db, clock } = outer.app.deps;
  const actor = await currentActor(outer);
  if (!canManagePlans(actor)) return { done: true, text: outer.t("events-coordinators-only") };
  const today = readerToday(outer);
  const date = parseEventDate(typed, today);
  if (!date.ok) return { done: false, key: `events-date-${date.reason}` };
  const at = clock();
  const r = await applyOnce(outer, (trx) =>
    recordEvent(trx, { planId: null, name, date: date.date, by: actor.userId, at }),
  );
  const occurrences = r.applied ? r.value.occurrences : [];
  const planTitles = new Map<number, string>();
  for (const planId of new Set(occurrences.map((o) => o.planId)))
    planTitles.set(planId, (await getPlan(db, planId))?.title ?? "");
  const screen = renderEventRecorded(
    { name, date: date.date, occurrences, planTitles, today, locale: outer.app.user?.language ?? "ru" },
    outer.t,
  );
  return { done: true, text: screen.text };
}

export const eventsFeature: BotFeature = {
  name: "events",
  composer,
  conversations: [defineConversation(EVENT_CONVERSATION, eventDialogue)],
};
