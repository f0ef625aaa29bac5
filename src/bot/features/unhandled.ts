// Last in the chain: whatever no feature took gets a short hint, never silence.
import { Composer } from "grammy";
import type { BotContext } from "../context.js";

export const unhandledFeature = new Composer<BotContext>();

// A button nobody handles: an old message, a replaced plan, a forged payload.
unhandledFeature.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("unhandled-button") });
});

const privateChat = unhandledFeature.chatType("private");

privateChat.on("message::bot_command", async (ctx) => {
  await ctx.reply(ctx.t("unhandled-command"));
});

privateChat.on("message", async (ctx) => {
  await ctx.reply(ctx.t("unhandled-message"));
});
