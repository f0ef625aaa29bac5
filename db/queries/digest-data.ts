// Bulk loading for the daily digests and the coordinators' summaries: who gets one and when,
// what was already handled, and the assignments of thousands of users at once (in batches, with
// item, unit and event texts loaded once and shared, so 50,000 digests fit in little memory).
import { type Kysely, sql, type Transaction } from "kysely";
import type {
  SummaryBlocked,
  SummaryOverdue,
  SummaryReport,
} from "../../src/domain/digest/compose-summary.js";
import type { ScheduleUser } from "../../src/domain/digest/schedule.js";
import type { DigestEntry } from "../../src/domain/digest/types.js";
import type { DeadlineKind, IsoDate } from "../../src/domain/plan/types.js";
import type { AccessRequestsTable, Database } from "../schema.js";

type Db = Kysely<Database> | Transaction<Database>;

export type DailyKind = "digest" | "summary";

/** A user the schedule considers, with their language. */
export interface ScheduledUser extends ScheduleUser {
  language: string;
}

function toScheduled(r: {
  id: number;
  language: string;
  timezone: string | null;
  digest_time: string | null;
  digest_paused: number;
  blocked_at: string | null;
  unit_tz: string | null;
}): ScheduledUser {
  return {
    id: Number(r.id),
    language: r.language,
    timezone: r.timezone,
    unitTimezone: r.unit_tz,
    digestTime: r.digest_time,
    paused: Number(r.digest_paused) === 1,
    blocked: r.blocked_at !== null,
  };
}

/** Users with at least one active membership of a live unit (executors), with their first unit's zone. */
export async function loadExecutorSchedules(db: Db): Promise<ScheduledUser[]> {
  const rows = await db
    .selectFrom("users as u")
    .select((eb) => [
      "u.id",
      "u.language",
      "u.timezone",
      "u.digest_time",
      "u.digest_paused",
      "u.blocked_at",
      eb
        .selectFrom("memberships as m")
        .innerJoin("units as n", "n.id", "m.unit_id")
        .select("n.timezone")
        .whereRef("m.user_id", "=", "u.id")
        .where("m.left_at", "is", null)
        .where("n.archived_at", "is", null)
        .where("n.timezone", "is not", null)
        .orderBy("m.id")
        .limit(1)
        .as("unit_tz"),
    ])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("memberships as m2")
          .innerJoin("units as n2", "n2.id", "m2.unit_id")
          .select("m2.id")
          .whereRef("m2.user_id", "=", "u.id")
          .where("m2.left_at", "is", null)
          .where("n2.archived_at", "is", null),
      ),
    )
    .orderBy("u.id")
    .execute();
  return rows.map(toScheduled);
}

/** Admins and users with an active coordinator scope, with their first scope unit's zone. */
export async function loadCoordinatorSchedules(db: Db): Promise<ScheduledUser[]> {
  const rows = await db
    .selectFrom("users as u")
    .select((eb) => [
      "u.id",
      "u.language",
      "u.timezone",
      "u.digest_time",
      "u.digest_paused",
      "u.blocked_at",
      eb
        .selectFrom("coordinator_scopes as c")
        .innerJoin("units as n", "n.id", "c.unit_id")
        .select("n.timezone")
        .whereRef("c.user_id", "=", "u.id")
        .where("c.revoked_at", "is", null)
        .where("n.timezone", "is not", null)
        .orderBy("c.id")
        .limit(1)
        .as("unit_tz"),
    ])
    .where((eb) =>
      eb.or([
        eb("u.is_admin", "=", 1),
        eb.exists(
          eb
            .selectFrom("coordinator_scopes as c2")
            .select("c2.id")
            .whereRef("c2.user_id", "=", "u.id")
            .where("c2.revoked_at", "is", null),
        ),
      ]),
    )
    .orderBy("u.id")
    .execute();
  return rows.map(toScheduled);
}

/** The latest local day handled (queued or found empty) per user, looking at days from `sinceDay`. */
export async function loadLastHandled(
  db: Db,
  kind: DailyKind,
  sinceDay: IsoDate,
): Promise<Map<number, IsoDate>> {
  const rows = await db
    .selectFrom("digest_log")
    .select(["user_id", sql<string>`max(day)`.as("day")])
    .where("kind", "=", kind)
    .where("day", ">=", sinceDay)
    .groupBy("user_id")
    .execute();
  return new Map(rows.map((r) => [Number(r.user_id), r.day]));
}

