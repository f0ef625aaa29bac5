// The /status screens: every plan, one plan, and its drill-downs by section, role and unit. One
// message edited in place while the coordinator navigates. Pure: data and texts in, message out.
import { dayMonth, shortDate } from "../digest/format.js";
import type { IsoDate } from "../plan/types.js";
import { exportData, overdueData, statusData } from "./callback-data.js";
import type { StatusCatalog } from "./catalog.js";
import { percentDone } from "./counts.js";
import {
  button,
  buttonText,
  doneLine,
  escapeHtml,
  fitMessage,
  listName,
  pageOf,
  pagerRow,
  type RenderedMessage,
  rows,
  sectionName,
  shortCounts,
  type Translate,
} from "./format.js";
import type { Counts, PlanStatusReport, StatusReport } from "./types.js";
import type { UnitTree } from "./unit-tree.js";

/** Entries per page of a drill-down list (each has its own button). */
export const LIST_PAGE = 10;

interface Common {
  catalog: StatusCatalog;
  today: IsoDate;
  locale: string;
}

function more(t: Translate) {
  return (n: number) => t("status-and-more", { count: n });
}

function message(
  text: string,
  keyboard: RenderedMessage["reply_markup"]["inline_keyboard"],
): RenderedMessage {
  return { text, reply_markup: { inline_keyboard: keyboard.filter((r) => r.length > 0) } };
}

function pendingLine(c: Counts, t: Translate): string[] {
  return c.pendingReview > 0 ? [t("status-pending-line", { count: c.pendingReview })] : [];
}

/** `/status` with several plans: each plan's counts, a button into each. */
export function renderHome(data: Common & { report: StatusReport }, t: Translate): RenderedMessage {
  const { report } = data;
  if (report.plans.length === 0) return message(t("status-empty"), []);
  const head = [
    t("status-home-title", { date: dayMonth(data.today, data.today.slice(0, 4)) }),
    doneLine(report.counts, t),
    ...pendingLine(report.counts, t),
    "",
  ];
  const body = report.plans.map(
    (p, i) => `${i + 1}) ${listName(p.plan.title, 80)} — ${planCounts(p.counts)}`,
  );
  const keyboard = report.plans.map((p, i) => [
    button(buttonText(`${i + 1}) ${p.plan.title}`), statusData({ v: "plan", plan: p.plan.id })),
  ]);
  keyboard.push([
    button(t("status-btn-overdue"), overdueData({ v: "open" })),
    button(t("status-btn-xlsx"), exportData({ v: "xlsx", plan: 0 })),
  ]);
  return message(fitMessage(head, body, [], more(t)), keyboard);
}

function planCounts(c: Counts): string {
  const pct = percentDone(c);
  return c.overdue > 0
    ? `${c.done}/${c.total} (${pct} %) · 🔴 ${c.overdue}`
    : `${c.done}/${c.total} (${pct} %)`;
}

/** One plan: totals, sections, nearest deadlines, the drill-down and export buttons. */
export function renderPlan(
  data: Common & { plan: PlanStatusReport; multiplePlans: boolean },
  t: Translate,
): RenderedMessage {
  const { plan, catalog } = data;
  const year = data.today.slice(0, 4);
  const head = [
    t("status-plan-title", {
      title: escapeHtml(plan.plan.title),
      date: dayMonth(data.today, year),
    }),
    doneLine(plan.counts, t),
    ...pendingLine(plan.counts, t),
    "",
  ];
  const body: string[] = [];
  for (const s of plan.sections) {
    const section = s.sectionId === null ? null : catalog.sections.get(s.sectionId);
    const name = section ? sectionName(section) : t("status-no-section");
    body.push(`${listName(name)} — ${shortCounts(s.counts)}`);
  }
  const tail: string[] = [];
  if (plan.nearest.length > 0) {
    tail.push("", t("status-nearest"));
    for (const n of plan.nearest) {
      const item = catalog.items.get(n.itemId);
      if (!item) continue;
      tail.push(
        t("status-nearest-line", {
          date: shortDate(n.due, year, data.locale),
          number: escapeHtml(item.number),
          title: listName(item.title, 50),
          open: n.open,
        }),
      );
    }
  }
  const id = plan.plan.id;
  const keyboard = [
    [
      button(t("status-btn-sections"), statusData({ v: "sections", plan: id, page: 0 })),
      button(t("status-btn-roles"), statusData({ v: "roles", plan: id, page: 0 })),
      button(t("status-btn-units"), statusData({ v: "units", plan: id, page: 0 })),
    ],
    [
      button(t("status-btn-overdue"), overdueData({ v: "open" })),
      button(t("status-btn-xlsx"), exportData({ v: "xlsx", plan: id })),
      button(t("status-btn-chart"), exportData({ v: "chart", plan: id, by: "u" })),
    ],
    [button(t("status-btn-docx"), exportData({ v: "docx", plan: id }))],
    data.multiplePlans ? [button(t("status-btn-plans"), statusData({ v: "home" }))] : [],
  ];
  return message(fitMessage(head, body, tail, more(t)), keyboard);
}

