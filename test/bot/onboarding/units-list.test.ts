import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { RoleInfo, UnitInfo } from "../../../db/queries/units.js";
import { planUnitsList, type UnitsWorld } from "../../../src/bot/features/units/plan-list.js";
import {
  readUnitsList,
  rowsToUnitsList,
  type UnitsListRow,
} from "../../../src/bot/features/units/read-list.js";
import type { Actor } from "../../../src/domain/permissions.js";

const utf8 = (s: string) => new TextEncoder().encode(s);

async function xlsx(rows: (string | null)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Лист1");
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("reading a units list", () => {
  it("finds Russian headers in any order, below a title, and keeps every data row with its line", async () => {
    const csv = [
      "Список исполнителей Тверской области;;",
      "Исполнитель;Роль;Вышестоящий",
      "Бежецкий район;Муниципальные организаторы;",
      ";;",
      "МБОУ СОШ № 5;Руководители ОО;Бежецкий район",
      '"Школа ""Радуга""; корпус 2";Руководители ОО;Бежецкий район',
      ";Руководители ОО;Бежецкий район",
    ].join("\r\n");
    const read = await readUnitsList(utf8(csv));
    expect(read).toEqual({
      ok: true,
      rows: [
        { line: 3, role: "Муниципальные организаторы", unit: "Бежецкий район", parent: "" },
        { line: 5, role: "Руководители ОО", unit: "МБОУ СОШ № 5", parent: "Бежецкий район" },
        { line: 6, role: "Руководители ОО", unit: 'Школа "Радуга"; корпус 2', parent: "Бежецкий район" },
        { line: 7, role: "Руководители ОО", unit: "", parent: "Бежецкий район" },
      ],
    });
  });

  it("reads English headers with commas, Windows-1251 text, and .xlsx", async () => {
    const en = await readUnitsList(utf8("parent,role,unit\n,Municipal organizers,Bezhetsk\n"));
    expect(en.ok && en.rows).toEqual([
      { line: 2, role: "Municipal organizers", unit: "Bezhetsk", parent: "" },
    ]);

    // «Роль;Исполнитель\nМО;Бежецкий» in Windows-1251.
    const cp1251 = new Uint8Array([
      0xd0, 0xee, 0xeb, 0xfc, 0x3b, 0xc8, 0xf1, 0xef, 0xee, 0xeb, 0xed, 0xe8, 0xf2, 0xe5, 0xeb, 0xfc, 0x0a,
      0xcc, 0xce, 0x3b, 0xc1, 0xe5, 0xe6, 0xe5, 0xf6, 0xea, 0xe8, 0xe9, 0x0a,
    ]);
    const ru = await readUnitsList(cp1251);
    expect(ru.ok && ru.rows).toEqual([{ line: 2, role: "МО", unit: "Бежецкий", parent: "" }]);

    const book = await readUnitsList(
      await xlsx([
        ["Роль исполнителя", "Наименование", "Входит в"],
        ["Руководители ОО", "Школа № 1", "Кимрский район"],
        [null, null, null],
        ["Руководители ОО", "Школа № 2", null],
      ]),
    );
    expect(book.ok && book.rows).toEqual([
      { line: 2, role: "Руководители ОО", unit: "Школа № 1", parent: "Кимрский район" },
      { line: 4, role: "Руководители ОО", unit: "Школа № 2", parent: "" },
    ]);
  });

  it("gives a reason for files it cannot use", async () => {
    expect(await readUnitsList(new Uint8Array())).toEqual({ ok: false, reason: "empty" });
    expect(await readUnitsList(utf8("Школа;Район\nА;Б\n"))).toEqual({ ok: false, reason: "no_header" });
    expect(await readUnitsList(utf8("Роль;Исполнитель\n;\n"))).toEqual({ ok: false, reason: "no_rows" });
    expect(await readUnitsList(utf8("%PDF-1.4 bla"))).toEqual({ ok: false, reason: "unsupported" });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]);
    expect(await readUnitsList(ole)).toEqual({ ok: false, reason: "old_or_encrypted" });
    const broken = (await xlsx([["Роль", "Исполнитель"]])).slice(0, 200);
    expect(await readUnitsList(broken)).toEqual({ ok: false, reason: "corrupt" });
    const many = ["Роль;Исполнитель", ...Array.from({ length: 5001 }, (_, i) => `Р;Ш${i}`)].join("\n");
    expect(await readUnitsList(utf8(many))).toEqual({ ok: false, reason: "too_many_rows" });
  });

  it("does not take a title row for data", () => {
    expect(rowsToUnitsList([["Роль", "Исполнитель"]])).toEqual({ ok: false, reason: "no_rows" });
  });
});

