// /invite: a coordinator picks a role and a unit of their scope (or creates a new one, or picks a
// coordinator scope), sets how long the link lasts and how many may use it, and gets the deep
// link. /invites: the active invites of their scope, each revocable (the list is edited in place).
import { Composer } from "grammy";
import { loadUnitTree } from "../../../../db/queries/actors.js";
import { createInvite, getInvite, inviteState, revokeInvite } from "../../../../db/queries/invites.js";
import { getUnit } from "../../../../db/queries/units.js";
import {
  type Actor,
  canCoordinateUnit,
  coordinatesEverything,
  isCoordinator,
  unitsCoordinatedBy,
} from "../../../domain/permissions.js";
import { escapeHtml } from "../../../domain/text/html.js";
import { applyOnce } from "../../apply-once.js";
import type { BaseContext, BotContext } from "../../context.js";
import { currentActor, localShortDate, userLocale, userZone } from "../../reader.js";
import { refuse, show } from "../../screen.js";
import { UNIT_NAME_CONVERSATION, type UnitNameArgs } from "../units/dialogues.js";
import { type OnboardingButton, onboardingData, parseOnboardingData } from "./callback-data.js";
import {
  coordinatorScopeScreen,
  deepLink,
  inviteOptionsScreen,
  inviteRolesScreen,
  invitesListScreen,
  inviteTargetTitle,
  inviteUnitsScreen,
  mayCreateUnder,
  mayManageInvite,
  newUnitParentScreen,
  optionsData,
} from "./invites-screens.js";

export const invites = new Composer<BotContext>();
const priv = invites.chatType("private");

priv.command("invite", async (ctx) => {
  const actor = await currentActor(ctx);
  if (!isCoordinator(actor)) return void (await ctx.reply(ctx.t("onboarding-coordinators-only")));
  await show(ctx, await inviteRolesScreen(ctx, actor, 0));
});

priv.command("invites", async (ctx) => {
  const actor = await currentActor(ctx);
  if (!isCoordinator(actor)) return void (await ctx.reply(ctx.t("onboarding-coordinators-only")));
  await show(ctx, await invitesListScreen(ctx, actor, await coordinated(ctx, actor), 0));
});

invites.callbackQuery(/^iv:/, async (ctx) => {
  const b = parseOnboardingData(ctx.callbackQuery.data);
  if (!b?.t.startsWith("iv.")) return refuse(ctx, ctx.t("onboarding-button-stale"));
  const actor = await currentActor(ctx);
  if (!isCoordinator(actor)) return refuse(ctx, ctx.t("onboarding-coordinators-only"));
  switch (b.t) {
    case "iv.rp":
      await ctx.answerCallbackQuery();
      return show(ctx, await inviteRolesScreen(ctx, actor, b.page));
    case "iv.up": {
      const screen = await inviteUnitsScreen(ctx, actor, b.role, b.page);
      if (!screen) return refuse(ctx, ctx.t("onboarding-button-stale"));
      await ctx.answerCallbackQuery();
      return show(ctx, screen);
    }
    case "iv.np": {
      const screen = await newUnitParentScreen(ctx, actor, b.role, b.page);
      if (!screen) return refuse(ctx, ctx.t("onboarding-button-stale"));
      await ctx.answerCallbackQuery();
      return show(ctx, screen);
    }
    case "iv.nn":
      return startNewUnit(ctx, actor, b);
    case "iv.co":
      await ctx.answerCallbackQuery();
      return show(ctx, await coordinatorScopeScreen(ctx, actor, b.page));
    case "iv.o":
    case "iv.mk":
      return inviteOptionsOrCreate(ctx, actor, b);
    case "iv.lp":
      await ctx.answerCallbackQuery();
      return show(ctx, await invitesListScreen(ctx, actor, await coordinated(ctx, actor), b.page));
    case "iv.rv":
      return revoke(ctx, actor, b);
  }
});

async function coordinated(ctx: BaseContext, actor: Actor) {
  return unitsCoordinatedBy(actor, await loadUnitTree(ctx.app.deps.db));
}

