// 200 people press a button at the same moment (a digest goes out at 09:00 and everyone marks an
// item done). Measured against the fake Bot API with a simulated network delay on every call:
// presses answered per second, and the delay from the update to its answerCallbackQuery.
// srok's runtime (concurrent, at-least-once window) against grammY's plain sequential bot.start().
// Each press does what «✅ Выполнено» does: a write through applyOnce, the answer, an edit.
// grammY's runner (fast, but loses an update at a crash) is measured too, for reference.
// BENCH_LATENCY_MS changes the simulated delay (default 20); BENCH_DEBUG=1 prints getUpdates calls.
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { run as runRunner } from "@grammyjs/runner";
import { type Bot, Composer } from "grammy";
import pino from "pino";
import { openMigratedDatabase } from "../db/database.js";
import { recordAudit } from "../db/queries/audit.js";
import { upsertTelegramUser } from "../db/queries/users.js";
import { applyOnce } from "../src/bot/apply-once.js";
import type { BotContext, BotDeps } from "../src/bot/context.js";
import { createBot } from "../src/bot/index.js";
import { launchBot } from "../src/bot/runtime/launch.js";
import { ALLOWED_UPDATES } from "../src/bot/runtime/polling.js";
import { readConfig } from "../src/config.js";
import { FakeBotApi } from "../test/support/fake-bot-api.js";

const USERS = 200;
/** One way to the Bot API and back, added to every call (a data centre near Telegram: 10–30 ms). */
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const TARGET_SPEEDUP = 5;
const TARGET_P99_MS = 100;

const pressFeature = new Composer<BotContext>();
pressFeature.callbackQuery(/^done:(\d+)$/, async (ctx) => {
  const n = Number(ctx.match[1]);
  await applyOnce(ctx, (trx) =>
    recordAudit(trx, {
      at: ctx.app.deps.clock(),
      userId: ctx.from.id,
      action: "bench.done",
      entity: "assignment",
      entityId: n,
    }),
  );
  await ctx.answerCallbackQuery({ text: "Отмечено" });
  await ctx.editMessageText(`✅ ${n}. Выполнено`, {
    reply_markup: { inline_keyboard: [[{ text: "↩ Отменить", callback_data: `undo:${n}` }]] },
  });
});

interface Figures {
  /** CPU time of the bot's process per press (the fake runs in another thread). */
  cpuMsPerPress: number;
  pressesPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

// The fake Bot API runs in a worker thread, as Telegram runs on other machines: its own work
// (HTTP, JSON of every getUpdates answer) does not count against the bot's event loop.
type FakeRequest =
  | { op: "waitPolling" }
  | { op: "press"; targets: { userId: number; messageId: number }[] }
  | { op: "close" };

function fakeInWorker(): Promise<{
  apiRoot: string;
  token: string;
  call: (r: FakeRequest) => Promise<any>;
  close: () => Promise<void>;
}> {
  const tsx = import.meta.resolve("tsx/esm/api");
  const worker = new Worker(
    `const { register } = await import(${JSON.stringify(tsx)}); register();
     await import(${JSON.stringify(import.meta.url)});`,
    { eval: true, workerData: { role: "fake-bot-api", latencyMs: LATENCY_MS } },
  );
  let seq = 0;
  const pending = new Map<number, (v: unknown) => void>();
  return new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.on(
      "message",
      (m: { id?: number; ready?: { apiRoot: string; token: string }; result?: unknown }) => {
        if (m.ready)
          resolve({
            ...m.ready,
            call: (r) =>
              new Promise((res) => {
                const id = ++seq;
                pending.set(id, res);
                worker.postMessage({ id, ...r });
              }),
            close: async () => {
              await new Promise((res) => {
                const id = ++seq;
                pending.set(id, res);
                worker.postMessage({ id, op: "close" });
              });
              await worker.terminate();
            },
          });
        else if (m.id !== undefined) pending.get(m.id)?.(m.result);
      },
    );
  });
}

async function serveFake(latencyMs: number): Promise<void> {
  const fake = await FakeBotApi.start({ latencyMs: 0 });
  parentPort!.on("message", async (m: FakeRequest & { id: number }) => {
    let result: unknown;
    if (m.op === "waitPolling") {
      fake.latencyMs = latencyMs;
      await fake.waitFor(() => fake.callsOf("getUpdates").length > 0, 10_000, "polling");
    } else if (m.op === "press") {
      const first = performance.now();
      const updates = await Promise.all(
        m.targets.map((t) => fake.pressButton(t.userId, t.messageId, `done:${t.userId}`)),
      );
      const answerOf = (u: (typeof updates)[number]) => fake.callbackAnswers.get(u.callback_query!.id);
      await fake.waitFor(() => updates.every((u) => answerOf(u)), 120_000, "every press answered");
      const latencies = updates.map((u) => answerOf(u)!.at - fake.updateCreatedAt.get(u.update_id)!);
      const last = Math.max(...updates.map((u) => answerOf(u)!.at));
      if (process.env.BENCH_DEBUG)
        for (const c of fake.callsOf("getUpdates").filter((c) => c.at >= first))
          console.log(
            `getUpdates +${(c.at - first).toFixed(0)} ms offset ${c.params.offset} → ${(c.result as unknown[] | undefined)?.length}`,
          );
      result = { latencies, seconds: (last - first) / 1000 };
    } else {
      await fake.close();
    }
    parentPort!.postMessage({ id: m.id, result });
  });
  parentPort!.postMessage({ ready: { apiRoot: fake.apiRoot, token: fake.token } });
}

