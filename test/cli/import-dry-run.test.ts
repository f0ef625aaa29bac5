import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParsedPlan, PlanItem } from "../../src/domain/plan/types.js";
import { type CliRun, seedFiles, srok, tempDir } from "./cli-harness.js";

const tmp = tempDir();
const dbPath = join(tmp.dir, "srok.sqlite");
const runs = new Map<string, CliRun>();
let preview: CliRun;

beforeAll(async () => {
  const files = seedFiles();
  const results = await Promise.all(
    files.map((f) => srok(["import", f, "--dry-run", "--json"], { DATABASE_URL: dbPath })),
  );
  for (const [i, f] of files.entries()) runs.set(basename(f).slice(0, 3), results[i]!);
  preview = await srok(["import", files[0]!, "--dry-run"], { DATABASE_URL: dbPath });
}, 60_000);
afterAll(() => tmp.cleanup());

function planOf(seed: string): ParsedPlan {
  const r = runs.get(seed)!;
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ParsedPlan;
}

const byRaw = (p: ParsedPlan, raw: RegExp): PlanItem => {
  const found = p.items.find((i) => raw.test(i.deadline.raw.replace(/\s+/g, " ")));
  if (!found) throw new Error(`no item with a deadline like ${raw}`);
  return found;
};

const names = (p: ParsedPlan) => new Set(p.items.flatMap((i) => i.executors.map((e) => e.name)));

describe("srok import FILE --dry-run --json", () => {
  it("prints exactly the public shape, keys in order, for every seed", () => {
    for (const seed of ["000", "001", "002", "003", "004"]) {
      const p = planOf(seed);
      expect(Object.keys(p)).toEqual([
        "title",
        "period",
        "glossary",
        "sections",
        "items",
        "roles",
        "warnings",
      ]);
      expect(Object.keys(p.period)).toEqual(["start", "end"]);
      expect(p.items.length).toBeGreaterThan(0);
      for (const item of p.items) {
        expect(Object.keys(item)).toEqual([
          "number",
          "parent",
          "section",
          "title",
          "deadline",
          "executors",
          "result",
        ]);
        expect(Object.keys(item.deadline)).toEqual(["raw", "kind", "occurrences", "relative"]);
        for (const e of item.executors) expect(Object.keys(e)).toEqual(["name", "people"]);
      }
      for (const r of p.roles) expect(Object.keys(r)).toEqual(["name", "aliases", "items"]);
      for (const w of p.warnings) expect(Object.keys(w)).toEqual(["item", "message"]);
      for (const s of p.sections) expect(Object.keys(s)).toEqual(["number", "title"]);
    }
  });

  it("reads seed 000: the period of 2021, dated and continuous deadlines, run-together executors", () => {
    const p = planOf("000");
    expect(p.period).toEqual({ start: "2021-01-01", end: "2021-12-31" });
    expect(p.sections[0]?.number).toBe("I");
    expect(byRaw(p, /^до 30\.09\.2021$/).deadline).toMatchObject({
      kind: "dated",
      occurrences: [{ start: null, due: "2021-09-30" }],
    });
    expect(byRaw(p, /^постоянно$/i).deadline).toMatchObject({
      kind: "continuous",
      occurrences: [{ start: "2021-01-01", due: "2021-12-31" }],
    });
    expect(names(p)).toContain("Организация-оператор");
    expect(names(p)).toContain("Орган местного самоуправления");
  });

  it("reads seed 001: relative deadlines waiting for an event, empty ones as none", () => {
    const p = planOf("001");
    expect(p.period).toEqual({ start: "2020-01-01", end: "2020-12-31" });
    expect(byRaw(p, /^в течение 10 дней со дня поступления/).deadline).toMatchObject({
      kind: "relative",
      occurrences: [],
      relative: {
        days: 10,
        business: false,
        after: "поступления информации о результатах НОКО",
        before: null,
      },
    });
    expect(p.items.filter((i) => i.deadline.kind === "none").map((i) => i.number)).toEqual(
      expect.arrayContaining(["2", "3", "7"]),
    );
  });

  it("reads seed 002: half-years, and the glossary merging «Сектор УКО»", () => {
    const p = planOf("002");
    expect(p.period).toEqual({ start: "2020-01-01", end: "2020-12-31" });
    expect(byRaw(p, /^1 раз в полугодие$/).deadline.occurrences).toEqual([
      { start: "2020-01-01", due: "2020-06-30" },
      { start: "2020-07-01", due: "2020-12-31" },
    ]);
    expect(names(p)).toContain("Сектор УКО");
  });

  it("reads seed 003: a three-year period, yearly windows, the warning about item 7.3", () => {
    const p = planOf("003");
    expect(p.period).toEqual({ start: "2016-01-01", end: "2018-12-31" });
    expect(byRaw(p, /^Ежегодно$/).deadline).toMatchObject({ kind: "recurring" });
    expect(byRaw(p, /^Ежегодно$/).deadline.occurrences.map((o) => o.due)).toEqual([
      "2016-12-31",
      "2017-12-31",
      "2018-12-31",
    ]);
    expect(p.warnings.map((w) => w.item)).toContain("7.3");
  });

  it("reads seed 004: a range borrowing its year, executors over two lines", () => {
    const p = planOf("004");
    expect(p.period).toEqual({ start: "2021-01-01", end: "2021-12-31" });
    expect(byRaw(p, /^09\.06 – 17\.07\.21$/).deadline.occurrences).toEqual([
      { start: "2021-06-09", due: "2021-07-17" },
    ]);
    expect(names(p)).toContain("Муниципальные организаторы");
  });

  it("stores nothing: no database is even created", () => {
    expect(existsSync(dbPath)).toBe(false);
  });
});

describe("srok import FILE --dry-run", () => {
  it("prints a Russian preview: title, period, counts, deadlines by kind", () => {
    expect(preview.code).toBe(0);
    const p = planOf("000");
    const out = preview.stdout;
    expect(out.split("\n")[0]).toBe(p.title);
    expect(out).toContain("Период: 2021");
    expect(out).toMatch(new RegExp(`${p.items.length} пункт(а|ов)? в ${p.sections.length} раздел`));
    const dated = p.items.filter((i) => i.deadline.kind === "dated").length;
    expect(out).toMatch(new RegExp(`Сроки: ${dated} с датами · .*не прочитано: \\d+`));
    expect(out).toContain("Роли исполнителей:");
    expect(existsSync(dbPath)).toBe(false);
  });
});