async function startNewUnit(ctx: BotContext, actor: Actor, b: Extract<OnboardingButton, { t: "iv.nn" }>) {
  if (!(await mayCreateUnder(ctx, actor, b.role, b.parent)))
    return refuse(ctx, ctx.t("onboarding-not-your-unit"));
  await ctx.answerCallbackQuery();
  const args: UnitNameArgs = { mode: "invite", roleId: b.role, parentId: b.parent || null };
  // A dialogue left open elsewhere (one that let this press through) gives way to this one.
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(UNIT_NAME_CONVERSATION, args);
}

/** May the actor invite for this target (k e: a unit; k c: a scope unit, or 0 for everything)? */
async function mayInvite(ctx: BaseContext, actor: Actor, k: "e" | "c", target: number) {
  if (target === 0) return k === "c" && coordinatesEverything(actor);
  const { db } = ctx.app.deps;
  const unit = await getUnit(db, target);
  return !!unit && !unit.archived && canCoordinateUnit(actor, target, await loadUnitTree(db));
}

async function inviteOptionsOrCreate(
  ctx: BaseContext,
  actor: Actor,
  b: Extract<OnboardingButton, { t: "iv.o" | "iv.mk" }>,
) {
  const kind = b.k === "e" ? "executor" : "coordinator";
  const title = await inviteTargetTitle(ctx, kind, b.target || null);
  if (title === null || !(await mayInvite(ctx, actor, b.k, b.target))) {
    return refuse(ctx, ctx.t("onboarding-not-your-unit"));
  }
  if (b.t === "iv.o") {
    await ctx.answerCallbackQuery();
    return show(
      ctx,
      inviteOptionsScreen(ctx, b.k, b.target, title, b.days, b.uses, await backData(ctx, b.k, b.target)),
    );
  }
  const { clock } = ctx.app.deps;
  const now = clock();
  const r = await applyOnce(ctx, (trx) =>
    createInvite(trx, {
      kind,
      unitId: b.target || null,
      createdBy: actor.userId,
      at: now,
      days: b.days,
      maxUses: b.uses,
    }),
  );
  // A redelivered press: the token was never shown and is not stored; nothing to show again.
  if (!r.applied) return void (await ctx.answerCallbackQuery({ text: ctx.t("onboarding-done-already") }));
  await ctx.answerCallbackQuery({ text: ctx.t("invites-created-short") });
  const link = deepLink(ctx.me.username, r.value.token);
  await show(ctx, {
    text: ctx.t("invites-created", {
      target: escapeHtml(title),
      link,
      date: localShortDate(r.value.expiresAt, userZone(ctx), userLocale(ctx), now),
      uses: r.value.maxUses,
      kind,
    }),
  });
}

async function backData(ctx: BaseContext, k: "e" | "c", target: number): Promise<string> {
  if (k === "c") return onboardingData({ t: "iv.co", page: 0 });
  const unit = await getUnit(ctx.app.deps.db, target);
  return unit
    ? onboardingData({ t: "iv.up", role: unit.roleId, page: 0 })
    : onboardingData({ t: "iv.rp", page: 0 });
}

async function revoke(ctx: BaseContext, actor: Actor, b: Extract<OnboardingButton, { t: "iv.rv" }>) {
  const { db, clock } = ctx.app.deps;
  const scope = await coordinated(ctx, actor);
  const invite = await getInvite(db, b.invite);
  if (!invite || !mayManageInvite(actor, invite, scope))
    return refuse(ctx, ctx.t("onboarding-not-your-unit"));
  const now = clock();
  if (inviteState(invite, now) !== "active") {
    await ctx.answerCallbackQuery({ text: ctx.t("invites-not-active") });
  } else {
    await applyOnce(ctx, (trx) => revokeInvite(trx, { inviteId: invite.id, by: actor.userId, at: now }));
    await ctx.answerCallbackQuery({ text: ctx.t("invites-revoked-short") });
  }
  await show(ctx, await invitesListScreen(ctx, actor, scope, b.page));
}

export { optionsData };
