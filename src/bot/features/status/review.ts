// Report review by coordinators: [📂 N] on an item's reports opens the report card (with the
// files sent back by their Telegram file ids), [✅ Принять] accepts it (the assignment counts as
// done, the reporter is told), [↩ Вернуть на доработку] asks for a comment in a short dialogue,
// then reopens the assignment and tells the unit's members. Rights are checked on every press.

import { existsSync, readFileSync } from "node:fs";
import { Composer, InputFile } from "grammy";
import type { Queryable } from "../../../../db/queries/in-transaction.js";
import { enqueueMessage, outboxKey } from "../../../../db/queries/outbox.js";
import {
  acceptReport,
  loadRecipient,
  loadReportForReview,
  loadUnitRecipients,
  type ReportForReview,
  returnReport,
} from "../../../../db/queries/review.js";
import { parseReviewData, REVIEW_DATA } from "../../../domain/status/callback-data.js";
import {
  composeAcceptNotice,
  composeReturnNotice,
  renderReportCard,
} from "../../../domain/status/render-review.js";
import { escapeHtml } from "../../../domain/text/html.js";
import { formatSize } from "../../../domain/text/size.js";
import { applyOnce } from "../../apply-once.js";
import { assignmentData } from "../../callback-data.js";
import type { BaseContext, BotContext, BotConversation, ConversationContext } from "../../context.js";
import { i18nForOthers, translator } from "../../i18n.js";
import { type BotFeature, defineConversation } from "../../runtime/feature.js";
import { answerPress, editInPlace } from "../../screen.js";
import { loadStatusReader, mayCoordinate, type StatusReader } from "./screens.js";

export const REVIEW_RETURN_CONVERSATION = "review-return";
const HTML = { parse_mode: "HTML" as const, link_preview_options: { is_disabled: true } };
const COMMENT_MAX = 1000;
const WAIT_MS = 30 * 60_000;

const composer = new Composer<BotContext>();

type Checked = { ok: true; reader: StatusReader; report: ReportForReview } | { ok: false; key: string };

/** The reader may review this report: a coordinator whose scope covers the report's unit. */
async function checkReview(ctx: BaseContext, reportId: number): Promise<Checked> {
  const reader = await loadStatusReader(ctx);
  if (!reader) return { ok: false, key: "review-not-coordinator" };
  const report = await loadReportForReview(ctx.app.deps.db, reportId);
  if (report?.planStatus !== "published") return { ok: false, key: "review-not-found" };
  if (!(await mayCoordinate(ctx, reader, report.unitId))) return { ok: false, key: "review-no-access" };
  return { ok: true, reader, report };
}

function card(ctx: BaseContext, reader: StatusReader, report: ReportForReview) {
  return renderReportCard(
    { card: report, today: reader.today, zone: reader.zone, sizeText: (b) => formatSize(b, reader.locale) },
    ctx.t.bind(ctx),
  );
}

composer.callbackQuery(REVIEW_DATA, async (ctx) => {
  const b = parseReviewData(ctx.callbackQuery.data);
  if (!b) {
    await answerPress(ctx, ctx.t("status-stale"), true);
    return;
  }
  const check = await checkReview(ctx, b.report);
  if (!check.ok) {
    await answerPress(ctx, ctx.t(check.key), true);
    return;
  }
  const { reader, report } = check;
  if (b.v === "open") {
    await answerPress(ctx);
    const view = card(ctx, reader, report);
    const sent = await ctx.reply(view.text, { ...HTML, reply_markup: view.reply_markup });
    await sendFiles(ctx, report, sent.message_id);
    return;
  }
  if (b.v === "accept") {
    const at = ctx.app.deps.clock();
    const result = await applyOnce(ctx, async (trx) => {
      const outcome = await acceptReport(trx, { reportId: report.reportId, by: reader.actor.userId, at });
      if (outcome === "done") await queueAcceptNotice(trx, report, at);
      return outcome;
    });
    const fresh = (await loadReportForReview(ctx.app.deps.db, report.reportId)) ?? report;
    const answered = !result.applied || result.value === "done";
    await answerPress(ctx, ctx.t(answered ? "review-accepted-answer" : "review-already"), !answered);
    const view = card(ctx, reader, fresh);
    await editInPlace(ctx, view.text, view.reply_markup);
    return;
  }
  if (report.reviewState !== "pending") {
    await answerPress(ctx, ctx.t("review-already"), true);
    const view = card(ctx, reader, report);
    await editInPlace(ctx, view.text, view.reply_markup);
    return;
  }
  await answerPress(ctx);
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(
    REVIEW_RETURN_CONVERSATION,
    report.reportId,
    ctx.callbackQuery.message?.message_id ?? 0,
  );
});

