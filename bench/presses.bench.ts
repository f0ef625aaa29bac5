// 200 people press a button at the same moment (a digest goes out at 09:00 and everyone marks an
// item done). Measured against the fake Bot API (in a worker thread, as Telegram is elsewhere)
// with a simulated network delay on every call: presses answered per second, the delay from the
// update's creation to its answerCallbackQuery (p50/p95/p99), and the CPU time of the bot's own
// thread per press. The synthetic press does the outline of «✅ Выполнено»: a write through
// applyOnce, the answer, an edit; the "real" mode presses the real button (below). The p99 target
// is checked for both; the speed-up compares the synthetic press under srok and bot.start().
// Users are known (one read, no write). BENCH_WARMUP (default 3) warm-up bursts
// first on the same bot (a bot at 09:00 has run for hours: its code is compiled; the first
// bursts of a fresh process spend as much CPU again compiling), then the median of BENCH_BURSTS
// (default 5) bursts: the machine is shared, one burst can be unlucky. Run by `npm run bench`
// with the node flags of `npm start` (a larger young generation: see README).
// Modes: srok's runtime (at-least-once window, parking in bursts); the same with the throttler as
// deployed; the real «✅ Выполнено» behind every feature (a published plan, a school per user, an
// open assignment pressed each burst: access checked, marked through applyOnce, the message
// edited); grammY's runner (fast, but loses an update at a crash: reference); grammY's plain
// sequential bot.start() (the speed-up target's baseline); "answer only" (srok's runtime with no
// middleware and no database: the floor of grammY and HTTP).
// BENCH_ONLY=srok,runner,… picks modes; BENCH_FEATURES=all mounts every feature before the press;
// BENCH_LATENCY_MS changes the delay (default 20); BENCH_WAKE=first makes a waiting long poll
// answer on the first press alone (Telegram waits 1–2 ms for more: a harsher condition, one more
// getUpdates round trip before the last presses arrive); BENCH_DEBUG=1 prints getUpdates calls;
// BENCH_PROFILE=<dir> writes a CPU profile of the first measured burst (<dir>/<mode>.cpuprofile).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { run as runRunner } from "@grammyjs/runner";
import { Api, type ApiClientOptions, Bot, Composer } from "grammy";
import pino from "pino";
import { openMigratedDatabase } from "../db/database.js";
import { recordAudit } from "../db/queries/audit.js";
import { upsertTelegramUser } from "../db/queries/users.js";
import { applyOnce } from "../src/bot/apply-once.js";
import { assignmentData } from "../src/bot/callback-data.js";
import type { BotContext, BotDeps } from "../src/bot/context.js";
import { createBot, type FeatureLike } from "../src/bot/index.js";
import { createBotApiFetch } from "../src/bot/runtime/bot-api-fetch.js";
import { launchBot } from "../src/bot/runtime/launch.js";
import { ALLOWED_UPDATES } from "../src/bot/runtime/polling.js";
import { readConfig } from "../src/config.js";
import { FakeBotApi } from "../test/support/fake-bot-api.js";
import { buildPressWorld } from "./press-world.js";

const USERS = 200;
/** One way to the Bot API and back, added to every call (a data centre near Telegram: 10–30 ms). */
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
/** A waiting long poll answers on the first press, without Telegram's 1–2 ms wait for more. */
const WAKE_ON_FIRST = process.env.BENCH_WAKE === "first";
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

/**
 * The press alone, or (BENCH_FEATURES=all) behind every feature of the bot, as in production:
 * each press then also passes every feature's filters and dialogues (about +0.2 ms CPU a press).
 */
async function benchFeatures(): Promise<FeatureLike[]> {
  if (process.env.BENCH_FEATURES !== "all") return [pressFeature];
  return [...(await allFeatures()), pressFeature];
}

async function allFeatures(): Promise<FeatureLike[]> {
  const { allFeatures } = await import("../src/bot/features/index.js");
  return allFeatures();
}

