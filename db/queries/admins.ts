// Admins made from the command line (`srok admin add`): the first coordinators of a deployment.
import { recordAudit } from "./audit.js";
import { inTransaction, type Queryable } from "./in-transaction.js";

export interface AdminGranted {
  /** The user row did not exist before. */
  userCreated: boolean;
  /** The user was not an admin before. */
  promoted: boolean;
  /** A coordinator scope over everything was added (there was none). */
  scopeAdded: boolean;
}

/**
 * Makes a Telegram user an admin and a coordinator over the whole deployment: creates the user
 * row when they never wrote to the bot, adds the scope unless they have it. Audited; running it
 * again changes nothing.
 */
export async function grantAdmin(db: Queryable, e: { userId: number; at: Date }): Promise<AdminGranted> {
  return inTransaction(db, async (trx) => {
    const at = e.at.toISOString();
    const user = await trx
      .selectFrom("users")
      .select(["id", "is_admin"])
      .where("id", "=", e.userId)
      .executeTakeFirst();
    if (!user) await trx.insertInto("users").values({ id: e.userId, is_admin: 1, created_at: at }).execute();
    else if (Number(user.is_admin) !== 1)
      await trx.updateTable("users").set({ is_admin: 1 }).where("id", "=", e.userId).execute();
    const scope = await trx
      .selectFrom("coordinator_scopes")
      .select("id")
      .where("user_id", "=", e.userId)
      .where("unit_id", "is", null)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (!scope)
      await trx
        .insertInto("coordinator_scopes")
        .values({ user_id: e.userId, unit_id: null, created_at: at, revoked_at: null })
        .execute();
    const result = { userCreated: !user, promoted: !user || Number(user.is_admin) !== 1, scopeAdded: !scope };
    if (result.promoted || result.scopeAdded)
      await recordAudit(trx, {
        at: e.at,
        userId: null,
        action: "admin.add",
        entity: "user",
        entityId: e.userId,
        details: { source: "cli", ...result },
      });
    return result;
  });
}
