import { Api } from "grammy";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, openMigratedDatabase } from "../../db/database.js";
import { readConfig } from "../../src/config.js";
import { type RunningJobs, startJobs } from "../../src/jobs/index.js";
import { AssignmentFixtures } from "../support/assignment-fixtures.js";
import { FakeBotApi } from "../support/fake-bot-api.js";

let db: DB;
let fake: FakeBotApi;
let now: Date;
let jobs: RunningJobs | undefined;

beforeEach(async () => {
  db = await openMigratedDatabase(":memory:");
  fake = await FakeBotApi.start();
  const fx = new AssignmentFixtures(db);
  const unit = await fx.unit("Организация-оператор", { role: "Организация-оператор" });
  await fx.assignment({ unitId: unit, number: "3", title: "Отправка писем", due: "2021-10-08" });
  // Due on Friday 22.10: overdue since the weekend, so Monday's summary has news.
  await fx.assignment({ unitId: unit, number: "5", title: "Анкетирование", due: "2021-10-22" });
  await fx.user(1, { timezone: "Asia/Vladivostok" });
  await fx.user(2, { timezone: "Europe/Samara" });
  await fx.user(3);
  for (const id of [1, 2, 3]) await fx.member(id, unit);
  await fx.coordinator(9, null);
});
afterEach(async () => {
  await jobs?.stop();
  jobs = undefined;
  await fake.close();
  await db.destroy();
});

function start(cron: boolean): RunningJobs {
  jobs = startJobs(
    {
      db,
      config: readConfig({ BOT_TOKEN: fake.token, BOT_API_ROOT: fake.apiRoot }),
      clock: () => now,
      logger: pino({ level: "silent" }),
    },
    new Api(fake.token, { apiRoot: fake.apiRoot }),
    { cron, delivery: { idlePollMs: 20 } },
  );
  return jobs;
}

const counts = () => [1, 2, 3, 9].map((id) => fake.botMessages(id).length);

describe("the scheduler", () => {
  it("each user gets Monday's digest at their own 09:00 from the injected clock, once", async () => {
    const j = start(false);
    now = new Date("2021-10-24T22:59:00Z");
    expect(await j.tick()).toEqual({ digests: 0, summaries: 0 });
    now = new Date("2021-10-24T23:00:00Z"); // 09:00 in Vladivostok
    expect(await j.tick()).toEqual({ digests: 1, summaries: 0 });
    await fake.waitFor(() => counts()[0] === 1, 5000);
    now = new Date("2021-10-25T05:00:00Z"); // 09:00 in Izhevsk
    expect(await j.tick()).toEqual({ digests: 1, summaries: 0 });
    now = new Date("2021-10-25T06:00:00Z"); // 09:00 in Moscow: the Moscow executor and the coordinator
    expect(await j.tick()).toEqual({ digests: 1, summaries: 1 });
    now = new Date("2021-10-25T06:01:00Z");
    expect(await j.tick()).toEqual({ digests: 0, summaries: 0 });
    await fake.waitFor(() => counts().every((c) => c === 1), 5000);
    expect(fake.lastBotMessage(3)!.text).toContain("Доброе утро! Сроки на понедельник, 25 октября");
    expect(fake.lastBotMessage(9)!.text).toContain("Сводка на понедельник, 25 октября");
    expect(fake.lastBotMessage(9)!.text).toContain("🔴 Стали просроченными");
    expect(counts()).toEqual([1, 1, 1, 1]);
  });

  it("catches up on start: after downtime, today's digests go out without waiting for a tick", async () => {
    now = new Date("2021-10-25T10:00:00Z");
    start(true);
    await fake.waitFor(() => counts().every((c) => c === 1), 10_000, "every digest after the restart");
    expect(counts()).toEqual([1, 1, 1, 1]);
  });

  it("stop() waits for the tick and the calls in flight; nothing is left sending", async () => {
    fake.latencyMs = 200;
    now = new Date("2021-10-25T10:00:00Z");
    const j = start(false);
    await j.tick();
    await fake.waitFor(() => fake.callsOf("sendMessage").length >= 1, 5000);
    await j.stop();
    jobs = undefined;
    const sending = await db.selectFrom("outbox").select("id").where("status", "=", "sending").execute();
    expect(sending).toEqual([]);
  });
});
