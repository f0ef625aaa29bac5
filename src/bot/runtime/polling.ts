// Long polling with at-least-once delivery, on @grammyjs/runner's source/sink/runner.
//
// grammY runner's own fetcher confirms a batch as soon as it fetches the next one, so an update
// being handled when the process dies is lost. Here the offset only passes updates that, with
// all earlier ones, were handled (UpdateWindow); in-flight updates that Telegram sends again are
// recognised in memory and skipped. Normally nothing extra is persisted: Telegram keeps
// unconfirmed updates, and applyOnce (processed_updates) makes a redelivered update change nothing.
// Different chats run in parallel (a concurrent sink); one chat in order (sequentialize in
// createBot). While updates are in flight, getUpdates answers at once with them, so the source
// then polls without a long-poll timeout, waking on each finished update or every `busyPollMs`.
// A burst: one getUpdates answer holds 100 updates, in-flight ones included, so the next hundred
// would wait until the first hundred were handled (and each handler waits for its edit, which
// the throttler lets through at 30/s). When an answer comes back full, the updates in flight are
// parked in the inbox (one database write) and the offset passes them; a crash then replays
// them from the inbox on the next start. The next getUpdates is sent before the parked batch is
// handed to the handlers: their database calls resolve as microtasks, so once they run, no
// request is written until each has reached its first Bot API call.
import { createConcurrentSink, createRunner, createSource, type UpdateSupplier } from "@grammyjs/runner";
import { type Bot, BotError, GrammyError } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import type { BotContext } from "../context.js";
import type { UpdateInbox } from "./update-inbox.js";
import { UpdateWindow } from "./update-window.js";

export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

export interface PollingOptions {
  logger: Logger;
  /** Long-poll timeout of getUpdates when idle (seconds, default 30). */
  timeoutSeconds?: number;
  /** Updates handled at once over all chats (default 500 with an inbox, else 100). */
  concurrency?: number;
  /** Where updates in flight are parked in a burst and replayed from after a crash (none: at most 100 in flight). */
  inbox?: UpdateInbox | null;
  /** While updates are in flight, fetch again at least this often (ms, default 50). */
  busyPollMs?: number;
  /** An update still running after this long is logged and given up on (ms, default 5 min). */
  stuckAfterMs?: number;
  allowedUpdates?: readonly string[];
}

export interface PollingHandle {
  /**
   * Stops fetching, waits until the updates in flight are done (at most `timeoutMs`, default
   * 30 s), then confirms the handled ones to Telegram. Updates still running are not confirmed.
   */
  stop(opts?: { timeoutMs?: number }): Promise<void>;
  /** Updates being handled now. */
  size(): number;
  isRunning(): boolean;
  /** Settles when polling ends; rejects on a fatal error (401 bad token, 409 another instance). */
  task: Promise<void>;
  window: UpdateWindow;
}

