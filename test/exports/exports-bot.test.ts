// Exports as coordinators get them from the bot (seed plans 000 and 001 over two municipalities):
// the .xlsx read back with exceljs, the execution report .docx read back with mammoth, the PNG
// chart's size; a municipal coordinator's files never hold the other municipality.
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exportFeature } from "../../src/bot/features/status/export.js";
import { status } from "../../src/bot/features/status/status.js";
import { ADMIN, BEZH_COORD, buildWorld, makeMarks, NOW, type StatusWorld } from "../bot/status/world.js";
import { createFeatureTester, type FeatureTester } from "../support/bot-harness.js";
import type { SentDocument } from "../support/fake-bot-api.js";

let tester: FeatureTester;
let w: StatusWorld;

beforeEach(async () => {
  tester = await createFeatureTester({ features: [status, exportFeature], now: NOW });
  w = await buildWorld(tester.db);
  await makeMarks(tester.db, w);
});
afterEach(async () => {
  await tester.close();
  expect(tester.errors).toEqual([]);
});

function lastDocument(chatId: number): SentDocument {
  const docs = tester.fake.documentsSent.filter((d) => d.chatId === chatId);
  const doc = docs[docs.length - 1];
  if (!doc) throw new Error(`no document sent to ${chatId}`);
  return doc;
}

async function workbook(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb;
}

/** Every row of a sheet as plain values (1-based `values` without its empty first slot). */
function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    out.push((row.values as unknown[]).slice(1));
  });
  return out;
}

/** Width and height from a PNG's IHDR chunk (after checking the signature). */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect([...bytes.slice(0, 8)]).toEqual(signature);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(new TextDecoder().decode(bytes.slice(12, 16))).toBe("IHDR");
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

async function openPlan(userId: number) {
  const u = tester.user(userId);
  await u.command("status");
  await u.press(/^1\)/);
  return u;
}

describe(".xlsx", () => {
  it("/export: a summary sheet and one sheet per plan with a row per assignment", async () => {
    const u = tester.user(ADMIN);
    await u.command("export");
    const doc = lastDocument(ADMIN);
    expect(doc.fileName).toBe("Статус планов на 25.10.2021.xlsx");
    expect(doc.caption).toBe("⬇ Статус планов на 25.10.2021");
    const wb = await workbook(doc.bytes);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      "Сводка",
      "План-график проведения независи",
      "План работы Общественного совет",
    ]);
    const summary = sheetRows(wb.worksheets[0]!);
    expect(summary.slice(0, 4)).toEqual([
      [
        "План",
        "Назначений",
        "Выполнено",
        "Не выполнено",
        "Просрочено",
        "% выполнения",
        "Отчётов ждут проверки",
      ],
      [expect.stringMatching(/^План-график/), 60, 3, 57, 3, 5, 2],
      [expect.stringMatching(/^План работы/), 24, 0, 24, 20, 0, 0],
      ["Всего", 84, 3, 81, 23, 4, 2],
    ]);
    expect(summary[4]).toEqual(["По состоянию на", new Date("2021-10-25T00:00:00Z")]);

    const plan = sheetRows(wb.worksheets[1]!);
    expect(plan[0]).toEqual([
      "№",
      "Мероприятие",
      "Раздел",
      "Срок",
      "Исполнитель",
      "Роль",
      "Состояние",
      "Просрочено, дней",
      "Выполнено",
      "Кем отмечено",
      "Проверка отчёта",
      "Отчёт (файлы, ссылки)",
      "Комментарий",
    ]);
    expect(plan).toHaveLength(61);
    const school1 = plan.find((r) => r[0] === "6" && r[4] === "Школа № 1 (Бежецк)");
    expect(school1).toEqual([
      "6",
      expect.stringMatching(/^Заполнение шаблона заявки/),
      "I. Подготовительные мероприятия к проведению НОК ДОД",
      new Date("2021-10-29T00:00:00Z"),
      "Школа № 1 (Бежецк)",
      "Организация-заказчик",
      "выполнено",
      undefined,
      new Date("2021-10-22T00:00:00Z"),
      "Ирина Петрова",
      "ждёт проверки",
      "anketa_shkola1.pdf\nhttps://disk.example.org/shkola1",
    ]);
    const kimry3 = plan.find((r) => r[0] === "3" && r[4] === "Кимрский район");
    expect(kimry3?.slice(6, 8)).toEqual(["просрочено", 17]);
    const ongoing = plan.find((r) => r[0] === "16" && r[4] === "Организация-оператор");
    expect(ongoing?.[3]).toBe("постоянно");
    expect(sheetRows(wb.worksheets[2]!)).toHaveLength(25);
  });

  it("a municipal coordinator's file has only their municipality", async () => {
    const u = tester.user(BEZH_COORD);
    await u.command("export");
    const wb = await workbook(lastDocument(BEZH_COORD).bytes);
    const all = wb.worksheets.flatMap((s) => sheetRows(s));
    const text = JSON.stringify(all);
    expect(text).not.toMatch(/Кимр|Лицей|Организация-оператор/);
    expect(sheetRows(wb.worksheets[0]!)[1]).toEqual([
      expect.stringMatching(/^План-график/),
      20,
      3,
      17,
      0,
      15,
      1,
    ]);
    expect(sheetRows(wb.worksheets[1]!)).toHaveLength(21);
    expect(sheetRows(wb.worksheets[2]!)).toHaveLength(5);
    expect(
      new Set(
        sheetRows(wb.worksheets[1]!)
          .slice(1)
          .map((r) => r[4]),
      ),
    ).toEqual(new Set(["Бежецкий район", "Школа № 1 (Бежецк)", "Школа № 2 (Бежецк)"]));
  });

  it("[⬇ Excel] on a plan's screen exports that plan only", async () => {
    const u = await openPlan(ADMIN);
    await u.press("⬇ Excel");
    const wb = await workbook(lastDocument(ADMIN).bytes);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Сводка", "План-график проведения независи"]);
    expect(lastDocument(ADMIN).fileName).toBe(`Статус плана ${w.plan000} на 25.10.2021.xlsx`);
  });
});

