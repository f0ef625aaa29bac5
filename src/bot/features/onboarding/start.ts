// /start: joining by an invite link (`/start <token>`), the greeting of a linked user, and the
// welcome of a stranger (who can ask for access, see access.ts). Also keeps ADMIN_IDS users
// admins: synced when the bot starts (`syncConfiguredAdmins`) and on each of their updates.
import { Composer } from "grammy";
import { pendingRequestOf } from "../../../../db/queries/access-requests.js";
import { loadActor, syncAdmins } from "../../../../db/queries/actors.js";
import {
  findInviteByToken,
  type InviteState,
  inviteState,
  useInvite,
} from "../../../../db/queries/invites.js";
import { addCoordinatorScope, linkMember } from "../../../../db/queries/memberships.js";
import { getUnit, unitTitle } from "../../../../db/queries/units.js";
import type { InviteRow } from "../../../../db/schema.js";
import { escapeHtml } from "../../../domain/text/html.js";
import { applyOnce } from "../../apply-once.js";
import { refreshUserCommands } from "../../commands-menu.js";
import type { BaseContext, BotContext, BotDeps } from "../../context.js";
import { localShortDate, userLocale, userZone } from "../../reader.js";
import type { Screen } from "../../screen.js";
import { onboardingData } from "./callback-data.js";
import { loadGreeting, renderGreeting } from "./greeting.js";

/** Makes every ADMIN_IDS user an admin; call once when the bot starts. */
export async function syncConfiguredAdmins(
  deps: Pick<BotDeps, "db" | "config" | "clock">,
): Promise<number[]> {
  return syncAdmins(deps.db, deps.config.adminIds, deps.clock());
}

export const onboarding = new Composer<BotContext>();

// ADMIN_IDS users are admins: all of them once per process (in case the start-up sync was not
// run), and the sender before anything else looks at their rights.
const syncedAtStart = new WeakSet<BotDeps>();
onboarding.use(async (ctx, next) => {
  const id = ctx.from?.id;
  const { deps } = ctx.app;
  if (!syncedAtStart.has(deps)) {
    syncedAtStart.add(deps);
    await syncConfiguredAdmins(deps);
    if (ctx.app.user && deps.config.adminIds.includes(ctx.app.user.id))
      ctx.app.user = { ...ctx.app.user, is_admin: 1 };
  }
  if (id !== undefined && deps.config.adminIds.includes(id) && Number(ctx.app.user?.is_admin ?? 0) !== 1) {
    await syncAdmins(deps.db, [id], deps.clock());
    if (ctx.app.user) ctx.app.user = { ...ctx.app.user, is_admin: 1 };
  }
  await next();
});

onboarding.chatType("private").command("start", async (ctx) => {
  const token = ctx.match.trim();
  if (token === "") await startPlain(ctx);
  else await startWithToken(ctx, token);
});

/** The greeting of the sender, or null when they are linked to nothing. */
export async function greetingFor(ctx: BaseContext): Promise<Screen | null> {
  const id = ctx.from?.id;
  if (id === undefined) return null;
  const data = await loadGreeting(ctx.app.deps.db, ctx.app.deps.config, id);
  return data ? renderGreeting(data, ctx.t) : null;
}

async function startPlain(ctx: BaseContext): Promise<void> {
  const greeting = await greetingFor(ctx);
  if (greeting) return reply(ctx, greeting);
  const pending = await hasPendingRequest(ctx);
  await reply(ctx, {
    text: [
      ctx.t("onboarding-about"),
      "",
      ctx.t(pending ? "onboarding-request-pending" : "onboarding-how-to-join"),
    ].join("\n"),
    reply_markup: pending ? undefined : requestKeyboard(ctx),
  });
}

class InviteUsedMeanwhile extends Error {}

