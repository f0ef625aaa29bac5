// «📎 Отчёт»: a dialogue that shows the item and what the plan expects, takes files, photos,
// links and text, asks to confirm, stores the report (with a copy of each file under FILES_DIR),
// tells the unit's coordinators, and asks whether to mark the item done. Its state lives in the
// database (conversations v2), so it goes on after a restart; every side effect is inside
// `conversation.external`, every clock read goes through `external` to the injected clock.
import { Composer } from "grammy";
import { loadAssignmentState } from "../../../../db/queries/assignments.js";
import { outboxKey } from "../../../../db/queries/outbox.js";
import {
  loadUnitCoordinators,
  type ReportPartInput,
  recordReportNotice,
  reportNoticeSent,
  saveReport,
} from "../../../../db/queries/reports.js";
import { reviewData } from "../../../domain/status/callback-data.js";
import { dayMonth } from "../../../domain/text/dates.js";
import { escapeHtml } from "../../../domain/text/html.js";
import { personName } from "../../../domain/text/person-name.js";
import { formatSize } from "../../../domain/text/size.js";
import type { Translate } from "../../../domain/text/translate.js";
import { ASSIGNMENT_DATA, parseAssignmentData, parseReportData, REPORT_DATA } from "../../callback-data.js";
import type { BotContext, BotConversation, ConversationContext } from "../../context.js";
import { i18nForOthers, translator } from "../../i18n.js";
import { loadReader } from "../../reader.js";
import { type BotFeature, defineConversation } from "../../runtime/feature.js";
import { answerPress } from "../../screen.js";
import { type Delivery, sendNowOrLater } from "../../send-now-or-later.js";
import { checkAssignmentAccess, refusalKey } from "../tasks/assignment-access.js";
import { storeReportFiles } from "./files.js";
import { classifyReportInput } from "./input.js";
import {
  type ReportItem,
  renderConfirm,
  renderCoordinatorNotice,
  renderReceived,
  renderReportIntro,
  renderSent,
} from "./view.js";

export const REPORT_CONVERSATION = "reports-send";
const HOUR = 3_600_000;

const composer = new Composer<BotContext>();

// 📎 on /tasks, a digest: start the dialogue (any dialogue in progress in this chat ends).
composer.callbackQuery(ASSIGNMENT_DATA, async (ctx, next) => {
  const button = parseAssignmentData(ctx.callbackQuery.data);
  if (button?.a !== "rep") return next();
  const check = await checkAssignmentAccess(ctx.app.deps.db, ctx.from.id, button.id);
  if (!check.ok) {
    await answerPress(ctx, ctx.t(refusalKey(check.reason)), true);
    return;
  }
  await answerPress(ctx);
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(REPORT_CONVERSATION, button.id);
});

// The dialogue's buttons pressed when no dialogue waits for them.
composer.callbackQuery(REPORT_DATA, async (ctx) => {
  const button = parseReportData(ctx.callbackQuery.data);
  if (button?.a === "later") {
    await answerPress(ctx, ctx.t("report-later-answer"));
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
    return;
  }
  await answerPress(ctx, ctx.t("report-stale"), true);
});

type Started = { ok: true; item: ReportItem } | { ok: false; key: string };

async function reportDialogue(conversation: BotConversation, ctx: ConversationContext, assignmentId: number) {
  const start = await conversation.external(async (outer): Promise<Started> => {
    const check = await checkAssignmentAccess(outer.app.deps.db, outer.from?.id ?? 0, assignmentId);
    if (!check.ok) return { ok: false, key: refusalKey(check.reason) };
    const { itemNumber, itemTitle, result, planTitle, unitName, kind, due } = check.info;
    // A recurring item has one occurrence per period: say which one the report is for.
    const reader = kind === "recurring" && due ? await loadReader(outer, outer.from?.id ?? 0) : null;
    const dueLabel = reader && due ? dayMonth(due, reader.today) : null;
    return {
      ok: true,
      item: { assignmentId, itemNumber, itemTitle, result, planTitle, unitName, dueLabel },
    };
  });
  if (!start.ok) {
    await ctx.reply(ctx.t(start.key));
    return;
  }
  const item = start.item;
  const locale = await ctx.i18n.getLocale();
  const html = { parse_mode: "HTML" as const, link_preview_options: { is_disabled: true } };
  const intro = renderReportIntro(item, ctx.t);
  await ctx.reply(intro.text, { ...html, reply_markup: intro.reply_markup });

  const parts: ReportPartInput[] = [];
  let confirming = false;
  for (;;) {
    const update = await conversation.wait();
    const input = classifyReportInput(update.update, assignmentId);
    if (input.kind === "pass") return await conversation.skip({ next: true });
    if (input.kind === "unsupported") {
      await update.reply(ctx.t("report-hint"));
      continue;
    }
    if (input.kind === "too_large") {
      const name = escapeHtml(input.name || ctx.t("report-part-file"));
      await update.reply(ctx.t("report-too-large", { name, size: formatSize(input.size, locale) }), html);
      continue;
    }
    if (input.kind === "parts") {
      parts.push(...input.parts);
      confirming = false;
      const answer = renderReceived(input.parts, assignmentId, ctx.t, locale);
      await update.reply(answer.text, { ...html, reply_markup: answer.reply_markup });
      continue;
    }
    // One of the dialogue's buttons.
    if (!input.sameReport) {
      await answerPress(update, ctx.t("report-other-dialogue", { number: item.itemNumber }), true);
      continue;
    }
    if (input.action === "cancel") {
      await answerPress(update);
      await update.reply(ctx.t("report-cancelled"));
      return;
    }
    if (parts.length === 0) {
      await answerPress(update, ctx.t("report-nothing-yet"), true);
      continue;
    }
    await answerPress(update);
    if (input.action === "more") {
      confirming = false;
      await update.reply(ctx.t("report-more-prompt"));
      continue;
    }
    if (input.action === "send" && confirming) break;
    // «Готово» (or a «Отправить» of an earlier question after more parts came): confirm first.
    confirming = true;
    const confirm = renderConfirm(item, parts, ctx.t);
    await update.reply(confirm.text, { ...html, reply_markup: confirm.reply_markup });
  }

  const at = await conversation.external((outer) => outer.app.deps.clock().getTime());
  const sent = await conversation.external((outer) => sendReport(outer, item, parts, at));
  if (!sent.ok) {
    await ctx.reply(ctx.t(sent.key));
    return;
  }
  for (const name of sent.failedFiles) {
    await ctx.reply(ctx.t("report-download-failed", { name: escapeHtml(name) }), html);
  }
  const last = renderSent(item, { alreadyDone: sent.alreadyDone, coordinators: sent.coordinators }, ctx.t);
  await ctx.reply(last.text, { ...html, reply_markup: last.reply_markup });
}