/** Polls updates for `bot` (already initialised: `await bot.init()`). */
export function startPolling(bot: Bot<BotContext>, options: PollingOptions): PollingHandle {
  const logger = options.logger;
  const timeout = options.timeoutSeconds ?? 30;
  const busyPollMs = options.busyPollMs ?? 50;
  const coalesceMs = Math.min(5, busyPollMs);
  const stuckAfterMs = options.stuckAfterMs ?? 5 * 60_000;
  const allowed = [...(options.allowedUpdates ?? ALLOWED_UPDATES)] as (typeof ALLOWED_UPDATES)[number][];
  const window = new UpdateWindow();
  const inbox = options.inbox ?? undefined;
  /** Accepted and not yet handled (parking needs the updates themselves). */
  const inFlight = new Map<number, Update>();
  /** A getUpdates already sent for the next supply (in a burst). */
  let prefetched: { offset: number; limit: number; updates: Promise<Update[]> } | undefined;
  const concurrency = options.concurrency ?? (inbox ? 500 : 100);
  /** Updates left in the inbox by an earlier process; undefined until read. */
  let replay: Update[] | undefined = inbox ? undefined : [];
  let fetchFailures = 0;

  async function fetchUpdates(
    offset: number,
    limit: number,
    wait: number,
    signal: AbortSignal,
  ): Promise<Update[]> {
    for (;;) {
      try {
        const updates = await bot.api.getUpdates(
          { offset, limit, timeout: wait, allowed_updates: allowed },
          signal as never,
        );
        if (fetchFailures > 0) logger.info({ after: fetchFailures }, "getUpdates works again");
        fetchFailures = 0;
        return updates;
      } catch (err) {
        if (signal.aborted) throw err;
        if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 409)) {
          logger.fatal({ error_code: err.error_code, description: err.description }, "polling cannot go on");
          throw err;
        }
        fetchFailures += 1;
        const retryAfter = err instanceof GrammyError ? err.parameters.retry_after : undefined;
        const delay = retryAfter
          ? retryAfter * 1000
          : Math.min(15_000, 100 * 2 ** Math.min(fetchFailures, 8));
        logger.warn({ err: String(err), retry_in_ms: delay }, "getUpdates failed");
        await sleep(delay, signal);
      }
    }
  }

  const supplier: UpdateSupplier<Update> = {
    async supply(batchSize, runnerSignal) {
      // The runner's signal comes from the abort-controller polyfill; it behaves the same.
      const signal = runnerSignal as unknown as AbortSignal;
      replay ??= await loadReplay();
      if (replay.length > 0) return replay.splice(0, Math.max(1, batchSize));
      for (;;) {
        const pending = prefetched;
        prefetched = undefined;
        const offset = pending?.offset ?? window.offset;
        // Telegram answers from the offset on, in-flight ones included: ask for room beyond them.
        const limit =
          pending?.limit ?? Math.max(1, Math.min(100, window.unconfirmed + Math.max(1, batchSize)));
        const updates = await (pending?.updates ??
          fetchUpdates(offset, limit, window.holding > 0 ? 0 : timeout, signal));
        const fresh = window.accept(updates, offset);
        for (const u of fresh) inFlight.set(u.update_id, u);
        // A full answer: more are probably waiting behind the ones in flight (new or not);
        // parked, the offset passes them.
        if (inbox && updates.length >= limit) await park(inbox);
        if (fresh.length > 0) {
          // Ask for the next ones now, and hand this batch over only once that request is out:
          // the batch's handlers would otherwise run (database work is microtasks) before it is
          // sent. getUpdates is written on the next tick (bot-api-fetch.ts), before this one: the
          // handlers then still run in this turn of the event loop, and their answers go out at
          // its end, ahead of the replies to earlier answers that are waiting to be read.
          prefetch(signal);
          await new Promise<void>((resolve) => process.nextTick(resolve));
          return fresh;
        }
        if (window.holding > 0) {
          // Nothing new: fetch again once the offset can move (an oldest update finished), or
          // after busyPollMs for updates beyond the window. A short pause lets more finish, so
          // a burst does not cost one refetch of every in-flight update per finished one.
          await window.waitForProgress(busyPollMs, signal, offset);
          await sleep(coalesceMs, signal);
        }
      }
    },
  };

  /** Starts the next getUpdates before the current batch is handled (see supply). */
  function prefetch(signal: AbortSignal): void {
    const room = concurrency - window.running;
    if (room <= 0) return;
    const offset = window.offset;
    const limit = Math.max(1, Math.min(100, window.unconfirmed + room));
    const updates = fetchUpdates(offset, limit, window.holding > 0 ? 0 : timeout, signal);
    // Awaited by the next supply; if polling stops first, nobody does.
    updates.catch(() => {});
    prefetched = { offset, limit, updates };
  }

  async function loadReplay(): Promise<Update[]> {
    if (!inbox) return [];
    try {
      const saved = await inbox.load();
      if (saved.length > 0) {
        window.restore(saved.map((u) => u.update_id));
        for (const u of saved) inFlight.set(u.update_id, u);
        logger.info({ updates: saved.length }, "handling again the updates left unfinished by the last run");
      }
      return saved;
    } catch (err) {
      logger.error({ err: String(err) }, "could not read the update inbox");
      return [];
    }
  }

  /** Saves the updates that hold the offset, then lets the offset pass them. */
  async function park(box: UpdateInbox): Promise<boolean> {
    const ids = window.holdingIds();
    const updates = ids.map((id) => inFlight.get(id)).filter((u): u is Update => u !== undefined);
    if (updates.length === 0) return true;
    try {
      await box.save(updates);
    } catch (err) {
      logger.warn({ err: String(err) }, "could not park updates in flight; the window waits for them");
      return false;
    }
    const parked = new Set(window.park(updates.map((u) => u.update_id)));
    // Those that finished while being saved are done: clear them again.
    for (const u of updates) if (!parked.has(u.update_id)) box.remove(u.update_id);
    return true;
  }

  /** The update was handled or given up on (idempotent). */
  function finish(id: number): void {
    if (!inFlight.delete(id)) return;
    const parked = window.isParked(id);
    window.done(id);
    if (parked) inbox?.remove(id);
  }

  async function handle(update: Update): Promise<void> {
    const id = update.update_id;
    const started = performance.now();
    const stuck = setTimeout(() => {
      logger.error(
        { update_id: id, ms: Math.round(performance.now() - started) },
        "update is stuck; given up on",
      );
      finish(id);
    }, stuckAfterMs);
    stuck.unref?.();
    try {
      await bot.handleUpdate(update);
    } catch (err) {
      try {
        if (err instanceof BotError) await bot.errorHandler(err);
        else logger.error({ update_id: id, err }, "update failed outside the middleware");
      } catch (inner) {
        logger.error({ update_id: id, err: inner }, "the error handler failed");
      }
    } finally {
      clearTimeout(stuck);
      finish(id);
    }
  }

  const source = createSource(supplier);
  const sink = createConcurrentSink<Update, unknown>(
    { consume: handle },
    async (err) => logger.error({ err }, "update sink error"),
    { concurrency },
  );
  const runner = createRunner(source, sink);
  runner.start();
  const task = (runner.task() ?? Promise.resolve()).then(
    () => undefined,
    (err) => {
      throw err;
    },
  );
  // Reported to the owner through `task`; keep Node from calling it unhandled meanwhile.
  task.catch(() => {});

  let stopping: Promise<void> | undefined;
  return {
    window,
    task,
    size: () => window.running,
    isRunning: () => runner.isRunning(),
    stop(opts = {}) {
      stopping ??= (async () => {
        const timeoutMs = opts.timeoutMs ?? 30_000;
        if (runner.isRunning()) await runner.stop()?.catch(() => {});
        const idle = await window.idle(timeoutMs);
        if (!idle) logger.warn({ running: window.running }, "stopping with updates still running");
        await inbox?.flush();
        // Confirm what was handled, so a normal restart does not deliver it again. An update that
        // arrives meanwhile is in the answer but not confirmed (offset is below it).
        try {
          await bot.api.getUpdates({ offset: window.offset, limit: 1, timeout: 0, allowed_updates: allowed });
        } catch (err) {
          logger.debug({ err: String(err) }, "could not confirm the last updates");
        }
      })();
      return stopping;
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(new Error("aborted"));
    };
    signal.addEventListener("abort", abort, { once: true });
  });
}
