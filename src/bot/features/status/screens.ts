// What the coordinators' features share: who may see status (and which units), and building each
// /status screen from the database for that reader. Rights are checked on every call: a screen of
// a plan, unit or item outside the reader's scope is refused, whatever the button said.

import { loadUnitTree } from "../../../../db/queries/actors.js";
import {
  listVisiblePlanIds,
  loadItemDetail,
  loadOverdueCandidates,
  loadStatusRows,
  loadStatusScope,
  loadUnitGroups,
  planOfSection,
} from "../../../../db/queries/status.js";
import { canCoordinateUnit, coordinatesEverything, isCoordinator } from "../../../domain/permissions.js";
import type { StatusButton } from "../../../domain/status/callback-data.js";
import { catalogOf } from "../../../domain/status/catalog.js";
import { computeStatus } from "../../../domain/status/compute-status.js";
import type { RenderedMessage } from "../../../domain/status/format.js";
import { summarizeItem } from "../../../domain/status/item-detail.js";
import { overdueByUnit } from "../../../domain/status/overdue.js";
import { renderItem, renderItemReports } from "../../../domain/status/render-item.js";
import {
  renderHome,
  renderPlan,
  renderRole,
  renderRoles,
  renderSection,
  renderSections,
  renderUnit,
  renderUnits,
} from "../../../domain/status/render-status.js";
import type { StatusScope } from "../../../domain/status/types.js";
import { countByUnit } from "../../../domain/status/unit-counts.js";
import { unitTree } from "../../../domain/status/unit-tree.js";
import type { BaseContext } from "../../context.js";
import { loadReader, type Reader } from "../../reader.js";
import { answerPress } from "../../screen.js";

/** A coordinator reading status: rights, zone, local today, language, and the units they see. */
export interface StatusReader extends Reader {
  scope: StatusScope;
}

/** The sender as a status reader, or null when they coordinate nothing. */
export async function loadStatusReader(ctx: BaseContext): Promise<StatusReader | null> {
  const userId = ctx.from?.id;
  if (userId === undefined) return null;
  const reader = await loadReader(ctx, userId);
  if (!isCoordinator(reader.actor)) return null;
  return { ...reader, scope: await loadStatusScope(ctx.app.deps.db, reader.actor) };
}

/**
 * A press on a coordinator's button (status, overdue, export): its data read and the presser's
 * status reader; or null, the press answered: a stale or forged button, or not a coordinator.
 */
export async function coordinatorPress<B>(
  ctx: BaseContext,
  button: B | null,
  refusals: { stale: string; notCoordinator: string },
): Promise<{ button: B; reader: StatusReader } | null> {
  if (!button) {
    await answerPress(ctx, ctx.t(refusals.stale), true);
    return null;
  }
  const reader = await loadStatusReader(ctx);
  if (!reader) {
    await answerPress(ctx, ctx.t(refusals.notCoordinator), true);
    return null;
  }
  return { button, reader };
}

/** The refusals of the status and overdue buttons. */
export const STATUS_REFUSALS = { stale: "status-stale", notCoordinator: "status-not-coordinator" };

/** A screen, or the key of the refusal to answer the press with. */
export type Screen = { ok: true; view: RenderedMessage } | { ok: false; key: string };

const stale: Screen = { ok: false, key: "status-stale" };
const noAccess: Screen = { ok: false, key: "status-no-access" };

/** Builds the screen a /status button asks for, for this reader. */
export async function buildStatusScreen(
  ctx: BaseContext,
  reader: StatusReader,
  b: Exclude<StatusButton, { v: "remind" | "needs" }>,
): Promise<Screen> {
  const { db } = ctx.app.deps;
  const common = { today: reader.today, locale: reader.locale };
  const t = ctx.t.bind(ctx) as (key: string, vars?: Record<string, string | number>) => string;
  const scope = reader.scope;

  if (b.v === "open" || b.v === "home") {
    const rows = await loadStatusRows(db, { scope, grain: "item" });
    const report = computeStatus(rows, reader.today, scope);
    const catalog = catalogOf(rows);
    const only = report.plans.length === 1 ? report.plans[0] : undefined;
    const view = only
      ? renderPlan({ ...common, catalog, plan: only, multiplePlans: false }, t)
      : renderHome({ ...common, catalog, report }, t);
    return { ok: true, view };
  }

  if (b.v === "item" || b.v === "reports") {
    const detail = await loadItemDetail(db, b.item, scope);
    if (!detail) return stale;
    if (scope !== "all" && detail.assignments.length === 0) return noAccess;
    const data = {
      detail,
      summary: summarizeItem(detail, reader.today),
      page: b.page,
      zone: reader.zone,
      canConfigure: coordinatesEverything(reader.actor),
      ...common,
    };
    return { ok: true, view: b.v === "item" ? renderItem(data, t) : renderItemReports(data, t) };
  }

  const planId =
    b.v === "section" ? await planOfSection(ctx.app.deps.db, b.section) : "plan" in b ? b.plan : undefined;
  if (planId === undefined) return stale;
  const rows = await loadStatusRows(db, { planIds: [planId], scope, grain: "item" });
  const report = computeStatus(rows, reader.today, scope);
  const plan = report.plans[0];
  if (!plan) return rows.plans.length === 0 ? stale : noAccess;
  const catalog = catalogOf(rows);
  const base = { ...common, catalog, plan };

  switch (b.v) {
    case "plan": {
      const visible = await listVisiblePlanIds(db, scope);
      return { ok: true, view: renderPlan({ ...base, multiplePlans: visible.length > 1 }, t) };
    }
    case "sections":
      return { ok: true, view: renderSections({ ...base, page: b.page }, t) };
    case "section":
      return { ok: true, view: renderSection({ ...base, sectionId: b.section, page: b.page }, t) };
    case "loose":
      return { ok: true, view: renderSection({ ...base, sectionId: null, page: b.page }, t) };
    case "roles":
      return { ok: true, view: renderRoles({ ...base, page: b.page }, t) };
    case "role":
    case "units":
    case "unit": {
      // Per-unit counts grouped in SQL: a few rows per unit, not one per assignment.
      const groups = await loadUnitGroups(db, planId, reader.today, scope);
      const tree = unitTree(countByUnit(groups, plan.plan.markCountsAsDone, scope), rows.units, scope);
      if (b.v === "role")
        return { ok: true, view: renderRole({ ...base, tree, roleId: b.role, page: b.page }, t) };
      if (b.v === "units") return { ok: true, view: renderUnits({ ...base, tree, page: b.page }, t) };
      if (!(await mayCoordinate(ctx, reader, b.unit))) return noAccess;
      const candidates = await loadOverdueCandidates(db, reader.today, scope, { unitIds: [b.unit] });
      const overdue = (overdueByUnit(candidates, reader.today, scope)[0]?.items ?? [])
        .filter((i) => i.planId === planId)
        .map((i) => ({ itemId: i.itemId, number: i.number, title: i.title, daysLate: i.daysLate }));
      return { ok: true, view: renderUnit({ ...base, tree, unitId: b.unit, page: b.page, overdue }, t) };
    }
  }
}

/** True when the reader coordinates the unit (its scope covers it). */
export async function mayCoordinate(
  ctx: BaseContext,
  reader: StatusReader,
  unitId: number,
): Promise<boolean> {
  if (reader.scope === "all") return true;
  if (reader.scope.has(unitId)) return true;
  return canCoordinateUnit(reader.actor, unitId, await loadUnitTree(ctx.app.deps.db));
}