function listHead(plan: PlanStatusReport, heading: string): string[] {
  return [`<b>${escapeHtml(plan.plan.title)}</b>`, heading, ""];
}

/** «По разделам»: each section's counts, a button into each. */
export function renderSections(
  data: Common & { plan: PlanStatusReport; page: number },
  t: Translate,
): RenderedMessage {
  const { plan, catalog } = data;
  const p = pageOf(plan.sections, data.page, LIST_PAGE);
  const body: string[] = [];
  const buttons = [];
  for (const s of p.items) {
    const section = s.sectionId === null ? null : catalog.sections.get(s.sectionId);
    const name = section ? sectionName(section) : t("status-no-section");
    body.push(`${listName(name)} — ${shortCounts(s.counts)}`);
    const into = section
      ? statusData({ v: "section", section: section.id, page: 0 })
      : statusData({ v: "loose", plan: plan.plan.id, page: 0 });
    buttons.push([button(buttonText(name), into)]);
  }
  const keyboard = [
    ...buttons,
    pagerRow(p, (page) => statusData({ v: "sections", plan: plan.plan.id, page })),
    [button(t("status-btn-back"), statusData({ v: "plan", plan: plan.plan.id }))],
  ];
  return message(fitMessage(listHead(plan, t("status-by-sections")), body, [], more(t)), keyboard);
}

/** One section (null: items under no section): its items with counts, a numbered button into each. */
export function renderSection(
  data: Common & { plan: PlanStatusReport; sectionId: number | null; page: number },
  t: Translate,
): RenderedMessage {
  const { plan, catalog } = data;
  const section = data.sectionId === null ? undefined : catalog.sections.get(data.sectionId);
  const items = plan.items.filter((i) => catalog.items.get(i.itemId)?.sectionId === data.sectionId);
  const p = pageOf(items, data.page, LIST_PAGE);
  const year = data.today.slice(0, 4);
  const body = p.items.map((s) => {
    const item = catalog.items.get(s.itemId);
    const when =
      s.maxDaysLate > 0
        ? ` (${t("status-days", { count: s.maxDaysLate })})`
        : s.nextDue
          ? ` · ${t("status-until", { date: shortDate(s.nextDue, year, data.locale) })}`
          : "";
    return `${escapeHtml(item?.number ?? "")}. ${listName(item?.title ?? "", 60)} — ${shortCounts(s.counts)}${when}`;
  });
  const buttons = p.items.map((s) =>
    button(catalog.items.get(s.itemId)?.number ?? "?", statusData({ v: "item", item: s.itemId, page: 0 })),
  );
  const head = [
    `<b>${escapeHtml(plan.plan.title)}</b>`,
    `<b>${listName(section ? sectionName(section) : t("status-no-section"), 100)}</b>`,
    "",
  ];
  const keyboard = [
    ...rows(buttons, 5),
    pagerRow(p, (page) =>
      data.sectionId === null
        ? statusData({ v: "loose", plan: plan.plan.id, page })
        : statusData({ v: "section", section: data.sectionId, page }),
    ),
    [button(t("status-btn-back"), statusData({ v: "sections", plan: plan.plan.id, page: 0 }))],
  ];
  return message(fitMessage(head, body.length > 0 ? body : [t("status-nothing")], [], more(t)), keyboard);
}

/** «По ролям»: each role's counts, a button into each. */
export function renderRoles(
  data: Common & { plan: PlanStatusReport; page: number },
  t: Translate,
): RenderedMessage {
  const { plan, catalog } = data;
  const p = pageOf(plan.roles, data.page, LIST_PAGE);
  const body = p.items.map(
    (r) => `${listName(catalog.roles.get(r.roleId)?.name ?? "")} — ${shortCounts(r.counts)}`,
  );
  const buttons = p.items.map((r) => [
    button(
      buttonText(catalog.roles.get(r.roleId)?.name ?? "?"),
      statusData({ v: "role", plan: plan.plan.id, role: r.roleId, page: 0 }),
    ),
  ]);
  const keyboard = [
    ...buttons,
    pagerRow(p, (page) => statusData({ v: "roles", plan: plan.plan.id, page })),
    [button(t("status-btn-back"), statusData({ v: "plan", plan: plan.plan.id }))],
  ];
  return message(fitMessage(listHead(plan, t("status-by-roles")), body, [], more(t)), keyboard);
}

function unitLines(
  ids: number[],
  counts: (id: number) => Counts | undefined,
  data: Common & { plan: PlanStatusReport },
  page: number,
  pageData: (page: number) => string,
) {
  const p = pageOf(ids, page, LIST_PAGE);
  const body = p.items.map((id) => {
    const c = counts(id);
    return `${listName(data.catalog.units.get(id)?.name ?? "")} — ${c ? shortCounts(c) : "0/0"}`;
  });
  const buttons = p.items.map((id) => [
    button(
      buttonText(data.catalog.units.get(id)?.name ?? "?"),
      statusData({ v: "unit", plan: data.plan.plan.id, unit: id, page: 0 }),
    ),
  ]);
  return { body, keyboard: [...buttons, pagerRow(p, pageData)] };
}

