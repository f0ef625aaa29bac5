// The /tasks list: open assignments grouped by plan and by how urgent they are, paged in one
// message (◀ ▶) that stays under Telegram's 4096 characters. Pure: data in, message out.
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import {
  type AgendaEntry,
  BUCKET_ORDER,
  type Bucket,
  type Placement,
  place,
} from "../../../domain/agenda.js";
import type { IsoDate } from "../../../domain/plan/types.js";
import { dayMonth, monthName, shortDate } from "../../../domain/text/dates.js";
import { escapeHtml } from "../../../domain/text/html.js";
import { shorten } from "../../../domain/text/shorten.js";
import type { Translate } from "../../../domain/text/translate.js";
import { assignmentData, tasksPageData } from "../../callback-data.js";

export interface TasksViewData {
  /** Open assignments, and done ones to keep in place (marked today), in plan order. */
  entries: AgendaEntry[];
  /** The reader's local date. */
  today: IsoDate;
  /** 0-based; clamped to the pages there are. */
  page: number;
  /** For dates and month names: "ru", "en". */
  locale: string;
  /** Name the unit in group headers (the reader acts for several units). */
  showUnits: boolean;
}

export interface TasksView {
  text: string;
  reply_markup: InlineKeyboardMarkup;
  page: number;
  pages: number;
}

/** Telegram's limit on a message's text. */
export const MESSAGE_LIMIT = 4096;
/** Entries per page: two buttons each, two entries per row, so at most 5 rows of buttons. */
export const PAGE_SIZE = 10;
const TITLE_MAX = 90;
const PLAN_TITLE_MAX = 120;
const UNIT_MAX = 60;

interface Placed {
  entry: AgendaEntry;
  /** Where the entry stands as if open: a done entry keeps its place in the list. */
  placement: Placement;
  done: boolean;
  group: string;
}

/** Renders one page of /tasks. */
export function renderTasks(data: TasksViewData, t: Translate): TasksView {
  const placed = sortEntries(data.entries, data.today, data.showUnits);
  const header = renderHeader(placed, t);
  if (placed.length === 0) {
    return {
      text: t("tasks-empty"),
      reply_markup: { inline_keyboard: [[{ text: t("tasks-refresh"), callback_data: tasksPageData(0) }]] },
      page: 0,
      pages: 1,
    };
  }
  const pages = paginate(placed, (slice) => renderBody(header, slice, data, t));
  const page = Math.min(Math.max(0, data.page), pages.length - 1);
  const slice = pages[page] as Placed[];
  const rows = entryButtons(slice, data.today);
  rows.push(navRow(page, pages.length, t));
  return {
    text: renderBody(header, slice, data, t),
    reply_markup: { inline_keyboard: rows },
    page,
    pages: pages.length,
  };
}

/** The bucket an entry is listed under (a done entry stays where it was while open). */
export function listPlacement(entry: AgendaEntry, today: IsoDate): Placement {
  return place({ ...entry, status: "open" }, today);
}

function sortEntries(entries: AgendaEntry[], today: IsoDate, showUnits: boolean): Placed[] {
  const groupOrder = new Map<string, number>();
  const placed = entries.map((entry, index) => {
    const group = showUnits ? `${entry.planId}:${entry.unitId}` : `${entry.planId}`;
    if (!groupOrder.has(group)) groupOrder.set(group, groupOrder.size);
    return { entry, placement: listPlacement(entry, today), done: entry.status === "done", group, index };
  });
  placed.sort(
    (a, b) =>
      (groupOrder.get(a.group) as number) - (groupOrder.get(b.group) as number) ||
      BUCKET_ORDER.indexOf(a.placement.bucket) - BUCKET_ORDER.indexOf(b.placement.bucket) ||
      (a.entry.due ?? "9999").localeCompare(b.entry.due ?? "9999") ||
      a.index - b.index,
  );
  return placed;
}

function renderHeader(placed: Placed[], t: Translate): string {
  const open = placed.filter((p) => !p.done);
  const overdue = open.filter((p) => p.placement.bucket === "overdue").length;
  const title = t("tasks-title", { count: open.length });
  return overdue > 0 ? `${title} · ${t("tasks-overdue-count", { count: overdue })}` : title;
}

/** Greedy pages: as many entries as fit both PAGE_SIZE and the message limit. */
function paginate(placed: Placed[], render: (slice: Placed[]) => string): Placed[][] {
  const pages: Placed[][] = [];
  let current: Placed[] = [];
  for (const p of placed) {
    const candidate = [...current, p];
    if (current.length > 0 && (candidate.length > PAGE_SIZE || render(candidate).length > MESSAGE_LIMIT)) {
      pages.push(current);
      current = [p];
    } else {
      current = candidate;
    }
  }
  if (current.length > 0) pages.push(current);
  return pages;
}

