// A coordinator sends a plan file (.docx, .xlsx, .csv, .txt) outside any dialogue: the bot
// downloads it through BOT_API_ROOT, reads it, stores a draft and answers with the preview.
// A file a dialogue waits for (a units list after «📥 Загрузить список», a report's evidence) never
// comes here: conversations see the chat's updates first. Anyone else sending a document gets a
// hint that reports go through «📎 Отчёт».
import { GrammyError } from "grammy";
import { DateTime } from "luxon";
import { latestUploadBy } from "../../../../db/queries/plan-drafts.js";
import { getPlan, listPlans, loadParsedPlan, savePlanDraft } from "../../../../db/queries/plans.js";
import { type Actor, canManagePlans, isCoordinator } from "../../../domain/permissions.js";
import { formatFileSize } from "../../../domain/plan/formats/plan-file-error.js";
import { DEFAULT_MAX_PLAN_BYTES, PlanFileError, readPlan } from "../../../domain/plan/read-plan.js";
import { titleKey } from "../../../domain/plan/replace.js";
import { dayMonth } from "../../../domain/text/dates.js";
import { escapeHtml } from "../../../domain/text/html.js";
import { applyOnce } from "../../apply-once.js";
import type { BaseContext, BotContext } from "../../context.js";
import { currentActor, localDate } from "../../reader.js";
import { type Screen, show } from "../../screen.js";
import { renderPreview } from "./view.js";

/** The Bot API hands a bot files up to 20 MB; larger ones cannot be downloaded at all. */
export const MAX_PLAN_FILE_BYTES = DEFAULT_MAX_PLAN_BYTES;

/** Downloads a file a user sent, through the configured Bot API root. */
export async function downloadTelegramFile(ctx: BaseContext, fileId: string): Promise<Uint8Array> {
  const file = await ctx.api.getFile(fileId);
  if (!file.file_path) throw new Error("getFile returned no file_path");
  const url = `${ctx.app.deps.config.botApiRoot}/file/bot${ctx.api.token}/${file.file_path}`;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`file download failed: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** The reader's today (`YYYY-MM-DD`) in their zone. */
export function readerToday(ctx: BaseContext): string {
  return localDate(ctx.app.deps.clock(), ctx.app.user?.timezone ?? ctx.app.deps.config.defaultTimezone);
}

/** «12.03» (or «12.03.2024» in another year) of an instant, in the reader's zone. */
export function readerDate(ctx: BaseContext, iso: string): string {
  const zone = ctx.app.user?.timezone ?? ctx.app.deps.config.defaultTimezone;
  return dayMonth(localDate(new Date(iso), zone), readerToday(ctx));
}

/** Handles a document sent outside a dialogue (private chats only). */
export async function handlePlanDocument(ctx: BotContext): Promise<void> {
  const doc = ctx.message?.document;
  if (!doc) return;
  const actor = await currentActor(ctx);
  if (!isCoordinator(actor)) {
    await ctx.reply(ctx.t("plans-upload-not-coordinator"));
    return;
  }
  if (!canManagePlans(actor)) {
    await ctx.reply(ctx.t("plans-coordinators-only"));
    return;
  }
  const name = doc.file_name?.trim() || "plan";
  const size = doc.file_size ?? 0;
  if (size > MAX_PLAN_FILE_BYTES) {
    await ctx.reply(tooLarge(ctx, size));
    return;
  }
  await ctx.replyWithChatAction("typing").catch(() => undefined);
  let bytes: Uint8Array;
  try {
    bytes = await downloadTelegramFile(ctx, doc.file_id);
  } catch (err) {
    // The size in the message can be missing or wrong: the Bot API then refuses the download.
    if (err instanceof GrammyError && /too big/i.test(err.description)) {
      await ctx.reply(tooLarge(ctx, size));
      return;
    }
    throw err;
  }
  const { clock, db } = ctx.app.deps;
  let plan: Awaited<ReturnType<typeof readPlan>>;
  try {
    const year = DateTime.fromISO(readerToday(ctx)).year;
    plan = await readPlan(bytes, name, { maxBytes: MAX_PLAN_FILE_BYTES, fallbackYear: year });
  } catch (err) {
    if (!(err instanceof PlanFileError)) throw err;
    await ctx.reply(unreadable(ctx, actor, name, err.message), { parse_mode: "HTML" });
    return;
  }
  const at = clock();
  const saved = await applyOnce(ctx, (trx) =>
    savePlanDraft(trx, plan, { sourceName: name, createdBy: actor.userId, at }),
  );
  // A redelivered upload: the draft was stored the first time; show its preview again.
  const draftId = saved.applied ? saved.value : await latestUploadBy(db, actor.userId, name);
  if (draftId === undefined) return;
  const screen = await previewScreen(ctx, draftId);
  if (screen) await ctx.reply(screen.text, { parse_mode: "HTML", reply_markup: screen.reply_markup });
}

function tooLarge(ctx: BotContext, size: number): string {
  return ctx.t("plans-upload-too-large", {
    size: size > 0 ? formatFileSize(size) : "?",
    limit: formatFileSize(MAX_PLAN_FILE_BYTES),
  });
}

function unreadable(ctx: BotContext, actor: Actor, name: string, message: string): string {
  const lines = [ctx.t("plans-upload-unreadable", { name: escapeHtml(name) }), escapeHtml(message)];
  // A coordinator who is also an executor may have meant a report.
  if (actor.unitIds.length > 0) lines.push("", ctx.t("plans-upload-report-hint"));
  return lines.join("\n");
}

/**
 * The preview of a draft (null when there is no such plan): counts, deadlines, warnings, and
 * whether a published plan has the same title. `note` goes above it.
 */
export async function previewScreen(
  ctx: BaseContext,
  draftId: number,
  note?: string,
): Promise<Screen | null> {
  const { db } = ctx.app.deps;
  const [summary, parsed] = await Promise.all([getPlan(db, draftId), loadParsedPlan(db, draftId)]);
  if (!summary || !parsed) return null;
  const published = (await listPlans(db, { status: ["published"] })).filter((p) => p.id !== draftId);
  const same = published.find((p) => titleKey(p.title) === titleKey(summary.title));
  return renderPreview(
    {
      draftId,
      plan: parsed,
      sameTitle: same
        ? { id: same.id, publishedOn: readerDate(ctx, same.publishedAt ?? same.createdAt) }
        : null,
      published: published.length,
      ...(note ? { note } : {}),
    },
    ctx.t,
  );
}

/** Shows a draft's preview: in place for a button press, as a new message otherwise. */
export async function showPreview(ctx: BaseContext, draftId: number, note?: string): Promise<void> {
  const screen = await previewScreen(ctx, draftId, note);
  if (screen) await show(ctx, screen);
}
