import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase, openMigratedDatabase } from "../../db/database.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("database", () => {
  it("creates the file and its folder on first use and migrates it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "srok-db-"));
    dirs.push(dir);
    const db = await openMigratedDatabase(join(dir, "nested", "srok.sqlite"));
    const tables = (await db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining(["plans", "items", "assignments", "outbox", "kv", "audit_log"]),
    );
    expect(await migrateToLatest(db)).toEqual([]);
    await db.destroy();
  });

  it("refuses PostgreSQL URLs with a clear message until that dialect lands", () => {
    expect(() => openDatabase("postgres://u@h/db")).toThrow(/PostgreSQL is not supported yet/);
  });
});
