// End to end: a corrected version of a published plan replaces it. A mark made on an unchanged
// item is kept, a changed item opens again, a new item comes in; buttons of drafts already
// published, replaced or cancelled answer so and change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markDone } from "../../../db/queries/assignments.js";
import { type Harness, startHarness } from "../../support/bot-harness.js";
import type { FakeMessage } from "../../support/fake-bot-api.js";
import { ADMIN, auditActions, buttonTexts, craftedPlan, planStatuses, utf8 } from "./setup.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: "2021-10-20T06:00:00Z", env: { ADMIN_IDS: String(ADMIN) } });
});
afterAll(async () => h.close());

const TITLE = "План мероприятий по подготовке к учебному году на 2021 год";
const V1 = craftedPlan(TITLE, [
  ["1.", "Подготовка приказа о проведении", "до 30.09.2021", "Организация-оператор"],
  ["2.", "Сбор заявок от организаций", "до 15.10.2021", "Орган местного самоуправления"],
  ["3.", "Информирование родителей", "постоянно", "Организация-оператор"],
]);
const V2 = craftedPlan(TITLE, [
  ["1.", "Подготовка приказа о проведении", "до 30.09.2021", "Организация-оператор"],
  ["2.", "Сбор заявок от организаций", "до 29.10.2021", "Орган местного самоуправления"],
  ["3.", "Информирование родителей", "постоянно", "Организация-оператор"],
  ["4.", "Подведение итогов", "до 20.12.2021", "Организация-оператор"],
]);

/** Assignments of a plan's item, with their status. */
async function assignments(planId: number, number: string) {
  return h.db
    .selectFrom("assignments as a")
    .innerJoin("occurrences as o", "o.id", "a.occurrence_id")
    .innerJoin("items as i", "i.id", "o.item_id")
    .where("i.plan_id", "=", planId)
    .where("i.number", "=", number)
    .select(["a.id", "a.status", "a.done_by"])
    .execute();
}

