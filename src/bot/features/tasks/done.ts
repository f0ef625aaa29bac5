// «✅ Выполнено» and what follows it: undo, a comment (a short dialogue), and the monthly
// confirmation of continuous items. The buttons sit on /tasks, on the digest and on the report's
// last message; each press is checked (member of the unit, published plan), applied once, and the
// pressed message is edited in place.
import { Composer } from "grammy";
import type { InlineKeyboardButton, InlineKeyboardMarkup, MessageEntity } from "grammy/types";
import {
  type AssignmentInfo,
  confirmOngoing,
  loadAssignmentState,
  markDone,
  setComment,
  undoDone,
} from "../../../../db/queries/assignments.js";
import { monthName } from "../../../domain/text/dates.js";
import { escapeHtml } from "../../../domain/text/html.js";
import { shorten } from "../../../domain/text/shorten.js";
import { applyOnce } from "../../apply-once.js";
import { ASSIGNMENT_DATA, parseAssignmentData, parseReportData } from "../../callback-data.js";
import type { BaseContext, BotContext, BotConversation, ConversationContext } from "../../context.js";
import { currentActor, loadReader, type Reader } from "../../reader.js";
import { type BotFeature, defineConversation } from "../../runtime/feature.js";
import { answerPress, editInPlace } from "../../screen.js";
import { checkAssignmentAccess, refusalKey } from "./assignment-access.js";
import { findEntryLine, replaceLine, swapEntryButtons, unescapeHtml } from "./done-edit.js";
import { buildTasksView, tasksPageOf } from "./page.js";
import { renderEntryLine } from "./view.js";

export const COMMENT_CONVERSATION = "done-comment";
const COMMENT_MAX = 1000;

const composer = new Composer<BotContext>();

composer.callbackQuery(ASSIGNMENT_DATA, async (ctx, next) => {
  const button = parseAssignmentData(ctx.callbackQuery.data);
  if (!button) {
    await answerPress(ctx, ctx.t("done-stale"), true);
    return;
  }
  if (button.a === "rep") return next(); // reports.ts
  const by = ctx.from.id;
  const actor = await currentActor(ctx);
  const check = await checkAssignmentAccess(ctx.app.deps.db, actor, button.id);
  if (!check.ok) {
    await answerPress(ctx, ctx.t(refusalKey(check.reason)), true);
    return;
  }
  const number = check.info.itemNumber;
  const { clock } = ctx.app.deps;
  // The reader's zone and date are for the edit (and the month of a confirmation): loaded after
  // the answer unless needed before, so 200 people pressing at once get their answers sooner.
  let reader: Reader | undefined;
  let answer: string;
  switch (button.a) {
    case "done": {
      const r = await applyOnce(ctx, (trx) => markDone(trx, button.id, { by, at: clock() }));
      answer =
        r.applied && r.value === "already"
          ? ctx.t("done-already", { number })
          : ctx.t("done-marked", { number });
      break;
    }
    case "undo": {
      const r = await applyOnce(ctx, (trx) => undoDone(trx, button.id, { by, at: clock() }));
      answer =
        r.applied && r.value === "not_done"
          ? ctx.t("done-not-done", { number })
          : ctx.t("done-undone", { number });
      break;
    }
    case "conf": {
      reader = await loadReader(ctx, by, actor);
      const { today } = reader;
      const month = monthName(today, reader.locale);
      const r = await applyOnce(ctx, (trx) => confirmOngoing(trx, button.id, { by, at: clock(), on: today }));
      answer =
        r.applied && r.value === "already"
          ? ctx.t("done-confirm-already", { month })
          : ctx.t("done-confirmed", { month });
      break;
    }
    case "note": {
      await answerPress(ctx);
      await ctx.conversation.exitAll();
      await ctx.conversation.enter(COMMENT_CONVERSATION, button.id);
      return;
    }
  }
  await answerPress(ctx, answer);
  reader ??= await loadReader(ctx, by, actor);
  // The marks as they are now (another press may have come between); the plan's part is as checked.
  const now = await loadAssignmentState(ctx.app.deps.db, button.id);
  if (now) await refreshPressedMessage(ctx, reader, { ...check.info, ...now });
});

/**
 * Shows the new state in the pressed message: a /tasks list is rendered again (same page); any
 * other message (a digest, the report's last question) gets the item's line and buttons swapped.
 */
