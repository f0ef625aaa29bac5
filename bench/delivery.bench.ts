// Benchmark: delivering 10,000 digests against a fake Bot API that enforces Telegram's limits
// (30 messages a second in all, one a second per chat) and answers 429 beyond them.
// Time is scaled ×5 to keep the run short: the fake allows 30 messages per 200 ms, one per chat
// per 200 ms, answers retry_after 0.2 (one scaled second) and takes 10 ms per call (a 50 ms round
// trip, scaled). The fake runs in its own process, so its clock and event loop are its own.
// (×10 works too on an idle machine; on a busy one, a few ms of scheduling jitter are already
// several per cent of a 100 ms window.)
// Compared in the same run: srok's worker (outbox, pacing, retries) and a plain loop over
// sendMessage with grammY's auto-retry.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { autoRetry } from "@grammyjs/auto-retry";
import { Api } from "grammy";
import { openMigratedDatabase } from "../db/database.js";
import { enqueueMessages } from "../db/queries/outbox.js";
import { createDeliveryWorker } from "../src/jobs/delivery.js";

const MESSAGES = 10_000;
const SCALE = 5;
const PER_WINDOW = 30;
const WINDOW_MS = 1000 / SCALE;
const PER_CHAT_MS = 1000 / SCALE;
const LATENCY_MS = 50 / SCALE;
const LIMIT_PER_S = (PER_WINDOW * 1000) / WINDOW_MS;
const TOKEN = "123456:BENCH-delivery";

interface FakeStats {
  accepted: number;
  rejected429: number;
  firstAt: number;
  lastAt: number;
  /** How many messages each chat got. */
  perChat: Record<string, number>;
}

/** The fake Bot API: sendMessage with a strict sliding-window limit, and /stats, /reset. */
function serveFake(): Promise<{ root: string; close(): void }> {
  let stats: FakeStats = { accepted: 0, rejected429: 0, firstAt: 0, lastAt: 0, perChat: {} };
  let accepted: number[] = [];
  const lastPerChat = new Map<string, number>();
  let messageId = 1;
  const server = createServer((req, res) => {
    // The arrival instant, before the body is read: what Telegram's counters see.
    const now = performance.now();
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const answer = (status: number, json: object) =>
        setTimeout(() => {
          res.writeHead(status, { "content-type": "application/json" });
          res.end(JSON.stringify(json));
        }, LATENCY_MS);
      if (req.url === "/stats") {
        res.end(JSON.stringify(stats));
        return;
      }
      if (req.url === "/reset") {
        stats = { accepted: 0, rejected429: 0, firstAt: 0, lastAt: 0, perChat: {} };
        accepted = [];
        lastPerChat.clear();
        res.end("{}");
        return;
      }
      if (!req.url?.endsWith("/sendMessage"))
        return answer(404, { ok: false, error_code: 404, description: "Not Found" });
      const chat = String((JSON.parse(body) as { chat_id: number }).chat_id);
      while (accepted.length > 0 && accepted[0]! <= now - WINDOW_MS) accepted.shift();
      const chatLast = lastPerChat.get(chat);
      if (accepted.length >= PER_WINDOW || (chatLast !== undefined && now - chatLast < PER_CHAT_MS)) {
        stats.rejected429++;
        return answer(429, {
          ok: false,
          error_code: 429,
          description: "Too Many Requests: retry after 1",
          parameters: { retry_after: 1 / SCALE },
        });
      }
      accepted.push(now);
      lastPerChat.set(chat, now);
      stats.accepted++;
      if (stats.firstAt === 0) stats.firstAt = now;
      stats.lastAt = now;
      stats.perChat[chat] = (stats.perChat[chat] ?? 0) + 1;
      answer(200, {
        ok: true,
        result: { message_id: messageId++, date: 0, chat: { id: Number(chat), type: "private" }, text: "" },
      });
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({
        root: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => {
          server.closeAllConnections();
          server.close();
        },
      });
    });
  });
}

/** The fake in a child process of its own (its clock and event loop are its own). */
async function startFake(): Promise<{ root: string; close(): void }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(import.meta.url), "--fake-server"],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const root = await new Promise<string>((resolve) =>
    child.stdout!.once("data", (c) => resolve(String(c).trim())),
  );
  return { root, close: () => child.kill() };
}

async function fakeStats(root: string): Promise<FakeStats> {
  return (await (await fetch(`${root}/stats`)).json()) as FakeStats;
}

