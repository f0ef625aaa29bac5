// /tasks: the reader's open assignments (all their units), paged in one message edited in place.
// The ✅/📎 buttons on it are answered by done.ts and ../reports/reports.ts (the digest uses the same).
import { Composer } from "grammy";
import { type Actor, isCoordinator } from "../../../domain/permissions.js";
import { parseTasksData, TASKS_DATA } from "../../callback-data.js";
import type { BaseContext, BotContext } from "../../context.js";
import { loadReader } from "../../reader.js";
import { answerPress, editInPlace } from "../../screen.js";
import { buildTasksView } from "./page.js";

export const tasks = new Composer<BotContext>();

// Private chats only: the list is personal.
tasks.chatType("private").command("tasks", async (ctx) => {
  await sendTasks(ctx);
});

tasks.callbackQuery(TASKS_DATA, async (ctx) => {
  const button = parseTasksData(ctx.callbackQuery.data);
  if (!button) {
    await answerPress(ctx, ctx.t("tasks-stale"));
    return;
  }
  await answerPress(ctx);
  // From another message (a greeting, a digest): a new list; from the list itself: in place.
  if (button.kind === "open") await sendTasks(ctx);
  else await showTasksPage(ctx, button.page);
});

/** Sends the first page of /tasks as a new message. */
export async function sendTasks(ctx: BaseContext): Promise<void> {
  const userId = ctx.from?.id;
  if (userId === undefined) return;
  const reader = await loadReader(ctx, userId);
  if (reader.actor.unitIds.length === 0) {
    await ctx.reply(noUnitsText(ctx, reader.actor));
    return;
  }
  const view = await buildTasksView(ctx, reader, 0);
  await ctx.reply(view.text, {
    parse_mode: "HTML",
    reply_markup: view.reply_markup,
    link_preview_options: { is_disabled: true },
  });
}

/** Re-renders page `page` of the /tasks message that was pressed. */
export async function showTasksPage(ctx: BaseContext, page: number): Promise<void> {
  const userId = ctx.from?.id;
  if (userId === undefined) return;
  const reader = await loadReader(ctx, userId);
  if (reader.actor.unitIds.length === 0) {
    await editInPlace(ctx, noUnitsText(ctx, reader.actor), undefined);
    return;
  }
  const view = await buildTasksView(ctx, reader, page);
  await editInPlace(ctx, view.text, view.reply_markup);
}

/** No unit of one's own: a coordinator is sent to /status, anyone else told how to join. */
function noUnitsText(ctx: BaseContext, actor: Actor): string {
  return ctx.t(isCoordinator(actor) ? "tasks-coordinator-only" : "tasks-not-member");
}
