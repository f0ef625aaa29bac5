import { closeSync, ftruncateSync, openSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase, snapshot } from "./cli-database.js";
import { type BadInput, type CliRun, errorLines, runAll, tempDir } from "./cli-harness.js";

const tmp = tempDir();
const env = { DATABASE_URL: join(tmp.dir, "srok.sqlite") };
const file = (name: string) => join(tmp.dir, name);

const cases: BadInput[] = [
  {
    name: "missing file",
    args: ["import", file("nope.docx")],
    code: 1,
    says: /^srok: файл не найден: .*nope\.docx$/,
  },
  { name: "a folder", args: ["import", tmp.dir], code: 1, says: /это папка, а не файл плана/ },
  {
    name: "empty file",
    args: ["import", file("empty.txt")],
    code: 1,
    says: /^srok: empty\.txt: Файл пустой/,
  },
  { name: "binary file", args: ["import", file("random.docx")], code: 1, says: /^srok: random\.docx: \S.+/ },
  { name: "no plan table", args: ["import", file("letter.txt")], code: 1, says: /^srok: letter\.txt: \S.+/ },
  {
    name: "too large",
    args: ["import", file("huge.txt")],
    code: 1,
    says: /huge\.txt: Файл слишком большой \(21 МБ\)/,
  },
  {
    name: "without file",
    args: ["import"],
    code: 2,
    says: /укажите один файл плана; использование: srok import FILE/,
  },
  {
    name: "unknown flag",
    args: ["import", file("letter.txt"), "--fast"],
    code: 2,
    says: /неизвестный параметр --fast/,
  },
];

let before: Record<string, number | string>;
let results: Map<string, CliRun>;

beforeAll(async () => {
  writeFileSync(file("empty.txt"), "");
  writeFileSync(file("random.docx"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  writeFileSync(file("letter.txt"), "Уважаемые коллеги!\n\nПросим направить сведения до пятницы.\n");
  const fd = openSync(file("huge.txt"), "w");
  ftruncateSync(fd, 21 * 1024 * 1024); // sparse: nothing is really written
  closeSync(fd);
  await prepareDatabase(env.DATABASE_URL);
  before = await snapshot(env.DATABASE_URL);
  results = await runAll(cases, env);
}, 60_000);
afterAll(() => tmp.cleanup());

describe("srok import with a bad file or bad arguments", () => {
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

  it("stores nothing", async () => {
    expect(await snapshot(env.DATABASE_URL)).toEqual(before);
  });
});
