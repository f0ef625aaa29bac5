// The item screen («пункт 4.3»): each role's progress, who is late and by how much, every unit's
// state with when and by whom it was done, reports; and the list of its reports to open.
import { dayMonth, shortDate } from "../digest/format.js";
import type { IsoDate } from "../plan/types.js";
import { reviewData, statusData } from "./callback-data.js";
import {
  button,
  escapeHtml,
  fitMessage,
  listName,
  pageOf,
  pagerRow,
  type RenderedMessage,
  rows,
  type Translate,
} from "./format.js";
import type { ItemDetail, ItemSummary, UnitItemSummary } from "./item-detail.js";

/** Unit lines per page of the item screen. */
export const ITEM_UNITS_PAGE = 30;
/** Reports per page of the reports list. */
export const REPORTS_PAGE = 10;
const LATE_NAMES_MAX = 8;

export interface ItemViewData {
  detail: ItemDetail;
  summary: ItemSummary;
  today: IsoDate;
  locale: string;
  /** The reader's time zone, for the dates of marks and reports. */
  zone: string;
  page: number;
  /** The reader may set whether the item needs an accepted report (a coordinator over everything). */
  canConfigure?: boolean;
}

/** «28.09» of an ISO instant in `zone` (with the year when it is not `today`'s). */
export function instantDay(instant: string, zone: string, today: IsoDate): string {
  const date = localIsoDate(instant, zone);
  return dayMonth(date, today.slice(0, 4));
}

const dayFormats = new Map<string, Intl.DateTimeFormat | null>();

/** The `YYYY-MM-DD` of an instant in a zone (UTC when the zone is unknown). Formatters are cached: exports call it per row. */
export function localIsoDate(instant: string, zone: string): IsoDate {
  let fmt = dayFormats.get(zone);
  if (fmt === undefined) {
    try {
      fmt = new Intl.DateTimeFormat("en-CA", {
        timeZone: zone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      });
    } catch {
      fmt = null;
    }
    dayFormats.set(zone, fmt);
  }
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant.slice(0, 10);
  return fmt ? fmt.format(d) : d.toISOString().slice(0, 10);
}

function itemHeading(d: ItemDetail): string[] {
  const deadline = d.item.deadlineRaw.trim() ? ` · ${escapeHtml(d.item.deadlineRaw.trim())}` : "";
  return [
    `<b>${escapeHtml(d.item.number)} ${listName(d.item.title, 200)}</b>${deadline}`,
    `<i>${listName(d.plan.title, 100)}</i>`,
  ];
}

function unitLine(u: UnitItemSummary, data: ItemViewData, t: Translate): string {
  const name = listName(u.unitName, 50);
  const year = data.today.slice(0, 4);
  const part = u.total > 1 ? ` · ${u.done}/${u.total}` : "";
  const reports = u.reports > 0 ? ` · 📎${u.reports > 1 ? ` ${u.reports}` : ""}` : "";
  switch (u.state) {
    case "overdue":
      return `🔴 ${name} — ${t("status-late", { count: u.daysLate })}${part}${reports}`;
    case "open":
      return `⚪ ${name}${u.nextDue ? ` — ${t("status-until", { date: shortDate(u.nextDue, year, data.locale) })}` : ""}${part}${reports}`;
    case "review":
      return `⏳ ${name} — ${t("status-waits-review")}${part}${reports}`;
    case "done": {
      const when = u.doneAt ? instantDay(u.doneAt, data.zone, data.today) : "";
      const who = u.doneByName ? `, ${escapeHtml(u.doneByName)}` : "";
      return `✅ ${name}${when ? ` — ${when}${who}` : ""}${part}${reports}`;
    }
  }
}

function backData(d: ItemDetail): string {
  return d.item.sectionId === null
    ? statusData({ v: "loose", plan: d.plan.id, page: 0 })
    : statusData({ v: "section", section: d.item.sectionId, page: 0 });
}

