// The error boundary: an update that throws is logged and the person is told, never left in silence.
import type { I18n } from "@grammyjs/i18n";
import { type BotError, GrammyError } from "grammy";
import { markUserBlocked } from "../../../db/queries/users.js";
import type { BotContext, BotDeps } from "../context.js";
import { normaliseLanguage } from "../i18n.js";

/** A Bot API answer saying the user blocked the bot (or deleted their account). */
export function isBlockedError(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 403;
}

export function errorBoundary(deps: BotDeps, i18n: I18n<any>): (err: BotError<BotContext>) => Promise<void> {
  return async (err) => {
    const ctx = err.ctx;
    const logger = ctx.app?.logger ?? deps.logger.child({ update_id: ctx.update.update_id });
    const cause = err.error;
    if (isBlockedError(cause)) {
      logger.info({ description: (cause as GrammyError).description }, "user blocked the bot");
      if (ctx.from) await markUserBlocked(deps.db, ctx.from.id, deps.clock()).catch(() => {});
      return;
    }
    logger.error({ err: cause }, "update failed");
    const t =
      typeof ctx.t === "function"
        ? ctx.t
        : (key: string) => i18n.t(normaliseLanguage(ctx.app?.user?.language), key);
    const text = t("common-error");
    if (ctx.callbackQuery) {
      try {
        await ctx.answerCallbackQuery({ text });
        return;
      } catch {
        // Already answered: say it in the chat instead.
      }
    }
    if (ctx.chat?.type === "private") {
      await ctx
        .reply(text)
        .catch((e) => logger.warn({ err: String(e) }, "could not tell the user about the error"));
    }
  };
}
