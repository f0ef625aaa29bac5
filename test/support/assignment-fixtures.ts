// A small builder of plans, units, users and assignments inserted straight into the database,
// for tests of /tasks, marks and reports before (and apart from) plan publishing.
import type { DB } from "../../db/database.js";
import type { DeadlineKind, IsoDate } from "../../src/domain/plan/types.js";

const AT = "2021-09-01T00:00:00.000Z";

export interface AssignmentSpec {
  unitId: number;
  planId?: number;
  /** Reuse an item (recurring occurrences, several units); else one is created. */
  itemId?: number;
  number?: string;
  title?: string;
  result?: string | null;
  kind?: DeadlineKind;
  start?: IsoDate | null;
  due?: IsoDate | null;
  status?: "open" | "done";
  doneAt?: string | null;
  doneBy?: number | null;
  reviewState?: "none" | "pending" | "accepted" | "returned";
  lastConfirmedOn?: IsoDate | null;
}

export interface Built {
  assignmentId: number;
  itemId: number;
  occurrenceId: number;
  planId: number;
}

/** Builds rows with sensible defaults; every method returns the new row's id. */
export class AssignmentFixtures {
  private seq = 0;
  private defaultPlan: number | null = null;

  constructor(readonly db: DB) {}

  async plan(opts: { title?: string; status?: "draft" | "published" | "replaced" | "cancelled" } = {}) {
    const row = await this.db
      .insertInto("plans")
      .values({
        title: opts.title ?? "НОК ДОД 2021",
        status: opts.status ?? "published",
        period_start: "2021-01-01",
        period_end: "2021-12-31",
        source_name: null,
        parsed_json: "{}",
        replaces_plan_id: null,
        created_by: null,
        created_at: AT,
        published_at: opts.status === "draft" ? null : AT,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async setPlanStatus(planId: number, status: "draft" | "published" | "replaced" | "cancelled") {
    await this.db.updateTable("plans").set({ status }).where("id", "=", planId).execute();
  }

  async role(name: string) {
    const existing = await this.db
      .selectFrom("roles")
      .select("id")
      .where("name", "=", name)
      .executeTakeFirst();
    if (existing) return existing.id;
    const row = await this.db
      .insertInto("roles")
      .values({ name, created_at: AT })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async unit(name: string, opts: { role?: string; parentId?: number | null; timezone?: string | null } = {}) {
    const roleId = await this.role(opts.role ?? "Образовательные организации");
    const row = await this.db
      .insertInto("units")
      .values({
        role_id: roleId,
        name,
        parent_unit_id: opts.parentId ?? null,
        timezone: opts.timezone ?? null,
        created_at: AT,
        archived_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async user(
    id: number,
    opts: {
      firstName?: string;
      timezone?: string | null;
      language?: string;
      isAdmin?: boolean;
      digestTime?: string | null;
    } = {},
  ) {
    await this.db
      .insertInto("users")
      .values({
        id,
        first_name: opts.firstName ?? `User ${id}`,
        last_name: null,
        username: null,
        language: opts.language ?? "ru",
        timezone: opts.timezone ?? null,
        digest_time: opts.digestTime ?? null,
        is_admin: opts.isAdmin ? 1 : 0,
        blocked_at: null,
        created_at: AT,
      })
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
    return id;
  }

  /** A user who is a member of the unit (created if missing). */
  async member(userId: number, unitId: number) {
    await this.user(userId);
    await this.db
      .insertInto("memberships")
      .values({ user_id: userId, unit_id: unitId, created_at: AT, left_at: null })
      .execute();
  }

  /** A coordinator over the unit's subtree (null: everything). */
  async coordinator(userId: number, unitId: number | null) {
    await this.user(userId);
    await this.db
      .insertInto("coordinator_scopes")
      .values({ user_id: userId, unit_id: unitId, created_at: AT, revoked_at: null })
      .execute();
  }

  async item(
    planId: number,
    opts: { number?: string; title?: string; result?: string | null; kind?: DeadlineKind } = {},
  ) {
    this.seq += 1;
    const row = await this.db
      .insertInto("items")
      .values({
        plan_id: planId,
        section_id: null,
        number: opts.number ?? String(this.seq),
        parent_number: null,
        title: opts.title ?? `Мероприятие ${this.seq}`,
        result: opts.result ?? null,
        deadline_raw: "",
        deadline_kind: opts.kind ?? "dated",
        deadline_json: "{}",
        position: this.seq,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** One occurrence of an item (a new item unless `itemId`) and its assignment for `unitId`. */
  async assignment(spec: AssignmentSpec): Promise<Built> {
    if (spec.planId === undefined && this.defaultPlan === null) this.defaultPlan = await this.plan();
    const planId = spec.planId ?? (this.defaultPlan as number);
    const kind = spec.kind ?? "dated";
    const itemId =
      spec.itemId ??
      (await this.item(planId, { number: spec.number, title: spec.title, result: spec.result, kind }));
    const seq = await this.db
      .selectFrom("occurrences")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("item_id", "=", itemId)
      .executeTakeFirstOrThrow();
    const due = spec.due === undefined ? (kind === "dated" ? "2021-10-29" : null) : spec.due;
    const occ = await this.db
      .insertInto("occurrences")
      .values({
        item_id: itemId,
        seq: Number(seq.n) + 1,
        start_date: spec.start ?? null,
        due_date: due,
        kind,
        event_id: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const a = await this.db
      .insertInto("assignments")
      .values({
        occurrence_id: occ.id,
        unit_id: spec.unitId,
        status: spec.status ?? "open",
        done_at: spec.doneAt ?? (spec.status === "done" ? AT : null),
        done_by: spec.doneBy ?? null,
        comment: null,
        review_state: spec.reviewState ?? "none",
        last_confirmed_on: spec.lastConfirmedOn ?? null,
        updated_at: AT,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { assignmentId: a.id, itemId, occurrenceId: occ.id, planId };
  }
}