async function counts() {
  const n = async (table: "plans" | "assignments" | "occurrences" | "audit_log") =>
    Number(
      (
        await h.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    plans: await n("plans"),
    assignments: await n("assignments"),
    occurrences: await n("occurrences"),
    audit: await n("audit_log"),
  };
}

let v1Preview: FakeMessage;
let v2Question: FakeMessage;

describe("replacing a published plan", () => {
  it("publishes the first version; a mark is made on items 1 and 2", async () => {
    const admin = h.user(ADMIN);
    await admin.upload({ fileName: "plan-v1.txt", bytes: utf8(V1) });
    v1Preview = await admin.waitForMessage("📄");
    await admin.press("✅ Опубликовать");
    await admin.waitForMessage("План опубликован");
    const [v1] = await planStatuses(h.db);
    for (const number of ["1", "2"]) {
      const [a] = await assignments(v1!.id, number);
      expect(await markDone(h.db, a!.id, { by: 777, at: new Date("2021-10-01T08:00:00Z") })).toBe("done");
    }
  });

  it("the corrected version offers to replace it; replacing keeps item 1's mark and reopens item 2", async () => {
    const admin = h.user(ADMIN);
    await admin.upload({ fileName: "plan-v2.txt", bytes: utf8(V2) });
    const preview = await admin.waitForMessage("📄");
    expect(preview.text).toContain("План с таким названием уже опубликован (20.10)");
    await admin.press("✅ Опубликовать");
    v2Question = await admin.waitForMessage("Заменить его новой версией?");
    expect(v2Question.text).toContain(`План «${TITLE}» уже опубликован (20.10).`);
    expect(v2Question.text).toContain("Отметки, комментарии и отчёты по пунктам, которые не изменились");
    await admin.press("🔁 Заменить опубликованный план");
    const result = await admin.waitForMessage("План заменён");
    expect(result.text).toBe(
      [
        `🔁 План заменён новой версией: «${TITLE}»`,
        "Без изменений: 2 пункта, сохранено отметок: 1",
        "Изменено: 1 (открыты заново) · новых: 1 · убрано: 0",
        "Ролей исполнителей: 2",
        `Назначено исполнителям: 4`,
      ].join("\n"),
    );
    expect(admin.lastAnswer()?.text).toBe("План заменён");

    const [v1, v2] = await planStatuses(h.db);
    expect(v1?.status).toBe("replaced");
    expect(v2?.status).toBe("published");
    expect(await assignments(v2!.id, "1")).toEqual([
      expect.objectContaining({ status: "done", done_by: 777 }),
    ]);
    expect(await assignments(v2!.id, "2")).toEqual([
      expect.objectContaining({ status: "open", done_by: null }),
    ]);
    expect(await assignments(v2!.id, "4")).toEqual([expect.objectContaining({ status: "open" })]);
    expect(await auditActions(h.db)).toEqual(["plan.import", "plan.publish", "plan.import", "plan.replace"]);
  });

  it("stale buttons answer what became of the plan and change nothing", async () => {
    const admin = h.user(ADMIN);
    const before = await counts();
    const [v1, v2] = await planStatuses(h.db);

    await admin.pressData(v1Preview.message_id, `pl:pub:${v1!.id}`);
    expect((await admin.waitForAnswer()).text).toBe(
      "Этот план уже заменён новой версией. Ничего не изменено.",
    );
    // The question was edited into the result: its old button pressed again (a double tap).
    await admin.pressData(v2Question.message_id, `pl:rp:${v2!.id}:${v1!.id}`);
    expect((await admin.waitForAnswer()).text).toBe(
      "Этот план уже опубликован. Ничего не изменено. Список планов — /plans.",
    );
    await admin.pressData(v2Question.message_id, `pl:cn:${v2!.id}`);
    expect((await admin.waitForAnswer()).show_alert).toBe(true);

    // A draft replacing a plan that is no longer published (v1 was replaced meanwhile).
    await admin.upload({ fileName: "plan-v3.txt", bytes: utf8(V2) });
    const v3 = await admin.waitForMessage("📄");
    const draft = (await planStatuses(h.db)).at(-1)!;
    await admin.pressData(v3.message_id, `pl:rp:${draft.id}:${v1!.id}`);
    expect((await admin.waitForAnswer()).text).toBe(
      "Тот план уже не опубликован. Откройте черновик заново: /plans.",
    );
    // Cancel it; its publish button then does nothing.
    await admin.press("✖ Отмена", { messageId: v3.message_id });
    await admin.waitForMessage("Черновик отменён");
    await admin.pressData(v3.message_id, `pl:pub:${draft.id}`);
    expect((await admin.waitForAnswer()).text).toBe("Этот черновик отменён. Ничего не изменено.");

    const after = await counts();
    expect(after.assignments).toBe(before.assignments);
    expect(after.occurrences).toBe(before.occurrences);
    expect(after.plans).toBe(before.plans + 1);
    expect((await planStatuses(h.db)).map((p) => p.status)).toEqual(["replaced", "published", "cancelled"]);
    expect((await auditActions(h.db)).slice(-2)).toEqual(["plan.import", "plan.cancel"]);
  });

  it("a published plan of another title is picked from a list and replaced", async () => {
    const admin = h.user(ADMIN);
    const other = V2.replace(TITLE, "План работы на 2021 год (исправленный)");
    await admin.upload({ fileName: "other.txt", bytes: utf8(other) });
    const preview = await admin.waitForMessage("📄");
    expect(preview.text).not.toContain("уже опубликован");
    expect(buttonTexts(h.fake, preview)).toEqual(["✅ Опубликовать", "🔁 Заменить другой план", "✖ Отмена"]);
    await admin.press("🔁 Заменить другой план");
    const picker = await admin.waitForMessage("Какой опубликованный план заменить?");
    expect(buttonTexts(h.fake, picker)).toEqual([TITLE, "← Назад"]);
    await admin.press(TITLE);
    await admin.waitForMessage(`Заменить опубликованный план «${TITLE}»`);
    await admin.press("🔁 Заменить опубликованный план");
    const result = await admin.waitForMessage("План заменён");
    expect(result.text).toContain("Без изменений: 4 пункта, сохранено отметок: 1");
    const statuses = (await planStatuses(h.db)).map((p) => p.status);
    expect(statuses).toEqual(["replaced", "replaced", "cancelled", "published"]);
  });
});