/**
 * Digest days recorded as empty that are stale: since the record (less `marginMs`, for writes
 * timestamped before the run but committed after its reads) the user was linked to a unit, or a
 * plan was published, an event recorded or a unit created — anything that can give a user
 * something to say. Per user, the stale day (only days from `sinceDay`). The daily job composes
 * these users again, so someone linked or given new assignments later in the day still gets
 * that day's digest.
 */
export async function loadStaleEmptyDigests(
  db: Db,
  sinceDay: IsoDate,
  marginMs = 60_000,
): Promise<Map<number, IsoDate>> {
  const out = new Map<number, IsoDate>();
  const maxOf = async (q: Promise<{ at: string | null } | undefined>) => (await q)?.at ?? "";
  const [published, recorded, created, linked] = await Promise.all([
    maxOf(db.selectFrom("plans").select(sql<string | null>`max(published_at)`.as("at")).executeTakeFirst()),
    maxOf(db.selectFrom("events").select(sql<string | null>`max(recorded_at)`.as("at")).executeTakeFirst()),
    maxOf(db.selectFrom("units").select(sql<string | null>`max(created_at)`.as("at")).executeTakeFirst()),
    maxOf(
      db.selectFrom("memberships").select(sql<string | null>`max(created_at)`.as("at")).executeTakeFirst(),
    ),
  ]);
  const latest = [published, recorded, created, linked].sort().at(-1)!;
  if (latest === "") return out;
  const shift = (at: string) => new Date(Date.parse(at) + marginMs).toISOString();
  // Records made more than the margin after the latest change of any kind are current.
  const rows = await db
    .selectFrom("digest_log")
    .select(["user_id", "day", "created_at"])
    .where("kind", "=", "digest")
    .where("day", ">=", sinceDay)
    .where("outcome", "=", "empty")
    .where("created_at", "<=", shift(latest))
    .execute();
  if (rows.length === 0) return out;
  const global = [published, recorded, created].sort().at(-1)!;
  const mine = new Map<number, string>();
  const ids = [...new Set(rows.map((r) => Number(r.user_id)))];
  for (let i = 0; i < ids.length; i += 500) {
    const linkedRows = await db
      .selectFrom("memberships")
      .select(["user_id", sql<string>`max(created_at)`.as("at")])
      .where("user_id", "in", ids.slice(i, i + 500))
      .groupBy("user_id")
      .execute();
    for (const r of linkedRows) mine.set(Number(r.user_id), r.at);
  }
  for (const r of rows) {
    const id = Number(r.user_id);
    const since = new Date(Date.parse(r.created_at) - marginMs).toISOString();
    const stale = global >= since || (mine.get(id) ?? "") >= since;
    if (stale && (out.get(id) ?? "") < r.day) out.set(id, r.day);
  }
  return out;
}

/** The last message actually queued per user before `beforeDay` (looking back to `sinceDay`). */
export async function loadLastQueued(
  db: Db,
  kind: DailyKind,
  userIds: readonly number[],
  beforeDay: IsoDate,
  sinceDay: IsoDate,
): Promise<Map<number, { day: IsoDate; at: string }>> {
  const out = new Map<number, { day: IsoDate; at: string }>();
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await db
      .selectFrom("digest_log")
      .select(["user_id", "day", "created_at"])
      .where("kind", "=", kind)
      .where("outcome", "=", "queued")
      .where("user_id", "in", userIds.slice(i, i + 500))
      .where("day", "<", beforeDay)
      .where("day", ">=", sinceDay)
      .execute();
    for (const r of rows) {
      const id = Number(r.user_id);
      const prev = out.get(id);
      if (!prev || r.day > prev.day) out.set(id, { day: r.day, at: r.created_at });
    }
  }
  return out;
}

