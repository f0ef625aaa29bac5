// Shared set-up of the plan tests: plan texts (the seeds, and small crafted plans), buttons of a
// message, and the plans' stored state.
import type { DB } from "../../../db/database.js";
import type { FakeBotApi, FakeMessage } from "../../support/fake-bot-api.js";
import { seedNames, seedText } from "../../support/plan-fixtures.js";

export const ADMIN = 100;
export const utf8 = (s: string) => new TextEncoder().encode(s);

/** The seeds as [number, file name, text]. */
export function seeds(): { number: string; name: string; text: string }[] {
  return seedNames().map((name) => ({ number: name.slice(0, 3), name, text: seedText(name) }));
}

/**
 * A small plan in the row-per-line layout: a title naming 2021, a header, then rows
 * `[number, title, deadline, executor]`.
 */
export function craftedPlan(title: string, rows: [string, string, string, string][]): string {
  return [
    title,
    "",
    "№ п/п\tНаименование мероприятия\tСрок\tОтветственный исполнитель",
    ...rows.map((r) => r.join("\t")),
  ].join("\n");
}

export function buttonTexts(fake: FakeBotApi, m: FakeMessage | undefined): string[] {
  return fake
    .buttons(m)
    .flat()
    .map((b) => b.text);
}

export async function planStatuses(db: DB): Promise<{ id: number; title: string; status: string }[]> {
  return db.selectFrom("plans").select(["id", "title", "status"]).orderBy("id").execute();
}

/** Audited actions on plans and events, in order (roles, units and admins left out). */
export async function auditActions(db: DB): Promise<string[]> {
  return (await db.selectFrom("audit_log").select("action").orderBy("id").execute())
    .map((r) => r.action)
    .filter((a) => a.startsWith("plan.") || a.startsWith("event."));
}