/**
 * The floor of a press: srok's runtime and transport, a bot with no middleware and no database
 * that only answers and edits. What srok's middleware and its write add shows against it.
 */
function bareBot(token: string, apiRoot: string): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, {
    client: { apiRoot, fetch: createBotApiFetch() as unknown as ApiClientOptions["fetch"] },
  });
  bot.callbackQuery(/^done:(\d+)$/, async (ctx) => {
    const n = Number(ctx.match[1]);
    await ctx.answerCallbackQuery({ text: "Отмечено" });
    await ctx.editMessageText(`✅ ${n}. Выполнено`, {
      reply_markup: { inline_keyboard: [[{ text: "↩ Отменить", callback_data: `undo:${n}` }]] },
    });
  });
  return bot;
}

interface Figures {
  /** CPU time of the bot's thread per press (the fake runs in another thread). */
  cpuMsPerPress: number;
  /** How long the bot's thread was ready to run but waited for a core (a loaded machine). */
  waitedMs: number | undefined;
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
  | { op: "press"; targets: { userId: number; messageId: number; data: string }[] }
  | { op: "settle"; edits: number }
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
    { eval: true, workerData: { role: "fake-bot-api", latencyMs: LATENCY_MS, wakeOnFirst: WAKE_ON_FIRST } },
  );
  let seq = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  return new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.on(
      "message",
      (m: { id?: number; ready?: { apiRoot: string; token: string }; result?: unknown; error?: string }) => {
        if (m.ready)
          resolve({
            ...m.ready,
            call: (r) =>
              new Promise((resolve, reject) => {
                const id = ++seq;
                pending.set(id, { resolve, reject });
                worker.postMessage({ id, ...r });
              }),
            close: async () => {
              await new Promise((resolve, reject) => {
                const id = ++seq;
                pending.set(id, { resolve, reject });
                worker.postMessage({ id, op: "close" });
              });
              await worker.terminate();
            },
          });
        else if (m.id !== undefined && m.error !== undefined) pending.get(m.id)?.reject(new Error(m.error));
        else if (m.id !== undefined) pending.get(m.id)?.resolve(m.result);
      },
    );
  });
}

