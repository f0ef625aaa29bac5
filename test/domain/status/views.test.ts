// The coordinators' screens as pure functions with the real Russian texts: exact lines, HTML
// escaping of plan text, Telegram's 4096 characters and 64-byte callback data, paging.
import { describe, expect, it } from "vitest";
import { createI18n, translator } from "../../../src/bot/i18n.js";
import {
  exportData,
  overdueData,
  parseExportData,
  parseOverdueData,
  parseReviewData,
  parseStatusData,
  reviewData,
  type StatusButton,
  statusData,
} from "../../../src/domain/status/callback-data.js";
import { catalogOf } from "../../../src/domain/status/catalog.js";
import { computeStatus } from "../../../src/domain/status/compute-status.js";
import { type ItemDetail, summarizeItem } from "../../../src/domain/status/item-detail.js";
import { foldOccurrences, type OverdueCandidate, overdueByUnit } from "../../../src/domain/status/overdue.js";
import { renderItem } from "../../../src/domain/status/render-item.js";
import { composeReminder, renderOverdue } from "../../../src/domain/status/render-overdue.js";
import { renderPlan, renderSection } from "../../../src/domain/status/render-status.js";
import type { StatusRows } from "../../../src/domain/status/types.js";

const i18n = createI18n({
  onMissing: (m) => {
    throw new Error(m);
  },
});
const t = translator(i18n, "ru");
const TODAY = "2021-10-25";
const MAX = Number.MAX_SAFE_INTEGER;

describe("callback data", () => {
  const buttons: StatusButton[] = [
    { v: "open" },
    { v: "home" },
    { v: "plan", plan: MAX },
    { v: "sections", plan: MAX, page: 9999 },
    { v: "section", section: MAX, page: 9999 },
    { v: "loose", plan: MAX, page: 9999 },
    { v: "roles", plan: MAX, page: 9999 },
    { v: "role", plan: MAX, role: MAX, page: 9999 },
    { v: "units", plan: MAX, page: 9999 },
    { v: "unit", plan: MAX, unit: MAX, page: 9999 },
    { v: "item", item: MAX, page: 9999 },
    { v: "reports", item: MAX, page: 9999 },
    { v: "remind", item: MAX },
    { v: "needs", item: MAX, on: 1 },
    { v: "needs", item: 5, on: 0 },
  ];

  it("round-trips every button within 64 bytes, even with the largest ids", () => {
    for (const b of buttons) {
      const data = statusData(b);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(parseStatusData(data)).toEqual(b);
    }
    for (const b of [
      { v: "open" },
      { v: "page", page: 12 },
      { v: "unit", unit: MAX },
      { v: "all" },
    ] as const) {
      expect(Buffer.byteLength(overdueData(b))).toBeLessThanOrEqual(64);
      expect(parseOverdueData(overdueData(b))).toEqual(b);
    }
    for (const v of ["open", "accept", "return"] as const)
      expect(parseReviewData(reviewData({ v, report: MAX }))).toEqual({ v, report: MAX });
    for (const b of [
      { v: "xlsx", plan: 0 },
      { v: "chart", plan: 3, by: "s" },
      { v: "docx", plan: MAX },
    ] as const)
      expect(parseExportData(exportData(b))).toEqual(b);
    // The morning summary's buttons (src/jobs/summary-buttons.ts) are ours.
    expect(parseStatusData("st:open")).toEqual({ v: "open" });
    expect(parseOverdueData("ov:open")).toEqual({ v: "open" });
  });

  it("refuses forged and malformed data", () => {
    for (const forged of [
      "st:i:0:0",
      "st:i:1",
      "st:i:1:0:0",
      "st:zz:1",
      "st:i:-1:0",
      "st:i:1e3:0",
      "st:i:99999999999999999:0",
      `st:i:${"1".repeat(16)}:${"0".repeat(60)}`,
      "st:p:abc",
      "st:i:1:10000",
      "st:na:1:2",
      "st",
      "",
    ])
      expect(parseStatusData(forged)).toBeNull();
    expect(parseReviewData("rv:a:0")).toBeNull();
    expect(parseReviewData("rv:x:1")).toBeNull();
    expect(parseExportData("ex:g:1:x")).toBeNull();
    expect(parseExportData("ex:d:0")).toBeNull();
    expect(parseOverdueData("ov:r:0")).toBeNull();
    expect(parseOverdueData("ov:all:1")).toBeNull();
  });
});

