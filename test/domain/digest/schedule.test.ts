import { describe, expect, it } from "vitest";
import {
  type DueMessage,
  digestsForDay,
  dueDigests,
  localNow,
  type ScheduleUser,
} from "../../../src/domain/digest/schedule.js";
import { calendar } from "./support.js";

const defaults = { timezone: "Europe/Moscow", digestTime: "09:00" };

function user(id: number, over: Partial<ScheduleUser> = {}): ScheduleUser {
  return { id, timezone: null, unitTimezone: null, digestTime: null, paused: false, blocked: false, ...over };
}

const vladivostok = user(1, { timezone: "Asia/Vladivostok" }); // UTC+10
const izhevsk = user(2, { timezone: "Europe/Samara" }); // Удмуртия: UTC+4
const moscow = user(3); // DEFAULT_TIMEZONE
const users = [vladivostok, izhevsk, moscow];

/**
 * Runs the scheduler's rule minute by minute from `from` to `to` (UTC), recording each digest as
 * handled the moment it is due — as the jobs do. Returns every digest with the instant it went.
 */
function simulate(
  list: ScheduleUser[] | ((now: Date) => ScheduleUser[]),
  from: string,
  to: string,
  handled = new Map<number, string>(),
): (DueMessage & { at: string })[] {
  const sent: (DueMessage & { at: string })[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 60_000) {
    const now = new Date(t);
    const current = typeof list === "function" ? list(now) : list;
    for (const d of dueDigests(now, current, handled, calendar, defaults)) {
      sent.push({ ...d, at: now.toISOString() });
      handled.set(d.userId, d.day);
    }
  }
  return sent;
}

describe("dueDigests — each user at their own 09:00", () => {
  it("Vladivostok, Izhevsk and Moscow users get Monday 25.10's digest at 23:00, 05:00 and 06:00 UTC", () => {
    const sent = simulate(users, "2021-10-24T12:00:00Z", "2021-10-25T20:59:00Z");
    expect(sent.map((s) => [s.userId, s.day, s.at])).toEqual([
      [1, "2021-10-25", "2021-10-24T23:00:00.000Z"],
      [2, "2021-10-25", "2021-10-25T05:00:00.000Z"],
      [3, "2021-10-25", "2021-10-25T06:00:00.000Z"],
    ]);
  });

  it("one minute before 09:00 nobody is due; a personal digest time and the unit's zone count", () => {
    expect(dueDigests(new Date("2021-10-25T05:59:00Z"), [moscow], new Map(), calendar, defaults)).toEqual([]);
    const early = user(4, { digestTime: "07:30" });
    const unitZone = user(5, { unitTimezone: "Asia/Vladivostok" });
    const ownWins = user(6, { timezone: "Europe/Moscow", unitTimezone: "Asia/Vladivostok" });
    const due = dueDigests(
      new Date("2021-10-25T04:30:00Z"),
      [early, unitZone, ownWins],
      new Map(),
      calendar,
      defaults,
    );
    expect(due).toEqual([
      { userId: 4, day: "2021-10-25", zone: "Europe/Moscow" },
      { userId: 5, day: "2021-10-25", zone: "Asia/Vladivostok" },
    ]);
  });

  it("an unknown zone falls back to the default instead of failing the whole run", () => {
    const due = dueDigests(
      new Date("2021-10-25T06:00:00Z"),
      [user(7, { timezone: "Mars/Olympus" })],
      new Map(),
      calendar,
      defaults,
    );
    expect(due).toEqual([{ userId: 7, day: "2021-10-25", zone: "Europe/Moscow" }]);
  });

  it("paused and blocked users get nothing", () => {
    const due = dueDigests(
      new Date("2021-10-25T10:00:00Z"),
      [user(8, { paused: true }), user(9, { blocked: true })],
      new Map(),
      calendar,
      defaults,
    );
    expect(due).toEqual([]);
  });
});

describe("dueDigests — working days of the production calendar", () => {
  it("no digest on the days off 1–4 May 2025 (2 May moved by decree); the next is on Monday 5 May", () => {
    const handled = new Map(users.map((u) => [u.id, "2025-04-30"]));
    const sent = simulate(users, "2025-04-30T12:00:00Z", "2025-05-05T12:00:00Z", handled);
    expect(sent.map((s) => s.day)).toEqual(["2025-05-05", "2025-05-05", "2025-05-05"]);
    expect(digestsForDay("2025-05-02", users, new Map(), calendar, defaults)).toEqual([]);
  });

  it("a working Saturday (1 Nov 2025) has a digest", () => {
    const due = dueDigests(new Date("2025-11-01T06:00:00Z"), [moscow], new Map(), calendar, defaults);
    expect(due.map((d) => d.day)).toEqual(["2025-11-01"]);
  });
});

