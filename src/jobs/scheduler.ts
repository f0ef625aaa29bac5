// The scheduler: a node-cron job every minute that queues the daily messages due now (digests,
// coordinators' summaries) and wakes the delivery worker. It also runs once at start, so a
// digest missed while the bot was down goes out as soon as it is back (if the day is not over).
import cron, { type ScheduledTask } from "node-cron";
import type { Clock } from "../clock.js";
import { type DailyContext, queueDueDigests, queueDueSummaries } from "./daily.js";
import type { DeliveryWorker, JobLogger } from "./delivery.js";

export interface TickResult {
  digests: number;
  summaries: number;
}

export interface Scheduler {
  /** Starts the every-minute job and runs a catch-up tick now. */
  start(): void;
  /** One tick now (tests, and the catch-up at start); a tick already running is awaited instead. */
  tick(): Promise<TickResult>;
  /** Stops the job and waits for a tick in progress. */
  stop(): Promise<void>;
}

export function createScheduler(deps: {
  daily: DailyContext;
  clock: Clock;
  worker: DeliveryWorker;
  logger?: JobLogger;
}): Scheduler {
  const log = deps.logger;
  let task: ScheduledTask | undefined;
  let running: Promise<TickResult> | undefined;

  async function runTick(): Promise<TickResult> {
    const now = deps.clock();
    const result: TickResult = { digests: 0, summaries: 0 };
    try {
      result.digests = (await queueDueDigests(deps.daily, now)).queued;
    } catch (err) {
      log?.error({ err }, "queueing digests failed; the next tick tries again");
    }
    try {
      result.summaries = (await queueDueSummaries(deps.daily, now)).queued;
    } catch (err) {
      log?.error({ err }, "queueing summaries failed; the next tick tries again");
    }
    if (result.digests + result.summaries > 0) deps.worker.wake();
    return result;
  }

  function tick(): Promise<TickResult> {
    running ??= runTick().finally(() => {
      running = undefined;
    });
    return running;
  }

  // node-cron warns on every overlapping or missed tick; those are expected here (a long tick is
  // skipped, the next one catches up), so they go to debug.
  const cronLogger = {
    info: (m: string) => log?.debug({ cron: m }, "cron"),
    warn: (m: string) => log?.debug({ cron: m }, "cron"),
    error: (m: string | Error, err?: Error) => log?.error({ err: err ?? m }, "cron"),
    debug: (m: string | Error) => log?.debug({ cron: String(m) }, "cron"),
  };

  return {
    start() {
      if (task) return;
      task = cron.schedule("* * * * *", () => tick(), {
        name: "srok-daily",
        noOverlap: true,
        logger: cronLogger,
      });
      void tick();
    },
    tick,
    async stop() {
      const t = task;
      task = undefined;
      if (t) {
        await t.stop();
        await t.destroy();
      }
      await running;
    },
  };
}
