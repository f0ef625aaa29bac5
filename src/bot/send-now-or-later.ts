// A message to another user (a coordinator's notice, a requester's answer): sent now, and when
// Telegram cannot take it (busy, down, no answer), queued in the outbox under its key for the
// delivery worker, so it is sent later, once (one copy more at most, if the failed call had in
// fact arrived). A user who blocked the bot gets nothing; the caller may record that.
import { type Api, GrammyError } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import { enqueueMessage, type OutboxPayload } from "../../db/queries/outbox.js";
import type { AppState } from "./context.js";

export type Delivery = "sent" | "queued" | "blocked";

export async function sendNowOrLater(
  ctx: { api: Api; app: AppState },
  chatId: number,
  message: { text: string; reply_markup?: InlineKeyboardMarkup },
  idemKey: string,
): Promise<Delivery> {
  try {
    await ctx.api.sendMessage(chatId, message.text, {
      parse_mode: "HTML",
      reply_markup: message.reply_markup,
      link_preview_options: { is_disabled: true },
    });
    return "sent";
  } catch (err) {
    const blocked = err instanceof GrammyError && err.error_code === 403;
    if (!blocked) {
      const { db, clock } = ctx.app.deps;
      const payload = {
        text: message.text,
        reply_markup: message.reply_markup as OutboxPayload["reply_markup"],
      };
      await enqueueMessage(db, { idemKey, chatId, kind: "notice", payload }, clock());
    }
    ctx.app.logger.warn({ err, chatId, idemKey, queued: !blocked }, "message to another user not sent now");
    return blocked ? "blocked" : "queued";
  }
}
