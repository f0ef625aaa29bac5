// /tasks over a real seed plan, imported and published by the plan storage: plan 000 on 2021-10-25.

import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { savePlanDraft } from "../../../db/queries/plans.js";
import { publishPlan } from "../../../db/queries/publish.js";
import { parsePlanText } from "../../../src/domain/plan/assemble.js";
import { SEEDS_DIR } from "../../support/shared-dir.js";
import { type FeatureWorld, startFeatureWorld } from "./feature-setup.js";

const seed = (name: string) => readFileSync(`${SEEDS_DIR}${name}`, "utf8");

let w: FeatureWorld;
beforeEach(async () => {
  w = await startFeatureWorld("2021-10-25T06:00:00Z");
  const at = new Date("2021-09-01T00:00:00Z");
  const planId = await savePlanDraft(w.db, parsePlanText(seed("000_2c604c2e2e75aa56.txt")), {
    sourceName: "000.txt",
    createdBy: null,
    at,
  });
  await publishPlan(w.db, planId, { by: null, at });
});
afterEach(async () => {
  await w.close();
});

async function unitOf(role: string): Promise<number> {
  const row = await w.db
    .selectFrom("units")
    .innerJoin("roles", "roles.id", "units.role_id")
    .select("units.id")
    .where("roles.name", "=", role)
    .executeTakeFirstOrThrow();
  return row.id;
}

const numbersIn = (text: string, header: string) => {
  const lines = text.split("\n");
  const start = lines.indexOf(header);
  if (start < 0) return [];
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) {
    const m = /^ (\d+(?:\.\d+)*)\. /.exec(l);
    if (!m) break;
    out.push(m[1] as string);
  }
  return out;
};

describe("/tasks over seed 000", () => {
  it("the operator sees items 1 and 3 overdue, 9 due in 4 days, 16 and 17 ongoing", async () => {
    await w.f.member(100, await unitOf("Организация-оператор"));
    await w.fake.sendCommand(100, "tasks");
    const text = w.last(100).text as string;
    expect(text.split("\n")[0]).toBe("📋 Мои задачи: 14 открытых пунктов · 🔴 просрочено: 2");
    await w.press(100, w.last(100), "▶");
    const second = w.last(100).text as string;
    expect(numbersIn(text, "🔴 Просрочено")).toEqual(["1", "3"]);
    expect(text).toContain(" 1. Подготовка электронного пакета документов для Организаций-заказчиков");
    expect(text).toContain("— срок был 30.09 (25 дней назад)");
    expect(numbersIn(text, "🟡 На этой неделе")).toEqual(["9"]);
    expect(text).toContain(
      " 9. Прием и регистрация заявок на проведение НОК ДОД — до пт, 29.10 (через 4 дня)",
    );
    expect(numbersIn(text, "Позже")).toEqual(["2", "4", "10", "5", "13", "14", "15"]);
    // The second page goes on where the first stopped, under the same plan and bucket headings.
    expect(numbersIn(second, "Позже")).toEqual(["18", "20"]);
    expect(second).toContain(
      " 18. Обсуждение результатов НОК ДОД на совещаниях, семинарах, «круглых столах»",
    );
    expect(second).toContain("— до вт, 31.05.2022");
    expect(numbersIn(second, "Постоянно")).toEqual(["16", "17"]);
  });

  it("the municipality sees 3 overdue and 7 this week", async () => {
    await w.f.member(101, await unitOf("Орган местного самоуправления"));
    await w.fake.sendCommand(101, "tasks");
    const text = w.last(101).text as string;
    expect(numbersIn(text, "🔴 Просрочено")).toEqual(["3"]);
    expect(numbersIn(text, "🟡 На этой неделе")).toEqual(["7"]);
  });
});