function rowsWith(title: string, sections: number, itemsPer: number): StatusRows {
  const secs = Array.from({ length: sections }, (_, i) => ({
    id: i + 1,
    planId: 1,
    number: String(i + 1),
    title: `${title} раздел ${i + 1}`,
    position: i,
  }));
  const items = secs.flatMap((s, si) =>
    Array.from({ length: itemsPer }, (_, k) => ({
      id: 1000 + si * itemsPer + k,
      planId: 1,
      sectionId: s.id,
      number: `${si + 1}.${k + 1}`,
      title: `Мероприятие <${k + 1}> «Разработка & согласование»`,
      deadlineRaw: "до 29.10.2021",
      position: si * itemsPer + k,
      needsAcceptedReport: false,
    })),
  );
  return {
    plans: [{ id: 1, title, status: "published", markCountsAsDone: true }],
    sections: secs,
    items,
    roles: [{ id: 1, name: "Образовательные организации" }],
    units: [{ id: 1, name: "Школа № 1", roleId: 1, parentId: null }],
    assignments: items.map((item, k) => ({
      itemId: item.id,
      unitId: 1,
      roleId: 1,
      due: k % 3 === 0 ? "2021-10-20" : "2021-10-29",
      status: k % 2 === 0 ? "done" : "open",
      reviewState: "none",
      n: 1,
    })),
  };
}

describe("renderPlan", () => {
  it("shows totals, sections, nearest deadlines and the buttons; plan text escaped", () => {
    const rows = rowsWith("План <*> «НОК & ДОД»", 2, 3);
    const report = computeStatus(rows, TODAY, "all");
    const view = renderPlan(
      { catalog: catalogOf(rows), today: TODAY, locale: "ru", plan: report.plans[0]!, multiplePlans: true },
      t,
    );
    expect(view.text.split("\n")).toEqual([
      "📊 <b>План &lt;*&gt; «НОК &amp; ДОД»</b> · на 25.10",
      "Выполнено 3 из 6 (50 %) · просрочено 1",
      "",
      "1. План &lt;*&gt; «НОК &amp; ДОД» раздел 1 — 2/3",
      "2. План &lt;*&gt; «НОК &amp; ДОД» раздел 2 — 1/3 · 🔴 1",
      "",
      "Ближайшие сроки:",
      "🟡 пт, 29.10 — 1.2. Мероприятие &lt;2&gt; «Разработка &amp; согласование» · не выполнили: 1",
      "🟡 пт, 29.10 — 2.3. Мероприятие &lt;3&gt; «Разработка &amp; согласование» · не выполнили: 1",
    ]);
    expect(view.reply_markup.inline_keyboard.map((r) => r.map((b) => b.callback_data))).toEqual([
      ["st:ls:1:0", "st:lr:1:0", "st:lu:1:0"],
      ["ov:open", "ex:x:1", "ex:g:1:u"],
      ["ex:d:1"],
      ["st:h"],
    ]);
  });

  it("stays within 4096 characters with hundreds of long sections, saying how many were left out", () => {
    const rows = rowsWith("Очень длинное название плана ".repeat(10), 300, 1);
    const report = computeStatus(rows, TODAY, "all");
    const view = renderPlan(
      { catalog: catalogOf(rows), today: TODAY, locale: "ru", plan: report.plans[0]!, multiplePlans: false },
      t,
    );
    expect(view.text.length).toBeLessThanOrEqual(4096);
    expect(view.text).toMatch(/…и ещё \d+\n/);
    expect(view.text).toContain("Ближайшие сроки:");
    expect(view.reply_markup.inline_keyboard.flat().map((b) => b.callback_data)).not.toContain("st:h");
  });

  it("pages a section's items ten at a time with numbered buttons", () => {
    const rows = rowsWith("План", 1, 23);
    const plan = computeStatus(rows, TODAY, "all").plans[0]!;
    const page = renderSection(
      { catalog: catalogOf(rows), today: TODAY, locale: "ru", plan, sectionId: 1, page: 2 },
      t,
    );
    const kb = page.reply_markup.inline_keyboard;
    expect(kb.flat().map((b) => b.text)).toEqual(["1.21", "1.22", "1.23", "◀", "3/3", "← Назад"]);
    expect(page.text).toContain("1.21. Мероприятие &lt;21&gt;");
    expect(page.text).not.toContain("1.20.");
  });
});

