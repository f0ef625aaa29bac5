// The coordinator's plan screens as pure functions: the preview of an uploaded draft, the question
// about replacing a published plan, the picker of the plan to replace, the publish result, and
// /plans. HTML parse mode: plan text is escaped; messages stay far below 4096 characters.
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { PlanCounts } from "../../../../db/queries/plan-drafts.js";
import type { PlanSummary, PublishResult } from "../../../../db/queries/plans.js";
import type { DeadlineKind, ParsedPlan, Period } from "../../../domain/plan/types.js";
import { escapeHtml } from "../../../domain/text/html.js";
import { shorten } from "../../../domain/text/shorten.js";
import type { Translate } from "../../../domain/text/translate.js";
import { type PlansButton, plansData } from "./callback-data.js";

export interface Screen {
  text: string;
  reply_markup?: InlineKeyboardMarkup;
}

const TITLE_MAX = 300;
const WARNING_MAX = 200;
/** Warnings shown in the preview; the rest are counted. */
export const PREVIEW_WARNINGS = 5;
/** Plans per page of /plans and of the replace picker. */
export const PLANS_PAGE = 8;

const KINDS: DeadlineKind[] = ["dated", "recurring", "continuous", "relative", "on_demand", "none"];

const button = (text: string, b: PlansButton): InlineKeyboardButton => ({
  text,
  callback_data: plansData(b),
});

/** «2021», «2016–2018», «2021/2022 учебный год», else «01.03.2021 – 30.06.2021». */
export function periodText(p: Period, t: Translate): string {
  const [sy, smd] = [p.start.slice(0, 4), p.start.slice(5)];
  const [ey, emd] = [p.end.slice(0, 4), p.end.slice(5)];
  if (smd === "01-01" && emd === "12-31") return sy === ey ? sy : `${sy}–${ey}`;
  if (smd === "09-01" && emd === "08-31" && Number(ey) === Number(sy) + 1)
    return t("plans-period-school", { start: sy, end: ey });
  return `${dmy(p.start)} – ${dmy(p.end)}`;
}

