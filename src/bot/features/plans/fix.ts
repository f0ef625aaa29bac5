// «✏ Исправить сроки»: a dialogue over every unreadable deadline of a draft. For each it shows
// the item and the raw text, takes a phrase or a date (read with the deadline reader in the plan's
// own context), shows how it was understood and asks to confirm; «Пропустить» leaves it as is.
// Each confirmed deadline is stored in the draft at once (item and parsed plan, audited); the
// preview is shown again at the end. State lives in the database (conversations v2): the dialogue
// goes on after a restart, /cancel leaves it; a command, a document or another button ends it and
// is handled as usual.
import { setDraftDeadlineWarnings } from "../../../../db/queries/plan-drafts.js";
import {
  getPlan,
  loadParsedPlan,
  loadPlanItems,
  PlanStateError,
  setDraftItemDeadline,
} from "../../../../db/queries/plans.js";
import { readDeadline, scanExplicitDates } from "../../../domain/deadline/index.js";
import { canManagePlans, coordinatesEverything } from "../../../domain/permissions.js";
import type { DeadlineContext } from "../../../domain/plan/deadline-context.js";
import type { Deadline, IsoDate, ParsedPlan } from "../../../domain/plan/types.js";
import { applyOnce } from "../../apply-once.js";
import type { BotContext, BotConversation, ConversationContext } from "../../context.js";
import { currentActor } from "../../reader.js";
import { defineConversation } from "../../runtime/feature.js";
import { answerPress } from "../../screen.js";
import { parsePlansData } from "./callback-data.js";
import { type FixItem, renderFixAsk, renderFixNotUnderstood, renderFixUnderstood } from "./fix-view.js";
import { previewScreen } from "./upload.js";

export const PLAN_FIX_CONVERSATION = "plans-fix";

/** An abandoned dialogue stops taking text after this long. */
const WAIT_MS = 60 * 60_000;
const HTML = { parse_mode: "HTML" as const, link_preview_options: { is_disabled: true } };

/** Warnings the deadline reader gives: replaced when the deadline is fixed. */
export function isDeadlineWarning(message: string): boolean {
  return /^(Срок|В сроке|«В течение учебного года»)/.test(message);
}

/**
 * What a deadline cell of this plan is read against: its period, whether that is a school year,
 * the latest explicit date of its table (for «до конца учебного года»).
 */
export function deadlineContextOf(plan: ParsedPlan): DeadlineContext {
  let latest: IsoDate | null = null;
  for (const item of plan.items)
    for (const d of scanExplicitDates(item.deadline.raw)) if (latest === null || d > latest) latest = d;
  return {
    period: plan.period,
    schoolYear: plan.period.start.endsWith("-09-01") && plan.period.end.endsWith("-08-31"),
    latestExplicitDate: latest,
    academicYearEnd: "05-31",
  };
}

/** A typed phrase read as a deadline; null when it is not one. */
export function readTypedDeadline(
  text: string,
  ctx: DeadlineContext,
): { deadline: Deadline; warnings: string[] } | null {
  const read = readDeadline(text, ctx);
  if (read.deadline.kind === "unparsed" || read.deadline.kind === "none") return null;
  return read;
}

type Start = { ok: true; items: FixItem[]; context: DeadlineContext } | { ok: false; key: string };
type Outcome = "fixed" | "skipped" | "stop" | "gone";

async function planFixConversation(conversation: BotConversation, ctx: ConversationContext, draftId: number) {
  const start = await conversation.external((outer) => loadStart(outer, draftId));
  if (!start.ok) {
    await ctx.reply(ctx.t(start.key));
    return;
  }
  let fixed = 0;
  let skipped = 0;
  for (const [index, item] of start.items.entries()) {
    const ask = renderFixAsk(draftId, item, { index: index + 1, total: start.items.length }, ctx.t);
    await ctx.reply(ask.text, { ...HTML, reply_markup: ask.reply_markup });
    const outcome = await fixOne(conversation, ctx, draftId, item, start.context);
    if (outcome === "gone") return;
    if (outcome === "fixed") fixed++;
    else skipped++;
    if (outcome === "stop") {
      skipped += start.items.length - index - 1;
      break;
    }
  }
  const note = ctx.t("plans-fix-summary", { fixed, skipped });
  const preview = await conversation.external((outer) => previewScreen(outer, draftId, note));
  if (preview) await ctx.reply(preview.text, { ...HTML, reply_markup: preview.reply_markup });
}

