// When a digest (or a coordinators' summary) is due: a pure function of the instant, the users'
// settings and what was already handled. The scheduler calls it every minute; catching up after
// downtime and surviving zone changes follow from the rule, not from extra code.
import type { IsoDate } from "../plan/types.js";
import type { WorkingCalendar } from "./types.js";

/** What the schedule needs of a user. */
export interface ScheduleUser {
  id: number;
  /** The user's own zone (IANA), if set. */
  timezone: string | null;
  /** The zone of the user's unit, used when the user set none. */
  unitTimezone: string | null;
  /** `HH:MM`, if the user chose one. */
  digestTime: string | null;
  paused: boolean;
  /** The user blocked the bot (403); cleared when they come back. */
  blocked: boolean;
}

/** Deployment defaults: `DEFAULT_TIMEZONE` and `DIGEST_TIME`. */
export interface ScheduleDefaults {
  timezone: string;
  digestTime: string;
}

/** A user due now, with the local day the message is for. */
export interface DueMessage {
  userId: number;
  /** The user's local date: the digest is for this day and its idempotency key names it. */
  day: IsoDate;
  zone: string;
}

interface LocalNow {
  day: IsoDate;
  /** Minutes since local midnight. */
  minutes: number;
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let fmt = zoneFormatters.get(zone);
  if (fmt === undefined) {
    try {
      fmt = new Intl.DateTimeFormat("en-CA", {
        timeZone: zone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      });
    } catch {
      fmt = null; // not a zone ICU knows
    }
    zoneFormatters.set(zone, fmt);
  }
  return fmt;
}

/** True when ICU knows `zone`. */
export function isKnownZone(zone: string): boolean {
  return formatterFor(zone) !== null;
}

/** The local date and time of `now` in `zone`; throws for an unknown zone. */
export function localNow(now: Date, zone: string): LocalNow {
  const fmt = formatterFor(zone);
  if (!fmt) throw new RangeError(`unknown time zone: ${zone}`);
  const parts: Record<string, string> = {};
  for (const p of fmt.formatToParts(now)) parts[p.type] = p.value;
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** The zone a user's messages follow: their own, else their unit's, else the default. Unknown zones are skipped. */
export function effectiveZone(
  user: Pick<ScheduleUser, "timezone" | "unitTimezone">,
  defaultZone: string,
): string {
  if (user.timezone && isKnownZone(user.timezone)) return user.timezone;
  if (user.unitTimezone && isKnownZone(user.unitTimezone)) return user.unitTimezone;
  return defaultZone;
}

function toMinutes(hhmm: string | null): number | null {
  const m = hhmm ? /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(hhmm) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/**
 * Users whose digest is due at `now`: their local time is at or past their digest time, their
 * local today is a working day, they are neither paused nor blocked, and nothing was handled yet
 * for that local day or a later one (`lastHandled`: the latest day a digest was queued — or found
 * empty — per user).
 *
 * Consequences: after downtime every user whose day is not over gets today's digest on the next
 * tick (catch-up); moving to a zone where it is still yesterday cannot repeat the day already
 * handled, and moving east (where it is already tomorrow) leads to tomorrow's digest at its time;
 * a repeated or skipped hour of a daylight-saving change is handled by «at or past».
 */
export function dueDigests(
  now: Date,
  users: readonly ScheduleUser[],
  lastHandled: ReadonlyMap<number, IsoDate>,
  calendar: WorkingCalendar,
  defaults: ScheduleDefaults,
): DueMessage[] {
  const defaultMinutes = toMinutes(defaults.digestTime) ?? 9 * 60;
  const byZone = new Map<string, LocalNow>();
  const working = new Map<IsoDate, boolean>();
  const due: DueMessage[] = [];
  for (const user of users) {
    if (user.paused || user.blocked) continue;
    const zone = effectiveZone(user, defaults.timezone);
    let local = byZone.get(zone);
    if (!local) {
      local = localNow(now, zone);
      byZone.set(zone, local);
    }
    if (local.minutes < (toMinutes(user.digestTime) ?? defaultMinutes)) continue;
    const last = lastHandled.get(user.id);
    if (last !== undefined && last >= local.day) continue;
    let isWorking = working.get(local.day);
    if (isWorking === undefined) {
      isWorking = calendar.isWorkingDay(local.day);
      working.set(local.day, isWorking);
    }
    if (!isWorking) continue;
    due.push({ userId: user.id, day: local.day, zone });
  }
  return due;
}

/**
 * Users to get a digest for an explicit `day` now, whatever their local time (`srok digest run
 * --date`): the day must be a working day, the user neither paused nor blocked, and nothing handled
 * for that day or a later one.
 */
export function digestsForDay(
  day: IsoDate,
  users: readonly ScheduleUser[],
  lastHandled: ReadonlyMap<number, IsoDate>,
  calendar: WorkingCalendar,
  defaults: ScheduleDefaults,
): DueMessage[] {
  if (!calendar.isWorkingDay(day)) return [];
  const due: DueMessage[] = [];
  for (const user of users) {
    if (user.paused || user.blocked) continue;
    const last = lastHandled.get(user.id);
    if (last !== undefined && last >= day) continue;
    due.push({ userId: user.id, day, zone: effectiveZone(user, defaults.timezone) });
  }
  return due;
}
