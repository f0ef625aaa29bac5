// The whole process: configuration, database, bot, polling, jobs, and a graceful stop.
// src/main.ts calls it; tests run it in a child process (test/support/bot-child.ts).
import pino, { type Logger } from "pino";
import { type DB, openMigratedDatabase } from "../../../db/database.js";
import { type Clock, systemClock } from "../../clock.js";
import type { BotDeps } from "../context.js";
import { type CreateBotOptions, createBot } from "../index.js";
import { configOrProblems } from "./config-problems.js";
import type { FeatureLike } from "./feature.js";
import { type LaunchedBot, type LaunchOptions, launchBot } from "./launch.js";

export interface Jobs {
  stop(): Promise<void>;
}

export { configOrProblems } from "./config-problems.js";

export interface RunAppOptions {
  env: Record<string, string | undefined>;
  features: readonly FeatureLike[];
  /** The scheduler (src/jobs/index.ts `startJobs`), started once the bot polls. */
  startJobs?: (deps: BotDeps, api: ReturnType<typeof createBot>["api"]) => Jobs;
  clock?: Clock;
  bot?: CreateBotOptions;
  launch?: LaunchOptions;
  /** Stop gracefully on SIGTERM/SIGINT and exit (default true). */
  handleSignals?: boolean;
  /** Where configuration problems go, one line each (default stderr). */
  printProblem?: (line: string) => void;
}

export interface RunningApp {
  deps: BotDeps;
  launched: LaunchedBot;
  /** Stops polling, waits for updates in flight, stops jobs, closes the database. Idempotent. */
  stop(): Promise<void>;
}

/** Runs the bot; resolves once it polls. Exits the process with 1 on bad configuration. */
export async function runApp(options: RunAppOptions): Promise<RunningApp> {
  const print = options.printProblem ?? ((line: string) => process.stderr.write(`${line}\n`));
  const config = configOrProblems(options.env, print);
  if (!config) process.exit(1);
  const logger = pino({ level: config.logLevel, base: { app: "srok" } });
  let db: DB;
  try {
    db = await openMigratedDatabase(config.databaseUrl);
  } catch (err) {
    print(`srok: database: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  const deps: BotDeps = { db, config, clock: options.clock ?? systemClock, logger };
  const bot = createBot(deps, options.features, options.bot);
  let launched: LaunchedBot;
  try {
    launched = await launchBot(bot, deps, options.launch);
  } catch (err) {
    logger.fatal({ err: String(err) }, "the bot could not start");
    await db.destroy();
    process.exit(1);
  }
  const jobs = options.startJobs?.(deps, bot.api);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      logger.info({ in_flight: launched.polling.size() }, "stopping");
      await jobs?.stop().catch((err) => logger.error({ err }, "jobs did not stop cleanly"));
      await launched.polling.stop();
      await launched.menuReady;
      await db.destroy();
      logger.info("stopped");
    })();
    return stopping;
  };

  if (options.handleSignals !== false) installSignalHandlers(stop, logger);
  launched.polling.task.catch(async (err) => {
    logger.fatal({ err: String(err) }, "polling stopped");
    await stop();
    process.exit(1);
  });
  return { deps, launched, stop };
}

function installSignalHandlers(stop: () => Promise<void>, logger: Logger): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      logger.warn({ signal }, "second signal: exiting at once");
      process.exit(1);
    }
    signalled = true;
    logger.info({ signal }, "signal received");
    stop().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, "stop failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  process.on("unhandledRejection", (err) => logger.error({ err }, "unhandled rejection"));
}
