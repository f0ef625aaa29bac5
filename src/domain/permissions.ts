// Who may do what: executors act for the units they are members of; coordinators see and manage
// the units of their scopes (a scope unit covers its whole subtree; a null scope or the admin flag
// covers the whole deployment). Pure: the caller loads the actor and the unit tree.

/** A user as the permission checks see them (load with `loadActor` from db/queries/actors.ts). */
export interface Actor {
  /** Telegram user id. */
  userId: number;
  /** An `ADMIN_IDS` user (or one made admin on the command line): coordinator over everything. */
  isAdmin: boolean;
  /** Units the user is an active member of (acts for them as an executor). */
  unitIds: number[];
  /** Active coordinator scopes: a unit id (that unit and its whole subtree) or null (everything). */
  coordinatorScopes: (number | null)[];
}

/** The shape of a unit the tree walks need. */
export interface UnitNode {
  id: number;
  parentUnitId: number | null;
}

/** An actor with no rights at all: a stranger, or an update with no sender. */
export function anonymousActor(userId: number): Actor {
  return { userId, isAdmin: false, unitIds: [], coordinatorScopes: [] };
}

/** True for admins and for anyone with at least one active coordinator scope. */
export function isCoordinator(actor: Actor): boolean {
  return actor.isAdmin || actor.coordinatorScopes.length > 0;
}

/** True when the actor coordinates the whole deployment (admin, or a null scope). */
export function coordinatesEverything(actor: Actor): boolean {
  return actor.isAdmin || actor.coordinatorScopes.includes(null);
}

/**
 * Plans and events concern the whole deployment (publishing creates roles and units for everyone),
 * so only coordinators over everything upload, publish, replace plans and record events.
 */
export function canManagePlans(actor: Actor): boolean {
  return coordinatesEverything(actor);
}

/** True when the actor is linked to the unit as an executor (any member may act for it). */
export function canActForUnit(actor: Actor, unitId: number): boolean {
  return actor.unitIds.includes(unitId);
}

/**
 * The ids of `rootIds` and of every unit below them in `units`. Units whose parent chain loops
 * are still visited once (the walk never repeats a unit).
 */
export function subtreeOf(rootIds: Iterable<number>, units: readonly UnitNode[]): Set<number> {
  const children = new Map<number, number[]>();
  for (const u of units) {
    if (u.parentUnitId === null) continue;
    const list = children.get(u.parentUnitId);
    if (list) list.push(u.id);
    else children.set(u.parentUnitId, [u.id]);
  }
  const seen = new Set<number>();
  const stack = [...rootIds];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const child of children.get(id) ?? []) stack.push(child);
  }
  return seen;
}

/**
 * True when the actor may coordinate the unit: admin or whole-deployment scope, or the unit is a
 * scope unit or lies below one in `tree` (all units, or at least the unit's ancestors).
 */
export function canCoordinateUnit(actor: Actor, unitId: number, tree: readonly UnitNode[]): boolean {
  if (coordinatesEverything(actor)) return true;
  const scopes = new Set(actor.coordinatorScopes.filter((s): s is number => s !== null));
  if (scopes.size === 0) return false;
  const parentOf = new Map(tree.map((u) => [u.id, u.parentUnitId]));
  const seen = new Set<number>();
  let current: number | null | undefined = unitId;
  // Walk up from the unit; stop at the root or on a loop.
  while (current !== null && current !== undefined && !seen.has(current)) {
    if (scopes.has(current)) return true;
    seen.add(current);
    current = parentOf.get(current);
  }
  return false;
}

/**
 * The units whose plans and assignments the actor may see: "all" for a whole-deployment
 * coordinator; otherwise the subtrees of the actor's coordinator scopes plus the units the actor
 * is a member of. Ids in the result are always ids present in `units` or the actor's own units.
 */
export function unitsVisibleTo(actor: Actor, units: readonly UnitNode[]): Set<number> | "all" {
  if (coordinatesEverything(actor)) return "all";
  const scopeRoots = actor.coordinatorScopes.filter((s): s is number => s !== null);
  const visible = subtreeOf(scopeRoots, units);
  for (const id of actor.unitIds) visible.add(id);
  return visible;
}

/**
 * The units the actor may coordinate (create invites for, rename, approve requests into):
 * "all", or the subtrees of the actor's scopes. Membership alone gives no coordination.
 */
export function unitsCoordinatedBy(actor: Actor, units: readonly UnitNode[]): Set<number> | "all" {
  if (coordinatesEverything(actor)) return "all";
  const scopeRoots = actor.coordinatorScopes.filter((s): s is number => s !== null);
  return subtreeOf(scopeRoots, units);
}
