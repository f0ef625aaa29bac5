import type { InlineKeyboardButton } from "grammy/types";
import { describe, expect, it } from "vitest";
import {
  findEntryLine,
  replaceLine,
  swapEntryButtons,
  unescapeHtml,
} from "../../../src/bot/features/tasks/done-edit.js";
import { renderEntryLine } from "../../../src/bot/features/tasks/view.js";
import type { AgendaEntry } from "../../../src/domain/agenda.js";
import { translator } from "./translator.js";

const TODAY = "2021-10-25";
const t = translator("ru");
const entry = (over: Partial<AgendaEntry>): AgendaEntry => ({
  assignmentId: 3,
  planId: 1,
  planTitle: "НОК ДОД 2021",
  itemNumber: "3",
  itemTitle: "Отправка информационных писем в ОМСУ",
  result: null,
  unitId: 1,
  unitName: "Школа",
  kind: "dated",
  start: null,
  due: "2021-10-08",
  status: "open",
  reviewState: "none",
  lastConfirmedOn: null,
  ...over,
});

// A digest as another feature renders it, with its entities (bold plan title and header).
const digest = [
  "Доброе утро! Сроки на понедельник, 25 октября",
  "",
  "НОК ДОД 2021",
  "🔴 Просрочено",
  " 3. Отправка информационных писем… — срок был 08.10 (17 дней назад)",
  "🟡 На этой неделе",
  " 7. Сбор заявок — до пт, 29.10",
].join("\n");
const entities = [
  { type: "bold" as const, offset: 0, length: 12 },
  { type: "bold" as const, offset: digest.indexOf("НОК"), length: 12 },
  { type: "italic" as const, offset: digest.indexOf(" 7."), length: 5 },
];
const keyboard: InlineKeyboardButton[][] = [
  [
    { text: "✅ 3", callback_data: "a:done:3" },
    { text: "📎 3", callback_data: "a:rep:3" },
    { text: "✅ 7", callback_data: "a:done:7" },
    { text: "📎 7", callback_data: "a:rep:7" },
  ],
  [{ text: "📋 Все задачи", callback_data: "t:open" }],
];

describe("editing another feature's message after a mark", () => {
  it("replaces the item's line, keeps the other lines and shifts their entities", () => {
    const done = entry({ status: "done" });
    const index = findEntryLine(digest, done, TODAY);
    expect(index).toBe(4);
    const line = unescapeHtml(renderEntryLine(done, TODAY, "ru", t));
    const edited = replaceLine({ text: digest, entities }, index, line);
    expect(edited.text.split("\n")[4]).toBe("✅ 3. Отправка информационных писем в ОМСУ — выполнено");
    expect(edited.text.split("\n")[6]).toBe(" 7. Сбор заявок — до пт, 29.10");
    const italic = edited.entities.find((e) => e.type === "italic");
    expect(italic && edited.text.slice(italic.offset, italic.offset + italic.length)).toBe(" 7. С");
    expect(edited.entities.filter((e) => e.type === "bold")).toEqual(entities.slice(0, 2));
  });

  it("swaps the item's buttons for undo and comment, and back", () => {
    const done = swapEntryButtons(keyboard, entry({ status: "done" }), TODAY);
    expect(done[0]?.map((b) => [b.text, "callback_data" in b ? b.callback_data : ""])).toEqual([
      ["↩ 3", "a:undo:3"],
      ["💬 3", "a:note:3"],
      ["✅ 7", "a:done:7"],
      ["📎 7", "a:rep:7"],
    ]);
    expect(done[1]).toEqual(keyboard[1]);
    const reopened = swapEntryButtons(done, entry({}), TODAY);
    expect(reopened).toEqual(keyboard);
  });

  it("finds a reopened item's line marked ✅ and picks the occurrence by its due date", () => {
    const text = "✅ 5. Отчёт за квартал — выполнено\n 5. Отчёт за квартал — срок был 30.06 (117 дней назад)";
    expect(
      findEntryLine(
        text,
        entry({ itemNumber: "5", itemTitle: "Отчёт за квартал", due: "2021-06-30" }),
        TODAY,
      ),
    ).toBe(1);
    expect(
      findEntryLine(
        "✅ 5. Отчёт за квартал — выполнено",
        entry({ itemNumber: "5", itemTitle: "Отчёт за квартал" }),
        TODAY,
      ),
    ).toBe(0);
    expect(findEntryLine(digest, entry({ itemNumber: "4" }), TODAY)).toBeNull();
  });

  it("appends the line and the pair when the message has neither (the report's last question)", () => {
    const msg = "Отчёт отправлен координатору. Отметить пункт 3 выполненным?";
    const kb: InlineKeyboardButton[][] = [
      [
        { text: "✅ Да, выполнено", callback_data: "a:done:3" },
        { text: "Позже", callback_data: "r:later:3" },
      ],
    ];
    const done = entry({ status: "done" });
    const edited = replaceLine(
      { text: msg, entities: [] },
      findEntryLine(msg, done, TODAY),
      "✅ 3. X — выполнено",
    );
    expect(edited.text).toBe(`${msg}\n\n✅ 3. X — выполнено`);
    expect(swapEntryButtons(kb, done, TODAY)).toEqual([
      [
        { text: "↩ 3", callback_data: "a:undo:3" },
        { text: "💬 3", callback_data: "a:note:3" },
      ],
    ]);
    expect(swapEntryButtons([[{ text: "📋", callback_data: "t:open" }]], done, TODAY)).toEqual([
      [{ text: "📋", callback_data: "t:open" }],
      [
        { text: "↩ 3", callback_data: "a:undo:3" },
        { text: "💬 3", callback_data: "a:note:3" },
      ],
    ]);
  });
});
