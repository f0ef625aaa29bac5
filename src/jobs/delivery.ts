// The delivery worker: sends the outbox's rows through the Bot API within Telegram's limits,
// records each message as sent as soon as Telegram confirms it, retries what can be retried and
// gives up with the reason recorded.
//
// Exactly once, and the one window where it can be twice: a row is marked `sending` (with a lease)
// before the call and `sent` right after Telegram answers. If the process dies between Telegram
// accepting the message and that UPDATE (a few milliseconds; or while the request is in flight,
// when Telegram may or may not have it), the row stays `sending`. When its lease expires, any
// worker claims it again and resends it: the reader gets the message, at worst twice. We chose
// resending over «failed, for review» because a lost digest costs more than a repeated one, and
// nobody reviews a queue at 09:00. The same holds for a timeout (the answer was lost, the message
// may have arrived): it is retried. Every other path either sent once or did not send.
//
// Rates: at most `maxPerWindow` calls started in any `windowMs` (Telegram: about 30 per second in
// all), at least `perChatMs` between two messages to one chat, at most `concurrency` in flight.
// The Api given must have no auto-retry and no throttler: this worker does both itself.
import { performance } from "node:perf_hooks";
import { type Api, GrammyError } from "grammy";
import type { DB } from "../../db/database.js";
import {
  claimOutboxRow,
  countUnsettled,
  dueOutboxRows,
  failPendingForChat,
  markOutboxFailed,
  markOutboxRetry,
  markOutboxSent,
  nextOutboxAttemptAt,
  type OutboxPayload,
} from "../../db/queries/outbox.js";
import { markUserBlocked } from "../../db/queries/users.js";
import type { OutboxRow } from "../../db/schema.js";
import type { Clock } from "../clock.js";

/** The few logger methods used (pino's Logger fits). */
export interface JobLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

export interface DeliveryOptions {
  /** Calls started in any window (default 30). */
  maxPerWindow?: number;
  /** The window, ms (default 1000). */
  windowMs?: number;
  /** Kept on top of the window so requests arriving with jitter stay within the count (default 0.03). */
  windowSlack?: number;
  /** Minimum time between two messages to one chat, ms (default 1000). */
  perChatMs?: number;
  /** Calls in flight at once (default 8). */
  concurrency?: number;
  /** Attempts before a row fails (default 8). */
  maxAttempts?: number;
  /** Backoff after a 5xx or a network error: base · 2^(attempt-1), capped (defaults 2 s, 10 min). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** One request's time limit, ms (default 20 s). */
  requestTimeoutMs?: number;
  /** How long a claimed row belongs to this worker; must exceed the request timeout (default +15 s). */
  leaseMs?: number;
  /** Poll for new rows when idle, ms (default 1000). */
  idlePollMs?: number;
  /** Rows read per query (default 100). */
  batchSize?: number;
  /** A 429's retry_after is in seconds of this many ms (default 1000; benchmarks scale time). */
  retryAfterUnitMs?: number;
  /** Calls that may go back to back after a quiet moment (default 3); the rest are evenly spaced. */
  burst?: number;
}

export interface DeliveryStats {
  sent: number;
  retried: number;
  failed: number;
  blocked: number;
  rateLimited: number;
}

export interface DeliveryWorker {
  /** Starts the loop in the background (idempotent). */
  start(): void;
  /** New rows were queued: look now instead of at the next poll. */
  wake(): void;
  /** Stops claiming rows and waits for the calls in flight to be recorded. */
  stop(): Promise<void>;
  /**
   * Runs until none of `ids` (or no row at all) is pending or sending, or `timeoutMs` passes.
   * Returns true when everything was settled. For the CLI and tests; starts the loop if needed.
   */
  drain(opts?: { ids?: readonly number[]; timeoutMs?: number }): Promise<boolean>;
  readonly stats: DeliveryStats;
}

export interface DeliveryDeps {
  db: DB;
  api: Api;
  clock: Clock;
  logger?: JobLogger;
}

