// What a uploaded units list means against the units already there: which rows create a unit
// (under which parent, with which role), which name a unit that exists, and which are problems
// (and why). Pure: the caller loads roles and units, then applies the plan in one transaction.
import { nameKey, type RoleInfo, type UnitInfo } from "../../../../db/queries/units.js";
import {
  type Actor,
  canCoordinateUnit,
  coordinatesEverything,
  type UnitNode,
} from "../../../domain/permissions.js";
import type { UnitsListRow } from "./read-list.js";

export type ProblemCode =
  | "no_role"
  | "no_unit"
  | "too_long"
  | "duplicate"
  | "unknown_role"
  | "not_in_scope"
  | "parent_required"
  | "parent_not_found"
  | "parent_ambiguous"
  | "parent_not_in_scope"
  | "parent_bad"
  | "parent_cycle"
  | "parent_self";

/** Where a new unit goes: an existing unit, or a unit created from another row of the file. */
export type ParentRef = { unitId: number } | { line: number } | null;

export type PlannedRow =
  | {
      kind: "create";
      row: UnitsListRow;
      /** An existing role's id, or null: the role named in the row is created too. */
      roleId: number | null;
      roleName: string;
      parent: ParentRef;
      /** Parents first: a row is created after the row it goes under. */
      depth: number;
    }
  | { kind: "existing"; row: UnitsListRow; unit: UnitInfo; parentDiffers: boolean }
  | { kind: "problem"; row: UnitsListRow; code: ProblemCode; ref?: number };

export interface UnitsWorld {
  roles: RoleInfo[];
  /** Live units. */
  units: UnitInfo[];
  /** All units (for scope checks). */
  tree: UnitNode[];
}

const MAX_NAME = 200;

