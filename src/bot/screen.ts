// Small pieces shared by /start, /invite, /invites, access requests, /me and /units.
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { loadActor, loadUnitTree } from "../../db/queries/actors.js";
import { listUnits, type UnitInfo } from "../../db/queries/units.js";
import { type Actor, anonymousActor, unitsCoordinatedBy } from "../domain/permissions.js";
import type { BaseContext } from "./context.js";

/** A message as shown to the user: sent new, or edited in place. */
export interface Screen {
  text: string;
  reply_markup?: InlineKeyboardMarkup;
}

/** Button labels are plain text, but long names make them unreadable on a phone. */
export function label(s: string, max = 40): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  /** Index of the page's first item in the whole list. */
  offset: number;
}

/** The page-th slice of `items` (clamped to the pages there are; at least one page). */
export function paginate<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  return { items: items.slice(p * size, p * size + size), page: p, pages, offset: p * size };
}

/** ◀ 2/5 ▶ as two buttons (none on a single page). */
export function pagerRow(p: Page<unknown>, data: (page: number) => string): InlineKeyboardButton[] {
  if (p.pages <= 1) return [];
  const row: InlineKeyboardButton[] = [];
  if (p.page > 0) row.push({ text: `◀ ${p.page}/${p.pages}`, callback_data: data(p.page - 1) });
  if (p.page < p.pages - 1) row.push({ text: `${p.page + 2}/${p.pages} ▶`, callback_data: data(p.page + 1) });
  return row;
}

/** The sender's rights now (loaded fresh for every update: rights change between presses). */
export async function currentActor(ctx: BaseContext): Promise<Actor> {
  const id = ctx.from?.id;
  if (id === undefined) return anonymousActor(0);
  return loadActor(ctx.app.deps.db, id);
}

/** The live units the actor may coordinate, sorted by role then name. */
export async function coordinatedUnits(ctx: BaseContext, actor: Actor): Promise<UnitInfo[]> {
  const db = ctx.app.deps.db;
  const [units, tree] = await Promise.all([listUnits(db), loadUnitTree(db)]);
  const allowed = unitsCoordinatedBy(actor, tree);
  return allowed === "all" ? units : units.filter((u) => allowed.has(u.id));
}

/**
 * Shows a screen: edits the pressed message in place for a button, sends a new one otherwise.
 * "message is not modified" (a double press) is not an error.
 */
export async function show(ctx: BaseContext, screen: Screen): Promise<void> {
  const extra = {
    parse_mode: "HTML" as const,
    reply_markup: screen.reply_markup,
    link_preview_options: { is_disabled: true },
  };
  if (ctx.callbackQuery?.message) {
    try {
      await ctx.editMessageText(screen.text, extra);
      return;
    } catch (err) {
      const why = String(err);
      if (why.includes("message is not modified")) return;
      // Too old, deleted, or not ours: the screen comes as a new message instead.
      if (!/message can't be edited|message to edit not found/.test(why)) throw err;
    }
  }
  await ctx.reply(screen.text, extra);
}

/** Answers a press that is refused: a short notice, nothing changed. */
export async function refuse(ctx: BaseContext, text: string): Promise<void> {
  await ctx.answerCallbackQuery({ text, show_alert: true });
}

const ZONE_CITIES: Record<string, { ru: string; en: string }> = {
  "Europe/Kaliningrad": { ru: "Калининград", en: "Kaliningrad" },
  "Europe/Moscow": { ru: "Москва", en: "Moscow" },
  "Europe/Samara": { ru: "Самара", en: "Samara" },
  "Europe/Volgograd": { ru: "Волгоград", en: "Volgograd" },
  "Asia/Yekaterinburg": { ru: "Екатеринбург", en: "Yekaterinburg" },
  "Asia/Omsk": { ru: "Омск", en: "Omsk" },
  "Asia/Novosibirsk": { ru: "Новосибирск", en: "Novosibirsk" },
  "Asia/Krasnoyarsk": { ru: "Красноярск", en: "Krasnoyarsk" },
  "Asia/Irkutsk": { ru: "Иркутск", en: "Irkutsk" },
  "Asia/Yakutsk": { ru: "Якутск", en: "Yakutsk" },
  "Asia/Vladivostok": { ru: "Владивосток", en: "Vladivostok" },
  "Asia/Magadan": { ru: "Магадан", en: "Magadan" },
  "Asia/Kamchatka": { ru: "Камчатка", en: "Kamchatka" },
};

/** «Москва» for Europe/Moscow; the zone's city part for zones not in the list. */
export function zoneLabel(zone: string, locale: string): string {
  const known = ZONE_CITIES[zone];
  if (known) return locale === "en" ? known.en : known.ru;
  return (zone.split("/").pop() ?? zone).replace(/_/g, " ");
}

/** The sender's locale as stored (the i18n plugin negotiates the same). */
export function userLocale(ctx: BaseContext): string {
  return ctx.app.user?.language ?? "ru";
}

/** The sender's zone: their own, else the deployment's default. */
export function userZone(ctx: BaseContext): string {
  return ctx.app.user?.timezone ?? ctx.app.deps.config.defaultTimezone;
}

/** A person's name for coordinators: «Ирина Петрова (@irina)». */
export function personName(u: {
  first_name?: string | null;
  last_name?: string | null;
  username?: string | null;
  id: number;
}): string {
  const name = [u.first_name, u.last_name].filter(Boolean).join(" ").trim();
  const handle = u.username ? `@${u.username}` : "";
  if (name && handle) return `${name} (${handle})`;
  return name || handle || `id ${u.id}`;
}
