// The daily digest of one executor: one message with what is late and what is due, grouped by
// plan, in the order a reader acts on it. Pure: the date, the calendar and the texts come in.
import { type Bucket, place } from "../agenda.js";
import type { IsoDate } from "../plan/types.js";
import {
  addDays,
  compareRu,
  dayMonth,
  escapeHtml,
  longDate,
  monthName,
  previousWorkingDay,
  shortDate,
  shorten,
} from "./format.js";
import type {
  ComposedMessage,
  DigestCallbacks,
  DigestEntry,
  InlineButton,
  Translate,
  WorkingCalendar,
} from "./types.js";

/** Telegram's limit for one message. */
export const MESSAGE_LIMIT = 4096;
/** Entries that get [✅ N] [📎 N] buttons: more would bury the message under a keyboard. */
export const MAX_BUTTON_ENTRIES = 8;
const TITLE_MAX = 60;
const PLAN_TITLE_MAX = 90;

/** Sections of a plan in the digest, in the order a reader acts on them. */
export type DigestSection = "overdue" | "gap" | "today" | "week" | "opens" | "new" | "confirm";
export const SECTION_ORDER: readonly DigestSection[] = [
  "overdue",
  "gap",
  "today",
  "week",
  "opens",
  "new",
  "confirm",
];

export interface DigestInput {
  user: { id: number; language: string };
  /** The user's assignments (of all their units); done and far-off ones are skipped here. */
  entries: readonly DigestEntry[];
  /** The user's local date. */
  today: IsoDate;
  /** The local day of the last digest the user was sent (for the monthly confirmation). */
  lastDigestDay?: IsoDate | null;
  /** When the last digest was queued (ISO instant): events recorded after it are news. */
  lastDigestAt?: string | null;
  calendar: WorkingCalendar;
  t: Translate;
  callbacks: DigestCallbacks;
  /** For tests; default 4096. */
  maxLength?: number;
  /**
   * Texts shared by the digests of one run (the same items, dates and days for thousands of
   * readers): pass one `createDigestCache()` to every call of a run. Optional.
   */
  cache?: DigestCache;
}

/** Memoised pieces of text for the digests of one run (see `DigestInput.cache`). */
export interface DigestCache {
  gaps: Map<IsoDate, Set<IsoDate>>;
  /** `language|today` → the first line, the month name. */
  headers: Map<string, { header: string; month: string }>;
  /** item title → item number → « 3. Отправка писем…» (escaped). */
  prefixes: Map<string, Map<string, string>>;
  /** `language|today|section` → due date → «срок был 08.10 (17 дней назад)» (escaped). */
  details: Map<string, Map<string, string>>;
  /** `language|key|label` → button text. */
  labels: Map<string, string>;
}

export function createDigestCache(): DigestCache {
  return { gaps: new Map(), headers: new Map(), prefixes: new Map(), details: new Map(), labels: new Map() };
}

interface Line {
  entry: DigestEntry;
  section: DigestSection;
  daysLate: number;
  daysLeft: number | null;
  /** Index in priority order (section first): what is kept when the message is too long. */
  rank: number;
}

/**
 * Sorts each entry into a digest section, or leaves it out. Exported for /tasks-like reuse and
 * for tests; `composeDigest` is the entry point.
 */
export function digestSection(
  entry: DigestEntry,
  today: IsoDate,
  gap: ReadonlySet<IsoDate>,
  opts: { lastDigestDay?: IsoDate | null; lastDigestAt?: string | null },
): { section: DigestSection; daysLate: number; daysLeft: number | null } | null {
  const p = place(entry, today);
  const bucket: Bucket = p.bucket;
  switch (bucket) {
    case "overdue":
      return { section: entry.due && gap.has(entry.due) ? "gap" : "overdue", ...p };
    case "today":
      return { section: "today", ...p };
    case "week":
      return { section: "week", ...p };
    case "opens_today":
      return { section: "opens", ...p };
    case "later": {
      const recorded = entry.eventRecordedAt;
      const isNews =
        entry.kind === "relative" && !!recorded && (!opts.lastDigestAt || recorded > opts.lastDigestAt);
      return isNews ? { section: "new", ...p } : null;
    }
    case "ongoing": {
      // Once a month: in the first digest of the month while the confirmation is missing.
      const firstThisMonth = !opts.lastDigestDay || opts.lastDigestDay.slice(0, 7) !== today.slice(0, 7);
      return p.needsConfirmation && firstThisMonth ? { section: "confirm", ...p } : null;
    }
    default:
      return null;
  }
}

