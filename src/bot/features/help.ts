// /help: what this person can do here, from the same command lists as the Telegram menu.
import { Composer } from "grammy";
import { loadActor } from "../../../db/queries/actors.js";
import { canManagePlans, isCoordinator } from "../../domain/permissions.js";
import { COORDINATOR_COMMANDS, commandList, EXECUTOR_COMMANDS } from "../commands-menu.js";
import type { BotContext } from "../context.js";

export const help = new Composer<BotContext>();

help.chatType("private").command("help", async (ctx) => {
  const actor = await loadActor(ctx.app.deps.db, ctx.from.id);
  const language = ctx.app.user?.language ?? "ru";
  if (actor.unitIds.length === 0 && !isCoordinator(actor)) {
    await ctx.reply(ctx.t("help-stranger"));
    return;
  }
  const names = isCoordinator(actor) ? COORDINATOR_COMMANDS : EXECUTOR_COMMANDS;
  const lines = commandList(names, language)
    .filter((c) => (c.command !== "plans" && c.command !== "event" ? true : canManagePlans(actor)))
    .map((c) => `/${c.command} — ${c.description}`);
  const footer = canManagePlans(actor) ? `\n\n${ctx.t("help-upload")}` : "";
  await ctx.reply(`${ctx.t("help-title")}\n\n${lines.join("\n")}${footer}`);
});
