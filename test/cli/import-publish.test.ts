import { execFile } from "node:child_process";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import type { ParsedPlan } from "../../src/domain/plan/types.js";
import { REPO, seedFiles, srok, tempDir } from "./cli-harness.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const env = { DATABASE_URL: join(tmp.dir, "data", "srok.sqlite") };

/** Reads the database the command line wrote (a plain connection, as an operator would). */
function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new SQLite(env.DATABASE_URL, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
const one = (sql: string, ...params: unknown[]) =>
  Object.values(query<Record<string, unknown>>(sql, ...params)[0]!)[0];

/** What publishing must create, restated from the rules: occurrences by kind, one unit per role. */
function expectedCounts(p: ParsedPlan) {
  let occurrences = 0;
  let assignments = 0;
  for (const item of p.items) {
    const k = item.deadline.kind;
    const n =
      k === "dated" || k === "recurring"
        ? new Set(item.deadline.occurrences.map((o) => `${o.start}|${o.due}`)).size
        : k === "continuous" || k === "on_demand"
          ? 1
          : 0;
    occurrences += n;
    assignments += n * new Set(item.executors.map((e) => e.name)).size;
  }
  const roles = new Set(p.items.flatMap((i) => i.executors.map((e) => e.name))).size;
  return { roles, occurrences, assignments };
}

describe("srok import, plans, publish, admin, backup, migrate against one database", () => {
  const seed = seedFiles()[1]!; // 001: dated, recurring, relative, on-demand and empty deadlines

  it("imports a draft, lists it, publishes it with roles, units, occurrences and assignments", async () => {
    const imported = await srok(["import", seed], env);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("Черновик сохранён: план 1. Опубликовать: srok publish 1");

    const parsed = JSON.parse(one("SELECT parsed_json FROM plans WHERE id = 1") as string) as ParsedPlan;
    const listed = await srok(["plans", "--json"], env);
    expect(JSON.parse(listed.stdout).plans).toEqual([
      expect.objectContaining({
        id: 1,
        status: "draft",
        title: parsed.title,
        items: parsed.items.length,
        assignments: 0,
      }),
    ]);

    const published = await srok(["publish", "1"], env);
    expect(published.stderr).toBe("");
    expect(published.code).toBe(0);
    expect(published.stdout).toContain("План 1 опубликован.");

    const want = expectedCounts(parsed);
    expect(want.occurrences).toBeGreaterThan(0);
    expect(one("SELECT count(*) FROM roles")).toBe(want.roles);
    expect(one("SELECT count(*) FROM units")).toBe(want.roles);
    expect(one("SELECT count(*) FROM occurrences")).toBe(want.occurrences);
    expect(one("SELECT count(*) FROM assignments")).toBe(want.assignments);
    expect(one("SELECT status FROM plans WHERE id = 1")).toBe("published");
    expect(published.stdout).toContain(`сроков: ${want.occurrences} · назначений: ${want.assignments}`);
    // Seed 001 has relative deadlines: they wait for an event.
    const relative = parsed.items.filter((i) => i.deadline.kind === "relative").length;
    expect(relative).toBeGreaterThan(0);
    expect(published.stdout).toMatch(new RegExp(`Ждут события: ${relative} пункт`));
  });

  it("publishes a corrected version with --replaces, keeping the state of unchanged items", async () => {
    const a = Number(one("SELECT min(a.id) FROM assignments a"));
    const db = new SQLite(env.DATABASE_URL);
    db.prepare("UPDATE assignments SET status = 'done', done_by = 42, comment = 'сделано' WHERE id = ?").run(
      a,
    );
    db.close();

    const imported = await srok(["import", seed, "--json"], env);
    expect(JSON.parse(imported.stdout)).toMatchObject({ id: 2, status: "draft" });
    const replaced = await srok(["publish", "2", "--replaces", "1"], env);
    expect(replaced.stderr).toBe("");
    const items = Number(one("SELECT count(*) FROM items i JOIN plans p ON p.id = i.plan_id WHERE p.id = 2"));
    expect(replaced.stdout).toContain(
      `Заменяет план 1: без изменений ${items}, изменено 0, новых 0, удалено 0.`,
    );
    expect(replaced.stdout).toContain("Перенесено отметок: 1, отчётов: 0.");
    expect(query("SELECT id, status, replaces_plan_id FROM plans ORDER BY id")).toEqual([
      { id: 1, status: "replaced", replaces_plan_id: null },
      { id: 2, status: "published", replaces_plan_id: 1 },
    ]);
    expect(
      query(
        `SELECT a.status, a.comment FROM assignments a JOIN occurrences o ON o.id = a.occurrence_id
         JOIN items i ON i.id = o.item_id WHERE i.plan_id = 2 AND a.status = 'done'`,
      ),
    ).toEqual([{ status: "done", comment: "сделано" }]);
  });

  it("makes an admin with a coordinator scope over everything, once", async () => {
    const first = await srok(["admin", "add", "123456789"], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Пользователь 123456789 теперь администратор");
    const again = await srok(["admin", "add", "123456789"], env);
    expect(again.stdout).toContain("уже администратор");
    expect(query("SELECT id, is_admin FROM users")).toEqual([{ id: 123456789, is_admin: 1 }]);
    expect(query("SELECT user_id, unit_id, revoked_at FROM coordinator_scopes")).toEqual([
      { user_id: 123456789, unit_id: null, revoked_at: null },
    ]);
  });

  it("backs the database up into a complete copy, and migrate finds nothing to do", async () => {
    const target = join(tmp.dir, "backups", "copy.sqlite");
    const backup = await srok(["backup", target], env);
    expect(backup.stderr).toBe("");
    expect(backup.stdout).toContain(`Копия базы записана: ${target}`);
    const copy = new SQLite(target, { readonly: true });
    expect(copy.prepare("SELECT id, status FROM plans ORDER BY id").all()).toEqual([
      { id: 1, status: "replaced" },
      { id: 2, status: "published" },
    ]);
    expect(copy.prepare("SELECT count(*) AS n FROM assignments").get()).toEqual({
      n: one("SELECT count(*) FROM assignments"),
    });
    copy.close();

    const migrate = await srok(["migrate"], env);
    expect(migrate.stdout.trim()).toBe("Схема базы уже актуальна.");
  });

  it("lists plans as a table, through the `srok` bin too", async () => {
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ["bin/srok.js", "plans"],
        { cwd: REPO, env: { ...process.env, ...env } },
        (e, stdout) => (e ? reject(e) : resolve(stdout)),
      ),
    );
    expect(out).toMatch(/^id\s+статус\s+период\s+пунктов\s+назначений\s+название$/m);
    expect(out).toMatch(/^\s*2\s+опубликован\s+2020\s+\d+\s+\d+\s+План работы Общественного совета/m);
    expect(out).toMatch(/^\s*1\s+заменён\s+2020\s+/m);
  });
});