export async function refreshPressedMessage(
  ctx: BaseContext,
  reader: Reader,
  info: AssignmentInfo,
): Promise<void> {
  const msg = ctx.callbackQuery?.message;
  if (!msg || msg.date === 0) return; // too old to edit
  const page = tasksPageOf(msg.reply_markup);
  if (page !== null) {
    const view = await buildTasksView(ctx, reader, page);
    await editInPlace(ctx, view.text, view.reply_markup);
    return;
  }
  const text = "text" in msg ? msg.text : undefined;
  if (text === undefined) return;
  const entities: MessageEntity[] = ("entities" in msg ? msg.entities : undefined) ?? [];
  const line = unescapeHtml(renderEntryLine(info, reader.today, reader.locale, ctx.t));
  const buttons = msg.reply_markup?.inline_keyboard ?? [];
  if (info.status === "done" && asksDoneAfterReport(buttons, info.assignmentId)) {
    // «Отчёт отправлен координатору. Отметить пункт 3 выполненным?» answered: the question goes,
    // the item's done line takes its place.
    const head = text.slice(0, text.indexOf(".") + 1);
    const reply_markup = { inline_keyboard: swapEntryButtons([], info, reader.today) };
    await ctx.editMessageText(`${head}\n${line}`, { reply_markup }).catch((err) => {
      if (!String(err).includes("message is not modified")) throw err;
    });
    return;
  }
  const index = findEntryLine(text, info, reader.today);
  const edited =
    index === null && info.status !== "done"
      ? { text, entities }
      : replaceLine({ text, entities }, index, line);
  const reply_markup: InlineKeyboardMarkup = {
    inline_keyboard: swapEntryButtons(msg.reply_markup?.inline_keyboard ?? [], info, reader.today),
  };
  try {
    await ctx.editMessageText(edited.text, {
      entities: edited.entities,
      reply_markup,
      link_preview_options: { is_disabled: true },
    });
  } catch (err) {
    if (!String(err).includes("message is not modified")) throw err;
  }
}

/** True for the question a sent report ends with: its «Позже» button is a report button of this assignment. */
function asksDoneAfterReport(buttons: InlineKeyboardButton[][], assignmentId: number): boolean {
  return buttons.some((row) =>
    row.some((b) => {
      const data = "callback_data" in b ? parseReportData(b.callback_data) : null;
      return data?.a === "later" && data.id === assignmentId;
    }),
  );
}

/** The comment dialogue: asks for one text message and stores it on the assignment. */
async function commentDialogue(
  conversation: BotConversation,
  ctx: ConversationContext,
  assignmentId: number,
) {
  const start = await conversation.external(async (outer) => {
    const check = await checkAssignmentAccess(outer.app.deps.db, outer.from?.id ?? 0, assignmentId);
    return check.ok
      ? { ok: true as const, number: check.info.itemNumber, title: check.info.itemTitle }
      : { ok: false as const, key: refusalKey(check.reason) };
  });
  if (!start.ok) {
    await ctx.reply(ctx.t(start.key));
    return;
  }
  await ctx.reply(
    ctx.t("done-comment-ask", {
      number: escapeHtml(start.number),
      title: escapeHtml(shorten(start.title, 90)),
    }),
    { parse_mode: "HTML" },
  );
  let comment: string | null = null;
  while (comment === null) {
    const answer = await conversation.wait();
    const text = answer.message?.text;
    // Other buttons and commands go on to their own handlers; the dialogue keeps waiting.
    if (answer.callbackQuery || text?.startsWith("/")) return await conversation.skip({ next: true });
    if (text === undefined || text.trim() === "") {
      await answer.reply(ctx.t("done-comment-text-only"));
      continue;
    }
    comment = text.trim().slice(0, COMMENT_MAX);
  }
  const saved = await conversation.external(async (outer) => {
    const userId = outer.from?.id ?? 0;
    const check = await checkAssignmentAccess(outer.app.deps.db, userId, assignmentId);
    if (!check.ok) return refusalKey(check.reason);
    const at = outer.app.deps.clock();
    await applyOnce(outer, (trx) => setComment(trx, assignmentId, { by: userId, at, comment }));
    return null;
  });
  await ctx.reply(saved ? ctx.t(saved) : ctx.t("done-comment-saved", { number: start.number }));
}

export const done: BotFeature = {
  name: "done",
  composer,
  conversations: [
    defineConversation(COMMENT_CONVERSATION, commentDialogue, { maxMillisecondsToWait: 6 * 3_600_000 }),
  ],
};
