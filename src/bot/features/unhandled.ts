// Last in the chain: whatever no feature took gets a short hint, never silence.
import { Composer } from "grammy";
import { loadActor } from "../../../db/queries/actors.js";
import { isCoordinator } from "../../domain/permissions.js";
import type { BotContext } from "../context.js";

export const unhandledFeature = new Composer<BotContext>();

// A button nobody handles: an old message, a replaced plan, a forged payload.
unhandledFeature.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("unhandled-button") });
});

const privateChat = unhandledFeature.chatType("private");

privateChat.on("message::bot_command", async (ctx) => {
  await ctx.reply(ctx.t((await isStranger(ctx)) ? "unhandled-stranger-command" : "unhandled-command"));
});

privateChat.on("message", async (ctx) => {
  await ctx.reply(ctx.t((await isStranger(ctx)) ? "unhandled-stranger-message" : "unhandled-message"));
});

/** Linked to no unit and coordinating nothing: /tasks and /settings would not help them. */
async function isStranger(ctx: BotContext): Promise<boolean> {
  if (!ctx.from) return false;
  const actor = await loadActor(ctx.app.deps.db, ctx.from.id);
  return actor.unitIds.length === 0 && !isCoordinator(actor);
}