const silent: JobLogger = { info() {}, warn() {}, error() {}, debug() {} };

type Outcome =
  | { kind: "sent"; messageId: number }
  | { kind: "rate_limited"; retryAfterMs: number; reason: string }
  | { kind: "transient"; reason: string }
  | { kind: "blocked"; reason: string }
  | { kind: "permanent"; reason: string };

/** What a Bot API failure means for the row. */
export function classifyError(e: unknown, retryAfterUnitMs = 1000): Outcome {
  if (e instanceof GrammyError) {
    const reason = `${e.error_code}: ${e.description}`;
    if (e.error_code === 429) {
      const after = Number(e.parameters.retry_after ?? 1);
      return { kind: "rate_limited", retryAfterMs: Math.max(0, after) * retryAfterUnitMs, reason };
    }
    if (e.error_code === 403) return { kind: "blocked", reason };
    if (e.error_code >= 500) return { kind: "transient", reason };
    // 400 (bad request, chat not found), 401, 404…: trying again would fail the same way.
    return { kind: "permanent", reason };
  }
  const msg = e instanceof Error ? e.message : String(e);
  return { kind: "transient", reason: msg.slice(0, 300) };
}

/**
 * The pacer: calls spread evenly over the window (a token bucket holding a few calls, so a late
 * timer can catch up) and, as a hard bound, at most `max` starts in any window; plus a global
 * pause after a 429. Even spacing matters: a burst of 30 at once reaches the server spread by
 * its own queueing, and the next burst then collides with the stragglers of the last one.
 */
class Pacer {
  private readonly starts: number[] = [];
  private pausedUntil = 0;
  private tokens: number;
  private refilledAt = 0;
  private readonly perMs: number;
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly burst: number,
  ) {
    this.perMs = max / windowMs;
    this.tokens = burst;
  }

  /** How long to wait before the next start may go (0: now). */
  waitMs(now: number): number {
    const pause = this.pausedUntil - now;
    while (this.starts.length > 0 && this.starts[0]! <= now - this.windowMs) this.starts.shift();
    const window = this.starts.length < this.max ? 0 : this.starts[0]! + this.windowMs - now;
    this.tokens = Math.min(this.burst, this.tokens + (now - this.refilledAt) * this.perMs);
    this.refilledAt = now;
    const bucket = this.tokens >= 1 ? 0 : (1 - this.tokens) / this.perMs;
    return Math.max(0, pause, window, bucket);
  }

  record(now: number): void {
    this.starts.push(now);
    this.tokens -= 1;
  }

  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }
}

