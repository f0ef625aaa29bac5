import { describe, expect, it } from "vitest";
import {
  type Actor,
  canActForUnit,
  canCoordinateUnit,
  coordinatesEverything,
  isCoordinator,
  subtreeOf,
  type UnitNode,
  unitsCoordinatedBy,
  unitsVisibleTo,
} from "../../src/domain/permissions.js";

// Tver region (1) > Bezhetsk district (2) > schools 3, 4; Kimry district (5) > school 6.
const tree: UnitNode[] = [
  { id: 1, parentUnitId: null },
  { id: 2, parentUnitId: 1 },
  { id: 3, parentUnitId: 2 },
  { id: 4, parentUnitId: 2 },
  { id: 5, parentUnitId: 1 },
  { id: 6, parentUnitId: 5 },
  { id: 7, parentUnitId: null },
];

const actor = (a: Partial<Actor>): Actor => ({
  userId: 100,
  isAdmin: false,
  unitIds: [],
  coordinatorScopes: [],
  ...a,
});

describe("executors", () => {
  it("act only for the units they are members of", () => {
    const ira = actor({ unitIds: [3] });
    expect(canActForUnit(ira, 3)).toBe(true);
    expect(canActForUnit(ira, 4)).toBe(false);
    expect(canActForUnit(ira, 2)).toBe(false);
  });

  it("are not coordinators and coordinate nothing, not even their own unit", () => {
    const ira = actor({ unitIds: [2] });
    expect(isCoordinator(ira)).toBe(false);
    expect(canCoordinateUnit(ira, 2, tree)).toBe(false);
    expect(canCoordinateUnit(ira, 3, tree)).toBe(false);
    expect(unitsCoordinatedBy(ira, tree)).toEqual(new Set());
  });

  it("see their own units only", () => {
    expect(unitsVisibleTo(actor({ unitIds: [3, 6] }), tree)).toEqual(new Set([3, 6]));
    expect(unitsVisibleTo(actor({}), tree)).toEqual(new Set());
  });
});

describe("scoped coordinators", () => {
  const bezhetsk = actor({ coordinatorScopes: [2] });

  it("coordinate the scope unit and its whole subtree", () => {
    expect(isCoordinator(bezhetsk)).toBe(true);
    expect(coordinatesEverything(bezhetsk)).toBe(false);
    expect(canCoordinateUnit(bezhetsk, 2, tree)).toBe(true);
    expect(canCoordinateUnit(bezhetsk, 3, tree)).toBe(true);
    expect(canCoordinateUnit(bezhetsk, 4, tree)).toBe(true);
  });

  it("do not coordinate the parent, siblings or other trees", () => {
    expect(canCoordinateUnit(bezhetsk, 1, tree)).toBe(false);
    expect(canCoordinateUnit(bezhetsk, 5, tree)).toBe(false);
    expect(canCoordinateUnit(bezhetsk, 6, tree)).toBe(false);
    expect(canCoordinateUnit(bezhetsk, 7, tree)).toBe(false);
    expect(canCoordinateUnit(bezhetsk, 999, tree)).toBe(false);
  });

  it("a scope high in the tree covers grandchildren", () => {
    const region = actor({ coordinatorScopes: [1] });
    expect(canCoordinateUnit(region, 6, tree)).toBe(true);
    expect(unitsVisibleTo(region, tree)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });

  it("see their subtree plus units they are members of", () => {
    expect(unitsVisibleTo(actor({ coordinatorScopes: [5], unitIds: [7] }), tree)).toEqual(new Set([5, 6, 7]));
    expect(unitsCoordinatedBy(actor({ coordinatorScopes: [5], unitIds: [7] }), tree)).toEqual(
      new Set([5, 6]),
    );
  });

  it("survive a loop in the parent chain", () => {
    const loop: UnitNode[] = [
      { id: 1, parentUnitId: 2 },
      { id: 2, parentUnitId: 1 },
      { id: 3, parentUnitId: null },
    ];
    expect(canCoordinateUnit(actor({ coordinatorScopes: [3] }), 1, loop)).toBe(false);
    expect(canCoordinateUnit(actor({ coordinatorScopes: [2] }), 1, loop)).toBe(true);
    expect(subtreeOf([1], loop)).toEqual(new Set([1, 2]));
  });
});

describe("whole-deployment coordinators", () => {
  it("admins coordinate and see everything", () => {
    const admin = actor({ isAdmin: true });
    expect(isCoordinator(admin)).toBe(true);
    expect(coordinatesEverything(admin)).toBe(true);
    expect(canCoordinateUnit(admin, 6, tree)).toBe(true);
    expect(canCoordinateUnit(admin, 7, tree)).toBe(true);
    expect(unitsVisibleTo(admin, tree)).toBe("all");
    expect(unitsCoordinatedBy(admin, tree)).toBe("all");
  });

  it("a null scope is the same as admin for coordination, but not for acting as a member", () => {
    const coord = actor({ coordinatorScopes: [null] });
    expect(isCoordinator(coord)).toBe(true);
    expect(unitsVisibleTo(coord, tree)).toBe("all");
    expect(canCoordinateUnit(coord, 4, tree)).toBe(true);
    expect(canActForUnit(coord, 4)).toBe(false);
  });
});