/** One role: its units (with their subtrees' counts), a button into each. */
export function renderRole(
  data: Common & { plan: PlanStatusReport; tree: UnitTree; roleId: number; page: number },
  t: Translate,
): RenderedMessage {
  const { plan, catalog, tree } = data;
  const ids = [...tree.counts.keys()]
    .filter((id) => catalog.units.get(id)?.roleId === data.roleId && tree.counts.get(id)!.own.total > 0)
    .sort((a, b) =>
      (catalog.units.get(a)?.name ?? "").localeCompare(catalog.units.get(b)?.name ?? "", "ru", {
        numeric: true,
      }),
    );
  const role = catalog.roles.get(data.roleId);
  const { body, keyboard } = unitLines(
    ids,
    (id) => tree.counts.get(id)?.own,
    data,
    data.page,
    (page) => statusData({ v: "role", plan: plan.plan.id, role: data.roleId, page }),
  );
  const roleCounts = plan.roles.find((r) => r.roleId === data.roleId)?.counts;
  const head = [
    `<b>${escapeHtml(plan.plan.title)}</b>`,
    `<b>${listName(role?.name ?? "", 100)}</b>`,
    ...(roleCounts ? [doneLine(roleCounts, t)] : []),
    "",
  ];
  keyboard.push([button(t("status-btn-back"), statusData({ v: "roles", plan: plan.plan.id, page: 0 }))]);
  return message(fitMessage(head, body.length > 0 ? body : [t("status-nothing")], [], more(t)), keyboard);
}

/** «По исполнителям»: the top units the reader sees (a municipality with its schools counted in). */
export function renderUnits(
  data: Common & { plan: PlanStatusReport; tree: UnitTree; page: number },
  t: Translate,
): RenderedMessage {
  const { plan, tree } = data;
  const { body, keyboard } = unitLines(
    tree.roots,
    (id) => tree.counts.get(id)?.subtree,
    data,
    data.page,
    (page) => statusData({ v: "units", plan: plan.plan.id, page }),
  );
  keyboard.push([button(t("status-btn-back"), statusData({ v: "plan", plan: plan.plan.id }))]);
  return message(
    fitMessage(
      listHead(plan, t("status-by-units")),
      body.length > 0 ? body : [t("status-nothing")],
      [],
      more(t),
    ),
    keyboard,
  );
}

/** An overdue item of one unit, for the unit's screen. */
export interface UnitOverdueItem {
  itemId: number;
  number: string;
  title: string;
  daysLate: number;
}

/** One unit: its own counts, with its subtree's, its overdue items, and its child units. */
export function renderUnit(
  data: Common & {
    plan: PlanStatusReport;
    tree: UnitTree;
    unitId: number;
    page: number;
    overdue: readonly UnitOverdueItem[];
  },
  t: Translate,
): RenderedMessage {
  const { plan, tree, catalog } = data;
  const unit = catalog.units.get(data.unitId);
  const counts = tree.counts.get(data.unitId);
  const children = tree.children.get(data.unitId) ?? [];
  const role = unit ? catalog.roles.get(unit.roleId) : undefined;
  const head = [
    `<b>${escapeHtml(plan.plan.title)}</b>`,
    `<b>${listName(unit?.name ?? "", 100)}</b>${role ? ` · ${listName(role.name, 60)}` : ""}`,
  ];
  if (counts && counts.own.total > 0) head.push(doneLine(counts.own, t));
  if (counts && children.length > 0)
    head.push(t("status-with-children", { counts: doneLine(counts.subtree, t) }));
  head.push("");
  const body: string[] = [];
  if (data.overdue.length > 0) {
    body.push(t("status-unit-overdue"));
    for (const o of data.overdue)
      body.push(
        ` ${escapeHtml(o.number)}. ${listName(o.title, 60)} — ${t("status-days", { count: o.daysLate })}`,
      );
  }
  const { body: childLines, keyboard } = unitLines(
    children,
    (id) => tree.counts.get(id)?.subtree,
    data,
    data.page,
    (page) => statusData({ v: "unit", plan: plan.plan.id, unit: data.unitId, page }),
  );
  if (childLines.length > 0) body.push(...(body.length > 0 ? [""] : []), t("status-children"), ...childLines);
  const parent = unit?.parentId ?? null;
  const backTo =
    parent !== null && tree.counts.has(parent)
      ? statusData({ v: "unit", plan: plan.plan.id, unit: parent, page: 0 })
      : statusData({ v: "units", plan: plan.plan.id, page: 0 });
  keyboard.push([button(t("status-btn-back"), backTo)]);
  return message(
    fitMessage(head, body.length > 0 ? body : [t("status-nothing-late")], [], more(t)),
    keyboard,
  );
}
