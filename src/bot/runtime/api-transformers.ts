// Bot API transformers: logging, bounded auto-retry, and the throttler. Installed on bot.api
// (and so on ctx.api of every update, and on the api the jobs get). Not inside conversations:
// the conversations plugin replays calls through its own Api objects, and a retry or a throttle
// there would wait again on every replay.
import { autoRetry } from "@grammyjs/auto-retry";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import type { Api, Transformer } from "grammy";
import type { Logger } from "pino";

export interface RetryBounds {
  /** Retries after a 429 or a 5xx (default 3). */
  maxRetryAttempts: number;
  /** A 429 asking to wait longer than this fails at once (default 30 s). */
  maxDelaySeconds: number;
}

export const DEFAULT_RETRY: RetryBounds = { maxRetryAttempts: 3, maxDelaySeconds: 30 };

export interface ApiTransformerOptions {
  logger: Logger;
  /** Telegram's rate limits on our side (default on; off in tests). */
  throttle?: boolean;
  /** Retry 429 and 5xx answers within bounds (default DEFAULT_RETRY); false: never retry. */
  retry?: false | Partial<RetryBounds>;
}

/** Logs each call's outcome: debug when fine, warn on an error answer (not for harmless 400s). */
export function loggingTransformer(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    const started = performance.now();
    const chatId = (payload as { chat_id?: unknown } | undefined)?.chat_id;
    try {
      const res = await prev(method, payload, signal);
      const ms = Math.round(performance.now() - started);
      if (method === "getUpdates") {
        logger.trace({ method, ms, ok: res.ok }, "bot api call");
      } else if (res.ok) {
        logger.debug({ method, chat_id: chatId, ms }, "bot api call");
      } else {
        const harmless =
          res.error_code === 400 && /message is not modified|query is too old/.test(res.description);
        logger[harmless ? "debug" : "warn"](
          { method, chat_id: chatId, ms, error_code: res.error_code, description: res.description },
          "bot api error",
        );
      }
      return res;
    } catch (err) {
      if (!signal?.aborted)
        logger.warn({ method, chat_id: chatId, err: String(err) }, "bot api call failed (network)");
      throw err;
    }
  };
}

/**
 * An answer to a button press that Telegram no longer takes ("query is too old", typically an
 * update delivered again after a restart) is of no use to anyone: it is treated as done, so the
 * handler goes on (edits the message) instead of failing on it.
 */
export function staleAnswerTransformer(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    const res = await prev(method, payload, signal);
    if (
      method === "answerCallbackQuery" &&
      !res.ok &&
      res.error_code === 400 &&
      /query is too old|query ID is invalid/i.test(res.description)
    ) {
      logger.info({ description: res.description }, "button press answered too late; skipped");
      return { ok: true, result: true } as unknown as typeof res;
    }
    return res;
  };
}

/**
 * Installs, innermost first: logging (each real attempt), stale press answers skipped, the
 * throttler, auto-retry (outermost, so a retried call queues through the throttler again).
 */
export function installApiTransformers(api: Api, options: ApiTransformerOptions): void {
  api.config.use(loggingTransformer(options.logger));
  api.config.use(staleAnswerTransformer(options.logger));
  if (options.throttle !== false) api.config.use(apiThrottler());
  if (options.retry !== false) {
    const bounds = { ...DEFAULT_RETRY, ...options.retry };
    // A network error may have reached Telegram already: not retried here (no double messages);
    // deliveries that must arrive go through the outbox, which retries itself.
    api.config.use(autoRetry({ ...bounds, rethrowHttpErrors: true }));
  }
}
