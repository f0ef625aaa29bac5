// What the executors' features share: the reader's zone and local today, the /tasks view for
// them, and editing a message in place without failing on a double press.
import type { InlineKeyboardMarkup } from "grammy/types";
import { DateTime } from "luxon";
import { loadActor } from "../../db/queries/actors.js";
import { loadAgenda } from "../../db/queries/assignments.js";
import type { UserRow } from "../../db/schema.js";
import type { Actor } from "../domain/permissions.js";
import type { IsoDate } from "../domain/plan/types.js";
import { shortDate } from "../domain/text/dates.js";
import { parseTasksData } from "./callback-data.js";
import type { BaseContext } from "./context.js";
import { renderTasks, type TasksView } from "./features/tasks/view.js";
import { createI18n } from "./i18n.js";

export interface Reader {
  actor: Actor;
  /** users.timezone ?? the first of the user's units with a zone ?? DEFAULT_TIMEZONE. */
  zone: string;
  today: IsoDate;
  locale: string;
}

/** The local date (`YYYY-MM-DD`) of `instant` in `zone` (an invalid zone falls back to UTC). */
export function localDate(instant: Date, zone: string): IsoDate {
  const dt = DateTime.fromJSDate(instant, { zone });
  return (dt.isValid ? dt : DateTime.fromJSDate(instant, { zone: "utc" })).toISODate() as IsoDate;
}

/** «пт, 29.10» for an instant in the reader's zone; the year only when it is not the current one. */
export function localShortDate(instant: Date, zone: string, locale: string, now: Date): string {
  return shortDate(localDate(instant, zone), localDate(now, zone), locale === "en" ? "en" : "ru");
}

function validZone(zone: string | null | undefined): string | null {
  return zone && DateTime.now().setZone(zone).isValid ? zone : null;
}

/** The reader's rights, zone and local date (from the injected clock). */
export async function loadReader(ctx: BaseContext, userId: number): Promise<Reader> {
  const { db, clock } = ctx.app.deps;
  const actor = await loadActor(db, userId);
  const zone = await readerZone(ctx, ctx.app.user, actor.unitIds);
  return { actor, zone, today: localDate(clock(), zone), locale: await ctx.i18n.getLocale() };
}

/** users.timezone ?? unit timezone ?? config.defaultTimezone. */
export async function readerZone(ctx: BaseContext, user: UserRow | null, unitIds: number[]): Promise<string> {
  const { db, config } = ctx.app.deps;
  const own = validZone(user?.timezone);
  if (own) return own;
  if (unitIds.length > 0) {
    const units = await db
      .selectFrom("units")
      .select("timezone")
      .where("id", "in", unitIds)
      .where("timezone", "is not", null)
      .orderBy("id")
      .execute();
    for (const u of units) {
      const z = validZone(u.timezone);
      if (z) return z;
    }
  }
  return config.defaultTimezone;
}

/** The /tasks page for the reader: open items, and those marked done since local midnight. */
export async function buildTasksView(ctx: BaseContext, reader: Reader, page: number): Promise<TasksView> {
  const midnight = DateTime.fromISO(reader.today, { zone: reader.zone })
    .startOf("day")
    .toUTC()
    .toISO() as string;
  const entries = await loadAgenda(ctx.app.deps.db, reader.actor.unitIds, { doneSince: midnight });
  return renderTasks(
    { entries, today: reader.today, page, locale: reader.locale, showUnits: reader.actor.unitIds.length > 1 },
    ctx.t,
  );
}

/** The page a /tasks message shows, read from its ◀/refresh buttons; null for other messages. */
export function tasksPageOf(markup: InlineKeyboardMarkup | undefined): number | null {
  const pages: { text: string; page: number }[] = [];
  for (const b of markup?.inline_keyboard.flat() ?? []) {
    if (!("callback_data" in b) || !b.callback_data) continue;
    const parsed = parseTasksData(b.callback_data);
    if (parsed?.kind === "page") pages.push({ text: b.text, page: parsed.page });
  }
  if (pages.length === 0) return null;
  const back = pages.find((p) => p.text === "◀");
  return back ? back.page + 1 : (pages.find((p) => p.text !== "▶")?.page ?? 0);
}

/** Edits the pressed message; a double press ("message is not modified") is fine. */
export async function editInPlace(
  ctx: BaseContext,
  text: string,
  reply_markup: InlineKeyboardMarkup | undefined,
): Promise<void> {
  try {
    await ctx.editMessageText(text, {
      parse_mode: "HTML",
      reply_markup,
      link_preview_options: { is_disabled: true },
    });
  } catch (err) {
    if (!String(err).includes("message is not modified")) throw err;
  }
}

/** The sender's display name for notices: «Ирина Петрова (@irina)». */
export function displayName(user: UserRow | null, fallbackId: number): string {
  if (!user) return String(fallbackId);
  const name = [user.first_name, user.last_name].filter(Boolean).join(" ").trim();
  const at = user.username ? `@${user.username}` : "";
  if (name && at) return `${name} (${at})`;
  return name || at || String(fallbackId);
}

// One I18n for texts in another user's language (coordinators' notices) or in every language
// (typed city names), outside the update's own `ctx.t`.
let sharedI18n: ReturnType<typeof createI18n> | null = null;
export function i18nForOthers(): ReturnType<typeof createI18n> {
  sharedI18n ??= createI18n();
  return sharedI18n;
}

/**
 * Answers the pressed button. A redelivered press (after a crash) was answered the first time:
 * Telegram then says the query is too old, which is no error for us.
 */
export async function answerPress(
  ctx: { answerCallbackQuery: (other?: { text?: string; show_alert?: boolean }) => Promise<unknown> },
  text?: string,
  alert = false,
): Promise<void> {
  try {
    await ctx.answerCallbackQuery(text === undefined ? undefined : { text, show_alert: alert });
  } catch (err) {
    if (!/query is too old|query ID is invalid/i.test(String(err))) throw err;
  }
}
