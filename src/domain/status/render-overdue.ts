// /overdue (everything late, by unit, with buttons to remind) and the reminder a unit's members
// get. Pure.
import { daysBetween } from "../agenda.js";
import { dayMonth, shortDate } from "../digest/format.js";
import type { IsoDate } from "../plan/types.js";
import { overdueData } from "./callback-data.js";
import {
  button,
  buttonText,
  escapeHtml,
  fitMessage,
  type InlineButton,
  listName,
  pageOf,
  pagerRow,
  type RenderedMessage,
  type Translate,
} from "./format.js";
import { foldOccurrences, type OverdueUnit } from "./overdue.js";

/** Units per page of /overdue (each has a remind button). */
export const OVERDUE_PAGE = 8;
/** Items listed under one unit before «…и ещё N». */
const UNIT_ITEMS_MAX = 6;

/** /overdue, page `page`: late items by unit, a remind button per unit and one for all. */
export function renderOverdue(
  data: { units: readonly OverdueUnit[]; today: IsoDate; page: number },
  t: Translate,
): RenderedMessage {
  const date = dayMonth(data.today, data.today.slice(0, 4));
  if (data.units.length === 0) {
    return { text: t("status-overdue-none", { date }), reply_markup: { inline_keyboard: [] } };
  }
  const items = data.units.reduce((n, u) => n + u.items.length, 0);
  const plans = new Set(data.units.flatMap((u) => u.items.map((i) => i.planId)));
  const head = [t("status-overdue-title", { date, items, units: data.units.length }), ""];
  const p = pageOf(data.units, data.page, OVERDUE_PAGE);
  const body: string[] = [];
  for (const u of p.items) {
    const role =
      u.roleName.trim().toLowerCase() === u.unitName.trim().toLowerCase()
        ? ""
        : ` · ${listName(u.roleName, 40)}`;
    body.push(`<b>${listName(u.unitName, 60)}</b>${role}`);
    let plan: number | null = null;
    const items = foldOccurrences(u.items);
    for (const i of items.slice(0, UNIT_ITEMS_MAX)) {
      if (plans.size > 1 && i.planId !== plan) {
        plan = i.planId;
        body.push(` <i>${listName(i.planTitle, 60)}</i>`);
      }
      const times = i.occurrences > 1 ? ` · ${t("status-occurrences", { count: i.occurrences })}` : "";
      body.push(
        ` ${escapeHtml(i.number)}. ${listName(i.title, 50)} — ${t("status-days", { count: i.daysLate })}${times}`,
      );
    }
    if (items.length > UNIT_ITEMS_MAX)
      body.push(` ${t("status-and-more", { count: items.length - UNIT_ITEMS_MAX })}`);
  }
  const keyboard: InlineButton[][] = p.items.map((u) => [
    button(buttonText(`🔔 ${u.unitName}`), overdueData({ v: "unit", unit: u.unitId })),
  ]);
  keyboard.push(pagerRow(p, (page) => overdueData({ v: "page", page })));
  if (data.units.length > 1)
    keyboard.push([
      button(t("status-btn-remind-all", { count: data.units.length }), overdueData({ v: "all" })),
    ]);
  return {
    text: fitMessage(head, body, [], (n) => t("status-and-more", { count: n })),
    reply_markup: { inline_keyboard: keyboard.filter((r) => r.length > 0) },
  };
}

/** One line of a reminder: an item and its due date. */
export interface ReminderItem {
  number: string;
  title: string;
  planTitle: string;
  due: IsoDate | null;
}

/**
 * The reminder a unit's member gets from a coordinator: the unit's late (or not yet done) items,
 * each with its due date, and a button into /tasks (`tasksData`: the executors' callback data).
 */
export function composeReminder(
  data: {
    unitName: string;
    items: readonly ReminderItem[];
    today: IsoDate;
    language: string;
    tasksData: string;
  },
  t: Translate,
): RenderedMessage {
  const year = data.today.slice(0, 4);
  const head = [
    t("status-reminder-title"),
    t("status-reminder-unit", { unit: escapeHtml(data.unitName) }),
    "",
  ];
  const plans = new Set(data.items.map((i) => i.planTitle));
  const body: string[] = [];
  let plan: string | null = null;
  for (const i of data.items) {
    if (plans.size > 1 && i.planTitle !== plan) {
      plan = i.planTitle;
      body.push(`<i>${listName(i.planTitle, 80)}</i>`);
    }
    const when =
      i.due === null
        ? ""
        : i.due < data.today
          ? ` — ${t("status-reminder-was-due", { date: dayMonth(i.due, year), days: daysBetween(i.due, data.today) })}`
          : ` — ${t("status-until", { date: shortDate(i.due, year, data.language) })}`;
    body.push(` ${escapeHtml(i.number)}. ${listName(i.title, 70)}${when}`);
  }
  return {
    text: fitMessage(head, body, [], (n) => t("status-and-more", { count: n })),
    reply_markup: { inline_keyboard: [[button(t("status-btn-my-tasks"), data.tasksData)]] },
  };
}
