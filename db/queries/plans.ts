// Plans as stored: drafts saved from a parsed plan, the list of plans, corrections to a draft.
// Publishing, replacing and events are in publish.ts (re-exported here).
import type { Deadline, ParsedPlan } from "../../src/domain/plan/types.js";
import { recordAudit } from "./audit.js";
import { inTransaction, type Queryable } from "./in-transaction.js";
import { PlanStateError, type PlanStatus, statusText } from "./plan-errors.js";

export interface DraftMeta {
  /** The uploaded file's name. */
  sourceName: string | null;
  /** Telegram id of the coordinator; null from the command line. */
  createdBy: number | null;
  at: Date;
}

/** Stores a parsed plan as a draft (plan, sections, items) in one transaction; returns its id. */
export async function savePlanDraft(db: Queryable, parsed: ParsedPlan, meta: DraftMeta): Promise<number> {
  return inTransaction(db, async (trx) => {
    const at = meta.at.toISOString();
    const plan = await trx
      .insertInto("plans")
      .values({
        title: parsed.title,
        status: "draft",
        period_start: parsed.period.start,
        period_end: parsed.period.end,
        source_name: meta.sourceName,
        parsed_json: JSON.stringify(parsed),
        replaces_plan_id: null,
        created_by: meta.createdBy,
        created_at: at,
        published_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    const sectionIds = new Map<string, number>();
    for (const [position, s] of parsed.sections.entries()) {
      const row = await trx
        .insertInto("sections")
        .values({ plan_id: plan.id, number: s.number, title: s.title, position })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (!sectionIds.has(s.number)) sectionIds.set(s.number, row.id);
    }

    for (const [position, item] of parsed.items.entries()) {
      await trx
        .insertInto("items")
        .values({
          plan_id: plan.id,
          section_id: item.section === null ? null : (sectionIds.get(item.section) ?? null),
          number: item.number,
          parent_number: item.parent,
          title: item.title,
          result: item.result,
          deadline_raw: item.deadline.raw,
          deadline_kind: item.deadline.kind,
          deadline_json: JSON.stringify(item.deadline),
          executors_json: JSON.stringify(item.executors),
          position,
        })
        .execute();
    }

    await recordAudit(trx, {
      at: meta.at,
      userId: meta.createdBy,
      action: "plan.import",
      entity: "plan",
      entityId: plan.id,
      details: { title: parsed.title, source: meta.sourceName, items: parsed.items.length },
    });
    return plan.id;
  });
}

/** A plan as lists show it. */
export interface PlanSummary {
  id: number;
  title: string;
  status: PlanStatus;
  periodStart: string;
  periodEnd: string;
  sourceName: string | null;
  createdBy: number | null;
  createdAt: string;
  publishedAt: string | null;
  replacesPlanId: number | null;
  items: number;
  sections: number;
  /** Assignments of the plan (0 for a draft). */
  assignments: number;
}

function summaries(db: Queryable) {
  return db.selectFrom("plans as p").select((eb) => [
    "p.id",
    "p.title",
    "p.status",
    "p.period_start",
    "p.period_end",
    "p.source_name",
    "p.created_by",
    "p.created_at",
    "p.published_at",
    "p.replaces_plan_id",
    eb
      .selectFrom("items")
      .whereRef("items.plan_id", "=", "p.id")
      .select((e) => e.fn.countAll<number>().as("n"))
      .as("items"),
    eb
      .selectFrom("sections")
      .whereRef("sections.plan_id", "=", "p.id")
      .select((e) => e.fn.countAll<number>().as("n"))
      .as("sections"),
    eb
      .selectFrom("assignments as a")
      .innerJoin("occurrences as o", "o.id", "a.occurrence_id")
      .innerJoin("items as i", "i.id", "o.item_id")
      .whereRef("i.plan_id", "=", "p.id")
      .select((e) => e.fn.countAll<number>().as("n"))
      .as("assignments"),
  ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>["executeTakeFirstOrThrow"]>>;

function toSummary(r: SummaryRow): PlanSummary {
  return {
    id: r.id,
    title: r.title,
    status: r.status,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    sourceName: r.source_name,
    createdBy: r.created_by,
    createdAt: r.created_at,
    publishedAt: r.published_at,
    replacesPlanId: r.replaces_plan_id,
    items: Number(r.items ?? 0),
    sections: Number(r.sections ?? 0),
    assignments: Number(r.assignments ?? 0),
  };
}

/** Every plan (or those with the given statuses), newest first. */
export async function listPlans(db: Queryable, opts: { status?: PlanStatus[] } = {}): Promise<PlanSummary[]> {
  let q = summaries(db).orderBy("p.id", "desc");
  if (opts.status && opts.status.length > 0) q = q.where("p.status", "in", opts.status);
  return (await q.execute()).map(toSummary);
}

/** One plan, or undefined when there is none with that id. */
export async function getPlan(db: Queryable, planId: number): Promise<PlanSummary | undefined> {
  const row = await summaries(db).where("p.id", "=", planId).executeTakeFirst();
  return row ? toSummary(row) : undefined;
}

/** The plan as it was read (with corrections made to the draft since), or undefined. */
export async function loadParsedPlan(db: Queryable, planId: number): Promise<ParsedPlan | undefined> {
  const row = await db.selectFrom("plans").select("parsed_json").where("id", "=", planId).executeTakeFirst();
  return row ? (JSON.parse(row.parsed_json) as ParsedPlan) : undefined;
}

/** Stored items of a plan in plan order, with their deadlines and executors parsed. */
export async function loadPlanItems(db: Queryable, planId: number) {
  const rows = await db
    .selectFrom("items")
    .select([
      "id",
      "number",
      "parent_number",
      "title",
      "result",
      "deadline_json",
      "executors_json",
      "position",
    ])
    .where("plan_id", "=", planId)
    .orderBy("position")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    parent: r.parent_number,
    title: r.title,
    result: r.result,
    position: r.position,
    deadline: JSON.parse(r.deadline_json) as Deadline,
    executors: JSON.parse(r.executors_json) as ParsedPlan["items"][number]["executors"],
  }));
}

async function requireDraft(db: Queryable, planId: number) {
  const plan = await db.selectFrom("plans").selectAll().where("id", "=", planId).executeTakeFirst();
  if (!plan) throw new PlanStateError("not_found", `плана ${planId} нет`);
  if (plan.status !== "draft")
    throw new PlanStateError("not_draft", `план ${planId} не черновик (${statusText(plan.status)})`);
  return plan;
}

/**
 * Corrects the deadline of one item of a draft (a deadline the importer could not read, fixed by
 * a coordinator): the item row and the stored parsed plan both change, so publishing uses it.
 */
export async function setDraftItemDeadline(
  db: Queryable,
  change: { planId: number; itemId: number; deadline: Deadline; by: number | null; at: Date },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const plan = await requireDraft(trx, change.planId);
    const item = await trx
      .selectFrom("items")
      .select(["id", "number", "position", "deadline_raw"])
      .where("id", "=", change.itemId)
      .where("plan_id", "=", change.planId)
      .executeTakeFirst();
    if (!item) throw new PlanStateError("bad_item", `в плане ${change.planId} нет такого пункта`);
    await trx
      .updateTable("items")
      .set({
        deadline_raw: change.deadline.raw,
        deadline_kind: change.deadline.kind,
        deadline_json: JSON.stringify(change.deadline),
      })
      .where("id", "=", item.id)
      .execute();
    const parsed = JSON.parse(plan.parsed_json) as ParsedPlan;
    const parsedItem = parsed.items[item.position];
    if (parsedItem) parsedItem.deadline = change.deadline;
    await trx
      .updateTable("plans")
      .set({ parsed_json: JSON.stringify(parsed) })
      .where("id", "=", change.planId)
      .execute();
    await recordAudit(trx, {
      at: change.at,
      userId: change.by,
      action: "plan.fix_deadline",
      entity: "item",
      entityId: item.id,
      details: { plan: change.planId, item: item.number, from: item.deadline_raw, to: change.deadline },
    });
  });
}

/** Cancels a draft: it stays stored (audit) but can no longer be published. */
export async function cancelDraft(
  db: Queryable,
  planId: number,
  by: { by: number | null; at: Date },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await requireDraft(trx, planId);
    await trx.updateTable("plans").set({ status: "cancelled" }).where("id", "=", planId).execute();
    await recordAudit(trx, {
      at: by.at,
      userId: by.by,
      action: "plan.cancel",
      entity: "plan",
      entityId: planId,
    });
  });
}

export { PlanStateError, type PlanStatus, statusText } from "./plan-errors.js";
export type { EventRecorded, PublishOptions, PublishResult } from "./publish.js";
export { addUnitAssignments, listAwaitedEvents, publishPlan, recordEvent } from "./publish.js";
