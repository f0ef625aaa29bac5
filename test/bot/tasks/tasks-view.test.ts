import { describe, expect, it } from "vitest";
import { parseAssignmentData, parseTasksData } from "../../../src/bot/callback-data.js";
import { MESSAGE_LIMIT, PAGE_SIZE, renderTasks } from "../../../src/bot/features/tasks/view.js";
import type { AgendaEntry } from "../../../src/domain/agenda.js";
import { translator } from "./translator.js";

const TODAY = "2021-10-25"; // a Monday
let nextId = 1;

function entry(over: Partial<AgendaEntry>): AgendaEntry {
  const id = nextId++;
  return {
    assignmentId: id,
    planId: 1,
    planTitle: "НОК ДОД 2021",
    itemNumber: String(id),
    itemTitle: `Мероприятие ${id}`,
    result: null,
    unitId: 10,
    unitName: "Школа № 5",
    kind: "dated",
    start: null,
    due: "2021-10-29",
    status: "open",
    reviewState: "none",
    lastConfirmedOn: null,
    ...over,
  };
}

const t = translator("ru");
const render = (entries: AgendaEntry[], page = 0, showUnits = false) =>
  renderTasks({ entries, today: TODAY, page, locale: "ru", showUnits }, t);
const buttons = (v: ReturnType<typeof render>) => v.reply_markup.inline_keyboard.flat();