function itemDetail(units: number): ItemDetail {
  return {
    item: {
      id: 7,
      planId: 1,
      sectionId: 3,
      number: "4.3",
      title: "Загрузка форм сбора первичных данных в ФИС ОКО",
      deadlineRaw: "до 30.09",
      position: 0,
      needsAcceptedReport: false,
      result: null,
      executors: ["Муниципальные организаторы"],
    },
    plan: { id: 1, title: "НОК ДОД 2021", status: "published", markCountsAsDone: true },
    section: null,
    assignments: Array.from({ length: units }, (_, i) => ({
      assignmentId: i + 1,
      unitId: i + 1,
      unitName: `Район ${String(i + 1).padStart(3, "0")}`,
      roleId: 1,
      roleName: "Муниципальные организаторы",
      seq: 1,
      due: "2021-09-30",
      status: i % 6 === 0 ? "open" : "done",
      reviewState: "none",
      doneAt: i % 6 === 0 ? null : "2021-09-28T07:00:00.000Z",
      doneBy: i % 6 === 0 ? null : 100 + i,
      doneByName: i % 6 === 0 ? null : `Исполнитель ${i + 1}`,
      comment: null,
    })),
    reports: [],
  };
}

describe("renderItem", () => {
  it("«пункт 4.3»: the role's progress, who is late and by how much, then every unit", () => {
    const d = itemDetail(36);
    const view = renderItem(
      {
        detail: d,
        summary: summarizeItem(d, "2021-10-03"),
        today: "2021-10-03",
        locale: "ru",
        zone: "Europe/Moscow",
        page: 0,
      },
      t,
    );
    const lines = view.text.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "<b>4.3 Загрузка форм сбора первичных данных в ФИС ОКО</b> · до 30.09",
      "<i>НОК ДОД 2021</i>",
      "Муниципальные организаторы: ✅ 30 из 36 · 🔴 6",
      "🔴 Не выполнили: Район 001 (3 дня), Район 007 (3 дня), Район 013 (3 дня), Район 019 (3 дня), Район 025 (3 дня), Район 031 (3 дня)",
    ]);
    expect(lines[5]).toBe("🔴 Район 001 — просрочено на 3 дня");
    expect(lines[11]).toBe("✅ Район 002 — 28.09, Исполнитель 2");
    // 30 units on the first page, then a pager.
    expect(lines.filter((l) => /^(🔴|✅|⚪|⏳) Район/.test(l))).toHaveLength(30);
    expect(view.reply_markup.inline_keyboard.flat().map((b) => b.callback_data)).toEqual([
      "st:rm:7",
      "st:i:7:0",
      "st:i:7:1",
      "st:s:3:0",
    ]);
  });

  it("a recurring item: a unit is late when any occurrence is, and shows how many are done", () => {
    const d = itemDetail(1);
    const base = d.assignments[0]!;
    d.assignments = [
      {
        ...base,
        seq: 1,
        due: "2021-03-31",
        status: "done",
        doneAt: "2021-03-30T07:00:00Z",
        doneByName: "Ирина",
      },
      { ...base, assignmentId: 2, seq: 2, due: "2021-06-30", status: "open", doneAt: null, doneByName: null },
      { ...base, assignmentId: 3, seq: 3, due: "2021-12-31", status: "open", doneAt: null, doneByName: null },
    ];
    const [unit] = summarizeItem(d, TODAY).units;
    expect(unit).toMatchObject({ state: "overdue", total: 3, done: 1, daysLate: 117, nextDue: "2021-12-31" });
  });
});

