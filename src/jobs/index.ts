// The bot's background jobs: the every-minute scheduler of daily messages and the outbox's
// delivery worker. `src/main.ts` starts them once the bot polls and stops them on shutdown.
import { Api } from "grammy";
import type { BotDeps } from "../bot/context.js";
import { russianCalendar } from "../domain/calendar/index.js";
import type { DailyContext } from "./daily.js";
import { createDeliveryWorker, type DeliveryOptions, type DeliveryWorker } from "./delivery.js";
import { createScheduler, type TickResult } from "./scheduler.js";
import { jobTexts } from "./texts.js";

export interface RunningJobs {
  /** Stops the scheduler, then the worker (calls in flight are recorded first). */
  stop(): Promise<void>;
  /** One scheduler tick now (tests). */
  tick(): Promise<TickResult>;
  worker: DeliveryWorker;
}

export interface JobsOptions {
  delivery?: DeliveryOptions;
  /** Run the every-minute cron job (default true; tests call `tick()` themselves). */
  cron?: boolean;
}

/** What the daily jobs need from the bot's dependencies. */
export function dailyContext(deps: Pick<BotDeps, "db" | "config" | "logger">): DailyContext {
  return {
    db: deps.db,
    defaults: { timezone: deps.config.defaultTimezone, digestTime: deps.config.digestTime },
    calendar: russianCalendar,
    texts: jobTexts(),
    logger: deps.logger,
  };
}

/**
 * An Api on the same token and server as `api`, without its transformers: the worker paces and
 * retries by itself, so auto-retry and the throttler must not sit in between.
 */
export function bareApi(api: Api): Api {
  return new Api(api.token, api.options);
}

/** Starts the scheduler (every minute, plus a catch-up tick now) and the delivery worker. */
export function startJobs(deps: BotDeps, api: Api, options: JobsOptions = {}): RunningJobs {
  const logger = deps.logger.child({ job: "daily" });
  const worker = createDeliveryWorker(
    { db: deps.db, api: bareApi(api), clock: deps.clock, logger: deps.logger.child({ job: "delivery" }) },
    options.delivery,
  );
  const scheduler = createScheduler({ daily: dailyContext(deps), clock: deps.clock, worker, logger });
  worker.start();
  if (options.cron !== false) scheduler.start();
  return {
    worker,
    tick: () => scheduler.tick(),
    async stop() {
      await scheduler.stop();
      await worker.stop();
    },
  };
}
