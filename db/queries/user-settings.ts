// A user's own settings (/settings): digest time, time zone, language, pause. Audited.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema.js";
import { recordAudit } from "./audit.js";

type Db = Kysely<Database> | Transaction<Database>;

export interface SettingsPatch {
  digestTime?: string;
  timezone?: string;
  language?: string;
  paused?: boolean;
}

/** Stores what `patch` names (nothing else) and audits the change. */
export async function updateUserSettings(
  db: Db,
  userId: number,
  patch: SettingsPatch,
  at: Date,
): Promise<void> {
  const set = {
    ...(patch.digestTime === undefined ? {} : { digest_time: patch.digestTime }),
    ...(patch.timezone === undefined ? {} : { timezone: patch.timezone }),
    ...(patch.language === undefined ? {} : { language: patch.language }),
    ...(patch.paused === undefined ? {} : { digest_paused: patch.paused ? 1 : 0 }),
  };
  if (Object.keys(set).length === 0) return;
  await db.updateTable("users").set(set).where("id", "=", userId).execute();
  await recordAudit(db, {
    at,
    userId,
    action: "user.settings",
    entity: "user",
    entityId: userId,
    details: { ...patch },
  });
}