/** Days off between the previous working day and `today` (empty after a working day). */
export function gapDays(today: IsoDate, calendar: WorkingCalendar): Set<IsoDate> {
  const gap = new Set<IsoDate>();
  const prev = previousWorkingDay(today, (d) => calendar.isWorkingDay(d));
  for (let d = addDays(prev, 1); d < today; d = addDays(d, 1)) gap.add(d);
  return gap;
}

function compareNumbers(a: string, b: string): number {
  return compareRu(a, b);
}

function byUrgency(a: Line, b: Line): number {
  const s = SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section);
  if (s !== 0) return s;
  const da = a.entry.due ?? "9999";
  const db = b.entry.due ?? "9999";
  if (da !== db) return da < db ? -1 : 1;
  if (a.entry.planId !== b.entry.planId) return a.entry.planId - b.entry.planId;
  return compareNumbers(a.entry.itemNumber, b.entry.itemNumber) || a.entry.unitId - b.entry.unitId;
}

/**
 * The digest of one user for `today`, or null when there is nothing to say.
 * Sections per plan: overdue (days late), fell due over the weekend or holidays («За выходные
 * наступил срок»), due today, due in the next 7 days, windows opening today, relative items whose
 * event was recorded since the last digest, ongoing items due for their monthly confirmation.
 * At most one message of `MESSAGE_LIMIT` characters: a long digest keeps the most urgent entries
 * and ends with «и ещё N пунктов» and the [📋 Все задачи] button.
 */
export function composeDigest(input: DigestInput): ComposedMessage | null {
  const { today, t } = input;
  const cache = input.cache ?? createDigestCache();
  let gap = cache.gaps.get(today);
  if (!gap) {
    gap = gapDays(today, input.calendar);
    cache.gaps.set(today, gap);
  }
  const lines: Line[] = [];
  for (const entry of input.entries) {
    const s = digestSection(entry, today, gap, input);
    if (s) lines.push({ entry, section: s.section, daysLate: s.daysLate, daysLeft: s.daysLeft, rank: 0 });
  }
  if (lines.length === 0) return null;
  lines.sort(byUrgency);
  lines.forEach((l, i) => {
    l.rank = i;
  });

  const language = input.user.language;
  const headerKey = `${language}|${today}`;
  let header = cache.headers.get(headerKey);
  if (!header) {
    header = {
      header: t("digest-greeting", { date: longDate(today, language) }),
      month: monthName(today, language),
    };
    cache.headers.set(headerKey, header);
  }
  let showUnit = false;
  for (const l of lines) if (l.entry.unitId !== lines[0]!.entry.unitId) showUnit = true;
  const ctx: RenderContext = {
    t,
    today,
    year: today.slice(0, 4),
    language,
    showUnit,
    header: header.header,
    month: header.month,
    lineCache: new Map(),
    cache,
  };
  const limit = input.maxLength ?? MESSAGE_LIMIT;
  let kept = lines.length;
  let text = render(lines, kept, ctx);
  if (text.length > limit) {
    // The longest prefix (by urgency) that fits, by bisection: the render is monotone in `kept`.
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (render(lines, mid, ctx).length <= limit) lo = mid;
      else hi = mid - 1;
    }
    kept = lo;
    text = render(lines, kept, ctx);
  }
  return { text, buttons: buttons(lines.slice(0, kept), input.callbacks, ctx) };
}

interface RenderContext {
  t: Translate;
  today: IsoDate;
  year: string;
  language: string;
  showUnit: boolean;
  header: string;
  month: string;
  lineCache: Map<DigestEntry, string>;
  cache: DigestCache;
}

