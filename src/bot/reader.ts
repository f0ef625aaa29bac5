// Who is asking, and where and when they are: the sender's rights, time zone, language and local
// date (from the injected clock), the units they coordinate, dates in their zone.
import { DateTime } from "luxon";
import { loadActor, loadUnitTree } from "../../db/queries/actors.js";
import { listUnits, type UnitInfo, unitTimezones } from "../../db/queries/units.js";
import type { UserRow } from "../../db/schema.js";
import { type Actor, anonymousActor, unitsCoordinatedBy } from "../domain/permissions.js";
import type { IsoDate } from "../domain/plan/types.js";
import { shortDate } from "../domain/text/dates.js";
import type { BaseContext } from "./context.js";

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

/** The reader's rights (unless already loaded), zone and local date (from the injected clock). */
export async function loadReader(ctx: BaseContext, userId: number, loaded?: Actor): Promise<Reader> {
  const { db, clock } = ctx.app.deps;
  const actor = loaded ?? (await loadActor(db, userId));
  const zone = await readerZone(ctx, ctx.app.user, actor.unitIds);
  return { actor, zone, today: localDate(clock(), zone), locale: await ctx.i18n.getLocale() };
}

/** users.timezone ?? unit timezone ?? config.defaultTimezone. */
export async function readerZone(ctx: BaseContext, user: UserRow | null, unitIds: number[]): Promise<string> {
  const { db, config } = ctx.app.deps;
  const own = validZone(user?.timezone);
  if (own) return own;
  for (const zone of await unitTimezones(db, unitIds)) {
    const z = validZone(zone);
    if (z) return z;
  }
  return config.defaultTimezone;
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
