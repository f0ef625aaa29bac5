// /me: the units I am linked to (with their roles) and my coordinator scopes; «Покинуть» a unit,
// after a confirmation. The list is one message, edited in place.
import { Composer } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { leaveUnit, listUserScopes, listUserUnits } from "../../../../db/queries/memberships.js";
import { getUnit, unitTitle } from "../../../../db/queries/units.js";
import { escapeHtml } from "../../../domain/text/html.js";
import { applyOnce } from "../../apply-once.js";
import type { BaseContext, BotContext } from "../../context.js";
import { label, refuse, type Screen, show } from "../../screen.js";
import { onboardingData, parseOnboardingData } from "./callback-data.js";

export const me = new Composer<BotContext>();

me.chatType("private").command("me", async (ctx) => {
  await show(ctx, await meScreen(ctx));
});

me.callbackQuery(/^me:/, async (ctx) => {
  const b = parseOnboardingData(ctx.callbackQuery.data);
  if (!b?.t.startsWith("me.")) return refuse(ctx, ctx.t("onboarding-button-stale"));
  const userId = ctx.from.id;
  const { db, clock } = ctx.app.deps;
  if (b.t === "me.back") {
    await ctx.answerCallbackQuery();
    return show(ctx, await meScreen(ctx));
  }
  if (b.t !== "me.lv" && b.t !== "me.ly") return refuse(ctx, ctx.t("onboarding-button-stale"));
  // Only a unit the presser is a member of right now.
  const mine = (await listUserUnits(db, userId)).some((u) => u.unitId === b.unit);
  const unit = await getUnit(db, b.unit);
  if (!mine || !unit) {
    await ctx.answerCallbackQuery({ text: ctx.t("me-not-member") });
    return show(ctx, await meScreen(ctx));
  }
  const title = unitTitle(unit);
  if (b.t === "me.lv") {
    await ctx.answerCallbackQuery();
    return show(ctx, {
      text: ctx.t("me-leave-confirm", { unit: escapeHtml(title) }),
      reply_markup: {
        inline_keyboard: [
          [
            { text: ctx.t("me-btn-leave-yes"), callback_data: onboardingData({ t: "me.ly", unit: unit.id }) },
            { text: ctx.t("me-btn-back"), callback_data: onboardingData({ t: "me.back" }) },
          ],
        ],
      },
    });
  }
  await applyOnce(ctx, (trx) => leaveUnit(trx, { userId, unitId: unit.id, at: clock() }));
  await ctx.answerCallbackQuery({ text: ctx.t("me-left-short") });
  const screen = await meScreen(ctx);
  await show(ctx, { ...screen, text: `${ctx.t("me-left", { unit: escapeHtml(title) })}\n\n${screen.text}` });
});

/** My links now: units (with roles), coordinator scopes, and a leave button per unit. */
export async function meScreen(ctx: BaseContext): Promise<Screen> {
  const userId = ctx.from?.id as number;
  const { db } = ctx.app.deps;
  const units = await listUserUnits(db, userId);
  const scopes = await listUserScopes(db, userId);
  const isAdmin = Number(ctx.app.user?.is_admin ?? 0) === 1;
  if (units.length === 0 && scopes.length === 0 && !isAdmin) return { text: ctx.t("me-nothing") };
  const lines = [ctx.t("me-title")];
  if (units.length > 0) {
    lines.push("", ctx.t("me-units"));
    for (const u of units)
      lines.push(`• ${escapeHtml(unitTitle({ roleName: u.roleName, name: u.unitName }))}`);
  }
  if (isAdmin || scopes.length > 0) {
    lines.push("", ctx.t("me-scopes"));
    if (isAdmin || scopes.some((s) => s.unitId === null)) lines.push(`• ${ctx.t("me-scope-all")}`);
    for (const s of scopes) {
      if (s.unitId === null || s.unitName === null || s.roleName === null) continue;
      lines.push(
        `• ${ctx.t("me-scope-unit", { unit: escapeHtml(unitTitle({ roleName: s.roleName, name: s.unitName })) })}`,
      );
    }
  }
  const rows: InlineKeyboardButton[][] = units.map((u) => [
    {
      text: ctx.t("me-btn-leave", { unit: label(u.unitName, 30) }),
      callback_data: onboardingData({ t: "me.lv", unit: u.unitId }),
    },
  ]);
  return { text: lines.join("\n"), reply_markup: rows.length ? { inline_keyboard: rows } : undefined };
}