describe("the execution report .docx", () => {
  async function reportHtml(userId: number): Promise<string> {
    const u = await openPlan(userId);
    await u.press("📄 Отчёт об исполнении");
    const doc = lastDocument(userId);
    expect(doc.fileName).toBe(`Информация об исполнении плана ${w.plan000} на 25.10.2021.docx`);
    return (await mammoth.convertToHtml({ buffer: Buffer.from(doc.bytes) })).value;
  }

  /** Table rows as arrays of cell texts (paragraphs joined by «|»); the header row's cells are <th>. */
  function tableRows(html: string): string[][] {
    const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => m[1] as string);
    return rows.map((r) =>
      [...r.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) =>
        [...(c[1] as string).matchAll(/<p>(.*?)<\/p>/g)]
          .map((p) => (p[1] as string).replace(/<[^>]+>/g, "").replace(/&quot;/g, '"'))
          .join("|"),
      ),
    );
  }

  it("keeps the plan's table and adds state, when, who and evidence for every item", async () => {
    const html = await reportHtml(ADMIN);
    expect(html).toContain("Информация об исполнении плана мероприятий");
    expect(html).toContain("по состоянию на 25.10.2021");
    const rows = tableRows(html);
    expect(rows[0]).toEqual([
      "№ п/п",
      "Наименование мероприятия",
      "Срок",
      "Ответственные исполнители",
      "Отметка об исполнении",
      "Дата исполнения",
      "Исполнил",
      "Подтверждающие материалы",
    ]);
    // 20 items and 4 section rows under the header.
    expect(rows).toHaveLength(25);
    expect(rows[1]).toEqual(["I. Подготовительные мероприятия к проведению НОК ДОД"]);
    const item = (n: string) => rows.find((r) => r[0] === n) as string[];
    expect(item("1").slice(2, 5)).toEqual([
      "до 30.09.2021",
      "Организация-оператор",
      "не выполнено, просрочено на 25 дней",
    ]);
    expect(item("3")[4]).toBe(
      "выполнено: 1 из 3|просрочили:|Кимрский район — 17 дней|Организация-оператор — 17 дней",
    );
    expect(item("3").slice(5, 7)).toEqual(["Бежецкий район: 07.10.2021", "Бежецкий район (User 101)"]);
    expect(item("6")[7]).toBe(
      "Школа № 1 (Бежецк): anketa_shkola1.pdf; https://disk.example.org/shkola1|Школа № 3 (Кимры): Заявка подана через портал",
    );
  });

  it("a municipal coordinator's report holds only their units", async () => {
    const html = await reportHtml(BEZH_COORD);
    expect(html).not.toMatch(/Кимр|Лицей/);
    const rows = tableRows(html);
    const item3 = rows.find((r) => r[0] === "3") as string[];
    expect(item3.slice(4, 7)).toEqual(["выполнено", "07.10.2021", "User 101"]);
    const item1 = rows.find((r) => r[0] === "1") as string[];
    expect(item1[4]).toBe("назначений нет");
  });
});

describe("the progress chart", () => {
  it("is a PNG of the stated size, by unit and by section, with the other grouping a press away", async () => {
    const u = await openPlan(ADMIN);
    await u.press("📈 График");
    const byUnit = lastDocument(ADMIN);
    expect(byUnit.method).toBe("sendPhoto");
    // 7 top units (2 municipalities, 5 units of roles with one unit): 78 + 7 × 28 + 40.
    expect(pngSize(byUnit.bytes)).toEqual({ width: 900, height: 314 });
    expect(byUnit.caption).toMatch(/^📈 Выполнение по исполнителям: План-график/);
    await u.press("По разделам");
    const bySection = lastDocument(ADMIN);
    expect(pngSize(bySection.bytes)).toEqual({ width: 900, height: 78 + 4 * 28 + 40 });
  });

  it("for a municipal coordinator charts their municipality and its schools", async () => {
    const u = await openPlan(BEZH_COORD);
    await u.press("📈 График");
    // The municipality's own work and its two schools.
    expect(pngSize(lastDocument(BEZH_COORD).bytes)).toEqual({ width: 900, height: 78 + 3 * 28 + 40 });
  });
});