describe("renderTasks: buckets", () => {
  it("groups a plan's items as a reader acts: overdue, today, week, later, ongoing, on demand", () => {
    const v = render([
      entry({ itemNumber: "9", itemTitle: "Подведение итогов", due: "2021-11-15" }),
      entry({ itemNumber: "12", itemTitle: "Мониторинг", kind: "continuous", due: null }),
      entry({ itemNumber: "14", itemTitle: "Консультации", kind: "on_demand", due: null }),
      entry({ itemNumber: "7", itemTitle: "Сбор заявок", due: "2021-10-29" }),
      entry({ itemNumber: "5", itemTitle: "Совещание", due: "2021-10-25" }),
      entry({ itemNumber: "3", itemTitle: "Отправка информационных писем", due: "2021-10-08" }),
    ]);
    expect(v.text).toBe(
      [
        "📋 Мои задачи: 6 открытых пунктов · 🔴 просрочено: 1",
        "",
        "<b>НОК ДОД 2021</b>",
        "🔴 Просрочено",
        " 3. Отправка информационных писем — срок был 08.10 (17 дней назад)",
        "🟡 Сегодня",
        " 5. Совещание — срок сегодня",
        "🟡 На этой неделе",
        " 7. Сбор заявок — до пт, 29.10 (через 4 дня)",
        "Позже",
        " 9. Подведение итогов — до пн, 15.11",
        "Постоянно",
        " 12. Мониторинг — подтвердите, что работа идёт, за октябрь",
        "По мере необходимости",
        " 14. Консультации",
      ].join("\n"),
    );
    const labels = buttons(v).map((b) => b.text);
    expect(labels).toEqual([
      "✅ 3",
      "📎 3",
      "✅ 5",
      "📎 5",
      "✅ 7",
      "📎 7",
      "✅ 9",
      "📎 9",
      "✔ 12",
      "📎 12",
      "✅ 14",
      "📎 14",
      "🔄 Обновить",
    ]);
    // Two entries per row, as in the digest.
    expect(v.reply_markup.inline_keyboard[0]?.length).toBe(4);
  });

  it("keeps an item marked done today in its place, with undo and comment buttons", () => {
    const done = entry({ itemNumber: "3", itemTitle: "Отправка писем", due: "2021-10-08", status: "done" });
    const v = render([entry({ itemNumber: "7", due: "2021-10-26" }), done]);
    expect(v.text).toContain("🔴 Просрочено\n✅ 3. Отправка писем — выполнено");
    expect(v.text).toContain("до вт, 26.10 (завтра)");
    expect(v.text.startsWith("📋 Мои задачи: 1 открытый пункт\n")).toBe(true);
    const undo = buttons(v).find((b) => b.text === "↩ 3");
    const note = buttons(v).find((b) => b.text === "💬 3");
    expect(undo && "callback_data" in undo && parseAssignmentData(undo.callback_data)).toEqual({
      a: "undo",
      id: done.assignmentId,
    });
    expect(note && "callback_data" in note && parseAssignmentData(note.callback_data)).toEqual({
      a: "note",
      id: done.assignmentId,
    });
  });

  it("shows a confirmed ongoing item without the confirm button, and review states", () => {
    const v = render([
      entry({ itemNumber: "12", kind: "continuous", due: null, lastConfirmedOn: "2021-10-05" }),
      entry({ itemNumber: "4", due: "2021-10-20", reviewState: "pending" }),
      entry({ itemNumber: "6", due: "2021-10-20", reviewState: "returned" }),
    ]);
    expect(v.text).toContain(" 12. Мероприятие");
    expect(v.text).toContain("— подтверждено 05.10");
    expect(v.text).toContain("(5 дней назад) · 📎 отчёт на проверке");
    expect(v.text).toContain("(5 дней назад) · ↩ отчёт возвращён на доработку");
    expect(buttons(v).map((b) => b.text)).not.toContain("✔ 12");
  });

  it("groups by plan in the order given, and by unit when the reader has several", () => {
    const a = entry({ planId: 1, planTitle: "План А", unitId: 1, unitName: "Школа № 5" });
    const b = entry({ planId: 2, planTitle: "План Б", unitId: 1, unitName: "Школа № 5" });
    const c = entry({ planId: 1, planTitle: "План А", unitId: 2, unitName: "Школа № 7" });
    const byPlan = render([a, b, c]);
    expect(byPlan.text.indexOf("<b>План А</b>")).toBeLessThan(byPlan.text.indexOf("<b>План Б</b>"));
    expect(byPlan.text.match(/<b>План А<\/b>/g)).toHaveLength(1);
    const byUnit = render([a, b, c], 0, true);
    expect(byUnit.text).toContain("<b>План А</b> · Школа № 5");
    expect(byUnit.text).toContain("<b>План А</b> · Школа № 7");
    expect(byUnit.text).toContain("<b>План Б</b> · Школа № 5");
  });

  it("labels buttons of the same item number apart (a recurring item)", () => {
    const v = render([
      entry({ itemNumber: "5", due: "2021-03-31" }),
      entry({ itemNumber: "5", due: "2021-06-30" }),
      entry({ itemNumber: "5", due: "2021-06-30", unitId: 11 }),
    ]);
    const labels = buttons(v).map((b) => b.text);
    expect(labels).toContain("✅ 5 · 31.03");
    expect(labels).toContain("✅ 5 · 30.06 #1");
    expect(labels).toContain("✅ 5 · 30.06 #2");
  });
});

