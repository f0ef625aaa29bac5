// The coordinators' morning summary: what became overdue since the last summary (by plan and
// unit), which reports came in, access requests waiting, people who blocked the bot. One message.
import type { IsoDate } from "../plan/types.js";
import { MESSAGE_LIMIT } from "./compose-digest.js";
import { compareRu, escapeHtml, longDate, shorten } from "./format.js";
import type { ComposedMessage, InlineButton, Translate } from "./types.js";

/** An assignment that became overdue (its due day passed since the last summary). */
export interface SummaryOverdue {
  planId: number;
  planTitle: string;
  unitId: number;
  unitName: string;
  itemNumber: string;
  due: IsoDate;
}

/** A report that came in since the last summary. */
export interface SummaryReport {
  planId: number;
  planTitle: string;
  unitId: number;
  unitName: string;
  itemNumber: string;
  reviewState: "pending" | "accepted" | "returned";
}

/** A member of a unit in scope who blocked the bot since the last summary. */
export interface SummaryBlocked {
  name: string;
  unitNames: string[];
}

export interface SummaryInput {
  user: { id: number; language: string };
  today: IsoDate;
  overdue: readonly SummaryOverdue[];
  reports: readonly SummaryReport[];
  pendingRequests: number;
  blocked: readonly SummaryBlocked[];
  t: Translate;
  /** Callback data of the buttons into /status and /overdue (owned by the status feature). */
  callbacks: { status: string; overdue: string };
  maxLength?: number;
}

const UNIT_ITEMS_MAX = 12;

function groupBy<T, K>(list: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const x of list) {
    const k = key(x);
    let g = m.get(k);
    if (!g) {
      g = [];
      m.set(k, g);
    }
    g.push(x);
  }
  return m;
}

function itemList(numbers: string[], t: Translate): string {
  const unique = [...new Set(numbers)].sort(compareRu);
  const shown = unique.slice(0, UNIT_ITEMS_MAX).map(escapeHtml).join(", ");
  return unique.length > UNIT_ITEMS_MAX
    ? `${shown} ${escapeHtml(t("summary-and-more", { count: unique.length - UNIT_ITEMS_MAX }))}`
    : shown;
}

/** Plan → unit → item numbers, one line per unit. */
function byPlanAndUnit(
  rows: readonly {
    planId: number;
    planTitle: string;
    unitId: number;
    unitName: string;
    itemNumber: string;
  }[],
  t: Translate,
): string[][] {
  const blocks: string[][] = [];
  const plans = groupBy(rows, (r) => r.planId);
  for (const planRows of [...plans.values()].sort((a, b) => a[0]!.planId - b[0]!.planId)) {
    const block = [`<b>${escapeHtml(shorten(planRows[0]!.planTitle, 90))}</b>`];
    const units = [...groupBy(planRows, (r) => r.unitId).values()].sort(
      (a, b) => b.length - a.length || compareRu(a[0]!.unitName, b[0]!.unitName),
    );
    for (const unitRows of units) {
      block.push(
        ` ${escapeHtml(shorten(unitRows[0]!.unitName, 60))} — ${itemList(
          unitRows.map((r) => r.itemNumber),
          t,
        )}`,
      );
    }
    blocks.push(block);
  }
  return blocks;
}

/**
 * The morning summary of one coordinator for `today` (their local date), or null when there is
 * nothing to report. Long lists are cut to fit one message, ending with «и ещё N строк».
 */
export function composeSummary(input: SummaryInput): ComposedMessage | null {
  const { t } = input;
  const nothing =
    input.overdue.length === 0 &&
    input.reports.length === 0 &&
    input.pendingRequests === 0 &&
    input.blocked.length === 0;
  if (nothing) return null;

  // Each part is a list of lines; when too long, lines are dropped from the end of the longest parts.
  const parts: string[][] = [];
  if (input.overdue.length > 0) {
    // Items are counted once however many units have them late; the units are counted apart.
    const items = new Set(input.overdue.map((o) => `${o.planId}:${o.itemNumber}`)).size;
    const units = new Set(input.overdue.map((o) => o.unitId)).size;
    const lines = [t("summary-overdue", { count: items, units })];
    for (const block of byPlanAndUnit(input.overdue, t)) lines.push(...block);
    parts.push(lines);
  }
  if (input.reports.length > 0) {
    const pending = input.reports.filter((r) => r.reviewState === "pending").length;
    const lines = [t("summary-reports", { count: input.reports.length, pending })];
    for (const block of byPlanAndUnit(input.reports, t)) lines.push(...block);
    parts.push(lines);
  }
  if (input.pendingRequests > 0) parts.push([t("summary-requests", { count: input.pendingRequests })]);
  if (input.blocked.length > 0) {
    const lines = [t("summary-blocked", { count: input.blocked.length })];
    for (const b of input.blocked) {
      const units = b.unitNames.length > 0 ? ` (${b.unitNames.map((u) => shorten(u, 40)).join(", ")})` : "";
      lines.push(` ${escapeHtml(shorten(b.name, 60) + units)}`);
    }
    parts.push(lines);
  }

  const header = t("summary-greeting", { date: longDate(input.today, input.user.language) });
  const limit = input.maxLength ?? MESSAGE_LIMIT;
  const build = (cut: number): string => {
    // Drop `cut` lines, taking them from the end of the longest part each time (headers stay).
    const sizes = parts.map((p) => p.length);
    for (let i = 0; i < cut; i++) {
      let longest = 0;
      for (let j = 1; j < sizes.length; j++) if (sizes[j]! > sizes[longest]!) longest = j;
      if (sizes[longest]! <= 1) break;
      sizes[longest]!--;
    }
    const out = [header];
    parts.forEach((p, i) => {
      out.push("", ...p.slice(0, sizes[i]));
    });
    if (cut > 0) out.push("", t("summary-cut", { count: cut }));
    return out.join("\n");
  };
  let text = build(0);
  if (text.length > limit) {
    const total = parts.reduce((n, p) => n + p.length - 1, 0);
    let lo = 1;
    let hi = total;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (build(mid).length <= limit) hi = mid;
      else lo = mid + 1;
    }
    text = build(lo);
  }
  const buttons: InlineButton[][] = [
    [
      { text: t("summary-button-status"), callback_data: input.callbacks.status },
      ...(input.overdue.length > 0
        ? [{ text: t("summary-button-overdue"), callback_data: input.callbacks.overdue }]
        : []),
    ],
  ];
  return { text, buttons };
}