async function serveFake(latencyMs: number, wakeOnFirstUpdate: boolean): Promise<void> {
  const fake = await FakeBotApi.start({ latencyMs: 0, wakeOnFirstUpdate });
  parentPort!.on("message", async (m: FakeRequest & { id: number }) => {
    try {
      parentPort!.postMessage({ id: m.id, result: await serve(m) });
    } catch (err) {
      // Say what was left undone instead of hanging the bench.
      const getUpdates = fake
        .callsOf("getUpdates")
        .slice(-5)
        .map((c) => `offset ${c.params.offset} → ${(c.result as unknown[] | undefined)?.length}`);
      parentPort!.postMessage({
        id: m.id,
        error: `${String(err)}; answered ${fake.callbackAnswers.size}, pending at Telegram ${fake.pendingUpdates().length}, last getUpdates: ${getUpdates.join("; ")}`,
      });
    }
  });
  parentPort!.postMessage({ ready: { apiRoot: fake.apiRoot, token: fake.token } });

  async function serve(m: FakeRequest): Promise<unknown> {
    let result: unknown;
    if (m.op === "waitPolling") {
      fake.latencyMs = latencyMs;
      await fake.waitFor(() => fake.callsOf("getUpdates").length > 0, 10_000, "polling");
    } else if (m.op === "settle") {
      // Every edit of the bursts so far was made: the handlers are done (throttled edits take long).
      await fake.waitFor(() => fake.callsOf("editMessageText").length >= m.edits, 60_000, "every edit");
    } else if (m.op === "press") {
      const first = performance.now();
      const updates = await Promise.all(
        m.targets.map((t) => fake.pressButton(t.userId, t.messageId, t.data)),
      );
      const answerOf = (u: (typeof updates)[number]) => fake.callbackAnswers.get(u.callback_query!.id);
      await fake.waitFor(() => updates.every((u) => answerOf(u)), 30_000, "every press answered");
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
    return result;
  }
}

async function measure(mode: Mode, bursts: number, warmups: number): Promise<Figures & { bursts: number[] }> {
  const fake = await fakeInWorker();
  const dir = mkdtempSync(join(tmpdir(), "srok-bench-"));
  const db = await openMigratedDatabase(join(dir, "bench.sqlite"));
  const config = readConfig({ BOT_TOKEN: fake.token, BOT_API_ROOT: fake.apiRoot, LOG_LEVEL: "silent" });
  const deps: BotDeps = { db, config, clock: () => new Date(), logger: pino({ level: "silent" }) };
  // The throttler (30 sends a second) is off except in "deployed": it is the same for every mode
  // and would measure Telegram's limits, not the runtime.
  const bot: Bot<BotContext> =
    mode === "bare"
      ? bareBot(fake.token, fake.apiRoot)
      : mode === "real"
        ? createBot(deps, await allFeatures(), { throttle: false })
        : createBot(deps, await benchFeatures(), { throttle: mode === "deployed" });
  const setupApi = new Api(fake.token, { apiRoot: fake.apiRoot });
  let stop: (() => Promise<void>) | undefined;
  try {
    // Each user is known (they got the digest) and has a message with a button (sent before the
    // network delay and the clock start).
    // `warmups` rounds warm the bot up (a bot at 09:00 has been running for a while); then
    // `bursts` measured rounds, a short pause between them (the machine is shared: one burst can
    // be unlucky, the median is reported).
    const rounds: { userId: number; messageId: number; data: string }[][] = Array.from(
      { length: Math.max(1, warmups) + bursts },
      () => [],
    );
    // The real press: each burst marks the next open assignment of the user's school.
    const world =
      mode === "real"
        ? await buildPressWorld(db, { schools: USERS, items: rounds.length, firstUserId: 1000 })
        : undefined;
    for (let i = 0; i < USERS; i++) {
      const userId = 1000 + i;
      if (!world) await upsertTelegramUser(db, { id: userId, first_name: `User ${userId}` }, new Date());
      for (const [r, round] of rounds.entries()) {
        const assignment = world ? world.schools[i]!.assignments[r]! : undefined;
        const data = assignment ? assignmentData("done", assignment.id) : `done:${userId}`;
        const text = assignment ? `🔴 ${assignment.line}` : `${i}. Отправка информационных писем`;
        const m = await setupApi.sendMessage(userId, text, {
          reply_markup: { inline_keyboard: [[{ text: "✅ Выполнено", callback_data: data }]] },
        });
        round.push({ userId, messageId: m.message_id, data });
      }
    }
    if (mode === "srok" || mode === "deployed" || mode === "bare" || mode === "real") {
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
    const figures: Figures[] = [];
    for (const [i, targets] of rounds.slice(1).entries()) {
      await fake.call({ op: "settle", edits: (i + 1) * USERS });
      await new Promise((r) => setTimeout(r, 300));
      const measured = i >= Math.max(1, warmups) - 1;
      if (!measured) {
        await fake.call({ op: "press", targets });
        continue;
      }
      const first = figures.length === 0;
      const profile = process.env.BENCH_PROFILE && first ? await startProfiler() : undefined;
      const cpu = threadCpu();
      const { latencies, seconds } = (await fake.call({ op: "press", targets })) as {
        latencies: number[];
        seconds: number;
      };
      const used = threadCpu(cpu);
      if (profile) await profile(`${process.env.BENCH_PROFILE}/${mode}.cpuprofile`);
      latencies.sort((a, b) => a - b);
      figures.push({
        cpuMsPerPress: used.runMs / USERS,
        waitedMs: used.waitMs,
        pressesPerSecond: USERS / seconds,
        p50: percentile(latencies, 0.5),
        p95: percentile(latencies, 0.95),
        p99: percentile(latencies, 0.99),
        max: latencies.at(-1)!,
      });
    }
    await stop();
    stop = undefined;
    const recorded =
      mode === "real"
        ? await db
            .selectFrom("assignments")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("status", "=", "done")
            .executeTakeFirstOrThrow()
        : await db
            .selectFrom("audit_log")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("action", "=", "bench.done")
            .executeTakeFirstOrThrow();
    const expected = mode === "bare" ? 0 : rounds.length * USERS;
    if (Number(recorded.n) !== expected)
      throw new Error(`${mode}: ${recorded.n} presses recorded, not ${expected}`);
    return median(figures);
  } finally {
    await stop?.().catch(() => {});
    await fake.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * CPU time of this thread (Linux: /proc/thread-self/schedstat, with the time it waited for a core);
 * elsewhere the whole process's (the fake's thread included). With `since`: the time used since.
 */
function threadCpu(since?: { runMs: number; waitMs?: number }): { runMs: number; waitMs?: number } {
  let now: { runMs: number; waitMs?: number };
  try {
    const [run, wait] = readFileSync("/proc/thread-self/schedstat", "utf8").trim().split(" ").map(Number);
    now = { runMs: run! / 1e6, waitMs: wait! / 1e6 };
  } catch {
    const u = process.cpuUsage();
    now = { runMs: (u.user + u.system) / 1000 };
  }
  if (!since) return now;
  return {
    runMs: now.runMs - since.runMs,
    ...(now.waitMs !== undefined && since.waitMs !== undefined ? { waitMs: now.waitMs - since.waitMs } : {}),
  };
}

/** Each figure's median over the bursts (and every burst's p99). */
function median(all: Figures[]): Figures & { bursts: number[] } {
  const mid = (pick: (f: Figures) => number) => {
    const v = all.map(pick).sort((a, b) => a - b);
    return v[Math.floor((v.length - 1) / 2)]!;
  };
  const waits = all.map((f) => f.waitedMs).filter((w): w is number => w !== undefined);
  return {
    cpuMsPerPress: mid((f) => f.cpuMsPerPress),
    waitedMs: waits.length === all.length ? mid((f) => f.waitedMs!) : undefined,
    pressesPerSecond: mid((f) => f.pressesPerSecond),
    p50: mid((f) => f.p50),
    p95: mid((f) => f.p95),
    p99: mid((f) => f.p99),
    max: mid((f) => f.max),
    bursts: all.map((f) => f.p99),
  };
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

const fmt = (f: Figures & { bursts: number[] }) =>
  `${f.pressesPerSecond.toFixed(0).padStart(5)} presses/s · p50 ${f.p50.toFixed(0)} · p95 ${f.p95.toFixed(0)} · ` +
  `p99 ${f.p99.toFixed(0)} ms (bursts: ${f.bursts.map((b) => b.toFixed(0)).join(", ")}) · ` +
  `CPU ${f.cpuMsPerPress.toFixed(2)} ms/press` +
  (f.waitedMs === undefined ? "" : ` · waited for a core ${f.waitedMs.toFixed(0)} ms`);

type Mode = "srok" | "deployed" | "real" | "runner" | "sequential" | "bare";
const LABELS: Record<Mode, string> = {
  srok: "srok runtime      ",
  real: "real «Выполнено»  ",
  deployed: "srok + throttler  ",
  bare: "answer only       ",
  runner: "grammY runner     ",
  sequential: "grammY bot.start()",
};

const NOTES: Record<Mode, string> = {
  srok: "",
  deployed: "  (as deployed: edits go out at 30/s, answers at once)",
  real: "  (behind every feature: access checked, the assignment marked, the message edited)",
  runner: "  (reference: loses an update at a crash)",
  sequential: "",
  bare: "  (srok's runtime, no middleware, no database: grammY and HTTP alone)",
};

export async function run(): Promise<void> {
  // BENCH_ONLY=srok (or a comma list) measures only those; BENCH_BURSTS the measured bursts.
  const only = process.env.BENCH_ONLY?.split(",") as Mode[] | undefined;
  const bursts = Number(process.env.BENCH_BURSTS ?? 5);
  const warmups = Number(process.env.BENCH_WARMUP ?? 3);
  process.stdout.write(
    `${USERS} users press at once; every Bot API call takes +${LATENCY_MS} ms; ` +
      (WAKE_ON_FIRST ? "a waiting long poll answers on the first press; " : "") +
      `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores; ` +
      `median of ${bursts} bursts after ${warmups} warm-up bursts (and an uncounted warm-up run); ` +
      `node ${process.execArgv.filter((a) => a.startsWith("--max")).join(" ") || "with default heap flags"}\n`,
  );
  // The first mode measured would otherwise pay for the process's JIT warm-up (grammY, Kysely,
  // the HTTP client are shared by every mode): one uncounted run first.
  await measure("srok", 2, 1);
  const results: Partial<Record<Mode, Figures & { bursts: number[] }>> = {};
  for (const mode of ["srok", "deployed", "real", "runner", "sequential", "bare"] as const) {
    if (only && !only.includes(mode)) continue;
    // bot.start() takes ~10 s a burst: one measured burst is enough to see it.
    const f = await measure(mode, mode === "sequential" ? 1 : bursts, mode === "sequential" ? 1 : warmups);
    results[mode] = f;
    process.stdout.write(`${LABELS[mode]} ${fmt(f)}${NOTES[mode]}\n`);
  }
  const { srok, sequential, real } = results;
  let failed = false;
  // The speed-up compares the same press (the synthetic one) under both runtimes.
  if (srok && sequential) {
    const speedup = srok.pressesPerSecond / sequential.pressesPerSecond;
    failed ||= speedup < TARGET_SPEEDUP;
    process.stdout.write(
      `${speedup >= TARGET_SPEEDUP ? "PASS" : "FAIL"} speed-up over bot.start(): ${speedup.toFixed(1)}× (target ≥ ${TARGET_SPEEDUP}×)\n`,
    );
  }
  // The latency target holds for srok's runtime and for the real «Выполнено» behind every feature.
  for (const [label, f] of [
    ["srok runtime", srok],
    ["real «Выполнено»", real],
  ] as const) {
    if (!f) continue;
    const quick = f.p99 < TARGET_P99_MS;
    failed ||= !quick;
    process.stdout.write(
      `${quick ? "PASS" : "FAIL"} p99 press → answer, ${label}: ${f.p99.toFixed(0)} ms (target < ${TARGET_P99_MS} ms)\n`,
    );
  }
  if (!srok) {
    if (failed) process.exitCode = 1;
    return;
  }
  // Where the floor is: one thread runs every handler, so the last presses are answered no sooner
  // than the burst's CPU time after the getUpdates round trips that bring them in (100 a call;
  // with BENCH_WAKE=first the long poll brings the first press alone).
  const trips = (WAKE_ON_FIRST ? 1 : 0) + Math.ceil(USERS / 100);
  const floor = (f: Figures) => trips * LATENCY_MS + USERS * f.cpuMsPerPress;
  process.stdout.write(
    `  floor on an idle core: ${trips} getUpdates round trips (${trips * LATENCY_MS} ms) + ${USERS} × CPU per press: ` +
      `srok ${USERS} × ${srok.cpuMsPerPress.toFixed(2)} ms → ${floor(srok).toFixed(0)} ms` +
      (real
        ? `; real «Выполнено» ${USERS} × ${real.cpuMsPerPress.toFixed(2)} ms → ${floor(real).toFixed(0)} ms`
        : "") +
      (results.bare
        ? `; answer only ${USERS} × ${results.bare.cpuMsPerPress.toFixed(2)} ms → ${floor(results.bare).toFixed(0)} ms`
        : "") +
      ` (the edits' CPU counts too: they interleave with later presses)\n`,
  );
  if (failed) process.exitCode = 1;
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === "fake-bot-api") {
  const { latencyMs, wakeOnFirst } = workerData as { latencyMs: number; wakeOnFirst: boolean };
  await serveFake(latencyMs, wakeOnFirst);
}