describe("renderTasks: plurals and dates", () => {
  it.each([
    [1, "1 день назад"],
    [2, "2 дня назад"],
    [5, "5 дней назад"],
    [11, "11 дней назад"],
    [21, "21 день назад"],
    [22, "22 дня назад"],
  ])("%i days late → «%s»", (days, text) => {
    const due = new Date(Date.parse(`${TODAY}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
    expect(render([entry({ due })]).text).toContain(`(${text})`);
  });

  it.each([
    [1, "1 открытый пункт"],
    [3, "3 открытых пункта"],
    [5, "5 открытых пунктов"],
    [21, "21 открытый пункт"],
  ])("%i items → «%s»", (n, text) => {
    const entries = Array.from({ length: n }, () => entry({}));
    expect(render(entries).text.split("\n")[0]).toBe(`📋 Мои задачи: ${text}`);
  });

  it("adds the year to a date of another year", () => {
    expect(render([entry({ due: "2022-05-31" })]).text).toContain("до вт, 31.05.2022");
    expect(render([entry({ due: "2020-12-30" })]).text).toContain("срок был 30.12.2020");
  });

  it("speaks English too", () => {
    const v = renderTasks(
      {
        entries: [entry({ due: "2021-10-08" }), entry({ due: "2021-10-27" })],
        today: TODAY,
        page: 0,
        locale: "en",
        showUnits: false,
      },
      translator("en"),
    );
    expect(v.text).toContain("📋 My tasks: 2 open items · 🔴 overdue: 1");
    expect(v.text).toContain("was due 08.10 (17 days ago)");
    expect(v.text).toContain("by Wed, 27.10 (in 2 days)");
  });

  it("says so when nothing is open", () => {
    const v = render([]);
    expect(v.text).toContain("Открытых пунктов нет");
    expect(buttons(v).map((b) => b.text)).toEqual(["🔄 Обновить"]);
  });
});

describe("renderTasks: escaping and limits", () => {
  it("escapes plan text for HTML and shortens long titles", () => {
    const v = render([
      entry({
        planTitle: 'План <*> "ОО" & партнёры',
        itemNumber: "1<2>",
        itemTitle: `Отчёт по форме <*> «Сведения» & ${"очень длинное название ".repeat(10)}`,
      }),
    ]);
    expect(v.text).toContain('<b>План &lt;*&gt; "ОО" &amp; партнёры</b>');
    expect(v.text).toContain(" 1&lt;2&gt;. Отчёт по форме &lt;*&gt; «Сведения» &amp; очень");
    const line = v.text.split("\n").find((l) => l.includes("Отчёт по форме")) as string;
    expect(line).toMatch(/… — до пт, 29\.10/);
    expect(line.length).toBeLessThan(200);
  });

  it("pages a long list in pages of at most PAGE_SIZE, with ◀ ▶ and the page number", () => {
    const entries = Array.from({ length: 25 }, (_, i) =>
      entry({ itemNumber: `${i + 1}`, due: `2021-11-${String(i + 1).padStart(2, "0")}` }),
    );
    const first = render(entries, 0);
    expect(first.pages).toBe(3);
    const nav = (v: ReturnType<typeof render>) =>
      (v.reply_markup.inline_keyboard.at(-1) ?? []).map((b) => [
        b.text,
        "callback_data" in b ? parseTasksData(b.callback_data as string) : null,
      ]);
    expect(nav(first)).toEqual([
      ["1 / 3", { kind: "page", page: 0 }],
      ["▶", { kind: "page", page: 1 }],
    ]);
    const second = render(entries, 1);
    expect(nav(second)).toEqual([
      ["◀", { kind: "page", page: 0 }],
      ["2 / 3", { kind: "page", page: 1 }],
      ["▶", { kind: "page", page: 2 }],
    ]);
    expect(second.text).toContain(" 11. ");
    expect(second.text).not.toContain(" 10. ");
    expect(second.text.split("\n")[0]).toBe("📋 Мои задачи: 25 открытых пунктов");
    const last = render(entries, 7); // clamped
    expect(last.page).toBe(2);
    expect(buttons(last).filter((b) => b.text.startsWith("✅"))).toHaveLength(5);
    expect(nav(last).map((n) => n[0])).toEqual(["◀", "3 / 3"]);
    // Every entry is on exactly one page.
    const all = [0, 1, 2].flatMap((p) => buttons(render(entries, p)).filter((b) => b.text.startsWith("✅")));
    expect(all).toHaveLength(25);
    expect(PAGE_SIZE).toBe(10);
  });

  it("keeps every page within 4096 characters even when each line is at its longest", () => {
    const entries = Array.from({ length: 30 }, (_, i) =>
      entry({
        planId: i,
        planTitle: "&<>".repeat(200),
        unitId: i,
        unitName: "&".repeat(300),
        itemNumber: `${i}.<&>`,
        itemTitle: "<&>".repeat(500),
      }),
    );
    const first = render(entries, 0, true);
    expect(first.pages).toBeGreaterThan(3);
    let seen = 0;
    for (let p = 0; p < first.pages; p++) {
      const v = render(entries, p, true);
      expect(v.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      seen += buttons(v).filter((b) => b.text.startsWith("✅")).length;
      for (const b of buttons(v)) {
        if ("callback_data" in b)
          expect(Buffer.byteLength(b.callback_data as string)).toBeLessThanOrEqual(64);
      }
    }
    expect(seen).toBe(30);
  });
});
