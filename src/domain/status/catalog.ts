// Names by id for the screens: plans, sections, items, roles, units of a status load.
import type { StatusItem, StatusPlan, StatusRole, StatusRows, StatusSection, StatusUnit } from "./types.js";

/** Plans, sections, items, roles and units by id. */
export interface StatusCatalog {
  plans: Map<number, StatusPlan>;
  sections: Map<number, StatusSection>;
  items: Map<number, StatusItem>;
  roles: Map<number, StatusRole>;
  units: Map<number, StatusUnit>;
}

/** Lookup maps over the rows of a status load. */
export function catalogOf(rows: StatusRows): StatusCatalog {
  return {
    plans: new Map(rows.plans.map((p) => [p.id, p])),
    sections: new Map(rows.sections.map((s) => [s.id, s])),
    items: new Map(rows.items.map((i) => [i.id, i])),
    roles: new Map(rows.roles.map((r) => [r.id, r])),
    units: new Map(rows.units.map((u) => [u.id, u])),
  };
}