describe("planning a units list", () => {
  const roles: RoleInfo[] = [
    { id: 1, name: "Муниципальные организаторы", aliases: ["МО"] },
    { id: 2, name: "Руководители ОО", aliases: [] },
  ];
  const unit = (id: number, roleId: number, name: string, parentUnitId: number | null = null): UnitInfo => ({
    id,
    roleId,
    roleName: roles.find((r) => r.id === roleId)?.name ?? "",
    name,
    parentUnitId,
    parentName: null,
    archived: false,
  });
  const units = [
    unit(10, 1, "Бежецкий район"),
    unit(11, 1, "Кимрский район"),
    unit(12, 2, "Кимрский район", 11),
  ];
  const world: UnitsWorld = {
    roles,
    units,
    tree: units.map((u) => ({ id: u.id, parentUnitId: u.parentUnitId })),
  };
  const admin: Actor = { userId: 1, isAdmin: true, unitIds: [], coordinatorScopes: [] };
  const bezhetskOnly: Actor = { userId: 4, isAdmin: false, unitIds: [], coordinatorScopes: [10] };
  let line = 1;
  const row = (role: string, name: string, parent = ""): UnitsListRow => ({
    line: ++line,
    role,
    unit: name,
    parent,
  });

  it("creates new units under existing or new parents, parents first; recognises existing ones", () => {
    line = 1;
    const plan = planUnitsList(
      [
        row("Руководители ОО", "Школа № 5", "Сонковский район"),
        row("мо", "Сонковский район", "Бежецкий район"),
        row("Муниципальные организаторы", "бежецкий  район"),
        row("Новая роль", "Кто-то"),
      ],
      world,
      admin,
    );
    expect(plan.map((p) => p.kind)).toEqual(["create", "create", "existing", "create"]);
    expect(plan[0]).toMatchObject({ kind: "create", roleId: 2, parent: { line: 3 }, depth: 1 });
    expect(plan[1]).toMatchObject({ kind: "create", roleId: 1, parent: { unitId: 10 }, depth: 0 });
    expect(plan[2]).toMatchObject({ kind: "existing", unit: { id: 10 }, parentDiffers: false });
    expect(plan[3]).toMatchObject({ kind: "create", roleId: null, roleName: "Новая роль", parent: null });
  });

  it("reports every bad row with its reason", () => {
    line = 1;
    const plan = planUnitsList(
      [
        row("", "Школа № 1"),
        row("Руководители ОО", ""),
        row("Руководители ОО", "Школа № 2", "Нигде"),
        row("Руководители ОО", "Школа № 3", "Кимрский район"),
        row("Руководители ОО", "Школа № 4", "Муниципальные организаторы — Кимрский район"),
        row("Руководители ОО", "Школа № 4", "Бежецкий район"),
        row("Руководители ОО", "А", "Б"),
        row("Руководители ОО", "Б", "А"),
        row("Руководители ОО", "В", "Школа № 2"),
        row("Руководители ОО", "Сам", "Сам"),
      ],
      world,
      admin,
    );
    expect(
      plan.map((p) => (p.kind === "problem" ? `${p.row.line}:${p.code}${p.ref ? `@${p.ref}` : ""}` : p.kind)),
    ).toEqual([
      "2:no_role",
      "3:no_unit",
      "4:parent_not_found",
      "5:parent_ambiguous",
      "create",
      "7:duplicate@6",
      "8:parent_cycle",
      "9:parent_cycle",
      "10:parent_bad@4",
      "11:parent_self",
    ]);
  });

  it("keeps a scoped coordinator inside their subtree", () => {
    line = 1;
    const plan = planUnitsList(
      [
        row("Руководители ОО", "Школа № 7", "Бежецкий район"),
        row("Руководители ОО", "Школа № 8"),
        row("Руководители ОО", "Школа № 9", "Муниципальные организаторы — Кимрский район"),
        row("Новая роль", "Школа № 10", "Бежецкий район"),
        row("Руководители ОО", "Кимрский район"),
        row("Руководители ОО", "Школа № 11", "Школа № 7"),
      ],
      world,
      bezhetskOnly,
    );
    expect(plan.map((p) => (p.kind === "problem" ? p.code : p.kind))).toEqual([
      "create",
      "parent_required",
      "parent_not_in_scope",
      "unknown_role",
      "not_in_scope",
      "create",
    ]);
    expect(plan[5]).toMatchObject({ parent: { line: 2 }, depth: 1 });
  });
});