async function measure(mode: "srok" | "runner" | "sequential"): Promise<Figures> {
  const fake = await fakeInWorker();
  const dir = mkdtempSync(join(tmpdir(), "srok-bench-"));
  const db = await openMigratedDatabase(join(dir, "bench.sqlite"));
  const config = readConfig({ BOT_TOKEN: fake.token, BOT_API_ROOT: fake.apiRoot, LOG_LEVEL: "silent" });
  const deps: BotDeps = { db, config, clock: () => new Date(), logger: pino({ level: "silent" }) };
  const bot: Bot<BotContext> = createBot(deps, [pressFeature], { throttle: false });
  try {
    // Each user is known (they got the digest) and has a message with a button (sent before the
    // network delay and the clock start).
    // Two rounds: the first warms the process up (a bot at 09:00 has been running for a while).
    const rounds: { userId: number; messageId: number }[][] = [[], []];
    for (let i = 0; i < USERS; i++) {
      const userId = 1000 + i;
      await upsertTelegramUser(db, { id: userId, first_name: `User ${userId}` }, new Date());
      for (const round of rounds) {
        const m = await bot.api.sendMessage(userId, `${i}. Отправка информационных писем`, {
          reply_markup: { inline_keyboard: [[{ text: "✅", callback_data: `done:${userId}` }]] },
        });
        round.push({ userId, messageId: m.message_id });
      }
    }
    let stop: () => Promise<void>;
    if (mode === "srok") {
      const { polling } = await launchBot(bot, deps, { commandsMenu: false, timeoutSeconds: 10 });
      stop = () => polling.stop();
    } else if (mode === "runner") {
      await bot.init();
      const handle = runRunner(bot, {
        runner: { fetch: { timeout: 10, allowed_updates: [...ALLOWED_UPDATES] } },
      });
      stop = () => handle.stop();
    } else {
      await bot.init();
      void bot.start({ timeout: 10, allowed_updates: [...ALLOWED_UPDATES] });
      stop = () => bot.stop();
    }
    await fake.call({ op: "waitPolling" });
    await fake.call({ op: "press", targets: rounds[0]! });
    const profiler = process.env.BENCH_PROFILE ? await startProfiler() : undefined;
    const cpu = process.cpuUsage();
    const { latencies, seconds } = (await fake.call({ op: "press", targets: rounds[1]! })) as {
      latencies: number[];
      seconds: number;
    };
    const used = process.cpuUsage(cpu);
    if (profiler) await profiler(`${process.env.BENCH_PROFILE}/${mode}.cpuprofile`);
    await stop();
    latencies.sort((a, b) => a - b);
    const recorded = await db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("action", "=", "bench.done")
      .executeTakeFirstOrThrow();
    if (Number(recorded.n) !== 2 * USERS)
      throw new Error(`${mode}: ${recorded.n} presses recorded, not ${2 * USERS}`);
    return {
      cpuMsPerPress: (used.user + used.system) / 1000 / USERS,
      pressesPerSecond: USERS / seconds,
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      p99: percentile(latencies, 0.99),
      max: latencies.at(-1)!,
    };
  } finally {
    await fake.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The value below which a share `q` of the sorted `values` lie (nearest rank). */
function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(sorted.length * q) - 1)]!;
}

/** Profiles the bot's thread from now until the returned function writes the profile to `file`. */
async function startProfiler(): Promise<(file: string) => Promise<void>> {
  const { Session } = await import("node:inspector/promises");
  const { writeFileSync } = await import("node:fs");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  return async (file) => {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

const fmt = (f: Figures) =>
  `${f.pressesPerSecond.toFixed(0).padStart(5)} presses/s · p50 ${f.p50.toFixed(0)} ms · p95 ${f.p95.toFixed(0)} ms · p99 ${f.p99.toFixed(0)} ms · max ${f.max.toFixed(0)} ms · CPU ${f.cpuMsPerPress.toFixed(1)} ms/press`;

export async function run(): Promise<void> {
  process.stdout.write(
    `${USERS} users press at once; every Bot API call takes +${LATENCY_MS} ms; ` +
      `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores\n`,
  );
  if (process.env.BENCH_ONLY === "srok") {
    process.stdout.write(`srok runtime           ${fmt(await measure("srok"))}\n`);
    return;
  }
  const srok = await measure("srok");
  process.stdout.write(`srok runtime           ${fmt(srok)}\n`);
  const runner = await measure("runner");
  process.stdout.write(
    `grammY runner          ${fmt(runner)}  (for reference: loses an update at a crash)\n`,
  );
  const plain = await measure("sequential");
  process.stdout.write(`grammY bot.start()     ${fmt(plain)}\n`);
  const speedup = srok.pressesPerSecond / plain.pressesPerSecond;
  const fastEnough = speedup >= TARGET_SPEEDUP;
  const quickEnough = srok.p99 < TARGET_P99_MS;
  process.stdout.write(
    `${fastEnough ? "PASS" : "FAIL"} speed-up over bot.start(): ${speedup.toFixed(1)}× (target ≥ ${TARGET_SPEEDUP}×)\n` +
      `${quickEnough ? "PASS" : "FAIL"} p99 press → answer: ${srok.p99.toFixed(0)} ms (target < ${TARGET_P99_MS} ms)\n`,
  );
  if (!quickEnough)
    process.stdout.write(
      "  (200 presses at once are more than one getUpdates answer (100): the second hundred waits until\n" +
        "   the first hundred was handled, at the CPU cost per press above plus two Bot API round trips)\n",
    );
  if (!fastEnough || !quickEnough) process.exitCode = 1;
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === "fake-bot-api") {
  await serveFake((workerData as { latencyMs: number }).latencyMs);
}
