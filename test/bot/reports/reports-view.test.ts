import { describe, expect, it } from "vitest";
import { parseAssignmentData, parseReportData } from "../../../src/bot/callback-data.js";
import {
  type ReportItem,
  readTextParts,
  renderConfirm,
  renderCoordinatorNotice,
  renderReceived,
  renderReportIntro,
  renderSent,
  safeFileName,
  summarizeParts,
} from "../../../src/bot/features/reports/view.js";
import { translator } from "../tasks/translator.js";

const t = translator("ru");
const item: ReportItem = {
  assignmentId: 17,
  itemNumber: "3",
  itemTitle: "Отправка информационных писем в ОМСУ <*>",
  result: "Протокол заседания",
  planTitle: "НОК ДОД 2021",
  unitName: "Школа № 5",
};
const data = (m: { reply_markup?: { inline_keyboard: { text: string }[][] } }) =>
  (m.reply_markup?.inline_keyboard.flat() ?? []).map((b) => [
    b.text,
    (b as { callback_data?: string }).callback_data,
  ]);

describe("report dialogue messages", () => {
  it("opens with the item, what the plan expects, and how to send", () => {
    const m = renderReportIntro(item, t);
    expect(m.text).toBe(
      [
        "📎 Отчёт по пункту 3 «Отправка информационных писем в ОМСУ &lt;*&gt;»",
        "План ожидает: протокол заседания.",
        "Пришлите файлы, фото, ссылку или текст — можно несколько. /cancel — отменить.",
      ].join("\n"),
    );
    expect(renderReportIntro({ ...item, result: "ОМСУ: письма" }, t).text).toContain(
      "План ожидает: ОМСУ: письма.",
    );
    expect(renderReportIntro({ ...item, result: null }, t).text).not.toContain("План ожидает");
    expect(data(m)).toEqual([["Отменить", "r:cancel:17"]]);
  });

  it("answers each part and counts them with the right plurals", () => {
    const m = renderReceived(
      [{ kind: "document", fileName: "pismo_omsu.pdf", size: 240 * 1024 }],
      17,
      t,
      "ru",
    );
    expect(m.text).toBe("Получено: pismo_omsu.pdf (240 КБ). Ещё что-нибудь?");
    expect(data(m)).toEqual([
      ["Готово", "r:fin:17"],
      ["Отменить", "r:cancel:17"],
    ]);
    expect(renderReceived([{ kind: "photo", size: 1_572_864 }], 17, t, "ru").text).toBe(
      "Получено: фото (1,5 МБ). Ещё что-нибудь?",
    );
    expect(renderReceived([{ kind: "link", text: "https://disk.example/a?b=1&c=2" }], 17, t, "ru").text).toBe(
      "Получено: https://disk.example/a?b=1&amp;c=2. Ещё что-нибудь?",
    );
    const doc = { kind: "document" as const };
    const link = { kind: "link" as const, text: "x" };
    expect(summarizeParts([doc], t)).toBe("1 файл");
    expect(summarizeParts([doc, doc, doc], t)).toBe("3 файла");
    expect(summarizeParts([doc, doc, doc, doc, doc], t)).toBe("5 файлов");
    expect(summarizeParts([doc, { kind: "photo" }, link, link, { kind: "text", text: "a" }], t)).toBe(
      "1 файл, 1 фото, 2 ссылки, текст",
    );
  });

  it("asks to confirm, then whether to mark the item done", () => {
    const c = renderConfirm(item, [{ kind: "document", fileName: "a.pdf" }], t);
    expect(c.text).toBe("Отправить отчёт по пункту 3? 1 файл.");
    expect(data(c).map(([, d]) => parseReportData(d as string)?.a)).toEqual(["send", "more", "cancel"]);
    const s = renderSent(item, { alreadyDone: false, coordinators: 2 }, t);
    expect(s.text).toBe("Отчёт отправлен координатору. Отметить пункт 3 выполненным?");
    expect(data(s)[0]).toEqual(["✅ Да, выполнено", "a:done:17"]);
    expect(parseAssignmentData(data(s)[0]?.[1] as string)).toEqual({ a: "done", id: 17 });
    expect(data(s)[1]).toEqual(["Позже", "r:later:17"]);
    const done = renderSent(item, { alreadyDone: true, coordinators: 1 }, t);
    expect(done.text).toBe("Отчёт отправлен координатору. Пункт 3 уже отмечен выполненным.");
    expect(done.reply_markup).toBeUndefined();
  });

  it("tells coordinators in one message what came, escaped", () => {
    const text = renderCoordinatorNotice(
      item,
      {
        from: "Ирина <Петрова>",
        parts: [
          { kind: "document", fileName: "pismo.pdf", size: 245760 },
          { kind: "link", text: "https://example.org/x?a=1&b=2" },
          { kind: "text", text: "Письма отправлены 24.10 & 25.10" },
        ],
      },
      t,
      "ru",
    );
    expect(text).toBe(
      [
        "📎 Новый отчёт: Школа № 5 · пункт 3 «Отправка информационных писем в ОМСУ &lt;*&gt;»",
        "<i>НОК ДОД 2021</i>",
        "От: Ирина &lt;Петрова&gt;",
        "1 файл: pismo.pdf (240 КБ)",
        "https://example.org/x?a=1&amp;b=2",
        "«Письма отправлены 24.10 &amp; 25.10»",
      ].join("\n"),
    );
  });
});

describe("reading what was sent", () => {
  it("splits links from text", () => {
    expect(readTextParts("https://disk.yandex.ru/d/abc")).toEqual([
      { kind: "link", text: "https://disk.yandex.ru/d/abc" },
    ]);
    expect(readTextParts("Протокол здесь: https://example.org/p.pdf.")).toEqual([
      { kind: "link", text: "https://example.org/p.pdf" },
      { kind: "text", text: "Протокол здесь: https://example.org/p.pdf." },
    ]);
    expect(readTextParts("Всё сделано, письма ушли")).toEqual([
      { kind: "text", text: "Всё сделано, письма ушли" },
    ]);
    expect(
      readTextParts("см. отчёт", [{ type: "text_link", offset: 3, length: 5, url: "https://example.org/r" }]),
    ).toEqual([
      { kind: "link", text: "https://example.org/r" },
      { kind: "text", text: "см. отчёт" },
    ]);
    expect(readTextParts("example.org", [{ type: "url", offset: 0, length: 11 }])).toEqual([
      { kind: "link", text: "https://example.org" },
    ]);
  });

  it("makes file names safe and unique", () => {
    const used = new Set<string>();
    expect(safeFileName("pismo.pdf", "file", used)).toBe("pismo.pdf");
    expect(safeFileName("PISMO.pdf", "file", used)).toBe("2-PISMO.pdf");
    expect(safeFileName("../../etc/passwd", "file", used)).toBe("passwd");
    expect(safeFileName("..", "file-1", used)).toBe("file-1");
    expect(safeFileName(".hidden", "file", used)).toBe("hidden");
    expect(safeFileName('a<b>:"c|?*.docx', "file", used)).toBe("a_b___c___.docx");
    expect(safeFileName(null, "photo-1.jpg", used)).toBe("photo-1.jpg");
    const long = safeFileName(`${"я".repeat(300)}.xlsx`, "file", used);
    expect(long.length).toBe(100);
    expect(long.endsWith(".xlsx")).toBe(true);
  });
});