/** Creates the worker; nothing runs until `start()` or `drain()`. */
export function createDeliveryWorker(deps: DeliveryDeps, options: DeliveryOptions = {}): DeliveryWorker {
  const { db, api, clock } = deps;
  const log = deps.logger ?? silent;
  const o = {
    maxPerWindow: options.maxPerWindow ?? 30,
    windowMs: options.windowMs ?? 1000,
    windowSlack: options.windowSlack ?? 0.03,
    perChatMs: options.perChatMs ?? 1000,
    concurrency: options.concurrency ?? 8,
    maxAttempts: options.maxAttempts ?? 8,
    backoffBaseMs: options.backoffBaseMs ?? 2000,
    backoffMaxMs: options.backoffMaxMs ?? 10 * 60_000,
    requestTimeoutMs: options.requestTimeoutMs ?? 20_000,
    idlePollMs: options.idlePollMs ?? 1000,
    batchSize: options.batchSize ?? 100,
    retryAfterUnitMs: options.retryAfterUnitMs ?? 1000,
    burst: Math.max(1, Math.min(options.burst ?? 3, options.maxPerWindow ?? 30)),
  };
  const leaseMs = options.leaseMs ?? o.requestTimeoutMs + 15_000;
  const pacer = new Pacer(o.maxPerWindow, o.windowMs * (1 + o.windowSlack), o.burst);
  const stats: DeliveryStats = { sent: 0, retried: 0, failed: 0, blocked: 0, rateLimited: 0 };
  /** Chats with a call in flight. */
  const busyChats = new Set<number>();
  /** Monotonic time of the last start per chat. */
  const lastChatStart = new Map<number, number>();
  const inFlight = new Set<Promise<void>>();
  /** When the last 429s came (monotonic ms). */
  let recent429: number[] = [];
  let running: Promise<void> | null = null;
  let stopping = false;
  let wakeUp: (() => void) | null = null;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        if (wakeUp === done) wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });

  function chatCoolingMs(chatId: number, now: number): number {
    const last = lastChatStart.get(chatId);
    return last === undefined ? 0 : Math.max(0, last + o.perChatMs * (1 + o.windowSlack) - now);
  }

  function pruneChats(now: number): void {
    if (lastChatStart.size < 10_000) return;
    for (const [chat, at] of lastChatStart) if (at + o.perChatMs <= now) lastChatStart.delete(chat);
  }

  function backoffMs(attempt: number): number {
    const base = Math.min(o.backoffMaxMs, o.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(base * (0.8 + Math.random() * 0.4));
  }

  async function settle(row: OutboxRow, attempt: number, outcome: Outcome): Promise<void> {
    const now = clock();
    switch (outcome.kind) {
      case "sent":
        await markOutboxSent(db, row.id, outcome.messageId, now);
        stats.sent++;
        return;
      case "rate_limited": {
        stats.rateLimited++;
        // The row waits retry_after. A stray 429 or two is a message that reached the server a
        // little early (jitter at the edge of the window); a third within one window means the
        // bot is over the limit, and then everyone waits (flood control is per bot).
        const at = performance.now();
        recent429 = recent429.filter((t) => t > at - o.windowMs);
        recent429.push(at);
        if (recent429.length >= 3) pacer.pause(at + outcome.retryAfterMs);
        if (attempt >= o.maxAttempts * 2) break;
        await markOutboxRetry(db, row.id, new Date(now.getTime() + outcome.retryAfterMs), outcome.reason);
        stats.retried++;
        return;
      }
      case "blocked":
        await markOutboxFailed(db, row.id, `blocked: ${outcome.reason}`);
        if (row.chat_id > 0) {
          // A private chat's id is the user's id. Any later update from them clears the mark
          // (upsertTelegramUser), and digests resume.
          await markUserBlocked(db, row.chat_id, now);
          await failPendingForChat(db, row.chat_id, `blocked: ${outcome.reason}`);
        }
        stats.blocked++;
        log.info({ chatId: row.chat_id, outboxId: row.id }, "user blocked the bot; their messages stop");
        return;
      case "permanent":
        await markOutboxFailed(db, row.id, outcome.reason);
        stats.failed++;
        log.warn({ chatId: row.chat_id, outboxId: row.id, reason: outcome.reason }, "message refused");
        return;
      case "transient":
        if (attempt < o.maxAttempts) {
          await markOutboxRetry(db, row.id, new Date(now.getTime() + backoffMs(attempt)), outcome.reason);
          stats.retried++;
          return;
        }
        break;
    }
    const reason = `gave up after ${attempt} attempts: ${"reason" in outcome ? outcome.reason : ""}`;
    await markOutboxFailed(db, row.id, reason);
    stats.failed++;
    log.warn({ chatId: row.chat_id, outboxId: row.id, reason }, "message given up");
  }

  async function send(row: OutboxRow): Promise<void> {
    const attempt = row.attempts + 1;
    let outcome: Outcome;
    try {
      const p = JSON.parse(row.payload_json) as OutboxPayload;
      const msg = await api.sendMessage(
        row.chat_id,
        p.text,
        {
          parse_mode: p.parse_mode,
          reply_markup: p.reply_markup,
          link_preview_options: { is_disabled: true },
        },
        // grammY types its signal with an old shim; the native one works at run time.
        AbortSignal.timeout(o.requestTimeoutMs) as unknown as Parameters<Api["sendMessage"]>[3],
      );
      outcome = { kind: "sent", messageId: msg.message_id };
    } catch (e) {
      outcome = classifyError(e, o.retryAfterUnitMs);
    }
    try {
      await settle(row, attempt, outcome);
    } catch (e) {
      // The database failed: the row stays `sending` and is taken again when its lease expires.
      log.error({ err: e, outboxId: row.id }, "could not record a delivery outcome");
    }
  }

  function launch(row: OutboxRow): void {
    busyChats.add(row.chat_id);
    const p = send(row).finally(() => {
      busyChats.delete(row.chat_id);
      inFlight.delete(p);
      wakeUp?.();
    });
    inFlight.add(p);
  }

  async function waitForSlot(): Promise<void> {
    while (inFlight.size >= o.concurrency && !stopping) await Promise.race(inFlight);
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      let launched = 0;
      let deferredMs = Number.POSITIVE_INFINITY;
      let rows: OutboxRow[];
      try {
        const perf = performance.now();
        const skip = new Set(busyChats);
        for (const chat of lastChatStart.keys()) if (chatCoolingMs(chat, perf) > 0) skip.add(chat);
        rows = await dueOutboxRows(db, clock(), o.batchSize, [...skip]);
      } catch (e) {
        log.error({ err: e }, "could not read the outbox");
        await sleep(o.idlePollMs);
        continue;
      }
      for (const row of rows) {
        if (stopping) break;
        await waitForSlot();
        if (stopping) break;
        if (busyChats.has(row.chat_id)) continue;
        let now = performance.now();
        const cooling = chatCoolingMs(row.chat_id, now);
        if (cooling > 0) {
          deferredMs = Math.min(deferredMs, cooling);
          continue;
        }
        for (let wait = pacer.waitMs(now); wait > 0 && !stopping; wait = pacer.waitMs(now)) {
          await new Promise((r) => setTimeout(r, wait));
          now = performance.now();
        }
        if (stopping) break;
        let claimed = false;
        try {
          claimed = await claimOutboxRow(db, row, new Date(clock().getTime() + leaseMs));
        } catch (e) {
          log.error({ err: e, outboxId: row.id }, "could not claim an outbox row");
        }
        if (!claimed) continue;
        if (row.status === "sending")
          log.warn({ outboxId: row.id }, "resending a row whose send was interrupted");
        now = performance.now();
        pacer.record(now);
        lastChatStart.set(row.chat_id, now);
        pruneChats(now);
        launch(row);
        launched++;
      }
      if (stopping) break;
      if (launched > 0) continue;
      // Nothing could go now: sleep until the next row is due, a chat cools down, a call ends, or wake().
      let waitMs = Math.min(o.idlePollMs, deferredMs);
      try {
        const next = await nextOutboxAttemptAt(db);
        if (next !== null) waitMs = Math.min(waitMs, Math.max(0, Date.parse(next) - clock().getTime()));
      } catch {
        // read again after the poll interval
      }
      if (rows.length > 0 && waitMs === 0) waitMs = 5; // due rows all busy: let calls finish
      await sleep(waitMs);
    }
  }

  const worker: DeliveryWorker = {
    stats,
    start() {
      if (running) return;
      stopping = false;
      running = loop().catch((e) => {
        log.error({ err: e }, "delivery loop stopped");
      });
    },
    wake() {
      wakeUp?.();
    },
    async stop() {
      stopping = true;
      wakeUp?.();
      await running;
      running = null;
      await Promise.allSettled([...inFlight]);
    },
    async drain(opts = {}) {
      worker.start();
      const deadline = performance.now() + (opts.timeoutMs ?? 60_000);
      const ids = opts.ids ? [...opts.ids] : null;
      for (;;) {
        const open = await countUnsettled(db, ids ?? undefined);
        if (open === 0) return true;
        if (performance.now() >= deadline) return false;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };

  return worker;
}