describe("/overdue and reminders", () => {
  const candidate = (over: Partial<OverdueCandidate>): OverdueCandidate => ({
    assignmentId: 1,
    planId: 1,
    planTitle: "НОК ДОД 2021",
    markCountsAsDone: true,
    itemId: 10,
    itemNumber: "3",
    itemTitle: "Отправка информационных писем",
    itemPosition: 3,
    needsAcceptedReport: false,
    unitId: 5,
    unitName: "Бежецкий район",
    roleName: "Органы местного самоуправления",
    due: "2021-10-08",
    status: "open",
    reviewState: "none",
    ...over,
  });

  it("groups late assignments by unit; marked ones count unless a review is still needed", () => {
    const units = overdueByUnit(
      [
        candidate({}),
        candidate({ assignmentId: 2, itemId: 11, itemNumber: "1", itemPosition: 1, due: "2021-09-30" }),
        candidate({ assignmentId: 3, status: "done", reviewState: "pending" }), // counted done: plan takes marks
        candidate({
          assignmentId: 4,
          unitId: 6,
          unitName: "Кимрский район",
          status: "done",
          reviewState: "pending",
          markCountsAsDone: false,
        }),
        candidate({ assignmentId: 5, unitId: 7, unitName: "Вышний Волочёк", due: TODAY }), // due today: not late
      ],
      TODAY,
      "all",
    );
    expect(units.map((u) => [u.unitName, u.items.map((i) => `${i.number}:${i.daysLate}`)])).toEqual([
      ["Бежецкий район", ["1:25", "3:17"]],
      ["Кимрский район", ["3:17"]],
    ]);
    expect(overdueByUnit([candidate({})], TODAY, new Set([6]))).toEqual([]);
  });

  it("folds repeated occurrences of an item and renders within the limit", () => {
    const many = Array.from({ length: 4 }, (_, i) =>
      candidate({ assignmentId: i + 1, due: `2021-0${i + 1}-15` }),
    );
    const units = overdueByUnit(many, TODAY, "all");
    expect(foldOccurrences(units[0]!.items).map((i) => [i.due, i.occurrences])).toEqual([["2021-01-15", 4]]);
    const view = renderOverdue({ units, today: TODAY, page: 0 }, t);
    expect(view.text.split("\n")).toEqual([
      "🔴 Просрочено на 25.10: 4 назначения у 1 исполнителя",
      "",
      "<b>Бежецкий район</b> · Органы местного самоуправления",
      " 3. Отправка информационных писем — 283 дня · 4 срока",
    ]);
    expect(view.reply_markup.inline_keyboard).toEqual([
      [{ text: "🔔 Бежецкий район", callback_data: "ov:r:5" }],
    ]);
    const crowd = Array.from({ length: 200 }, (_, u) =>
      Array.from({ length: 8 }, (_, k) =>
        candidate({
          assignmentId: u * 8 + k,
          unitId: u + 1,
          unitName: `Школа № ${u + 1} ${"имени героя ".repeat(6)}`,
          itemId: k,
          itemNumber: String(k),
          itemTitle: "Очень длинное название мероприятия ".repeat(4),
        }),
      ),
    ).flat();
    const big = renderOverdue({ units: overdueByUnit(crowd, TODAY, "all"), today: TODAY, page: 3 }, t);
    expect(big.text.length).toBeLessThanOrEqual(4096);
    expect(big.reply_markup.inline_keyboard.at(-2)?.map((b) => b.text)).toEqual(["◀", "4/25", "▶"]);
    expect(big.reply_markup.inline_keyboard.at(-1)?.[0]?.text).toBe("🔔 Напомнить всем (200)");
  });

  it("the reminder names the unit, each item and how late, with a button into /tasks", () => {
    const view = composeReminder(
      {
        unitName: "Бежецкий район",
        items: [
          { number: "3", title: "Отправка писем", planTitle: "НОК", due: "2021-10-08" },
          { number: "7", title: "Сбор заявок", planTitle: "НОК", due: "2021-10-29" },
          { number: "16", title: "Поддержка", planTitle: "НОК", due: null },
        ],
        today: TODAY,
        language: "ru",
        tasksData: "t:open",
      },
      t,
    );
    expect(view.text.split("\n")).toEqual([
      "🔔 Напоминание координатора",
      "Не выполнено у «Бежецкий район»:",
      "",
      " 3. Отправка писем — срок был 08.10 (17 дней назад)",
      " 7. Сбор заявок — до пт, 29.10",
      " 16. Поддержка",
    ]);
    expect(view.reply_markup.inline_keyboard).toEqual([[{ text: "📋 Мои задачи", callback_data: "t:open" }]]);
  });
});