/** Records that a user's day was handled; false when it already was (another process got there first). */
export async function recordHandled(
  db: Db,
  e: {
    kind: DailyKind;
    userId: number;
    day: IsoDate;
    outcome: "queued" | "empty";
    outboxId: number | null;
    at: Date;
  },
): Promise<boolean> {
  const res = await db
    .insertInto("digest_log")
    .values({
      kind: e.kind,
      user_id: e.userId,
      day: e.day,
      outcome: e.outcome,
      outbox_id: e.outboxId,
      created_at: e.at.toISOString(),
    })
    .onConflict((oc) => oc.columns(["kind", "user_id", "day"]).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** `recordHandled` for many users at once; returns how many rows were new. */
export async function recordHandledMany(
  db: Db,
  rows: readonly {
    kind: DailyKind;
    userId: number;
    day: IsoDate;
    outcome: "queued" | "empty";
    outboxId: number | null;
  }[],
  at: Date,
): Promise<{ inserted: number; insertedEmpty: number }> {
  let inserted = 0;
  let insertedEmpty = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    // RETURNING lists only the rows inserted now: a day another run recorded returns nothing.
    const fresh = await db
      .insertInto("digest_log")
      .values(
        chunk.map((r) => ({
          kind: r.kind,
          user_id: r.userId,
          day: r.day,
          outcome: r.outcome,
          outbox_id: r.outboxId,
          created_at: at.toISOString(),
        })),
      )
      // A day found empty may be handled again (see loadStaleEmptyDigests): the new outcome
      // replaces it; a queued day is never touched.
      .onConflict((oc) =>
        oc
          .columns(["kind", "user_id", "day"])
          .doUpdateSet((eb) => ({
            outcome: eb.ref("excluded.outcome"),
            outbox_id: eb.ref("excluded.outbox_id"),
            created_at: eb.ref("excluded.created_at"),
          }))
          .where("digest_log.outcome", "=", "empty"),
      )
      .returning(["outcome"])
      .execute();
    inserted += fresh.length;
    insertedEmpty += fresh.filter((r) => r.outcome === "empty").length;
  }
  return { inserted, insertedEmpty };
}

interface CatalogItem {
  planId: number;
  planTitle: string;
  number: string;
  title: string;
  result: string | null;
}

interface CatalogOccurrence {
  item: CatalogItem;
  kind: DeadlineKind;
  start: IsoDate | null;
  due: IsoDate | null;
  eventName: string | null;
  eventRecordedAt: string | null;
}

/**
 * What many entries share, loaded once per run: the occurrences of published plans with their
 * item and event texts, and unit names. Entries point at these strings instead of copying them.
 */
export interface DigestCatalog {
  occurrences: Map<number, CatalogOccurrence>;
  units: Map<number, { name: string; archived: boolean }>;
}

export async function loadDigestCatalog(db: Db): Promise<DigestCatalog> {
  const items = new Map<number, CatalogItem>();
  const planTitles = new Map<number, string>();
  const itemRows = await db
    .selectFrom("items as i")
    .innerJoin("plans as p", "p.id", "i.plan_id")
    .select(["i.id", "i.number", "i.title", "i.result", "p.id as plan_id", "p.title as plan_title"])
    .where("p.status", "=", "published")
    .execute();
  for (const r of itemRows) {
    let title = planTitles.get(r.plan_id);
    if (title === undefined) {
      title = r.plan_title;
      planTitles.set(r.plan_id, title);
    }
    items.set(r.id, {
      planId: r.plan_id,
      planTitle: title,
      number: r.number,
      title: r.title,
      result: r.result,
    });
  }
  const events = new Map<number, { name: string; recordedAt: string }>();
  for (const e of await db.selectFrom("events").select(["id", "name", "recorded_at"]).execute()) {
    events.set(e.id, { name: e.name, recordedAt: e.recorded_at });
  }
  const occurrences = new Map<number, CatalogOccurrence>();
  const occRows = await db
    .selectFrom("occurrences as o")
    .innerJoin("items as i", "i.id", "o.item_id")
    .innerJoin("plans as p", "p.id", "i.plan_id")
    .select(["o.id", "o.item_id", "o.kind", "o.start_date", "o.due_date", "o.event_id"])
    .where("p.status", "=", "published")
    .execute();
  for (const o of occRows) {
    const item = items.get(o.item_id);
    if (!item) continue;
    const event = o.event_id === null ? undefined : events.get(o.event_id);
    occurrences.set(o.id, {
      item,
      kind: o.kind as DeadlineKind,
      start: o.start_date,
      due: o.due_date,
      eventName: event?.name ?? null,
      eventRecordedAt: event?.recordedAt ?? null,
    });
  }
  const units = new Map<number, { name: string; archived: boolean }>();
  for (const u of await db.selectFrom("units").select(["id", "name", "archived_at"]).execute()) {
    units.set(u.id, { name: u.name, archived: u.archived_at !== null });
  }
  return { occurrences, units };
}

/** Occurrences a digest on a day in [minDay, maxDay] may mention (see loadDigestEntries). */
function relevantOccurrences(catalog: DigestCatalog, window: { minDay: IsoDate; maxDay: IsoDate }): number[] {
  const maxDue = new Date(Date.parse(`${window.maxDay}T00:00:00Z`) + 7 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const ids: number[] = [];
  for (const [id, o] of catalog.occurrences) {
    const relevant =
      o.kind === "continuous" ||
      o.eventRecordedAt !== null ||
      (o.due !== null && o.due <= maxDue) ||
      (o.start !== null && o.start >= window.minDay && o.start <= window.maxDay);
    if (relevant) ids.push(id);
  }
  return ids;
}

/** Above this many relevant occurrences the filter runs here instead of in the query. */
const MAX_OCCURRENCE_FILTER = 2000;

/**
 * The open assignments the digests of `userIds` may mention, per user: overdue or due by
 * `window.maxDay` + 7, windows opening in the window, continuous items, and occurrences made by an
 * event. Published plans and live units only; done and far-off assignments are not loaded. A
 * unit's entries are built once and shared by all its members.
 */
export async function loadDigestEntries(
  db: Db,
  catalog: DigestCatalog,
  userIds: readonly number[],
  window: { minDay: IsoDate; maxDay: IsoDate },
): Promise<Map<number, DigestEntry[]>> {
  const out = new Map<number, DigestEntry[]>();
  if (userIds.length === 0) return out;
  const unitsOf = new Map<number, number[]>();
  for (let i = 0; i < userIds.length; i += 1000) {
    const rows = await db
      .selectFrom("memberships")
      .select(["user_id", "unit_id"])
      .where("user_id", "in", userIds.slice(i, i + 1000))
      .where("left_at", "is", null)
      .execute();
    for (const r of rows) {
      const unit = catalog.units.get(r.unit_id);
      if (!unit || unit.archived) continue;
      const id = Number(r.user_id);
      const list = unitsOf.get(id);
      if (!list) unitsOf.set(id, [r.unit_id]);
      else if (!list.includes(r.unit_id)) list.push(r.unit_id);
    }
  }
  const unitIds = [...new Set([...unitsOf.values()].flat())];
  const relevant = relevantOccurrences(catalog, window);
  const byUnit = new Map<number, DigestEntry[]>();
  if (relevant.length > 0) {
    const filterInQuery = relevant.length <= MAX_OCCURRENCE_FILTER;
    unitIds.sort((x, y) => x - y);
    const wanted = new Set(unitIds);
    for (let i = 0; i < unitIds.length; i += 1000) {
      const chunk = unitIds.slice(i, i + 1000);
      const lo = chunk[0]!;
      const hi = chunk[chunk.length - 1]!;
      let q = db
        .selectFrom("assignments")
        .select(["id", "unit_id", "occurrence_id", "review_state", "last_confirmed_on"])
        .where("status", "=", "open");
      // Dense ids (a whole day's run) read faster as a range; sparse ones (a tick) as a list.
      q =
        hi - lo < 2 * chunk.length
          ? q.where("unit_id", ">=", lo).where("unit_id", "<=", hi)
          : q.where("unit_id", "in", chunk);
      if (filterInQuery) q = q.where("occurrence_id", "in", relevant);
      for (const r of await q.execute()) {
        const o = catalog.occurrences.get(r.occurrence_id);
        if (!o || !wanted.has(r.unit_id)) continue; // not a published plan, or a unit in the range nobody asked for
        if (!filterInQuery && !relevant.includes(r.occurrence_id)) continue;
        let list = byUnit.get(r.unit_id);
        if (!list) {
          list = [];
          byUnit.set(r.unit_id, list);
        }
        list.push({
          assignmentId: r.id,
          planId: o.item.planId,
          planTitle: o.item.planTitle,
          itemNumber: o.item.number,
          itemTitle: o.item.title,
          result: o.item.result,
          unitId: r.unit_id,
          unitName: (catalog.units.get(r.unit_id) as { name: string }).name,
          kind: o.kind,
          start: o.start,
          due: o.due,
          status: "open",
          reviewState: r.review_state,
          lastConfirmedOn: r.last_confirmed_on,
          eventName: o.eventName,
          eventRecordedAt: o.eventRecordedAt,
        });
      }
    }
  }
  for (const [userId, units] of unitsOf) {
    const lists = units.map((u) => byUnit.get(u) ?? []);
    out.set(userId, lists.length === 1 ? lists[0]! : lists.flat());
  }
  return out;
}

/** What one coordinator's summary is made of, for units in `scope` ("all": the whole deployment). */
export interface SummaryData {
  overdue: SummaryOverdue[];
  reports: SummaryReport[];
  pendingRequests: number;
  blocked: SummaryBlocked[];
}

/**
 * Open assignments of published plans whose due day is in [overdueFrom, overdueTo] (they became
 * overdue since the last summary), reports created in [since, until), pending access requests,
 * and members who blocked the bot in [since, until) — all limited to units in `scope`.
 */
export async function loadSummaryData(
  db: Db,
  q: {
    scope: ReadonlySet<number> | "all";
    overdueFrom: IsoDate;
    overdueTo: IsoDate;
    since: string;
    until: string;
  },
): Promise<SummaryData> {
  const inScope = (unitId: number) => q.scope === "all" || q.scope.has(unitId);
  const overdueRows = await db
    .selectFrom("assignments as a")
    .innerJoin("occurrences as o", "o.id", "a.occurrence_id")
    .innerJoin("items as i", "i.id", "o.item_id")
    .innerJoin("plans as p", "p.id", "i.plan_id")
    .innerJoin("units as u", "u.id", "a.unit_id")
    .select([
      "p.id as planId",
      "p.title as planTitle",
      "u.id as unitId",
      "u.name as unitName",
      "i.number as itemNumber",
      "o.due_date as due",
    ])
    .where("a.status", "=", "open")
    .where("p.status", "=", "published")
    .where("u.archived_at", "is", null)
    .where("o.due_date", ">=", q.overdueFrom)
    .where("o.due_date", "<=", q.overdueTo)
    .execute();
  const overdue = overdueRows.filter((r) => inScope(r.unitId)).map((r) => ({ ...r, due: r.due as IsoDate }));

  const reportRows = await db
    .selectFrom("reports as r")
    .innerJoin("assignments as a", "a.id", "r.assignment_id")
    .innerJoin("occurrences as o", "o.id", "a.occurrence_id")
    .innerJoin("items as i", "i.id", "o.item_id")
    .innerJoin("plans as p", "p.id", "i.plan_id")
    .innerJoin("units as u", "u.id", "a.unit_id")
    .select([
      "p.id as planId",
      "p.title as planTitle",
      "u.id as unitId",
      "u.name as unitName",
      "i.number as itemNumber",
      "r.review_state as reviewState",
    ])
    .where("r.created_at", ">=", q.since)
    .where("r.created_at", "<", q.until)
    .execute();
  const reports = reportRows.filter((r) => inScope(r.unitId));

  const pending = await db
    .selectFrom("access_requests")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "pending" satisfies AccessRequestsTable["status"])
    .executeTakeFirstOrThrow();

  const blockedRows = await db
    .selectFrom("users as us")
    .innerJoin("memberships as m", "m.user_id", "us.id")
    .innerJoin("units as u", "u.id", "m.unit_id")
    .select(["us.id", "us.first_name", "us.last_name", "us.username", "u.id as unitId", "u.name as unitName"])
    .where("us.blocked_at", ">=", q.since)
    .where("us.blocked_at", "<", q.until)
    .where("m.left_at", "is", null)
    .orderBy("us.id")
    .execute();
  const blockedById = new Map<number, SummaryBlocked>();
  for (const r of blockedRows) {
    if (!inScope(r.unitId)) continue;
    const id = Number(r.id);
    let b = blockedById.get(id);
    if (!b) {
      const name =
        [r.first_name, r.last_name].filter(Boolean).join(" ") || (r.username ? `@${r.username}` : `id ${id}`);
      b = { name, unitNames: [] };
      blockedById.set(id, b);
    }
    b.unitNames.push(r.unitName);
  }
  return { overdue, reports, pendingRequests: Number(pending.n), blocked: [...blockedById.values()] };
}
