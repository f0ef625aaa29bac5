// End to end against the fake Bot API (real polling, a file database): an admin uploads each of
// the five seed plans as .txt, sees the preview with the right counts and publishes it; then seed
// 004 again as a Word file, which offers to replace the published version and keeps its items.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPlan } from "../../../src/domain/plan/read-plan.js";
import type { DeadlineKind, ParsedPlan } from "../../../src/domain/plan/types.js";
import { type Harness, startHarness } from "../../support/bot-harness.js";
import { docxFromText, seedText } from "../../support/plan-fixtures.js";
import { ADMIN, buttonTexts, planStatuses, seeds, utf8 } from "./setup.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: "2025-10-20T06:00:00Z", env: { ADMIN_IDS: String(ADMIN) } });
});
afterAll(async () => h.close());

/** Russian plural forms, written out here apart from the bot's Fluent files. */
function ru(n: number, one: string, few: string, many: string): string {
  const tens = n % 100;
  const units = n % 10;
  if (tens >= 11 && tens <= 14) return `${n} ${many}`;
  if (units === 1) return `${n} ${one}`;
  if (units >= 2 && units <= 4) return `${n} ${few}`;
  return `${n} ${many}`;
}

const KIND_WORDS: [DeadlineKind, string][] = [
  ["dated", "с датами"],
  ["recurring", "регулярно"],
  ["continuous", "постоянно"],
  ["relative", "после события"],
  ["on_demand", "по мере необходимости"],
  ["none", "без срока"],
];

/** The preview's two count lines as the plan read by the importer says they must be. */
function expectedCounts(plan: ParsedPlan): { counts: string; deadlines: string } {
  const items = ru(plan.items.length, "пункт", "пункта", "пунктов");
  const sections =
    plan.sections.length === 0
      ? ""
      : ` в ${plan.sections.length} ${plan.sections.length % 10 === 1 && plan.sections.length % 100 !== 11 ? "разделе" : "разделах"}`;
  const roles = ru(plan.roles.length, "роль", "роли", "ролей");
  const kinds = KIND_WORDS.map(([kind, word]) => [
    plan.items.filter((i) => i.deadline.kind === kind).length,
    word,
  ])
    .filter(([n]) => Number(n) > 0)
    .map(([n, word]) => `${n} ${word}`);
  kinds.push(`не прочитано: ${plan.items.filter((i) => i.deadline.kind === "unparsed").length}`);
  return { counts: `${items}${sections} · ${roles} исполнителей`, deadlines: `Сроки: ${kinds.join(" · ")}` };
}

async function assignmentsOf(planId: number): Promise<number> {
  const row = await h.db
    .selectFrom("assignments as a")
    .innerJoin("occurrences as o", "o.id", "a.occurrence_id")
    .innerJoin("items as i", "i.id", "o.item_id")
    .where("i.plan_id", "=", planId)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("the five seeds uploaded in chat and published", () => {
  it("seed 000's preview is the one of screens.md", async () => {
    const admin = h.user(ADMIN, { firstName: "Анна" });
    await admin.upload({ fileName: "000.txt", bytes: utf8(seedText("000")) });
    const preview = await admin.waitForMessage("📄");
    const lines = (preview.text ?? "").split("\n");
    expect(lines[0]).toMatch(/^📄 План-график проведения независимой оценки качества .* в 2021 году$/);
    expect(lines[1]).toBe("Период: 2021 · 20 пунктов в 4 разделах · 7 ролей исполнителей");
    expect(lines[2]).toBe("Сроки: 18 с датами · 2 постоянно · не прочитано: 0");
    expect(lines[3]).toMatch(/^⚠ Пункт 8: .*«или»/);
    // Nothing unreadable: no «Исправить сроки»; no published plan yet: nothing to replace.
    expect(buttonTexts(h.fake, preview)).toEqual(["✅ Опубликовать", "✖ Отмена"]);
    expect(preview.parse_mode).toBe("HTML");
    await admin.press("✅ Опубликовать");
    await admin.waitForMessage("План опубликован");
  });

  for (const seed of seeds().filter((s) => s.number !== "000")) {
    it(`seed ${seed.number} as .txt: preview counts, then published`, async () => {
      const admin = h.user(ADMIN);
      const expected = expectedCounts(await readPlan(utf8(seed.text), seed.name));
      await admin.upload({ fileName: seed.name, bytes: utf8(seed.text) });
      const preview = await admin.waitForMessage("📄");
      const lines = (preview.text ?? "").split("\n");
      expect(lines[1]).toBe(`${lines[1]?.split(" · ")[0]} · ${expected.counts}`);
      expect(lines[1]).toMatch(/^Период: \d{4}/);
      expect(lines[2]).toBe(expected.deadlines);
      // Published plans exist now: replacing one is offered.
      expect(buttonTexts(h.fake, preview)).toContain("🔁 Заменить другой план");

      await admin.press("✅ Опубликовать", { messageId: preview.message_id });
      const done = await admin.waitForMessage("План опубликован");
      const plan = (await planStatuses(h.db)).at(-1)!;
      expect(plan.status).toBe("published");
      expect(done.text).toContain(`Назначено исполнителям: ${await assignmentsOf(plan.id)}`);
      expect(await assignmentsOf(plan.id)).toBeGreaterThan(0);
      expect(admin.lastAnswer()?.text).toBe("Опубликовано");
    });
  }

  it("seed 004 as .docx: the same counts; publishing offers to replace the .txt version", async () => {
    const admin = h.user(ADMIN);
    const text = seedText("004");
    const fromTxt = expectedCounts(await readPlan(utf8(text), "004.txt"));
    await admin.upload({ fileName: "plan-004.docx", bytes: await docxFromText(text) });
    const preview = await admin.waitForMessage("📄");
    const lines = (preview.text ?? "").split("\n");
    expect(lines[1]).toContain(fromTxt.counts);
    expect(lines[2]).toBe(fromTxt.deadlines);
    expect(preview.text).toContain("План с таким названием уже опубликован (20.10)");

    const before = await planStatuses(h.db);
    const old = before.filter((p) => p.status === "published").at(-1)!;
    await admin.press("✅ Опубликовать", { messageId: preview.message_id });
    const question = await admin.waitForMessage("Заменить его новой версией?");
    expect(buttonTexts(h.fake, question)).toEqual([
      "🔁 Заменить опубликованный план",
      "➕ Опубликовать как отдельный план",
      "← Назад",
    ]);
    await admin.press("🔁 Заменить опубликованный план");
    const replaced = await admin.waitForMessage("План заменён");
    const items = fromTxt.counts.split(" ")[0];
    expect(replaced.text).toContain(`Без изменений: ${items} пунктов, сохранено отметок: 0`);
    expect(replaced.text).toContain("Изменено: 0 (открыты заново) · новых: 0 · убрано: 0");
    const after = await planStatuses(h.db);
    expect(after.find((p) => p.id === old.id)?.status).toBe("replaced");
    expect(after.at(-1)?.status).toBe("published");
    expect(after.filter((p) => p.status === "published")).toHaveLength(5);
  });

  it("/plans lists them all with status and counts", async () => {
    const admin = h.user(ADMIN);
    await admin.command("plans");
    const list = await admin.waitForMessage("📋 Планы: 6");
    expect(list.text?.match(/📄 /g)).toHaveLength(5);
    expect(list.text).not.toContain("✅");
    expect(list.text?.match(/🔁 /g)).toHaveLength(1);
    expect(list.text).toContain("опубликован 20.10 · 20 пунктов · выполнено 0 из ");
    expect(list.text).toContain("заменён новой версией");
  });
});