function renderBody(header: string, slice: Placed[], data: TasksViewData, t: Translate): string {
  const lines: string[] = [header];
  let group: string | null = null;
  let bucket: Bucket | null = null;
  for (const p of slice) {
    if (p.group !== group) {
      group = p.group;
      bucket = null;
      const title = escapeHtml(shorten(p.entry.planTitle, PLAN_TITLE_MAX));
      const unit = data.showUnits ? ` · ${escapeHtml(shorten(p.entry.unitName, UNIT_MAX))}` : "";
      lines.push("", `<b>${title}</b>${unit}`);
    }
    if (p.placement.bucket !== bucket) {
      bucket = p.placement.bucket;
      lines.push(t(`tasks-bucket-${bucket}`));
    }
    lines.push(renderEntryLine(p.entry, data.today, data.locale, t));
  }
  return lines.join("\n");
}

/**
 * One entry as a line of a list: « 3. Отправка писем… — срок был 08.10 (17 дней назад)», or
 * «✅ 3. Отправка писем… — выполнено» when done. HTML-escaped.
 */
export function renderEntryLine(entry: AgendaEntry, today: IsoDate, locale: string, t: Translate): string {
  const head = `${escapeHtml(entry.itemNumber)}. ${escapeHtml(shorten(entry.itemTitle, TITLE_MAX))}`;
  if (entry.status === "done") return `✅ ${head} — ${t("tasks-done")}`;
  const p = listPlacement(entry, today);
  const due = entry.due;
  let when: string;
  switch (p.bucket) {
    case "overdue":
      when = t("tasks-when-overdue", { due: dayMonth(due as string, today), days: p.daysLate });
      break;
    case "today":
      when = t("tasks-when-today");
      break;
    case "week":
      when = t("tasks-when-week", {
        due: shortDate(due as string, today, locale),
        days: p.daysLeft ?? 0,
      });
      break;
    case "opens_today":
    case "later":
      when = t("tasks-when-later", { due: shortDate(due as string, today, locale) });
      break;
    case "ongoing":
      when = p.needsConfirmation
        ? t("tasks-when-confirm", { month: monthName(today, locale) })
        : t("tasks-when-confirmed", { date: dayMonth(entry.lastConfirmedOn as string, today) });
      break;
    default:
      when = "";
  }
  const review =
    entry.reviewState === "pending"
      ? ` · ${t("tasks-review-pending")}`
      : entry.reviewState === "returned"
        ? ` · ${t("tasks-review-returned")}`
        : "";
  return ` ${head}${when ? ` — ${when}` : ""}${review}`;
}

/**
 * The buttons of one entry: [✅ 3] [📎 3] while open, [✔ 3] [📎 3] for an ongoing item waiting for
 * its monthly confirmation, [↩ 3] [💬 3] once done (undo, comment).
 */
export function entryButtonPair(entry: AgendaEntry, today: IsoDate, label: string): InlineKeyboardButton[] {
  const id = entry.assignmentId;
  if (entry.status === "done") {
    return [
      { text: `↩ ${label}`, callback_data: assignmentData("undo", id) },
      { text: `💬 ${label}`, callback_data: assignmentData("note", id) },
    ];
  }
  const p = listPlacement(entry, today);
  const first: InlineKeyboardButton =
    p.bucket === "ongoing" && p.needsConfirmation
      ? { text: `✔ ${label}`, callback_data: assignmentData("conf", id) }
      : { text: `✅ ${label}`, callback_data: assignmentData("done", id) };
  return [first, { text: `📎 ${label}`, callback_data: assignmentData("rep", id) }];
}

function entryButtons(slice: Placed[], today: IsoDate): InlineKeyboardButton[][] {
  const labels = buttonLabels(
    slice.map((p) => p.entry),
    today,
  );
  const rows: InlineKeyboardButton[][] = [];
  slice.forEach((p, i) => {
    const pair = entryButtonPair(p.entry, today, labels[i] as string);
    const last = rows[rows.length - 1];
    if (last && last.length < 4) last.push(...pair);
    else rows.push(pair);
  });
  return rows;
}

/**
 * Item numbers as button labels; a number shown twice on a page (a recurring item, two plans,
 * two units) gets its due date, then a counter, so every button says which line it acts on.
 */
function buttonLabels(entries: AgendaEntry[], today: IsoDate): string[] {
  const count = (labels: string[]) =>
    labels.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  let labels = entries.map((e) => e.itemNumber);
  let seen = count(labels);
  labels = labels.map((l, i) => {
    const due = entries[i]?.due;
    return (seen.get(l) ?? 0) > 1 && due ? `${l} · ${dayMonth(due, today)}` : l;
  });
  seen = count(labels);
  const used = new Map<string, number>();
  return labels.map((l) => {
    if ((seen.get(l) ?? 0) < 2) return l;
    const n = (used.get(l) ?? 0) + 1;
    used.set(l, n);
    return `${l} #${n}`;
  });
}

function navRow(page: number, pages: number, t: Translate): InlineKeyboardButton[] {
  if (pages <= 1) return [{ text: t("tasks-refresh"), callback_data: tasksPageData(0) }];
  const row: InlineKeyboardButton[] = [];
  if (page > 0) row.push({ text: "◀", callback_data: tasksPageData(page - 1) });
  row.push({ text: `${page + 1} / ${pages}`, callback_data: tasksPageData(page) });
  if (page < pages - 1) row.push({ text: "▶", callback_data: tasksPageData(page + 1) });
  return row;
}
