// In-process set-up for the onboarding features: the real createBot with onboarding, access,
// invites, /me and /units; ADMIN_IDS=1; the Bot API answered by the fake.
import ExcelJS from "exceljs";
import { onboardingFeatures } from "../../../src/bot/features/index.js";
import { AssignmentFixtures } from "../../support/assignment-fixtures.js";
import { createFeatureTester, type FeatureTester, type TestUser } from "../../support/bot-harness.js";
import type { FakeMessage } from "../../support/fake-bot-api.js";

export const ADMIN = 1;

export interface World {
  t: FeatureTester;
  f: AssignmentFixtures;
  close(): Promise<void>;
}

export async function startWorld(env: Record<string, string> = {}): Promise<World> {
  const t = await createFeatureTester({
    features: onboardingFeatures,
    now: "2025-10-20T06:00:00Z",
    env: { ADMIN_IDS: String(ADMIN), ...env },
  });
  return { t, f: new AssignmentFixtures(t.db), close: () => t.close() };
}

/** The token of the last invite link the bot sent to this user. */
export function lastToken(user: TestUser): string {
  const texts = user.messages().map((m) => m.text ?? "");
  for (const text of texts.reverse()) {
    const m = /https:\/\/t\.me\/\w+\?start=([\w-]+)/.exec(text);
    if (m) return m[1] as string;
  }
  throw new Error("no invite link in the chat");
}

export function text(m: FakeMessage | undefined): string {
  return m?.text ?? "";
}

export function buttonTexts(t: FeatureTester, m: FakeMessage | undefined): string[] {
  return t.fake
    .buttons(m)
    .flat()
    .map((b) => b.text);
}

/** Rows of the first sheet of an .xlsx, as arrays of cell texts (1-based exceljs values dropped). */
export async function xlsxRows(bytes: Uint8Array, sheetIndex = 0): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  const sheet = wb.worksheets[sheetIndex];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const v = row.getCell(c).value as unknown;
      cells.push(
        typeof v === "object" && v !== null && "text" in v
          ? String((v as { text: unknown }).text)
          : String(v ?? ""),
      );
    }
    rows.push(cells);
  });
  return rows;
}

export async function audits(t: FeatureTester, action: string) {
  return t.db.selectFrom("audit_log").selectAll().where("action", "=", action).execute();
}
