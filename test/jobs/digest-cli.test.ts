import { join } from "node:path";
import { Api } from "grammy";
import pino from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type DB, openMigratedDatabase } from "../../db/database.js";
import { run } from "../../src/cli/commands/digest.js";
import { CliError } from "../../src/cli/support.js";
import { readConfig } from "../../src/config.js";
import { startJobs } from "../../src/jobs/index.js";
import { srok, tempDir } from "../cli/cli-harness.js";
import { AssignmentFixtures } from "../support/assignment-fixtures.js";
import { FakeBotApi } from "../support/fake-bot-api.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

let fake: FakeBotApi;
let db: DB;
let dbPath: string;
let env: Record<string, string>;
let n = 0;

beforeAll(async () => {
  fake = await FakeBotApi.start();
});
afterAll(async () => {
  await fake.close();
});

beforeEach(async () => {
  dbPath = join(tmp.dir, `srok-${++n}.sqlite`);
  db = await openMigratedDatabase(dbPath);
  env = { DATABASE_URL: dbPath, BOT_TOKEN: fake.token, BOT_API_ROOT: fake.apiRoot };
  // Users 101-103 have something due on 25.10; user 104 has nothing to say.
  const fx = new AssignmentFixtures(db);
  const unit = await fx.unit("Организация-оператор", { role: "Организация-оператор" });
  const quiet = await fx.unit("Эксперты", { role: "Эксперты" });
  await fx.assignment({ unitId: unit, number: "3", title: "Отправка писем", due: "2021-10-08" });
  await fx.assignment({ unitId: quiet, number: "12", due: "2021-11-26", start: "2021-11-08" });
  for (const id of [101, 102, 103]) await fx.member(id + n * 1000, unit);
  await fx.member(104 + n * 1000, quiet);
});
afterEach(async () => {
  await db.destroy();
});

const users = () => [101, 102, 103, 104].map((id) => id + n * 1000);
const received = () => users().map((id) => fake.botMessages(id).length);

describe("srok digest run", () => {
  it("builds and delivers the day's digests; a second run sends nothing", async () => {
    const first = await srok(["digest", "run", "--date", "2021-10-25"], env);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      "Дайджесты на 2021-10-25: поставлено в очередь 3, без новостей 1; сводки координаторам: 0.",
    );
    expect(first.stdout).toContain("Доставлено: 3 · не доставлено: 0 · ещё в очереди: 0 (из 3 сообщений).");
    expect(received()).toEqual([1, 1, 1, 0]);
    expect(fake.lastBotMessage(users()[0]!)!.text).toContain(
      "3. Отправка писем — срок был 08.10 (17 дней назад)",
    );

    const again = await srok(["digest", "run", "--date", "2021-10-25"], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("поставлено в очередь 0, без новостей 0");
    expect(received()).toEqual([1, 1, 1, 0]);
  });

  it("while the bot runs too, each digest arrives once", async () => {
    const jobs = startJobs(
      {
        db,
        config: readConfig(env),
        clock: () => new Date("2021-10-25T07:00:00Z"),
        logger: pino({ level: "silent" }),
      },
      new Api(fake.token, { apiRoot: fake.apiRoot }),
      { cron: false, delivery: { idlePollMs: 20 } },
    );
    try {
      const [cli] = await Promise.all([srok(["digest", "run", "--date", "2021-10-25"], env), jobs.tick()]);
      expect(cli.code).toBe(0);
      await fake.waitFor(() => received().filter((c) => c > 0).length === 3, 10_000, "three digests");
      await jobs.tick();
      await new Promise((r) => setTimeout(r, 300));
      expect(received()).toEqual([1, 1, 1, 0]);
    } finally {
      await jobs.stop();
    }
  });

  it("a day off sends nothing and says why; bad input gets one clear line (in process)", async () => {
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    const saved = { ...process.env };
    try {
      Object.assign(process.env, env);
      expect(await run(["run", "--date", "2025-05-02"])).toBe(0);
      expect(out.join("")).toBe(
        "2025-05-02 — нерабочий день по производственному календарю: дайджестов нет.\n",
      );
      await expect(run(["run", "--date", "2021-02-30"])).rejects.toThrow(
        new CliError(
          "--date — такой даты нет в календаре; использование: srok digest run [--date YYYY-MM-DD]",
          2,
        ),
      );
      await expect(run([])).rejects.toMatchObject({
        exitCode: 2,
        message: expect.stringContaining("укажите действие run"),
      });
      await expect(run(["send"])).rejects.toMatchObject({ exitCode: 2 });
      delete process.env.BOT_TOKEN;
      await expect(run(["run"])).rejects.toMatchObject({
        exitCode: 1,
        message: "BOT_TOKEN не задан: без него дайджесты не отправить",
      });
    } finally {
      write.mockRestore();
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
    expect(received()).toEqual([0, 0, 0, 0]);
  });
});