/** `YYYY-MM-DD` → «30.09.2021». */
export function dmy(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

/** How many items have each kind of deadline. */
export function kindCounts(plan: ParsedPlan): Map<DeadlineKind, number> {
  const counts = new Map<DeadlineKind, number>();
  for (const item of plan.items) counts.set(item.deadline.kind, (counts.get(item.deadline.kind) ?? 0) + 1);
  return counts;
}

export interface PreviewInput {
  draftId: number;
  plan: ParsedPlan;
  /** A published plan with the same title (publishing will offer to replace it). */
  sameTitle: { id: number; publishedOn: string } | null;
  /** Published plans there are (any title): the «replace» button is offered when there are some. */
  published: number;
  /** A line above the preview («Исправлено: 1 · пропущено: 0»). */
  note?: string;
}

/** The preview of screens.md: title, period and counts, deadlines by kind, the first warnings. */
export function renderPreview(input: PreviewInput, t: Translate): Screen {
  const { plan } = input;
  const lines: string[] = [];
  if (input.note) lines.push(input.note, "");
  lines.push(`📄 <b>${escapeHtml(shorten(plan.title || t("plans-untitled"), TITLE_MAX))}</b>`);
  const parts = [t("plans-preview-period", { period: periodText(plan.period, t) })];
  const items = t("plans-preview-items", { count: plan.items.length });
  parts.push(
    plan.sections.length > 0
      ? `${items} ${t("plans-preview-in-sections", { count: plan.sections.length })}`
      : items,
  );
  parts.push(t("plans-preview-roles", { count: plan.roles.length }));
  lines.push(parts.join(" · "));

  const counts = kindCounts(plan);
  const kinds = KINDS.filter((k) => counts.get(k)).map((k) =>
    t(`plans-kind-${k}`, { count: counts.get(k)! }),
  );
  const unparsed = counts.get("unparsed") ?? 0;
  kinds.push(t("plans-kind-unparsed", { count: unparsed }));
  lines.push(t("plans-preview-deadlines", { kinds: kinds.join(" · ") }));

  for (const w of plan.warnings.slice(0, PREVIEW_WARNINGS)) {
    const message = escapeHtml(shorten(w.message, WARNING_MAX));
    lines.push(
      w.item === null
        ? `⚠ ${message}`
        : `⚠ ${t("plans-warning-item", { number: escapeHtml(w.item), message })}`,
    );
  }
  const more = plan.warnings.length - PREVIEW_WARNINGS;
  if (more > 0) lines.push(t("plans-warnings-more", { count: more }));
  if (input.sameTitle) lines.push("", t("plans-preview-same-title", { date: input.sameTitle.publishedOn }));

  const first: InlineKeyboardButton[] = [button(t("plans-btn-publish"), { t: "pub", draft: input.draftId })];
  if (unparsed > 0) first.push(button(t("plans-btn-fix"), { t: "fix", draft: input.draftId }));
  const second: InlineKeyboardButton[] = [];
  if (input.published > 0)
    second.push(button(t("plans-btn-replace-pick"), { t: "pk", draft: input.draftId, page: 0 }));
  second.push(button(t("plans-btn-cancel"), { t: "cn", draft: input.draftId }));
  return { text: lines.join("\n"), reply_markup: { inline_keyboard: [first, second] } };
}

export interface ReplaceQuestionInput {
  draftId: number;
  draftTitle: string;
  old: { id: number; title: string; publishedOn: string };
  /** The old plan has the draft's title: «publish beside it» is offered too. */
  sameTitle: boolean;
}

/** «Заменить опубликованный план?» with what replacing keeps. */
export function renderReplaceQuestion(input: ReplaceQuestionInput, t: Translate): Screen {
  const lines = [
    t(input.sameTitle ? "plans-replace-same-title" : "plans-replace-question", {
      old: escapeHtml(shorten(input.old.title, TITLE_MAX)),
      date: input.old.publishedOn,
      title: escapeHtml(shorten(input.draftTitle, TITLE_MAX)),
    }),
    t("plans-replace-keeps"),
  ];
  const rows: InlineKeyboardButton[][] = [
    [button(t("plans-btn-replace"), { t: "rp", draft: input.draftId, old: input.old.id })],
  ];
  if (input.sameTitle) rows.push([button(t("plans-btn-publish-new"), { t: "new", draft: input.draftId })]);
  rows.push([button(t("plans-btn-back"), { t: "pv", draft: input.draftId })]);
  return { text: lines.join("\n\n"), reply_markup: { inline_keyboard: rows } };
}

/** Which published plan the draft replaces: one button per plan, a page at a time. */
export function renderReplacePicker(
  draftId: number,
  plans: readonly PlanSummary[],
  page: number,
  t: Translate,
): Screen {
  const pages = Math.max(1, Math.ceil(plans.length / PLANS_PAGE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const shown = plans.slice(p * PLANS_PAGE, p * PLANS_PAGE + PLANS_PAGE);
  const rows: InlineKeyboardButton[][] = shown.map((plan) => [
    button(shorten(plan.title || t("plans-untitled"), 60), { t: "rq", draft: draftId, old: plan.id }),
  ]);
  const pager: InlineKeyboardButton[] = [];
  if (p > 0) pager.push(button(`◀ ${p}/${pages}`, { t: "pk", draft: draftId, page: p - 1 }));
  if (p < pages - 1) pager.push(button(`${p + 2}/${pages} ▶`, { t: "pk", draft: draftId, page: p + 1 }));
  if (pager.length > 0) rows.push(pager);
  rows.push([button(t("plans-btn-back"), { t: "pv", draft: draftId })]);
  const text = plans.length > 0 ? t("plans-pick-title") : t("plans-pick-none");
  return { text, reply_markup: { inline_keyboard: rows } };
}

/** What publishing (or replacing) did. */
export function renderPublished(title: string, r: PublishResult, t: Translate): Screen {
  const name = escapeHtml(shorten(title || t("plans-untitled"), TITLE_MAX));
  const lines: string[] = [];
  if (r.replaced) {
    lines.push(t("plans-replaced-title", { title: name }));
    lines.push(
      t("plans-replaced-kept", { unchanged: r.replaced.unchanged, marks: r.replaced.carried }),
      t("plans-replaced-changes", {
        changed: r.replaced.changed,
        added: r.replaced.added,
        removed: r.replaced.removed,
      }),
    );
    if (r.replaced.reports > 0) lines.push(t("plans-replaced-reports", { count: r.replaced.reports }));
  } else {
    lines.push(t("plans-published-title", { title: name }));
  }
  lines.push(t("plans-published-roles", { count: r.roles, created: r.rolesCreated.length }));
  lines.push(t("plans-published-assignments", { count: r.assignments }));
  if (r.waitingForEvents > 0) lines.push(t("plans-published-waiting", { count: r.waitingForEvents }));
  if (r.unitsCreated > 0) lines.push(t("plans-published-invite"));
  return { text: lines.join("\n") };
}

export interface PlansListEntry {
  plan: PlanSummary;
  counts: PlanCounts;
  /** The date to show (published, or uploaded), as «12.03». */
  date: string;
}

const STATUS_ICON: Record<PlanSummary["status"], string> = {
  published: "📄", // ✅ is reserved for «выполнено» (screens.md)
  draft: "📝",
  replaced: "🔁",
  cancelled: "✖",
};

/** /plans: each plan with its status and counts; drafts get a button to open their preview. */
export function renderPlansList(entries: readonly PlansListEntry[], page: number, t: Translate): Screen {
  if (entries.length === 0) return { text: t("plans-list-empty") };
  const pages = Math.max(1, Math.ceil(entries.length / PLANS_PAGE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const shown = entries.slice(p * PLANS_PAGE, p * PLANS_PAGE + PLANS_PAGE);
  const lines = [t("plans-list-title", { count: entries.length })];
  const rows: InlineKeyboardButton[][] = [];
  for (const { plan, counts, date } of shown) {
    const title = escapeHtml(shorten(plan.title || t("plans-untitled"), 120));
    lines.push("", `${STATUS_ICON[plan.status]} <b>${title}</b>`);
    const facts = [
      t(`plans-list-status-${plan.status}`, { date }),
      t("plans-preview-items", { count: plan.items }),
    ];
    if (plan.status === "published" || plan.status === "replaced")
      facts.push(t("plans-list-done", { done: counts.done, total: counts.assignments }));
    if (plan.status === "draft" && counts.unparsed > 0)
      facts.push(t("plans-list-unparsed", { count: counts.unparsed }));
    lines.push(facts.join(" · "));
    if (plan.status === "draft")
      rows.push([
        button(`📝 ${shorten(plan.title || t("plans-untitled"), 50)}`, { t: "pv", draft: plan.id }),
      ]);
  }
  const pager: InlineKeyboardButton[] = [];
  if (p > 0) pager.push(button(`◀ ${p}/${pages}`, { t: "ls", page: p - 1 }));
  if (p < pages - 1) pager.push(button(`${p + 2}/${pages} ▶`, { t: "ls", page: p + 1 }));
  if (pager.length > 0) rows.push(pager);
  return { text: lines.join("\n"), ...(rows.length > 0 ? { reply_markup: { inline_keyboard: rows } } : {}) };
}