/** Decides every row; the result has one entry per input row, in the file's order. */
export function planUnitsList(rows: readonly UnitsListRow[], world: UnitsWorld, actor: Actor): PlannedRow[] {
  const everything = coordinatesEverything(actor);
  const roleByKey = new Map<string, RoleInfo>();
  for (const r of world.roles) {
    for (const a of r.aliases) if (!roleByKey.has(nameKey(a))) roleByKey.set(nameKey(a), r);
  }
  for (const r of world.roles) roleByKey.set(nameKey(r.name), r);
  const coordinated = (unitId: number) => canCoordinateUnit(actor, unitId, world.tree);

  // First pass: everything but the parent of new units.
  const seen = new Map<string, number>();
  const plans: PlannedRow[] = rows.map((row): PlannedRow => {
    if (row.role === "") return { kind: "problem", row, code: "no_role" };
    if (row.unit === "") return { kind: "problem", row, code: "no_unit" };
    if (row.unit.length > MAX_NAME || row.role.length > MAX_NAME || row.parent.length > MAX_NAME)
      return { kind: "problem", row, code: "too_long" };
    const key = `${nameKey(row.role)}\u0000${nameKey(row.unit)}`;
    const first = seen.get(key);
    if (first !== undefined) return { kind: "problem", row, code: "duplicate", ref: first };
    seen.set(key, row.line);
    const role = roleByKey.get(nameKey(row.role));
    if (!role && !everything) return { kind: "problem", row, code: "unknown_role" };
    const unit = role
      ? world.units.find((u) => u.roleId === role.id && nameKey(u.name) === nameKey(row.unit))
      : undefined;
    if (unit) {
      if (!coordinated(unit.id)) return { kind: "problem", row, code: "not_in_scope" };
      const parentDiffers = row.parent !== "" && nameKey(row.parent) !== nameKey(unit.parentName ?? "");
      return { kind: "existing", row, unit, parentDiffers };
    }
    return {
      kind: "create",
      row,
      roleId: role?.id ?? null,
      roleName: role?.name ?? row.role,
      parent: null,
      depth: 0,
    };
  });

  // Second pass: parents of new units, among the file's own new units and the existing ones.
  const createdByKey = new Map<string, number[]>();
  plans.forEach((p, i) => {
    if (p.kind !== "create") return;
    const k = nameKey(p.row.unit);
    createdByKey.set(k, [...(createdByKey.get(k) ?? []), i]);
  });
  const fileParent = new Map<number, number>(); // plan index → index of the row it goes under
  plans.forEach((p, i) => {
    if (p.kind !== "create") return;
    const set = (q: PlannedRow) => {
      plans[i] = q;
    };
    if (p.row.parent === "") {
      if (!everything) set({ kind: "problem", row: p.row, code: "parent_required" });
      return;
    }
    // «Роль — Исполнитель» names the parent exactly when a name alone is ambiguous.
    let k = nameKey(p.row.parent);
    let parentRole: RoleInfo | undefined;
    const titled = /^(.+?)\s+[—–-]\s+(.+)$/.exec(p.row.parent);
    if (titled) {
      parentRole = roleByKey.get(nameKey(titled[1] as string));
      if (parentRole) k = nameKey(titled[2] as string);
    }
    const roleOk = (roleName: string) => !parentRole || nameKey(roleName) === nameKey(parentRole.name);
    if (k === nameKey(p.row.unit) && roleOk(p.roleName) && !world.units.some((u) => nameKey(u.name) === k)) {
      set({ kind: "problem", row: p.row, code: "parent_self" });
      return;
    }
    const inFile = (createdByKey.get(k) ?? []).filter((j) => {
      const q = plans[j];
      return j !== i && q?.kind === "create" && roleOk(q.roleName);
    });
    const existing = world.units.filter((u) => nameKey(u.name) === k && roleOk(u.roleName));
    // An existing unit named in the file as existing is the same unit, not a second candidate.
    if (inFile.length + existing.length === 0) {
      const bad = rows.find((r) => r !== p.row && nameKey(r.unit) === k);
      set({
        kind: "problem",
        row: p.row,
        code: bad ? "parent_bad" : "parent_not_found",
        ...(bad ? { ref: bad.line } : {}),
      });
      return;
    }
    if (inFile.length + existing.length > 1) {
      set({ kind: "problem", row: p.row, code: "parent_ambiguous" });
      return;
    }
    const parentUnit = existing[0];
    if (parentUnit) {
      if (!coordinated(parentUnit.id)) set({ kind: "problem", row: p.row, code: "parent_not_in_scope" });
      else set({ ...p, parent: { unitId: parentUnit.id } });
      return;
    }
    fileParent.set(i, inFile[0] as number);
  });

  // New units under new units: follow the chain; a problem or a loop up the chain spoils the row.
  const state = new Map<number, "visiting" | "done">();
  const resolve = (i: number): PlannedRow => {
    const p = plans[i] as PlannedRow;
    const j = fileParent.get(i);
    if (p.kind !== "create" || j === undefined || state.get(i) === "done") return p;
    if (state.get(i) === "visiting") {
      state.set(i, "done");
      plans[i] = { kind: "problem", row: p.row, code: "parent_cycle" };
      return plans[i] as PlannedRow;
    }
    state.set(i, "visiting");
    const parent = resolve(j);
    // Marked as part of a loop while its parents were followed.
    if (state.get(i) === "done") return plans[i] as PlannedRow;
    state.set(i, "done");
    if (parent.kind === "create")
      plans[i] = { ...p, parent: { line: parent.row.line }, depth: parent.depth + 1 };
    else if (parent.kind === "problem" && parent.code === "parent_cycle")
      plans[i] = { kind: "problem", row: p.row, code: "parent_cycle" };
    else plans[i] = { kind: "problem", row: p.row, code: "parent_bad", ref: parent.row.line };
    return plans[i] as PlannedRow;
  };
  for (const i of [...fileParent.keys()]) resolve(i);
  return plans;
}
