// End to end: files that are not plans get a clear answer and store nothing; only coordinators
// upload and publish; a units list and a plan never take each other's files.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PlanFileError, readPlan } from "../../../src/domain/plan/read-plan.js";
import { AssignmentFixtures } from "../../support/assignment-fixtures.js";
import { type Harness, startHarness } from "../../support/bot-harness.js";
import { seedText } from "../../support/plan-fixtures.js";
import { ADMIN, auditActions, planStatuses, utf8 } from "./setup.js";

const EXECUTOR = 201;
const SCOPED = 301;
const ONLY_WHOLE_PLAN =
  "Загружать, публиковать и заменять планы могут только координаторы всего плана (не отдельного района).";
const STRANGER = 401;
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: "2025-10-20T06:00:00Z", env: { ADMIN_IDS: String(ADMIN) } });
  const f = new AssignmentFixtures(h.db);
  const district = await f.unit("Бежецкий район", { role: "Муниципальные организаторы" });
  await f.member(EXECUTOR, district);
  await f.coordinator(SCOPED, district);
});
afterAll(async () => h.close());

/** What readPlan itself says about these bytes. */
async function readerMessage(bytes: Uint8Array, name: string): Promise<string> {
  try {
    await readPlan(bytes, name);
  } catch (err) {
    if (err instanceof PlanFileError) return err.message;
    throw err;
  }
  throw new Error(`${name} was read as a plan`);
}

describe("files that are not plans", () => {
  it("a corrupt .docx: the reader's own words, nothing stored", async () => {
    const admin = h.user(ADMIN);
    const bytes = new Uint8Array([
      0x50,
      0x4b,
      0x03,
      0x04,
      ...Array.from({ length: 200 }, (_, i) => (i * 37) % 256),
    ]);
    await admin.upload({ fileName: "План 2021.docx", bytes });
    const answer = await admin.waitForMessage("Не получилось прочитать");
    expect(answer.text).toBe(
      `Не получилось прочитать план из файла «План 2021.docx».\n${await readerMessage(bytes, "План 2021.docx")}`,
    );
    expect(answer.text).toContain("Файл повреждён");
    expect(await planStatuses(h.db)).toEqual([]);
  });

  it("an empty file", async () => {
    const admin = h.user(ADMIN);
    await admin.upload({ fileName: "plan.txt", bytes: new Uint8Array() });
    const answer = await admin.waitForMessage("Не получилось прочитать");
    expect(answer.text).toContain("Файл пустой — в нём нет ни одной строки.");
    expect(await planStatuses(h.db)).toEqual([]);
  });

  it("a file over 20 MB is refused before any download", async () => {
    const admin = h.user(ADMIN);
    await admin.upload({ fileName: "big.docx", bytes: new Uint8Array(25 * 1024 * 1024) });
    const answer = await admin.waitForMessage("слишком большой");
    expect(answer.text).toBe(
      "Файл слишком большой (25 МБ): Telegram отдаёт боту файлы до 20 МБ. Сохраните план без картинок или разделите его и пришлите снова.",
    );
    expect(h.fake.callsOf("getFile")).toHaveLength(2); // the two files above, not this one
  });

  it("a units list sent without «Загрузить список» is not taken for units", async () => {
    const admin = h.user(ADMIN);
    const csv = utf8("Роль;Исполнитель;Вышестоящий\nМуниципальные организаторы;Кимрский район;\n");
    await admin.upload({ fileName: "units.csv", bytes: csv });
    const answer = await admin.waitForMessage("Не получилось прочитать");
    expect(answer.text).toContain("Не нашёл в файле таблицу плана");
    const units = await h.db.selectFrom("units").select("name").execute();
    expect(units.map((u) => u.name)).toEqual(["Бежецкий район"]);
  });

  it("a plan sent after «Загрузить список» goes to the units dialogue, not to the plans", async () => {
    const admin = h.user(ADMIN);
    await admin.command("units");
    await admin.waitForMessage("🏢");
    await admin.press("📥 Загрузить список");
    await admin.waitForMessage("Пришлите файл");
    await admin.upload({ fileName: "000.txt", bytes: utf8(seedText("000")) });
    const answer = await admin.waitForMessage();
    expect(answer.text).not.toContain("📄");
    await admin.command("cancel");
    await admin.waitForMessage("Отменено.");
    expect(await planStatuses(h.db)).toEqual([]);
  });
});

