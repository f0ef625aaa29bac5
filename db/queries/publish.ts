// Publishing a draft (roles, units, occurrences, assignments), replacing a published plan by a
// corrected version, giving a new unit its assignments, and recording events that relative
// deadlines wait for. Each runs in one transaction: all of it is stored or none.
import { sql, type Transaction } from "kysely";
import { occurrenceAfterEvent, russianCalendar } from "../../src/domain/calendar/index.js";
import {
  aliasesFor,
  eventKey,
  findRole,
  type ItemRoleLink,
  itemRoleLinks,
  type KnownRole,
  mergeAliases,
  nameKey,
  occurrencesOf,
  waitsForEvent,
} from "../../src/domain/plan/publish.js";
import { matchReplacement, type ReplaceItem } from "../../src/domain/plan/replace.js";
import type { Deadline, IsoDate, ParsedPlan, RelativeDeadline } from "../../src/domain/plan/types.js";
import type { Database } from "../schema.js";
import { recordAudit } from "./audit.js";
import { inTransaction, type Queryable } from "./in-transaction.js";
import { PlanStateError, statusText } from "./plan-errors.js";

type Trx = Transaction<Database>;

export interface PublishOptions {
  /** Telegram id of the coordinator; null from the command line. */
  by: number | null;
  at: Date;
  /** A published plan this draft is the corrected version of. */
  replaces?: number;
}

export interface ReplaceSummary {
  /** The plan now marked `replaced`. */
  planId: number;
  /** Items with the same number and title whose every occurrence kept its state. */
  unchanged: number;
  /** Items whose title or occurrences changed (the matching occurrences kept their state). */
  changed: number;
  added: number;
  removed: number;
  /** Assignments whose mark, comment, review state or reports carried over. */
  carried: number;
  /** Reports moved to the new version's assignments. */
  reports: number;
}

export interface PublishResult {
  planId: number;
  /** Roles the plan's items name. */
  roles: number;
  rolesCreated: string[];
  unitsCreated: number;
  occurrences: number;
  assignments: number;
  /** Items with a relative deadline: they get occurrences when their event is recorded. */
  waitingForEvents: number;
  replaced: ReplaceSummary | null;
}

/**
 * Publishes a draft: creates the roles its items name (by canonical name, the plan's aliases
 * kept), a default unit named as the role for a role with no unit yet, the item-role links, the
 * occurrences of every deadline, and one assignment per occurrence for every unit of each role
 * on the item. With `replaces`, the published plan given is marked `replaced` and the state of
 * its unchanged items carries over (see src/domain/plan/replace.ts).
 * Throws PlanStateError when the plan is missing or not a draft, or `replaces` is not published.
 */