describe("dueDigests — catch-up, zone changes, daylight saving", () => {
  it("after downtime, a digest not sent today goes out on the first tick, once", () => {
    // The bot was down from 08:00 to 13:00 Moscow time on 25.10 and comes back at 10:00 UTC.
    const sent = simulate(users, "2021-10-25T10:00:00Z", "2021-10-25T20:00:00Z");
    expect(sent.map((s) => [s.userId, s.at])).toEqual([
      [1, "2021-10-25T10:00:00.000Z"], // 20:00 in Vladivostok: the day is not over
      [2, "2021-10-25T10:00:00.000Z"],
      [3, "2021-10-25T10:00:00.000Z"],
    ]);
  });

  it("moving west mid-day (Vladivostok → Moscow) never repeats a day", () => {
    // The Vladivostok user got 26.10's digest at 23:00 UTC on 25.10, then set Moscow at 00:30 UTC
    // (03:30 in Moscow, where it is still 26.10 before 09:00): no second digest for 26.10.
    const switchAt = Date.parse("2021-10-26T00:30:00Z");
    const sent = simulate(
      (now) => [now.getTime() < switchAt ? vladivostok : { ...vladivostok, timezone: "Europe/Moscow" }],
      "2021-10-25T22:00:00Z",
      "2021-10-27T07:00:00Z",
    );
    expect(sent.map((s) => [s.day, s.at])).toEqual([
      ["2021-10-26", "2021-10-25T23:00:00.000Z"],
      ["2021-10-27", "2021-10-27T06:00:00.000Z"],
    ]);
  });

  it("moving east mid-day (Moscow → Vladivostok) neither repeats today nor misses tomorrow", () => {
    // Moscow user: 25.10's digest at 06:00 UTC; at 09:00 UTC (19:00 in Vladivostok) they move.
    const switchAt = Date.parse("2021-10-25T09:00:00Z");
    const sent = simulate(
      (now) => [now.getTime() < switchAt ? moscow : { ...moscow, timezone: "Asia/Vladivostok" }],
      "2021-10-25T05:00:00Z",
      "2021-10-26T12:00:00Z",
    );
    expect(sent.map((s) => [s.day, s.at])).toEqual([
      ["2021-10-25", "2021-10-25T06:00:00.000Z"],
      ["2021-10-26", "2021-10-25T23:00:00.000Z"], // 09:00 on 26.10 in Vladivostok
    ]);
  });

  it("a zone change before the digest time just moves it to the new 09:00", () => {
    const switchAt = Date.parse("2021-10-25T03:00:00Z"); // 06:00 Moscow, 13:00 Vladivostok
    const sent = simulate(
      (now) => [now.getTime() < switchAt ? moscow : { ...moscow, timezone: "Asia/Vladivostok" }],
      "2021-10-25T00:00:00Z",
      "2021-10-25T12:00:00Z",
    );
    // In Vladivostok it is already past 09:00 on 25.10, and 25.10 was not handled: it goes now.
    expect(sent.map((s) => [s.day, s.at])).toEqual([["2021-10-25", "2021-10-25T03:00:00.000Z"]]);
  });

  it("Russian zones have no daylight saving: 09:00 is the same UTC instant in winter and summer", () => {
    for (const day of ["2021-01-15", "2021-07-15"]) {
      const sent = simulate(users, `${day}T00:00:00Z`, `${day}T12:00:00Z`, new Map([[1, day]]));
      expect(sent.map((s) => s.at)).toEqual([`${day}T05:00:00.000Z`, `${day}T06:00:00.000Z`]);
    }
  });

  it("a zone with daylight saving: a skipped hour still sends, a repeated hour does not send twice", () => {
    const berlin = user(10, { timezone: "Europe/Berlin", digestTime: "02:30" });
    // Both changes fall on a Sunday; 02:30 of 31.10.2021 is two different instants.
    expect(localNow(new Date("2021-10-31T00:30:00Z"), "Europe/Berlin")).toEqual({
      day: "2021-10-31",
      minutes: 150,
    });
    expect(localNow(new Date("2021-10-31T01:30:00Z"), "Europe/Berlin")).toEqual({
      day: "2021-10-31",
      minutes: 150,
    });
    // Treat every day as working to exercise the rule on the change days themselves.
    const everyDay = { isWorkingDay: () => true };
    const run = (from: string, to: string) => {
      const handled = new Map<number, string>();
      const out: string[] = [];
      for (let t = Date.parse(from); t <= Date.parse(to); t += 60_000) {
        for (const d of dueDigests(new Date(t), [berlin], handled, everyDay, defaults)) {
          out.push(new Date(t).toISOString());
          handled.set(d.userId, d.day);
        }
      }
      return out;
    };
    // 28.03.2021: 02:00 → 03:00, so 02:30 never happens; it goes at 03:00 local (01:00 UTC).
    expect(run("2021-03-27T23:00:00Z", "2021-03-28T12:00:00Z")).toEqual(["2021-03-28T01:00:00.000Z"]);
    // 31.10.2021: 03:00 → 02:00, so 02:30 happens twice: only the first sends.
    expect(run("2021-10-30T23:00:00Z", "2021-10-31T12:00:00Z")).toEqual(["2021-10-31T00:30:00.000Z"]);
  });
});

describe("digestsForDay (srok digest run --date)", () => {
  it("everyone not handled for that day, whatever their local time; nobody on a day off", () => {
    const handled = new Map([[2, "2021-10-25"]]);
    expect(digestsForDay("2021-10-25", users, handled, calendar, defaults).map((d) => d.userId)).toEqual([
      1, 3,
    ]);
    expect(digestsForDay("2021-10-24", users, new Map(), calendar, defaults)).toEqual([]);
  });
});
