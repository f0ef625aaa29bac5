// /cancel leaves any dialogue. Registered before every conversation, or a dialogue waiting for
// text would take "/cancel" as its answer.
import { Composer } from "grammy";
import type { BotContext } from "../context.js";

export const cancelCommand = new Composer<BotContext>();

cancelCommand.command("cancel", async (ctx) => {
  const active = Object.values(ctx.conversation.active()).reduce((a, b) => a + b, 0);
  await ctx.conversation.exitAll();
  await ctx.reply(ctx.t(active > 0 ? "common-cancelled" : "common-nothing-to-cancel"), {
    reply_markup: { remove_keyboard: true },
  });
});