/** One unreadable deadline: until it is fixed, skipped, or the dialogue ends. */
async function fixOne(
  conversation: BotConversation,
  ctx: ConversationContext,
  draftId: number,
  item: FixItem,
  context: DeadlineContext,
): Promise<Outcome> {
  let pending: Deadline | null = null;
  for (;;) {
    const next = await conversation.wait({ maxMilliseconds: WAIT_MS });
    const data = next.callbackQuery?.data;
    if (data !== undefined) {
      const b = parsePlansData(data);
      const ours =
        b !== null && (b.t === "fs" || b.t === "fy" || b.t === "fa" || b.t === "fe") && b.draft === draftId;
      // Any other button ends the dialogue and goes on to the features.
      if (!ours) return await conversation.halt({ next: true });
      if (b.t === "fe") {
        await answerPress(next);
        return "stop";
      }
      if (b.item !== item.itemId) {
        await answerPress(next, ctx.t("plans-fix-old-button"), true);
        continue;
      }
      if (b.t === "fs") {
        await answerPress(next, ctx.t("plans-fix-skipped"));
        return "skipped";
      }
      if (b.t === "fa") {
        pending = null;
        await answerPress(next);
        await next.reply(ctx.t("plans-fix-again"));
        continue;
      }
      if (pending === null) {
        await answerPress(next, ctx.t("plans-fix-nothing-typed"), true);
        continue;
      }
      const deadline: Deadline = pending;
      const saved = await conversation.external((outer) => saveFix(outer, draftId, item, deadline));
      if (!saved.ok) {
        await answerPress(next, ctx.t(saved.key), true);
        await next.reply(ctx.t(saved.key));
        return "gone";
      }
      await answerPress(next, ctx.t("plans-fix-saved"));
      return "fixed";
    }
    if (next.message?.document || next.message?.text?.startsWith("/"))
      return await conversation.halt({ next: true });
    const text = next.message?.text?.trim();
    if (!text) {
      await next.reply(ctx.t("plans-fix-hint"));
      continue;
    }
    // The reader is pure: a replay reads the same phrase the same way.
    const read = readTypedDeadline(text, context);
    if (!read) {
      pending = null;
      const answer = renderFixNotUnderstood(draftId, item, text, ctx.t);
      await next.reply(answer.text, { ...HTML, reply_markup: answer.reply_markup });
      continue;
    }
    pending = read.deadline;
    const answer = renderFixUnderstood(draftId, item, read.deadline, read.warnings, ctx.t);
    await next.reply(answer.text, { ...HTML, reply_markup: answer.reply_markup });
  }
}

/** The items to fix and the plan's reading context, or why there is nothing to do. */
async function loadStart(outer: BotContext, draftId: number): Promise<Start> {
  const { db } = outer.app.deps;
  const actor = await currentActor(outer);
  if (!canManagePlans(actor)) return { ok: false, key: "plans-coordinators-only" };
  const plan = await getPlan(db, draftId);
  if (!plan) return { ok: false, key: "plans-button-stale" };
  if (plan.createdBy !== actor.userId && !coordinatesEverything(actor))
    return { ok: false, key: "plans-not-yours" };
  if (plan.status !== "draft") return { ok: false, key: `plans-draft-${plan.status}` };
  const parsed = await loadParsedPlan(db, draftId);
  if (!parsed) return { ok: false, key: "plans-button-stale" };
  const items = (await loadPlanItems(db, draftId))
    .filter((i) => i.deadline.kind === "unparsed")
    .map((i) => ({ itemId: i.id, number: i.number, title: i.title, raw: i.deadline.raw }));
  if (items.length === 0) return { ok: false, key: "plans-fix-nothing-left" };
  return { ok: true, items, context: deadlineContextOf(parsed) };
}

/** Stores a confirmed deadline in the draft (once per update), with the reader's warnings. */
async function saveFix(
  outer: BotContext,
  draftId: number,
  item: FixItem,
  deadline: Deadline,
): Promise<{ ok: true } | { ok: false; key: string }> {
  const { db, clock } = outer.app.deps;
  const actor = await currentActor(outer);
  if (!canManagePlans(actor)) return { ok: false, key: "plans-coordinators-only" };
  const plan = await getPlan(db, draftId);
  if (!plan) return { ok: false, key: "plans-button-stale" };
  if (plan.status !== "draft") return { ok: false, key: `plans-draft-${plan.status}` };
  const parsed = await loadParsedPlan(db, draftId);
  const warnings = parsed ? (readTypedDeadline(deadline.raw, deadlineContextOf(parsed))?.warnings ?? []) : [];
  try {
    await applyOnce(outer, async (trx) => {
      await setDraftItemDeadline(trx, {
        planId: draftId,
        itemId: item.itemId,
        deadline,
        by: actor.userId,
        at: clock(),
      });
      await setDraftDeadlineWarnings(trx, {
        planId: draftId,
        itemNumber: item.number,
        isAboutDeadline: isDeadlineWarning,
        warnings,
      });
    });
  } catch (err) {
    if (err instanceof PlanStateError) return { ok: false, key: "plans-fix-draft-gone" };
    throw err;
  }
  return { ok: true };
}

export const planFixConversations = [defineConversation(PLAN_FIX_CONVERSATION, planFixConversation)];
