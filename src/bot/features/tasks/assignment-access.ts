// Whether a press on an assignment's button may act: the assignment exists, its plan is the
// published one (not a replaced version, a draft or a cancelled plan), and the presser is a
// member of its unit. Checked on every press and again before a dialogue stores anything.
import type { DB } from "../../../../db/database.js";
import { loadActor } from "../../../../db/queries/actors.js";
import { type AssignmentInfo, loadAssignment } from "../../../../db/queries/assignments.js";
import { type Actor, canActForUnit } from "../../../domain/permissions.js";

export type AccessCheck =
  | { ok: true; info: AssignmentInfo }
  | { ok: false; reason: "not_found" | "plan_replaced" | "plan_closed" | "not_member" };

/** `who`: the presser's id, or their rights when already loaded (one read less a press). */
export async function checkAssignmentAccess(
  db: DB,
  who: number | Actor,
  assignmentId: number,
): Promise<AccessCheck> {
  const info = await loadAssignment(db, assignmentId);
  if (!info) return { ok: false, reason: "not_found" };
  if (info.planStatus === "replaced") return { ok: false, reason: "plan_replaced" };
  if (info.planStatus !== "published") return { ok: false, reason: "plan_closed" };
  const actor = typeof who === "number" ? await loadActor(db, who) : who;
  if (!canActForUnit(actor, info.unitId)) return { ok: false, reason: "not_member" };
  return { ok: true, info };
}

/** The Fluent key of the answer to a refused press. */
export function refusalKey(reason: Exclude<AccessCheck, { ok: true }>["reason"]): string {
  return {
    not_found: "done-not-found",
    plan_replaced: "done-plan-replaced",
    plan_closed: "done-plan-closed",
    not_member: "done-not-yours",
  }[reason];
}