export async function publishPlan(
  db: Queryable,
  planId: number,
  opts: PublishOptions,
): Promise<PublishResult> {
  return inTransaction(db, async (trx) => {
    const at = opts.at.toISOString();
    const plan = await trx.selectFrom("plans").selectAll().where("id", "=", planId).executeTakeFirst();
    if (!plan) throw new PlanStateError("not_found", `плана ${planId} нет`);
    if (plan.status !== "draft")
      throw new PlanStateError(
        "not_draft",
        `план ${planId} не черновик (${statusText(plan.status)}): публиковать нечего`,
      );
    let old: { id: number } | null = null;
    if (opts.replaces !== undefined) {
      if (opts.replaces === planId) throw new PlanStateError("same_plan", "план не может заменить сам себя");
      const row = await trx
        .selectFrom("plans")
        .select(["id", "status"])
        .where("id", "=", opts.replaces)
        .executeTakeFirst();
      if (!row) throw new PlanStateError("not_found", `плана ${opts.replaces} нет`);
      if (row.status !== "published")
        throw new PlanStateError(
          "not_published",
          `план ${row.id} не опубликован (${statusText(row.status)}): заменить можно только опубликованный`,
        );
      old = row;
    }
    // Claim the plans before anything else: a concurrent publisher finds them taken.
    const claimed = await trx
      .updateTable("plans")
      .set({ status: "published", published_at: at, replaces_plan_id: old?.id ?? null })
      .where("id", "=", planId)
      .where("status", "=", "draft")
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1)
      throw new PlanStateError("not_draft", `план ${planId} уже не черновик: публиковать нечего`);
    if (old) {
      const taken = await trx
        .updateTable("plans")
        .set({ status: "replaced" })
        .where("id", "=", old.id)
        .where("status", "=", "published")
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) !== 1)
        throw new PlanStateError("not_published", `план ${old.id} уже не опубликован: заменить его нельзя`);
    }

    const parsed = JSON.parse(plan.parsed_json) as ParsedPlan;
    const items = await trx
      .selectFrom("items")
      .select(["id", "number", "deadline_json", "deadline_kind", "executors_json"])
      .where("plan_id", "=", planId)
      .orderBy("position")
      .execute();
    const links = items.map((i) => itemRoleLinks(JSON.parse(i.executors_json)));

    const roles = await ensureRoles(trx, links.flat(), parsed, opts);
    const roleIds = [...new Set(roles.values())];
    const unitsCreated = await ensureDefaultUnits(trx, roleIds, opts);

    for (const [index, item] of items.entries()) {
      const byRole = new Map<number, string[]>();
      for (const link of links[index] ?? []) {
        const roleId = roles.get(nameKey(link.roleName))!;
        const people = byRole.get(roleId) ?? [];
        for (const p of link.people) if (!people.includes(p)) people.push(p);
        byRole.set(roleId, people);
      }
      for (const [roleId, people] of byRole) {
        await trx
          .insertInto("item_roles")
          .values({ item_id: item.id, role_id: roleId, people_json: JSON.stringify(people) })
          .execute();
      }
    }

    const period = { start: plan.period_start, end: plan.period_end };
    let occurrences = 0;
    for (const item of items) {
      for (const o of occurrencesOf(JSON.parse(item.deadline_json) as Deadline, period)) {
        await trx
          .insertInto("occurrences")
          .values({
            item_id: item.id,
            seq: o.seq,
            start_date: o.start,
            due_date: o.due,
            kind: o.kind,
            event_id: null,
          })
          .execute();
        occurrences++;
      }
    }

    if (old) {
      // Events already recorded for the old version give the new version its relative occurrences.
      for (const event of await eventsOfPlan(trx, old.id)) {
        occurrences += (await createEventOccurrences(trx, event, [planId])).length;
      }
      await trx.updateTable("events").set({ plan_id: planId }).where("plan_id", "=", old.id).execute();
    }

    const assignments = await insertAssignments(trx, at, (q) => q.where("i.plan_id", "=", planId));
    const replaced = old ? await carryOver(trx, old.id, planId, at) : null;

    const result: PublishResult = {
      planId,
      roles: roleIds.length,
      rolesCreated: [...roles.created],
      unitsCreated,
      occurrences,
      assignments,
      waitingForEvents: items.filter((i) => i.deadline_kind === "relative").length,
      replaced,
    };
    await recordAudit(trx, {
      at: opts.at,
      userId: opts.by,
      action: old ? "plan.replace" : "plan.publish",
      entity: "plan",
      entityId: planId,
      details: { ...result },
    });
    return result;
  });
}

/** Role ids by name key, and the names of roles created now. */
type RoleMap = Map<string, number> & { created: string[] };