/** The message text with the `kept` most urgent lines, grouped by plan and section. */
function render(lines: readonly Line[], kept: number, ctx: RenderContext): string {
  const { t } = ctx;
  const shown = lines.slice(0, kept);
  // Plans in the order of their most urgent line; sections within a plan in SECTION_ORDER.
  const plans = new Map<number, Line[]>();
  for (const l of shown) {
    let list = plans.get(l.entry.planId);
    if (!list) {
      list = [];
      plans.set(l.entry.planId, list);
    }
    list.push(l);
  }
  const out: string[] = [ctx.header];
  for (const planLines of plans.values()) {
    out.push("", `<b>${escapeHtml(shorten(planLines[0]!.entry.planTitle, PLAN_TITLE_MAX))}</b>`);
    let section: DigestSection | null = null;
    for (const l of planLines) {
      if (l.section !== section) {
        section = l.section;
        out.push(
          section === "confirm"
            ? t("digest-section-confirm", { month: ctx.month })
            : t(`digest-section-${section}`),
        );
      }
      out.push(lineText(l, ctx));
    }
  }
  const rest = lines.length - kept;
  if (rest > 0) out.push("", t("digest-more", { count: rest }));
  return out.join("\n");
}

function lineText(l: Line, ctx: RenderContext): string {
  const cached = ctx.lineCache.get(l.entry);
  if (cached !== undefined) return cached;
  const e = l.entry;
  let byNumber = ctx.cache.prefixes.get(e.itemTitle);
  if (!byNumber) {
    byNumber = new Map();
    ctx.cache.prefixes.set(e.itemTitle, byNumber);
  }
  let prefix = byNumber.get(e.itemNumber);
  if (prefix === undefined) {
    prefix = ` ${escapeHtml(e.itemNumber)}. ${escapeHtml(shorten(e.itemTitle, TITLE_MAX))} — `;
    byNumber.set(e.itemNumber, prefix);
  }
  let text = prefix + detailText(l, ctx);
  if (ctx.showUnit) text += ` · <i>${escapeHtml(shorten(e.unitName, 40))}</i>`;
  if (e.reviewState === "pending") text += ` ${escapeHtml(ctx.t("digest-note-pending"))}`;
  else if (e.reviewState === "returned") text += ` ${escapeHtml(ctx.t("digest-note-returned"))}`;
  ctx.lineCache.set(e, text);
  return text;
}

/** What the line says about the deadline, escaped; the same for every reader on the same day. */
function detailText(l: Line, ctx: RenderContext): string {
  const e = l.entry;
  const due = e.due ?? ctx.today;
  if (l.section === "new") {
    const date = shortDate(due, ctx.year, ctx.language);
    return escapeHtml(
      e.eventName
        ? ctx.t("digest-line-new-event", { date, event: shorten(e.eventName, 50) })
        : ctx.t("digest-line-new", { date }),
    );
  }
  const key = `${ctx.language}|${ctx.today}|${l.section}`;
  let byDue = ctx.cache.details.get(key);
  if (!byDue) {
    byDue = new Map();
    ctx.cache.details.set(key, byDue);
  }
  let detail = byDue.get(due);
  if (detail === undefined) {
    detail = escapeHtml(detailFor(l.section, due, l, ctx));
    byDue.set(due, detail);
  }
  return detail;
}

function detailFor(section: DigestSection, due: IsoDate, l: Line, ctx: RenderContext): string {
  const { t, year, language } = ctx;
  switch (section) {
    case "overdue":
      return t("digest-line-overdue", { date: dayMonth(due, year), days: l.daysLate });
    case "gap":
      return t("digest-line-gap", { date: shortDate(due, year, language) });
    case "today":
      return t("digest-line-today");
    case "week":
      return t("digest-line-week", { date: shortDate(due, year, language), days: l.daysLeft ?? 0 });
    case "opens":
      return t("digest-line-opens", { date: shortDate(due, year, language) });
    case "confirm":
      return t("digest-line-confirm");
    default:
      return t("digest-line-new", { date: shortDate(due, year, language) });
  }
}

