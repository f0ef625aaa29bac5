import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase, snapshot } from "./cli-database.js";
import { type BadInput, type CliRun, errorLines, runAll, srok, tempDir } from "./cli-harness.js";

const tmp = tempDir();
const env = { DATABASE_URL: join(tmp.dir, "srok.sqlite") };
const existing = join(tmp.dir, "existing.sqlite");

// Plan 1 is published, 2 and 3 are drafts (see cli-database.ts).
const cases: BadInput[] = [
  {
    name: "plan id not a number",
    args: ["publish", "первый"],
    code: 2,
    says: /PLAN_ID — номер плана из srok plans/,
  },
  {
    name: "no plan id",
    args: ["publish"],
    code: 2,
    says: /укажите номер плана; использование: srok publish/,
  },
  { name: "unknown plan", args: ["publish", "999"], code: 1, says: /^srok: плана 999 нет$/ },
  {
    name: "publish a published plan",
    args: ["publish", "1"],
    code: 1,
    says: /план 1 не черновик \(опубликован\)/,
  },
  {
    name: "replace a draft",
    args: ["publish", "2", "--replaces", "3"],
    code: 1,
    says: /план 3 не опубликован \(черновик\)/,
  },
  {
    name: "replace itself",
    args: ["publish", "2", "--replaces", "2"],
    code: 1,
    says: /не может заменить сам себя/,
  },
  {
    name: "bad replaces id",
    args: ["publish", "2", "--replaces", "x"],
    code: 2,
    says: /OLD_ID — номер плана/,
  },
  {
    name: "replaces without id",
    args: ["publish", "2", "--replaces"],
    code: 2,
    says: /параметру --replaces нужно значение/,
  },
  { name: "admin bad id", args: ["admin", "add", "@ivanov"], code: 2, says: /TELEGRAM_ID — числовой id/ },
  {
    name: "admin unknown subcommand",
    args: ["admin", "remove", "5"],
    code: 2,
    says: /известна только подкоманда add/,
  },
  { name: "backup over a file", args: ["backup", existing], code: 1, says: /файл уже существует/ },
  { name: "backup without file", args: ["backup"], code: 2, says: /укажите один файл копии/ },
  {
    name: "plans with an argument",
    args: ["plans", "all"],
    code: 2,
    says: /команда plans не принимает аргументов/,
  },
  {
    name: "bad configuration",
    args: ["plans"],
    code: 1,
    says: /^srok: настройки неверны: DEFAULT_TIMEZONE: expected an IANA time zone/,
    env: { DEFAULT_TIMEZONE: "Mars/Olympus" },
  },
];

let before: Record<string, number | string>;
let results: Map<string, CliRun>;
let unknown: CliRun;
let none: CliRun;

beforeAll(async () => {
  writeFileSync(existing, "keep me");
  await prepareDatabase(env.DATABASE_URL);
  before = await snapshot(env.DATABASE_URL);
  results = await runAll(cases, env);
  [unknown, none] = await Promise.all([srok(["publsh", "1"], env), srok([], env)]);
}, 60_000);
afterAll(() => tmp.cleanup());

describe("bad input to publish, admin, backup, plans", () => {
  it.each(cases.map((c) => [c.name, c] as const))(
    "%s: one clear line on stderr and the right exit code",
    (_, c) => {
      const r = results.get(c.name)!;
      expect(r.stdout).toBe("");
      expect(errorLines(r)).toHaveLength(1);
      expect(errorLines(r)[0]).toMatch(/^srok: /);
      expect(errorLines(r)[0]).toMatch(c.says);
      expect(r.code).toBe(c.code);
    },
  );

  it("changes nothing, and a backup never overwrites a file", async () => {
    expect(await snapshot(env.DATABASE_URL)).toEqual(before);
    expect(readFileSync(existing, "utf8")).toBe("keep me");
  });

  it("an unknown command prints the usage and exits 2; no command too", () => {
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toMatch(/^srok: неизвестная команда «publsh»\nиспользование: srok <команда>\n/);
    expect(unknown.stderr).toContain("srok publish PLAN_ID [--replaces OLD_ID]");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("использование: srok <команда>");
  });
});
