import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN, audits, startWorld, text, type World, xlsxRows } from "./setup.js";

let w: World;
beforeEach(async () => {
  w = await startWorld();
});
afterEach(async () => w.close());

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("a units list uploaded in /units", () => {
  it("creates the units, answers with an .xlsx of working links and a summary of problems", async () => {
    await w.f.unit("Бежецкий район", { role: "Муниципальные организаторы" });
    const admin = w.t.user(ADMIN);
    await admin.command("units");
    await admin.press("📥 Загрузить список");
    expect(text(admin.lastMessage())).toContain("Пришлите файл .csv или .xlsx");
    // Something else first: a hint, the dialogue keeps waiting.
    await admin.send("вот");
    expect(text(admin.lastMessage())).toContain("Жду файл .csv или .xlsx");
    // A file it cannot read: a clear answer, still waiting.
    await admin.upload({ fileName: "list.csv", bytes: utf8("Школа;Район\nА;Б\n") });
    expect(text(admin.lastMessage())).toContain("Не нашёл заголовков");
    expect(w.t.fake.documentsSent).toHaveLength(0);

    const csv = [
      "Роль;Исполнитель;Вышестоящий",
      "Муниципальные организаторы;Кимрский район;",
      "Руководители ОО;Школа № 1;Кимрский район",
      "Руководители ОО;Школа № 2;Бежецкий район",
      "Муниципальные организаторы;Бежецкий район;",
      "Руководители ОО;;Бежецкий район",
      "Руководители ОО;Школа № 3;Нет такого",
    ].join("\n");
    await admin.upload({ fileName: "units.csv", bytes: utf8(csv), mimeType: "text/csv" });
    const messages = admin.messages();
    const summary = messages.find((m) => text(m).startsWith("📥 Список исполнителей"));
    expect(text(summary)).toContain("📥 Список исполнителей: 6 строк");
    expect(text(summary)).toContain("Создано: 3 · уже были: 1 · с ошибками: 2");
    expect(text(summary)).toContain("⚠ Строка 6: не указан исполнитель");
    expect(text(summary)).toContain("⚠ Строка 7: вышестоящий «Нет такого» не найден");
    expect(text(summary)).toContain("Новые роли (их нет в опубликованных планах): «Руководители ОО»");

    expect(w.t.fake.documentsSent).toHaveLength(1);
    const doc = w.t.fake.documentsSent[0];
    expect(doc?.fileName).toBe("srok-invites-2025-10-20.xlsx");
    const rows = await xlsxRows(doc?.bytes as Uint8Array);
    expect(rows[0]).toEqual(["Роль", "Исполнитель", "Вышестоящий", "Ссылка", "Действует до", "Статус"]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[4], r[5]])).toEqual([
      ["Муниципальные организаторы", "Кимрский район", "", "03.11.2025", "создан"],
      ["Руководители ОО", "Школа № 1", "Кимрский район", "03.11.2025", "создан"],
      ["Руководители ОО", "Школа № 2", "Бежецкий район", "03.11.2025", "создан"],
      ["Муниципальные организаторы", "Бежецкий район", "", "03.11.2025", "уже был"],
    ]);
    const problems = await xlsxRows(doc?.bytes as Uint8Array, 1);
    expect(problems.slice(1).map((r) => [r[0], r[4]])).toEqual([
      ["6", "не указан исполнитель"],
      ["7", "вышестоящий «Нет такого» не найден"],
    ]);
    const school = await w.t.db
      .selectFrom("units as u")
      .innerJoin("units as p", "p.id", "u.parent_unit_id")
      .select(["u.id", "p.name as parent"])
      .where("u.name", "=", "Школа № 1")
      .executeTakeFirstOrThrow();
    expect(school.parent).toBe("Кимрский район");
    expect(await audits(w.t, "unit.create")).toHaveLength(3);
    expect(await audits(w.t, "invite.create")).toHaveLength(4);

    // Every link works, for the unit on its row.
    const link = rows[2]?.[3] as string;
    const token = /start=([\w-]+)$/.exec(link)?.[1] as string;
    const director = w.t.user(20, { firstName: "Олег" });
    await director.command("start", token);
    expect(text(director.lastMessage())).toContain("Вы подключены к srok как «Руководители ОО — Школа № 1».");
    expect(w.t.errors).toEqual([]);

    // The dialogue is over: the next document is not taken as a units list.
    await admin.upload({ fileName: "units.csv", bytes: utf8(csv) });
    expect(w.t.fake.documentsSent).toHaveLength(1);
  });

  it("reads an .xlsx list too", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Исполнители");
    sheet.addRow(["Unit", "Role"]);
    sheet.addRow(["Министерство образования", "Министерство образования"]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const admin = w.t.user(ADMIN);
    await admin.command("units");
    await admin.press("📥 Загрузить список");
    await admin.upload({ fileName: "list.xlsx", bytes });
    const rows = await xlsxRows(w.t.fake.documentsSent[0]?.bytes as Uint8Array);
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ["Министерство образования", "Министерство образования", ""],
    ]);
  });
});