type Sent =
  | { ok: true; reportId: number; coordinators: number; alreadyDone: boolean; failedFiles: string[] }
  | { ok: false; key: string };

/**
 * Stores the report (idempotent for this dialogue's `at`), keeps a copy of each file, tells the
 * coordinators once. Runs inside `external`: a replay after a crash repeats only what is missing.
 */
async function sendReport(
  outer: BotContext,
  item: ReportItem,
  parts: ReportPartInput[],
  atMs: number,
): Promise<Sent> {
  const { db, clock } = outer.app.deps;
  const userId = outer.from?.id ?? 0;
  const check = await checkAssignmentAccess(db, userId, item.assignmentId);
  if (!check.ok) return { ok: false, key: refusalKey(check.reason) };
  const at = new Date(atMs);
  const texts = parts.filter((p) => p.kind === "text").map((p) => p.text ?? "");
  const text = texts.length > 0 ? texts.join("\n\n") : null;
  const saved = await db
    .transaction()
    .execute((trx) => saveReport(trx, { assignmentId: item.assignmentId, userId, text, parts, at }));
  const failedFiles = await storeReportFiles(outer, saved.reportId, saved.parts);
  const coordinators = (await loadUnitCoordinators(db, check.info.unitId)).filter((c) => c.id !== userId);
  if (!(await reportNoticeSent(db, saved.reportId))) {
    // Told now, queued in the outbox (Telegram busy or down), or blocked the bot (only recorded).
    const outcome: Record<Delivery, number[]> = { sent: [], queued: [], blocked: [] };
    const from = personName(outer.app.user, String(userId));
    for (const c of coordinators) {
      const t = translator(i18nForOthers(), c.language);
      const text = renderCoordinatorNotice(item, { from, parts }, t, c.language);
      const reply_markup = reviewKeyboard(saved.reportId, t);
      const delivery = await sendNowOrLater(
        outer,
        c.id,
        { text, reply_markup },
        outboxKey("report", saved.reportId, c.id),
      );
      outcome[delivery].push(c.id);
    }
    const { sent: told, queued, blocked: failed } = outcome;
    await recordReportNotice(db, { reportId: saved.reportId, userId, at: clock(), told, queued, failed });
  }
  const now = (await loadAssignmentState(db, item.assignmentId))?.status;
  return {
    ok: true,
    reportId: saved.reportId,
    coordinators: coordinators.length,
    alreadyDone: now === "done",
    failedFiles,
  };
}

export const reports: BotFeature = {
  name: "reports",
  composer,
  // A dialogue left for a day ends: a late message then goes to the other handlers, not into it.
  conversations: [
    defineConversation(REPORT_CONVERSATION, reportDialogue, { maxMillisecondsToWait: 24 * HOUR }),
  ],
};

/** The notice's buttons: see the files, or decide at once (the review feature handles them). */
function reviewKeyboard(reportId: number, t: Translate) {
  return {
    inline_keyboard: [
      [{ text: t("review-btn-open"), callback_data: reviewData({ v: "open", report: reportId }) }],
      [
        { text: t("review-btn-accept"), callback_data: reviewData({ v: "accept", report: reportId }) },
        { text: t("review-btn-return"), callback_data: reviewData({ v: "return", report: reportId }) },
      ],
    ],
  };
}