/**
 * What each button calls its line: the item number; a number shown twice gets what tells the lines
 * apart — the unit (two units), else the plan (two plans), else the due date (occurrences of a
 * recurring item: «16 · 31.03», as /tasks does); a label still shared gets the due date, then «#2».
 */
function buttonNames(lines: readonly Line[], year: string): Map<Line, string> {
  const names = new Map<Line, string>();
  const groups = new Map<string, Line[]>();
  for (const l of lines) {
    const g = groups.get(l.entry.itemNumber);
    if (g) g.push(l);
    else groups.set(l.entry.itemNumber, [l]);
  }
  for (const [n, group] of groups) {
    if (group.length === 1) {
      names.set(group[0]!, n);
      continue;
    }
    const units = new Set(group.map((l) => l.entry.unitId)).size > 1;
    const plans = new Set(group.map((l) => l.entry.planId)).size > 1;
    const due = (l: Line) => (l.entry.due ? dayMonth(l.entry.due, year) : "");
    const label = (l: Line) =>
      units ? shorten(l.entry.unitName, 14) : plans ? shorten(l.entry.planTitle, 14) : due(l);
    const first = group.map((l) => [n, label(l)].filter(Boolean).join(" · "));
    const second = first.map((name, i) =>
      first.indexOf(name) !== first.lastIndexOf(name) && (units || plans) && group[i]!.entry.due
        ? `${name} · ${due(group[i]!)}`
        : name,
    );
    const used = new Map<string, number>();
    group.forEach((l, i) => {
      const name = second[i]!;
      if (second.indexOf(name) === second.lastIndexOf(name)) names.set(l, name);
      else {
        const k = (used.get(name) ?? 0) + 1;
        used.set(name, k);
        names.set(l, `${name} #${k}`);
      }
    });
  }
  return names;
}

/**
 * [✅ N] [📎 N] for the most urgent entries (two entries a row), [☑ N] for a monthly
 * confirmation, then [📋 Все задачи]. Buttons follow the text's order.
 */
function buttons(kept: readonly Line[], callbacks: DigestCallbacks, ctx: RenderContext): InlineButton[][] {
  const label = (key: string, n: string): string => {
    const k = `${ctx.language}|${key}|${n}`;
    let text = ctx.cache.labels.get(k);
    if (text === undefined) {
      text = ctx.t(key, { n });
      ctx.cache.labels.set(k, text);
    }
    return text;
  };
  const chosen = kept.slice(0, MAX_BUTTON_ENTRIES);
  const names = buttonNames(chosen, ctx.year);
  const ambiguous = chosen.some((l) => names.get(l) !== l.entry.itemNumber);
  // Text order: plan by plan as rendered (plans in order of first appearance), then by rank.
  const planOrder = new Map<number, number>();
  for (const l of kept) if (!planOrder.has(l.entry.planId)) planOrder.set(l.entry.planId, planOrder.size);
  const ordered = [...chosen].sort(
    (a, b) => planOrder.get(a.entry.planId)! - planOrder.get(b.entry.planId)! || a.rank - b.rank,
  );
  const rows: InlineButton[][] = [];
  let row: InlineButton[] = [];
  for (const l of ordered) {
    const e = l.entry;
    const n = names.get(l)!;
    const pair =
      l.section === "confirm"
        ? [
            {
              text: label("digest-button-confirm", n),
              callback_data: callbacks.assignment("conf", e.assignmentId),
            },
          ]
        : [
            {
              text: label("digest-button-done", n),
              callback_data: callbacks.assignment("done", e.assignmentId),
            },
            {
              text: label("digest-button-report", n),
              callback_data: callbacks.assignment("rep", e.assignmentId),
            },
          ];
    // Long (disambiguated) labels get a row of their own.
    const perRow = ambiguous ? 1 : 2;
    row.push(...pair);
    if (row.length >= 2 * perRow) {
      rows.push(row);
      row = [];
    }
  }
  if (row.length > 0) rows.push(row);
  rows.push([{ text: label("digest-button-all", ""), callback_data: callbacks.tasks }]);
  return rows;
}