/** The item screen. */
export function renderItem(data: ItemViewData, t: Translate): RenderedMessage {
  const { detail: d, summary: s } = data;
  const head = itemHeading(d);
  if (s.units.length === 0) {
    head.push("", t("status-item-none"));
  } else {
    for (const r of s.roles) {
      const late = r.overdue > 0 ? ` · 🔴 ${r.overdue}` : "";
      head.push(`${listName(r.roleName, 80)}: ✅ ${r.done} ${t("status-of")} ${r.units}${late}`);
    }
    const late = s.units.filter((u) => u.state === "overdue");
    if (late.length > 0) {
      const names = late
        .slice(0, LATE_NAMES_MAX)
        .map((u) => `${listName(u.unitName, 40)} (${t("status-days", { count: u.daysLate })})`);
      if (late.length > LATE_NAMES_MAX) names.push("…");
      head.push(`🔴 ${t("status-not-done")}: ${names.join(", ")}`);
    }
    if (s.reports > 0)
      head.push(`📎 ${t("status-reports-line", { count: s.reports, pending: s.pendingReports })}`);
  }
  head.push("");
  const p = pageOf(s.units, data.page, ITEM_UNITS_PAGE);
  const body = p.items.map((u) => unitLine(u, data, t));
  const itemId = d.item.id;
  const open = s.units.some((u) => u.state === "overdue" || u.state === "open");
  const keyboard = [
    [
      ...(s.reports > 0
        ? [
            button(
              t("status-btn-reports", { count: s.reports }),
              statusData({ v: "reports", item: itemId, page: 0 }),
            ),
          ]
        : []),
      ...(open ? [button(t("status-btn-remind-item"), statusData({ v: "remind", item: itemId }))] : []),
    ],
    pagerRow(p, (page) => statusData({ v: "item", item: itemId, page })),
    data.canConfigure
      ? [
          button(
            t(d.item.needsAcceptedReport ? "status-btn-needs-off" : "status-btn-needs-on"),
            statusData({ v: "needs", item: itemId, on: d.item.needsAcceptedReport ? 0 : 1 }),
          ),
        ]
      : [],
    [button(t("status-btn-back"), backData(d))],
  ].filter((r) => r.length > 0);
  const tail = d.item.needsAcceptedReport ? ["", t("status-needs-accepted")] : [];
  return {
    text: fitMessage(head, body, tail, (n) => t("status-and-more", { count: n })),
    reply_markup: { inline_keyboard: keyboard },
  };
}

const REVIEW_ORDER = { pending: 0, returned: 1, accepted: 2 } as const;

/** The item's reports: waiting ones first, then the newest; a button to open each. */
export function renderItemReports(data: ItemViewData, t: Translate): RenderedMessage {
  const { detail: d } = data;
  const sorted = [...d.reports].sort(
    (a, b) => REVIEW_ORDER[a.reviewState] - REVIEW_ORDER[b.reviewState] || b.reportId - a.reportId,
  );
  const p = pageOf(sorted, data.page, REPORTS_PAGE);
  const head = [
    t("status-reports-title", { number: escapeHtml(d.item.number), title: listName(d.item.title, 80) }),
    "",
  ];
  const body = p.items.map((r, i) => {
    const n = p.page * REPORTS_PAGE + i + 1;
    const who = r.userName ? ` · ${escapeHtml(r.userName)}` : "";
    const files = r.parts > 0 ? ` · ${t("status-parts", { count: r.parts })}` : "";
    return `${n}) ${listName(r.unitName, 50)} · ${instantDay(r.createdAt, data.zone, data.today)}${who}${files} — ${t(`status-review-${r.reviewState}`)}`;
  });
  const buttons = p.items.map((r, i) =>
    button(
      t("status-btn-open", { n: p.page * REPORTS_PAGE + i + 1 }),
      reviewData({ v: "open", report: r.reportId }),
    ),
  );
  const keyboard = [
    ...rows(buttons, 3),
    pagerRow(p, (page) => statusData({ v: "reports", item: d.item.id, page })),
    [button(t("status-btn-back"), statusData({ v: "item", item: d.item.id, page: 0 }))],
  ].filter((r) => r.length > 0);
  return {
    text: fitMessage(head, body.length > 0 ? body : [t("status-nothing")], [], (n) =>
      t("status-and-more", { count: n }),
    ),
    reply_markup: { inline_keyboard: keyboard },
  };
}