function digestText(i: number): string {
  return [
    "Доброе утро! Сроки на понедельник, 25 октября",
    "",
    "<b>План-график проведения НОК ДОД в 2021 году</b>",
    "🔴 Просрочено",
    ` 3. Отправка информационных писем… — срок был 08.10 (17 дней назад)`,
    "🟡 На этой неделе",
    ` 7. Сбор заявок Организаций-заказчиков… — до пт, 29.10 (через 4 дня) · школа № ${i}`,
  ].join("\n");
}

interface RunFigures {
  seconds: number;
  rate: number;
  duplicates: number;
  lost: number;
  rejected429: number;
}

function figures(s: FakeStats): RunFigures {
  const counts = Object.values(s.perChat);
  const seconds = (s.lastAt - s.firstAt) / 1000;
  return {
    seconds,
    rate: (s.accepted - 1) / seconds,
    duplicates: counts.reduce((n, c) => n + Math.max(0, c - 1), 0),
    lost: MESSAGES - counts.length,
    rejected429: s.rejected429,
  };
}

async function runWorker(root: string, dir: string): Promise<RunFigures & { dbSent: number }> {
  const db = await openMigratedDatabase(join(dir, "srok.sqlite"));
  const now = new Date();
  await db.transaction().execute((trx) =>
    enqueueMessages(
      trx,
      Array.from({ length: MESSAGES }, (_, i) => ({
        idemKey: `digest:${i + 1}:2021-10-25`,
        chatId: i + 1,
        kind: "digest",
        payload: {
          text: digestText(i + 1),
          reply_markup: { inline_keyboard: [[{ text: "✅ 3", callback_data: `a:done:${i}` }]] },
        },
      })),
      now,
    ),
  );
  const worker = createDeliveryWorker(
    { db, api: new Api(TOKEN, { apiRoot: root }), clock: () => new Date() },
    {
      maxPerWindow: PER_WINDOW,
      windowMs: WINDOW_MS,
      perChatMs: PER_CHAT_MS,
      concurrency: 16,
      requestTimeoutMs: 5000,
    },
  );
  const settled = await worker.drain({ timeoutMs: 10 * 60_000 });
  await worker.stop();
  const { n } = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "sent")
    .executeTakeFirstOrThrow();
  await db.destroy();
  if (!settled) throw new Error("the worker did not settle every row");
  return { ...figures(await fakeStats(root)), dbSent: Number(n) };
}

async function runPlainLoop(root: string): Promise<RunFigures> {
  const api = new Api(TOKEN, { apiRoot: root });
  api.config.use(autoRetry({ maxRetryAttempts: 50, maxDelaySeconds: 60 }));
  for (let i = 0; i < MESSAGES; i++) await api.sendMessage(i + 1, digestText(i + 1), { parse_mode: "HTML" });
  return figures(await fakeStats(root));
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "srok-bench-delivery-"));
  const fake = process.env.BENCH_FAKE_IN_PROCESS ? await serveFake() : await startFake();
  try {
    console.log(
      `fake Bot API: ${PER_WINDOW} messages per ${WINDOW_MS} ms (time scaled ×${SCALE}: Telegram's 30/s), one per chat per ${PER_CHAT_MS} ms, ` +
        `429 with retry_after ${1 / SCALE} s beyond, ${LATENCY_MS} ms per call; limit ${LIMIT_PER_S}/s in scaled time`,
    );
    const w = await runWorker(fake.root, dir);
    await fetch(`${fake.root}/reset`);
    const p = await runPlainLoop(fake.root);
    const line = (name: string, f: RunFigures) =>
      `${name}: ${MESSAGES} messages in ${f.seconds.toFixed(1)} s = ${f.rate.toFixed(0)}/s (${((100 * f.rate) / LIMIT_PER_S).toFixed(1)} % of the limit), ` +
      `429 answers ${f.rejected429}, duplicates ${f.duplicates}, lost ${f.lost}`;
    console.log(line("srok worker (outbox, paced)", w));
    console.log(line("plain loop + auto-retry   ", p));
    const share = w.rate / LIMIT_PER_S;
    const ok = share >= 0.95 && w.duplicates === 0 && w.lost === 0 && w.dbSent === MESSAGES;
    console.log(
      `${ok ? "PASS" : "FAIL"} delivery: sustained ${(100 * share).toFixed(1)} % of the limit (target ≥ 95 %), ` +
        `${w.duplicates} duplicates, ${w.lost} lost, ${w.dbSent} of ${MESSAGES} rows marked sent; ` +
        `${(w.rate / p.rate).toFixed(2)}× the plain loop`,
    );
  } finally {
    fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--fake-server") {
  const { root } = await serveFake();
  process.stdout.write(`${root}\n`);
}