/** Sends the report's files back by their Telegram file ids (a local copy when Telegram has lost one). */
async function sendFiles(ctx: BaseContext, report: ReportForReview, replyTo: number): Promise<void> {
  const reply = { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } };
  for (const f of report.files) {
    try {
      if (!f.fileId) throw new Error("no file id");
      if (f.kind === "photo") await ctx.replyWithPhoto(f.fileId, reply);
      else await ctx.replyWithDocument(f.fileId, reply);
    } catch (err) {
      ctx.app.logger.warn({ err, reportId: report.reportId }, "report file not sent by id");
      if (f.localPath && existsSync(f.localPath)) {
        const file = new InputFile(readFileSync(f.localPath), f.fileName ?? "file");
        await ctx.replyWithDocument(file, reply);
      } else {
        await ctx.reply(ctx.t("review-files-failed", { name: escapeHtml(f.fileName ?? "") }), HTML);
      }
    }
  }
}

/** The reporter hears that their report was accepted (outbox, in their language). */
async function queueAcceptNotice(db: Queryable, report: ReportForReview, at: Date): Promise<void> {
  const to = await loadRecipient(db, report.userId);
  if (!to) return;
  const view = composeAcceptNotice({ card: report }, translator(i18nForOthers(), to.language));
  await enqueueMessage(
    db,
    {
      idemKey: outboxKey("review-accept", report.reportId, to.userId),
      chatId: to.userId,
      kind: "notice",
      payload: { text: view.text },
    },
    at,
  );
}

type Returned = { ok: true; told: number } | { ok: false; key: string };

/** «Вернуть на доработку»: asks for the comment, then returns the report and tells the unit. */
async function returnDialogue(
  conversation: BotConversation,
  ctx: ConversationContext,
  reportId: number,
  cardMessageId: number,
) {
  const start = await conversation.external(async (outer) => {
    const check = await checkReview(outer, reportId);
    if (!check.ok) return { ok: false as const, key: check.key };
    if (check.report.reviewState !== "pending") return { ok: false as const, key: "review-already" };
    return { ok: true as const, number: check.report.itemNumber, unit: check.report.unitName };
  });
  if (!start.ok) {
    await ctx.reply(ctx.t(start.key));
    return;
  }
  await ctx.reply(
    ctx.t("review-return-prompt", { number: escapeHtml(start.number), unit: escapeHtml(start.unit) }),
    HTML,
  );
  let comment = "";
  for (;;) {
    // After a long silence the dialogue ends by itself: a message days later is no comment.
    const update = await conversation.wait({ maxMilliseconds: WAIT_MS });
    const text = update.message?.text;
    // Buttons and commands are for the other features: the dialogue keeps waiting.
    if (update.callbackQuery || (text?.startsWith("/") ?? false)) {
      await conversation.skip({ next: true });
    }
    if (text?.trim()) {
      comment = text.trim().slice(0, COMMENT_MAX);
      break;
    }
    await update.reply(ctx.t("review-return-text-only"));
  }
  const at = await conversation.external((outer) => outer.app.deps.clock().getTime());
  const done = await conversation.external((outer) => applyReturn(outer, reportId, comment, new Date(at)));
  if (!done.ok) {
    await ctx.reply(ctx.t(done.key));
    return;
  }
  await ctx.reply(
    done.told > 0 ? ctx.t("review-returned-answer", { count: done.told }) : ctx.t("review-returned-nobody"),
  );
  // The card loses its buttons (it is no longer waiting); a card already gone is fine.
  if (cardMessageId > 0 && ctx.chat) {
    await ctx.api
      .editMessageReplyMarkup(ctx.chat.id, cardMessageId, { reply_markup: { inline_keyboard: [] } })
      .catch(() => undefined);
  }
}

/** Returns the report and queues a notice to each member of the unit, all in one transaction. */
async function applyReturn(
  outer: BotContext,
  reportId: number,
  comment: string,
  at: Date,
): Promise<Returned> {
  const check = await checkReview(outer, reportId);
  if (!check.ok) return check;
  const { report, reader } = check;
  const recipients = await loadUnitRecipients(outer.app.deps.db, report.unitId);
  const result = await applyOnce(outer, async (trx) => {
    const outcome = await returnReport(trx, { reportId, by: reader.actor.userId, at, comment });
    if (outcome === "already") return -1;
    for (const r of recipients) {
      const view = composeReturnNotice(
        { card: report, comment, reportAgainData: assignmentData("rep", report.assignmentId) },
        translator(i18nForOthers(), r.language),
      );
      await enqueueMessage(
        trx,
        {
          idemKey: outboxKey("review-return", reportId, r.userId),
          chatId: r.userId,
          kind: "notice",
          payload: { text: view.text, reply_markup: view.reply_markup },
        },
        at,
      );
    }
    return recipients.length;
  });
  if (!result.applied) return { ok: true, told: recipients.length };
  if (result.value < 0) return { ok: false, key: "review-already" };
  return { ok: true, told: result.value };
}

export const review: BotFeature = {
  name: "review",
  composer,
  conversations: [defineConversation(REVIEW_RETURN_CONVERSATION, returnDialogue)],
};
