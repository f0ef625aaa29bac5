// The kv table's helpers: many keys at once, and the adapter that remembers absent keys.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, openMigratedDatabase } from "../../db/database.js";
import {
  type KvAdapter,
  kvAdapter,
  kvDeleteMany,
  kvEntries,
  kvGet,
  kvKeys,
  kvSetMany,
  rememberAbsentKeys,
} from "../../db/queries/kv.js";

let db: DB;
const at = new Date("2026-03-02T09:00:00Z");

beforeEach(async () => {
  db = await openMigratedDatabase(":memory:");
});
afterEach(async () => {
  await db.destroy();
});

describe("many keys at once", () => {
  it("sets, replaces, lists by prefix in key order and deletes", async () => {
    await kvSetMany(
      db,
      [
        { key: "inbox:2", value: { n: 2 } },
        { key: "inbox:1", value: { n: 1 } },
        { key: "other", value: "x" },
      ],
      at,
    );
    await kvSetMany(db, [{ key: "inbox:2", value: { n: 22 } }], at);
    expect(await kvEntries(db, "inbox:")).toEqual([
      { key: "inbox:1", value: { n: 1 } },
      { key: "inbox:2", value: { n: 22 } },
    ]);
    await kvDeleteMany(db, ["inbox:1", "inbox:2", "inbox:3"]);
    expect(await kvKeys(db, "")).toEqual(["other"]);
    await kvSetMany(db, [], at);
    await kvDeleteMany(db, []);
    expect(await kvGet(db, "other")).toBe("x");
  });
});

describe("rememberAbsentKeys", () => {
  function counted(): { adapter: KvAdapter<{ s: number }>; reads: () => number } {
    const inner = kvAdapter<{ s: number }>(db, "c:", () => at);
    let n = 0;
    return {
      adapter: {
        ...inner,
        read: (k) => {
          n += 1;
          return inner.read(k);
        },
      },
      reads: () => n,
    };
  }

  it("reads an absent key once, then answers from memory until it is written", async () => {
    const { adapter, reads } = counted();
    const cached = rememberAbsentKeys(adapter);
    expect(await cached.read("1")).toBeUndefined();
    expect(await cached.read("1")).toBeUndefined();
    expect(reads()).toBe(1);
    await cached.write("1", { s: 5 });
    expect(await cached.read("1")).toEqual({ s: 5 });
    expect(await kvGet(db, "c:1")).toEqual({ s: 5 });
    await cached.delete("1");
    expect(await cached.read("1")).toBeUndefined();
    expect(reads()).toBe(2);
    expect(await kvGet(db, "c:1")).toBeUndefined();
  });

  it("always reads a key that exists, and forgets everything past its bound", async () => {
    const { adapter, reads } = counted();
    const cached = rememberAbsentKeys(adapter, 2);
    await cached.write("a", { s: 1 });
    expect(await cached.read("a")).toEqual({ s: 1 });
    expect(await cached.read("a")).toEqual({ s: 1 });
    await cached.read("x");
    await cached.read("y");
    await cached.read("z"); // the third absent key empties the memory first
    await cached.read("x");
    expect(reads()).toBe(6);
  });
});
