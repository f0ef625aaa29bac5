// /units: coordinators see the units of their scope by role, add one, rename one, set its parent,
// invite for it, or upload a list (CSV/XLSX) of many — see upload.ts. Rights are checked on
// every press: a unit outside the presser's scope is refused and nothing changes.
//
// Units list vs plan upload: a list is only taken after «📥 Загрузить список» (button `un:file`),
// which starts the `units-upload` conversation; that conversation sees the chat's next document
// before any feature does (conversations run first). A document sent without that step is never
// read as a units list: it is left to the plan upload. The header row is not used to guess.
import { Composer } from "grammy";
import { loadUnitTree } from "../../../../db/queries/actors.js";
import { getUnit, setUnitParent, wouldLoop } from "../../../../db/queries/units.js";
import { canCoordinateUnit, coordinatesEverything, isCoordinator } from "../../../domain/permissions.js";
import { applyOnce } from "../../apply-once.js";
import type { BotContext } from "../../context.js";
import { currentActor } from "../../reader.js";
import type { BotFeature } from "../../runtime/feature.js";
import { refuse, show } from "../../screen.js";
import { parseOnboardingData } from "../onboarding/callback-data.js";
import { mayCreateUnder } from "../onboarding/invites-screens.js";
import {
  UNIT_NAME_CONVERSATION,
  UNITS_UPLOAD_CONVERSATION,
  type UnitNameArgs,
  unitsConversations,
} from "./dialogues.js";
import {
  addParentScreen,
  parentPickerScreen,
  unitCardScreen,
  unitsOfRoleScreen,
  unitsRolesScreen,
} from "./screens.js";

const composer = new Composer<BotContext>();

composer.chatType("private").command("units", async (ctx) => {
  const actor = await currentActor(ctx);
  if (!isCoordinator(actor)) return void (await ctx.reply(ctx.t("onboarding-coordinators-only")));
  await show(ctx, await unitsRolesScreen(ctx, actor, 0));
});

composer.callbackQuery(/^un:/, async (ctx) => {
  const b = parseOnboardingData(ctx.callbackQuery.data);
  if (!b?.t.startsWith("un.")) return refuse(ctx, ctx.t("onboarding-button-stale"));
  const actor = await currentActor(ctx);
  if (!isCoordinator(actor)) return refuse(ctx, ctx.t("onboarding-coordinators-only"));
  const { db, clock } = ctx.app.deps;
  // Every button naming a unit: that unit must be live and in the presser's scope.
  if ("unit" in b) {
    const unit = await getUnit(db, b.unit);
    if (!unit || unit.archived || !canCoordinateUnit(actor, unit.id, await loadUnitTree(db)))
      return refuse(ctx, ctx.t("onboarding-not-your-unit"));
  }
  switch (b.t) {
    case "un.rp":
      await ctx.answerCallbackQuery();
      return show(ctx, await unitsRolesScreen(ctx, actor, b.page));
    case "un.up": {
      const screen = await unitsOfRoleScreen(ctx, actor, b.role, b.page);
      if (!screen) return refuse(ctx, ctx.t("onboarding-button-stale"));
      await ctx.answerCallbackQuery();
      return show(ctx, screen);
    }
    case "un.u":
    case "un.pp": {
      const screen =
        b.t === "un.u"
          ? await unitCardScreen(ctx, b.unit)
          : await parentPickerScreen(ctx, actor, b.unit, b.page);
      if (!screen) return refuse(ctx, ctx.t("onboarding-button-stale"));
      await ctx.answerCallbackQuery();
      return show(ctx, screen);
    }
    case "un.add":
      // A whole-deployment coordinator types the name at once (the parent can be set later);
      // a scoped one first picks where the unit goes, inside their scope.
      if (coordinatesEverything(actor)) {
        if (!(await mayCreateUnder(ctx, actor, b.role, 0)))
          return refuse(ctx, ctx.t("onboarding-button-stale"));
        return enterName(ctx, { mode: "add", roleId: b.role, parentId: null });
      }
      return showAddParent(ctx, actor, b.role, 0);
    case "un.ap":
      return showAddParent(ctx, actor, b.role, b.page);
    case "un.an":
      if (!(await mayCreateUnder(ctx, actor, b.role, b.parent)))
        return refuse(ctx, ctx.t("onboarding-not-your-unit"));
      return enterName(ctx, { mode: "add", roleId: b.role, parentId: b.parent || null });
    case "un.ren":
      return enterName(ctx, { mode: "rename", unitId: b.unit });
    case "un.sp": {
      const tree = await loadUnitTree(db);
      const parent = b.parent === 0 ? null : await getUnit(db, b.parent);
      const allowed =
        b.parent === 0
          ? coordinatesEverything(actor)
          : !!parent && !parent.archived && canCoordinateUnit(actor, parent.id, tree);
      if (!allowed) return refuse(ctx, ctx.t("onboarding-not-your-unit"));
      if (wouldLoop(b.unit, b.parent || null, tree)) return refuse(ctx, ctx.t("units-parent-loop"));
      await applyOnce(ctx, (trx) =>
        setUnitParent(trx, { unitId: b.unit, parentUnitId: b.parent || null, by: actor.userId, at: clock() }),
      );
      await ctx.answerCallbackQuery({ text: ctx.t("units-parent-set") });
      const card = await unitCardScreen(ctx, b.unit);
      if (card) await show(ctx, card);
      return;
    }
    case "un.file":
      await ctx.answerCallbackQuery();
      await ctx.conversation.exitAll();
      return ctx.conversation.enter(UNITS_UPLOAD_CONVERSATION);
  }
});

async function showAddParent(
  ctx: BotContext,
  actor: Awaited<ReturnType<typeof currentActor>>,
  role: number,
  page: number,
) {
  const screen = await addParentScreen(ctx, actor, role, page);
  if (!screen) return refuse(ctx, ctx.t("onboarding-button-stale"));
  await ctx.answerCallbackQuery();
  await show(ctx, screen);
}

async function enterName(ctx: BotContext, args: UnitNameArgs) {
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(UNIT_NAME_CONVERSATION, args);
}

export const unitsFeature: BotFeature = { name: "units", composer, conversations: unitsConversations };