describe("only coordinators upload and publish", () => {
  let draftId: number;
  let previewId: number;

  it("an executor sending a document is told that reports go through «📎 Отчёт»", async () => {
    const executor = h.user(EXECUTOR);
    const calls = h.fake.callsOf("getFile").length;
    await executor.upload({ fileName: "000.txt", bytes: utf8(seedText("000")) });
    const answer = await executor.waitForMessage("📎 Отчёт");
    expect(answer.text).toContain("Загружать планы могут только координаторы.");
    expect(h.fake.callsOf("getFile")).toHaveLength(calls);
    expect(await planStatuses(h.db)).toEqual([]);
    await executor.command("plans");
    await executor.waitForMessage(ONLY_WHOLE_PLAN);
    await executor.command("event");
    await executor.waitForMessage("Записывать события могут только координаторы всего плана.");
  });

  it("a district coordinator cannot upload a plan: publishing creates roles and units for everyone", async () => {
    const scoped = h.user(SCOPED);
    await scoped.upload({ fileName: "000.txt", bytes: utf8(seedText("000")) });
    await scoped.waitForMessage(ONLY_WHOLE_PLAN);
    expect(await planStatuses(h.db)).toEqual([]);
  });

  it("presses on the admin's draft by others are refused and change nothing", async () => {
    const admin = h.user(ADMIN);
    await admin.upload({ fileName: "000.txt", bytes: utf8(seedText("000")) });
    previewId = (await admin.waitForMessage("📄")).message_id;
    draftId = (await planStatuses(h.db))[0]!.id;

    for (const [id, refusal] of [
      [EXECUTOR, ONLY_WHOLE_PLAN],
      [STRANGER, ONLY_WHOLE_PLAN],
      [SCOPED, ONLY_WHOLE_PLAN],
    ] as const) {
      const other = h.user(id);
      for (const data of [`pl:pub:${draftId}`, `pl:cn:${draftId}`, `pl:fix:${draftId}`]) {
        await other.pressData(previewId, data);
        const answer = await other.waitForAnswer();
        expect(answer.text).toBe(refusal);
        expect(answer.show_alert).toBe(true);
      }
    }
    // Forged and truncated data.
    for (const data of ["pl:pub:abc", "pl:pub:0", "pl:zz:1", `pl:pub:${draftId}:9`, "pl:pub:"]) {
      await admin.pressData(previewId, data);
      expect((await admin.waitForAnswer()).text).toBe("Эта кнопка уже не работает. Список планов — /plans.");
    }
    expect(await planStatuses(h.db)).toEqual([expect.objectContaining({ id: draftId, status: "draft" })]);
    expect(await auditActions(h.db)).toEqual(["plan.import"]);
  });

  it("the admin publishes; the same press again says so and changes nothing", async () => {
    const admin = h.user(ADMIN);
    await admin.press("✅ Опубликовать", { messageId: previewId });
    await admin.waitForMessage("План опубликован");
    const assignments = await h.db.selectFrom("assignments").select("id").execute();
    await admin.pressData(previewId, `pl:pub:${draftId}`);
    expect((await admin.waitForAnswer()).text).toBe(
      "Этот план уже опубликован. Ничего не изменено. Список планов — /plans.",
    );
    expect(await h.db.selectFrom("assignments").select("id").execute()).toEqual(assignments);
    expect(await auditActions(h.db)).toEqual(["plan.import", "plan.publish"]);
  });
});
