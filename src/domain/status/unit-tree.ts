// Counts of units with their subtrees (a municipality with its schools), and which units head
// the reader's view: the top of what they see.
import { addCounts, emptyCounts } from "./counts.js";
import type { Counts, StatusScope, StatusUnit } from "./types.js";

/** A unit's own counts and those of its visible subtree. */
export interface UnitTreeCounts {
  own: Counts;
  subtree: Counts;
}

/** The tree of units a report's counts are spread over, as far as the reader sees it. */
export interface UnitTree {
  counts: Map<number, UnitTreeCounts>;
  /** Visible units with counts whose parent is not visible (or has none), by name. */
  roots: number[];
  /** Children with counts of each unit, by name. */
  children: Map<number, number[]>;
}

/**
 * Rolls each unit's own counts up to its visible ancestors (a unit outside `scope` gets nothing:
 * a scoped coordinator never sees counts of a parent above their scope).
 */
export function unitTree(
  own: readonly { unitId: number; counts: Counts }[],
  units: readonly StatusUnit[],
  scope: StatusScope,
): UnitTree {
  const byId = new Map(units.map((u) => [u.id, u]));
  const visible = (id: number) => scope === "all" || scope.has(id);
  const counts = new Map<number, UnitTreeCounts>();
  const entry = (id: number) => {
    let e = counts.get(id);
    if (!e) {
      e = { own: emptyCounts(), subtree: emptyCounts() };
      counts.set(id, e);
    }
    return e;
  };
  for (const { unitId, counts: c } of own) {
    if (!visible(unitId)) continue;
    addCounts(entry(unitId).own, c);
    const seen = new Set<number>();
    let current: number | null | undefined = unitId;
    while (current !== null && current !== undefined && !seen.has(current) && visible(current)) {
      seen.add(current);
      addCounts(entry(current).subtree, c);
      current = byId.get(current)?.parentId;
    }
  }
  const name = (id: number) => byId.get(id)?.name ?? "";
  const sortByName = (ids: number[]) =>
    ids.sort((a, b) => name(a).localeCompare(name(b), "ru", { numeric: true }) || a - b);
  const roots: number[] = [];
  const children = new Map<number, number[]>();
  for (const id of counts.keys()) {
    const parent = byId.get(id)?.parentId ?? null;
    if (parent !== null && parent !== id && counts.has(parent)) {
      const list = children.get(parent) ?? [];
      list.push(id);
      children.set(parent, list);
    } else roots.push(id);
  }
  for (const list of children.values()) sortByName(list);
  return { counts, roots: sortByName(roots), children };
}