async function startWithToken(ctx: BaseContext, token: string): Promise<void> {
  const { db, clock } = ctx.app.deps;
  const userId = ctx.from?.id as number;
  const now = clock();
  const invite = await findInviteByToken(db, token);
  const target = invite ? await inviteTarget(ctx, invite) : null;
  if (!invite || target === null) return badLink(ctx, "unknown", null);
  const state = inviteState(invite, now);
  if (state !== "active") {
    // Someone opening their own link again (used up, or expired since): just greet them.
    if (await alreadyLinkedBy(ctx, invite, userId)) {
      const greeting = await greetingFor(ctx);
      const prefix = ctx.t("onboarding-already-yours", { target: escapeHtml(target) });
      if (greeting) return reply(ctx, { ...greeting, text: `${prefix}\n\n${greeting.text}` });
    }
    return badLink(ctx, state, invite);
  }

  let outcome: "linked" | "already" | "redelivered";
  try {
    const r = await applyOnce(ctx, async (trx) => {
      const via = { invite: invite.id };
      const linked =
        invite.kind === "executor"
          ? await linkMember(trx, { userId, unitId: invite.unit_id as number, at: now, via, actorId: userId })
          : await addCoordinatorScope(trx, { userId, unitId: invite.unit_id, at: now, via, actorId: userId });
      // Already linked the same way: keep the link unused for someone else.
      if (!linked.created) return "already" as const;
      if (!(await useInvite(trx, invite.id, now))) throw new InviteUsedMeanwhile();
      return "linked" as const;
    });
    outcome = r.applied ? r.value : "redelivered";
  } catch (err) {
    if (!(err instanceof InviteUsedMeanwhile)) throw err;
    const fresh = await findInviteByToken(db, token);
    const now2 = fresh ? inviteState(fresh, clock()) : "unknown";
    return badLink(ctx, now2 === "active" ? "used" : now2, fresh ?? null);
  }
  if (outcome === "linked" && invite.kind === "coordinator") {
    // The coordinators' commands menu, for this chat. A failure here must not spoil the greeting.
    await refreshUserCommands(ctx.api, ctx.app.deps, userId).catch((err) =>
      ctx.app.logger.warn({ err }, "could not refresh the commands menu"),
    );
  }
  const greeting = await greetingFor(ctx);
  if (!greeting) return badLink(ctx, "unknown", null);
  if (outcome === "already") {
    const prefix = ctx.t("onboarding-already-linked", { target: escapeHtml(target) });
    return reply(ctx, { ...greeting, text: `${prefix}\n\n${greeting.text}` });
  }
  await reply(ctx, greeting);
}

/** True when the user already holds what the invite gives (a membership, or that coordinator scope). */
async function alreadyLinkedBy(ctx: BaseContext, invite: InviteRow, userId: number): Promise<boolean> {
  const actor = await loadActor(ctx.app.deps.db, userId);
  return invite.kind === "executor"
    ? invite.unit_id !== null && actor.unitIds.includes(invite.unit_id)
    : actor.coordinatorScopes.includes(invite.unit_id);
}

/** «Муниципальные организаторы — Бежецкий район», a coordinator scope; null when gone. */
async function inviteTarget(ctx: BaseContext, invite: InviteRow): Promise<string | null> {
  if (invite.unit_id === null) return invite.kind === "coordinator" ? ctx.t("onboarding-scope-all") : null;
  const unit = await getUnit(ctx.app.deps.db, invite.unit_id);
  if (!unit || unit.archived) return null;
  return unitTitle(unit);
}

async function badLink(
  ctx: BaseContext,
  state: Exclude<InviteState, "active"> | "unknown",
  invite: InviteRow | null,
) {
  const now = ctx.app.deps.clock();
  const problem =
    state === "expired" && invite
      ? ctx.t("onboarding-link-expired", {
          date: localShortDate(new Date(invite.expires_at), userZone(ctx), userLocale(ctx), now),
        })
      : ctx.t(`onboarding-link-${state}`);
  const greeting = await greetingFor(ctx);
  if (greeting) {
    return reply(ctx, { ...greeting, text: `${problem}\n\n${greeting.text}` });
  }
  const pending = await hasPendingRequest(ctx);
  await reply(ctx, {
    text: `${problem}\n${ctx.t(pending ? "onboarding-request-pending" : "onboarding-ask-new-link")}`,
    reply_markup: pending ? undefined : requestKeyboard(ctx),
  });
}

async function hasPendingRequest(ctx: BaseContext): Promise<boolean> {
  const id = ctx.from?.id;
  if (id === undefined) return false;
  return (await pendingRequestOf(ctx.app.deps.db, id)) !== undefined;
}

function requestKeyboard(ctx: BaseContext) {
  return {
    inline_keyboard: [
      [{ text: ctx.t("onboarding-btn-request"), callback_data: onboardingData({ t: "o.req" }) }],
    ],
  };
}

async function reply(ctx: BaseContext, screen: Screen): Promise<void> {
  await ctx.reply(screen.text, {
    parse_mode: "HTML",
    reply_markup: screen.reply_markup,
    link_preview_options: { is_disabled: true },
  });
}
