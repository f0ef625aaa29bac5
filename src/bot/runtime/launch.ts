// Starting a built bot: getMe (with patience for a network that is not up yet), no webhook,
// old processed_updates pruned, the commands menu, then polling.
import { type Bot, GrammyError } from "grammy";
import { pruneProcessedUpdates } from "../../../db/queries/processed-updates.js";
import { setupCommandsMenu } from "../commands-menu.js";
import type { BotContext, BotDeps } from "../context.js";
import { type PollingHandle, type PollingOptions, startPolling } from "./polling.js";
import { kvUpdateInbox } from "./update-inbox.js";

/** processed_updates older than this are pruned on start (Telegram redelivers for 24 h at most). */
export const PROCESSED_UPDATES_KEEP_DAYS = 3;

/** `inbox` defaults to the kv table of deps.db; null: no parking (at most 100 updates in flight). */
export interface LaunchOptions extends Partial<PollingOptions> {
  /** Give up on getMe after this long (ms, default 5 min); a bad token (401) fails at once. */
  initTimeoutMs?: number;
  /** Set the commands menu on start (default true). */
  commandsMenu?: boolean;
}

export interface LaunchedBot {
  polling: PollingHandle;
  /** Settles when the commands menu was set (failures are logged, never thrown). */
  menuReady: Promise<void>;
}

export async function launchBot(
  bot: Bot<BotContext>,
  deps: BotDeps,
  options: LaunchOptions = {},
): Promise<LaunchedBot> {
  const logger = deps.logger;
  await initBot(bot, deps, options.initTimeoutMs ?? 5 * 60_000);
  // Polling needs no webhook; pending updates are kept.
  await bot.api
    .deleteWebhook({ drop_pending_updates: false })
    .catch((err) => logger.warn({ err: String(err) }, "could not delete the webhook"));
  const cutoff = new Date(deps.clock().getTime() - PROCESSED_UPDATES_KEEP_DAYS * 24 * 3600_000);
  const pruned = await pruneProcessedUpdates(deps.db, cutoff);
  if (pruned > 0) logger.info({ pruned }, "old processed updates pruned");

  const menuReady =
    options.commandsMenu === false
      ? Promise.resolve()
      : setupCommandsMenu(bot.api, deps).then(
          (r) => logger.info(r, "commands menu set"),
          (err) => logger.warn({ err: String(err) }, "could not set the commands menu"),
        );

  const inbox = options.inbox === undefined ? kvUpdateInbox(deps.db, deps.clock, logger) : options.inbox;
  const polling = startPolling(bot, { ...options, logger, inbox });
  logger.info({ bot: bot.botInfo.username }, "bot is polling");
  return { polling, menuReady };
}

async function initBot(bot: Bot<BotContext>, deps: BotDeps, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 500;
  for (;;) {
    try {
      await bot.init();
      return;
    } catch (err) {
      if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
        throw new Error(
          `the Bot API refused the token (${err.error_code} ${err.description}): check BOT_TOKEN`,
        );
      }
      if (Date.now() + delay > deadline) throw err;
      deps.logger.warn({ err: String(err), retry_in_ms: delay }, "cannot reach the Bot API yet");
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 30_000);
    }
  }
}