async function ensureRoles(
  trx: Trx,
  links: ItemRoleLink[],
  parsed: ParsedPlan,
  opts: PublishOptions,
): Promise<RoleMap> {
  const known: KnownRole[] = (
    await trx.selectFrom("roles").select(["id", "name", "aliases_json"]).execute()
  ).map((r) => ({ id: r.id, name: r.name, aliases: JSON.parse(r.aliases_json) as string[] }));
  const map = Object.assign(new Map<string, number>(), { created: [] as string[] });
  for (const link of links) {
    const key = nameKey(link.roleName);
    if (map.has(key)) continue;
    const aliases = aliasesFor(link.roleName, parsed.roles);
    const found = findRole(link.roleName, aliases, known);
    if (found) {
      const merged = mergeAliases(found.name, found.aliases, [link.roleName, ...aliases]);
      if (merged.length !== found.aliases.length) {
        await trx
          .updateTable("roles")
          .set({ aliases_json: JSON.stringify(merged) })
          .where("id", "=", found.id)
          .execute();
        found.aliases = merged;
      }
      map.set(key, found.id);
      continue;
    }
    const role = await trx
      .insertInto("roles")
      .values({
        name: link.roleName,
        aliases_json: JSON.stringify(mergeAliases(link.roleName, aliases, [])),
        created_at: opts.at.toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    known.push({ id: role.id, name: link.roleName, aliases });
    map.set(key, role.id);
    map.created.push(link.roleName);
    await recordAudit(trx, {
      at: opts.at,
      userId: opts.by,
      action: "role.create",
      entity: "role",
      entityId: role.id,
      details: { name: link.roleName, aliases },
    });
  }
  return map;
}

/** A role with no active unit gets one named as the role; returns how many were created. */
async function ensureDefaultUnits(trx: Trx, roleIds: number[], opts: PublishOptions): Promise<number> {
  if (roleIds.length === 0) return 0;
  const withUnits = new Set(
    (
      await trx
        .selectFrom("units")
        .select("role_id")
        .where("role_id", "in", roleIds)
        .where("archived_at", "is", null)
        .groupBy("role_id")
        .execute()
    ).map((r) => r.role_id),
  );
  let created = 0;
  for (const roleId of roleIds) {
    if (withUnits.has(roleId)) continue;
    const role = await trx
      .selectFrom("roles")
      .select("name")
      .where("id", "=", roleId)
      .executeTakeFirstOrThrow();
    const archived = await trx
      .selectFrom("units")
      .select("id")
      .where("role_id", "=", roleId)
      .where("name", "=", role.name)
      .executeTakeFirst();
    let unitId: number;
    if (archived) {
      // The default unit was archived while the role had no other: bring it back.
      await trx.updateTable("units").set({ archived_at: null }).where("id", "=", archived.id).execute();
      unitId = archived.id;
    } else {
      const unit = await trx
        .insertInto("units")
        .values({
          role_id: roleId,
          name: role.name,
          parent_unit_id: null,
          timezone: null,
          created_at: opts.at.toISOString(),
          archived_at: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      unitId = unit.id;
    }
    created++;
    await recordAudit(trx, {
      at: opts.at,
      userId: opts.by,
      action: "unit.create",
      entity: "unit",
      entityId: unitId,
      details: { role: role.name, name: role.name, default: true },
    });
  }
  return created;
}

/**
 * Inserts the missing assignments (occurrence × active unit of each role on the item) selected
 * by `where`; returns how many were inserted. Plain INSERT … SELECT: portable to PostgreSQL.
 */
async function insertAssignments(
  trx: Queryable,
  at: string,
  where: (q: AssignmentSource) => AssignmentSource,
): Promise<number> {
  const source = where(assignmentSource(trx, at));
  const res = await trx
    .insertInto("assignments")
    .columns(["occurrence_id", "unit_id", "updated_at"])
    .expression(source)
    .onConflict((oc) => oc.columns(["occurrence_id", "unit_id"]).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n);
}

type AssignmentSource = ReturnType<typeof assignmentSource>;

function assignmentSource(trx: Queryable, at: string) {
  return (
    trx
      .selectFrom("occurrences as o")
      .innerJoin("items as i", "i.id", "o.item_id")
      .innerJoin("item_roles as ir", "ir.item_id", "i.id")
      .innerJoin("units as u", "u.role_id", "ir.role_id")
      .innerJoin("plans as p", "p.id", "i.plan_id")
      // SQLite needs a WHERE in an INSERT … SELECT … ON CONFLICT; this one is always there.
      .where("u.archived_at", "is", null)
      .select(["o.id as occurrence_id", "u.id as unit_id", sql<string>`${at}`.as("updated_at")])
  );
}

/** Events recorded for a plan, or whose occurrences it has. */
async function eventsOfPlan(trx: Trx, planId: number) {
  return trx
    .selectFrom("events")
    .select(["id", "name", "occurred_on"])
    .where((eb) =>
      eb.or([
        eb("plan_id", "=", planId),
        eb(
          "id",
          "in",
          eb
            .selectFrom("occurrences as o")
            .innerJoin("items as i", "i.id", "o.item_id")
            .where("i.plan_id", "=", planId)
            .where("o.event_id", "is not", null)
            .select("o.event_id"),
        ),
      ]),
    )
    .orderBy("id")
    .execute() as Promise<{ id: number; name: string; occurred_on: string }[]>;
}

/** An occurrence created because an event was recorded. */
export interface EventOccurrence {
  occurrenceId: number;
  planId: number;
  itemId: number;
  itemNumber: string;
  itemTitle: string;
  start: IsoDate | null;
  due: IsoDate;
  relative: RelativeDeadline;
}

/** Creates the occurrences of relative items (of the given plans) waiting for this event. */
async function createEventOccurrences(
  trx: Trx,
  event: { id: number; name: string; occurred_on: string },
  planIds: number[] | "published",
): Promise<EventOccurrence[]> {
  let q = trx
    .selectFrom("items as i")
    .innerJoin("plans as p", "p.id", "i.plan_id")
    .select(["i.id", "i.plan_id", "i.number", "i.title", "i.deadline_json"])
    .where("i.deadline_kind", "=", "relative")
    .orderBy("i.plan_id")
    .orderBy("i.position");
  q = planIds === "published" ? q.where("p.status", "=", "published") : q.where("i.plan_id", "in", planIds);
  const created: EventOccurrence[] = [];
  for (const item of await q.execute()) {
    const relative = (JSON.parse(item.deadline_json) as Deadline).relative;
    if (!relative || !waitsForEvent(relative, event.name)) continue;
    const already = await trx
      .selectFrom("occurrences")
      .select("id")
      .where("item_id", "=", item.id)
      .where("event_id", "=", event.id)
      .executeTakeFirst();
    if (already) continue;
    const existing = await trx
      .selectFrom("occurrences")
      .select((eb) => eb.fn.max("seq").as("maxSeq"))
      .where("item_id", "=", item.id)
      .executeTakeFirstOrThrow();
    const occ = occurrenceAfterEvent(relative, event.occurred_on, russianCalendar);
    const row = await trx
      .insertInto("occurrences")
      .values({
        item_id: item.id,
        seq: Number(existing.maxSeq ?? 0) + 1,
        start_date: occ.start,
        due_date: occ.due,
        kind: "relative",
        event_id: event.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    created.push({
      occurrenceId: row.id,
      planId: item.plan_id,
      itemId: item.id,
      itemNumber: item.number,
      itemTitle: item.title,
      start: occ.start,
      due: occ.due,
      relative,
    });
  }
  return created;
}

/** Carries marks, comments, review states and reports of the old version over; then summarises. */
async function carryOver(
  trx: Trx,
  oldPlanId: number,
  newPlanId: number,
  at: string,
): Promise<ReplaceSummary> {
  const match = matchReplacement(await itemsForMatch(trx, oldPlanId), await itemsForMatch(trx, newPlanId));
  const newOccByOld = new Map<number, number>();
  for (const item of match.items) for (const p of item.occurrences) newOccByOld.set(p.oldId, p.newId);

  // Only assignments somebody touched have anything to carry.
  const touched = await trx
    .selectFrom("assignments as a")
    .innerJoin("occurrences as o", "o.id", "a.occurrence_id")
    .innerJoin("items as i", "i.id", "o.item_id")
    .where("i.plan_id", "=", oldPlanId)
    .where((eb) =>
      eb.or([
        eb("a.status", "!=", "open"),
        eb("a.review_state", "!=", "none"),
        eb("a.comment", "is not", null),
        eb("a.last_confirmed_on", "is not", null),
        eb.exists(eb.selectFrom("reports as r").select("r.id").whereRef("r.assignment_id", "=", "a.id")),
      ]),
    )
    .select([
      "a.id",
      "a.occurrence_id",
      "a.unit_id",
      "a.status",
      "a.done_at",
      "a.done_by",
      "a.comment",
      "a.review_state",
      "a.last_confirmed_on",
    ])
    .execute();

  let carried = 0;
  let reports = 0;
  for (const a of touched) {
    const newOcc = newOccByOld.get(a.occurrence_id);
    if (newOcc === undefined) continue;
    const target = await trx
      .selectFrom("assignments")
      .select("id")
      .where("occurrence_id", "=", newOcc)
      .where("unit_id", "=", a.unit_id)
      .executeTakeFirst();
    if (!target) continue; // the unit's role is no longer on the item
    await trx
      .updateTable("assignments")
      .set({
        status: a.status,
        done_at: a.done_at,
        done_by: a.done_by,
        comment: a.comment,
        review_state: a.review_state,
        last_confirmed_on: a.last_confirmed_on,
        updated_at: at,
      })
      .where("id", "=", target.id)
      .execute();
    const moved = await trx
      .updateTable("reports")
      .set({ assignment_id: target.id })
      .where("assignment_id", "=", a.id)
      .executeTakeFirst();
    reports += Number(moved.numUpdatedRows);
    carried++;
  }

  const count = (change: string) => match.items.filter((i) => i.change === change).length;
  return {
    planId: oldPlanId,
    unchanged: count("unchanged"),
    changed: count("changed"),
    added: count("added"),
    removed: match.removed.length,
    carried,
    reports,
  };
}

async function itemsForMatch(trx: Trx, planId: number): Promise<ReplaceItem[]> {
  const items = await trx
    .selectFrom("items")
    .select(["id", "number", "title"])
    .where("plan_id", "=", planId)
    .orderBy("position")
    .execute();
  const occs = await trx
    .selectFrom("occurrences as o")
    .innerJoin("items as i", "i.id", "o.item_id")
    .select(["o.id", "o.item_id", "o.seq", "o.kind", "o.start_date", "o.due_date"])
    .where("i.plan_id", "=", planId)
    .execute();
  const byItem = new Map<number, ReplaceItem["occurrences"]>();
  for (const o of occs) {
    const list = byItem.get(o.item_id) ?? [];
    list.push({ id: o.id, seq: o.seq, kind: o.kind, start: o.start_date, due: o.due_date });
    byItem.set(o.item_id, list);
  }
  return items.map((i) => ({ ...i, occurrences: byItem.get(i.id) ?? [] }));
}

/**
 * Gives a unit its assignments for every published plan whose items name the unit's role (a
 * unit created after publishing). Returns how many were created; running it again creates none.
 */
export async function addUnitAssignments(
  db: Queryable,
  unitId: number,
  at: Date = new Date(),
): Promise<number> {
  return insertAssignments(db, at.toISOString(), (q) =>
    q.where("u.id", "=", unitId).where("p.status", "=", "published"),
  );
}

export interface RecordEventInput {
  /** The plan the event belongs to; null: every published plan waiting for it. */
  planId: number | null;
  /** What happened, as the plans word it («поступления информации о результатах НОКО»). */
  name: string;
  /** When it happened, `YYYY-MM-DD`. */
  date: IsoDate;
  by: number | null;
  at: Date;
}

export interface EventRecorded {
  eventId: number;
  occurrences: EventOccurrence[];
  /** Assignments created for those occurrences. */
  assignments: number;
}

/**
 * Records that an event happened: the relative items of published plans waiting for it (their
 * `after`/`before` text, compared without case, quotes or spacing) get their occurrence — days
 * counted as calendar or working days of the Russian production calendar — and assignments.
 * Recording the same event (name, date, plan) again creates nothing new.
 */
export async function recordEvent(db: Queryable, input: RecordEventInput): Promise<EventRecorded> {
  const name = input.name.replace(/\s+/g, " ").trim();
  if (name === "") throw new PlanStateError("bad_event", "не указано, какое событие произошло");
  if (!isIsoDate(input.date))
    throw new PlanStateError("bad_event", `дата события «${input.date}» не читается`);
  return inTransaction(db, async (trx) => {
    if (input.planId !== null) {
      const plan = await trx
        .selectFrom("plans")
        .select("status")
        .where("id", "=", input.planId)
        .executeTakeFirst();
      if (!plan) throw new PlanStateError("not_found", `плана ${input.planId} нет`);
      if (plan.status !== "published")
        throw new PlanStateError(
          "not_published",
          `план ${input.planId} не опубликован (${statusText(plan.status)})`,
        );
    }
    const same = (
      await trx
        .selectFrom("events")
        .select(["id", "name", "occurred_on", "plan_id"])
        .where("occurred_on", "=", input.date)
        .where((eb) => (input.planId === null ? eb("plan_id", "is", null) : eb("plan_id", "=", input.planId)))
        .execute()
    ).find((e) => eventKey(e.name) === eventKey(name));
    const event =
      same ??
      (await trx
        .insertInto("events")
        .values({
          plan_id: input.planId,
          name,
          occurred_on: input.date,
          recorded_by: input.by,
          recorded_at: input.at.toISOString(),
        })
        .returning(["id", "name", "occurred_on"])
        .executeTakeFirstOrThrow());
    const occurrences = await createEventOccurrences(
      trx,
      event,
      input.planId === null ? "published" : [input.planId],
    );
    const assignments = await insertAssignments(trx, input.at.toISOString(), (q) =>
      q.where("o.event_id", "=", event.id),
    );
    await recordAudit(trx, {
      at: input.at,
      userId: input.by,
      action: "event.record",
      entity: "event",
      entityId: event.id,
      details: { plan: input.planId, name, date: input.date, occurrences: occurrences.length, assignments },
    });
    return { eventId: event.id, occurrences, assignments };
  });
}

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** An event relative deadlines of published plans wait for, and the items waiting. */
export interface AwaitedEvent {
  /** The event as the first plan words it. */
  name: string;
  items: {
    planId: number;
    itemId: number;
    number: string;
    title: string;
    days: number | null;
    business: boolean;
    direction: "after" | "before";
    occurrences: number;
  }[];
}

/**
 * The distinct events the relative items of published plans (or one plan) wait for, in plan
 * order; `occurrences` counts those already created by recorded events.
 */
export async function listAwaitedEvents(
  db: Queryable,
  opts: { planId?: number } = {},
): Promise<AwaitedEvent[]> {
  let q = db
    .selectFrom("items as i")
    .innerJoin("plans as p", "p.id", "i.plan_id")
    .where("p.status", "=", "published")
    .where("i.deadline_kind", "=", "relative")
    .select((eb) => [
      "i.id",
      "i.plan_id",
      "i.number",
      "i.title",
      "i.deadline_json",
      eb
        .selectFrom("occurrences as o")
        .whereRef("o.item_id", "=", "i.id")
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("occurrences"),
    ])
    .orderBy("i.plan_id")
    .orderBy("i.position");
  if (opts.planId !== undefined) q = q.where("i.plan_id", "=", opts.planId);
  const byKey = new Map<string, AwaitedEvent>();
  for (const row of await q.execute()) {
    const relative = (JSON.parse(row.deadline_json) as Deadline).relative;
    const awaited = relative?.after ?? relative?.before;
    if (!relative || !awaited) continue;
    const key = eventKey(awaited);
    const entry = byKey.get(key) ?? { name: awaited, items: [] };
    entry.items.push({
      planId: row.plan_id,
      itemId: row.id,
      number: row.number,
      title: row.title,
      days: relative.days,
      business: relative.business,
      direction: relative.after ? "after" : "before",
      occurrences: Number(row.occurrences ?? 0),
    });
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}
