// The first middleware after ordering: ctx.app (deps, a logger with the update id, the sender's row).
import type { MiddlewareFn } from "grammy";
import type { Logger } from "pino";
import { upsertTelegramUser } from "../../../db/queries/users.js";
import type { BotContext, BotDeps } from "../context.js";

/**
 * Sets `ctx.app`. The sender's user row is created on first contact and refreshed on every
 * update; `languages` remembers each sender's stored language for contexts that have no ctx.app
 * (inside conversations).
 */
export function appState(deps: BotDeps, languages: Map<number, string>): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const from = ctx.from;
    let user = null;
    if (from && !from.is_bot) {
      user = await upsertTelegramUser(deps.db, from, deps.clock());
      languages.set(user.id, user.language);
    }
    // The child logger is made on first use: most updates log nothing.
    let logger: Logger | undefined;
    ctx.app = {
      deps,
      get logger() {
        logger ??= deps.logger.child({
          update_id: ctx.update.update_id,
          ...(from ? { user_id: from.id } : {}),
        });
        return logger;
      },
      user,
    };
    await next();
  };
}
